// The assessor area driven like an assessor would, by role and accessible name: unlock the
// team's key, import a folder of sealed records (with a corrupted file, a plain record, a copy, a
// reference with a bidirectional control and a second record for the same participant and
// timepoint among them), see the problems listed
// while the good records load, the cohort table (its CSV is byte for byte what `qkit scores`
// writes for the same files), a profile with its change chart, pathways with an override, group
// allocation with a move by hand and its CSV, and the end-of-programme report printed to PDF.
// axe-core checks every screen. With QKIT_SCREENSHOTS=1 (./kit screenshots) the PNGs and the PDF
// are also saved into docs/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, watchErrors, axeViolations, spellcheckedBoxes, ROOT } from './lib/harness.mjs';
import {
  UI, ui, makeKey, makeRecords, seal, sealedIn, corrupt, heading, unlockWithText, importFiles,
  choose, download, addGroup, EVENING_GROUPS, held,
} from './lib/assessor.mjs';

const WORK = mkdtempSync(join(tmpdir(), 'qkit-assessor-e2e-'));
const SEALED = join(WORK, 'sealed');
const SHOTS = process.env.QKIT_SCREENSHOTS ? join(ROOT, 'docs', 'screenshots') : join(WORK, 'shots');
mkdirSync(SHOTS, { recursive: true });
let server, browser, key, files;

before(async () => {
  key = makeKey(WORK);
  // Six participants: Q1000X and Q1003X at pre, mid and post; Q1001X and Q1004X at pre and post;
  // Q1002X and Q1005X at pre only (waiting for a group).
  const records = makeRecords(join(WORK, 'json'), 6);
  seal(records, key.recipient, SEALED);
  // Problems beside them: a damaged file, a plain (unsealed) record, a second, different record
  // for Q1002X at pre, and a copy of a good file (the same record twice).
  corrupt(join(SEALED, 'Q1001X-pre.age'), join(SEALED, 'zz-damaged.age'));
  copyFileSync(records.find((r) => r.endsWith('Q1004X-pre.json')), join(SEALED, 'zz-plain.age'));
  const second = JSON.parse(readFileSync(records.find((r) => r.endsWith('Q1002X-pre.json')), 'utf8'));
  second.record_id = 'another-sitting';
  const secondJson = join(WORK, 'zz-second.json');
  writeFileSync(secondJson, JSON.stringify(second));
  seal([secondJson], key.recipient, SEALED);
  copyFileSync(join(SEALED, 'Q1003X-mid.age'), join(SEALED, 'zz-copy.age'));
  // A record whose reference hides a right-to-left override, which the start form and `qkit seal`
  // refuse: sealed with the age tool, the import refuses it with the same check.
  const bidi = JSON.parse(readFileSync(records.find((r) => r.endsWith('Q1005X-pre.json')), 'utf8'));
  bidi.participant = 'Q1\u202e006X';
  bidi.record_id = 'bidi-reference';
  const bidiJson = join(WORK, 'zz-reference.json');
  writeFileSync(bidiJson, JSON.stringify(bidi));
  execFileSync('age', ['-r', key.recipient, '-o', join(SEALED, 'zz-reference.age'), bidiJson], { stdio: 'ignore' });
  files = sealedIn(SEALED);
  server = await serve();
  browser = await launch();
});
after(async () => { await browser?.close(); server?.stop(); });

async function axeClean(page, screen) {
  assert.deepEqual(await axeViolations(page), [], `axe on the ${screen} screen`);
  // No browser spellchecker reads what is typed here (it may send the text away).
  assert.deepEqual(await spellcheckedBoxes(page), [], `spellcheck="false" on the ${screen} screen`);
}

/** The participants in the cohort table, in order. */
async function tableRows(page) {
  return page.getByRole('table', { name: /Participants:/ }).getByRole('rowheader').allInnerTexts();
}

/** The cells of the row headed `name` in the table captioned `caption`. */
async function rowCells(page, caption, name) {
  const row = page.getByRole('table', { name: caption }).getByRole('row').filter({
    has: page.getByRole('rowheader', { name, exact: true }),
  });
  return row.getByRole('cell').allInnerTexts();
}

