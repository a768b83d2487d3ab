//! The transcript folder: session records (JSON) and their markdown, each
//! written atomically and readable by the owner only.

use super::record::{RECORD_VERSION, Record};
use crate::error::{Error, Result};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Environment variable naming the default transcript folder.
pub const DIR_ENV: &str = "REHEARSE_DIR";

/// Age after which a temporary file in the folder is left over from a
/// killed process.
const STALE_TEMPORARY: std::time::Duration = std::time::Duration::from_secs(60);

/// The folder to use: `--dir`, else `REHEARSE_DIR`, else `transcripts/`.
pub fn resolve_dir(flag: Option<&Path>) -> PathBuf {
    if let Some(dir) = flag {
        return dir.to_path_buf();
    }
    match std::env::var_os(DIR_ENV) {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => PathBuf::from("transcripts"),
    }
}

/// A transcript folder.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
}

impl Store {
    /// Uses `dir` as it is, for reading (it need not exist).
    pub fn at(dir: &Path) -> Store {
        Store {
            dir: dir.to_path_buf(),
        }
    }

    /// Opens `dir` for writing: creates it if missing and proves it writable
    /// by writing and removing a file, so that a bad folder is reported
    /// before the first question rather than after the first answer.
    pub fn open(dir: &Path) -> Result<Store> {
        let unusable = |e: std::io::Error| {
            Error::Message(format!(
                "transcript folder `{}` is not usable: {e}; choose another with `--dir` or `{DIR_ENV}`",
                dir.display()
            ))
        };
        if !dir.exists() {
            create_private_dir(dir).map_err(unusable)?;
        }
        if !dir.is_dir() {
            return Err(Error::Message(format!(
                "transcript folder `{}` is a file, not a folder; choose another with `--dir` or `{DIR_ENV}`",
                dir.display()
            )));
        }
        let probe = tempfile::Builder::new()
            .prefix(".rehearse-probe-")
            .tempfile_in(dir)
            .map_err(unusable)?;
        probe.close().map_err(unusable)?;
        let store = Store {
            dir: dir.to_path_buf(),
        };
        store.remove_stale_temporaries();
        Ok(store)
    }

    /// Removes the temporary files a killed process left behind (`kill -9`
    /// between writing and renaming): `.rehearse-*` files untouched for a
    /// minute, far longer than any write takes. Failures are ignored: the
    /// files are harmless, only clutter.
    fn remove_stale_temporaries(&self) {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return;
        };
        let now = std::time::SystemTime::now();
        for entry in entries.flatten() {
            let name = entry.file_name();
            let Ok(meta) = entry.metadata() else { continue };
            let old = meta
                .modified()
                .ok()
                .and_then(|m| now.duration_since(m).ok())
                .is_some_and(|age| age >= STALE_TEMPORARY);
            if name.to_string_lossy().starts_with(".rehearse-") && meta.is_file() && old {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Path of a record's JSON.
    pub fn json_path(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.json"))
    }

    /// Path of a record's markdown.
    pub fn markdown_path(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.md"))
    }

    /// A new record id from the start time and preset, unique in the folder:
    /// `2026-03-01-0900-senior`, then `…-senior-2` for a second one that minute.
    pub fn new_id(&self, stamp: &str, preset: &str) -> String {
        let base = format!("{stamp}-{preset}");
        let mut id = base.clone();
        let mut n = 2;
        while self.json_path(&id).exists() || self.markdown_path(&id).exists() {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }

    /// Writes the record and its markdown, each atomically.
    pub fn save(&self, record: &Record, markdown: &str) -> Result<PathBuf> {
        if !plain_id(&record.id) {
            return Err(Error::Message(format!(
                "the session id `{}` is not a plain file name; nothing was written",
                crate::term::visible(&record.id, false)
            )));
        }
        let json = serde_json::to_string_pretty(record)
            .map_err(|e| Error::Message(format!("could not encode the session record: {e}")))?;
        write_atomic(&self.json_path(&record.id), json.as_bytes())?;
        let path = self.markdown_path(&record.id);
        write_atomic(&path, markdown.as_bytes())?;
        Ok(path)
    }

    /// Every record in the folder, newest first, and a warning for every
    /// file that could not be read as one (the rest still load).
    pub fn load_all(&self) -> (Vec<Record>, Vec<String>) {
        let mut records = Vec::new();
        let mut warnings = Vec::new();
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return (records, warnings);
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        paths.sort();
        for path in paths {
            match load(&path) {
                Ok(record) => records.push(record),
                Err(e) => warnings.push(format!("skipped `{}`: {e}", path.display())),
            }
        }
        records.sort_by(|a, b| b.started_at.cmp(&a.started_at).then(b.id.cmp(&a.id)));
        (records, warnings)
    }
}

/// Reads one record file.
pub fn load(path: &Path) -> std::result::Result<Record, String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let value: serde_json::Value = serde_json::from_str(&text).map_err(|e| match e.classify() {
        serde_json::error::Category::Eof | serde_json::error::Category::Syntax => format!(
            "not valid JSON at line {} column {}; the file may be truncated",
            e.line(),
            e.column()
        ),
        _ => format!("not a session record ({e})"),
    })?;
    let version = value
        .get("format_version")
        .and_then(serde_json::Value::as_u64)
        .ok_or("not a session record (no `format_version`)")?;
    if version > u64::from(RECORD_VERSION) {
        return Err(format!(
            "written by a newer rehearse (record format {version}); upgrade rehearse to read it"
        ));
    }
    let record: Record =
        serde_json::from_value(value).map_err(|e| format!("not a session record ({e})"))?;
    // The id names the record's files: it must be this file's own name, and
    // a plain one, never a path that reaches out of the folder.
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    if !plain_id(&record.id) || record.id != stem {
        return Err(format!(
            "its id `{}` is not its file name `{stem}`; a record's id must be the plain name of \
             its file (rename the file or fix the id)",
            crate::term::visible(&record.id, false)
        ));
    }
    Ok(record)
}

/// Whether a record id can name a file in the folder and nothing else:
/// letters, digits, `-` and `_`, not empty.
pub fn plain_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 100
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

#[cfg(unix)]
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
}

#[cfg(not(unix))]
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)
}

