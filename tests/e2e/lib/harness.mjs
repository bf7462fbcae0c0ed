// Shared end-to-end test harness: serves the built kits on a free loopback port, drives Debian's
// Chromium headless through playwright-core, and checks pages with axe-core. Tests find things
// by role and accessible name, the way a person or a screen reader does.
import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const require = createRequire(join(ROOT, 'tools', 'package.json'));
export const { chromium } = require('playwright-core');
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--disable-default-apps', '--disable-extensions',
  '--metrics-recording-only', '--no-default-browser-check',
];

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** The participant kit's folder, and the assessor area's. */
export const PARTICIPANT_DIST = join(ROOT, 'dist', 'participant');
export const ASSESSOR_DIST = join(ROOT, 'dist', 'assessor');

/**
 * Serves `dir` (default: $QKIT_DIST, else both kits from one place: dist/participant/, then
 * dist/assessor/ for what the first lacks) and resolves to { url, stop }. `flags`: e.g.
 * ['--gzip'].
 */
export async function serve(dir = process.env.QKIT_DIST || `${PARTICIPANT_DIST}:${ASSESSOR_DIST}`, flags = []) {
  const port = await freePort();
  const proc = spawn('python3', [join(ROOT, 'tools', 'serve.py'), dir, '127.0.0.1', String(port), '-q', ...flags],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve, reject) => {
    proc.stdout.once('data', resolve);
    proc.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}/`, stop: () => proc.kill() };
}

/** Launches headless Chromium with a fresh, throwaway profile. */
export async function launch(options = {}) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    ...options,
  });
}

/** A persistent profile (for close-and-reopen tests); returns { context, close, dir }. */
export async function launchPersistent(dir = mkdtempSync(join(tmpdir(), 'qkit-profile-')), options = {}) {
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    ...options,
  });
  return { context, dir, close: () => context.close(), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Fails on any console error or uncaught exception in the page. */
export function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  return errors;
}

/**
 * Runs axe-core on the page and returns its violations, each as a readable line.
 * axe is evaluated through DevTools, so the page's Content-Security-Policy stays in force.
 */
export async function axeViolations(page) {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  return violations;
}

/**
 * The free-text boxes on the page (textareas, and inputs a person types words into) that a
 * browser's spellchecker may read, which can send their text away: each one's id or name, for
 * those without spellcheck="false" and autocomplete="off". A DOM attribute check, not a role:
 * the attribute has no accessible meaning.
 */
export async function spellcheckedBoxes(page) {
  return page.evaluate(() => {
    const typed = ['text', 'search', 'password', 'email', 'url', 'tel', 'number'];
    return [...document.querySelectorAll('textarea, input')]
      .filter((el) => el.tagName === 'TEXTAREA' || typed.includes(el.type))
      .filter((el) => el.getAttribute('spellcheck') !== 'false' || el.getAttribute('autocomplete') !== 'off')
      .map((el) => el.id || el.name || el.outerHTML.slice(0, 80));
  });
}

/** Makes localStorage writes in `context` fail as a full disk while `window.qkitFull` is true. */
export async function switchableQuota(context) {
  await context.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (window.qkitFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  });
}
