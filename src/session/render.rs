//! What the interview shows, as text: the start screen, each question, the
//! feedback and the end. Pure, shared by the terminal and scripted prompters.

use super::{Ask, HINT_PENALTY, Intro};
use crate::bank::Category;
use crate::preset::Feedback;
use crate::score::explain::out_of_100;
use crate::term::{Style, clock, count, number, wrap, wrap_hanging};
use crate::transcript::record::{Asked, Record, State, Status};
pub use crate::transcript::words::{hint_note, letter, lettered, probe_outcome};
use std::fmt::Write as _;
use std::path::Path;

/// The start screen. `interactive` chooses the instructions for the editor
/// or for scripted answers.
pub fn intro(intro: &Intro, interactive: bool, style: &Style) -> String {
    let width = style.width;
    let mut out = String::new();
    let mut title = format!("rehearse · {} interview", intro.preset.name);
    if let Some(original) = intro.retry_of {
        title.push_str(&format!(", retry of {original}"));
    }
    if intro.resumed {
        title.push_str(", resumed");
    }
    let _ = writeln!(out, "{}", style.bold(&title));
    let feedback = match intro.preset.feedback {
        Feedback::AfterEach => "feedback after each answer",
        Feedback::AtEnd => "feedback at the end",
    };
    let time = if intro.timer {
        format!(
            "about {}",
            count(intro.total_time_s.div_ceil(60) as usize, "minute")
        )
    } else {
        "no timer".to_string()
    };
    let questions = if intro.questions == intro.total {
        count(intro.questions, "question")
    } else {
        format!(
            "{} of {} left",
            intro.questions,
            count(intro.total, "question")
        )
    };
    let _ = writeln!(
        out,
        "{}\n",
        style.dim(&format!("{questions} · {time} · {feedback}"))
    );
    let how = if interactive {
        format!(
            "Type your answer under each question; Enter starts a new line and pasting \
             works. Finish an answer with a line holding only `.` or with Ctrl-D. On a \
             line of its own, `:hint` shows a hint (it costs {} points), `:skip` skips the \
             question and `:quit` saves and stops; so does Ctrl-C.{}{} After each \
             answer's feedback, one key rates how you did (1 knew it, 2 partly, 3 missed; \
             Enter goes on without): the rating decides, with the score, when the question \
             comes back. {}",
            number(HINT_PENALTY),
            if intro.probes > 0 {
                " When an answer misses a key point, the interviewer may follow up on it \
                 with a short question of its own; `:pass` declines it."
            } else {
                ""
            },
            if intro.choices > 0 {
                " A multiple-choice question is a menu instead: mark an option with the \
                 arrows or its letter and pick it with Enter; `?` shows the hint and Esc \
                 skips."
            } else {
                ""
            },
            time_rule(intro)
        )
    } else {
        format!(
            "Answers are read from the input in order, each ended by a line holding only \
             `.`. A line `:hint` inside an answer counts as asking for the hint (it costs {} \
             points); an answer `:skip` skips, `:quit` saves and stops; a line `:rate knew`, \
             `:rate partly` or `:rate missed` rates the answer as the candidate would after \
             its feedback.{} {}",
            number(HINT_PENALTY),
            if intro.probes > 0 {
                " A follow-up probe after an answer reads the next answer; `:pass` declines it."
            } else {
                ""
            },
            time_rule(intro)
        )
    };
    out.push_str(&wrap(&how, width, ""));
    out
}

fn time_rule(intro: &Intro) -> &'static str {
    match (intro.timer, intro.strict) {
        (false, _) => "There is no clock.",
        (true, false) => {
            "Time is soft, as in a real interview: past zero the clock shows the overtime, which is recorded."
        }
        (true, true) => "Time is strict: at zero the answer is submitted as it stands.",
    }
}

