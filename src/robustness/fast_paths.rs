//! Fast paths of the scorer agree with the general code. Word boundaries:
//! the ASCII fast path of [`crate::score::segment`] cuts
//! every text exactly where the Unicode tables (UAX #29) do, whatever mix of
//! ASCII and other characters it holds; the bounded edit distance gives the
//! full alignment's distance whenever it is within the limit; and `eval`'s
//! score without explanation is the score with one.

use super::config;
use crate::score::segment::pieces;
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

/// Characters whose word-break rules interact: letters, digits, the
/// joiners of words and numbers, spaces and line ends, and beyond ASCII
/// accented letters, combining marks, joiners, emoji, flags, CJK and
/// typographic quotes.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => "[a-zA-Z0-9_ .,;:'\"\\n\\r\\t()+\\-=/]{1,6}",
        1 => prop::sample::select(vec![
            "é", "\u{301}", "\u{200d}", "\u{200b}", "\u{ad}", "’", "‘", "·", "🙂", "👍🏽",
            "\u{1f1eb}", "\u{1f1f7}", "中文", "カタカナ", "\u{a0}", "\u{2028}", "\u{85}",
            "\u{3000}", "ﬁ", "ß", "١٢", "\u{5d0}", "\"",
        ])
        .prop_map(str::to_string),
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn the_fast_path_cuts_where_the_unicode_tables_do(
        parts in prop::collection::vec(piece(), 0..24)
    ) {
        let text = parts.concat();
        let fast: Vec<(usize, &str)> =
            pieces(&text).into_iter().map(|p| (p.start, p.text)).collect();
        let tables: Vec<(usize, &str)> = text.split_word_bound_indices().collect();
        prop_assert_eq!(fast, tables, "text {:?}", text);
    }
}

/// Short words over a small alphabet, so that they are often a few edits
/// apart; now and then a longer one or one beyond ASCII.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => "[abcde]{0,9}",
        1 => "[a-z]{20,70}",
        1 => "[aé_ß]{0,6}",
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn bounded_edits_agree_with_the_full_alignment(
        a in word(), b in word(), limit in 0usize..4
    ) {
        let full = strsim::osa_distance(&a, &b);
        let expected = (full <= limit).then_some(full);
        prop_assert_eq!(crate::score::matcher::edits_within(&a, &b, limit), expected);
    }
}

/// Answers made of a rubric's own words, function words, negators and
/// punctuation, so that points, lists, negation and pitfalls all come up.
fn answer() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "select_related",
        "prefetch",
        "related",
        "join",
        "sql",
        "separate",
        "query",
        "queries",
        "python",
        "not",
        "no",
        "never",
        "without",
        "the",
        "a",
        "uses",
        "runs",
        "in",
        "one",
        "second",
        "cache",
        "cached",
        "n+1",
        "index",
        "and",
        "but",
        ",",
        ".",
        ":",
        "\n\n",
        "-",
        "selct_related",
        "prefetch_relatd",
        "joins",
        "it",
        "does",
        "doesn't",
    ]);
    prop::collection::vec(words, 0..60).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn the_score_alone_is_the_score_with_its_explanation(text in answer()) {
        use crate::score::rubric::Builder;
        let mut b = Builder::default();
        b.point("select_related joins", 2.0, &["select_related", "sql join"]);
        b.point("prefetch runs a second query", 2.0, &["prefetch_related", "separate query"]);
        b.point("caching", 1.0, &["cache", "cached results"]);
        b.pitfall("prefetch does not join", 10.0, &["prefetch_related uses a join"]);
        let rubric = b.build();
        let answer = crate::score::normalize::normalize(&text);
        prop_assert_eq!(
            crate::score::score_only(&rubric, &answer),
            crate::score::score_normalized(&rubric, &answer).score
        );
    }
}
