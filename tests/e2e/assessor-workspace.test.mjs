// The assessor's work lasts: import sealed records, enter a pathway, add a group, allocate, move
// a man by hand with a reason and write a report comment; reload the page and unlock with the
// team key: all of it is there; lock and unlock: all there again. A full store is said plainly,
// the leave-page warning is on until a save succeeds, and nothing saved before is lost. The whole
// workspace saved as one file sealed to the team key opens with the age tool and in a fresh
// browser profile. A man placed who then has results from after the programme stays in his
// group when the allocation is made again, and a man moved to 1:1 is tracked as 1:1. axe-core
// checks the screens with the save line.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, watchErrors, axeViolations, switchableQuota } from './lib/harness.mjs';
import {
  UI, ui, makeKey, makeRecords, seal, heading, unlockWithText, importFiles, choose, addGroup, EVENING_GROUPS, held,
} from './lib/assessor.mjs';

const WORK = mkdtempSync(join(tmpdir(), 'qkit-assessor-workspace-e2e-'));
const COMMENT = 'Engaged well in every session.';
const REASON = 'He can get a lift to site C on Wednesdays';
let server, browser, key, sealed;

before(async () => {
  key = makeKey(WORK);
  // Six participants: Q1002X and Q1005X at pre only (waiting for a group).
  sealed = seal(makeRecords(join(WORK, 'json'), 6), key.recipient, join(WORK, 'sealed'));
  server = await serve();
  browser = await launch();
});
after(async () => { await browser?.close(); server?.stop(); });

const nav = (page, name) => page.getByRole('navigation', { name: UI.assessor_nav }).getByRole('button', { name });
const saved = (page) => page.getByRole('status').filter({ hasText: UI.assessor_saved });

async function unlockAgain(page) {
  await heading(page, UI.assessor_unlock_heading);
  await page.getByRole('textbox', { name: UI.assessor_unlock_paste }).fill(key.text);
  await page.getByRole('button', { name: UI.assessor_unlock_button, exact: true }).click();
  // A workspace with results opens on the cohort table.
  await heading(page, UI.assessor_cohort_heading);
}

/** Opens `who`'s screens on `tab`. */
async function person(page, who, tab) {
  await nav(page, UI.assessor_nav_cohort).click();
  await heading(page, UI.assessor_cohort_heading);
  await page.getByRole('button', { name: ui('assessor_open_person', { participant: who }) }).click();
  await page.getByRole('button', { name: tab, exact: true }).click();
}

/** Everything entered is on screen: the rows, the pathway entries, the comment, the groups,
 * the allocation with the move by hand. */
async function assertAllThere(page, start) {
  const rows = await page.getByRole('table', { name: /Participants:/ }).getByRole('rowheader').allInnerTexts();
  assert.deepEqual(rows, ['Q1000X', 'Q1001X', 'Q1002X', 'Q1003X', 'Q1004X', 'Q1005X']);
  await saved(page).waitFor();
  await person(page, 'Q1000X', UI.assessor_tab_report);
  assert.equal(await page.getByRole('textbox', { name: UI.assessor_report_comments }).inputValue(), COMMENT);
  await person(page, 'Q1005X', UI.assessor_tab_pathway);
  const risk = page.getByRole('combobox', { name: UI.assessor_risk, exact: true });
  assert.equal(await risk.evaluate((s) => s.selectedOptions[0].textContent), 'Medium');
  await nav(page, UI.assessor_nav_allocation).click();
  await heading(page, UI.assessor_allocation_heading);
  await page.getByRole('rowheader', { name: 'TSP-A-TUE' }).waitFor();
  await page.getByRole('rowheader', { name: 'BBR-C-WED' }).waitFor();
  const tsp = page.getByRole('region', { name: ui('assessor_group_heading', { id: 'TSP-A-TUE' }) });
  await tsp.getByText(ui('assessor_joiner', { participant: 'Q1002X', start })).waitFor();
  const bbr = page.getByRole('region', { name: ui('assessor_group_heading', { id: 'BBR-C-WED' }) });
  await bbr.getByText(/Q1005X/).waitFor();
  await page.getByText(UI.assessor_unplaced_none).waitFor();
  await page.getByText(REASON).first().waitFor();
}

