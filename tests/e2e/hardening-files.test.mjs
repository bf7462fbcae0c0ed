// Bad files fed to every file input of the assessor area, driven by role and accessible name:
// the key (a file, or pasted), sealed results, and the allocation screen's groups and waiting
// list CSV files. Each gets an empty file, binary junk, a valid file of the wrong kind, a 50 MB
// file, deeply nested JSON and another format version where they apply, and must be refused with
// a message naming the file and saying what is wrong, with no uncaught or console error and
// nothing else lost: good results imported before, among and after the bad ones are all shown,
// and an allocation already made stays as it was. A 50 MB file is refused by its size without
// being read (the page's File reads are watched); the time each refusal takes is printed. Bad
// local questionnaires and rules files have their own tests (assessor-local, assessor-rules).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, watchErrors, axeViolations, ROOT } from './lib/harness.mjs';
import { UI, ui, makeKey, makeRecords, seal, heading, unlockWithText, held } from './lib/assessor.mjs';
import {
  HUGE_BYTES, put, empty, junk, huge, nestedJson, format2, ageSeal, ageVersion2, cutShort,
  spyOnFileReads, fileReads,
} from './lib/bad-files.mjs';

const WORK = mkdtempSync(join(tmpdir(), 'qkit-bad-files-e2e-'));
const BAD = join(WORK, 'bad');
const EXAMPLE = join(ROOT, 'tests', 'allocation', 'example');
const FIXTURES = join(ROOT, 'export', 'tests', 'fixtures');
mkdirSync(BAD, { recursive: true });
let server, browser, key, sealed, recordJson;

before(async () => {
  key = makeKey(WORK);
  // Four participants: Q1000X and Q1003X at pre, mid and post, Q1001X at pre and post, Q1002X at pre.
  const records = makeRecords(join(WORK, 'json'), 4);
  recordJson = readFileSync(records[0], 'utf8');
  sealed = Object.fromEntries(seal(records, key.recipient, join(WORK, 'sealed'))
    .map((p) => [p.split('/').pop(), p]));
  server = await serve();
  browser = await launch();
});
after(async () => { await browser?.close(); server?.stop(); });

/** A new page whose file reads are watched, and its error list. */
async function newPage() {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  await spyOnFileReads(context);
  const page = await context.newPage();
  return { context, page, errors: watchErrors(page) };
}

/** The element with `role` whose text holds every one of `parts`, once it shows. */
async function saying(page, role, parts) {
  let found = page.getByRole(role);
  for (const p of parts) found = found.filter({ hasText: p });
  await found.first().waitFor({ timeout: 30_000 });
  return found.first().innerText();
}

/** Milliseconds since `t0` (from performance.now()), rounded. */
const since = (t0) => Math.round(performance.now() - t0);

/** Checks that the page never read a file of `bytes` or more. */
async function neverRead(page, bytes, what) {
  const reads = await fileReads(page);
  assert.ok(reads.every((n) => n < bytes), `${what} was read: ${reads.join(', ')} bytes`);
}

