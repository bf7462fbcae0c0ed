// Times unlocking (scrypt N=2^15, r=8, p=1) from pressing Unlock to the start screen, over five
// reloads, and how big the page's WebAssembly memory has grown afterwards; the CPU is throttled
// QKIT_CPU_THROTTLE× (default 4) through DevTools. DevTools throttles the page; whether a worker
// is throttled too is not documented, so the figures for a worker are checked against a run at
// 1× (see docs/performance.md). Not a test: it prints numbers. Run after a build:
// `node tests/e2e/bench/unlock.mjs` (QKIT_DIST=folder to time another build).
import { serve, launch } from '../lib/harness.mjs';
import { UI, PASSPHRASE, unlock } from '../lib/sitting.mjs';

const RATE = Number(process.env.QKIT_CPU_THROTTLE ?? 4);
const server = await serve();
const browser = await launch();
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
  await page.goto(server.url);
  await unlock(page); // first use: sets the passphrase
  const times = [];
  for (let i = 0; i < 5; i++) {
    await page.reload();
    const lock = page.getByRole('heading', { level: 1, name: UI.lock_heading, exact: true });
    await lock.waitFor();
    await page.getByLabel(UI.passphrase_label, { exact: true }).fill(PASSPHRASE);
    const t0 = Date.now();
    await page.getByRole('button', { name: UI.unlock_button, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: UI.start_heading, exact: true }).waitFor();
    times.push(Date.now() - t0);
  }
  const memory = await page.evaluate(() => globalThis.__qkitWasmMemoryBytes?.());
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`unlock, CPU throttled ${RATE}×: ${times.join(', ')} ms (median ${sorted[2]} ms)`);
  console.log(`the page's WebAssembly memory after unlocking: ${(memory / 1024 / 1024).toFixed(1)} MiB`);
} finally {
  await browser.close();
  server.stop();
}
