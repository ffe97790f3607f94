// The Condition element, as IAM evaluates it: every operator block and every key in it must hold;
// within one key the values are alternatives ("OR"), and a negated operator holds when the
// request's value matches none of them. A key missing from the request makes a condition false,
// except for a negated operator, an ...IfExists operator, ForAllValues, and Null, where it holds.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-logic-multiple-context-keys-or-values.html
//
// What this module does not evaluate (Date and Binary operators, IPv6 ranges, policy variables in
// values, an operator it does not know) is 'unknown', never a guess: the caller's `lean` decides
// which way such a statement counts (evaluate.ts).
import { compile, matches } from './wildcard.ts';

export type ContextValue = string | number | boolean | string[];
/** Request context keys (case-insensitive names, as in IAM) and their values. */
export type RequestContext = Record<string, ContextValue>;
export type Truth = boolean | 'unknown';

type Compare = (policyValue: string, requestValue: string) => Truth;

const lower = (text: string) => text.toLowerCase();

function numeric(test: (policy: number, request: number) => boolean): Compare {
  return (policyValue, requestValue) => {
    const [p, r] = [Number(policyValue), Number(requestValue)];
    return Number.isNaN(p) || Number.isNaN(r) ? false : test(p, r);
  };
}

function ipv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || parts.some((part) => !/^\d{1,3}$/.test(part) || Number(part) > 255)) return undefined;
  return parts.reduce((sum, part) => sum * 256 + Number(part), 0);
}

/** Whether an IPv4 address lies in a CIDR range (a bare address is a /32); IPv6: unknown. */
export const inRange: Compare = (range, address) => {
  if (range.includes(':') || address.includes(':')) return 'unknown';
  const [base, bits = '32'] = range.split('/');
  const [start, value, prefix] = [ipv4(base ?? ''), ipv4(address), Number(bits)];
  if (start === undefined || value === undefined || !(prefix >= 0 && prefix <= 32)) return false;
  const size = 2 ** (32 - prefix);
  return Math.floor(start / size) === Math.floor(value / size);
};

/** The positive operators; each has a negated form (String -> StringNot, IpAddress -> NotIpAddress). */
const positive: Record<string, Compare> = {
  StringEquals: (p, r) => p === r,
  StringEqualsIgnoreCase: (p, r) => lower(p) === lower(r),
  StringLike: (p, r) => matches(compile(p), r),
  ArnEquals: (p, r) => matches(compile(p, { arn: true }), r),
  ArnLike: (p, r) => matches(compile(p, { arn: true }), r),
  NumericEquals: numeric((p, r) => r === p),
  NumericLessThan: numeric((p, r) => r < p),
  NumericLessThanEquals: numeric((p, r) => r <= p),
  NumericGreaterThan: numeric((p, r) => r > p),
  NumericGreaterThanEquals: numeric((p, r) => r >= p),
  Bool: (p, r) => lower(p) === lower(r),
  IpAddress: inRange,
};

const negated: Record<string, string> = {
  StringNotEquals: 'StringEquals',
  StringNotEqualsIgnoreCase: 'StringEqualsIgnoreCase',
  StringNotLike: 'StringLike',
  ArnNotEquals: 'ArnEquals',
  ArnNotLike: 'ArnLike',
  NumericNotEquals: 'NumericEquals',
  NotIpAddress: 'IpAddress',
};

export interface Operator {
  /** The positive base operator, e.g. StringLike for ForAnyValue:StringNotLikeIfExists. */
  base: string;
  negated: boolean;
  ifExists: boolean;
  set?: 'ForAllValues' | 'ForAnyValue';
}

/** Reads an operator name; undefined when IAM has no such operator or this module cannot evaluate it. */
export function parseOperator(name: string): Operator | undefined {
  const set = /^(ForAllValues|ForAnyValue):/.exec(name)?.[1] as Operator['set'];
  let rest = set ? name.slice(set.length + 1) : name;
  const ifExists = rest.endsWith('IfExists');
  if (ifExists) rest = rest.slice(0, -'IfExists'.length);
  if (rest === 'Null' && !ifExists && !set) return { base: 'Null', negated: false, ifExists: false };
  if (positive[rest]) return { base: rest, negated: false, ifExists, set };
  if (negated[rest]) return { base: negated[rest]!, negated: true, ifExists, set };
  return undefined;
}

const asStrings = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : value === undefined || value === null ? [] : [String(value)];

/** The request's values of a key, matched case-insensitively; undefined when absent. */
export function contextValues(context: RequestContext, key: string): string[] | undefined {
  const wanted = lower(key);
  for (const [name, value] of Object.entries(context)) if (lower(name) === wanted) return asStrings(value);
  return undefined;
}

function any(items: Truth[]): Truth {
  if (items.includes(true)) return true;
  return items.includes('unknown') ? 'unknown' : false;
}

function all(items: Truth[]): Truth {
  if (items.includes(false)) return false;
  return items.includes('unknown') ? 'unknown' : true;
}

const not = (truth: Truth): Truth => (truth === 'unknown' ? truth : !truth);

/** One operator on one key with its policy values. */
export function evaluateOperator(operator: Operator, key: string, policyValues: unknown, context: RequestContext, missingIsUnknown = false): Truth {
  const wanted = asStrings(policyValues);
  const present = contextValues(context, key);
  if (present === undefined && missingIsUnknown) return 'unknown';
  if (operator.base === 'Null') {
    const absent = present === undefined || present.length === 0;
    return any(wanted.map((value) => lower(value) === String(absent)));
  }
  if (wanted.some((value) => value.includes('${'))) return 'unknown'; // policy variables
  if (present === undefined || present.length === 0) {
    if (operator.set) return operator.set === 'ForAllValues';
    return operator.negated || operator.ifExists;
  }
  const compare = positive[operator.base]!;
  // One request value "fits" when it matches one of the policy's values (none of them, if negated).
  const fits = (value: string) => {
    const match = any(wanted.map((policyValue) => compare(policyValue, value)));
    return operator.negated ? not(match) : match;
  };
  const each = present.map(fits);
  return operator.set === 'ForAllValues' ? all(each) : any(each);
}

/** The whole Condition element of a statement. `missingIsUnknown`: a key the context lacks may
 *  still be in the real request (the caller does not know every key), so its conditions are unknown. */
export function evaluateConditions(condition: unknown, context: RequestContext, missingIsUnknown = false): Truth {
  if (condition === undefined || condition === null) return true;
  if (typeof condition !== 'object') return 'unknown';
  const results: Truth[] = [];
  for (const [name, block] of Object.entries(condition as Record<string, unknown>)) {
    const operator = parseOperator(name);
    if (!operator || typeof block !== 'object' || block === null) {
      results.push('unknown');
      continue;
    }
    for (const [key, values] of Object.entries(block)) results.push(evaluateOperator(operator, key, values, context, missingIsUnknown));
  }
  return all(results);
}
