// Monaco, loaded only on lab pages (fetched as soon as the page is up, shown when in view):
// TypeScript with the lab's SDK typings; Ctrl/Cmd+Enter runs; the theme follows Starlight's.
import type * as Monaco from 'monaco-editor';
import * as entry from './monaco-entry.ts';
import EditorWorker from 'monaco-editor/editor/editor.worker.js?worker';
import TsWorker from 'monaco-editor/language/typescript/ts.worker.js?worker';
import type { Service } from '../../../grader/lab.ts';
import { typingsFor } from './typings.ts';

// The lean entry exports the same names as Monaco's full one (see monaco-entry.ts).
const monaco = entry as unknown as typeof Monaco;

(self as unknown as { MonacoEnvironment: Monaco.Environment }).MonacoEnvironment = {
  getWorker: (_id: string, label: string) => (label === 'typescript' || label === 'javascript' ? new TsWorker() : new EditorWorker()),
};

export interface EditorOptions {
  host: HTMLElement;
  value: string;
  ariaLabel: string;
  services: Service[];
  onChange: (value: string) => void;
  onRun: () => void;
  /** The typings wait for this too: the sandbox's start, which in the page is the heaviest work
   *  (TypeScript's worker parsing megabytes of declarations would share two cores with it). */
  typingsAfter?: Promise<unknown>;
}

export interface LabEditor {
  getValue(): string;
  setValue(value: string): void;
  focus(): void;
  /** Underlines a line with a message (a syntax error), until the next run clears it. */
  markError(line: number, column: number, message: string): void;
  clearMark(): void;
}

const themeName = () => (document.documentElement.dataset.theme === 'light' ? 'vs' : 'il-dark');

/** vs-dark with lighter comments: its #6A9955 reaches only 4.2:1 on the editor's background. */
function defineDarkTheme() {
  monaco.editor.defineTheme('il-dark', { base: 'vs-dark', inherit: true, rules: [{ token: 'comment', foreground: '87BF72' }], colors: {} });
}

function configureTypeScript(services: Service[]) {
  const defaults = monaco.typescript.typescriptDefaults;
  defaults.setCompilerOptions({
    target: monaco.typescript.ScriptTarget.ESNext,
    module: monaco.typescript.ModuleKind.ESNext,
    moduleResolution: monaco.typescript.ModuleResolutionKind.NodeJs,
    lib: ['es2022', 'dom'],
    strict: false,
    allowNonTsExtensions: true,
    skipLibCheck: true,
  });
  // Until a client's typings arrive its import would be flagged; the runner reports real misses.
  defaults.setDiagnosticsOptions({ diagnosticCodesToIgnore: [2307, 2792, 7016] });
}

/** The SDK typings (megabytes of declarations), fetched once the editor is already editable. */
function loadTypings(services: Service[]) {
  const defaults = monaco.typescript.typescriptDefaults;
  for (const [name, load] of typingsFor(services)) {
    void load()
      .then(({ default: text }) => defaults.addExtraLib(text, `file:///sdk-types/${name.replace(/[@/]/g, '_')}.d.ts`))
      .catch(() => {
        /* IntelliSense is a help, not a requirement: the editor works without it */
      });
  }
}

export function createEditor(options: EditorOptions): LabEditor {
  configureTypeScript(options.services);
  defineDarkTheme();
  const model = monaco.editor.createModel(options.value, 'typescript', monaco.Uri.parse('file:///lab.ts'));
  const editor = monaco.editor.create(options.host, {
    model,
    theme: themeName(),
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 14,
    scrollBeyondLastLine: false,
    ariaLabel: options.ariaLabel,
    tabSize: 2,
    fixedOverflowWidgets: true,
    // The starter's comments say what to do: they wrap rather than run past the right edge
    // (on a phone almost every line would), keeping their indentation.
    wordWrap: 'on',
    wrappingIndent: 'same',
    // Characters usual in the learner's language are not flagged as look-alikes. Monaco's default
    // (_os) asks Intl.NumberFormat for that locale, whose first use costs 50-150 ms of the main
    // thread while the editor is being built; the browser's language is the same locale for free.
    unicodeHighlight: { allowedLocales: { [navigator.language]: true, _vscode: true } },
  });
  // Draw the starter now rather than at the next animation frame: when createEditor returns the
  // learner can see the code and type (the page stamps the editor ready then).
  editor.render();
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, options.onRun);
  model.onDidChangeContent(() => options.onChange(model.getValue()));
  // Typing comes first: IntelliSense follows when the browser has a moment.
  const later = (self as { requestIdleCallback?: (callback: () => void, options?: { timeout: number }) => void }).requestIdleCallback;
  void (options.typingsAfter ?? Promise.resolve()).catch(() => {}).then(() => {
    if (later) later(() => loadTypings(options.services), { timeout: 1_000 });
    else setTimeout(() => loadTypings(options.services), 200);
  });
  new MutationObserver(() => monaco.editor.setTheme(themeName())).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return {
    getValue: () => model.getValue(),
    setValue: (value) => editor.executeEdits('infralabs', [{ range: model.getFullModelRange(), text: value }]),
    focus: () => editor.focus(),
    markError: (line, column, message) => {
      const severity = monaco.MarkerSeverity.Error;
      monaco.editor.setModelMarkers(model, 'infralabs-run', [{ severity, message, startLineNumber: line, startColumn: 1, endLineNumber: line, endColumn: model.getLineMaxColumn(Math.min(line, model.getLineCount())) }]);
      editor.revealLineInCenterIfOutsideViewport(line);
      editor.setPosition({ lineNumber: line, column });
    },
    clearMark: () => monaco.editor.setModelMarkers(model, 'infralabs-run', []),
  };
}
