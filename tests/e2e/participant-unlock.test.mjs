// The staff passphrase is checked off the page: scrypt runs in a worker with its own small
// module, so the lock screen stays usable while it runs, says it is checking, and the page's own
// WebAssembly memory stays the app's (scrypt's 32 MiB would otherwise stay for good). Tried as
// staff would meet it: a slow check (Unlock cannot be pressed again meanwhile), and a laptop
// where the worker cannot start (nothing counted, a plain message, and the next try works).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, watchErrors, axeViolations } from './lib/harness.mjs';
import { UI, PASSPHRASE, unlock, waitForHeading } from './lib/sitting.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const MIB = 1024 * 1024;
const memory = (page) => page.evaluate(() => globalThis.__qkitWasmMemoryBytes());
const lockHeading = (page) => page.getByRole('heading', { level: 1, name: UI.lock_heading, exact: true });
const unlockButton = (page) => page.getByRole('button', { name: UI.unlock_button, exact: true });

/** Holds every fetch of scrypt's module until `release()` is called. */
async function holdScrypt(context) {
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  await context.route('**/qkit_kdf_bg.wasm', async (route) => { await gate; await route.continue(); });
  return () => release();
}

test('unlocking runs scrypt in a worker: the page stays usable, says so, and keeps its memory small', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto(server.url);
  await unlock(page); // first use: sets the passphrase, through the worker too
  await waitForHeading(page, UI.start_heading);
  assert.equal(workers.length, 1, 'setting the passphrase used one worker');
  assert.match(workers[0], /kdf-worker\.js$/);

  await page.reload();
  await lockHeading(page).waitFor();
  const release = await holdScrypt(context);
  await page.getByLabel(UI.passphrase_label, { exact: true }).fill(PASSPHRASE);
  await unlockButton(page).click();
  await page.getByRole('status').getByText(UI.passphrase_checking).waitFor();
  assert.equal(await unlockButton(page).isDisabled(), true, 'Unlock cannot be pressed twice');
  // The page answers while scrypt runs: the language switch works at once.
  await page.getByRole('button', { name: 'Cymraeg', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: /qkit/ }).waitFor();
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await lockHeading(page).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'axe on the lock screen while checking');
  release();
  await lockHeading(page).waitFor({ state: 'detached' });
  await waitForHeading(page, UI.start_heading);
  assert.equal(workers.length, 2, 'a new worker for each check');
  const bytes = await memory(page);
  assert.ok(bytes < 8 * MIB, `the page's WebAssembly memory is the app's own: ${(bytes / MIB).toFixed(1)} MiB`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('where no worker can start, staff are told and nothing is counted as a wrong guess', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(server.url);
  await unlock(page);
  await waitForHeading(page, UI.start_heading);
  await context.route('**/kdf-worker.js', (route) => route.fulfill({ status: 404, body: '' }));
  await page.reload();
  await lockHeading(page).waitFor();
  const notChecked = page.getByRole('alert').getByText(/^The passphrase could not be checked/);
  for (let i = 0; i < 4; i++) {
    await page.getByLabel(UI.passphrase_label, { exact: true }).fill(PASSPHRASE);
    await unlockButton(page).click();
    // Each try is checked anew: "Checking" replaces the last message, then the message returns.
    await page.getByRole('status').getByText(UI.passphrase_checking).or(notChecked).first().waitFor();
    await notChecked.waitFor();
    assert.equal(await unlockButton(page).isDisabled(), false);
  }
  assert.equal(await page.getByText(/Too many wrong passphrases/).count(), 0, 'no wait: nothing was counted');
  assert.deepEqual(await axeViolations(page), [], 'axe on the lock screen with the message');
  await context.unroute('**/kdf-worker.js');
  await page.getByLabel(UI.passphrase_label, { exact: true }).fill(PASSPHRASE);
  await unlockButton(page).click();
  await waitForHeading(page, UI.start_heading);
  await context.close();
});
