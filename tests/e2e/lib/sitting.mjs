// Helpers that drive a qkit sitting the way staff and a participant do: by role and accessible
// name only. Shared by the end-to-end tests, the screenshot script and the latency benchmark.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './harness.mjs';

const read = (...p) => JSON.parse(readFileSync(join(ROOT, 'questionnaires', ...p), 'utf8'));

/** The English interface strings. */
export const UI = read('ui', 'en.json').strings;
/** batteries.json. */
export const BATTERIES = read('batteries.json');

/** A questionnaire definition by id. */
export function definition(id) {
  return read('definitions', `${id}.json`);
}

/** Fills an interface-string template: `fill('{n} of {total}', {n: 1, total: 2})`. */
export function fill(template, args) {
  return template.replace(/\{(\w+)\}/g, (_, k) => String(args[k]));
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
export async function startSitting(page, { reference, programme, timepoint = 'pre', onScreen } = {}) {
  await waitForHeading(page, UI.start_heading);
  await onScreen?.('start');
  await page.getByRole('textbox', { name: UI.start_reference }).fill(reference);
  const name = BATTERIES.programmes.find((p) => p.id === programme).name.en;
  await page.getByRole('combobox', { name: UI.start_programme }).selectOption({ label: name });
  await page.getByRole('radio', { name: UI[`timepoint_${timepoint}`], exact: true }).check();
  await page.getByRole('button', { name: UI.start_button }).click();
  const consent = definition('consent');
  await waitForHeading(page, consent.title.en);
  await onScreen?.('consent');
  const yes = consent.response_scales[0].options.find((o) => o.code === 'yes');
  await page.getByRole('radio', { name: yes.label.en, exact: true }).check();
  await page.getByRole('button', { name: UI.consent_record }).click();
  await waitForHeading(page, UI.handover_heading);
  await onScreen?.('handover');
  await page.getByRole('button', { name: UI.handover_start, exact: true }).click();
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
