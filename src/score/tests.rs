//! Scoring tests: one case per line, then properties that must hold for any
//! answer.

use super::rubric::Builder;
use super::{Rubric, score};
use proptest::prelude::*;

/// A rubric with a key point per phenomenon under test.
fn rubric() -> Rubric {
    let mut b = Builder::default();
    b.point("select_related joins", 2.0, &["select_related", "sql join"]);
    b.point(
        "prefetch_related runs a second query",
        2.0,
        &["prefetch_related", "separate query"],
    );
    b.point("the ORM", 1.0, &["orm", "object relational mapper"]);
    b.point("URL routing", 1.0, &["url", "urlconf"]);
    b.point("GET requests", 1.0, &["get request"]);
    b.point("caching", 1.0, &["cache"]);
    b.point("N+1 problem", 1.0, &["n+1", "n plus one"]);
    b.point("many-to-many", 1.0, &["many to many", "m2m"]);
    b.pitfall(
        "prefetch_related does not JOIN",
        10.0,
        &["prefetch_related uses a join"],
    );
    b.build()
}

fn covered(answer: &str) -> Vec<String> {
    score(&rubric(), answer)
        .points
        .into_iter()
        .filter(|p| p.covered)
        .map(|p| p.label)
        .collect()
}

#[test]
fn coverage_table() {
    #[rustfmt::skip]
    let cases: &[(&str, &[&str])] = &[
        // identifier forms
        ("select related does a join",             &["select_related joins"]),
        ("call selectRelated() first",             &["select_related joins"]),
        ("SELECT_RELATED",                          &["select_related joins"]),
        ("qs.select_related('author')",            &["select_related joins"]),
        // typos, plurals and verb forms
        ("selct_related",                           &["select_related joins"]),
        ("slct_rltd",                               &[]),
        ("prefetch_relatd runs another query",     &["prefetch_related runs a second query"]),
        ("we cached it; caches help; caching",     &["caching"]),
        ("separate queries",                        &["prefetch_related runs a second query"]),
        ("seperate query",                          &["prefetch_related runs a second query"]),
        // short tokens match exactly or not at all
        ("for each row",                            &[]),
        ("the ORM builds SQL",                      &["the ORM"]),
        ("curl the endpoint",                       &[]),
        ("each URL maps to a view",                 &["URL routing"]),
        ("set request headers",                     &[]),
        ("a GET request",                           &["GET requests"]),
        // phrases split across lines, joined words
        ("runs a\nseparate\nquery",                 &["prefetch_related runs a second query"]),
        ("a ManyToManyField",                       &["many-to-many"]),
        ("manytomany fields",                       &["many-to-many"]),
        // meaningful punctuation
        ("the N+1 problem",                         &["N+1 problem"]),
        ("n plus one queries",                      &["N+1 problem"]),
        ("n 1",                                     &[]),
        // Unicode and emoji
        ("ＯＲＭ 🚀 and a café",                     &["the ORM"]),
        ("🔥🔥🔥",                                   &[]),
        // empty
        ("",                                        &[]),
        ("   \n\t ",                                &[]),
    ];
    for (answer, expected) in cases {
        assert_eq!(covered(answer), *expected, "answer: {answer:?}");
    }
}

#[test]
fn score_table() {
    #[rustfmt::skip]
    let cases: &[(&str, f64)] = &[
        ("",                                                    0.0),
        ("select_related does a SQL join",                      20.0),
        ("select_related joins; prefetch_related runs a separate query", 40.0),
        // the pitfall costs 10 points
        ("select_related joins; prefetch_related uses a join",  30.0),
        // a negated misconception costs nothing, and naming a thing in a
        // negated statement says nothing true about it
        ("select_related joins; prefetch_related never uses a join", 20.0),
        // the misconception has to be stated in one sentence
        ("prefetch_related is lazy. Uses a join elsewhere",     20.0),
        ("select_related, prefetch_related, orm, url, get request, cache, n+1, m2m", 100.0),
    ];
    for (answer, expected) in cases {
        assert_eq!(
            score(&rubric(), answer).score,
            *expected,
            "answer: {answer:?}"
        );
    }
}

#[test]
fn explanations_name_the_matched_words_and_their_similarity() {
    let scored = score(&rubric(), "prefetch_relatd and the cache");
    let point = &scored.points[1];
    assert!(point.covered);
    assert_eq!(point.phrasing.as_deref(), Some("prefetch_related"));
    assert_eq!(point.matches[0].text, "prefetch");
    assert_eq!(point.matches[1].text, "relatd");
    assert!(point.matches[1].similarity < 1.0);
    let missed = &scored.points[0];
    assert!(!missed.covered && missed.matches.is_empty() && missed.phrasing.is_none());
}

#[test]
fn a_rubric_that_lists_more_than_one_answer_needs_gives_full_marks_early() {
    let mut b = Builder::default();
    for (label, phrasing) in [
        ("code review", "code review"),
        ("deploys", "deploy"),
        ("mentoring", "mentor"),
        ("success", "success"),
        ("challenges", "challenge"),
    ] {
        b.point(label, 1.0, &[phrasing]);
    }
    b.full_marks_at(0.6);
    let rubric = b.build();
    let asked = |answer: &str| score(&rubric, answer).score;
    assert_eq!(asked("How does code review work here?"), 33.3);
    assert_eq!(
        asked("How does code review work, and how often do you deploy?"),
        66.7
    );
    // Three of five questions are a strong close; a fourth adds nothing.
    let three = "How does code review work, how often do you deploy, who would mentor me?";
    assert_eq!(asked(three), 100.0);
    assert_eq!(score(&rubric, three).full_marks_at, 0.6);
}

