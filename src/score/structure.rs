//! What a sentence does with its words: which clause each word belongs to,
//! which words are said under negation, and which stretches are bare lists
//! of terms rather than statements. Computed once per text, after
//! tokenising, so that every rule of the scorer reads the same facts.

use super::normalize::Token;

/// Words that start a new clause wherever they stand: a contrast or a reason
/// changes what a negation before them applies to ("it does not join, but
/// runs a second query").
fn is_clause_word(word: &str) -> bool {
    matches!(
        word,
        "but"
            | "whereas"
            | "while"
            | "although"
            | "though"
            | "however"
            | "instead"
            | "because"
            | "since"
            | "so"
            | "unless"
            | "rather"
            | "yet"
            | "whilst"
            | "unlike"
            | "otherwise"
            | "until"
            | "till"
            | "when"
            | "once"
            | "after"
            | "before"
            | "if"
            | "whenever"
    )
}

/// Words that start a new clause after a comma (", it runs…", ", which…").
fn starts_after_comma(word: &str) -> bool {
    matches!(
        word,
        "it" | "they"
            | "this"
            | "that"
            | "these"
            | "those"
            | "we"
            | "i"
            | "you"
            | "he"
            | "she"
            | "there"
            | "which"
            | "so"
            | "then"
            | "and"
            | "or"
            | "its"
    )
}

/// Negators whose scope is the rest of their clause ("does not use a JOIN").
/// The others ("no", "without", "none", …) negate the few words after them
/// ("without a JOIN, in a second query").
const WIDE: &[&str] = &[
    "not", "never", "cannot", "nor", "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent",
    "cant", "wont", "shouldnt", "wouldnt", "couldnt", "hasnt", "havent", "hadnt", "neednt",
    "mustnt",
];

/// Most words a narrow negator's scope reaches.
const NARROW_SCOPE: usize = 4;

/// Function words that make a term, not a statement ("the admin", "same
/// origin policy"): a short line with none but these is a list item.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "same", "other", "more", "most", "few", "own", "each", "all", "some", "such",
    "only", "very", "and", "or", "both",
];

/// A sentence of five or more words is a bare list when fewer than this many
/// of each hundred are function words (typed prose has thirty to forty).
const LIST_SHARE: usize = 20;

/// Fills in `clause`, `negated` and `listed` for every token.
pub fn annotate(tokens: &mut [Token]) {
    split_clauses(tokens);
    mark_negation(tokens);
    mark_lists(tokens);
}

fn split_clauses(tokens: &mut [Token]) {
    let mut clause = 0;
    let mut previous: Option<(usize, usize)> = None;
    for token in tokens.iter_mut() {
        let starts = match previous {
            None => false,
            Some((raw, sentence)) => {
                raw != token.clause
                    || sentence != token.sentence
                    || is_clause_word(&token.word)
                    || (token.comma_before && starts_after_comma(&token.word))
            }
        };
        previous = Some((token.clause, token.sentence));
        clause += usize::from(starts);
        token.clause = clause;
    }
}

/// Whether the negator at `i` does not negate: "not only", "not just",
/// "no matter", "no doubt", a "no" that answers ("No, it joins").
fn inert(tokens: &[Token], i: usize) -> bool {
    let next = tokens.get(i + 1);
    let word = tokens[i].word.as_str();
    let next_word = next.map(|t| t.word.as_str()).unwrap_or("");
    match word {
        "not" => matches!(
            next_word,
            "only" | "just" | "merely" | "simply" | "necessarily"
        ),
        "no" => {
            matches!(next_word, "matter" | "doubt")
                || next.is_none_or(|t| t.clause != tokens[i].clause || t.comma_before)
        }
        _ => false,
    }
}

fn mark_negation(tokens: &mut [Token]) {
    let mut flips = vec![false; tokens.len()];
    for i in 0..tokens.len() {
        if !tokens[i].negation || inert(tokens, i) {
            continue;
        }
        let clause = tokens[i].clause;
        let wide = WIDE.contains(&tokens[i].word.as_str());
        for (reach, (j, token)) in tokens.iter().enumerate().skip(i + 1).enumerate() {
            if token.clause != clause || token.negation {
                break;
            }
            if token.comma_before && (!wide || !short_item(tokens, j)) {
                break;
            }
            if !wide && reach == NARROW_SCOPE {
                break;
            }
            flips[j] ^= true;
        }
        // A negated statement says nothing true about its subject either:
        // "ListView has no pagination", "get_queryset isn't a method", "it
        // never runs". A bare "not" contrasts instead ("in the database, not
        // in Python") and reaches forward only.
        if reaches_back(tokens, i) {
            for j in (0..i).rev() {
                if tokens[j].clause != clause || tokens[j].negation || tokens[j + 1].comma_before {
                    break;
                }
                flips[j] ^= true;
            }
        }
    }
    for (token, flip) in tokens.iter_mut().zip(flips) {
        token.negated = flip;
    }
}

