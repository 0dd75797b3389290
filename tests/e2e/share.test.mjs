// Shareable links, Back/Forward, embedding with auto-height, the language switch and print.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, newPage, BASE_URL, ROOT, SNAPSHOT, SITE } from './browser.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

async function open(viewport, query = '', extra = {}) {
  const page = await newPage(browser, viewport, extra);
  await page.goto(`${BASE_URL}${query}`);
  await page.locator('main .report[data-complete="true"]').waitFor({ timeout: 20000 });
  return page;
}

/** What a reader sees, reduced to comparable facts. */
async function visibleState(page) {
  await page.locator('.map-canvas').evaluate((c) => c.scrollIntoView({ block: 'center' }));
  await page.waitForFunction(() => Number(document.querySelector('.map-canvas')?.dataset.drawn) > 0);
  return page.evaluate(() => ({
    lang: document.documentElement.lang,
    theme: document.documentElement.dataset.theme,
    large: document.documentElement.dataset.large,
    headings: [...document.querySelectorAll('.report-section h2')].map((h) => h.textContent),
    card: document.querySelector('.village-card')?.dataset.place ?? null,
    openFigure: document.querySelector('.figure-card[open]')?.dataset.indicator ?? null,
    tables: [...document.querySelectorAll('figure.chart')].filter((f) => !f.querySelector('.chart-table-wrap').classList.contains('hidden')).map((f) => f.id),
    zoom: document.querySelector('.map-canvas').dataset.zoom,
    colour: document.querySelector('.map-colour select').value,
  }));
}

test('a copied link opens the same view in a fresh browser', async () => {
  const page = await open('mobile');
  await page.locator('[data-control="language"]').click();
  await page.locator('.report-section h2', { hasText: 'Environmental clean-up' }).waitFor();
  await page.locator('[data-control="theme"]').selectOption('dark');
  await page.locator('#chart-environment-courtyards .table-toggle').click();
  await page.locator('.figure-card[data-indicator="volunteers_recruited"] > summary').click();
  await page.locator('.map-colour select').selectOption('community');
  await page.locator('.map-search-input').fill('duozhuang');
  await page.locator('.search-result').first().click();
  await page.locator('.village-card').waitFor();
  await page.locator('[data-map="zoom-in"]').click();
  await page.waitForTimeout(500); // the quiet URL write for map moves
  const before = await visibleState(page);
  assert.equal(before.lang, 'en');
  assert.equal(before.theme, 'dark');
  assert.equal(before.card, 'v-duozhuang');
  assert.equal(before.openFigure, 'volunteers_recruited');
  assert.deepEqual(before.tables, ['chart-environment-courtyards']);
  assert.equal(before.colour, 'community');
  const url = page.url();
  for (const key of ['v=1', 'lang=en', 'theme=dark', 'large=0', 'village=v-duozhuang', 'indicator=volunteers_recruited', 'colour=community', 'tables=environment-courtyards', 'zoom=', 'centre=']) {
    assert.ok(url.includes(key), `${url} lacks ${key}`);
  }
  // The share button hands out the same, fully specified link.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(BASE_URL).origin });
  await page.locator('[data-control="share"]').click();
  await page.locator('.share-status').filter({ hasText: /Link copied|Shared/ }).waitFor();
  const second = await newPage(browser, 'mobile');
  await second.goto(url);
  await second.locator('main .report[data-complete="true"]').waitFor({ timeout: 20000 });
  await second.locator('.village-card').waitFor();
  assert.deepEqual(await visibleState(second), before);
  await page.context().close();
  await second.context().close();
});

test('Back and Forward move through meaningful changes', async () => {
  const page = await open('desktop');
  await page.locator('.map-search-input').fill('垛庄');
  await page.locator('.search-result').first().click();
  await page.locator('.village-card[data-place="v-duozhuang"]').waitFor();
  await page.locator('.map-search-input').fill('黄泥沟');
  await page.locator('.search-result').first().click();
  await page.locator('.village-card[data-place="v-huangnigou"]').waitFor();
  await page.goBack();
  await page.locator('.village-card[data-place="v-duozhuang"]').waitFor();
  await page.goForward();
  await page.locator('.village-card[data-place="v-huangnigou"]').waitFor();
  await page.context().close();
});

test('malformed and unknown parameters are ignored with the rest of the view intact', async () => {
  const page = await open('mobile', '?lang=en&zoom=banana&village=v-atlantis&evil=%3Cscript%3E&tables=environment-courtyards');
  await page.locator('.report-section h2', { hasText: 'Environmental clean-up' }).waitFor();
  const notices = await page.locator('.view-notices').textContent();
  assert.match(notices, /v-atlantis/);
  assert.match(notices, /evil/);
  assert.match(notices, /zoom/);
  assert.equal(await page.locator('#chart-environment-courtyards .chart-table-wrap.hidden').count(), 0, 'the valid choice is applied');
  assert.equal(await page.locator('#panic-notice').count(), 0);
  await page.context().close();
});

test('the same in the page\'s own language: the pre-rendered page is taken over, then the notices appear', async () => {
  const page = await open('mobile', '?zoom=banana&village=v-atlantis&evil=1&tables=environment-courtyards');
  const notices = await page.locator('.view-notices').textContent();
  assert.match(notices, /v-atlantis/);
  assert.match(notices, /evil/);
  assert.match(notices, /zoom/);
  assert.match(notices, /链接中已忽略：未知参数 "evil"/, 'in Chinese');
  assert.match(notices, /zoom="banana" 无效/);
  assert.doesNotMatch(notices, /unknown parameter|is not valid/, 'no English reasons');
  // Taken over, not replaced: the valid choice applied, nothing stopped.
  await page.locator('#chart-environment-courtyards .chart-table-wrap:not(.hidden)').waitFor();
  assert.equal(await page.locator('#panic-notice').count(), 0);
  assert.equal(await page.locator('html.wasm-stopped').count(), 0, 'the interactive layer runs');
  await page.context().close();
});

