// The app shell: loads the default snapshot at phone and desktop sizes, and says clearly
// what went wrong when the snapshot is missing, broken or invalid.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launchBrowser, newPage, BASE_URL, SNAPSHOT, ARTIFACTS } from './browser.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

for (const viewport of ['mobile', 'desktop']) {
  test(`default snapshot loads at ${viewport} size without console errors`, async () => {
    const page = await newPage(browser, viewport);
    await page.goto(BASE_URL);
    const name = page.locator('main h1.township-name');
    await name.waitFor({ timeout: 20000 });
    assert.equal(await name.textContent(), SNAPSHOT.meta.township.name.zh);
    assert.equal(await page.locator('.report-title').textContent(), SNAPSHOT.meta.title.zh);
    await page.locator('main .report[data-complete="true"]').waitFor({ timeout: 20000 });
    const navigation = await page.locator('main .programme-chip').allTextContents();
    assert.deepEqual(navigation, SNAPSHOT.sections.map((s) => s.title.zh));
    // Every programme of the report has its own section heading.
    const headings = await page.locator('.report-section h2').allTextContents();
    for (const programme of SNAPSHOT.programmes) assert.ok(headings.includes(programme.label.zh), programme.label.zh);
    const count = await page.locator('.indicator-count').getAttribute('data-count');
    assert.equal(Number(count), SNAPSHOT.indicators.length);
    // Nothing is wider than the viewport (no sideways scrolling on a phone).
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the viewport`);
    await page.screenshot({ path: join(ARTIFACTS, `shell-${viewport}.png`), fullPage: true });
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

async function withSnapshotResponse(response, check) {
  const page = await newPage(browser, 'mobile');
  await page.route('**/data/snapshot.json', (route) => route.fulfill(response));
  await page.goto(BASE_URL);
  const error = page.locator('.load-error');
  await error.waitFor({ timeout: 20000 });
  await check(page, error);
  assert.equal(await page.locator('#panic-notice').count(), 0, 'no panic');
  await page.context().close();
}

test('a snapshot that is not JSON names the line and column', async () => {
  await withSnapshotResponse(
    { status: 200, contentType: 'application/json', body: '{\n  "schema_version": 1,\n  "meta": {,\n}' },
    async (page, error) => {
      const text = await error.textContent();
      assert.match(text, /not valid JSON at line 3, column 12/);
      await page.screenshot({ path: join(ARTIFACTS, 'shell-broken-json-mobile.png') });
    },
  );
});

test('a missing snapshot shows the HTTP status', async () => {
  await withSnapshotResponse({ status: 404, body: 'not found' }, async (_page, error) => {
    assert.match(await error.textContent(), /HTTP 404 for data\/snapshot\.json/);
  });
});

test('an invalid snapshot lists every problem with its JSON path', async () => {
  const broken = structuredClone(SNAPSHOT);
  broken.indicators[0].value = -3;
  broken.indicators[1].source = 'nowhere';
  broken.meta.township.code = '12345';
  await withSnapshotResponse(
    { status: 200, contentType: 'application/json', body: JSON.stringify(broken) },
    async (_page, error) => {
      const items = await error.locator('.load-error-details li').allTextContents();
      assert.ok(items.includes('indicators[0].value: must be ≥ 0, got -3'), items.join('\n'));
      assert.ok(items.includes('indicators[1].source: refers to unknown source "nowhere"'), items.join('\n'));
      assert.ok(items.some((item) => item.startsWith('meta.township.code: must be 12 digits')), items.join('\n'));
    },
  );
});

for (const viewport of ['mobile', 'desktop']) {
  test(`the page's static summary is the app's first screen, and nothing moves when the app takes over (${viewport})`, async () => {
    const page = await newPage(browser, viewport);
    await page.addInitScript(() => {
      window.__shifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__shifts.push(entry.value);
      }).observe({ type: 'layout-shift', buffered: true });
    });
    // Hold the wasm back so the summary can be looked at on its own.
    let releaseWasm;
    const wasmHeld = new Promise((resolve) => { releaseWasm = resolve; });
    await page.route('**/*.wasm', async (route) => { await wasmHeld; await route.continue(); });
    await page.goto(BASE_URL);
    const summary = page.locator('#static-summary');
    await summary.waitFor();
    const keys = ['h1.township-name', '.report-title', '.as-of', '.about-data', '.view-controls', '.section-nav', '.indicator-count', '.report-section h2', '.report-section .prose'];
    const boxes = (root) => page.evaluate(([rootSelector, selectors]) => {
      const rootElement = document.querySelector(rootSelector);
      return Object.fromEntries(selectors.map((selector) => {
        const element = rootElement.querySelector(selector);
        const rect = element?.getBoundingClientRect();
        // The inert controls stand in for the live ones: same place and size, texts aside.
        const text = selector === '.view-controls' ? null : element?.textContent.replace(/\s+/g, '');
        return [selector, rect ? { text, x: Math.round(rect.x), y: Math.round(rect.y), width: Math.round(rect.width), height: Math.round(rect.height) } : null];
      }));
    }, [root, keys]);
    const first = await boxes('#static-summary');
    // The summary is made from the default snapshot at build time.
    assert.equal(first['h1.township-name'].text, SNAPSHOT.meta.township.name.zh);
    assert.equal(first['.report-title'].text, SNAPSHOT.meta.title.zh);
    assert.ok(first['.as-of'].text.includes(SNAPSHOT.meta.as_of), first['.as-of'].text);
    assert.ok(first['.indicator-count'].text.includes(String(SNAPSHOT.indicators.length)));
    assert.match(await page.locator('#static-summary .static-loading').textContent(), /正在加载/);
    assert.equal(await page.locator('#static-summary .view-controls').getAttribute('inert'), '', 'controls are inert until the app runs');
    await page.screenshot({ path: join(ARTIFACTS, `static-summary-${viewport}.png`) });
    releaseWasm();
    await page.locator('main .report[data-complete="true"]').waitFor({ timeout: 20000 });
    assert.equal(await summary.count(), 0, 'the summary is gone once the report is shown');
    const after = await boxes('main');
    for (const key of keys) assert.deepEqual(after[key], first[key], `${key} is the same in the summary and the app`);
    const shifts = await page.evaluate(() => window.__shifts);
    assert.deepEqual(shifts, [], 'no layout shift while loading and revealing the report');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test('while another snapshot (?data=) loads, the default report\'s first screen is not shown', async () => {
  const page = await newPage(browser, 'mobile');
  let releaseData;
  const held = new Promise((resolve) => { releaseData = resolve; });
  await page.route('**/data/synthetic-200.json', async (route) => { await held; await route.continue(); });
  await page.goto(`${BASE_URL}?data=data/synthetic-200.json`);
  await page.locator('#static-summary.other-snapshot').waitFor({ state: 'attached', timeout: 20000 });
  assert.equal(await page.locator('#static-summary h1').isVisible(), false, 'the default title is hidden');
  assert.equal(await page.locator('#static-summary .report-title').isVisible(), false);
  assert.ok(await page.locator('#static-summary .static-loading').isVisible(), 'the loading line stays');
  releaseData();
  await page.locator('main .report[data-complete="true"]').waitFor({ timeout: 20000 });
  assert.match(await page.locator('main .synthetic-banner').first().textContent(), /合成数据/);
  await page.context().close();
});

test('retry after a failed load shows the report', async () => {
  const page = await newPage(browser, 'desktop');
  let failures = 1;
  await page.route('**/data/snapshot.json', (route) => (failures-- > 0 ? route.fulfill({ status: 500, body: '' }) : route.continue()));
  await page.goto(BASE_URL);
  await page.locator('.load-error').waitFor({ timeout: 20000 });
  assert.match(await page.locator('.load-error').textContent(), /HTTP 500/);
  await page.getByRole('button', { name: /重试/ }).click();
  await page.locator('main h1.township-name').waitFor({ timeout: 20000 });
  assert.equal(await page.locator('.load-error').count(), 0);
  await page.context().close();
});

test('a snapshot from another site is refused, and the default can be loaded', async () => {
  const page = await newPage(browser, 'mobile');
  const requested = [];
  page.on('request', (request) => requested.push(request.url()));
  await page.goto(`${BASE_URL}?data=${encodeURIComponent('https://evil.example/forged.json')}`);
  const error = page.locator('.load-error');
  await error.waitFor({ timeout: 20000 });
  assert.match(await error.textContent(), /Refused to load the snapshot "https:\/\/evil\.example\/forged\.json"/);
  assert.equal(requested.filter((url) => new URL(url).hostname === 'evil.example').length, 0, 'no request to the other site');
  assert.equal(await page.getByRole('button', { name: /重试/ }).count(), 0, 'retrying a refusal is pointless');
  await page.getByRole('button', { name: /加载默认报告/ }).click();
  await page.locator('main h1.township-name').waitFor({ timeout: 20000 });
  assert.equal(await page.locator('main h1.township-name').textContent(), SNAPSHOT.meta.township.name.zh);
  await page.context().close();
});

test('a same-site snapshot path that does not exist offers the default', async () => {
  const page = await newPage(browser, 'desktop');
  await page.goto(`${BASE_URL}?data=data/other-town.json`);
  const error = page.locator('.load-error');
  await error.waitFor({ timeout: 20000 });
  assert.match(await error.textContent(), /HTTP 404 for data\/other-town\.json/);
  await page.getByRole('button', { name: /加载默认报告/ }).click();
  await page.locator('main h1.township-name').waitFor({ timeout: 20000 });
  await page.context().close();
});
