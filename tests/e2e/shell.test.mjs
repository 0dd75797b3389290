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

async function withSnapshotResponse(response, check, query = '') {
  const page = await newPage(browser, 'mobile');
  await page.route('**/data/snapshot.json', (route) => route.fulfill(response));
  await page.goto(`${BASE_URL}${query}`);
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
      assert.match(text, /不是有效的 JSON（第 3 行，第 12 列）/);
      await page.screenshot({ path: join(ARTIFACTS, 'shell-broken-json-mobile.png') });
    },
  );
});

test('a missing snapshot shows the HTTP status', async () => {
  await withSnapshotResponse({ status: 404, body: 'not found' }, async (_page, error) => {
    assert.match(await error.textContent(), /服务器对 data\/snapshot\.json 返回 HTTP 404/);
  });
});

test('an invalid snapshot lists every problem with its JSON path, in the page\'s language', async () => {
  const broken = structuredClone(SNAPSHOT);
  broken.indicators[0].value = -3;
  broken.indicators[1].source = 'nowhere';
  broken.meta.township.code = '12345';
  const response = { status: 200, contentType: 'application/json', body: JSON.stringify(broken) };
  await withSnapshotResponse(response, async (_page, error) => {
    const items = await error.locator('.load-error-details li').allTextContents();
    assert.ok(items.includes('indicators[0].value：必须 ≥ 0，实际为 -3'), items.join('\n'));
    assert.ok(items.includes('indicators[1].source：引用了不存在的来源："nowhere"'), items.join('\n'));
    assert.ok(items.some((item) => item.startsWith('meta.township.code：必须是 12 位数字')), items.join('\n'));
    assert.match(await error.locator('.load-error-headline').textContent(), /不是有效的报告数据（3 个问题）/);
  });
  await withSnapshotResponse(response, async (_page, error) => {
    const items = await error.locator('.load-error-details li').allTextContents();
    assert.ok(items.includes('indicators[0].value: must be ≥ 0, got -3'), items.join('\n'));
    assert.ok(items.includes('indicators[1].source: refers to unknown source "nowhere"'), items.join('\n'));
    assert.ok(items.some((item) => item.startsWith('meta.township.code: must be 12 digits')), items.join('\n'));
  }, '?lang=en');
});

