// Starters and solutions are written once, in both languages, and shown in the page's language
// only. The source stays a plain TypeScript file that `infralabs run` and the labs' tests run as
// it is: the Korean text lives in comments.
//
//   // 1. TODO: create the key pair `lab-key`.        an English comment line
//   //ko 1. 할 일: 키 페어 `lab-key`를 만드세요.       its Korean line (`//ko` + the same text)
//   console.log('TODO: fill in the steps above.');   a line of code with English in it
//   //ko> console.log('할 일: 위의 단계를 채우세요.');   the same line of code for Korean pages
//
// English pages drop the `//ko` and `//ko>` lines. Korean pages drop the English comment lines of
// every comment block that has Korean lines (a block: consecutive comment lines), show `//ko`
// lines as `//` comments, and put each `//ko>` line's code in place of the line above it.
export type CodeLang = 'ko' | 'en';

const koComment = /^(\s*)\/\/ko(?!>)(.*)$/;
const koCode = /^(\s*)\/\/ko> ?(.*)$/;
const comment = /^\s*\/\//;

export function codeForLanguage(source: string, lang: CodeLang): string {
  const lines = source.split('\n');
  if (lang === 'en') return lines.filter((line) => !koComment.test(line) && !koCode.test(line)).join('\n');
  const out: string[] = [];
  let block: string[] = [];
  const flush = () => {
    const translated = block.some((line) => koComment.test(line));
    for (const line of block) {
      const ko = koComment.exec(line);
      if (ko) out.push(`${ko[1]}//${ko[2]}`);
      else if (!translated) out.push(line);
    }
    block = [];
  };
  for (const line of lines) {
    const code = koCode.exec(line);
    if (code) {
      flush();
      out.pop();
      out.push(`${code[1]}${code[2]}`);
    } else if (comment.test(line)) {
      block.push(line);
    } else {
      flush();
      out.push(line);
    }
  }
  flush();
  return out.join('\n');
}
