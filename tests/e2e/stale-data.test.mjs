// A snapshot put on a site by hand (not with `snapshot publish`): the pre-rendered page still
// shows the figures it was rendered from. Readers whose browser runs the interactive layer get
// the new data (the app renders it); readers without it must not take the old figures for
// current: the start-up script compares the site's data file with the page's fingerprint and
// says so above the report, naming both as-of dates. Each case is a copy of the built site in
// a folder of its own (the site works from any sub-folder), changed as a site operator would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, newPage, waitForApp, BASE_URL, ROOT, SITE, SNAPSHOT, ARTIFACTS } from './browser.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => {
  await browser?.close();
  for (const name of ['stale-site', 'same-site', 'offline-stale-site']) rmSync(join(SITE, name), { recursive: true, force: true });
});

const FIGURE = 'cadres_trained';
const NEW_AS_OF = '2022-07-12';
const NO_WASM = () => { delete globalThis.WebAssembly; };

/** The default snapshot with one figure changed (238 → 999) and a later as-of date. */
function replacedSnapshot() {
  const snapshot = structuredClone(SNAPSHOT);
  const figure = snapshot.indicators.find((indicator) => indicator.id === FIGURE);
  assert.notEqual(figure.value, 999);
  figure.value = 999;
  snapshot.meta.as_of = NEW_AS_OF;
  return JSON.stringify(snapshot, null, 2);
}

/** A copy of the built site in SITE/`name`/; its data file replaced by hand when `replace`. */
function siteCopy(name, replace) {
  const folder = join(SITE, name);
  rmSync(folder, { recursive: true, force: true });
  cpSync(join(ROOT, 'dist'), folder, { recursive: true });
  if (replace) replaceDataFile(folder);
  return `${BASE_URL}${name}/`;
}

/** What an operator does: a new data/snapshot.json, its stale .gz/.br siblings removed. */
function replaceDataFile(folder) {
  writeFileSync(join(folder, 'data', 'snapshot.json'), replacedSnapshot());
  for (const sibling of ['snapshot.json.gz', 'snapshot.json.br']) rmSync(join(folder, 'data', sibling), { force: true });
}

async function openWithout(url, viewport = 'mobile') {
  const page = await newPage(browser, viewport);
  await page.addInitScript(NO_WASM);
  await page.goto(url);
  await page.waitForFunction(() => ['same', 'replaced', 'unchecked'].includes(document.documentElement.dataset.dataFile), null, { timeout: 20000 });
  return page;
}

const note = (page) => page.locator('#stale-data-note');
const shownFigure = (page) => page.locator(`main .figure-grid [data-indicator="${FIGURE}"] .figure-number`).first().textContent();

test('without WebAssembly, a data file replaced by hand: one line above the report says the figures are older, with both dates (zh and en)', async () => {
  const url = siteCopy('stale-site', true);
  for (const query of ['', '?lang=en']) {
    const page = await openWithout(`${url}${query}`);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.dataFile), 'replaced');
    assert.ok(await note(page).isVisible(), 'the stale-data line shows');
    const zh = await note(page).locator('span[lang="zh-CN"]').innerText();
    const en = await note(page).locator('span[lang="en"]').innerText();
    assert.match(zh, new RegExp(`较早版本的数据（截至 ${SNAPSHOT.meta.as_of}）`));
    assert.match(zh, new RegExp(`数据文件已更换（截至 ${NEW_AS_OF}）`));
    assert.match(zh, /需要重新发布/);
    assert.match(en, new RegExp(`earlier version of the data \\(as of ${SNAPSHOT.meta.as_of}\\)`));
    assert.match(en, new RegExp(`has been replaced \\(as of ${NEW_AS_OF}\\)`));
    assert.match(en, /needs to be republished/);
    // The current data file is linked, and it is the replaced one.
    const link = await note(page).locator('a').first().evaluate((a) => a.href);
    assert.equal(link, `${url}data/snapshot.json`);
    // The line is above the report's figures, which are still the page's (older) ones.
    assert.match(await shownFigure(page), /238/);
    const lineBottom = (await note(page).boundingBox()).y + (await note(page).boundingBox()).height;
    const title = await page.locator('main h1.township-name').boundingBox();
    assert.ok(lineBottom <= title.y, 'the line is above the report');
    if (!query) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(ARTIFACTS, 'stale-data-no-wasm-mobile.png') });
    }
    assert.deepEqual(page.errors, []);
    assert.deepEqual(await page.cspViolations(), []);
    await page.context().close();
  }
  // A page of one visual from the same site says it too.
  const visual = await openWithout(`${url}visual-figure-${FIGURE}.html`, 'desktop');
  assert.ok(await note(visual).isVisible(), 'the visual page shows the line');
  await visual.screenshot({ path: join(ARTIFACTS, 'stale-data-no-wasm-visual-desktop.png') });
  await visual.context().close();
});

test('with WebAssembly, the same site shows the new figures and no such line', async () => {
  const page = await newPage(browser, 'mobile');
  await page.goto(`${BASE_URL}stale-site/`);
  await waitForApp(page);
  await page.waitForFunction((id) => /999/.test(document.querySelector(`main .figure-grid [data-indicator="${id}"] .figure-number`)?.textContent ?? ''), FIGURE, { timeout: 20000 });
  assert.equal(await note(page).isVisible(), false);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.dataFile ?? null), null, 'nothing to check: the app shows the data file');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('without WebAssembly, a data file the page was rendered from: no line', async () => {
  const url = siteCopy('same-site', false);
  const page = await openWithout(url);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.dataFile), 'same');
  assert.equal(await note(page).isVisible(), false);
  assert.match(await shownFigure(page), /238/);
  // Another snapshot by link (?data=) is a different matter (its own note): not compared.
  const other = await newPage(browser, 'mobile');
  await other.addInitScript(NO_WASM);
  await other.goto(`${url}?data=data/snapshot.json`);
  await other.locator('#other-snapshot-note').waitFor();
  assert.equal(await other.evaluate(() => document.documentElement.dataset.dataFile ?? null), null);
  assert.equal(await note(other).isVisible(), false);
  assert.deepEqual([...page.errors, ...other.errors], []);
  await page.context().close();
  await other.context().close();
});

test('offline, a saved page older than the saved data file gets the same line', async () => {
  const url = siteCopy('offline-stale-site', false);
  const page = await openWithout(url);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.dataFile), 'same');
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  // From the next load on the worker keeps the page and the data it serves.
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  // The operator replaces the data file; the reader comes back online once, then offline.
  replaceDataFile(join(SITE, 'offline-stale-site'));
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.dataFile === 'replaced', null, { timeout: 20000 });
  await page.context().setOffline(true);
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.dataFile === 'replaced', null, { timeout: 20000 });
  assert.ok(await note(page).isVisible(), 'offline, the saved copies disagree and the line says so');
  assert.match(await note(page).innerText(), new RegExp(`截至 ${NEW_AS_OF}`));
  assert.match(await shownFigure(page), /238/);
  await page.context().setOffline(false);
  assert.deepEqual(page.errors.filter((error) => !/ERR_INTERNET_DISCONNECTED/.test(error)), []);
  await page.context().close();
});
