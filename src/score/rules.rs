//! One table per judging rule: what a careful interviewer would credit and
//! what they would not. Each table fails without its rule.

use super::rubric::Builder;
use super::{LIST_CAP, Note, Rubric, Scored, score};

/// select_related vs prefetch_related, with subjects and a pitfall, asked as
/// an explanation (so bare lists are capped).
fn orm() -> Rubric {
    let mut b = Builder::default();
    b.point(
        "select_related follows foreign keys with a JOIN",
        1.0,
        &["select_related", "sql join", "same query"],
    );
    b.subject(&["select_related", "select related"]);
    b.point(
        "prefetch_related runs a second query per relation",
        1.0,
        &["prefetch_related", "second query", "separate query"],
    );
    b.subject(&["prefetch_related", "prefetch related"]);
    b.point(
        "both stop the N+1 problem: one query per row",
        1.0,
        &["n+1", "query for every row"],
    );
    b.pitfall(
        "select_related does not run a second query",
        20.0,
        &["select_related second query"],
    );
    b.list_cap(LIST_CAP);
    b.prompt("What is the difference between select_related and prefetch_related?");
    b.build()
}

fn credit(scored: &Scored, label_start: &str) -> f64 {
    scored
        .points
        .iter()
        .find(|p| p.label.starts_with(label_start))
        .map(|p| p.credit)
        .unwrap()
}

fn note(scored: &Scored, label_start: &str) -> Option<Note> {
    scored
        .points
        .iter()
        .find(|p| p.label.starts_with(label_start))
        .and_then(|p| p.note.clone())
}

#[test]
fn negated_statements_earn_nothing_and_say_why() {
    #[rustfmt::skip]
    let cases: &[(&str, f64)] = &[
        ("select_related fetches the author with a SQL JOIN in the same query", 1.0),
        ("select_related does not use a SQL JOIN",                               0.0),
        ("select_related never puts it in the same query",                       0.0),
        ("I don't know, I never used a SQL join",                                0.0),
        ("it is not slow: select_related uses a SQL join",                       1.0),
    ];
    for (answer, expected) in cases {
        let scored = score(&orm(), answer);
        assert_eq!(credit(&scored, "select_related"), *expected, "{answer:?}");
    }
    let scored = score(&orm(), "select_related does not use a SQL JOIN");
    assert!(
        matches!(note(&scored, "select_related"), Some(Note::Negated { by, .. }) if by == ["not"]),
        "{:?}",
        scored.points[0].note
    );
}

#[test]
fn a_point_counts_only_about_its_own_subject() {
    #[rustfmt::skip]
    let cases: &[(&str, f64, f64)] = &[
        // (answer, credit for select_related's point, for prefetch_related's)
        ("select_related uses a SQL join. prefetch_related runs a second query.",  1.0, 1.0),
        // swapped: each name earns its quarter, except in a sentence that
        // states a known misconception (select_related's second query)
        ("prefetch_related uses a SQL join. select_related runs a second query.",  0.0, 0.25),
        ("select_related uses a SQL join. It keeps everything in the same query.", 1.0, 0.0),
        // "the first one" and "the latter" follow the prompt's order
        ("The first one uses a SQL join; the latter runs a second query.",        1.0, 1.0),
        ("The first one runs a second query; the other one uses a SQL join.",     0.0, 0.0),
        // nothing named: the answer speaks of the question's subjects
        ("One uses a SQL join, for single rows.",                                 1.0, 0.0),
    ];
    for (answer, select, prefetch) in cases {
        let scored = score(&orm(), answer);
        assert_eq!(credit(&scored, "select_related"), *select, "{answer:?}");
        assert_eq!(credit(&scored, "prefetch_related"), *prefetch, "{answer:?}");
    }
    // Words on both sides of a name that starts a new statement make no
    // statement about it.
    let mut b = Builder::default();
    b.point(
        "*args packs positionals into a tuple",
        1.0,
        &["tuple packed"],
    );
    b.subject(&["*args"]);
    b.point("**kwargs packs keywords into a dict", 1.0, &["dict packed"]);
    b.subject(&["**kwargs"]);
    let args = b.build();
    let scored = score(
        &args,
        "*args packs keywords into a dict and **kwargs packs positionals into a tuple",
    );
    assert_eq!(
        (scored.points[0].credit, scored.points[1].credit),
        (0.0, 0.0)
    );
    let scored = score(&args, "**kwargs: the dict is packed from keywords");
    assert_eq!(scored.points[1].credit, 1.0);

    let swapped = score(&orm(), "select_related runs a second query");
    assert!(swapped.pitfalls[0].asserted);
    assert!(matches!(
        note(&swapped, "prefetch_related"),
        Some(Note::OtherSubject { subject, .. }) if subject == "select_related"
    ));
}

