//! What must hold when things go wrong around a session: two sessions in
//! the same minute, one session resumed in two terminals, a terminal that
//! is closed for real, signals at the start screen, hostile records and
//! files in the folder, and where sessions are kept by default.

use crate::common::{on_fixture_bank, rehearse, tempdir};
use crate::pty::{exit_code, spawn};
use expectrl::Expect;
use serde_json::Value;
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const ID: &str = "2026-03-01-0900-junior";
const TIME: &str = "2026-03-01T09:00:00Z";

/// `rehearse run` on the fixture bank's technical question at the fixture
/// time, with `extra` arguments, answered by a script.
fn scripted(dir: &tempfile::TempDir, extra: &[&str], answers: &str) -> std::process::Output {
    let file = dir.path().join(format!("answers-{}.txt", answers.len()));
    std::fs::write(&file, answers).unwrap();
    on_fixture_bank(dir, TIME)
        .arg("run")
        .args(extra)
        .arg("--answers")
        .arg(&file)
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap()
}

const FIRST: &[&str] = &[
    "--preset",
    "junior",
    "--category",
    "technical",
    "--seed",
    "1",
];

fn record(dir: &Path, id: &str) -> Value {
    let text = std::fs::read_to_string(dir.join(format!("transcripts/{id}.json"))).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn records_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok()?.file_name().into_string().ok())
                .filter(|n| n.ends_with(".json"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn two_sessions_started_in_the_same_minute_keep_their_own_answers() {
    let dir = tempdir();
    // A waits at its start screen while B, started the same minute, runs
    // from start to end.
    let mut a = spawn(dir.path(), "technical");
    a.expect("Press Enter to begin.").unwrap();
    let b = scripted(&dir, FIRST, "B says the queryset is lazy\n.\n");
    assert!(b.status.success(), "{}", String::from_utf8_lossy(&b.stderr));
    a.send("\r").unwrap();
    a.expect("question 1 of 1").unwrap();
    a.send("A says the queryset is lazy\r.\r").unwrap();
    a.expect("How did you do?").unwrap();
    a.send("\r").unwrap();
    a.expect("Interview complete").unwrap();
    a.expect(expectrl::Eof).unwrap();
    assert_eq!(exit_code(&a), 0);
    assert_eq!(
        records_in(&dir.path().join("transcripts")),
        [format!("{ID}-2.json"), format!("{ID}.json")]
    );
    assert_eq!(
        record(dir.path(), ID)["questions"][0]["answer"],
        "A says the queryset is lazy"
    );
    assert_eq!(
        record(dir.path(), &format!("{ID}-2"))["questions"][0]["answer"],
        "B says the queryset is lazy"
    );
}

#[test]
fn a_session_resumed_in_a_second_terminal_is_refused_naming_the_process() {
    let dir = tempdir();
    let quit = scripted(&dir, FIRST, ":quit\n");
    assert_eq!(quit.status.code(), Some(130));
    // The first terminal resumes it and sits at the question.
    let mut a = crate::pty::spawn_with(dir.path(), &["--resume", ID, "--no-probes"]);
    a.expect("Press Enter to begin.").unwrap();
    a.send("\r").unwrap();
    a.expect("question 1 of 1").unwrap();
    let pid = a.get_process().pid().to_string();
    let second = scripted(&dir, &["--resume", ID], "from the second terminal\n.\n");
    assert_eq!(second.status.code(), Some(1));
    let stderr = String::from_utf8(second.stderr).unwrap();
    assert!(
        stderr.contains(&format!(
            "session `{ID}` is being sat right now by rehearse process {pid}"
        )),
        "{stderr}"
    );
    a.send("from the first terminal\r.\r").unwrap();
    a.expect("How did you do?").unwrap();
    a.send("\r").unwrap();
    a.expect("Interview complete").unwrap();
    a.expect(expectrl::Eof).unwrap();
    assert_eq!(exit_code(&a), 0);
    let r = record(dir.path(), ID);
    assert_eq!(r["status"], "complete");
    assert_eq!(r["questions"][0]["answer"], "from the first terminal");
    // Released at the end: nothing is left to refuse the next resume, which
    // now finds the session complete.
    let again = scripted(&dir, &["--resume", ID], "late\n.\n");
    let stderr = String::from_utf8(again.stderr).unwrap();
    assert!(stderr.contains("is already complete"), "{stderr}");
}

#[test]
fn sigterm_at_the_start_screen_exits_143_and_keeps_no_empty_session() {
    let dir = tempdir();
    let mut s = spawn(dir.path(), "technical");
    s.expect("Press Enter to begin.").unwrap();
    s.get_process_mut()
        .kill(expectrl::process::unix::Signal::SIGTERM)
        .unwrap();
    s.expect(expectrl::Eof).unwrap();
    assert_eq!(exit_code(&s), 143);
    assert!(records_in(&dir.path().join("transcripts")).is_empty());
}

/// A pseudo terminal whose controlling side the test holds, so that it can
/// close it as a terminal window or a dropped SSH connection does.
struct Pty {
    master: std::fs::File,
    seen: Vec<u8>,
}

impl Pty {
    fn spawn(mut cmd: Command) -> (Pty, std::process::Child) {
        let (mut master, mut slave) = (-1, -1);
        let size = libc::winsize {
            ws_row: 24,
            ws_col: 80,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        // SAFETY: out-pointers to two ints and a valid winsize.
        let made = unsafe {
            libc::openpty(
                &mut master,
                &mut slave,
                std::ptr::null_mut(),
                std::ptr::null(),
                &size,
            )
        };
        assert_eq!(made, 0, "openpty failed");
        // Only the test holds the controlling side: the child must not
        // inherit it, or closing it here would not close the terminal.
        for fd in [master, slave] {
            // SAFETY: a descriptor openpty just returned.
            unsafe { libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) };
        }
        // SAFETY: openpty returned two open descriptors we now own.
        let (master, slave) =
            unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
        for stdio in 0..3 {
            let fd = Stdio::from(slave.try_clone().unwrap());
            match stdio {
                0 => cmd.stdin(fd),
                1 => cmd.stdout(fd),
                _ => cmd.stderr(fd),
            };
        }
        // The child leads a new session with the pseudo terminal as its
        // controlling terminal, as a shell in a terminal window does.
        unsafe {
            use std::os::unix::process::CommandExt;
            cmd.pre_exec(|| {
                if libc::setsid() < 0 || libc::ioctl(0, libc::TIOCSCTTY as _, 0) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = cmd.spawn().unwrap();
        drop(slave);
        // SAFETY: a valid descriptor; reads are made non-blocking.
        unsafe {
            let flags = libc::fcntl(master.as_raw_fd(), libc::F_GETFL);
            libc::fcntl(master.as_raw_fd(), libc::F_SETFL, flags | libc::O_NONBLOCK);
        }
        let master = std::fs::File::from(master);
        (
            Pty {
                master,
                seen: Vec::new(),
            },
            child,
        )
    }

    /// Reads until `text` has appeared (generous timeout).
    fn expect(&mut self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(30);
        let mut buf = [0u8; 4096];
        while !String::from_utf8_lossy(&self.seen).contains(text) {
            assert!(
                Instant::now() < deadline,
                "never saw {text:?} in {:?}",
                String::from_utf8_lossy(&self.seen)
            );
            match self.master.read(&mut buf) {
                Ok(n) if n > 0 => self.seen.extend_from_slice(&buf[..n]),
                _ => std::thread::sleep(Duration::from_millis(20)),
            }
        }
    }

    fn send(&mut self, text: &str) {
        self.master.write_all(text.as_bytes()).unwrap();
    }
}

/// Waits for the child (generous timeout) and returns its exit code.
fn wait(child: &mut std::process::Child) -> Option<i32> {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status.code();
        }
        assert!(Instant::now() < deadline, "the session did not end");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn closing_the_terminal_keeps_the_answer_being_typed() {
    let dir = tempdir();
    let mut cmd = crate::pty::command(dir.path(), FIRST);
    cmd.env("TERM", "xterm");
    let (mut pty, mut child) = Pty::spawn(cmd);
    pty.expect("Press Enter to begin.");
    pty.send("\r");
    pty.expect("question 1 of 1");
    pty.send("typed before the window closed");
    pty.expect("typed before the window closed");
    // The window closes: the terminal is gone, not merely signalled.
    drop(pty);
    assert_eq!(wait(&mut child), Some(129));
    let r = record(dir.path(), ID);
    assert_eq!(r["status"], "interrupted");
    assert_eq!(
        r["questions"][0]["answer"],
        "typed before the window closed"
    );
}

#[test]
fn escape_sequences_in_a_resumed_answer_are_shown_not_sent() {
    let dir = tempdir();
    // An answer stopped part-way that holds a title change and a clipboard
    // write (OSC 0 and OSC 52).
    let quit = scripted(
        &dir,
        FIRST,
        "part \u{1b}]0;owned\u{7} and \u{1b}]52;c;cm0gLXJmIH4=\u{7} done\n:quit\n",
    );
    assert_eq!(quit.status.code(), Some(130));
    let mut s = crate::pty::spawn_with(dir.path(), &["--resume", ID, "--no-probes"]);
    let mut screen = Vec::new();
    let seen = s.expect("Press Enter to begin.").unwrap();
    screen.extend_from_slice(seen.before());
    s.send("\r").unwrap();
    // The editor offers the text again without its control characters.
    let seen = s
        .expect("part ]0;owned and ]52;c;cm0gLXJmIH4= done")
        .unwrap();
    screen.extend_from_slice(seen.before());
    s.send("\r.\r").unwrap();
    let seen = s.expect("How did you do?").unwrap();
    screen.extend_from_slice(seen.before());
    s.send("\r").unwrap();
    let seen = s.expect(expectrl::Eof).unwrap();
    screen.extend_from_slice(seen.before());
    screen.extend(seen.matches().flatten());
    let screen = String::from_utf8_lossy(&screen);
    assert!(screen.contains("Interview complete"), "{screen}");
    assert!(!screen.contains("\u{1b}]"), "{screen}");
    assert!(!screen.contains('\u{7}'), "{screen}");
}

#[test]
fn a_fifo_or_a_device_in_the_folder_is_skipped_not_waited_on() {
    let dir = tempdir();
    let folder = dir.path().join("transcripts");
    std::fs::create_dir(&folder).unwrap();
    let fifo = std::ffi::CString::new(folder.join("x.json").to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
    std::os::unix::fs::symlink("/dev/zero", folder.join("zero.json")).unwrap();
    for args in [&["review"][..], &["run", "--dry-run"][..]] {
        let output = rehearse(&dir)
            .args(args)
            .timeout(Duration::from_secs(60))
            .output()
            .unwrap();
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(
            stderr.contains("skipped `transcripts/x.json`: not a regular file"),
            "{args:?}: {stderr}"
        );
        assert!(
            stderr.contains("skipped `transcripts/zero.json`: not a regular file"),
            "{args:?}: {stderr}"
        );
    }
}

#[test]
fn a_planted_record_id_never_becomes_a_path() {
    let dir = tempdir();
    let quit = scripted(&dir, FIRST, "half\n:quit\n");
    assert_eq!(quit.status.code(), Some(130));
    // Someone rewrites the record's id to reach out of the folder.
    let path = dir.path().join(format!("transcripts/{ID}.json"));
    let mut value: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    value["id"] = "../escaped".into();
    std::fs::write(&path, value.to_string()).unwrap();
    let resumed = scripted(&dir, &["--resume", "latest"], "more\n.\n");
    assert_eq!(resumed.status.code(), Some(1));
    let stderr = String::from_utf8(resumed.stderr).unwrap();
    assert!(
        stderr.contains("its id `../escaped` is not its file name"),
        "{stderr}"
    );
    assert!(stderr.contains("no interrupted session"), "{stderr}");
    assert!(!dir.path().join("escaped.json").exists());
    assert!(!dir.path().join("escaped.md").exists());
}

#[test]
fn a_transcript_behind_its_record_is_written_again_by_review_show() {
    let dir = tempdir();
    let done = scripted(&dir, FIRST, "the queryset is lazy\n.\n");
    assert!(done.status.success());
    let md = dir.path().join(format!("transcripts/{ID}.md"));
    let current = std::fs::read_to_string(&md).unwrap();
    // As if the process was killed between writing the record and this.
    std::fs::write(&md, "# Mock interview: junior\n\nNot asked yet.\n").unwrap();
    let output = rehearse(&dir)
        .env("REHEARSE_FAKE_CLOCK", "2026-03-01T10:00:00Z")
        .args(["review", "show", ID])
        .output()
        .unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("was behind its session record"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&md).unwrap(), current);
    assert!(
        String::from_utf8(output.stdout)
            .unwrap()
            .contains("the queryset is lazy")
    );
}

#[test]
fn sessions_are_kept_in_the_data_folder_by_default() {
    let dir = tempdir();
    let data = dir.path().join("data");
    let output = on_fixture_bank(&dir, TIME)
        .env_remove("REHEARSE_DIR")
        .arg("run")
        .args(FIRST)
        .write_stdin("the queryset is lazy\n.\n")
        .output()
        .unwrap();
    assert!(output.status.success());
    let folder = data.join("rehearse");
    assert_eq!(records_in(&folder), [format!("{ID}.json")]);
    assert!(!dir.path().join("transcripts").exists());
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&folder).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o700);
}

#[test]
fn sessions_in_an_old_transcripts_folder_are_explained_once() {
    let dir = tempdir();
    // An older rehearse wrote here, in the folder it was started from.
    let done = scripted(&dir, FIRST, "the queryset is lazy\n.\n");
    assert!(done.status.success());
    let review = || {
        rehearse(&dir)
            .env_remove("REHEARSE_DIR")
            .arg("review")
            .output()
            .unwrap()
    };
    let first = String::from_utf8(review().stderr).unwrap();
    assert!(
        first.contains("1 session in `") && first.contains("was written by an older rehearse"),
        "{first}"
    );
    assert!(first.contains("--dir"), "{first}");
    let second = String::from_utf8(review().stderr).unwrap();
    assert!(!second.contains("older rehearse"), "said once: {second}");
    // Nothing was moved without asking.
    assert!(dir.path().join(format!("transcripts/{ID}.json")).exists());
}
