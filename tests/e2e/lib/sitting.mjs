// Helpers that drive a qkit sitting the way staff and a participant do: by role and accessible
// name only. Shared by the end-to-end tests, the screenshot script and the latency benchmark.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './harness.mjs';

const read = (...p) => JSON.parse(readFileSync(join(ROOT, 'questionnaires', ...p), 'utf8'));

/** The English interface strings. */
export const UI = read('ui', 'en.json').strings;
/** The Welsh interface strings. */
export const UI_CY = read('ui', 'cy.json').strings;
/** batteries.json. */
export const BATTERIES = read('batteries.json');

/** A questionnaire definition by id. */
export function definition(id) {
  return read('definitions', `${id}.json`);
}

/** The form of an interface string for `args.count`, by CLDR's cardinal rules (as
 * questionnaires/src/ui.rs, written out here as the test's own oracle): English `one|other`,
 * Welsh `zero|one|two|few|many|other` (0, 1, 2, 3, 6, any other number). */
export function pluralForm(template, args, lang = 'en') {
  if (!template.includes('|')) return template;
  if (args.count === undefined) throw new Error(`"${template}" has plural forms: give a count`);
  const n = Number(args.count);
  const welsh = { 0: 0, 1: 1, 2: 2, 3: 3, 6: 4 };
  return template.split('|')[lang === 'cy' ? (welsh[n] ?? 5) : (n === 1 ? 0 : 1)];
}

/** Fills an interface-string template: `fill('{n} of {total}', {n: 1, total: 2})`, in its form
 * for `args.count` if it has plural forms (English, unless `lang` says otherwise). */
export function fill(template, args, lang = 'en') {
  return pluralForm(template, args, lang).replace(/\{(\w+)\}/g, (_, k) => String(args[k]));
}

/** The questionnaires of a battery after the consent form, each with its definition. */
export function battery(programme, timepoint) {
  const p = BATTERIES.programmes.find((x) => x.id === programme);
  return p[timepoint].slice(1).map(definition);
}

/** The response scale of an item. */
export function scaleOf(q, item) {
  return q.response_scales.find((s) => s.id === item.response_scale);
}

/**
 * Answers every item of questionnaire `q`, from its first item: option `choose(i)` (modulo the
 * number of options) of item i's scale, then `each(item)`, then Next. Returns the values given
 * by item id; the page is left on the screen after the last item.
 */
export async function answerAll(page, q, { choose = (i) => i, each = async () => {} } = {}) {
  const given = {};
  for (const [i, item] of q.items.entries()) {
    await waitForHeading(page, item.text.en);
    const options = scaleOf(q, item).options;
    const option = options[choose(i) % options.length];
    await page.getByRole('radio', { name: option.label.en, exact: true }).check();
    given[item.id] = option.value;
    await each(item);
    await page.getByRole('button', { name: UI.next, exact: true }).click();
  }
  return given;
}

/** The page's main heading. */
export function h1(page) {
  return page.getByRole('heading', { level: 1 });
}

/** Waits until the main heading reads `text` exactly. */
export async function waitForHeading(page, text) {
  await page.getByRole('heading', { level: 1, name: text, exact: true }).waitFor();
}

/**
 * From the start screen: starts a sitting for `reference`, records consent (yes) and hands over,
 * leaving the page on the first section screen.
 */
export async function startSitting(page, {
  reference, programme, timepoint = 'pre', onScreen, support = [], textSize, language,
} = {}) {
  await waitForHeading(page, UI.start_heading);
  await onScreen?.('start');
  await page.getByRole('textbox', { name: UI.start_reference }).fill(reference);
  const name = BATTERIES.programmes.find((p) => p.id === programme).name.en;
  await page.getByRole('combobox', { name: UI.start_programme }).selectOption({ label: name });
  await page.getByRole('radio', { name: UI[`timepoint_${timepoint}`], exact: true }).check();
  for (const key of support) await page.getByRole('checkbox', { name: UI[key], exact: true }).check();
  if (textSize) await page.getByRole('radio', { name: UI[textSize], exact: true }).check();
  const ui = language === 'cy' ? UI_CY : UI;
  if (language) {
    const lang = language === 'cy' ? 'Cymraeg' : 'English';
    await page.getByRole('group', { name: UI.start_language }).getByRole('radio', { name: lang, exact: true }).check();
  }
  await onScreen?.('chosen');
  await page.getByRole('button', { name: UI.start_button }).click();
  const consent = definition('consent');
  const l = language ?? 'en';
  await waitForHeading(page, consent.title[l]);
  await onScreen?.('consent');
  const yes = consent.response_scales[0].options.find((o) => o.code === 'yes');
  const easy = support.includes('support_easy_read') && yes.easy_read_label;
  await page.getByRole('radio', { name: (easy ? yes.easy_read_label : yes.label)[l], exact: true }).check();
  await page.getByRole('button', { name: ui.consent_record }).click();
  await waitForHeading(page, ui.handover_heading);
  await onScreen?.('handover');
  await page.getByRole('button', { name: ui.handover_start, exact: true }).click();
  await passPractice(page, ui, onScreen);
}

