//! Follow-up probes: after an open answer that misses a key point of real
//! weight, the interviewer asks about that point; after a story that leaves
//! out a STAR part, about that part; after a strong answer in a senior or
//! staff interview, a deeper "why". Every choice here is a plain rule, so
//! the transcript can say why a probe was asked.

use crate::bank::{Category, Question};
use crate::preset::Preset;
use crate::transcript::record::Asked;
use serde::{Deserialize, Serialize};

/// Key points weigh at least this much to be probed: a probe is for what
/// an interviewer would not let go, not for a detail.
pub const WEIGHTY: f64 = 2.0;

/// A point earning less than this share of its weight counts as missed or
/// only half covered, and may be probed.
pub const HALF_COVERED: f64 = 0.75;

/// What a probe asks about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Target {
    /// A key point the answer missed or only half covered.
    Point {
        /// The key point's label.
        label: String,
    },
    /// A part of a story the answer left out.
    Star {
        /// The part.
        part: StarPart,
    },
    /// A deeper "why" after a strong answer; asked, kept, not scored.
    Why,
}

/// The parts of a story a probe can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StarPart {
    Situation,
    Task,
    Action,
    Result,
}

impl StarPart {
    /// The question an interviewer asks for this part.
    pub fn question(self) -> &'static str {
        match self {
            StarPart::Situation => "Set the scene for me: where were you, and what was at stake?",
            StarPart::Task => "What exactly was yours to do there, and what made it hard?",
            StarPart::Action => {
                "What did you do yourself, step by step, rather than the team as a whole?"
            }
            StarPart::Result => "How did it end: what changed, in numbers if you have them?",
        }
    }

    /// The part's name, as the transcript shows it.
    pub fn name(self) -> &'static str {
        match self {
            StarPart::Situation => "situation",
            StarPart::Task => "task",
            StarPart::Action => "action",
            StarPart::Result => "result",
        }
    }
}

/// How a probe went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ProbeState {
    /// Answered; judged when it probes a point or a story part.
    Answered,
    /// Declined (`:pass`, `:skip`, an empty answer, or the answers ran out).
    Passed,
    /// The interview stopped while it was being answered; what was typed is
    /// kept, not judged.
    Interrupted,
}

/// One probe asked after an answer, as the record keeps it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Probe {
    /// What it asked about.
    pub target: Target,
    /// The question as asked.
    pub prompt: String,
    /// What happened to it.
    pub state: ProbeState,
    /// The answer as typed.
    #[serde(default)]
    pub answer: String,
    /// Time allowed, in seconds.
    pub time_limit_s: u32,
    /// Time taken, in seconds.
    #[serde(default)]
    pub time_used_s: u32,
    /// Points (0–100 scale) the answer added to the question's score.
    #[serde(default)]
    pub gained: f64,
}

impl Probe {
    /// Whether its answer is judged.
    pub fn counts(&self) -> bool {
        self.state == ProbeState::Answered && !matches!(self.target, Target::Why)
    }
}

/// How the follow-up probes of some sessions went.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Tally {
    /// Probes asked.
    pub asked: usize,
    /// Of those, answered.
    pub answered: usize,
    /// Of those, declined.
    pub passed: usize,
    /// Probes whose answer earned something back.
    pub recovered: usize,
    /// Points (0–100 scale, summed over questions) earned back on probes.
    pub points: f64,
}

impl Tally {
    /// The tally of every probe asked after `questions`.
    pub fn of<'a>(questions: impl IntoIterator<Item = &'a Asked>) -> Tally {
        let mut tally = Tally::default();
        for probe in questions.into_iter().flat_map(|q| &q.probes) {
            tally.asked += 1;
            match probe.state {
                ProbeState::Answered => tally.answered += 1,
                ProbeState::Passed => tally.passed += 1,
                ProbeState::Interrupted => {}
            }
            if probe.gained > 0.0 {
                tally.recovered += 1;
                tally.points += probe.gained;
            }
        }
        tally.points = crate::score::round1(tally.points);
        tally
    }

    /// One line: "3 follow-ups asked: 2 answered, 1 passed; 2 earned back 23 points".
    pub fn line(&self) -> String {
        let mut line = format!(
            "{} asked: {} answered, {} passed",
            crate::term::count(self.asked, "follow-up"),
            self.answered,
            self.passed
        );
        if self.recovered > 0 {
            line.push_str(&format!(
                "; {} earned back {} points",
                self.recovered,
                crate::term::number(self.points)
            ));
        } else {
            line.push_str("; none earned points back");
        }
        line
    }
}

/// The probe to ask after `asked` (just judged) to `question`, if any:
/// the weightiest key point with a probe that the answer missed or only
/// half covered; else, for a story, its most important missing STAR part;
/// else, when the preset asks for them, a "why" on a strong answer.
pub fn choose(question: &Question, asked: &Asked, preset: &Preset) -> Option<Target> {
    let score = asked.score?;
    let open = matches!(
        question.category,
        Category::Technical | Category::Coding | Category::SystemDesign
    );
    if !(open || question.is_story()) || asked.answer.trim().is_empty() {
        return None;
    }
    if question.is_story() {
        if let Some(part) = asked.star.as_deref().and_then(missing_part) {
            return Some(Target::Star { part });
        }
    } else if let Some(label) = weakest_point(question, asked) {
        return Some(Target::Point { label });
    }
    let strong = score >= preset.strong;
    (preset.why && strong && !question.follow_ups.is_empty()).then_some(Target::Why)
}

