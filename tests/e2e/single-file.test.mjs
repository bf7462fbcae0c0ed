// The single-file kit, opened straight from a folder as from a USB stick (file://, no server):
// qkit.html runs a battery and exports it sealed to the key its maker embedded, and
// qkit-assessor.html opens that file in the same way. Nothing is requested from anywhere but
// the page's own file, and the Content-Security-Policy allows only the hashed inline script and
// style (no 'unsafe-inline', no 'unsafe-eval') and no network.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, watchErrors, axeViolations, ROOT, PARTICIPANT_DIST, ASSESSOR_DIST } from './lib/harness.mjs';
import { UI, definition, waitForHeading, startSitting, unlock, confirmStaff, answerAll } from './lib/sitting.mjs';
import { keygen, accept, exportRecord, qkitDecrypt, answersOf } from './lib/export.mjs';
import { UI as AUI, heading, ui, held } from './lib/assessor.mjs';

const WORK = mkdtempSync(join(tmpdir(), 'qkit-single-file-e2e-'));
const BSCS = definition('bscs');
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** A "USB stick": the single-file kits built from each kit's folder with `config` as the kit
 * configuration. */
function stick(config) {
  const usb = join(WORK, 'usb');
  mkdirSync(usb);
  for (const [from, file] of [[PARTICIPANT_DIST, 'qkit.html'], [ASSESSOR_DIST, 'qkit-assessor.html']]) {
    const dist = join(WORK, file);
    cpSync(from, dist, { recursive: true });
    writeFileSync(join(dist, 'qkit-config.json'), JSON.stringify(config));
    execFileSync('python3', [join(ROOT, 'tools', 'single_file.py'), dist], { stdio: 'ignore' });
    cpSync(join(dist, file), join(usb, file));
  }
  cpSync(join(PARTICIPANT_DIST, 'audio'), join(usb, 'audio'), { recursive: true });
  return usb;
}

/** Records every request a context makes. */
function requests(context) {
  const seen = [];
  context.on('request', (r) => seen.push(r.url()));
  return seen;
}

async function policy(page) {
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp, /script-src 'sha256-[^']+' 'wasm-unsafe-eval';/);
  assert.match(csp, /style-src 'sha256-[^']+';/);
  assert.match(csp, /connect-src 'none'/);
  assert.doesNotMatch(csp, /'unsafe-eval'|'unsafe-inline'|https?:/);
}

test('qkit.html from a folder runs a battery and exports it; qkit-assessor.html opens the file', async () => {
  const key = keygen(WORK, 'team');
  const usb = stick({ format: 1, recipients: [{ recipient: key.recipient, label: 'Assessment team' }] });
  const context = await browser.newContext({ acceptDownloads: true });
  const seen = requests(context);
  const page = await context.newPage();
  const errors = watchErrors(page);

  const t0 = Date.now();
  const url = pathToFileURL(join(usb, 'qkit.html')).href;
  await page.goto(url);
  await unlock(page);
  const startMs = Date.now() - t0;
  await policy(page);
  // The key embedded in the page is offered with its fingerprint.
  await accept(page, key.recipient);
  await waitForHeading(page, UI.start_heading);
  assert.deepEqual(await axeViolations(page), []);
  // The participant's kit does not point at the assessor area: the team's key stays off it.
  const links = await page.getByRole('link').evaluateAll((as) => as.map((a) => a.href));
  assert.deepEqual(links.filter((h) => h.includes('assessor')), [], 'no link to the assessor area');
  // Recorded audio kept in a folder beside the file plays (the policy allows media from there),
  // WAV and the generated Ogg Opus alike; the page carries the folder's manifest.
  for (const file of ['audio/about_you/language_1.en.wav', 'audio/ui/handover_text.en.ogg']) {
    const audio = await page.evaluate((src) => new Promise((resolve) => {
      const a = new Audio(src);
      a.oncanplaythrough = () => resolve('playable');
      a.onerror = () => resolve(`error ${a.error?.code}`);
      a.load();
    }), file);
    assert.equal(audio, 'playable', file);
  }
  const manifest = await page.evaluate(() => document.getElementById('qkit-file:audio/manifest.json')?.textContent);
  assert.ok(JSON.parse(manifest).recordings['ui/handover_text.en.ogg'], 'the manifest is in the page');

  await startSitting(page, { reference: 'USB0001', programme: 'tsp', timepoint: 'mid' });
  await waitForHeading(page, BSCS.title.en);
  await page.getByRole('button', { name: UI.next, exact: true }).click();
  const given = await answerAll(page, BSCS, { choose: (i) => i * 3 });
  // A reload from the file keeps the finished sitting (storage works from file:// too).
  await page.reload();
  await unlock(page);
  await waitForHeading(page, UI.thank_you_heading);
  await page.getByRole('button', { name: UI.thank_you_staff }).click();
  await confirmStaff(page);
  await waitForHeading(page, UI.summary_heading);
  const { file } = await exportRecord(page, WORK);
  const record = qkitDecrypt(key.file, file);
  assert.deepEqual(answersOf(record, 'bscs'), given);
  assert.equal(record.participant, 'USB0001');

  // The assessor's single file, from the same folder, opens the exported file.
  const assessor = await context.newPage();
  const assessorErrors = watchErrors(assessor);
  await assessor.goto(pathToFileURL(join(usb, 'qkit-assessor.html')).href);
  await heading(assessor, AUI.assessor_unlock_heading);
  await policy(assessor);
  await assessor.getByRole('textbox', { name: AUI.assessor_unlock_paste }).fill(readFileSync(key.file, 'utf8'));
  await assessor.getByRole('button', { name: AUI.assessor_unlock_button, exact: true }).click();
  await heading(assessor, AUI.assessor_import_heading);
  await assessor.getByLabel(AUI.assessor_import_choose).setInputFiles([file]);
  await assessor.getByText(held(1, 1)).waitFor();
  assert.deepEqual(await axeViolations(assessor), []);

  const pages = [url, pathToFileURL(join(usb, 'qkit-assessor.html')).href];
  const own = (u) => pages.includes(u) || u.startsWith(pathToFileURL(join(usb, 'audio')).href)
    || u.startsWith('blob:') || u.startsWith('data:');
  assert.deepEqual(seen.filter((u) => !own(u)), [], 'nothing requested but the pages and their audio');
  assert.deepEqual(errors, []);
  assert.deepEqual(assessorErrors, []);
  console.log(`single-file: qkit.html opened and unlocked in ${startMs} ms`);
  await context.close();
});
