//! Progress over time: per category, per topic and per preset, practice by
//! day, coverage of the bank, what is due, and where self-ratings and scores
//! disagree. Pure: records, the bank, a time and a time zone in, figures out.

use super::{calendar, coverage, schedule};
use crate::bank::Question;
use crate::preset;
use crate::transcript::record::{Rating, Record, State};
use jiff::tz::TimeZone;
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
    /// Questions due now or within the next seven days.
    pub due_this_week: usize,
    /// When the next question not yet due falls due (RFC 3339), if any.
    pub next_due: Option<String>,
    /// Follow-up probes, and the points earned back on them (already part
    /// of the scores above; counted here on their own).
    pub probes: crate::probe::Tally,
    /// Practice per day over the heatmap's 12 weeks, oldest first.
    pub practice: Vec<Day>,
    /// Days in a row with practice.
    pub streak: calendar::Streak,
    /// Each topic of the bank at each level: never practised, weak, solid.
    pub coverage: Vec<coverage::Row>,
    /// Time used against time allotted, per category.
    pub time: Vec<Time>,
    /// Answers whose self-rating and score disagree most, largest gap first.
    pub disagreements: Vec<Disagreement>,
}

/// One day of practice.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Day {
    /// The local date, `YYYY-MM-DD`.
    pub date: String,
    pub questions: usize,
    pub seconds: u32,
}

/// Time spent on one category's questions, answered or skipped.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Time {
    pub category: String,
    pub answers: usize,
    /// Seconds used.
    pub used_s: u64,
    /// Seconds the time limits allowed.
    pub allotted_s: u64,
    /// Seconds beyond the limits.
    pub overtime_s: u64,
}

/// An answer the candidate rated one way and the rubric scored another.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Disagreement {
    pub question: String,
    pub topic: String,
    /// The session it was given in.
    pub session: String,
    pub rating: Rating,
    pub score: f64,
    /// How far apart the two are, 0–100: the score a rating stands for
    /// (knew it 100, partly 50, missed 0) against the rubric's.
    pub gap: f64,
}

/// How far apart a rating and a score must be to be listed.
pub const DISAGREEMENT_GAP: f64 = 40.0;

/// How many disagreements are listed.
pub const DISAGREEMENTS: usize = 5;

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

/// Computes the stats of `records` (any order) against `bank`, at time `now`
/// (Unix seconds) in the time zone `tz` (which decides what a day is).
pub fn compute(records: &[Record], bank: &[Question], now: i64, tz: &TimeZone) -> Stats {
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
    let attempts = schedule::attempts(records);
    let cards: BTreeMap<&str, schedule::Card> = attempts
        .iter()
        .filter_map(|(id, a)| schedule::card(a).map(|c| (*id, c)))
        .collect();
    let outlook = schedule::Outlook::of(cards.values(), now);
    let next_due = outlook
        .next_due
        .and_then(|at| jiff::Timestamp::from_second(at).ok())
        .map(|t| t.to_string());
    let days = calendar::days(records, tz);
    let today = calendar::today(now, tz);
    Stats {
        sessions,
        categories: category_rows,
        topics: topic_rows,
        weakest,
        presets: preset_rows,
        due: outlook.due,
        due_this_week: outlook.due + outlook.later_this_week,
        next_due,
        probes: crate::probe::Tally::of(records.iter().flat_map(|r| &r.questions)),
        practice: calendar::recent(&days, today)
            .into_iter()
            .map(|(date, p)| Day {
                date: date.to_string(),
                questions: p.questions,
                seconds: p.seconds,
            })
            .collect(),
        streak: calendar::streak(&days, today),
        coverage: coverage::rows(bank, &cards),
        time: time(&ordered),
        disagreements: disagreements(&ordered),
    }
}

/// Time used and allotted per category, in the order categories are listed.
fn time(records: &[&Record]) -> Vec<Time> {
    let mut by: BTreeMap<crate::bank::Category, Time> = BTreeMap::new();
    for q in records.iter().flat_map(|r| &r.questions) {
        if schedule::attempt_score(q).is_none() {
            continue;
        }
        let t = by.entry(q.category).or_insert_with(|| Time {
            category: q.category.to_string(),
            answers: 0,
            used_s: 0,
            allotted_s: 0,
            overtime_s: 0,
        });
        t.answers += 1;
        t.used_s += u64::from(q.time_used_s);
        t.allotted_s += u64::from(q.time_limit_s);
        t.overtime_s += u64::from(q.overtime_s);
    }
    crate::bank::Category::ALL
        .iter()
        .filter_map(|c| by.remove(c))
        .collect()
}

