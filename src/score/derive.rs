//! Rubrics derived from a reference answer, for questions that have no
//! hand-written rubric (`rehearse score --reference`, `rehearse eval`).
//!
//! Every content word of the reference becomes a key point weighted by how
//! informative it is (inverse document frequency over a collection of
//! texts); words the question itself uses are demoted, because answers echo
//! the question whether or not they understood it. Nothing here learns from
//! grades.

use super::normalize::{Normalized, normalize};
use super::rubric::{Builder, Rubric};
use std::collections::{HashMap, HashSet};

/// Weight factor for reference words that the question already contains.
const QUESTION_WORD_FACTOR: f64 = 0.3;

/// A derived rubric lists every content word of the reference; an answer
/// that covers this share of their weight has said what the reference says.
pub const FULL_MARKS_AT: f64 = 0.5;

/// Exponent that turns the covered share of a derived rubric into a score.
/// A reference lists every word it uses, the essential and the incidental;
/// the first ones an answer covers carry most of what a grader looks for,
/// so a score rises quickly at first and then levels off (a quarter of
/// full marks' weight scores 38, half scores 62).
pub const COVERAGE_CURVE: f64 = 0.7;

/// Weight factor for tokens with fewer than two letters: single letters
/// (node names, variables, the `e` of "e.g."), bare numbers and formula
/// fragments. They are matched exactly and any answer on the topic names
/// them, so alone they say little about understanding.
const SYMBOL_FACTOR: f64 = 0.1;

/// Key points a long reference may list before the share that earns full
/// marks shrinks: an answer of a few sentences covers about half of this
/// many reference words, however long the reference is.
const LONG_REFERENCE_POINTS: f64 = 60.0;

/// Document frequencies of word stems over a collection of texts.
/// The built-in background, written by [`Idf::to_tsv`].
pub const BUILTIN_IDF: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/idf.tsv"));

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Idf {
    df: HashMap<String, u32>,
    docs: u32,
}

impl Idf {
    /// Counts one text of the collection.
    pub fn add(&mut self, text: &Normalized) {
        self.docs += 1;
        let stems: HashSet<&str> = text
            .tokens
            .iter()
            .filter(|t| !t.stop)
            .map(|t| t.stem.as_str())
            .collect();
        for stem in stems {
            *self.df.entry(stem.to_string()).or_default() += 1;
        }
    }

    /// Builds the table from many texts.
    pub fn from_texts<'a>(texts: impl IntoIterator<Item = &'a str>) -> Idf {
        let mut idf = Idf::default();
        for text in texts {
            idf.add(&normalize(text));
        }
        idf
    }

    /// How informative a stem is: rare in the collection means high.
    pub fn weight(&self, stem: &str) -> f64 {
        let df = f64::from(self.df.get(stem).copied().unwrap_or(0));
        ((f64::from(self.docs) + 1.0) / (df + 1.0)).ln() + 1.0
    }

    /// Frequencies over the built-in bank's prompts and model answers:
    /// general developer English, the background for derived rubrics. Read
    /// from `data/idf.tsv`, written ahead of time from the bank (a test
    /// checks the two agree and rewrites the file when asked).
    pub fn builtin() -> &'static Idf {
        static IDF: std::sync::OnceLock<Idf> = std::sync::OnceLock::new();
        IDF.get_or_init(|| Idf::parse(BUILTIN_IDF).unwrap_or_default())
    }

    /// The table as text: `docs N`, then `stem<TAB>count` lines by stem.
    pub fn to_tsv(&self) -> String {
        let mut stems: Vec<(&String, &u32)> = self.df.iter().collect();
        stems.sort();
        let mut out = format!("docs\t{}\n", self.docs);
        for (stem, count) in stems {
            out.push_str(&format!("{stem}\t{count}\n"));
        }
        out
    }

    /// Reads [`Idf::to_tsv`]'s text; `None` when it is not that.
    pub fn parse(text: &str) -> Option<Idf> {
        let mut lines = text.lines();
        let docs = lines.next()?.strip_prefix("docs\t")?.parse().ok()?;
        let mut df = HashMap::new();
        for line in lines {
            let (stem, count) = line.split_once('\t')?;
            df.insert(stem.to_string(), count.parse().ok()?);
        }
        Some(Idf { df, docs })
    }

    /// Number of texts counted.
    pub fn docs(&self) -> u32 {
        self.docs
    }
}

/// One content word of a reference and how much it weighs in a derived
/// rubric.
#[derive(Debug, Clone, PartialEq)]
pub struct Weighted {
    /// The word as first written.
    pub word: String,
    pub weight: f64,
    /// Whether the question uses it too (its weight is then demoted).
    pub asked: bool,
}

/// Each content word of `reference` once (by stem, as first written), with
/// its weight: how informative it is, demoted when `question` uses it or
/// when it is a symbol.
pub fn weighted_words(reference: &str, question: &str, idf: &Idf) -> Vec<Weighted> {
    let reference = normalize(reference);
    let question = normalize(question);
    let asked: HashSet<&str> = question.tokens.iter().map(|t| t.stem.as_str()).collect();
    let mut seen = HashSet::new();
    let mut words = Vec::new();
    for token in reference.tokens.iter().filter(|t| !t.stop) {
        if !seen.insert(token.stem.as_str()) {
            continue;
        }
        let mut weight = idf.weight(&token.stem);
        let in_question = asked.contains(token.stem.as_str());
        if in_question {
            weight *= QUESTION_WORD_FACTOR;
        }
        if is_symbol(&token.word) {
            weight *= SYMBOL_FACTOR;
        }
        words.push(Weighted {
            word: token.word.to_string(),
            weight,
            asked: in_question,
        });
    }
    words
}

