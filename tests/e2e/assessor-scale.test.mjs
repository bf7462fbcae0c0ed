// The assessor area at working scale, in headless Chromium: importing 50 sealed records, and
// allocating 2,000 waiting participants (a participants.csv file) into 200 groups (a groups.csv
// file) through the allocation screen. Prints the times; never asserts them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, watchErrors } from './lib/harness.mjs';
import { UI, ui, makeKey, makeRecords, seal, heading, unlockWithText, importFiles, held } from './lib/assessor.mjs';

const WORK = mkdtempSync(join(tmpdir(), 'qkit-assessor-scale-'));
let server, browser, key, sealed;

before(async () => {
  key = makeKey(WORK);
  // 25 participants make 51 records (pre for all, mid and post for some); 50 are imported.
  const records = makeRecords(join(WORK, 'json'), 25).sort().slice(0, 50);
  sealed = seal(records, key.recipient, join(WORK, 'sealed'));
  server = await serve();
  browser = await launch();
});
after(async () => { await browser?.close(); server?.stop(); });

/** A small deterministic random source (LCG), so the files are the same on every run. */
function random(seed) {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s >>> 8) % n;
  };
}

function day(offset) {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

/** 200 groups: programme, pathway, cohort, site, day and time spread evenly; 10 places each. */
function groups() {
  const r = random(7);
  return Array.from({ length: 200 }, (_, g) => ({
    id: `g${g}`,
    programme: ['tsp', 'bbr'][g % 2],
    pathway: ['moderate_intensity', 'high_intensity'][(g >> 1) % 2],
    cohort: ['general', 'domestic_abuse', 'sexual_offence'][(g >> 2) % 3],
    site: ['site_a', 'site_b', 'site_c'][r(3)],
    weekday: ['mon', 'tue', 'wed', 'thu', 'fri'][r(5)],
    time: ['day', 'evening'][r(2)],
    start: day(14 + r(60)),
  }));
}

function groupsCsv(list) {
  const rows = ['id,programme,pathway,cohort,site,weekday,time,start,intake,min_size,max_size'];
  for (const g of list) {
    rows.push(`${g.id},${g.programme},${g.pathway},${g.cohort},${g.site},${g.weekday},${g.time},${g.start},closed,8,10`);
  }
  return rows.join('\n') + '\n';
}

/** 2,000 waiting participants, each drawn to suit one of the groups (programme, cohort, need and
 * risk giving its pathway, its site among his, a time he can come), so that most can be placed
 * and the rest compete for places. */
function participantsCsv(list) {
  const r = random(11);
  const requirement = {
    general: 'programme_requirement',
    domestic_abuse: 'programme_requirement_domestic_abuse',
    sexual_offence: 'programme_requirement_sexual_offence',
  };
  const rows = ['id,programme,need,risk,requirement,sites,availability,in_work,adapted,waiting_since'];
  for (let p = 0; p < 2000; p++) {
    const g = list[r(list.length)];
    const [need, risk] = g.pathway === 'high_intensity' ? ['high', 'high'] : ['medium', ['medium', 'high'][r(2)]];
    const sites = [...new Set([g.site, ['site_a', 'site_b', 'site_c'][r(3)]])].join(';');
    const availability = r(2) === 0 ? 'either' : g.time;
    rows.push([`W${p}`, g.programme, need, risk, requirement[g.cohort], sites, availability,
      g.time === 'evening' && r(4) === 0 ? 'yes' : 'no', 'no', day(-1 - r(300))].join(','));
  }
  return rows.join('\n') + '\n';
}

test('50 sealed records import, and 2,000 participants are allocated into 200 groups, in the browser', async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await unlockWithText(page, server.url, key.text);
  const t0 = Date.now();
  await importFiles(page, sealed);
  const importMs = Date.now() - t0;
  await page.getByText(held(50, 25)).waitFor();
  const took = await page.getByText(/the last import took/).innerText();
  console.log(`import of 50 sealed records (open, validate, re-score each): ${importMs} ms in the test, app says ${took}`);

  await page.getByRole('navigation', { name: UI.assessor_nav }).getByRole('button', { name: UI.assessor_nav_allocation }).click();
  await heading(page, UI.assessor_allocation_heading);
  const groupsFile = join(WORK, "groups.csv");
  const participants = join(WORK, 'participants.csv');
  const list = groups();
  writeFileSync(groupsFile, groupsCsv(list));
  writeFileSync(participants, participantsCsv(list));
  await page.getByLabel(UI.assessor_groups_file).setInputFiles(groupsFile);
  await page.getByRole('table', { name: ui('assessor_groups_caption', { count: 200 }) }).waitFor();
  await page.getByLabel(UI.assessor_listed_file).setInputFiles(participants);
  await page.getByText(ui('assessor_listed_count', { count: 2000 })).waitFor();
  const t1 = Date.now();
  await page.getByRole('button', { name: UI.assessor_allocate }).click();
  const summary = page.getByText(/^Allocated on /);
  await summary.waitFor({ timeout: 120_000 });
  const shownMs = Date.now() - t1;
  const text = await summary.innerText();
  const m = text.match(/ \((\d+) ms\), for (\d+) waiting:/);
  assert.ok(m, text);
  assert.equal(Number(m[2]), 2000, 'the 2,000 from the file (the records\' waiting men have no pathway yet)');
  // The summary counts what happened: placed (in how many of the 200 groups) and 1:1.
  const counts = await page.getByRole('list').filter({ hasText: /^placed in a group: / }).innerText();
  const c = counts.match(/placed in a group: (\d+); groups used: (\d+) of (\d+)\n1:1 delivery, as no group could take them: (\d+)/);
  assert.ok(c, counts);
  assert.equal(Number(c[3]), 200);
  console.log(`allocating 2,000 participants into 200 groups in the browser: ${m[1]} ms in qkit-allocation, ${shownMs} ms until the result was on screen`);
  // Everyone is either in a group or listed with the reason.
  const placed = await page.getByRole('region', { name: /^Group g\d+$/ }).getByRole('listitem').count();
  const unplacedHeading = await page.getByRole('heading', { name: /^Not placed in a group/ }).innerText();
  const unplaced = Number(unplacedHeading.match(/\((\d+)\)/)[1]);
  assert.equal(placed + unplaced, 2000);
  assert.deepEqual([placed, unplaced], [Number(c[1]), Number(c[4])], 'the summary counts what the groups and the 1:1 list show');
  console.log(`${placed} placed in groups, ${unplaced} 1:1 with the constraint that blocked each`);
  assert.deepEqual(errors, []);
});
