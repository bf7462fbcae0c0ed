// Literacy and accessibility, end to end: axe-core on every participant screen in every
// presentation mode (normal, easy-read, pictorial, large and very large text, high contrast,
// Welsh), a whole battery by keyboard alone, read-aloud (question then options, with
// speechSynthesis intercepted in the page), a recorded audio file played instead of synthetic
// speech, a plain message when neither exists, 200% zoom and a touch tablet, and the language
// switched by staff mid-battery with answers kept.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, watchErrors, axeViolations } from './lib/harness.mjs';
import { withoutRecordings, recordPlays } from './lib/recordings.mjs';
import {
  UI, UI_CY, definition, fill, waitForHeading, startSitting, openApp, unlock, confirmStaff,
  useConfig, PASSPHRASE, MODES,
} from './lib/sitting.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const ABOUT = definition('about_you');
const BSCS = definition('bscs');
const next = (page, ui = UI) => page.getByRole('button', { name: ui.next, exact: true }).click();

async function axeClean(page, screen) {
  assert.deepEqual(await axeViolations(page), [], `axe on ${screen}`);
}

test('axe finds nothing on any participant screen, in every presentation mode', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'qkit-a11y-'));
  const key = join(dir, 'key.txt');
  execFileSync('age-keygen', ['-o', key], { stdio: 'ignore' });
  const recipient = /# public key: (age1\w+)/.exec(readFileSync(key, 'utf8'))[1];
  for (const [mode, choices] of Object.entries(MODES)) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    await useConfig(context, { format: 1, recipients: [{ recipient, label: 'Team' }] });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await openApp(page, server.url);
    const full = mode === 'normal';
    if (full) {
      await waitForHeading(page, UI.start_heading);
      const accept = fill(UI.keys_accept, { fingerprint: 'X' }).split('X');
      await page.getByRole('button', { name: new RegExp(`^${accept[0]}.*${accept[1]}$`) }).click();
      await axeClean(page, 'start (key accepted)');
    }
    await startSitting(page, {
      reference: 'ACC0001', programme: 'tsp', timepoint: 'pre', ...choices,
      onScreen: (screen) => (full || screen === 'consent') && axeClean(page, `${screen} (${mode})`),
    });
    const l = choices.language ?? 'en';
    const ui = l === 'cy' ? UI_CY : UI;
    await waitForHeading(page, ABOUT.title[l]);
    await axeClean(page, `section (${mode})`);
    await next(page, ui);
    const item = ABOUT.items[0];
    const text = (choices.support ?? []).includes('support_easy_read') ? item.easy_read[l] : item.text[l];
    await waitForHeading(page, text);
    await axeClean(page, `item (${mode})`);
    if (full) {
      await page.getByRole('button', { name: UI.take_break }).click();
      await waitForHeading(page, UI.break_heading);
      await axeClean(page, 'break');
      await page.getByRole('button', { name: UI.break_resume }).click();
      await waitForHeading(page, UI.staff_confirm_heading);
      await axeClean(page, 'staff step');
      await confirmStaff(page);
      // Staff mode with its presentation controls.
      await page.getByRole('button', { name: UI.staff_button, exact: true }).click();
      await confirmStaff(page);
      await page.getByRole('region', { name: UI.staff_mode_heading }).waitFor();
      await axeClean(page, 'staff mode');
      await page.getByRole('button', { name: UI.staff_leave }).click();
      // The rest of the battery by number keys, to the thank-you, summary and export screens.
      for (;;) {
        const h = await page.getByRole('heading', { level: 1 }).textContent();
        if (h === UI.thank_you_heading) break;
        await page.keyboard.press('1');
        await page.keyboard.press('Enter');
        await page.waitForFunction((old) => document.querySelector('h1')?.textContent !== old, h);
      }
      await axeClean(page, 'thank-you');
      await page.getByRole('button', { name: UI.thank_you_staff }).click();
      await confirmStaff(page);
      await waitForHeading(page, UI.summary_heading);
      await axeClean(page, 'summary');
      await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: UI.export_button }).click(),
      ]);
      await page.getByRole('status').getByText(/\.age/).waitFor();
      await axeClean(page, 'export made');
    }
    assert.deepEqual(errors, [], mode);
    await context.close();
  }
});