test('a bad key file, or bad pasted text, is refused on the unlock screen with the file named', async (t) => {
  const { context, page, errors } = await newPage();
  await page.goto(`${server.url}assessor.html`);
  await heading(page, UI.assessor_unlock_heading);
  const keyFile = page.getByLabel(UI.assessor_unlock_file, { exact: true });
  const unlock = page.getByRole('button', { name: UI.assessor_unlock_button, exact: true });
  const passphrase = page.getByLabel(UI.assessor_unlock_passphrase, { exact: true });
  const file = (name, reason) => [ui('assessor_file_problem', { file: name, reason })];
  const v2 = ageVersion2(join(FIXTURES, 'age-p-identity.age'), BAD, 'v2-key.age');
  // [bad kind, file, passphrase to type (an age file asks for one) or none, words the alert says]
  const cases = [
    ['empty', empty(BAD, 'empty-key.txt'), null, file('empty-key.txt', UI.assessor_identity_none)],
    ['binary junk', junk(BAD, 'junk-key.txt'), null, file('junk-key.txt', UI.assessor_identity_not_text)],
    ['a sealed result', sealed['Q1000X-pre.age'], 'any passphrase',
      file('Q1000X-pre.age', UI.assessor_identity_not_passphrase)],
    ['a CSV file', join(EXAMPLE, 'participants.csv'), null,
      file('participants.csv', ui('assessor_identity_bad_line', { line: 1 }))],
    ['a recipient (public key), not an identity', put(BAD, 'public-key.txt', `# public key\n${key.recipient}\n`), null,
      file('public-key.txt', ui('assessor_identity_bad_line', { line: 2 }))],
    ['age format v2, passphrase-protected', v2, 'test passphrase',
      ['v2-key.age', ui('assessor_identity_damaged', { reason: 'unsupported age format' })]],
  ];
  for (const [bad, path, pass, says] of cases) {
    await keyFile.setInputFiles(path);
    await page.getByText(ui('assessor_unlock_chosen', { name: path.split('/').pop() })).waitFor();
    if (pass) await passphrase.fill(pass);
    await unlock.click();
    const said = await saying(page, 'alert', says);
    t.diagnostic(`key file × ${bad}: ${said}`);
  }
  await axeClean(page, 'unlock with a bad key file');

  // Deeply nested JSON (195 KB) is over the 64 KB a key file may be: refused when chosen.
  const nested = nestedJson();
  await keyFile.setInputFiles(put(BAD, 'nested-key.json', nested));
  t.diagnostic(`key file × deeply nested JSON: ${await saying(page, 'alert', file('nested-key.json',
    ui('assessor_file_too_large', { size: `${(nested.length / 1024).toFixed(1)} KB`, limit: '64 KB' })))}`);

  // 50 MB: refused as soon as it is chosen, by its size, unread.
  const t0 = performance.now();
  await keyFile.setInputFiles(huge(BAD, 'huge-key.txt'));
  const said = await saying(page, 'alert',
    file('huge-key.txt', ui('assessor_file_too_large', { size: '50 MB', limit: '64 KB' })));
  t.diagnostic(`key file × 50 MB: refused in ${since(t0)} ms: ${said}`);
  await neverRead(page, HUGE_BYTES, 'the 50 MB key file');

  // Pasted text: only spaces, a recipient, deeply nested JSON, a CSV file.
  await page.getByRole('button', { name: UI.assessor_unlock_clear }).click();
  const paste = page.getByRole('textbox', { name: UI.assessor_unlock_paste });
  for (const [bad, text, says] of [
    ['only spaces', '  \n ', [UI.assessor_unlock_nothing]],
    ['a recipient', key.recipient, [ui('assessor_identity_bad_line', { line: 1 })]],
    ['deeply nested JSON', nestedJson(), [ui('assessor_identity_bad_line', { line: 1 })]],
    ['a CSV file', readFileSync(join(EXAMPLE, 'groups.csv'), 'utf8'), [ui('assessor_identity_bad_line', { line: 1 })]],
  ]) {
    // The same words can follow each other: show another message first, so each is waited for.
    await paste.fill('');
    await unlock.click();
    await saying(page, 'alert', [UI.assessor_unlock_nothing]);
    await paste.fill(text);
    await unlock.click();
    t.diagnostic(`pasted key × ${bad}: ${await saying(page, 'alert', says)}`);
  }

  // The good key still unlocks afterwards.
  await paste.fill(key.text);
  await unlock.click();
  await heading(page, UI.assessor_import_heading);
  assert.deepEqual(errors, []);
  await context.close();
});

async function axeClean(page, screen) {
  assert.deepEqual(await axeViolations(page), [], `axe on the ${screen} screen`);
}

