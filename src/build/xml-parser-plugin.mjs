// The SDK's browser build parses XML with DOMParser, which Web Workers lack. Our SDK code runs
// in workers, so every build (page, workers, dev pre-bundling) gets the SDK's own pure-JS parser.
import { readFileSync } from 'node:fs';

const browserParser = /@aws-sdk[\\/]xml-builder[\\/]dist-es[\\/]xml-parser\.browser\.js$/;

const load = (id) => {
  const file = id.split('?')[0];
  return browserParser.test(file) ? readFileSync(file.replace(/\.browser\.js$/, '.js'), 'utf8') : null;
};

/** For Vite (pages and workers) and for rolldown (dev dependency pre-bundling): same hook. */
export function pureJsXmlParser() {
  return { name: 'infralabs:pure-js-xml-parser', enforce: 'pre', load };
}
