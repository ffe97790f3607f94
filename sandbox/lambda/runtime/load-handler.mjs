// Finds and loads the handler named by _HANDLER ("src/app.handler") the way AWS's Node.js
// runtime does, with its error types (Runtime.HandlerNotFound, Runtime.ImportModuleError, ...).
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

function runtimeError(name, message, stack) {
  const error = new Error(message);
  error.name = name;
  if (stack) error.stack = stack;
  return error;
}

/** AWS's shape of an error in an invoke response. */
export function formatError(error) {
  try {
    if (error instanceof Error) {
      return { errorType: error.name, errorMessage: error.message, trace: error.stack ? error.stack.split('\n') : [] };
    }
    return { errorType: typeof error, errorMessage: String(error), trace: [] };
  } catch {
    return { errorType: 'handled', errorMessage: 'callback called with Error argument, but there was a problem while retrieving one or more of its message, name, and stack', trace: [] };
  }
}

function parseHandlerString(handlerString) {
  if (handlerString.includes('..')) {
    throw runtimeError('Runtime.MalformedHandlerName', `'${handlerString}' is not a valid handler name. Use absolute paths when specifying root directories in handler names.`);
  }
  const slash = handlerString.lastIndexOf('/') + 1;
  const moduleRoot = handlerString.slice(0, slash);
  const rest = handlerString.slice(slash);
  const dot = rest.indexOf('.');
  if (dot === -1) throw runtimeError('Runtime.MalformedHandlerName', 'Bad handler');
  return { moduleRoot, moduleName: rest.slice(0, dot), handlerName: rest.slice(dot + 1) };
}

async function loadModule(taskRoot, moduleRoot, moduleName) {
  const base = resolve(taskRoot, moduleRoot, moduleName);
  try {
    for (const extension of ['', '.js', '.mjs', '.cjs']) {
      const file = base + extension;
      if (existsSync(file) && statSync(file).isFile()) return await import(pathToFileURL(file).href);
    }
    const require = createRequire(join(taskRoot, 'index.js'));
    return require(require.resolve(moduleName, { paths: [taskRoot, join(taskRoot, moduleRoot)] }));
  } catch (error) {
    if (error instanceof SyntaxError) throw runtimeError('Runtime.UserCodeSyntaxError', String(error), error.stack);
    if (error?.code === 'MODULE_NOT_FOUND' || error?.code === 'ERR_MODULE_NOT_FOUND') {
      throw runtimeError('Runtime.ImportModuleError', String(error));
    }
    throw error;
  }
}

function findIn(handlerName, module) {
  return handlerName.split('.').reduce((nested, key) => (nested && (typeof nested === 'object' || typeof nested === 'function') ? nested[key] : undefined), module);
}

export async function loadHandler(taskRoot, handlerString) {
  const { moduleRoot, moduleName, handlerName } = parseHandlerString(handlerString ?? '');
  const module = await loadModule(taskRoot, moduleRoot, moduleName);
  let handler = findIn(handlerName, module);
  if (!handler && module && typeof module === 'object' && 'default' in module) handler = findIn(handlerName, module.default);
  if (!handler) throw runtimeError('Runtime.HandlerNotFound', `${handlerString} is undefined or not exported`);
  if (typeof handler !== 'function') throw runtimeError('Runtime.HandlerNotFound', `${handlerString} is not a function`);
  return handler;
}
