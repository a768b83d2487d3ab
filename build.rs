//! Embeds the built-in question banks: every `data/<track>/<topic>.toml`,
//! in path order, as `(path, text)` pairs in `$OUT_DIR/builtin.rs`, and each
//! also as compact JSON: start-up reads that (JSON parses several times
//! faster than TOML), and tests check the TOML it came from.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    println!("cargo::rerun-if-changed={}", data.display());
    let mut files: Vec<PathBuf> = Vec::new();
    for track in std::fs::read_dir(&data).expect("data/ is readable") {
        let track = track.expect("data/ is readable").path();
        if !track.is_dir() {
            continue;
        }
        println!("cargo::rerun-if-changed={}", track.display());
        for file in std::fs::read_dir(&track).expect("a track folder is readable") {
            let file = file.expect("a track folder is readable").path();
            if file.extension().is_some_and(|e| e == "toml") {
                println!("cargo::rerun-if-changed={}", file.display());
                files.push(file);
            }
        }
    }
    // By the path as text, so that `python-django/` comes before `python/`.
    files.sort_by_key(|f| f.display().to_string());
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let mut texts = String::from(
        "/// The built-in banks: each file's path under `data/` and its text.\n\
         pub const BUILTIN: &[(&str, &str)] = &[\n",
    );
    let mut json = String::from(
        "/// The built-in banks as compact JSON, in the order of [`BUILTIN`] (a\n\
         /// file that is not valid TOML is empty here; the tests that check\n\
         /// [`BUILTIN`] report it).\n\
         pub const BUILTIN_JSON: &[&str] = &[\n",
    );
    for (i, file) in files.iter().enumerate() {
        let name = file.strip_prefix(&data).expect("under data/").display();
        let _ = writeln!(
            texts,
            "    ({:?}, include_str!({:?})),",
            format!("data/{name}"),
            file.display().to_string()
        );
        let text = std::fs::read_to_string(file).expect("a bank file is readable");
        let compact = toml::from_str::<serde_json::Value>(&text)
            .map(|value| value.to_string())
            .unwrap_or_default();
        let path = out_dir.join(format!("bank-{i}.json"));
        std::fs::write(&path, compact).expect("OUT_DIR is writable");
        let _ = writeln!(json, "    include_str!({:?}),", path.display().to_string());
    }
    texts.push_str("];\n");
    json.push_str("];\n");
    texts.push_str(&json);
    std::fs::write(out_dir.join("builtin.rs"), texts).expect("OUT_DIR is writable");
}
