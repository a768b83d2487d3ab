//! Sessions left in `./transcripts`, the folder older versions of rehearse
//! wrote to wherever they were started. Now that sessions live in the
//! user's data folder, such a folder is found and its move offered (on a
//! terminal) or explained, once per folder.

use super::store::{self, Source, Store};
use crate::error::Result;
use std::path::{Path, PathBuf};

/// The old default folder, relative to where rehearse was started.
pub const OLD_DIR: &str = "transcripts";

/// File in the data folder listing the old folders already dealt with.
const NOTED: &str = ".old-folders-noted";

/// What to do about an old folder.
pub enum Choice {
    /// Move its sessions into the data folder.
    Move,
    /// Leave them where they are (nobody was asked: explain).
    Leave,
    /// The user said no to moving them.
    Declined,
}

/// Sessions found in an old folder.
pub struct Found {
    /// The old folder, as found.
    pub dir: PathBuf,
    /// Ids of the session records in it.
    pub ids: Vec<String>,
}

/// The old folder under `cwd`, when the default folder is in use, the old
/// one holds session records, and it was not dealt with before.
pub fn find(cwd: &Path, data: &Path, source: Source) -> Option<Found> {
    if source != Source::Default {
        return None;
    }
    let dir = cwd.join(OLD_DIR);
    if !dir.is_dir() || same_dir(&dir, data) || noted(data, &dir) {
        return None;
    }
    let (records, _) = Store::at(&dir).load_all();
    if records.is_empty() {
        return None;
    }
    let mut ids: Vec<String> = records.into_iter().map(|r| r.id).collect();
    ids.sort();
    Some(Found { dir, ids })
}

/// Deals with `found`: moves its sessions or leaves them, and notes the
/// folder so it is not raised again. Returns the message for the user.
pub fn settle(found: &Found, data: &Path, choice: Choice) -> Result<String> {
    Store::open(data)?;
    let message = match choice {
        Choice::Move => {
            let (moved, kept) = move_sessions(found, data);
            let mut message = format!(
                "Moved {} from `{}` to `{}`.",
                crate::term::count(moved, "session"),
                found.dir.display(),
                data.display()
            );
            if !kept.is_empty() {
                message.push_str(&format!(
                    " Left {} whose name is already taken there: {}.",
                    crate::term::count(kept.len(), "session"),
                    kept.join(", ")
                ));
            }
            message
        }
        Choice::Leave => explanation(found, data),
        Choice::Declined => format!(
            "They stay where they are: read them with `--dir {}`, or move them later with `mv {}/* {}/`. (Not asked again.)",
            found.dir.display(),
            found.dir.display(),
            data.display()
        ),
    };
    note(data, &found.dir);
    Ok(message)
}

/// What the user is told when the sessions stay where they are.
pub fn explanation(found: &Found, data: &Path) -> String {
    format!(
        "{} in `{}` {} written by an older rehearse, which kept sessions in the folder it was \
         started from. Sessions now live in `{}`, so history, stats and spaced repetition are \
         the same wherever you start rehearse. Move them there with `mv {}/* {}/`, or read them \
         where they are with `--dir {}`. (Said once.)",
        crate::term::count(found.ids.len(), "session"),
        found.dir.display(),
        if found.ids.len() == 1 { "was" } else { "were" },
        data.display(),
        found.dir.display(),
        data.display(),
        found.dir.display(),
    )
}

/// Moves each session's record and markdown; one whose id is taken in the
/// data folder stays. Returns how many moved and the ids kept.
fn move_sessions(found: &Found, data: &Path) -> (usize, Vec<String>) {
    let old = Store::at(&found.dir);
    let new = Store::at(data);
    let mut moved = 0;
    let mut kept = Vec::new();
    for id in &found.ids {
        if new.json_path(id).exists() || new.markdown_path(id).exists() {
            kept.push(id.clone());
            continue;
        }
        if move_file(&old.json_path(id), &new.json_path(id)).is_err() {
            kept.push(id.clone());
            continue;
        }
        let markdown = old.markdown_path(id);
        if markdown.is_file() {
            let _ = move_file(&markdown, &new.markdown_path(id));
        }
        moved += 1;
    }
    (moved, kept)
}

