// Local questionnaires and a rules file with results already held. A team imports results, then
// loads a licensed questionnaire's definition file (the results do not use it, so it is taken)
// and its own rules file (taken too: rules decide pathways, not whether a result fits); a
// batteries.json that would change the battery the held results were answered with is refused,
// naming each of them, and nothing changes. After a reload and unlock the questionnaire and the
// rules are still in use. Driven by role and accessible name; axe checks each state.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, watchErrors, axeViolations, ROOT } from './lib/harness.mjs';
import { BATTERIES, fill } from './lib/sitting.mjs';
import { UI, ui, makeKey, makeRecords, seal, heading, unlockWithText, importFiles } from './lib/assessor.mjs';
import { put } from './lib/bad-files.mjs';

const EXAMPLE_TEXT = readFileSync(join(ROOT, 'tests', 'definitions', 'valid', 'example.json'), 'utf8');
const EXAMPLE = JSON.parse(EXAMPLE_TEXT);
const RULES = JSON.parse(readFileSync(join(ROOT, 'questionnaires', 'rules', 'pathways.json'), 'utf8'));
let server, browser, dir, key, sealed, example, rules, batteries;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'qkit-assessor-local-held-'));
  key = makeKey(dir);
  sealed = seal(makeRecords(join(dir, 'json'), 2), key.recipient, join(dir, 'sealed'));
  example = put(dir, 'example.json', EXAMPLE_TEXT);
  rules = put(dir, 'ours.json', JSON.stringify({ ...RULES, id: 'ours' }));
  const b = structuredClone(BATTERIES);
  b.programmes.find((p) => p.id === 'tsp').pre = ['consent', 'example'];
  batteries = put(dir, 'batteries.json', JSON.stringify(b));
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function axeClean(page, what) {
  assert.deepEqual(await axeViolations(page), [], `axe on the import screen ${what}`);
}

test('with results held, a local questionnaire and a rules file are taken and kept; batteries they do not fit are refused', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await unlockWithText(page, server.url, key.text);
  await importFiles(page, sealed);

  const local = page.getByRole('region', { name: UI.local_heading, exact: true });
  const exampleLine = local.getByText(
    fill(UI.local_item, { title: EXAMPLE.title.en, id: 'example', version: EXAMPLE.version }), { exact: true });
  await page.getByLabel(UI.local_file, { exact: true }).setInputFiles(example);
  await exampleLine.waitFor();

  const region = page.getByRole('region', { name: UI.assessor_rules_heading, exact: true });
  await region.getByText(UI.assessor_rules_held, { exact: true }).waitFor();
  const inUse = region.getByText(ui('assessor_rules_in_use_local', { file: 'ours.json', rules: `ours ${RULES.version}` }),
    { exact: true });
  await page.getByLabel(UI.assessor_rules_file, { exact: true }).setInputFiles(rules);
  await inUse.waitFor();
  assert.equal(await region.getByRole('alert').count(), 0, 'the rules file is taken');
  await axeClean(page, 'with a local questionnaire and rules loaded over held results');

  // Batteries that change the pre battery: the held pre results would no longer fit.
  await page.getByLabel(UI.local_file, { exact: true }).setInputFiles(batteries);
  const alert = local.getByRole('alert');
  await alert.getByText(UI.assessor_local_held, { exact: true }).waitFor();
  // Only TSP's pre battery changes: Q1000X's TSP pre result is named, not Q1001X's on BBR.
  const named = await alert.getByRole('listitem').allInnerTexts();
  assert.equal(named.length, 1, named.join(' | '));
  assert.ok(named[0].startsWith('record from "Q1000X-pre.age" does not fit the kit: '), named[0]);
  assert.equal(await local.getByText(UI.local_batteries, { exact: true }).count(), 0, 'the batteries are not taken');
  await exampleLine.waitFor();
  await axeClean(page, 'with batteries refused for held results');

  // Reload and unlock: the workspace keeps the local questionnaire and the rules.
  await page.reload();
  await heading(page, UI.assessor_unlock_heading);
  await page.getByRole('textbox', { name: UI.assessor_unlock_paste }).fill(key.text);
  await page.getByRole('button', { name: UI.assessor_unlock_button, exact: true }).click();
  // Unlocking opens the cohort only when results are held: they were kept too.
  await heading(page, UI.assessor_cohort_heading);
  await page.getByRole('navigation', { name: UI.assessor_nav })
    .getByRole('button', { name: UI.assessor_nav_import, exact: true }).click();
  await heading(page, UI.assessor_import_heading);
  await exampleLine.waitFor();
  await inUse.waitFor();
  await axeClean(page, 'after a reload with local files and rules kept');
  assert.deepEqual(errors, []);
  await context.close();
});
