//! The answer editor: a small raw-mode line editor with a live countdown on a
//! status line above the answer.
//!
//! It draws with relative cursor moves only (no cursor-position queries,
//! which a pseudo terminal may never answer), redraws its region after each
//! batch of pending events (so a long paste costs one redraw, not one per
//! key), and between keys refreshes only the status line.

use super::signals::Signals;
use crate::clock::{Clock, seconds_between};
use crate::error::{Error, Result};
use crate::term::Style;
use crossterm::cursor::{MoveToColumn, MoveUp};
use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use crossterm::queue;
use crossterm::style::Print;
use crossterm::terminal::{self, Clear, ClearType};
use std::io::Write;
use std::time::Duration;
use unicode_width::UnicodeWidthChar;

/// Columns before each answer line.
const GUTTER: &str = "  ";

/// How the editor was left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// A line `.` or Ctrl-D.
    Submit,
    /// `:skip`.
    Skip,
    /// `:quit`.
    Quit,
    /// Ctrl-C (2) or a signal.
    Interrupted(i32),
    /// `--strict-time` and the clock reached zero.
    TimeUp,
}

/// The text typed and how editing ended.
#[derive(Debug, Clone, PartialEq)]
pub struct Edited {
    pub outcome: Outcome,
    pub text: String,
    pub hint_used: bool,
}

/// What the editor shows besides the answer.
pub struct Spec<'a> {
    /// "question 3 of 9".
    pub label: String,
    /// Seconds allowed, or `None` without a timer.
    pub limit_s: Option<u32>,
    /// Seconds already used (an interrupted answer being resumed).
    pub used_s: u32,
    /// Submit at zero.
    pub strict: bool,
    /// Text to start with (an interrupted answer being resumed).
    pub prefill: &'a str,
    /// The hint `:hint` shows.
    pub hint: Option<&'a str>,
}

/// The answer being typed: lines of characters and a cursor.
#[derive(Debug, Clone, PartialEq)]
pub struct Buffer {
    lines: Vec<Vec<char>>,
    row: usize,
    col: usize,
}

impl Buffer {
    /// A buffer holding `text`, the cursor at its end.
    pub fn new(text: &str) -> Buffer {
        let mut buffer = Buffer {
            lines: vec![Vec::new()],
            row: 0,
            col: 0,
        };
        buffer.insert_str(text);
        buffer
    }

    /// The text, lines joined by `\n`.
    pub fn text(&self) -> String {
        self.lines
            .iter()
            .map(|l| l.iter().collect::<String>())
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn current(&self) -> String {
        self.lines[self.row].iter().collect()
    }

    fn insert(&mut self, c: char) {
        self.lines[self.row].insert(self.col, c);
        self.col += 1;
    }

    /// Inserts pasted or prefilled text: `\r\n` and `\r` become line breaks,
    /// tabs four spaces, other control characters are dropped.
    pub fn insert_str(&mut self, text: &str) {
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        for c in text.chars() {
            match c {
                '\n' => self.newline(),
                '\t' => (0..4).for_each(|_| self.insert(' ')),
                c if c.is_control() => {}
                c => self.insert(c),
            }
        }
    }

    fn newline(&mut self) {
        let rest = self.lines[self.row].split_off(self.col);
        self.row += 1;
        self.lines.insert(self.row, rest);
        self.col = 0;
    }

    fn backspace(&mut self) {
        if self.col > 0 {
            self.col -= 1;
            self.lines[self.row].remove(self.col);
        } else if self.row > 0 {
            let line = self.lines.remove(self.row);
            self.row -= 1;
            self.col = self.lines[self.row].len();
            self.lines[self.row].extend(line);
        }
    }

    fn delete(&mut self) {
        if self.col < self.lines[self.row].len() {
            self.lines[self.row].remove(self.col);
        } else if self.row + 1 < self.lines.len() {
            let next = self.lines.remove(self.row + 1);
            self.lines[self.row].extend(next);
        }
    }

    /// Removes the cursor's line (a command or the `.` that ended the answer).
    fn drop_line(&mut self) {
        if self.lines.len() == 1 {
            self.lines[0].clear();
        } else {
            self.lines.remove(self.row);
            self.row = self.row.min(self.lines.len() - 1);
        }
        self.col = self.lines[self.row].len();
    }

    fn clear_line(&mut self) {
        self.lines[self.row].clear();
        self.col = 0;
    }

    fn left(&mut self) {
        if self.col > 0 {
            self.col -= 1;
        } else if self.row > 0 {
            self.row -= 1;
            self.col = self.lines[self.row].len();
        }
    }

    fn right(&mut self) {
        if self.col < self.lines[self.row].len() {
            self.col += 1;
        } else if self.row + 1 < self.lines.len() {
            self.row += 1;
            self.col = 0;
        }
    }

    fn up(&mut self) {
        if self.row > 0 {
            self.row -= 1;
            self.col = self.col.min(self.lines[self.row].len());
        }
    }

    fn down(&mut self) {
        if self.row + 1 < self.lines.len() {
            self.row += 1;
            self.col = self.col.min(self.lines[self.row].len());
        }
    }
}

/// What a key did.
enum Step {
    Changed,
    Unchanged,
    Done(Outcome),
}

/// The editor: buffer, screen bookkeeping and clock.
struct Editor<'a, W: Write> {
    out: W,
    spec: &'a Spec<'a>,
    style: &'a Style,
    clock: &'a dyn Clock,
    buffer: Buffer,
    hint_shown: bool,
    start: jiff::Timestamp,
    /// Rows between the top of our region and the terminal cursor.
    cursor_row: usize,
    /// The status line as last drawn, to redraw it only when it changes.
    last_status: String,
}

