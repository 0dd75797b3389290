// trunk post-build hook (Trunk.toml [[hooks]]): makes the build work under a strict
// Content-Security-Policy (no 'unsafe-inline') and ready for static hosting.
//  1. trunk 0.21 starts the wasm with an inline <script type="module">; move it into a
//     content-hashed file and load that instead.
//  2. Write .gz siblings (gzip -9) of every text/wasm asset for nginx's gzip_static.
import { readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { gzipSync, constants } from 'node:zlib';
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
  const code = match[1].trim() + '\n';
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const name = `boot-${hash}.js`;
  writeFileSync(join(staging, name), code);
  html = html.replace(inline, `<script type="module" src="./${name}"></script>`);
  writeFileSync(indexPath, html);
}
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html) || /\sstyle="/.test(html)) {
  console.error('index.html still has an inline script or style attribute: the strict CSP would block it');
  process.exit(1);
}

const compressible = /\.(html|js|css|wasm|json|svg|txt|geojson)$/;
function compress(dir) {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      compress(path);
    } else if (compressible.test(entry)) {
      writeFileSync(`${path}.gz`, gzipSync(readFileSync(path), { level: constants.Z_BEST_COMPRESSION }));
    }
  }
}
compress(staging);
