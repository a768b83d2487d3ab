//! A rubric compiled for scoring: every phrasing normalised once, every word
//! stored once, so that scoring an answer does no work that depends only on
//! the question.

use super::matcher::{Phrase, Vocabulary};
use crate::bank::Question;

/// A key point ready for matching.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    /// Shown to the candidate.
    pub label: String,
    /// Relative importance.
    pub weight: f64,
    /// Compiled phrasings; any one covers the point.
    pub phrases: Vec<Phrase>,
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
}

impl Rubric {
    /// Compiles a bank question's rubric and pitfalls.
    pub fn from_question(q: &Question) -> Rubric {
        let mut builder = Builder::default();
        builder.full_marks_at(q.full_marks_at.unwrap_or(1.0));
        for point in &q.rubric {
            builder.point(&point.label, point.weight, &point.phrasings);
        }
        for pitfall in &q.pitfalls {
            builder.pitfall(&pitfall.label, pitfall.penalty, &pitfall.phrasings);
        }
        builder.build()
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
        });
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
    pub fn build(self) -> Rubric {
        self.rubric
    }
}
