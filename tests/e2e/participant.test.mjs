// A whole pre battery driven like a person would: staff set the passphrase, start it and record
// consent, the participant answers every item by role and accessible name, the page is reloaded
// (and unlocked) after every answer, localStorage is checked for plaintext after every answer,
// and the staff completion summary is checked against the real `qkit score` CLI run on the same
// answers. axe-core checks every kind of screen on the way.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, launch, watchErrors, axeViolations, spellcheckedBoxes, ROOT } from './lib/harness.mjs';
import {
  UI, BATTERIES, battery, definition, scaleOf, fill, waitForHeading, startSitting, radioFor, number,
  openApp, unlock, reloadUnlocked, confirmStaff, assertNoPlaintext, DRAFT_WORDS,
} from './lib/sitting.mjs';

const PROGRAMME = 'tsp';
const QUESTIONNAIRES = battery(PROGRAMME, 'pre');
let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

/** Every item of the battery in order, with the answer the participant will give (or null). */
function plan() {
  const items = [];
  for (const q of QUESTIONNAIRES) {
    const offers = (k) => (q.special_answers ?? []).some((s) => s.kind === k);
    for (const item of q.items) {
      const k = items.length;
      const options = scaleOf(q, item).options;
      let answer;
      if (k % 13 === 5 && offers('dont_know')) answer = { special: 'dont_know', csv: 'DK' };
      else if (k % 17 === 9 && offers('dont_understand')) answer = { special: 'dont_understand', csv: 'DU' };
      else if (k % 19 === 11) answer = null;
      else {
        const o = options[(k * 7 + 3) % options.length];
        answer = { value: o.value, label: o.label.en, csv: String(o.value) };
      }
      items.push({ q, item, k, answer });
    }
  }
  return items;
}

/** What must never be readable in storage once these items are answered. */
function needles(answered) {
  const out = ['E2E0001', ...DRAFT_WORDS];
  for (const x of answered) {
    out.push(x.item.id, x.item.text.en);
    if (x.answer?.label) out.push(x.answer.label);
  }
  return out;
}

async function axeClean(page, screen) {
  assert.deepEqual(await axeViolations(page), [], `axe on the ${screen} screen`);
  // No browser spellchecker reads what is typed here (it may send the text away).
  assert.deepEqual(await spellcheckedBoxes(page), [], `spellcheck="false" on the ${screen} screen`);
}

/** Which radio is checked, by accessible name (null when none). */
async function checkedName(page) {
  const checked = page.getByRole('radio', { checked: true });
  if (await checked.count() === 0) return null;
  // The accessibility tree's own line for it: `- radio "<name>" [checked]`.
  const [, name] = (await checked.ariaSnapshot()).match(/^- radio "((?:[^"\\]|\\.)*)"/);
  return JSON.parse(`"${name}"`);
}

function expectedName(answer) {
  if (!answer) return null;
  return answer.special ? UI[`special_${answer.special}`] : answer.label;
}

/** The real CLI's report for one questionnaire's answers. */
function cliReport(q, items) {
  const dir = mkdtempSync(join(tmpdir(), 'qkit-e2e-'));
  const file = join(dir, `${q.id}.csv`);
  const mine = items.filter((x) => x.q.id === q.id);
  const header = ['respondent', ...mine.map((x) => x.item.id)].join(',');
  const row = ['e2e', ...mine.map((x) => x.answer?.csv ?? '')].join(',');
  writeFileSync(file, `${header}\n${row}\n`);
  const out = execFileSync('cargo', ['run', '-q', '-p', 'qkit-cli', '--', 'score',
    '--questionnaire', q.id, '--responses', file, '--format', 'json'], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out)[0].report;
}

