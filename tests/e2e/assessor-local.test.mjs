// Local questionnaires in the assessor area. Staff load a definition qkit cannot ship and a
// batteries.json in the participant app, a participant completes the battery and it is sealed to
// the team's key; in the assessor area that record is refused without the local files (the
// problem names the local questionnaire), a bad local file is named and changes nothing, and
// once the local files are loaded the record imports and its score (from the local definition,
// equal to what `qkit decrypt --kit` checks) shows in the cohort table and the profile. Once the
// result is held, removing the battery it needs is refused, naming it. Driven by role and
// accessible name; axe checks the import screen with the input and with each error shown.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, launch, watchErrors, axeViolations, ROOT } from './lib/harness.mjs';
import {
  UI as APP, BATTERIES, fill, waitForHeading, startSitting, openApp, confirmStaff, answerAll, number,
} from './lib/sitting.mjs';
import { keygen, accept, exportRecord } from './lib/export.mjs';
import { UI, ui, heading, unlockWithText, held } from './lib/assessor.mjs';

const EXAMPLE = JSON.parse(readFileSync(join(ROOT, 'tests', 'definitions', 'valid', 'example.json'), 'utf8'));
const REFERENCE = 'LOCAL0001';
let server, browser, dir, good, team, sealed;

/** The shipped batteries with TSP's pre battery as consent then the local questionnaire. */
function localBatteries() {
  const b = structuredClone(BATTERIES);
  b.programmes.find((p) => p.id === 'tsp').pre = ['consent', 'example'];
  return b;
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'qkit-assessor-local-'));
  good = join(dir, 'good');
  mkdirSync(good);
  writeFileSync(join(good, 'example.json'), JSON.stringify(EXAMPLE));
  writeFileSync(join(good, 'batteries.json'), JSON.stringify(localBatteries()));
  team = keygen(dir, 'team');
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const GOOD_FILES = () => [join(good, 'example.json'), join(good, 'batteries.json')];

async function axeClean(page, what) {
  assert.deepEqual(await axeViolations(page), [], `axe on the import screen ${what}`);
}

test('the participant app seals a battery holding a local questionnaire', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await openApp(page, server.url);
  await waitForHeading(page, APP.start_heading);
  await page.getByLabel(APP.local_file, { exact: true }).setInputFiles(GOOD_FILES());
  await page.getByRole('region', { name: APP.local_heading, exact: true })
    .getByText(APP.local_batteries, { exact: true }).waitFor();
  await page.getByRole('textbox', { name: APP.keys_paste }).fill(team.recipient);
  await page.getByRole('button', { name: APP.keys_check }).click();
  await accept(page, team.recipient);

  await startSitting(page, { reference: REFERENCE, programme: 'tsp' });
  await waitForHeading(page, EXAMPLE.title.en);
  await page.getByRole('button', { name: APP.next, exact: true }).click();
  await answerAll(page, EXAMPLE);
  await waitForHeading(page, APP.thank_you_heading);
  await page.getByRole('button', { name: APP.thank_you_staff }).click();
  await confirmStaff(page);
  await waitForHeading(page, APP.summary_heading);
  sealed = (await exportRecord(page, dir)).file;
  assert.deepEqual(errors, []);
  await context.close();
});