test('the language switch changes every visible label', async () => {
  const page = await open('desktop');
  await page.locator('[data-control="language"]').click();
  await page.locator('.report-section h2', { hasText: 'Cadre team building' }).waitFor();
  assert.match(await page.title(), /Fuguanzhuang/);
  // Chinese may remain only where it is marked as Chinese (names, quotes from the report).
  const leftovers = await page.evaluate(() => {
    const found = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const element = node.parentElement;
      // Words quoted from the report (“…”) stay in the report's language.
      const unquoted = node.textContent.replace(/“[^”]*”/g, '');
      if (!element || !/[\u4e00-\u9fff]/.test(unquoted)) continue;
      if (element.closest('[lang="zh-CN"], .hidden, .sr-only, noscript')) continue;
      const style = getComputedStyle(element);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      found.push(node.textContent.trim().slice(0, 60));
    }
    return found;
  });
  assert.deepEqual(leftovers, []);
  await page.context().close();
});

test('an embedded view tells its host page its height; the iframe grows and shrinks', async () => {
  const page = await open('desktop');
  await page.locator('[data-control="embed"]').click();
  const snippet = await page.locator('#embed-snippet').inputValue();
  assert.match(snippet, /<iframe src="[^"]*embed=1[^"]*" title="[^"]+" loading="lazy"/);
  assert.match(snippet, /<script src="[^"]*embed\.js" defer><\/script>/);
  await page.context().close();
  // Paste the snippet into a host page on the same server (the portal's page in real life).
  const hostFile = join(SITE, 'e2e-host.html');
  writeFileSync(hostFile, `<!DOCTYPE html><html><head><meta charset="utf-8"><title>portal</title></head><body><h1>Portal</h1>\n${snippet}\n</body></html>`);
  try {
    const host = await newPage(browser, 'desktop');
    await host.goto(`${BASE_URL}e2e-host.html`);
    const frame = host.locator('iframe[data-fuguanzhuang-embed]');
    await frame.waitFor();
    const inner = host.frameLocator('iframe[data-fuguanzhuang-embed]');
    await inner.locator('.report-header.embedded').waitFor({ timeout: 20000 });
    assert.equal(await inner.locator('.view-controls').count(), 0, 'no site chrome in embed mode');
    assert.equal(await inner.locator('.open-full').count(), 1);
    await host.waitForFunction(() => {
      const f = document.querySelector('iframe[data-fuguanzhuang-embed]');
      return f.getBoundingClientRect().height > 1500;
    }, null, { timeout: 10000 });
    const content = async () => inner.locator('html').evaluate((root) => root.scrollHeight);
    await host.waitForTimeout(300);
    const tall = await host.evaluate(() => document.querySelector('iframe').getBoundingClientRect().height);
    assert.ok(Math.abs(tall - await content()) <= 8, `iframe ${tall} vs content ${await content()}`);
    // Content shrinks (a village card closes), and so does the iframe.
    await inner.locator('.map-search-input').fill('垛庄');
    await inner.locator('.search-result').first().click();
    await inner.locator('.village-card').waitFor();
    await host.waitForFunction((h) => document.querySelector('iframe').getBoundingClientRect().height > h + 20, tall);
    const withCard = await host.evaluate(() => document.querySelector('iframe').getBoundingClientRect().height);
    await inner.locator('.card-close').click();
    await host.waitForFunction((h) => document.querySelector('iframe').getBoundingClientRect().height < h - 20, withCard);
    assert.deepEqual(await host.cspViolations(), []);
    await host.context().close();
  } finally {
    rmSync(hostFile, { force: true });
  }
});

test('print gives an A4 PDF with every section and no controls', async () => {
  const page = await open('desktop');
  await page.locator('figure.chart canvas').first().waitFor();
  await page.emulateMedia({ media: 'print' });
  const layout = await page.evaluate(() => ({
    sections: [...document.querySelectorAll('.report-section')].map((s) => [s.id, s.getBoundingClientRect().height > 0]),
    controls: [...document.querySelectorAll('.view-controls, .chart-actions, .map-toolbar')].filter((e) => getComputedStyle(e).display !== 'none').length,
    url: getComputedStyle(document.querySelector('.print-url')).display,
  }));
  assert.deepEqual(layout.sections.map(([id]) => id), SNAPSHOT.sections.map((s) => s.id));
  assert.ok(layout.sections.every(([, shown]) => shown), 'every section printed');
  assert.equal(layout.controls, 0, 'no controls on paper');
  assert.equal(layout.url, 'block', 'the URL is printed');
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.ok(pages >= 3, `${pages} pages`);
  await page.context().close();
});

test('a shared link has a preview picture: og:image names a 1200×630 PNG the site serves', async () => {
  const html = await (await fetch(BASE_URL)).text();
  const image = html.match(/<meta property="og:image" content="([^"]+)"/)?.[1];
  assert.ok(image, 'og:image in the page');
  assert.match(html, /<meta name="twitter:card" content="summary_large_image"/);
  const response = await fetch(new URL(image, BASE_URL));
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'image/png');
  const bytes = Buffer.from(await response.arrayBuffer());
  // PNG signature, then the IHDR chunk's width and height.
  assert.equal(bytes.subarray(1, 4).toString(), 'PNG');
  assert.deepEqual([bytes.readUInt32BE(16), bytes.readUInt32BE(20)], [1200, 630]);
});
