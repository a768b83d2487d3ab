//! Text normalisation shared by answers and rubric phrasings: Unicode NFKC,
//! word boundaries (UAX #29), identifier splitting, case folding, stemming.
//!
//! Both sides go through the same function, so `select_related`,
//! `select related` and `selectRelated` all become the tokens `select`,
//! `relat`; `N+1` stays one token; `O(n log n)` becomes `o(nlogn)`.

use super::segment::{Piece, pieces};
use compact_str::CompactString;
use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;

/// One word of a text after normalisation.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// Lower-case surface form (`related`); what fuzzy matching compares.
    /// Words are short: a compact string keeps them inline, unallocated.
    pub word: CompactString,
    /// Stemmed form (`relat`); what exact matching compares.
    pub stem: CompactString,
    /// Byte range of the word in [`Normalized::text`], for explanations.
    pub start: usize,
    /// End of that byte range.
    pub end: usize,
    /// A function word (the, of, is, …) that phrasings ignore.
    pub stop: bool,
    /// A negation (not, never, n't, without, …).
    pub negation: bool,
    /// Index of the sentence the token belongs to (0-based).
    pub sentence: usize,
    /// Index of the clause the token belongs to: sentences split further at
    /// colons, brackets, dashes, contrast words ("but", "whereas") and at a
    /// comma that starts a new statement (", it …").
    pub clause: usize,
    /// Index of the word as typed (`on_delete` is one word of two tokens).
    pub word_id: usize,
    /// A comma stands between this token and the one before.
    pub comma_before: bool,
    /// A colon, dash or arrow stands between this token and the one before:
    /// "select_related: one JOIN" says what a term does.
    pub mark_before: bool,
    /// Typed against the token before, with no space between: part of one
    /// compound (`many-to-many`, `to_attr`, `null=True`).
    pub glued: bool,
    /// Said under negation: inside the scope of an odd number of negators
    /// ("does *not use a JOIN*", "*without a JOIN*").
    pub negated: bool,
    /// Part of a bare list of terms (a sentence with no function words, or a
    /// comma list of one- to three-word items), not of a statement.
    pub listed: bool,
}

/// A text after normalisation: the NFKC form and its tokens.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    /// The text in Unicode NFKC form; token ranges point into it.
    pub text: String,
    /// The tokens, in reading order.
    pub tokens: Vec<Token>,
}

impl Normalized {
    /// The text a token covers, as the user typed it (after NFKC).
    pub fn surface<'a>(&'a self, token: &'a Token) -> &'a str {
        self.text.get(token.start..token.end).unwrap_or(&token.word)
    }

    /// Number of tokens that are not function words.
    pub fn content_len(&self) -> usize {
        self.tokens.iter().filter(|t| !t.stop).count()
    }
}

/// Normalises a text into tokens.
pub fn normalize(text: &str) -> Normalized {
    let text: String = if text.is_ascii() {
        text.to_string()
    } else {
        text.nfkc().collect()
    };
    let mut tokens = tokenize(&text);
    for i in 1..tokens.len() {
        let between = text.get(tokens[i - 1].end..tokens[i].start).unwrap_or(" ");
        tokens[i].glued = tokens[i - 1].sentence == tokens[i].sentence
            && !between.chars().any(char::is_whitespace)
            && !between.contains(',');
    }
    super::structure::annotate(&mut tokens);
    Normalized { text, tokens }
}

/// Unicode default case folding, so that `STRASSE` and `straße` meet:
/// lowercase for ASCII, full folding (`ß` -> `ss`) beyond it.
pub fn fold(text: &str) -> CompactString {
    if text
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        CompactString::new(text)
    } else if text.is_ascii() {
        let mut lower = CompactString::new(text);
        lower.make_ascii_lowercase();
        lower
    } else {
        caseless::default_case_fold_str(text).into()
    }
}

