// Local questionnaires on the staff start screen: staff load a definition qkit cannot ship and a
// batteries.json that puts it in a programme's battery, start a sitting and see its first item,
// reload, and remove the files again. Bad files (empty, binary, the wrong kind of file, 50 MB,
// deeply nested, an unsupported format) each give a clear message naming the file, with no crash
// or console error, and leave the loaded local files and a stored sitting untouched. Stored local
// files that no longer validate give the shipped kit and a message with a button to remove them.
// Everything is driven by role and accessible name; axe checks the start screen with the region
// and with errors shown.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, openSync, ftruncateSync, closeSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, watchErrors, axeViolations, ROOT } from './lib/harness.mjs';
import {
  UI, BATTERIES, fill, waitForHeading, startSitting, openApp, reloadUnlocked, confirmStaff,
  storedEntries,
} from './lib/sitting.mjs';

const EXAMPLE = JSON.parse(readFileSync(join(ROOT, 'tests', 'definitions', 'valid', 'example.json'), 'utf8'));
const LOCAL_KEY = 'qkit.local_definitions';
let server, browser, dir;

/** The shipped batteries with TSP's pre battery replaced by consent then the local questionnaire. */
function localBatteries() {
  const b = structuredClone(BATTERIES);
  b.programmes.find((p) => p.id === 'tsp').pre = ['consent', 'example'];
  return b;
}

/** Writes `text` to the temp dir under `sub/name` and returns the path. */
function file(sub, name, text) {
  const path = join(dir, sub, name);
  writeFileSync(path, text);
  return path;
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'qkit-local-'));
  for (const sub of ['good', 'bad']) mkdirSync(join(dir, sub));
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function fileInput(page) {
  return page.getByLabel(UI.local_file, { exact: true });
}

function region(page) {
  return page.getByRole('region', { name: UI.local_heading, exact: true });
}

const EXAMPLE_LINE = fill(UI.local_item, { title: EXAMPLE.title.en, id: 'example', version: EXAMPLE.version });

async function loadGood(page) {
  const paths = [
    file('good', 'example.json', JSON.stringify(EXAMPLE)),
    file('good', 'batteries.json', JSON.stringify(localBatteries())),
  ];
  await fileInput(page).setInputFiles(paths);
  await region(page).getByText(EXAMPLE_LINE, { exact: true }).waitFor();
  await region(page).getByText(UI.local_batteries, { exact: true }).waitFor();
}

async function axeClean(page, what) {
  assert.deepEqual(await axeViolations(page), [], `axe on the start screen ${what}`);
}

async function closeSitting(page) {
  await page.getByRole('button', { name: UI.staff_button, exact: true }).click();
  await confirmStaff(page);
  await page.getByRole('button', { name: UI.staff_close, exact: true }).click();
  await waitForHeading(page, UI.start_heading);
}

