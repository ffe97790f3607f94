// <lab-workbench>: the lab page's controller. The guide and a plain textarea work at once; Monaco,
// fetched at once, replaces the textarea when it scrolls into view; Run, Check, Reset and the
// panels talk to the sandbox through two workers (the page's own thread never loads the SDK).
import type { Service } from '../../../grader/lab.ts';
import type { GradeReport } from '../../../grader/report.ts';
import { isLang, translator, type Lang } from '../../i18n/ui.ts';
import type { LabEditor } from '../editor/monaco.ts';
import { classSession } from '../progress/class-session.ts';
import { lastCheck, saveCheck, saveCode, savedCode } from '../progress/lab-progress.ts';
import { account, sandboxEndpoint, sandboxMode, secret, setSandboxMode } from '../progress/settings.ts';
import { Runner } from '../run/runner.ts';
import { Tools } from '../run/tools.ts';
import { askConfirm } from './confirm-dialog.ts';
import { ConsoleView } from './console-view.ts';
import { withCode } from './dom.ts';
import { renderResources } from './resources-view.ts';
import { renderResults, type StepTitles } from './results-view.ts';
import { resetAccount, sandboxReachable, unreachableMessage } from './sandbox-status.ts';
import { wireClass } from './class-panel.ts';
import { wireSettings, type SettingsPanel } from './settings-panel.ts';
import { websiteLink } from './website-link.ts';
import { loadSolution } from './solution.ts';

const accountPlaceholder = /<(?:account ID|계정 ID)>|‹(?:account ID|계정 ID)›/;

class LabWorkbench extends HTMLElement {
  private lab = '';
  private language: Lang = 'ko';
  private t = translator('ko');
  private services: Service[] = [];
  private steps: StepTitles = {};
  private names: string[] = [];
  private endpoint = '';
  private account = '';
  /** Signs the page's calls: a class sandbox checks it against the roster. */
  private secret = '';
  private editor: LabEditor | undefined;
  private textarea!: HTMLTextAreaElement;
  private output!: ConsoleView;
  private runner!: Runner;
  private tools = new Tools();
  private busy = false;
  private sandboxUp = false;
  private sandboxSeenAt = 0;
  private resourcesTimer: ReturnType<typeof setTimeout> | undefined;
  private resourcesInFlight = false;
  /** The guide's text that names the account (`site-<account ID>`), as written, to fill in. */
  private accountTexts: { node: Text; template: string }[] = [];

  connectedCallback() {
    const data = this.dataset;
    this.lab = data.lab!;
    this.language = isLang(data.lang) ? data.lang : 'ko';
    this.t = translator(this.language);
    this.services = JSON.parse(data.services ?? '[]') as Service[];
    this.steps = JSON.parse(data.steps ?? '{}') as StepTitles;
    this.names = JSON.parse(data.names ?? '[]') as string[];
    this.endpoint = sandboxEndpoint();
    this.account = account();
    this.secret = secret();
    const timeLimit = Number(new URLSearchParams(location.search).get('timeLimit')) || Number(data.timeLimit) || 30;
    this.runner = new Runner(timeLimit, this.services);
    this.output = new ConsoleView(this.find('output'), this.t('lab.consoleEmpty'), (href) => websiteLink(href, this.endpoint));

    this.textarea = this.find<HTMLTextAreaElement>('fallback');
    const saved = savedCode(this.lab);
    if (saved !== null) this.textarea.value = saved;
    this.textarea.addEventListener('input', () => saveCode(this.lab, this.textarea.value));
    this.textarea.addEventListener('keydown', (event) => {
      if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
        event.preventDefault();
        void this.run();
      }
    });

    this.button('run').addEventListener('click', () => void this.run());
    this.button('stop').addEventListener('click', () => this.runner.stop());
    this.button('check').addEventListener('click', () => void this.check());
    this.button('reset').addEventListener('click', () => void this.reset());
    this.button('solution').addEventListener('click', () => void this.revealSolution());
    this.button('starter').addEventListener('click', () => void this.restoreStarter());
    this.button('refresh').addEventListener('click', () => void this.refreshResources());
    this.find('banner').querySelector('[data-part="retry"]')?.addEventListener('click', () => void this.probeSandbox());
    this.find('banner').querySelector('[data-part="use-page"]')?.addEventListener('click', () => {
      setSandboxMode('page');
      void this.startPageSandbox().then((up) => {
        if (up) void this.prepare();
      });
    });
    const settings = this.settings = wireSettings(this.find('settings'), this.t, {
      endpoint: this.endpoint,
      onEndpointChange: (value) => {
        this.endpoint = value;
        // A ?sandbox= still in the address would bring the old sandbox back on the next load.
        const url = new URL(location.href);
        if (url.searchParams.has('sandbox')) {
          url.searchParams.delete('sandbox');
          history.replaceState(history.state, '', url);
        }
        void this.probeSandbox().then((up) => {
          if (up) void this.prepare();
        });
      },
      onModeChange: () => {
        // The page's sandbox cannot be stopped from the page: a change away from it takes a reload.
        if (this.inPage) location.reload();
        else void this.connectSandbox().then((up) => {
          if (up) void this.prepare();
        });
      },
      onAccountChange: (value) => {
        this.account = value;
        this.fillAccount();
        void this.prepare();
      },
      announce: (text) => this.announce(text),
    });

