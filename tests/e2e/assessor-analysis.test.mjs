// Export for analysis from the cohort screen, as an assessor does it: unlock, import sealed
// records, choose R and download one zip file; it holds exactly what `qkit export` writes for
// the same folder, and R reads it with the items as labelled factors and the special answers as
// their own codes. FHIR: the Bundle passes the independent fhir.resources check. Welsh labels
// survive into R. One record's PHQ-9 was answered under an older definition that changed
// part-way through the sitting: it is left out, named on the screen and in left_out.csv.
// axe-core checks the screen with the section. Unzipped by Python's zipfile.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, watchErrors, axeViolations, ROOT } from './lib/harness.mjs';
import { UI, ui, makeKey, makeRecords, seal, heading, unlockWithText, importFiles } from './lib/assessor.mjs';

const WORK = mkdtempSync(join(tmpdir(), 'qkit-assessor-analysis-e2e-'));
const SHARED = JSON.parse(readFileSync(join(ROOT, 'questionnaires', 'ui', 'en.json'), 'utf8')).strings;
const definition = (id) => JSON.parse(readFileSync(join(ROOT, 'questionnaires', 'definitions', `${id}.json`), 'utf8'));
/** The labels in `lang` of questionnaire `id`'s response scale `scale`. */
const labels = (id, scale, lang) => definition(id).response_scales.find((s) => s.id === scale).options.map((o) => o.label[lang]);
let server, browser, key, sealedDir, old;

/** Marks the first PHQ-9 in the JSON records `files` as answered under an older definition
 * (0.9.0) that changed part-way through the sitting: five answers kept, outdated, no report.
 * Returns who and when. */
function oldPhq9(files) {
  for (const file of files) {
    const record = JSON.parse(readFileSync(file, 'utf8'));
    const phq9 = record.questionnaires.find((q) => q.id === 'phq9' && q.report);
    if (!phq9) continue;
    Object.assign(phq9, { version: '0.9.0', content_hash: 'ab'.repeat(32), outdated: true });
    phq9.answers = phq9.answers.slice(0, 5);
    delete phq9.report;
    writeFileSync(file, JSON.stringify(record));
    return record;
  }
  throw new Error('no record holds a scored PHQ-9');
}

before(async () => {
  key = makeKey(WORK);
  sealedDir = join(WORK, 'sealed');
  // Six participants on TSP and BBR (BBR's batteries hold PHQ-9 and GAD-7), twelve records.
  const records = makeRecords(join(WORK, 'json'), 6);
  old = oldPhq9(records);
  seal(records, key.recipient, sealedDir);
  server = await serve();
  browser = await launch();
});
after(async () => { await browser?.close(); server?.stop(); });

/** Every file in `dir` by name, with its bytes. */
function folder(dir) {
  return Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f))]));
}

/** Chooses `format` and `lang` in the section, downloads the zip and unpacks it; returns the
 * download's name and the folder. */
async function exportAs(page, format, lang, n) {
  const section = page.getByRole('region', { name: UI.assessor_analysis_heading });
  await section.getByRole('radio', { name: format }).check();
  await section.getByRole('radio', { name: lang }).check();
  const [d] = await Promise.all([
    page.waitForEvent('download'),
    section.getByRole('button', { name: UI.assessor_analysis_download }).click(),
  ]);
  const zip = join(WORK, `${n}.zip`);
  await d.saveAs(zip);
  const out = join(WORK, n);
  execFileSync('python3', ['-c', 'import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\n'
    + 'assert z.testzip() is None\nz.extractall(sys.argv[2])', zip, out]);
  return { name: d.suggestedFilename(), out };
}

/** Runs R on the export's script in `dir` and then `code`; returns its lines. */
function rscript(dir, code) {
  return execFileSync('Rscript', ['-e', `source("qkit-data.R"); ${code}`], { cwd: dir, encoding: 'utf8' })
    .trimEnd().split('\n');
}

