// trunk post-build hook (Trunk.toml [[hooks]]): makes the build work under a strict
// Content-Security-Policy (no 'unsafe-inline') and ready for static hosting.
//  1. trunk 0.21 starts the wasm with an inline <script type="module">; replace it with a
//     content-hashed start-up file of our own. It waits for the first paint (the static first
//     screen), then fetches the wasm and imports the wasm-bindgen glue in parallel; the head
//     has no <link rel=preload> for the wasm and no modulepreload for the glue. So the first
//     paint needs only the HTML and the stylesheet, and Lighthouse's simulation no longer
//     counts the wasm or the glue as dependencies of the first or largest paint (LCP 2.4 s ->
//     ≈ 1 s; BENCHMARKS.md). The cost: both requests start after the stylesheet instead of
//     with it, which the 280 KB wasm download dwarfs.
//  2. Write .gz (gzip -9) and .br (brotli 11, Node's zlib) siblings of every text/wasm asset
//     for nginx's gzip_static and brotli_static.
import { readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('TRUNK_STAGING_DIR is not set: run this from trunk');
  process.exit(1);
}
const indexPath = join(staging, 'index.html');
let html = readFileSync(indexPath, 'utf8');
const inline = /<script type="module">([\s\S]*?)<\/script>/;
const match = html.match(inline);
if (match) {
  const glue = match[1].match(/from '\.\/([^']+\.js)'/)?.[1];
  const wasm = match[1].match(/module_or_path: '\.\/([^']+\.wasm)'/)?.[1];
  if (!glue || !wasm) {
    console.error(`trunk's start-up script changed shape; cannot find the glue and wasm names in:\n${match[1]}`);
    process.exit(1);
  }
  const code = [
    // rAF does not run in hidden tabs or off-screen cross-origin iframes (a portal's embed
    // below the fold): a timer starts the app there anyway.
    // The static first screen is the default report's: when the page asks for another
    // snapshot (?data=), keep only its loading line rather than show the wrong report.
    "if (new URLSearchParams(location.search).has('data')) document.getElementById('static-summary')?.classList.add('other-snapshot');",
    'await new Promise((resolve) => { requestAnimationFrame(() => setTimeout(resolve, 0)); setTimeout(resolve, 200); });',
    `const wasmResponse = fetch('./${wasm}');`,
    `const bindings = await import('./${glue}');`,
    'const wasm = await bindings.default({ module_or_path: wasmResponse });',
    'window.wasmBindings = bindings;',
    "dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));",
    '',
  ].join('\n');
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const name = `boot-${hash}.js`;
  writeFileSync(join(staging, name), code);
  html = html.replace(inline, `<script type="module" src="./${name}"></script>`);
  html = html.replace(/<link rel="preload"[^>]*type="application\/wasm"[^>]*>/, '');
  html = html.replace(/<link rel="modulepreload"[^>]*>/, '');
  writeFileSync(indexPath, html);
}
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html) || /\sstyle="/.test(html)) {
  console.error('index.html still has an inline script or style attribute: the strict CSP would block it');
  process.exit(1);
}

// The service worker: the list of files to keep for offline use, and a version from them.
const swPath = join(staging, 'sw.js');
{
  const files = readdirSync(staging).filter((name) => !name.endsWith('.gz') && !['sw.js', 'index.html', 'embed.js'].includes(name) && !statSync(join(staging, name)).isDirectory());
  const assets = ['./', ...files.map((name) => `./${name}`), './data/snapshot.json', './data/geo/locator-linyi-wgs84.json'];
  const version = createHash('sha256').update(assets.join('\n')).digest('hex').slice(0, 12);
  const worker = readFileSync(swPath, 'utf8').replace('__VERSION__', version).replace('__ASSETS__', JSON.stringify(assets));
  writeFileSync(swPath, worker);
  // Register it from the start-up script (a file, so the CSP allows it).
  const boot = readdirSync(staging).find((name) => /^boot-[0-9a-f]+\.js$/.test(name));
  if (boot) {
    const bootPath = join(staging, boot);
    writeFileSync(bootPath, readFileSync(bootPath, 'utf8') + "if ('serviceWorker' in navigator) { navigator.serviceWorker.register('./sw.js').catch(() => {}); }\n");
  }
}

