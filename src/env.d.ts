/// <reference types="astro/client" />

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
