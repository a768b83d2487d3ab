//! A bank question as the scorer reads it: its key points, pitfalls and
//! prompt compiled into a [`Rubric`]. Here, not in `score`, so that the
//! scorer knows nothing of banks: a bank question is one source of rubrics
//! among others (`score --reference` derives them from text).

use super::model::{Category, Question};
use crate::score::Rubric;
use crate::score::derive::Idf;
use crate::score::normalize::normalize;
use crate::score::rubric::{Builder, LIST_CAP};

impl Rubric {
    /// Compiles a bank question's rubric and pitfalls.
    pub fn from_question(q: &Question) -> Rubric {
        let mut builder = Builder::default();
        builder.full_marks_at(q.full_marks_at.unwrap_or(1.0));
        for point in &q.rubric {
            builder.point(&point.label, point.weight, &point.phrasings);
            builder.subject(&point.subject);
        }
        for pitfall in &q.pitfalls {
            builder.pitfall(&pitfall.label, pitfall.penalty, &pitfall.phrasings);
        }
        if explains(q) {
            builder.list_cap(LIST_CAP);
        }
        builder.prompt(&q.prompt);
        builder.build()
    }
}

/// Whether a question asks for an explanation, where a bare list of terms is
/// not an answer: technical and system-design questions, unless the prompt
/// starts with "list", "name" or "enumerate". Code (coding questions) and stories are
/// judged without the cap.
pub fn explains(q: &Question) -> bool {
    if !matches!(q.category, Category::Technical | Category::SystemDesign) {
        return false;
    }
    let prompt = q.prompt.trim_start().to_lowercase();
    let asks_for_list = ["list ", "name ", "enumerate "]
        .iter()
        .any(|cue| prompt.starts_with(cue));
    !asks_for_list
}

/// Word frequencies over the Python/Django track's prompts and model
/// answers: the background for derived rubrics, written ahead of time to
/// `data/idf.tsv` (a test checks the two agree). That track only, as when it
/// was the only one: a new track does not move every derived rubric's
/// weights.
pub fn background() -> Idf {
    let bank = super::Bank::load(&[], true)
        .and_then(|b| b.only_track(super::DEFAULT_TRACK))
        .unwrap_or_default();
    let mut idf = Idf::default();
    for q in bank.questions() {
        idf.add(&normalize(&format!("{} {}", q.prompt, q.model_answer)));
    }
    idf
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `data/idf.tsv` is the built-in bank's background; after the bank
    /// changes, `REHEARSE_WRITE_IDF=1 cargo test --lib stored_background`
    /// writes it again.
    #[test]
    fn the_stored_background_is_the_built_in_banks() {
        let counted = super::background();
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/idf.tsv");
        if std::env::var_os("REHEARSE_WRITE_IDF").is_some() {
            std::fs::write(path, counted.to_tsv()).unwrap();
            return;
        }
        let stored = Idf::parse(crate::score::derive::BUILTIN_IDF).expect("data/idf.tsv parses");
        assert!(
            stored == counted,
            "data/idf.tsv is out of date with the bank; run `REHEARSE_WRITE_IDF=1 cargo test --lib stored_background`"
        );
    }
}