/// Each question's latest rated answer where rating and score are far
/// apart, largest gap first (newest first on a tie).
fn disagreements(ordered: &[&Record]) -> Vec<Disagreement> {
    let mut latest: BTreeMap<&str, Disagreement> = BTreeMap::new();
    for record in ordered {
        for q in &record.questions {
            let (Some(rating), State::Answered, Some(score)) = (q.self_rating, q.state, q.score)
            else {
                continue;
            };
            latest.insert(
                &q.id,
                Disagreement {
                    question: q.id.clone(),
                    topic: q.topic.clone(),
                    session: record.id.clone(),
                    rating,
                    score,
                    gap: crate::score::round1((rating.expected_score() - score).abs()),
                },
            );
        }
    }
    let mut listed: Vec<Disagreement> = latest
        .into_values()
        .filter(|d| d.gap >= DISAGREEMENT_GAP)
        .collect();
    listed.sort_by(|a, b| b.gap.total_cmp(&a.gap).then(b.session.cmp(&a.session)));
    listed.truncate(DISAGREEMENTS);
    listed
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

    use crate::review::testing::{asked, rated, record};

    #[test]
    fn self_ratings_far_from_the_score_are_listed() {
        let records = [
            record(
                "2026-03-01T09:00:00Z",
                "mid",
                vec![
                    rated(asked("a", "technical", "orm", Some(20.0)), Rating::Knew),
                    rated(asked("b", "technical", "orm", Some(90.0)), Rating::Missed),
                    rated(asked("c", "technical", "orm", Some(55.0)), Rating::Partly),
                    rated(asked("d", "technical", "orm", Some(70.0)), Rating::Knew),
                    asked("e", "technical", "orm", Some(5.0)),
                    rated(asked("f", "technical", "orm", None), Rating::Knew),
                ],
            ),
            // A later answer to `a` replaces the earlier one.
            record(
                "2026-03-02T09:00:00Z",
                "mid",
                vec![rated(
                    asked("a", "technical", "orm", Some(50.0)),
                    Rating::Knew,
                )],
            ),
        ];
        let s = compute(&records, &[], 1_772_600_000, &TimeZone::UTC);
        let listed: Vec<(&str, f64)> = s
            .disagreements
            .iter()
            .map(|d| (d.question.as_str(), d.gap))
            .collect();
        // b: missed but 90; a: knew it but 50. c and d are close; e has no
        // rating; f was skipped.
        assert_eq!(listed, [("b", 90.0), ("a", 50.0)]);
    }

    #[test]
    fn time_is_summed_per_category_and_due_counts_look_a_week_ahead() {
        let mut late = asked("b", "coding", "orm", Some(80.0));
        late.time_used_s = 400;
        late.time_limit_s = 300;
        late.overtime_s = 100;
        let records = [record(
            "2026-03-01T09:00:00Z",
            "mid",
            vec![asked("a", "technical", "orm", Some(30.0)), late],
        )];
        // a (poor) is due a day later; b (good, box 1) too: both due on 2
        // March, so on 1 March neither is due but both are this week.
        let day1 = 1_772_355_600; // 2026-03-01T09:00:00Z
        let s = compute(&records, &[], day1, &TimeZone::UTC);
        assert_eq!((s.due, s.due_this_week), (0, 2));
        assert_eq!(s.next_due.as_deref(), Some("2026-03-02T09:00:00Z"));
        let s = compute(&records, &[], day1 + 86_400, &TimeZone::UTC);
        assert_eq!((s.due, s.due_this_week, s.next_due), (2, 2, None));
        let time: Vec<(&str, u64, u64, u64)> = s
            .time
            .iter()
            .map(|t| (t.category.as_str(), t.used_s, t.allotted_s, t.overtime_s))
            .collect();
        assert_eq!(
            time,
            [("technical", 120, 180, 0), ("coding", 400, 300, 100)]
        );
        assert_eq!((s.streak.current, s.streak.longest), (1, 1));
        assert_eq!(s.practice.last().map(|d| d.questions), Some(0));
        assert_eq!(s.practice.iter().map(|d| d.questions).sum::<usize>(), 2);
    }

    #[test]
    fn sparklines_use_a_fixed_scale() {
        assert_eq!(sparkline(&[0.0, 50.0, 100.0]), "▁▅█");
        assert_eq!(sparkline(&[]), "");
        assert_eq!(sparkline(&[120.0, -5.0]), "█▁");
    }
}
