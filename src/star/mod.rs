//! STAR-structure and delivery feedback on a behavioral answer: which of
//! Situation, Task, Action, Result (and a lesson) it tells, how much room
//! each takes, who acts, whether the result is measured, whether it is one
//! real event, and how it would sound spoken. Pure and rule-based: every
//! finding points at the words that made it.

mod cues;
pub mod eval;
pub mod render;
mod split;

use cues::*;
use serde::{Deserialize, Serialize};
use split::{Header, Unit, units};

/// Words a minute when speaking an answer aloud.
pub const SPEAKING_WPM: f64 = 140.0;

/// One part of the story.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PartReport {
    /// Whether the answer tells it.
    pub present: bool,
    /// Its share of the answer's words (0–1).
    pub share: f64,
    /// The stretches of the answer that tell it, as typed.
    pub spans: Vec<String>,
}

/// Who performs the actions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Person {
    /// Nearly all actions are the speaker's.
    I,
    /// Nearly all are the team's.
    We,
    /// Both carry a real share.
    Mixed,
}

impl Person {
    pub fn as_str(self) -> &'static str {
        match self {
            Person::I => "i",
            Person::We => "we",
            Person::Mixed => "mixed",
        }
    }
}

/// A word and how often it was used.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Count {
    pub word: String,
    pub count: usize,
}

/// The full analysis of one answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub situation: PartReport,
    pub task: PartReport,
    pub action: PartReport,
    pub result: PartReport,
    /// What the speaker learned or would do differently.
    pub lesson: PartReport,
    /// The result carries a number, amount, count or duration.
    pub result_quantified: bool,
    /// Who performs the actions: `i`, `we` or `mixed`.
    pub first_person: Person,
    /// One real past episode, not what the speaker usually or would do.
    pub specific_event: bool,
    /// Words in the answer.
    pub words: usize,
    /// Estimated time to say it aloud, at 140 words a minute.
    pub speaking_time_s: u32,
    /// Filler words used.
    pub fillers: Vec<Count>,
    /// Hedges used.
    pub hedges: Vec<Count>,
    /// One concrete suggestion per finding that needs work, most important first.
    pub suggestions: Vec<String>,
    /// Structure score, 0–100 (see [`structure_score`]).
    pub score: f64,
}

/// Which part a unit tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Situation,
    Task,
    Action,
    Result,
    Lesson,
    /// Filler, a vague closer, a plan, or someone else's words.
    Other,
}

/// What the cues say about one unit.
struct Cues {
    /// "I" or "we" leads the clause.
    led: bool,
    lesson: bool,
    task: bool,
    /// The speaker or the team did something ("I added…", "- wrote a test").
    acted: bool,
    /// What the speaker usually does or would do.
    habitual: bool,
    scene: bool,
    /// A time or place anchoring the story ("once", "in 2022").
    anchor: bool,
    /// "As a result", "in the end": an outcome, outright.
    marker: bool,
    /// "After ten weeks", "by Thursday": often an outcome.
    time: bool,
    outcome: bool,
    /// Someone else did something ("the PM agreed").
    other_acted: bool,
    vague: bool,
    plan: bool,
}

impl Cues {
    fn action(&self) -> bool {
        self.acted || self.habitual
    }

    /// Describes a habit or a hypothetical; "now I always…" in a lesson is a
    /// resolution, not a habit.
    fn describes_habit(&self) -> bool {
        self.habitual && !self.lesson
    }
}

fn cues(unit: &Unit) -> Cues {
    let text = unit.text.as_str();
    let acted = led_action(text) || speaker_acted(text) || subjectless_action(text);
    Cues {
        led: led_by_speaker(text) || subjectless_action(text),
        lesson: LESSON.is_match(text),
        task: TASK.is_match(text),
        acted,
        habitual: HABITUAL.is_match(text),
        scene: SCENE.is_match(text) || ANCHOR.is_match(text),
        anchor: ANCHOR.is_match(text),
        marker: RESULT_MARKER.is_match(text),
        time: TIME_MARKER.is_match(text),
        outcome: OUTCOME.is_match(text),
        other_acted: other_acted(text),
        vague: !MEASURE.is_match(text)
            && (VAGUE_PHRASE.is_match(text) || VAGUE_ENDING.is_match(text) && !acted),
        plan: PLAN.is_match(text),
    }
}

