// Encrypted export from the participant's computer, driven the way staff do it: keys from the
// kit configuration and pasted, each accepted after its fingerprint is shown; a finished battery
// sealed, downloaded, opened with `qkit decrypt` and the `age` tool and compared with what was
// answered; localStorage checked for plaintext after every answer; the sitting removed only
// after staff confirm the file is saved. Also: no key means no export (said before a battery
// starts), a declined consent is exported too, the idle lock, a wrong passphrase, and a forgotten
// one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, launch, watchErrors, axeViolations } from './lib/harness.mjs';
import * as keys from './lib/export.mjs';
import { fingerprint, qkitDecrypt, accept } from './lib/export.mjs';
import {
  UI, definition, fill, waitForHeading, startSitting, openApp, unlock, confirmStaff, useConfig,
  assertNoPlaintext, storedEntries, DRAFT_WORDS, PASSPHRASE, DEVICE_ID,
} from './lib/sitting.mjs';

let server, browser;
const dir = mkdtempSync(join(tmpdir(), 'qkit-export-e2e-'));
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const BSCS = definition('bscs');
const next = (page) => page.getByRole('button', { name: UI.next, exact: true }).click();

async function axeClean(page, screen) {
  assert.deepEqual(await axeViolations(page), [], `axe on the ${screen} screen`);
}

/** From the start screen: starts a sitting for `reference` and records a refused consent. */
async function decline(page, reference) {
  await page.getByRole('textbox', { name: UI.start_reference }).fill(reference);
  await page.getByRole('button', { name: UI.start_button }).click();
  const consent = definition('consent');
  const no = consent.response_scales[0].options.find((o) => o.code === 'no');
  await page.getByRole('radio', { name: no.label.en, exact: true }).check();
  await page.getByRole('button', { name: UI.consent_record }).click();
  // He may be the one who said no: the screen asks for the laptop back, then the passphrase.
  await waitForHeading(page, UI.declined_hand_back_heading);
  await page.getByRole('button', { name: UI.for_staff, exact: true }).click();
  await confirmStaff(page);
  await waitForHeading(page, UI.declined_heading);
}

const keygen = (name) => keys.keygen(dir, name);
const exportRecord = (page) => keys.exportRecord(page, dir);

