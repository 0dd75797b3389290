// The start-up script's snapshot fingerprint (scripts/snapshot-fingerprint.mjs) against the
// Rust one (`snapshot fingerprint`, the function that writes `data-snapshot` into pages), on
// texts JavaScript makes: the default snapshot, hostile strings, a large synthetic snapshot, and
// the built page's own record. The mirror image is tests/fingerprint.rs (Rust runs the JS).
// Run by ./run test: node --test tests/js/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { snapshotFingerprint } from '../../scripts/snapshot-fingerprint.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const snapshotTool = (...args) => execFileSync('cargo', ['run', '--quiet', '--locked', '--bin', 'snapshot', '--', ...args], { cwd: ROOT, maxBuffer: 1 << 30 });

/**
 * The Rust fingerprints of `files` by path, and the files it refuses with the reason (text the
 * app would not read either: e.g. so many zero bytes that it looks like UTF-16).
 */
function rustFingerprints(files) {
  const result = spawnSync('cargo', ['run', '--quiet', '--locked', '--bin', 'snapshot', '--', '--lang', 'en', 'fingerprint', ...files], { cwd: ROOT, maxBuffer: 1 << 30 });
  const fingerprints = new Map(result.stdout.toString('utf8').trim().split('\n').filter(Boolean).map((line) => {
    const [fingerprint, ...path] = line.split('  ');
    return [path.join('  '), fingerprint];
  }));
  const refused = new Map(result.stderr.toString('utf8').trim().split('\n').filter(Boolean).map((line) => {
    const at = line.indexOf(': ');
    return [line.slice(0, at), line.slice(at + 2)];
  }));
  assert.equal(result.status, refused.size > 0 ? 1 : 0, result.stderr.toString('utf8'));
  return { fingerprints, refused };
}

/** A seeded generator (mulberry32), so a failure can be replayed. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['"', '\\', '</script>', '<!--', '\u0000', '\u001f', '\r\n', '\u2028', '\u2029', '\ufeff', '\u0301',
  '富官庄镇', '“10余”', '😀', '👩‍👩‍👧', '\ud800', '\udfff', '\ufffd', '\u{10ffff}', 'é', ' '];

test('the start-up script\'s fingerprint equals the Rust one on the default snapshot, hostile texts and a large snapshot', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fgz-fingerprint-js-'));
  try {
    const next = random(29);
    const texts = ['', 'a', ...PIECES];
    for (const length of [3, 50, 5000, 200000]) {
      let text = '';
      while (text.length < length) text += PIECES[Math.floor(next() * PIECES.length)];
      texts.push(text);
    }
    const snapshot = JSON.parse(readFileSync(join(ROOT, 'data', 'snapshot.json'), 'utf8'));
    snapshot.meta.title.zh = PIECES.join('');
    texts.push(JSON.stringify(snapshot));
    // Lone surrogates cannot be in a file: the encoder writes U+FFFD for them, as a browser
    // would when saving such text.
    const encoder = new TextEncoder();
    const files = texts.map((text, index) => {
      const file = join(dir, `hostile-${index}.json`);
      writeFileSync(file, encoder.encode(text));
      return file;
    });
    const bom = join(dir, 'with-bom.json');
    writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(join(ROOT, 'data', 'snapshot.json'))]));
    files.push(join(ROOT, 'data', 'snapshot.json'), bom);
    const large = join(dir, 'synthetic-20000.json');
    writeFileSync(large, snapshotTool('synth', '--places', '20000', '--seed', '29'));
    assert.ok(readFileSync(large).length > 5_000_000);
    files.push(large);

    const { fingerprints, refused } = rustFingerprints(files);
    for (const [file, reason] of refused) assert.match(reason, /UTF-16/, `${file} is refused only for looking like UTF-16`);
    assert.ok(refused.size <= 3, `${refused.size} refused`);
    for (const file of files.filter((file) => !refused.has(file))) {
      assert.equal(snapshotFingerprint(readFileSync(file)), fingerprints.get(file), file);
    }
    assert.equal(fingerprints.size + refused.size, files.length);
    const firstFive = files.slice(0, 5).map((file) => fingerprints.get(file));
    assert.equal(new Set(firstFive).size, 5, 'different texts, different fingerprints');
    assert.equal(fingerprints.get(bom), fingerprints.get(join(ROOT, 'data', 'snapshot.json')), 'a byte-order mark is not part of the text');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the built page records the fingerprint the start-up script computes for its data file', (t) => {
  const dist = join(ROOT, 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    t.skip('no dist/: ./run test builds it before the end-to-end tests, which check this in a browser');
    return;
  }
  const page = readFileSync(join(dist, 'index.html'), 'utf8');
  const recorded = page.match(/<div id="app" data-snapshot="([0-9a-f]{16})"/)?.[1];
  assert.ok(recorded, 'the page records a fingerprint');
  assert.equal(snapshotFingerprint(readFileSync(join(dist, 'data', 'snapshot.json'))), recorded);
});