test('a whole battery can be done with the keyboard alone', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await waitForHeading(page, UI.passphrase_set_heading);
  /** Presses Tab until `target` (found by role or label and accessible name) has the focus. */
  const tabTo = async (target) => {
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      if (await target.evaluate((el) => el === document.activeElement)) return;
    }
    throw new Error(`never reached ${target} with Tab`);
  };
  const label = (name) => page.getByLabel(name, { exact: true });
  const button = (name) => page.getByRole('button', { name, exact: true });
  const radio = (name) => page.getByRole('radio', { name, exact: true });
  await tabTo(label(UI.passphrase_new));
  await page.keyboard.type(PASSPHRASE);
  await tabTo(label(UI.passphrase_repeat));
  await page.keyboard.type(PASSPHRASE);
  await page.keyboard.press('Enter');
  await waitForHeading(page, UI.start_heading);
  await tabTo(label(UI.start_reference));
  await page.keyboard.type('KEY0001');
  await tabTo(radio(UI.timepoint_pre));
  await page.keyboard.press('ArrowRight'); // to "Part-way through": TSP mid, consent and BSCS
  await tabTo(button(UI.start_button));
  await page.keyboard.press('Enter');
  const consent = definition('consent');
  await waitForHeading(page, consent.title.en);
  const yes = consent.response_scales[0].options.find((o) => o.code === 'yes');
  await tabTo(radio(yes.label.en));
  await page.keyboard.press('Space');
  await tabTo(button(UI.consent_record));
  await page.keyboard.press('Enter');
  await waitForHeading(page, UI.handover_heading);
  await tabTo(button(UI.handover_start));
  await page.keyboard.press('Enter');
  await waitForHeading(page, UI.practice_question);
  await page.keyboard.press('Enter'); // past the practice question
  await waitForHeading(page, BSCS.title.en);
  await page.keyboard.press('Enter');
  for (const [i, item] of BSCS.items.entries()) {
    await waitForHeading(page, item.text.en);
    const focused = await page.evaluate(() => document.activeElement.id);
    assert.equal(focused, 'screen-heading', 'focus starts at the question');
    await page.keyboard.press(String(1 + (i % 5)));
    await page.keyboard.press('Enter');
  }
  await waitForHeading(page, UI.thank_you_heading);
  await tabTo(button(UI.thank_you_staff));
  await page.keyboard.press('Enter');
  await waitForHeading(page, UI.staff_confirm_heading);
  if (await page.getByLabel(UI.passphrase_label, { exact: true }).count()) {
    await tabTo(label(UI.passphrase_label));
    await page.keyboard.type(PASSPHRASE);
  } else {
    await tabTo(button(UI.staff_confirm_yes));
  }
  await page.keyboard.press('Enter');
  await waitForHeading(page, UI.summary_heading);
  await page.getByText(fill(UI.summary_totals, { count: 1, answered: 13, total: 13 })).waitFor();
  await context.close();
});

/** Replaces speechSynthesis with a recorder that has an English and a Welsh voice. */
function stubSpeech() {
  window.__spoken = [];
  const voice = (name, lang) => Object.create(SpeechSynthesisVoice.prototype, {
    name: { value: name }, voiceURI: { value: `stub-${lang}` }, lang: { value: lang },
    default: { value: lang === 'en-GB' }, localService: { value: true },
  });
  const voices = [voice('Stub English', 'en-GB'), voice('Stub Welsh', 'cy'), voice('Stub English 2', 'en-US')];
  // A plain utterance: the browser's own refuses voices that are not its own.
  window.SpeechSynthesisUtterance = class extends EventTarget {
    constructor(text) { super(); this.text = text; this.lang = ''; this.voice = null; this.rate = 1; }
  };
  const synth = new EventTarget();
  synth.getVoices = () => voices;
  synth.speak = (u) => {
    window.__spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.voiceURI, rate: u.rate });
    setTimeout(() => u.onend?.(new Event('end')), 0);
  };
  synth.cancel = () => {};
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
}

