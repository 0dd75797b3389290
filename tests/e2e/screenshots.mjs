// Takes screenshots for people to look at (not a test): node tests/e2e/screenshots.mjs [outdir]
// Needs BASE_URL (scripts/e2e.sh sets it; or serve dist/ yourself).
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { launchBrowser, newPage, BASE_URL, ARTIFACTS } from './browser.mjs';

const out = process.argv[2] ?? join(ARTIFACTS, 'screens');
mkdirSync(out, { recursive: true });
const browser = await launchBrowser();
for (const viewport of ['mobile', 'desktop']) {
  for (const scheme of ['light', 'dark']) {
    const page = await newPage(browser, viewport, { colorScheme: scheme });
    await page.goto(BASE_URL);
    await page.locator('main .report[data-complete="true"]').waitFor({ timeout: 20000 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(out, `${viewport}-${scheme}-top.png`) });
    const figures = page.locator('figure.chart');
    for (let i = 0; i < (await figures.count()); i++) {
      const figure = figures.nth(i);
      await figure.scrollIntoViewIfNeeded();
      await page.waitForTimeout(100);
      await figure.screenshot({ path: join(out, `${viewport}-${scheme}-chart-${i}.png`) });
    }
    for (const id of ['environment', 'civility', 'infrastructure']) {
      await page.locator(`#${id}`).scrollIntoViewIfNeeded();
      await page.locator(`#${id}`).evaluate((el) => el.scrollIntoView());
      await page.waitForTimeout(100);
      await page.screenshot({ path: join(out, `${viewport}-${scheme}-${id}.png`) });
    }
    if (page.errors.length) console.log(viewport, scheme, page.errors);
    await page.context().close();
  }
}
await browser.close();
console.log(`screenshots in ${out}`);
