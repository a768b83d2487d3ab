//! Scoring typed answers against keyword rubrics, with an explanation of
//! every number: which words of the answer covered which key point, and how
//! close each was.

pub mod derive;
pub mod explain;
pub mod matcher;
pub mod normalize;
pub mod rubric;
pub mod segment;
pub mod structure;
pub mod synonyms;

pub use rubric::{
    ECHO_CREDIT, LIST_CAP, LIST_CREDIT, NAME_CREDIT, OWN_WORDS, OWN_WORDS_CREDIT, Rubric,
};

use matcher::{AnswerIndex, Found};
use normalize::{Normalized, normalize};
use serde::{Deserialize, Serialize};

/// An answer's score and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scored {
    /// 0–100: the weighted share of covered key points, less pitfall penalties.
    pub score: f64,
    /// Each key point, covered or missed.
    pub points: Vec<PointResult>,
    /// Each pitfall, asserted or not.
    pub pitfalls: Vec<PitfallResult>,
    /// Share of the key points' total weight that earned full marks (1 when
    /// every point counts).
    #[serde(default = "every_point")]
    pub full_marks_at: f64,
    /// The points named only in bare lists would have earned more than the
    /// cap for lists, and were held to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list_capped_at: Option<f64>,
}

fn every_point() -> f64 {
    1.0
}

/// How one key point fared.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PointResult {
    /// The key point.
    pub label: String,
    /// Its weight.
    pub weight: f64,
    /// Whether the answer covers it (in a statement of its own, not only by
    /// repeating the question).
    pub covered: bool,
    /// Share of the weight earned, 0–1: 1 when covered, less when only the
    /// question's own words were repeated.
    #[serde(default)]
    pub credit: f64,
    /// The phrasing that matched, when covered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phrasing: Option<String>,
    /// The answer's words that matched, with their similarity (1 = exact).
    pub matches: Vec<Match>,
    /// Why the point earned less than its words suggest, when it did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Note>,
    /// What the answer to the interviewer's probe on this point earned
    /// back, when it earned anything (already in `credit`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recovered: Option<Recovered>,
}

/// Credit a key point earned back on a probe.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recovered {
    /// Share of the point's weight earned back, 0–1.
    pub credit: f64,
    /// The phrasing the probe's answer matched.
    pub phrasing: String,
    /// The probe answer's words that matched.
    pub matches: Vec<Match>,
}

/// Share of what the first answer missed on a key point that a probe's
/// answer earns back: a point that needed prompting is worth less than one
/// that did not.
pub const PROBE_SHARE: f64 = 0.5;

/// Why a point's words did not earn it, or earned it only in part.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Note {
    /// The words were said under negation ("does not use a JOIN").
    Negated {
        /// The negating words, as typed.
        by: Vec<String>,
        /// The stretch of the answer, as typed.
        evidence: String,
    },
    /// The words were said about another of the question's subjects
    /// ("makemigrations applies the changes").
    OtherSubject {
        /// The subject they were said about, as typed.
        subject: String,
        /// The stretch of the answer, as typed.
        evidence: String,
    },
    /// Only the question's own words were repeated.
    Echo,
    /// Only the name of what the point is about was given, not what it does.
    Named,
    /// No phrasing of the point was found, but a statement uses several of
    /// its own words: said in other words, for part of the weight.
    OwnWords,
    /// The point was only named in a bare list of terms.
    Listed,
}

/// How one pitfall fared.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PitfallResult {
    /// The misconception.
    pub label: String,
    /// Points it costs.
    pub penalty: f64,
    /// Whether the answer asserts it.
    pub asserted: bool,
    /// The phrasing that matched, when asserted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phrasing: Option<String>,
    /// The answer's words that triggered it.
    pub matches: Vec<Match>,
    /// The stretch of the answer that asserts it, as typed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub evidence: String,
}

/// A word of the answer that matched a word of a phrasing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Match {
    /// The words as typed.
    pub text: String,
    /// 1 for an exact match (after normalisation), less for a typo or a synonym.
    pub similarity: f64,
    /// The word matched as a synonym of the phrasing's word.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub synonym: bool,
}

/// Scores an answer against a compiled rubric.
pub fn score(rubric: &Rubric, answer: &str) -> Scored {
    score_normalized(rubric, &normalize(answer))
}

