// Crash safety, proven end to end: a whole pre battery (MFMC, 45 items in five questionnaires) in
// one persistent browser profile, and after every answer one disruption chosen by a seeded
// random number generator: a reload, the browser closed and opened again on the same profile, or
// the page's renderer process killed (DevTools `Page.crash`) and a new page opened. After each,
// staff unlock again (the drafts' key never survives) and the participant carries on from the
// screen the app comes back to, which must be the screen he left, with his choice still marked.
// Some answers are changed on the same screen (not a change of answer) and some after going back
// (a change: it keeps a history entry). At the end the record is exported, opened with
// `qkit decrypt`, and every item is checked: each answer present exactly once, equal to the last
// one given, with a history entry for each change made after coming back and for no other.
//
// The seed is printed; QKIT_CRASH_SEED=<n> repeats a run.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launchPersistent, watchErrors, ROOT } from './lib/harness.mjs';
import {
  UI, battery, scaleOf, fill, waitForHeading, startSitting, unlock, confirmStaff, useConfig,
} from './lib/sitting.mjs';
import { mulberry32, fingerprint } from './lib/hardening.mjs';

const PROGRAMME = 'mfmc';
const QUESTIONNAIRES = battery(PROGRAMME, 'pre');
const SEED = Number(process.env.QKIT_CRASH_SEED ?? 20261123);
const WORK = mkdtempSync(join(tmpdir(), 'qkit-crash-e2e-'));
let server, browser;
after(async () => {
  await browser?.close().catch(() => {});
  server?.stop();
  rmSync(WORK, { recursive: true, force: true });
});

/** Every choice an item offers: its options, then the special answers its questionnaire offers. */
function choicesFor(q, item) {
  const options = scaleOf(q, item).options;
  const codes = new Set(options.map((o) => o.code).filter(Boolean));
  const special = (q.special_answers ?? []).map((s) => s.kind).filter((k) => !codes.has(k));
  return [
    ...options.map((o) => ({ name: o.label.en, answer: { value: o.value } })),
    ...special.map((k) => ({ name: UI[`special_${k}`], answer: { special: k } })),
  ];
}

/** The items of the battery in order, each with its questionnaire and choices. */
function items() {
  return QUESTIONNAIRES.flatMap((q) => q.items.map((item) => ({ q, item, choices: choicesFor(q, item) })));
}

/** An answer as the record writes it: {"value": n} or {"special": "kind"}. */
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

