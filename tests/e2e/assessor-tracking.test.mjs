// Programme tracking, reconciliation and "not on track" in the assessor area, driven by role and
// accessible name: a local batteries.json gives TSP a schedule (mid at week 6, post at week 12,
// an estimate for this test only; the shipped kit leaves it to the organisation), six men's
// sealed records are imported with a copy of one file and a second, different record for one
// man's pre, and a groups file puts two TSP men in a group that started on 1 September 2026.
// The second record comes from a qkit before device ids (no "device"). The import screen lists
// the results by laptop and date, that one as "device not recorded"; the tracking screen shows the group and
// the waiting lists, filters "who still needs post", and prints to PDF; Q1001X (BIS-11 answered
// far too fast at post) shows "Not on track" on his cohort table row (the rule behind it reached
// by keyboard, read by a screen reader as the mark's description, the row on one line at 1366 px)
// and his profile; the
// second record is kept beside the first and put in use from the profile. axe-core checks each
// screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, watchErrors, axeViolations, ROOT } from './lib/harness.mjs';
import { UI, ui, makeKey, makeRecords, seal, sealedIn, heading, unlockWithText, importFiles } from './lib/assessor.mjs';

const WORK = mkdtempSync(join(tmpdir(), 'qkit-assessor-tracking-'));
const SEALED = join(WORK, 'sealed');
let server, browser, key, files;

before(async () => {
  key = makeKey(WORK);
  // Q1000X (TSP) pre, mid, post; Q1001X (BBR) pre, post (too fast at post); Q1002X (TSP) pre;
  // Q1003X (BBR) pre, mid, post; Q1004X (TSP) pre, post; Q1005X (BBR) pre.
  const records = makeRecords(join(WORK, 'json'), 6);
  seal(records, key.recipient, SEALED);
  const second = JSON.parse(readFileSync(records.find((r) => r.endsWith('Q1000X-pre.json')), 'utf8'));
  second.record_id = 'sat-again';
  delete second.device;
  // Named to sort after the first, so it is imported after it.
  const secondJson = join(WORK, 'zz-Q1000X-pre-again.json');
  writeFileSync(secondJson, JSON.stringify(second));
  seal([secondJson], key.recipient, SEALED);
  copyFileSync(join(SEALED, 'Q1003X-mid.age'), join(SEALED, 'zz-Q1003X-mid-copy.age'));
  files = sealedIn(SEALED);
  server = await serve();
  browser = await launch();
});
after(async () => { await browser?.close(); server?.stop(); });

/** The shipped batteries with TSP given mid at week 6 and post at week 12. */
function localBatteries() {
  const shipped = readFileSync(join(ROOT, 'questionnaires', 'batteries.json'), 'utf8');
  const json = JSON.parse(shipped);
  json.programmes.find((p) => p.id === 'tsp').schedule = {
    set_by: 'estimate', mid_week: 6, post_week: 12, source: 'figures for this test only',
  };
  const path = join(WORK, 'batteries.json');
  writeFileSync(path, JSON.stringify(json));
  return path;
}

async function axeClean(page, screen) {
  assert.deepEqual(await axeViolations(page), [], `axe on the ${screen} screen`);
}

/** A batch's summary line: the UI string with `fill`'s values, any text for the others. */
const batch = (key, fill) => new RegExp(`^${UI[key].replace(/[.*+?^$()|[\]\\]/g, '\\$&')
  .replace(/\{(\w+)\}/g, (_, k) => fill[k] ?? '.+')}$`);

const nav = (page, name) => page.getByRole('navigation', { name: UI.assessor_nav }).getByRole('button', { name }).click();

