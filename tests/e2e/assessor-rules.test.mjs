// A local pathway rules file in the assessor area. With qkit's shipped rules a participant at low
// risk is not recommended for a programme; staff load a copy of the shipped pathways.json whose
// need × risk matrix gives high intensity everywhere, import the same sealed records, and the
// pathway screen recommends high intensity and names the loaded rules. Bad rules files (empty,
// binary junk, a questionnaire definition, 50 MB, deeply nested JSON, format 2) are each refused
// with a message naming the file, with no console error, and the rules in use stay as they were;
// the 50 MB file is refused by its size without being read. Driven by role and accessible name;
// axe checks the import screen with a refused rules file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, watchErrors, axeViolations, ROOT } from './lib/harness.mjs';
import {
  UI, ui, makeKey, makeRecords, seal, heading, unlockWithText, importFiles, choose,
} from './lib/assessor.mjs';
import {
  HUGE_BYTES, put, empty, junk, huge, nestedJson, format2, spyOnFileReads, fileReads,
} from './lib/bad-files.mjs';

const SHIPPED_TEXT = readFileSync(join(ROOT, 'questionnaires', 'rules', 'pathways.json'), 'utf8');
const SHIPPED = JSON.parse(SHIPPED_TEXT);
const WHO = 'Q1002X';
let server, browser, dir, key, sealed, allHigh;

/** The shipped rules with every need × risk cell giving high intensity. */
function allHighRules() {
  const r = structuredClone(SHIPPED);
  r.id = 'all_high';
  for (const need of Object.keys(r.pathway)) {
    for (const risk of Object.keys(r.pathway[need])) r.pathway[need][risk] = 'high_intensity';
  }
  return r;
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'qkit-assessor-rules-'));
  key = makeKey(dir);
  // Three participants: Q1002X has a pre result only (waiting for a group).
  sealed = seal(makeRecords(join(dir, 'json'), 3), key.recipient, join(dir, 'sealed'));
  allHigh = put(dir, 'all-high.json', JSON.stringify(allHighRules(), null, 2));
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A new page whose file reads are watched, and its error list. */
async function newPage() {
  const context = await browser.newContext();
  await spyOnFileReads(context);
  const page = await context.newPage();
  return { context, page, errors: watchErrors(page) };
}

const rulesRegion = (page) => page.getByRole('region', { name: UI.assessor_rules_heading, exact: true });

/** "Rules in use: …" for a local file, or the shipped rules. */
function inUse(file, rules) {
  const id = `${rules.id} ${rules.version}`;
  return file ? ui('assessor_rules_in_use_local', { file, rules: id }) : ui('assessor_rules_in_use_shipped', { rules: id });
}

/** Imports the records, enters low risk and a general requirement for WHO, and returns the
 *  decision's facts as { term: definition }. */
async function lowRiskDecision(page) {
  await importFiles(page, sealed);
  await page.getByRole('button', { name: UI.assessor_import_see_cohort }).click();
  await heading(page, UI.assessor_cohort_heading);
  await page.getByRole('button', { name: ui('assessor_open_person', { participant: WHO }) }).click();
  await page.getByRole('button', { name: UI.assessor_tab_pathway, exact: true }).click();
  await page.getByText(UI.assessor_risk_note).waitFor();
  await choose(page, UI.assessor_risk, 'Low');
  await choose(page, UI.assessor_requirement, SHIPPED.requirements[0].label);
  const decision = page.getByRole('region', { name: UI.assessor_decision_heading, exact: true });
  await decision.getByRole('term').filter({ hasText: UI.assessor_recommended }).waitFor();
  const terms = await decision.getByRole('term').allInnerTexts();
  const defs = await decision.getByRole('definition').allInnerTexts();
  assert.equal(terms.length, defs.length);
  return Object.fromEntries(terms.map((t, i) => [t, defs[i]]));
}

