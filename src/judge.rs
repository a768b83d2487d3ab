//! The one judgement of an answer to a bank question: the rubric score, the
//! STAR share for stories, the right option for choice questions, and the
//! cost of a hint. The session, `rehearse score`, `rehearse star
//! --question` and the transcript all use it, so one answer gets one score
//! everywhere.

use crate::bank::{Category, Question};
use crate::probe::{Probe, Target};
use crate::score::{PROBE_SHARE, PitfallResult, PointResult, Rubric, round1, score_with_probes};
use crate::star::{self, Report};

/// Points taken off an answer for which the hint was shown (never below 0).
pub const HINT_PENALTY: f64 = 10.0;

/// A behavioral story's score blends its content (the rubric) and its STAR
/// structure: this much content, the rest structure.
pub const STORY_CONTENT_WEIGHT: f64 = 0.6;

/// How an answer was judged.
#[derive(Debug, Clone, PartialEq)]
pub struct Judgement {
    /// The score, 0–100, after the hint's cost.
    pub score: f64,
    /// The key points, covered or not (empty for choice questions).
    pub points: Vec<PointResult>,
    /// The pitfalls the answer asserts.
    pub pitfalls: Vec<PitfallResult>,
    /// For stories: the rubric's share alone, before blending with STAR.
    pub content_score: Option<f64>,
    /// For stories: the STAR analysis.
    pub star: Option<Report>,
    /// What the hint cost, when one was used.
    pub hint_cost: Option<f64>,
    /// The rubric's own score before blending and hints (for explanations).
    pub rubric_score: f64,
    /// Whether the points named only in lists were held to the cap for lists.
    pub list_capped_at: Option<f64>,
}

/// Judges `answer` to `question`; `hint_used` when the hint was shown. For
/// choice questions, `answer` is the text of the option picked.
pub fn judge(question: &Question, answer: &str, hint_used: bool) -> Judgement {
    judge_probed(question, answer, hint_used, &[])
}

