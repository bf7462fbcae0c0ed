// Measures how long the participant app takes to respond, with the CPU throttled 4× through
// DevTools (an old laptop): from clicking an option to it showing as chosen, and from clicking
// Next to the next question being painted, over a whole BBR pre battery (65 answers). Each
// Next includes writing the draft to localStorage before the next item appears. Also the time
// to unlock (scrypt) and how big the page's WebAssembly memory has grown after it.
// Not a test: it prints numbers and asserts nothing. Run it with `./kit bench-app` after a build.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { serve, launch, ROOT } from '../lib/harness.mjs';
import { UI, battery, scaleOf, startSitting, waitForHeading, unlock } from '../lib/sitting.mjs';

const RATE = Number(process.env.QKIT_CPU_THROTTLE ?? 4);

/** In the page: times from a click to the first frame painted after the DOM changed. */
function installProbe() {
  window.__qkitTimes = [];
  let start = null;
  document.addEventListener('click', () => { start = performance.now(); }, true);
  new MutationObserver(() => {
    if (start === null) return;
    const t0 = start;
    start = null;
    // rAF runs before the next paint; a task queued from it runs after that paint.
    requestAnimationFrame(() => setTimeout(() => window.__qkitTimes.push(performance.now() - t0)));
  }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
}

async function nextTime(page) {
  await page.waitForFunction(() => window.__qkitTimes.length > 0);
  return page.evaluate(() => window.__qkitTimes.shift());
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const fmt = (x) => `${x.toFixed(1)} ms`;

const server = await serve();
const browser = await launch();
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
  await page.goto(server.url);
  await unlock(page); // first use: sets the staff passphrase
  const unlocks = [];
  for (let i = 0; i < 3; i++) {
    await page.reload();
    const t0 = Date.now();
    await unlock(page);
    unlocks.push(Date.now() - t0);
  }
  console.log(`unlock (scrypt N=2^15, r=8, p=1, from filling in the passphrase to the start screen): ${unlocks.join(', ')} ms`);
  const memory = await page.evaluate(() => globalThis.__qkitWasmMemoryBytes?.());
  console.log(`the page's WebAssembly memory after unlocking: ${(memory / 1024 / 1024).toFixed(1)} MiB`);
  await startSitting(page, { reference: 'BENCH001', programme: 'bbr' });
  await page.evaluate(installProbe);
  const choose = [];
  const next = [];
  for (const q of battery('bbr', 'pre')) {
    await waitForHeading(page, q.title.en);
    await page.getByRole('button', { name: UI.next, exact: true }).click();
    await nextTime(page);
    for (const [i, item] of q.items.entries()) {
      await waitForHeading(page, item.text.en);
      const options = scaleOf(q, item).options;
      await page.getByRole('radio', { name: options[i % options.length].label.en, exact: true }).click();
      choose.push(await nextTime(page));
      await page.getByRole('button', { name: UI.next, exact: true }).click();
      next.push(await nextTime(page));
    }
  }
  await waitForHeading(page, UI.thank_you_heading);
  const wasm = readFileSync(join(ROOT, 'dist', 'participant', 'pkg', 'qkit-app_bg.wasm'));
  const glue = readFileSync(join(ROOT, 'dist', 'participant', 'pkg', 'qkit-app.js'));
  console.log(`qkit participant app, CPU throttled ${RATE}×, ${next.length} answers (BBR pre)`);
  console.log(`click option → shown as chosen:      median ${fmt(pct(choose, 50))}, p95 ${fmt(pct(choose, 95))}`);
  console.log(`click Next → next question painted:  median ${fmt(pct(next, 50))}, p95 ${fmt(pct(next, 95))}`);
  console.log(`option + Next, per answer:           median ${fmt(pct(choose.map((c, i) => c + next[i]), 50))}, p95 ${fmt(pct(choose.map((c, i) => c + next[i]), 95))}`);
  console.log(`wasm ${wasm.length} bytes raw, ${gzipSync(wasm, { level: 9 }).length} gzip -9; JS glue ${gzipSync(glue, { level: 9 }).length} gzip -9`);
} finally {
  await browser.close();
  server.stop();
}
