//! Session records, their markdown transcripts, and the folder they live in.

pub mod legacy;
pub mod markdown;
pub mod record;
pub mod store;
pub mod words;

use crate::bank::Category;
use crate::preset::Preset;
use record::{Asked, CategorySummary, State, Summary};

/// What stands in for the verdict of an interview not finished: a mean
/// over the first questions says nothing about the level.
pub const NO_VERDICT: &str = "no verdict for an unfinished interview";

/// Per-category and overall scores of the questions done so far, with the
/// verdict for the preset; `None` before any question is done.
pub fn summarize(questions: &[Asked], preset: &Preset) -> Option<Summary> {
    let done: Vec<(&Asked, f64)> = questions
        .iter()
        .filter_map(|q| q.counted_score().map(|s| (q, s)))
        .collect();
    if done.is_empty() {
        return None;
    }
    let overall =
        crate::score::round1(done.iter().map(|(_, s)| s).sum::<f64>() / done.len() as f64);
    let categories = Category::ALL
        .iter()
        .filter_map(|category| {
            let mine: Vec<&(&Asked, f64)> = done
                .iter()
                .filter(|(q, _)| q.category == *category)
                .collect();
            let asked = questions.iter().filter(|q| q.category == *category).count();
            if asked == 0 {
                return None;
            }
            let mean = if mine.is_empty() {
                0.0
            } else {
                crate::score::round1(mine.iter().map(|(_, s)| s).sum::<f64>() / mine.len() as f64)
            };
            Some(CategorySummary {
                category: *category,
                asked,
                answered: mine
                    .iter()
                    .filter(|(q, _)| q.state == State::Answered)
                    .count(),
                done: mine.len(),
                mean,
            })
        })
        .collect();
    Some(Summary {
        overall,
        verdict: preset.verdict(overall),
        categories,
    })
}
