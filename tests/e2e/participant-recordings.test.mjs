// A whole battery "eyes closed": read-aloud on, the participant uses only the number keys and
// Enter, and every audio file the page plays is recorded. Every participant screen (consent,
// hand-over, each section, each question with its options and special answers, thank-you) must
// be read from the kit's recordings, found by the hash of its exact words in audio/manifest.json,
// and nothing may go to synthetic speech: in English, and in Welsh in easy-read wording (texts
// with no Welsh are read in English, as they are shown). The practice question is tried with the
// number keys (choose, change) and left with Enter, its feedback read from recordings too.
// Then, with each recording held "playing" until the test ends it, the text being read is the
// one highlighted (`aria-current="true"`: the current one of the texts being read), and the
// screen stays axe-clean with the highlight on.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, watchErrors, axeViolations, PARTICIPANT_DIST } from './lib/harness.mjs';
import { recordPlays, holdPlays } from './lib/recordings.mjs';
import { UI, UI_CY, BATTERIES, definition, fill, waitForHeading, startSitting, openApp } from './lib/sitting.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const MANIFEST = JSON.parse(readFileSync(join(PARTICIPANT_DIST, 'audio', 'manifest.json'), 'utf8'));
const hash = (lang, text) => createHash('sha256').update(`${lang}\n${text}`).digest('hex');

/** In the page: speechSynthesis with an English and a Welsh voice, recording what it is given. */
function stubSpeech() {
  window.__spoken = [];
  const voice = (name, lang) => Object.create(SpeechSynthesisVoice.prototype, {
    name: { value: name }, voiceURI: { value: `stub-${lang}` }, lang: { value: lang },
    default: { value: lang === 'en-GB' }, localService: { value: true },
  });
  const voices = [voice('Stub English', 'en-GB'), voice('Stub Welsh', 'cy')];
  window.SpeechSynthesisUtterance = class extends EventTarget {
    constructor(text) { super(); this.text = text; this.lang = ''; }
  };
  const synth = new EventTarget();
  synth.getVoices = () => voices;
  synth.speak = (u) => {
    window.__spoken.push(`${u.lang}: ${u.text}`);
    setTimeout(() => u.onend?.(new Event('end')), 0);
  };
  synth.cancel = () => {};
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
}

/** The recordings of each hash: file paths as the page requests them. */
const FILES = new Map();
for (const [file, r] of Object.entries(MANIFEST.recordings)) {
  FILES.set(r.sha256, [...(FILES.get(r.sha256) ?? []), `audio/${file}`]);
}

/** Waits until every text in `texts` ([lang, words] pairs) has been played from a recording of
 * exactly those words; fails naming the ones that were not. */
async function heard(page, screen, texts) {
  const groups = texts.map(([lang, words]) => FILES.get(hash(lang, words)) ?? []);
  const all = (gs) => gs.every((g) => g.some((f) => window.__played.includes(f)));
  const done = await page.waitForFunction(all, groups, { timeout: 10000 }).then(() => true, () => false);
  if (!done) {
    const played = await page.evaluate(() => window.__played);
    const left = texts.filter((_, i) => !groups[i].some((f) => played.includes(f)));
    assert.deepEqual(left.map(([l, w]) => `${l}: ${w}`), [], `not played from a recording on ${screen}`);
  }
  await page.evaluate(() => window.__played.splice(0));
}

/** The texts an item or consent screen reads: question, options, special answers. */
function itemTexts(q, item, l, ui, uiLang, easy) {
  const scale = q.response_scales.find((s) => s.id === item.response_scale);
  const words = (t, e) => ((easy && e?.[l]) ? e[l] : t[l]);
  const own = new Set(scale.options.map((o) => o.code).filter(Boolean));
  const specials = (q.special_answers ?? []).filter((s) => !own.has(s.kind));
  return [
    [l, words(item.text, item.easy_read)],
    ...scale.options.map((o) => [l, words(o.label, o.easy_read_label)]),
    ...specials.map((s) => [uiLang, ui[`special_${s.kind}`]]),
  ];
}

