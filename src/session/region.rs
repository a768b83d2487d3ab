//! The part of the screen an answer is given in: a status line with the live
//! countdown, then whatever the answer needs (the text being typed, or the
//! options of a choice). Shared by the editor and the choice menu.
//!
//! It draws with relative cursor moves only (no cursor-position queries,
//! which a pseudo terminal may never answer), and between keys refreshes
//! only the status line.

use super::signals::Signals;
use crate::clock::{Clock, seconds_between};
use crate::error::{Error, Result};
use crate::term::Style;
use crossterm::cursor::{MoveDown, MoveToColumn, MoveUp};
use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use crossterm::queue;
use crossterm::style::Print;
use crossterm::terminal::{self, Clear, ClearType};
use jiff::Timestamp;
use std::io::Write;
use std::time::Duration;

pub use super::Outcome;

/// What an event did to an answer.
pub enum Step {
    Changed,
    Unchanged,
    Done(Outcome),
}

/// Something answered in a region: the editor or the choice menu.
pub trait Answer {
    /// Takes one key press.
    fn key(&mut self, key: KeyEvent) -> Step;

    /// Takes pasted text (ignored unless overridden).
    fn paste(&mut self, _text: &str) -> Step {
        Step::Unchanged
    }

    /// Takes one terminal event: key presses, pastes, and resizes (which
    /// redraw).
    fn handle(&mut self, event: Event) -> Step {
        match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => self.key(key),
            Event::Paste(text) => self.paste(&text),
            Event::Resize(..) => Step::Changed,
            _ => Step::Unchanged,
        }
    }

    /// The rows to show (the status line first, given the countdown
    /// `remaining`, or how answering `ended`), and the row and column to
    /// leave the cursor at.
    fn layout(&self, ended: Option<Outcome>, remaining: Option<i64>)
    -> (Vec<String>, usize, usize);
}

/// The time an answer has.
pub struct Timer<'a> {
    pub clock: &'a dyn Clock,
    /// When this attempt at the answer began.
    pub start: Timestamp,
    /// Seconds allowed, or `None` without a timer.
    pub limit_s: Option<u32>,
    /// Seconds already used (an interrupted answer being resumed).
    pub used_s: u32,
    /// End the answer at zero.
    pub strict: bool,
}

impl<'a> Timer<'a> {
    /// A timer starting now.
    pub fn starting_now(
        clock: &'a dyn Clock,
        limit_s: Option<u32>,
        used_s: u32,
        strict: bool,
    ) -> Timer<'a> {
        Timer {
            clock,
            start: clock.now(),
            limit_s,
            used_s,
            strict,
        }
    }

    /// Seconds left (negative in overtime), or `None` without a timer.
    pub fn remaining(&self) -> Option<i64> {
        let used =
            i64::from(seconds_between(self.start, self.clock.now())) + i64::from(self.used_s);
        self.limit_s.map(|limit| i64::from(limit) - used)
    }

    fn is_up(&self) -> bool {
        self.strict && self.remaining().is_some_and(|left| left <= 0)
    }
}

/// Runs `answer` in a region of `out` until it is done, time is up (with
/// `--strict-time`) or a signal arrives; the terminal must already be in raw
/// mode. Every pending event is taken before drawing again, so a long paste
/// costs one redraw, not one per key; between keys only the status line is
/// refreshed.
///
/// A terminal that fails (closed under us: reads and writes give `EIO`)
/// ends the answer as interrupted by SIGHUP, never with an error, so that
/// what was typed is still saved.
pub fn run<W: Write>(out: W, answer: &mut dyn Answer, timer: &Timer, signals: &Signals) -> Outcome {
    let mut region = Region::new(out);
    let outcome = match edit(&mut region, answer, timer, signals) {
        Ok(outcome) => outcome,
        Err(_) => Outcome::Interrupted(signals.pending().unwrap_or(signal_hook::consts::SIGHUP)),
    };
    // The last picture; nothing more to do if the terminal is gone.
    let (rows, row, col) = answer.layout(Some(outcome), timer.remaining());
    let _ = region.draw(&rows, row, col).and_then(|()| region.leave());
    outcome
}

