// The first screen lists every programme's batteries, read from the shipped definitions.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, watchErrors, axeViolations, ROOT } from './lib/harness.mjs';

const batteries = JSON.parse(readFileSync(join(ROOT, 'questionnaires', 'batteries.json'), 'utf8'));
let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

test('the served app shows the battery list from the real definitions', async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await page.goto(server.url);
  const list = page.getByRole('region', { name: 'Programmes and their questionnaires' });
  await list.waitFor();
  const items = list.getByRole('listitem');
  assert.equal(await items.count(), batteries.programmes.length);
  for (const p of batteries.programmes) {
    await list.getByRole('heading', { name: p.name.en, exact: true }).waitFor();
  }
  assert.deepEqual(errors, []);
  assert.deepEqual(await axeViolations(page), []);
});