test('read-aloud on: each new question is spoken, then its options, and pointing at an option reads it', async () => {
  const context = await browser.newContext();
  await withoutRecordings(context);
  await context.addInitScript(stubSpeech);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await openApp(page, server.url);
  await startSitting(page, { reference: 'RA0001', programme: 'tsp', timepoint: 'mid', support: ['support_read_aloud'] });
  await waitForHeading(page, BSCS.title.en);
  // The section screen is read aloud too (its last text is the instructions): let it finish.
  await page.waitForFunction((t) => window.__spoken.some((s) => s.text === t), BSCS.instructions.en);
  await page.evaluate(() => window.__spoken.splice(0));
  await next(page);
  const specials = (BSCS.special_answers ?? []).map((s) => UI[`special_${s.kind}`]);
  const options = BSCS.response_scales[0].options.map((o) => o.label.en);
  for (const item of BSCS.items.slice(0, 3)) {
    await waitForHeading(page, item.text.en);
    const expected = [item.text.en, ...options, ...specials];
    await page.waitForFunction((n) => window.__spoken.length >= n, expected.length);
    const spoken = await page.evaluate(() => window.__spoken.splice(0));
    assert.deepEqual(spoken.map((s) => s.text), expected, `read aloud on ${item.id}`);
    assert.ok(spoken.every((s) => s.lang === 'en' && s.voice === 'stub-en-GB' && Math.abs(s.rate - 0.9) < 1e-6));
    await page.getByRole('radio', { name: options[1], exact: true }).check();
    await page.evaluate(() => window.__spoken.splice(0));
    await next(page);
  }
  // Once the question has been read, pointing at an option reads its label, and "Hear the
  // question again" reads it all again.
  const n = 1 + options.length + specials.length;
  await page.waitForFunction((k) => window.__spoken.length >= k, n);
  await page.evaluate(() => window.__spoken.splice(0));
  await page.getByRole('radio', { name: options[3], exact: true }).hover();
  await page.waitForFunction((t) => window.__spoken.some((s) => s.text === t), options[3]);
  await page.evaluate(() => window.__spoken.splice(0));
  await page.getByRole('button', { name: UI.hear_again }).click();
  await page.waitForFunction((t) => window.__spoken[0]?.text === t, BSCS.items[3].text.en);
  assert.deepEqual(errors, []);
  await context.close();
});

test('staff set the speaking rate and the voice for each language, and they are used', async () => {
  const context = await browser.newContext();
  await context.addInitScript(stubSpeech);
  const page = await context.newPage();
  await openApp(page, server.url);
  const settings = page.getByRole('region', { name: UI.speech_heading });
  await settings.getByRole('slider', { name: UI.speech_rate }).fill('12');
  await settings.getByRole('combobox', { name: fill(UI.speech_voice_for, { language: 'English' }) })
    .selectOption({ label: 'Stub English 2 (en-US)' });
  await settings.getByRole('button', { name: fill(UI.speech_try, { language: 'English' }) }).click();
  await page.waitForFunction(() => window.__spoken.length > 0);
  const [said] = await page.evaluate(() => window.__spoken.splice(0));
  assert.equal(said.text, UI.speech_sample);
  assert.equal(said.voice, 'stub-en-US');
  assert.ok(Math.abs(said.rate - 1.2) < 1e-6, `rate ${said.rate}`);
  await settings.getByRole('button', { name: fill(UI.speech_try, { language: 'Cymraeg' }) }).click();
  await page.waitForFunction(() => window.__spoken.length > 0);
  const [welsh] = await page.evaluate(() => window.__spoken.splice(0));
  assert.deepEqual([welsh.text, welsh.voice, welsh.lang], [UI_CY.speech_sample, 'stub-cy', 'cy']);
  // The settings belong to the computer: they are still there after a reload.
  await page.reload();
  await unlock(page);
  assert.equal(await settings.getByRole('slider', { name: UI.speech_rate }).inputValue(), '12');
  await axeClean(page, 'start (reading aloud settings)');
  await context.close();
});

test('a recorded audio file is played instead of synthetic speech when the definition declares it', async () => {
  const context = await browser.newContext();
  await withoutRecordings(context);
  await context.addInitScript(stubSpeech);
  await context.addInitScript(recordPlays);
  const page = await context.newPage();
  await openApp(page, server.url);
  await startSitting(page, { reference: 'REC0001', programme: 'tsp', timepoint: 'pre', support: ['support_read_aloud'] });
  await waitForHeading(page, ABOUT.title.en);
  await next(page);
  const item = ABOUT.items[0];
  await waitForHeading(page, item.text.en);
  const options = ABOUT.response_scales.find((s) => s.id === item.response_scale).options;
  const recordings = [item.audio.en, ...options.map((o) => o.audio.en)].map((p) => `audio/${p}`);
  await page.waitForFunction((n) => window.__played.length >= n, recordings.length);
  assert.deepEqual(await page.evaluate(() => window.__played), recordings);
  const spoken = (await page.evaluate(() => window.__spoken)).map((s) => s.text);
  assert.ok(!spoken.includes(item.text.en), 'the question is not spoken by a voice');
  assert.ok(!spoken.includes(options[0].label.en), 'nor its recorded options');
  // The recordings are really served next to the app.
  for (const r of recordings) {
    const res = await page.request.get(new URL(r, server.url).href);
    assert.equal(res.status(), 200, r);
    assert.equal((await res.body()).subarray(0, 4).toString(), 'RIFF');
  }
  await context.close();
});