test('a full battery survives a reload, a closed browser or a killed renderer after every answer, with every answer kept exactly once', async (t) => {
  const started = Date.now();
  const random = mulberry32(SEED);
  const pick = (list) => list[Math.floor(random() * list.length)];
  t.diagnostic(`seed ${SEED} (QKIT_CRASH_SEED=${SEED} repeats this run)`);
  console.log(`hardening-crash: seed ${SEED}`);

  const keyFile = join(WORK, 'team.txt');
  execFileSync('age-keygen', ['-o', keyFile], { stdio: 'ignore' });
  const recipient = /# public key: (age1\w+)/.exec(readFileSync(keyFile, 'utf8'))[1];
  const config = { format: 1, recipients: [{ recipient, label: 'Assessment team' }] };
  server = await serve();
  const profile = join(WORK, 'profile');
  const errors = [];
  const log = [];
  const counts = { reload: 0, reopen: 0, crash: 0 };
  const ms = { reload: 0, reopen: 0, crash: 0 };

  browser = await launchPersistent(profile, { acceptDownloads: true });
  await useConfig(browser.context, config);
  let page = browser.context.pages()[0] ?? await browser.context.newPage();
  const watch = (p) => { const e = watchErrors(p); return () => e; };
  let pageErrors = watch(page);
  const collect = () => errors.push(...pageErrors());

  /** Opens the app in `page` and unlocks it. */
  async function open() {
    await page.goto(server.url);
    await unlock(page);
  }

  /** One disruption, then the app opened and unlocked again. */
  async function disrupt(kind) {
    const t0 = Date.now();
    if (kind === 'reload') {
      await page.reload();
      await unlock(page);
    } else if (kind === 'reopen') {
      collect();
      await browser.close();
      browser = await launchPersistent(profile, { acceptDownloads: true });
      await useConfig(browser.context, config);
      page = browser.context.pages()[0] ?? await browser.context.newPage();
      pageErrors = watch(page);
      await open();
    } else {
      collect();
      const crashed = page.waitForEvent('crash');
      const cdp = await browser.context.newCDPSession(page);
      // The renderer dies before it can answer, so the call itself never resolves.
      cdp.send('Page.crash').catch(() => {});
      await crashed;
      await page.close().catch(() => {});
      page = await browser.context.newPage();
      pageErrors = watch(page);
      await open();
    }
    counts[kind] += 1;
    ms[kind] += Date.now() - t0;
    log.push(kind);
  }
  const disruptAny = () => disrupt(pick(['reload', 'reopen', 'crash']));

  // Staff set the passphrase, accept the configured key, and start the sitting.
  await open();
  await waitForHeading(page, UI.start_heading);
  await page.getByRole('button', { name: fill(UI.keys_accept, { fingerprint: fingerprint(recipient) }) }).click();
  await page.getByText(UI.no_keys_warning).waitFor({ state: 'detached' });
  await startSitting(page, { reference: 'CRASH01', programme: PROGRAMME });

  const all = items();
  const given = new Map(); // item id -> { answer, history: [previous answers] }
  const heading = async (text) => {
    try {
      await waitForHeading(page, text);
    } catch (e) {
      const shown = await page.getByRole('heading', { level: 1 }).allInnerTexts().catch(() => []);
      throw new Error(`expected "${text}", the app shows ${JSON.stringify(shown)} after ${log.join(', ')} (seed ${SEED})`);
    }
  };
  const radio = (name) => page.getByRole('radio', { name, exact: true });
  const next = () => page.getByRole('button', { name: UI.next, exact: true }).click();
  const back = () => page.getByRole('button', { name: UI.back, exact: true }).click();
  /** The heading the app should show after item `k` is left. */
  const after = (k) => {
    const x = all[k + 1];
    if (!x) return UI.thank_you_heading;
    return x.q.id !== all[k].q.id ? x.q.title.en : x.item.text.en;
  };
  let changesAfterReturn = 0;
  let changesSameScreen = 0;
  let skipped = 0;

  for (const [k, x] of all.entries()) {
    if (k === 0 || x.q.id !== all[k - 1].q.id) {
      await heading(x.q.title.en);
      await next();
    }
    await heading(x.item.text.en);
    // The answer: mostly one choice; sometimes first another on the same screen; now and then none.
    const roll = random();
    let final = null;
    if (roll < 0.05) {
      skipped += 1;
    } else {
      if (roll < 0.15) {
        const first = pick(x.choices);
        await radio(first.name).check();
        changesSameScreen += 1;
      }
      final = pick(x.choices);
      await radio(final.name).check();
      given.set(x.item.id, { answer: final.answer, history: [] });
    }
    // Disrupted either with the choice made (not yet recorded) or after leaving the item.
    if (final && random() < 0.5) {
      await disruptAny();
      await heading(x.item.text.en);
      assert.ok(await radio(final.name).isChecked(), `${x.item.id}: the choice survives (seed ${SEED})`);
      await next();
      await heading(after(k));
    } else {
      await next();
      await heading(after(k));
      await disruptAny();
      await heading(after(k));
    }
    // Now and then, the participant goes back from the next item and changes his answer.
    const nextItem = all[k + 1];
    if (final && nextItem && nextItem.q.id === x.q.id && random() < 0.12) {
      await back();
      await heading(x.item.text.en);
      assert.ok(await radio(final.name).isChecked(), `${x.item.id}: the recorded answer is shown`);
      const other = pick(x.choices.filter((c) => c.name !== final.name));
      await radio(other.name).check();
      await next();
      await heading(after(k));
      const entry = given.get(x.item.id);
      entry.history.push(entry.answer);
      entry.answer = other.answer;
      changesAfterReturn += 1;
      await disruptAny();
      await heading(after(k));
    }
  }

  // Staff see the summary and export the record.
  await page.getByRole('button', { name: UI.thank_you_staff }).click();
  await confirmStaff(page);
  await heading(UI.summary_heading);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: UI.export_button }).click(),
  ]);
  const sealed = join(WORK, download.suggestedFilename());
  await download.saveAs(sealed);
  collect();
  await browser.close();
  server.stop();

  const out = execFileSync('cargo', ['run', '-q', '-p', 'qkit-cli', '--', 'decrypt', '-i', keyFile, '-o', '-', sealed],
    { cwd: ROOT, encoding: 'utf8' });
  const record = JSON.parse(out);
  assert.equal(record.participant, 'CRASH01');
  assert.deepEqual(record.questionnaires.map((q) => q.id), ['consent', ...QUESTIONNAIRES.map((q) => q.id)]);
  for (const q of QUESTIONNAIRES) {
    const answers = record.questionnaires.find((r) => r.id === q.id).answers;
    const ids = answers.map((a) => a.item);
    assert.equal(new Set(ids).size, ids.length, `${q.id}: an item recorded twice: ${ids} (seed ${SEED})`);
    for (const item of q.items) {
      const want = given.get(item.id);
      const got = answers.find((a) => a.item === item.id);
      if (!want) {
        assert.equal(got, undefined, `${item.id}: never answered, so not in the record (seed ${SEED})`);
        continue;
      }
      assert.ok(got, `${item.id}: answered but missing from the record (seed ${SEED})`);
      assert.ok(same(got.answer, want.answer), `${item.id}: ${JSON.stringify(got.answer)} != ${JSON.stringify(want.answer)} (seed ${SEED})`);
      assert.deepEqual(got.history.map((h) => h.answer), want.history, `${item.id}: history (seed ${SEED})`);
    }
  }
  assert.deepEqual(errors, []);
  const total = counts.reload + counts.reopen + counts.crash;
  const line = (k) => `${k} ${counts[k]}× (${counts[k] ? Math.round(ms[k] / counts[k]) : 0} ms each)`;
  t.diagnostic(`${all.length} items, ${given.size} answered, ${skipped} left blank, ${changesSameScreen} changed on the same screen, `
    + `${changesAfterReturn} changed after going back; ${total} disruptions: ${line('reload')}, ${line('reopen')}, ${line('crash')}; `
    + `${Math.round((Date.now() - started) / 1000)} s in all`);
});
