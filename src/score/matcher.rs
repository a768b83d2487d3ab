//! Finding phrasings in an answer: exact, stemmed, joined and fuzzy token
//! matches, then phrases whose tokens occur close together.

use super::normalize::{Normalized, Token, normalize};
use rustc_hash::FxHashMap as HashMap;

/// Most answer words allowed between two consecutive words of a phrase
/// ("select *only* the related rows" still matches "select related").
const MAX_GAP: usize = 3;

/// A word of a phrasing, ready to be looked up.
#[derive(Debug, Clone, PartialEq)]
pub struct PhraseToken {
    /// Lower-case surface form.
    pub word: String,
    /// Stemmed form.
    pub stem: String,
    /// Typos tolerated: 0 for short words, more as words get longer.
    pub max_edits: usize,
    /// Stems of words that mean the same (see `synonyms`).
    pub synonyms: &'static [String],
}

impl PhraseToken {
    fn new(token: &Token) -> PhraseToken {
        PhraseToken {
            word: token.word.clone(),
            stem: token.stem.clone(),
            max_edits: max_edits(&token.word),
            synonyms: super::synonyms::of(&token.stem),
        }
    }

    fn joined(tokens: &[&Token]) -> PhraseToken {
        let word: String = tokens.iter().map(|t| t.word.as_str()).collect();
        PhraseToken {
            stem: word.clone(),
            max_edits: max_edits(&word),
            synonyms: &[],
            word,
        }
    }
}

/// Typos a word of this length may carry and still match: none up to four
/// letters ("orm" never matches "for", "url" never "curl"), one up to seven,
/// two beyond. Words with digits or symbols (`n+1`, `o(n)`, `404`) are exact.
pub fn max_edits(word: &str) -> usize {
    if !word.chars().all(char::is_alphabetic) {
        return 0;
    }
    match word.chars().count() {
        0..=4 => 0,
        5..=7 => 1,
        _ => 2,
    }
}

/// A phrasing compiled into the words that must appear, as indices into the
/// rubric's shared vocabulary; `joined` is the variant written as one word
/// (`many to many` → `manytomany`).
#[derive(Debug, Clone, PartialEq)]
pub struct Phrase {
    /// The phrasing as written in the bank.
    pub text: String,
    /// Vocabulary indices of its content words, in order.
    pub tokens: Vec<usize>,
    /// Vocabulary index of the one-word variant, for two- and three-word phrases.
    pub joined: Option<usize>,
}

/// Words of all phrasings of a rubric, each stored once.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Vocabulary {
    tokens: Vec<PhraseToken>,
    lookup: HashMap<String, usize>,
}

impl Vocabulary {
    fn intern(&mut self, token: PhraseToken) -> usize {
        if let Some(&at) = self.lookup.get(&token.word) {
            return at;
        }
        self.lookup.insert(token.word.clone(), self.tokens.len());
        self.tokens.push(token);
        self.tokens.len() - 1
    }

    /// Compiles a phrasing; `None` when it has no words at all.
    pub fn phrase(&mut self, text: &str) -> Option<Phrase> {
        let normalized = normalize(text);
        let all: Vec<&Token> = normalized.tokens.iter().collect();
        let content: Vec<&Token> = all.iter().copied().filter(|t| !t.stop).collect();
        // A phrasing made only of function words keeps them (the validator
        // rejects such phrasings in banks; derived rubrics never make them).
        let used = if content.is_empty() { &all } else { &content };
        if used.is_empty() {
            return None;
        }
        let tokens = used
            .iter()
            .map(|t| self.intern(PhraseToken::new(t)))
            .collect::<Vec<_>>();
        let joinable = (2..=3).contains(&all.len())
            && all.iter().all(|t| t.word.chars().all(char::is_alphabetic));
        let joined = joinable.then(|| self.intern(PhraseToken::joined(&all)));
        Some(Phrase {
            text: text.to_string(),
            tokens,
            joined,
        })
    }

    /// Number of distinct words.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// Whether there are no words.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }
}

/// Where a vocabulary word was found: answer tokens `start..=end` (more than
/// one when joined words matched), and how close the match was (0–1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub similarity: f64,
    /// Matched through a synonym rather than the word itself.
    pub synonym: bool,
}

/// One occurrence of a phrase in the answer: a hit per phrase word.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub hits: Vec<Hit>,
}

impl Found {
    /// Mean similarity of the words.
    pub fn similarity(&self) -> f64 {
        if self.hits.is_empty() {
            return 0.0;
        }
        self.hits.iter().map(|h| h.similarity).sum::<f64>() / self.hits.len() as f64
    }

