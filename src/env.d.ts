/// <reference types="astro/client" />

/** Each service's typings loader, by its name in grader/services.ts (src/build/sdk-types-plugin.mjs). */
declare module 'virtual:sdk-types' {
  const loaders: Record<string, () => Promise<{ default: string }>>;
  export default loaders;
}

declare module 'virtual:sdk-types/*' {
  const declarations: string;
  export default declarations;
}

// Monaco 0.57's full editor entry (all languages and contributions) has the package's own types.
declare module 'monaco-editor/editor/editor.main.js' {
  export * from 'monaco-editor';
}
declare module 'monaco-editor/editor/editor.worker.js?worker' {
  const EditorWorker: new () => Worker;
  export default EditorWorker;
}
declare module 'monaco-editor/language/typescript/ts.worker.js?worker' {
  const TsWorker: new () => Worker;
  export default TsWorker;
}