test('an assessor imports sealed records, reads the cohort, allocates groups and prints a report', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const shot = (name) => page.screenshot({ path: join(SHOTS, `${name}.png`) });

  // Unlock.
  await page.goto(`${server.url}assessor.html`);
  await heading(page, UI.assessor_unlock_heading);
  await axeClean(page, 'unlock');
  await page.getByRole('textbox', { name: UI.assessor_unlock_paste }).fill('AGE-SECRET-KEY-1NOTAKEY');
  await page.getByRole('button', { name: UI.assessor_unlock_button, exact: true }).click();
  await page.getByRole('alert').filter({ hasText: ui('assessor_identity_bad_line', { line: 1 }) }).waitFor();
  await unlockWithText(page, server.url, key.text);
  await page.getByText(UI.assessor_memory_only).waitFor();

  // Import every file; the problems are listed while the good records load.
  await importFiles(page, files);
  const problems = page.getByRole('region', { name: ui('assessor_import_problems', { count: 4 }) });
  const problemLines = await problems.getByRole('listitem').allInnerTexts();
  assert.deepEqual(problemLines.map((l) => l.split(':')[0]),
    ['zz-damaged.age', 'zz-plain.age', 'zz-reference.age', 'zz-second.age']);
  assert.match(problemLines[0], new RegExp(UI.assessor_open_tampered));
  assert.match(problemLines[1], new RegExp(UI.assessor_open_plain_json.split(':')[0]));
  // The reference is shown escaped, so the override cannot reorder the line.
  assert.ok(problemLines[2].includes(`$.participant: participant reference "Q1\\u{202e}006X" holds '\\u{202e}'`),
    problemLines[2]);
  assert.ok(!problemLines[2].includes('\u202e'), problemLines[2]);
  assert.ok(problemLines[3].includes(ui('assessor_import_conflict', {
    participant: 'Q1002X', timepoint: UI.timepoint_pre, first: 'Q1002X-pre.age',
  })), problemLines[3]);
  // zz-copy.age repeats a file of this same import: said so, not "imported before".
  const twice = page.getByRole('region', { name: ui('assessor_import_twice', { count: 1 }) });
  assert.match(await twice.innerText(), /zz-copy\.age: .*Q1003X-mid\.age/);
  assert.equal(await page.getByRole('region', { name: ui('assessor_import_again', { count: 1 }) }).count(), 0);
  await page.getByText(ui('assessor_import_this', { count: files.length })).waitFor();
  await page.getByText(ui('assessor_import_this_twice', { count: 1 })).waitFor();
  await page.getByText(held(12, 6)).waitFor();
  await axeClean(page, 'import with problems');
  await shot('assessor-import');

  // The cohort table: one row per participant at his latest timepoint.
  await page.getByRole('button', { name: UI.assessor_import_see_cohort }).click();
  await heading(page, UI.assessor_cohort_heading);
  assert.deepEqual(await tableRows(page), ['Q1000X', 'Q1001X', 'Q1002X', 'Q1003X', 'Q1004X', 'Q1005X']);
  await axeClean(page, 'cohort table');

  // Its CSV is exactly what `qkit scores` writes for the same folder.
  const cliOut = join(WORK, 'cli-scores.csv');
  const cli = spawnSync('cargo', ['run', '-q', '-p', 'qkit-cli', '--', 'scores', '--identity', key.file, SEALED,
    '--out', cliOut], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(cli.status, 1, 'the CLI reports the bad files too');
  const scores = await download(page, () => page.getByRole('button', { name: ui('assessor_cohort_export', { count: 6 }) }).click());
  assert.match(scores.name, /^qkit-scores-\d{4}-\d{2}-\d{2}\.csv$/);
  assert.equal(scores.text, readFileSync(cliOut, 'utf8'));
  const [csvHeader, ...csvRows] = scores.text.trim().split('\n').map((l) => l.split(','));
  const col = (name) => csvHeader.indexOf(name);

  // Every band in the Band filter names its scale (PHQ-9 and GAD-7 share band names).
  const bandOptions = await page.getByRole('combobox', { name: UI.assessor_filter_band })
    .evaluate((sel) => [...sel.options].slice(1).map((o) => o.textContent));
  assert.ok(bandOptions.length > 0 && bandOptions.every((o) => /^.+: .+$/.test(o)), bandOptions.join(' | '));
  assert.equal(new Set(bandOptions).size, bandOptions.length, 'no band listed twice alike');

  // Sorting and filtering.
  await choose(page, UI.assessor_col_programme, 'Building Better Relationships');
  assert.deepEqual(await tableRows(page), ['Q1001X', 'Q1003X', 'Q1005X']);
  await page.getByRole('button', { name: UI.assessor_filter_clear }).click();
  await page.getByRole('button', { name: /Impulsiveness \(BIS-11 total\)/ }).click();
  const byImpulsiveness = await tableRows(page);
  const bisTotal = (who) => {
    const latest = csvRows.filter((r) => r[0] === who && r[3] === 'bis11' && r[4] === 'total').pop();
    return latest ? Number(latest[col('score')]) : -1;
  };
  const expected = ['Q1000X', 'Q1001X', 'Q1002X', 'Q1003X', 'Q1004X', 'Q1005X']
    .sort((a, b) => bisTotal(b) - bisTotal(a) || a.localeCompare(b));
  assert.deepEqual(byImpulsiveness, expected);
  await page.getByRole('group', { name: UI.assessor_filters }).evaluate((g) => g.scrollIntoView({ block: 'start' }));
  await shot('assessor-cohort');

  // Q1000X's profile: the change chart and its table match the CLI's change columns.
  await page.getByRole('button', { name: ui('assessor_open_person', { participant: 'Q1000X' }) }).click();
  await heading(page, /Q1000X/);
  const post = csvRows.find((r) => r[0] === 'Q1000X' && r[2] === 'post' && r[3] === 'bis11' && r[4] === 'total');
  const [pairFrom, pairTo, category] = [post[col('from')], post[col('to')], post[col('category')]];
  const change = await rowCells(page, UI.assessor_change_table_caption, 'Impulsiveness (BIS-11 total)');
  assert.equal(Number(change[0]), Number(pairFrom));
  assert.equal(change[1], '—');
  assert.equal(Number(change[2]), Number(pairTo));
  assert.ok(change[5].startsWith(UI[`assessor_category_${category}`]), `${change[5]} for ${category}`);
  assert.equal(await page.getByRole('img', { name: /^Impulsiveness \(BIS-11 total\): / }).count(), 1);
  await page.getByRole('img', { name: UI.assessor_t_chart_title }).waitFor();
  // BIS-11 has no clinical cut-off: the caption and the legend do not speak of one.
  // The figure is named by its caption.
  await page.getByRole('figure', { name: /^Scores before/ }).waitFor();
  const cutoff = UI.assessor_change_caption_cutoff.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  assert.equal(await page.getByRole('figure', { name: new RegExp(`^Scores before.*${cutoff}`) }).count(), 0,
    'the caption does not speak of a cut-off');
  assert.equal(await page.getByText(UI.assessor_legend_cutoff, { exact: true }).count(), 0);
  await page.getByText(UI.assessor_legend_not_reliable, { exact: true }).waitFor();
  await axeClean(page, 'profile');
  await page.getByRole('heading', { name: UI.assessor_t_heading })
    .evaluate((h) => h.scrollIntoView({ block: 'start' }));
  await shot('assessor-profile');

  // The end-of-programme report, printed to PDF (one A4 page).
  await page.getByRole('button', { name: UI.assessor_tab_report, exact: true }).click();
  await page.getByRole('heading', { name: UI.assessor_report_heading }).waitFor();
  await page.getByRole('textbox', { name: UI.assessor_report_comments }).fill('Engaged well in every session; completed all homework.');
  await axeClean(page, 'report');
  const pdfPath = join(SHOTS, 'assessor-report.pdf');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: pdfPath, format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const pdf = readFileSync(pdfPath).toString('latin1');
  // Ten BIS-11 scales and the basis of every verdict with its source: two A4 pages at most.
  const pages = (pdf.match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.ok(pages >= 1 && pages <= 2, `${pages} A4 pages`);
  assert.match(pdf, /\/MediaBox\s*\[0 0 59[456](\.\d+)? 84[123](\.\d+)?\]/, 'A4');

  // Pathways for the two waiting participants: risk and requirement entered, an override with
  // its reason recorded and shown.
  for (const [who, risk] of [['Q1002X', 'High'], ['Q1005X', 'Medium']]) {
    await page.getByRole('button', { name: UI.assessor_back_to_cohort }).click();
    await page.getByRole('button', { name: ui('assessor_open_person', { participant: who }) }).click();
    await page.getByRole('button', { name: UI.assessor_tab_pathway, exact: true }).click();
    await page.getByText(UI.assessor_risk_note).waitFor();
    await choose(page, UI.assessor_risk, risk);
    await choose(page, UI.assessor_requirement, 'Accredited programme requirement (community order or suspended sentence order)');
    await page.getByRole('heading', { name: UI.assessor_override_heading }).waitFor();
    await choose(page, UI.assessor_override_pathway, UI.assessor_pathway_moderate_intensity);
    await page.getByRole('button', { name: UI.assessor_override_record }).click();
    await page.getByRole('alert').filter({ hasText: UI.assessor_override_need_reason }).waitFor();
    await page.getByRole('textbox', { name: UI.assessor_override_reason }).fill('Treatment manager agreed moderate intensity');
    assert.deepEqual(await spellcheckedBoxes(page), [], 'spellcheck="false" with the override reason open');
    await page.getByRole('button', { name: UI.assessor_override_record }).click();
    await page.getByText(ui('assessor_override_shown', {
      pathway: UI.assessor_pathway_moderate_intensity, reason: 'Treatment manager agreed moderate intensity',
    })).waitFor();
  }
  await axeClean(page, 'pathway');
  await shot('assessor-pathway');

  // Groups: a TSP evening group at site A and a BBR evening group at site C (Q1005X can only get
  // to site B, so he is placed 1:1 with the reason, then moved by hand with a warning).
  await page.getByRole('navigation', { name: UI.assessor_nav }).getByRole('button', { name: UI.assessor_nav_allocation }).click();
  await heading(page, UI.assessor_allocation_heading);
  const start = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10);
  // Without a group, allocating cannot run: the button looks disabled and says why.
  const allocateButton = page.getByRole('button', { name: UI.assessor_allocate });
  assert.equal(await allocateButton.isDisabled(), true);
  assert.equal(await allocateButton.evaluate((b) => document.getElementById(b.getAttribute('aria-describedby'))?.textContent),
    UI.assessor_allocate_needs_group);
  const looks = () => allocateButton.evaluate((b) => getComputedStyle(b).backgroundColor);
  const disabledLook = await looks();
  for (const g of EVENING_GROUPS) await addGroup(page, { ...g, start });
  await page.getByText(ui('assessor_waiting_counts', { waiting: 2, ready: 2 })).waitFor();
  assert.equal(await allocateButton.isDisabled(), false);
  assert.notEqual(await looks(), disabledLook, 'a disabled button looks different');
  assert.equal(await allocateButton.getAttribute('aria-describedby'), null);
  await allocateButton.click();
  // The summary says exactly what happened: one placed, one 1:1.
  await page.getByText(ui('assessor_result_placed', { placed: 1, used: 1, groups: 2 })).waitFor();
  await page.getByText(ui('assessor_result_one_to_one', { count: 1 })).waitFor();
  const tsp = page.getByRole('region', { name: ui('assessor_group_heading', { id: 'TSP-A-TUE' }) });
  await tsp.getByText(ui('assessor_joiner', { participant: 'Q1002X', start })).waitFor();
  assert.match(await tsp.innerText(), new RegExp(UI.assessor_group_below_min.split(':')[0]));
  const unplaced = page.getByRole('list', { name: ui('assessor_unplaced_heading', { count: 1 }) }).getByRole('listitem');
  assert.deepEqual(await unplaced.allInnerTexts(), [`Q1005X: ${ui('assessor_unplaced_site', { count: 1 })}`]);
  await axeClean(page, 'allocation');

  // Move Q1005X into the BBR group by hand: the warning names the broken site constraint first.
  await choose(page, UI.assessor_move_who, 'Q1005X');
  await choose(page, UI.assessor_move_to, 'BBR-C-WED');
  const warning = page.getByRole('status').filter({ hasText: ui('assessor_move_breaks', { count: 1 }) });
  await warning.waitFor();
  // In the names shown elsewhere (Site C, Site B), not the codes (site_c, site_b).
  assert.deepEqual(await warning.getByRole('listitem').allInnerTexts(),
    [`${UI.assessor_constraint_site}: ${ui('assessor_breach_site', { group: 'Site C', his: 'Site B' })}`]);
  await page.getByRole('heading', { name: UI.assessor_result_heading, exact: true })
    .evaluate((h) => h.scrollIntoView({ block: 'start' }));
  await shot('assessor-allocation');
  await page.getByRole('button', { name: UI.assessor_move_button, exact: true }).click();
  await page.getByRole('alert').filter({ hasText: UI.assessor_move_need_reason }).waitFor();
  await page.getByRole('textbox', { name: UI.assessor_move_reason }).fill('He can get a lift to site C on Wednesdays');
  assert.deepEqual(await spellcheckedBoxes(page), [], 'spellcheck="false" with the move reason open');
  await page.getByRole('button', { name: UI.assessor_move_button, exact: true }).click();
  const bbr = page.getByRole('region', { name: ui('assessor_group_heading', { id: 'BBR-C-WED' }) });
  await bbr.getByText(/Q1005X/).waitFor();
  // Once made, the move is described as made, with what it broke; no warning of a move to come.
  const made = page.getByRole('status').filter({ hasText: ui('assessor_move_made', { participant: 'Q1005X', to: 'BBR-C-WED' }) });
  await made.getByText(ui('assessor_move_broke', { count: 1 })).waitFor();
  assert.equal(await page.getByText(ui('assessor_move_breaks', { count: 1 })).count(), 0);
  await page.getByText(UI.assessor_unplaced_none).waitFor();
  await axeClean(page, 'allocation after a move');

  // The allocation CSV.
  const allocation = await download(page, () => page.getByRole('button', { name: UI.assessor_allocation_export }).click());
  assert.match(allocation.name, /^qkit-allocation-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = allocation.text.trim().split('\n');
  assert.equal(lines[0], 'group,participant,start,delivery,reasons');
  assert.match(lines[1], new RegExp(`^BBR-C-WED,Q1005X,${start},group,"?moved by hand: He can get a lift to site C on Wednesdays; breaks site: `));
  assert.match(lines[2], new RegExp(`^TSP-A-TUE,Q1002X,${start},group,`));
  assert.equal(lines.length, 3);

  assert.deepEqual(errors, []);
  await context.close();
});

test('a passphrase-protected identity made with age -p unlocks in the browser, and records can be dropped on the page', async () => {
  const fixture = join(ROOT, 'export', 'tests', 'fixtures', 'age-p-identity.age');
  const recipient = readFileSync(join(ROOT, 'export', 'tests', 'fixtures', 'age-p-identity.recipient'), 'utf8').trim();
  const [one] = makeRecords(join(WORK, 'json-p'), 1);
  const [sealed] = seal([one], recipient, join(WORK, 'sealed-p'));
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${server.url}assessor.html`);
  await heading(page, UI.assessor_unlock_heading);
  await page.getByLabel(UI.assessor_unlock_file, { exact: true }).setInputFiles(fixture);
  const passphrase = page.getByLabel(UI.assessor_unlock_passphrase, { exact: true });
  await passphrase.waitFor();
  await axeClean(page, 'unlock with a passphrase');
  await passphrase.fill('not the passphrase');
  await page.getByRole('button', { name: UI.assessor_unlock_button, exact: true }).click();
  await page.getByRole('alert').filter({ hasText: UI.assessor_identity_wrong_passphrase }).waitFor({ timeout: 60_000 });
  await passphrase.fill('test passphrase');
  const t0 = Date.now();
  await page.getByRole('button', { name: UI.assessor_unlock_button, exact: true }).click();
  await heading(page, UI.assessor_import_heading);
  console.log(`unlocking an age -p identity (scrypt 2^18) in the browser: ${Date.now() - t0} ms`);
  // Dropped on the import area (the file input's surroundings), as from a file manager.
  const picker = page.getByLabel(UI.assessor_import_choose);
  await picker.evaluate((input, { name, base64 }) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], name));
    const zone = input.parentElement;
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, { name: sealed.split('/').pop(), base64: readFileSync(sealed).toString('base64') });
  await page.getByText(held(1, 1)).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