    /// First and last answer token covered.
    pub fn span(&self) -> (usize, usize) {
        let start = self.hits.iter().map(|h| h.start).min().unwrap_or(0);
        let end = self.hits.iter().map(|h| h.end).max().unwrap_or(0);
        (start, end)
    }
}

/// A distinct word of the answer and where it occurs.
struct Distinct<'a> {
    word: &'a str,
    positions: Vec<usize>,
}

/// An answer prepared for many look-ups.
pub struct AnswerIndex<'a> {
    /// The normalised answer.
    pub answer: &'a Normalized,
    by_stem: HashMap<&'a str, Vec<usize>>,
    by_word: HashMap<&'a str, Vec<usize>>,
    /// Distinct content words by first letter, for fuzzy and joined look-ups.
    by_first: HashMap<char, Vec<Distinct<'a>>>,
    /// Hits per vocabulary word, filled on first use.
    cache: Vec<Option<Vec<Hit>>>,
}

impl<'a> AnswerIndex<'a> {
    /// Indexes a normalised answer for a rubric whose vocabulary has `vocabulary_len` words.
    pub fn new(answer: &'a Normalized, vocabulary_len: usize) -> AnswerIndex<'a> {
        let tokens = &answer.tokens;
        let mut by_stem: HashMap<&str, Vec<usize>> = HashMap::default();
        let mut by_word: HashMap<&str, Vec<usize>> = HashMap::default();
        let mut distinct: HashMap<&str, Vec<usize>> = HashMap::default();
        for (i, t) in tokens.iter().enumerate() {
            by_stem.entry(t.stem.as_str()).or_default().push(i);
            if t.word != t.stem {
                by_word.entry(t.word.as_str()).or_default().push(i);
            }
            if !t.stop {
                distinct.entry(t.word.as_str()).or_default().push(i);
            }
        }
        let mut by_first: HashMap<char, Vec<Distinct>> = HashMap::default();
        for (word, positions) in distinct {
            if let Some(first) = word.chars().next() {
                by_first
                    .entry(first)
                    .or_default()
                    .push(Distinct { word, positions });
            }
        }
        AnswerIndex {
            answer,
            by_stem,
            by_word,
            by_first,
            cache: vec![None; vocabulary_len],
        }
    }

    /// Looks up every given vocabulary word not looked up yet.
    fn prepare(&mut self, vocabulary: &Vocabulary, words: &[usize]) {
        for &at in words {
            if self.cache[at].is_none() {
                let hits = self.lookup(&vocabulary.tokens[at]);
                self.cache[at] = Some(hits);
            }
        }
    }

    /// Every place a prepared vocabulary word occurs, in answer order.
    fn hits(&self, at: usize) -> &[Hit] {
        self.cache[at].as_deref().unwrap_or(&[])
    }

    fn lookup(&self, token: &PhraseToken) -> Vec<Hit> {
        let mut hits: Vec<Hit> = Vec::new();
        let exact = |i: &usize| Hit {
            start: *i,
            end: *i,
            similarity: 1.0,
            synonym: false,
        };
        if let Some(positions) = self.by_stem.get(token.stem.as_str()) {
            hits.extend(positions.iter().map(exact));
        }
        if let Some(positions) = self.by_word.get(token.word.as_str()) {
            hits.extend(positions.iter().map(exact));
        }
        self.joined(token, &mut hits);
        for synonym in token.synonyms {
            if let Some(positions) = self.by_stem.get(synonym.as_str()) {
                hits.extend(positions.iter().map(|&i| Hit {
                    start: i,
                    end: i,
                    similarity: super::synonyms::SYNONYM_SIMILARITY,
                    synonym: true,
                }));
            }
        }
        if token.max_edits > 0 {
            self.fuzzy(token, &mut hits);
        }
        hits.sort_by_key(|h| (h.start, h.end));
        hits.dedup_by(|b, a| {
            // Keep the better of two hits at the same place.
            if a.start == b.start && a.end == b.end {
                if b.similarity > a.similarity {
                    a.similarity = b.similarity;
                    a.synonym = b.synonym;
                }
                true
            } else {
                false
            }
        });
        hits
    }

    /// Adjacent answer words that, written together, make the phrase word:
    /// "many", "to", "many" for `manytomany`.
    fn joined(&self, token: &PhraseToken, hits: &mut Vec<Hit>) {
        let word = token.word.as_str();
        let Some(first) = word.chars().next() else {
            return;
        };
        let Some(candidates) = self.by_first.get(&first) else {
            return;
        };
        let tokens = &self.answer.tokens;
        for candidate in candidates {
            if candidate.word.len() >= word.len() || !word.starts_with(candidate.word) {
                continue;
            }
            for &start in &candidate.positions {
                let mut built = candidate.word.len();
                for (end, next) in tokens.iter().enumerate().skip(start + 1).take(2) {
                    if !word[built..].starts_with(next.word.as_str()) {
                        break;
                    }
                    built += next.word.len();
                    if built == word.len() {
                        hits.push(Hit {
                            start,
                            end,
                            similarity: 1.0,
                            synonym: false,
                        });
                        break;
                    }
                }
            }
        }
    }

    fn fuzzy(&self, token: &PhraseToken, hits: &mut Vec<Hit>) {
        let Some(first) = token.word.chars().next() else {
            return;
        };
        let Some(candidates) = self.by_first.get(&first) else {
            return;
        };
        let len = token.word.chars().count();
        for candidate in candidates {
            let candidate_len = candidate.word.chars().count();
            if candidate_len.abs_diff(len) > token.max_edits
                || candidate.word == token.word
                || max_edits(candidate.word) == 0
            {
                continue;
            }
            let distance = strsim::osa_distance(&token.word, candidate.word);
            if distance <= token.max_edits {
                let similarity = 1.0 - distance as f64 / len.max(candidate_len) as f64;
                hits.extend(candidate.positions.iter().map(|&i| Hit {
                    start: i,
                    end: i,
                    similarity,
                    synonym: false,
                }));
            }
        }
    }

    /// The best occurrence of `phrase`: its words in order with at most
    /// [`MAX_GAP`] words between them or, for short phrases when `loose`,
    /// in any order close together.
    pub fn find(&mut self, vocabulary: &Vocabulary, phrase: &Phrase, loose: bool) -> Option<Found> {
        self.prepare(vocabulary, &phrase.tokens);
        if let Some(joined) = phrase.joined {
            self.prepare(vocabulary, &[joined]);
        }
        let mut best: Option<Found> = None;
        let mut consider = |found: Found| {
            if best
                .as_ref()
                .is_none_or(|b| found.similarity() > b.similarity())
            {
                best = Some(found);
            }
        };
        if let Some(joined) = phrase.joined
            && let Some(hit) = self.hits(joined).iter().max_by(|a, b| {
                a.similarity
                    .total_cmp(&b.similarity)
                    .then(b.start.cmp(&a.start))
            })
        {
            consider(Found { hits: vec![*hit] });
        }
        if let Some(found) = self.ordered(&phrase.tokens) {
            consider(found);
        } else if loose
            && (2..=3).contains(&phrase.tokens.len())
            && let Some(found) = self.unordered(&phrase.tokens)
        {
            consider(found);
        }
        best
    }

    fn ordered(&self, tokens: &[usize]) -> Option<Found> {
        let lists: Vec<&[Hit]> = tokens.iter().map(|&t| self.hits(t)).collect();
        if lists.iter().any(|l| l.is_empty()) {
            return None;
        }
        let mut best: Option<Found> = None;
        for first in lists[0] {
            let mut chain = vec![*first];
            let mut end = first.end;
            for list in &lists[1..] {
                let from = list.partition_point(|h| h.start <= end);
                let to = list.partition_point(|h| h.start <= end + 1 + MAX_GAP);
                let next = list[from..to].iter().max_by(|a, b| {
                    a.similarity
                        .total_cmp(&b.similarity)
                        .then(b.start.cmp(&a.start))
                });
                match next {
                    Some(hit) => {
                        end = hit.end;
                        chain.push(*hit);
                    }
                    None => break,
                }
            }
            if chain.len() == lists.len() {
                let found = Found { hits: chain };
                let perfect = found.similarity() >= 1.0;
                if best
                    .as_ref()
                    .is_none_or(|b| found.similarity() > b.similarity())
                {
                    best = Some(found);
                }
                if perfect {
                    break;
                }
            }
        }
        best
    }

    fn unordered(&self, tokens: &[usize]) -> Option<Found> {
        let lists: Vec<&[Hit]> = tokens.iter().map(|&t| self.hits(t)).collect();
        if lists.iter().any(|l| l.is_empty()) {
            return None;
        }
        let window = MAX_GAP + tokens.len();
        for anchor in lists[0] {
            let mut chain = vec![*anchor];
            for list in &lists[1..] {
                let from = list.partition_point(|h| h.start + window < anchor.start);
                let to = list.partition_point(|h| h.start <= anchor.start + window);
                let near = list[from..to]
                    .iter()
                    .find(|h| !chain.iter().any(|c| c.start == h.start));
                match near {
                    Some(hit) => chain.push(*hit),
                    None => break,
                }
            }
            if chain.len() == lists.len() {
                return Some(Found { hits: chain });
            }
        }
        None
    }

    /// Whether a negation (not, never, n't, without…) stands just before or
    /// inside the span, in the same sentence.
    pub fn negated(&self, found: &Found) -> bool {
        let (start, end) = found.span();
        let tokens = &self.answer.tokens;
        let sentence = tokens[start].sentence;
        let from = start.saturating_sub(3);
        tokens[from..=end.min(tokens.len() - 1)]
            .iter()
            .any(|t| t.negation && t.sentence == sentence)
    }

    /// Whether the whole span lies in one sentence.
    pub fn one_sentence(&self, found: &Found) -> bool {
        let (start, end) = found.span();
        let tokens = &self.answer.tokens;
        tokens[start].sentence == tokens[end.min(tokens.len() - 1)].sentence
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether `phrasing` is found in `answer` (key-point rules: loose order allowed).
    fn found(phrasing: &str, answer: &str) -> bool {
        let mut vocabulary = Vocabulary::default();
        let Some(phrase) = vocabulary.phrase(phrasing) else {
            return false;
        };
        let normalized = normalize(answer);
        let mut index = AnswerIndex::new(&normalized, vocabulary.len());
        index.find(&vocabulary, &phrase, true).is_some()
    }

    #[test]
    fn matching_table() {
        let cases: &[(&str, &str, bool)] = &[
            // identifier forms
            ("select_related", "select related does a join", true),
            ("select_related", "use selectRelated()", true),
            ("select related", "qs.select_related('author')", true),
            ("manage.py", "run manage py migrate", true),
            ("null=True", "null = True on the field", true),
            ("null=True", "set null to True", true),
            // joined words
            ("many to many", "a ManyToManyField", true),
            ("manytomany", "for many-to-many relations", true),
            ("many to many", "for manytomany relations", true),
            // typos and word forms
            ("caching", "we cached the page", true),
            ("caching", "cacheing it", true),
            ("invalidation", "cache invalidatoin", true),
            ("serializer", "a serialiser class", true),
            ("queries", "one query per row", true),
            ("invalidation", "invalidate the key", true),
            ("middleware", "a middlewear class", true),
            // short words are exact only
            ("orm", "for each row", false),
            ("orm", "the ORM builds SQL", true),
            ("url", "curl the endpoint", false),
            ("get", "set the header", false),
            ("csrf", "cross site csrf token", true),
            // phrases: close together, in order or nearly
            ("sql join", "it performs a SQL inner join", true),
            (
                "sql join",
                "SQL is generated. Later, after many other words and more words, a join",
                false,
            ),
            (
                "reverse foreign key",
                "follow the foreign key in reverse",
                true,
            ),
            ("separate query", "runs a\nseparate\nquery", true),
            // meaningful punctuation
            ("n+1", "the N+1 problem", true),
            ("n+1", "n 1 problem", false),
            ("o(n)", "it is O(n) time", true),
            ("http 404", "returns HTTP 404", true),
            // unicode
            ("café", "le CAFÉ ☕", true),
        ];
        for &(phrasing, answer, expected) in cases {
            assert_eq!(
                found(phrasing, answer),
                expected,
                "{phrasing:?} in {answer:?}"
            );
        }
    }

    #[test]
    fn max_edits_grow_with_length() {
        assert_eq!(max_edits("orm"), 0);
        assert_eq!(max_edits("join"), 0);
        assert_eq!(max_edits("cache"), 1);
        assert_eq!(max_edits("serializer"), 2);
        assert_eq!(max_edits("n+1"), 0);
        assert_eq!(max_edits("404"), 0);
    }

    #[test]
    fn negation_is_seen_before_the_phrase() {
        let mut vocabulary = Vocabulary::default();
        let phrase = vocabulary.phrase("prefetch_related uses a join").unwrap();
        for (answer, negated) in [
            ("prefetch_related uses a join", false),
            ("prefetch_related never uses a join", true),
            ("prefetch_related doesn't use a join", true),
            ("No. prefetch_related uses a join", false),
        ] {
            let normalized = normalize(answer);
            let mut index = AnswerIndex::new(&normalized, vocabulary.len());
            let found = index.find(&vocabulary, &phrase, false).unwrap();
            assert_eq!(index.negated(&found), negated, "{answer}");
        }
    }
}