/// Scores an answer, then the answers to the interviewer's probes, each
/// given with the index of the key point it probed: a probe's answer is
/// judged on that point alone, by the same rules, and earns back
/// [`PROBE_SHARE`] of what the first answer missed on it.
pub fn score_with_probes(rubric: &Rubric, answer: &str, probes: &[(usize, &str)]) -> Scored {
    let probes: Vec<(usize, Normalized)> = probes
        .iter()
        .map(|&(point, text)| (point, normalize(text)))
        .collect();
    score_probed(rubric, &normalize(answer), &probes, Explain::Yes)
}

/// Whether a score comes with its explanation: the words that matched, the
/// stretches quoted and why missed points were missed. `eval` needs only the
/// number.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Explain {
    Yes,
    No,
}

/// The score alone of an already normalised answer: the same number as
/// [`score_normalized`], without the explanation's work.
pub fn score_only(rubric: &Rubric, answer: &Normalized) -> f64 {
    score_probed(rubric, answer, &[], Explain::No).score
}

/// Scores an already normalised answer (to share the work across rubrics).
pub fn score_normalized(rubric: &Rubric, answer: &Normalized) -> Scored {
    score_probed(rubric, answer, &[], Explain::Yes)
}

/// What a probe's answer earns on the key point it probed: the result it
/// would get alone, and whether it said it in a statement.
fn probe_credit(
    rubric: &Rubric,
    point: &rubric::Point,
    answer: &Normalized,
) -> (PointResult, bool) {
    let mut index = AnswerIndex::new(answer, rubric.vocabulary.len());
    let mentions = mentions(&mut index, rubric);
    judge_point(&mut index, rubric, point, &mentions, &[], Explain::Yes)
}

fn score_probed(
    rubric: &Rubric,
    answer: &Normalized,
    probes: &[(usize, Normalized)],
    explain: Explain,
) -> Scored {
    let mut index = AnswerIndex::new(answer, rubric.vocabulary.len());
    let mut pitfalls = Vec::with_capacity(rubric.pitfalls.len());
    // Sentences that state a misconception.
    let mut misstated: Vec<usize> = Vec::new();
    for trap in &rubric.pitfalls {
        // A misconception counts when stated in one sentence, with the
        // polarity its phrasing has ("uses a join" plainly, "does not use a
        // join" under negation).
        let mut best: Option<(String, Found)> = None;
        for phrase in &trap.phrases {
            let accept = |index: &AnswerIndex, found: &Found| {
                index.one_sentence(found) && index.negated(found) == phrase.negated
            };
            if let Some(found) = index.find(&rubric.vocabulary, phrase, false, &accept)
                && best
                    .as_ref()
                    .is_none_or(|(_, b)| found.similarity() > b.similarity())
            {
                best = Some((phrase.text.clone(), found));
            }
        }
        let evidence = best
            .as_ref()
            .filter(|_| explain == Explain::Yes)
            .map(|(_, found)| span_text(answer, found))
            .unwrap_or_default();
        if let Some((_, found)) = &best {
            misstated.push(index.answer.tokens[found.span().0].sentence);
        }
        pitfalls.push(PitfallResult {
            label: trap.label.clone(),
            penalty: trap.penalty,
            asserted: best.is_some(),
            evidence,
            matches: best
                .as_ref()
                .map(|(_, f)| matches(answer, f))
                .unwrap_or_default(),
            phrasing: best.map(|(text, _)| text),
        });
    }
    let mentions = mentions(&mut index, rubric);
    let mut points = Vec::with_capacity(rubric.points.len());
    let (mut prose, mut listed) = (0.0, 0.0);
    for (k, point) in rubric.points.iter().enumerate() {
        let (mut result, in_prose) =
            judge_point(&mut index, rubric, point, &mentions, &misstated, explain);
        let earned = point.weight * result.credit;
        if in_prose {
            prose += earned;
        } else {
            listed += earned;
        }
        for (_, probe) in probes.iter().filter(|(at, _)| *at == k) {
            let (probed, probe_prose) = probe_credit(rubric, point, probe);
            let gain = PROBE_SHARE * (probed.credit - result.credit);
            if gain <= 0.0 {
                continue;
            }
            result.credit += gain;
            if probe_prose {
                prose += point.weight * gain;
            } else {
                listed += point.weight * gain;
            }
            result.recovered = Some(Recovered {
                credit: gain,
                phrasing: probed.phrasing.unwrap_or_default(),
                matches: probed.matches,
            });
        }
        points.push(result);
    }
    let total: f64 = points.iter().map(|p| p.weight).sum();
    let penalty: f64 = pitfalls
        .iter()
        .filter(|p| p.asserted)
        .map(|p| p.penalty)
        .sum();
    let full = total * rubric.full_marks_at;
    let (raw, list_capped_at) = if full > 0.0 {
        let from_prose = 100.0 * prose / full;
        let from_lists = 100.0 * listed / full;
        match rubric.list_cap {
            Some(cap) if from_lists > cap => ((from_prose + cap).min(100.0), Some(cap)),
            _ => ((from_prose + from_lists).min(100.0), None),
        }
    } else {
        (0.0, None)
    };
    let raw = 100.0 * (raw / 100.0).powf(rubric.curve);
    Scored {
        score: round1((raw - penalty).clamp(0.0, 100.0)),
        points,
        pitfalls,
        full_marks_at: rubric.full_marks_at,
        list_capped_at,
    }
}