/// The question header and prompt.
pub fn question(ask: &Ask, style: &Style) -> String {
    let q = ask.question;
    let mut out = String::new();
    let mut facts = vec![q.category.to_string(), q.topic.clone()];
    if ask.timer {
        facts.push(clock(ask.time_limit_s));
    }
    let _ = writeln!(
        out,
        "\n{} {}",
        style.bold(&format!("Question {} of {}", ask.number, ask.total)),
        style.dim(&format!("· {}", facts.join(" · ")))
    );
    out.push('\n');
    out.push_str(&style.bold(&wrap(&q.prompt, style.width, "  ")));
    if q.category == Category::Choice {
        out.push('\n');
        for (i, option) in ask.options.iter().enumerate() {
            let _ = writeln!(out, "  {}) {option}", letter(i));
        }
    }
    out
}

/// A follow-up probe: what it follows, why it is asked, and the question.
pub fn probe(ask: &super::ProbeAsk, style: &Style) -> String {
    use crate::probe::Target;
    let mut out = String::new();
    let why = match ask.target {
        Target::Point { .. } => "a key point your answer missed".to_string(),
        Target::Star { part } => format!("the {} of your story", part.name()),
        Target::Why => "a deeper look at a strong answer".to_string(),
    };
    let mut facts = vec![why];
    if ask.timer {
        facts.push(clock(ask.time_limit_s));
    }
    let _ = writeln!(
        out,
        "\n{} {}",
        style.bold(&format!("Follow-up on question {}", ask.number)),
        style.dim(&format!("· {}", facts.join(" · ")))
    );
    out.push('\n');
    out.push_str(&style.bold(&wrap(ask.prompt, style.width, "  ")));
    out
}

/// How one answer scored: the score, covered and missed points, pitfalls,
/// and the model answer.
pub fn feedback(asked: &Asked, style: &Style) -> String {
    let width = style.width;
    let mut out = String::new();
    let score = asked.score.unwrap_or(0.0);
    let headline = format!("{} · {}", asked.id, out_of_100(score));
    let painted = if score >= 70.0 {
        style.green(&headline)
    } else if score >= 40.0 {
        style.yellow(&headline)
    } else {
        style.red(&headline)
    };
    let _ = writeln!(out, "\n{}", style.bold(&painted));
    if asked.category == Category::Choice {
        let right = asked.correct.as_deref() == Some(asked.answer.as_str());
        // After the mark, four columns in.
        let item = |text: &str| wrap_hanging(text, width.saturating_sub(4), "", "    ");
        if right {
            let _ = write!(
                out,
                "  {} {}",
                style.green("✓"),
                item(&lettered(asked, &asked.answer))
            );
        } else {
            let chosen = format!("you chose: {}", lettered(asked, &asked.answer));
            let _ = write!(out, "  {} {}", style.red("✗"), item(&chosen));
            if let Some(correct) = &asked.correct {
                let line = format!("the answer: {}", lettered(asked, correct));
                let _ = write!(out, "  {} {}", style.green("✓"), item(&line));
            }
        }
    }
    for p in &asked.points {
        let quoted = |matches: &[crate::score::Match]| -> String {
            let words: Vec<String> = matches.iter().map(|m| format!("\"{}\"", m.text)).collect();
            words.join(", ")
        };
        let (mark, words) = if p.covered {
            (
                style.green("✓"),
                format!(" {}", style.dim(&format!("({})", quoted(&p.matches)))),
            )
        } else if let Some(r) = &p.recovered {
            (
                style.yellow("↺"),
                format!(
                    " {}",
                    style.dim(&format!(
                        "(on the follow-up: {}; {}% of the point)",
                        quoted(&r.matches),
                        number((p.credit * 100.0).round())
                    ))
                ),
            )
        } else {
            (style.red("✗"), String::new())
        };
        let line = format!("[{}] {}{words}", number(p.weight), p.label);
        let _ = write!(
            out,
            "  {mark} {}",
            wrap_hanging(&line, width.saturating_sub(4), "", "      ")
        );
    }
    for p in asked.pitfalls.iter().filter(|p| p.asserted) {
        let line = format!("[-{}] {} (\"{}\")", number(p.penalty), p.label, p.evidence);
        let _ = write!(
            out,
            "  {} {}",
            style.red("!"),
            wrap_hanging(&line, width, "", "      ")
        );
    }
    if let (Some(star), Some(content)) = (&asked.star, asked.content_score) {
        out.push_str(&star_line(star, content, style));
    }
    for probe in &asked.probes {
        let _ = write!(
            out,
            "  {} {}",
            style.dim("follow-up:"),
            wrap_hanging(
                &probe_outcome(probe),
                width.saturating_sub(13),
                "",
                "             "
            )
        );
    }
    if let Some(note) = hint_note(asked) {
        let _ = writeln!(out, "  {}", style.dim(&note));
    }
    if asked.overtime_s > 0 {
        let _ = writeln!(
            out,
            "  {}",
            style.yellow(&format!("overtime: +{}", clock(asked.overtime_s)))
        );
    }
    if !asked.model_answer.is_empty() {
        let _ = writeln!(out, "\n  {}", style.bold("Model answer"));
        out.push_str(&style.dim(&wrap(&asked.model_answer, width, "  ")));
    }
    out
}

