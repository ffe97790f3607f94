import { describe, expect, it } from 'vitest';
import { cpuUnits, isValidFargateSize, memoryMiB, taskDefinitionFamily } from './ecs.ts';

describe('Fargate task sizes', () => {
  it('accepts the pairs in the AWS table, in units or in vCPU/GB', () => {
    expect(isValidFargateSize('256', '512')).toBe(true);
    expect(isValidFargateSize('512', '4096')).toBe(true);
    expect(isValidFargateSize('1 vCPU', '2 GB')).toBe(true);
    expect(isValidFargateSize('0.25 vcpu', '0.5gb')).toBe(true);
    expect(isValidFargateSize('16384', '122880')).toBe(true);
  });

  it('refuses pairs Fargate cannot run, and missing values', () => {
    expect(isValidFargateSize('256', '4096')).toBe(false);
    expect(isValidFargateSize('1024', '1024')).toBe(false);
    expect(isValidFargateSize('300', '512')).toBe(false);
    expect(isValidFargateSize(undefined, '512')).toBe(false);
    expect(isValidFargateSize('256', undefined)).toBe(false);
  });

  it('converts units', () => {
    expect(cpuUnits('2 vCPU')).toBe(2048);
    expect(memoryMiB('3 GB')).toBe(3072);
    expect(cpuUnits('lots')).toBeUndefined();
  });
});

describe('taskDefinitionFamily', () => {
  it('reads the family of an ARN, family:revision or a bare family', () => {
    expect(taskDefinitionFamily('arn:aws:ecs:us-east-1:123456789012:task-definition/hello-task:3')).toBe('hello-task');
    expect(taskDefinitionFamily('hello-task:2')).toBe('hello-task');
    expect(taskDefinitionFamily('hello-task')).toBe('hello-task');
    expect(taskDefinitionFamily(undefined)).toBeUndefined();
  });
});