/// Where the answer names one of the rubric's subjects: answer token span
/// and which subject.
#[derive(Debug, Clone, Copy)]
struct Mention {
    start: usize,
    end: usize,
    subject: usize,
}

fn mentions(index: &mut AnswerIndex, rubric: &Rubric) -> Vec<Mention> {
    let mut all: Vec<Mention> = Vec::new();
    for (subject, phrase) in rubric.subjects.iter().enumerate() {
        for found in index.all(&rubric.vocabulary, phrase) {
            let (start, end) = found.span();
            all.push(Mention {
                start,
                end,
                subject,
            });
        }
    }
    all.extend(ordinals(index.answer, rubric, &all));
    // Where two names overlap ("null" inside "null=True"), the longer wins.
    all.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut kept: Vec<Mention> = Vec::with_capacity(all.len());
    for m in all {
        if kept.last().is_none_or(|k| m.start > k.end) {
            kept.push(m);
        }
    }
    kept
}

/// "The first one", "the second one", "the former", "the latter" and "the
/// other one": references to the subjects in the order the prompt names them.
fn ordinals(answer: &Normalized, rubric: &Rubric, named: &[Mention]) -> Vec<Mention> {
    let order = &rubric.in_prompt_order;
    if order.len() < 2 {
        return Vec::new();
    }
    let tokens = &answer.tokens;
    let mut found = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        let next = tokens
            .get(i + 1)
            .filter(|n| n.sentence == token.sentence && !n.comma_before && !n.mark_before)
            .map(|n| n.word.as_str());
        let one = next == Some("one");
        let place = match token.word.as_str() {
            "former" => Some(0),
            "latter" => Some(order.len() - 1),
            "first" if one => Some(0),
            "second" if one => Some(1),
            "third" if one => Some(2),
            "other" if one && order.len() == 2 => {
                // The one of the two not named last before it.
                let last = named
                    .iter()
                    .chain(found.iter())
                    .filter(|m| m.end < i)
                    .max_by_key(|m| m.end)
                    .and_then(|m| order.iter().position(|g| g.contains(&m.subject)));
                Some(if last == Some(1) { 0 } else { 1 })
            }
            _ => None,
        };
        let Some(place) = place.filter(|&p| p < order.len()) else {
            continue;
        };
        let end = if one { i + 1 } else { i };
        found.push(Mention {
            start: i,
            end,
            subject: order[place][0],
        });
    }
    found
}

/// The subject an occurrence is said about: one named inside it (or
/// overlapping it), else the
/// nearest named before it in its sentence, else the nearest after it, else
/// the last one named in the sentence before (a sentence that names none
/// goes on about the last one: "It runs a second query").
fn subject_of(
    index: &AnswerIndex,
    mentions: &[Mention],
    found: &Found,
    own: &[usize],
) -> Option<Mention> {
    let tokens = &index.answer.tokens;
    let (start, end) = found.span();
    let sentence = tokens[start].sentence;
    // A name the occurrence overlaps ("migrations applies" inside
    // "makemigrations applies") is what it is about.
    let inside: Vec<&Mention> = mentions
        .iter()
        .filter(|m| m.start <= end && m.end >= start)
        .collect();
    if let Some(m) = inside
        .iter()
        .find(|m| own.contains(&m.subject))
        .or(inside.first())
    {
        return Some(**m);
    }
    // A name after an article or a preposition ("one thread", "with
    // processes") is an object, not what the clause is about.
    let in_sentence = |m: &&Mention| tokens[m.start].sentence == sentence && !object(tokens, m);
    if let Some(m) = mentions.iter().filter(in_sentence).rfind(|m| m.end < start) {
        return Some(*m);
    }
    if let Some(m) = mentions.iter().filter(in_sentence).find(|m| m.start > end) {
        return Some(*m);
    }
    let previous = sentence.checked_sub(1)?;
    mentions
        .iter()
        .rfind(|m| tokens[m.start].sentence == previous && !object(tokens, m))
        .copied()
}

/// Words after which a named subject is the object of its clause ("one
/// thread", "with processes", "in the view"), not what the clause is about.
const OBJECT_MARKERS: &[&str] = &[
    "one", "each", "per", "every", "in", "of", "on", "by", "for", "from", "to", "into", "via",
    "than", "multiple", "many", "several", "separate", "other", "two", "more", "its", "their",
    "your", "our", "like", "about", "across", "between", "call", "calls", "use", "uses", "using",
];

/// Whether a named subject is the object of its clause: it follows an
/// object marker or a verb ending in -s ("asks models for data").
fn object(tokens: &[normalize::Token], m: &Mention) -> bool {
    let Some(before) = m.start.checked_sub(1).map(|i| &tokens[i]) else {
        return false;
    };
    let token = &tokens[m.start];
    let verb = !before.stop
        && before.word.len() > 3
        && before.word.ends_with('s')
        && !before.word.ends_with("ss");
    before.sentence == token.sentence
        && before.clause == token.clause
        && !token.comma_before
        && !token.mark_before
        && (OBJECT_MARKERS.contains(&before.word.as_str()) || verb)
}

/// Judges one key point: the best phrasing stated plainly, about the point's
/// own subject, in a statement rather than a bare list, and not only in the
/// question's words.
fn judge_point(
    index: &mut AnswerIndex,
    rubric: &Rubric,
    point: &rubric::Point,
    mentions: &[Mention],
    misstated: &[usize],
    explain: Explain,
) -> (PointResult, bool) {
    // Weak evidence (a bare name, other words) does not count in a sentence
    // that states a misconception.
    let sound = |index: &AnswerIndex, found: &Found| {
        !misstated.contains(&index.answer.tokens[found.span().0].sentence)
    };
    // Where nothing around names a subject, the answer is taken to speak of
    // the question's own.
    let about_own = |index: &AnswerIndex, found: &Found| {
        if point.subjects.is_empty() {
            return true;
        }
        // Words on both sides of a name that starts a new statement ("…
        // into a dict and kwargs packs …") belong to two statements.
        let (start, end) = found.span();
        let tokens = &index.answer.tokens;
        let starts_statement = |m: &Mention| {
            tokens[m.start].comma_before
                || m.start.checked_sub(1).is_some_and(|b| {
                    matches!(
                        tokens[b].word.as_str(),
                        "and" | "or" | "but" | "while" | "whereas"
                    )
                })
        };
        if mentions
            .iter()
            .any(|m| m.start > start && m.end < end && starts_statement(m))
        {
            return false;
        }
        subject_of(index, mentions, found, &point.subjects)
            .is_none_or(|m| point.subjects.contains(&m.subject))
    };
    // (credit, in prose, similarity) orders the candidates.
    let mut best: Option<(f64, bool, f64, &matcher::Phrase, Found)> = None;
    for phrase in &point.phrases {
        let plain = |index: &AnswerIndex, found: &Found| {
            (!rubric.polarity || index.negated(found) == phrase.negated) && about_own(index, found)
        };
        let fresh = |index: &AnswerIndex, found: &Found| {
            !phrase.echo || !echoes_prompt(index, rubric, found)
        };
        // Best first: a statement of its own, then a list, then echoes. A
        // phrasing that only names the point's subject earns little anywhere.
        let top = if phrase.name_only { NAME_CREDIT } else { 1.0 };
        let tiers: [(f64, bool); 4] = [
            (top, true),
            (top, false),
            (ECHO_CREDIT.min(top), true),
            (ECHO_CREDIT.min(top), false),
        ];
        for (credit, prose) in tiers {
            if best.as_ref().is_some_and(|b| (b.0, b.1) >= (credit, prose)) {
                break;
            }
            // Where lists are fine, a listed term is as good as a statement.
            let lists_count = rubric.list_cap.is_none();
            let accept = |index: &AnswerIndex, found: &Found| {
                plain(index, found)
                    && (!prose || lists_count || !index.listed(found))
                    && (credit < 1.0 || fresh(index, found))
                    && (!phrase.name_only || sound(index, found))
            };
            if let Some(found) = index.find(&rubric.vocabulary, phrase, true, &accept) {
                let similarity = found.similarity();
                let better = best.as_ref().is_none_or(|b| {
                    (credit, prose) > (b.0, b.1)
                        || ((credit, prose) == (b.0, b.1) && similarity > b.2)
                });
                if better {
                    best = Some((credit, prose, similarity, phrase, found));
                }
                break;
            }
        }
    }
    // Said in other words: a statement using several of the point's own
    // words earns part of it, where no phrasing earns more.
    if best
        .as_ref()
        .is_none_or(|b| earned(b.0, b.1) < OWN_WORDS_CREDIT)
        && let Some(found) = own_words(index, rubric, point, &|index, found| {
            about_own(index, found) && sound(index, found)
        })
    {
        let result = PointResult {
            label: point.label.clone(),
            weight: point.weight,
            covered: false,
            credit: OWN_WORDS_CREDIT,
            phrasing: None,
            matches: if explain == Explain::Yes {
                matches(index.answer, &found)
            } else {
                Vec::new()
            },
            note: Some(Note::OwnWords),
            recovered: None,
        };
        return (result, true);
    }
    if let Some((credit, prose, _, phrase, found)) = best {
        let note = if phrase.name_only {
            Some(Note::Named)
        } else if credit < 1.0 {
            Some(Note::Echo)
        } else if !prose {
            Some(Note::Listed)
        } else {
            None
        };
        // A list is held to its cap as a whole.
        let credit = earned(credit, prose);
        let result = PointResult {
            label: point.label.clone(),
            weight: point.weight,
            covered: note.is_none(),
            credit,
            phrasing: Some(phrase.text.clone()),
            matches: if explain == Explain::Yes {
                matches(index.answer, &found)
            } else {
                Vec::new()
            },
            note,
            recovered: None,
        };
        return (result, prose);
    }
    let result = PointResult {
        label: point.label.clone(),
        weight: point.weight,
        covered: false,
        credit: 0.0,
        phrasing: None,
        matches: Vec::new(),
        note: if explain == Explain::Yes {
            why_not(index, rubric, point, mentions)
        } else {
            None
        },
        recovered: None,
    };
    (result, true)
}

/// The clause that uses the most of a point's own words, at least
/// [`OWN_WORDS`] of them, stated plainly, outside lists and about the point's
/// own subject: the words it uses.
fn own_words(
    index: &mut AnswerIndex,
    rubric: &Rubric,
    point: &rubric::Point,
    about_own: &dyn Fn(&AnswerIndex, &Found) -> bool,
) -> Option<Found> {
    if point.own_words.is_empty() {
        return None;
    }
    // Per clause, one hit per own word.
    let mut by_clause: Vec<(usize, Vec<(usize, matcher::Hit)>)> = Vec::new();
    for (k, (word, negated)) in point.own_words.iter().enumerate() {
        for found in index.all(&rubric.vocabulary, word) {
            // Said with the polarity the point says it with, in a statement.
            let polarity = negated.unwrap_or(false);
            if index.negated(&found) != polarity || index.listed(&found) {
                continue;
            }
            let Some(hit) = found.hits.first().copied() else {
                continue;
            };
            let clause = index.answer.tokens[hit.start].clause;
            let at = match by_clause.iter().position(|(c, _)| *c == clause) {
                Some(at) => at,
                None => {
                    by_clause.push((clause, Vec::new()));
                    by_clause.len() - 1
                }
            };
            let hits = &mut by_clause[at].1;
            if !hits.iter().any(|(w, h)| *w == k || h.start == hit.start) {
                hits.push((k, hit));
            }
        }
    }
    by_clause.sort_by_key(|(clause, hits)| (std::cmp::Reverse(hits.len()), *clause));
    by_clause
        .into_iter()
        .take_while(|(_, hits)| hits.len() >= OWN_WORDS)
        .map(|(_, hits)| {
            let mut hits: Vec<matcher::Hit> = hits.into_iter().map(|(_, h)| h).collect();
            hits.sort_by_key(|h| h.start);
            Found { hits }
        })
        .find(|found| about_own(index, found))
}