/// Analyses an answer.
pub fn analyse(answer: &str) -> Report {
    let units = units(answer);
    let found: Vec<Cues> = units.iter().map(cues).collect();
    let parts = classify(&units, &found);

    // One real event, or habits and hypotheticals?
    let narrative = found
        .iter()
        .filter(|c| (c.acted || c.scene) && !c.describes_habit())
        .count();
    let habitual = found.iter().filter(|c| c.describes_habit()).count();
    let specific_event = narrative >= 1 && narrative > habitual;

    let words = answer.split_whitespace().count();
    let part = |wanted: Part| -> PartReport {
        let spans: Vec<&Unit> = units
            .iter()
            .zip(&parts)
            .filter(|(_, p)| **p == wanted)
            .map(|(u, _)| u)
            .collect();
        let inside: usize = spans.iter().map(|u| u.words).sum();
        PartReport {
            present: !spans.is_empty(),
            share: if words == 0 {
                0.0
            } else {
                round2(inside as f64 / words as f64)
            },
            spans: spans.iter().map(|u| u.text.clone()).collect(),
        }
    };
    let mut situation = part(Part::Situation);
    let task = part(Part::Task);
    let action = part(Part::Action);
    let mut result = part(Part::Result);
    let mut lesson = part(Part::Lesson);
    if !specific_event {
        // A habit has no scene, no real outcome and no lesson from it (a
        // standing responsibility, the task, can still be stated).
        for report in [&mut situation, &mut result, &mut lesson] {
            *report = PartReport::default();
        }
    }
    let result_quantified = result.present && result.spans.iter().any(|s| MEASURE.is_match(s));
    let first_person = who_acts(&units, &parts);
    let fillers = count_phrases(answer, &FILLER_PATTERNS);
    let hedges = count_phrases(answer, &HEDGE_PATTERNS);
    let speaking_time_s = (words as f64 * 60.0 / SPEAKING_WPM).round() as u32;

    let mut report = Report {
        situation,
        task,
        action,
        result,
        lesson,
        result_quantified,
        first_person,
        specific_event,
        words,
        speaking_time_s,
        fillers,
        hedges,
        suggestions: Vec::new(),
        score: 0.0,
    };
    report.score = structure_score(&report);
    report.suggestions = suggestions(&report);
    report
}

/// Decides each unit's part from its cues and its place in the answer. The
/// scene comes before the first action; an outcome follows one. Between the
/// speaker's own steps only an outright marker ("in the end") makes a
/// result; after the last of them, outcome words, time phrases and other
/// people's actions ("the PM agreed") do too.
fn classify(units: &[Unit], found: &[Cues]) -> Vec<Part> {
    let step = |c: &Cues| c.action() && !c.task && !c.lesson && !c.vague && !c.marker;
    // In a story told in the past, the first step is something done; habits
    // before it ("I'd sit on PRs for days") are part of the background.
    let first_done = found.iter().position(|c| step(c) && c.acted);
    let steps: Vec<usize> = found
        .iter()
        .enumerate()
        .filter(|(i, c)| step(c) && (c.acted || first_done.is_none_or(|f| *i > f)))
        .map(|(i, _)| i)
        .collect();
    let (mut first, last) = (steps.first().copied(), steps.last().copied());
    // A first sentence that anchors the time ("I once ran a migration on
    // prod and it wiped…", "In 2022 I wrote…") sets the scene.
    if let Some(f) = first
        && f == 0
        && found[0].anchor
        && steps.len() > 1
    {
        first = steps.get(1).copied();
    }
    let mut parts: Vec<Part> = Vec::with_capacity(units.len());
    for (i, (unit, c)) in units.iter().zip(found).enumerate() {
        let after_first = first.is_some_and(|f| i > f);
        let after_last = last.is_some_and(|l| i > l);
        let previous = parts.last().copied();
        let outcome_like = c.outcome || c.time || c.other_acted;
        let part = if c.lesson {
            Part::Lesson
        } else if c.vague || c.plan {
            Part::Other
        } else if after_first && c.marker {
            Part::Result
        } else if let Some(header) = unit.header {
            match header {
                Header::Situation => Part::Situation,
                Header::Task => Part::Task,
                Header::Action if after_last && outcome_like && !(c.led && c.acted) => Part::Result,
                Header::Action => Part::Action,
                Header::Result => Part::Result,
                Header::Lesson => Part::Lesson,
            }
        } else if c.task {
            Part::Task
        } else if !(c.led && c.acted)
            && (after_last && outcome_like || after_first && c.outcome && !c.habitual)
        {
            Part::Result
        } else if first.is_some_and(|f| i < f) {
            Part::Situation
        } else if c.action() || after_first && c.other_acted {
            // The speaker's steps, and what others did in between.
            Part::Action
        } else if first.is_none() && (c.scene || i == 0 || previous == Some(Part::Situation)) {
            Part::Situation
        } else {
            match previous {
                Some(p @ (Part::Result | Part::Lesson)) => p,
                _ => Part::Other,
            }
        };
        parts.push(part);
    }
    parts
}

