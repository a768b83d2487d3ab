//! The transcript folder: session records (JSON) and their markdown, each
//! written atomically and readable by the owner only.

use super::record::{RECORD_VERSION, Record};
use crate::error::{Error, Result};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Environment variable naming the default transcript folder.
pub const DIR_ENV: &str = "REHEARSE_DIR";

/// Age after which a temporary file in the folder is left over from a
/// killed process.
const STALE_TEMPORARY: std::time::Duration = std::time::Duration::from_secs(60);

/// Largest record file read; anything bigger is not a record rehearse wrote
/// (a session of long answers is well under a megabyte).
pub const MAX_RECORD_BYTES: u64 = 16 * 1024 * 1024;

/// Where the transcript folder came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// `--dir`.
    Flag,
    /// `REHEARSE_DIR`.
    Env,
    /// The user's data folder.
    Default,
}

/// The folder to use: `--dir`, else `REHEARSE_DIR`, else the user's data
/// folder (`$XDG_DATA_HOME/rehearse`, i.e. `~/.local/share/rehearse`).
pub fn resolve_dir(flag: Option<&Path>) -> Result<(PathBuf, Source)> {
    if let Some(dir) = flag {
        return Ok((dir.to_path_buf(), Source::Flag));
    }
    match std::env::var_os(DIR_ENV) {
        Some(dir) if !dir.is_empty() => Ok((PathBuf::from(dir), Source::Env)),
        _ => Ok((data_dir()?, Source::Default)),
    }
}

/// The user's data folder for rehearse.
pub fn data_dir() -> Result<PathBuf> {
    directories::ProjectDirs::from("", "", "rehearse")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .ok_or_else(|| {
            Error::Message(format!(
                "could not find your home folder to keep sessions in; set `{DIR_ENV}` or pass `--dir`"
            ))
        })
}

/// A transcript folder.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
}

/// Parses the summary index from its open file: a header line, then one
/// line per record file. Each line is parsed from memory (several times
/// faster than parsing from a reader), one at a time, so that thousands of
/// sessions cost little memory. `None` when it is not a whole index of this
/// version.
fn read_index(file: std::io::Take<std::fs::File>) -> Option<Index> {
    use std::io::BufRead;
    let mut reader = std::io::BufReader::new(file);
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let header: IndexHeader = serde_json::from_str(&line).ok()?;
    if header.version != INDEX_VERSION {
        return None;
    }
    let mut entries = BTreeMap::new();
    loop {
        line.clear();
        if reader.read_line(&mut line).ok()? == 0 {
            break;
        }
        let IndexLine {
            name,
            len,
            modified_ns,
            mut record,
        } = serde_json::from_str(&line).ok()?;
        // The list grew by doubling while it was read: a question is large,
        // and ten thousand sessions' spare room would be most of the memory.
        record.questions.shrink_to_fit();
        entries.insert(
            name,
            Entry {
                len,
                modified_ns,
                record,
            },
        );
    }
    Some(Index {
        version: header.version,
        entries,
    })
}

