// One chart, figure card or the map alone (visual=): its pre-rendered page, its link and embed
// code, the embed in a portal page on another origin under the portal's own CSP, and the way
// back to the whole report.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { launchBrowser, newPage, BASE_URL, ARTIFACTS, SNAPSHOT } from './browser.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const VIEWER_ORIGIN = new URL(BASE_URL).origin;

/** The visuals tried: how to find each in the whole report and alone. */
const VISUALS = [
  { name: 'chart', param: 'chart:environment-cleanup', selector: '#chart-environment-cleanup', title: '环境整治成效' },
  { name: 'figure', param: 'figure:machines_deployed', selector: '.figure-card[data-indicator="machines_deployed"]' },
  { name: 'map', param: 'map', selector: '#village-map' },
];
const chartTitle = SNAPSHOT.sections.flatMap((s) => s.blocks).find((b) => b.id === 'environment-cleanup').title.zh;
VISUALS[0].title = chartTitle;
VISUALS[1].title = SNAPSHOT.indicators.find((i) => i.id === 'machines_deployed').label.zh;
VISUALS[2].title = SNAPSHOT.sections.flatMap((s) => s.blocks).find((b) => b.type === 'map').title?.zh ?? '村庄地图';

/** The portal: a page on another origin with a strict CSP of its own, holding `snippet`. */
async function portal(snippet) {
  const server = createServer((request, response) => {
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      // Only the viewer's origin may be framed and scripted; nothing inline.
      'content-security-policy': `default-src 'none'; script-src ${VIEWER_ORIGIN}; frame-src ${VIEWER_ORIGIN}; img-src 'self'`,
    });
    response.end(`<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>县政府门户</title></head><body><h1>环境整治工作简报</h1><p>正文……</p>\n${snippet}\n<p id="after-embed">正文继续。</p></body></html>`);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => { server.closeAllConnections(); return new Promise((resolve) => server.close(resolve)); } };
}

/** Opens the whole report and reads `visual`'s embed code from its link / embed control. */
async function embedCodeOf(viewport, visual) {
  const page = await newPage(browser, viewport);
  await page.goto(BASE_URL);
  await page.locator('main .report[data-complete="true"]').waitFor({ timeout: 20000 });
  const holder = page.locator(visual.selector);
  if (visual.name === 'figure') await holder.locator('summary').first().click();
  const control = holder.locator('.visual-share').first();
  await control.scrollIntoViewIfNeeded();
  // Keyboard: the disclosure opens with Enter, like any other.
  await control.locator('summary').focus();
  await page.keyboard.press('Enter');
  const snippet = await control.locator('textarea.visual-snippet').inputValue();
  const link = await control.locator('input.visual-link').inputValue();
  assert.deepEqual(page.errors, []);
  await page.context().close();
  return { snippet, link };
}

/** The bottom of the framed page's content (CSS px). */
function contentHeight(frame) {
  return frame.evaluate(() => Math.ceil(Math.max(0, ...[...document.body.children].map((c) => c.getBoundingClientRect().bottom)) + scrollY));
}