/// A story's STAR parts, its two scores, and the top three suggestions.
fn star_line(star: &crate::star::Report, content: f64, style: &Style) -> String {
    let parts = [
        ("S", star.situation.present),
        ("T", star.task.present),
        ("A", star.action.present),
        ("R", star.result.present),
        ("lesson", star.lesson.present),
    ]
    .iter()
    .map(|(name, present)| {
        if *present {
            style.green(&format!("✓{name}"))
        } else {
            style.red(&format!("✗{name}"))
        }
    })
    .collect::<Vec<_>>()
    .join(" ");
    let mut out = format!(
        "\n  STAR {parts}  {}\n",
        style.dim(&format!(
            "content {} · structure {} · who acts: {} · about {} spoken",
            content.round(),
            star.score.round(),
            star.first_person.as_str(),
            clock(star.speaking_time_s)
        ))
    );
    for suggestion in star.suggestions.iter().take(3) {
        out.push_str(&wrap_hanging(
            &format!("→ {suggestion}"),
            style.width,
            "  ",
            "    ",
        ));
    }
    out
}

/// The end: per-category scores, the verdict, and where the transcript is.
pub fn finish(record: &Record, transcript: Option<&Path>, style: &Style) -> String {
    let mut out = String::new();
    let title = match (record.status, transcript) {
        (_, None) => "Interview NOT saved: copy the answers printed above".to_string(),
        (Status::Complete, _) => "Interview complete".to_string(),
        (Status::Interrupted, _) => "Interview saved; it can be resumed".to_string(),
    };
    let _ = writeln!(out, "\n{}", style.bold(&title));
    if let Some(summary) = &record.summary {
        for c in &summary.categories {
            let mean = if c.done == 0 {
                "not reached".to_string()
            } else {
                format!("mean {:>3}", c.mean.round())
            };
            let _ = writeln!(
                out,
                "  {:14} {:>3} of {:<3} answered   {mean}",
                c.category.as_str(),
                c.answered,
                c.asked
            );
        }
        match record.status {
            Status::Complete => {
                let overall = format!("Overall {}:", out_of_100(summary.overall));
                let verdict = summary.verdict.phrase(&record.preset);
                let _ = writeln!(out, "\n  {} {verdict}", style.bold(&overall));
            }
            Status::Interrupted => {
                let (done, total) = crate::review::progress(record);
                let so_far = format!("So far {}", out_of_100(summary.overall));
                let _ = writeln!(
                    out,
                    "\n  {} on {done} of {total} questions; {}",
                    style.bold(&so_far),
                    crate::transcript::NO_VERDICT
                );
            }
        }
    }
    let unanswered = record
        .questions
        .iter()
        .filter(|q| q.state == State::Unanswered)
        .count();
    match unanswered {
        0 => {}
        1 => out.push_str("  One question had no answer in the input.\n"),
        n => {
            let _ = writeln!(out, "  {n} questions had no answer in the input.");
        }
    }
    let Some(transcript) = transcript else {
        out.push_str(
            "\n  Neither the transcript folder nor a rescue folder could be written;\n  \
             free some space or choose another folder with --dir next time.\n",
        );
        return out;
    };
    let _ = writeln!(out, "\n  Transcript: {}", transcript.display());
    if record.status == Status::Interrupted {
        let _ = writeln!(out, "  Continue with: rehearse run --resume {}", record.id);
    }
    out
}