/// The summary index as text: a header line, then one line per record file.
fn write_index(index: &Index) -> Option<String> {
    let mut text = serde_json::to_string(&IndexHeader {
        version: index.version,
    })
    .ok()?;
    text.push('\n');
    for (name, entry) in &index.entries {
        let line = IndexLineRef {
            name,
            len: entry.len,
            modified_ns: entry.modified_ns,
            record: &entry.record,
        };
        text.push_str(&serde_json::to_string(&line).ok()?);
        text.push('\n');
    }
    Some(text)
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

    /// Writes a new session's record and markdown under a fresh id: the
    /// record's id as given, else with `-2`, `-3`, … added. The record file
    /// is created exclusively, so two sessions started in the same minute
    /// (in two terminals) never share an id. Sets `record.id` and returns
    /// the session's lock, held while it is sat.
    pub fn create(&self, record: &mut Record, render: impl Fn(&Record) -> String) -> Result<Lock> {
        let base = record.id.clone();
        for n in 1..10_000 {
            record.id = if n == 1 {
                base.clone()
            } else {
                format!("{base}-{n}")
            };
            if !plain_id(&record.id) {
                break;
            }
            if self.markdown_path(&record.id).exists() {
                continue;
            }
            let json = encode(record)?;
            match write_new(&self.json_path(&record.id), json.as_bytes()) {
                Ok(()) => {}
                Err(Error::Write { source, .. })
                    if source.kind() == std::io::ErrorKind::AlreadyExists =>
                {
                    continue;
                }
                Err(e) => return Err(e),
            }
            let lock = self.lock(&record.id)?;
            write_atomic(&self.markdown_path(&record.id), render(record).as_bytes())?;
            return Ok(lock);
        }
        Err(Error::Message(format!(
            "could not find a free name for a session `{}` in `{}`",
            crate::term::visible(&base, false),
            self.dir.display()
        )))
    }

    /// Removes a session's record and markdown (one left at the start
    /// screen, with nothing in it).
    pub fn discard(&self, id: &str) {
        if plain_id(id) {
            let _ = std::fs::remove_file(self.json_path(id));
            let _ = std::fs::remove_file(self.markdown_path(id));
        }
    }

    /// Takes the lock of session `id` for as long as the returned guard
    /// lives, so that it is sat in one terminal at a time. Refused, naming
    /// the process, while another process holds it. A lock left by a killed
    /// process is released by the system and taken over.
    pub fn lock(&self, id: &str) -> Result<Lock> {
        if !plain_id(id) {
            return Err(Error::Message(format!(
                "the session id `{}` is not a plain file name",
                crate::term::visible(id, false)
            )));
        }
        let path = self.dir.join(format!(".{id}.lock"));
        let failed = |source: std::io::Error| Error::Write {
            path: path.clone(),
            source,
        };
        let mut options = std::fs::File::options();
        options.read(true).write(true).create(true).truncate(false);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options.open(&path).map_err(failed)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                let mut holder = String::new();
                let _ = std::io::Read::read_to_string(&mut file, &mut holder);
                let holder: String = holder.chars().filter(char::is_ascii_digit).collect();
                let by = if holder.is_empty() {
                    "another rehearse process".to_string()
                } else {
                    format!("rehearse process {holder}")
                };
                return Err(Error::Message(format!(
                    "session `{id}` is being sat right now by {by}; finish or stop it there \
                     (its answers are saved after each question), then resume it here"
                )));
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(failed(e)),
        }
        file.set_len(0).map_err(failed)?;
        file.write_all(format!("{}\n", std::process::id()).as_bytes())
            .map_err(failed)?;
        Ok(Lock { path, _file: file })
    }

    /// Writes the record and its markdown, each atomically.
    pub fn save(&self, record: &Record, markdown: &str) -> Result<PathBuf> {
        if !plain_id(&record.id) {
            return Err(Error::Message(format!(
                "the session id `{}` is not a plain file name; nothing was written",
                crate::term::visible(&record.id, false)
            )));
        }
        write_atomic(&self.json_path(&record.id), encode(record)?.as_bytes())?;
        let path = self.markdown_path(&record.id);
        write_atomic(&path, markdown.as_bytes())?;
        Ok(path)
    }

    /// Every record in the folder as a summary ([`Record::into_summary`]),
    /// newest first, and a warning for every file that could not be read as
    /// a record. Summaries come from the folder's index (`.summaries.cache`)
    /// for files unchanged since it was written (same size and time); only
    /// new or changed records are read, and the index is brought up to date
    /// (when the folder can be written: it is only a cache).
    pub fn summaries(&self) -> (Vec<Record>, Vec<String>) {
        let index_path = self.dir.join(INDEX);
        let mut old: Index = open_regular(&index_path, MAX_INDEX_BYTES)
            .ok()
            .and_then(read_index)
            .filter(|index: &Index| index.version == INDEX_VERSION)
            .unwrap_or_default();
        let mut new = Index {
            version: INDEX_VERSION,
            entries: BTreeMap::new(),
        };
        let mut changed = false;
        let mut unindexed = Vec::new();
        let mut warnings = Vec::new();
        for path in self.record_paths() {
            let Some(name) = path
                .file_name()
                .and_then(|n| n.to_str())
                .map(str::to_string)
            else {
                continue;
            };
            let stamp = std::fs::metadata(&path).ok().and_then(|m| {
                let modified = m
                    .modified()
                    .ok()?
                    .duration_since(std::time::UNIX_EPOCH)
                    .ok()?;
                Some((m.len(), modified.as_nanos()))
            });
            let cached = old.entries.remove(&name).filter(|entry| {
                stamp == Some((entry.len, entry.modified_ns))
                    && plain_id(&entry.record.id)
                    && path
                        .file_stem()
                        .is_some_and(|s| s == entry.record.id.as_str())
            });
            let entry = match cached {
                Some(entry) => entry,
                None => {
                    changed = true;
                    match (load(&path), stamp) {
                        (Ok(record), Some((len, modified_ns))) => Entry {
                            len,
                            modified_ns,
                            record: record.into_summary(),
                        },
                        (Ok(record), None) => {
                            unindexed.push(record.into_summary());
                            continue;
                        }
                        (Err(e), _) => {
                            warnings.push(format!("skipped `{}`: {e}", path.display()));
                            continue;
                        }
                    }
                }
            };
            new.entries.insert(name, entry);
        }
        if (changed || !old.entries.is_empty())
            && let Some(text) = write_index(&new)
        {
            let _ = write_atomic(&index_path, text.as_bytes());
        }
        let mut records: Vec<Record> = new.entries.into_values().map(|e| e.record).collect();
        records.extend(unindexed);
        sort_newest_first(&mut records);
        (records, warnings)
    }

    /// Paths of the `*.json` files in the folder, sorted.
    fn record_paths(&self) -> Vec<PathBuf> {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        paths.sort();
        paths
    }

    /// Every record in the folder, newest first, and a warning for every
    /// file that could not be read as one (the rest still load).
    pub fn load_all(&self) -> (Vec<Record>, Vec<String>) {
        let mut records = Vec::new();
        let mut warnings = Vec::new();
        for path in self.record_paths() {
            match load(&path) {
                Ok(record) => records.push(record),
                Err(e) => warnings.push(format!("skipped `{}`: {e}", path.display())),
            }
        }
        sort_newest_first(&mut records);
        (records, warnings)
    }
}