/// Edits an answer until it is submitted or the interview stops. The
/// terminal must already be in raw mode.
pub fn edit<W: Write>(
    out: W,
    spec: &Spec,
    style: &Style,
    clock: &dyn Clock,
    signals: &Signals,
) -> Result<Edited> {
    let mut editor = Editor {
        out,
        spec,
        style,
        clock,
        buffer: Buffer::new(spec.prefill),
        hint_shown: false,
        start: clock.now(),
        cursor_row: 0,
        last_status: String::new(),
    };
    editor.draw(None)?;
    let outcome = loop {
        if let Some(signal) = signals.pending() {
            break Outcome::Interrupted(signal);
        }
        if spec.strict && editor.remaining().is_some_and(|r| r <= 0) {
            break Outcome::TimeUp;
        }
        if !event::poll(Duration::from_millis(200)).map_err(terminal_error)? {
            editor.refresh_status()?;
            continue;
        }
        // Take every pending event before drawing again.
        let mut changed = false;
        let mut done = None;
        loop {
            match editor.handle(event::read().map_err(terminal_error)?) {
                Step::Changed => changed = true,
                Step::Unchanged => {}
                Step::Done(outcome) => {
                    done = Some(outcome);
                    break;
                }
            }
            if !event::poll(Duration::ZERO).map_err(terminal_error)? {
                break;
            }
        }
        if let Some(outcome) = done {
            break outcome;
        }
        if changed {
            editor.draw(None)?;
        } else {
            editor.refresh_status()?;
        }
    };
    editor.draw(Some(outcome))?;
    editor.leave()?;
    Ok(Edited {
        outcome,
        text: editor.buffer.text().trim_end().to_string(),
        hint_used: editor.hint_shown,
    })
}

fn terminal_error(source: std::io::Error) -> Error {
    Error::Io {
        what: "the terminal failed",
        source,
    }
}