/// Waits up to `timeout` for a key (or paste) from the terminal; an error
/// when the terminal is gone. The wait itself is a `poll` on standard input,
/// which reports a closed terminal as a hang-up: the event reader is only
/// asked once input is there, since it would spin on a terminal that can
/// no longer be read.
pub fn input_ready(timeout: Duration) -> Result<bool> {
    #[cfg(unix)]
    {
        let mut fd = libc::pollfd {
            fd: libc::STDIN_FILENO,
            events: libc::POLLIN,
            revents: 0,
        };
        let millis = i32::try_from(timeout.as_millis()).unwrap_or(i32::MAX);
        // SAFETY: one valid pollfd, and its count.
        let ready = unsafe { libc::poll(&mut fd, 1, millis) };
        if ready < 0 {
            let e = std::io::Error::last_os_error();
            // A signal: the caller looks at what arrived.
            if e.kind() == std::io::ErrorKind::Interrupted {
                return Ok(false);
            }
            return Err(terminal_error(e));
        }
        if fd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
            return Err(terminal_error(std::io::Error::other(
                "the terminal was closed",
            )));
        }
        if ready == 0 {
            return Ok(false);
        }
        event::poll(Duration::ZERO).map_err(terminal_error)
    }
    #[cfg(not(unix))]
    event::poll(timeout).map_err(terminal_error)
}

fn edit<W: Write>(
    region: &mut Region<W>,
    answer: &mut dyn Answer,
    timer: &Timer,
    signals: &Signals,
) -> Result<Outcome> {
    let (rows, row, col) = answer.layout(None, timer.remaining());
    region.draw(&rows, row, col)?;
    loop {
        if let Some(signal) = signals.pending() {
            return Ok(Outcome::Interrupted(signal));
        }
        if timer.is_up() {
            return Ok(Outcome::TimeUp);
        }
        if !input_ready(Duration::from_millis(200))? {
            let (mut rows, _, col) = answer.layout(None, timer.remaining());
            region.refresh_status(rows.swap_remove(0), col)?;
            continue;
        }
        let mut changed = false;
        loop {
            match answer.handle(event::read().map_err(terminal_error)?) {
                Step::Changed => changed = true,
                Step::Unchanged => {}
                Step::Done(outcome) => return Ok(outcome),
            }
            if !event::poll(Duration::ZERO).map_err(terminal_error)? {
                break;
            }
        }
        let (mut rows, row, col) = answer.layout(None, timer.remaining());
        if changed {
            region.draw(&rows, row, col)?;
        } else {
            region.refresh_status(rows.swap_remove(0), col)?;
        }
    }
}

/// A region of rows drawn below the cursor, redrawn in place.
pub struct Region<W: Write> {
    out: W,
    /// Rows between the top of the region and the terminal cursor.
    cursor_row: usize,
    /// Rows last drawn.
    rows: usize,
    /// The status line as last drawn, to redraw it only when it changes.
    last_status: String,
}

impl<W: Write> Region<W> {
    /// A region starting at the cursor's line.
    pub fn new(out: W) -> Region<W> {
        Region {
            out,
            cursor_row: 0,
            rows: 0,
            last_status: String::new(),
        }
    }

    /// Redraws the whole region (`rows[0]` is the status line) and leaves
    /// the cursor at `row`, `col`.
    pub fn draw(&mut self, rows: &[String], row: usize, col: usize) -> Result<()> {
        self.last_status = rows.first().cloned().unwrap_or_default();
        if self.cursor_row > 0 {
            queue!(self.out, MoveUp(self.cursor_row as u16)).map_err(terminal_error)?;
        }
        queue!(self.out, MoveToColumn(0), Clear(ClearType::FromCursorDown))
            .map_err(terminal_error)?;
        let last = rows.len().saturating_sub(1);
        for (i, text) in rows.iter().enumerate() {
            queue!(self.out, Print(crate::term::for_terminal(text))).map_err(terminal_error)?;
            if i < last {
                queue!(self.out, Print("\r\n")).map_err(terminal_error)?;
            }
        }
        if last > row {
            queue!(self.out, MoveUp((last - row) as u16)).map_err(terminal_error)?;
        }
        queue!(self.out, MoveToColumn(col as u16)).map_err(terminal_error)?;
        self.out.flush().map_err(terminal_error)?;
        self.cursor_row = row;
        self.rows = rows.len();
        Ok(())
    }

