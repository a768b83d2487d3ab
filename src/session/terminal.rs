//! The interactive interview in a terminal: the raw-mode answer editor for
//! open questions, the choice menu for multiple choice, indicatif between
//! questions. The screen goes to stderr; the final summary to stdout.

use super::editor::{self, Spec};
use super::menu;
use super::region::{Outcome, is_ctrl_c, is_enter};
use super::{Ask, Intro, Prompter, Read, Reply, render, signals::Signals};
use crate::clock::{Clock, seconds_between};
use crate::error::{Error, Result};
use crate::term::{Style, clock};
use crate::transcript::record::{Asked, Rating, Record, State};
use crossterm::event::{
    self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyCode, KeyEvent, KeyEventKind,
};
use crossterm::{execute, terminal};
use signal_hook::consts::SIGINT;
use std::io::Write;
use std::path::Path;
use std::sync::Once;
use std::time::Duration;

/// Raw mode for as long as it lives; dropping it (on every path, unwinding
/// included) gives the terminal back as it was.
struct RawMode;

impl RawMode {
    fn on() -> Result<RawMode> {
        restore_on_panic();
        terminal::enable_raw_mode().map_err(|source| Error::Io {
            what: "could not switch the terminal to raw mode",
            source,
        })?;
        let _ = execute!(std::io::stderr(), EnableBracketedPaste);
        Ok(RawMode)
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        let _ = execute!(std::io::stderr(), DisableBracketedPaste);
        let _ = terminal::disable_raw_mode();
    }
}

/// A panic prints its message before unwinding drops the guard; restore
/// the terminal first so the message (and the shell after it) is readable.
fn restore_on_panic() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = execute!(std::io::stderr(), DisableBracketedPaste);
            let _ = terminal::disable_raw_mode();
            previous(info);
        }));
    });
}

/// The reply for how answering ended: `text` is the answer when submitted
/// (or cut at the deadline), and what is kept otherwise.
fn reply(outcome: Outcome, text: String, hint_used: bool) -> Reply {
    Reply::new(outcome, text, hint_used)
}

/// How the interview ends for an exit code from a wait: 130 is Ctrl-C,
/// others 128 + a signal.
fn ending_for(code: u8) -> super::Ending {
    match code {
        130 => super::Ending::Quit,
        code => super::Ending::Signal(i32::from(code.saturating_sub(128))),
    }
}

/// A one-key answer to a yes/no question.
enum Confirm {
    Yes,
    No,
    /// Ctrl-C (as SIGINT), a signal, or a closed terminal (as SIGHUP): the
    /// signal, as the editor reports them.
    Stop(i32),
}

/// The interactive prompter.
pub struct Terminal<'a> {
    style: Style,
    clock: &'a dyn Clock,
    signals: &'a Signals,
}

