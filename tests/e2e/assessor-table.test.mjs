// The cohort table scans at a desk: ten men at 1366 px wide take one line each (bands shown by
// colour and letter, the full label in each cell's accessible name and in the legend below),
// the page height is measured and reported, and with subscales on the participant column stays
// in view when the table is scrolled sideways. axe-core checks the table both ways. The header
// shows the unlocked team key's fingerprint, as the participants' laptops show it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, watchErrors, axeViolations } from './lib/harness.mjs';
import { UI, ui, makeKey, makeRecords, seal, heading, unlockWithText, importFiles } from './lib/assessor.mjs';

const WORK = mkdtempSync(join(tmpdir(), 'qkit-assessor-table-e2e-'));
let server, browser, key, sealed;

before(async () => {
  key = makeKey(WORK);
  sealed = seal(makeRecords(join(WORK, 'json'), 10), key.recipient, join(WORK, 'sealed'));
  server = await serve();
  browser = await launch();
});
after(async () => { await browser?.close(); server?.stop(); });

test('ten men fit one line each at 1366 px, and the participant column stays when scrolled', async (t) => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await unlockWithText(page, server.url, key.text);
  // The fingerprint: the first 8 bytes of SHA-256 of the age1… text, four groups of four hex.
  const hex = createHash('sha256').update(key.recipient).digest().subarray(0, 8).toString('hex').toUpperCase();
  const fingerprint = hex.match(/.{4}/g).join('-');
  await page.getByRole('banner').getByText(ui('assessor_key_fingerprint', { count: 1, fingerprint })).waitFor();
  await importFiles(page, sealed);
  await page.getByRole('button', { name: UI.assessor_import_see_cohort }).click();
  await heading(page, UI.assessor_cohort_heading);
  const table = page.getByRole('table', { name: /Participants:/ });
  assert.equal(await table.getByRole('rowheader').count(), 10);

  // One line per man: no body row taller than the reference button's own height plus padding.
  const measure = async () => {
    const men = table.getByRole('row').filter({ has: page.getByRole('rowheader') });
    const rows = await men.evaluateAll((rs) => rs.map((r) => r.getBoundingClientRect().height));
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    return { page: height, tallest: Math.max(...rows), rows: rows.length };
  };
  const totals = await measure();
  t.diagnostic(`totals: page ${totals.page} px for ${totals.rows} men; tallest row ${totals.tallest.toFixed(1)} px`);
  const line = (await table.getByRole('rowheader').first().getByRole('button').boundingBox()).height;
  assert.ok(totals.tallest <= line + 16, `rows are one line: tallest ${totals.tallest} px, a line ${line} px`);
  // A band's full label is in the cell's accessible text; the legend gives it with its letter.
  const legend = page.getByRole('region', { name: UI.assessor_legend_heading });
  await legend.getByText(UI.assessor_legend_bands_score).first().waitFor();
  assert.ok((await table.innerText()).length > 0);
  assert.deepEqual(await axeViolations(page), [], 'axe on the cohort table');

  // Subscales on: the table is wider than its box; scrolled to the far right, each man's
  // reference is still in view, at the box's left edge.
  await page.getByLabel(UI.assessor_show_subscales).check();
  const scroll = page.getByRole('region', { name: /Participants:/ });
  const sideways = await scroll.evaluate((el) => {
    el.scrollLeft = el.scrollWidth;
    return { scrolled: el.scrollLeft, left: el.getBoundingClientRect().left };
  });
  const subs = await measure();
  t.diagnostic(`subscales: page ${subs.page} px; tallest row ${subs.tallest.toFixed(1)} px; scrolled ${sideways.scrolled} px`);
  assert.ok(sideways.scrolled > 200, `the table scrolls sideways (${sideways.scrolled} px)`);
  const first = table.getByRole('rowheader').first();
  const box = await first.boundingBox();
  assert.ok(Math.abs(box.x - sideways.left) < 3, `the participant column stays at the left (${box.x} vs ${sideways.left})`);
  assert.ok(await first.getByRole('button').isVisible());
  assert.deepEqual(await axeViolations(page), [], 'axe on the cohort table with subscales, scrolled');
  assert.deepEqual(errors, []);
  await context.close();
});
