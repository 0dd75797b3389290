// Hostile and broken input: script-like strings render as inert text, broken deliveries give
// clear messages, and after a first visit the report opens offline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, newPage, BASE_URL, SNAPSHOT } from './browser.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const HOSTILE = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=1</script>',
  'javascript:window.__pwned=1',
  '\u202Eevil\u202C 右到左',
  '😀🎉 emoji 村',
  '"><svg onload=window.__pwned=1>',
];

function hostileSnapshot() {
  const s = structuredClone(SNAPSHOT);
  let i = 0;
  const next = () => HOSTILE[i++ % HOSTILE.length];
  s.meta.title = { zh: next(), en: next() };
  s.sources[0].title = { zh: next(), en: next() };
  for (const indicator of s.indicators) {
    indicator.label = { zh: `${next()} ${indicator.label.zh}`, en: next() };
    indicator.quote = next();
  }
  for (const place of s.places) place.name = { zh: next(), en: next() };
  for (const section of s.sections) {
    section.title = { zh: next(), en: next() };
    for (const block of section.blocks) {
      if (block.type === 'prose') block.text = { zh: next(), en: next() };
      if (block.type === 'chart') block.title = { zh: next(), en: next() };
    }
  }
  // The longest name the format allows (300 characters): it must not break the layout.
  s.places[20].name.zh = '长'.repeat(300);
  s.indicators[0].label.zh = 'L'.repeat(300);
  return s;
}

async function withSnapshot(body, viewport = 'mobile', status = 200, query = '') {
  const page = await newPage(browser, viewport);
  await page.route('**/data/snapshot.json', (route) => route.fulfill({ status, contentType: 'application/json', body }));
  await page.goto(`${BASE_URL}${query}`);
  return page;
}

test('hostile strings in every text field render as inert text and the layout survives', async () => {
  const page = await withSnapshot(JSON.stringify(hostileSnapshot()));
  await page.locator('main h1.township-name').waitFor({ timeout: 20000 });
  await page.locator('figure.chart canvas').first().waitFor();
  await page.locator('.map-search-input').fill('长长长');
  await page.locator('.search-result').first().click();
  await page.locator('.village-card').waitFor();
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no injected script ran');
  assert.equal(await page.locator('main img, main script').count(), 0, 'no injected elements');
  // The only SVG is the app's own (the map legend's swatches); none carries an event handler.
  assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('main svg')].map((e) => e.getAttribute('class')).filter((c) => !/^map-swatch/.test(c ?? ''))), []);
  assert.equal(await page.locator('main [onload], main [onerror]').count(), 0, 'no injected handlers');
  const text = await page.locator('main').textContent();
  assert.ok(text.includes('<script>window.__pwned=1</script>'), 'shown literally');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `layout overflows by ${overflow}px`);
  assert.deepEqual(await page.cspViolations(), []);
  assert.equal(await page.locator('#panic-notice').count(), 0);
  await page.context().close();
});

test('over-long names and NUL characters are refused with their JSON paths', async () => {
  const s = structuredClone(SNAPSHOT);
  s.places[3].name.zh = '长'.repeat(10000);
  s.places[4].name.en = 'a\u0000b';
  const page = await withSnapshot(JSON.stringify(s));
  const error = page.locator('.load-error');
  await error.waitFor({ timeout: 20000 });
  const text = await error.textContent();
  assert.match(text, /places\[3\]\.name\.zh：共 10000 个字符；最多允许 300 个/);
  assert.match(text, /places\[4\]\.name\.en：含有 NUL 字符/);
  await page.context().close();
});

test('truncated JSON and deep nesting give precise messages', async () => {
  const full = JSON.stringify(SNAPSHOT);
  let page = await withSnapshot(full.slice(0, Math.floor(full.length / 2)));
  await page.locator('.load-error').waitFor({ timeout: 20000 });
  assert.match(await page.locator('.load-error').textContent(), /不是有效的 JSON（第 1 行，第 \d+ 列）：.*（文件不完整）/);
  await page.context().close();
  page = await withSnapshot('['.repeat(5000) + ']'.repeat(5000));
  await page.locator('.load-error').waitFor({ timeout: 20000 });
  assert.match(await page.locator('.load-error').textContent(), /嵌套层数超出上限/);
  await page.context().close();
});

test('a 50 MB response is refused by the size limit without freezing the tab', async () => {
  const huge = `{"pad":"${'x'.repeat(50 * 1024 * 1024)}"}`;
  const started = Date.now();
  const page = await withSnapshot(huge);
  await page.locator('.load-error').waitFor({ timeout: 20000 });
  assert.match(await page.locator('.load-error').textContent(), /上限为 33554432 字节/);
  // The page still answers at once.
  const t0 = Date.now();
  await page.evaluate(() => 1 + 1);
  assert.ok(Date.now() - t0 < 1000);
  assert.ok(Date.now() - started < 20000);
  await page.context().close();
});

