// IAM's wildcards: `*` is any run of characters, `?` exactly one.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html#reference_policies_elements_resource_wildcards
// In an ARN the wildcards stay inside their colon-separated segment, except a `*` that ends a
// segment, which "can expand to match beyond the colon boundaries"; the resource part (after the
// fifth colon) is one segment, so `arn:aws:s3:::bucket/*` covers keys with colons in them.
// Patterns are compiled to a small automaton, which also answers the two questions about a whole
// range of values (every value that starts with a prefix): does the pattern match some of them,
// and does it match all of them.

type Token =
  | { kind: 'char'; char: string }
  | { kind: 'one'; colon: boolean }
  | { kind: 'any'; colon: boolean };

export interface Pattern {
  tokens: Token[];
  ignoreCase: boolean;
}

export interface PatternOptions {
  /** Actions and most condition values compare case-insensitively; ARNs do not. */
  ignoreCase?: boolean;
  /** An ARN: wildcards in its first five segments do not cross a colon (see above). */
  arn?: boolean;
}

/** Compiled patterns, shared: a least-privilege check asks hundreds of requests of one policy. */
const compiled = new Map<string, Pattern>();
const compiledLimit = 5000;

export function compile(pattern: string, options: PatternOptions = {}): Pattern {
  const key = `${options.ignoreCase ? 'i' : ''}${options.arn ? 'a' : ''}|${pattern}`;
  let result = compiled.get(key);
  if (!result) {
    if (compiled.size >= compiledLimit) compiled.clear();
    result = compilePattern(pattern, options);
    compiled.set(key, result);
  }
  return result;
}

function compilePattern(pattern: string, options: PatternOptions): Pattern {
  const ignoreCase = options.ignoreCase ?? false;
  const text = ignoreCase ? pattern.toLowerCase() : pattern;
  const tokens: Token[] = [];
  let colons = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    const inResourcePart = !options.arn || colons >= 5;
    if (char === '*') {
      const endsSegment = i === text.length - 1 || text[i + 1] === ':';
      tokens.push({ kind: 'any', colon: inResourcePart || endsSegment });
    } else if (char === '?') {
      tokens.push({ kind: 'one', colon: inResourcePart });
    } else {
      if (char === ':') colons++;
      tokens.push({ kind: 'char', char });
    }
  }
  return { tokens, ignoreCase };
}

/** Positions reachable without reading a character (a `*` may match nothing). */
function closure(pattern: Pattern, positions: Iterable<number>): Set<number> {
  const reached = new Set<number>();
  const stack = [...positions];
  while (stack.length > 0) {
    const position = stack.pop()!;
    if (reached.has(position)) continue;
    reached.add(position);
    if (pattern.tokens[position]?.kind === 'any') stack.push(position + 1);
  }
  return reached;
}

function step(pattern: Pattern, positions: Set<number>, char: string): Set<number> {
  const next: number[] = [];
  for (const position of positions) {
    const token = pattern.tokens[position];
    if (!token) continue;
    const fits = token.kind === 'char' ? token.char === char : token.colon || char !== ':';
    if (!fits) continue;
    next.push(token.kind === 'any' ? position : position + 1);
  }
  return closure(pattern, next);
}

function read(pattern: Pattern, text: string): Set<number> {
  let positions = closure(pattern, [0]);
  for (const char of pattern.ignoreCase ? text.toLowerCase() : text) {
    positions = step(pattern, positions, char);
    if (positions.size === 0) break;
  }
  return positions;
}

const accepts = (pattern: Pattern, positions: Set<number>) => positions.has(pattern.tokens.length);

/** Whether the pattern matches the value. */
export function matches(pattern: Pattern, value: string): boolean {
  return accepts(pattern, read(pattern, value));
}

/** Whether the pattern matches at least one value that starts with `prefix`. */
export function matchesSomeWith(pattern: Pattern, prefix: string): boolean {
  // Every position of a glob can still reach its end, so any position left means some value.
  return read(pattern, prefix).size > 0;
}

/** Whether the pattern matches every value that starts with `prefix`. */
export function matchesEveryWith(pattern: Pattern, prefix: string): boolean {
  // Walk every continuation: the characters the pattern names, a colon, and one it does not name.
  const alphabet = new Set([':', '\u0000']);
  for (const token of pattern.tokens) if (token.kind === 'char') alphabet.add(token.char);
  const seen = new Set<string>();
  const queue = [read(pattern, prefix)];
  while (queue.length > 0) {
    const positions = queue.pop()!;
    const key = [...positions].sort((a, b) => a - b).join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    if (!accepts(pattern, positions)) return false;
    for (const char of alphabet) queue.push(step(pattern, positions, char));
  }
  return true;
}

/** Whether the text holds a wildcard or a policy variable, i.e. is not one fixed value. */
export function isFixed(value: string): boolean {
  return value !== '' && !/[*?]/.test(value) && !value.includes('${');
}
