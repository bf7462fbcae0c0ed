// Takes the README screenshots (start, item, break and summary screens, the first "About you"
// question in each presentation mode, read-aloud highlighting an option and the practice
// question) with headless Chromium at 1366×768 into
// docs/screenshots/. Not a test: run it with `./kit screenshots` after a build.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, ROOT } from './lib/harness.mjs';
import { holdPlays } from './lib/recordings.mjs';
import {
  UI, UI_CY, battery, definition, startSitting, waitForHeading, openApp, confirmStaff, MODES,
} from './lib/sitting.mjs';

const OUT = join(ROOT, 'docs', 'screenshots');
mkdirSync(OUT, { recursive: true });
const server = await serve();
const browser = await launch();
const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
const page = await context.newPage();
const shot = (name) => page.screenshot({ path: join(OUT, `${name}.png`) });
const next = () => page.getByRole('button', { name: UI.next, exact: true }).click();

try {
  await openApp(page, server.url);
  // An earlier sitting, closed part-way, so the start screen lists it.
  await startSitting(page, { reference: 'K4821XJ', programme: 'tsp', timepoint: 'mid' });
  await next();
  await page.keyboard.press('3');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: UI.staff_button, exact: true }).click();
  await confirmStaff(page);
  await page.getByRole('button', { name: UI.staff_close }).click();
  await waitForHeading(page, UI.start_heading);
  await page.getByRole('textbox', { name: UI.start_reference }).fill('A1234BC');
  await shot('start');

  // BBR pre: every questionnaire, with an alert on PHQ-9 item 9.
  await page.getByRole('textbox', { name: UI.start_reference }).fill('');
  await startSitting(page, { reference: 'A1234BC', programme: 'bbr' });
  const questionnaires = battery('bbr', 'pre');
  for (const q of questionnaires) {
    await waitForHeading(page, q.title.en);
    await next();
    for (const [i, item] of q.items.entries()) {
      await waitForHeading(page, item.text.en);
      const key = item.id === 'phq9_09' ? '2' : String(1 + ((i * 3 + 1) % 4));
      if (q.id === 'bis11' && i === 4) {
        // Chosen with the mouse, as most participants do.
        const label = q.response_scales[0].options[1].label.en;
        await page.getByRole('radio', { name: label, exact: true }).click();
        await shot('item');
        await page.getByRole('button', { name: UI.take_break }).click();
        await waitForHeading(page, UI.break_heading);
        await shot('break');
        await page.getByRole('button', { name: UI.break_resume }).click();
        await confirmStaff(page);
        await waitForHeading(page, item.text.en);
      } else {
        await page.keyboard.press(key);
      }
      await page.keyboard.press('Enter');
    }
  }
  await waitForHeading(page, UI.thank_you_heading);
  await page.getByRole('button', { name: UI.thank_you_staff }).click();
  await confirmStaff(page);
  await waitForHeading(page, UI.summary_heading);
  await shot('summary');

  // The first "About you" question in each presentation mode.
  const about = definition('about_you');
  for (const [mode, choices] of Object.entries(MODES)) {
    if (mode === 'normal') continue;
    const c = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const p = await c.newPage();
    await openApp(p, server.url);
    await startSitting(p, { reference: 'A1234BC', programme: 'tsp', timepoint: 'pre', ...choices });
    const l = choices.language ?? 'en';
    await waitForHeading(p, about.title[l]);
    await p.getByRole('button', { name: (l === 'cy' ? UI_CY : UI).next, exact: true }).click();
    const item = about.items[0];
    const easy = (choices.support ?? []).includes('support_easy_read');
    await waitForHeading(p, easy ? item.easy_read[l] : item.text[l]);
    await p.mouse.move(0, 0);
    await p.screenshot({ path: join(OUT, `item-${mode}.png`) });
    await c.close();
  }
  // Read-aloud on, each recording held "playing" until ended here: the practice question just
  // answered (its feedback being read), then the first "About you" question with its second
  // option being read, with pictograms, and the same in high contrast.
  for (const [name, extra] of [['reading', []], ['reading-high-contrast', ['support_high_contrast']]]) {
    const c = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    await c.addInitScript(holdPlays);
    const p = await c.newPage();
    await openApp(p, server.url);
    const support = ['support_read_aloud', 'support_pictorial', ...extra];
    const onScreen = async (screen) => {
      if (screen === 'handover') await p.evaluate(() => window.__played.splice(0));
      if (screen !== 'practice' || extra.length) return false;
      await p.keyboard.press('2');
      await p.getByText(`${UI.practice_you_chose} ${UI.practice_option_2}.`).waitFor();
      await p.mouse.move(0, 0);
      await p.screenshot({ path: join(OUT, 'practice.png') });
      return false;
    };
    await startSitting(p, { reference: 'A1234BC', programme: 'tsp', timepoint: 'pre', support, onScreen });
    await waitForHeading(p, about.title.en);
    await p.evaluate(() => window.__played.splice(0));
    await p.getByRole('button', { name: UI.next, exact: true }).click();
    await waitForHeading(p, about.items[0].text.en);
    for (const n of [1, 2, 3]) {
      await p.waitForFunction((k) => window.__played.length >= k, n);
      if (n < 3) await p.evaluate(() => window.__finish());
    }
    await p.locator('label[aria-current="true"]').waitFor();
    await p.mouse.move(0, 0);
    await p.screenshot({ path: join(OUT, `item-${name}.png`) });
    await c.close();
  }
  console.log(`screenshots written to ${OUT}`);
} finally {
  await browser.close();
  server.stop();
}
