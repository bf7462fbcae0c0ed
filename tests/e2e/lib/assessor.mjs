// Helpers for the assessor's end-to-end tests: an identity from `qkit keygen`, valid records
// from the assessor crate's fixture generator (scored by qkit-scoring, checked by
// validate_record), sealed with `qkit seal`, and the assessor page driven by role and name.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './harness.mjs';
import { pluralForm } from './sitting.mjs';

const strings = (...p) => JSON.parse(readFileSync(join(ROOT, 'questionnaires', 'ui', ...p), 'utf8')).strings;
/** The English interface strings: the shared ones and the assessor area's. */
export const UI = { ...strings('en.json'), ...strings('assessor', 'en.json') };

/** The UI string `key` with `{placeholders}` filled in; a string with plural forms
 * (`one|other` in English) takes the form for `args.count`. */
export function ui(key, args = {}) {
  let s = UI[key];
  if (s === undefined) throw new Error(`no UI string ${key}`);
  s = pluralForm(s, args);
  for (const [k, v] of Object.entries(args)) s = s.replaceAll(`{${k}}`, String(v));
  return s;
}

/** What the import screen says is open: `records` results for `people` participants. */
export function held(records, people) {
  return ui('assessor_import_held', { count: records, people: ui('assessor_participants', { count: people }) });
}

/** Runs the qkit CLI (built by cargo if needed) and returns stdout. */
export function qkit(args, options = {}) {
  return execFileSync('cargo', ['run', '-q', '-p', 'qkit-cli', '--', ...args],
    { cwd: ROOT, encoding: 'utf8', ...options });
}

/** A new identity file in `dir`; returns { file, text, recipient }. */
export function makeKey(dir) {
  const file = join(dir, 'team-key.txt');
  const recipient = qkit(['keygen', '-o', file], { stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  return { file, text: readFileSync(file, 'utf8'), recipient };
}

/** Valid records for `participants` participants, as JSON files in `dir`; returns their paths. */
export function makeRecords(dir, participants) {
  mkdirSync(dir, { recursive: true });
  const out = execFileSync('cargo', ['run', '-q', '-p', 'qkit-assessor', '--example', 'fixture_records', '--',
    dir, String(participants)], { cwd: ROOT, encoding: 'utf8' });
  return out.trim().split('\n').map((name) => join(dir, name));
}

/** Seals each JSON record to `recipient` with `qkit seal`, into `outDir`; returns the paths. */
export function seal(files, recipient, outDir) {
  mkdirSync(outDir, { recursive: true });
  // One `cargo run` makes sure the binary is built; the rest call it directly.
  qkit(['--version'], { stdio: 'ignore' });
  const bin = join(ROOT, 'target', 'debug', 'qkit');
  return files.map((f) => {
    const out = join(outDir, f.split('/').pop().replace(/\.json$/, '.age'));
    execFileSync(bin, ['seal', '--recipient', recipient, f, '-o', out], { cwd: ROOT, stdio: 'ignore' });
    return out;
  });
}

/** Every `.age` file in `dir`, sorted by name (the order `qkit scores` reads them). */
export function sealedIn(dir) {
  return readdirSync(dir).filter((f) => f.endsWith('.age')).sort().map((f) => join(dir, f));
}

/** A copy of a sealed file with one payload byte flipped. */
export function corrupt(from, to) {
  const bytes = readFileSync(from);
  bytes[bytes.length - 20] ^= 0x01;
  writeFileSync(to, bytes);
}

/** Waits for the screen's heading. */
export async function heading(page, name) {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** Opens the assessor page and unlocks it with pasted identity text. */
export async function unlockWithText(page, url, keyText) {
  await page.goto(`${url}assessor.html`);
  await heading(page, UI.assessor_unlock_heading);
  await page.getByRole('textbox', { name: UI.assessor_unlock_paste }).fill(keyText);
  await page.getByRole('button', { name: UI.assessor_unlock_button, exact: true }).click();
  await heading(page, UI.assessor_import_heading);
}

/** Chooses files in the import picker and waits until every one is done. */
export async function importFiles(page, files) {
  await page.getByLabel(UI.assessor_import_choose).setInputFiles(files);
  await page.getByRole('button', { name: UI.assessor_import_see_cohort }).waitFor({ timeout: 120_000 });
}

/** Chooses an option of the select labelled `label` by its visible text. */
export async function choose(page, label, optionText) {
  await page.getByRole('combobox', { name: label, exact: true }).selectOption({ label: optionText });
}

/** Saves the download a click starts and returns its name and text. */
export async function download(page, click) {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await d.path();
  return { name: d.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/** A TSP evening group at site A on Tuesdays and a BBR evening group at site C on Wednesdays. */
export const EVENING_GROUPS = [
  { id: 'TSP-A-TUE', programme: 'Thinking Skills Programme', site: 'Site A', day: 'Tuesday' },
  { id: 'BBR-C-WED', programme: 'Building Better Relationships', site: 'Site C', day: 'Wednesday' },
];

/** Adds a moderate-intensity evening group with the group form: `{ id, programme, site, day,
 * start }` by their visible names, and waits for it in the list. */
export async function addGroup(page, g) {
  await page.getByRole('textbox', { name: UI.assessor_group_id }).fill(g.id);
  await choose(page, UI.assessor_col_programme, g.programme);
  await choose(page, UI.assessor_group_pathway, UI.assessor_pathway_moderate_intensity);
  await choose(page, UI.assessor_group_site, g.site);
  await choose(page, UI.assessor_group_weekday, g.day);
  await choose(page, UI.assessor_group_time, UI.assessor_time_evening);
  await page.getByLabel(UI.assessor_group_start).fill(g.start);
  await page.getByRole('button', { name: UI.assessor_group_add }).click();
  await page.getByRole('rowheader', { name: g.id }).waitFor();
}