/// Derives a rubric from `reference`, demoting the words of `question`.
pub fn derive(reference: &str, question: &str, idf: &Idf) -> Rubric {
    let words = weighted_words(reference, question, idf);
    let mut builder = Builder::default();
    for w in &words {
        builder.point(&w.word, w.weight, std::slice::from_ref(&w.word));
    }
    builder.full_marks_at(full_marks_share(words.len()));
    // A single word of the reference is not a claim: answers say the same
    // thing with or without a negation ("if none is provided" = "when the
    // class does not include one"), so derived points ignore polarity.
    builder.ignore_polarity();
    builder.curve(COVERAGE_CURVE);
    builder.build()
}

/// A token with fewer than two letters: `a`, `x`, `42`, `0.5`.
fn is_symbol(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() < 2
}

/// Share of the weight that earns full marks for a rubric of `points` key
/// points: [`FULL_MARKS_AT`] up to [`LONG_REFERENCE_POINTS`], then falling
/// with the square root of the length, so that a complete answer to a long
/// reference is not held to covering half of a page.
pub fn full_marks_share(points: usize) -> f64 {
    let points = points.max(1) as f64;
    FULL_MARKS_AT * (LONG_REFERENCE_POINTS / points).sqrt().min(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::score;

    #[test]
    fn rare_words_weigh_more_than_common_ones() {
        let idf = Idf::from_texts([
            "the function returns a value",
            "a function calls another function",
            "recursion is a function calling itself",
        ]);
        assert!(idf.weight("recurs") > idf.weight("function"));
        assert!(idf.weight("never-seen") > idf.weight("recurs"));
    }

    #[test]
    fn question_words_are_demoted() {
        let idf = Idf::default();
        let rubric = derive("A stack is last in, first out", "What is a stack?", &idf);
        let stack = rubric.points.iter().find(|p| p.label == "stack").unwrap();
        let last = rubric.points.iter().find(|p| p.label == "last").unwrap();
        assert!(stack.weight < last.weight);
    }

    #[test]
    fn single_letters_and_numbers_weigh_little() {
        let idf = Idf::default();
        let rubric = derive("Node X forwards 3 packets to Y", "", &idf);
        let weight = |label: &str| {
            rubric
                .points
                .iter()
                .find(|p| p.label == label)
                .map(|p| p.weight)
                .unwrap()
        };
        for (symbol, word) in [("x", "node"), ("3", "packets"), ("y", "forwards")] {
            assert!(weight(symbol) < 0.2 * weight(word), "{symbol} vs {word}");
        }
        // An answer naming only the letters and numbers earns less than half
        // of what one naming a single content word does.
        let letters = score(&rubric, "X 3 Y").score;
        let node = score(&rubric, "a node").score;
        assert!(letters < node / 2.0, "{letters} vs {node}");
    }

    #[test]
    fn covering_a_reference_levels_off() {
        let idf = Idf::default();
        let rubric = derive("alpha beta gamma delta epsilon zeta eta theta", "", &idf);
        // Full marks at half the weight: a quarter of it is half-way there
        // and more, the first words counting for more than the last.
        let two = score(&rubric, "alpha beta").score;
        let four = score(&rubric, "alpha beta gamma delta").score;
        assert!((60.0..65.0).contains(&two), "{two}");
        assert_eq!(four, 100.0);
        let hand_written = {
            let mut builder = Builder::default();
            builder.point("alpha", 1.0, &["alpha"]);
            builder.point("beta", 1.0, &["beta"]);
            builder.build()
        };
        assert_eq!(score(&hand_written, "alpha").score, 50.0);
    }

    #[test]
    fn long_references_need_a_smaller_share_for_full_marks() {
        let cases = [
            (1, FULL_MARKS_AT),
            (10, FULL_MARKS_AT),
            (60, FULL_MARKS_AT),
            (240, FULL_MARKS_AT / 2.0),
        ];
        for (points, share) in cases {
            assert!((full_marks_share(points) - share).abs() < 1e-9, "{points}");
        }
        let long: Vec<String> = (0..240).map(|i| format!("word{i}")).collect();
        let rubric = derive(&long.join(" "), "", &Idf::default());
        assert!((rubric.full_marks_at - FULL_MARKS_AT / 2.0).abs() < 1e-9);
    }

    #[test]
    fn derived_rubric_scores_answers_by_the_reference_words_they_use() {
        let idf = Idf::default();
        let rubric = derive("A stack is last in, first out", "What is a stack?", &idf);
        let good = score(&rubric, "Last in first out: the stack pops what came last");
        let poor = score(&rubric, "It stores things");
        assert!(good.score > 90.0, "{}", good.score);
        assert_eq!(poor.score, 0.0);
    }
}