/// Who performs the actions: the first subject of each action unit (none,
/// as in bullet lines, counts as "I").
fn who_acts(units: &[Unit], parts: &[Part]) -> Person {
    let first_subject = |text: &str| -> Option<bool> {
        let i = I_SUBJECT.find(text).map(|m| m.start());
        let we = WE_SUBJECT.find(text).map(|m| m.start());
        match (i, we) {
            (Some(i), Some(we)) => Some(i < we),
            (Some(_), None) => Some(true),
            (None, Some(_)) => Some(false),
            (None, None) => None,
        }
    };
    let (mut i, mut we) = (0usize, 0usize);
    for (unit, part) in units.iter().zip(parts) {
        if *part == Part::Action {
            let (mine, others) = action_subjects(&unit.text);
            if mine + others == 0 {
                // No subject found: a bullet line or a step said plainly.
                match first_subject(&unit.text) {
                    Some(false) => we += 1,
                    _ => i += 1,
                }
            }
            i += mine;
            we += others;
        }
    }
    if i + we == 0 {
        // No actions: the pronoun the answer uses.
        for unit in units {
            i += I_SUBJECT.find_iter(&unit.text).count();
            we += WE_SUBJECT.find_iter(&unit.text).count();
        }
        return if we > i { Person::We } else { Person::I };
    }
    let share = i as f64 / (i + we) as f64;
    if share >= 0.6 {
        Person::I
    } else if share <= 0.2 {
        Person::We
    } else {
        Person::Mixed
    }
}

/// Word-bounded patterns for a list of phrases, compiled once.
fn phrase_patterns(phrases: &[&str]) -> Vec<(String, regex_lite::Regex)> {
    phrases
        .iter()
        .filter_map(|phrase| {
            let word = phrase.trim_end_matches(',');
            let tail = if phrase.ends_with(',') { "," } else { r"\b" };
            let pattern = format!(r"\b{}{tail}", regex_lite::escape(word));
            regex_lite::Regex::new(&pattern)
                .ok()
                .map(|re| (word.to_string(), re))
        })
        .collect()
}

static FILLER_PATTERNS: std::sync::LazyLock<Vec<(String, regex_lite::Regex)>> =
    std::sync::LazyLock::new(|| phrase_patterns(FILLERS));
static HEDGE_PATTERNS: std::sync::LazyLock<Vec<(String, regex_lite::Regex)>> =
    std::sync::LazyLock::new(|| phrase_patterns(HEDGES));

fn count_phrases(answer: &str, patterns: &[(String, regex_lite::Regex)]) -> Vec<Count> {
    let lower = answer.to_lowercase();
    patterns
        .iter()
        .filter_map(|(word, re)| {
            let count = re.find_iter(&lower).count();
            (count > 0).then(|| Count {
                word: word.clone(),
                count,
            })
        })
        .collect()
}

