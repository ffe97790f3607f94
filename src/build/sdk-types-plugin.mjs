// Typings for Monaco, one lazily imported module per SDK client: `virtual:sdk-types/<package>`
// exports the package's declaration files as one text, each file wrapped in `declare module`,
// doc comments removed (they are 4/5 of the size). Monaco gets it through addExtraLib.
// `virtual:sdk-types` maps each service of grader/services.ts to its package's loader: an import()
// needs its module's name written out for Vite to bundle it, so this writes them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, posix, relative } from 'node:path';

const index = 'virtual:sdk-types';
const prefix = `${index}/`;
const resolvedPrefix = '\0' + prefix;

function declarationFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'ts3.4') return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? declarationFiles(path) : entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const stripComments = (text) => text.replace(/\/\*\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '').replace(/\n\s*\n+/g, '\n');

/** One ambient declaration text for a package (and its own files), for Monaco's TypeScript. */
export function bundleDeclarations(pkg, root) {
  const require = createRequire(join(root, 'package.json'));
  const pkgDir = dirname(require.resolve(`${pkg}/package.json`));
  const typesDir = join(pkgDir, 'dist-types');
  if (!existsSync(typesDir)) {
    const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
    const types = manifest.types ?? manifest.typings;
    if (!types) return `declare module '${pkg}';\n`;
    return `declare module '${pkg}' {\n${stripComments(readFileSync(join(pkgDir, types), 'utf8')).replace(/^export declare /gm, 'export ').replace(/^declare /gm, '')}\n}\n`;
  }
  const moduleName = (file) => posix.join(pkg, relative(typesDir, file).replace(/\\/g, '/').replace(/\.d\.ts$/, '')).replace(/\/index$/, '');
  const parts = declarationFiles(typesDir).map((file) => {
    const self = moduleName(file);
    const here = file.endsWith('index.d.ts') ? self : posix.dirname(self);
    const body = stripComments(readFileSync(file, 'utf8'))
      .replace(/(from\s+|import\()(["'])(\.[^"']*)\2/g, (_, lead, quote, spec) => `${lead}${quote}${posix.join(here, spec).replace(/\/index$/, '')}${quote}`)
      .replace(/^export declare /gm, 'export ')
      .replace(/^declare /gm, '');
    return `declare module '${self}' {\n${body}\n}\n`;
  });
  // Subpath exports such as '@smithy/core/client' point at dist-types/submodules/<name>.
  const submodules = join(typesDir, 'submodules');
  if (existsSync(submodules)) {
    for (const name of readdirSync(submodules)) parts.push(`declare module '${pkg}/${name}' { export * from '${pkg}/submodules/${name}'; }\n`);
  }
  return parts.join('');
}

/** @param {Record<string, { package: string }>} services the table in grader/services.ts */
export function sdkTypes(root, services) {
  return {
    name: 'infralabs:sdk-types',
    resolveId(id) {
      if (id === index) return '\0' + index;
      return id.startsWith(prefix) ? resolvedPrefix + id.slice(prefix.length) : null;
    },
    load(id) {
      if (id === '\0' + index) {
        const loaders = Object.entries(services).map(([name, service]) => `  ${JSON.stringify(name)}: () => import(${JSON.stringify(prefix + service.package)}),`);
        return `export default {\n${loaders.join('\n')}\n};\n`;
      }
      if (!id.startsWith(resolvedPrefix)) return null;
      return `export default ${JSON.stringify(bundleDeclarations(id.slice(resolvedPrefix.length), root))};`;
    },
  };
}