const compressible = /\.(html|js|css|wasm|json|svg|txt|geojson)$/;
function compress(dir) {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      compress(path);
    } else if (compressible.test(entry)) {
      const bytes = readFileSync(path);
      writeFileSync(`${path}.gz`, gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }));
      writeFileSync(`${path}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
    }
  }
}
compress(staging);

// 3. Title, description and Open Graph tags from the default snapshot, so a pasted link
//    previews with the township's name (crawlers do not run the wasm).
try {
  const snapshot = JSON.parse(readFileSync(join(staging, 'data', 'snapshot.json'), 'utf8'));
  const escape = (text) => String(text).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const title = `${snapshot.meta.township.name.zh} · ${snapshot.meta.title.zh}`;
  const description = snapshot.meta.description.zh;
  let page = readFileSync(indexPath, 'utf8');
  page = page.replace(/<title>[\s\S]*?<\/title>/, `<title>${escape(title)}</title>`);
  page = page.replace(/<meta name="description"[^>]*>/, `<meta name="description" content="${escape(description)}" />`);
  const og = [
    ['og:type', 'website'],
    ['og:title', title],
    ['og:description', description],
    ['og:locale', 'zh_CN'],
    ['og:site_name', `${snapshot.meta.county.name.zh}${snapshot.meta.township.name.zh}`],
  ].map(([property, content]) => `    <meta property="${property}" content="${escape(content)}" />`).join('\n');
  page = page.replace('</head>', `${og}\n  </head>`);
  writeFileSync(indexPath, page);
  writeFileSync(`${indexPath}.gz`, gzipSync(Buffer.from(page), { level: constants.Z_BEST_COMPRESSION }));
} catch (error) {
  console.error(`could not write the page's title and preview tags: ${error.message}`);
  process.exit(1);
}

// 4. A static summary of the report in the page itself, so the first paint does not wait for
//    the wasm. It is the app's own first screen for the default view (same elements and
//    classes as ReportHeader, ViewControls and the first section, in Chinese), with the
//    controls inert until the app runs; the app swaps it for the live view in one frame, so
//    nothing moves (no layout shift). The markup is kept in step with the components by the
//    end-to-end test "the static summary matches the app's first screen".
try {
  const snapshot = JSON.parse(readFileSync(join(staging, 'data', 'snapshot.json'), 'utf8'));
  const escape = (text) => String(text).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const m = snapshot.meta;
  const firstIndicator = snapshot.indicators[0];
  const source = firstIndicator && snapshot.sources.find((s) => s.id === firstIndicator.source);
  const about = source ? `数据来源：${source.title.zh}（${source.publisher.zh}${source.date ? `，${source.date}` : ''}）` : null;
  const first = snapshot.sections[0];
  const firstProse = first ? first.blocks.filter((b) => b.type === 'prose') : [];
  const onlyProse = first && firstProse.length === first.blocks.length;
  const summary = [
    '<div id="static-summary" class="app static-summary" aria-busy="true">',
    '  <header class="report-header">',
    ...(m.synthetic ? ['    <p class="synthetic-banner" role="note">合成数据：并非真实数字，仅供测试</p>'] : []),
    `    <p class="place-chain">${escape(m.province.name.zh)} · ${escape(m.city.name.zh)} · ${escape(m.county.name.zh)}</p>`,
    `    <h1 class="township-name" lang="zh-CN">${escape(m.township.name.zh)}</h1>`,
    `    <p class="report-title">${escape(m.title.zh)}</p>`,
    `    <p class="as-of">数据截至 ${escape(m.as_of)} · 统计期 ${escape(m.period)}${m.as_of_note ? `<span class="as-of-note">（${escape(m.as_of_note.zh)}）</span>` : ''}</p>`,
    ...(about ? [`    <p class="about-data">${escape(about)}</p>`] : []),
    '    <div class="view-controls" role="group" aria-label="显示设置" inert>',
    '      <button class="button button-secondary" type="button" lang="en">English</button>',
    '      <label class="control-theme"><span class="sr-only">配色</span><select><option>配色：跟随系统</option></select></label>',
    '      <button class="button button-secondary" type="button">大字模式</button>',
    '      <button class="button" type="button">分享链接</button>',
    '      <button class="button button-secondary" type="button">嵌入代码</button>',
    '      <p class="share-status"></p>',
    '    </div>',
    '  </header>',
    '  <nav class="overview section-nav" aria-label="报告章节">',
    `    <ul class="programme-list">${snapshot.sections.map((section) => `<li><a class="programme-chip" href="#${escape(section.id)}">${escape(section.title.zh)}</a></li>`).join('')}</ul>`,
    `    <p class="indicator-count">共 ${snapshot.indicators.length} 项指标，均摘自报告原文</p>`,
    '  </nav>',
    '  <div class="report">',
    ...(onlyProse ? [`    <section class="report-section" id="${escape(first.id)}"><h2>${escape(first.title.zh)}</h2>${firstProse.map((b) => `<p class="prose">${escape(b.text.zh)}</p>`).join('')}</section>`] : []),
    '  </div>',
    '  <p class="static-loading" role="status">正在加载交互式报告… · Loading the interactive report…<span class="static-loading-slow">网络较慢，仍在加载 · The connection is slow; still loading</span></p>',
    '</div>',
  ].join('\n');
  let page = readFileSync(indexPath, 'utf8');
  page = page.replace('<body>', `<body>\n${summary}`);
  writeFileSync(indexPath, page);
  writeFileSync(`${indexPath}.gz`, gzipSync(Buffer.from(page), { level: constants.Z_BEST_COMPRESSION }));
  writeFileSync(`${indexPath}.br`, brotliCompressSync(Buffer.from(page), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
} catch (error) {
  console.error(`could not write the static summary: ${error.message}`);
  process.exit(1);
}
