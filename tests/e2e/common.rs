//! Helpers shared by the end-to-end tests.

use assert_cmd::Command;
use std::path::PathBuf;

/// `rehearse` run from an empty temporary directory, with a clean
/// environment: no colour settings, sessions kept in `transcripts/` under
/// that directory, and a data folder of its own (never the user's).
pub fn rehearse(dir: &tempfile::TempDir) -> Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("rehearse");
    cmd.current_dir(dir.path())
        .env_remove("NO_COLOR")
        .env("REHEARSE_DIR", "transcripts")
        .env("XDG_DATA_HOME", dir.path().join("data"))
        .env("HOME", dir.path())
        .env_remove("COLUMNS")
        .env("TERM", "dumb");
    cmd
}

/// `rehearse` on the small fixture bank alone, at a fake time (UTC).
pub fn on_fixture_bank(dir: &tempfile::TempDir, clock: &str) -> Command {
    let mut cmd = rehearse(dir);
    cmd.env("REHEARSE_FAKE_CLOCK", clock)
        .env("TZ", "UTC")
        .arg("--no-builtin")
        .arg("--bank")
        .arg(fixture("bank-small.json"));
    cmd
}

/// A fresh temporary directory.
pub fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

/// Path of a file under `tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Standard output of a successful run, as text.
pub fn stdout_of(cmd: &mut Command) -> String {
    let output = cmd.output().unwrap();
    assert!(
        output.status.success(),
        "failed with {:?}: {}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}
