//! What a question's phrasings become once the scorer has compiled them: the
//! words each one requires and how they must be found. `bank show --compiled`
//! prints it, and `bank validate` warns about phrasings that compile to
//! something their author did not mean.

use super::model::{Category, Question};
use crate::score::Rubric;
use crate::score::matcher::compile;
use serde::Serialize;
use std::collections::HashSet;

/// A question's rubric and pitfalls as the scorer reads them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompiledQuestion {
    /// The key points, in bank order.
    pub rubric: Vec<CompiledPoint>,
    /// The pitfalls, in bank order.
    pub pitfalls: Vec<CompiledPitfall>,
}

/// A key point as the scorer reads it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompiledPoint {
    /// The point's label.
    pub label: String,
    /// The names of what the point is about, as written.
    pub subject: Vec<String>,
    /// Each phrasing, in bank order.
    pub phrasings: Vec<CompiledPhrasing>,
}

/// A pitfall as the scorer reads it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompiledPitfall {
    /// The pitfall's label.
    pub label: String,
    /// Each phrasing, in bank order.
    pub phrasings: Vec<CompiledPhrasing>,
}

/// One phrasing after normalisation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompiledPhrasing {
    /// The phrasing as written in the bank.
    pub text: String,
    /// The words that must be found, lower-cased, in order; empty when the
    /// phrasing has no words the scorer can look for (it never matches).
    pub words: Vec<String>,
    /// The stems of those words: what exact matching compares.
    pub stems: Vec<String>,
    /// The required words that are not function words.
    #[serde(skip)]
    pub content: Vec<String>,
    /// The negators set aside as its polarity (`not`, `never`, `without`).
    pub negators: Vec<String>,
    /// Every required word is a function word (`the`, `it`, `by`).
    pub function_words_only: bool,
    /// Found only where the answer negates its words.
    pub negated: bool,
    /// Its words must stand together, in order.
    pub tight: bool,
    /// It must be written as one identifier (`on_delete`).
    pub identifier: bool,
    /// Key points only: every word is a word of the prompt, so it earns a
    /// quarter of the point where the answer's sentence only repeats the
    /// question.
    pub echo: bool,
}

impl CompiledPhrasing {
    /// Compiles one phrasing; `prompt` holds the stems of the prompt's
    /// content words (empty for pitfalls, which have no echoes).
    pub fn new(text: &str, prompt: &HashSet<String>) -> CompiledPhrasing {
        let normalized = crate::score::normalize::normalize(text);
        let negators: Vec<String> = normalized
            .tokens
            .iter()
            .filter(|t| t.negation)
            .map(|t| t.word.to_string())
            .collect();
        match compile(text) {
            Some((used, _, compiled)) => CompiledPhrasing {
                text: text.to_string(),
                stems: used.iter().map(|t| t.stem.to_string()).collect(),
                content: used
                    .iter()
                    .filter(|t| !t.stop)
                    .map(|t| t.word.to_string())
                    .collect(),
                function_words_only: !compiled.same_word && used.iter().all(|t| t.stop),
                echo: !prompt.is_empty() && used.iter().all(|t| prompt.contains(t.stem.as_str())),
                words: compiled.words,
                negators,
                negated: compiled.negated,
                tight: compiled.tight,
                identifier: compiled.same_word,
            },
            None => CompiledPhrasing {
                text: text.to_string(),
                words: Vec::new(),
                stems: Vec::new(),
                content: Vec::new(),
                function_words_only: true,
                negated: negators.len() % 2 == 1,
                negators,
                tight: false,
                identifier: false,
                echo: false,
            },
        }
    }
}

/// Compiles every phrasing of a question (nothing for choice questions,
/// which are judged by their answer).
pub fn compile_question(q: &Question) -> CompiledQuestion {
    if q.category == Category::Choice {
        return CompiledQuestion {
            rubric: Vec::new(),
            pitfalls: Vec::new(),
        };
    }
    // The rubric's own record of the prompt's stems, so that `echo` here is
    // the scorer's `echo`.
    let prompt = Rubric::from_question(q).prompt;
    let none = HashSet::new();
    CompiledQuestion {
        rubric: q
            .rubric
            .iter()
            .map(|point| CompiledPoint {
                label: point.label.clone(),
                subject: point.subject.clone(),
                phrasings: point
                    .phrasings
                    .iter()
                    .map(|p| CompiledPhrasing::new(p, &prompt))
                    .collect(),
            })
            .collect(),
        pitfalls: q
            .pitfalls
            .iter()
            .map(|pitfall| CompiledPitfall {
                label: pitfall.label.clone(),
                phrasings: pitfall
                    .phrasings
                    .iter()
                    .map(|p| CompiledPhrasing::new(p, &none))
                    .collect(),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrasing(text: &str, prompt: &str) -> CompiledPhrasing {
        let asked: HashSet<String> = crate::score::normalize::normalize(prompt)
            .tokens
            .into_iter()
            .filter(|t| !t.stop)
            .map(|t| t.stem.into_string())
            .collect();
        CompiledPhrasing::new(text, &asked)
    }

    #[test]
    fn phrasings_compile_to_words_and_flags() {
        // (phrasing, prompt, words, negated, tight, identifier, echo)
        type Case = (
            &'static str,
            &'static str,
            &'static [&'static str],
            bool,
            bool,
            bool,
            bool,
        );
        let cases: &[Case] = &[
            (
                "select_related",
                "",
                &["select", "related"],
                false,
                false,
                false,
                false,
            ),
            ("not null", "", &["null"], true, false, false, false),
            ("group by", "", &["group", "by"], false, true, false, false),
            ("on_delete", "", &["on", "delete"], false, true, true, false),
            (
                "lazy QuerySet",
                "Why is a QuerySet lazy?",
                &["lazy", "query", "set"],
                false,
                false,
                false,
                true,
            ),
            (
                "deferred execution",
                "Why is a QuerySet lazy?",
                &["deferred", "execution"],
                false,
                false,
                false,
                false,
            ),
            ("never", "", &[], true, false, false, false),
        ];
        let mut failures = Vec::new();
        for &(text, prompt, words, negated, tight, identifier, echo) in cases {
            let c = phrasing(text, prompt);
            let got = (c.words.clone(), c.negated, c.tight, c.identifier, c.echo);
            let want = (
                words.iter().map(|w| w.to_string()).collect::<Vec<_>>(),
                negated,
                tight,
                identifier,
                echo,
            );
            if got != want {
                failures.push(format!("{text:?}: got {got:?}, want {want:?}"));
            }
        }
        assert!(failures.is_empty(), "{failures:#?}");
    }

    #[test]
    fn stems_are_what_exact_matching_compares() {
        let c = phrasing("cached results", "");
        assert_eq!(c.stems, ["cach", "result"]);
        assert!(!c.function_words_only);
        assert!(phrasing("without it", "").function_words_only);
        assert_eq!(phrasing("without it", "").negators, ["without"]);
    }
}
