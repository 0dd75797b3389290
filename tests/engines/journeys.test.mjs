// The main journeys in the three browser engines readers use: Chromium (Android, desktops),
// Firefox ESR (desktops) and WebKit (iPhones: WebKitGTK's MiniBrowser stands in for Safari),
// each through its own WebDriver server (chromedriver, geckodriver, WebKitWebDriver) and the
// selenium-webdriver client. The detailed journeys run in Chromium with playwright
// (tests/e2e/); these check that the same report works in every engine: the page and its
// figures, the interactive layer taking over, charts drawn and answering a click, the map
// answering a click and a drag, sharing, print, a broken snapshot named at its JSON path.
//
// What WebDriver cannot do in an engine is said where it is skipped (never silently): WebKitGTK
// and geckodriver do not emulate touch or a phone's device pixel ratio; taps are covered by
// the playwright tests in Chromium, and here by clicks (the same pointer events).
//
// Needs BASE_URL and SITE_DIR (scripts/e2e.sh), ENGINES (default: all three), and a display
// for WebKitGTK (scripts/e2e.sh runs this under xvfb-run).
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createServer as createHttpServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Builder, By, until } from 'selenium-webdriver';

const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:8080/';
const SITE = process.env.SITE_DIR;
const DIST = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');
const ENGINES = (process.env.ENGINES ?? 'chromium,firefox,webkit').split(',');

const DRIVERS = {
  chromium: {
    command: '/usr/bin/chromedriver',
    args: (port) => [`--port=${port}`],
    capabilities: {
      browserName: 'chrome',
      'goog:chromeOptions': {
        binary: process.env.CHROMIUM ?? '/usr/bin/chromium',
        args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--window-size=1280,800'],
      },
    },
  },
  firefox: {
    command: process.env.GECKODRIVER ?? `${process.env.CARGO_HOME ?? `${process.env.HOME}/.cargo`}/bin/geckodriver`,
    args: (port) => [`--port=${port}`, '--binary', '/usr/bin/firefox-esr'],
    capabilities: {
      browserName: 'firefox',
      'moz:firefoxOptions': { args: ['-headless', '--width=1280', '--height=800'] },
    },
  },
  webkit: {
    command: '/usr/bin/WebKitWebDriver',
    args: (port) => [`--port=${port}`],
    capabilities: {
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': {
        binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
        args: ['--automation'],
      },
    },
  },
};

