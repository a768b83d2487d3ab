//! Answers read from a file (`--answers FILE`) or piped standard input, each
//! ended by a line holding only `.`, as in the editor.

use super::{Ask, Intro, Outcome, Prompter, Read, Reply, render, signals::Signals};
use crate::clock::{Clock, seconds_between};
use crate::error::{Error, Result};
use crate::term::Style;
use crate::transcript::record::{Asked, Rating, Record};
use std::collections::BTreeMap;
use std::io::{BufRead, Write};
use std::path::Path;
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::Duration;

/// One answer, or the end of the input.
enum Item {
    Answer(String),
    End,
}

/// Reads answers in order and prints the interview to an output.
pub struct Scripted<'a> {
    answers: Receiver<Item>,
    ended: bool,
    out: Box<dyn Write + 'a>,
    clock: &'a dyn Clock,
    signals: &'a Signals,
    style: Style,
    /// Self-ratings given with `:rate` in answers, by question number.
    ratings: BTreeMap<usize, Rating>,
}

impl<'a> Scripted<'a> {
    /// Starts reading `input` on a thread of its own, so that a deadline or
    /// a signal can end the wait for an answer.
    pub fn new(
        input: Box<dyn BufRead + Send>,
        out: Box<dyn Write + 'a>,
        clock: &'a dyn Clock,
        signals: &'a Signals,
        style: Style,
    ) -> Scripted<'a> {
        let (tx, answers) = channel();
        std::thread::spawn(move || {
            read_answers(input, |answer| tx.send(Item::Answer(answer)).is_ok());
            let _ = tx.send(Item::End);
        });
        Scripted {
            answers,
            ended: false,
            out,
            clock,
            signals,
            style,
            ratings: BTreeMap::new(),
        }
    }

    fn say(&mut self, text: &str) -> Result<()> {
        self.out
            .write_all(text.as_bytes())
            .and_then(|()| self.out.flush())
            .map_err(|source| Error::Io {
                what: "could not write the interview",
                source,
            })
    }

    /// Waits for the next answer; `None` when the input has ended, or the
    /// reply that ends the wait early (a signal, the strict deadline).
    fn next(&mut self, ask: &Ask) -> std::result::Result<Option<String>, Reply> {
        if self.ended {
            return Ok(None);
        }
        let start = self.clock.now();
        loop {
            match self.answers.recv_timeout(Duration::from_millis(100)) {
                Ok(Item::Answer(text)) => return Ok(Some(text)),
                Ok(Item::End) | Err(RecvTimeoutError::Disconnected) => {
                    self.ended = true;
                    return Ok(None);
                }
                Err(RecvTimeoutError::Timeout) => {
                    if let Some(signal) = self.signals.pending() {
                        return Err(Reply::new(Outcome::Interrupted(signal), "", false));
                    }
                    let elapsed = seconds_between(start, self.clock.now()) + ask.used_s;
                    if ask.timer && ask.strict && elapsed >= ask.time_limit_s {
                        return Err(Reply::new(Outcome::TimeUp, "", false));
                    }
                }
            }
        }
    }
}

/// Splits `input` into answers, each ended by a line holding only `.`, and
/// hands them to `send` in order until it returns false (nobody is waiting
/// any more).
pub(crate) fn read_answers(input: impl BufRead, mut send: impl FnMut(String) -> bool) {
    let mut current: Vec<String> = Vec::new();
    // A byte that is not UTF-8 is read as U+FFFD, never dropped with the
    // rest of the input.
    for line in input.split(b'\n') {
        let Ok(bytes) = line else { break };
        let line = String::from_utf8_lossy(&bytes);
        let line = line.strip_suffix('\r').unwrap_or(&line).to_string();
        if line.trim() == "." {
            if !send(current.join("\n")) {
                return;
            }
            current.clear();
        } else {
            current.push(line);
        }
    }
    // An answer not ended by `.` at the end of the input still counts.
    if current.iter().any(|l| !l.trim().is_empty()) {
        send(current.join("\n"));
    }
}

impl Scripted<'_> {
    /// Shows the question and waits for its answer; the reply that ends the
    /// wait instead (end of input, a signal, the strict deadline) as `Err`.
    fn ask(&mut self, ask: &Ask) -> Result<std::result::Result<String, Reply>> {
        let text = render::question(ask, &self.style);
        self.say(&text)?;
        Ok(match self.next(ask) {
            Ok(Some(text)) => Ok(text),
            Ok(None) => Err(Reply::end_of_input()),
            Err(reply) => Err(reply),
        })
    }

    /// The answer without its `:rate` line, whose rating is kept for
    /// question `number`.
    fn rated(&mut self, number: usize, text: &str) -> String {
        let (text, rating) = take_rating(text);
        if let Some(rating) = rating {
            self.ratings.insert(number, rating);
        }
        text
    }

    /// Prints the hint when the answer asked for it.
    fn show_hint(&mut self, ask: &Ask, reply: &Reply) -> Result<()> {
        match ask.question.hints.first() {
            Some(hint) if reply.hint_used => self.say(&format!("  hint: {hint}\n")),
            _ => Ok(()),
        }
    }
}

/// Takes the self-rating out of an answer: a line `:rate knew`, `:rate
/// partly` or `:rate missed` (the rating the candidate would give after the
/// feedback). An unknown rating is reported and left out.
fn take_rating(text: &str) -> (String, Option<Rating>) {
    let mut rating = None;
    let mut kept: Vec<&str> = Vec::new();
    for line in text.lines() {
        match line.trim().strip_prefix(":rate") {
            Some(word) if word.is_empty() || word.starts_with(char::is_whitespace) => {
                rating = Rating::parse(word);
                if rating.is_none() {
                    let _ = writeln!(
                        std::io::stderr(),
                        "warning: `{}` is not a rating; write `:rate knew`, `:rate partly` or `:rate missed`",
                        crate::term::for_terminal(line.trim())
                    );
                }
            }
            _ => kept.push(line),
        }
    }
    (kept.join("\n"), rating)
}

/// Reads an answer's lines the way the editor reads typed lines: `:hint`
/// asks for the hint, `:skip` skips (`:pass` too: it declines a probe),
/// `:quit` stops, keeping what came before.
fn read_commands(text: &str) -> Reply {
    let mut hint_used = false;
    let mut kept: Vec<&str> = Vec::new();
    for line in text.lines() {
        match line.trim() {
            ":hint" => hint_used = true,
            ":skip" | ":pass" => return Reply::new(Outcome::Skip, kept.join("\n"), hint_used),
            ":quit" => return Reply::new(Outcome::Quit, kept.join("\n"), hint_used),
            _ => kept.push(line),
        }
    }
    Reply::new(Outcome::Submit, kept.join("\n"), hint_used)
}

/// The option an answer names: its letter (`b`), its number (`2`) or its
/// text; otherwise the answer as typed, which counts as wrong.
pub fn pick_option(options: &[String], answer: &str) -> String {
    let answer = answer.trim();
    let by_letter = (answer.chars().count() == 1)
        .then(|| answer.chars().next())
        .flatten()
        .and_then(|c| {
            let c = c.to_ascii_uppercase();
            c.is_ascii_uppercase().then(|| usize::from(c as u8 - b'A'))
        });
    let by_number = answer.parse::<usize>().ok().and_then(|n| n.checked_sub(1));
    let index = by_letter
        .or(by_number)
        .filter(|&i| i < options.len())
        .or_else(|| {
            options
                .iter()
                .position(|o| o.trim().eq_ignore_ascii_case(answer))
        });
    index.map_or_else(|| answer.to_string(), |i| options[i].clone())
}

impl Prompter for Scripted<'_> {
    fn start(&mut self, intro: &Intro) -> Result<()> {
        let text = render::intro(intro, false, &self.style);
        self.say(&text)
    }

    fn open(&mut self, ask: &Ask) -> Result<Reply> {
        let text = match self.ask(ask)? {
            Ok(text) => self.rated(ask.number, &text),
            Err(reply) => return Ok(reply),
        };
        let reply = read_commands(&text);
        self.show_hint(ask, &reply)?;
        self.clock.typed(text.split_whitespace().count());
        Ok(reply)
    }

    fn choice(&mut self, ask: &Ask) -> Result<Reply> {
        let text = match self.ask(ask)? {
            Ok(text) => self.rated(ask.number, &text),
            Err(reply) => return Ok(reply),
        };
        self.clock.typed(1);
        // Command lines work as for open questions (`:hint` costs the same);
        // what remains names the option, by its letter in the order shown.
        let reply = read_commands(&text);
        self.show_hint(ask, &reply)?;
        Ok(match reply.outcome {
            Outcome::Submit => Reply {
                text: pick_option(ask.options, &reply.text),
                ..reply
            },
            _ => reply,
        })
    }

    fn probe(&mut self, ask: &super::ProbeAsk) -> Result<Reply> {
        let text = render::probe(ask, &self.style);
        self.say(&format!("{text}\n"))?;
        // The probe's own clock, for the strict deadline.
        let timing = Ask {
            number: ask.number,
            total: ask.total,
            question: ask.question,
            options: &[],
            time_limit_s: ask.time_limit_s,
            prefill: "",
            used_s: 0,
            timer: ask.timer,
            strict: ask.strict,
        };
        let text = match self.next(&timing) {
            Ok(Some(text)) => text,
            Ok(None) => return Ok(Reply::end_of_input()),
            Err(reply) => return Ok(reply),
        };
        self.clock.typed(text.split_whitespace().count());
        Ok(read_commands(&text))
    }

    fn feedback(&mut self, asked: &Asked) -> Result<()> {
        let text = render::feedback(asked, &self.style);
        self.say(&text)
    }

    fn after_feedback(&mut self, number: usize, asked: &Asked, _more: bool) -> Result<Read> {
        let rating = self
            .ratings
            .remove(&number)
            .filter(|_| asked.state == crate::transcript::record::State::Answered);
        if let Some(rating) = rating {
            self.say(&format!("Self-rating: {}\n", rating.as_str()))?;
        }
        Ok(Read { rating, stop: None })
    }

    fn progress(&mut self, _done: usize, _total: usize, _elapsed_s: u32) {}

    fn warn(&mut self, message: &str) {
        let _ = writeln!(std::io::stderr(), "warning: {message}");
    }

    fn finish(&mut self, record: &Record, transcript: Option<&Path>) -> Result<()> {
        let text = render::finish(record, transcript, &self.style);
        self.say(&text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_are_picked_by_letter_number_or_text() {
        let options: Vec<String> = ["80", "8000", "8080"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(pick_option(&options, "b"), "8000");
        assert_eq!(pick_option(&options, " B "), "8000");
        assert_eq!(pick_option(&options, "3"), "8080");
        assert_eq!(pick_option(&options, "8000"), "8000");
        assert_eq!(pick_option(&options, "d"), "d");
        assert_eq!(pick_option(&options, "nine"), "nine");
    }

    #[test]
    fn a_rate_line_is_taken_out_of_the_answer() {
        assert_eq!(
            take_rating("select_related joins\n:rate partly"),
            ("select_related joins".to_string(), Some(Rating::Partly))
        );
        assert_eq!(
            take_rating(":rate knew\nb"),
            ("b".to_string(), Some(Rating::Knew))
        );
        assert_eq!(
            take_rating(":rate 3"),
            (String::new(), Some(Rating::Missed))
        );
        // Not a rating: left out, no rating kept.
        assert_eq!(take_rating("a\n:rate great"), ("a".to_string(), None));
        // Words that merely start with it are the answer's.
        assert_eq!(take_rating(":rated"), (":rated".to_string(), None));
    }

    #[test]
    fn command_lines_work_as_in_the_editor() {
        let answer = |text: &str, hint_used: bool| Reply::new(Outcome::Submit, text, hint_used);
        assert_eq!(read_commands("a\n:hint\nb"), answer("a\nb", true));
        assert_eq!(read_commands("a\nb"), answer("a\nb", false));
        assert_eq!(read_commands(":skip"), Reply::new(Outcome::Skip, "", false));
        assert_eq!(
            read_commands("half a thought\n:skip"),
            Reply::new(Outcome::Skip, "half a thought", false)
        );
        assert_eq!(
            read_commands("half an answer\n:quit\nignored"),
            Reply::new(Outcome::Quit, "half an answer", false)
        );
    }
}