for (const viewport of ['mobile', 'desktop']) {
  test(`the pre-rendered page is the app's first screen, and nothing moves when the app takes over (${viewport})`, async () => {
    const page = await newPage(browser, viewport);
    await page.addInitScript(() => {
      window.__shifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__shifts.push(entry.value);
      }).observe({ type: 'layout-shift', buffered: true });
    });
    // Hold the wasm back so the pre-rendered page can be looked at on its own.
    let releaseWasm;
    const wasmHeld = new Promise((resolve) => { releaseWasm = resolve; });
    await page.route('**/*.wasm', async (route) => { await wasmHeld; await route.continue(); });
    await page.goto(BASE_URL);
    await page.locator('main h1.township-name').waitFor();
    // Boxes of the first screen and of every chart, map and figure card further down.
    const boxes = () => page.evaluate(() => {
      const selectors = ['h1.township-name', '.report-title', '.as-of', '.about-data', '.view-controls', '.section-nav', '.indicator-count', '.report-section h2', '.report-section .prose', 'figure.chart', '.map-box', '.figure-card', '.indicator-table'];
      return Object.fromEntries(selectors.flatMap((selector) => [...document.querySelectorAll(`main ${selector}`)].slice(0, 6).map((element, i) => {
        const rect = element.getBoundingClientRect();
        // Positions below the first screen are left out: sections far down are laid out only
        // when they come near (content-visibility), so their offsets settle later, off screen.
        const onFirstScreen = rect.top < innerHeight;
        return [`${selector}#${i}`, { text: element.textContent.replace(/\s+/g, '').slice(0, 60), x: Math.round(rect.x), y: onFirstScreen ? Math.round(rect.y + scrollY) : 'below', width: Math.round(rect.width), height: Math.round(rect.height) }];
      })));
    });
    const first = await boxes();
    // The page is made from the default snapshot at build time.
    assert.equal(first['h1.township-name#0'].text, SNAPSHOT.meta.township.name.zh);
    assert.equal(first['.report-title#0'].text, SNAPSHOT.meta.title.zh);
    assert.ok(first['.as-of#0'].text.includes(SNAPSHOT.meta.as_of), first['.as-of#0'].text);
    assert.ok(first['.indicator-count#0'].text.includes(String(SNAPSHOT.indicators.length)));
    assert.equal(await page.locator('main .report-section').count(), SNAPSHOT.sections.length, 'every section is in the page');
    assert.ok(!/正在加载|网络较慢/.test(await page.locator('body').innerText()), 'no loading message over a complete page');
    await page.screenshot({ path: join(ARTIFACTS, `prerendered-${viewport}.png`) });
    releaseWasm();
    await page.locator('main .report[data-complete="true"]').waitFor({ timeout: 20000 });
    await page.evaluate(() => window.scrollTo(0, 0));
    const after = await boxes();
    assert.deepEqual(Object.keys(after), Object.keys(first));
    for (const key of Object.keys(first)) assert.deepEqual(after[key], first[key], `${key} is the same before and after the app takes over`);
    const shifts = await page.evaluate(() => window.__shifts);
    assert.deepEqual(shifts, [], 'no layout shift while the app takes over');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test('while another snapshot (?data=) loads, the pre-rendered default report is not shown', async () => {
  const page = await newPage(browser, 'mobile');
  let releaseData;
  const held = new Promise((resolve) => { releaseData = resolve; });
  await page.route('**/data/synthetic-200.json', async (route) => { await held; await route.continue(); });
  await page.goto(`${BASE_URL}?data=data/synthetic-200.json`);
  await page.locator('html.other-snapshot').waitFor({ state: 'attached', timeout: 20000 });
  assert.equal(await page.locator('main h1').first().isVisible(), false, 'the default title is hidden');
  assert.equal(await page.locator('main .report-title').first().isVisible(), false);
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
  // The pre-rendered report stays readable under the message.
  assert.equal(await page.locator('main .report-section').count(), SNAPSHOT.sections.length);
  await page.getByRole('button', { name: /重试/ }).click();
  await page.locator('main .report[data-complete="true"]').waitFor({ timeout: 20000 });
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
  assert.match(await error.textContent(), /拒绝加载数据文件 "https:\/\/evil\.example\/forged\.json"：.*只从本网站加载/);
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
  assert.match(await error.textContent(), /服务器对 data\/other-town\.json 返回 HTTP 404/);
  await page.getByRole('button', { name: /加载默认报告/ }).click();
  await page.locator('main h1.township-name').waitFor({ timeout: 20000 });
  await page.context().close();
});

// Browsers that cannot run the interactive layer still get the whole report from the HTML:
// WebAssembly missing (iOS Lockdown Mode, old WebViews) or JavaScript switched off.
const WITHOUT = [
  ['WebAssembly', { init: () => { delete globalThis.WebAssembly; } }],
  ['JavaScript', { context: { javaScriptEnabled: false } }],
];
for (const viewport of ['mobile', 'desktop']) {
  for (const [missing, how] of WITHOUT) {
    test(`without ${missing} the page is the whole report, with a line saying what needs a newer browser (${viewport})`, async () => {
      const page = await newPage(browser, viewport, how.context ?? {});
      if (how.init) await page.addInitScript(how.init);
      await page.goto(BASE_URL);
      await page.locator('main h1.township-name').waitFor();
      await page.waitForTimeout(1500);
      // The line, in both languages, and never a "loading" or "slow" message.
      const note = page.locator(missing === 'JavaScript' ? 'noscript .enhancement-note, body > .enhancement-note' : '#enhancement-note');
      if (missing === 'JavaScript') {
        assert.match(await page.locator('body').innerText(), /需要较新的浏览器.*need a newer browser/s);
      } else {
        assert.ok(await note.isVisible(), 'the needs-a-newer-browser line shows');
        assert.match(await note.textContent(), /需要较新的浏览器.*need a newer browser/s);
      }
      const text = await page.locator('body').innerText();
      assert.ok(!/正在加载|网络较慢|Loading|slow/.test(text), 'no loading or slow message');
      // Every figure with its value and quote: the "全部数据" table has them all.
      const table = page.locator('.indicator-table');
      await table.scrollIntoViewIfNeeded();
      assert.ok(await table.isVisible());
      const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => ({ id: tr.dataset.indicator, text: tr.textContent })));
      assert.deepEqual(rows.map((r) => r.id).sort(), SNAPSHOT.indicators.map((i) => i.id).sort());
      for (const indicator of SNAPSHOT.indicators) {
        const row = rows.find((r) => r.id === indicator.id);
        assert.ok(row.text.includes(indicator.quote.trim().slice(0, 12)), `${indicator.id} quote`);
        assert.ok(row.text.includes(indicator.label.zh), `${indicator.id} label`);
      }
      // Every figure card shows its value.
      assert.equal(await page.locator('.figure-card .figure-number').count(), await page.locator('.figure-card').count());
      // Every chart and the map as SVG with a title (the canvases stay hidden).
      const charts = SNAPSHOT.sections.flatMap((s) => s.blocks).filter((b) => b.type === 'chart');
      for (const block of charts) {
        const figure = page.locator(`#chart-${block.id}`);
        await figure.scrollIntoViewIfNeeded();
        const svg = figure.locator('svg.static-drawing:visible');
        assert.equal(await svg.count(), 1, `${block.id}: one SVG shows`);
        assert.equal(await svg.locator('title').textContent(), block.title.zh);
        assert.ok(await svg.locator('rect, path, polygon, polyline, text').count() > 5, `${block.id} is drawn`);
        assert.equal(await figure.locator('canvas').isVisible(), false);
      }
      const map = page.locator('.map-box');
      await map.scrollIntoViewIfNeeded();
      assert.equal(await map.locator('svg.static-drawing:visible').count(), 1, 'the map shows as SVG');
      // The village list names every village.
      const listed = await page.locator('.village-list').textContent();
      for (const place of SNAPSHOT.places.filter((p) => p.kind === 'village')) assert.ok(listed.includes(place.name.zh), place.name.zh);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(ARTIFACTS, `without-${missing.toLowerCase()}-${viewport}.png`) });
      assert.deepEqual(page.errors, []);
      await page.context().close();
    });
  }
}