/// Renames, or copies and removes across file systems.
fn move_file(from: &Path, to: &Path) -> std::io::Result<()> {
    if std::fs::rename(from, to).is_ok() {
        return Ok(());
    }
    let bytes = std::fs::read(from)?;
    store::write_new(to, &bytes).map_err(std::io::Error::other)?;
    std::fs::remove_file(from)
}

fn same_dir(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

fn key(dir: &Path) -> String {
    dir.canonicalize()
        .unwrap_or_else(|_| dir.to_path_buf())
        .to_string_lossy()
        .into_owned()
}

fn noted(data: &Path, dir: &Path) -> bool {
    let key = key(dir);
    std::fs::read_to_string(data.join(NOTED))
        .map(|text| text.lines().any(|line| line == key))
        .unwrap_or(false)
}

fn note(data: &Path, dir: &Path) {
    let path = data.join(NOTED);
    let mut text = std::fs::read_to_string(&path).unwrap_or_default();
    text.push_str(&key(dir));
    text.push('\n');
    let _ = store::write_atomic(&path, text.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn old_folder(cwd: &Path, ids: &[&str]) {
        let dir = cwd.join(OLD_DIR);
        std::fs::create_dir_all(&dir).unwrap();
        let text = include_str!("../../tests/fixtures/records/2026-01-10-1800-mid.json");
        for id in ids {
            let mut value: serde_json::Value = serde_json::from_str(text).unwrap();
            value["id"] = (*id).into();
            std::fs::write(dir.join(format!("{id}.json")), value.to_string()).unwrap();
            std::fs::write(dir.join(format!("{id}.md")), "# transcript").unwrap();
        }
    }

    #[test]
    fn an_old_folder_is_found_only_for_the_default_folder_and_only_once() {
        let cwd = tempfile::tempdir().unwrap();
        let data = cwd.path().join("data/rehearse");
        old_folder(cwd.path(), &["2026-01-10-1800-mid"]);
        assert!(find(cwd.path(), &data, Source::Flag).is_none());
        assert!(find(cwd.path(), &data, Source::Env).is_none());
        let found = find(cwd.path(), &data, Source::Default).unwrap();
        assert_eq!(found.ids, ["2026-01-10-1800-mid"]);
        let said = settle(&found, &data, Choice::Leave).unwrap();
        assert!(said.contains("1 session in"), "{said}");
        assert!(said.contains("--dir"), "{said}");
        assert!(find(cwd.path(), &data, Source::Default).is_none());
        // Nothing moved.
        assert!(
            cwd.path()
                .join("transcripts/2026-01-10-1800-mid.json")
                .exists()
        );
    }

    #[test]
    fn moving_keeps_sessions_whose_name_is_taken() {
        let cwd = tempfile::tempdir().unwrap();
        let data = cwd.path().join("data/rehearse");
        old_folder(cwd.path(), &["2026-01-10-1800-mid", "2026-01-11-1800-mid"]);
        std::fs::create_dir_all(&data).unwrap();
        std::fs::write(data.join("2026-01-11-1800-mid.json"), "{}").unwrap();
        let found = find(cwd.path(), &data, Source::Default).unwrap();
        let said = settle(&found, &data, Choice::Move).unwrap();
        assert!(said.starts_with("Moved 1 session"), "{said}");
        assert!(said.contains("2026-01-11-1800-mid"), "{said}");
        assert!(data.join("2026-01-10-1800-mid.json").exists());
        assert!(data.join("2026-01-10-1800-mid.md").exists());
        assert!(
            !cwd.path()
                .join("transcripts/2026-01-10-1800-mid.json")
                .exists()
        );
        assert_eq!(
            std::fs::read_to_string(data.join("2026-01-11-1800-mid.json")).unwrap(),
            "{}",
            "an existing session is never replaced"
        );
        assert!(find(cwd.path(), &data, Source::Default).is_none());
    }
}
