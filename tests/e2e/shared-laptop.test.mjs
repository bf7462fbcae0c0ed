// The shared laptop, tried as a participant left alone with it would: pressing Staff seconds
// after staff handed back, reloading, trying the lock screen's way out; each attempt to reach
// another man's sitting, a summary, removal, keys or settings meets the passphrase. Then the
// forgotten passphrase with two sittings in progress: "Remove all sittings" needs a typed word,
// downloads one rescue file first, and that file opens with `age -d`, with `qkit decrypt` and in
// the assessor area, holding every answer of both sittings.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { serve, launch, watchErrors, axeViolations, ROOT, PARTICIPANT_DIST } from './lib/harness.mjs';
import { keygen, accept } from './lib/export.mjs';
import {
  UI, definition, fill, waitForHeading, startSitting, openApp, confirmStaff, useConfig,
  storedEntries, assertNoPlaintext, DRAFT_WORDS, PASSPHRASE, answerAll, unlock,
} from './lib/sitting.mjs';
import * as assessor from './lib/assessor.mjs';

let server, browser;
const dir = mkdtempSync(join(tmpdir(), 'qkit-shared-laptop-'));
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const BSCS = definition('bscs');
const next = (page) => page.getByRole('button', { name: UI.next, exact: true }).click();
const drafts = async (page) => (await storedEntries(page)).filter(([k]) => k.startsWith('qkit.draft.'));

async function axeClean(page, screen) {
  assert.deepEqual(await axeViolations(page), [], `axe on the ${screen} screen`);
}

/** Starts a TSP mid sitting for `reference` and answers the first `n` BSCS items (option i). */
async function sittingWith(page, reference, n) {
  await startSitting(page, { reference, programme: 'tsp', timepoint: 'mid' });
  await waitForHeading(page, BSCS.title.en);
  await next(page);
  const given = {};
  for (const item of BSCS.items.slice(0, n)) {
    await waitForHeading(page, item.text.en);
    const o = BSCS.response_scales[0].options[(n + Object.keys(given).length) % 5];
    await page.getByRole('radio', { name: o.label.en, exact: true }).check();
    given[item.id] = o.value;
    await next(page);
  }
  return given;
}

/** From a participant's screen, staff close the sitting (staff mode, then close). */
async function staffClose(page) {
  await page.getByRole('button', { name: UI.staff_button, exact: true }).click();
  await confirmStaff(page);
  await page.getByRole('button', { name: UI.staff_close, exact: true }).click();
  await waitForHeading(page, UI.start_heading);
}

