//! The answer editor: a small raw-mode line editor below the status line
//! with the live countdown. It redraws after each batch of pending events
//! (so a long paste costs one redraw, not one per key), and between keys
//! refreshes only the status line.

use super::region::{self, Answer, Outcome, Step, Timer, is_ctrl_c, is_enter};
use super::signals::Signals;
use crate::clock::Clock;
use crate::error::Result;
use crate::term::Style;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::io::Write;
use unicode_width::UnicodeWidthChar;

/// Columns before each answer line.
const GUTTER: &str = "  ";

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
    /// The keys and commands the status line lists.
    pub keys: &'static str,
    /// What the status line says once `:skip` (or `:pass`) ends the answer.
    pub skipped: &'static str,
}

/// The status line's keys while answering a question.
pub const QUESTION_KEYS: &str = "`.` or Ctrl-D ends · :hint :skip :quit";

/// The status line's keys while answering a probe.
pub const PROBE_KEYS: &str = "`.` or Ctrl-D ends · :pass declines · :quit";

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

    fn end(&mut self) {
        self.col = self.lines[self.row].len();
    }

    /// The column where the word before the cursor starts, in this line.
    fn word_start(&self) -> usize {
        let line = &self.lines[self.row];
        let mut col = self.col;
        while col > 0 && !is_word(line[col - 1]) {
            col -= 1;
        }
        while col > 0 && is_word(line[col - 1]) {
            col -= 1;
        }
        col
    }

    /// To the start of the word before the cursor (Alt-B, Ctrl-Left).
    fn word_left(&mut self) {
        if self.col == 0 && self.row > 0 {
            self.row -= 1;
            self.end();
        }
        self.col = self.word_start();
    }

    /// To the end of the word after the cursor (Alt-F, Ctrl-Right).
    fn word_right(&mut self) {
        if self.col == self.lines[self.row].len() && self.row + 1 < self.lines.len() {
            self.row += 1;
            self.col = 0;
        }
        let line = &self.lines[self.row];
        while self.col < line.len() && !is_word(line[self.col]) {
            self.col += 1;
        }
        while self.col < line.len() && is_word(line[self.col]) {
            self.col += 1;
        }
    }

    /// Deletes the word before the cursor (Ctrl-W, Alt-Backspace); at the
    /// start of a line, joins it to the line above.
    fn delete_word_back(&mut self) {
        if self.col == 0 {
            self.backspace();
            return;
        }
        let start = self.word_start();
        self.lines[self.row].drain(start..self.col);
        self.col = start;
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

/// Letters, digits and `_`: what word-wise movement skips over.
fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The editor: the buffer and what it shows besides.
struct Editor<'a> {
    spec: &'a Spec<'a>,
    style: &'a Style,
    buffer: Buffer,
    hint_shown: bool,
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
        spec,
        style,
        buffer: Buffer::new(spec.prefill),
        hint_shown: false,
    };
    let timer = Timer::starting_now(clock, spec.limit_s, spec.used_s, spec.strict);
    let outcome = region::run(out, &mut editor, &timer, signals);
    Ok(Edited {
        outcome,
        text: editor.buffer.text().trim_end().to_string(),
        hint_used: editor.hint_shown,
    })
}

impl Answer for Editor<'_> {
    fn key(&mut self, key: KeyEvent) -> Step {
        self.on_key(key)
    }

    fn paste(&mut self, text: &str) -> Step {
        self.buffer.insert_str(text);
        Step::Changed
    }

    /// The status line, the hint when shown, and the answer's lines wrapped
    /// to the width: never taller than the screen, showing the part around
    /// the cursor.
    fn layout(
        &self,
        ended: Option<Outcome>,
        remaining: Option<i64>,
    ) -> (Vec<String>, usize, usize) {
        let (width, height) = region::size();
        let text_width = width.saturating_sub(GUTTER.len() + 1).max(10);
        let mut rows = vec![region::status(
            self.style,
            ended.map(|outcome| self.ended(outcome)),
            remaining.zip(self.spec.limit_s),
            &self.spec.label,
            self.spec.keys,
            width.saturating_sub(1),
        )];
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
}

impl Editor<'_> {
    fn on_key(&mut self, key: KeyEvent) -> Step {
        let control = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        if is_ctrl_c(&key) {
            return Step::Done(Outcome::Interrupted(2));
        }
        if is_enter(&key) {
            return self.enter();
        }
        match key.code {
            KeyCode::Char('d') if control => return Step::Done(Outcome::Submit),
            KeyCode::Char('u') if control => self.buffer.clear_line(),
            KeyCode::Char('w') if control => self.buffer.delete_word_back(),
            KeyCode::Backspace if control || alt => self.buffer.delete_word_back(),
            KeyCode::Char('b') if alt => self.buffer.word_left(),
            KeyCode::Char('f') if alt => self.buffer.word_right(),
            KeyCode::Left if control || alt => self.buffer.word_left(),
            KeyCode::Right if control || alt => self.buffer.word_right(),
            KeyCode::Char('a') if control => self.buffer.col = 0,
            KeyCode::Char('e') if control => self.buffer.end(),
            KeyCode::Char(_) if control || alt => return Step::Unchanged,
            KeyCode::Char(c) => self.buffer.insert(c),
            KeyCode::Tab => self.buffer.insert_str("\t"),
            KeyCode::Backspace => self.buffer.backspace(),
            KeyCode::Delete => self.buffer.delete(),
            KeyCode::Left => self.buffer.left(),
            KeyCode::Right => self.buffer.right(),
            KeyCode::Up => self.buffer.up(),
            KeyCode::Down => self.buffer.down(),
            KeyCode::Home => self.buffer.col = 0,
            KeyCode::End => self.buffer.end(),
            _ => return Step::Unchanged,
        }
        Step::Changed
    }

    /// Enter ends a line; a line holding only `.` or a command does more.
    fn enter(&mut self) -> Step {
        let line = self.buffer.current();
        let outcome = match line.trim() {
            "." => Some(Outcome::Submit),
            ":skip" | ":pass" => Some(Outcome::Skip),
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

    /// The status line's text once editing ended.
    fn ended(&self, outcome: Outcome) -> String {
        match outcome {
            Outcome::Submit | Outcome::EndOfInput => self.style.green("✓ submitted"),
            Outcome::Skip => self.style.yellow(self.spec.skipped),
            Outcome::Quit | Outcome::Interrupted(_) => self.style.yellow("saved, stopping"),
            Outcome::TimeUp => self.style.red("time is up: submitted as it stands"),
        }
    }
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
    fn words_are_moved_over_and_deleted_whole() {
        let mut b = Buffer::new("select_related() joins, prefetch");
        b.word_left();
        assert_eq!(b.col, "select_related() joins, ".len());
        b.word_left();
        assert_eq!(b.col, "select_related() ".len());
        b.word_right();
        assert_eq!(b.col, "select_related() joins".len());
        b.end();
        b.delete_word_back();
        assert_eq!(b.text(), "select_related() joins, ");
        b.delete_word_back();
        assert_eq!(b.text(), "select_related() ");
        // Words are found across line breaks.
        let mut b = Buffer::new("one\ntwo");
        b.col = 0;
        b.word_left();
        assert_eq!((b.row, b.col), (0, 0));
        b.word_right();
        assert_eq!((b.row, b.col), (0, 3));
        b.word_right();
        assert_eq!((b.row, b.col), (1, 3));
    }
}
