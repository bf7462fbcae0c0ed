// Storage faults made for real, not simulated: localStorage filled to its quota before a sitting
// (staff are warned on the start screen, every answer is kept in memory, and the finished
// sitting is exported whole), and a stored draft cut short (named, the other sittings still
// open). A draft with a flipped byte is in storage.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, watchErrors, axeViolations } from './lib/harness.mjs';
import {
  UI, BATTERIES, definition, fill, startSitting, passPractice, waitForHeading, answerAll, openApp, reloadUnlocked, confirmStaff, useConfig,
} from './lib/sitting.mjs';
import { keygen, accept, exportRecord, qkitDecrypt, answersOf } from './lib/export.mjs';

const dir = mkdtempSync(join(tmpdir(), 'qkit-storage-faults-e2e-'));
const BSCS = definition('bscs');
let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const next = (page) => page.getByRole('button', { name: UI.next, exact: true }).click();

/** Fills localStorage with filler values until the browser refuses more; returns bytes added. */
function fillStorage(page) {
  return page.evaluate(() => {
    let added = 0;
    let n = 0;
    for (let size = 1 << 20; size >= 16; size >>= 1) {
      const value = 'x'.repeat(size);
      for (;;) {
        try {
          localStorage.setItem(`filler.${n}`, value);
          n += 1;
          added += size;
        } catch (e) {
          break;
        }
      }
    }
    return added;
  });
}

test('storage filled to its quota before a sitting: staff are warned at start, and every answer is kept and exported', async () => {
  const key = keygen(dir, 'full');
  const context = await browser.newContext({ acceptDownloads: true });
  await useConfig(context, { format: 1, recipients: [{ recipient: key.recipient }] });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await openApp(page, server.url);
  await accept(page, key.recipient);
  const filled = await fillStorage(page);
  assert.ok(filled > 1_000_000, `storage took ${filled} bytes of filler`);

  // Next time the app opens, staff are told before they start.
  await reloadUnlocked(page);
  await waitForHeading(page, UI.start_heading);
  await page.getByText(UI.storage_full_start).waitFor();
  assert.deepEqual(await axeViolations(page), []);

  // The sitting runs; the first answer that cannot be saved (here the consent) is said plainly,
  // and staff carry on with the sitting in memory.
  await page.getByRole('textbox', { name: UI.start_reference }).fill('QUOTA01');
  const tsp = BATTERIES.programmes.find((p) => p.id === 'tsp').name.en;
  await page.getByRole('combobox', { name: UI.start_programme }).selectOption({ label: tsp });
  await page.getByRole('radio', { name: UI.timepoint_mid, exact: true }).check();
  await page.getByRole('button', { name: UI.start_button }).click();
  const consent = definition('consent');
  await waitForHeading(page, consent.title.en);
  const yes = consent.response_scales[0].options.find((o) => o.code === 'yes');
  await page.getByRole('radio', { name: yes.label.en, exact: true }).check();
  await page.getByRole('alert').getByText(UI.storage_full).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await page.getByRole('button', { name: UI.storage_carry_on }).click();
  await page.getByText(UI.storage_unsaved).waitFor();
  await page.getByRole('button', { name: UI.consent_record }).click();
  await waitForHeading(page, UI.handover_heading);
  await page.getByRole('button', { name: UI.handover_start, exact: true }).click();
  await passPractice(page);
  await waitForHeading(page, BSCS.title.en);
  await next(page);
  const given = await answerAll(page, BSCS, {
    choose: (i) => i * 2,
    each: () => page.getByText(UI.storage_unsaved).waitFor(),
  });
  await waitForHeading(page, UI.thank_you_heading);
  await page.getByText(UI.storage_unsaved).waitFor();
  await page.getByRole('button', { name: UI.thank_you_staff }).click();
  await confirmStaff(page);
  await waitForHeading(page, UI.summary_heading);
  const { file } = await exportRecord(page, dir);
  const record = qkitDecrypt(key.file, file);
  assert.deepEqual(answersOf(record, 'bscs'), given,
    'every answer given on full storage is in the export');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a stored draft cut short is named; the other sittings still open', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await openApp(page, server.url);
  for (const reference of ['CUT0001', 'KEEP0001']) {
    await startSitting(page, { reference, programme: 'tsp', timepoint: 'mid' });
    await waitForHeading(page, BSCS.title.en);
    await page.getByRole('button', { name: UI.staff_button, exact: true }).click();
    await confirmStaff(page);
    await page.getByRole('button', { name: UI.staff_close }).click();
    await waitForHeading(page, UI.start_heading);
  }
  // Cut the first sitting's stored value to half its length, as a full disk or a killed write might.
  const cut = await page.evaluate(() => {
    const keys = Object.keys(localStorage).filter((k) => k.startsWith('qkit.draft.')).sort();
    const values = keys.map((k) => localStorage.getItem(k));
    const i = values.findIndex((v) => v.length > 0);
    localStorage.setItem(keys[i], values[i].slice(0, Math.floor(values[i].length / 2)));
    return keys[i].slice('qkit.draft.'.length);
  });
  await reloadUnlocked(page);
  const broken = page.getByRole('region', { name: UI.drafts_unreadable });
  await broken.getByText(new RegExp(cut)).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  // The other sitting still opens (whichever of the two was cut).
  const resume = page.getByRole('button', { name: new RegExp(fill(UI.resume_sitting, { participant: '(CUT|KEEP)0001' })) });
  assert.equal(await resume.count(), 1);
  await resume.click();
  await waitForHeading(page, BSCS.title.en);
  assert.deepEqual(errors, []);
  await context.close();
});