impl<W: Write> Editor<'_, W> {
    /// Seconds left (negative in overtime), or `None` without a timer.
    fn remaining(&self) -> Option<i64> {
        let used =
            i64::from(seconds_between(self.start, self.clock.now())) + i64::from(self.spec.used_s);
        self.spec.limit_s.map(|limit| i64::from(limit) - used)
    }

    fn handle(&mut self, event: Event) -> Step {
        match event {
            Event::Paste(text) => {
                self.buffer.insert_str(&text);
                Step::Changed
            }
            Event::Key(key) if key.kind != KeyEventKind::Release => self.key(key),
            Event::Resize(..) => Step::Changed,
            _ => Step::Unchanged,
        }
    }

    fn key(&mut self, key: KeyEvent) -> Step {
        let control = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Char('c') if control => return Step::Done(Outcome::Interrupted(2)),
            KeyCode::Char('d') if control => return Step::Done(Outcome::Submit),
            KeyCode::Char('u') if control => self.buffer.clear_line(),
            _ if is_enter(&key) => return self.enter(),
            KeyCode::Char(_) if control || key.modifiers.contains(KeyModifiers::ALT) => {
                return Step::Unchanged;
            }
            KeyCode::Char(c) => self.buffer.insert(c),
            KeyCode::Tab => self.buffer.insert_str("\t"),
            KeyCode::Backspace => self.buffer.backspace(),
            KeyCode::Delete => self.buffer.delete(),
            KeyCode::Left => self.buffer.left(),
            KeyCode::Right => self.buffer.right(),
            KeyCode::Up => self.buffer.up(),
            KeyCode::Down => self.buffer.down(),
            KeyCode::Home => self.buffer.col = 0,
            KeyCode::End => self.buffer.col = self.buffer.lines[self.buffer.row].len(),
            _ => return Step::Unchanged,
        }
        Step::Changed
    }

    /// Enter ends a line; a line holding only `.` or a command does more.
    fn enter(&mut self) -> Step {
        let line = self.buffer.current();
        let outcome = match line.trim() {
            "." => Some(Outcome::Submit),
            ":skip" => Some(Outcome::Skip),
            ":quit" => Some(Outcome::Quit),
            ":hint" => {
                // The command goes; the candidate goes on typing on this line.
                self.buffer.clear_line();
                self.hint_shown = true;
                return Step::Changed;
            }
            _ => None,
        };
        match outcome {
            Some(outcome) => {
                self.buffer.drop_line();
                Step::Done(outcome)
            }
            None => {
                self.buffer.newline();
                Step::Changed
            }
        }
    }

    fn size(&self) -> (usize, usize) {
        // A pseudo terminal may report 0x0: fall back to 80x24.
        match terminal::size() {
            Ok((w, h)) if w > 0 && h > 0 => (usize::from(w), usize::from(h)),
            _ => (80, 24),
        }
    }

    fn status(&self, outcome: Option<Outcome>) -> String {
        let width = self.size().0.saturating_sub(1);
        let clock = match (outcome, self.remaining()) {
            (Some(Outcome::Submit), _) => self.style.green("✓ submitted"),
            (Some(Outcome::Skip), _) => self.style.yellow("skipped"),
            (Some(Outcome::Quit | Outcome::Interrupted(_)), _) => {
                self.style.yellow("saved, stopping")
            }
            (Some(Outcome::TimeUp), _) => self.style.red("time is up: submitted as it stands"),
            (None, None) => "no timer".to_string(),
            (None, Some(left)) if left >= 0 => {
                let text = format!("⏱ {} left", mmss(left));
                if left <= 30 {
                    self.style.yellow(&text)
                } else {
                    text
                }
            }
            (None, Some(over)) => self.style.red(&format!("⏱ overtime +{}", mmss(-over))),
        };
        let help = if outcome.is_some() {
            String::new()
        } else {
            " · finish with a line `.` or Ctrl-D · :hint :skip :quit".to_string()
        };
        let plain_len = strip_ansi(&clock).chars().count() + 3 + self.spec.label.chars().count();
        let room = width.saturating_sub(plain_len);
        let help: String = help.chars().take(room).collect();
        format!("{clock} · {}{}", self.spec.label, self.style.dim(&help))
    }

    /// The rows of the region, and the row and column of the cursor in it.
    fn layout(&self, outcome: Option<Outcome>) -> (Vec<String>, usize, usize) {
        let (width, height) = self.size();
        let text_width = width.saturating_sub(GUTTER.len() + 1).max(10);
        let mut rows = vec![self.status(outcome)];
        if self.hint_shown {
            let hint = self.spec.hint.unwrap_or("no hint for this question");
            for line in
                crate::term::wrap(&format!("hint: {hint}"), width.saturating_sub(1), "").lines()
            {
                rows.push(self.style.dim(line));
            }
        }
        let fixed = rows.len();
        let mut answer: Vec<String> = Vec::new();
        let (mut cursor_row, mut cursor_col) = (0, GUTTER.len());
        for (r, line) in self.buffer.lines.iter().enumerate() {
            let mut row = String::from(GUTTER);
            let mut used = 0;
            for (c, ch) in line.iter().enumerate() {
                let w = ch.width().unwrap_or(0);
                if used + w > text_width {
                    answer.push(std::mem::replace(&mut row, String::from(GUTTER)));
                    used = 0;
                }
                if r == self.buffer.row && c == self.buffer.col {
                    (cursor_row, cursor_col) = (answer.len(), GUTTER.len() + used);
                }
                row.push(*ch);
                used += w;
            }
            if r == self.buffer.row && self.buffer.col >= line.len() {
                (cursor_row, cursor_col) = (answer.len(), GUTTER.len() + used);
            }
            answer.push(row);
        }
        // Never taller than the screen: show the part around the cursor.
        let room = height.saturating_sub(1 + fixed).max(1);
        let first = if answer.len() <= room {
            0
        } else {
            (cursor_row + 1)
                .saturating_sub(room)
                .min(answer.len() - room)
        };
        let visible = answer.len().min(room);
        rows.extend(answer.drain(first..first + visible));
        (rows, fixed + cursor_row - first, cursor_col)
    }

    /// Redraws the whole region.
    fn draw(&mut self, outcome: Option<Outcome>) -> Result<()> {
        let (rows, row, col) = self.layout(outcome);
        self.last_status = rows[0].clone();
        if self.cursor_row > 0 {
            queue!(self.out, MoveUp(self.cursor_row as u16)).map_err(terminal_error)?;
        }
        queue!(self.out, MoveToColumn(0), Clear(ClearType::FromCursorDown))
            .map_err(terminal_error)?;
        let last = rows.len() - 1;
        for (i, text) in rows.iter().enumerate() {
            queue!(self.out, Print(text)).map_err(terminal_error)?;
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
        Ok(())
    }

    /// Redraws the status line only, when its text changed (the countdown).
    fn refresh_status(&mut self) -> Result<()> {
        let status = self.status(None);
        if status == self.last_status {
            return Ok(());
        }
        let (_, _, col) = self.layout(None);
        if self.cursor_row > 0 {
            queue!(self.out, MoveUp(self.cursor_row as u16)).map_err(terminal_error)?;
        }
        queue!(
            self.out,
            MoveToColumn(0),
            Clear(ClearType::CurrentLine),
            Print(&status)
        )
        .map_err(terminal_error)?;
        if self.cursor_row > 0 {
            queue!(
                self.out,
                crossterm::cursor::MoveDown(self.cursor_row as u16)
            )
            .map_err(terminal_error)?;
        }
        queue!(self.out, MoveToColumn(col as u16)).map_err(terminal_error)?;
        self.out.flush().map_err(terminal_error)?;
        self.last_status = status;
        Ok(())
    }

    /// Moves below the region so that what follows starts on a fresh line.
    fn leave(&mut self) -> Result<()> {
        let (rows, _, _) = self.layout(None);
        let below = rows.len().saturating_sub(self.cursor_row);
        for _ in 0..below {
            queue!(self.out, Print("\r\n")).map_err(terminal_error)?;
        }
        self.out.flush().map_err(terminal_error)
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

/// `2:05` for 125 seconds.
fn mmss(seconds: i64) -> String {
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
    fn typing_backspace_and_lines() {
        let mut b = Buffer::new("");
        for c in "helo".chars() {
            b.insert(c);
        }
        b.left();
        b.insert('l');
        b.newline();
        b.insert_str("wörld ✓");
        // Enter splits the line at the cursor, which was before the `o`.
        assert_eq!(b.text(), "hell\nwörld ✓o");
        // Backspace at the start of a line joins it to the one above.
        b.col = 0;
        b.backspace();
        assert_eq!(b.text(), "hellwörld ✓o");
    }

    #[test]
    fn pastes_keep_their_lines_and_drop_control_characters() {
        let b = Buffer::new("one\r\ntwo\rthree\tx\u{7}");
        assert_eq!(b.text(), "one\ntwo\nthree    x");
    }

    #[test]
    fn commands_and_the_dot_line_are_removed() {
        let mut b = Buffer::new("answer\n.");
        b.drop_line();
        assert_eq!(b.text(), "answer");
        let mut b = Buffer::new(":hint");
        b.drop_line();
        assert_eq!(b.text(), "");
    }

    #[test]
    fn cursor_moves_across_lines() {
        let mut b = Buffer::new("ab\ncd");
        b.up();
        assert_eq!((b.row, b.col), (0, 2));
        b.right();
        assert_eq!((b.row, b.col), (1, 0));
        b.left();
        assert_eq!((b.row, b.col), (0, 2));
        b.delete();
        assert_eq!(b.text(), "abcd");
    }

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
}
