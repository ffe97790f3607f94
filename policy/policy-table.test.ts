import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import { policyTable } from './policy-table.ts';
import { isPublicPolicy } from './public.ts';
import { trustAllowsService } from './trust.ts';

describe('the policy table, through policy/ itself', () => {
  for (const row of policyTable) {
    it(`${row.name} (${row.source})`, () => {
      const { question } = row;
      if (question.kind === 'public') expect(isPublicPolicy(row.policy)).toBe(question.expected);
      if (question.kind === 'request') expect(evaluate([row.policy], question.request, question.options)).toBe(question.expected);
      if (question.kind === 'trust') expect(trustAllowsService(row.policy, question.service)).toBe(question.expected);
    });
  }

  it('reads policies as strings, URL-encoded strings (as IAM returns them) and objects alike', () => {
    const policy = policyTable.find((row) => row.question.kind === 'public' && row.question.expected)!.policy;
    for (const form of [policy, JSON.stringify(policy), encodeURIComponent(JSON.stringify(policy))]) expect(isPublicPolicy(form)).toBe(true);
    expect(isPublicPolicy('not json')).toBe(false);
  });
});
