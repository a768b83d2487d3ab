//! Progress over time: per category, per topic and per preset. Pure: records
//! and a time in, figures out.

use super::schedule;
use crate::preset;
use crate::transcript::record::Record;
use serde::Serialize;
use std::collections::BTreeMap;

/// How many recent sessions a trend shows.
pub const TREND_LENGTH: usize = 20;

/// Figures for one category, topic or preset.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub name: String,
    /// Sessions it appeared in.
    pub sessions: usize,
    /// Answers counted (skipped ones as 0).
    pub answers: usize,
    /// Mean score.
    pub mean: f64,
    /// The most recent score.
    pub last: f64,
    /// The best score.
    pub best: f64,
    /// Mean score per session, oldest first (the last 20 sessions).
    pub trend: Vec<f64>,
}

/// A topic to practise, and how.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Weak {
    pub topic: String,
    pub mean: f64,
    pub answers: usize,
    /// The command that practises it.
    pub command: String,
}

/// Everything `review stats` shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    /// Sessions counted.
    pub sessions: usize,
    pub categories: Vec<Row>,
    /// Weakest first.
    pub topics: Vec<Row>,
    /// Up to three topics below 80, weakest first.
    pub weakest: Vec<Weak>,
    /// Overall scores per preset.
    pub presets: Vec<Row>,
    /// Questions due for review now.
    pub due: usize,
    /// Follow-up probes, and the points earned back on them (already part
    /// of the scores above; counted here on their own).
    pub probes: crate::probe::Tally,
}

/// Accumulates scores for one row, session by session.
#[derive(Default)]
struct Acc {
    scores: Vec<f64>,
    per_session: Vec<f64>,
    session_now: Vec<f64>,
}

impl Acc {
    fn add(&mut self, score: f64) {
        self.scores.push(score);
        self.session_now.push(score);
    }

    fn end_session(&mut self) {
        if !self.session_now.is_empty() {
            let mean = self.session_now.iter().sum::<f64>() / self.session_now.len() as f64;
            self.per_session.push(crate::score::round1(mean));
            self.session_now.clear();
        }
    }

    fn row(&self, name: &str) -> Option<Row> {
        let last = *self.scores.last()?;
        let trend_from = self.per_session.len().saturating_sub(TREND_LENGTH);
        Some(Row {
            name: name.to_string(),
            sessions: self.per_session.len(),
            answers: self.scores.len(),
            mean: crate::score::round1(self.scores.iter().sum::<f64>() / self.scores.len() as f64),
            last,
            best: self.scores.iter().copied().fold(f64::MIN, f64::max),
            trend: self.per_session[trend_from..].to_vec(),
        })
    }
}

/// Computes the stats of `records` (any order) at time `now` (Unix seconds).
pub fn compute(records: &[Record], now: i64) -> Stats {
    let mut ordered: Vec<&Record> = records.iter().collect();
    ordered.sort_by(|a, b| a.started_at.cmp(&b.started_at).then(a.id.cmp(&b.id)));
    let mut categories: BTreeMap<String, Acc> = BTreeMap::new();
    let mut topics: BTreeMap<String, Acc> = BTreeMap::new();
    let mut presets: BTreeMap<String, Acc> = BTreeMap::new();
    let mut sessions = 0;
    for record in &ordered {
        let mut any = false;
        for q in &record.questions {
            let Some(score) = schedule::attempt_score(q) else {
                continue;
            };
            any = true;
            categories
                .entry(q.category.to_string())
                .or_default()
                .add(score);
            topics.entry(q.topic.clone()).or_default().add(score);
        }
        if let Some(summary) = &record.summary {
            presets
                .entry(record.preset.clone())
                .or_default()
                .add(summary.overall);
        }
        for acc in categories
            .values_mut()
            .chain(topics.values_mut())
            .chain(presets.values_mut())
        {
            acc.end_session();
        }
        sessions += usize::from(any);
    }
    let rows = |map: &BTreeMap<String, Acc>| -> Vec<Row> {
        map.iter().filter_map(|(name, acc)| acc.row(name)).collect()
    };
    let category_rows = {
        let mut rows = rows(&categories);
        let order = |name: &str| {
            crate::bank::Category::ALL
                .iter()
                .position(|c| c.as_str() == name)
                .unwrap_or(usize::MAX)
        };
        rows.sort_by_key(|r| order(&r.name));
        rows
    };
    let mut topic_rows = rows(&topics);
    topic_rows.sort_by(|a, b| a.mean.total_cmp(&b.mean).then(b.answers.cmp(&a.answers)));
    let weakest = topic_rows
        .iter()
        .filter(|r| r.mean < 80.0)
        .take(3)
        .map(|r| Weak {
            topic: r.name.clone(),
            mean: r.mean,
            answers: r.answers,
            command: format!("rehearse run --topic {}", r.name),
        })
        .collect();
    let preset_rows = {
        let mut rows = rows(&presets);
        let order = |name: &str| {
            preset::PRESETS
                .iter()
                .position(|p| p.name == name)
                .unwrap_or(usize::MAX)
        };
        rows.sort_by_key(|r| order(&r.name));
        rows
    };
    let due = schedule::attempts(records)
        .values()
        .filter_map(|a| schedule::card(a))
        .filter(|c| c.is_due(now))
        .count();
    Stats {
        sessions,
        categories: category_rows,
        topics: topic_rows,
        weakest,
        presets: preset_rows,
        due,
        probes: crate::probe::Tally::of(records.iter().flat_map(|r| &r.questions)),
    }
}

/// A trend drawn with block characters, on the fixed 0–100 scale so that
/// lines can be compared.
pub fn sparkline(scores: &[f64]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    scores
        .iter()
        .map(|s| BARS[((s.clamp(0.0, 100.0) / 100.0) * 7.0).round() as usize])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparklines_use_a_fixed_scale() {
        assert_eq!(sparkline(&[0.0, 50.0, 100.0]), "▁▅█");
        assert_eq!(sparkline(&[]), "");
        assert_eq!(sparkline(&[120.0, -5.0]), "█▁");
    }
}
