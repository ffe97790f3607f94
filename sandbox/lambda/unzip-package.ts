// Reads a deployment package (a zip) into memory, for every host: the Node host writes the files
// into an environment's task directory (extract-code.ts), the page hands them to a worker.
import { unzipSync } from 'fflate';
import { BadPackageError } from './runtime-errors.ts';

/** The package's files by their path in the zip (folders end with '/'). */
export function unzipPackage(zip: Uint8Array): Record<string, Uint8Array> {
  try {
    return unzipSync(zip);
  } catch (error) {
    throw new BadPackageError(`the deployment package is not a readable zip file (${(error as Error).message}); upload a .zip of your code with UpdateFunctionCode`);
  }
}