test('with no voice and no recording, staff are told plainly that it cannot be read aloud', async () => {
  const context = await browser.newContext();
  await withoutRecordings(context);
  await context.addInitScript(() => {
    const synth = new EventTarget();
    synth.getVoices = () => [];
    synth.speak = () => {};
    synth.cancel = () => {};
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  });
  const page = await context.newPage();
  await openApp(page, server.url);
  await page.getByText(fill(UI.speech_no_voice, { language: 'English' })).waitFor();
  await startSitting(page, { reference: 'NOV0001', programme: 'tsp', timepoint: 'mid', support: ['support_read_aloud'] });
  await waitForHeading(page, BSCS.title.en);
  await next(page);
  await waitForHeading(page, BSCS.items[0].text.en);
  await page.getByRole('status').getByText(UI.speech_unavailable).waitFor();
  await axeClean(page, 'item (no voice)');
  await context.close();
});

test('200% zoom, a 1366×768 laptop and a 10-inch touch tablet: no sideways scrolling, targets at least 44 px', async () => {
  const sizes = [
    { name: '1366×768', viewport: { width: 1366, height: 768 } },
    { name: '200% zoom', viewport: { width: 683, height: 384 } },
    { name: 'tablet', viewport: { width: 800, height: 1280 }, hasTouch: true, isMobile: true },
  ];
  for (const s of sizes) {
    const context = await browser.newContext({ viewport: s.viewport, hasTouch: s.hasTouch, isMobile: s.isMobile });
    const page = await context.newPage();
    await openApp(page, server.url);
    await startSitting(page, { reference: 'SIZE001', programme: 'tsp', timepoint: 'mid', support: ['support_pictorial'], textSize: 'text_size_very_large' });
    await waitForHeading(page, BSCS.title.en);
    await next(page);
    await waitForHeading(page, BSCS.items[0].text.en);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${s.name}: ${overflow}px of sideways scrolling`);
    const small = await page.evaluate(() => [...document.querySelectorAll('button, .option, label.check, select, input[type=text], input[type=password]')]
      .map((el) => ({ el: el.textContent.trim().slice(0, 30), r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && (r.width < 44 || r.height < 44))
      .map(({ el, r }) => `${el} ${Math.round(r.width)}×${Math.round(r.height)}`));
    assert.deepEqual(small, [], `${s.name}: targets smaller than 44×44`);
    const option = page.getByRole('radio', { name: BSCS.response_scales[0].options[2].label.en, exact: true });
    if (s.hasTouch) await option.tap();
    else await option.check();
    assert.ok(await option.isChecked());
    await next(page);
    await waitForHeading(page, BSCS.items[1].text.en);
    await context.close();
  }
});

test('staff switch the language mid-battery and the answers already given are kept', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openApp(page, server.url);
  await startSitting(page, { reference: 'CY0001', programme: 'tsp', timepoint: 'pre' });
  await waitForHeading(page, ABOUT.title.en);
  await next(page);
  const item = ABOUT.items[0];
  const options = ABOUT.response_scales.find((s) => s.id === item.response_scale).options;
  await page.getByRole('radio', { name: options[1].label.en, exact: true }).check();
  await next(page);
  await waitForHeading(page, ABOUT.items[1].text.en);
  await page.getByRole('button', { name: UI.staff_button, exact: true }).click();
  await confirmStaff(page);
  await page.getByRole('region', { name: UI.staff_mode_heading }).getByRole('radio', { name: 'Cymraeg', exact: true }).check();
  await waitForHeading(page, ABOUT.items[1].text.cy);
  await page.getByRole('button', { name: UI_CY.staff_leave }).click();
  await page.getByRole('button', { name: UI_CY.back, exact: true }).click();
  await waitForHeading(page, item.text.cy);
  assert.ok(await page.getByRole('radio', { name: options[1].label.cy, exact: true }).isChecked(), 'the answer given in English');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'cy');
  await context.close();
});