/// The stemmed form of a single lower-case word, as [`normalize`] would give it.
pub fn stem_word(word: &str) -> CompactString {
    let letters = if word.is_ascii() {
        word.bytes().all(|b| b.is_ascii_alphabetic())
    } else {
        word.chars().all(char::is_alphabetic)
    };
    if !letters {
        return word.into();
    }
    // Answers repeat their words; stemming is the costliest step per word.
    thread_local! {
        static CACHE: RefCell<FxHashMap<CompactString, CompactString>> =
            RefCell::new(FxHashMap::default());
    }
    CACHE.with(|cache| {
        if let Some(stem) = cache.borrow().get(word) {
            return stem.clone();
        }
        let stem = CompactString::from(stemmer().stem(word));
        let mut cache = cache.borrow_mut();
        if cache.len() > 50_000 {
            cache.clear();
        }
        cache.insert(word.into(), stem.clone());
        stem
    })
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

fn tokenize(text: &str) -> Vec<Token> {
    let pieces = pieces(text);
    let mut tokens = Vec::with_capacity(pieces.len() / 2 + 1);
    let mut sentence = 0;
    let mut clause = 0;
    let mut words = 0;
    let mut comma = false;
    let mut mark = false;
    let mut line_start = true;
    let mut i = 0;
    while i < pieces.len() {
        let piece = &pieces[i];
        if piece.text.contains('\n') {
            line_start = true;
        } else if line_start && is_word(piece.text) {
            line_start = false;
            // A numbered list item: "2." or "2)" is a marker, not a word.
            let marker = pieces
                .get(i + 1)
                .is_some_and(|p| matches!(p.text, "." | ")"));
            if marker && piece.text.chars().all(|c| c.is_ascii_digit()) {
                i += 2;
                continue;
            }
        }
        if ends_sentence(piece.text) || breaks_line(&pieces, i) {
            let open = tokens
                .last()
                .is_some_and(|t: &Token| t.sentence == sentence);
            sentence += usize::from(open);
            clause += usize::from(open);
            comma = false;
            mark = false;
            i += 1;
            continue;
        }
        if !is_word(piece.text) {
            if breaks_clause(&pieces, i) {
                clause += usize::from(tokens.last().is_some_and(|t: &Token| t.clause == clause));
                mark |= !matches!(piece.text, "(" | ")" | "[" | "]");
            } else if piece.text == "," {
                comma = true;
            }
            i += 1;
            continue;
        }
        let before = tokens.len();
        if let Some((token, used)) = special_token(&pieces[i..], sentence) {
            tokens.push(token);
            i += used;
        } else {
            push_word(&mut tokens, piece.text, piece.start, sentence);
            i += 1;
        }
        for token in &mut tokens[before..] {
            token.clause = clause;
            token.word_id = words;
        }
        if let Some(first) = tokens.get_mut(before) {
            first.comma_before = comma;
            first.mark_before = mark && first.sentence == sentence && before > 0;
        }
        comma = false;
        mark = false;
        words += 1;
    }
    tokens
}

/// Punctuation that ends a clause inside a sentence: a colon, a bracket, or a
/// dash standing between spaces (not the hyphen of `many-to-many`).
fn breaks_clause(pieces: &[Piece], i: usize) -> bool {
    match pieces[i].text {
        ":" | "(" | ")" | "[" | "]" | "—" | "–" => true,
        "-" => i > 0 && pieces[i - 1].text.trim().is_empty(),
        _ => false,
    }
}

fn is_word(piece: &str) -> bool {
    if piece.is_ascii() {
        piece.bytes().any(|b| b.is_ascii_alphanumeric())
    } else {
        piece.chars().any(char::is_alphanumeric)
    }
}

fn ends_sentence(piece: &str) -> bool {
    matches!(piece, "." | "!" | "?" | ";" | "…")
}

/// A line break ends a sentence when a blank line or a bullet follows it; a
/// lone line break inside prose is only wrapping.
fn breaks_line(pieces: &[Piece], i: usize) -> bool {
    if !pieces[i].text.contains('\n') {
        return false;
    }
    let mut next = pieces[i + 1..]
        .iter()
        .map(|p| p.text)
        .filter(|t| !t.trim().is_empty() || t.contains('\n'));
    match next.next() {
        None => true,
        Some(t) if t.contains('\n') => true,
        Some("-" | "*" | "•" | "·" | "–" | "—" | "+" | ">") => true,
        Some(t) if t.chars().all(|c| c.is_ascii_digit()) => matches!(next.next(), Some("." | ")")),
        Some(_) => false,
    }
}

/// Tokens whose punctuation carries meaning: `N+1`, `C++`, `O(n)`.
fn special_token(pieces: &[Piece], sentence: usize) -> Option<(Token, usize)> {
    let first = &pieces[0];
    let next = |k: usize| pieces.get(k).map(|p| p.text);
    // x+1, n+1, c++
    if next(1) == Some("+") {
        let (text, used) = match next(2) {
            Some(t) if is_word(t) && t.chars().all(|c| c.is_ascii_digit()) => {
                (compact_str::format_compact!("{}+{}", first.text, t), 3)
            }
            Some("+") => (compact_str::format_compact!("{}++", first.text), 3),
            _ => return None,
        };
        let end = pieces[used - 1].start + pieces[used - 1].text.len();
        let word = fold(&text);
        return Some((plain_token(word, first.start, end, sentence), used));
    }
    // O(n), O(n log n), O(1): big-O notation
    if matches!(first.text, "O" | "o" | "Θ" | "θ") && next(1) == Some("(") {
        let mut inner = String::new();
        for (k, piece) in pieces.iter().enumerate().skip(2).take(12) {
            if piece.text == ")" {
                let end = piece.start + 1;
                let word = compact_str::format_compact!("o({})", fold(&inner));
                return Some((plain_token(word, first.start, end, sentence), k + 1));
            }
            if is_word(piece.text) {
                inner.push_str(piece.text);
            }
        }
    }
    None
}

fn plain_token(word: CompactString, start: usize, end: usize, sentence: usize) -> Token {
    Token {
        stem: word.clone(),
        word,
        start,
        end,
        stop: false,
        negation: false,
        sentence,
        clause: 0,
        word_id: 0,
        comma_before: false,
        mark_before: false,
        glued: false,
        negated: false,
        listed: false,
    }
}

/// Splits one UAX #29 word into identifier parts and pushes them as tokens.
fn push_word(tokens: &mut Vec<Token>, word: &str, offset: usize, sentence: usize) {
    // Numbers keep their separators out: 1,000 -> 1000; 3.5 stays one token.
    if word
        .chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        let digits: CompactString = word.chars().filter(|c| *c != ',').collect();
        tokens.push(plain_token(digits, offset, offset + word.len(), sentence));
        return;
    }
    identifier_parts(word, |start, part| {
        let begin = offset + start;
        let end = begin + part.len();
        with_lexeme(part, |lexeme| {
            if lexeme.word.is_empty() {
                return;
            }
            tokens.push(lexeme.token(begin, end, sentence));
            if lexeme.contracted_not {
                tokens.push(Lexeme::new("not").token(begin, end, sentence));
            }
        });
    });
}