#[test]
fn synonyms_cover_points_and_are_marked() {
    let mut b = Builder::default();
    b.point("minimum", 1.0, &["minimum"]);
    let scored = score(&b.build(), "pick the lowest value");
    assert!(scored.points[0].covered);
    assert!(scored.points[0].matches[0].synonym);
    assert_eq!(scored.points[0].matches[0].text, "lowest");
}

#[test]
fn a_one_megabyte_answer_is_scored() {
    let sentence = "The view builds a queryset and renders a template for each visitor. ";
    let mut answer = sentence.repeat(1_000_000 / sentence.len() + 1);
    answer.push_str("Then select_related joins.");
    let scored = score(&rubric(), &answer);
    assert_eq!(scored.score, 20.0);
}

/// Words an answer may be made of: the rubric's own phrasings and filler.
const WORDS: &[&str] = &[
    "select_related",
    "prefetch_related",
    "separate query",
    "orm",
    "url",
    "get request",
    "cache",
    "n+1",
    "many to many",
    "m2m",
    "the",
    "view",
    "database",
    "fast",
    "because",
    "join",
    "sql",
    "for",
    "curl",
    "set",
    "it",
    "not",
    "uses",
    "a",
];

fn answer() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 0..40).prop_map(|w| w.join(" "))
}

proptest! {
    #[test]
    fn score_stays_between_0_and_100(text in ".{0,300}") {
        let s = score(&rubric(), &text).score;
        prop_assert!((0.0..=100.0).contains(&s));
    }

    #[test]
    fn generated_answers_score_between_0_and_100(text in answer()) {
        let s = score(&rubric(), &text).score;
        prop_assert!((0.0..=100.0).contains(&s));
    }

    #[test]
    fn adding_a_sentence_with_an_uncovered_point_never_lowers_the_score(
        text in answer(),
        point in 0usize..8,
    ) {
        let rubric = rubric();
        let before = score(&rubric, &text);
        prop_assume!(!before.points[point].covered);
        let phrasing = &rubric.points[point].phrases[0].text;
        let after = score(&rubric, &format!("{text}\n\n{phrasing}."));
        prop_assert!(after.score >= before.score, "{} -> {}", before.score, after.score);
        prop_assert!(after.points[point].covered);
    }

    #[test]
    fn letter_case_and_extra_whitespace_do_not_change_the_score(
        words in prop::collection::vec(prop::sample::select(WORDS), 0..30),
        cases in prop::collection::vec(0u8..3, 30),
        gaps in prop::collection::vec(prop::sample::select(&[" ", "  ", "\n", "\t", " \n "][..]), 30),
    ) {
        let plain = words.join(" ");
        let mut varied = String::new();
        for (i, word) in words.iter().enumerate() {
            let word = match cases[i] {
                0 => word.to_lowercase(),
                1 => word.to_uppercase(),
                _ => {
                    let mut c = word.chars();
                    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
                }
            };
            varied.push_str(&word);
            varied.push_str(gaps[i]);
        }
        let rubric = rubric();
        prop_assert_eq!(score(&rubric, &plain).score, score(&rubric, &varied).score);
    }
}

/// A probe's answer is judged on its one point by the same rules, and earns
/// back [`super::PROBE_SHARE`] of what the first answer missed there.
#[test]
fn probe_answers_earn_back_half_of_the_missed_credit() {
    let rubric = rubric();
    let first = "The ORM maps tables to classes.";
    // (probe answer on point 1, credit of point 1 after it)
    let cases = [
        (
            "It runs a separate query and joins the rows in Python.",
            0.5,
        ),
        ("It does not run a separate query.", 0.0),
        ("", 0.0),
        ("I am not sure.", 0.0),
    ];
    for (probe, credit) in cases {
        let scored = super::score_with_probes(&rubric, first, &[(1, probe)]);
        assert_eq!(scored.points[1].credit, credit, "{probe:?}");
        assert_eq!(
            scored.points[1].recovered.is_some(),
            credit > 0.0,
            "{probe:?}"
        );
        // The other points are as the first answer left them.
        assert_eq!(
            scored.points[2].credit,
            score(&rubric, first).points[2].credit
        );
    }
    // A point already covered gains nothing from a probe.
    let covered = "prefetch_related runs a separate query.";
    let scored = super::score_with_probes(&rubric, covered, &[(1, "a separate query")]);
    assert_eq!(scored.score, score(&rubric, covered).score);
    assert!(scored.points[1].recovered.is_none());
    // The score moves by the point's share of the rubric: 2 of 10 weight,
    // half recovered, 10 points.
    let probed = super::score_with_probes(&rubric, first, &[(1, cases[0].0)]);
    assert_eq!(probed.score - score(&rubric, first).score, 10.0);
}

/// A point whose label says something under negation ("No SQL runs until
/// …") is said in other words only with the same polarity: "SQL runs at
/// once" contradicts it and earns nothing; "no SQL runs before …" says it.
#[test]
fn own_words_keep_the_polarity_of_the_point() {
    let mut b = Builder::default();
    b.point(
        "No SQL runs until the QuerySet is evaluated",
        2.0,
        &["until evaluated", "deferred execution"],
    );
    b.point(
        "Results are cached after evaluation",
        1.0,
        &["result cache"],
    );
    let rubric = b.build();
    let cases = [
        ("No SQL runs before you loop over it.", true),
        ("SQL runs at once when you build it.", false),
        (
            "There is no deferred execution: the SQL runs right away.",
            false,
        ),
    ];
    for (answer, earns) in cases {
        let credit = score(&rubric, answer).points[0].credit;
        assert_eq!(credit > 0.0, earns, "{answer:?}: {credit}");
    }
}
