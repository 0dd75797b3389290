// A snapshot file's fingerprint in JavaScript, the same as the Rust one a page records
// (`data-snapshot`; core::snapshot::load::snapshot_fingerprint): FNV-1a, 64 bit, over the
// file's bytes less a leading UTF-8 byte-order mark (the app reads the text without it), as
// 16 hex digits. Worked in two 32-bit halves: no BigInt (slow) and no crypto.subtle (absent on
// plain-http intranet portals), so it runs in every browser that runs the start-up script.
//
// The build copies `snapshotFingerprint` into the start-up script (scripts/trunk-post-build.mjs),
// which compares the site's data file with the page when the interactive layer cannot run.
// Tests compare it with the Rust function: tests/fingerprint.rs and tests/js/.
//   node scripts/snapshot-fingerprint.mjs FILE…   prints "FINGERPRINT  FILE" for each file
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function snapshotFingerprint(bytes) {
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  // The offset basis 0xcbf29ce484222325 in halves; the prime 0x100000001b3 is 2^40 + 0x1b3.
  let high = 0xcbf29ce4;
  let low = 0x84222325;
  for (let index = start; index < bytes.length; index += 1) {
    low = (low ^ bytes[index]) >>> 0;
    // (high·2^32 + low)·(2^40 + 0x1b3) mod 2^64: low·0x1b3 is below 2^41, exact in a double.
    const lowProduct = low * 0x1b3;
    high = (Math.imul(high, 0x1b3) + (low << 8) + Math.floor(lowProduct / 0x100000000)) >>> 0;
    low = lowProduct >>> 0;
  }
  return high.toString(16).padStart(8, '0') + low.toString(16).padStart(8, '0');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const file of process.argv.slice(2)) {
    console.log(`${snapshotFingerprint(readFileSync(file))}  ${file}`);
  }
}
