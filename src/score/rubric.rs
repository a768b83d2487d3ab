//! A rubric compiled for scoring: every phrasing normalised once, every word
//! stored once, so that scoring an answer does no work that depends only on
//! the question.

use super::matcher::{AnswerIndex, Phrase, Vocabulary};
use super::normalize::normalize;
use std::collections::HashSet;

/// Most of the score (out of 100) that points covered only inside bare lists
/// of terms can earn, on questions that ask for an explanation.
pub const LIST_CAP: f64 = 30.0;

/// Share of a point's weight earned where it is only named in a bare list,
/// on questions that ask for an explanation (and lists together stay under
/// [`LIST_CAP`]).
pub const LIST_CREDIT: f64 = 0.5;

/// Share of a point's weight earned by a phrasing made only of words the
/// prompt itself uses: repeating the question shows little.
pub const ECHO_CREDIT: f64 = 0.25;

/// Share of a point's weight earned by only naming what the point is about
/// (`makemigrations`), without a phrasing that says what it does.
pub const NAME_CREDIT: f64 = 0.25;

/// How many of a point's own words one clause must use to say the point in
/// other words (see [`Point::own_words`]).
pub const OWN_WORDS: usize = 2;

/// Share of a point's weight earned by saying it in other words.
pub const OWN_WORDS_CREDIT: f64 = 0.5;

/// A key point ready for matching.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    /// Shown to the candidate.
    pub label: String,
    /// Relative importance.
    pub weight: f64,
    /// Compiled phrasings; any one covers the point.
    pub phrases: Vec<Phrase>,
    /// Indices into [`Rubric::subjects`] of the names of what this point is
    /// about; empty when it is not about one of several things.
    pub subjects: Vec<usize>,
    /// The point's own words (from its label and phrasings, one word each),
    /// less the prompt's, the subjects' names and words most points share:
    /// a statement using several of them says the point in other words.
    /// Each with its polarity: whether the point says it under negation
    /// ("*No SQL runs* until…"), as a statement must too; `None` when the
    /// point says it both ways.
    pub own_words: Vec<(Phrase, Option<bool>)>,
}

/// A misconception ready for matching.
#[derive(Debug, Clone, PartialEq)]
pub struct Trap {
    /// Shown to the candidate.
    pub label: String,
    /// Points taken off (out of 100) when asserted.
    pub penalty: f64,
    /// Compiled phrasings; any one asserts it.
    pub phrases: Vec<Phrase>,
}

/// A compiled rubric.
#[derive(Debug, Clone, PartialEq)]
pub struct Rubric {
    /// The key points.
    pub points: Vec<Point>,
    /// The pitfalls.
    pub pitfalls: Vec<Trap>,
    /// Words of every phrasing, shared.
    pub vocabulary: Vocabulary,
    /// Share of the total weight that earns full marks: 1 for hand-written
    /// rubrics (every point counts), less for rubrics derived from a
    /// reference answer, which list every word of it, not only the ones an
    /// answer needs.
    pub full_marks_at: f64,
    /// The names of the things the points are about (see [`Point::subjects`]).
    pub subjects: Vec<Phrase>,
    /// Most of the score that bare lists of terms earn; `None` where a list
    /// is a fine answer (code, or a question that asks for a list).
    pub list_cap: Option<f64>,
    /// Whether a phrasing counts only with its own polarity (plainly, or under
    /// negation when it says "not …"); off for rubrics derived word by word.
    pub polarity: bool,
    /// Stems of the prompt's words: a phrasing made only of them earns little
    /// where the answer's sentence merely repeats the question.
    pub prompt: HashSet<String>,
    /// Exponent applied to the covered share before it becomes a score: 1
    /// for hand-written rubrics (each point is worth its weight), below 1 for
    /// derived ones, where the first reference words an answer covers say
    /// more than the last (see [`super::derive::COVERAGE_CURVE`]).
    pub curve: f64,
    /// The subjects in the order the prompt names them (all names of each),
    /// so that "the first one" and "the latter" in an answer say which.
    pub in_prompt_order: Vec<Vec<usize>>,
}

impl Rubric {
    /// Whether a phrasing of `point` is made only of the prompt's words.
    pub fn echo_only(&self, point: usize) -> bool {
        self.points[point].phrases.iter().all(|p| p.echo)
    }