/// Whether the words after a comma at `j` are one more short item of a list
/// ("never used many to many, foreign keys or one to one"), over which a
/// negation goes on, rather than a new statement, where it stops.
fn short_item(tokens: &[Token], j: usize) -> bool {
    let clause = tokens[j].clause;
    let len = tokens[j..]
        .iter()
        .enumerate()
        .take_while(|(k, t)| {
            t.clause == clause
                && !(*k > 0 && t.comma_before)
                && !matches!(t.word.as_str(), "and" | "or")
        })
        .count();
    len <= 3
}

/// Whether a negator's scope reaches back over the start of its clause: a
/// negated verb ("does not", "isn't", "has no", "never").
fn reaches_back(tokens: &[Token], i: usize) -> bool {
    let word = tokens[i].word.as_str();
    if WIDE.contains(&word) && !matches!(word, "not" | "nor") {
        return true;
    }
    if !matches!(word, "not" | "no" | "nothing") {
        return false;
    }
    i > 0 && AUXILIARIES.contains(&tokens[i - 1].word.as_str())
}

/// Verbs after which a negator negates the statement.
const AUXILIARIES: &[&str] = &[
    "do", "does", "did", "is", "are", "was", "were", "be", "been", "can", "could", "will", "would",
    "should", "shall", "may", "might", "must", "has", "have", "had", "need", "ca", "wo",
];

fn mark_lists(tokens: &mut [Token]) {
    let mut sentences: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    while start < tokens.len() {
        let sentence = tokens[start].sentence;
        let end = tokens[start..]
            .iter()
            .position(|t| t.sentence != sentence)
            .map_or(tokens.len(), |n| start + n);
        sentences.push((start, end));
        start = end;
    }
    let kinds: Vec<Bare> = sentences
        .iter()
        .map(|&(a, b)| bare_sentence(&tokens[a..b]))
        .collect();
    for (i, &(a, b)) in sentences.iter().enumerate() {
        // A short line of terms is a list item among other items; alone
        // among statements it is a terse statement ("Both fix N+1.").
        let near = |j: Option<usize>| j.and_then(|j| kinds.get(j)).is_some_and(|k| *k != Bare::No);
        let listed = match kinds[i] {
            Bare::Long => true,
            Bare::Short => near(i.checked_sub(1)) || near(Some(i + 1)) || sentences.len() == 1,
            Bare::No => false,
        };
        mark_list_sentence(&mut tokens[a..b], listed);
    }
}

/// Whether a sentence is made of terms with nothing joining them.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Bare {
    No,
    /// Four words or fewer, with no function words but determiners.
    Short,
    /// Five words or more, with hardly any function words.
    Long,
}

/// Whether the `i`th token is a function word that joins terms into a
/// statement; small words inside a compound (`many-to-many`, `to_attr`)
/// join nothing.
fn joins(sentence: &[Token], i: usize) -> bool {
    let t = &sentence[i];
    (t.stop || t.negation) && !t.glued && !sentence.get(i + 1).is_some_and(|n| n.glued)
}

fn bare_sentence(sentence: &[Token]) -> Bare {
    let free = |i: usize| joins(sentence, i);
    // "term: what it does" is a statement, however terse.
    if sentence.iter().skip(1).any(|t| t.mark_before) {
        return Bare::No;
    }
    let joining = (0..sentence.len()).filter(|&i| free(i)).count();
    // Count words as typed: `select_related` is one word, not two.
    let mut words = sentence.iter().map(|t| t.word_id).collect::<Vec<_>>();
    words.dedup();
    if words.len() <= 4 {
        let only_determiners = (0..sentence.len())
            .filter(|&i| free(i))
            .all(|i| DETERMINERS.contains(&sentence[i].word.as_str()));
        if only_determiners {
            Bare::Short
        } else {
            Bare::No
        }
    } else if joining * 100 < LIST_SHARE * words.len() {
        Bare::Long
    } else {
        Bare::No
    }
}

