// First load, Lighthouse 12.2.3 (mobile, simulated throttling) behind the shipped nginx config:
// FCP, LCP, TBT, CLS and transfer, median of RUNS runs per build, the builds taken in turn so
// both see the same machine load. With BASE_URL_BEFORE set (scripts/compare-first-load.sh),
// the same for an earlier build, side by side. Also index.html raw / gzip / brotli.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

const runs = Number(process.env.RUNS ?? 5);
const builds = [['after', process.env.BASE_URL]];
if (process.env.BASE_URL_BEFORE) builds.unshift(['before', process.env.BASE_URL_BEFORE]);
const flags = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium', chromeFlags: flags });
const results = Object.fromEntries(builds.map(([name]) => [name, []]));
try {
  for (let i = 0; i < runs; i++) {
    for (const [name, url] of builds) {
      const { lhr } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
      const a = lhr.audits;
      results[name].push({
        score: lhr.categories.performance.score * 100,
        fcp: a['first-contentful-paint'].numericValue,
        lcp: a['largest-contentful-paint'].numericValue,
        tbt: a['total-blocking-time'].numericValue,
        cls: a['cumulative-layout-shift'].numericValue,
        transfer: a['total-byte-weight'].numericValue,
      });
    }
  }
} finally {
  await chrome.kill();
}
const median = (values) => values.slice().sort((x, y) => x - y)[Math.floor(values.length / 2)];
const range = (values) => `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}`;
console.log(`\nFirst load, Lighthouse 12.2.3 mobile (simulated 4G, 4× CPU), median of ${runs} (range)`);
console.log(`${'build'.padEnd(8)} ${'score'.padStart(6)} ${'FCP ms'.padStart(16)} ${'LCP ms'.padStart(16)} ${'TBT ms'.padStart(14)} ${'CLS'.padStart(6)} ${'transfer KiB'.padStart(13)}`);
for (const [name] of builds) {
  const r = results[name];
  const col = (key) => `${median(r.map((x) => x[key])).toFixed(0)} (${range(r.map((x) => x[key]))})`;
  console.log(`${name.padEnd(8)} ${median(r.map((x) => x.score)).toFixed(0).padStart(6)} ${col('fcp').padStart(16)} ${col('lcp').padStart(16)} ${col('tbt').padStart(14)} ${median(r.map((x) => x.cls)).toFixed(3).padStart(6)} ${(median(r.map((x) => x.transfer)) / 1024).toFixed(0).padStart(13)}`);
}
for (const [name, url] of builds) {
  const response = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
  const raw = Buffer.from(await response.arrayBuffer());
  const { gzipSync, brotliCompressSync, constants } = await import('node:zlib');
  const gz = gzipSync(raw, { level: 9 }).length;
  const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  console.log(`index.html (${name}): ${raw.length} B raw, ${gz} B gzip -9, ${br} B brotli 11`);
}