/// The point to probe: weighty, with a probe text, earning less than
/// [`HALF_COVERED`]; the one with most weight missing, the first on a tie.
fn weakest_point(question: &Question, asked: &Asked) -> Option<String> {
    let mut best: Option<(f64, &str)> = None;
    for point in &question.rubric {
        if point.weight < WEIGHTY || point.probe.is_none() {
            continue;
        }
        let credit = asked
            .points
            .iter()
            .find(|p| p.label == point.label)
            .map_or(0.0, |p| p.credit);
        if credit >= HALF_COVERED {
            continue;
        }
        let missing = point.weight * (1.0 - credit);
        if best.is_none_or(|(m, _)| missing > m) {
            best = Some((missing, &point.label));
        }
    }
    best.map(|(_, label)| label.to_string())
}

/// The most important STAR part a story leaves out: what the speaker did
/// (also when every action is "we"), then how it ended (or how much
/// changed, when the end has no number), then the situation, then the task.
fn missing_part(report: &crate::star::Report) -> Option<StarPart> {
    if !report.action.present || report.first_person == crate::star::Person::We {
        Some(StarPart::Action)
    } else if !report.result.present || !report.result_quantified {
        Some(StarPart::Result)
    } else if !report.situation.present {
        Some(StarPart::Situation)
    } else if !report.task.present {
        Some(StarPart::Task)
    } else {
        None
    }
}

/// The question a probe asks.
pub fn prompt(question: &Question, target: &Target, seed: u64) -> String {
    match target {
        Target::Point { label } => question
            .rubric
            .iter()
            .find(|p| &p.label == label)
            .and_then(|p| p.probe.clone())
            .unwrap_or_default(),
        Target::Star { part } => part.question().to_string(),
        Target::Why => {
            let n = question.follow_ups.len().max(1) as u64;
            let at = (seed ^ crate::plan::shuffle::stream(&question.id)) % n;
            question
                .follow_ups
                .get(at as usize)
                .cloned()
                .unwrap_or_default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::Bank;

    /// `answer` to built-in question `id`, judged as a session judges it.
    fn judged(bank: &Bank, id: &str, answer: &str) -> (Question, Asked) {
        let q = bank.get(id).expect("built-in question").clone();
        let mut asked = Asked::pending(&q, 180, Vec::new());
        if !answer.is_empty() {
            crate::session::judge(&mut asked, &q, answer.to_string());
        }
        (q, asked)
    }

    #[test]
    fn the_probe_goes_to_the_weightiest_missed_point_or_story_part() {
        let bank = Bank::load(&[], true).expect("built-in bank");
        let orm = "orm-select-related-vs-prefetch-related";
        let model = bank
            .get(orm)
            .expect("built-in question")
            .model_answer
            .clone();
        let point = |label: &str| {
            Some(Target::Point {
                label: label.into(),
            })
        };
        const SELECT: &str =
            "select_related follows forward ForeignKey/OneToOne with a SQL JOIN in the same query";
        const PREFETCH: &str = "prefetch_related runs a separate query per relation and stitches \
                                results together in Python";
        let off_topic = "I would write clean code and add tests.";
        let half = "select_related follows foreign keys with a JOIN in one query.";
        let story = "Our release slipped two weeks, so I cut scope with the product owner \
                     and shipped the core flow. It went fine in the end.";
        let cases: Vec<(&str, &str, &str, Option<Target>)> = vec![
            // Nothing said: nothing to probe.
            ("mid", orm, "", None),
            // A full answer: no probe at mid, a "why" at senior.
            ("mid", orm, &model, None),
            ("senior", orm, &model, Some(Target::Why)),
            // Missed points: the one with most weight missing.
            // (both weigh 3: the first in the rubric)
            ("mid", orm, off_topic, point(SELECT)),
            ("mid", orm, half, point(PREFETCH)),
            // A story whose end has no number: ask how it ended.
            (
                "mid",
                "story-tight-deadline",
                story,
                Some(Target::Star {
                    part: StarPart::Result,
                }),
            ),
            // A story told all in "we": what did you do yourself?
            (
                "mid",
                "story-tight-deadline",
                "Our demo was two weeks away and the export was late. We cut scope to CSV, \
                 we worked in pairs and we shipped on time; sales rose 20% that quarter.",
                Some(Target::Star {
                    part: StarPart::Action,
                }),
            ),
            // Choice questions are never probed.
            ("senior", "choice-makemigrations-purpose", "D", None),
        ];
        for (preset, id, answer, expected) in cases {
            let preset = crate::preset::find(preset).unwrap();
            let (q, asked) = judged(&bank, id, answer);
            assert_eq!(choose(&q, &asked, preset), expected, "{id}: {answer:?}");
        }
    }

    #[test]
    fn a_half_answer_is_probed_on_a_point_it_did_not_cover() {
        let bank = Bank::load(&[], true).expect("built-in bank");
        let (q, asked) = judged(
            &bank,
            "orm-select-related-vs-prefetch-related",
            "select_related follows foreign keys with a JOIN in one query.",
        );
        let Some(Target::Point { label }) = choose(&q, &asked, crate::preset::find("mid").unwrap())
        else {
            panic!("no point probed");
        };
        let result = asked.points.iter().find(|p| p.label == label).unwrap();
        assert!(result.credit < HALF_COVERED, "{result:?}");
        let probe = prompt(&q, &Target::Point { label }, 1);
        assert!(probe.ends_with('?'), "{probe}");
    }

    #[test]
    fn a_why_follow_up_is_the_same_for_the_same_seed() {
        let bank = Bank::load(&[], true).expect("built-in bank");
        let q = bank.get("orm-select-related-vs-prefetch-related").unwrap();
        assert_eq!(prompt(q, &Target::Why, 7), prompt(q, &Target::Why, 7));
        assert!(q.follow_ups.contains(&prompt(q, &Target::Why, 7)));
    }
}