/// Marks a sentence's terms as listed: all of them when the sentence is a
/// bare list (`bare`); otherwise three or more comma-separated items of one
/// to three content words each, when they make up most of it.
fn mark_list_sentence(sentence: &mut [Token], bare: bool) {
    let free = |i: usize| joins(sentence, i);
    if bare {
        for token in sentence.iter_mut() {
            token.listed = true;
        }
        return;
    }
    let mut items: Vec<(usize, usize)> = Vec::new();
    let mut from = 0;
    for i in 1..=sentence.len() {
        let boundary = i == sentence.len()
            || sentence[i].comma_before
            || sentence[i].mark_before
            || matches!(sentence[i].word.as_str(), "and" | "or");
        if boundary {
            items.push((from, i));
            from = i;
        }
    }
    if items.len() < 3 {
        return;
    }
    // One to three words besides "and" / "or", none joining terms.
    let bare = |&(a, b): &(usize, usize)| {
        let mut words = 0;
        for (i, token) in sentence.iter().enumerate().take(b).skip(a) {
            if !matches!(token.word.as_str(), "and" | "or") {
                words += 1;
                if words > 3 || free(i) {
                    return false;
                }
            }
        }
        words > 0
    };
    let bare_items: Vec<(usize, usize)> = items.iter().copied().filter(bare).collect();
    let in_items: usize = bare_items.iter().map(|(a, b)| b - a).sum();
    if bare_items.len() >= 3 && 3 * in_items >= 2 * sentence.len() {
        for (a, b) in bare_items {
            for token in &mut sentence[a..b] {
                token.listed = true;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::score::normalize::normalize;

    /// The words of `text` that are said under negation.
    fn negated(text: &str) -> Vec<String> {
        normalize(text)
            .tokens
            .into_iter()
            .filter(|t| t.negated)
            .map(|t| t.word.into_string())
            .collect()
    }

    fn listed(text: &str) -> Vec<String> {
        normalize(text)
            .tokens
            .into_iter()
            .filter(|t| t.listed)
            .map(|t| t.word.into_string())
            .collect()
    }

    #[test]
    fn negation_scope_table() {
        #[rustfmt::skip]
        let cases: &[(&str, &[&str])] = &[
            // the whole statement is negated, its subject included
            ("select_related does not use a JOIN",            &["select", "related", "does", "use", "a", "join"]),
            ("it doesnt use a join",                          &["it", "use", "a", "join"]),
            ("it never runs a second query",                  &["it", "runs", "a", "second", "query"]),
            ("ListView has no pagination",                    &["list", "view", "has", "pagination"]),
            ("a JOIN is not used",                            &["a", "join", "is", "used"]),
            // a contrast or a new statement ends the scope
            ("it does not join, it runs a second query",      &["it", "does", "join"]),
            ("it does not join but runs a second query",      &["it", "does", "join"]),
            ("the SQL is not executed until you iterate",    &["the", "sql", "is", "executed"]),
            ("not a join; a second query",                    &["a", "join"]),
            ("if you don't use it, you get N+1 queries",      &["if", "you", "do", "use", "it"]),
            // "without" negates only the few words after it, not past a comma
            ("it fetches them without a JOIN, in a second query", &["a", "join"]),
            ("no JOIN is needed here at all",                 &["join", "is", "needed", "here"]),
            ("it lives in the database not in Python",        &["in", "python"]),
            ("which plain kwargs cant, nice for building filters", &["which", "plain", "kwargs"]),
            // each negator has its own scope
            ("you cannot do it without a join",               &["you", "do", "it", "a", "join"]),
            // not a negation at all
            ("not only a join but also a cache",              &[]),
            ("No, it uses a JOIN",                            &[]),
            // scope runs over a list
            ("I don't know, never used many to many, foreign keys or one to one",
             &["i", "do", "know", "used", "many", "to", "many", "foreign", "keys", "or", "one", "to", "one"]),
        ];
        for (text, expected) in cases {
            assert_eq!(negated(text), *expected, "{text:?}");
        }
    }

    #[test]
    fn list_table() {
        #[rustfmt::skip]
        let cases: &[(&str, &[&str])] = &[
            ("select_related prefetch_related join query n+1",
             &["select", "related", "prefetch", "related", "join", "query", "n+1"]),
            ("select_related\nprefetch_related\njoin", &["select", "related", "prefetch", "related", "join"]),
            ("It uses joins, caching, indexes, n+1", &["it", "uses", "joins", "caching", "indexes", "n+1"]),
            ("Django gives you an ORM, admin, auth, forms and templates", &[]),
            ("select_related follows a foreign key with a JOIN", &[]),
            // terse statements are statements: identifiers count as one word
            ("prefetch_related runs a second query", &[]),
            ("select_related uses a SQL join", &[]),
            ("It uses a join. Both fix N+1. It is fast.", &[]),
            ("select_related\nprefetch_related", &["select", "related", "prefetch", "related"]),
            ("select_related, prefetch_related, JOIN, many-to-many, to_attr",
             &["select", "related", "prefetch", "related", "join", "many", "to", "many", "to", "attr"]),
            ("observer pattern post_save pre_save receiver decorator dispatch_uid same transaction",
             &["observer", "pattern", "post", "save", "pre", "save", "receiver", "decorator", "dispatch", "uid", "same", "transaction"]),
            ("Django gives you an ORM and the admin", &[]),
            ("- hidden input\n- same origin policy\n- X-CSRFToken header",
             &["hidden", "input", "same", "origin", "policy", "x", "csrf", "token", "header"]),
            ("- select_related: one JOIN\n- prefetch_related: a second query", &[]),
            // a compound's small words (`top-down`) join nothing
            ("middleware: request top-down, response bottom-up, short circuit, logging",
             &["middleware", "request", "top", "down", "response", "bottom", "up", "short", "circuit", "logging"]),
        ];
        for (text, expected) in cases {
            assert_eq!(listed(text), *expected, "{text:?}");
        }
    }
}
