// Merging a second site's workspace: site A imports four men's results, writes a report comment
// and a pathway entry, and saves the workspace as one file sealed to the team key. A fresh
// browser profile opens that file, then merges site B's workspace file (the same four men with a
// different comment for Q1000X and a different risk level for Q1002X, plus two more men and a
// comment of its own). The merge screen lists both differences in words; one is kept (site A's
// comment), one taken (site B's risk level); "Apply merge" waits until both are chosen. The
// merged result is on screen, and again after a reload and unlock. axe-core checks the merge
// screens.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { serve, launch, watchErrors, axeViolations } from './lib/harness.mjs';
import {
  UI, ui, makeKey, makeRecords, seal, heading, unlockWithText, importFiles, choose,
} from './lib/assessor.mjs';

const WORK = mkdtempSync(join(tmpdir(), 'qkit-assessor-merge-e2e-'));
const SITE_A = 'Site A: engaged well.';
const SITE_B = 'Site B: missed two sessions.';
const B_ONLY = 'Seen at site B only.';
let server, browser, key, json, sealed;

before(async () => {
  key = makeKey(WORK);
  // Six men: Q1000X to Q1003X at site A; site B also has Q1004X and Q1005X.
  json = makeRecords(join(WORK, 'json'), 6);
  sealed = seal(json, key.recipient, join(WORK, 'sealed'));
  server = await serve();
  browser = await launch();
});
after(async () => { await browser?.close(); server?.stop(); });

const nav = (page, name) => page.getByRole('navigation', { name: UI.assessor_nav }).getByRole('button', { name });
const saved = (page) => page.getByRole('status').filter({ hasText: UI.assessor_saved });
const siteA = (files) => files.filter((f) => /Q100[0-3]X/.test(basename(f)));

/** Opens `who`'s screens on `tab`. */
async function person(page, who, tab) {
  await nav(page, UI.assessor_nav_cohort).click();
  await heading(page, UI.assessor_cohort_heading);
  await page.getByRole('button', { name: ui('assessor_open_person', { participant: who }) }).click();
  await page.getByRole('button', { name: tab, exact: true }).click();
}

/** The merged workspace is on screen: six men, site A's comment kept, site B's risk level taken,
 * site B's own comment there. */
async function assertMerged(page) {
  const rows = await page.getByRole('table', { name: /Participants:/ }).getByRole('rowheader').allInnerTexts();
  assert.deepEqual(rows, ['Q1000X', 'Q1001X', 'Q1002X', 'Q1003X', 'Q1004X', 'Q1005X']);
  await person(page, 'Q1000X', UI.assessor_tab_report);
  assert.equal(await page.getByRole('textbox', { name: UI.assessor_report_comments }).inputValue(), SITE_A);
  await person(page, 'Q1004X', UI.assessor_tab_report);
  assert.equal(await page.getByRole('textbox', { name: UI.assessor_report_comments }).inputValue(), B_ONLY);
  await person(page, 'Q1002X', UI.assessor_tab_pathway);
  const risk = page.getByRole('combobox', { name: UI.assessor_risk, exact: true });
  assert.equal(await risk.evaluate((s) => s.selectedOptions[0].textContent), 'Medium');
}

/** Site B's workspace file, as site B's qkit writes it: site A's file with a different comment for
 * Q1000X, a different risk level for Q1002X, two more men's results and a comment of its own,
 * sealed to the same team. */
function siteBFile(fileA) {
  const plain = JSON.parse(execFileSync('age', ['-d', '-i', key.file, fileA], { encoding: 'utf8' }));
  const comment = plain.entries.comments.find(([k]) => k.participant === 'Q1000X');
  comment[1] = SITE_B;
  const entry = plain.entries.staff.find(([k]) => k.participant === 'Q1002X');
  entry[1].risk = 'medium';
  for (const f of json.filter((f) => /Q100[45]X/.test(basename(f)))) {
    plain.records.push({ source: basename(f).replace(/\.json$/, '.age'), record: JSON.parse(readFileSync(f, 'utf8')) });
  }
  plain.entries.comments.push([{ participant: 'Q1004X', programme: comment[0].programme }, B_ONLY]);
  const clear = join(WORK, 'site-b.json');
  writeFileSync(clear, JSON.stringify(plain));
  const file = join(WORK, 'site-b.age');
  execFileSync('age', ['-r', key.recipient, '-o', file, clear]);
  return file;
}