/** On the practice question after the hand-over: lets `onScreen('practice')` try it, then goes
 * on with Next (unless `onScreen` returned true: it went on itself). */
export async function passPractice(page, ui = UI, onScreen) {
  await waitForHeading(page, ui.practice_question);
  if (await onScreen?.('practice')) return;
  await page.getByRole('button', { name: ui.next, exact: true }).click();
}

/** The radio for an answer: an option's label, or a special answer's. */
export function radioFor(page, answer) {
  const name = answer.special ? UI[`special_${answer.special}`] : answer.label;
  return page.getByRole('radio', { name, exact: true });
}

/** A number as the summary prints it: whole numbers plainly, others to two decimals. */
export function number(x) {
  return Math.abs(x - Math.round(x)) < 1e-9 ? String(Math.round(x)) : x.toFixed(2);
}

/** The staff passphrase the tests set. */
export const PASSPHRASE = 'correct horse battery';

/**
 * On the first screen: sets the staff passphrase (first use on this browser profile) or enters
 * it (locked), and waits until the app has moved on.
 */
export async function unlock(page, passphrase = PASSPHRASE) {
  const lock = page.getByRole('heading', { level: 1, name: UI.lock_heading, exact: true });
  const set = page.getByRole('heading', { level: 1, name: UI.passphrase_set_heading, exact: true });
  await lock.or(set).waitFor();
  if (await set.count()) {
    await page.getByLabel(UI.passphrase_new, { exact: true }).fill(passphrase);
    await page.getByLabel(UI.passphrase_repeat, { exact: true }).fill(passphrase);
    await page.getByRole('button', { name: UI.passphrase_set_button, exact: true }).click();
    await set.waitFor({ state: 'detached' });
  } else {
    await page.getByLabel(UI.passphrase_label, { exact: true }).fill(passphrase);
    await page.getByRole('button', { name: UI.unlock_button, exact: true }).click();
    await lock.waitFor({ state: 'detached' });
  }
}

/** Opens the app and unlocks it. */
export async function openApp(page, url) {
  await page.goto(url);
  await unlock(page);
}

/** Reloads the page and unlocks it again (the key never survives a reload). */
export async function reloadUnlocked(page) {
  await page.reload();
  await unlock(page);
}

/** Answers the "For staff only" step: the passphrase (asked every time), then "Yes, I am staff". */
export async function confirmStaff(page, passphrase = PASSPHRASE) {
  await waitForHeading(page, UI.staff_confirm_heading);
  await page.getByLabel(UI.passphrase_label, { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: UI.staff_confirm_yes, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: UI.staff_confirm_heading, exact: true })
    .waitFor({ state: 'detached' });
}

/** Serves `config` (an object) as the kit configuration file for every page of `context`. */
export async function useConfig(context, config) {
  await context.route('**/qkit-config.json', (route) => route.fulfill({
    status: 200, contentType: 'application/json', body: JSON.stringify(config),
  }));
}

/** Every localStorage entry of the page, as [key, value]. */
export async function storedEntries(page) {
  return page.evaluate(() => {
    const out = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      out.push([key, localStorage.getItem(key)]);
    }
    return out;
  });
}

