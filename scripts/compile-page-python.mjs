// Compiles the in-page sandbox's Python to bytecode ahead of time, with Pyodide's own interpreter
// (the bytecode must be its CPython's): a browser then loads .pyc files instead of compiling
// source, which was most of a cold start (sandbox/page/README.md has the figures). Used by
// scripts/build-page-sandbox.mjs.
//
// - optimize=2 drops docstrings and asserts, and PYTHONNODEBUGRANGES drops column positions from
//   the line tables: together they keep the bytecode about as small as the source it replaces.
//   Tracebacks keep their files and lines, not the source text.
// - The .pyc replaces its .py (a sourceless module). Only moto's patch guard reads sources, so it
//   runs here, on the sources, before they are compiled away: a patch whose target this moto lacks
//   fails the build, as it stops server.py.
// - Unchecked hash-based .pyc: no timestamps inside, so the same sources give the same bytes.
/** Where the sources are put for the patch guard (any folder would do). */
const sitePackages = '/build/site-packages';

/** The interpreter the page runs, in Node, with no column positions in what it compiles. */
async function pyodideForBuild(pyodideDir) {
  const { loadPyodide } = await import(`${pyodideDir}/pyodide.mjs`);
  return loadPyodide({ indexURL: `${pyodideDir}/`, env: { PYTHONNODEBUGRANGES: '1' } });
}

const compileSource = `
import importlib.util
from importlib._bootstrap_external import _code_to_hash_pyc  # what py_compile writes
def to_pyc(source, name):
    source = bytes(source)
    code = compile(source, name, "exec", dont_inherit=True, optimize=2)
    return _code_to_hash_pyc(code, importlib.util.source_hash(source), checked=False)
to_pyc`;

/** {path: bytes} with every `.py` replaced by its `.pyc`; other files as they are. */
function compiled(toPyc, files) {
  const out = {};
  for (const [path, bytes] of Object.entries(files)) {
    if (!path.endsWith('.py')) {
      out[path] = bytes;
      continue;
    }
    // A plain view: Pyodide converts no Uint8Array subclass (Node's Buffer is one).
    const pyc = toPyc(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), path);
    out[`${path}c`] = pyc.toJs();
    pyc.destroy();
  }
  return out;
}

/**
 * `packages` and `stdlib` are {path: bytes} of sources (site-packages, and the standard library's
 * zip contents). Returns both compiled; throws when moto lacks what a patch changes.
 */
export async function compilePagePython({ pyodideDir, packages, stdlib }) {
  const pyodide = await pyodideForBuild(pyodideDir);
  for (const [path, bytes] of Object.entries(packages)) {
    const file = `${sitePackages}/${path}`;
    pyodide.FS.mkdirTree(file.slice(0, file.lastIndexOf('/')));
    pyodide.FS.writeFile(file, bytes);
  }
  const missing = pyodide.runPython(`
import sys, json
sys.dont_write_bytecode = True
sys.path.insert(0, ${JSON.stringify(sitePackages)})
import page_entry
page_entry.start(check_targets=False)
json.dumps(page_entry.check_patch_targets())`);
  const problems = JSON.parse(missing);
  if (problems.length > 0) throw new Error(`moto lacks what the patches change: ${problems.join('; ')}`);
  const toPyc = pyodide.runPython(compileSource);
  try {
    return { packages: compiled(toPyc, packages), stdlib: compiled(toPyc, stdlib) };
  } finally {
    toPyc.destroy();
  }
}