test('the assessor area imports it only with the local files, and shows its score', async (t) => {
  assert.ok(sealed, 'the record was sealed by the first test');
  // The CLI checks the record against the same local files: the score the assessor must show.
  const record = JSON.parse(execFileSync('cargo', ['run', '-q', '-p', 'qkit-cli', '--', 'decrypt',
    '-i', team.file, '--kit', good, sealed, '-o', '-'], { cwd: ROOT, encoding: 'utf8' }));
  const report = record.questionnaires.find((q) => q.id === 'example').report;
  const total = report.scales.find((s) => s.scale === 'total');
  assert.equal(typeof total.score, 'number', 'the example total is scored');

  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await unlockWithText(page, server.url, readFileSync(team.file, 'utf8'));
  const region = page.getByRole('region', { name: UI.local_heading, exact: true });
  await region.getByText(UI.assessor_local_intro, { exact: true }).waitFor();
  await axeClean(page, 'with the local questionnaires input');

  // Without the local files the record does not fit the kit: the problem names the questionnaire.
  const input = page.getByLabel(UI.assessor_import_choose);
  await input.setInputFiles([sealed]);
  const problems = page.getByRole('region', { name: ui('assessor_import_problems', { count: 1 }) });
  const refused = problems.getByRole('listitem').filter({ hasText: /opened, but it is not a valid result: .*"?example"?/ });
  await refused.waitFor();
  assert.match(await refused.innerText(), /questionnaires \[consent, example\] are not the tsp pre battery/);
  assert.equal(await page.getByRole('button', { name: UI.assessor_import_see_cohort }).count(), 0, 'nothing held');

  // An empty local file is named and nothing changes; the good ones are then loaded.
  const empty = join(dir, 'empty.json');
  writeFileSync(empty, '');
  const local = page.getByLabel(UI.local_file, { exact: true });
  await local.setInputFiles([...GOOD_FILES(), empty]);
  const alert = region.getByRole('alert');
  await alert.getByText(UI.local_refused, { exact: true }).waitFor();
  await alert.getByRole('listitem').filter({ hasText: /^empty\.json: .*empty/ }).waitFor();
  assert.equal(await alert.getByRole('listitem').count(), 1, 'only the empty file is a problem');
  assert.equal(await region.getByText(APP.local_batteries, { exact: true }).count(), 0, 'nothing loaded');
  await axeClean(page, 'with a local file refused');

  await local.setInputFiles(GOOD_FILES());
  const line = fill(UI.local_item, { title: EXAMPLE.title.en, id: 'example', version: EXAMPLE.version });
  await region.getByText(line, { exact: true }).waitFor();
  await region.getByText(UI.local_batteries, { exact: true }).waitFor();
  assert.equal(await alert.count(), 0, 'the problem is gone');

  await input.setInputFiles([sealed]);
  await page.getByText(held(1, 1), { exact: false }).waitFor();
  // The result held needs the local battery: removing it is refused, naming the result, and
  // nothing changes.
  await region.getByRole('button', { name: ui('local_remove', { file: 'batteries.json' }), exact: true }).click();
  await alert.getByText(UI.assessor_local_held, { exact: true }).waitFor();
  const sealedName = sealed.split('/').pop();
  await alert.getByRole('listitem').filter({ hasText: `record from "${sealedName}" does not fit the kit: ` }).waitFor();
  await region.getByText(UI.local_batteries, { exact: true }).waitFor();
  await region.getByText(line, { exact: true }).waitFor();
  await axeClean(page, 'with a removal refused for a result held');

  await page.getByRole('button', { name: UI.assessor_import_see_cohort }).click();
  await heading(page, UI.assessor_cohort_heading);
  const header = page.getByRole('columnheader', { name: new RegExp(EXAMPLE.title.en) });
  await header.waitFor();
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: REFERENCE }) });
  const cells = await row.getByRole('cell').allInnerTexts();
  const score = number(total.score);
  assert.ok(cells.some((c) => c.startsWith(score)), `a cell starts with the score ${score}: ${JSON.stringify(cells)}`);
  const band = EXAMPLE.scales[0].bands.bands.find((b) => b.id === (total.band?.id ?? total.band));
  if (band) assert.ok(cells.some((c) => c.includes(band.label.en)), `band ${band.label.en} in ${JSON.stringify(cells)}`);

  t.diagnostic(`cohort row: ${JSON.stringify(cells)}`);

  // The profile's T-score table has the local scale, with the T-score from its norm.
  await page.getByRole('button', { name: ui('assessor_open_person', { participant: REFERENCE }) }).click();
  await page.getByRole('heading', { level: 1, name: new RegExp(REFERENCE) }).waitFor();
  const tTable = page.getByRole('table', { name: UI.assessor_t_table_caption });
  const scaleRow = tTable.getByRole('row').filter({
    has: page.getByRole('rowheader', { name: new RegExp(EXAMPLE.scales[0].title.en) }),
  });
  const pre = (await scaleRow.getByRole('cell').allInnerTexts())[0];
  // The local norm does not say it was checked against its source, so the score says so.
  assert.equal(pre, `${number(total.norm.t)} (${UI.assessor_caution_unverified})`, 'the T-score at pre');
  assert.deepEqual(errors, []);
  await context.close();
});
