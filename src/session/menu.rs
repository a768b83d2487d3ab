//! The choice menu: a multiple-choice question's options below the status
//! line with the live countdown. Arrows or an option's letter move the
//! marker, Enter picks, `?` shows the hint, Esc skips, Ctrl-C stops.

use super::region::{self, Answer, Outcome, Step, Timer, is_ctrl_c, is_enter};
use super::render::letter;
use super::signals::Signals;
use crate::clock::Clock;
use crate::error::Result;
use crate::term::Style;
use crossterm::event::{KeyCode, KeyEvent};
use std::io::Write;

/// Columns before an option's second and later lines: under its text.
const HANGING: &str = "     ";

/// What the menu shows besides the options' marker.
pub struct Spec<'a> {
    /// "question 3 of 9".
    pub label: String,
    pub options: &'a [String],
    /// Seconds allowed, or `None` without a timer.
    pub limit_s: Option<u32>,
    /// Seconds already used (an interrupted question being resumed).
    pub used_s: u32,
    /// End the question at zero.
    pub strict: bool,
    /// The hint `?` shows.
    pub hint: Option<&'a str>,
}

/// How the menu was left, and the option marked then (picked, unless the
/// candidate skipped or stopped).
#[derive(Debug, Clone, PartialEq)]
pub struct Picked {
    pub outcome: Outcome,
    pub marked: Option<usize>,
    pub hint_used: bool,
}

/// The menu's state.
struct Menu<'a> {
    spec: &'a Spec<'a>,
    style: &'a Style,
    marked: Option<usize>,
    hint_shown: bool,
    /// Enter was pressed with no option marked.
    nudge: bool,
    /// The terminal's columns and rows.
    size: fn() -> (usize, usize),
}

/// Asks for an option until one is picked, the question is skipped, time is
/// up (with `--strict-time`) or the interview stops. The terminal must
/// already be in raw mode.
pub fn pick<W: Write>(
    out: W,
    spec: &Spec,
    style: &Style,
    clock: &dyn Clock,
    signals: &Signals,
) -> Result<Picked> {
    let mut menu = Menu::new(spec, style);
    let timer = Timer::starting_now(clock, spec.limit_s, spec.used_s, spec.strict);
    let outcome = region::run(out, &mut menu, &timer, signals);
    Ok(Picked {
        outcome,
        marked: menu.marked,
        hint_used: menu.hint_shown,
    })
}

impl<'a> Menu<'a> {
    fn new(spec: &'a Spec<'a>, style: &'a Style) -> Menu<'a> {
        Menu {
            spec,
            style,
            marked: None,
            hint_shown: false,
            nudge: false,
            size: region::size,
        }
    }

    fn on_key(&mut self, key: KeyEvent) -> Step {
        let last = self.spec.options.len().saturating_sub(1);
        if is_ctrl_c(&key) {
            return Step::Done(Outcome::Interrupted(2));
        }
        if is_enter(&key) {
            if self.marked.is_some() {
                return Step::Done(Outcome::Submit);
            }
            self.nudge = true;
            return Step::Changed;
        }
        let marked = match key.code {
            KeyCode::Esc => return Step::Done(Outcome::Skip),
            KeyCode::Char('?') => {
                self.hint_shown = true;
                return Step::Changed;
            }
            KeyCode::Up | KeyCode::BackTab => self.marked.map_or(last, |i| i.saturating_sub(1)),
            KeyCode::Down | KeyCode::Tab => self.marked.map_or(0, |i| (i + 1).min(last)),
            KeyCode::Home => 0,
            KeyCode::End => last,
            KeyCode::Char(c) => match option_named(c, self.spec.options.len()) {
                Some(i) => i,
                None => return Step::Unchanged,
            },
            _ => return Step::Unchanged,
        };
        self.marked = Some(marked);
        self.nudge = false;
        Step::Changed
    }

    /// The status line's text once the menu ended.
    fn ended(&self, outcome: Outcome) -> String {
        let marked = self.marked.map(letter);
        match (outcome, marked) {
            (Outcome::Submit, Some(l)) => self.style.green(&format!("✓ picked {l}")),
            (Outcome::TimeUp, Some(l)) => self
                .style
                .red(&format!("time is up: {l} picked as it stands")),
            (Outcome::TimeUp, None) => self.style.red("time is up: no option picked"),
            (Outcome::Skip, _) => self.style.yellow("skipped"),
            _ => self.style.yellow("saved, stopping"),
        }
    }
}

/// The option a key names: its letter (either case) or its number.
fn option_named(c: char, options: usize) -> Option<usize> {
    let index = match c {
        'a'..='z' => usize::from(c as u8 - b'a'),
        'A'..='Z' => usize::from(c as u8 - b'A'),
        '1'..='9' => usize::from(c as u8 - b'1'),
        _ => return None,
    };
    (index < options).then_some(index)
}

impl Answer for Menu<'_> {
    fn key(&mut self, key: KeyEvent) -> Step {
        self.on_key(key)
    }

