// qkit and SurveyJS side by side, in one headless Chromium run with the CPU throttled 4× (an old
// laptop), serving both from one local server with gzip -9:
// - bytes transferred to show the first screen (cold), and what each page fetched;
// - time to the first screen interactive, cold (empty cache) and warm (second visit: qkit's
//   service worker, SurveyJS's HTTP cache), and to the first questionnaire item with the opening
//   screens (qkit: staff passphrase, start form, consent, section) passed by script;
// - median and p95 time from clicking Next to the next question painted, over 100 answers;
// - the JS heap after 100 answers (and qkit's WebAssembly memory, which is not JS heap).
// Both show the same battery (`qkit export-surveyjs`), one question per page. Not a test: it
// prints a markdown table and never fails on a number. `--quick` does few repetitions (CI);
// `--write` also writes docs/performance.md.
import { cpSync, mkdtempSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { serve, launch, ROOT } from '../tests/e2e/lib/harness.mjs';
import { battery, definition, radioFor, scaleOf, startSitting, unlock, waitForHeading, UI } from '../tests/e2e/lib/sitting.mjs';

const QUICK = process.argv.includes('--quick');
const WRITE = process.argv.includes('--write');
const RATE = 4;
const PROGRAMME = 'tc';
const TIMEPOINT = 'pre';
const ANSWERS = QUICK ? 20 : 100;
const RUNS = QUICK ? 1 : 5;

// ---- one served folder with both apps ----
const site = mkdtempSync(join(tmpdir(), 'qkit-bench-'));
cpSync(join(ROOT, 'dist', 'participant'), join(site, 'qkit'), { recursive: true });
const sjs = join(site, 'surveyjs');
mkdirSync(sjs);
const modules = join(ROOT, 'tools', 'node_modules');
for (const [from, to] of [
  ['survey-core/survey.core.min.js', 'survey.core.min.js'],
  ['survey-core/survey-core.min.css', 'survey-core.min.css'],
  ['survey-js-ui/survey-js-ui.min.js', 'survey-js-ui.min.js'],
]) cpSync(join(modules, from), join(sjs, to));
for (const f of ['index.html', 'boot.js']) cpSync(join(ROOT, 'bench', 'surveyjs', f), join(sjs, f));
const exported = execFileSync(process.env.QKIT_BIN ?? 'cargo', [...(process.env.QKIT_BIN ? [] : ['run', '-q', '-p', 'qkit-cli', '--']), 'export-surveyjs',
  '--battery', `${PROGRAMME}:${TIMEPOINT}`], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
writeFileSync(join(sjs, 'battery.json'), exported);

// The questions the participant answers after consent (battery() leaves the consent form out).
const ITEMS = battery(PROGRAMME, TIMEPOINT).flatMap((q) =>
  q.items.filter((i) => !i.staff_only).map((item, k) => {
    const o = scaleOf(q, item).options[k % scaleOf(q, item).options.length];
    return { q, item, answer: { value: o.value, label: o.label.en } };
  }));

/** In the page: times from a click to the first frame painted after the DOM changed. */
function installProbe() {
  window.__times = [];
  let start = null;
  document.addEventListener('click', (e) => {
    if (e.target.closest('button, input[type=button], input[type=submit]')) start = performance.now();
  }, true);
  new MutationObserver(() => {
    if (start === null) return;
    const t0 = start;
    start = null;
    requestAnimationFrame(() => setTimeout(() => window.__times.push(performance.now() - t0)));
  }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
}

async function lastTime(page) {
  await page.waitForFunction(() => window.__times.length > 0);
  return page.evaluate(() => window.__times.splice(0).pop());
}

/** Bytes on the wire (gzip) for everything the page fetched, from DevTools. */
function countBytes(cdp) {
  const seen = { bytes: 0, requests: 0 };
  cdp.on('Network.loadingFinished', (e) => { seen.bytes += e.encodedDataLength; seen.requests += 1; });
  return seen;
}

async function throttled(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
  return cdp;
}

// ---- the two apps, driven the same way: choose an option, press Next ----
const apps = {
  qkit: {
    url: (base) => `${base}qkit/`,
    /** From a fresh page to the first question, as staff would: set the staff passphrase, start,
     * record consent, hand over. */
    async toFirstQuestion(page) {
      await unlock(page);
      await startSitting(page, { reference: 'BENCH001', programme: PROGRAMME, timepoint: TIMEPOINT });
      await waitForHeading(page, ITEMS[0].q.title.en);
      await page.getByRole('button', { name: UI.next, exact: true }).click();
    },
    firstScreen: (page) => page.getByRole('heading', { level: 1 }).first(),
    question: (page, item) => page.getByRole('heading', { level: 1, name: item.text.en, exact: true }),
    choose: (page, answer) => radioFor(page, answer).check(),
    next: (page) => page.getByRole('button', { name: UI.next, exact: true }),
    back: (page) => page.getByRole('button', { name: UI.back, exact: true }),
    /** qkit shows a short section screen before each questionnaire; pass it. */
    async between(page, from, to) {
      if (from.q !== to.q) {
        await waitForHeading(page, to.q.title.en);
        await page.getByRole('button', { name: UI.next, exact: true }).click();
      }
    },
    async wasmMemory(page) {
      return page.evaluate(() => globalThis.__qkitWasmMemoryBytes?.() ?? null);
    },
  },
  surveyjs: {
    url: (base) => `${base}surveyjs/`,
    /** The exported battery starts with the consent question, as qkit's does: answer yes. */
    async toFirstQuestion(page) {
      const consent = definition('consent');
      const yes = consent.response_scales[0].options.find((o) => o.code === 'yes');
      await page.getByRole('radio', { name: yes.label.en, exact: true }).check({ force: true });
      await page.getByRole('button', { name: 'Next', exact: true }).click();
    },
    firstScreen: (page) => page.getByRole('radio').first(),
    question: (page, item) => page.getByText(item.text.en, { exact: true }).first(),
    // SurveyJS hides the native radio under a decorator; a person clicks the decorated label.
    choose: (page, answer) => radioFor(page, answer).check({ force: true }),
    next: (page) => page.getByRole('button', { name: 'Next', exact: true }),
    back: (page) => page.getByRole('button', { name: 'Previous', exact: true }),
    async between() {},
    async wasmMemory() { return null; },
  },
};

async function coldAndWarm(browser, app, base) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const cdp = await throttled(context, page);
  const bytes = countBytes(cdp);
  let t0 = Date.now();
  await page.goto(app.url(base));
  await app.firstScreen(page).waitFor();
  const cold = Date.now() - t0;
  const coldBytes = { ...bytes };
  // Warm: the same browser profile visits again.
  t0 = Date.now();
  await page.reload();
  await app.firstScreen(page).waitFor();
  const warm = Date.now() - t0;
  await context.close();
  return { cold, warm, bytes: coldBytes.bytes, requests: coldBytes.requests };
}

async function answering(browser, app, base) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const cdp = await throttled(context, page);
  // Cold (a new browser context) from navigation to the first questionnaire item on screen, the
  // opening screens passed by script as fast as the page allows.
  const t0 = Date.now();
  await page.goto(app.url(base));
  await app.toFirstQuestion(page);
  await app.question(page, ITEMS[0].item).waitFor();
  const firstItem = Date.now() - t0;
  await page.evaluate(installProbe);
  // Forward through the battery; then back and forth within the last questionnaire until 100
  // answers are timed. Only Next from one question to the next question of the same
  // questionnaire is timed (qkit shows a section screen between questionnaires, SurveyJS
  // does not), and Back is not timed.
  const times = [];
  let i = 0;
  const lastQ = ITEMS[ITEMS.length - 1].q;
  const firstOfLast = ITEMS.findIndex((x) => x.q === lastQ);
  let forward = true;
  while (times.length < ANSWERS) {
    const cur = ITEMS[i];
    await app.question(page, cur.item).waitFor();
    if (forward) {
      await app.choose(page, cur.answer);
      if (i === ITEMS.length - 1) { forward = false; continue; }
      await app.next(page).click();
      const t = await lastTime(page);
      if (ITEMS[i + 1].q === cur.q) times.push(t);
      await app.between(page, cur, ITEMS[i + 1]);
      i += 1;
    } else {
      await app.back(page).click();
      await lastTime(page);
      i -= 1;
      if (i === firstOfLast) forward = true;
    }
  }
  const heap = await cdp.send('Runtime.getHeapUsage');
  const wasm = await app.wasmMemory(page);
  await context.close();
  return { times, heap: heap.usedSize, wasm, firstItem };
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const median = (xs) => pct(xs, 50);
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const ms = (x) => `${Math.round(x)} ms`;

const server = await serve(site, ['--gzip']);
const browser = await launch();
const results = {};
try {
  for (const [name, app] of Object.entries(apps)) {
    const loads = [];
    for (let r = 0; r < RUNS; r++) loads.push(await coldAndWarm(browser, app, server.url));
    const run = await answering(browser, app, server.url);
    results[name] = {
      bytes: median(loads.map((l) => l.bytes)),
      requests: loads[0].requests,
      cold: median(loads.map((l) => l.cold)),
      warm: median(loads.map((l) => l.warm)),
      next50: pct(run.times, 50),
      next95: pct(run.times, 95),
      answers: run.times.length,
      heap: run.heap,
      wasm: run.wasm,
      firstItem: run.firstItem,
    };
  }
} finally {
  await browser.close();
  server.stop();
}

const q = results.qkit;
const s = results.surveyjs;
const ratio = (a, b) => (b ? `${(a / b).toFixed(2)}×` : '–');
const date = new Date().toISOString().slice(0, 10);
const machine = `${cpus().length} × ${cpus()[0]?.model?.trim() ?? 'unknown CPU'}, Chromium ${browser.version()}`;
const table = [
  `Battery: ${PROGRAMME} ${TIMEPOINT} (${ITEMS.length} questions), CPU throttled ${RATE}× in DevTools, ` +
    `${RUNS} load run(s), ${q.answers} answers timed. ${date}, ${machine}.`,
  '',
  '| measure | qkit | SurveyJS 2.5.38 | qkit / SurveyJS |',
  '|---|---|---|---|',
  `| bytes transferred, first screen, cold (gzip) | ${kb(q.bytes)} (${q.requests} requests) | ${kb(s.bytes)} (${s.requests} requests) | ${ratio(q.bytes, s.bytes)} |`,
  `| first screen interactive, cold | ${ms(q.cold)} | ${ms(s.cold)} | ${ratio(q.cold, s.cold)} |`,
  `| first screen interactive, warm | ${ms(q.warm)} | ${ms(s.warm)} | ${ratio(q.warm, s.warm)} |`,
  `| first questionnaire item on screen, cold, opening screens passed by script (one run) | ${ms(q.firstItem)} | ${ms(s.firstItem)} | ${ratio(q.firstItem, s.firstItem)} |`,
  `| click Next → next question painted, median | ${ms(q.next50)} | ${ms(s.next50)} | ${ratio(q.next50, s.next50)} |`,
  `| click Next → next question painted, p95 | ${ms(q.next95)} | ${ms(s.next95)} | ${ratio(q.next95, s.next95)} |`,
  `| JS heap after ${ANSWERS} answers | ${kb(q.heap)} | ${kb(s.heap)} | ${ratio(q.heap, s.heap)} |`,
  `| WebAssembly memory after ${ANSWERS} answers (grown size) | ${q.wasm === null ? 'not measured' : kb(q.wasm)} | none | – |`,
  `| JS heap + WebAssembly memory | ${q.wasm === null ? 'not measured' : kb(q.heap + q.wasm)} | ${kb(s.heap)} | ${q.wasm === null ? '–' : ratio(q.heap + q.wasm, s.heap)} |`,
].join('\n');
console.log(table);
if (WRITE) {
  const doc = readFileSync(join(ROOT, 'bench', 'performance.head.md'), 'utf8');
  writeFileSync(join(ROOT, 'docs', 'performance.md'), `${doc}\n${table}\n`);
  console.log('\nwrote docs/performance.md');
}