    /// Redraws the status line only, when its text changed (the countdown),
    /// and puts the cursor back at column `col` of its row.
    pub fn refresh_status(&mut self, status: String, col: usize) -> Result<()> {
        if status == self.last_status {
            return Ok(());
        }
        if self.cursor_row > 0 {
            queue!(self.out, MoveUp(self.cursor_row as u16)).map_err(terminal_error)?;
        }
        queue!(
            self.out,
            MoveToColumn(0),
            Clear(ClearType::CurrentLine),
            Print(crate::term::for_terminal(&status))
        )
        .map_err(terminal_error)?;
        if self.cursor_row > 0 {
            queue!(self.out, MoveDown(self.cursor_row as u16)).map_err(terminal_error)?;
        }
        queue!(self.out, MoveToColumn(col as u16)).map_err(terminal_error)?;
        self.out.flush().map_err(terminal_error)?;
        self.last_status = status;
        Ok(())
    }

    /// Moves below the region so that what follows starts on a fresh line.
    pub fn leave(&mut self) -> Result<()> {
        let below = self.rows.saturating_sub(self.cursor_row);
        for _ in 0..below {
            queue!(self.out, Print("\r\n")).map_err(terminal_error)?;
        }
        self.out.flush().map_err(terminal_error)
    }
}

/// The terminal's columns and rows; 80x24 when it reports none (a pseudo
/// terminal may report 0x0).
pub fn size() -> (usize, usize) {
    match terminal::size() {
        Ok((w, h)) if w > 0 && h > 0 => (usize::from(w), usize::from(h)),
        _ => (80, 24),
    }
}

/// The status line: the countdown (or how answering ended), the question's
/// label, and as many of the ` · `-separated parts of `help` as fit in
/// `width`.
pub fn status(
    style: &Style,
    ended: Option<String>,
    remaining: Option<(i64, u32)>,
    label: &str,
    help: &str,
    width: usize,
) -> String {
    let (clock, help) = match (ended, remaining) {
        (Some(text), _) => (text, ""),
        (None, None) => ("no timer".to_string(), help),
        (None, Some((left, limit))) if left >= 0 => {
            let text = match stage(left, limit) {
                Some(stage) => format!("⏱ {} left · {stage}", mmss(left)),
                None => format!("⏱ {} left", mmss(left)),
            };
            let text = if left <= 60 {
                style.yellow(&text)
            } else {
                text
            };
            (text, help)
        }
        (None, Some((over, _))) => (style.red(&format!("⏱ overtime +{}", mmss(-over))), help),
    };
    // As many of the help's parts as fit whole.
    let mut room =
        width.saturating_sub(strip_ansi(&clock).chars().count() + 3 + label.chars().count());
    let mut shown = String::new();
    for part in help.split(" · ").filter(|p| !p.is_empty()) {
        let len = part.chars().count() + 3;
        if len > room {
            break;
        }
        room -= len;
        shown.push_str(" · ");
        shown.push_str(part);
    }
    let help = shown;
    format!("{clock} · {label}{}", style.dim(&help))
}

/// The warning a countdown shows at its stages, besides its colour: "half
/// time" for 20 seconds once half the time is gone (for limits of two minutes
/// or more), then "one minute left" for the last minute (of longer limits).
pub fn stage(left: i64, limit: u32) -> Option<&'static str> {
    let limit = i64::from(limit);
    if limit > 60 && left <= 60 {
        Some("one minute left")
    } else if limit >= 120 && left <= limit / 2 && left > limit / 2 - 20 {
        Some("half time")
    } else {
        None
    }
}

