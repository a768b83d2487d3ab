//! The scorer against answers graded by hand before they were ever scored
//! (`tests/fixtures/adversarial.jsonl`: keyword lists, negated and swapped
//! statements, echoes of the question, plain-English paraphrases, typos) and
//! one plain-words answer per built-in open question
//! (`tests/fixtures/paraphrases.jsonl`). Assertions are on averages per kind,
//! the bars a careful interviewer would set, not on single items.

use crate::bank::{Bank, Category, Question};
use crate::score::{Rubric, score};
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize)]
struct Graded {
    id: String,
    question: String,
    kind: String,
    answer: String,
    fair: f64,
}

#[derive(Deserialize)]
struct Plain {
    id: String,
    answer: String,
}

fn open(q: &Question) -> bool {
    matches!(
        q.category,
        Category::Technical | Category::Coding | Category::SystemDesign
    )
}

fn ours(bank: &Bank, id: &str, answer: &str) -> f64 {
    let question = bank.get(id).expect("fixture names a built-in question");
    score(&Rubric::from_question(question), answer).score
}

/// Mean score per kind of adversarial answer, beside the mean fair grade.
fn by_kind(bank: &Bank) -> BTreeMap<String, (f64, f64, usize)> {
    let mut kinds: BTreeMap<String, (f64, f64, usize)> = BTreeMap::new();
    for line in include_str!("../../tests/fixtures/adversarial.jsonl").lines() {
        let row: Graded = serde_json::from_str(line).expect("a graded fixture line");
        let s = ours(bank, &row.question, &row.answer);
        let entry = kinds.entry(row.kind).or_default();
        entry.0 += s;
        entry.1 += row.fair;
        entry.2 += 1;
        assert!(!row.id.is_empty());
    }
    for v in kinds.values_mut() {
        v.0 /= v.2 as f64;
        v.1 /= v.2 as f64;
    }
    kinds
}

#[test]
fn attacks_score_low_and_honest_answers_high_on_average() {
    let bank = Bank::load(&[], true).expect("built-in bank");
    let kinds = by_kind(&bank);
    // The table, for `cargo test --lib fixtures -- --nocapture`.
    let mut report = String::from("kind: rehearse's mean / fair mean (answers)\n");
    for (kind, (ours, fair, n)) in &kinds {
        report.push_str(&format!("  {kind}: {ours:.1} / {fair:.1} ({n})\n"));
    }
    eprintln!("{report}");
    let mean = |kind: &str| kinds.get(kind).map(|v| v.0).expect(kind);
    for kind in ["list", "negated", "swapped"] {
        assert!(
            mean(kind) <= 30.0,
            "{kind} answers average over 30: {report}"
        );
    }
    assert!(mean("echo") <= 20.0, "echoes average over 20: {report}");
    assert!(mean("paraphrase") >= 60.0, "paraphrases under 60: {report}");
    assert!(
        mean("typo") >= 80.0,
        "typed-fast answers under 80: {report}"
    );
}

#[test]
fn every_open_question_credits_a_correct_answer_in_plain_words() {
    let bank = Bank::load(&[], true).expect("built-in bank");
    let mut plain: BTreeMap<String, String> = BTreeMap::new();
    for line in include_str!("../../tests/fixtures/paraphrases.jsonl").lines() {
        let row: Plain = serde_json::from_str(line).expect("a paraphrase fixture line");
        plain.insert(row.id, row.answer);
    }
    let mut low = Vec::new();
    for q in bank.questions().iter().filter(|q| open(q)) {
        match plain.get(&q.id) {
            None => low.push(format!("{}: no plain-words answer in the fixture", q.id)),
            Some(answer) => {
                let s = ours(&bank, &q.id, answer);
                if s < 60.0 {
                    low.push(format!("{}: {s}", q.id));
                }
            }
        }
    }
    assert!(low.is_empty(), "plain-words answers under 60: {low:#?}");
}

#[test]
fn the_question_pasted_back_earns_under_40_on_every_open_question() {
    let bank = Bank::load(&[], true).expect("built-in bank");
    let high: Vec<String> = bank
        .questions()
        .iter()
        .filter(|q| open(q))
        .map(|q| (q, ours(&bank, &q.id, &q.prompt)))
        .filter(|(_, s)| *s >= 40.0)
        .map(|(q, s)| format!("{}: {s}", q.id))
        .collect();
    assert!(high.is_empty(), "echoes scoring 40 or more: {high:#?}");
}
