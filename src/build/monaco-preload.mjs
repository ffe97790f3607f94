// Lab pages name Monaco's chunks in their <head> (<link rel="modulepreload">), so Chromium fetches
// and parses the 2.7 MB editor core while the page itself loads, instead of only once the
// workbench script has run and called import() (600 ms later on the two-core machines labs run on).
// The workbench script's own imports are named too, so it runs (and asks for the editor) sooner.
// Vite names chunks by content hash, so the client build tells us which files they are and the
// built lab pages are given the links afterwards.
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const editorModule = /\/src\/lab\/editor\/monaco\.ts$/;
// The lab page's own script: its small static imports are otherwise only asked for once it has
// been fetched and parsed, one more round trip before it can call import() for the editor.
const workbenchScript = /\/src\/components\/lab\/LabWorkbench\.astro\?astro&type=script/;

/** A chunk and every chunk it imports statically. */
function staticGraph(bundle, fileName, files = new Set()) {
  if (files.has(fileName)) return files;
  files.add(fileName);
  for (const dep of bundle[fileName]?.imports ?? []) staticGraph(bundle, dep, files);
  return files;
}

/** The editor's chunks and the workbench script's imports, largest first (it takes longest to arrive). */
function preloadedChunks(bundle) {
  const chunks = Object.values(bundle).filter((chunk) => chunk.type === 'chunk' && chunk.facadeModuleId);
  const editor = chunks.find((chunk) => editorModule.test(chunk.facadeModuleId));
  if (!editor) return [];
  const files = staticGraph(bundle, editor.fileName);
  for (const script of chunks.filter((chunk) => workbenchScript.test(chunk.facadeModuleId))) {
    for (const dep of script.imports) staticGraph(bundle, dep, files);
  }
  return [...files].sort((a, b) => bundle[b].code.length - bundle[a].code.length);
}

function labPages(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((lang) => lang.isDirectory() && existsSync(join(dir, lang.name, 'labs')))
    .flatMap((lang) =>
      readdirSync(join(dir, lang.name, 'labs'), { withFileTypes: true })
        .filter((lab) => lab.isDirectory())
        .map((lab) => join(dir, lang.name, 'labs', lab.name, 'index.html'))
        .filter((file) => existsSync(file)),
    );
}

export function monacoPreload() {
  let files = [];
  let base = '/';
  return {
    name: 'infralabs:monaco-preload',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'infralabs:monaco-chunks',
                apply: 'build',
                configResolved(config) {
                  base = config.base;
                },
                generateBundle(_options, bundle) {
                  const found = preloadedChunks(bundle);
                  if (found.length) files = found;
                },
              },
            ],
          },
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        if (!files.length) {
          logger.warn('the Monaco chunk was not found: lab pages load the editor without preloading it');
          return;
        }
        const links = files.map((file) => `<link rel="modulepreload" href="${base}${file}">`).join('');
        const pages = labPages(fileURLToPath(dir));
        for (const page of pages) {
          const html = readFileSync(page, 'utf8');
          // At the end of <head>: the page's stylesheets and scripts are asked for first (a
          // browser opens six connections to a host, and the guide should not wait for the editor).
          if (!html.includes(links)) writeFileSync(page, html.replace('</head>', `${links}</head>`));
        }
        logger.info(`${pages.length} lab pages preload ${files.join(', ')}`);
      },
    },
  };
}