/// Judges an answer with the answers to the probes asked after it: a
/// probe on a key point earns back part of that point (see
/// [`score_with_probes`]); a probe on a story's part joins the story for
/// the STAR analysis, and earns back [`PROBE_SHARE`] of the structure score
/// it adds. "Why" follow-ups are kept, not scored.
pub fn judge_probed(
    question: &Question,
    answer: &str,
    hint_used: bool,
    probes: &[Probe],
) -> Judgement {
    let counted = || probes.iter().filter(|p| p.counts());
    let mut judgement = Judgement {
        score: 0.0,
        points: Vec::new(),
        pitfalls: Vec::new(),
        content_score: None,
        star: None,
        hint_cost: None,
        rubric_score: 0.0,
        list_capped_at: None,
    };
    let total = if question.category == Category::Choice {
        let right = question.answer.as_deref() == Some(answer.trim());
        if right { 100.0 } else { 0.0 }
    } else {
        // A probe on a key point is judged on that point; a story part told
        // on a probe is part of the story, judged on all its points.
        let on_points: Vec<(usize, &str)> = counted()
            .flat_map(|p| -> Vec<(usize, &str)> {
                match &p.target {
                    Target::Point { label } => question
                        .rubric
                        .iter()
                        .position(|k| &k.label == label)
                        .map(|k| (k, p.answer.as_str()))
                        .into_iter()
                        .collect(),
                    Target::Star { .. } => (0..question.rubric.len())
                        .map(|k| (k, p.answer.as_str()))
                        .collect(),
                    Target::Why => Vec::new(),
                }
            })
            .collect();
        let scored = score_with_probes(&Rubric::from_question(question), answer, &on_points);
        let mut total = scored.score;
        if question.is_story() {
            let mut report = star::analyse(answer);
            let told: Vec<&str> = counted()
                .filter(|p| matches!(p.target, Target::Star { .. }))
                .map(|p| p.answer.as_str())
                .collect();
            if !told.is_empty() {
                // The story as finally told, its structure score only partly
                // earned: what came out on prompting counts for less.
                let whole = format!("{answer}\n\n{}", told.join("\n\n"));
                let first = report.score;
                report = star::analyse(&whole);
                report.score = round1(first + PROBE_SHARE * (report.score - first).max(0.0));
            }
            total = round1(
                STORY_CONTENT_WEIGHT * scored.score + (1.0 - STORY_CONTENT_WEIGHT) * report.score,
            );
            judgement.content_score = Some(scored.score);
            judgement.star = Some(report);
        }
        judgement.rubric_score = scored.score;
        judgement.list_capped_at = scored.list_capped_at;
        judgement.points = scored.points;
        judgement.pitfalls = scored.pitfalls.into_iter().filter(|p| p.asserted).collect();
        total
    };
    // A hint costs the same on every kind of question, down to zero at most.
    let cost = if hint_used {
        HINT_PENALTY.min(total.max(0.0))
    } else {
        0.0
    };
    judgement.score = round1((total - cost).max(0.0));
    judgement.hint_cost = hint_used.then_some(cost);
    judgement
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::Bank;

    fn builtin() -> Bank {
        Bank::load(&[], true).expect("built-in bank")
    }

    #[test]
    fn a_story_blends_content_and_structure() {
        let bank = builtin();
        let q = bank
            .questions()
            .iter()
            .find(|q| q.is_story())
            .expect("a built-in story question");
        let j = judge(q, &q.model_answer, false);
        let content = j.content_score.expect("content score");
        let star = j.star.as_ref().expect("STAR report").score;
        let blended = round1(STORY_CONTENT_WEIGHT * content + (1.0 - STORY_CONTENT_WEIGHT) * star);
        assert_eq!(j.score, blended);
    }

    #[test]
    fn a_hint_costs_ten_points_on_every_kind_and_never_goes_below_zero() {
        let bank = builtin();
        let choice = bank
            .questions()
            .iter()
            .find(|q| q.category == Category::Choice)
            .expect("a choice question");
        let right = choice.answer.clone().expect("choice answer");
        assert_eq!(judge(choice, &right, false).score, 100.0);
        assert_eq!(judge(choice, &right, true).score, 90.0);
        assert_eq!(judge(choice, &right, true).hint_cost, Some(10.0));
        assert_eq!(judge(choice, "not an option", true).score, 0.0);
        assert_eq!(judge(choice, "not an option", true).hint_cost, Some(0.0));
        let open = bank
            .get("orm-select-related-vs-prefetch-related")
            .expect("built-in question");
        let plain = judge(open, &open.model_answer, false).score;
        assert_eq!(judge(open, &open.model_answer, true).score, plain - 10.0);
    }

    #[test]
    fn a_story_part_told_on_a_probe_counts_for_half_its_structure_gain() {
        use crate::probe::{Probe, ProbeState, StarPart, Target};
        let bank = builtin();
        let q = bank.get("story-tight-deadline").expect("built-in story");
        let story = "Two weeks before a client demo the export was late. I was the only \
                     backend developer, so I cut scope to CSV and shipped the core flow.";
        let probe = |state: ProbeState, answer: &str| Probe {
            target: Target::Star {
                part: StarPart::Result,
            },
            prompt: StarPart::Result.question().into(),
            state,
            answer: answer.into(),
            time_limit_s: 90,
            time_used_s: 30,
            gained: 0.0,
        };
        let ending = "The demo went ahead on time and the client signed, 30% more than planned.";
        let first = judge(q, story, false);
        let told = judge_probed(q, story, false, &[probe(ProbeState::Answered, ending)]);
        let whole = star::analyse(&format!("{story}\n\n{ending}"));
        let (before, after) = (first.star.unwrap(), told.star.unwrap());
        assert!(!before.result_quantified && after.result_quantified);
        assert!(whole.score > before.score);
        assert_eq!(
            after.score,
            round1(before.score + PROBE_SHARE * (whole.score - before.score))
        );
        assert!(told.score > first.score);
        // Passed or "why" probes change nothing.
        let passed = judge_probed(q, story, false, &[probe(ProbeState::Passed, "")]);
        assert_eq!(passed.score, first.score);
    }
}
