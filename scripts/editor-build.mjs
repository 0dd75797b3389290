// The editor page (edit.html, src/editor/) is a second trunk target with its own wasm bundle, so
// the reader's page never grows by it. The reader's build hook (trunk-post-build.mjs) builds it
// with a nested `trunk build edit.html` and puts the result into the site: edit.html at the
// top, everything it loads under editor/. That nested build runs the same hook, which then
// finishes the editor's page here (finishEditorPage) instead of the reader's.
import { readFileSync, writeFileSync, readdirSync, mkdirSync, copyFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

// Where the editor's own files go inside the site.
export const EDITOR_FOLDER = 'editor';

// The nested build's page: trunk's inline start-up script becomes a file (the strict CSP allows
// no inline script). It checks that the browser can run the module first and, when it cannot
// or the module fails to start, shows the page's own message (.editor-cannot-run).
export function finishEditorPage(staging) {
  // (trunk writes every target page as index.html; the reader's hook renames it edit.html)
  const pagePath = join(staging, 'index.html');
  let html = readFileSync(pagePath, 'utf8');
  const inline = /<script type="module">([\s\S]*?)<\/script>/;
  const script = html.match(inline)?.[1];
  const glue = script?.match(/from '\.\/(?:editor\/)?([^']+\.js)'/)?.[1];
  const wasm = script?.match(/module_or_path: '\.\/(?:editor\/)?([^']+\.wasm)'/)?.[1];
  if (!glue || !wasm) {
    console.error(`trunk's start-up script in edit.html changed shape; cannot find the glue and wasm names in:\n${script}`);
    process.exit(1);
  }
  const code = [
    'const root = document.documentElement;',
    'const canRun = (() => {',
    '  try { return typeof WebAssembly === "object" && WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 1, 111, 0])); } catch (error) { return false; }',
    '})();',
    'if (!canRun) {',
    "  root.classList.add('no-wasm');",
    '} else {',
    '  try {',
    `    const bindings = await import('./${glue}');`,
    `    await bindings.default({ module_or_path: new URL('./${wasm}', import.meta.url) });`,
    '  } catch (error) {',
    "    root.classList.add('no-wasm');",
    '    console.warn(`The editor did not start: ${error}`);',
    '  }',
    '}',
    '',
  ].join('\n');
  const name = `start-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
  writeFileSync(join(staging, name), code);
  html = html.replace(inline, `<script type="module" src="./${EDITOR_FOLDER}/${name}"></script>`);
  html = html.replace(/<link rel="preload"[^>]*>/g, '').replace(/<link rel="modulepreload"[^>]*>/g, '');
  if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html) || /\sstyle="/.test(html)) {
    console.error('edit.html has an inline script or style attribute: the strict CSP would block it');
    process.exit(1);
  }
  writeFileSync(pagePath, html);
}

// The reader's build: build the editor (same profile) and put it into the site's staging folder.
export function buildEditorInto(staging, projectRoot) {
  const editorDist = join(projectRoot, 'target', 'editor-dist');
  // The nested trunk reads its own settings; trunk's hook variables are the outer build's.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('TRUNK_')));
  const release = process.env.TRUNK_PROFILE === 'release';
  execFileSync('trunk', ['build', 'edit.html', '--dist', editorDist, '--public-url', `./${EDITOR_FOLDER}/`, '--offline=true', ...(release ? ['--release'] : [])], {
    cwd: projectRoot,
    env,
    stdio: 'inherit',
  });
  const target = join(staging, EDITOR_FOLDER);
  mkdirSync(target, { recursive: true });
  for (const name of readdirSync(editorDist)) {
    const path = join(editorDist, name);
    if (statSync(path).isDirectory()) continue;
    if (name === 'index.html') copyFileSync(path, join(staging, 'edit.html'));
    else copyFileSync(path, join(target, name));
  }
}
