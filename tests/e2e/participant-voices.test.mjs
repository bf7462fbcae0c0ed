// Read-aloud keeps item text on the laptop: with speechSynthesis.getVoices() stubbed to offer
// voices that run on this computer (localService) and online voices (English and Welsh, the
// online ones listed first, as Chrome lists its network voices), every utterance is recorded
// with the voice that speaks it. By default only local voices speak; a language with no local
// voice is not read (the settings say so; recordings still play); an online voice is used only
// after staff choose it, read the warning and confirm it, and the choice is kept.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, watchErrors, axeViolations } from './lib/harness.mjs';
import { withoutRecordings, recordPlays } from './lib/recordings.mjs';
import { UI, definition, fill, waitForHeading, startSitting, openApp, reloadUnlocked } from './lib/sitting.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const ABOUT = definition('about_you');
const BSCS = definition('bscs');
const ONLINE_EN = { name: 'Online English', lang: 'en-GB', uri: 'online-en', local: false };
const LOCAL_EN = { name: 'Laptop English', lang: 'en-GB', uri: 'local-en', local: true };
const ONLINE_CY = { name: 'Online Welsh', lang: 'cy-GB', uri: 'online-cy', local: false };
const LOCAL_CY = { name: 'Laptop Welsh', lang: 'cy', uri: 'local-cy', local: true };

/** In the page: speechSynthesis offers `list` and records every utterance with its voice. */
function stubVoices(list) {
  window.__spoken = [];
  const voices = list.map((v) => Object.create(SpeechSynthesisVoice.prototype, {
    name: { value: v.name }, voiceURI: { value: v.uri }, lang: { value: v.lang },
    default: { value: false }, localService: { value: v.local },
  }));
  // A plain utterance: the browser's own refuses voices that are not its own.
  window.SpeechSynthesisUtterance = class extends EventTarget {
    constructor(text) { super(); this.text = text; this.lang = ''; this.voice = null; this.rate = 1; }
  };
  const synth = new EventTarget();
  synth.getVoices = () => voices;
  synth.speak = (u) => {
    window.__spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.voiceURI });
    setTimeout(() => u.onend?.(new Event('end')), 0);
  };
  synth.cancel = () => {};
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
}

async function openWith(voices, { audio = false } = {}) {
  const context = await browser.newContext();
  // These tests are of the voices: the recordings' manifest is hidden.
  await withoutRecordings(context);
  await context.addInitScript(stubVoices, voices);
  if (audio) await context.addInitScript(recordPlays);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await openApp(page, server.url);
  const settings = page.getByRole('region', { name: UI.speech_heading });
  return { context, page, errors, settings };
}

const spoken = (page) => page.evaluate(() => window.__spoken.splice(0));
const voiceFor = (settings, language) =>
  settings.getByRole('combobox', { name: fill(UI.speech_voice_for, { language }) });
const tryVoice = (settings, language) =>
  settings.getByRole('button', { name: fill(UI.speech_try, { language }) });
const online = (v) => fill(UI.speech_voice_online, { voice: `${v.name} (${v.lang})` });
const warning = (v, language) => fill(UI.speech_network_warning, { voice: v.name, language });
const allow = (v, language) => fill(UI.speech_network_allow, { voice: v.name, language });

/** Presses "Try the … voice" and returns the one utterance it made. */
async function tryAndHear(page, settings, language) {
  await tryVoice(settings, language).click();
  await page.waitForFunction(() => window.__spoken.length > 0);
  const said = await spoken(page);
  assert.equal(said.length, 1);
  return said[0];
}

async function axeClean(page, screen) {
  assert.deepEqual(await axeViolations(page), [], `axe on ${screen}`);
}

