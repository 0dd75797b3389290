// Accessibility: axe-core on every view, in normal, dark and large-text (适老化) modes at phone
// and desktop sizes; and the main journey by keyboard alone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, newPage, waitForApp, showCanvas, BASE_URL, expectNoAxeViolations } from './browser.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });



const MODES = [
  ['normal', ''],
  ['dark', 'theme=dark'],
  ['large', 'large=1'],
];

for (const viewport of ['mobile', 'desktop']) {
  for (const [mode, query] of MODES) {
    test(`axe finds no violations: ${mode}, ${viewport}`, async () => {
      // axe is injected as a script: let it past the strict CSP in this test only.
      const page = await newPage(browser, viewport, { bypassCSP: true });
      await page.goto(`${BASE_URL}?${query}`);
      await waitForApp(page);
      await showCanvas(page, 'figure.chart');
      await showCanvas(page, '.map-box');
      await expectNoAxeViolations(page, `${mode} ${viewport} report`);
      // Open views: a village card, a figure's source, a chart as table, the embed panel.
      await page.locator('.map-search-input').fill('垛庄');
      await page.locator('.search-result').first().click();
      await page.locator('.village-card').waitFor();
      await page.locator('.figure-card > summary').first().click();
      await page.locator('#chart-team-shares .table-toggle').click();
      // (Large-text mode hides the embed code: fewer controls.)
      if (await page.locator('[data-control="embed"]').isVisible()) await page.locator('[data-control="embed"]').click();
      // A chart's link / embed disclosure opened.
      await page.locator('#chart-team-shares .visual-share > summary').click();
      await page.locator('#chart-team-shares .visual-snippet').waitFor();
      await expectNoAxeViolations(page, `${mode} ${viewport} opened views`);
      await page.context().close();
    });

    test(`axe finds no violations in single visuals: ${mode}, ${viewport}`, async () => {
      const page = await newPage(browser, viewport, { bypassCSP: true });
      for (const [file, visual] of [['visual-chart-environment-cleanup.html', 'chart:environment-cleanup'], ['visual-figure-volunteers_recruited.html', 'figure:volunteers_recruited'], ['visual-map.html', 'map'], ['visual-section-civility.html', 'section:civility']]) {
        await page.goto(`${BASE_URL}${file}?visual=${visual}&embed=1&${query}`);
        await page.locator('.single-visual[data-complete="true"]').waitFor({ timeout: 20000 });
        await expectNoAxeViolations(page, `${mode} ${viewport} ${visual}`);
      }
      await page.context().close();
    });
  }
}

test('text zoomed to 200 % by the reader still fits a 390 px phone', async () => {
  // The reader's own font-size setting is simulated by doubling the root font size.
  const page = await newPage(browser, 'mobile', { bypassCSP: true });
  await page.goto(BASE_URL);
  await page.locator('.report[data-complete="true"]').waitFor({ timeout: 20000 });
  const before = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
  const after = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  assert.equal(after, before * 2, 'text follows the root size (rem-based)');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page overflows by ${overflow}px at 200 % text`);
  await page.context().close();
});

test('large-text mode: at least 18 px text, line height ≥ 1.3, 60 px targets, fewer controls', async () => {
  const page = await newPage(browser, 'mobile');
  await page.goto(`${BASE_URL}?large=1`);
  await page.locator('.report[data-complete="true"]').waitFor({ timeout: 20000 });
  const metrics = await page.evaluate(() => {
    const body = getComputedStyle(document.body);
    const targets = [...document.querySelectorAll('button, a.programme-chip, select, input')]
      .filter((e) => e.offsetParent !== null)
      .map((e) => [e.className || e.tagName, e.getBoundingClientRect().height]);
    return { size: parseFloat(body.fontSize), lineHeight: parseFloat(body.lineHeight) / parseFloat(body.fontSize), small: targets.filter(([, h]) => h < 59.5) };
  });
  assert.ok(metrics.size >= 18, `${metrics.size}px`);
  assert.ok(metrics.lineHeight >= 1.3, `line height ${metrics.lineHeight}`);
  assert.deepEqual(metrics.small, [], 'every target is at least 60 px tall');
  assert.equal(await page.locator('[data-download]:visible').count(), 0, 'downloads step aside');
  await page.context().close();
});

test('the main journey by keyboard alone', async () => {
  const page = await newPage(browser, 'desktop');
  await page.goto(BASE_URL);
  await page.locator('figure.chart canvas').first().waitFor({ timeout: 20000 });
  const focused = () => page.evaluate(() => {
    const e = document.activeElement;
    return { tag: e?.tagName, cls: e?.className ?? '', text: (e?.textContent ?? '').trim().slice(0, 30), control: e?.dataset?.control ?? null };
  });
  async function tabTo(predicate, limit = 200) {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab');
      if (predicate(await focused())) return true;
    }
    return false;
  }
  // Open a programme from the section navigation.
  assert.ok(await tabTo((f) => f.cls.includes('programme-chip') && f.text === '环境整治'));
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('section') === 'environment');
  // Read a chart value with the arrow keys.
  assert.ok(await tabTo((f) => f.tag === 'CANVAS' && f.cls.includes('chart-canvas')));
  await page.keyboard.press('ArrowDown');
  const live = await page.evaluate(() => document.activeElement.closest('figure').querySelector('[aria-live]').textContent);
  assert.match(live, /出动大型机械：至少10辆/);
  // Open a village card from the map's list.
  assert.ok(await tabTo((f) => f.cls.includes('village-button')));
  await page.keyboard.press('Enter');
  await page.locator('.village-card').waitFor();
  // Switch the language.
  await page.keyboard.press('Home');
  await page.evaluate(() => document.activeElement.blur());
  await page.evaluate(() => window.scrollTo(0, 0));
  assert.ok(await tabTo((f) => f.control === 'language'));
  await page.keyboard.press('Enter');
  await page.locator('.report-section h2', { hasText: 'Environmental clean-up' }).waitFor();
  // Copy the share link.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(BASE_URL).origin });
  assert.ok(await tabTo((f) => f.control === 'share'));
  await page.keyboard.press('Enter');
  await page.locator('.share-status').filter({ hasText: /Link copied|Shared/ }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /lang=en/);
  assert.match(copied, /village=/);
  await page.context().close();
});