/// Enter, or Ctrl-J, which is what an Enter typed ahead arrives as: keys
/// pressed before raw mode are read by the terminal's line discipline, which
/// turns the carriage return into a line feed.
pub fn is_enter(key: &KeyEvent) -> bool {
    match key.code {
        KeyCode::Enter => true,
        KeyCode::Char('j') => key.modifiers.contains(KeyModifiers::CONTROL),
        _ => false,
    }
}

/// Ctrl-C, read as a key in raw mode.
pub fn is_ctrl_c(key: &KeyEvent) -> bool {
    key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL)
}

pub fn terminal_error(source: std::io::Error) -> Error {
    Error::Io {
        what: "the terminal failed",
        source,
    }
}

/// `2:05` for 125 seconds.
pub fn mmss(seconds: i64) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// Text without ANSI escape sequences (to measure what shows).
fn strip_ansi(text: &str) -> String {
    let mut out = String::new();
    let mut escape = false;
    for c in text.chars() {
        match (escape, c) {
            (false, '\x1b') => escape = true,
            (true, 'm') => escape = false,
            (true, _) => {}
            (false, c) => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_feed_counts_as_enter() {
        let key = |code, modifiers| KeyEvent::new(code, modifiers);
        assert!(is_enter(&key(KeyCode::Enter, KeyModifiers::NONE)));
        assert!(is_enter(&key(KeyCode::Char('j'), KeyModifiers::CONTROL)));
        assert!(!is_enter(&key(KeyCode::Char('j'), KeyModifiers::NONE)));
        assert!(!is_enter(&key(KeyCode::Char('m'), KeyModifiers::ALT)));
    }

    #[test]
    fn clock_text() {
        assert_eq!(mmss(125), "2:05");
        assert_eq!(mmss(0), "0:00");
        assert_eq!(strip_ansi("\x1b[31mred\x1b[0m"), "red");
    }

    #[test]
    fn the_status_line_shows_the_countdown_and_what_help_fits() {
        let style = Style::plain(80);
        let line = status(
            &style,
            None,
            Some((95, 300)),
            "question 2 of 5",
            "Enter picks",
            80,
        );
        assert_eq!(line, "⏱ 1:35 left · question 2 of 5 · Enter picks");
        let line = status(
            &style,
            None,
            Some((-5, 300)),
            "question 2 of 5",
            "Enter picks",
            80,
        );
        assert_eq!(line, "⏱ overtime +0:05 · question 2 of 5 · Enter picks");
        // Help is cut to the width; the clock and label never are.
        let line = status(
            &style,
            None,
            Some((95, 300)),
            "question 2 of 5",
            "Enter picks · ? hint",
            45,
        );
        assert_eq!(line, "⏱ 1:35 left · question 2 of 5 · Enter picks");
        let line = status(
            &style,
            None,
            Some((95, 300)),
            "question 2 of 5",
            "Enter picks",
            32,
        );
        assert_eq!(line, "⏱ 1:35 left · question 2 of 5");
        let line = status(
            &style,
            Some("skipped".into()),
            Some((95, 300)),
            "q 1",
            "help",
            80,
        );
        assert_eq!(line, "skipped · q 1");
    }

    #[test]
    fn the_countdown_warns_at_half_time_and_in_the_last_minute() {
        // (seconds left, limit, warning)
        let cases = [
            (300, 300, None),
            (151, 300, None),
            (150, 300, Some("half time")),
            (131, 300, Some("half time")),
            (130, 300, None),
            (61, 300, None),
            (60, 300, Some("one minute left")),
            (1, 300, Some("one minute left")),
            // Short limits: no half time under two minutes, no last-minute
            // warning when the whole limit is a minute.
            (45, 90, Some("one minute left")),
            (30, 60, None),
            (10, 60, None),
        ];
        for (left, limit, expected) in cases {
            assert_eq!(stage(left, limit), expected, "{left} of {limit}");
        }
        let style = Style::plain(80);
        let line = status(&style, None, Some((140, 300)), "question 1 of 3", "", 80);
        assert_eq!(line, "⏱ 2:20 left · half time · question 1 of 3");
    }
}
