// Shared set-up for the end-to-end tests: Debian's Chromium driven by playwright-core.
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:8080/';
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ARTIFACTS = join(ROOT, 'tests', 'e2e', 'artifacts');
/** The folder being served: a copy of dist/ with the tests' synthetic snapshots (scripts/e2e.sh). */
export const SITE = process.env.SITE_DIR ?? join(ROOT, 'dist');
mkdirSync(ARTIFACTS, { recursive: true });

/** The snapshot the app ships with, read from disk to compare with what the page shows. */
export const SNAPSHOT = JSON.parse(readFileSync(join(ROOT, 'data', 'snapshot.json'), 'utf8'));

export const VIEWPORTS = {
  mobile: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
};

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
    // playwright gives every launch a fresh temporary profile of its own.
  });
}

/** A new page that records console errors and uncaught exceptions in `page.errors`. */
export async function newPage(browser, viewportName, extra = {}) {
  const context = await browser.newContext({ ...VIEWPORTS[viewportName], locale: 'zh-CN', ...extra });
  // Every Content-Security-Policy violation is recorded (the shipped nginx config is strict).
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const page = await context.newPage();
  page.errors = [];
  page.cspViolations = () => page.evaluate(() => window.__cspViolations ?? []);
  page.on('console', (message) => {
    if (message.type() === 'error') page.errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => page.errors.push(`pageerror: ${error.message}`));
  return page;
}

/** Waits until the app has taken over the pre-rendered page (every block). */
export async function waitForApp(page, timeout = 20000) {
  await page.locator('main .report[data-complete="true"]').waitFor({ timeout });
}

/**
 * Scrolls `selector` (a chart or the map) into view and waits until its canvas has been drawn
 * and has replaced the pre-rendered SVG (canvases are drawn when they come near the screen).
 */
export async function showCanvas(page, selector, timeout = 20000) {
  const box = page.locator(selector).first();
  await box.scrollIntoViewIfNeeded();
  await box.locator('canvas').waitFor({ state: 'visible', timeout });
  return box.locator('canvas');
}

/**
 * Runs axe-core on the page and fails with its violations (`label` says where). axe is added
 * as a script: open the page with `bypassCSP: true` for it.
 */
export async function expectNoAxeViolations(page, label) {
  await page.addScriptTag({ path: join(ROOT, 'node_modules', 'axe-core', 'axe.min.js') });
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  assert.deepEqual(result, [], `${label}: ${JSON.stringify(result, null, 1)}`);
}