#[test]
fn naming_the_subject_alone_earns_a_quarter() {
    let scored = score(&orm(), "You should know select_related well, it matters.");
    assert_eq!(credit(&scored, "select_related"), 0.25);
    assert_eq!(note(&scored, "select_related"), Some(Note::Named));
    let said = score(&orm(), "select_related reads the author in the same query.");
    assert_eq!(credit(&said, "select_related"), 1.0);
}

#[test]
fn a_bare_list_is_capped_where_the_question_asks_to_explain() {
    #[rustfmt::skip]
    let cases: &[(&str, bool)] = &[
        ("select_related prefetch_related sql join second query n+1",           true),
        ("select_related, prefetch_related, sql join, second query, n+1",       true),
        ("- select_related: one SQL join\n- prefetch_related: a second query\n- n+1 stopped", false),
        ("select_related uses a SQL join; prefetch_related runs a second query; both stop n+1", false),
    ];
    for (answer, capped) in cases {
        let scored = score(&orm(), answer);
        assert_eq!(
            scored.list_capped_at.is_some() || scored.score <= LIST_CAP,
            *capped,
            "{answer:?}: {}",
            scored.score
        );
        if *capped {
            assert!(scored.score <= LIST_CAP, "{answer:?}: {}", scored.score);
        }
    }
    // Where lists are fine (no cap), the same list earns its points.
    let mut b = Builder::default();
    b.point("a join", 1.0, &["sql join"]);
    b.point("a second query", 1.0, &["second query"]);
    let scored = score(&b.build(), "sql join, second query");
    assert_eq!(scored.score, 100.0);
}

#[test]
fn echoing_the_prompt_earns_little() {
    let mut b = Builder::default();
    b.point(
        "ForeignKey for one-to-many",
        1.0,
        &["foreign key", "many rows point at one"],
    );
    b.point("ManyToMany for many-to-many", 1.0, &["through table"]);
    b.prompt("When do you use a foreign key, and when a many-to-many field?");
    let rubric = b.build();
    let echo = score(
        &rubric,
        "When do you use a foreign key, and when a many-to-many field?",
    );
    assert!(echo.score < 20.0, "{}", echo.score);
    assert_eq!(echo.points[0].note, Some(Note::Echo));
    let said = score(
        &rubric,
        "A foreign key goes on the child model, so many orders point at one customer.",
    );
    assert_eq!(said.points[0].credit, 1.0);
}

#[test]
fn a_point_in_other_words_earns_half() {
    let mut b = Builder::default();
    b.point(
        "aggregate returns one summary dict over the whole queryset",
        1.0,
        &["aggregate returns a dict"],
    );
    b.prompt("What does aggregate do?");
    let rubric = b.build();
    #[rustfmt::skip]
    let cases: &[(&str, f64)] = &[
        ("It returns a single summary for the whole set, as a plain dict.",   0.5),
        ("It gives a summary dict.",                                            0.5),
        ("It is whole.",                                                        0.0),
        // the words must share a clause
        ("It gives a summary (unlike the dict you started from).",             0.0),
        ("You never get a summary for the whole set as a dict.",                0.0),
        ("summary, whole, dict",                                                0.0),
    ];
    for (answer, expected) in cases {
        let scored = score(&rubric, answer);
        assert_eq!(scored.points[0].credit, *expected, "{answer:?}");
    }
}
