// Bad or odd storage states, each with a clear message and a way forward: two tabs on one
// sitting, a corrupted draft next to good ones, storage that is blocked or full, and a refused
// consent. (A draft from an older definition version, which can no longer be rewritten from
// outside now that drafts are sealed, is covered by the component tests.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, watchErrors, axeViolations, switchableQuota } from './lib/harness.mjs';
import {
  UI, definition, fill, startSitting, waitForHeading, openApp, reloadUnlocked, confirmStaff, unlock,
} from './lib/sitting.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const next = (page) => page.getByRole('button', { name: UI.next, exact: true }).click();
const BSCS = definition('bscs');

/** Starts a TSP mid sitting (consent, then BSCS) and goes to its first item. */
async function toFirstItem(page, reference) {
  await startSitting(page, { reference, programme: 'tsp', timepoint: 'mid' });
  await waitForHeading(page, BSCS.title.en);
  await next(page);
  await waitForHeading(page, BSCS.items[0].text.en);
}

const option = (i) => BSCS.response_scales[0].options[i].label.en;
const pick = (page, i) => page.getByRole('radio', { name: option(i), exact: true }).click();

async function closeSitting(page) {
  await page.getByRole('button', { name: UI.staff_button, exact: true }).click();
  await confirmStaff(page);
  await page.getByRole('button', { name: UI.staff_close }).click();
  await waitForHeading(page, UI.start_heading);
}

test('two tabs on one sitting: the one opened last carries on, the other stops and says why', async () => {
  const context = await browser.newContext();
  const a = await context.newPage();
  const errors = watchErrors(a);
  await openApp(a, server.url);
  await toFirstItem(a, 'TAB0001');
  const b = await context.newPage();
  await openApp(b, server.url);
  await waitForHeading(b, BSCS.items[0].text.en); // the open sitting comes up in the new tab
  await a.getByRole('alert').getByText(UI.conflict).waitFor();
  assert.deepEqual(await axeViolations(a), []);
  await pick(a, 4);
  await next(a);
  await waitForHeading(a, BSCS.items[0].text.en); // stopped: nothing moved, nothing written
  await pick(b, 2);
  await next(b);
  await waitForHeading(b, BSCS.items[1].text.en);
  assert.equal(await b.getByRole('alert').count(), 0, 'the tab opened last carries on');
  await a.getByRole('button', { name: UI.conflict_reload }).click();
  await waitForHeading(a, BSCS.items[1].text.en);
  await a.getByRole('button', { name: UI.back, exact: true }).click();
  await waitForHeading(a, BSCS.items[0].text.en);
  assert.ok(await a.getByRole('radio', { name: option(2), exact: true }).isChecked(), "the other tab's answer");
  assert.deepEqual(errors, []);
  await context.close();
});

test('a corrupted draft is named and can be removed; other sittings still open', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openApp(page, server.url);
  await toFirstItem(page, 'BAD0001');
  const bad = await page.evaluate(() => localStorage.getItem('qkit.current'));
  await closeSitting(page);
  await toFirstItem(page, 'GOOD0001');
  await pick(page, 1);
  await next(page);
  await closeSitting(page);
  // Damage the sealed draft: its authentication fails, and the right passphrase still unlocks.
  await page.evaluate((id) => {
    const key = `qkit.draft.${id}`;
    const value = localStorage.getItem(key);
    const i = value.length - 30;
    const flipped = value[i] === 'A' ? 'B' : 'A';
    localStorage.setItem(key, value.slice(0, i) + flipped + value.slice(i + 1));
  }, bad);
  await reloadUnlocked(page);
  const broken = page.getByRole('region', { name: UI.drafts_unreadable });
  await broken.getByText(new RegExp(`${bad}.*corrupted`)).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await page.getByRole('button', { name: fill(UI.resume_sitting, { participant: 'GOOD0001' }) }).click();
  await waitForHeading(page, BSCS.items[1].text.en);
  await closeSitting(page);
  await broken.getByRole('button', { name: UI.remove_draft }).click();
  await broken.getByRole('button', { name: UI.remove_confirm }).click();
  await page.getByRole('button', { name: fill(UI.resume_sitting, { participant: 'GOOD0001' }) }).waitFor();
  assert.equal(await page.getByRole('region', { name: UI.drafts_unreadable }).count(), 0);
  await context.close();
});

test('blocked storage: the sitting runs in memory and says so', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  });
  const page = await context.newPage();
  await openApp(page, server.url);
  await page.getByText(/This browser is not letting qkit save anything/).waitFor();
  await toFirstItem(page, 'MEM0001');
  await page.getByText(UI.storage_blocked).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await pick(page, 0);
  await next(page);
  await waitForHeading(page, BSCS.items[1].text.en);
  await context.close();
});

test('full storage: a clear message, and staff can carry on with answers in memory', async () => {
  const context = await browser.newContext();
  await switchableQuota(context);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await openApp(page, server.url);
  await toFirstItem(page, 'FULL0001');
  await page.evaluate(() => { window.qkitFull = true; });
  await pick(page, 1);
  await page.getByRole('alert').getByText(UI.storage_full).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await page.getByRole('button', { name: UI.storage_carry_on }).click();
  await next(page);
  await waitForHeading(page, BSCS.items[1].text.en);
  await page.getByText(UI.storage_unsaved).waitFor();
  await page.evaluate(() => { window.qkitFull = false; });
  await pick(page, 3);
  await page.getByText(UI.storage_unsaved).waitFor({ state: 'detached' });
  await reloadUnlocked(page);
  await waitForHeading(page, BSCS.items[1].text.en);
  await page.getByRole('button', { name: UI.back, exact: true }).click();
  assert.ok(await page.getByRole('radio', { name: option(1), exact: true }).isChecked(), 'saved once storage had room');
  assert.deepEqual(errors, []);
  await context.close();
});

test('refused consent: nothing is asked and the screen says so', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openApp(page, server.url);
  await waitForHeading(page, UI.start_heading);
  await page.getByRole('textbox', { name: UI.start_reference }).fill('NO0001');
  await page.getByRole('button', { name: UI.start_button }).click();
  const consent = definition('consent');
  await waitForHeading(page, consent.title.en);
  await page.getByRole('button', { name: UI.consent_record }).click();
  await page.getByRole('alert').getByText(UI.consent_choose).waitFor();
  const no = consent.response_scales[0].options.find((o) => o.code === 'no');
  await page.getByRole('radio', { name: no.label.en, exact: true }).check();
  await page.getByRole('button', { name: UI.consent_record }).click();
  // The hand-back screen: nothing of the record, and "back to the start" is gone.
  await waitForHeading(page, UI.declined_hand_back_heading);
  assert.deepEqual(await axeViolations(page), []);
  assert.equal(await page.getByRole('button', { name: UI.to_start }).count(), 0);
  await reloadUnlocked(page);
  await waitForHeading(page, UI.declined_hand_back_heading);
  await page.getByRole('button', { name: UI.for_staff, exact: true }).click();
  await confirmStaff(page);
  await waitForHeading(page, UI.declined_heading);
  assert.deepEqual(await axeViolations(page), []);
  await page.getByRole('button', { name: UI.done_lock }).click();
  await waitForHeading(page, UI.lock_heading);
  await unlock(page);
  await page.getByRole('region', { name: UI.drafts_finished }).getByText(UI.declined_short, { exact: false }).waitFor();
  await context.close();
});