// The release wasm has no panic machinery: a panic is a trap, which reaches the page as a
// WebAssembly.RuntimeError thrown out of whatever called in (a timer, an event, a promise).
for (const [how, throwTrap] of [
  ['from a callback', () => setTimeout(() => { throw new WebAssembly.RuntimeError('unreachable'); }, 0)],
  ['from a promise', () => { Promise.reject(new WebAssembly.RuntimeError('unreachable')); }],
]) {
  test(`a trap in the interactive layer (${how}) is said on screen, where the reader is, and the report stays`, async () => {
    const page = await newPage(browser, 'mobile');
    await page.goto(BASE_URL);
    await page.locator('main .report[data-complete="true"]').waitFor({ timeout: 20000 });
    const note = page.locator('#stopped-note');
    assert.equal(await note.isVisible(), false, 'no note before anything went wrong');
    // An ordinary error is not a trap: no note.
    await page.evaluate(() => setTimeout(() => { throw new Error('not a trap'); }, 0));
    await page.waitForTimeout(100);
    assert.equal(await note.isVisible(), false, 'an ordinary error shows no note');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
    await page.evaluate(throwTrap);
    await note.waitFor({ state: 'visible' });
    assert.match(await note.textContent(), /交互功能因出错而停止.*stopped on an error/s);
    const box = await note.boundingBox();
    assert.ok(box.y >= 0 && box.y < 844, `the note is on screen (top ${box.y})`);
    assert.ok((await page.locator('.indicator-table tbody tr').count()) > 10, 'the report is still there');
    await page.context().close();
  });
}