test('a local questionnaire in a local battery is used, survives a reload and is removed', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await openApp(page, server.url);
  await waitForHeading(page, UI.start_heading);
  await region(page).getByText(UI.local_none, { exact: true }).waitFor();
  // The participant's kit does not point at the assessor area: the team's key stays off it.
  const links = await page.getByRole('link').evaluateAll((as) => as.map((a) => a.href));
  assert.deepEqual(links.filter((h) => h.includes('assessor')), [], 'no link to the assessor area');
  await axeClean(page, 'with the local questionnaires region');

  await loadGood(page);
  await axeClean(page, 'with local files loaded');
  await startSitting(page, { reference: 'E2E0201', programme: 'tsp' });
  await waitForHeading(page, EXAMPLE.title.en);
  await page.getByRole('button', { name: UI.next, exact: true }).click();
  await waitForHeading(page, EXAMPLE.items[0].text.en);
  await page.getByRole('radiogroup', { name: EXAMPLE.items[0].text.en, exact: true }).waitFor();

  // A reload builds the kit from the shipped files plus the stored local ones.
  await reloadUnlocked(page);
  await waitForHeading(page, EXAMPLE.items[0].text.en);
  await closeSitting(page);
  await region(page).getByText(EXAMPLE_LINE, { exact: true }).waitFor();

  // The local battery still lists the questionnaire: removing it alone is refused.
  await region(page).getByRole('button', { name: fill(UI.local_remove, { file: 'example.json' }) }).click();
  const alert = region(page).getByRole('alert');
  await alert.getByText(UI.local_refused, { exact: true }).waitFor();
  await alert.getByText(/unknown questionnaire "example"|"example"/).first().waitFor();
  await region(page).getByText(EXAMPLE_LINE, { exact: true }).waitFor();

  // Batteries first (the shipped ones come back), then the questionnaire.
  await region(page).getByRole('button', { name: fill(UI.local_remove, { file: 'batteries.json' }) }).click();
  await region(page).getByText(UI.local_batteries, { exact: true }).waitFor({ state: 'detached' });
  await region(page).getByRole('button', { name: fill(UI.local_remove, { file: 'example.json' }) }).click();
  await region(page).getByText(UI.local_none, { exact: true }).waitFor();
  assert.equal(await alert.count(), 0, 'no problem left on screen');
  assert.ok(!(await storedEntries(page)).some(([k]) => k === LOCAL_KEY), 'nothing local stored');
  await reloadUnlocked(page);
  await waitForHeading(page, UI.start_heading);
  await region(page).getByText(UI.local_none, { exact: true }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

/** The bad files, each with what its message must say. */
function badFiles() {
  const nested = '['.repeat(100000) + ']'.repeat(100000);
  const junk = Buffer.alloc(4096);
  for (let i = 0; i < junk.length; i++) junk[i] = (i * 151 + 7) % 256;
  const format2 = { ...EXAMPLE, format: 2, version: '9.9.9' };
  const huge = join(dir, 'bad', 'huge.json');
  const fd = openSync(huge, 'w');
  ftruncateSync(fd, 50 * 1024 * 1024);
  closeSync(fd);
  return [
    { path: file('bad', 'empty.json', ''), says: /the file is empty/ },
    { path: file('bad', 'junk.json', junk), says: /expected value|invalid|control character|must hold one JSON object|not UTF-8/ },
    { path: file('bad', 'pathways.json', readFileSync(join(ROOT, 'questionnaires', 'rules', 'pathways.json'))), says: /unknown field|missing field/ },
    { path: file('bad', 'en.json', readFileSync(join(ROOT, 'questionnaires', 'ui', 'en.json'))), says: /unknown field|missing field/ },
    { path: huge, says: /file is 52428800 bytes; the limit is 2097152 bytes/, timed: true },
    { path: file('bad', 'nested.json', nested), says: /must hold one JSON object/ },
    // A newer format of the loaded questionnaire: refused, and the loaded one stays.
    { path: file('bad', 'example.json', JSON.stringify(format2)), says: /format 2 is not supported/ },
  ];
}

/** The stored sittings and local files, to compare before and after a refusal. */
async function draftsAndLocalFiles(page) {
  return (await storedEntries(page)).filter(([k]) => k.startsWith('qkit.draft.') || k === LOCAL_KEY);
}

test('bad local files are refused with a clear message and change nothing', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await openApp(page, server.url);
  await loadGood(page);
  // A stored sitting, on the local questionnaire's first item.
  await startSitting(page, { reference: 'E2E0202', programme: 'tsp' });
  await page.getByRole('button', { name: UI.next, exact: true }).click();
  await waitForHeading(page, EXAMPLE.items[0].text.en);
  await closeSitting(page);
  const before = await draftsAndLocalFiles(page);
  assert.equal(before.length, 2, 'one sitting and the local files are stored');

  const alert = region(page).getByRole('alert');
  for (const bad of badFiles()) {
    const name = bad.path.split('/').pop();
    const started = performance.now();
    await fileInput(page).setInputFiles(bad.path);
    const line = alert.getByRole('listitem').filter({ hasText: `${name}: ` });
    await line.first().waitFor();
    const ms = performance.now() - started;
    if (bad.timed) console.log(`the 50 MB file was refused in ${ms.toFixed(0)} ms`);
    await alert.getByText(UI.local_refused, { exact: true }).waitFor();
    const said = (await line.allTextContents()).join('\n');
    assert.match(said, bad.says, `${name}: ${said}`);
    await region(page).getByText(EXAMPLE_LINE, { exact: true }).waitFor();
    const now = await draftsAndLocalFiles(page);
    assert.deepEqual(now, before, `${name} changed what is stored`);
    if (name === 'huge.json') await axeClean(page, 'with errors shown');
  }
  // Several bad files at once: every one is named.
  await fileInput(page).setInputFiles(badFiles().slice(0, 3).map((b) => b.path));
  for (const name of ['empty.json', 'junk.json', 'pathways.json']) {
    await alert.getByRole('listitem').filter({ hasText: `${name}: ` }).first().waitFor();
  }
  // The app carries on: after a reload the local files are still in use and the sitting opens on
  // the local questionnaire.
  await reloadUnlocked(page);
  await waitForHeading(page, UI.start_heading);
  await region(page).getByText(EXAMPLE_LINE, { exact: true }).waitFor();
  await page.getByRole('button', { name: fill(UI.resume_sitting, { participant: 'E2E0202' }), exact: true }).click();
  await waitForHeading(page, EXAMPLE.items[0].text.en);
  assert.deepEqual(errors, []);
  await context.close();
});

test('stored local files that no longer validate give the shipped kit and a way to remove them', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await openApp(page, server.url);
  await loadGood(page);
  // As after an update of qkit that no longer reads these files: the stored questionnaire is
  // in a format this qkit does not read.
  await page.evaluate((key) => {
    const files = JSON.parse(localStorage.getItem(key));
    const q = files.find((f) => f.name === 'example.json');
    q.text = q.text.replace('"format":1', '"format":2');
    localStorage.setItem(key, JSON.stringify(files));
  }, LOCAL_KEY);
  await reloadUnlocked(page);
  await waitForHeading(page, UI.start_heading);
  const alert = region(page).getByRole('alert');
  await alert.getByText(UI.local_stored_problem, { exact: true }).waitFor();
  await alert.getByText(/example\.json: .*format 2 is not supported/).waitFor();
  await region(page).getByText(UI.local_none, { exact: true }).waitFor();
  await axeClean(page, 'with the stored files problem');
  await alert.getByRole('button', { name: UI.local_remove_stored, exact: true }).click();
  await alert.waitFor({ state: 'detached' });
  assert.ok(!(await storedEntries(page)).some(([k]) => k === LOCAL_KEY), 'the stored files are gone');
  await reloadUnlocked(page);
  await waitForHeading(page, UI.start_heading);
  assert.equal(await region(page).getByRole('alert').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});