fn sort_newest_first(records: &mut [Record]) {
    records.sort_by(|a, b| b.started_at.cmp(&a.started_at).then(b.id.cmp(&a.id)));
}

/// The folder's summary index: what [`Store::summaries`] read last time.
const INDEX: &str = ".summaries.cache";
/// 2: JSON Lines (1 was one JSON document, read much more slowly).
const INDEX_VERSION: u32 = 2;
/// The index of a very long history (tens of thousands of sessions) fits.
const MAX_INDEX_BYTES: u64 = 256 * 1024 * 1024;

#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
struct Index {
    version: u32,
    /// By file name.
    entries: BTreeMap<String, Entry>,
}

/// The index's first line.
#[derive(serde::Serialize, serde::Deserialize)]
struct IndexHeader {
    version: u32,
}

/// One record file's line in the index.
#[derive(serde::Deserialize)]
struct IndexLine {
    name: String,
    len: u64,
    modified_ns: u128,
    record: Record,
}

/// [`IndexLine`], to write.
#[derive(serde::Serialize)]
struct IndexLineRef<'a> {
    name: &'a str,
    len: u64,
    modified_ns: u128,
    record: &'a Record,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
struct Entry {
    len: u64,
    modified_ns: u128,
    record: Record,
}

/// Reads one record file.
pub fn load(path: &Path) -> std::result::Result<Record, String> {
    let text = read_regular(path, MAX_RECORD_BYTES)?;
    /// Only the version, read first: a newer format gets its own message
    /// rather than a field error.
    #[derive(serde::Deserialize)]
    struct Version {
        format_version: Option<serde_json::Value>,
    }
    let syntax = |e: serde_json::Error| match e.classify() {
        serde_json::error::Category::Eof | serde_json::error::Category::Syntax => format!(
            "not valid JSON at line {} column {}; the file may be truncated",
            e.line(),
            e.column()
        ),
        _ => format!("not a session record ({e})"),
    };
    let version = serde_json::from_str::<Version>(&text)
        .map_err(syntax)?
        .format_version
        .as_ref()
        .and_then(serde_json::Value::as_u64)
        .ok_or("not a session record (no `format_version`)")?;
    if version > u64::from(RECORD_VERSION) {
        return Err(format!(
            "written by a newer rehearse (record format {version}); upgrade rehearse to read it"
        ));
    }
    let record: Record =
        serde_json::from_str(&text).map_err(|e| format!("not a session record ({e})"))?;
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

/// The text of `path` when it is a regular file (a symlink to one is
/// followed) of at most `limit` bytes. A FIFO, a device or a folder is
/// refused without being opened for reading, so it cannot hang the reader
/// or feed it forever.
pub fn read_regular(path: &Path, limit: u64) -> std::result::Result<String, String> {
    use std::io::Read;
    let mut bytes = Vec::new();
    open_regular(path, limit)?
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() as u64 > limit {
        return Err(too_big(limit));
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "not UTF-8 text (byte {} is not valid)",
            e.utf8_error().valid_up_to()
        )
    })
}

