// Lighthouse (mobile, simulated throttling) against the nginx-served release build: the
// accessibility score of the main views, and performance (median of RUNS runs) of the default
// view. Prints a table. Run with ./run bench.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { BASE_URL } from '../tests/e2e/browser.mjs';

const runs = Number(process.env.RUNS ?? 3);
const flags = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium', chromeFlags: flags });
const views = [['default (zh)', ''], ['English', '?lang=en'], ['large text', '?large=1'], ['dark', '?theme=dark'], ['embed', '?embed=1']];
const rows = [];
try {
  for (const [name, query] of views) {
    const result = await lighthouse(`${BASE_URL}${query}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['accessibility'] });
    const failing = Object.values(result.lhr.audits).filter((a) => a.score === 0 && a.scoreDisplayMode === 'binary').map((a) => a.id);
    rows.push({ name, accessibility: Math.round(result.lhr.categories.accessibility.score * 100), failing });
  }
  const perf = [];
  for (let i = 0; i < runs; i++) {
    const result = await lighthouse(BASE_URL, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    const a = result.lhr.audits;
    perf.push({
      score: Math.round(result.lhr.categories.performance.score * 100),
      fcp: a['first-contentful-paint'].numericValue,
      lcp: a['largest-contentful-paint'].numericValue,
      tbt: a['total-blocking-time'].numericValue,
      transfer: a['total-byte-weight'].numericValue,
    });
  }
  const median = (key) => perf.map((p) => p[key]).sort((x, y) => x - y)[Math.floor(perf.length / 2)];
  console.log('\nLighthouse 12.2.3, mobile, simulated throttling');
  console.log(`${'view'.padEnd(14)} accessibility  failing audits`);
  for (const r of rows) console.log(`${r.name.padEnd(14)} ${String(r.accessibility).padStart(13)}  ${r.failing.join(', ') || '-'}`);
  console.log(`performance (median of ${runs}): score ${median('score')}, FCP ${(median('fcp') / 1000).toFixed(2)} s, LCP ${(median('lcp') / 1000).toFixed(2)} s, TBT ${median('tbt').toFixed(0)} ms, transfer ${(median('transfer') / 1024).toFixed(0)} KiB`);
} finally {
  await chrome.kill();
}
