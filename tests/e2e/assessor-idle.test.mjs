// The assessor area locks itself when nobody uses it: with the kit configuration's idle time
// short (6 s, on the page's clock, which the test moves on), an unlocked area holding imported
// records goes back to its unlock screen, says why, and has forgotten the key and the records
// (unlocking with the key reopens the saved workspace); activity keeps it open. The pasted key's box is emptied once it is read, even when the key is
// refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, watchErrors, axeViolations, spellcheckedBoxes } from './lib/harness.mjs';
import { useConfig } from './lib/sitting.mjs';
import { UI, ui, makeKey, makeRecords, seal, heading, importFiles, held } from './lib/assessor.mjs';

const WORK = mkdtempSync(join(tmpdir(), 'qkit-assessor-idle-e2e-'));
const IDLE_MINUTES = 0.1;
const IDLE_MS = IDLE_MINUTES * 60_000;
let server, browser, key, sealed;

before(async () => {
  key = makeKey(WORK);
  sealed = seal(makeRecords(join(WORK, 'json'), 1), key.recipient, join(WORK, 'sealed'));
  server = await serve();
  browser = await launch();
});
after(async () => { await browser?.close(); server?.stop(); });

async function unlock(page) {
  await page.getByRole('textbox', { name: UI.assessor_unlock_paste }).fill(key.text);
  await page.getByRole('button', { name: UI.assessor_unlock_button, exact: true }).click();
  await heading(page, UI.assessor_import_heading);
}

test('the assessor area locks when idle, forgets the key and the records, and says why', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  await useConfig(context, { format: 1, recipients: [], idle_lock_minutes: IDLE_MINUTES });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.clock.install();
  await page.goto(`${server.url}assessor.html`);
  await heading(page, UI.assessor_unlock_heading);
  assert.equal(await page.getByText(UI.assessor_locked_idle).count(), 0, 'no idle notice at first');

  // A refused key: the box it was pasted into is emptied all the same.
  const box = page.getByRole('textbox', { name: UI.assessor_unlock_paste });
  await box.fill('AGE-SECRET-KEY-1NOTAKEY');
  await page.getByRole('button', { name: UI.assessor_unlock_button, exact: true }).click();
  await page.getByRole('alert').filter({ hasText: ui('assessor_identity_bad_line', { line: 1 }) }).waitFor();
  assert.equal(await box.inputValue(), '', 'the pasted key is not left in the page');

  await unlock(page);
  await importFiles(page, sealed);
  await page.getByText(held(sealed.length, 1)).waitFor();

  // Someone at the computer: well past the idle time, the area stays open. The page's clock is
  // moved on rather than waited for.
  for (let i = 0; i < 12; i++) {
    await page.mouse.move(100 + 10 * i, 200);
    await page.clock.fastForward(IDLE_MS / 6);
  }
  await page.getByText(held(sealed.length, 1)).waitFor({ timeout: 1_000 });
  assert.equal(await page.getByRole('heading', { level: 1, name: UI.assessor_unlock_heading }).count(), 0);

  // Nobody: just short of the idle time it is still open; past it, it locks itself and says why.
  await page.clock.fastForward(IDLE_MS - 2_000);
  assert.equal(await page.getByRole('heading', { level: 1, name: UI.assessor_unlock_heading }).count(), 0);
  await page.clock.fastForward(4_000);
  await heading(page, UI.assessor_unlock_heading);
  await page.getByRole('status').filter({ hasText: UI.assessor_locked_idle }).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'axe on the unlock screen after an idle lock');
  assert.deepEqual(await spellcheckedBoxes(page), []);

  // The page forgot the key and the record with it; unlocking with the same key reopens the
  // workspace saved (encrypted) on this computer, record included.
  await page.getByRole('textbox', { name: UI.assessor_unlock_paste }).fill(key.text);
  await page.getByRole('button', { name: UI.assessor_unlock_button, exact: true }).click();
  await heading(page, UI.assessor_cohort_heading);
  assert.equal(await page.getByText(UI.assessor_locked_idle).count(), 0, 'the notice is gone once unlocked');
  await page.getByRole('table', { name: /Participants:/ }).getByRole('rowheader', { name: 'Q1000X' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