    /// Sum of the key points' weights.
    pub fn total_weight(&self) -> f64 {
        self.points.iter().map(|p| p.weight).sum()
    }
}

impl Default for Rubric {
    fn default() -> Rubric {
        Rubric {
            points: Vec::new(),
            pitfalls: Vec::new(),
            vocabulary: Vocabulary::default(),
            full_marks_at: 1.0,
            subjects: Vec::new(),
            list_cap: None,
            polarity: true,
            prompt: HashSet::new(),
            in_prompt_order: Vec::new(),
            curve: 1.0,
        }
    }
}

/// Builds a [`Rubric`] point by point.
#[derive(Debug, Default)]
pub struct Builder {
    rubric: Rubric,
}

impl Builder {
    /// Sets the share of the total weight that earns full marks.
    pub fn full_marks_at(&mut self, share: f64) {
        self.rubric.full_marks_at = share.clamp(0.05, 1.0);
    }

    /// Adds a key point.
    pub fn point<S: AsRef<str>>(&mut self, label: &str, weight: f64, phrasings: &[S]) {
        let phrases = self.phrases(phrasings);
        self.rubric.points.push(Point {
            label: label.to_string(),
            weight,
            phrases,
            subjects: Vec::new(),
            own_words: Vec::new(),
        });
    }

    /// Names what the last key point added is about: it counts only where
    /// the nearest of the rubric's subjects named around it is one of these.
    pub fn subject<S: AsRef<str>>(&mut self, names: &[S]) {
        let mut indices = Vec::new();
        for name in names {
            let name = name.as_ref();
            let existing = self
                .rubric
                .subjects
                .iter()
                .position(|p| p.text.eq_ignore_ascii_case(name));
            let at = match existing {
                Some(at) => Some(at),
                None => self.rubric.vocabulary.subject(name).map(|phrase| {
                    self.rubric.subjects.push(phrase);
                    self.rubric.subjects.len() - 1
                }),
            };
            indices.extend(at);
        }
        let (subjects, vocabulary) = (&self.rubric.subjects, &self.rubric.vocabulary);
        let stems = |phrase: &Phrase| -> Vec<String> {
            let mut stems: Vec<String> = phrase
                .tokens
                .iter()
                .map(|&t| vocabulary.stem(t).to_string())
                .collect();
            stems.sort();
            stems
        };
        if let Some(point) = self.rubric.points.last_mut() {
            for phrase in &mut point.phrases {
                let own = stems(phrase);
                phrase.name_only = indices.iter().any(|&at| {
                    let name = stems(&subjects[at]);
                    own.iter().all(|stem| name.contains(stem))
                });
            }
            point.subjects = indices;
        }
    }

    /// Bends the covered share into a score (see [`Rubric::curve`]).
    pub fn curve(&mut self, exponent: f64) {
        self.rubric.curve = exponent.clamp(0.1, 1.0);
    }

    /// Lets phrasings count whether or not the answer negates them.
    pub fn ignore_polarity(&mut self) {
        self.rubric.polarity = false;
    }

    /// Caps what bare lists of terms can earn.
    pub fn list_cap(&mut self, cap: f64) {
        self.rubric.list_cap = Some(cap);
    }

    /// Marks the phrasings made only of the prompt's own words: where the
    /// answer's sentence merely repeats the question, they earn little.
    pub fn prompt(&mut self, prompt: &str) {
        let asked: HashSet<String> = normalize(prompt)
            .tokens
            .into_iter()
            .filter(|t| !t.stop)
            .map(|t| t.stem.into_string())
            .collect();
        let vocabulary = &self.rubric.vocabulary;
        let echoes = |phrase: &Phrase| {
            phrase
                .tokens
                .iter()
                .all(|&t| asked.contains(vocabulary.stem(t)))
        };
        for point in &mut self.rubric.points {
            for phrase in &mut point.phrases {
                phrase.echo = echoes(phrase);
            }
        }
        self.rubric.prompt = asked;
        self.order_subjects(prompt);
    }

