use super::*;

const DETAILS: &str = include_str!("../../../tests/fixtures/import/details.md");
const HEADINGS: &str = include_str!("../../../tests/fixtures/import/headings.md");
const CSV: &str = include_str!("../../../tests/fixtures/import/questions.csv");
const BROKEN_CSV: &str = include_str!("../../../tests/fixtures/import/broken.csv");
const ANKI: &str = include_str!("../../../tests/fixtures/import/anki.txt");
const BAD_SEPARATOR: &str = include_str!("../../../tests/fixtures/import/bad-separator.txt");

fn questions_of(found: &Found) -> Vec<(usize, &str, Option<&str>)> {
    found
        .entries
        .iter()
        .map(|e| (e.line, e.question.as_str(), e.topic.as_deref()))
        .collect()
}

fn skipped_of(found: &Found) -> Vec<(usize, &str)> {
    found
        .skipped
        .iter()
        .map(|s| (s.line, s.reason.as_str()))
        .collect()
}

#[test]
fn details_blocks_are_questions_and_headings_name_their_topic() {
    let found = markdown(DETAILS);
    assert_eq!(
        questions_of(&found),
        [
            (
                5,
                "What is the difference between a list and a tuple?",
                Some("language-basics")
            ),
            (
                11,
                "What does the with statement do?",
                Some("language-basics")
            ),
            (26, "What is a virtual environment for?", Some("tooling")),
        ]
    );
    assert!(
        found.entries[1]
            .answer
            .starts_with("It calls the context manager's")
    );
    assert_eq!(
        skipped_of(&found),
        [
            (
                17,
                "\"Why is is different from ==?\" has no answer under it"
            ),
            (
                20,
                "a `<details>` block with no `<summary>` holding the question"
            ),
        ]
    );
}

#[test]
fn question_headings_take_the_text_up_to_the_next_heading() {
    let found = markdown(HEADINGS);
    assert_eq!(
        questions_of(&found),
        [
            (5, "What is a model in Django?", Some("models")),
            (15, "What is a migration?", Some("models")),
            (21, "What does render do?", Some("views")),
            (27, "What is a model in Django?", Some("views")),
        ]
    );
    // The code block, with its `#` comment, stays in the answer.
    assert!(found.entries[0].answer.contains("# Not a heading"));
    assert_eq!(
        skipped_of(&found),
        [(25, "\"Why use class-based views?\" has no answer under it")]
    );
    // The repeated question is skipped when the bank is made.
    let (questions, skipped) = questions(&found, &defaults(), Idf::builtin());
    assert_eq!(questions.len(), 3);
    assert!(
        skipped
            .iter()
            .any(|s| s.line == 27 && s.reason == "the same question as line 5")
    );
}

fn defaults() -> Defaults {
    Defaults {
        topic: "notes".into(),
    }
}

#[test]
fn csv_columns_are_found_by_their_header() {
    let found = csv(CSV).unwrap();
    let (questions, skipped) = questions(&found, &defaults(), Idf::builtin());
    let made: Vec<(&str, Category, &str, Vec<Level>)> = questions
        .iter()
        .map(|q| {
            (
                q.id.as_str(),
                q.category,
                q.topic.as_str(),
                q.levels.clone(),
            )
        })
        .collect();
    assert_eq!(
        made,
        [
            (
                "what-is-a-decorator",
                Category::Technical,
                "language",
                vec![Level::Junior, Level::Mid]
            ),
            (
                "tell-me-about-a-time-you-fixed-a-slow-page",
                Category::Behavioral,
                "performance",
                vec![Level::Mid]
            ),
        ]
    );
    let reasons: Vec<(usize, &str)> = skipped
        .iter()
        .map(|s| (s.line, s.reason.as_str()))
        .collect();
    assert_eq!(
        reasons,
        [
            (4, "\"Design a URL shortener\" has no answer"),
            (
                5,
                "a multiple-choice question needs options, which notes do not hold; write it in the bank by hand"
            ),
            (6, "levels `principal` are not junior, mid, senior or staff"),
        ]
    );
}

