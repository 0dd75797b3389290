// The timeline: shown only for snapshots with several periods; stepping it changes what the
// charts show, and the period is in the URL. Uses a synthetic snapshot (marked synthetic).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, newPage, BASE_URL, ROOT, SITE } from './browser.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const synthetic = JSON.parse(readFileSync(join(SITE, 'data', 'synthetic-200.json'), 'utf8'));
const courtyards = synthetic.indicators.find((i) => i.id === 'synthetic_courtyards');
const valueFor = (period) => (period === courtyards.period ? courtyards.value : courtyards.series.find((s) => s.period === period).value);

test('the default snapshot (one period) has no timeline', async () => {
  const page = await newPage(browser, 'mobile');
  await page.goto(BASE_URL);
  await page.locator('.report[data-complete="true"]').waitFor({ timeout: 20000 });
  assert.equal(await page.locator('.timeline').count(), 0);
  await page.context().close();
});

test('stepping the timeline changes the chart values and the URL', async () => {
  const page = await newPage(browser, 'desktop');
  await page.goto(`${BASE_URL}?data=data/synthetic-200.json&tables=synthetic-compare`);
  await page.locator('.timeline').first().waitFor({ timeout: 20000 });
  const cell = () => page.locator('#chart-synthetic-compare tr[data-indicator="synthetic_courtyards"] .num').textContent();
  const period = () => page.locator('.section-nav .timeline-period').textContent();
  assert.equal(await period(), courtyards.period);
  assert.equal(Number((await cell()).replaceAll(',', '')), valueFor(courtyards.period));
  await page.locator('.section-nav [data-timeline="prev"]').click();
  await page.waitForFunction(() => document.querySelector('.section-nav .timeline-period')?.textContent === '2020');
  const shown = (await cell()).replace(/^≈/, '');
  assert.equal(Number(shown.replaceAll(',', '')), valueFor('2020'));
  assert.notEqual(valueFor('2020'), valueFor(courtyards.period));
  assert.match(page.url(), /period=2020/);
  // The first period is marked "about" in the synthetic data: the chart keeps the qualifier.
  await page.locator('.section-nav [data-timeline="prev"]').click();
  await page.waitForFunction(() => document.querySelector('.section-nav .timeline-period')?.textContent === '2019');
  assert.match(await cell(), /^≈/);
  assert.ok(await page.locator('.section-nav [data-timeline="prev"]').isDisabled());
  // A pasted link opens at that period.
  const again = await newPage(browser, 'mobile');
  await again.goto(page.url());
  await again.locator('.section-nav .timeline-period').filter({ hasText: '2019' }).waitFor({ timeout: 20000 });
  await again.context().close();
  await page.context().close();
});
