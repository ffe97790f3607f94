// How many columns a terminal gives text: a Korean (or other East Asian wide) character takes two,
// a combining mark none. For tables whose names must line up.
const wide = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uA960-\uA97F\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F300}-\u{1F64F}\u{1F900}-\u{1F9FF}\u{20000}-\u{3FFFD}]/u;
const zeroWidth = /[\p{Mn}\p{Me}\p{Cf}]/u;

/** How many terminal columns the text takes. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text.normalize('NFC')) width += zeroWidth.test(char) ? 0 : wide.test(char) ? 2 : 1;
  return width;
}
