// The modules a handler may load besides its own code: the AWS SDK clients the project installs
// and the packages they need (their dependency closure), as Lambda's Node.js runtime bundles the
// SDK. A folder of links to exactly those packages is what handlers resolve from, so a handler
// that requires another package of the project gets "Cannot find module", as on AWS, and the
// permission model lets the process read those packages and nothing else of node_modules.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { projectRoot } from '../paths.ts';

export interface RuntimeModules {
  /** A node_modules folder of links to the SDK's packages (NODE_PATH, and the parent of the task root). */
  linkDir: string;
  /** The real folders of those packages: what the process may read. */
  packageDirs: string[];
}

let modules: RuntimeModules | undefined;

function findPackage(from: string, name: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === dirname(dir)) return undefined;
  }
}

/** Every installed @aws-sdk/client-* package and, recursively, what each depends on. */
function sdkClosure(nodeModules: string): string[] {
  const seen = new Set<string>();
  const visit = (dir: string) => {
    if (seen.has(dir)) return;
    seen.add(dir);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies?: object; optionalDependencies?: object };
    for (const name of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) {
      const found = findPackage(dir, name);
      if (found) visit(found);
    }
  };
  const scope = join(nodeModules, '@aws-sdk');
  for (const name of existsSync(scope) ? readdirSync(scope) : []) {
    if (name.startsWith('client-')) visit(join(scope, name));
  }
  return [...seen].map((dir) => realpathSync(dir));
}

/** Built once for a set of packages and shared by every gateway of this project: a folder of
 *  links, a few kilobytes, in node_modules/.cache (not in /tmp, where another user of the machine
 *  could plant links that the handlers would then be allowed to follow). */
export function runtimeModules(): RuntimeModules {
  if (modules) return modules;
  const nodeModules = realpathSync(join(projectRoot, 'node_modules'));
  const packageDirs = sdkClosure(nodeModules);
  const name = createHash('sha256').update(packageDirs.join('\n')).digest('hex').slice(0, 16);
  const home = join(nodeModules, '.cache', `infralabs-lambda-sdk-${name}`);
  if (!existsSync(join(home, 'node_modules'))) build(home, nodeModules, packageDirs);
  modules = { linkDir: join(home, 'node_modules'), packageDirs };
  return modules;
}

/** Builds the folder of links aside and moves it into place, so a gateway never sees it half made. */
function build(home: string, nodeModules: string, packageDirs: string[]): void {
  mkdirSync(dirname(home), { recursive: true });
  const staging = mkdtempSync(`${home}-`);
  const linkDir = join(staging, 'node_modules');
  for (const dir of packageDirs) {
    const name = relative(nodeModules, dir);
    // A package nested in another's node_modules is found from its parent's real folder.
    if (name.startsWith('..') || name.includes('node_modules')) continue;
    const link = join(linkDir, name);
    mkdirSync(dirname(link), { recursive: true });
    if (!existsSync(link)) symlinkSync(dir, link, 'dir');
  }
  try {
    renameSync(staging, home);
  } catch {
    // Another gateway built it first: theirs is the same.
    rmSync(staging, { recursive: true, force: true });
  }
}
