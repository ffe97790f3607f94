// What the page and the run worker say to each other.
import type { Service } from '../../../grader/services.ts';

export interface RunRequest {
  type: 'run';
  code: string;
  endpoint: string;
  account: string;
  /** The account's secret key: a class sandbox verifies every signature with it. */
  secret: string;
  /** A port straight to the in-page sandbox at `endpoint`, given once to a worker when this tab
   *  runs that sandbox (sandbox-relay.ts). */
  relay?: MessagePort;
}

export interface PreloadRequest {
  type: 'preload';
  /** The lab's services, whose SDK packages the worker fetches ahead of the first run. */
  services: Service[];
}

export type RunEvent =
  | { type: 'ready' }
  | { type: 'log'; level: 'log' | 'info' | 'warn' | 'error'; text: string }
  | { type: 'done'; ms: number }
  | { type: 'failed'; message: string }
  /** The code does not parse: where, and the transpiler's own words. */
  | { type: 'syntax'; line: number; column: number; message: string };

export type ToolRequest =
  | { id: number; type: 'check'; lab: string; endpoint: string; account: string; secret: string; lang: 'ko' | 'en' }
  | { id: number; type: 'setup'; lab: string; endpoint: string; account: string; secret: string }
  | { id: number; type: 'resources'; lab: string; endpoint: string; account: string; secret: string; lang: 'ko' | 'en' };

export type ToolResponse = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };
