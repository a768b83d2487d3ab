//! The interview loop: ask each planned question through a [`Prompter`],
//! judge the answer, and write the record and transcript after every answer.

pub mod editor;
pub mod menu;
pub mod region;
pub mod render;
pub mod scripted;
pub mod signals;
pub mod terminal;

use crate::bank::{Bank, Category, Question};
use crate::clock::{Clock, seconds_between};
use crate::error::Result;
use crate::plan::shuffle;
use crate::preset::{Feedback, Preset};
use crate::probe::{Probe, ProbeState, Target};
use crate::transcript::record::{Asked, Rating, Record, State, Status};
use crate::transcript::store::{self, Store};
use crate::transcript::{markdown, summarize};
use signals::Signals;
use std::path::{Path, PathBuf};

pub use crate::judge::{HINT_PENALTY, STORY_CONTENT_WEIGHT};

/// One question as the prompter presents it.
pub struct Ask<'a> {
    /// 1-based position in the interview.
    pub number: usize,
    /// Questions in the interview.
    pub total: usize,
    /// The question.
    pub question: &'a Question,
    /// Choice questions: the options in the order to show them; letters and
    /// numbers name options in this order.
    pub options: &'a [String],
    /// Time allowed, in seconds.
    pub time_limit_s: u32,
    /// Text typed before an interruption, offered again on resume.
    pub prefill: &'a str,
    /// Seconds already spent on it before an interruption.
    pub used_s: u32,
    /// Whether a clock runs at all.
    pub timer: bool,
    /// Whether the answer is cut at the deadline.
    pub strict: bool,
}

/// A follow-up probe as the prompter presents it.
pub struct ProbeAsk<'a> {
    /// 1-based position of the question it follows.
    pub number: usize,
    /// Questions in the interview.
    pub total: usize,
    /// The question it follows.
    pub question: &'a Question,
    /// What it asks about.
    pub target: &'a Target,
    /// The probe's own question.
    pub prompt: &'a str,
    /// Time allowed, in seconds.
    pub time_limit_s: u32,
    /// Whether a clock runs at all.
    pub timer: bool,
    /// Whether the answer is cut at the deadline.
    pub strict: bool,
}

/// How answering a question (or a probe) ended: the one list the editor,
/// the choice menu, scripted answers and the interview loop share.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Submitted: a line `.`, Ctrl-D, an option picked with Enter, or a
    /// scripted answer.
    Submit,
    /// `--strict-time` and the clock reached zero: submitted as it stands.
    TimeUp,
    /// `:skip` (`:pass` on a probe) or Esc; what was typed is kept, not
    /// judged.
    Skip,
    /// `:quit`: save and stop; what was typed is kept.
    Quit,
    /// Ctrl-C (2) or another signal, or a stop without one (0): save and
    /// stop; what was typed is kept.
    Interrupted(i32),
    /// Scripted answers ran out.
    EndOfInput,
}

/// What the candidate did with a question: how answering ended, the text
/// (the answer; for choice questions the chosen option's text; else what
/// was typed before stopping), and whether the hint was asked for.
#[derive(Debug, Clone, PartialEq)]
pub struct Reply {
    pub outcome: Outcome,
    pub text: String,
    pub hint_used: bool,
}

impl Reply {
    pub fn new(outcome: Outcome, text: impl Into<String>, hint_used: bool) -> Reply {
        Reply {
            outcome,
            text: text.into(),
            hint_used,
        }
    }

    /// Scripted answers ran out.
    pub fn end_of_input() -> Reply {
        Reply::new(Outcome::EndOfInput, "", false)
    }

    /// Whether it was submitted (or cut at the deadline) as an answer.
    pub fn submitted(&self) -> bool {
        matches!(self.outcome, Outcome::Submit | Outcome::TimeUp)
    }
}

/// The start screen's facts.
pub struct Intro<'a> {
    pub preset: &'a Preset,
    /// Follow-up probes the interview may still ask (0 with `--no-probes`).
    pub probes: usize,
    /// Questions still to ask.
    pub questions: usize,
    /// Questions in the whole interview.
    pub total: usize,
    /// Multiple-choice questions among those still to ask.
    pub choices: usize,
    /// Time allowed for the questions still to ask.
    pub total_time_s: u32,
    pub timer: bool,
    pub strict: bool,
    pub resumed: bool,
    /// The session this one retries.
    pub retry_of: Option<&'a str>,
}

/// The screen side of an interview.
pub trait Prompter {
    /// Shows the start screen (and waits for the candidate, if interactive).
    fn start(&mut self, intro: &Intro) -> Result<()>;
    /// Asks an open question.
    fn open(&mut self, ask: &Ask) -> Result<Reply>;
    /// Asks a multiple-choice question.
    fn choice(&mut self, ask: &Ask) -> Result<Reply>;
    /// Asks a follow-up probe; `:pass` (a skip) declines it.
    fn probe(&mut self, ask: &ProbeAsk) -> Result<Reply>;
    /// Shows how one answer scored.
    fn feedback(&mut self, asked: &Asked) -> Result<()>;
    /// Shows how far the interview is.
    fn progress(&mut self, done: usize, total: usize, elapsed_s: u32);
    /// After question `number`'s feedback: waits until the candidate is
    /// ready to go on (`more`: another question follows), taking their own
    /// rating of an answered question on the way.
    fn after_feedback(&mut self, _number: usize, _asked: &Asked, _more: bool) -> Result<Read> {
        Ok(Read::default())
    }
    /// Tells the candidate something went wrong but the interview goes on.
    fn warn(&mut self, message: &str);
    /// Shows the end: the summary and where the transcript is (`None` when
    /// nothing could be saved).
    fn finish(&mut self, record: &Record, transcript: Option<&Path>) -> Result<()>;
}

/// What the candidate did once an answer's feedback was read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Read {
    /// Their own rating of the answer, if they gave one.
    pub rating: Option<Rating>,
    /// How the interview stops instead of going on, if it does.
    pub stop: Option<Ending>,
}

/// How an interview ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// Every question was asked.
    Complete,
    /// The candidate typed `:quit` or pressed Ctrl-C.
    Quit,
    /// A signal (SIGINT or SIGTERM) arrived.
    Signal(i32),
    /// Neither the transcript folder nor any rescue folder took the
    /// session; its answers were printed instead.
    Unsaved,
}

impl Ending {
    /// How an interrupted answer ends the interview: signal 0 is a stop
    /// without one (`:quit`-like), others the signal that arrived.
    fn stopped_by(signal: i32) -> Ending {
        if signal == 0 {
            Ending::Quit
        } else {
            Ending::Signal(signal)
        }
    }

    /// The exit code: 0, or 128 + the signal (130 for Ctrl-C and `:quit`).
    pub fn exit_code(self) -> u8 {
        match self {
            Ending::Complete => 0,
            Ending::Quit => 130,
            Ending::Signal(signal) => u8::try_from(128 + signal).unwrap_or(130),
            Ending::Unsaved => 1,
        }
    }
}

/// Everything the loop needs besides the record and the prompter.
pub struct Setup<'a> {
    pub bank: &'a Bank,
    pub preset: &'a Preset,
    pub store: &'a Store,
    /// Where to write the session when `store` fails, best first.
    pub rescue: Vec<PathBuf>,
    pub clock: &'a dyn Clock,
    pub signals: &'a Signals,
    pub timer: bool,
    pub strict: bool,
    /// Whether follow-up probes are asked (`--no-probes` turns them off).
    pub probes: bool,
}

/// Runs (or continues) the interview in `record`.
pub fn run(setup: &Setup, record: &mut Record, prompter: &mut dyn Prompter) -> Result<Ending> {
    // Begun before: an answer done, or one interrupted part-way.
    let resumed = record
        .questions
        .iter()
        .any(|q| !q.state.is_open() || !q.answer.is_empty() || q.time_used_s > 0);
    // The record says `interrupted` until the last question is done, so a
    // crash or kill -9 leaves an honest record of every answer submitted.
    record.status = Status::Interrupted;
    let open: Vec<&Asked> = record
        .questions
        .iter()
        .filter(|q| q.state.is_open())
        .collect();
    let mut probes_left = if setup.probes {
        let asked: usize = record.questions.iter().map(|q| q.probes.len()).sum();
        setup.preset.probes.saturating_sub(asked)
    } else {
        0
    };
    let started = prompter.start(&Intro {
        preset: setup.preset,
        probes: probes_left,
        questions: open.len(),
        total: record.questions.len(),
        choices: open
            .iter()
            .filter(|q| q.category == Category::Choice)
            .count(),
        total_time_s: open
            .iter()
            .map(|q| q.time_limit_s.saturating_sub(q.time_used_s))
            .sum(),
        timer: setup.timer,
        strict: setup.strict,
        resumed,
        retry_of: record.retry_of.as_deref(),
    });
    if let Err(e) = started {
        // Left at the start screen: a session with nothing in it is not kept.
        if !resumed {
            setup.store.discard(&record.id);
        }
        return Err(e);
    }
    let started = setup.clock.now();
    let mut transcript = persist(setup, record, prompter);

    let total = record.questions.len();
    let mut ending = Ending::Complete;
    for i in 0..total {
        if !record.questions[i].state.is_open() {
            continue;
        }
        if let Some(signal) = setup.signals.pending() {
            ending = Ending::Signal(signal);
            break;
        }
        let Some(question) = setup.bank.find(&record.questions[i].id) else {
            prompter.warn(&format!(
                "question `{}` is no longer in the bank; it is skipped",
                record.questions[i].id
            ));
            record.questions[i].state = State::Skipped;
            record.questions[i].skipped = true;
            continue;
        };
        // The order planned for this session; the bank's own order if the
        // bank's options have changed since (the record then says so).
        if !shuffle::is_order_of(&record.questions[i].options, question) {
            record.questions[i].options = question.options.clone();
        }
        let options = record.questions[i].options.clone();
        let prefill = if record.questions[i].state == State::Interrupted {
            record.questions[i].answer.clone()
        } else {
            String::new()
        };
        let ask = Ask {
            number: i + 1,
            total,
            question,
            options: &options,
            time_limit_s: record.questions[i].time_limit_s,
            prefill: &prefill,
            used_s: record.questions[i].time_used_s,
            timer: setup.timer,
            strict: setup.strict,
        };
        let before = setup.clock.now();
        let reply = if question.category == Category::Choice {
            prompter.choice(&ask)?
        } else {
            prompter.open(&ask)?
        };
        let used = seconds_between(before, setup.clock.now());
        let asked = &mut record.questions[i];
        asked.time_used_s = asked.time_used_s.saturating_add(used);
        if setup.timer {
            asked.overtime_s = asked.time_used_s.saturating_sub(asked.time_limit_s);
        }
        let stop = apply(asked, question, reply);
        record.summary = summarize(&record.questions, setup.preset);
        transcript = persist(setup, record, prompter);
        if let Some(stop) = stop {
            if stop == Ending::Complete {
                // Scripted answers ran out: the rest stay unanswered.
                for q in record.questions.iter_mut().filter(|q| q.state.is_open()) {
                    q.state = State::Unanswered;
                }
                break;
            }
            ending = stop;
            break;
        }
        if probes_left > 0
            && record.questions[i].state == State::Answered
            && let Some(target) = crate::probe::choose(question, &record.questions[i], setup.preset)
        {
            probes_left -= 1;
            let stop = probe(setup, record, i, question, target, prompter)?;
            record.summary = summarize(&record.questions, setup.preset);
            transcript = persist(setup, record, prompter);
            if let Some(stop) = stop {
                ending = stop;
                break;
            }
        }
        let answered = record.questions[i].state == State::Answered;
        let after_each = setup.preset.feedback == Feedback::AfterEach;
        if after_each && answered {
            prompter.feedback(&record.questions[i])?;
        }
        let done = record
            .questions
            .iter()
            .filter(|q| !q.state.is_open())
            .count();
        prompter.progress(done, total, seconds_between(started, setup.clock.now()));
        // Time to read the feedback and rate the answer: the next clock
        // starts when the candidate says so.
        let more = record.questions.iter().any(|q| q.state.is_open());
        if after_each && (more || answered) {
            let read = prompter.after_feedback(i + 1, &record.questions[i], more)?;
            if read.rating.is_some() {
                record.questions[i].self_rating = read.rating;
                transcript = persist(setup, record, prompter);
            }
            if let Some(stop) = read.stop {
                ending = stop;
                break;
            }
        }
    }

    if ending == Ending::Complete {
        record.status = Status::Complete;
        if setup.preset.feedback == Feedback::AtEnd {
            let answered: Vec<usize> = (0..total)
                .filter(|&i| record.questions[i].state == State::Answered)
                .collect();
            for (k, &i) in answered.iter().enumerate() {
                prompter.feedback(&record.questions[i])?;
                let more = k + 1 < answered.len();
                let read = prompter.after_feedback(i + 1, &record.questions[i], more)?;
                if read.rating.is_some() {
                    record.questions[i].self_rating = read.rating;
                }
                // The interview is over: a stop here only ends the ratings.
                if read.stop.is_some() {
                    break;
                }
            }
        }
    }
    record.summary = summarize(&record.questions, setup.preset);
    // The last write holds everything: if it found no place, the answers
    // were printed, and the end says so instead of naming a stale file.
    let _ = transcript;
    let transcript = persist(setup, record, prompter);
    prompter.finish(record, transcript.as_deref())?;
    Ok(if transcript.is_none() {
        Ending::Unsaved
    } else {
        ending
    })
}

/// Asks one probe after question `i` and judges the question again with its
/// answer; returns how the interview stops, if it does.
fn probe(
    setup: &Setup,
    record: &mut Record,
    i: usize,
    question: &Question,
    target: Target,
    prompter: &mut dyn Prompter,
) -> Result<Option<Ending>> {
    let prompt = crate::probe::prompt(question, &target, record.seed);
    if prompt.trim().is_empty() {
        return Ok(None);
    }
    let time_limit_s = setup.preset.probe_time_s;
    let before = setup.clock.now();
    let reply = prompter.probe(&ProbeAsk {
        number: i + 1,
        total: record.questions.len(),
        question,
        target: &target,
        prompt: &prompt,
        time_limit_s,
        timer: setup.timer,
        strict: setup.strict,
    })?;
    let time_used_s = seconds_between(before, setup.clock.now());
    let (state, answer, stop) = match reply.outcome {
        _ if reply.submitted() && !reply.text.trim().is_empty() => {
            (ProbeState::Answered, reply.text, None)
        }
        Outcome::Submit | Outcome::TimeUp | Outcome::Skip | Outcome::EndOfInput => {
            (ProbeState::Passed, String::new(), None)
        }
        Outcome::Quit => (ProbeState::Interrupted, reply.text, Some(Ending::Quit)),
        Outcome::Interrupted(signal) => (
            ProbeState::Interrupted,
            reply.text,
            Some(Ending::stopped_by(signal)),
        ),
    };
    let asked = &mut record.questions[i];
    let score_before = asked.score.unwrap_or(0.0);
    asked.probes.push(Probe {
        target,
        prompt,
        state,
        answer,
        time_limit_s,
        time_used_s,
        gained: 0.0,
    });
    let text = asked.answer.clone();
    judge(asked, question, text);
    let gained = crate::score::round1(asked.score.unwrap_or(0.0) - score_before);
    if let Some(probe) = asked.probes.last_mut() {
        probe.gained = gained.max(0.0);
    }
    Ok(stop)
}

/// Records a reply on its question; returns how the interview stops, if it does.
fn apply(asked: &mut Asked, question: &Question, reply: Reply) -> Option<Ending> {
    asked.hint_used |= reply.hint_used;
    match reply.outcome {
        Outcome::Submit | Outcome::TimeUp => {
            asked.cut_at_deadline = reply.outcome == Outcome::TimeUp;
            if reply.text.trim().is_empty() {
                skip(asked, "");
            } else {
                judge(asked, question, reply.text);
            }
            None
        }
        Outcome::Skip => {
            skip(asked, &reply.text);
            None
        }
        Outcome::Quit => {
            keep_partial(asked, reply.text, reply.hint_used);
            Some(Ending::Quit)
        }
        Outcome::Interrupted(signal) => {
            keep_partial(asked, reply.text, reply.hint_used);
            Some(Ending::stopped_by(signal))
        }
        Outcome::EndOfInput => Some(Ending::Complete),
    }
}

/// Marks a question skipped; what was typed before is kept in the record
/// and the transcript, not judged.
pub(crate) fn skip(asked: &mut Asked, partial: &str) {
    asked.state = State::Skipped;
    asked.skipped = true;
    asked.answer = partial.trim_end().to_string();
}

/// Keeps what was typed when the interview stopped mid-answer, offered again
/// on `run --resume`.
pub(crate) fn keep_partial(asked: &mut Asked, partial: String, hint_used: bool) {
    asked.hint_used |= hint_used;
    if !partial.trim().is_empty() {
        asked.state = State::Interrupted;
        asked.answer = partial;
    }
}

/// Scores an answer and stores the result on its question.
pub(crate) fn judge(asked: &mut Asked, question: &Question, text: String) {
    asked.state = State::Answered;
    let judged = crate::judge::judge_probed(question, &text, asked.hint_used, &asked.probes);
    asked.score = Some(judged.score);
    asked.hint_cost = judged.hint_cost;
    asked.content_score = judged.content_score;
    asked.star = judged.star.map(Box::new);
    asked.points = judged.points;
    asked.pitfalls = judged.pitfalls;
    asked.answer = text;
}

/// Writes the record and transcript; when the folder fails, writes them to a
/// rescue folder instead and says where, so no answer is ever lost. Returns
/// the transcript's path.
fn persist(setup: &Setup, record: &mut Record, prompter: &mut dyn Prompter) -> Option<PathBuf> {
    record.updated_at = setup.clock.now().to_string();
    let text = markdown::render(record);
    match setup.store.save(record, &text) {
        Ok(path) => Some(path),
        Err(e) => {
            let mut failures = vec![e.to_string()];
            for dir in &setup.rescue {
                let saved = store::private_dir(dir)
                    .map_err(|e| format!("rescue folder `{}`: {e}", dir.display()))
                    .and_then(|()| Store::open(dir).map_err(|e| e.to_string()))
                    .and_then(|store| store.save(record, &text).map_err(|e| e.to_string()));
                match saved {
                    Ok(path) => {
                        prompter.warn(&format!(
                            "{}; the session is saved in `{}` instead",
                            failures[0],
                            path.display()
                        ));
                        return Some(path);
                    }
                    Err(e) => failures.push(e),
                }
            }
            prompter.warn(&format!(
                "nothing could be saved ({}); your answers so far follow, copy them somewhere safe:\n{}",
                failures.join("; "),
                answers_text(record)
            ));
            None
        }
    }
}

/// Every answer typed so far, as plain text (the last resort when nothing
/// can be written).
fn answers_text(record: &Record) -> String {
    record
        .questions
        .iter()
        .filter(|q| !q.answer.is_empty())
        .map(|q| format!("--- {}\n{}", q.id, q.answer))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::FakeClock;
    use crate::transcript::record::RECORD_VERSION;
    use std::sync::{Arc, Mutex};

    /// Output shared with the test after the prompter is done with it.
    #[derive(Clone, Default)]
    struct Shared(Arc<Mutex<Vec<u8>>>);

    impl std::io::Write for Shared {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().expect("not poisoned").extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    fn bank() -> Bank {
        let path = std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/bank-small.json"
        ));
        Bank::load(&[path], false).unwrap()
    }

    /// A one-question session (the fixture's technical question) answered
    /// from `answers`, kept in `store`, rescued into `rescue`.
    fn sit(store: &Store, rescue: Vec<PathBuf>, answers: &str) -> (Ending, Record, String) {
        let bank = bank();
        let preset = crate::preset::find("junior").unwrap();
        let question = bank
            .questions()
            .iter()
            .find(|q| q.category == Category::Technical)
            .unwrap();
        let clock = FakeClock::new("2026-03-01T09:00:00Z".parse().unwrap());
        let signals = Signals::default();
        let setup = Setup {
            bank: &bank,
            preset,
            store,
            rescue,
            clock: &clock,
            signals: &signals,
            timer: true,
            strict: false,
            probes: true,
        };
        let mut record = Record {
            format_version: RECORD_VERSION,
            id: "2026-03-01-0900-junior".into(),
            preset: "junior".into(),
            track: crate::bank::DEFAULT_TRACK.into(),
            seed: 1,
            started_at: clock.now().to_string(),
            updated_at: clock.now().to_string(),
            status: Status::Interrupted,
            strict_time: false,
            timer: true,
            questions: vec![Asked::pending(question, 160, Vec::new())],
            retry_of: None,
            summary: None,
        };
        let out = Shared::default();
        let mut prompter = scripted::Scripted::new(
            Box::new(std::io::Cursor::new(answers.to_string())),
            Box::new(out.clone()),
            &clock,
            &signals,
            crate::term::Style::plain(80),
        );
        let ending = run(&setup, &mut record, &mut prompter).unwrap();
        drop(prompter);
        let text = String::from_utf8(out.0.lock().unwrap().clone()).unwrap();
        (ending, record, text)
    }

    /// A file where a folder should be: nothing can be written under it.
    fn a_file(dir: &tempfile::TempDir) -> PathBuf {
        let file = dir.path().join("file");
        std::fs::write(&file, "x").unwrap();
        file
    }

    /// The loop with the scripted prompter: an answer missing the fixture's
    /// weighty point gets its probe, whose answer is judged and kept; the
    /// budget of probes is the preset's.
    #[test]
    fn the_loop_probes_a_missed_point_and_judges_the_answer_to_it() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("transcripts")).unwrap();
        // (first answer, probe answer, probes asked, credit of the point)
        let cases = [
            (
                "It caches results.",
                "Nothing runs until evaluated.",
                1,
                0.5,
            ),
            ("It caches results.", ":pass", 1, 0.0),
            // Covered at once: no probe, the next answer is never read.
            ("Nothing runs until evaluated.", "unused", 0, 1.0),
        ];
        for (first, probe, asked, credit) in cases {
            let answers = format!("{first}\n.\n{probe}\n.\n");
            let (ending, record, text) = sit(&store, Vec::new(), &answers);
            assert_eq!(ending, Ending::Complete, "{text}");
            let q = &record.questions[0];
            assert_eq!(q.probes.len(), asked, "{first:?} / {probe:?}");
            assert_eq!(q.points[0].credit, credit, "{first:?} / {probe:?}");
            assert_eq!(
                text.contains("Follow-up on question 1"),
                asked > 0,
                "{text}"
            );
            if let Some(p) = q.probes.first() {
                assert_eq!(
                    p.time_limit_s,
                    crate::preset::find("junior").unwrap().probe_time_s
                );
            }
            store.discard(&record.id);
        }
    }

    #[test]
    fn when_nothing_can_be_saved_the_end_says_so_and_the_exit_is_1() {
        let dir = tempfile::tempdir().unwrap();
        let file = a_file(&dir);
        let store = Store::at(&file.join("transcripts"));
        let rescue = vec![file.join("rescue"), file.join("other")];
        let (ending, _, text) = sit(&store, rescue, "the lazy queryset answer\n.\n");
        assert_eq!(ending, Ending::Unsaved);
        assert_eq!(ending.exit_code(), 1);
        // (The answers themselves go to the warning on stderr.)
        assert!(text.contains("Interview NOT saved"), "{text}");
        assert!(!text.contains("Transcript:"), "{text}");
        assert!(!text.contains("Interview complete"), "{text}");
    }

    #[test]
    fn a_failing_folder_is_rescued_into_the_first_private_folder_that_works() {
        let dir = tempfile::tempdir().unwrap();
        let file = a_file(&dir);
        let store = Store::at(&file.join("transcripts"));
        let rescue = vec![file.join("rescue"), dir.path().join("rescue")];
        let (ending, record, text) = sit(&store, rescue, "the lazy queryset answer\n.\n");
        assert_eq!(ending, Ending::Complete);
        let saved = dir
            .path()
            .join("rescue")
            .join(format!("{}.json", record.id));
        assert!(saved.is_file(), "{text}");
        assert!(text.contains("Interview complete"), "{text}");
        assert!(
            text.contains(&format!(
                "Transcript: {}",
                saved.with_extension("md").display()
            )),
            "{text}"
        );
    }
}
