//! The layering holds: the core never reaches the UI, and no module of the core imports
//! another that imports it back (directly or through others). Read from the source text (the
//! part of each file before its tests, which may import freely).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// `src/core/map/draw.rs` → `map::draw`; `src/core/geo.rs` → `geo`; `mod.rs` → its folder.
fn module_of(path: &Path, root: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path).with_extension("");
    let parts: Vec<String> = relative
        .components()
        .map(|part| part.as_os_str().to_string_lossy().into_owned())
        .filter(|part| part != "mod")
        .collect();
    parts.join("::")
}

fn sources(dir: &Path, found: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).expect("readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, found);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            found.push(path);
        }
    }
}

/// Each core module and the core modules it imports (outside its tests).
fn core_imports() -> BTreeMap<String, BTreeSet<String>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/core");
    let mut files = Vec::new();
    sources(&root, &mut files);
    let modules: BTreeSet<String> = files.iter().map(|f| module_of(f, &root)).collect();
    let mut graph = BTreeMap::new();
    for file in &files {
        let text = fs::read_to_string(file).expect("readable");
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        assert!(
            !code.contains("crate::ui"),
            "{} reaches the UI",
            file.display()
        );
        let module = module_of(file, &root);
        let mut imports = BTreeSet::new();
        for (at, _) in code.match_indices("crate::core::") {
            let path: String = code[at + "crate::core::".len()..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            // The longest known module the path names.
            let mut segments: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
            while !segments.is_empty() {
                let candidate = segments.join("::");
                if modules.contains(&candidate) {
                    if candidate != module && !module.starts_with(&format!("{candidate}::")) {
                        imports.insert(candidate);
                    }
                    break;
                }
                segments.pop();
            }
        }
        graph.insert(module, imports);
    }
    graph
}

fn cycle_from(
    graph: &BTreeMap<String, BTreeSet<String>>,
    node: &str,
    path: &mut Vec<String>,
    done: &mut BTreeSet<String>,
) -> Option<Vec<String>> {
    if let Some(at) = path.iter().position(|seen| seen == node) {
        let mut cycle = path[at..].to_vec();
        cycle.push(node.to_owned());
        return Some(cycle);
    }
    if done.contains(node) {
        return None;
    }
    path.push(node.to_owned());
    for next in graph.get(node).into_iter().flatten() {
        if let Some(cycle) = cycle_from(graph, next, path, done) {
            return Some(cycle);
        }
    }
    path.pop();
    done.insert(node.to_owned());
    None
}

#[test]
fn no_import_circles_in_the_core() {
    let graph = core_imports();
    assert!(graph.len() > 15, "modules found: {:?}", graph.keys());
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        if let Some(cycle) = cycle_from(&graph, node, &mut Vec::new(), &mut done) {
            panic!("import circle: {}", cycle.join(" → "));
        }
    }
}

#[test]
fn the_geometry_code_is_at_the_bottom() {
    let graph = core_imports();
    let geo = graph.get("geo").expect("geo");
    // Only the vocabulary macro (the names of its enums) sits below it.
    assert!(
        geo.iter().all(|module| module == "vocabulary"),
        "geo imports {geo:?}"
    );
}