/// What normalising one identifier part as typed gives, whatever its place.
struct Lexeme {
    /// Folded, contraction split off (`doesn't` -> `does`).
    word: CompactString,
    stem: CompactString,
    stop: bool,
    negation: bool,
    /// A contracted "not" follows (`doesn't`).
    contracted_not: bool,
}

impl Lexeme {
    fn new(part: &str) -> Lexeme {
        // Contractions: don't -> do + not; the possessive 's is dropped.
        let (word, contracted_not) = split_contraction(fold(part));
        let stop = is_stopword(&word);
        Lexeme {
            stem: if stop || word.is_empty() {
                word.clone()
            } else {
                stem_word(&word)
            },
            negation: is_negation(&word),
            stop,
            contracted_not,
            word,
        }
    }

    fn token(&self, start: usize, end: usize, sentence: usize) -> Token {
        Token {
            stem: self.stem.clone(),
            stop: self.stop,
            negation: self.negation,
            ..plain_token(self.word.clone(), start, end, sentence)
        }
    }
}

/// Hands `use_it` the lexeme of a part as typed. Answers repeat their
/// words, and each word's folding, stemming and word lists are the costliest
/// steps per word: they are worked out once per thread and looked up after.
fn with_lexeme(part: &str, use_it: impl FnOnce(&Lexeme)) {
    thread_local! {
        static LEXEMES: RefCell<FxHashMap<CompactString, Lexeme>> =
            RefCell::new(FxHashMap::default());
    }
    LEXEMES.with(|cache| {
        if let Some(lexeme) = cache.borrow().get(part) {
            return use_it(lexeme);
        }
        let lexeme = Lexeme::new(part);
        use_it(&lexeme);
        let mut cache = cache.borrow_mut();
        if cache.len() > 50_000 {
            cache.clear();
        }
        cache.insert(part.into(), lexeme);
    })
}

fn split_contraction(word: CompactString) -> (CompactString, bool) {
    if !word.contains(['\'', '’']) {
        return (word, false);
    }
    let word = word.replace('’', "'");
    if let Some(base) = word.strip_suffix("n't") {
        let base = match base {
            "wo" => "will",
            "ca" => "can",
            "sha" => "shall",
            other => other,
        };
        return (base.into(), true);
    }
    if let Some(base) = word.strip_suffix("'s") {
        return (base.into(), false);
    }
    (word.replace('\'', "").into(), false)
}