test('a second site\'s workspace merges in with one difference kept and one taken, and stays after a reload', async () => {
  // Site A: import, a comment and a pathway entry, then the workspace file.
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await unlockWithText(page, server.url, key.text);
  await importFiles(page, siteA(sealed));
  await person(page, 'Q1000X', UI.assessor_tab_report);
  await page.getByRole('textbox', { name: UI.assessor_report_comments }).fill(SITE_A);
  await saved(page).waitFor();
  await person(page, 'Q1002X', UI.assessor_tab_pathway);
  await choose(page, UI.assessor_risk, 'High');
  await choose(page, UI.assessor_requirement, 'Accredited programme requirement (community order or suspended sentence order)');
  await saved(page).waitFor();
  await nav(page, UI.assessor_nav_import).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: UI.assessor_workspace_file_save }).click(),
  ]);
  const fileA = join(WORK, 'site-a.age');
  await download.saveAs(fileA);
  assert.deepEqual(errors, []);
  await context.close();
  const fileB = siteBFile(fileA);

  // A fresh browser profile opens site A's file, then merges site B's.
  const fresh = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const other = await fresh.newPage();
  const otherErrors = watchErrors(other);
  await unlockWithText(other, server.url, key.text);
  await other.getByLabel(UI.assessor_workspace_file_open).setInputFiles(fileA);
  await other.getByRole('status').filter({
    hasText: ui('assessor_workspace_file_opened', { file: 'site-a.age', count: siteA(sealed).length }),
  }).waitFor();
  await other.getByLabel(UI.assessor_workspace_file_merge).setInputFiles(fileB);
  await heading(other, UI.assessor_merge_heading);
  await other.getByRole('heading', { name: ui('assessor_merge_conflicts_heading', { count: 2 }) }).waitFor();
  const records = other.getByRole('table', { name: /^Results in site-b\.age/ });
  const added = await records.getByRole('row').filter({ hasText: UI.assessor_merge_record_added }).getByRole('rowheader').allInnerTexts();
  assert.deepEqual([...new Set(added)], ['Q1004X', 'Q1005X']);
  const apply = other.getByRole('button', { name: UI.assessor_merge_apply });
  assert.equal(await apply.isDisabled(), true, 'nothing chosen yet');
  assert.deepEqual(await axeViolations(other), [], 'axe on the merge screen');

  // The comment: both texts shown; keep this workspace's.
  const comment = other.getByRole('group', { name: /^Report comment for Q1000X/ });
  await comment.getByRole('cell', { name: SITE_A }).waitFor();
  await comment.getByRole('cell', { name: SITE_B }).waitFor();
  await comment.getByRole('radio', { name: UI.assessor_merge_keep }).check();
  assert.equal(await apply.isDisabled(), true, 'one difference still to choose');
  // The entries: the risk level in words on both sides; take site B's.
  const entries = other.getByRole('group', { name: /^Entries for Q1002X/ });
  const riskRow = entries.getByRole('row', { name: new RegExp(`^${UI.assessor_risk}`) });
  assert.deepEqual(await riskRow.getByRole('cell').allInnerTexts(), ['High', 'Medium']);
  await entries.getByRole('radio', { name: ui('assessor_merge_take', { file: 'site-b.age' }) }).check();
  await apply.click();
  await other.getByRole('status').filter({
    hasText: ui('assessor_merge_done', { file: 'site-b.age', kept: 1, took: 1, both: 0 }),
  }).waitFor();
  await saved(other).waitFor();
  assert.deepEqual(await axeViolations(other), [], 'axe on the merge summary');
  await other.getByRole('button', { name: UI.assessor_import_see_cohort }).click();
  await heading(other, UI.assessor_cohort_heading);
  await assertMerged(other);

  // Reload and unlock: the merged workspace is what was saved.
  await other.reload();
  await heading(other, UI.assessor_unlock_heading);
  await other.getByRole('textbox', { name: UI.assessor_unlock_paste }).fill(key.text);
  await other.getByRole('button', { name: UI.assessor_unlock_button, exact: true }).click();
  await heading(other, UI.assessor_cohort_heading);
  await assertMerged(other);
  assert.deepEqual(otherErrors, []);
  await fresh.close();
});
