// Builds the in-page sandbox's files (public/page-sandbox/) once per test run, before the test
// files that build the site or boot Pyodide start in parallel; free when they are up to date.
import { buildPageSandbox } from '../scripts/build-page-sandbox.mjs';

export default async function setup(): Promise<void> {
  await buildPageSandbox({ log: () => {} });
}