    /// The status line, the hint when shown, then the options, the marked
    /// one highlighted; the cursor rests on the marked option.
    fn layout(
        &self,
        ended: Option<Outcome>,
        remaining: Option<i64>,
    ) -> (Vec<String>, usize, usize) {
        let width = (self.size)().0.saturating_sub(1);
        let mut rows = vec![region::status(
            self.style,
            ended.map(|outcome| self.ended(outcome)),
            remaining.zip(self.spec.limit_s),
            &self.spec.label,
            "↑↓/letter, Enter picks · ? hint · Esc skips · Ctrl-C stops",
            width,
        )];
        if self.hint_shown {
            let hint = self.spec.hint.unwrap_or("no hint for this question");
            for line in crate::term::wrap(&format!("hint: {hint}"), width, "").lines() {
                rows.push(self.style.dim(line));
            }
        }
        let mut cursor_row = rows.len();
        for (i, option) in self.spec.options.iter().enumerate() {
            let text = format!("{}) {option}", letter(i));
            let marked = self.marked == Some(i);
            if marked {
                cursor_row = rows.len();
            }
            let first = if marked { "❯ " } else { "  " };
            for line in crate::term::wrap_hanging(&text, width, first, HANGING).lines() {
                rows.push(if marked {
                    self.style.bold(line)
                } else {
                    line.to_string()
                });
            }
        }
        if self.nudge && ended.is_none() {
            rows.push(
                self.style
                    .yellow("  Mark an option first: ↑↓ or its letter, then Enter."),
            );
        }
        (rows, cursor_row, 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyModifiers;

    fn options() -> Vec<String> {
        ["80", "8000", "8080"].map(String::from).to_vec()
    }

    fn press(menu: &mut Menu, code: KeyCode) -> Step {
        menu.on_key(KeyEvent::new(code, KeyModifiers::NONE))
    }

    /// A menu on an 80-column screen, whatever runs the tests.
    fn menu<'a>(spec: &'a Spec<'a>, style: &'a Style) -> Menu<'a> {
        Menu {
            size: || (80, 24),
            ..Menu::new(spec, style)
        }
    }

    fn spec(options: &[String]) -> Spec<'_> {
        Spec {
            label: "question 1 of 1".into(),
            options,
            limit_s: Some(45),
            used_s: 0,
            strict: false,
            hint: Some("Not a privileged port."),
        }
    }

    #[test]
    fn letters_and_arrows_mark_and_enter_picks() {
        let (options, style) = (options(), Style::plain(80));
        let spec = spec(&options);
        let mut menu = menu(&spec, &style);
        // Nothing is marked at first: Enter alone picks nothing.
        assert!(matches!(press(&mut menu, KeyCode::Enter), Step::Changed));
        assert!(menu.nudge);
        press(&mut menu, KeyCode::Char('C'));
        assert_eq!(menu.marked, Some(2));
        press(&mut menu, KeyCode::Up);
        assert_eq!(menu.marked, Some(1));
        press(&mut menu, KeyCode::Down);
        press(&mut menu, KeyCode::Down);
        assert_eq!(menu.marked, Some(2), "the marker stops at the last option");
        // A letter past the options does nothing.
        assert!(matches!(
            press(&mut menu, KeyCode::Char('d')),
            Step::Unchanged
        ));
        press(&mut menu, KeyCode::Char('1'));
        assert_eq!(menu.marked, Some(0));
        assert!(matches!(
            press(&mut menu, KeyCode::Enter),
            Step::Done(Outcome::Submit)
        ));
    }

    #[test]
    fn hint_skip_and_stop() {
        let (options, style) = (options(), Style::plain(80));
        let spec = spec(&options);
        let mut menu = menu(&spec, &style);
        press(&mut menu, KeyCode::Char('?'));
        assert!(menu.hint_shown);
        let (rows, _, _) = menu.layout(None, Some(45));
        assert!(rows.contains(&"hint: Not a privileged port.".to_string()));
        assert!(matches!(
            press(&mut menu, KeyCode::Esc),
            Step::Done(Outcome::Skip)
        ));
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert!(matches!(
            menu.on_key(ctrl_c),
            Step::Done(Outcome::Interrupted(2))
        ));
    }

    #[test]
    fn the_marked_option_is_shown_and_named_when_time_is_up() {
        let (options, style) = (options(), Style::plain(80));
        let spec = spec(&options);
        let mut menu = menu(&spec, &style);
        let (rows, _, _) = menu.layout(None, Some(45));
        assert!(rows[0].starts_with("⏱ 0:45 left · question 1 of 1 · ↑↓/letter, Enter picks"));
        assert_eq!(&rows[1..], ["  A) 80", "  B) 8000", "  C) 8080"]);
        let (rows, _, _) = menu.layout(Some(Outcome::TimeUp), Some(0));
        assert_eq!(rows[0], "time is up: no option picked · question 1 of 1");
        press(&mut menu, KeyCode::Char('b'));
        let (rows, cursor_row, _) = menu.layout(Some(Outcome::TimeUp), Some(0));
        assert_eq!(
            rows[0],
            "time is up: B picked as it stands · question 1 of 1"
        );
        assert_eq!(rows[2], "❯ B) 8000");
        assert_eq!(cursor_row, 2);
    }

    #[test]
    fn long_options_wrap_under_their_text() {
        let options = vec![format!("{} end", "word ".repeat(30)), "short".into()];
        let style = Style::plain(80);
        let spec = spec(&options);
        let menu = menu(&spec, &style);
        let (rows, _, _) = menu.layout(None, None);
        assert!(rows.len() > 3);
        assert!(rows[1].starts_with("  A) word"));
        assert!(rows[2].starts_with("     word"));
        assert_eq!(rows.last().unwrap(), "  B) short");
    }
}
