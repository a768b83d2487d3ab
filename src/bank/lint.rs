//! Warnings about rubrics that are valid but will not score the way their
//! author meant: phrasings that normalise to one word or to a negation,
//! prompts that earn points by themselves, and subject names that name
//! nothing. The bank still loads; `bank validate` prints these.

use super::compiled::{CompiledPhrasing, compile_question};
use super::model::{Category, Question};
use super::validate::weak_phrasing;
use crate::score::{self, Rubric};

/// A prompt scored as an answer to its own question should earn less than
/// this; at or above it, the question gives points for repeating itself.
pub const PROMPT_SCORE_LIMIT: f64 = 20.0;

/// What a warning is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// A phrasing of several words that comes down to a single word.
    OneWord,
    /// A key-point phrasing that matches only under negation.
    Negated,
    /// A phrasing left with no content words.
    NoContent,
    /// The prompt alone earns points.
    PromptScores,
    /// A subject name that is empty or listed twice.
    Subject,
    /// A weighty key point with no probe to follow up on it.
    NoProbe,
    /// A probe that names its own point: repeating it would earn the point.
    ProbeGivesAway,
    /// A rubric derived by `bank import`, still to be read by a person.
    Derived,
}

/// One warning: its kind, the field it is about (`rubric[2].phrasings[1]`)
/// and what to do.
#[derive(Debug, Clone, PartialEq)]
pub struct Lint {
    /// What the warning is about.
    pub kind: Kind,
    /// The field, in the path style of the bank's other messages.
    pub field: String,
    /// What is wrong and how to fix it.
    pub message: String,
}

impl Lint {
    fn new(kind: Kind, field: String, message: String) -> Lint {
        Lint {
            kind,
            field,
            message,
        }
    }
}

/// Every warning about one question (none for choice questions).
pub fn question(q: &Question) -> Vec<Lint> {
    if q.category == Category::Choice || q.rubric.is_empty() {
        return Vec::new();
    }
    let compiled = compile_question(q);
    let mut out = Vec::new();
    if q.derived {
        out.push(Lint::new(
            Kind::Derived,
            "derived".into(),
            "the rubric was derived from the model answer by `bank import` and needs a human \
             look: make each key point one idea, give it the phrasings people use for it, add \
             a probe to weighty points, then delete `derived`"
                .into(),
        ));
    }
    for (i, point) in compiled.rubric.iter().enumerate() {
        for (j, phrasing) in point.phrasings.iter().enumerate() {
            let field = format!("rubric[{i}].phrasings[{j}]");
            phrasing_lints(phrasing, &field, true, &mut out);
        }
        subject_lints(&point.subject, i, &mut out);
    }
    for (i, point) in q.rubric.iter().enumerate() {
        if let Some(phrasing) = point
            .probe
            .as_deref()
            .and_then(|probe| super::validate::probe_gives_away(point, probe))
        {
            out.push(Lint::new(
                Kind::ProbeGivesAway,
                format!("rubric[{i}].probe"),
                format!(
                    "says the point itself (it matches the phrasing `{phrasing}`), so repeating \
                     the probe would earn it; ask about the situation or the consequence \
                     instead of naming the answer"
                ),
            ));
        }
    }
    // A derived rubric is flagged as a whole above.
    if q.category != Category::Behavioral && !q.derived {
        for (i, point) in q.rubric.iter().enumerate() {
            if point.weight >= crate::probe::WEIGHTY && point.probe.is_none() {
                out.push(Lint::new(
                    Kind::NoProbe,
                    format!("rubric[{i}].probe"),
                    "missing: when an answer misses this weighty point, the interviewer has no \
                     follow-up to ask; add a question that invites the point without naming it"
                        .into(),
                ));
            }
        }
    }
    for (i, pitfall) in compiled.pitfalls.iter().enumerate() {
        for (j, phrasing) in pitfall.phrasings.iter().enumerate() {
            let field = format!("pitfalls[{i}].phrasings[{j}]");
            phrasing_lints(phrasing, &field, false, &mut out);
        }
    }
    out.extend(prompt_lint(q));
    out
}

