// Module resolve hook for learner scripts (runs in Node's hooks thread, registered by preload.mjs).
// Learner files live anywhere (a temp folder, a classroom repo), so the packages the platform
// provides are resolved from the platform's own installation, and the S3 client goes through a
// shim that defaults to path-style addressing (the sandbox serves buckets on one host).
const platformPackages = /^(@aws-sdk\/|@smithy\/|fflate$|fflate\/)/;
const s3Shim = new URL('./s3-shim.mjs', import.meta.url).href;
let platformRoot;
/** The SDK packages of grader/services.ts, e.g. '@aws-sdk/client-ec2'. */
let packages = [];

export async function initialize(data) {
  platformRoot = data.platformRoot;
  packages = data.packages;
}

/** "@aws-sdk/client-ec2, -s3, -iam": the packages a script can import, in a line. */
function packageList() {
  const [first, ...rest] = packages;
  return [first, ...rest.map((name) => name.replace(/^@aws-sdk\/client(?=-)/, ''))].join(', ');
}

/** A learner's own .ts/.js file: always an ES module, whatever package.json (if any) is nearby. */
function isLearnerModule(url) {
  return url.startsWith('file:') && !url.includes('/node_modules/') && /\.(ts|js|mts|mjs)$/.test(url);
}

export async function resolve(specifier, context, nextResolve) {
  if (!platformPackages.test(specifier)) {
    const resolved = await nextResolve(specifier, context);
    return isLearnerModule(resolved.url) ? { ...resolved, format: 'module' } : resolved;
  }
  if (specifier === '@aws-sdk/client-s3' && context.parentURL !== s3Shim) {
    return { url: s3Shim, shortCircuit: true };
  }
  try {
    return await nextResolve(specifier, { ...context, parentURL: platformRoot });
  } catch (error) {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
    const missing = new Error(`${specifier} is not part of Infra Labs: scripts can import the SDK clients of the lab services (${packageList()}) and fflate`);
    missing.code = 'ERR_MODULE_NOT_FOUND';
    throw missing;
  }
}