impl<'a> Terminal<'a> {
    pub fn new(style: Style, clock: &'a dyn Clock, signals: &'a Signals) -> Terminal<'a> {
        Terminal {
            style,
            clock,
            signals,
        }
    }

    fn say(&self, text: &str) {
        let mut err = std::io::stderr().lock();
        let text = crate::term::for_terminal(text);
        let _ = err.write_all(text.as_bytes());
        let _ = err.flush();
    }

    /// Runs the answer editor in raw mode.
    fn edit(&self, spec: &Spec) -> Result<editor::Edited> {
        let _raw = RawMode::on()?;
        editor::edit(
            std::io::stderr(),
            spec,
            &self.style,
            self.clock,
            self.signals,
        )
    }

    /// Asks a yes/no question answered with one key: `y` is yes, anything
    /// else no; Ctrl-C, a signal or a closed terminal stop the interview.
    fn confirm(&self, question: &str) -> Result<Confirm> {
        self.say(&self.style.bold(question));
        let raw = RawMode::on()?;
        let hung_up = signal_hook::consts::SIGHUP;
        let answer = loop {
            if let Some(signal) = self.signals.pending() {
                break Confirm::Stop(signal);
            }
            match super::region::input_ready(Duration::from_millis(200)) {
                Err(_) => break Confirm::Stop(hung_up),
                Ok(false) => continue,
                Ok(true) => {}
            }
            match event::read() {
                Ok(Event::Key(key)) if is_ctrl_c(&key) => break Confirm::Stop(SIGINT),
                Ok(Event::Key(key)) => match key.code {
                    event::KeyCode::Char('y' | 'Y') => break Confirm::Yes,
                    event::KeyCode::Char(_) | event::KeyCode::Enter | event::KeyCode::Esc => {
                        break Confirm::No;
                    }
                    _ => {}
                },
                Ok(_) => {}
                Err(_) => break Confirm::Stop(hung_up),
            }
        };
        drop(raw);
        self.say(match answer {
            Confirm::Yes => "yes\n",
            Confirm::No => "no\n",
            Confirm::Stop(_) => "\n",
        });
        Ok(answer)
    }

    /// Waits for Enter; Ctrl-C leaves (exit 130), as does a signal (128 +
    /// the signal: 143 for SIGTERM) or a terminal that is gone (129).
    fn wait_for_enter(&self) -> Result<()> {
        self.wait_for(|key| is_enter(key).then_some(()))
    }

    /// Waits in raw mode for a key `pick` accepts, and returns what it made
    /// of it; Ctrl-C, a signal or a hang-up end the wait as a silent error.
    fn wait_for<T>(&self, pick: impl Fn(&KeyEvent) -> Option<T>) -> Result<T> {
        let _raw = RawMode::on()?;
        let stopped = |signal| Error::Silent {
            code: super::Ending::Signal(signal).exit_code(),
        };
        let hung_up = || stopped(signal_hook::consts::SIGHUP);
        loop {
            if let Some(signal) = self.signals.pending() {
                return Err(stopped(signal));
            }
            if !super::region::input_ready(Duration::from_millis(200)).map_err(|_| hung_up())? {
                continue;
            }
            match event::read() {
                Ok(Event::Key(key)) if is_ctrl_c(&key) => return Err(Error::Silent { code: 130 }),
                Ok(Event::Key(key)) if key.kind != KeyEventKind::Release => {
                    if let Some(picked) = pick(&key) {
                        return Ok(picked);
                    }
                }
                Ok(_) => {}
                Err(_) => return Err(hung_up()),
            }
        }
    }
}