fn phrasing_lints(p: &CompiledPhrasing, field: &str, key_point: bool, out: &mut Vec<Lint>) {
    let text = &p.text;
    if p.function_words_only {
        let what = if key_point {
            "what the point says"
        } else {
            "the misconception"
        };
        let message = if p.words.is_empty() {
            format!(
                "phrasing `{text}` has no words once its negator is set aside, so it never matches; write the words that state {what}"
            )
        } else {
            format!(
                "phrasing `{text}` is left with only function words (`{}`), so it matches almost any answer; write the words that state {what}",
                p.words.join(" ")
            )
        };
        out.push(Lint::new(Kind::NoContent, field.to_string(), message));
        return;
    }
    if key_point && p.negated {
        let negators = p.negators.join("`, `");
        out.push(Lint::new(
            Kind::Negated,
            field.to_string(),
            format!(
                "phrasing `{text}` only matches where the answer negates `{}`; keep it if the point itself is a denial (as `not null` is for a NOT NULL column), otherwise remove `{negators}`",
                p.words.join(" ")
            ),
        ));
        return;
    }
    // Negators are kept as polarity, and compiling keeps the small words of
    // a phrase that would otherwise shrink to one word; kept articles and
    // pronouns ("the cache") still leave one word that every answer on the
    // topic says.
    let fillers: Vec<&String> = p.words.iter().filter(|w| !p.content.contains(w)).collect();
    if !p.negated
        && !p.identifier
        && weak_phrasing(text).is_none()
        && p.content.len() == 1
        && !fillers.is_empty()
        && fillers.iter().all(|w| FILLERS.contains(&w.as_str()))
    {
        let word = &p.content[0];
        let fillers: Vec<&str> = fillers.iter().map(|w| w.as_str()).collect();
        out.push(Lint::new(
            Kind::OneWord,
            field.to_string(),
            format!(
                "phrasing `{text}` comes down to the one word `{word}`: `{}` only has to stand next to it, as it does in most answers that say `{word}`; add a word that makes it specific, or write `{word}` alone",
                fillers.join(" ")
            ),
        ));
    }
}

/// Function words that add nothing to the one content word of a phrase:
/// articles, demonstratives and object pronouns. Not `by` in `group by` or
/// `for` in `for update`, and not the possessives and subject pronouns of a
/// story, where "my mistake" and "I designed" say who did it.
const FILLERS: &[&str] = &[
    "a", "an", "the", "this", "that", "these", "those", "it", "them", "some", "any",
];

fn subject_lints(names: &[String], point: usize, out: &mut Vec<Lint>) {
    for (j, name) in names.iter().enumerate() {
        let field = format!("rubric[{point}].subject[{j}]");
        if crate::score::matcher::compile(name).is_none() {
            out.push(Lint::new(
                Kind::Subject,
                field,
                format!(
                    "subject name `{name}` has no words, so it names nothing; write the name of what the point is about, or remove it"
                ),
            ));
        } else if let Some(first) = names[..j]
            .iter()
            .position(|earlier| earlier.trim().eq_ignore_ascii_case(name.trim()))
        {
            out.push(Lint::new(
                Kind::Subject,
                field,
                format!(
                    "subject name `{name}` is listed twice (also `rubric[{point}].subject[{first}]`); remove one"
                ),
            ));
        }
    }
}

/// The prompt scored as an answer to itself: a question whose phrasings its
/// own wording covers gives points for repeating it.
fn prompt_lint(q: &Question) -> Option<Lint> {
    let rubric = Rubric::from_question(q);
    let scored = score::score(&rubric, &q.prompt);
    if scored.score < PROMPT_SCORE_LIMIT {
        return None;
    }
    let covered: Vec<String> = scored
        .points
        .iter()
        .filter(|p| p.credit > 0.0)
        .map(|p| match &p.phrasing {
            Some(phrasing) => format!("`{}` (by `{phrasing}`)", short(&p.label)),
            None => format!("`{}`", short(&p.label)),
        })
        .collect();
    Some(Lint::new(
        Kind::PromptScores,
        "prompt".into(),
        format!(
            "the prompt alone scores {}: add phrasings that need words the prompt does not use to the points it covers, and drop the ones it matches: {}",
            score::round1(scored.score),
            covered.join(", ")
        ),
    ))
}

