// trunk post-build hook (Trunk.toml [[hooks]]): the whole report into the page, a strict
// Content-Security-Policy (no 'unsafe-inline'), static hosting.
//  0. The stylesheet goes into the page as one <style> (comments left out), so the first
//     response paints the first screen in one round trip; the strict CSP allows it by its
//     sha256, which the build writes into deploy/site.conf and README.md (commit them with the
//     stylesheet). Where a server still sends an older hash (a portal that copied an older
//     config), the style is blocked: the start-up scripts then link the same stylesheet file,
//     and readers without JavaScript get it (and noscript.css after it) from a <noscript> at
//     the end of the body.
//  1. trunk 0.21 starts the wasm with an inline <script type="module">; replace it with a
//     content-hashed start-up file of our own. It checks that this browser can run the module
//     (WebAssembly with reference types) before fetching anything; when it cannot, or the
//     module fails to compile or start, it shows the page's own note (the report itself is in
//     the HTML and stays readable). A download that fails is told apart from a browser that
//     cannot run the module. It waits for the first paint, then fetches the wasm and imports
//     the glue in parallel (nothing of the app is preloaded in the head). A `nomodule` script
//     shows the note in browsers too old for module scripts.
//  2. `snapshot render` (the native build of the same components) renders the whole report,
//     the title, the link-preview tags and structured data into index.html from the snapshot.
//  The editor page (edit.html) and its own bundle under editor/: scripts/editor-build.mjs.
//  3. The service worker's asset list (the reader's files only); .gz (zopfli) and .br (brotli 11) siblings of every
//     text/wasm asset for nginx's gzip_static and brotli_static.
import { readFileSync, writeFileSync, readdirSync, statSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { snapshotFingerprint } from './snapshot-fingerprint.mjs';
import { buildEditorInto, finishEditorPage } from './editor-build.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('TRUNK_STAGING_DIR is not set: run this from trunk');
  process.exit(1);
}
// The editor page's own (nested) build: only its page is finished here.
if (basename(process.env.TRUNK_HTML_FILE ?? 'index.html') === 'edit.html') {
  finishEditorPage(staging);
  process.exit(0);
}
const indexPath = join(staging, 'index.html');
const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
let html = readFileSync(indexPath, 'utf8');

