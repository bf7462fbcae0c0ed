// qkit offline for real: after one visit the service worker keeps qkit's own files, so with the
// network switched off the app still loads, runs a battery and exports it; a new version is
// installed without touching stored sittings and staff are told; nothing is ever requested from
// anyone but qkit's own origin, nothing after load goes to the network, and the
// Content-Security-Policy holds (no eval, no inline script).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, watchErrors, axeViolations, ROOT, PARTICIPANT_DIST } from './lib/harness.mjs';
import {
  UI, definition, waitForHeading, startSitting, unlock, confirmStaff, useConfig, storedEntries, answerAll,
} from './lib/sitting.mjs';
import { keygen, accept, exportRecord, qkitDecrypt, answersOf } from './lib/export.mjs';

const dir = mkdtempSync(join(tmpdir(), 'qkit-offline-e2e-'));
const BSCS = definition('bscs');
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Waits until the service worker has taken control of the page (its files are then kept). */
async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 30_000 });
}

/** On the start screen: a TSP mid sitting (consent and the 13 BSCS items) answered and
 * exported; returns the decrypted record and the values given. */
async function answerAndExport(page, key, reference) {
  await startSitting(page, { reference, programme: 'tsp', timepoint: 'mid' });
  await waitForHeading(page, BSCS.title.en);
  await page.getByRole('button', { name: UI.next, exact: true }).click();
  const given = await answerAll(page, BSCS);
  await waitForHeading(page, UI.thank_you_heading);
  await page.getByRole('button', { name: UI.thank_you_staff }).click();
  await confirmStaff(page);
  await waitForHeading(page, UI.summary_heading);
  const { file } = await exportRecord(page, dir);
  return { record: qkitDecrypt(key.file, file), given };
}

/**
 * A first visit: a context offered `key` by the configuration (`prepare(context)` runs before
 * the page opens), the app opened, unlocked, taken over by the service worker, and the key
 * accepted. Returns { context, page, errors }.
 */
async function visitOnce(server, key, prepare = async () => {}) {
  const context = await browser.newContext({ acceptDownloads: true });
  await useConfig(context, { format: 1, recipients: [{ recipient: key.recipient, label: 'Team' }] });
  await prepare(context);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(server.url);
  await unlock(page);
  await controlled(page);
  await accept(page, key.recipient);
  return { context, page, errors };
}

test('after one visit, qkit loads, runs a battery and exports it with the network off', async (t) => {
  const server = await serve();
  t.after(() => server.stop());
  const key = keygen(dir, 'offline');
  const { context, page, errors } = await visitOnce(server, key);

  await context.setOffline(true);
  const failed = [];
  page.on('requestfailed', (r) => failed.push(r.url()));
  await page.reload();
  await unlock(page);
  await waitForHeading(page, UI.start_heading);
  assert.deepEqual(await axeViolations(page), []);
  // The recordings are kept too (the app fetched their manifest above, offline).
  const kept = await page.evaluate(async () => {
    const r = await fetch('audio/ui/handover_text.en.ogg');
    return [r.status, (await r.arrayBuffer()).byteLength > 1000];
  });
  assert.deepEqual(kept, [200, true], 'a recording is there offline');
  const { record, given } = await answerAndExport(page, key, 'OFF0001');
  assert.deepEqual(answersOf(record, 'bscs'), given);
  assert.deepEqual(failed, [], 'nothing the app needed was missing offline');
  assert.deepEqual(errors, []);
  await context.close();
});

const PROBE = `window.__probe = {};
try { window.__probe.eval = eval('"eval ran"'); } catch (e) { window.__probe.eval = e.name; }
try { window.__probe.fn = new Function('return "Function ran"')(); } catch (e) { window.__probe.fn = e.name; }
`;