async function eyesClosed(language, easy) {
  const ui = language === 'cy' ? UI_CY : UI;
  const context = await browser.newContext();
  await context.addInitScript(stubSpeech);
  await context.addInitScript(recordPlays);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await openApp(page, server.url);
  const ids = BATTERIES.programmes.find((p) => p.id === 'tsp').pre;
  const [consent, ...sections] = ids.map(definition);
  const langOf = (q) => (q.languages.includes(language) ? language : 'en');
  const onScreen = async (screen) => {
    if (screen === 'consent') {
      const l = langOf(consent);
      const instructions = (easy && consent.easy_read_instructions?.[l]) || consent.instructions[l];
      await heard(page, 'consent', [[l, consent.title[l]], [l, instructions],
        ...itemTexts(consent, consent.items[0], l, ui, language, easy)]);
    } else if (screen === 'chosen' && language !== 'en') {
      // The start form names the questionnaires this sitting shows in English, in the chosen
      // language, each name in English; read aloud the same way.
      const english = ids.map(definition).filter((q) => !q.languages.includes(language));
      assert.ok(english.length > 0, 'TSP pre has questionnaires with no Welsh text');
      const sentence = page.getByText(ui.battery_in_english, { exact: true });
      assert.equal(await sentence.getAttribute('lang'), language);
      for (const q of english) {
        const name = page.getByRole('listitem').filter({ hasText: q.title.en });
        assert.equal(await name.evaluate((e) => e.closest('[lang]').getAttribute('lang')), 'en', q.id);
      }
      assert.deepEqual(await axeViolations(page), [], 'the start form with the notice');
      await page.getByRole('button', { name: UI.read_this, exact: true }).click();
      await heard(page, 'the start form', [[language, ui.battery_in_english], ...english.map((q) => ['en', q.title.en])]);
    } else if (screen === 'handover') {
      await heard(page, 'hand-over', ['handover_heading', 'handover_text', 'handover_help'].map((k) => [language, ui[k]]));
    } else if (screen === 'practice') {
      const keys = ['practice_heading', 'practice_text', 'practice_question', ...PRACTICE_OPTIONS];
      await heard(page, 'the practice question', keys.map((k) => [language, ui[k]]));
      const feedback = (n) => ['practice_you_chose', `practice_option_${n}`, 'practice_change'].map((k) => [language, ui[k]]);
      await page.keyboard.press('2');
      await heard(page, 'the practice answer', feedback(2));
      await page.keyboard.press('3');
      await page.getByText(`${ui.practice_you_chose} ${ui.practice_option_3}.`).waitFor();
      await heard(page, 'the changed practice answer', feedback(3));
      await page.keyboard.press('Enter');
      return true;
    }
    return false;
  };
  const support = ['support_read_aloud', ...(easy ? ['support_easy_read'] : [])];
  await startSitting(page, { reference: `EYES${language.toUpperCase()}1`, programme: 'tsp', timepoint: 'pre', support, language, onScreen });
  for (const [n, q] of sections.entries()) {
    const l = langOf(q);
    await waitForHeading(page, q.title[l]);
    const instructions = (easy && q.easy_read_instructions?.[l]) || q.instructions[l];
    await heard(page, `the ${q.id} section`, [
      ...(n > 0 ? [[language, ui.section_well_done]] : []),
      [l, q.title[l]],
      [language, fill(ui.section_minutes, { count: q.minutes }, language)],
      [l, instructions],
    ]);
    await page.keyboard.press('Enter');
    for (const item of q.items.filter((i) => !i.staff_only)) {
      const texts = itemTexts(q, item, l, ui, language, easy);
      await waitForHeading(page, texts[0][1]);
      await heard(page, `${q.id} ${item.id}`, texts);
      // Each answer's label in its own language: an English-only question's options in English,
      // the special answers (the interface's words) in the sitting's language.
      for (const [lang, name] of texts.slice(1)) {
        const radio = page.getByRole('radio', { name, exact: true });
        const shown = await radio.evaluate((r, words) => {
          const text = [...r.labels[0].querySelectorAll('*')].find((e) => e.textContent === words);
          return text.closest('[lang]').getAttribute('lang');
        }, name);
        assert.equal(shown, lang, `${q.id} ${item.id}: "${name}"`);
      }
      if (l !== language && item === q.items[0]) {
        assert.deepEqual(await axeViolations(page), [], `${q.id} ${item.id}, labels in two languages`);
      }
      await page.keyboard.press('1');
      await page.keyboard.press('Enter');
    }
  }
  await waitForHeading(page, ui.thank_you_heading);
  await heard(page, 'thank-you', ['thank_you_heading', 'thank_you_text'].map((k) => [language, ui[k]]));
  assert.deepEqual(await page.evaluate(() => window.__spoken), [], 'nothing read by a synthetic voice');
  assert.deepEqual(errors, []);
  await context.close();
}