/// `path` opened for reading when it is a regular file (a symlink to one is
/// followed) of at most `limit` bytes; reads stop one byte past the limit.
pub fn open_regular(
    path: &Path,
    limit: u64,
) -> std::result::Result<std::io::Take<std::fs::File>, String> {
    use std::io::Read;
    let not_regular = "not a regular file; only regular files are read as records";
    let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
    if !meta.is_file() {
        return Err(not_regular.into());
    }
    let file = open_without_blocking(path).map_err(|e| e.to_string())?;
    // Checked again on what was opened: the name may have been swapped.
    let meta = file.metadata().map_err(|e| e.to_string())?;
    if !meta.is_file() {
        return Err(not_regular.into());
    }
    if meta.len() > limit {
        return Err(too_big(limit));
    }
    Ok(file.take(limit + 1))
}

fn too_big(limit: u64) -> String {
    format!(
        "larger than {} MB, far more than any session record; move it out of the folder",
        limit / (1024 * 1024)
    )
}

/// Opens for reading without waiting for a writer (a FIFO put in place of
/// the file would otherwise block the open itself).
#[cfg(unix)]
fn open_without_blocking(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::File::options()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_without_blocking(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

/// The record as written to its file.
fn encode(record: &Record) -> Result<String> {
    serde_json::to_string_pretty(record)
        .map_err(|e| Error::Message(format!("could not encode the session record: {e}")))
}

/// A session's lock: held while the session is sat, removed when dropped.
#[derive(Debug)]
pub struct Lock {
    path: PathBuf,
    _file: std::fs::File,
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
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

/// Folders to rescue a session into when its own folder fails, best first:
/// `rescue/` in the data folder, `$XDG_RUNTIME_DIR/rehearse-rescue` (private
/// to the user by definition), and a per-user folder in the shared
/// temporary directory.
pub fn rescue_dirs() -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    if let Ok(data) = data_dir() {
        dirs.push(data.join("rescue"));
    }
    if let Some(runtime) = std::env::var_os("XDG_RUNTIME_DIR").filter(|d| !d.is_empty()) {
        dirs.push(PathBuf::from(runtime).join("rehearse-rescue"));
    }
    dirs.push(std::env::temp_dir().join(format!("rehearse-rescue-{}", user_id())));
    dirs
}

/// Creates `dir` readable by the owner only, or checks the one already
/// there: a real folder (not a symlink), owned by this user, that nobody
/// else can read or write. A folder someone else planted is refused.
pub fn private_dir(dir: &Path) -> std::io::Result<()> {
    if let Some(parent) = dir
        .parent()
        .filter(|p| !p.as_os_str().is_empty() && !p.exists())
    {
        create_private_dir(parent)?;
    }
    match create_private_dir_once(dir) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
        Err(e) => return Err(e),
    }
    check_private(dir)
}

#[cfg(unix)]
fn check_private(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    let refuse = |why: &str| {
        Err(std::io::Error::new(
            std::io::ErrorKind::PermissionDenied,
            format!("`{}` {why}; it is not used", dir.display()),
        ))
    };
    let meta = std::fs::symlink_metadata(dir)?;
    if meta.file_type().is_symlink() {
        return refuse("is a symbolic link");
    }
    if !meta.is_dir() {
        return refuse("is not a folder");
    }
    if meta.uid() != user_id() {
        return refuse("belongs to another user");
    }
    if meta.mode() & 0o077 != 0 {
        return refuse("can be read or written by other users");
    }
    Ok(())
}

#[cfg(not(unix))]
fn check_private(dir: &Path) -> std::io::Result<()> {
    if std::fs::symlink_metadata(dir)?.is_dir() {
        Ok(())
    } else {
        Err(std::io::Error::other(format!(
            "`{}` is not a folder",
            dir.display()
        )))
    }
}

/// This process's effective user id.
#[cfg(unix)]
fn user_id() -> u32 {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() }
}