test('while the data is slow the pre-rendered report stays readable; a hung request times out with a retry', async () => {
  const page = await newPage(browser, 'mobile');
  await page.clock.install();
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  let calls = 0;
  await page.route('**/data/snapshot.json', async (route) => {
    calls += 1;
    if (calls === 1) {
      await held; // never answered in time
      await route.abort().catch(() => {});
    } else {
      await route.continue();
    }
  });
  await page.goto(BASE_URL);
  // The page is the whole report from the start; a slow connection only delays interactivity.
  await page.locator('main h1.township-name').waitFor();
  const everyFigure = () => page.evaluate((ids) => ids.filter((id) => !document.querySelector(`main [data-indicator="${id}"]`)), SNAPSHOT.indicators.map((i) => i.id));
  assert.deepEqual(await everyFigure(), [], 'every figure is on the page');
  // The fake clock moves only once the app has asked for the data (its 20 s timer is running):
  // on a busy machine the wasm may start later than the page shows.
  while (calls === 0) await new Promise((resolve) => setTimeout(resolve, 50));
  await page.clock.runFor(5000);
  assert.ok(!/网络较慢|connection is slow/.test(await page.locator('body').innerText()), 'no slow message over a complete page');
  await page.clock.runFor(16000);
  const error = page.locator('#app-status .load-error');
  await error.waitFor({ timeout: 10000 });
  assert.match(await error.textContent(), /20 秒内没有收到完整的响应/);
  assert.deepEqual(await everyFigure(), [], 'the report stays under the message');
  release();
  await page.getByRole('button', { name: /重试/ }).click();
  await page.locator('main .report[data-complete="true"]').waitFor({ timeout: 20000 });
  assert.equal(await page.locator('.load-error').count(), 0, 'the message goes once the app runs');
  await page.context().close();
});

test('another snapshot that is slow to come says so honestly, and a hung one times out with a retry', async () => {
  // The file exists only in this test's route: no service worker may answer instead.
  const page = await newPage(browser, 'mobile', { serviceWorkers: 'block' });
  await page.clock.install();
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  let calls = 0;
  await page.route('**/data/other.json', async (route) => {
    calls += 1;
    if (calls === 1) {
      await held;
      await route.abort().catch(() => {});
    } else {
      await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(SNAPSHOT) });
    }
  });
  await page.goto(`${BASE_URL}?data=data/other.json`);
  const loading = page.locator('main .loading');
  await loading.waitFor();
  assert.match(await loading.textContent(), /正在加载/);
  while (calls === 0) await new Promise((resolve) => setTimeout(resolve, 50));
  await page.clock.runFor(5000);
  await page.locator('main .loading .loading-slow').waitFor();
  assert.match(await loading.textContent(), /最长 20 秒/);
  await page.clock.runFor(16000);
  const error = page.locator('.load-error');
  await error.waitFor({ timeout: 10000 });
  assert.match(await error.textContent(), /20 秒内没有收到完整的响应/);
  release();
  await page.getByRole('button', { name: /重试/ }).click();
  await page.locator('main h1.township-name').waitFor({ timeout: 20000 });
  await page.context().close();
});

test('after a first visit the report opens offline, marked as a saved copy; a broken update never replaces it', async () => {
  const page = await newPage(browser, 'mobile');
  await page.goto(BASE_URL);
  await page.locator('main h1.township-name').waitFor({ timeout: 20000 });
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // The worker controls pages from the next load on; load once more online to save the data.
  await page.reload();
  await page.locator('main h1.township-name').waitFor({ timeout: 20000 });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.reload();
  await page.locator('main h1.township-name').waitFor({ timeout: 20000 });
  // A broken (truncated) update is published: the good saved copy is shown instead.
  await page.context().route('**/data/snapshot.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"schema_version": 1, "meta": {' }));
  await page.reload();
  await page.locator('.offline-banner').waitFor({ timeout: 20000 });
  assert.equal(await page.locator('main h1.township-name').textContent(), SNAPSHOT.meta.township.name.zh);
  await page.context().unroute('**/data/snapshot.json');
  // A new, valid snapshot is published: the next online visit shows it (not the saved copy).
  const updated = structuredClone(SNAPSHOT);
  updated.meta.title.zh = '更新后的报告标题';
  await page.context().route('**/data/snapshot.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(updated) }));
  await page.reload();
  await page.locator('.report-title', { hasText: '更新后的报告标题' }).waitFor({ timeout: 20000 });
  assert.equal(await page.locator('.offline-banner').count(), 0);
  await page.context().unroute('**/data/snapshot.json');
  // Now the network is cut: the newest good copy is there.
  await page.context().setOffline(true);
  await page.reload();
  await page.locator('.report-title', { hasText: '更新后的报告标题' }).waitFor({ timeout: 20000 });
  await page.context().setOffline(false);
  await page.reload();
  await page.locator('main h1.township-name').waitFor({ timeout: 20000 });
  // Cut again for the remaining checks.
  await page.context().setOffline(true);
  await page.reload();
  await page.locator('main h1.township-name').waitFor({ timeout: 20000 });
  const banner = await page.locator('.offline-banner').textContent();
  assert.match(banner, /离线副本/);
  assert.ok(banner.includes(SNAPSHOT.meta.as_of), 'the as-of date is shown');
  await page.locator('figure.chart canvas').first().waitFor();
  await page.context().setOffline(false);
  await page.context().close();
});

