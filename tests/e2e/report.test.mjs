// The report view: charts really drawn, tooltips by touch and mouse, legend toggles, the table
// view, downloads, keyboard navigation, and layout at 320 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launchBrowser, newPage, waitForApp, showCanvas, BASE_URL, SNAPSHOT } from './browser.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const indicator = (id) => SNAPSHOT.indicators.find((i) => i.id === id);
const chartBlocks = SNAPSHOT.sections.flatMap((s) => s.blocks).filter((b) => b.type === 'chart');

/** Reads a displayed mark such as "1.3万", "10+", "≈200", "3,400" back into value and qualifier. */
function parseMark(text) {
  let t = text.trim();
  let qualifier = 'exact';
  if (t === 'N') return { value: null, qualifier };
  if (t.endsWith('+')) { qualifier = 'at_least'; t = t.slice(0, -1); }
  if (t.startsWith('≈')) { qualifier = 'about'; t = t.slice(1); }
  if (t.startsWith('≤')) { qualifier = 'at_most'; t = t.slice(1); }
  let factor = 1;
  if (t.endsWith('万')) { factor = 1e4; t = t.slice(0, -1); }
  if (t.endsWith('亿')) { factor = 1e8; t = t.slice(0, -1); }
  return { value: Math.round(Number(t.replaceAll(',', '')) * factor * 100) / 100, qualifier };
}

async function openReport(viewport, extra) {
  const page = await newPage(browser, viewport, extra);
  await page.goto(BASE_URL);
  // The page holds the whole report; wait until the app has taken all of it over.
  await waitForApp(page);
  return page;
}

/** Number of canvas pixels that differ from the top-left (background) pixel, and a hash. */
async function canvasPixels(page, figureId) {
  return page.locator(`#${figureId} canvas`).evaluate((canvas) => {
    const context = canvas.getContext('2d');
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let painted = 0; let hash = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) painted++;
      hash = (hash * 31 + data[i] + data[i + 1] * 7 + data[i + 2] * 13) | 0;
    }
    return { painted, hash, width: canvas.width, height: canvas.height, cssWidth: canvas.clientWidth };
  });
}

