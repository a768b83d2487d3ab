//! Finding phrasings in an answer: exact, stemmed, joined and fuzzy token
//! matches, then phrases whose tokens occur close together.

use super::normalize::{Normalized, Token, normalize};
use compact_str::CompactString;
use rustc_hash::FxHashMap as HashMap;

/// Most answer words allowed between two consecutive words of a phrase
/// ("select *only* the related rows" still matches "select related").
const MAX_GAP: usize = 3;

/// A word of a phrasing, ready to be looked up.
#[derive(Debug, Clone, PartialEq)]
pub struct PhraseToken {
    /// Lower-case surface form.
    pub word: CompactString,
    /// Stemmed form.
    pub stem: CompactString,
    /// Typos tolerated: 0 for short words, more as words get longer.
    pub max_edits: usize,
    /// Stems of words that mean the same (see `synonyms`).
    pub synonyms: &'static [String],
    /// Matched as written (or with a typo), not by stem or synonym: the names
    /// of subjects, where `migrate` must not meet `migration`.
    pub exact: bool,
}

impl PhraseToken {
    fn new(token: &Token) -> PhraseToken {
        PhraseToken {
            word: token.word.clone(),
            stem: token.stem.clone(),
            max_edits: max_edits(&token.word),
            synonyms: super::synonyms::of(&token.stem),
            exact: false,
        }
    }