// 0. The stylesheet inline, allowed by its hash.
const stylesheetLink = /<link rel="stylesheet" href="\.\/(app-[0-9a-f]+\.css)"[^>]*\/?>/;
const stylesheetName = html.match(stylesheetLink)?.[1];
if (!stylesheetName) {
  console.error("trunk's stylesheet link changed shape; cannot find <link rel=\"stylesheet\" href=\"./app-….css\"> in index.html");
  process.exit(1);
}
const inlineStyle = readFileSync(join(staging, stylesheetName), 'utf8')
  .replace(/\/\*[\s\S]*?\*\//g, '')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '')
  .join('\n');
if (inlineStyle.includes('</')) {
  console.error('the stylesheet contains "</": it cannot go inside <style>');
  process.exit(1);
}
const styleHash = `sha256-${createHash('sha256').update(inlineStyle).digest('base64')}`;
html = html.replace(stylesheetLink, `<style>${inlineStyle}</style>`);
// (noscript.css again after it: its rules must still come last.)
html = html.replace('</body>', `<noscript><link rel="stylesheet" href="./${stylesheetName}" /><link rel="stylesheet" href="noscript.css" /></noscript></body>`);
// The hash where people copy the policy from: the nginx config and the README's hosting part.
for (const [file, pattern] of [['deploy/site.conf', /style-src 'self'( 'sha256-[A-Za-z0-9+/=]+')?;/g], ['README.md', /style-src 'self'( 'sha256-[A-Za-z0-9+/=]+')?;/g]]) {
  const path = join(projectRoot, file);
  const text = readFileSync(path, 'utf8');
  if (!pattern.test(text)) {
    console.error(`${file} has no "style-src 'self' …;" to write the stylesheet's hash into`);
    process.exit(1);
  }
  const written = text.replace(pattern, `style-src 'self' '${styleHash}';`);
  if (written !== text) {
    writeFileSync(path, written);
    console.log(`${file}: the stylesheet's hash is now ${styleHash} (commit it with the stylesheet)`);
  }
}
// Where the style was blocked (the marker custom property of app.css is missing), link the file.
const linkIfBlocked = `if (!getComputedStyle(document.documentElement).getPropertyValue('--stylesheet')) { var stylesheetFallback = document.createElement('link'); stylesheetFallback.rel = 'stylesheet'; stylesheetFallback.href = './${stylesheetName}'; document.head.appendChild(stylesheetFallback); }`;
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
    linkIfBlocked,
    "const root = document.documentElement;",
    // Embedded (?embed=1): the chrome-less styles from the first paint, before the app runs.
    "if (['1', 'true', 'yes'].includes(new URLSearchParams(location.search).get('embed'))) root.dataset.embed = '1';",
    // Inside a portal's iframe: tell the host page (embed.js) the content's height whenever
    // it changes, from the first paint and whether or not the interactive layer runs. The
    // content's own height: where the body's children end (the root's scrollHeight never
    // drops below the iframe's current height, so it could only grow).
    'if (window.parent !== window && typeof ResizeObserver === "function") {',
    '  let last = 0;',
    '  const report = () => {',
    '    let bottom = 0;',
    '    for (const child of document.body.children) bottom = Math.max(bottom, child.getBoundingClientRect().bottom);',
    '    const height = Math.ceil(bottom + window.scrollY);',
    '    if (Math.abs(height - last) < 1) return;',
    '    last = height;',
    "    window.parent.postMessage({ type: 'fuguanzhuang-viewer:height', height, href: location.href }, '*');",
    // The format many portals' chart-embedding listeners already understand.
    "    window.parent.postMessage({ 'datawrapper-height': { 'fuguanzhuang-viewer': height } }, '*');",
    '  };',
    '  new ResizeObserver(report).observe(document.body);',
    '  report();',
    '}',
    // Another snapshot (?data=): the page's report is the default one; show only the loading
    // line (the stylesheet) until the app has rendered the other snapshot.
    "if (new URLSearchParams(location.search).has('data')) root.classList.add('other-snapshot');",
    // Without the interactive layer the reader sees the pre-rendered figures: if the site's data
    // file is no longer the one the page was rendered from (placed by hand, not published), say
    // so above them (the page's own line, #stale-data-note), with the file's as-of date.
    `const snapshotFingerprint = ${snapshotFingerprint.toString().replace(/^function snapshotFingerprint/, 'function')};`,
    'const checkDataFile = async () => {',
    "  const app = document.getElementById('app');",
    "  const note = document.getElementById('stale-data-note');",
    "  if (!app?.dataset.snapshot || !note || new URLSearchParams(location.search).has('data')) return;",
    '  try {',
    "    const response = await fetch('./data/snapshot.json', { cache: 'no-cache' });",
    // What was found, for tests and for whoever looks: same, replaced or unchecked.
    "    if (!response.ok) { root.dataset.dataFile = 'unchecked'; return; }",
    '    const bytes = new Uint8Array(await response.arrayBuffer());',
    "    if (snapshotFingerprint(bytes) === app.dataset.snapshot) { root.dataset.dataFile = 'same'; return; }",
    '    let asOf = null;',
    '    try { asOf = JSON.parse(new TextDecoder().decode(bytes))?.meta?.as_of; } catch (error) { asOf = null; }',
    "    for (const slot of note.querySelectorAll('[data-stale-as-of]')) slot.textContent = typeof asOf === 'string' && asOf.trim() ? asOf : slot.dataset.unreadable;",
    "    root.classList.add('stale-data');",
    "    root.dataset.dataFile = 'replaced';",
    '  } catch (error) {',
    "    root.dataset.dataFile = 'unchecked';",
    '    console.warn(`Could not compare the data file with this page: ${error}`);',
    '  }',
    '};',
    // The module uses reference types (Chrome 96, Safari 15, Firefox 79): a module with an
    // externref parameter validates only where they are supported.
    'const canRun = (() => {',
    '  try { return typeof WebAssembly === "object" && WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 1, 111, 0])); } catch (error) { return false; }',
    '})();',
    'if (!canRun) {',
    "  root.classList.add('no-wasm');",
    '  checkDataFile();',
    '} else {',
    // rAF does not run in hidden tabs or off-screen cross-origin iframes (a portal's embed
    // below the fold): a timer starts the app there anyway.
    '  await new Promise((resolve) => { requestAnimationFrame(() => setTimeout(resolve, 0)); setTimeout(resolve, 200); });',
    // The release wasm has no panic machinery (scripts/wasm-release-env.sh): a panic is a trap,
  // a WebAssembly.RuntimeError thrown to whatever called in. Say so on the page.
  '  const stopped = (error) => {',
  '    if (!(error instanceof WebAssembly.RuntimeError) || root.classList.contains("wasm-stopped")) return;',
  "    root.classList.add('wasm-stopped');",
  '    console.error(`The interactive layer stopped: ${error.message}`);',
  '  };',
  "  addEventListener('error', (event) => stopped(event.error));",
  "  addEventListener('unhandledrejection', (event) => stopped(event.reason));",
  '  let stage = "download";',
    '  try {',
    `    const wasmResponse = fetch('./${wasm}');`,
    `    const bindings = await import('./${glue}');`,
    '    const response = await wasmResponse;',
    '    if (!response.ok) throw new Error(`HTTP ${response.status}`);',
    '    stage = "start";',
    '    const wasm = await bindings.default({ module_or_path: response });',
    // The benchmark build (BENCH_BUILD=1, cargo feature bench) lets benches/*.mjs call in.
    ...(process.env.BENCH_BUILD ? ['    window.wasmBindings = bindings;'] : []),
    "    dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));",
    '  } catch (error) {',
    // A failed download is the connection; a failed compile or start is this browser.
    "    root.classList.add(stage === 'download' ? 'wasm-offline' : 'no-wasm');",
    '    checkDataFile();',
    "    console.warn(`The interactive layer did not start (${stage}): ${error}`);",
    '  }',
    '}',
    '',
  ].join('\n');
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const name = `boot-${hash}.js`;
  writeFileSync(join(staging, name), code);
  html = html.replace(inline, `<script type="module" src="./${name}"></script><script nomodule src="./legacy.js"></script>`);
  html = html.replace(/<link rel="preload"[^>]*type="application\/wasm"[^>]*>/, '');
  html = html.replace(/<link rel="modulepreload"[^>]*>/, '');
}
writeFileSync(indexPath, html);
writeFileSync(join(staging, 'legacy.js'), `${linkIfBlocked}\ndocument.documentElement.className += ' no-wasm';\n`);