/// Splits `select_related`, `manage.py`, `selectRelated`, `HTTPResponse`
/// into their parts and hands each to `part` with its byte offset in `word`.
fn identifier_parts<'a>(word: &'a str, mut part: impl FnMut(usize, &'a str)) {
    // Most words are plain lower-case letters: one part, nothing to split.
    if word
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        return part(0, word);
    }
    let mut start = 0;
    let mut previous: Option<char> = None;
    let mut chars = word.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if c == '_' || c == '.' || c == '-' {
            if at > start {
                part(start, &word[start..at]);
            }
            start = at + c.len_utf8();
            previous = None;
            continue;
        }
        if let Some(p) = previous {
            let next_is_lower = chars.peek().is_some_and(|&(_, n)| n.is_lowercase());
            let camel = p.is_lowercase() && c.is_uppercase();
            let acronym_end = p.is_uppercase() && c.is_uppercase() && next_is_lower;
            if (camel || acronym_end) && at > start {
                part(start, &word[start..at]);
                start = at;
            }
        }
        previous = Some(c);
    }
    if start < word.len() {
        part(start, &word[start..]);
    }
}

/// Words that negate what follows them.
/// Contractions typed without their apostrophe ("doesnt") count too; "none"
/// does not, since in answers about Python it is mostly the value `None`.
pub fn is_negation(word: &str) -> bool {
    matches!(
        word,
        "not"
            | "no"
            | "never"
            | "without"
            | "nor"
            | "neither"
            | "cannot"
            | "nothing"
            | "dont"
            | "doesnt"
            | "didnt"
            | "isnt"
            | "arent"
            | "wasnt"
            | "werent"
            | "cant"
            | "wont"
            | "shouldnt"
            | "wouldnt"
            | "couldnt"
            | "hasnt"
            | "havent"
            | "hadnt"
            | "neednt"
            | "mustnt"
    )
}

