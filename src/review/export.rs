//! One row per answered question, for a spreadsheet (CSV) or a script (JSON).

use crate::transcript::record::{Record, State};
use serde::Serialize;

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

const HEADER: [&str; 15] = [
    "session",
    "started_at",
    "preset",
    "status",
    "question",
    "category",
    "topic",
    "state",
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

fn field(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::field;

    #[test]
    fn csv_fields_are_quoted_when_needed() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
    }
}