/// Structure score, 0–100: situation 15, task 15, action 25 (+5 when it
/// takes at least 30% of the answer), result 20 (+10 when measured), lesson
/// 5, "I" acting 5 (mixed 2); halved when the answer is a habit or a
/// hypothetical rather than one real event.
pub fn structure_score(r: &Report) -> f64 {
    let mut score = 0.0;
    if r.situation.present {
        score += 15.0;
    }
    if r.task.present {
        score += 15.0;
    }
    if r.action.present {
        score += 25.0;
        if r.action.share >= 0.3 {
            score += 5.0;
        }
    }
    if r.result.present {
        score += 20.0;
        if r.result_quantified {
            score += 10.0;
        }
    }
    if r.lesson.present {
        score += 5.0;
    }
    score += match r.first_person {
        Person::I => 5.0,
        Person::Mixed => 2.0,
        Person::We => 0.0,
    };
    if !r.specific_event {
        score *= 0.5;
    }
    crate::score::round1(score)
}

fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

/// One concrete suggestion per finding that needs work, most important first.
pub fn suggestions(r: &Report) -> Vec<String> {
    let mut out = Vec::new();
    if r.words == 0 {
        out.push("Tell one real story: what happened, what you were responsible for, what you did and how it ended.".into());
        return out;
    }
    if !r.specific_event {
        out.push("Tell one real time it happened (when, where, what you did and how it ended) rather than what you usually do or would do.".into());
    }
    if r.specific_event && !r.situation.present {
        out.push("Open with a sentence or two of context: when and where it happened and what was at stake.".into());
    }
    if r.specific_event && !r.task.present {
        out.push(
            "Say what you were responsible for, e.g. \"My job was to…\" or \"It was on me to…\"."
                .into(),
        );
    }
    if !r.action.present {
        out.push("Spend most of the answer on what you did, step by step, starting each step with \"I\".".into());
    } else if r.action.share < 0.3 {
        out.push(format!(
            "Your actions take only {} of the answer; cut the background to two sentences and spend the time on what you did.",
            percent(r.action.share)
        ));
    }
    match r.first_person {
        Person::We => out.push("Most actions are \"we\": say \"I\" for what you did yourself; the interviewer is hiring you, not the team.".into()),
        Person::Mixed => out.push("Separate your part from the team's: keep \"we\" for what the team decided and say \"I\" for your own steps.".into()),
        Person::I => {}
    }
    if r.specific_event && !r.result.present {
        out.push("End with the outcome: what changed because of what you did.".into());
    } else if r.result.present && !r.result_quantified {
        out.push("Put a number on the result: time saved, errors down, users affected, days early or late.".into());
    }
    if r.specific_event && !r.lesson.present {
        out.push("Close with what you learned or would do differently next time.".into());
    }
    let minutes = f64::from(r.speaking_time_s) / 60.0;
    if r.speaking_time_s < 60 {
        out.push(format!(
            "At about {} seconds spoken this is short; aim for one to three minutes with concrete detail.",
            r.speaking_time_s
        ));
    } else if r.speaking_time_s > 180 {
        out.push(format!(
            "At about {minutes:.1} minutes spoken this runs long; keep to one to three minutes by trimming the background."
        ));
    }
    let fillers: usize = r.fillers.iter().map(|c| c.count).sum();
    if fillers >= 3 {
        out.push(format!("Cut filler words: {}.", tally(&r.fillers)));
    }
    let hedges: usize = r.hedges.iter().map(|c| c.count).sum();
    if hedges >= 3 {
        out.push(format!(
            "State what you did with confidence; drop hedges ({}) when describing your own work.",
            tally(&r.hedges)
        ));
    }
    out
}

fn tally(counts: &[Count]) -> String {
    counts
        .iter()
        .map(|c| format!("\"{}\" ×{}", c.word, c.count))
        .collect::<Vec<_>>()
        .join(", ")
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests;