/// Whether a lower-case word is an English function word.
pub fn is_stopword(word: &str) -> bool {
    // A `match` compiles to a length switch and a few comparisons: this runs
    // for every word of every answer.
    matches!(
        word,
        "a" | "about"
            | "above"
            | "after"
            | "again"
            | "against"
            | "all"
            | "also"
            | "am"
            | "an"
            | "and"
            | "any"
            | "are"
            | "as"
            | "at"
            | "be"
            | "because"
            | "been"
            | "before"
            | "being"
            | "below"
            | "between"
            | "both"
            | "but"
            | "by"
            | "can"
            | "could"
            | "did"
            | "do"
            | "does"
            | "doing"
            | "down"
            | "during"
            | "each"
            | "few"
            | "for"
            | "from"
            | "further"
            | "had"
            | "has"
            | "have"
            | "having"
            | "he"
            | "her"
            | "here"
            | "hers"
            | "herself"
            | "him"
            | "himself"
            | "his"
            | "how"
            | "i"
            | "if"
            | "in"
            | "into"
            | "is"
            | "it"
            | "its"
            | "itself"
            | "just"
            | "me"
            | "more"
            | "most"
            | "my"
            | "myself"
            | "no"
            | "nor"
            | "not"
            | "now"
            | "of"
            | "off"
            | "on"
            | "once"
            | "only"
            | "or"
            | "other"
            | "our"
            | "ours"
            | "ourselves"
            | "out"
            | "over"
            | "own"
            | "same"
            | "she"
            | "should"
            | "so"
            | "some"
            | "such"
            | "than"
            | "that"
            | "the"
            | "their"
            | "theirs"
            | "them"
            | "themselves"
            | "then"
            | "there"
            | "these"
            | "they"
            | "this"
            | "those"
            | "through"
            | "to"
            | "too"
            | "under"
            | "until"
            | "up"
            | "very"
            | "was"
            | "we"
            | "were"
            | "what"
            | "when"
            | "where"
            | "which"
            | "while"
            | "who"
            | "whom"
            | "why"
            | "will"
            | "with"
            | "would"
            | "you"
            | "your"
            | "yours"
            | "yourself"
            | "yourselves"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        normalize(text)
            .tokens
            .into_iter()
            .map(|t| t.word.into_string())
            .collect()
    }

    fn stems(text: &str) -> Vec<String> {
        normalize(text)
            .tokens
            .into_iter()
            .filter(|t| !t.stop)
            .map(|t| t.stem.into_string())
            .collect()
    }

    #[test]
    fn stopwords_are_recognised() {
        for word in ["the", "of", "yourselves", "a", "while"] {
            assert!(is_stopword(word), "{word}");
        }
        for word in ["orm", "cache", "django", "them2"] {
            assert!(!is_stopword(word), "{word}");
        }
    }

    #[test]
    fn identifiers_split_in_every_form() {
        for text in [
            "select_related",
            "select related",
            "selectRelated",
            "SelectRelated",
            "SELECT_RELATED",
        ] {
            assert_eq!(stems(text), ["select", "relat"], "{text}");
        }
        assert_eq!(words("manage.py"), ["manage", "py"]);
        assert_eq!(words("null=True"), ["null", "true"]);
        assert_eq!(words("HTTPResponse"), ["http", "response"]);
        assert_eq!(words("ManyToManyField"), ["many", "to", "many", "field"]);
        assert_eq!(words("__init__"), ["init"]);
        assert_eq!(words("@login_required"), ["login", "required"]);
    }

    #[test]
    fn case_is_folded_not_just_lowered() {
        assert_eq!(words("STRASSE Straße"), ["strasse", "strasse"]);
        assert_eq!(words("ΣΊΣΥΦΟΣ"), words("σίσυφος"));
        // Full-width letters are NFKC-normalised first.
        assert_eq!(words("ＯＲＭ"), ["orm"]);
    }

    #[test]
    fn meaningful_punctuation_is_kept() {
        assert_eq!(words("the N+1 problem"), ["the", "n+1", "problem"]);
        assert_eq!(words("O(n) and O(n log n)"), ["o(n)", "and", "o(nlogn)"]);
        assert_eq!(words("HTTP 404"), ["http", "404"]);
        assert_eq!(words("C++ code"), ["c++", "code"]);
        assert_eq!(
            words("1,000 rows in 3.5 s"),
            ["1000", "rows", "in", "3.5", "s"]
        );
    }

    #[test]
    fn word_forms_share_a_stem() {
        let forms = ["cache", "caches", "caching", "cached"];
        let all: Vec<_> = forms.iter().map(|f| stems(f)).collect();
        assert!(all.windows(2).all(|w| w[0] == w[1]), "{all:?}");
        assert_eq!(stems("queries"), stems("query"));
    }

    #[test]
    fn unicode_is_normalised_and_emoji_ignored() {
        assert_eq!(words("ＯＲＭ 🚀 café"), ["orm", "café"]);
        assert_eq!(words("ﬁlter"), ["filter"]);
    }

    #[test]
    fn contractions_mark_negation() {
        let n = normalize("it doesn't use a JOIN");
        let flagged: Vec<_> = n
            .tokens
            .iter()
            .map(|t| (t.word.as_str(), t.negation))
            .collect();
        assert_eq!(
            flagged,
            [
                ("it", false),
                ("does", false),
                ("not", true),
                ("use", false),
                ("a", false),
                ("join", false)
            ]
        );
        assert_eq!(words("Django's ORM"), ["django", "orm"]);
    }

    #[test]
    fn sentences_are_counted() {
        let sentences = |text: &str| -> Vec<usize> {
            normalize(text).tokens.iter().map(|t| t.sentence).collect()
        };
        assert_eq!(
            sentences("One thing. Another thing! A third"),
            [0, 0, 1, 1, 2, 2]
        );
        // A lone line break is wrapping; a blank line or a bullet is a break.
        assert_eq!(sentences("one thing\nwrapped here"), [0, 0, 0, 0]);
        assert_eq!(sentences("one thing\n\nnew paragraph"), [0, 0, 1, 1]);
        assert_eq!(
            sentences("first\n- second\n* third\n2. fourth"),
            [0, 1, 2, 3]
        );
    }

    #[test]
    fn surface_points_at_the_typed_text() {
        let n = normalize("Use selectRelated here");
        let t = &n.tokens[1];
        assert_eq!(n.surface(t), "select");
        assert_eq!(n.surface(&n.tokens[2]), "Related");
    }

    #[test]
    fn empty_and_symbol_only_text_has_no_tokens() {
        assert!(normalize("").tokens.is_empty());
        assert!(normalize("  ... !!! 🙂").tokens.is_empty());
    }
}