#[test]
fn csv_without_a_header_reads_question_then_answer() {
    let found = csv("What is PEP 8?,The style guide for Python code\n").unwrap();
    assert_eq!(found.entries[0].question, "What is PEP 8?");
    assert_eq!(found.entries[0].answer, "The style guide for Python code");
}

#[test]
fn an_unclosed_quote_in_csv_is_an_error_with_its_line() {
    let error = csv(BROKEN_CSV).unwrap_err();
    assert!(
        error.starts_with("line 1: a quoted field starts here and is never closed"),
        "{error}"
    );
}

#[test]
fn anki_exports_are_read_with_their_header() {
    let found = anki(ANKI).unwrap();
    assert_eq!(
        questions_of(&found),
        [
            (4, "What does GIL stand for?", Some("concurrency")),
            (5, "What is PEP 8?", Some("style")),
        ]
    );
    assert!(found.entries[0].answer.contains("CPython.\nIt makes"));
    assert_eq!(skipped_of(&found), [(6, "\"An empty back\" has no back")]);
    let error = anki(BAD_SEPARATOR).unwrap_err();
    assert!(
        error.starts_with("line 1: separator `colon` is not one Anki writes"),
        "{error}"
    );
}

#[test]
fn formats_are_told_by_name_and_first_line() {
    assert_eq!(Format::detect("notes.md", ""), Some(Format::Markdown));
    assert_eq!(Format::detect("Q.CSV", ""), Some(Format::Csv));
    assert_eq!(
        Format::detect("deck.txt", "#separator:tab\n"),
        Some(Format::Anki)
    );
    assert_eq!(
        Format::detect("deck.txt", "front\tback\n"),
        Some(Format::Anki)
    );
    assert_eq!(Format::detect("notes.docx", "PK"), None);
}

#[test]
fn the_scaffold_is_made_of_the_answers_informative_words() {
    let answer = "A list is mutable: you can append, remove and change items in place. \
                  A tuple is immutable, so it can be hashed and used as a dictionary key. \
                  Tuples are lighter in memory and signal a fixed record.";
    let question = "What is the difference between a list and a tuple?";
    let rubric = scaffold(answer, question, Idf::builtin()).unwrap();
    assert_eq!(rubric.len(), 3, "{rubric:#?}");
    // The question's own words are never phrasings.
    for point in &rubric {
        assert!((1.0..=3.0).contains(&point.weight));
        assert!(!point.phrasings.is_empty() && point.phrasings.len() <= 4);
        for p in &point.phrasings {
            assert!(
                !["list", "tuple", "difference"].contains(&p.to_lowercase().as_str()),
                "{p}"
            );
        }
    }
    assert!(
        rubric
            .iter()
            .any(|p| p.phrasings.iter().any(|w| w == "mutable")),
        "{rubric:#?}"
    );
    // Too little to score.
    assert_eq!(scaffold("Yes.", question, Idf::builtin()), None);
}

#[test]
fn imported_questions_pass_the_bank_checks_and_say_they_are_derived() {
    let found = markdown(DETAILS);
    let (questions, _) = questions(&found, &defaults(), Idf::builtin());
    let bank = crate::bank::BankFile {
        format_version: 1,
        track: "notes".into(),
        title: "Notes".into(),
        questions,
    };
    let text = crate::bank::write::toml(&bank, &[]);
    let checked = crate::bank::validate::check_with_lints("notes.toml", &text);
    assert!(
        checked.problems.is_empty(),
        "{:#?}\n{text}",
        checked.problems
    );
    assert!(checked.bank.is_some());
    let derived = checked
        .warnings
        .iter()
        .filter(|w| w.contains("field `derived`"))
        .count();
    assert_eq!(derived, 3, "{:#?}", checked.warnings);
}

#[test]
fn slugs_are_kebab_case_and_cut_at_a_word() {
    assert_eq!(slug("What's the GIL, really?", 40), "what-s-the-gil-really");
    assert_eq!(slug("one two three", 7), "one-two");
    assert_eq!(slug("¿Qué?", 40), "qu");
}
