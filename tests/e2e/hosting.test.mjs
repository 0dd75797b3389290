// The release build behind the shipped nginx config: headers, MIME types, precompressed
// assets, a strict CSP with zero violations, and serving from a sub-folder.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, newPage, BASE_URL, ROOT, SNAPSHOT, waitForApp, showCanvas } from './browser.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const dist = readdirSync(join(ROOT, 'dist'));
const wasm = dist.find((f) => f.endsWith('_bg.wasm'));
const css = dist.find((f) => f.endsWith('.css'));

test('security and cache headers', async () => {
  const index = await fetch(BASE_URL);
  assert.equal(index.status, 200);
  const csp = index.headers.get('content-security-policy');
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.match(csp, /style-src 'self'/);
  assert.match(csp, /frame-ancestors /);
  assert.doesNotMatch(csp, /unsafe-inline/);
  assert.equal(index.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(index.headers.get('referrer-policy'), 'strict-origin-when-cross-origin');
  assert.equal(index.headers.get('cache-control'), 'no-cache');
  const snapshot = await fetch(`${BASE_URL}data/snapshot.json`);
  assert.equal(snapshot.headers.get('cache-control'), 'no-cache', 'a new snapshot shows on the next visit');
  assert.match(snapshot.headers.get('content-type'), /application\/json/);
  const module = await fetch(`${BASE_URL}${wasm}`, { headers: { 'accept-encoding': 'gzip' } });
  assert.equal(module.headers.get('content-type'), 'application/wasm');
  assert.equal(module.headers.get('content-encoding'), 'gzip', 'precompressed .gz served');
  assert.match(module.headers.get('cache-control'), /max-age=31536000, immutable/);
  const brotli = await fetch(`${BASE_URL}${wasm}`, { headers: { 'accept-encoding': 'br, gzip' } });
  assert.equal(brotli.headers.get('content-encoding'), 'br', 'precompressed .br served');
  const style = await fetch(`${BASE_URL}${css}`);
  assert.match(style.headers.get('content-type'), /text\/css/);
});

test('the whole page runs under the strict CSP with zero violations', async () => {
  const page = await newPage(browser, 'mobile');
  await page.goto(BASE_URL);
  await page.locator('main h1.township-name').waitFor({ timeout: 20000 });
  // Exercise what sets styles and makes files: tooltips, map, downloads.
  await waitForApp(page);
  const figure = page.locator('#chart-environment-cleanup');
  const canvas = await showCanvas(page, '#chart-environment-cleanup');
  await canvas.evaluate((e) => e.scrollIntoView({ block: 'center' }));
  const box = await canvas.boundingBox();
  await page.touchscreen.tap(box.x + 40, box.y + 36);
  await figure.locator('.chart-tooltip').waitFor();
  await page.locator('.map-search-input').fill('垛庄');
  await page.locator('.search-result').first().click();
  await page.locator('.village-card').waitFor();
  assert.deepEqual(await page.cspViolations(), []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('served from a sub-folder, everything loads', async () => {
  const page = await newPage(browser, 'desktop');
  const failed = [];
  page.on('response', (response) => { if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`); });
  await page.goto(`${BASE_URL}reports/fuguanzhuang/`);
  await page.locator('main h1.township-name').waitFor({ timeout: 20000 });
  assert.equal(await page.locator('main h1.township-name').textContent(), SNAPSHOT.meta.township.name.zh);
  await page.locator('figure.chart canvas').first().waitFor();
  assert.deepEqual(failed, []);
  assert.deepEqual(await page.cspViolations(), []);
  await page.context().close();
});

test('the built site ships only what it serves: no synthetic snapshot, template or raw data', () => {
  const files = [];
  const walk = (dir, prefix = '') => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name), `${prefix}${entry.name}/`);
      else files.push(`${prefix}${entry.name}`);
    }
  };
  walk(join(ROOT, 'dist'));
  const shipped = files.filter((file) => file.startsWith('data/') && !/\.(gz|br)$/.test(file)).sort();
  assert.deepEqual(shipped, ['data/geo/locator-linyi-wgs84.json', 'data/snapshot.json', 'data/snapshot.schema.json', 'data/sources/fuguanzhuang-2021-report.txt']);
  assert.deepEqual(files.filter((file) => /synthetic|template|\.csv$/.test(file)), []);
});