test('with the shipped rules, low risk is not recommended for a programme', async () => {
  const { context, page, errors } = await newPage();
  await unlockWithText(page, server.url, key.text);
  await rulesRegion(page).getByText(inUse(null, SHIPPED), { exact: true }).waitFor();
  const facts = await lowRiskDecision(page);
  assert.equal(facts[UI.assessor_recommended], UI.assessor_pathway_not_recommended, JSON.stringify(facts));
  await page.getByText(ui('assessor_rules_used', { rules: `${SHIPPED.id}@${SHIPPED.version}` })).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('loaded rules decide the pathway, and bad rules files are refused with their names', async (t) => {
  const { context, page, errors } = await newPage();
  await unlockWithText(page, server.url, key.text);
  const region = rulesRegion(page);
  const input = page.getByLabel(UI.assessor_rules_file, { exact: true });
  await input.setInputFiles(allHigh);
  const loaded = region.getByText(inUse('all-high.json', allHighRules()), { exact: true });
  await loaded.waitFor();

  const alert = region.getByRole('alert');
  /** Chooses `file`, waits for its problem (every line naming it) and returns the lines. */
  async function refuse(file, says) {
    const name = file.split('/').pop();
    await input.setInputFiles(file);
    await alert.getByText(UI.assessor_rules_refused, { exact: true }).waitFor();
    const line = alert.getByRole('listitem').filter({ hasText: says });
    await line.first().waitFor();
    const lines = await alert.getByRole('listitem').allInnerTexts();
    for (const l of lines) assert.ok(l.startsWith(`${name}: `), `${l} names ${name}`);
    assert.equal(await loaded.count(), 1, `the rules in use are unchanged after ${name}`);
    return lines;
  }
  const kinds = [
    ['empty', () => empty(dir, 'empty.json'), 'the file is empty'],
    ['binary junk', () => junk(dir, 'junk.json'), 'not UTF-8 text'],
    ['a questionnaire definition', () => put(dir, 'phq9.json',
      readFileSync(join(ROOT, 'questionnaires', 'definitions', 'phq9.json'))), 'unknown field'],
    ['deeply nested JSON', () => put(dir, 'nested.json', nestedJson()), 'invalid type'],
    ['format 2', () => put(dir, 'rules2.json', format2(SHIPPED_TEXT)), 'format 2 is not supported'],
  ];
  for (const [kind, make, says] of kinds) {
    const lines = await refuse(make(), says);
    t.diagnostic(`rules file × ${kind}: ${lines.join(' | ')}`);
  }
  // 50 MB: refused by its size, never read.
  const t0 = performance.now();
  const [hugeLine] = await refuse(huge(dir, 'huge.json'), 'the limit is 262144 bytes');
  const ms = Math.round(performance.now() - t0);
  assert.ok(hugeLine.includes(`file is ${HUGE_BYTES} bytes`), hugeLine);
  t.diagnostic(`rules file × 50 MB: refused in ${ms} ms: ${hugeLine}`);
  const reads = await fileReads(page);
  assert.ok(reads.every((n) => n < HUGE_BYTES), `the 50 MB rules file was read: ${reads.join(', ')}`);
  assert.deepEqual(await axeViolations(page), [], 'axe on the import screen with a rules file refused');

  // The rules in use are still the loaded ones: low risk now gets high intensity.
  const facts = await lowRiskDecision(page);
  assert.equal(facts[UI.assessor_recommended], UI.assessor_pathway_high_intensity, JSON.stringify(facts));
  await page.getByText(ui('assessor_rules_used', { rules: `all_high@${SHIPPED.version}` })).waitFor();
  t.diagnostic(`decision with all-high.json: ${JSON.stringify(facts)}`);

  // With results held a rules file can still be loaded, and the region says what that does.
  await page.getByRole('button', { name: UI.assessor_nav_import, exact: true }).click();
  await heading(page, UI.assessor_import_heading);
  await region.getByText(UI.assessor_rules_held, { exact: true }).waitFor();
  assert.equal(await input.count(), 1);
  await loaded.waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