impl Prompter for Terminal<'_> {
    fn start(&mut self, intro: &Intro) -> Result<()> {
        self.say(&render::intro(intro, true, &self.style));
        self.say(&format!("\n{}", self.style.bold("Press Enter to begin.")));
        self.wait_for_enter()?;
        self.say("\n");
        Ok(())
    }

    fn open(&mut self, ask: &Ask) -> Result<Reply> {
        self.say(&render::question(ask, &self.style));
        self.say("\n");
        let mut spec = Spec {
            label: format!("question {} of {}", ask.number, ask.total),
            limit_s: ask.timer.then_some(ask.time_limit_s),
            used_s: ask.used_s,
            strict: ask.strict,
            prefill: ask.prefill,
            hint: ask.question.hints.first().map(String::as_str),
            keys: editor::QUESTION_KEYS,
            skipped: "skipped",
        };
        let began = self.clock.now();
        let mut hint_used = false;
        loop {
            let edited = self.edit(&spec)?;
            hint_used |= edited.hint_used;
            // An empty answer is a skip only when the candidate says so.
            if edited.outcome == Outcome::Submit && edited.text.trim().is_empty() {
                match self.confirm("Skip this question? (y/N) ")? {
                    Confirm::Yes => {
                        return Ok(Reply::new(Outcome::Skip, "", hint_used));
                    }
                    Confirm::No => {
                        // Back to the answer, on the same clock.
                        spec.used_s = ask.used_s + seconds_between(began, self.clock.now());
                        spec.prefill = "";
                        continue;
                    }
                    Confirm::Stop(signal) => {
                        return Ok(reply(
                            Outcome::Interrupted(signal),
                            String::new(),
                            hint_used,
                        ));
                    }
                }
            }
            return Ok(reply(
                edited.outcome,
                edited.text,
                edited.hint_used || hint_used,
            ));
        }
    }

    fn choice(&mut self, ask: &Ask) -> Result<Reply> {
        let mut header = render::question(ask, &self.style);
        // The menu lists the options itself.
        if let Some(at) = header.find("\n  A) ") {
            header.truncate(at + 1);
        }
        self.say(&header);
        let options = ask.options;
        let spec = menu::Spec {
            label: format!("question {} of {}", ask.number, ask.total),
            options,
            limit_s: ask.timer.then_some(ask.time_limit_s),
            used_s: ask.used_s,
            strict: ask.strict,
            hint: ask.question.hints.first().map(String::as_str),
        };
        let picked = {
            let _raw = RawMode::on()?;
            menu::pick(
                std::io::stderr(),
                &spec,
                &self.style,
                self.clock,
                self.signals,
            )?
        };
        // The marked option is the answer only when it was picked (or time
        // ran out on it); skipping or stopping keeps nothing.
        let text = match (picked.outcome, picked.marked) {
            (Outcome::Submit | Outcome::TimeUp, Some(i)) => options[i].clone(),
            _ => String::new(),
        };
        Ok(reply(picked.outcome, text, picked.hint_used))
    }

    fn probe(&mut self, ask: &super::ProbeAsk) -> Result<Reply> {
        self.say(&render::probe(ask, &self.style));
        self.say("\n");
        let spec = Spec {
            label: format!("follow-up on question {}", ask.number),
            limit_s: ask.timer.then_some(ask.time_limit_s),
            used_s: 0,
            strict: ask.strict,
            prefill: "",
            hint: None,
            keys: editor::PROBE_KEYS,
            skipped: "passed",
        };
        let edited = self.edit(&spec)?;
        Ok(reply(edited.outcome, edited.text, edited.hint_used))
    }

    fn feedback(&mut self, asked: &Asked) -> Result<()> {
        self.say(&render::feedback(asked, &self.style));
        Ok(())
    }

    fn after_feedback(&mut self, _number: usize, asked: &Asked, more: bool) -> Result<Read> {
        let go_on = if more {
            "Enter: next question"
        } else {
            "Enter: go on"
        };
        let rate = asked.state == State::Answered;
        if rate {
            self.say(&format!(
                "{} {}",
                self.style.bold("How did you do?"),
                self.style
                    .dim(&format!("1 knew it · 2 partly · 3 missed · {go_on}"))
            ));
        } else {
            self.say(&self.style.bold("Press Enter for the next question."));
        }
        let waited = self.wait_for(|key| match key.code {
            _ if is_enter(key) => Some(None),
            KeyCode::Char(c) if rate => Rating::parse(&c.to_string()).map(Some),
            _ => None,
        });
        let read = match waited {
            Ok(rating) => Read { rating, stop: None },
            Err(Error::Silent { code }) => Read {
                rating: None,
                stop: Some(ending_for(code)),
            },
            Err(e) => return Err(e),
        };
        match read.rating {
            Some(rating) => self.say(&format!(" → {}\n", self.style.cyan(rating.as_str()))),
            None => self.say("\n"),
        }
        Ok(read)
    }

    fn progress(&mut self, done: usize, total: usize, elapsed_s: u32) {
        let bar = indicatif::ProgressBar::with_draw_target(
            Some(total as u64),
            indicatif::ProgressDrawTarget::stderr(),
        );
        bar.set_style(
            indicatif::ProgressStyle::with_template("\n{bar:30} {pos}/{len} questions · {msg}")
                .expect("constant progress template is valid"),
        );
        bar.set_message(format!("{} elapsed", clock(elapsed_s)));
        bar.set_position(done as u64);
        bar.abandon();
        self.say("\n");
    }

    fn warn(&mut self, message: &str) {
        self.say(&format!(
            "{}\n",
            self.style.yellow(&format!("warning: {message}"))
        ));
    }

    fn finish(&mut self, record: &Record, transcript: Option<&Path>) -> Result<()> {
        let text = render::finish(record, transcript, &self.style);
        let text = crate::term::for_terminal(&text);
        let mut out = std::io::stdout().lock();
        let _ = out.write_all(text.as_bytes());
        let _ = out.flush();
        Ok(())
    }
}