const STORED_DRAFT = /^\{"qkit_draft":3,"rev":\d+\}\n([A-Za-z0-9+/]+={0,2})$/;
const LOCK = /^qkit-lock-1:\d+:\d+:\d+:[A-Za-z0-9+/]+:[A-Za-z0-9+/]+$/;
const RECIPIENT = /^age1[02-9ac-hj-np-z]{58}$/;
const TAG = /^[A-Za-z0-9+/_=-]{20,}$/;
const REVISIONS = /^[A-Za-z0-9+/_=-]{20,}\n([0-9a-f]{32} \d+\n)*$/;
const RESCUE = /^covers( [0-9a-f]{32}:\d+)*\n([A-Za-z0-9+/]+={0,2})$/;
/** A device id: eight characters of Crockford's base32 as `XXXX-XXXX` (README, *Device id*). */
export const DEVICE_ID = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/**
 * Fails unless localStorage holds nothing readable about a sitting: every value must be one of
 * qkit's known shapes (a revision line then base64 of a sealed draft; the lock; the open
 * sitting's random id; the accepted public keys with their tag; the revision index; the rescue
 * copy, an age file; the wrong-guess count; the laptop's device id), and no key or value may contain any of
 * `needles` (the participant reference, item ids, answer labels, JSON field names). The shape
 * check alone would catch a plaintext draft; the needles say what leaked if one ever did.
 */
export async function assertNoPlaintext(page, needles, where = '') {
  // A short word made only of base64 letters ("Never") can turn up by chance in base64; the
  // shape check above already proves those values are sealed, so only telling needles are kept.
  const telling = needles.filter((n) => n.length >= 8 || /[^A-Za-z0-9+/=]/.test(n));
  for (const [key, value] of await storedEntries(page)) {
    const at = `${where}: localStorage["${key}"]`;
    if (key.startsWith('qkit.draft.')) {
      const m = STORED_DRAFT.exec(value);
      if (!m) throw new Error(`${at} is not a sealed draft: ${value.slice(0, 120)}`);
      const sealed = Buffer.from(m[1], 'base64');
      if (sealed.subarray(0, 5).toString('latin1') !== 'qkitd') throw new Error(`${at} is not qkitd`);
    } else if (key === 'qkit.lock') {
      if (!LOCK.test(value)) throw new Error(`${at} is not a lock: ${value}`);
    } else if (key === 'qkit.current') {
      if (!/^[0-9a-f]{32}$/.test(value)) throw new Error(`${at} is not a record id: ${value}`);
    } else if (key === 'qkit.recipients') {
      const [tag, list] = value.split('\n');
      if (!TAG.test(tag)) throw new Error(`${at} has no tag: ${value.slice(0, 80)}`);
      for (const r of JSON.parse(list)) {
        if (!RECIPIENT.test(r.recipient)) throw new Error(`${at} holds ${r.recipient}`);
      }
    } else if (key === 'qkit.revisions') {
      if (!REVISIONS.test(value)) throw new Error(`${at} is not a revision index: ${value.slice(0, 120)}`);
    } else if (key === 'qkit.rescue' || key.startsWith('qkit.rescue.kept.')) {
      const m = RESCUE.exec(value);
      if (!m) throw new Error(`${at} is not a rescue copy: ${value.slice(0, 120)}`);
      const sealed = Buffer.from(m[2], 'base64');
      if (sealed.subarray(0, 22).toString('latin1') !== 'age-encryption.org/v1\n') throw new Error(`${at} is not an age file`);
    } else if (key === 'qkit.guesses') {
      if (!/^\d+ -?\d+$/.test(value)) throw new Error(`${at} is not a guess count: ${value}`);
    } else if (key === 'qkit.device') {
      if (!DEVICE_ID.test(value)) throw new Error(`${at} is not a device id: ${value}`);
    } else {
      throw new Error(`${at}: an unexpected key`);
    }
    for (const n of telling) {
      if (key.includes(n) || value.includes(n)) throw new Error(`${at} contains "${n}"`);
    }
  }
}

/** Field names of the draft and record: none may appear in storage. */
export const DRAFT_WORDS = ['"answer"', '"answers"', '"participant"', '"record"', '"cursor"', '"item"', 'programme', 'timepoint'];

/** The presentation modes, each as start-screen choices for `startSitting`. */
export const MODES = {
  normal: {},
  'easy-read': { support: ['support_easy_read'] },
  pictorial: { support: ['support_pictorial'] },
  'large-text': { textSize: 'text_size_large' },
  'very-large-text': { textSize: 'text_size_very_large' },
  'high-contrast': { support: ['support_high_contrast', 'support_pictorial'] },
  welsh: { language: 'cy' },
};
