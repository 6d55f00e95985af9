//! Embeds every file under the workspace's `lang/<code>/` folders into the binary, so that a new
//! language is a new folder of data and no code changes.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets this"));
    let root = manifest.join("../../lang");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut entries = Vec::new();
    collect(&root, &root, &mut entries);
    entries.sort();
    let mut out =
        String::from("/// Every embedded data file: (language code, file name, contents).\n");
    out.push_str("pub static FILES: &[(&str, &str, &str)] = &[\n");
    for (code, name, path) in &entries {
        println!("cargo:rerun-if-changed={}", path.display());
        let _ = writeln!(
            out,
            "    ({code:?}, {name:?}, include_str!({:?})),",
            path.display().to_string()
        );
    }
    out.push_str("];\n");
    let dest = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets this")).join("files.rs");
    std::fs::write(dest, out).expect("write generated file list");
}

/// Walks `lang/<code>/...` and records every regular file below a language folder.
fn collect(root: &Path, dir: &Path, entries: &mut Vec<(String, String, PathBuf)>) {
    let Ok(read) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in read.flatten() {
        let path = entry.path();
        if path.is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
            collect(root, &path, entries);
        } else if let Ok(rel) = path.strip_prefix(root) {
            let mut parts = rel.components();
            let Some(code) = parts.next() else { continue };
            let name: PathBuf = parts.collect();
            if name.as_os_str().is_empty() {
                continue;
            }
            let canonical = path.canonicalize().unwrap_or(path.clone());
            entries.push((
                code.as_os_str().to_string_lossy().into_owned(),
                name.to_string_lossy().replace('\\', "/"),
                canonical,
            ));
        }
    }
}