/** The lines the summary must show for a report, built from the definition and UI strings. */
function expectedLines(q, report) {
  const lines = [];
  for (const sc of report.scales) {
    const scale = q.scales.find((s) => s.id === sc.scale);
    const name = scale.title.en;
    if (sc.score === null) {
      const r = sc.status.not_scorable.too_few_answered;
      lines.push(fill(UI.score_not_scorable, { scale: name, answered: r.answered, required: r.required }));
      continue;
    }
    let line = fill(UI.score_value, { scale: name, score: number(sc.score) });
    const band = scale.bands?.bands.find((b) => b.id === sc.band);
    if (band) line += ` — ${band.label.en}`;
    if (sc.status === 'prorated') line += ` (${UI.score_prorated})`;
    lines.push(line);
  }
  // Flags are written {"<name>": {evidence}}.
  for (const [flag, f] of report.flags.map((x) => Object.entries(x)[0])) {
    if (flag === 'too_fast') continue; // the CSV carries no timings; see below
    if (flag === 'straight_lining') {
      const name = q.scales.find((s) => s.id === f.scale).title.en;
      lines.push(fill(UI.flag_straight_lining, { scale: name, count: f.n_items }));
    } else if (flag === 'inconsistent_pairs') {
      lines.push(fill(UI.flag_inconsistent, { count: f.pairs.length }));
    } else if (flag === 'high_missingness') {
      lines.push(fill(UI.flag_missing, { missing: f.missing, total: f.n_items }));
    }
  }
  return lines;
}