    const classPanel = wireClass(this, this.t, {
      // A class is joined at a sandbox address, never at the one in the page.
      endpoint: () => sandboxEndpoint(),
      onChange: () => {
        this.endpoint = sandboxEndpoint();
        this.account = account();
        this.secret = secret();
        settings.showEndpoint(this.endpoint);
        this.fillAccount();
        this.find('results').textContent = this.t('lab.resultsEmpty');
        void this.probeSandbox().then((up) => {
          if (up) void this.prepare();
        });
      },
      announce: (text) => this.announce(text),
    });

    this.findAccountTexts();
    this.fillAccount();
    const previous = lastCheck(this.lab);
    if (previous) this.find('last-check').textContent = this.t('lab.lastCheck', { score: previous.score, max: previous.maxScore });
    // A join link's account is the one to prepare: join first (it changes account and sandbox).
    const connected = classPanel.joinFromLink().then(() => this.connectSandbox());
    const editorSettled = this.loadEditorWhenVisible(connected);
    // The workers parse megabytes of SDK: started together with Monaco they would share the CPU
    // (two cores on a school laptop) and hold the editor back, so they start once it is editable
    // (or after a few seconds, if the editor is scrolled out of view).
    const editorOrTimeout = Promise.race([editorSettled, new Promise((resolve) => setTimeout(resolve, 4_000))]);
    void Promise.all([connected, editorOrTimeout]).then(([up]) => {
      if (!up) return;
      this.runner.warm();
      void this.prepare();
    });
  }

  /** The guide writes names with the learner's account in them as `site-<account ID>`. */
  private findAccountTexts(): void {
    const walker = document.createTreeWalker(this.querySelector('.il-guide')!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (accountPlaceholder.test(node.textContent ?? '')) this.accountTexts.push({ node: node as Text, template: node.textContent! });
    }
  }

  private fillAccount(): void {
    for (const { node, template } of this.accountTexts) node.textContent = template.replace(new RegExp(accountPlaceholder, 'g'), this.account);
  }

  /** The lab's setup creates its prerequisites when they are missing, so run it on every visit. */
  private async prepare(): Promise<void> {
    try {
      await this.tools.setup(this.target());
      this.dataset.setup = 'done';
      this.sawSandbox();
    } catch (error) {
      this.dataset.setup = 'failed';
      this.output.append('error', (error as Error).message);
    }
    void this.refreshResources();
  }

  /** The lab, sandbox, account and key every worker request carries. */
  private target() {
    return { lab: this.lab, endpoint: this.endpoint, account: this.account, secret: this.secret };
  }

  private find<E extends HTMLElement = HTMLElement>(name: string): E {
    return this.querySelector<E>(`[data-part="${name}"]`)!;
  }

  private button(name: string): HTMLButtonElement {
    return this.find<HTMLButtonElement>(name);
  }

  private code(): string {
    return this.editor?.getValue() ?? this.textarea.value;
  }

  private setCode(code: string): void {
    if (this.editor) this.editor.setValue(code);
    else this.textarea.value = code;
    saveCode(this.lab, code);
  }

  private announce(text: string): void {
    this.find('announce').textContent = text;
  }

  /** Resolves once Monaco replaced the textarea, or failed to (the textarea then stays). Its
   *  IntelliSense waits for `connected`, the sandbox's start. */
  private loadEditorWhenVisible(connected: Promise<unknown>): Promise<void> {
    const host = this.find('editor');
    let settle!: () => void;
    const settled = new Promise<void>((resolve) => (settle = resolve));
    // Fetching starts now (Monaco is most of the page's weight and the editor is what the learner
    // came for); the editor is built when it is in view.
    const monaco = import('../editor/monaco.ts');
    monaco.catch(() => {});
    const observer = new IntersectionObserver(async (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      try {
        const { createEditor } = await monaco;
        const surface = document.createElement('div');
        surface.className = 'il-monaco';
        host.append(surface);
        this.editor = createEditor({
          host: surface,
          value: this.textarea.value,
          ariaLabel: this.t('lab.editorLabel'),
          services: this.services,
          onChange: (value) => saveCode(this.lab, value),
          onRun: () => void this.run(),
          typingsAfter: connected,
        });
        this.textarea.hidden = true;
        host.dataset.ready = 'true';
        host.dataset.readyAt = String(Math.round(performance.now()));
      } catch {
        /* the textarea stays: the lab still works without Monaco */
      }
      settle();
    });
    observer.observe(host);
    return settled;
  }

  /** Whether this page talks to the sandbox in the page. */
  private inPage = false;
  /** A port straight to the in-page sandbox, for the run worker's SDK calls (page-sandbox.ts);
   *  set with `inPage`. */
  private connectInPage: (() => MessagePort | undefined) | undefined;
  private settings: SettingsPanel | undefined;

  /**
   * The sandbox to talk to, by the learner's choice (settings.ts): the local one; the one in the
   * page; or, automatically, the local one when it answers and else the one in the page.
   */
  private async connectSandbox(): Promise<boolean> {
    const mode = sandboxMode();
    if (mode === 'local' || (mode === 'auto' && (await sandboxReachable(this.endpoint)))) return this.probeSandbox();
    return this.startPageSandbox();
  }

  /** Loads the sandbox in the page, showing how far it got; the page then uses its address. */
  private async startPageSandbox(): Promise<boolean> {
    const status = this.find('page-sandbox');
    const bar = status.querySelector('progress')!;
    const text = status.querySelector<HTMLElement>('[data-part="page-sandbox-text"]')!;
    status.hidden = false;
    this.find('banner').hidden = true;
    const show = (fraction: number) => {
      bar.value = fraction;
      text.textContent = this.t('lab.pageSandboxLoading', { percent: Math.round(fraction * 100) });
    };
    show(0);
    try {
      const { startPageSandbox, connectDirectly } = await import('../page-sandbox/page-sandbox.ts');
      this.endpoint = await startPageSandbox(({ fraction }) => show(fraction));
      this.inPage = true;
      this.connectInPage = connectDirectly;
      // Workers started before the service worker took this page would not reach the sandbox.
      this.tools.discardIdle();
      this.runner.discardIdle();
      bar.hidden = true;
      text.textContent = this.t('lab.pageSandboxReady');
      this.dataset.sandbox = 'page';
      this.settings?.showInPage();
      this.dataset.sandboxReadyAt = String(Math.round(performance.now()));
      return await this.probeSandbox();
    } catch (error) {
      status.hidden = true;
      const banner = this.find('banner');
      banner.hidden = false;
      banner.querySelector('[data-part="banner-text"]')!.textContent = this.t('lab.pageSandboxFailed', { message: (error as Error).message });
      return false;
    }
  }

  private async probeSandbox(): Promise<boolean> {
    const up = await sandboxReachable(this.endpoint);
    const banner = this.find('banner');
    banner.hidden = up;
    this.sandboxUp = up;
    if (up) this.sandboxSeenAt = performance.now();
    if (!up) banner.querySelector('[data-part="banner-text"]')!.replaceChildren(withCode(unreachableMessage(this.t, this.endpoint, location.origin)));
    // A class's work counts only in its sandbox: the page's own is no way out of it.
    banner.querySelector<HTMLElement>('[data-part="use-page"]')!.hidden = this.inPage || classSession() !== undefined;
    return up;
  }

  /** A request to the sandbox just succeeded: Run and Check need not ask whether it is there. */
  private sawSandbox(): void {
    this.sandboxUp = true;
    this.sandboxSeenAt = performance.now();
  }

  /**
   * One line in the output instead of a run or check that cannot reach the sandbox. A sandbox
   * that answered recently (a probe, setup, Check or the resources panel) is trusted without asking
   * again (Run must answer at once); a run that then fails to fetch still probes and says so.
   */
  private async requireSandbox(): Promise<boolean> {
    if (this.sandboxUp && performance.now() - this.sandboxSeenAt < 30_000) return true;
    if (await this.probeSandbox()) return true;
    this.output.append('error', this.t('lab.sandboxDownShort', { endpoint: this.endpoint }));
    return false;
  }

  private setBusy(busy: boolean, running = false): void {
    this.busy = busy;
    for (const name of ['check', 'reset', 'solution', 'starter']) this.button(name).disabled = busy;
    this.button('run').disabled = busy;
    this.button('stop').disabled = !running;
    this.setAttribute('aria-busy', String(busy));
  }

  async run(): Promise<void> {
    if (this.busy) return;
    this.setBusy(true, true);
    this.output.clear();
    this.editor?.clearMark();
    try {
      if (!(await this.requireSandbox())) return;
      this.output.append('status', this.t('lab.running'));
      const outcome = await this.runner.run({
        code: this.code(),
        ...this.target(),
        connect: this.connectInPage,
        onLog: (level, text) => this.output.append(level, text),
      });
      this.output.removeStatus();
      if (outcome.kind === 'done') this.output.append('ok', this.t('lab.finished', { ms: outcome.ms }));
      else if (outcome.kind === 'syntax') {
        const text = this.t('lab.syntaxError', { line: outcome.line, column: outcome.column, message: outcome.message });
        this.output.append('error', text);
        this.editor?.markError(outcome.line, outcome.column, text);
      } else if (outcome.kind === 'failed' && /Failed to fetch|NetworkError/.test(outcome.message) && !(await this.probeSandbox())) this.output.append('error', this.t('lab.sandboxDownShort', { endpoint: this.endpoint }));
      else if (outcome.kind === 'failed') this.output.append('error', this.t('lab.failed', { message: outcome.message }));
      else if (outcome.kind === 'stopped') this.output.append('warn', this.t('lab.stopped'));
      else this.output.append('warn', this.t('lab.timeout', { s: outcome.seconds }));
    } finally {
      this.setBusy(false);
      this.output.flush();
      this.count('runs');
      this.scheduleResources();
    }
  }

  /** Finished runs and checks, counted in data attributes: tests and the bench wait on them. */
  private count(what: 'runs' | 'checks'): void {
    this.dataset[what] = String(Number(this.dataset[what] ?? 0) + 1);
  }

  async check(): Promise<void> {
    if (this.busy) return;
    const results = this.find('results');
    this.setBusy(true);
    try {
      if (!(await this.requireSandbox())) {
        results.textContent = this.t('lab.sandboxDownShort', { endpoint: this.endpoint });
        return;
      }
      results.textContent = this.t('lab.checking');
      const report: GradeReport = await this.tools.check(this.target(), this.language);
      this.sawSandbox();
      renderResults(results, report, this.steps, this.t);
      saveCheck(this.lab, {
        score: report.score,
        maxScore: report.maxScore,
        passed: report.passed,
        at: new Date().toISOString(),
        checks: report.checks.map((check) => ({ id: check.id, status: check.status })),
      });
      this.find('last-check').textContent = this.t('lab.lastCheck', { score: report.score, max: report.maxScore });
      // The verdict in view: the score, then the first failure (passed steps are folded) or the
      // celebration, at the top of the work column (or of the window, on a phone).
      this.find('results-title').scrollIntoView({ block: 'start' });
      results.querySelector<HTMLElement>('[data-part="summary"]')?.focus({ preventScroll: true });
    } catch (error) {
      results.textContent = (error as Error).message;
    } finally {
      this.setBusy(false);
      this.count('checks');
      this.scheduleResources();
    }
  }

  async reset(): Promise<void> {
    if (this.busy || !(await askConfirm(this.t('lab.resetConfirm'), this.t('lab.reset'), this.t('lab.cancel')))) return;
    this.setBusy(true);
    try {
      if (!(await this.requireSandbox())) return;
      this.output.clear();
      this.output.append('status', this.t('lab.resetting'));
      await resetAccount(this.endpoint, this.account, this.secret);
      await this.tools.setup(this.target());
      this.output.append('ok', this.t('lab.resetDone'));
      this.find('results').textContent = this.t('lab.resultsEmpty');
    } catch (error) {
      this.output.append('error', (error as Error).message);
    } finally {
      this.setBusy(false);
      this.scheduleResources();
    }
  }

  async revealSolution(): Promise<void> {
    if (!(await askConfirm(this.t('lab.solutionConfirm'), this.t('lab.solution'), this.t('lab.cancel')))) return;
    const solution = await loadSolution(this.lab, this.language);
    if (solution !== undefined) this.setCode(solution);
    this.editor?.focus();
  }

  async restoreStarter(): Promise<void> {
    if (!(await askConfirm(this.t('lab.restoreConfirm'), this.t('lab.restoreStarter'), this.t('lab.cancel')))) return;
    this.setCode(this.textarea.defaultValue);
  }

  /**
   * Refreshes the resources panel once the learner pauses: its listing (DescribeSnapshots above
   * all) keeps the sandbox busy for a while, and the sandbox answers one request at a time, so a
   * refresh started between two quick Runs or Checks would delay the next one. The refresh button
   * still refreshes at once.
   */
  private scheduleResources(): void {
    clearTimeout(this.resourcesTimer);
    this.resourcesTimer = setTimeout(() => {
      if (this.busy || this.resourcesInFlight) this.scheduleResources();
      else void this.refreshResources();
    }, 1_000);
  }

  async refreshResources(): Promise<void> {
    const host = this.find('resources');
    if (!this.sandboxUp) return;
    this.resourcesInFlight = true;
    try {
      const groups = await this.tools.resources(this.target(), this.language);
      this.sawSandbox();
      renderResources(host, groups, this.t('lab.resourcesEmpty'), this.names);
    } catch (error) {
      host.textContent = (error as Error).message;
    } finally {
      this.resourcesInFlight = false;
    }
  }
}

customElements.define('lab-workbench', LabWorkbench);