const PRACTICE_OPTIONS = ['practice_option_1', 'practice_option_2', 'practice_option_3'];

/** Waits until `n` recordings have been asked to play since the count was last cleared. */
async function playing(page, n) {
  await page.waitForFunction((k) => window.__played.length >= k, n, { timeout: 10000 });
}

/** The one element marked as being read, with a check that there is exactly one. */
async function highlighted(page) {
  const current = page.locator('[aria-current="true"]');
  await current.first().waitFor();
  assert.equal(await current.count(), 1, 'one text at a time is highlighted');
  return current;
}

test('the text being read aloud is highlighted, question then each option, and axe stays clean', async () => {
  const context = await browser.newContext();
  await context.addInitScript(stubSpeech);
  await context.addInitScript(holdPlays);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await openApp(page, server.url);
  // Each screen's reading waits on its first recording, so what plays after the count is cleared
  // belongs to the next screen.
  const clear = () => page.evaluate(() => window.__played.splice(0));
  const onScreen = async (screen) => {
    if (screen === 'handover') await clear();
    if (screen !== 'practice') return false;
    await playing(page, 1); // "Let's practise first": not highlighted
    await page.evaluate(() => window.__finish());
    await playing(page, 2); // how to answer
    assert.equal(await page.locator('[aria-current="true"]').count(), 0, 'nothing highlighted yet');
    await page.evaluate(() => window.__finish());
    await playing(page, 3);
    assert.equal((await (await highlighted(page)).innerText()).trim(), UI.practice_question);
    for (const [i, key] of PRACTICE_OPTIONS.entries()) {
      await page.evaluate(() => window.__finish());
      await playing(page, 4 + i);
      const current = await highlighted(page);
      const radio = current.getByRole('radio', { name: UI[key], exact: true });
      assert.equal(await radio.count(), 1, `${key}: the highlighted text is the option being read`);
      assert.equal(await radio.isChecked(), false, 'highlighting is not choosing');
      if (i === 1) assert.deepEqual(await axeViolations(page), [], 'axe with an option highlighted');
    }
    await page.evaluate(() => window.__finish());
    await page.waitForFunction(() => !document.querySelector('[aria-current="true"]'));
    assert.equal(await page.evaluate(() => document.activeElement.id), 'screen-heading', 'reading never moves focus');
    return false;
  };
  await startSitting(page, { reference: 'LIGHT1', programme: 'tsp', timepoint: 'mid', support: ['support_read_aloud', 'support_pictorial'], onScreen });
  // The first question of the first questionnaire: its text, then its first option.
  const [, first] = BATTERIES.programmes.find((p) => p.id === 'tsp').mid.map(definition);
  await waitForHeading(page, first.title.en);
  await clear();
  await page.keyboard.press('Enter');
  const item = first.items[0];
  await waitForHeading(page, item.text.en);
  await playing(page, 1);
  assert.equal((await (await highlighted(page)).innerText()).trim(), item.text.en);
  await page.evaluate(() => window.__finish());
  await playing(page, 2);
  const scale = first.response_scales.find((s) => s.id === item.response_scale);
  const current = await highlighted(page);
  assert.equal(await current.getByRole('radio', { name: scale.options[0].label.en, exact: true }).count(), 1,
    'the option being read is the highlighted one');
  assert.deepEqual(await axeViolations(page), [], 'axe with a question option highlighted');
  assert.deepEqual(errors, []);
  await context.close();
});

test('eyes closed in English: every screen, question and option is played from a recording', async () => {
  await eyesClosed('en', false);
});

test('eyes closed in Welsh, easy-read: every screen, question and option is played from a recording', async () => {
  await eyesClosed('cy', true);
});
