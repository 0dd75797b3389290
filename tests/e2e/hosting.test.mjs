// The release build behind the shipped nginx config: headers, MIME types, precompressed
// assets, a strict CSP with zero violations, and serving from a sub-folder.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
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

/** The page's inline style and the CSP source that allows it. */
function inlineStyle(html) {
  const style = html.match(/<style>([\s\S]*?)<\/style>/)?.[1];
  assert.ok(style, 'the page carries its stylesheet in a <style>');
  return { style, source: `'sha256-${createHash('sha256').update(style).digest('base64')}'` };
}

/** Text of `file` as committed at HEAD, or null where there is no git checkout. */
function committed(file) {
  try {
    return execFileSync('git', ['show', `HEAD:${file}`], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return null;
  }
}

test('the first response paints by itself: the stylesheet is in the page, allowed by its hash, and the policy people copy carries that hash', async (t) => {
  const response = await fetch(BASE_URL);
  const html = await response.text();
  const { style, source } = inlineStyle(html);
  const head = html.slice(0, html.indexOf('</head>'));
  assert.doesNotMatch(head, /<link rel="stylesheet" href="\.\/app-/, 'no stylesheet file to wait for before the first paint');
  assert.ok(response.headers.get('content-security-policy').includes(`style-src 'self' ${source};`), 'the served policy allows exactly this style');
  for (const file of ['deploy/site.conf', 'README.md']) {
    assert.ok(readFileSync(join(ROOT, file), 'utf8').includes(`style-src 'self' ${source};`), `${file} carries the hash`);
  }
  // The same style on every page the build makes (one hash for the whole site).
  const visual = dist.find((f) => /^visual-.*\.html$/.test(f));
  assert.equal(inlineStyle(readFileSync(join(ROOT, 'dist', visual), 'utf8')).style, style, visual);
  // What a portal copies is the committed config: it must match what the build made from the
  // committed stylesheet (a stylesheet changed but not yet committed is said, not failed).
  const cssChanged = committed('public/app.css') !== readFileSync(join(ROOT, 'public', 'app.css'), 'utf8');
  if (committed('deploy/site.conf') === null) {
    t.diagnostic('no git checkout: the committed policy is not compared');
  } else if (cssChanged) {
    t.diagnostic('public/app.css differs from HEAD: commit it with deploy/site.conf and README.md (the build wrote the new hash there)');
  } else {
    for (const file of ['deploy/site.conf', 'README.md']) {
      assert.ok(committed(file).includes(`style-src 'self' ${source};`), `${file} as committed carries the built stylesheet's hash: commit the file the build rewrote`);
    }
  }
});

/** Opens the report served with the policy a portal copied before this stylesheet (no hash). */
async function openUnderOlderPolicy(extra) {
  const page = await newPage(browser, 'mobile', extra);
  await page.route(/\/(index\.html)?(\?.*)?$/, async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    headers['content-security-policy'] = headers['content-security-policy'].replace(/style-src 'self' 'sha256-[^']+';/, "style-src 'self';");
    await route.fulfill({ response, headers });
  });
  await page.goto(BASE_URL);
  return page;
}

const looks = (page) => page.evaluate(() => {
  const style = (selector, property) => getComputedStyle(document.querySelector(selector)).getPropertyValue(property);
  return {
    marker: style(':root', '--stylesheet').trim(),
    headingSize: style('main h1.township-name', 'font-size'),
    gridDisplay: style('.figure-grid', 'display'),
    noteHidden: style('#stale-data-note', 'display'),
    // Without JavaScript the controls that need it step aside (noscript.css comes last).
    controls: style('.view-controls', 'display'),
  };
});

/** How the report looks served with today's policy. */
async function looksNormally(extra) {
  const page = await newPage(browser, 'mobile', extra);
  await page.goto(BASE_URL);
  await page.locator('main h1.township-name').waitFor();
  const seen = await looks(page);
  assert.equal(seen.marker, '1');
  assert.deepEqual(await page.cspViolations(), []);
  await page.context().close();
  return seen;
}

test('served with an older policy (no hash for this style), the page links its stylesheet and looks the same, with and without JavaScript', async () => {
  const expected = await looksNormally({});
  assert.notEqual(expected.controls, 'none');
  const page = await openUnderOlderPolicy({});
  await page.locator('link[rel="stylesheet"][href^="./app-"]').waitFor({ state: 'attached' });
  await page.waitForFunction(() => getComputedStyle(document.documentElement).getPropertyValue('--stylesheet').trim() === '1');
  assert.deepEqual(await looks(page), expected);
  assert.ok((await page.cspViolations()).some((violation) => violation.startsWith('style-src')), 'the blocked inline style is reported');
  await page.context().close();

  const expectedWithoutScripts = await looksNormally({ javaScriptEnabled: false });
  assert.equal(expectedWithoutScripts.controls, 'none');
  const withoutScripts = await openUnderOlderPolicy({ javaScriptEnabled: false });
  await withoutScripts.waitForFunction(() => getComputedStyle(document.documentElement).getPropertyValue('--stylesheet').trim() === '1');
  assert.deepEqual(await looks(withoutScripts), expectedWithoutScripts);
  await withoutScripts.context().close();
});
