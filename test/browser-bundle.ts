// For the tests that hold code to running in a browser (the grader, the gateway's chain, the
// shared Lambda runner, the in-page Lambda worker): bundle entry points for the browser with
// esbuild, note every Node built-in they reach, and find Node's globals in their own code.
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build, transform, type Plugin } from 'esbuild';

export const projectRoot = join(import.meta.dirname, '..');
const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

export interface BrowserBundle {
  /** Node built-ins reached, each with the file that imports it. */
  builtins: string[];
  /** The project's files in the bundle (packages left out), relative to the project. */
  ownFiles: string[];
  errors: unknown[];
}

/** `packagesExternal`: leave every package to the site's bundler (Vite), bundle only our files. */
export async function bundleForBrowser(entryPoints: string[], { packagesExternal = false } = {}): Promise<BrowserBundle> {
  const reached: string[] = [];
  const catchBuiltins: Plugin = {
    name: 'catch-node-builtins',
    setup(plugin) {
      plugin.onResolve({ filter: /^[^./]/ }, (args) => {
        const builtin = builtins.has(args.path) || args.path.startsWith('node:');
        if (builtin) reached.push(`${args.path} (imported by ${relative(projectRoot, args.importer)})`);
        return builtin || packagesExternal ? { path: args.path, external: true } : undefined;
      });
    },
  };
  const result = await build({
    entryPoints, bundle: true, write: false, platform: 'browser', format: 'esm', outdir: 'out',
    logLevel: 'silent', metafile: true, absWorkingDir: projectRoot, plugins: [catchBuiltins],
  });
  const ownFiles = Object.keys(result.metafile.inputs).filter((file) => !file.includes('node_modules/'));
  return { builtins: reached, ownFiles, errors: result.errors };
}

/** The files whose code (comments and types removed) matches `pattern`, e.g. /\bBuffer\b/. */
export async function filesUsing(files: string[], pattern: RegExp): Promise<string[]> {
  const using: string[] = [];
  for (const file of files) {
    const { code } = await transform(readFileSync(join(projectRoot, file), 'utf8'), { loader: 'ts' });
    if (pattern.test(code)) using.push(file);
  }
  return using;
}