    /// Orders the points' subjects by where the prompt first names them.
    fn order_subjects(&mut self, prompt: &str) {
        let rubric = &mut self.rubric;
        let prompt = normalize(prompt);
        let mut index = AnswerIndex::new(&prompt, rubric.vocabulary.len());
        let mut first: Vec<(usize, Vec<usize>)> = Vec::new();
        let mut seen: Vec<&[usize]> = Vec::new();
        for point in &rubric.points {
            let group = point.subjects.as_slice();
            if group.is_empty() || seen.iter().any(|g| g.iter().any(|s| group.contains(s))) {
                continue;
            }
            seen.push(group);
            let at = group
                .iter()
                .flat_map(|&name| index.all(&rubric.vocabulary, &rubric.subjects[name]))
                .map(|found| found.span().0)
                .min();
            if let Some(at) = at {
                first.push((at, group.to_vec()));
            }
        }
        first.sort();
        rubric.in_prompt_order = first.into_iter().map(|(_, group)| group).collect();
    }

    /// Adds a pitfall.
    pub fn pitfall<S: AsRef<str>>(&mut self, label: &str, penalty: f64, phrasings: &[S]) {
        let phrases = self.phrases(phrasings);
        self.rubric.pitfalls.push(Trap {
            label: label.to_string(),
            penalty,
            phrases,
        });
    }

    fn phrases<S: AsRef<str>>(&mut self, phrasings: &[S]) -> Vec<Phrase> {
        phrasings
            .iter()
            .filter_map(|p| self.rubric.vocabulary.phrase(p.as_ref()))
            .collect()
    }

    /// The finished rubric.
    pub fn build(mut self) -> Rubric {
        if self.rubric.polarity {
            self.own_words();
        }
        self.rubric
    }

    /// Collects each point's own words (see [`Point::own_words`]).
    fn own_words(&mut self) {
        let rubric = &mut self.rubric;
        let names: HashSet<String> = rubric
            .subjects
            .iter()
            .flat_map(|name| normalize(&name.text).tokens)
            .map(|t| t.stem.into_string())
            .collect();
        // (stem, word, said under negation, said both ways)
        let mut words: Vec<Vec<(String, String, bool, bool)>> =
            Vec::with_capacity(rubric.points.len());
        for point in &rubric.points {
            let texts = std::iter::once(point.label.as_str())
                .chain(point.phrases.iter().map(|p| p.text.as_str()));
            let mut own: Vec<(String, String, bool, bool)> = Vec::new();
            for token in texts.flat_map(|text| normalize(text).tokens) {
                let meaningful = !token.stop
                    && !token.negation
                    && token.word.len() >= 3
                    && token.word.chars().all(char::is_alphabetic)
                    && !GENERIC.contains(&token.word.as_str())
                    && !rubric.prompt.contains(token.stem.as_str())
                    && !names.contains(token.stem.as_str());
                if !meaningful {
                    continue;
                }
                match own.iter_mut().find(|(stem, ..)| *stem == token.stem) {
                    Some(seen) => seen.3 |= seen.2 != token.negated,
                    None => own.push((
                        token.stem.into_string(),
                        token.word.into_string(),
                        token.negated,
                        false,
                    )),
                }
            }
            words.push(own);
        }
        // A word most points use says which topic, not which point.
        let shared = (rubric.points.len() / 3).max(2);
        let count = |stem: &str| {
            words
                .iter()
                .filter(|w| w.iter().any(|(s, ..)| s == stem))
                .count()
        };
        // A word the point says both ways has no polarity to check.
        let kept: Vec<Vec<(String, Option<bool>)>> = words
            .iter()
            .map(|own| {
                own.iter()
                    .filter(|(stem, ..)| count(stem) <= shared)
                    .map(|(_, word, negated, both)| (word.clone(), (!both).then_some(*negated)))
                    .collect()
            })
            .collect();
        for (point, own) in rubric.points.iter_mut().zip(kept) {
            point.own_words = own
                .iter()
                .filter_map(|(word, negated)| rubric.vocabulary.phrase(word).map(|p| (p, *negated)))
                .collect();
        }
    }
}

/// Words too common in explanations to say which point is meant.
const GENERIC: &[&str] = &[
    "use",
    "used",
    "uses",
    "using",
    "make",
    "makes",
    "get",
    "gets",
    "thing",
    "things",
    "way",
    "ways",
    "also",
    "just",
    "like",
    "one",
    "two",
    "django",
    "python",
    "code",
    "work",
    "works",
    "need",
    "needs",
    "want",
    "instead",
    "rather",
    "usually",
    "often",
    "always",
    "every",
    "each",
    "lets",
    "let",
    "new",
    "same",
    "different",
    "whole",
    "rather",
    "well",
    "good",
    "bad",
];