test('files from Windows editors: a UTF-8 byte-order mark is read; UTF-16 and GBK are named with the fix', async () => {
  const json = JSON.stringify(SNAPSHOT);
  let page = await withSnapshot(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json)]));
  await page.locator('main .report[data-complete="true"]').waitFor({ timeout: 20000 });
  assert.equal(await page.locator('.load-error').count(), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
  page = await withSnapshot(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]));
  await page.locator('.load-error').waitFor({ timeout: 20000 });
  assert.match(await page.locator('.load-error').textContent(), /UTF-16 编码.*请另存为 UTF-8/s);
  await page.context().close();
  page = await withSnapshot(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]), 'mobile', 200, '?lang=en');
  await page.locator('.load-error').waitFor({ timeout: 20000 });
  assert.match(await page.locator('.load-error').textContent(), /saved as UTF-16.*save it as UTF-8/s);
  await page.context().close();
  // {"meta":{"title":"富官庄镇"}} saved as GBK (Chinese Windows' "ANSI").
  page = await withSnapshot(Buffer.from('7b226d657461223a7b227469746c65223a22b8bbb9d9d7afd5f2227d7d', 'hex'));
  await page.locator('.load-error').waitFor({ timeout: 20000 });
  assert.match(await page.locator('.load-error').textContent(), /GBK.*请另存为 UTF-8/s);
  await page.context().close();
  page = await withSnapshot(Buffer.from('7b226d657461223a7b227469746c65223a22b8bbb9d9d7afd5f2227d7d', 'hex'), 'mobile', 200, '?lang=en');
  await page.locator('.load-error').waitFor({ timeout: 20000 });
  assert.match(await page.locator('.load-error').textContent(), /looks like GBK.*save it as UTF-8/s);
  await page.context().close();
});

test('an empty report and a part_of cycle are refused, named in Chinese and in English', async () => {
  const empty = structuredClone(SNAPSHOT);
  empty.indicators = [];
  empty.sections = [];
  let page = await withSnapshot(JSON.stringify(empty));
  await page.locator('.load-error').waitFor({ timeout: 20000 });
  assert.match(await page.locator('.load-error').textContent(), /报告为空/);
  await page.context().close();
  page = await withSnapshot(JSON.stringify(empty), 'mobile', 200, '?lang=en');
  await page.locator('.load-error').waitFor({ timeout: 20000 });
  assert.match(await page.locator('.load-error').textContent(), /the report is empty/);
  await page.context().close();
  const cycle = structuredClone(SNAPSHOT);
  const villages = cycle.indicators.findIndex((i) => i.id === 'admin_villages');
  cycle.indicators[villages].part_of = 'one_shoulder_villages';
  page = await withSnapshot(JSON.stringify(cycle));
  await page.locator('.load-error').waitFor({ timeout: 20000 });
  const text = await page.locator('.load-error').textContent();
  assert.match(text, new RegExp(`indicators\\[${villages}\\]\\.part_of：part_of 形成循环："admin_villages" → "one_shoulder_villages" → "admin_villages"`));
  assert.doesNotMatch(text, /大于整体/);
  await page.context().close();
  page = await withSnapshot(JSON.stringify(cycle), 'mobile', 200, '?lang=en');
  await page.locator('.load-error').waitFor({ timeout: 20000 });
  assert.match(await page.locator('.load-error').textContent(), /part_of goes round in a cycle: "admin_villages" → "one_shoulder_villages" → "admin_villages"/);
  await page.context().close();
});