async function waitForPaint(page, figureId) {
  // Canvases are drawn when they come near the screen.
  await page.locator(`#${figureId}`).evaluate((element) => element.scrollIntoView({ block: 'center' }));
  await page.waitForFunction((id) => {
    const canvas = document.querySelector(`#${id} canvas`);
    return canvas && canvas.width > 0 && canvas.clientWidth > 0 &&
      Math.abs(canvas.width - Math.round(canvas.clientWidth * devicePixelRatio)) <= 1;
  }, figureId, { timeout: 10000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

for (const viewport of ['mobile', 'desktop']) {
  test(`every chart is drawn, crisp for the device pixel ratio (${viewport})`, async () => {
    const page = await openReport(viewport);
    assert.equal(await page.locator('figure.chart').count(), chartBlocks.length);
    for (const block of chartBlocks) {
      const id = `chart-${block.id}`;
      await page.locator(`#${id}`).scrollIntoViewIfNeeded();
      await waitForPaint(page, id);
      const pixels = await canvasPixels(page, id);
      const dpr = viewport === 'mobile' ? 3 : 1;
      assert.equal(pixels.width, Math.round(pixels.cssWidth * dpr), `${id} backing store follows dpr`);
      assert.ok(pixels.painted > pixels.width * 10, `${id} has painted pixels (${pixels.painted})`);
    }
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test('charts far below the fold keep their pre-rendered SVG until the reader gets near; the canvas replaces it at the same height', async () => {
  const page = await openReport('mobile');
  const far = await page.evaluate(() => [...document.querySelectorAll('figure.chart')]
    .filter((figure) => figure.getBoundingClientRect().top > 2.5 * innerHeight).map((figure) => figure.id));
  assert.ok(far.length > 0, 'some charts start far below the fold');
  const id = far[far.length - 1];
  const figure = page.locator(`#${id}`);
  assert.equal(await figure.locator('canvas').isVisible(), false, `${id} is not drawn while far away`);
  assert.ok(await figure.locator('svg.static-drawing').isVisible(), 'its SVG stands in');
  const before = await figure.evaluate((element) => element.getBoundingClientRect().height);
  const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
  await figure.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  await figure.locator('canvas').waitFor({ state: 'visible', timeout: 10000 });
  assert.ok((await canvasPixels(page, id)).painted > 1000, 'drawn once near');
  assert.equal(await figure.locator('svg.static-drawing').isVisible(), false, 'the canvas took the SVG\'s place');
  assert.equal(await figure.evaluate((element) => element.getBoundingClientRect().height), before, 'the figure kept its height');
  assert.equal(await page.evaluate(() => document.documentElement.scrollHeight), pageHeight, 'drawing did not change the page height');
  await page.context().close();
});

test('printing before the report has finished appearing prints every section', async () => {
  // A view rendered afresh in the browser (English) adds its sections frame by frame; the
  // pre-rendered default view has them all from the start.
  const page = await newPage(browser, 'mobile');
  // In the page itself: print as soon as the app's first section is there (the English view
  // is rendered afresh, replacing the pre-rendered Chinese one).
  await page.addInitScript(() => {
    window.__printed = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        const report = document.querySelector('main .report');
        if (document.documentElement.lang !== 'en' || !report || document.querySelector('#app[data-snapshot]')) return;
        observer.disconnect();
        const before = report.querySelectorAll('.report-section').length;
        dispatchEvent(new Event('beforeprint'));
        setTimeout(() => resolve({ before, after: [...document.querySelectorAll('main .report-section')].map((s) => s.id) }), 0);
      });
      observer.observe(document, { childList: true, subtree: true, attributes: true });
    });
  });
  await page.goto(`${BASE_URL}?lang=en`);
  const sections = await page.evaluate(() => window.__printed);
  assert.ok(sections.before < SNAPSHOT.sections.length, `caught the report while it was appearing (${sections.before})`);
  assert.deepEqual(sections.after, SNAPSHOT.sections.map((s) => s.id));
  await page.evaluate(() => dispatchEvent(new Event('afterprint')));
  await page.context().close();
});

test('printing right after opening draws every chart and the map, even those never scrolled to', async () => {
  const page = await openReport('mobile');
  // The browser lays out the printout right after beforeprint, before any animation frame.
  const painted = await page.evaluate(async () => {
    dispatchEvent(new Event('beforeprint'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    return [...document.querySelectorAll('figure.chart canvas, .map-canvas')].map((canvas) => {
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      let count = 0;
      for (let i = 4; i < data.length; i += 4) if (data[i] !== data[0] || data[i + 1] !== data[1]) count++;
      return count;
    });
  });
  assert.equal(painted.length, chartBlocks.length + 1);
  for (const count of painted) assert.ok(count > 1000, `every canvas painted for print (${painted})`);
  await page.evaluate(() => dispatchEvent(new Event('afterprint')));
  await page.context().close();
});

test('a tap on a bar shows its value and qualifier; tapping elsewhere closes it', async () => {
  const page = await openReport('mobile');
  const figure = page.locator('#chart-environment-cleanup');
  // Centred, so the sticky section navigation does not cover the rows tapped.
  await waitForPaint(page, 'chart-environment-cleanup');
  const box = await figure.locator('canvas').boundingBox();
  // The first row's bar: 6 px top padding + 22..38 px of a 62 px row.
  await page.touchscreen.tap(box.x + 40, box.y + 6 + 30);
  const tooltip = figure.locator('.chart-tooltip');
  await tooltip.waitFor({ timeout: 5000 });
  const machines = indicator('machines_deployed');
  assert.equal(await tooltip.getAttribute('data-datum'), machines.id);
  const text = await tooltip.textContent();
  assert.match(text, /10\+辆/);
  assert.match(text, /至少/);
  assert.ok(text.includes(machines.quote), 'tooltip shows the source phrase');
  // The third row (dead corners, 150+).
  await page.touchscreen.tap(box.x + 40, box.y + 6 + 62 * 2 + 30);
  await page.waitForFunction(() => document.querySelector('#chart-environment-cleanup .chart-tooltip')?.dataset.datum === 'dead_corners_cleaned');
  assert.match(await tooltip.textContent(), /150\+处/);
  await page.touchscreen.tap(5, 5);
  await tooltip.waitFor({ state: 'detached', timeout: 5000 });
  await page.context().close();
});

test('hovering with a mouse shows the tooltip (desktop)', async () => {
  const page = await openReport('desktop');
  const figure = page.locator('#chart-environment-courtyards');
  await waitForPaint(page, 'chart-environment-courtyards');
  const box = await figure.locator('canvas').boundingBox();
  await page.mouse.move(box.x + 100, box.y + 6 + 50 + 30);
  const tooltip = figure.locator('.chart-tooltip');
  await tooltip.waitFor({ timeout: 5000 });
  assert.equal(await tooltip.getAttribute('data-datum'), 'premium_courtyards');
  assert.match(await tooltip.textContent(), /1200户/);
  await page.context().close();
});

test('a legend toggle changes the drawing and can be undone', async () => {
  const page = await openReport('mobile');
  const id = 'chart-environment-courtyards';
  await page.locator(`#${id}`).scrollIntoViewIfNeeded();
  await waitForPaint(page, id);
  const before = await canvasPixels(page, id);
  const toggle = page.locator(`#${id} .legend-toggle[data-indicator="beautiful_courtyards"]`);
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  await waitForPaint(page, id);
  const hidden = await canvasPixels(page, id);
  assert.notEqual(hidden.hash, before.hash, 'drawing changed');
  assert.ok(hidden.height < before.height, 'one row fewer');
  await toggle.click();
  await waitForPaint(page, id);
  assert.equal((await canvasPixels(page, id)).hash, before.hash, 'drawing restored');
  await page.context().close();
});

test('the table view holds the same numbers as the snapshot, and the chart redraws after it', async () => {
  const page = await openReport('desktop');
  for (const block of chartBlocks) {
    const figure = page.locator(`#chart-${block.id}`);
    await figure.locator('.table-toggle').click();
    const rows = figure.locator('.chart-table-wrap tbody tr');
    assert.equal(await rows.count(), block.indicators.length);
    for (let r = 0; r < block.indicators.length; r++) {
      const row = rows.nth(r);
      const expected = indicator(await row.getAttribute('data-indicator'));
      const shown = parseMark(await row.locator('.num').textContent());
      assert.equal(shown.value, expected.value, expected.id);
      assert.equal(shown.qualifier, expected.qualifier ?? 'exact', expected.id);
    }
    assert.equal(await figure.locator('canvas').isVisible(), false);
    await figure.locator('.table-toggle').click();
    await waitForPaint(page, `chart-${block.id}`);
    assert.ok((await canvasPixels(page, `chart-${block.id}`)).painted > 1000, 'redrawn after being hidden');
  }
  // The all-figures table too.
  const rows = page.locator('.indicator-table tbody tr');
  assert.equal(await rows.count(), SNAPSHOT.indicators.length);
  for (let r = 0; r < SNAPSHOT.indicators.length; r++) {
    const row = rows.nth(r);
    const expected = indicator(await row.getAttribute('data-indicator'));
    assert.equal(parseMark(await row.locator('.num').textContent()).value, expected.value, expected.id);
  }
  await page.context().close();
});

test('figure cards show qualifiers honestly and open to their source phrase', async () => {
  const page = await openReport('mobile');
  const marks = {};
  for (const card of await page.locator('.figure-card').all()) {
    marks[await card.getAttribute('data-indicator')] = (await card.locator('.figure-number').textContent()).trim();
  }
  assert.equal(marks.machines_deployed, '10+');
  assert.equal(marks.dead_corners_cleaned, '150+');
  assert.equal(marks.volunteers_recruited, '≈200');
  assert.equal(marks.trees_planted, '1.3万');
  assert.equal(marks.cadres_trained, '238');
  const card = page.locator('.figure-card[data-indicator="volunteers_recruited"]');
  await card.locator('> summary').tap();
  assert.equal(await card.getAttribute('open'), '');
  assert.ok((await card.locator('blockquote').textContent()).includes('招募近200名志愿者'));
  await page.context().close();
});

test('downloads: PNG, SVG that parses, and CSV with a BOM and the figures', async () => {
  const page = await newPage(browser, 'desktop', { acceptDownloads: true });
  await page.goto(BASE_URL);
  await waitForApp(page);
  const figure = page.locator('#chart-environment-cleanup');
  await showCanvas(page, '#chart-environment-cleanup');
  const save = async (format) => {
    const [download] = await Promise.all([page.waitForEvent('download'), figure.locator(`[data-download="${format}"]`).click()]);
    return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
  };
  const png = await save('png');
  assert.match(png.name, /\.png$/);
  assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.ok(png.bytes.length > 5000, `png is ${png.bytes.length} bytes`);
  const svg = await save('svg');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return { error: doc.querySelector('parsererror')?.textContent ?? null, root: doc.documentElement.nodeName, texts: [...doc.querySelectorAll('text')].map((t) => t.textContent.trim()) };
  }, svg.bytes.toString('utf8'));
  assert.equal(parsed.error, null);
  assert.equal(parsed.root, 'svg');
  assert.ok(parsed.texts.includes('10+辆'), parsed.texts.join('|'));
  const csv = await save('csv');
  assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const text = csv.bytes.toString('utf8');
  for (const id of ['machines_deployed', 'trees_planted', 'old_refuse_removed']) {
    const i = indicator(id);
    assert.ok(text.includes(`${id},${i.label.zh},${i.value},`), `${id} row in CSV`);
  }
  assert.match(text, /machines_deployed,出动大型机械,10,至少,辆/);
  await page.context().close();
});

test('keyboard: arrow keys move through data points and announce them', async () => {
  const page = await openReport('desktop');
  const figure = page.locator('#chart-team-shares');
  await figure.locator('canvas').focus();
  await page.keyboard.press('ArrowDown');
  const tooltip = figure.locator('.chart-tooltip');
  await tooltip.waitFor();
  assert.equal(await tooltip.getAttribute('data-datum'), 'one_shoulder_villages');
  const live = figure.locator('[aria-live="polite"]');
  assert.match(await live.textContent(), /15个.*共57个行政村/);
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.querySelector('#chart-team-shares .chart-tooltip')?.dataset.datum === 'communities_with_young_female_cadre');
  assert.match(await live.textContent(), /16个/);
  await page.keyboard.press('Escape');
  await tooltip.waitFor({ state: 'detached' });
  await page.context().close();
});

test('at 320 px nothing is wider than the screen, and charts redraw on resize', async () => {
  const page = await openReport('mobile', { viewport: { width: 320, height: 700 } });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page overflows by ${overflow}px`);
  for (const figure of await page.locator('figure.chart').all()) {
    const box = await figure.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 320, 'chart fits');
  }
  const id = 'chart-environment-courtyards';
  await waitForPaint(page, id);
  const narrow = await canvasPixels(page, id);
  await page.setViewportSize({ width: 844, height: 390 });
  await waitForPaint(page, id);
  const wide = await canvasPixels(page, id);
  assert.ok(wide.width > narrow.width, `rotated: ${narrow.width} → ${wide.width}`);
  assert.equal(wide.width, Math.round(wide.cssWidth * 3));
  await page.context().close();
});