/// Writes `bytes` to `path` through a temporary file in the same folder
/// (created readable by the owner only), synced before the rename: a crash
/// leaves either the old file or the new one, never half of one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let failed = |source: std::io::Error| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut file = tempfile::Builder::new()
        .prefix(".rehearse-")
        .tempfile_in(dir)
        .map_err(failed)?;
    file.write_all(bytes).map_err(failed)?;
    file.as_file().sync_all().map_err(failed)?;
    file.persist(path).map_err(|e| failed(e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_writes_replace_the_file_and_keep_it_private() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.json");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "two");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        // No temporary files are left behind.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn open_creates_the_folder_and_refuses_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let nested = dir.path().join("a/b");
        assert!(Store::open(&nested).is_ok());
        assert!(nested.is_dir());
        let file = dir.path().join("file");
        std::fs::write(&file, "x").unwrap();
        let err = Store::open(&file).unwrap_err().to_string();
        assert!(err.contains("is a file, not a folder"), "{err}");
    }

    #[test]
    fn new_ids_do_not_collide() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let first = store.new_id("2026-03-01-0900", "mid");
        assert_eq!(first, "2026-03-01-0900-mid");
        std::fs::write(store.json_path(&first), "{}").unwrap();
        assert_eq!(
            store.new_id("2026-03-01-0900", "mid"),
            "2026-03-01-0900-mid-2"
        );
    }

    #[test]
    fn a_record_whose_id_is_not_its_plain_file_name_is_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let text = include_str!("../../tests/fixtures/records/2026-01-10-1800-mid.json");
        let mut value: serde_json::Value = serde_json::from_str(text).unwrap();
        for (file, id) in [
            ("2026-01-10-1800-mid", "../../outside"),
            ("2026-01-10-1801-mid", "/tmp/outside"),
            ("2026-01-10-1802-mid", "2026-01-10-1800-mid"),
        ] {
            value["id"] = id.into();
            let path = store.json_path(file);
            std::fs::write(&path, value.to_string()).unwrap();
            let err = load(&path).unwrap_err();
            assert!(err.contains("is not its file name"), "{err}");
        }
        let (records, warnings) = store.load_all();
        assert!(records.is_empty());
        assert_eq!(warnings.len(), 3);
        // And nothing is ever written under such an id.
        let mut record = load(std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/records/2026-01-10-1800-mid.json"
        )))
        .unwrap();
        record.id = "../escape".into();
        assert!(store.save(&record, "# x").is_err());
        assert!(!dir.path().parent().unwrap().join("escape.json").exists());
    }

    #[test]
    fn temporaries_left_by_a_killed_process_are_removed_on_the_next_start() {
        let dir = tempfile::tempdir().unwrap();
        let stale = dir.path().join(".rehearse-AbC123");
        let fresh = dir.path().join(".rehearse-XyZ789");
        let other = dir.path().join("notes.txt");
        for path in [&stale, &fresh, &other] {
            std::fs::write(path, "x").unwrap();
        }
        let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        for path in [&stale, &other] {
            let file = std::fs::File::options().write(true).open(path).unwrap();
            file.set_modified(hour_ago).unwrap();
        }
        Store::open(dir.path()).unwrap();
        assert!(!stale.exists());
        assert!(fresh.exists(), "a write in progress is left alone");
        assert!(other.exists(), "only rehearse's own temporaries go");
    }
}