for (const visual of VISUALS) {
  test(`the ${visual.name}'s embed code in a portal page on another origin shows just that ${visual.name}, sized to it, at 390 and 1280`, async () => {
    for (const viewport of ['mobile', 'desktop']) {
      const { snippet, link } = await embedCodeOf(viewport, visual);
      const file = visual.name === 'map' ? 'visual-map.html' : `visual-${visual.param.replace(':', '-')}.html`;
      assert.ok(link.startsWith(`${BASE_URL}${file}?`), link);
      assert.ok(link.includes(`visual=${visual.param}`) && link.includes('v=1') && link.includes('lang=zh'), link);
      assert.match(snippet, /^<iframe src="[^"]+embed=1[^"]*" title="[^"]+" loading="lazy" width="100%" height="\d+" data-fuguanzhuang-embed><\/iframe>\n<script src="[^"]+embed\.js" defer><\/script>$/);
      assert.ok(snippet.includes(`title="${visual.title}"`), snippet);
      const host = await portal(snippet);
      const page = await newPage(browser, viewport);
      try {
        await page.goto(host.url);
        const iframe = page.locator('iframe[data-fuguanzhuang-embed]');
        await iframe.scrollIntoViewIfNeeded();
        const frame = page.frames().find((f) => f.url().startsWith(`${BASE_URL}${file}`)) ?? (await iframe.elementHandle().then((h) => h.contentFrame()));
        await frame.locator('.single-visual[data-complete="true"]').waitFor({ timeout: 20000 });
        // Exactly that visual: one single visual, the right one, nothing else of the report.
        assert.equal(await frame.locator('.single-visual').count(), 1);
        assert.equal(await frame.locator(`.single-visual ${visual.selector}`).count(), 1);
        assert.equal(await frame.locator('.report-section:not(.single-visual *), .report-header, nav.section-nav').count(), 0);
        assert.equal(await frame.locator('figure.chart').count(), visual.name === 'chart' ? 1 : 0);
        assert.equal(await frame.locator('.figure-card').count(), visual.name === 'figure' ? 1 : 0);
        // Its source, as-of date and the way to the whole report.
        assert.match(await frame.locator('.visual-footer').innerText(), /来源|数据来源/);
        assert.match(await frame.locator('.visual-footer .as-of').innerText(), /数据截至/);
        assert.equal(await frame.locator('.visual-footer .open-full').count(), 1);
        // Auto-height: the iframe ends within 10 px of its content.
        let last = -1;
        for (let i = 0; i < 80; i++) {
          const content = await contentHeight(frame);
          const height = await iframe.evaluate((f) => f.getBoundingClientRect().height);
          if (Math.abs(height - content) <= 10 && Math.abs(height - last) < 1) break;
          last = height;
          await page.waitForTimeout(250);
        }
        const content = await contentHeight(frame);
        const height = await iframe.evaluate((f) => f.getBoundingClientRect().height);
        assert.ok(Math.abs(height - content) <= 10, `${visual.name} ${viewport}: iframe ${height} px, content ${content} px`);
        // …and the content is the visual: it ends where the single visual ends.
        const articleBottom = await frame.evaluate(() => Math.ceil(document.querySelector('.single-visual').getBoundingClientRect().bottom + scrollY));
        assert.ok(content - articleBottom < 40, `${visual.name} ${viewport}: content ${content} px, the visual ends at ${articleBottom} px`);
        if (visual.name === 'map') {
          // The village list is folded away (a disclosure), so the map is not four screens long.
          assert.ok(height < 1700, `map ${viewport}: ${height} px`);
          assert.equal(await frame.locator('details.village-list-fold:not([open]) .village-list').count(), 1);
        }
        // The portal's text goes on right under it.
        const below = await page.locator('#after-embed').evaluate((p) => p.getBoundingClientRect().top);
        const frameBottom = await iframe.evaluate((f) => f.getBoundingClientRect().bottom);
        assert.ok(below >= frameBottom && below - frameBottom < 40, `${below} vs ${frameBottom}`);
        await page.screenshot({ path: join(ARTIFACTS, `embed-${visual.name}-${viewport}.png`), fullPage: true });
        // No console error and no CSP violation, in the portal or in the frame.
        assert.deepEqual(page.errors, []);
        assert.deepEqual(await page.cspViolations(), []);
        assert.deepEqual(await frame.evaluate(() => window.__cspViolations ?? []), []);
      } finally {
        await page.context().close();
        await host.close();
      }
    }
  });
}

test('"full report" opens the whole report at that visual', async () => {
  for (const visual of VISUALS) {
    const page = await newPage(browser, 'mobile');
    const file = visual.name === 'map' ? 'visual-map.html' : `visual-${visual.param.replace(':', '-')}.html`;
    await page.goto(`${BASE_URL}${file}?visual=${visual.param}&embed=1`);
    await page.locator('.single-visual[data-complete="true"]').waitFor({ timeout: 20000 });
    const [report] = await Promise.all([page.context().waitForEvent('page'), page.locator('.visual-footer .open-full').click()]);
    await report.locator('main .report[data-complete="true"]').waitFor({ timeout: 20000 });
    const url = new URL(report.url());
    assert.equal(url.searchParams.get('visual'), null, report.url());
    assert.equal(url.searchParams.get('embed'), null, report.url());
    assert.equal(await report.locator('.single-visual').count(), 0);
    // The visual is on screen.
    await report.waitForFunction((selector) => {
      const box = document.querySelector(selector)?.getBoundingClientRect();
      return box && box.top < innerHeight && box.bottom > 0;
    }, visual.selector, { timeout: 10000 }).catch(async (error) => {
      throw new Error(`${visual.name}: not on screen at ${report.url()}: ${JSON.stringify(await report.evaluate((s) => document.querySelector(s)?.getBoundingClientRect(), visual.selector))} (${error.message})`);
    });
    if (visual.name === 'figure') {
      assert.equal(await report.locator(`${visual.selector}[open]`).count(), 1, 'the figure card is opened');
    }
    await page.context().close();
  }
});