test('an assessor exports the cohort for R and FHIR from the cohort screen, in English and Welsh', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await unlockWithText(page, server.url, key.text);
  await importFiles(page, readdirSync(sealedDir).map((f) => join(sealedDir, f)));
  await page.getByRole('button', { name: UI.assessor_import_see_cohort }).click();
  await heading(page, UI.assessor_cohort_heading);
  const section = page.getByRole('region', { name: UI.assessor_analysis_heading });
  await section.getByText(UI.assessor_analysis_plaintext).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'axe on the cohort screen with the export section');

  // R, English: the same files as `qkit export` writes for the folder, byte for byte.
  const r = await exportAs(page, UI.assessor_analysis_format_r, 'English', 'r-en');
  assert.match(r.name, /^qkit-analysis-r-\d{4}-\d{2}-\d{2}\.zip$/);
  await section.getByRole('status').getByText(/: 12 rows/).waitFor();
  const cliOut = join(WORK, 'cli-r-en');
  // seal() built the CLI; called directly, so no cargo run waits on the build lock.
  execFileSync(join(ROOT, 'target', 'debug', 'qkit'),
    ['export', '--identity', key.file, sealedDir, '--format', 'r', '--out', cliOut], { stdio: 'ignore' });
  const fromCli = folder(cliOut);
  const fromZip = folder(r.out);
  assert.deepEqual(Object.keys(fromZip), ['codebook.csv', 'codebook.md', 'left_out.csv', 'qkit-data.R', 'qkit-data.csv']);
  assert.deepEqual(Object.keys(fromZip), Object.keys(fromCli));
  for (const [name, bytes] of Object.entries(fromCli)) assert.ok(bytes.equals(fromZip[name]), name);

  // The old PHQ-9 is named on the screen and in left_out.csv, with both versions.
  const kitVersion = definition('phq9').version;
  const when = SHARED[`timepoint_${old.timepoint}`];
  const named = ui('assessor_analysis_left_out_changed', {
    participant: old.participant, timepoint: when, questionnaire: 'PHQ-9', version: '0.9.0', kit_version: kitVersion,
  });
  await section.getByRole('status').getByRole('listitem').filter({ hasText: named }).waitFor();
  const code = { pre: 1, mid: 2, post: 3 }[old.timepoint];
  assert.equal(fromZip['left_out.csv'].toString('utf8'),
    'participant,programme,timepoint,questionnaire,answered_version,kit_version,answers,reason\n'
    + `${old.participant},${old.programme},${code},phq9,0.9.0,${kitVersion},5,definition_changed_during_sitting\n`);

  // R reads it: PHQ-9 item 2 is a factor with the definition's option labels as levels, and the
  // special answers are its missing codes.
  const phq9 = labels('phq9', 'frequency', 'en');
  const lines = rscript(r.out, 'cat(nrow(qkit), "\\n"); cat(levels(qkit$phq9_02), sep = "\\n"); '
    + 'sc <- attr(qkit$phq9_02, "special_codes"); cat(paste0(names(sc), "=", sc), sep = "\\n")');
  assert.equal(lines[0].trim(), '12');
  assert.deepEqual(lines.slice(1, 1 + phq9.length), phq9);
  assert.deepEqual(lines.slice(1 + phq9.length), [
    `${SHARED.special_dont_know}=-1`, `${SHARED.special_prefer_not_to_say}=-2`, `${SHARED.special_dont_understand}=-3`,
  ]);

  // FHIR: valid R4 by fhir.resources, every response resolving to its Questionnaire's version.
  const fhir = await exportAs(page, UI.assessor_analysis_format_fhir, 'English', 'fhir-en');
  assert.match(fhir.name, /^qkit-analysis-fhir-\d{4}-\d{2}-\d{2}\.zip$/);
  assert.deepEqual(Object.keys(folder(fhir.out)), ['left_out.csv', 'qkit-fhir.json']);
  const said = execFileSync(join(ROOT, 'tools', 'venv', 'bin', 'python'),
    [join(ROOT, 'tests', 'analysis', 'check_fhir.py'), join(fhir.out, 'qkit-fhir.json')], { encoding: 'utf8' });
  assert.match(said, /QuestionnaireResponse: valid FHIR R4, every reference resolves/);

  // Welsh: the feedback form's options reach R in Welsh, ŵ and all.
  const cy = await exportAs(page, UI.assessor_analysis_format_r, 'Cymraeg', 'r-cy');
  const feedback = labels('feedback', 'agreement', 'cy');
  assert.ok(feedback.includes('Ddim yn siŵr'), feedback.join(', '));
  assert.deepEqual(rscript(cy.out, 'cat(levels(qkit$feedback_01), sep = "\\n")'), feedback);
  await section.getByRole('status').waitFor();
  assert.deepEqual(await axeViolations(page), [], 'axe on the cohort screen after a download');

  assert.deepEqual(errors, [], 'no page errors');
  await context.close();
});