test('tracking, reconciliation and not-on-track alerts in the browser', async () => {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const errors = watchErrors(page);
  await unlockWithText(page, server.url, key.text);
  await page.getByLabel(UI.local_file, { exact: true }).setInputFiles([localBatteries()]);
  await page.getByText(UI.local_batteries).waitFor();
  await importFiles(page, files);
  // Reconciliation: the copy is counted once, the second record kept beside the first.
  await page.getByText(ui('assessor_import_same', { first: 'Q1003X-mid.age' })).waitFor();
  await page.getByText(ui('assessor_import_conflict', {
    participant: 'Q1000X', timepoint: UI.timepoint_pre, first: 'Q1000X-pre.age',
  })).waitFor();
  const sources = page.getByRole('region', { name: UI.assessor_sources_heading });
  await sources.waitFor();
  // Every fixture record names the example's laptop; the second one names none.
  await sources.getByText(batch('assessor_sources_batch', { device: 'K7QD-2MXA' })).first().waitFor();
  const older = sources.getByText(batch('assessor_sources_no_device', { count: '1' }));
  await older.click();
  await sources.getByText(UI.assessor_sources_beside).waitFor();
  await axeClean(page, 'import');

  // A groups file: TSP-1 started on 1 September 2026 with Q1000X and Q1002X.
  await nav(page, UI.assessor_nav_allocation);
  await heading(page, UI.assessor_allocation_heading);
  const groups = join(WORK, 'groups.csv');
  writeFileSync(groups, 'id,programme,pathway,cohort,site,weekday,time,start,intake,members\n'
    + 'TSP-1,tsp,moderate_intensity,general,site_a,tue,evening,2026-09-01,closed,Q1000X;Q1002X\n');
  await page.getByLabel(UI.assessor_groups_file).setInputFiles(groups);
  await page.getByRole('rowheader', { name: 'TSP-1' }).waitFor();

  await nav(page, UI.assessor_nav_tracking);
  await heading(page, UI.assessor_tracking_heading);
  const group = page.getByRole('table', { name: ui('assessor_tracking_group', { programme: 'Thinking Skills Programme', group: 'TSP-1' }) });
  await group.waitFor();
  // Q1002X has only pre: mid was due 1 Sep + 6 weeks = 13 Oct, post 1 Sep + 12 weeks = 24 Nov.
  const q1002 = group.getByRole('row', { name: /Q1002X/ });
  // How long overdue is counted to today on this computer's clock, as the screen counts it.
  const overdue = (date) => {
    const [y, m, d] = date.split('-').map(Number);
    const now = new Date();
    const count = Math.round((Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) - Date.UTC(y, m - 1, d)) / 86_400_000);
    return ui('assessor_tracking_overdue', { date, count });
  };
  await q1002.getByRole('cell', { name: overdue('2026-10-13') }).waitFor();
  await q1002.getByRole('cell', { name: overdue('2026-11-24') }).waitFor();
  // The waiting lists: BBR has no schedule and no group, so mid and post are not expected yet.
  const bbr = page.getByRole('table', { name: ui('assessor_tracking_waiting', { programme: 'Building Better Relationships' }) });
  await bbr.getByRole('row', { name: /Q1005X/ }).getByRole('cell', { name: UI.assessor_tracking_not_expected }).first().waitFor();
  await axeClean(page, 'tracking');

  await page.getByRole('combobox', { name: UI.assessor_tracking_show }).selectOption({ label: UI.assessor_tracking_needs_post });
  await page.getByRole('rowheader', { name: /Q1005X/ }).waitFor({ state: 'detached' });
  const still = await page.getByRole('rowheader').allInnerTexts();
  assert.deepEqual(still.map((t) => t.trim().split('\n')[0]), ['Q1002X'], 'only Q1002X still needs post');
  await axeClean(page, 'tracking, who still needs post');

  // Printed: the controls are hidden, the table is there, and the PDF is made.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByRole('button', { name: UI.assessor_tracking_print }).isVisible(), false);
  assert.ok(await page.getByRole('rowheader', { name: /Q1002X/ }).isVisible());
  assert.equal(await page.getByRole('navigation', { name: UI.assessor_nav }).isVisible(), false);
  const pdf = await page.pdf({ format: 'A4' });
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  await page.emulateMedia({ media: 'screen' });

  // Not on track: Q1001X's BIS-11 at post was answered far too fast.
  await nav(page, UI.assessor_nav_cohort);
  await heading(page, UI.assessor_cohort_heading);
  const row = page.getByRole('row', { name: /Q1001X/ });
  const mark = row.getByText(new RegExp(`${UI.assessor_not_on_track}: BIS-11`));
  await mark.waitFor();
  await axeClean(page, 'cohort');
  // The rule behind the mark: by keyboard from the row's first button, the mark takes focus; it
  // is described by its tooltip (what a screen reader reads with it), which shows on focus and
  // keeps the row as high as a row with no mark.
  const open = row.getByRole('button', { name: ui('assessor_open_person', { participant: 'Q1001X' }) });
  const rowHeight = (await row.boundingBox()).height;
  const plainRow = (await page.getByRole('row', { name: /Q1004X/ }).boundingBox()).height;
  assert.equal(rowHeight, plainRow, 'the mark keeps its row as high as one without');
  await open.focus();
  const tip = row.getByRole('tooltip');
  const tipId = await tip.getAttribute('id');
  let focused = false;
  for (let i = 0; i < 12 && !focused; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate((id) => document.activeElement?.getAttribute('aria-describedby') === id, tipId);
  }
  assert.ok(focused, 'the not-on-track mark is reached by Tab');
  assert.match(await page.evaluate(() => document.activeElement.textContent), new RegExp(`${UI.assessor_not_on_track}: BIS-11`));
  const why = ui('flag_too_fast', { median: '', min: '' }).split(':')[0];
  assert.match(await tip.innerText(), new RegExp(`BIS-11, ${UI.assessor_tp_post}: ${why}`));
  assert.ok((await tip.boundingBox()).width > 100, 'the tooltip shows on focus');
  assert.equal((await row.boundingBox()).height, rowHeight, 'the tooltip does not push the row apart');
  await axeClean(page, 'cohort, the not-on-track tooltip shown');
  // Escape hides it (WCAG 1.4.13: dismissible) and focus stays on the mark; leaving and coming
  // back shows it again.
  await page.keyboard.press('Escape');
  await page.waitForFunction((id) => document.getElementById(id).getBoundingClientRect().width <= 1, tipId);
  assert.ok(await page.evaluate((id) => document.activeElement?.getAttribute('aria-describedby') === id, tipId),
    'Escape leaves focus on the mark');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await page.waitForFunction((id) => document.getElementById(id).getBoundingClientRect().width > 100, tipId);
  await row.getByRole('button', { name: ui('assessor_open_person', { participant: 'Q1001X' }) }).click();
  const alert = page.getByRole('region', { name: UI.assessor_not_on_track });
  await alert.getByRole('listitem').first().waitFor();
  assert.match(await alert.innerText(), /BIS-11/);
  await axeClean(page, 'profile (not on track)');

  // The second record for Q1000X's pre: shown on his profile, put in use by the assessor.
  await nav(page, UI.assessor_nav_cohort);
  await page.getByRole('button', { name: ui('assessor_open_person', { participant: 'Q1000X' }) }).click();
  const use = page.getByRole('button', { name: new RegExp(`^${UI.assessor_record_use}: .*zz-Q1000X-pre-again\\.age`) });
  await use.click();
  await page.getByText(/The scores shown use the one done .* \(from zz-Q1000X-pre-again\.age\)/).waitFor();
  await axeClean(page, 'profile (two records)');
  assert.deepEqual(errors, []);
});