test('bad sealed files are listed with their names and reasons, and every good result before, among and after them is imported', async (t) => {
  const { context, page, errors } = await newPage();
  await unlockWithText(page, server.url, key.text);
  const picker = page.getByLabel(UI.assessor_import_choose);
  const problems = page.getByRole('region', { name: new RegExp(`^${UI.assessor_import_problems.split(' (')[0]}`) });
  const problemFor = (name) => problems.getByRole('listitem').filter({ hasText: `${name}: ` });

  // Before: Q1000X's three results.
  await picker.setInputFiles(['Q1000X-pre.age', 'Q1000X-mid.age', 'Q1000X-post.age'].map((n) => sealed[n]));
  await page.getByText(held(3, 1)).waitFor();
  const goodReads = (await fileReads(page)).length;
  assert.equal(goodReads, 3, 'the watch on file reads sees each file read');

  // 50 MB on its own: refused by its size, unread, quickly.
  const t0 = performance.now();
  await picker.setInputFiles(huge(BAD, 'huge.age'));
  await problemFor('huge.age').waitFor();
  const ms = since(t0);
  const hugeLine = await problemFor('huge.age').innerText();
  assert.ok(hugeLine.includes(ui('assessor_file_too_large', { size: '50 MB', limit: '32 MB' })), hugeLine);
  t.diagnostic(`sealed result × 50 MB: refused in ${ms} ms: ${hugeLine}`);
  await neverRead(page, HUGE_BYTES, 'the 50 MB sealed file');

  // Among good ones: every other kind of bad file, with Q1001X's and Q1002X's results between them.
  const other = makeKey(mkdtempSync(join(WORK, 'other-team-')));
  const good = sealed['Q1000X-pre.age'];
  const bad = [
    ['empty', empty(BAD, 'empty.age'), [UI.assessor_open_empty]],
    ['binary junk', junk(BAD, 'junk.age'), [UI.assessor_open_not_age]],
    ['a key file', put(BAD, 'key.age', key.text), [UI.assessor_open_identity_file]],
    ['a plain record', put(BAD, 'plain.age', recordJson), [UI.assessor_open_plain_json]],
    ['a CSV file', join(EXAMPLE, 'participants.csv'), [UI.assessor_open_not_age]],
    ['sealed for another team', ageSeal(BAD, 'other-team.age', recordJson, other.recipient), [UI.assessor_open_no_key]],
    ['deeply nested JSON, sealed', ageSeal(BAD, 'nested.age', nestedJson(), key.recipient),
      [ui('assessor_open_invalid', { reason: '' }).trim(), 'the record does not parse']],
    ['record format 2, sealed', ageSeal(BAD, 'format-2.age', format2(recordJson), key.recipient),
      [ui('assessor_open_invalid', { reason: '' }).trim(), 'record format 2 is not supported']],
    ['age format v2', ageVersion2(good, BAD, 'age-v2.age'), [UI.assessor_open_version]],
    // Cut inside the payload: the last chunk fails authentication, as any damage would.
    ['cut short', cutShort(good, BAD, 'cut.age'), [UI.assessor_open_tampered]],
  ];
  const among = ['Q1001X-pre.age', 'Q1001X-post.age', 'Q1002X-pre.age'].map((n) => sealed[n]);
  const files = bad.flatMap(([, path], i) => (i % 4 === 0 && among[i / 4] ? [among[i / 4], path] : [path]));
  assert.equal(files.length, bad.length + among.length);
  await picker.setInputFiles(files);
  await page.getByText(held(6, 3)).waitFor({ timeout: 60_000 });
  for (const [kind, path, says] of bad) {
    const name = path.split('/').pop();
    const line = await problemFor(name).innerText();
    for (const s of says) assert.ok(line.includes(s), `${kind}: "${line}" does not say "${s}"`);
    t.diagnostic(`sealed result × ${kind}: ${line}`);
  }
  // The list is this import's: one line per bad file in it (the 50 MB file was an import before).
  assert.equal(await problems.getByRole('listitem').count(), bad.length, 'one line per bad file');
  await axeClean(page, 'import with bad files');

  // After: Q1003X's results still import, and everyone is in the cohort table.
  await picker.setInputFiles(['Q1003X-pre.age', 'Q1003X-mid.age', 'Q1003X-post.age'].map((n) => sealed[n]));
  await page.getByText(held(9, 4)).waitFor();
  await page.getByRole('button', { name: UI.assessor_import_see_cohort }).click();
  await heading(page, UI.assessor_cohort_heading);
  const rows = await page.getByRole('table', { name: /Participants:/ }).getByRole('rowheader').allInnerTexts();
  assert.deepEqual(rows, ['Q1000X', 'Q1001X', 'Q1002X', 'Q1003X']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('bad groups and waiting list CSV files are refused with the file named, and the allocation already made stays', async (t) => {
  const { context, page, errors } = await newPage();
  await unlockWithText(page, server.url, key.text);
  // The allocation screen is offered once results are open.
  await page.getByLabel(UI.assessor_import_choose).setInputFiles(sealed['Q1002X-pre.age']);
  await page.getByText(held(1, 1)).waitFor();
  await page.getByRole('navigation', { name: UI.assessor_nav })
    .getByRole('button', { name: UI.assessor_nav_allocation }).click();
  await heading(page, UI.assessor_allocation_heading);
  const inputs = {
    groups: page.getByLabel(UI.assessor_groups_file, { exact: true }),
    participants: page.getByLabel(UI.assessor_listed_file, { exact: true }),
  };

  // An allocation from the worked example's files.
  const groupsCsv = readFileSync(join(EXAMPLE, 'groups.csv'), 'utf8');
  const participantsCsv = readFileSync(join(EXAMPLE, 'participants.csv'), 'utf8');
  const groupCount = groupsCsv.trim().split('\n').length - 1;
  const listedCount = participantsCsv.trim().split('\n').length - 1;
  await inputs.groups.setInputFiles(join(EXAMPLE, 'groups.csv'));
  const groupTable = page.getByRole('table', { name: ui('assessor_groups_caption', { count: groupCount }) });
  await groupTable.waitFor();
  await inputs.participants.setInputFiles(join(EXAMPLE, 'participants.csv'));
  await page.getByText(ui('assessor_listed_count', { count: listedCount })).waitFor();
  await page.getByRole('button', { name: UI.assessor_allocate }).click();
  const result = page.getByRole('region', { name: UI.assessor_result_heading, exact: true });
  await result.waitFor();
  const snapshot = async () => ({
    groups: await groupTable.getByRole('rowheader').allInnerTexts(),
    listed: await page.getByText(ui('assessor_listed_count', { count: listedCount })).count(),
    result: await result.innerText(),
  });
  const before = await snapshot();
  assert.equal(before.groups.length, groupCount);

  const notText = (name) => [ui('assessor_groups_not_text', { file: name })];
  for (const [input, otherKind, tag] of [
    ['participants', groupsCsv, 'p'],
    ['groups', participantsCsv, 'g'],
  ]) {
    const cases = [
      ['empty', empty(BAD, `${tag}-empty.csv`), (n) => [n, 'missing required column "id"']],
      ['binary junk', junk(BAD, `${tag}-junk.csv`), notText],
      ['the other CSV', put(BAD, `${tag}-other.csv`, otherKind), (n) => [n, 'line 1: unknown column']],
      ['a sealed result', put(BAD, `${tag}-sealed.age`, readFileSync(sealed['Q1000X-pre.age'])), notText],
      ['deeply nested JSON', put(BAD, `${tag}-nested.json`, nestedJson()), (n) => [n, 'line 1: unknown column "{"format":1"']],
      ['UTF-16 (a spreadsheet\'s "Unicode text")', join(ROOT, 'tests', 'bad_files', `${tag}-utf16.csv`), notText],
      ['semicolons (a European spreadsheet)', join(ROOT, 'tests', 'bad_files', `${tag}-semicolons.csv`),
        (n) => [n, 'line 1: unknown column']],
    ];
    for (const [bad, path, says] of cases) {
      await inputs[input].setInputFiles(path);
      const said = await saying(page, 'alert', says(path.split('/').pop()));
      t.diagnostic(`${input} CSV × ${bad}: ${said}`);
    }
    const t0 = performance.now();
    await inputs[input].setInputFiles(huge(BAD, `${tag}-huge.csv`));
    const said = await saying(page, 'alert', [ui('assessor_file_problem', {
      file: `${tag}-huge.csv`, reason: ui('assessor_file_too_large', { size: '50 MB', limit: '16 MB' }),
    })]);
    t.diagnostic(`${input} CSV × 50 MB: refused in ${since(t0)} ms: ${said}`);
    await neverRead(page, HUGE_BYTES, `the 50 MB ${input} CSV`);
    assert.deepEqual(await snapshot(), before, `a bad ${input} file changes nothing`);
  }
  await axeClean(page, 'allocation with a bad file');
  assert.deepEqual(errors, []);
  await context.close();
});