/// A label cut to its first words, to name a point in a one-line message.
fn short(label: &str) -> String {
    const MAX: usize = 40;
    if label.chars().count() <= MAX {
        return label.to_string();
    }
    let cut: String = label.chars().take(MAX).collect();
    let cut = cut.rfind(' ').map_or(cut.as_str(), |at| &cut[..at]);
    format!("{}…", cut.trim_end_matches([',', ';', ':']))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::model::{KeyPoint, Level, Pitfall};

    /// A plain technical question whose lints are only those of the
    /// phrasings and subjects given.
    fn question(points: &[(&[&str], &[&str])], pitfalls: &[&[&str]]) -> Question {
        Question {
            track: String::new(),
            derived: false,
            id: "q1".into(),
            category: Category::Technical,
            topic: "orm".into(),
            levels: vec![Level::Mid],
            prompt: "Why is a Django QuerySet called lazy?".into(),
            time_limit_s: 120,
            rubric: points
                .iter()
                .enumerate()
                .map(|(i, (phrasings, subject))| KeyPoint {
                    label: format!("Point {i}"),
                    weight: 1.0,
                    phrasings: phrasings.iter().map(|s| s.to_string()).collect(),
                    subject: subject.iter().map(|s| s.to_string()).collect(),
                    probe: None,
                })
                .collect(),
            pitfalls: pitfalls
                .iter()
                .enumerate()
                .map(|(i, phrasings)| Pitfall {
                    label: format!("Pitfall {i}"),
                    phrasings: phrasings.iter().map(|s| s.to_string()).collect(),
                    penalty: 10.0,
                })
                .collect(),
            model_answer: "It runs no SQL until it is evaluated.".into(),
            hints: Vec::new(),
            follow_ups: Vec::new(),
            options: Vec::new(),
            answer: None,
            full_marks_at: None,
        }
    }

    /// Filler points the prompt does not cover, so that only the case under
    /// test can warn.
    const FILLER: &[&str] = &["deferred execution"];

    fn lints(q: &Question) -> Vec<(Kind, String)> {
        super::question(q)
            .into_iter()
            .map(|l| (l.kind, l.field))
            .collect()
    }

    #[test]
    fn each_rule_warns_at_its_field() {
        // (what, key point phrasings, key point subject, pitfall phrasings, expected)
        type Case = (
            &'static str,
            &'static [&'static str],
            &'static [&'static str],
            &'static [&'static str],
            &'static [(Kind, &'static str)],
        );
        let cases: &[Case] = &[
            // a. several words that normalise to one
            (
                "an article and one word",
                &["result cache", "the cache"],
                &[],
                &[],
                &[(Kind::OneWord, "rubric[0].phrasings[1]")],
            ),
            (
                "a pronoun and one word",
                &["result cache"],
                &[],
                &["cache it"],
                &[(Kind::OneWord, "pitfalls[0].phrasings[0]")],
            ),
            (
                "two content words",
                &["result cache"],
                &[],
                &["full table scan"],
                &[],
            ),
            (
                "small words that carry meaning",
                &["group by", "for update"],
                &[],
                &[],
                &[],
            ),
            (
                "who did it, in a story",
                &["my mistake", "i designed"],
                &[],
                &[],
                &[],
            ),
            (
                "a common word is already an error",
                &["result cache", "the database"],
                &[],
                &[],
                &[],
            ),
            ("identifiers", &["on_delete"], &[], &[], &[]),
            (
                "a pitfall that denies one word",
                &["result cache"],
                &[],
                &["no index"],
                &[],
            ),
            // b. key-point phrasings under negation
            (
                "negated key point",
                &["result cache", "not null"],
                &[],
                &[],
                &[(Kind::Negated, "rubric[0].phrasings[1]")],
            ),
            (
                "negated by without",
                &["without a join"],
                &[],
                &[],
                &[(Kind::Negated, "rubric[0].phrasings[0]")],
            ),
            (
                "negated pitfalls are how pitfalls deny",
                &["result cache"],
                &[],
                &["does not evaluate"],
                &[],
            ),
            // b. phrasings with no content words
            (
                "pitfall of only function words",
                &["result cache"],
                &[],
                &["never it"],
                &[(Kind::NoContent, "pitfalls[0].phrasings[0]")],
            ),
            (
                "pitfall of a lone negator",
                &["result cache"],
                &[],
                &["without"],
                &[(Kind::NoContent, "pitfalls[0].phrasings[0]")],
            ),
            (
                "key point of a lone negator",
                &["result cache", "never"],
                &[],
                &[],
                &[(Kind::NoContent, "rubric[0].phrasings[1]")],
            ),
            // d. subject names
            (
                "empty subject",
                &["result cache"],
                &["queryset", ""],
                &[],
                &[(Kind::Subject, "rubric[0].subject[1]")],
            ),
            (
                "blank subject",
                &["result cache"],
                &["  "],
                &[],
                &[(Kind::Subject, "rubric[0].subject[0]")],
            ),
            (
                "duplicate subject",
                &["result cache"],
                &["QuerySet", "queryset"],
                &[],
                &[(Kind::Subject, "rubric[0].subject[1]")],
            ),
            (
                "distinct subjects",
                &["result cache"],
                &["queryset", "manager"],
                &[],
                &[],
            ),
        ];
        let mut failures = Vec::new();
        for &(what, phrasings, subject, pitfall, expected) in cases {
            let pitfalls: Vec<&[&str]> = if pitfall.is_empty() {
                Vec::new()
            } else {
                vec![pitfall]
            };
            let q = question(
                &[(phrasings, subject), (FILLER, &[]), (FILLER, &[])],
                &pitfalls,
            );
            let got = lints(&q);
            let want: Vec<(Kind, String)> =
                expected.iter().map(|(k, f)| (*k, f.to_string())).collect();
            if got != want {
                failures.push(format!("{what}: got {got:?}, want {want:?}"));
            }
        }
        assert!(failures.is_empty(), "{failures:#?}");
    }

    #[test]
    fn a_prompt_that_covers_its_own_points_warns() {
        // (what, phrasings of the first point, expected)
        let cases: &[(&str, &[&str], bool)] = &[
            (
                "an echo of the prompt earns a quarter",
                &["called lazy"],
                false,
            ),
            ("a phrase the prompt states", &["why is a"], true),
            ("words the prompt does not use", &["until evaluated"], false),
        ];
        let mut failures = Vec::new();
        for &(what, phrasings, expected) in cases {
            let q = question(&[(phrasings, &[]), (FILLER, &[]), (FILLER, &[])], &[]);
            let got = lints(&q).contains(&(Kind::PromptScores, "prompt".into()));
            if got != expected {
                failures.push(format!("{what}: {:?}", super::question(&q)));
            }
        }
        assert!(failures.is_empty(), "{failures:#?}");
    }

    #[test]
    fn the_prompt_warning_names_the_points_it_covers() {
        let q = question(
            &[
                (&["why is a"], &[]),
                (&["lazy queryset"], &[]),
                (FILLER, &[]),
            ],
            &[],
        );
        let lint = super::question(&q)
            .into_iter()
            .find(|l| l.kind == Kind::PromptScores)
            .expect("the prompt covers two of three points");
        assert!(
            lint.message.starts_with("the prompt alone scores "),
            "{}",
            lint.message
        );
        assert!(
            lint.message.contains("`Point 0` (by `why is a`)"),
            "{}",
            lint.message
        );
        assert!(
            lint.message.contains("`Point 1` (by `lazy queryset`)"),
            "{}",
            lint.message
        );
        assert!(!lint.message.contains("`Point 2`"), "{}", lint.message);
    }

    #[test]
    fn choice_questions_have_no_rubric_to_warn_about() {
        let mut q = question(&[(&["not null"], &[])], &[]);
        q.category = Category::Choice;
        assert!(super::question(&q).is_empty());
    }

    #[test]
    fn a_probe_that_names_its_point_or_a_weighty_point_without_one_is_flagged() {
        let kinds = |probe: Option<&str>, weight: f64| -> Vec<Kind> {
            let mut q = question(&[(&["until evaluated", "deferred execution"], &[])], &[]);
            q.rubric[0].probe = probe.map(str::to_string);
            q.rubric[0].weight = weight;
            super::question(&q)
                .into_iter()
                .map(|l| l.kind)
                .filter(|k| matches!(k, Kind::ProbeGivesAway | Kind::NoProbe))
                .collect()
        };
        // (probe, weight, warnings)
        let cases = [
            (
                Some("When does the database actually get asked for rows?"),
                2.0,
                vec![],
            ),
            (
                Some("Is its execution deferred until it is evaluated?"),
                2.0,
                vec![Kind::ProbeGivesAway],
            ),
            (None, 2.0, vec![Kind::NoProbe]),
            (None, 1.0, vec![]),
        ];
        for (probe, weight, expected) in cases {
            assert_eq!(
                kinds(probe, weight),
                expected,
                "{probe:?} at weight {weight}"
            );
        }
    }
}
