// The module system of a Lambda function in the page: the files of its deployment package,
// evaluated as CommonJS (ES modules turned into require calls by sucrase, as run-worker.ts does
// for lab code), plus the AWS SDK clients, which Lambda's Node.js runtime bundles. Nothing else
// resolves: no Node built-ins (a browser has none) and no other package of the site, so a handler
// that needs one gets "Cannot find module", as on AWS for a package it does not bundle.
// No DOM or Worker dependency: a Node test runs it with the real SDK.
import { transform } from 'sucrase';

/** Loads one SDK package, already given the sandbox's client defaults; undefined when the page
 *  does not provide it. */
export type SdkLoader = (name: string) => Promise<Record<string, unknown>> | undefined;

/** What the function's code sees besides require/module/exports: the environment's process,
 *  console and timers, in place of the host's globals of the same names. */
export type ModuleScope = Record<string, unknown>;

const taskRoot = '/var/task';
const decoder = new TextDecoder();
type Evaluate = (...args: unknown[]) => unknown;
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => Evaluate;

export class ModuleNotFound extends Error {
  readonly code = 'MODULE_NOT_FOUND';
}

/** The SDK packages this code names (in import, export-from, require or import()). Found by a
 *  text search, so a name inside a string costs only a download; an unknown one fails on require. */
export function sdkPackagesIn(files: Record<string, Uint8Array>): string[] {
  const names = new Set<string>();
  for (const [path, content] of Object.entries(files)) {
    if (!/\.(m|c)?js$/.test(path) || path.startsWith('node_modules/')) continue;
    for (const match of decoder.decode(content).matchAll(/['"](@aws-sdk\/[a-z0-9-]+)['"]/g)) names.add(match[1]!);
  }
  return [...names];
}

const normalize = (path: string) => {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
};
const dirOf = (path: string) => path.split('/').slice(0, -1).join('/');

export class FunctionModules {
  private readonly files: Record<string, Uint8Array>;
  private readonly sdk: Map<string, Record<string, unknown>>;
  private readonly scope: ModuleScope;
  private readonly cache = new Map<string, { exports: unknown }>();

  /** `files` by their path in the zip; `sdk`, the SDK packages loaded ahead (require is synchronous). */
  constructor(files: Record<string, Uint8Array>, sdk: Map<string, Record<string, unknown>>, scope: ModuleScope) {
    this.files = files;
    this.sdk = sdk;
    this.scope = scope;
  }

  /** The file a handler's module name points at (Handler "src/app.handler": src/app), as Node's
   *  runtime finds it: the name itself, then .js, .mjs, .cjs. */
  findEntry(modulePath: string): string | undefined {
    const base = normalize(modulePath);
    return ['', '.js', '.mjs', '.cjs'].map((extension) => base + extension).find((path) => this.isFile(path));
  }

  /** Evaluates the entry module; top-level await is allowed there, as in an ES module on Lambda. */
  async importEntry(path: string): Promise<unknown> {
    const module = { exports: {} as unknown };
    this.cache.set(path, module);
    await this.evaluate(path, module, true);
    return module.exports;
  }

  require(from: string, name: string): unknown {
    const sdk = this.sdk.get(name);
    if (sdk) return sdk;
    const path = this.resolve(from, name);
    if (path === undefined) {
      const hint = name.startsWith('@aws-sdk/') || !/^[./]/.test(name)
        ? ` (the in-page sandbox provides the AWS SDK clients ${[...this.sdk.keys()].join(', ') || 'your code names'}; Node.js built-ins and other packages are not there: bundle them into the zip, or use the local sandbox)`
        : '';
      throw new ModuleNotFound(`Cannot find module '${name}'${hint}`);
    }
    const cached = this.cache.get(path);
    if (cached) return cached.exports;
    const module = { exports: {} as unknown };
    this.cache.set(path, module);
    try {
      this.evaluate(path, module, false);
    } catch (error) {
      this.cache.delete(path);
      throw error;
    }
    return module.exports;
  }

  private isFile(path: string): boolean {
    return path in this.files && !path.endsWith('/');
  }

  /** Node's resolution, reduced to a package's own files: relative paths with their extensions
   *  and index files, and packages bundled in the zip's node_modules. */
  private resolve(from: string, name: string): string | undefined {
    const candidates = (base: string) => [base, `${base}.js`, `${base}.mjs`, `${base}.cjs`, `${base}.json`, `${base}/index.js`, `${base}/index.mjs`, `${base}/index.cjs`];
    if (/^\.\.?\//.test(name) || name.startsWith('/')) {
      const base = name.startsWith('/') ? normalize(name.replace(/^\/var\/task\//, '')) : normalize(`${dirOf(from)}/${name}`);
      return candidates(base).find((path) => this.isFile(path));
    }
    for (let dir = dirOf(from); ; dir = dirOf(dir)) {
      const packageDir = normalize(`${dir}/node_modules/${name}`);
      const manifest = this.files[`${packageDir}/package.json`];
      const main = manifest ? (JSON.parse(decoder.decode(manifest)) as { main?: string }).main : undefined;
      const found = (main ? candidates(normalize(`${packageDir}/${main}`)) : []).concat(candidates(packageDir)).find((path) => this.isFile(path));
      if (found) return found;
      if (dir === '') return undefined;
    }
  }

  private evaluate(path: string, module: { exports: unknown }, entry: boolean): unknown {
    const source = decoder.decode(this.files[path]);
    if (path.endsWith('.json')) {
      module.exports = JSON.parse(source);
      return undefined;
    }
    // ES module syntax becomes CommonJS; import.meta is what an ES module on Lambda would see.
    let js: string;
    try {
      js = transform(source, { transforms: ['imports'], filePath: path, production: true }).code
        .replace(/\bimport\.meta\b/g, '__importMeta');
    } catch (error) {
      // Sucrase's parse errors, worded as the runtime's own: the file, then where.
      throw new SyntaxError(`${taskRoot}/${path}: ${(error as Error).message}`);
    }
    const names = ['exports', 'require', 'module', '__filename', '__dirname', '__importMeta', ...Object.keys(this.scope)];
    const body = `${js}\n//# sourceURL=${taskRoot}/${path}`;
    const Kind = entry ? AsyncFunction : Function;
    const filename = `${taskRoot}/${path}`;
    return new Kind(...names, body)(
      module.exports, (name: string) => this.require(path, name), module, filename, dirOf(filename),
      { url: `file://${filename}` }, ...Object.values(this.scope),
    );
  }
}
