//! Build fingerprint of the source the UI is compiled from (`MARKUP_FINGERPRINT`). The page
//! pre-rendered by the native build carries it, and the browser app hydrates that page only
//! when it was compiled from the same source: a page rendered by another version is rendered
//! afresh instead of being hydrated against markup it does not know.

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            found.push(path);
        }
    }
}

fn main() {
    println!("cargo:rerun-if-changed=src");
    let mut files = Vec::new();
    rust_files(Path::new("src"), &mut files);
    files.sort();
    // FNV-1a, 64 bit: stable across platforms and Rust versions (unlike std's hasher).
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for file in files {
        let name = file.to_string_lossy().replace('\\', "/");
        let bytes = fs::read(&file).unwrap_or_default();
        for byte in name.bytes().chain([0]).chain(bytes) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    println!("cargo:rustc-env=MARKUP_FINGERPRINT={hash:016x}");
}