test('without an assessor key the start screen says export is impossible, and a finished record stays', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await openApp(page, server.url);
  await waitForHeading(page, UI.start_heading);
  await page.getByText(UI.no_keys_warning).waitFor();
  await page.getByRole('region', { name: UI.keys_heading }).getByText(UI.keys_none).waitFor();
  await axeClean(page, 'start (no key)');
  // A secret key pasted by mistake is refused and not kept.
  const secret = readFileSync(keygen('mistake').file, 'utf8');
  await page.getByRole('textbox', { name: UI.keys_paste }).fill(secret);
  await page.getByRole('button', { name: UI.keys_check }).click();
  await page.getByRole('alert').getByText(UI.keys_secret).waitFor();
  assert.ok(!(await storedEntries(page)).some(([, v]) => v.includes('AGE-SECRET-KEY')));
  // A declined consent ends at once: export is offered only once a key exists.
  await decline(page, 'NOKEY01');
  await page.getByText(UI.export_no_keys).waitFor();
  assert.equal(await page.getByRole('button', { name: UI.export_button }).count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a finished battery is sealed to every accepted key, opens with qkit and age, matches the answers, and leaves only after staff confirm', async (t) => {
  const team = keygen('team');
  const backup = keygen('backup');
  const context = await browser.newContext({ acceptDownloads: true });
  await useConfig(context, { format: 1, recipients: [{ recipient: team.recipient, label: 'Assessment team' }] });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await openApp(page, server.url);
  await waitForHeading(page, UI.start_heading);
  // The configured key is offered, not used, until staff compare its fingerprint.
  await page.getByText(fill(UI.keys_offered, { name: 'Assessment team' })).waitFor();
  await page.getByText(UI.no_keys_warning).waitFor();
  await axeClean(page, 'start (key offered)');
  await accept(page, team.recipient);
  await page.getByRole('textbox', { name: UI.keys_paste }).fill(`# backup key\n${backup.recipient}\n`);
  await page.getByRole('button', { name: UI.keys_check }).click();
  await accept(page, backup.recipient);
  assert.equal(await page.getByText(UI.no_keys_warning).count(), 0);

  // TSP mid: consent, then the 13 BSCS items, with two special answers.
  await startSitting(page, { reference: 'EXP0001', programme: 'tsp', timepoint: 'mid' });
  await waitForHeading(page, BSCS.title.en);
  await next(page);
  const given = {};
  const needles = ['EXP0001', ...DRAFT_WORDS];
  for (const [i, item] of BSCS.items.entries()) {
    await waitForHeading(page, item.text.en);
    const options = BSCS.response_scales.find((s) => s.id === item.response_scale).options;
    let name;
    if (i === 4) { name = UI.special_dont_know; given[item.id] = { dont_know: true }; }
    else if (i === 9) { name = UI.special_dont_understand; given[item.id] = { dont_understand: true }; }
    else {
      const o = options[(i * 3) % options.length];
      name = o.label.en;
      given[item.id] = o.value;
      needles.push(o.label.en);
    }
    needles.push(item.id, item.text.en);
    await page.getByRole('radio', { name, exact: true }).check();
    await assertNoPlaintext(page, needles, `after choosing on ${item.id}`);
    await next(page);
    await assertNoPlaintext(page, needles, `after leaving ${item.id}`);
  }
  await waitForHeading(page, UI.thank_you_heading);
  await page.getByRole('button', { name: UI.thank_you_staff }).click();
  await confirmStaff(page);
  await waitForHeading(page, UI.summary_heading);
  await page.getByText(fill(UI.export_ready, { count: 2 })).waitFor();

  const { file, name, ms } = await exportRecord(page);
  t.diagnostic(`seal and download in the browser: ${ms} ms (click to download event)`);
  assert.match(name, /^qkit-EXP0001-tsp-mid-\d{4}-\d{2}-\d{2}\.age$/);
  await page.getByRole('status').getByText(fill(UI.export_made, { file: name })).waitFor();
  await axeClean(page, 'export made');
  assert.ok(readFileSync(file).subarray(0, 22).toString() === 'age-encryption.org/v1\n');

  // The file opens with qkit (team key) and with the age tool (backup key), and says what was answered.
  const record = qkitDecrypt(team.file, file);
  const viaAge = JSON.parse(execFileSync('age', ['-d', '-i', backup.file, file], { encoding: 'utf8' }));
  assert.deepEqual(viaAge, record);
  assert.equal(record.participant, 'EXP0001');
  assert.equal(record.programme, 'tsp');
  assert.equal(record.timepoint, 'mid');
  assert.equal(record.consent.given, true);
  // The record names this laptop: the device id kept in its storage.
  assert.match(record.device, DEVICE_ID);
  assert.deepEqual((await storedEntries(page)).filter(([k]) => k === 'qkit.device'), [['qkit.device', record.device]]);
  const bscs = record.questionnaires.find((q) => q.id === 'bscs');
  const answered = Object.fromEntries(bscs.answers.map((a) => [a.item, a.answer.value ?? { [a.answer.special]: true }]));
  assert.deepEqual(answered, given);
  assert.ok(bscs.report, 'scored');
  assert.ok(bscs.answers.every((a) => a.wording === 'standard' && a.language === 'en'));

  // Still on the device until staff confirm; then gone from storage and from the screen.
  assert.equal((await storedEntries(page)).filter(([k]) => k.startsWith('qkit.draft.')).length, 1);
  await page.getByRole('button', { name: fill(UI.export_saved, { file: name }) }).click();
  // The next man is the next at the keyboard: qkit locks, saying what was saved.
  await waitForHeading(page, UI.lock_heading);
  await page.getByText(fill(UI.exported_locked, { file: name })).waitFor();
  await axeClean(page, 'lock (after an export)');
  const left = await storedEntries(page);
  assert.deepEqual(left.filter(([k]) => k.startsWith('qkit.draft.') || k === 'qkit.current'), []);
  // No sitting left, so no rescue copy; the revision index is empty; the laptop keeps its id.
  assert.deepEqual(left.map(([k]) => k).sort(), ['qkit.device', 'qkit.lock', 'qkit.recipients', 'qkit.revisions']);
  const shown = (await page.content()).replaceAll(name, '');
  assert.ok(!shown.includes('EXP0001'), 'nothing about him on screen but the file name');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a declined consent is exported too, and the record says consent was not given', async () => {
  const team = keygen('declined');
  const context = await browser.newContext({ acceptDownloads: true });
  await useConfig(context, { format: 1, recipients: [{ recipient: team.recipient }] });
  const page = await context.newPage();
  await openApp(page, server.url);
  await accept(page, team.recipient);
  await decline(page, 'DEC0001');
  const { file, name } = await exportRecord(page);
  const record = qkitDecrypt(team.file, file);
  assert.equal(record.consent.given, false);
  assert.ok(record.consent.at, 'when it was refused');
  assert.ok(record.questionnaires.every((q) => q.answers.length === 0));
  await page.getByRole('button', { name: fill(UI.export_saved, { file: name }) }).click();
  await waitForHeading(page, UI.lock_heading);
  await context.close();
});