test('a visual page is the visual before and without the wasm, with its own title and description', async () => {
  const response = await fetch(`${BASE_URL}visual-chart-environment-cleanup.html`);
  assert.equal(response.status, 200);
  const html = await response.text();
  assert.ok(html.includes(`<title>${chartTitle} · `), 'its own title');
  assert.match(html, /<meta property="og:description" content="[^"]*至少10辆/);
  assert.ok(html.includes('data-visual="chart:environment-cleanup"'));
  assert.ok(html.includes('id="chart-environment-cleanup"') && html.includes('<svg'), 'the chart is drawn in the HTML');
  assert.ok(!html.includes('id="chart-team-shares"'), 'and no other chart');
  const page = await newPage(browser, 'mobile');
  await page.route(/\.wasm$/, (route) => route.abort());
  await page.goto(`${BASE_URL}visual-chart-environment-cleanup.html?visual=chart:environment-cleanup&embed=1`);
  await page.locator('html.wasm-offline, html.no-wasm').waitFor({ state: 'attached', timeout: 10000 });
  assert.ok(await page.locator('#chart-environment-cleanup .static-drawings svg').first().isVisible());
  assert.ok(!(await page.locator('.visual-share').first().isVisible()), 'the link/embed control steps aside');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.embed), '1', 'embed styles from the first paint');
  await page.context().close();
});

test('a visual alone in English, in large text, and one the report does not have', async () => {
  const page = await newPage(browser, 'mobile');
  await page.goto(`${BASE_URL}visual-figure-machines_deployed.html?visual=figure:machines_deployed&lang=en&large=1`);
  await page.locator('.single-visual[data-complete="true"]').waitFor({ timeout: 20000 });
  const label = SNAPSHOT.indicators.find((i) => i.id === 'machines_deployed').label.en;
  assert.equal(await page.locator('.single-visual .figure-label').innerText(), label);
  assert.match(await page.locator('.visual-footer').innerText(), /at least/i);
  assert.match(await page.locator('.visual-footer .open-full').innerText(), /Full report/);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.large), '1');
  await page.screenshot({ path: join(ARTIFACTS, 'visual-figure-en-large-mobile.png') });
  await page.goto(`${BASE_URL}?visual=chart:no-such-chart`);
  await page.locator('.single-visual[data-complete="true"]').waitFor({ timeout: 20000 });
  assert.match(await page.locator('.single-visual .inline-error').innerText(), /此报告中没有这个图表、数字或章节：chart:no-such-chart/);
  assert.equal(await page.locator('.single-visual .open-full').count(), 1);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('an embedded visual page does not move as the app takes it over (no layout shift)', async () => {
  for (const [file, visual] of [['visual-chart-environment-cleanup.html', 'chart:environment-cleanup'], ['visual-map.html', 'map']]) {
    const page = await newPage(browser, 'mobile');
    await page.addInitScript(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => { for (const entry of list.getEntries()) window.__shift += entry.value; }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${BASE_URL}${file}?visual=${visual}&embed=1`);
    await page.locator('.single-visual[data-complete="true"]').waitFor({ timeout: 20000 });
    await page.waitForFunction(() => document.querySelector('.chart-box.live, .map-box.live'), null, { timeout: 10000 });
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.__shift), 0, `${visual}: layout shift`);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});

test('a visual page linked without its query still shows its visual, and writes it into the address', async () => {
  const page = await newPage(browser, 'mobile');
  await page.goto(`${BASE_URL}visual-figure-trees_planted.html`);
  await page.locator('.single-visual[data-complete="true"]').waitFor({ timeout: 20000 });
  await page.waitForFunction(() => location.search.includes('visual=figure:trees_planted'));
  assert.equal(await page.locator('.report-header').count(), 0, 'not the whole report');
  assert.equal(await page.locator('.figure-card').count(), 1);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('offline: a visual page kept under its own name, one never opened shown by the kept report page; opening the quoted text does not replace the kept report', async () => {
  const page = await newPage(browser, 'desktop');
  await page.goto(BASE_URL);
  await page.locator('main h1.township-name').waitFor({ timeout: 20000 });
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.locator('main .report[data-complete="true"]').waitFor({ timeout: 20000 });
  // The report quotes its source text: opening it is a navigation inside the worker's scope.
  const text = await page.goto(`${BASE_URL}data/sources/fuguanzhuang-2021-report.txt`);
  assert.equal(text.status(), 200);
  await page.goto(`${BASE_URL}visual-chart-team-shares.html?visual=chart:team-shares`);
  await page.locator('.single-visual[data-complete="true"]').waitFor({ timeout: 20000 });
  await page.context().setOffline(true);
  try {
    await page.goto(BASE_URL);
    await page.locator('main .report[data-complete="true"]').waitFor({ timeout: 20000 });
    await page.goto(`${BASE_URL}visual-chart-team-shares.html?visual=chart:team-shares`);
    await page.locator('.single-visual[data-visual="chart:team-shares"][data-complete="true"]').waitFor({ timeout: 20000 });
    await page.goto(`${BASE_URL}visual-map.html?visual=map`);
    await page.locator('.single-visual[data-visual="map"][data-complete="true"]').waitFor({ timeout: 20000 });
    assert.equal(await page.locator('.report-header').count(), 0);
  } finally {
    await page.context().setOffline(false);
    await page.context().close();
  }
});