test('start screen: every programme and its batteries come from the real definitions', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await openApp(page, server.url);
  await waitForHeading(page, UI.start_heading);
  const select = page.getByRole('combobox', { name: UI.start_programme });
  const names = await select.getByRole('option').allTextContents();
  assert.deepEqual(names, BATTERIES.programmes.map((p) => p.name.en));
  for (const p of BATTERIES.programmes) {
    await select.selectOption({ label: p.name.en });
    for (const tp of ['pre', 'mid', 'post']) {
      await page.getByRole('radio', { name: UI[`timepoint_${tp}`], exact: true }).check();
      const titles = p[tp].map((id) => definition(id).short_title.en);
      await page.getByText(titles.join(', '), { exact: true }).waitFor();
    }
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('a full TSP pre battery survives a reload after every answer and its summary matches qkit score', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(server.url);
  await waitForHeading(page, UI.passphrase_set_heading);
  await axeClean(page, 'set passphrase');
  await openApp(page, server.url);
  await startSitting(page, {
    reference: 'E2E0001', programme: PROGRAMME,
    onScreen: (screen) => axeClean(page, screen),
  });

  const items = plan();
  const total = items.length;
  let current = null;
  for (const x of items) {
    // A section screen starts each questionnaire.
    if (current !== x.q.id) {
      await waitForHeading(page, x.q.title.en);
      if (current === null || x.q.id === 'bscs') await axeClean(page, `section (${x.q.id})`);
      current = x.q.id;
      await page.getByRole('button', { name: UI.next, exact: true }).click();
    }
    await waitForHeading(page, x.item.text.en);
    const nq = x.q.items.indexOf(x.item) + 1;
    const bar = page.getByRole('progressbar', { name: fill(UI.progress_battery, { n: x.k + 1, total }), exact: true });
    assert.equal(await bar.getAttribute('value'), String(x.k + 1));
    const qName = fill(UI.progress_questionnaire, { title: x.q.short_title.en, n: nq, total: x.q.items.length });
    await page.getByRole('progressbar', { name: qName, exact: true }).waitFor();
    const group = page.getByRole('radiogroup', { name: x.item.text.en, exact: true });
    await group.waitFor();
    if (x.k === 0) await axeClean(page, 'item');
    if (x.k === 10) {
      // A break hides every answer until staff resume, and survives a reload.
      await radioFor(page, x.answer).check();
      await page.getByRole('button', { name: UI.take_break }).click();
      await waitForHeading(page, UI.break_heading);
      assert.equal(await page.getByRole('radio').count(), 0, 'no answers on the break screen');
      assert.ok(!(await page.content()).includes(x.item.text.en), 'the question is gone too');
      await axeClean(page, 'break');
      await page.reload();
      await waitForHeading(page, UI.lock_heading);
      await axeClean(page, 'lock');
      await unlock(page);
      await waitForHeading(page, UI.break_heading);
      await page.getByRole('button', { name: UI.break_resume }).click();
      await waitForHeading(page, UI.staff_confirm_heading);
      await axeClean(page, 'staff confirmation');
      await confirmStaff(page);
      await waitForHeading(page, x.item.text.en);
      assert.equal(await checkedName(page), expectedName(x.answer), 'the choice made before the break');
    }
    if (x.answer) await radioFor(page, x.answer).check();
    if (x.k === total - 1) {
      // Before finishing: go back through every item and check each answer is still there.
      for (let j = total - 1; j >= 0; j--) {
        const y = items[j];
        await waitForHeading(page, y.item.text.en);
        assert.equal(await checkedName(page), expectedName(y.answer), `answer to ${y.item.id}`);
        if (j > 0) {
          await page.getByRole('button', { name: UI.back, exact: true }).click();
          if (items[j - 1].q.id !== y.q.id) {
            await waitForHeading(page, y.q.title.en);
            await page.getByRole('button', { name: UI.back, exact: true }).click();
          }
        }
      }
      for (let j = 0; j < total - 1; j++) {
        await page.getByRole('button', { name: UI.next, exact: true }).click();
        if (items[j + 1].q.id !== items[j].q.id) {
          await waitForHeading(page, items[j + 1].q.title.en);
          await page.getByRole('button', { name: UI.next, exact: true }).click();
        }
        await waitForHeading(page, items[j + 1].item.text.en);
      }
    }
    await page.getByRole('button', { name: UI.next, exact: true }).click();
    // Reload after every answer: the next screen must come back, with the answer kept.
    const next = items[x.k + 1];
    const expected = !next ? UI.thank_you_heading : next.q.id !== x.q.id ? next.q.title.en : next.item.text.en;
    await waitForHeading(page, expected);
    await assertNoPlaintext(page, needles(items.slice(0, x.k + 1)), `after answering ${x.item.id}`);
    await reloadUnlocked(page);
    await waitForHeading(page, expected);
    if (next && next.q.id === x.q.id) {
      await page.getByRole('button', { name: UI.back, exact: true }).click();
      await waitForHeading(page, x.item.text.en);
      assert.equal(await checkedName(page), expectedName(x.answer), `answer to ${x.item.id} after reload`);
      await page.getByRole('button', { name: UI.next, exact: true }).click();
      await waitForHeading(page, expected);
    }
  }

  // The participant's last screen: thanks, no scores.
  await axeClean(page, 'thank-you');
  assert.ok(!(await page.content()).includes(UI.summary_heading));
  await page.getByRole('button', { name: UI.thank_you_staff }).click();
  await confirmStaff(page);
  await waitForHeading(page, UI.summary_heading);
  await axeClean(page, 'summary');
  await reloadUnlocked(page);
  await waitForHeading(page, UI.summary_heading);

  // The summary against the real CLI, scoring the same answers from a CSV file.
  const answered = items.filter((x) => x.answer?.value !== undefined).length;
  await page.getByText(fill(UI.summary_totals, { count: QUESTIONNAIRES.length, answered, total }), { exact: true }).waitFor();
  for (const q of QUESTIONNAIRES) {
    const card = page.getByRole('region', { name: q.short_title.en, exact: true });
    if (!q.scales?.length) {
      // A kit form is not scored (the CLI refuses it): check its count from the plan.
      const mine = items.filter((x) => x.q.id === q.id && x.answer?.value !== undefined);
      await card.getByText(fill(UI.report_answered, { n: mine.length, total: q.items.length }), { exact: true }).waitFor();
      continue;
    }
    const report = cliReport(q, items);
    await card.getByText(fill(UI.report_answered, { n: report.n_answered, total: report.n_items }), { exact: true }).waitFor();
    const shown = await card.getByRole('listitem').allTextContents();
    const tooFast = fill(UI.flag_too_fast, { median: 'X', min: 'X' }).split('X')[0];
    const comparable = shown.filter((l) => !l.startsWith(tooFast));
    assert.deepEqual(comparable, expectedLines(q, report), `${q.id} summary`);
    if (report.revisit.length) {
      const numbers = report.revisit.map((id) => q.items.findIndex((i) => i.id === id) + 1).join(', ');
      await card.getByText(fill(UI.report_revisit, { items: numbers }), { exact: true }).waitFor();
    }
    assert.ok(comparable.length >= report.scales.length, `${q.id} shows its scores`);
  }
  // No assessor key on this computer: the record cannot leave, and the screen says so.
  await page.getByText(UI.export_no_keys).waitFor();
  await assertNoPlaintext(page, needles(items), 'on the summary');
  assert.deepEqual(errors, []);
  await context.close();
});