test('everything imported and entered is there after a reload, after locking, and from a workspace file', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await unlockWithText(page, server.url, key.text);
  await importFiles(page, sealed);
  await page.getByText(held(sealed.length, 6)).waitFor();
  await saved(page).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'axe on the import screen with the save line');

  // Pathways for the two waiting men.
  for (const [who, risk] of [['Q1002X', 'High'], ['Q1005X', 'Medium']]) {
    await person(page, who, UI.assessor_tab_pathway);
    await choose(page, UI.assessor_risk, risk);
    await choose(page, UI.assessor_requirement, 'Accredited programme requirement (community order or suspended sentence order)');
    await choose(page, UI.assessor_override_pathway, UI.assessor_pathway_moderate_intensity);
    await page.getByRole('textbox', { name: UI.assessor_override_reason }).fill('Treatment manager agreed');
    await page.getByRole('button', { name: UI.assessor_override_record }).click();
    await page.getByText(ui('assessor_override_shown', {
      pathway: UI.assessor_pathway_moderate_intensity, reason: 'Treatment manager agreed',
    })).waitFor();
  }

  // A report comment.
  await person(page, 'Q1000X', UI.assessor_tab_report);
  await page.getByRole('textbox', { name: UI.assessor_report_comments }).fill(COMMENT);
  await saved(page).waitFor();

  // Two groups, the allocation, and a move by hand with its reason.
  await nav(page, UI.assessor_nav_allocation).click();
  await heading(page, UI.assessor_allocation_heading);
  const start = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10);
  for (const g of EVENING_GROUPS) await addGroup(page, { ...g, start });
  await page.getByRole('button', { name: UI.assessor_allocate }).click();
  await choose(page, UI.assessor_move_who, 'Q1005X');
  await choose(page, UI.assessor_move_to, 'BBR-C-WED');
  await page.getByRole('textbox', { name: UI.assessor_move_reason }).fill(REASON);
  await page.getByRole('button', { name: UI.assessor_move_button, exact: true }).click();
  await page.getByText(UI.assessor_unplaced_none).waitFor();
  await saved(page).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'axe on the allocation screen with the save line');

  // Reload: the page has forgotten the key; unlocking with it reopens everything.
  await page.reload();
  await unlockAgain(page);
  await assertAllThere(page, start);

  // Lock and unlock: all there again.
  await page.getByRole('button', { name: UI.assessor_lock }).click();
  await page.getByRole('button', { name: UI.assessor_lock_yes }).click();
  await unlockAgain(page);
  await assertAllThere(page, start);

  // The workspace as one file sealed to the team key: the age tool reads it with the key, and a
  // fresh browser profile opens it with everything there.
  await nav(page, UI.assessor_nav_import).click();
  await heading(page, UI.assessor_import_heading);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: UI.assessor_workspace_file_save }).click(),
  ]);
  const name = download.suggestedFilename();
  assert.match(name, /^qkit-workspace-\d{4}-\d{2}-\d{2}\.age$/);
  const file = join(WORK, name);
  await download.saveAs(file);
  const plain = JSON.parse(execFileSync('age', ['-d', '-i', key.file, file], { encoding: 'utf8' }));
  assert.equal(plain.kind, 'qkit-workspace');
  assert.equal(plain.records.length, sealed.length);
  assert.equal(plain.entries.comments[0][1], COMMENT);
  const fresh = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const other = await fresh.newPage();
  const otherErrors = watchErrors(other);
  await unlockWithText(other, server.url, key.text);
  await other.getByLabel(UI.assessor_workspace_file_open).setInputFiles(file);
  await other.getByRole('status').filter({
    hasText: ui('assessor_workspace_file_opened', { file: name, count: sealed.length }),
  }).waitFor();
  assert.deepEqual(await axeViolations(other), [], 'axe on the import screen with a workspace file opened');
  await nav(other, UI.assessor_nav_cohort).click();
  await heading(other, UI.assessor_cohort_heading);
  await assertAllThere(other, start);
  assert.deepEqual(otherErrors, []);
  await fresh.close();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a full store is said, the leave-page warning is on until a save succeeds, and the last save is kept', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  await switchableQuota(context);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await unlockWithText(page, server.url, key.text);
  await importFiles(page, sealed.slice(0, 2));
  await saved(page).waitFor();
  await person(page, 'Q1000X', UI.assessor_tab_report);
  const box = page.getByRole('textbox', { name: UI.assessor_report_comments });
  await box.fill('Saved comment');
  await saved(page).waitFor();

  await page.evaluate(() => { window.qkitFull = true; });
  await box.fill('Saved comment, and more');
  const alert = page.getByRole('alert').filter({ hasText: ui('assessor_not_saved', { reason: 'storage is full' }) });
  await alert.waitFor();
  assert.deepEqual(await axeViolations(page), [], 'axe with the not-saved alert');
  // Leaving now asks first.
  const asked = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  assert.equal(dialog.type(), 'beforeunload');
  await dialog.dismiss();
  assert.equal(page.isClosed(), false, 'the page stays open');

  // Room again: the next change is saved, the alert goes and leaving does not ask.
  await page.evaluate(() => { window.qkitFull = false; });
  await box.fill('Saved comment, and more, now saved');
  await saved(page).waitFor();
  await alert.waitFor({ state: 'detached' });
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs += 1; d.accept(); });
  const second = await context.newPage();
  await page.close({ runBeforeUnload: true });
  await page.waitForEvent('close').catch(() => {});
  assert.equal(dialogs, 0, 'no leave-page warning once saved');

  // In a new page the latest saved comment is there.
  await second.goto(`${server.url}assessor.html`);
  await unlockAgain(second);
  await person(second, 'Q1000X', UI.assessor_tab_report);
  assert.equal(await second.getByRole('textbox', { name: UI.assessor_report_comments }).inputValue(),
    'Saved comment, and more, now saved');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the renderer killed mid-edit: the last confirmed change is there; a later import marks the allocation out of date', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  let page = await context.newPage();
  let errors = watchErrors(page);
  await unlockWithText(page, server.url, key.text);
  // Q1000X's and Q1002X's results before the programme: both wait for a group.
  const file = (name) => sealed.find((f) => f.endsWith(`/${name}`));
  await importFiles(page, [file('Q1000X-pre.age'), file('Q1002X-pre.age')]);
  for (const who of ['Q1000X', 'Q1002X']) {
    await person(page, who, UI.assessor_tab_pathway);
    await choose(page, UI.assessor_risk, 'High');
    await choose(page, UI.assessor_requirement, 'Accredited programme requirement (community order or suspended sentence order)');
    await choose(page, UI.assessor_override_pathway, UI.assessor_pathway_moderate_intensity);
    await page.getByRole('textbox', { name: UI.assessor_override_reason }).fill('Treatment manager agreed');
    await page.getByRole('button', { name: UI.assessor_override_record }).click();
    await saved(page).waitFor();
  }
  await nav(page, UI.assessor_nav_allocation).click();
  await heading(page, UI.assessor_allocation_heading);
  const start = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10);
  await addGroup(page, { ...EVENING_GROUPS[0], start });
  await page.getByRole('button', { name: UI.assessor_allocate }).click();
  await choose(page, UI.assessor_move_who, 'Q1002X');
  await choose(page, UI.assessor_move_to, UI.assessor_one_to_one);
  await page.getByRole('textbox', { name: UI.assessor_move_reason }).fill('Works shifts');
  await page.getByRole('button', { name: UI.assessor_move_button, exact: true }).click();
  await page.getByRole('status').filter({ hasText: ui('assessor_move_made', { participant: 'Q1002X', to: UI.assessor_one_to_one }) }).waitFor();
  await person(page, 'Q1000X', UI.assessor_tab_report);
  await page.getByRole('textbox', { name: UI.assessor_report_comments }).fill(COMMENT);
  await saved(page).waitFor();

  // Mid-edit (a second move's reason typed, not made), the renderer dies.
  await nav(page, UI.assessor_nav_allocation).click();
  await page.getByRole('textbox', { name: UI.assessor_move_reason }).fill('Half typed');
  const crashed = page.waitForEvent('crash');
  const cdp = await context.newCDPSession(page);
  // The renderer dies before it can answer, so the call itself never resolves.
  cdp.send('Page.crash').catch(() => {});
  await crashed;
  await page.close().catch(() => {});
  page = await context.newPage();
  errors = watchErrors(page);
  await page.goto(`${server.url}assessor.html`);
  await unlockAgain(page);
  await person(page, 'Q1000X', UI.assessor_tab_report);
  assert.equal(await page.getByRole('textbox', { name: UI.assessor_report_comments }).inputValue(), COMMENT);
  await nav(page, UI.assessor_nav_allocation).click();
  await heading(page, UI.assessor_allocation_heading);
  await page.getByText(ui('assessor_move_recorded', { participant: 'Q1002X', to: UI.assessor_one_to_one, reason: 'Works shifts' })).waitFor();
  assert.equal(await page.getByRole('textbox', { name: UI.assessor_move_reason }).inputValue(), '');
  assert.equal(await page.getByRole('heading', { name: UI.assessor_out_of_date_heading }).count(), 0);

  // Q1000X's post results arrive: the allocation says it is out of date, and why.
  await nav(page, UI.assessor_nav_import).click();
  await importFiles(page, [file('Q1000X-post.age')]);
  await page.getByText(ui('assessor_import_this', { count: 1 })).waitFor();
  await page.getByText(ui('assessor_import_this_added', { count: 1 })).waitFor();
  await nav(page, UI.assessor_nav_allocation).click();
  const stale = page.getByRole('region', { name: UI.assessor_out_of_date_heading });
  await stale.getByText(ui('assessor_out_of_date_moved', { count: 1, people: `Q1000X (${UI.timepoint_post})` })).waitFor();
  await stale.getByRole('button', { name: UI.assessor_allocate_again }).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'axe on the allocation screen marked out of date');

  // Tracking before allocating again: Q1002X, moved to 1:1, has a table of his own (mid and
  // post expected, with no due date), not the waiting list's.
  const tsp = 'Thinking Skills Programme';
  await nav(page, UI.assessor_nav_tracking).click();
  await heading(page, UI.assessor_tracking_heading);
  const oneToOne = page.getByRole('table', { name: ui('assessor_tracking_one_to_one', { programme: tsp }) });
  await oneToOne.getByRole('row', { name: /Q1002X/ }).getByRole('cell', { name: UI.assessor_tracking_one_to_one_no_date }).first().waitFor();
  assert.equal(await page.getByRole('table', { name: ui('assessor_tracking_waiting', { programme: tsp }) }).count(), 0);
  assert.deepEqual(await axeViolations(page), [], 'axe on the tracking screen with a 1:1 table');

  // Allocating again keeps Q1000X, who has started (results from after), in his group: he is
  // one of its members now; Q1002X, placed but not started, is allocated again.
  await nav(page, UI.assessor_nav_allocation).click();
  await page.getByRole('region', { name: UI.assessor_out_of_date_heading })
    .getByRole('button', { name: UI.assessor_allocate_again }).click();
  await page.getByRole('region', { name: UI.assessor_out_of_date_heading }).waitFor({ state: 'detached' });
  await saved(page).waitFor();
  await nav(page, UI.assessor_nav_tracking).click();
  const group = page.getByRole('table', { name: ui('assessor_tracking_group', { programme: tsp, group: EVENING_GROUPS[0].id }) });
  await group.getByRole('rowheader', { name: /Q1000X/ }).waitFor();
  await group.getByRole('rowheader', { name: /Q1002X/ }).waitFor();
  await page.getByRole('combobox', { name: UI.assessor_tracking_show }).selectOption({ label: UI.assessor_tracking_needs_mid });
  await group.getByRole('rowheader', { name: /Q1000X/ }).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'axe on the tracking screen after allocating again');
  assert.deepEqual(errors, []);
  await context.close();
});