test('by default only voices on this computer read a sitting, never an online one listed first', async () => {
  const { context, page, errors, settings } = await openWith([ONLINE_EN, ONLINE_CY, LOCAL_EN, LOCAL_CY]);
  assert.equal((await tryAndHear(page, settings, 'English')).voice, LOCAL_EN.uri);
  const welsh = await tryAndHear(page, settings, 'Cymraeg');
  assert.deepEqual([welsh.voice, welsh.lang], [LOCAL_CY.uri, 'cy']);
  // The online voices are offered, marked as sending the text away.
  await voiceFor(settings, 'English').getByRole('option', { name: online(ONLINE_EN) }).waitFor({ state: 'attached' });
  await startSitting(page, { reference: 'VOX0001', programme: 'tsp', timepoint: 'mid', support: ['support_read_aloud'] });
  await waitForHeading(page, BSCS.title.en);
  await page.getByRole('button', { name: UI.next, exact: true }).click();
  const item = BSCS.items[0];
  await waitForHeading(page, item.text.en);
  await page.waitForFunction((t) => window.__spoken.some((s) => s.text === t), item.text.en);
  const options = BSCS.response_scales[0].options.map((o) => o.label.en);
  await page.waitForFunction((t) => window.__spoken.some((s) => s.text === t), options.at(-1));
  const said = await spoken(page);
  assert.ok(said.length > options.length, `${said.length} texts read`);
  assert.deepEqual([...new Set(said.map((s) => s.voice))], [LOCAL_EN.uri]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('with no local voice a language is not read aloud, the settings say so, and recordings still play', async () => {
  const { context, page, errors, settings } = await openWith([ONLINE_EN, ONLINE_CY], { audio: true });
  for (const language of ['English', 'Cymraeg']) {
    await settings.getByText(fill(UI.speech_no_voice, { language })).waitFor();
    assert.equal(await tryVoice(settings, language).count(), 0, `no ${language} voice to try`);
  }
  await axeClean(page, 'start (only online voices)');
  await startSitting(page, { reference: 'VOX0002', programme: 'tsp', timepoint: 'pre', support: ['support_read_aloud'] });
  await waitForHeading(page, ABOUT.title.en);
  await page.getByRole('button', { name: UI.next, exact: true }).click();
  const item = ABOUT.items[0];
  await waitForHeading(page, item.text.en);
  const options = ABOUT.response_scales.find((s) => s.id === item.response_scale).options;
  const recordings = [item.audio.en, ...options.map((o) => o.audio.en)].map((p) => `audio/${p}`);
  await page.waitForFunction((n) => window.__played.length >= n, recordings.length);
  assert.deepEqual(await page.evaluate(() => window.__played), recordings);
  // Texts without a recording are not sent to an online voice: staff are told to read them.
  await page.getByRole('button', { name: UI.hear_again }).click();
  await page.waitForFunction((n) => window.__played.length >= 2 * n, recordings.length);
  assert.deepEqual(await spoken(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an online voice is used only after staff choose it, read the warning and confirm; the choice is kept', async () => {
  const { context, page, errors, settings } = await openWith([ONLINE_EN, LOCAL_EN, ONLINE_CY]);
  await settings.getByText(fill(UI.speech_no_voice, { language: 'Cymraeg' })).waitFor();
  // Choosing the online voice shows the warning, and without the confirmation it is not used.
  await voiceFor(settings, 'English').selectOption({ label: online(ONLINE_EN) });
  await settings.getByRole('status').getByText(warning(ONLINE_EN, 'English')).waitFor();
  const confirm = settings.getByRole('checkbox', { name: allow(ONLINE_EN, 'English') });
  assert.equal(await confirm.isChecked(), false);
  assert.equal((await tryAndHear(page, settings, 'English')).voice, LOCAL_EN.uri);
  await axeClean(page, 'start (online voice chosen, not confirmed)');
  await reloadUnlocked(page);
  assert.equal(await confirm.isChecked(), false);
  assert.equal((await tryAndHear(page, settings, 'English')).voice, LOCAL_EN.uri);
  // Confirmed, it reads; the confirmation is stored with the settings.
  await confirm.check();
  assert.equal((await tryAndHear(page, settings, 'English')).voice, ONLINE_EN.uri);
  await reloadUnlocked(page);
  assert.equal(await confirm.isChecked(), true);
  assert.equal((await tryAndHear(page, settings, 'English')).voice, ONLINE_EN.uri);
  // Withdrawn, the local voice reads again; choosing the automatic voice drops the allowance.
  await confirm.uncheck();
  assert.equal((await tryAndHear(page, settings, 'English')).voice, LOCAL_EN.uri);
  await confirm.check();
  await voiceFor(settings, 'English').selectOption({ label: UI.speech_voice_auto });
  assert.equal(await settings.getByText(warning(ONLINE_EN, 'English')).count(), 0);
  await voiceFor(settings, 'English').selectOption({ label: online(ONLINE_EN) });
  assert.equal(await confirm.isChecked(), false);
  assert.equal((await tryAndHear(page, settings, 'English')).voice, LOCAL_EN.uri);
  // Welsh has only an online voice: off until staff confirm it.
  await voiceFor(settings, 'Cymraeg').selectOption({ label: online(ONLINE_CY) });
  await settings.getByRole('status').getByText(warning(ONLINE_CY, 'Cymraeg')).waitFor();
  assert.equal(await tryVoice(settings, 'Cymraeg').count(), 0);
  await settings.getByRole('checkbox', { name: allow(ONLINE_CY, 'Cymraeg') }).check();
  assert.equal(await settings.getByText(fill(UI.speech_no_voice, { language: 'Cymraeg' })).count(), 0);
  assert.equal((await tryAndHear(page, settings, 'Cymraeg')).voice, ONLINE_CY.uri);
  await axeClean(page, 'start (online voice confirmed)');
  assert.deepEqual(errors, []);
  await context.close();
});