/// The share of a point a phrasing's credit earns: all of it in a
/// statement, [`LIST_CREDIT`] of it in a bare list.
fn earned(credit: f64, prose: bool) -> f64 {
    if prose { credit } else { credit * LIST_CREDIT }
}

/// Whether the sentence around an occurrence only repeats the prompt: at
/// most a third of its content words are words the prompt does not use.
fn echoes_prompt(index: &AnswerIndex, rubric: &Rubric, found: &Found) -> bool {
    let tokens = &index.answer.tokens;
    let (start, _) = found.span();
    let sentence = tokens[start].sentence;
    let (mut content, mut new) = (0usize, 0usize);
    for token in tokens.iter().filter(|t| t.sentence == sentence && !t.stop) {
        content += 1;
        new += usize::from(!rubric.prompt.contains(token.stem.as_str()));
    }
    3 * new <= content
}

/// For a point not earned: whether its words were there, but negated or
/// said about another subject.
fn why_not(
    index: &mut AnswerIndex,
    rubric: &Rubric,
    point: &rubric::Point,
    mentions: &[Mention],
) -> Option<Note> {
    let answer = index.answer;
    for phrase in point.phrases.iter().filter(|p| !p.echo) {
        let flipped = |index: &AnswerIndex, found: &Found| index.negated(found) != phrase.negated;
        if let Some(found) = index.find(&rubric.vocabulary, phrase, true, &flipped) {
            let mut by = index.negated_by(&found);
            if by.is_empty() {
                by.push("(no negation where the point needs one)".into());
            }
            return Some(Note::Negated {
                by,
                evidence: span_text(answer, &found),
            });
        }
    }
    if point.subjects.is_empty() {
        return None;
    }
    for phrase in point.phrases.iter().filter(|p| !p.echo) {
        let plain = |index: &AnswerIndex, found: &Found| index.negated(found) == phrase.negated;
        if let Some(found) = index.find(&rubric.vocabulary, phrase, true, &plain) {
            let subject = subject_of(index, mentions, &found, &point.subjects);
            let subject = match subject {
                Some(m) => {
                    let tokens = &answer.tokens;
                    answer
                        .text
                        .get(tokens[m.start].start..tokens[m.end].end)
                        .unwrap_or_default()
                        .to_string()
                }
                None => String::new(),
            };
            return Some(Note::OtherSubject {
                subject,
                evidence: span_text(answer, &found),
            });
        }
    }
    None
}

fn matches(answer: &Normalized, found: &Found) -> Vec<Match> {
    found
        .hits
        .iter()
        .map(|hit| {
            let first = &answer.tokens[hit.start];
            let last = &answer.tokens[hit.end];
            let text = answer
                .text
                .get(first.start..last.end)
                .unwrap_or(&first.word)
                .to_string();
            Match {
                text,
                similarity: round2(hit.similarity),
                synonym: hit.synonym,
            }
        })
        .collect()
}

/// The answer's text from the first to the last word of an occurrence.
fn span_text(answer: &Normalized, found: &Found) -> String {
    let (start, end) = found.span();
    let (first, last) = (&answer.tokens[start], &answer.tokens[end]);
    answer
        .text
        .get(first.start..last.end)
        .unwrap_or_default()
        .to_string()
}

/// Rounds to one decimal, for scores people read.
pub fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

#[cfg(test)]
mod fixtures;
#[cfg(test)]
mod rules;
#[cfg(test)]
mod tests;