test('every request stays on qkit\'s own origin, none after load reaches the network, and the CSP holds', async (t) => {
  const site = mkdtempSync(join(tmpdir(), 'qkit-csp-e2e-'));
  cpSync(PARTICIPANT_DIST, site, { recursive: true });
  writeFileSync(join(site, 'probe.js'), PROBE);
  const server = await serve(site);
  t.after(() => server.stop());
  const origin = new URL(server.url).origin;
  const key = keygen(dir, 'network');
  const requests = [];
  const { context, page, errors } = await visitOnce(server, key, async (c) => {
    // Any Content-Security-Policy violation in the page is recorded.
    await c.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    c.on('request', (r) => requests.push(r));
  });

  // Loaded: from here on, a full battery and its export.
  await page.reload();
  await unlock(page);
  await waitForHeading(page, UI.start_heading);
  const afterLoad = requests.length;
  const { record, given } = await answerAndExport(page, key, 'NET0001');
  assert.deepEqual(answersOf(record, 'bscs'), given);

  const foreign = requests.filter((r) => {
    const url = new URL(r.url());
    return !['data:', 'blob:'].includes(url.protocol) && url.origin !== origin;
  });
  assert.deepEqual(foreign.map((r) => r.url()), [], 'no request to anyone else, ever');
  const later = [];
  for (const r of requests.slice(afterLoad)) {
    const url = new URL(r.url());
    if (['data:', 'blob:'].includes(url.protocol)) continue;
    const response = await r.response();
    // Requests the page makes after load are answered by the service worker from its kept
    // files; the service worker's own requests would show here too.
    if (!response?.fromServiceWorker()) later.push(r.url());
  }
  assert.deepEqual(later, [], 'nothing after load went to the network');

  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /'unsafe-eval'|'unsafe-inline'|https?:/);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(errors, []);
  // The policy is enforced: a script of the page's own (probe.js, published beside qkit for this
  // test) may not eval, and inline script does not run. (Playwright's own evaluate is exempt
  // from the page's policy, so the eval is tried from the probe.)
  const probe = await page.evaluate(() => new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = 'probe.js';
    s.onload = () => resolve(window.__probe);
    s.onerror = () => reject(new Error('probe.js did not load'));
    document.head.append(s);
  }));
  assert.deepEqual(probe, { eval: 'EvalError', fn: 'EvalError' });
  const inlineRan = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.body.append(s);
    return window.__inlineRan === true;
  });
  assert.equal(inlineRan, false, 'inline script is blocked');
  assert.ok(errors.every((e) => e.includes('Content Security Policy')), `only the blocked probes: ${errors}`);
  await context.close();
});

test('a new version installs without touching stored sittings; staff are told, and the sitting carries on in it', async (t) => {
  // A copy of the built app, so the test can publish a "new version" of it.
  const site = mkdtempSync(join(tmpdir(), 'qkit-update-e2e-'));
  cpSync(PARTICIPANT_DIST, site, { recursive: true });
  const server = await serve(site);
  t.after(() => server.stop());
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(server.url);
  await unlock(page);
  await controlled(page);
  await startSitting(page, { reference: 'UPD0001', programme: 'tsp', timepoint: 'mid' });
  await waitForHeading(page, BSCS.title.en);
  await page.getByRole('button', { name: UI.next, exact: true }).click();
  await waitForHeading(page, BSCS.items[0].text.en);
  const option = BSCS.response_scales[0].options[3];
  await page.getByRole('radio', { name: option.label.en, exact: true }).check();
  await page.getByRole('button', { name: UI.next, exact: true }).click();
  await waitForHeading(page, BSCS.items[1].text.en);

  // Publish a new version: a changed stylesheet and so a new service worker version.
  writeFileSync(join(site, 'style.css'), `${readFileSync(join(site, 'style.css'), 'utf8')}\n/* v2 */\n`);
  const sw = readFileSync(join(site, 'sw.js'), 'utf8');
  writeFileSync(join(site, 'sw.js'), sw.replace(/const VERSION = "[^"]+"/, 'const VERSION = "next-version"'));

  await page.reload();
  await unlock(page);
  // Back on the item; the new version is installed in the background, not used yet.
  await waitForHeading(page, BSCS.items[1].text.en);
  const stored = await storedEntries(page);
  await page.waitForFunction(() => window.qkitUpdateReady === true, null, { timeout: 30_000 });
  assert.deepEqual(await storedEntries(page), stored, 'installing touched no stored sitting');

  // Not shown to the participant; staff see it on their screens once they close the sitting.
  assert.equal(await page.getByText(UI.update_ready).count(), 0, 'not shown to the participant');
  await page.getByRole('button', { name: UI.staff_button, exact: true }).click();
  await confirmStaff(page);
  await page.getByRole('button', { name: UI.staff_close, exact: true }).click();
  await waitForHeading(page, UI.start_heading);
  await page.getByRole('status').getByText(UI.update_ready).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await page.getByRole('button', { name: UI.update_apply, exact: true }).click();
  // The page reloads under the new version: unlock, resume the sitting, the answer is there.
  await unlock(page);
  await page.waitForFunction(() => document.querySelector('link[rel=stylesheet]') !== null);
  const css = await page.evaluate(async () => (await fetch('style.css')).text());
  assert.ok(css.includes('/* v2 */'), 'the new version is in use');
  await waitForHeading(page, UI.start_heading);
  await page.getByRole('button', { name: UI.resume_sitting.replace('{participant}', 'UPD0001') }).click();
  await waitForHeading(page, BSCS.items[1].text.en);
  await page.getByRole('button', { name: UI.back, exact: true }).click();
  await waitForHeading(page, BSCS.items[0].text.en);
  assert.ok(await page.getByRole('radio', { name: option.label.en, exact: true }).isChecked());
  assert.deepEqual(errors, []);
  await context.close();
});