test('idle: the app locks, drops the sitting from the page, and resumes exactly there after the passphrase', async () => {
  const context = await browser.newContext();
  // 0.05 minutes: three seconds without a key press, click or touch.
  await useConfig(context, { format: 1, recipients: [], idle_lock_minutes: 0.05 });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await openApp(page, server.url);
  await startSitting(page, { reference: 'IDLE001', programme: 'tsp', timepoint: 'mid' });
  await waitForHeading(page, BSCS.title.en);
  await next(page);
  await waitForHeading(page, BSCS.items[0].text.en);
  const label = BSCS.response_scales[0].options[2].label.en;
  await page.getByRole('radio', { name: label, exact: true }).check();
  // Nothing more happens: the lock screen comes up by itself.
  await page.getByRole('heading', { level: 1, name: UI.lock_heading }).waitFor({ timeout: 15_000 });
  const html = await page.content();
  assert.ok(!html.includes(BSCS.items[0].text.en) && !html.includes('IDLE001'), 'no question, no reference');
  assert.equal(await page.getByRole('radio').count(), 0);
  await axeClean(page, 'lock (idle)');
  // A wrong passphrase is said plainly; the right one resumes the same item with the choice kept.
  await page.getByLabel(UI.passphrase_label, { exact: true }).fill('not the passphrase');
  await page.getByRole('button', { name: UI.unlock_button }).click();
  await page.getByRole('alert').getByText(UI.passphrase_wrong).waitFor();
  await axeClean(page, 'lock (wrong passphrase)');
  await unlock(page);
  await waitForHeading(page, BSCS.items[0].text.en);
  assert.ok(await page.getByRole('radio', { name: label, exact: true }).isChecked());
  assert.deepEqual(errors, []);
  await context.close();
});

test('setting a passphrase: too short and mismatched are refused; a forgotten one can only be reset by removing everything', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await waitForHeading(page, UI.passphrase_set_heading);
  const set = async (a, b) => {
    await page.getByLabel(UI.passphrase_new, { exact: true }).fill(a);
    await page.getByLabel(UI.passphrase_repeat, { exact: true }).fill(b);
    await page.getByRole('button', { name: UI.passphrase_set_button }).click();
  };
  await set('short', 'short');
  await page.getByRole('alert').getByText(fill(UI.passphrase_too_short, { count: 8 })).waitFor();
  await set(PASSPHRASE, `${PASSPHRASE}!`);
  await page.getByRole('alert').getByText(UI.passphrase_mismatch).waitFor();
  await axeClean(page, 'set passphrase (problem)');
  await set(PASSPHRASE, PASSPHRASE);
  // Staff see the laptop's device id above the sittings, to write on its label.
  await waitForHeading(page, UI.start_heading);
  const [[, device]] = (await storedEntries(page)).filter(([k]) => k === 'qkit.device');
  assert.match(device, DEVICE_ID);
  await page.getByText(fill(UI.this_laptop, { device }), { exact: true }).waitFor();
  await startSitting(page, { reference: 'LOST001', programme: 'tsp', timepoint: 'mid' });
  await waitForHeading(page, BSCS.title.en);
  await page.reload();
  await waitForHeading(page, UI.lock_heading);
  // No assessor key, so no rescue copy: the screen says removal loses the sitting.
  await page.getByText(UI.rescue_none).waitFor();
  const word = page.getByLabel(fill(UI.remove_all_type, { word: UI.remove_all_word }), { exact: true });
  await word.fill('yes');
  await page.getByRole('button', { name: UI.remove_all }).click();
  await page.getByRole('alert').getByText(fill(UI.remove_all_not_confirmed, { word: UI.remove_all_word })).waitFor();
  await axeClean(page, 'lock (remove everything)');
  assert.equal((await storedEntries(page)).filter(([k]) => k.startsWith('qkit.draft.')).length, 1, 'nothing removed');
  await word.fill(UI.remove_all_word.toLowerCase());
  await page.getByRole('button', { name: UI.remove_all }).click();
  await waitForHeading(page, UI.passphrase_set_heading);
  await page.getByText(UI.removed_all_done).waitFor();
  // Everything goes but the laptop's name: removing sittings does not rename it.
  assert.deepEqual(await storedEntries(page), [['qkit.device', device]]);
  await unlock(page, 'a brand new passphrase');
  await waitForHeading(page, UI.start_heading);
  await page.getByText(fill(UI.this_laptop, { device }), { exact: true }).waitFor();
  assert.equal(await page.getByRole('region', { name: UI.drafts_unfinished }).count(), 0);
  await context.close();
});