    fn joined(tokens: &[&Token]) -> PhraseToken {
        let word: CompactString = tokens.iter().map(|t| t.word.as_str()).collect();
        PhraseToken {
            stem: word.clone(),
            max_edits: max_edits(&word),
            synonyms: &[],
            exact: false,
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

/// The edits (insertions, deletions, substitutions, swaps of neighbours:
/// optimal string alignment) between two words, if at most `limit`.
/// Stops as soon as every alignment needs more; plain ASCII words of up to
/// 63 letters are compared on the stack, others by `strsim`.
pub fn edits_within(a: &str, b: &str, limit: usize) -> Option<usize> {
    const MAX: usize = 63;
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if !(a.is_ascii() && b.is_ascii() && a.len() <= MAX && b.len() <= MAX) {
        let a = std::str::from_utf8(a).unwrap_or_default();
        let b = std::str::from_utf8(b).unwrap_or_default();
        let distance = strsim::osa_distance(a, b);
        return (distance <= limit).then_some(distance);
    }
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    // Three rows of the alignment table: two back, the last and this one.
    // Distances stay under 64: bytes are enough, and little to clear.
    let mut rows = [[0u8; MAX + 1]; 3];
    for (j, cell) in (0u8..).zip(rows[0].iter_mut()).take(b.len() + 1) {
        *cell = j;
    }
    for i in 1..=a.len() {
        let (this, last, back) = (i % 3, (i + 2) % 3, (i + 1) % 3);
        // At most 63: the words are.
        rows[this][0] = i as u8;
        let mut best = rows[this][0];
        for j in 1..=b.len() {
            let cost = u8::from(a[i - 1] != b[j - 1]);
            let mut cell = (rows[last][j] + 1)
                .min(rows[this][j - 1] + 1)
                .min(rows[last][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                cell = cell.min(rows[back][j - 2] + 1);
            }
            rows[this][j] = cell;
            best = best.min(cell);
        }
        if usize::from(best) > limit {
            return None;
        }
    }
    let distance = usize::from(rows[a.len() % 3][b.len()]);
    (distance <= limit).then_some(distance)
}

/// A phrasing compiled into the words that must appear, as indices into the
/// rubric's shared vocabulary; `joined` is the variant written as one word
/// (`many to many` → `manytomany`).
#[derive(Debug, Clone, PartialEq)]
pub struct Phrase {
    /// The phrasing as written in the bank.
    pub text: String,
    /// Vocabulary indices of its words, in order: its content words, plus
    /// the function words that carry its meaning (`group by`, `on_delete`).
    pub tokens: Vec<usize>,
    /// Vocabulary index of the one-word variant, for two- and three-word phrases.
    pub joined: Option<usize>,
    /// The phrasing states a negation ("not null", "without a join"): it is
    /// found only where the answer negates its words.
    pub negated: bool,
    /// Its words must stand next to each other (at most one word between),
    /// in order: phrasings that keep function words (`group by`).
    pub tight: bool,
    /// An identifier whose parts include a function word (`on_delete`,
    /// `is_valid`): found only written as one identifier, never as the
    /// loose English words ("I delete …", "the form is valid").
    pub same_word: bool,
    /// Every word of it is a word of the question's prompt (set by the rubric).
    pub echo: bool,
    /// It is only the name of what its point is about (`makemigrations` for
    /// "makemigrations writes migration files"): naming a thing does not say
    /// what it does (set by the rubric).
    pub name_only: bool,
}

/// How a phrasing reads once normalised: what [`Vocabulary::phrase`] keeps.
#[derive(Debug, Clone, PartialEq)]
pub struct Compiled {
    /// The words that must be found, in order.
    pub words: Vec<String>,
    /// It states a negation.
    pub negated: bool,
    /// Its words must stand together.
    pub tight: bool,
    /// It must be written as one identifier.
    pub same_word: bool,
}

/// Splits a phrasing into the words it requires, keeping negators (as the
/// phrase's polarity), the function words inside identifiers, and the
/// function words of a phrase that would otherwise shrink to a single word.
pub fn compile(text: &str) -> Option<(Vec<Token>, Vec<Token>, Compiled)> {
    let normalized = normalize(text);
    let all: Vec<&Token> = normalized.tokens.iter().collect();
    let negators = all.iter().filter(|t| t.negation).count();
    let words: Vec<&Token> = all.iter().copied().filter(|t| !t.negation).collect();
    let parts = |t: &Token| words.iter().filter(|u| u.word_id == t.word_id).count();
    let in_identifier = |t: &Token| parts(t) > 1;
    let content: Vec<&Token> = words
        .iter()
        .copied()
        .filter(|t| !t.stop || in_identifier(t))
        .collect();
    // Snake case and dotted names only: `ManyToManyField` may be typed as
    // the words "many to many field".
    let snake = |t: &Token| {
        let group: Vec<&&Token> = words.iter().filter(|u| u.word_id == t.word_id).collect();
        let (first, last) = (group[0], group[group.len() - 1]);
        normalized
            .text
            .get(first.start..last.end)
            .is_some_and(|s| s.contains(['_', '.']))
    };
    let same_word = words.iter().any(|t| t.stop && in_identifier(t) && snake(t));
    // "group by", "on delete": dropping the small word would leave one
    // common word that means something else.
    let shrinks = content.len() <= 1 && words.len() >= 2;
    let (used, tight) = if content.is_empty() || shrinks {
        (words.clone(), words.len() >= 2)
    } else {
        (content, same_word)
    };
    if used.is_empty() {
        return None;
    }
    let compiled = Compiled {
        words: used.iter().map(|t| t.word.to_string()).collect(),
        negated: negators % 2 == 1,
        tight,
        same_word,
    };
    let written: Vec<Token> = words.into_iter().cloned().collect();
    Some((used.into_iter().cloned().collect(), written, compiled))
}

/// Words of all phrasings of a rubric, each stored once.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Vocabulary {
    tokens: Vec<PhraseToken>,
    lookup: HashMap<(CompactString, bool), usize>,
}

impl Vocabulary {
    fn intern(&mut self, token: PhraseToken) -> usize {
        let key = (token.word.clone(), token.exact);
        if let Some(&at) = self.lookup.get(&key) {
            return at;
        }
        self.lookup.insert(key, self.tokens.len());
        self.tokens.push(token);
        self.tokens.len() - 1
    }

    /// Compiles a phrasing; `None` when it has no words at all.
    pub fn phrase(&mut self, text: &str) -> Option<Phrase> {
        self.compile_phrase(text, false)
    }

    /// Compiles the name of a subject: its words are matched as written.
    pub fn subject(&mut self, text: &str) -> Option<Phrase> {
        self.compile_phrase(text, true)
    }

    fn compile_phrase(&mut self, text: &str, exact: bool) -> Option<Phrase> {
        let (used, written, compiled) = compile(text)?;
        let tokens = used
            .iter()
            .map(|t| {
                let mut token = PhraseToken::new(t);
                token.exact = exact;
                if exact {
                    token.synonyms = &[];
                }
                self.intern(token)
            })
            .collect::<Vec<_>>();
        let joinable = (2..=3).contains(&written.len())
            && !compiled.negated
            && written
                .iter()
                .all(|t| t.word.chars().all(char::is_alphabetic));
        let refs: Vec<&Token> = written.iter().collect();
        let joined = joinable.then(|| self.intern(PhraseToken::joined(&refs)));
        Some(Phrase {
            text: text.to_string(),
            tokens,
            joined,
            negated: compiled.negated,
            tight: compiled.tight,
            same_word: compiled.same_word,
            echo: false,
            name_only: false,
        })
    }

    /// The stem of a vocabulary word.
    pub fn stem(&self, at: usize) -> &str {
        &self.tokens[at].stem
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

/// A distinct content word of the answer.
struct Distinct<'a> {
    word: &'a str,
    /// Its length in characters.
    len: usize,
    /// Typos it may carry ([`max_edits`]).
    max_edits: usize,
}

/// The answer's token positions grouped by a key (a stem, a word): one
/// table and one list for the whole answer, not a list per key.
#[derive(Default)]
struct Postings<'a> {
    ranges: HashMap<&'a str, (u32, u32)>,
    positions: Vec<usize>,
}

impl<'a> Postings<'a> {
    /// Groups `(key, position)` pairs, given in answer order, by key; each
    /// key's positions stay in answer order.
    fn new(keys: impl Iterator<Item = (&'a str, usize)>) -> Postings<'a> {
        let (_, most) = keys.size_hint();
        // One hash look-up per pair: each key gets a group, each pair its
        // group's number; the positions are then laid out group by group.
        let mut groups: HashMap<&str, u32> =
            HashMap::with_capacity_and_hasher(most.unwrap_or(0) / 2, Default::default());
        let mut sizes: Vec<u32> = Vec::new();
        let mut pairs: Vec<(u32, usize)> = Vec::with_capacity(most.unwrap_or(0));
        for (key, at) in keys {
            let next = sizes.len() as u32;
            let group = *groups.entry(key).or_insert(next);
            if group == next {
                sizes.push(0);
            }
            sizes[group as usize] += 1;
            pairs.push((group, at));
        }
        let mut starts = Vec::with_capacity(sizes.len());
        let mut next = 0;
        for size in &sizes {
            starts.push(next);
            next += size;
        }
        let mut filled = starts.clone();
        let mut positions = vec![0; pairs.len()];
        for (group, at) in pairs {
            let slot = &mut filled[group as usize];
            positions[*slot as usize] = at;
            *slot += 1;
        }
        let ranges = groups
            .into_iter()
            .map(|(key, group)| (key, (starts[group as usize], sizes[group as usize])))
            .collect();
        Postings { ranges, positions }
    }

    fn get(&self, key: &str) -> Option<&[usize]> {
        let &(start, len) = self.ranges.get(key)?;
        self.positions.get(start as usize..(start + len) as usize)
    }
}

/// An answer prepared for many look-ups.
pub struct AnswerIndex<'a> {
    /// The normalised answer.
    pub answer: &'a Normalized,
    by_stem: Postings<'a>,
    by_word: Postings<'a>,
    /// Where each content word occurs, as typed (lower-cased).
    content: Postings<'a>,
    /// Distinct content words by first letter, for fuzzy and joined look-ups.
    by_first: HashMap<char, Vec<Distinct<'a>>>,
    /// Hits per vocabulary word, filled on first use.
    cache: Vec<Option<Vec<Hit>>>,
}

impl<'a> AnswerIndex<'a> {
    /// Indexes a normalised answer for a rubric whose vocabulary has `vocabulary_len` words.
    pub fn new(answer: &'a Normalized, vocabulary_len: usize) -> AnswerIndex<'a> {
        let tokens = answer.tokens.iter().enumerate();
        let by_stem = Postings::new(tokens.clone().map(|(i, t)| (t.stem.as_str(), i)));
        let by_word = Postings::new(
            tokens
                .clone()
                .filter(|(_, t)| t.word != t.stem)
                .map(|(i, t)| (t.word.as_str(), i)),
        );
        let content = Postings::new(
            tokens
                .filter(|(_, t)| !t.stop)
                .map(|(i, t)| (t.word.as_str(), i)),
        );
        let mut by_first: HashMap<char, Vec<Distinct>> = HashMap::default();
        for &word in content.ranges.keys() {
            if let Some(first) = word.chars().next() {
                by_first.entry(first).or_default().push(Distinct {
                    word,
                    len: word.chars().count(),
                    max_edits: max_edits(word),
                });
            }
        }
        AnswerIndex {
            answer,
            by_stem,
            by_word,
            content,
            by_first,
            cache: vec![None; vocabulary_len],
        }
    }

    /// Where a distinct content word occurs.
    fn occurrences(&self, candidate: &Distinct) -> &[usize] {
        self.content.get(candidate.word).unwrap_or(&[])
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
        let tokens = &self.answer.tokens;
        let as_written = |i: &&usize| !token.exact || tokens[**i].word == token.word;
        if let Some(positions) = self.by_stem.get(&token.stem) {
            hits.extend(positions.iter().filter(as_written).map(exact));
        }
        if let Some(positions) = self.by_word.get(&token.word) {
            hits.extend(positions.iter().filter(as_written).map(exact));
        }
        self.joined(token, &mut hits);
        for synonym in token.synonyms {
            if let Some(positions) = self.by_stem.get(synonym) {
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
            for &start in self.occurrences(candidate) {
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
            if candidate.len.abs_diff(len) > token.max_edits
                || candidate.word == token.word
                || candidate.max_edits == 0
            {
                continue;
            }
            if let Some(distance) = edits_within(&token.word, candidate.word, token.max_edits) {
                let similarity = 1.0 - distance as f64 / len.max(candidate.len) as f64;
                hits.extend(self.occurrences(candidate).iter().map(|&i| Hit {
                    start: i,
                    end: i,
                    similarity,
                    synonym: false,
                }));
            }
        }
    }

    /// The best occurrence of `phrase` that `accept` allows: its words in
    /// order with at most [`MAX_GAP`] words between them (one for tight
    /// phrasings) or, for short phrases when `loose`, in any order close
    /// together.
    pub fn find(
        &mut self,
        vocabulary: &Vocabulary,
        phrase: &Phrase,
        loose: bool,
        accept: &dyn Fn(&AnswerIndex, &Found) -> bool,
    ) -> Option<Found> {
        self.prepare(vocabulary, &phrase.tokens);
        if let Some(joined) = phrase.joined {
            self.prepare(vocabulary, &[joined]);
        }
        let mut best: Option<Found> = None;
        let mut consider = |found: Found| {
            if accept(self, &found)
                && best
                    .as_ref()
                    .is_none_or(|b| found.similarity() > b.similarity())
            {
                best = Some(found);
            }
        };
        if let Some(joined) = phrase.joined {
            for hit in self.hits(joined) {
                consider(Found { hits: vec![*hit] });
            }
        }
        let gap = if phrase.tight { 1 } else { MAX_GAP };
        for found in self.ordered(&phrase.tokens, gap) {
            if !phrase.same_word || self.one_word(&found) {
                consider(found);
            }
        }
        // Words typed as one (`select_related`) keep their order; loose
        // words may come in any order, but within one clause.
        let one_typed_word = !phrase.text.trim().contains(char::is_whitespace);
        if loose && !phrase.tight && !one_typed_word && (2..=3).contains(&phrase.tokens.len()) {
            for found in self.unordered(&phrase.tokens) {
                if self.one_clause(&found) {
                    consider(found);
                }
            }
        }
        best
    }

    /// Every occurrence of `phrase` in order (one per place its first word
    /// occurs), for finding where subjects are named.
    pub fn all(&mut self, vocabulary: &Vocabulary, phrase: &Phrase) -> Vec<Found> {
        self.prepare(vocabulary, &phrase.tokens);
        let mut found = Vec::new();
        if let Some(joined) = phrase.joined {
            self.prepare(vocabulary, &[joined]);
            found.extend(self.hits(joined).iter().map(|h| Found { hits: vec![*h] }));
        }
        let gap = if phrase.tight { 1 } else { MAX_GAP };
        found.extend(self.ordered(&phrase.tokens, gap));
        found
    }

    /// For each place the first word occurs, the closest chain of the
    /// others after it.
    fn ordered(&self, tokens: &[usize], gap: usize) -> Vec<Found> {
        let lists: Vec<&[Hit]> = tokens.iter().map(|&t| self.hits(t)).collect();
        if lists.iter().any(|l| l.is_empty()) {
            return Vec::new();
        }
        let mut chains = Vec::new();
        for first in lists[0] {
            let mut chain = vec![*first];
            let mut end = first.end;
            for list in &lists[1..] {
                let from = list.partition_point(|h| h.start <= end);
                let to = list.partition_point(|h| h.start <= end + 1 + gap);
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
                chains.push(Found { hits: chain });
            }
        }
        chains
    }

    fn unordered(&self, tokens: &[usize]) -> Vec<Found> {
        let lists: Vec<&[Hit]> = tokens.iter().map(|&t| self.hits(t)).collect();
        if lists.iter().any(|l| l.is_empty()) {
            return Vec::new();
        }
        let window = MAX_GAP + tokens.len();
        let mut chains = Vec::new();
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
                chains.push(Found { hits: chain });
            }
        }
        chains
    }

    /// Whether every matched word of an occurrence is part of one typed word.
    fn one_word(&self, found: &Found) -> bool {
        let tokens = &self.answer.tokens;
        let (start, end) = found.span();
        tokens[start].word_id == tokens[end].word_id
    }

    /// The negators that put an occurrence under negation, as typed; empty
    /// when it is stated plainly.
    pub fn negated_by(&self, found: &Found) -> Vec<String> {
        let tokens = &self.answer.tokens;
        let negated = found
            .hits
            .iter()
            .any(|h| tokens[h.start..=h.end].iter().any(|t| t.negated));
        if !negated {
            return Vec::new();
        }
        let (start, _) = found.span();
        let clause = tokens[start].clause;
        let mut words: Vec<String> = tokens
            .iter()
            .filter(|t| t.negation && t.clause == clause)
            .map(|t| self.answer.surface(t).to_string())
            .collect();
        if words.is_empty() {
            // A negator earlier in the sentence whose scope reaches here.
            words = tokens[..start]
                .iter()
                .rev()
                .take_while(|t| t.sentence == tokens[start].sentence)
                .find(|t| t.negation)
                .map(|t| self.answer.surface(t).to_string())
                .into_iter()
                .collect();
        }
        words
    }

    /// Whether an occurrence is said under negation.
    pub fn negated(&self, found: &Found) -> bool {
        let tokens = &self.answer.tokens;
        found
            .hits
            .iter()
            .any(|h| tokens[h.start..=h.end].iter().any(|t| t.negated))
    }

    /// Whether every word of an occurrence is part of a bare list of terms.
    pub fn listed(&self, found: &Found) -> bool {
        let tokens = &self.answer.tokens;
        found
            .hits
            .iter()
            .all(|h| tokens[h.start..=h.end].iter().all(|t| t.listed))
    }

    /// Whether the whole span lies in one clause.
    pub fn one_clause(&self, found: &Found) -> bool {
        let (start, end) = found.span();
        let tokens = &self.answer.tokens;
        tokens[start].clause == tokens[end.min(tokens.len() - 1)].clause
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
        index
            .find(&vocabulary, &phrase, true, &|index, found| {
                index.negated(found) == phrase.negated
            })
            .is_some()
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
            // small words that carry the meaning are kept
            ("group by", "a GROUP BY clause", true),
            ("group by", "the user group when the form is valid", false),
            ("not null", "a NOT NULL column", true),
            ("not null", "the column is null", false),
            ("null", "the column can't be null", false),
            ("without a join", "it works without a JOIN", true),
            ("without a join", "it works with a JOIN", false),
            // identifiers with small words must be written as identifiers
            ("on_delete", "set on_delete=models.CASCADE", true),
            ("on_delete", "I delete the user", false),
            ("on_delete", "click on the delete button", false),
            ("is_valid", "call form.is_valid() first", true),
            ("is_valid", "when the form is valid", false),
            ("ManyToManyField", "a many to many field", true),
            // negated statements do not state the phrasing
            ("uses a join", "it does not use a JOIN", false),
            ("second query", "it never runs a second query", false),
            (
                "second query",
                "it does not join, it runs a second query",
                true,
            ),
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
    fn phrasings_keep_negators_identifiers_and_meaningful_small_words() {
        let cases: &[(&str, &[&str], bool, bool)] = &[
            ("select_related", &["select", "related"], false, false),
            ("group by", &["group", "by"], false, true),
            ("not null", &["null"], true, false),
            ("does not use a join", &["use", "join"], true, false),
            ("on_delete", &["on", "delete"], false, true),
            ("is_valid()", &["is", "valid"], false, true),
            ("null=True", &["null", "true"], false, false),
        ];
        for &(text, words, negated, tight) in cases {
            let (_, _, compiled) = compile(text).unwrap();
            assert_eq!(compiled.words, words, "{text}");
            assert_eq!(compiled.negated, negated, "{text}");
            assert_eq!(compiled.tight, tight, "{text}");
        }
    }
}