function freePort() {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startDriver(engine) {
  const spec = DRIVERS[engine];
  const port = await freePort();
  const child = spawn(spec.command, spec.args(port), { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  for (let i = 0; i < 100; i++) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/status`);
      if (response.ok) break;
    } catch { /* not up yet */ }
    if (child.exitCode !== null) throw new Error(`${spec.command} exited: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const driver = await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities(spec.capabilities).build();
  await driver.manage().setTimeouts({ script: 30000, pageLoad: 60000 });
  return { driver, stop: async () => { await driver.quit().catch(() => {}); child.kill(); } };
}

const complete = By.css('main .report[data-complete="true"]');

async function open(driver, query = '') {
  await driver.get(`${BASE_URL}${query}`);
  await driver.wait(until.elementLocated(complete), 30000, 'the app takes the page over');
}

/** Scrolls `css` to the middle of the screen and waits until its canvas replaced the SVG. */
async function showCanvas(driver, css) {
  const box = await driver.findElement(By.css(css));
  await driver.executeScript('arguments[0].scrollIntoView({ block: "center" })', box);
  const canvas = await box.findElement(By.css('canvas'));
  await driver.wait(until.elementIsVisible(canvas), 20000, `${css}: canvas drawn`);
  await driver.sleep(200);
  return canvas;
}

/** Pixels of a canvas that differ from its first pixel (it was drawn on). */
function paintedPixels(driver, canvas) {
  return driver.executeScript(`
    const canvas = arguments[0];
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let count = 0;
    for (let i = 4; i < data.length; i += 4) if (data[i] !== data[0] || data[i + 1] !== data[1]) count++;
    return count;`, canvas);
}

const SAVED_LISTING = `
  const done = arguments[arguments.length - 1];
  caches.keys().then(async (names) => {
    let found = [];
    for (const name of names) {
      const cache = await caches.open(name);
      found = found.concat((await cache.keys()).map((request) => new URL(request.url).pathname));
    }
    const registration = await navigator.serviceWorker.getRegistration();
    done({ names, found, controller: navigator.serviceWorker.controller?.state ?? null, active: registration?.active?.state ?? null, installing: registration?.installing?.state ?? null, waiting: registration?.waiting?.state ?? null, at: performance.now() });
  }, (error) => done({ names: [], found: ['error ' + error] }));`;

/** 'controlled' or 'ready' once the service worker is active; 'none' where the engine has none. */
function workerReady(driver) {
  return driver.executeAsyncScript(`
    const done = arguments[arguments.length - 1];
    if (!('serviceWorker' in navigator)) { done('none'); return; }
    navigator.serviceWorker.ready.then(() => done(navigator.serviceWorker.controller ? 'controlled' : 'ready'), () => done('failed'));
    setTimeout(() => done('timeout'), 20000);`);
}

/** Waits up to 20 s until the caches hold the data file and the wasm; on failure says what the page saw. */
async function expectSaved(driver) {
  const complete = (state) => state.found.some((path) => path.endsWith('/data/snapshot.json')) && state.found.some((path) => path.endsWith('.wasm'));
  let state = await driver.executeAsyncScript(SAVED_LISTING);
  const first = JSON.stringify({ ...state, found: state.found.length });
  for (let i = 0; i < 40 && !complete(state); i++) {
    await driver.sleep(500);
    state = await driver.executeAsyncScript(SAVED_LISTING);
  }
  assert.ok(complete(state), `saved: ${state.found}; first ${first}; then ${JSON.stringify({ ...state, found: state.found.length })}`);
}

async function clickAt(driver, element, x, y) {
  // Offsets are from the element's centre in WebDriver.
  const rect = await element.getRect();
  await driver.actions().move({ origin: element, x: Math.round(x - rect.width / 2), y: Math.round(y - rect.height / 2) }).click().perform();
}

for (const engine of ENGINES) {
  describe(`in ${engine}`, () => {
    let session;
    before(async () => { session = await startDriver(engine); });
    after(async () => { await session?.stop(); });

    test('the whole report is in the page, and the interactive layer takes it over without errors', async () => {
      const { driver } = session;
      await open(driver);
      const text = await driver.findElement(By.css('main')).getText();
      assert.match(text, /富官庄镇/);
      assert.match(text, /出动大型机械/);
      assert.match(text, /10\+/);
      // The stylesheet is in the page, allowed by the policy's hash in this engine (not the
      // fallback file the start-up script links where a policy blocks it).
      const style = await driver.executeScript('return [getComputedStyle(document.documentElement).getPropertyValue("--stylesheet").trim(), document.querySelectorAll(\'link[rel="stylesheet"][href^="./app-"]\').length]');
      assert.deepEqual(style, ['1', 0]);
      const canvases = await driver.findElements(By.css('figure.chart canvas, .map-canvas'));
      assert.ok(canvases.length >= 5, `${canvases.length} canvases`);
      // Nothing stopped: the start-up script's notes stay hidden.
      const notes = await driver.executeScript('return [...document.querySelectorAll(".enhancement-note")].filter((n) => !n.hidden && getComputedStyle(n).display !== "none").map((n) => n.id)');
      assert.deepEqual(notes, []);
    });

    test('without the interactive layer (no JavaScript, or it cannot run) every figure and chart is on the page', async (t) => {
      if (!SITE) { t.skip('SITE_DIR is not set: no place to put the script-less copy'); return; }
      const { driver } = session;
      // The page as a browser that runs no script sees it: the same HTML, its scripts left out.
      const html = readFileSync(join(SITE, 'index.html'), 'utf8').replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, (tag) => (tag.includes('ld+json') ? tag : ''));
      const copy = join(SITE, `engines-noscript-${engine}.html`);
      writeFileSync(copy, html);
      try {
        await driver.get(`${BASE_URL}engines-noscript-${engine}.html`);
        const snapshot = JSON.parse(readFileSync(join(SITE, 'data', 'snapshot.json'), 'utf8'));
        const missing = await driver.executeScript(
          'return arguments[0].filter((id) => ![...document.querySelectorAll(`main [data-indicator="${id}"]`)].some((shown) => shown.getBoundingClientRect().height > 0))',
          snapshot.indicators.map((indicator) => indicator.id),
        );
        assert.deepEqual(missing, [], 'every figure is shown (a card, or a row of the table)');
        const drawings = await driver.executeScript('return [...document.querySelectorAll("figure.chart .static-drawing, .map-box .static-drawing")].filter((svg) => svg.getBoundingClientRect().height > 0).length');
        assert.ok(drawings >= 5, `${drawings} charts and the map shown as drawings`);
        const text = await driver.findElement(By.css('main')).getText();
        assert.match(text, /10\+/);
        assert.match(text, /至少/);
      } finally {
        rmSync(copy, { force: true });
      }
    });

    test('without WebAssembly, a data file replaced by hand is named above the older figures', async (t) => {
      if (!SITE) { t.skip('SITE_DIR is not set: no place to put the site copy'); return; }
      const { driver } = session;
      // A copy of the built site whose data file an operator replaced (238 → 999, a later
      // as-of date), seen by a browser without WebAssembly: a same-origin script before the
      // start-up script removes it, as iOS Lockdown Mode does (WebDriver has no init scripts).
      const name = `engines-stale-${engine}`;
      const folder = join(SITE, name);
      rmSync(folder, { recursive: true, force: true });
      cpSync(DIST, folder, { recursive: true });
      const snapshot = JSON.parse(readFileSync(join(folder, 'data', 'snapshot.json'), 'utf8'));
      const oldAsOf = snapshot.meta.as_of;
      snapshot.indicators.find((indicator) => indicator.id === 'cadres_trained').value = 999;
      snapshot.meta.as_of = '2022-07-12';
      writeFileSync(join(folder, 'data', 'snapshot.json'), JSON.stringify(snapshot));
      writeFileSync(join(folder, 'no-wasm.js'), 'delete globalThis.WebAssembly;\n');
      const page = readFileSync(join(folder, 'index.html'), 'utf8').replace('<script type="module"', '<script src="./no-wasm.js"></script><script type="module"');
      writeFileSync(join(folder, 'index.html'), page);
      for (const stale of ['data/snapshot.json.gz', 'data/snapshot.json.br', 'index.html.gz', 'index.html.br']) rmSync(join(folder, stale), { force: true });
      try {
        await driver.get(`${BASE_URL}${name}/`);
        await driver.wait(async () => ['replaced', 'same', 'unchecked'].includes(await driver.executeScript('return document.documentElement.dataset.dataFile ?? null')), 20000);
        assert.equal(await driver.executeScript('return document.documentElement.dataset.dataFile'), 'replaced');
        assert.equal(await driver.executeScript('return document.documentElement.classList.contains("no-wasm")'), true, 'the interactive layer did not run');
        const note = await driver.findElement(By.css('#stale-data-note'));
        assert.ok(await note.isDisplayed(), 'the stale-data line shows');
        const text = await note.getText();
        assert.match(text, new RegExp(`截至 ${oldAsOf}.*截至 2022-07-12`, 's'));
        assert.match(text, new RegExp(`as of ${oldAsOf}.*as of 2022-07-12`, 's'));
        const figure = await driver.findElement(By.css('main .figure-grid [data-indicator="cadres_trained"] .figure-number')).getText();
        assert.match(figure, /238/, 'the page still shows its own figures, under the line');
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });

    test('hostile text in the data is shown as text, never run', async (t) => {
      if (!SITE) { t.skip('SITE_DIR is not set: no place to put the snapshot'); return; }
      const { driver } = session;
      const snapshot = JSON.parse(readFileSync(join(SITE, 'data', 'snapshot.json'), 'utf8'));
      const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
      snapshot.meta.title.zh = hostile;
      snapshot.indicators[0].label.zh = hostile;
      snapshot.places[0].name.zh = `${hostile}村`;
      writeFileSync(join(SITE, 'data', 'engines-hostile.json'), JSON.stringify(snapshot));
      await driver.get(`${BASE_URL}?data=data/engines-hostile.json`);
      await driver.wait(until.elementLocated(complete), 30000);
      assert.match(await driver.findElement(By.css('main')).getText(), /<img src=x onerror=/);
      assert.equal(await driver.executeScript('return window.__pwned ?? null'), null);
      assert.equal(await driver.executeScript('return document.querySelectorAll("main img[src=x], main script").length'), 0);
    });

    test('a chart is drawn on its canvas and a click on a bar opens its tooltip', async () => {
      const { driver } = session;
      await open(driver);
      const canvas = await showCanvas(driver, '#chart-environment-cleanup');
      assert.ok((await paintedPixels(driver, canvas)) > 1000, 'the chart is drawn');
      await clickAt(driver, canvas, 40, 6 + 30);
      const tooltip = await driver.wait(until.elementLocated(By.css('#chart-environment-cleanup .chart-tooltip')), 5000);
      assert.match(await tooltip.getText(), /10\+辆/);
      assert.match(await tooltip.getText(), /至少/);
    });

    test('the map: a click on a tile opens its card, a drag pans', async () => {
      const { driver } = session;
      await open(driver);
      const canvas = await showCanvas(driver, '.map-box');
      await driver.wait(async () => Number(await canvas.getAttribute('data-drawn')) > 0, 10000);
      // Search brings 垛庄村 to the middle; close its card and click it there.
      const search = await driver.findElement(By.css('.map-search-input'));
      await search.sendKeys('垛庄');
      const result = await driver.wait(until.elementLocated(By.css('.search-result')), 5000);
      await result.click();
      await driver.findElement(By.css('.card-close')).click();
      await driver.executeScript('arguments[0].scrollIntoView({ block: "center" })', canvas);
      await driver.sleep(300);
      const rect = await canvas.getRect();
      await clickAt(driver, canvas, rect.width / 2, rect.height / 2);
      const card = await driver.wait(until.elementLocated(By.css('.village-card')), 5000);
      assert.equal(await card.getAttribute('data-place'), 'v-duozhuang');
      await driver.findElement(By.css('.card-close')).click();
      const before = await canvas.getAttribute('data-pan');
      await driver.actions().move({ origin: canvas }).press().move({ origin: canvas, x: 60, y: 30, duration: 300 }).release().perform();
      await driver.wait(async () => (await canvas.getAttribute('data-pan')) !== before, 5000, 'the map pans');
    });

    test('share: the link of the current view is given to copy', async () => {
      const { driver } = session;
      await open(driver, '?lang=en&village=v-duozhuang');
      await driver.findElement(By.css('[data-control="share"]')).click();
      const status = await driver.findElement(By.css('.share-status'));
      await driver.wait(async () => /https?:\/\//.test(await status.getText()), 5000, 'a link is shown');
      const link = (await status.getText()).match(/https?:\/\/\S+/)[0];
      const url = new URL(link);
      assert.equal(url.searchParams.get('lang'), 'en');
      assert.equal(url.searchParams.get('village'), 'v-duozhuang');
    });

    test('a link with an unknown parameter, in Chinese: the page is taken over, the notice is in Chinese', async () => {
      const { driver } = session;
      await open(driver, '?tab=map&zoom=banana');
      const notices = await driver.wait(until.elementLocated(By.css('.view-notices')), 15000, 'the notices appear');
      await driver.wait(async () => /未知参数 "tab"/.test(await notices.getText()), 5000, 'the reason in Chinese');
      assert.match(await notices.getText(), /zoom="banana" 无效/);
      assert.equal(await driver.executeScript('return document.documentElement.classList.contains("wasm-stopped")'), false);
    });

    test('print: every canvas is drawn at print resolution', async () => {
      const { driver } = session;
      await open(driver);
      const painted = await driver.executeAsyncScript(`
        const done = arguments[arguments.length - 1];
        dispatchEvent(new Event('beforeprint'));
        setTimeout(() => {
          done([...document.querySelectorAll('figure.chart canvas, .map-canvas')].map((canvas) => {
            const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
            let count = 0;
            for (let i = 4; i < data.length; i += 4) if (data[i] !== data[0] || data[i + 1] !== data[1]) count++;
            return count;
          }));
        }, 500);`);
      for (const count of painted) assert.ok(count > 1000, `every canvas painted (${painted})`);
      await driver.executeScript('dispatchEvent(new Event("afterprint"))');
    });

    test('embedded in a host page, the iframe takes its content\'s height', async (t) => {
      if (!SITE) { t.skip('SITE_DIR is not set: no place to put the host page'); return; }
      const { driver } = session;
      const host = join(SITE, `engines-host-${engine}.html`);
      writeFileSync(host, `<!DOCTYPE html><html><head><meta charset="utf-8"><title>portal</title></head><body><h1>Portal</h1>
<iframe src="./?v=1&lang=zh&embed=1&village=v-duozhuang" title="富官庄镇" loading="lazy" width="100%" height="800" data-fuguanzhuang-embed></iframe>
<script src="./embed.js" defer></script></body></html>`);
      try {
        await driver.get(`${BASE_URL}engines-host-${engine}.html`);
        const frame = await driver.findElement(By.css('iframe'));
        // The embedded view is taller than the starting 800 px: the iframe grows to it.
        await driver.wait(async () => (await frame.getRect()).height > 1500, 30000, 'the iframe grows');
        // Then it follows the content as the embedded page settles (sections are laid out one
        // by one), to within 10 px.
        let height;
        let content;
        for (let i = 0; i < 40; i++) {
          await driver.sleep(250);
          height = (await frame.getRect()).height;
          await driver.switchTo().frame(frame);
          content = await driver.executeScript('return document.querySelector(\'.report[data-complete="true"]\') ? document.documentElement.scrollHeight : -1');
          await driver.switchTo().defaultContent();
          if (content > 0 && Math.abs(height - content) <= 10) break;
        }
        assert.ok(Math.abs(height - content) <= 10, `iframe ${height} px, content ${content} px`);
      } finally {
        rmSync(host, { force: true });
      }
    });

    test('one chart embedded in a portal on another origin, under its CSP, is that chart at its height', async () => {
      const { driver } = session;
      const viewer = new URL(BASE_URL).origin;
      const src = `${BASE_URL}visual-chart-environment-cleanup.html?v=1&lang=zh&theme=auto&large=0&speak=0&embed=1&visual=chart:environment-cleanup`;
      const portal = createHttpServer((request, response) => {
        response.writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy': `default-src 'none'; script-src ${viewer}; frame-src ${viewer}`,
        });
        response.end(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>portal</title></head><body><h1>Portal</h1>
<iframe src="${src}" title="整治成果" loading="lazy" width="100%" height="620" data-fuguanzhuang-embed></iframe>
<script src="${BASE_URL}embed.js" defer></script><p>after</p></body></html>`);
      });
      await new Promise((resolve) => portal.listen(0, '127.0.0.1', resolve));
      try {
        await driver.get(`http://127.0.0.1:${portal.address().port}/`);
        const frame = await driver.findElement(By.css('iframe'));
        let height;
        let content;
        for (let i = 0; i < 80; i++) {
          await driver.sleep(250);
          height = (await frame.getRect()).height;
          await driver.switchTo().frame(frame);
          content = await driver.executeScript(`
            if (!document.querySelector('.single-visual[data-complete="true"]')) return -1;
            return Math.ceil(Math.max(0, ...[...document.body.children].map((c) => c.getBoundingClientRect().bottom)) + scrollY);`);
          const charts = await driver.executeScript('return document.querySelectorAll("figure.chart").length');
          await driver.switchTo().defaultContent();
          if (content > 0) assert.equal(charts, 1, 'just the one chart');
          if (content > 0 && Math.abs(height - content) <= 10) break;
        }
        assert.ok(content > 0, 'the chart was taken over by the app');
        assert.ok(Math.abs(height - content) <= 10, `iframe ${height} px, content ${content} px`);
      } finally {
        // The browser keeps its connection to the portal alive: close it, or close() waits
        // about a minute for it (seen: 64 s of every run in Chromium).
        portal.closeAllConnections();
        await new Promise((resolve) => portal.close(resolve));
      }
    });

    test('read aloud: a figure card is said in words (speech synthesis replaced in the page)', async () => {
      const { driver } = session;
      await open(driver);
      // Recorded, not spoken: the engine's own speech is swapped for a recorder before the
      // switch is turned on (the app looks for speech synthesis then).
      await driver.executeScript(`
        window.__spoken = [];
        class Utterance { constructor(text) { Object.assign(this, { text, lang: '', rate: 1, voice: null, onend: null, onerror: null }); } }
        const synthesis = {
          getVoices: () => [{ lang: 'zh-CN', name: 'stub' }],
          speak(u) { window.__spoken.push({ text: u.text, lang: u.lang }); setTimeout(() => u.onend && u.onend(new Event('end')), 20); },
          cancel() {}, pause() {}, resume() {},
        };
        Object.defineProperty(window, 'speechSynthesis', { value: synthesis, configurable: true });
        window.SpeechSynthesisUtterance = Utterance;`);
      await driver.findElement(By.css('[data-control="read-aloud"]')).click();
      const status = await driver.findElement(By.css('#read-aloud-status'));
      await driver.wait(async () => /朗读已开启/.test(await status.getText()), 5000);
      const card = await driver.findElement(By.css('.figure-grid [data-indicator="machines_deployed"] > summary'));
      await driver.executeScript('arguments[0].scrollIntoView({ block: "center" })', card);
      await card.click();
      await driver.wait(async () => (await driver.executeScript('return window.__spoken.length')) > 0, 5000);
      const said = await driver.executeScript('return window.__spoken');
      assert.deepEqual(said[0], { text: '出动大型机械，至少10辆，2021年。', lang: 'zh-CN' });
    });

    test('after a first visit the app and the snapshot are saved for offline use (opening offline is tested in Chromium: WebDriver cannot cut the network)', async (t) => {
      const { driver } = session;
      await open(driver);
      const controlled = await workerReady(driver);
      if (controlled === 'none') {
        // Said, not skipped silently: this engine build has no service workers.
        t.skip(`${engine}: no service worker support here`);
        return;
      }
      assert.ok(['controlled', 'ready'].includes(controlled), controlled);
      // Load once more under the worker: the page and the data are saved on this load.
      await open(driver);
      await expectSaved(driver);
    });

    test('the saved copies outlive the worker: left for 12 s (WebKit stops the worker after about 10 s and, in its in-memory storage, loses the entries of caches no page holds), the next online visit saves them again', async (t) => {
      const { driver } = session;
      await open(driver);
      const ready = await workerReady(driver);
      if (ready === 'none') { t.skip(`${engine}: no service worker support here`); return; }
      assert.ok(['controlled', 'ready'].includes(ready), ready);
      // Loaded once more under the worker (the page and the data saved), then left. No page
      // here opens the caches before leaving: a page kept in the back-forward cache holding
      // them would keep WebKit from losing them, which a reader's visit does not do.
      await open(driver);
      await driver.get('about:blank');
      await driver.sleep(12000);
      await open(driver);
      await expectSaved(driver);
    });

    test('the editor page: a figure changed is checked against its quote, listed as a change, kept across a reload and undone, previewed, and the site folder made', async () => {
      const { driver } = session;
      const snapshot = JSON.parse(readFileSync(join(DIST, 'data', 'snapshot.json'), 'utf8'));
      const index = snapshot.indicators.findIndex((indicator) => indicator.id === 'cadres_trained');
      await driver.get(`${BASE_URL}edit.html`);
      const value = await driver.wait(until.elementLocated(By.css(`#f-indicators-${index}-value`)), 30000, 'the editor opens the site data');
      assert.equal(await value.getAttribute('value'), '238');
      await value.clear();
      await value.sendKeys('250');
      const change = await driver.wait(until.elementLocated(By.css('.change-list .changes li')), 10000, 'the change is listed')
        .catch(async (error) => {
          const seen = await driver.executeScript(`return [document.querySelector('#f-indicators-${index}-value').value, document.querySelector('.change-list').innerText, document.querySelector('.editor-notice')?.innerText]`);
          throw new Error(`${error.message}: ${JSON.stringify(seen)}`);
        });
      const line = await change.getText();
      assert.ok(line.includes('238') && line.includes('250') && line.includes('cadres_trained'), line);
      const warning = await driver.findElement(By.css(`#f-indicators-${index}-value-says .field-warning`)).getText();
      assert.match(warning, /找不到/);
      // The draft is kept: after a reload it is back (leaving would ask: accept it).
      await driver.executeScript('window.onbeforeunload = null');
      await driver.navigate().refresh();
      try { await driver.switchTo().alert().accept(); } catch { /* the engine did not ask */ }
      const again = await driver.wait(until.elementLocated(By.css(`#f-indicators-${index}-value`)), 30000);
      await driver.wait(async () => (await again.getAttribute('value')) === '250', 10000, 'the draft is back after the reload');
      await driver.findElement(By.css('[data-action="discard"]')).click();
      await driver.wait(async () => (await again.getAttribute('value')) === '238', 5000, 'discarded');
      await driver.findElement(By.css('[data-action="undo"]')).click();
      await driver.wait(async () => (await again.getAttribute('value')) === '250', 5000, 'the discard undone');
      // The preview: the report itself in a frame, showing the draft's figure.
      const previewButton = await driver.findElement(By.css('[data-action="preview"]'));
      await driver.executeScript('arguments[0].scrollIntoView({ block: "center" })', previewButton);
      await previewButton.click();
      const frame = await driver.wait(until.elementLocated(By.css('.preview-frame-phone')), 10000);
      await driver.switchTo().frame(frame);
      const banner = await driver.wait(until.elementLocated(By.css('.draft-preview-banner')), 30000, 'the preview shows the draft');
      assert.match(await banner.getText(), /预览/);
      await driver.wait(async () => (await driver.findElement(By.css('main')).getText()).includes('250'), 30000, 'the draft figure in the preview');
      await driver.switchTo().defaultContent();
      // Make the site folder: the page maker (a worker with its own wasm) renders and packs it;
      // the .zip handed to the browser is recorded here (WebDriver has no download events).
      await driver.executeScript(`
        const original = URL.createObjectURL;
        window.madeFiles = [];
        URL.createObjectURL = (blob) => { window.madeFiles.push([blob.type, blob.size]); return original(blob); };
      `);
      const make = await driver.findElement(By.css('[data-action="make-site-folder"]'));
      await driver.executeScript('arguments[0].scrollIntoView({ block: "center" })', make);
      await make.click();
      await driver.wait(async () => /发布文件夹已生成/.test(await driver.findElement(By.css('.site-folder-progress')).getText()), 300000, 'the site folder is made')
        .catch(async (error) => {
          const seen = await driver.executeScript(`return [document.querySelector('.site-folder-progress')?.innerText, document.querySelector('.editor-notice')?.innerText]`);
          throw new Error(`${error.message}: ${JSON.stringify(seen)}`);
        });
      const made = await driver.executeScript('return window.madeFiles');
      assert.equal(made.length, 1, JSON.stringify(made));
      assert.equal(made[0][0], 'application/zip');
      assert.ok(made[0][1] > 1_000_000, `a ${made[0][1]}-byte zip`);
      await driver.findElement(By.css('[data-action="discard"]')).click();
      const errors = await driver.executeScript('return document.documentElement.classList.contains("no-wasm")');
      assert.equal(errors, false);
    });

    test('a broken snapshot is named at its JSON path, in the reader\'s language', async (t) => {
      if (!SITE) { t.skip('SITE_DIR is not set: no place to put the broken snapshot'); return; }
      const { driver } = session;
      writeFileSync(join(SITE, 'data', 'engines-broken.json'), JSON.stringify({ schema_version: 1, meta: 'x' }));
      await driver.get(`${BASE_URL}?data=data/engines-broken.json`);
      const error = await driver.wait(until.elementLocated(By.css('.load-error')), 30000);
      assert.match(await error.getText(), /meta/);
    });
  });
}