// The site gets only what it serves: the snapshot, its schema, the locator outline the map
// draws, and the report it quotes (linked from the snapshot). Spreadsheet templates, raw
// outlines, reference data and anything synthetic stay in the repository.
const SHIPPED_DATA = ['snapshot.json', 'snapshot.schema.json', 'geo/locator-linyi-wgs84.json', 'sources/fuguanzhuang-2021-report.txt'];
function pruneData(dir, prefix = '') {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    const relative = `${prefix}${entry}`;
    if (statSync(path).isDirectory()) {
      pruneData(path, `${relative}/`);
      if (readdirSync(path).length === 0) rmSync(path, { recursive: true });
    } else if (!SHIPPED_DATA.includes(relative)) {
      rmSync(path);
    }
  }
}
pruneData(join(staging, 'data'));

// 2. The whole report, rendered natively by the same components from the snapshot.
// The wasm's nightly settings (scripts/wasm-release-env.sh) are not for this native build.
const nativeEnv = { ...process.env };
for (const name of (process.env.WASM_RELEASE_ENV_VARS ?? '').split(' ').filter(Boolean)) delete nativeEnv[name];
try {
  execFileSync('cargo', ['run', '--quiet', '--locked', '--bin', 'snapshot', '--', 'render', '--page', indexPath, '--snapshot', join(staging, 'data', 'snapshot.json')], { stdio: 'inherit', env: nativeEnv });
} catch (error) {
  console.error(`could not render the report into index.html: ${error.message}`);
  process.exit(1);
}
// Structured data (application/ld+json) is data, never run; every other script is a file.
for (const name of readdirSync(staging).filter((name) => name.endsWith('.html'))) {
  const page = readFileSync(join(staging, name), 'utf8');
  if (/<script(?![^>]*\bsrc=)(?![^>]*type="application\/ld\+json")[^>]*>/.test(page) || /\sstyle="/.test(page)) {
    console.error(`${name} has an inline script or style attribute: the strict CSP would block it`);
    process.exit(1);
  }
}

// The editor page and its own bundle (edit.html, editor/), built from the same sources.
try {
  buildEditorInto(staging, projectRoot);
} catch (error) {
  console.error(`could not build the editor page: ${error.message}`);
  process.exit(1);
}

// 3. The service worker: the list of files to keep for offline use, and a version from them.
const swPath = join(staging, 'sw.js');
{
  const files = readdirSync(staging).filter((name) => !name.endsWith('.gz') && !['sw.js', 'index.html', 'edit.html', 'embed.js', 'legacy.js'].includes(name) && !name.startsWith('visual-') && !statSync(join(staging, name)).isDirectory());
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

// .gz by zopfli (about 4 % smaller than gzip -9) and .br by brotli 11, made by the snapshot
// tool (the same code as `snapshot publish`).
const compressible = /\.(html|js|css|wasm|json|svg|txt|geojson)$/;
function compressibleFiles(dir) {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return compressibleFiles(path);
    return compressible.test(entry) ? [path] : [];
  });
}
try {
  execFileSync('cargo', ['run', '--quiet', '--locked', '--bin', 'snapshot', '--', 'compress', ...compressibleFiles(staging)], { stdio: 'inherit', env: nativeEnv });
} catch (error) {
  console.error(`could not compress the built files: ${error.message}`);
  process.exit(1);
}

// 4. The list of the site's files for the editor's page maker (editor/site-files.json): it
//    fetches them to make the site folder in the browser, as `snapshot publish` copies dist/.
//    Written last, so it lists every file, itself included; with the site address the pages
//    were rendered for (SITE_URL), so the pages made in the browser say the same.
{
  const listed = (dir, prefix = '') => readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? listed(path, `${prefix}${entry}/`) : [`${prefix}${entry}`];
  });
  const listPath = join(staging, 'editor', 'site-files.json');
  const files = [...new Set([...listed(staging), 'editor/site-files.json'])].sort();
  writeFileSync(listPath, `${JSON.stringify({ site_url: process.env.SITE_URL || null, files }, null, 1)}\n`);
}