#[cfg(not(unix))]
fn user_id() -> u32 {
    0
}

#[cfg(unix)]
fn create_private_dir_once(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new().mode(0o700).create(dir)
}

#[cfg(not(unix))]
fn create_private_dir_once(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir(dir)
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
    write_through_temporary(path, bytes, false)
}

/// Writes `bytes` to `path`, which must not exist yet, as
/// [`write_atomic`] does: the file appears whole or not at all, and an
/// existing one is never replaced (`AlreadyExists`).
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<()> {
    write_through_temporary(path, bytes, true)
}

fn write_through_temporary(path: &Path, bytes: &[u8], only_new: bool) -> Result<()> {
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
    let persisted = if only_new {
        file.persist_noclobber(path)
    } else {
        file.persist(path)
    };
    persisted.map_err(|e| failed(e.error))?;
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

    fn fixture_record() -> Record {
        load(Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/records/2026-01-10-1800-mid.json"
        )))
        .unwrap()
    }

    #[test]
    fn sessions_started_in_the_same_minute_get_their_own_ids() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let mut first = fixture_record();
        first.id = "2026-03-01-0900-mid".into();
        let mut second = first.clone();
        second.questions.clear();
        let _a = store.create(&mut first, |_| "# first".into()).unwrap();
        let _b = store.create(&mut second, |_| "# second".into()).unwrap();
        assert_eq!(first.id, "2026-03-01-0900-mid");
        assert_eq!(second.id, "2026-03-01-0900-mid-2");
        // Each file holds its own session.
        assert_eq!(load(&store.json_path(&first.id)).unwrap(), first);
        assert_eq!(load(&store.json_path(&second.id)).unwrap(), second);
        assert_eq!(
            std::fs::read_to_string(store.markdown_path(&first.id)).unwrap(),
            "# first"
        );
    }

    #[test]
    fn a_session_is_sat_in_one_place_at_a_time() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let mut record = fixture_record();
        let held = store.create(&mut record, |_| String::new()).unwrap();
        let err = store.lock(&record.id).unwrap_err().to_string();
        assert!(
            err.contains(&format!(
                "is being sat right now by rehearse process {}",
                std::process::id()
            )),
            "{err}"
        );
        drop(held);
        // Released: the lock file is gone and the session can be taken.
        assert!(!dir.path().join(format!(".{}.lock", record.id)).exists());
        let _again = store.lock(&record.id).unwrap();
    }

    #[test]
    fn summaries_come_from_the_index_until_a_record_changes() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let mut record = fixture_record();
        let _lock = store.create(&mut record, |_| String::new()).unwrap();
        let path = store.json_path(&record.id);
        let (first, warnings) = store.summaries();
        assert!(warnings.is_empty());
        assert_eq!(first, [record.clone().into_summary()]);
        assert!(first[0].questions.iter().all(|q| q.answer.is_empty()));
        assert!(dir.path().join(INDEX).is_file());
        // Same size, same time: the file is not read again.
        let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
        let len = std::fs::metadata(&path).unwrap().len() as usize;
        std::fs::write(&path, " ".repeat(len)).unwrap();
        let file = std::fs::File::options().write(true).open(&path).unwrap();
        file.set_modified(modified).unwrap();
        assert_eq!(store.summaries().0, first);
        // Changed: read again (and here found broken).
        file.set_modified(modified + std::time::Duration::from_secs(1))
            .unwrap();
        let (records, warnings) = store.summaries();
        assert!(records.is_empty());
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        // Removed: gone from the index too.
        std::fs::remove_file(&path).unwrap();
        assert_eq!(store.summaries(), (vec![], vec![]));
        let index = std::fs::read_to_string(dir.path().join(INDEX)).unwrap();
        assert!(!index.contains(&record.id), "{index}");
    }

    #[test]
    fn an_index_entry_is_trusted_only_for_its_own_file() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let mut record = fixture_record();
        let _lock = store.create(&mut record, |_| String::new()).unwrap();
        store.summaries();
        // A planted index that names the file's session `../outside`.
        let index_path = dir.path().join(INDEX);
        let index = std::fs::read_to_string(&index_path).unwrap();
        let planted = index.replace(
            &format!("\"id\":\"{}\"", record.id),
            "\"id\":\"../outside\"",
        );
        assert_ne!(index, planted);
        std::fs::write(&index_path, planted).unwrap();
        let (records, _) = store.summaries();
        assert_eq!(records.len(), 1);
        assert_eq!(records[0].id, record.id);
    }

    #[test]
    fn an_index_of_another_version_or_cut_short_is_rebuilt() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let mut record = fixture_record();
        let _lock = store.create(&mut record, |_| String::new()).unwrap();
        let index_path = dir.path().join(INDEX);
        let old_format = format!(
            "{{\"version\":1,\"entries\":{{\"{}.json\":{{}}}}}}",
            record.id
        );
        let whole = {
            store.summaries();
            std::fs::read_to_string(&index_path).unwrap()
        };
        let cut = &whole[..whole.len() - 10];
        for planted in [old_format.as_str(), cut, "{\"version\":2}\nnot json\n"] {
            std::fs::write(&index_path, planted).unwrap();
            let (records, warnings) = store.summaries();
            assert!(warnings.is_empty(), "{warnings:?}");
            assert_eq!(records.len(), 1);
            assert_eq!(records[0].id, record.id);
            assert_eq!(std::fs::read_to_string(&index_path).unwrap(), whole);
        }
    }

    #[cfg(unix)]
    #[test]
    fn only_regular_files_of_a_sane_size_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("2026-01-01-0000-mid.json");
        let c_path = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);
        std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.json")).unwrap();
        let big = dir.path().join("big.json");
        std::fs::File::create(&big)
            .unwrap()
            .set_len(MAX_RECORD_BYTES + 1)
            .unwrap();
        // Returns instead of waiting on the FIFO or reading /dev/zero forever.
        let (records, warnings) = Store::at(dir.path()).load_all();
        assert!(records.is_empty());
        assert_eq!(warnings.len(), 3, "{warnings:?}");
        assert!(
            warnings
                .iter()
                .any(|w| w.contains("big.json") && w.contains("larger than 16 MB"))
        );
        assert!(
            warnings
                .iter()
                .filter(|w| w.contains("not a regular file"))
                .count()
                == 2,
            "{warnings:?}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_rescue_folder_must_be_private_and_real() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let fresh = dir.path().join("new/rescue");
        private_dir(&fresh).unwrap();
        let mode = std::fs::metadata(&fresh).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700);
        // Planted: a symlink to somewhere else, or a folder others can write.
        let target = dir.path().join("elsewhere");
        std::fs::create_dir(&target).unwrap();
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let err = private_dir(&link).unwrap_err().to_string();
        assert!(err.contains("is a symbolic link"), "{err}");
        let open = dir.path().join("open");
        std::fs::create_dir(&open).unwrap();
        std::fs::set_permissions(&open, std::fs::Permissions::from_mode(0o777)).unwrap();
        let err = private_dir(&open).unwrap_err().to_string();
        assert!(
            err.contains("can be read or written by other users"),
            "{err}"
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
