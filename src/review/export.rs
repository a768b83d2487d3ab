//! One row per answered question, for a spreadsheet (CSV) or a script
//! (JSON); and flashcards of the key points missed, for Anki.

use crate::bank::{Bank, Question};
use crate::score::{Rubric, score};
use crate::transcript::record::{Record, State};
use serde::Serialize;
use std::collections::BTreeMap;
use unicode_segmentation::UnicodeSegmentation;

/// One answered (or skipped) question of one session.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub session: String,
    pub started_at: String,
    pub preset: String,
    pub status: String,
    pub question: String,
    pub category: String,
    pub topic: String,
    /// `answered` or `skipped`.
    pub state: String,
    /// The question as asked.
    pub prompt: String,
    /// The answer as typed (for a skipped question, what was typed before
    /// skipping).
    pub answer: String,
    pub score: f64,
    /// Stories: the rubric score before the blend with structure.
    pub content_score: Option<f64>,
    /// Stories: the STAR structure score.
    pub structure_score: Option<f64>,
    pub time_used_s: u32,
    pub time_limit_s: u32,
    pub overtime_s: u32,
    pub hint_used: bool,
}

/// The rows of all records, oldest session first, questions in order.
pub fn rows(records: &[Record]) -> Vec<Row> {
    let mut ordered: Vec<&Record> = records.iter().collect();
    ordered.sort_by(|a, b| a.started_at.cmp(&b.started_at).then(a.id.cmp(&b.id)));
    let mut rows = Vec::new();
    for record in ordered {
        for q in &record.questions {
            let state = match q.state {
                State::Answered => "answered",
                State::Skipped => "skipped",
                _ => continue,
            };
            rows.push(Row {
                session: record.id.clone(),
                started_at: record.started_at.clone(),
                preset: record.preset.clone(),
                status: record.status.as_str().to_string(),
                question: q.id.clone(),
                category: q.category.to_string(),
                topic: q.topic.clone(),
                state: state.to_string(),
                prompt: q.prompt.clone(),
                answer: q.answer.clone(),
                score: q.score.unwrap_or(0.0),
                content_score: q.content_score,
                structure_score: q.star.as_ref().map(|s| s.score),
                time_used_s: q.time_used_s,
                time_limit_s: q.time_limit_s,
                overtime_s: q.overtime_s,
                hint_used: q.hint_used,
            });
        }
    }
    rows
}

const HEADER: [&str; 17] = [
    "session",
    "started_at",
    "preset",
    "status",
    "question",
    "category",
    "topic",
    "state",
    "prompt",
    "answer",
    "score",
    "content_score",
    "structure_score",
    "time_used_s",
    "time_limit_s",
    "overtime_s",
    "hint_used",
];

/// The rows as CSV (RFC 4180: fields with commas, quotes or line breaks
/// are quoted, quotes doubled).
pub fn csv(rows: &[Row]) -> String {
    let mut out = HEADER.join(",");
    out.push_str("\r\n");
    let number = |x: Option<f64>| x.map(|v| v.to_string()).unwrap_or_default();
    for r in rows {
        let fields = [
            r.session.clone(),
            r.started_at.clone(),
            r.preset.clone(),
            r.status.clone(),
            r.question.clone(),
            r.category.clone(),
            r.topic.clone(),
            r.state.clone(),
            r.prompt.clone(),
            r.answer.clone(),
            r.score.to_string(),
            number(r.content_score),
            number(r.structure_score),
            r.time_used_s.to_string(),
            r.time_limit_s.to_string(),
            r.overtime_s.to_string(),
            r.hint_used.to_string(),
        ];
        let quoted: Vec<String> = fields.iter().map(|f| field(f)).collect();
        out.push_str(&quoted.join(","));
        out.push_str("\r\n");
    }
    out
}

/// One flashcard: a key point missed, and where the model answer covers it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Card {
    pub question: String,
    pub topic: String,
    /// The question as asked, and the key point.
    pub front: String,
    /// The model answer's sentence that covers the point.
    pub back: String,
}