test('a participant alone at the laptop meets the passphrase on every path, then two sittings survive a forgotten passphrase', async (t) => {
  const team = keygen(dir, 'team');
  const context = await browser.newContext({ acceptDownloads: true });
  await useConfig(context, { format: 1, recipients: [{ recipient: team.recipient }] });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await openApp(page, server.url);
  await accept(page, team.recipient);
  const first = await sittingWith(page, 'ALONE01', 2);
  await staffClose(page);
  const second = await sittingWith(page, 'ALONE02', 3);

  // Staff handed back seconds ago; he presses Staff and confirms without the passphrase.
  await page.getByRole('button', { name: UI.staff_button, exact: true }).click();
  await waitForHeading(page, UI.staff_confirm_heading);
  await page.getByRole('button', { name: UI.staff_confirm_yes, exact: true }).click();
  await page.getByRole('alert').getByText(UI.passphrase_wrong).waitFor();
  await waitForHeading(page, UI.staff_confirm_heading);
  await axeClean(page, 'staff step (wrong passphrase)');
  // Guessing slows down: the third wrong one makes the next wait.
  for (const guess of ['letmein1', 'password']) {
    await page.getByLabel(UI.passphrase_label, { exact: true }).fill(guess);
    await page.getByRole('button', { name: UI.staff_confirm_yes, exact: true }).click();
  }
  await page.getByRole('alert').getByText(fill(UI.staff_wait, { count: 10 })).waitFor();
  await page.getByLabel(UI.passphrase_label, { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: UI.staff_confirm_yes, exact: true }).click();
  await page.getByRole('alert').getByText(/Wait \d+ seconds/).waitFor();
  assert.equal(await page.getByRole('button', { name: UI.staff_close }).count(), 0, 'still not staff');
  await page.getByRole('button', { name: UI.staff_confirm_no, exact: true }).click();
  await waitForHeading(page, BSCS.items[3].text.en);

  // A reload lands on the lock screen, which says what a removal would keep, and removes
  // nothing without the typed word.
  await page.reload();
  await waitForHeading(page, UI.lock_heading);
  await page.getByText(fill(UI.rescue_cover_all, { total: 2 })).waitFor();
  const word = page.getByLabel(fill(UI.remove_all_type, { word: UI.remove_all_word }), { exact: true });
  await page.getByRole('button', { name: UI.remove_all }).click();
  await page.getByRole('alert').getByText(fill(UI.remove_all_not_confirmed, { word: UI.remove_all_word })).waitFor();
  await axeClean(page, 'lock (removal not confirmed)');
  assert.equal((await drafts(page)).length, 2, 'nothing removed');
  await assertNoPlaintext(page, ['ALONE01', 'ALONE02', ...DRAFT_WORDS, BSCS.items[0].id], 'two sittings and their rescue copy');
  const sizes = Object.fromEntries((await storedEntries(page)).map(([k, v]) => [k, v.length]));
  const draftChars = Object.entries(sizes).filter(([k]) => k.startsWith('qkit.draft.')).reduce((a, [, v]) => a + v, 0);
  t.diagnostic(`storage for 2 sittings, 5 answers: drafts ${draftChars} chars, rescue copy ${sizes['qkit.rescue']} chars`);

  // The passphrase is "forgotten": remove everything, with the word typed.
  await word.fill(UI.remove_all_word);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: UI.remove_all }).click(),
  ]);
  const rescue = join(dir, download.suggestedFilename());
  await download.saveAs(rescue);
  assert.match(download.suggestedFilename(), /^qkit-rescue-\d+\.age$/);
  await waitForHeading(page, UI.passphrase_set_heading);
  assert.equal((await drafts(page)).length, 0);

  // age -d opens it: both sittings, every answer.
  const plain = JSON.parse(execFileSync('age', ['-d', '-i', team.file, rescue], { encoding: 'utf8' }));
  assert.equal(plain.qkit_rescue, 1);
  const byRef = Object.fromEntries(plain.sittings.map((s) => [s.draft.record.participant, s.draft.record]));
  for (const [ref, given] of [['ALONE01', first], ['ALONE02', second]]) {
    const bscs = byRef[ref].questionnaires.find((q) => q.id === 'bscs');
    const got = Object.fromEntries(bscs.answers.map((a) => [a.item, a.answer.value]));
    assert.deepEqual(got, given, `${ref}: every answer is in the rescue file`);
  }
  // qkit decrypt opens it too, as unfinished records.
  const viaQkit = JSON.parse(execFileSync('cargo', ['run', '-q', '-p', 'qkit-cli', '--', 'decrypt', '-i', team.file, rescue, '-o', '-'],
    { cwd: ROOT, encoding: 'utf8' }));
  assert.deepEqual(viaQkit.map((r) => r.participant).sort(), ['ALONE01', 'ALONE02']);

  // The assessor area imports the rescue file as two unfinished sittings, and shows its code.
  const code = createHash('sha256').update(readFileSync(rescue)).digest('hex').slice(0, 8).toUpperCase()
    .replace(/^(.{4})/, '$1-');
  const a = await context.newPage();
  await assessor.unlockWithText(a, server.url, readFileSync(team.file, 'utf8'));
  await assessor.importFiles(a, [rescue]);
  // Listed in the import log (a folded list of files): attached, whether or not unfolded.
  await a.getByText(assessor.ui('assessor_import_rescue', { count: 2, unfinished: 2, code }), { exact: false })
    .first().waitFor({ state: 'attached' });
  await a.close();

  // A new passphrase; the kept copy of the rescue file stays until someone types the team's code:
  // a passphrase is not enough, since whoever removed everything may have set this one.
  await page.getByLabel(UI.passphrase_new, { exact: true }).fill('a brand new passphrase');
  await page.getByLabel(UI.passphrase_repeat, { exact: true }).fill('a brand new passphrase');
  await page.getByRole('button', { name: UI.passphrase_set_button }).click();
  await waitForHeading(page, UI.start_heading);
  const kept = page.getByRole('region', { name: UI.kept_rescues_heading });
  await kept.getByRole('button', { name: UI.kept_rescue_save }).waitFor();
  await kept.getByLabel(UI.kept_rescue_code).fill('1234-5678');
  await kept.getByRole('button', { name: UI.kept_rescue_remove }).click();
  await kept.getByRole('alert').getByText(UI.kept_rescue_wrong_code).waitFor();
  await axeClean(page, 'start (a kept rescue file, wrong code)');
  await kept.getByLabel(UI.kept_rescue_code).fill(code.toLowerCase());
  await kept.getByRole('button', { name: UI.kept_rescue_remove }).click();
  await kept.waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('at the hand-over, the thank-you screen and after a reload at the summary, only the passphrase leads on', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await openApp(page, server.url);
  // At the hand-over his only way on is into his own questions.
  await startSitting(page, {
    reference: 'SUMM001',
    programme: 'tsp',
    timepoint: 'mid',
    onScreen: async (screen) => {
      if (screen !== 'handover') return;
      const buttons = await page.getByRole('button').allTextContents();
      assert.deepEqual(buttons.map((b) => b.trim()), [UI.read_this, UI.handover_start],
        'nothing but reading aloud and his own start');
    },
  });
  await waitForHeading(page, BSCS.title.en);
  await next(page);
  await answerAll(page, BSCS);
  // The thank-you screen: the summary is behind the passphrase; cancelling leaves him there.
  await waitForHeading(page, UI.thank_you_heading);
  await page.getByRole('button', { name: UI.thank_you_staff }).click();
  await waitForHeading(page, UI.staff_confirm_heading);
  await page.getByRole('button', { name: UI.staff_confirm_no, exact: true }).click();
  await waitForHeading(page, UI.thank_you_heading);
  await page.getByRole('button', { name: UI.thank_you_staff }).click();
  await confirmStaff(page);
  await waitForHeading(page, UI.summary_heading);
  // Staff step away; he reloads: the lock screen, not the summary.
  await page.reload();
  await waitForHeading(page, UI.lock_heading);
  assert.ok(!(await page.content()).includes('SUMM001'));
  await unlock(page);
  await waitForHeading(page, UI.summary_heading);
  await page.getByRole('button', { name: UI.done_lock }).click();
  await waitForHeading(page, UI.lock_heading);
  await axeClean(page, 'lock (after done)');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the participant kit carries no assessor page and no link to one', { skip: process.env.QKIT_WITH_ASSESSOR === '1' }, async () => {
  const files = readdirSync(PARTICIPANT_DIST, { recursive: true }).map(String);
  assert.ok(files.includes('index.html') && files.includes('qkit.html'), files.join(', '));
  assert.deepEqual(files.filter((f) => /assessor/i.test(f)), []);
  // Nor does its single file hold the assessor's code or page.
  assert.ok(!readFileSync(join(PARTICIPANT_DIST, 'qkit.html'), 'utf8').includes('qkit-assessor'));
});
