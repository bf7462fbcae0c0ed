// Helpers for tests that export a sitting: make an assessor key, accept it on the start screen
// by its fingerprint, seal and download a record, and open it with the real CLI.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { ROOT } from './harness.mjs';
import { UI, fill } from './sitting.mjs';

/** A new age identity written by `age-keygen` into `dir`: { file, recipient }. */
export function keygen(dir, name) {
  const file = join(dir, `${name}.txt`);
  execFileSync('age-keygen', ['-o', file], { stdio: 'ignore' });
  const recipient = /# public key: (age1\w+)/.exec(readFileSync(file, 'utf8'))[1];
  return { file, recipient };
}

/** The fingerprint qkit shows: SHA-256 of the age1… text, first 8 bytes, in four groups. */
export function fingerprint(recipient) {
  const hex = createHash('sha256').update(recipient).digest('hex').slice(0, 16).toUpperCase();
  return hex.match(/.{4}/g).join('-');
}

/** Opens a sealed file with the real CLI and returns the record. */
export function qkitDecrypt(identity, file) {
  const out = execFileSync('cargo', ['run', '-q', '-p', 'qkit-cli', '--', 'decrypt', '-i', identity, file, '-o', '-'],
    { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out);
}

/** The values a record holds for questionnaire `id`, by item id (as `answerAll` returns them). */
export function answersOf(record, id) {
  const q = record.questionnaires.find((x) => x.id === id);
  return Object.fromEntries(q.answers.map((a) => [a.item, a.answer.value]));
}

/** On the start screen: accepts a key shown (offered or pasted) with its fingerprint. */
export async function accept(page, recipient) {
  await page.getByText(fingerprint(recipient), { exact: true }).waitFor();
  await page.getByRole('button', { name: fill(UI.keys_accept, { fingerprint: fingerprint(recipient) }) }).click();
  await page.getByRole('region', { name: UI.keys_heading })
    .getByRole('listitem').filter({ hasText: fingerprint(recipient) })
    .getByRole('button', { name: UI.keys_remove, exact: true }).waitFor();
}

/** Seals the record on the summary (or declined) screen into `dir`; returns { file, name, ms }. */
export async function exportRecord(page, dir) {
  const t0 = Date.now();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: UI.export_button }).click(),
  ]);
  const ms = Date.now() - t0;
  const name = download.suggestedFilename();
  const file = join(dir, name);
  await download.saveAs(file);
  return { file, name, ms };
}