/// A card for each key point the latest answer to its question earned less
/// than half of; questions no longer in `bank` are answered by their whole
/// model answer. Oldest question first, points in rubric order.
pub fn cards(records: &[Record], bank: &Bank) -> Vec<Card> {
    let mut ordered: Vec<&Record> = records.iter().collect();
    ordered.sort_by(|a, b| a.started_at.cmp(&b.started_at).then(a.id.cmp(&b.id)));
    // The latest answer to each question, in the order first asked.
    let mut latest: BTreeMap<&str, (usize, &crate::transcript::record::Asked)> = BTreeMap::new();
    let mut n = 0;
    for q in ordered.iter().flat_map(|r| &r.questions) {
        if q.state == State::Answered && !q.points.is_empty() {
            let order = latest.get(q.id.as_str()).map_or(n, |(o, _)| *o);
            latest.insert(&q.id, (order, q));
            n += 1;
        }
    }
    let mut asked: Vec<(usize, &crate::transcript::record::Asked)> = latest.into_values().collect();
    asked.sort_by_key(|(order, _)| *order);
    let mut cards = Vec::new();
    for (_, q) in asked {
        let question = bank.find(&q.id);
        for point in q.points.iter().filter(|p| p.credit < 0.5) {
            let back = question
                .and_then(|question| {
                    let i = question
                        .rubric
                        .iter()
                        .position(|k| k.label == point.label)?;
                    covering_sentence(question, i)
                })
                .unwrap_or_else(|| q.model_answer.trim().to_string());
            cards.push(Card {
                question: q.id.clone(),
                topic: q.topic.clone(),
                front: format!("{}\n\nKey point: {}", q.prompt.trim(), point.label),
                back,
            });
        }
    }
    cards
}

/// The sentence of `question`'s model answer that earns most of key point
/// `point` when scored against the question's rubric (the first on a tie);
/// `None` when no sentence earns any of it.
pub fn covering_sentence(question: &Question, point: usize) -> Option<String> {
    let rubric = Rubric::from_question(question);
    let mut best: Option<(f64, &str)> = None;
    for sentence in question.model_answer.split_sentence_bounds() {
        let sentence = sentence.trim();
        if sentence.is_empty() {
            continue;
        }
        let credit = score(&rubric, sentence)
            .points
            .get(point)
            .map_or(0.0, |p| p.credit);
        if credit > 0.0 && best.is_none_or(|(b, _)| credit > b) {
            best = Some((credit, sentence));
        }
    }
    best.map(|(_, sentence)| sentence.to_string())
}

/// The cards as Anki's plain-text import reads them: a header naming the
/// tab separator and the columns, then one note per line, front, back and
/// tags (`rehearse` and the topic). Tabs and line breaks inside a field
/// become spaces and `<br>`: Anki reads fields as HTML, so `<`, `>` and `&`
/// are escaped.
pub fn anki(cards: &[Card]) -> String {
    let mut out = String::from("#separator:tab\n#html:true\n#columns:Front\tBack\tTags\n");
    let html = |text: &str| {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('\t', " ")
            .replace("\r\n", "\n")
            .replace(['\n', '\r'], "<br>")
    };
    let tag = |text: &str| -> String {
        text.chars()
            .map(|c| if c.is_whitespace() { '-' } else { c })
            .collect()
    };
    for card in cards {
        out.push_str(&format!(
            "{}\t{}\trehearse rehearse::{}\n",
            html(&card.front),
            html(&card.back),
            html(&tag(&card.topic))
        ));
    }
    out
}

fn field(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anki_fields_cannot_break_the_line_or_add_markup() {
        let cards = [Card {
            question: "q".into(),
            topic: "orm queries".into(),
            front: "Why?\tNow\n\nKey point: a <b> & c".into(),
            back: "Because\r\nit is.".into(),
        }];
        assert_eq!(
            anki(&cards),
            "#separator:tab\n#html:true\n#columns:Front\tBack\tTags\n\
             Why? Now<br><br>Key point: a &lt;b&gt; &amp; c\tBecause<br>it is.\trehearse rehearse::orm-queries\n"
        );
    }

    #[test]
    fn the_back_is_the_model_answer_sentence_that_covers_the_point() {
        let bank = Bank::load(&[], true).unwrap();
        let q = bank.get("orm-select-related-vs-prefetch-related").unwrap();
        for (i, point) in q.rubric.iter().enumerate() {
            let sentence = covering_sentence(q, i).unwrap_or_default();
            assert!(
                q.model_answer.contains(&sentence) && !sentence.is_empty(),
                "{}: {sentence:?}",
                point.label
            );
            // One sentence, not the whole answer.
            assert!(sentence.len() < q.model_answer.len(), "{sentence}");
        }
    }

    #[test]
    fn csv_fields_are_quoted_when_needed() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
    }
}
