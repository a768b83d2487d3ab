//! Spaced repetition: when each question should come back.
//!
//! A question sits in one of five boxes. Answered well (at least the pass
//! mark of the preset it was asked under) it moves up a box; answered poorly
//! or skipped, it goes back to the first. It is due again after its box's
//! interval: 1, 3, 7, 14 or 30 days. Pure: answers and a time in, a card out.

use crate::preset;
use crate::transcript::record::{Asked, Record, State};
use std::collections::BTreeMap;

/// Days until a question in box 1..=5 is due again.
pub const INTERVAL_DAYS: [i64; 5] = [1, 3, 7, 14, 30];

const DAY: i64 = 24 * 60 * 60;

/// One past answer to a question.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Attempt {
    /// When it was answered (Unix seconds).
    pub at: i64,
    /// Its score (a skipped question counts as 0).
    pub score: f64,
    /// The pass mark of the preset it was asked under.
    pub pass: f64,
}

impl Attempt {
    /// Whether it was answered well enough to move up a box.
    pub fn well(&self) -> bool {
        self.score >= self.pass
    }
}

/// Where a question stands.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    /// Box 1 to 5.
    pub box_number: usize,
    /// When it was last answered.
    pub last_at: i64,
    /// When it is due again.
    pub due_at: i64,
    /// Answers so far.
    pub attempts: usize,
    /// The last score.
    pub last_score: f64,
    /// Whether the last answer reached the pass mark.
    pub last_passed: bool,
    /// The mean score.
    pub mean_score: f64,
}

impl Card {
    /// Whether it is due at `now`.
    pub fn is_due(&self, now: i64) -> bool {
        now >= self.due_at
    }

    /// Whether the last answer was below the pass mark.
    pub fn is_weak(&self) -> bool {
        !self.last_passed
    }
}

/// A question's score as an attempt: answered or skipped (0). Questions
/// left unanswered by a script, not reached or interrupted are not attempts.
pub fn attempt_score(q: &Asked) -> Option<f64> {
    q.counted_score().filter(|_| q.state != State::Unanswered)
}

/// Every question's attempts across `records`, each judged against the pass
/// mark of the preset its session used (60 for an unknown preset).
pub fn attempts(records: &[Record]) -> BTreeMap<&str, Vec<Attempt>> {
    let mut all: BTreeMap<&str, Vec<Attempt>> = BTreeMap::new();
    for record in records {
        let at = record.started_seconds();
        let pass = preset::find(&record.preset).map_or(60.0, |p| p.pass);
        for q in &record.questions {
            if let Some(score) = attempt_score(q) {
                all.entry(&q.id)
                    .or_default()
                    .push(Attempt { at, score, pass });
            }
        }
    }
    all
}

/// The card for a question from its answers (in any order); `None` when it
/// was never answered.
pub fn card(attempts: &[Attempt]) -> Option<Card> {
    let mut ordered = attempts.to_vec();
    ordered.sort_by_key(|a| a.at);
    let last = *ordered.last()?;
    let mut box_number = 0;
    for attempt in &ordered {
        box_number = if attempt.well() {
            (box_number + 1).min(INTERVAL_DAYS.len())
        } else {
            1
        };
    }
    Some(Card {
        box_number,
        last_at: last.at,
        due_at: last.at + INTERVAL_DAYS[box_number - 1] * DAY,
        attempts: ordered.len(),
        last_score: last.score,
        last_passed: last.well(),
        mean_score: ordered.iter().map(|a| a.score).sum::<f64>() / ordered.len() as f64,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fake clock: day `d` at noon.
    fn day(d: i64) -> i64 {
        1_772_366_400 + d * DAY
    }

    fn answers(scores: &[(i64, f64)]) -> Vec<Attempt> {
        scores
            .iter()
            .map(|&(d, score)| Attempt {
                at: day(d),
                score,
                pass: 60.0,
            })
            .collect()
    }

    /// Answers as (day, score), the box they lead to, and the day it is due.
    type Case<'a> = (&'a [(i64, f64)], usize, i64);

    #[test]
    fn boxes_and_due_dates() {
        #[rustfmt::skip]
        let cases: &[Case] = &[
            // (day, score) answers → box, due day
            (&[(0, 80.0)],                                     1, 1),
            (&[(0, 30.0)],                                     1, 1),
            (&[(0, 80.0), (1, 70.0)],                          2, 4),
            (&[(0, 80.0), (1, 70.0), (4, 90.0)],               3, 11),
            (&[(0, 80.0), (1, 70.0), (4, 90.0), (11, 60.0)],   4, 25),
            (&[(0, 80.0), (1, 70.0), (4, 90.0), (11, 60.0), (25, 75.0)], 5, 55),
            // Box 5 is the top: it stays there, a month at a time.
            (&[(0, 80.0), (1, 70.0), (4, 90.0), (11, 60.0), (25, 75.0), (55, 99.0)], 5, 85),
            // A poor answer sends it back to the first box.
            (&[(0, 80.0), (1, 70.0), (4, 90.0), (11, 40.0)],   1, 12),
            // Just below the pass mark is poor; the pass mark itself is good.
            (&[(0, 59.9)],                                     1, 1),
            (&[(0, 60.0), (1, 60.0)],                          2, 4),
            // Order of the answers given does not matter: they are sorted by time.
            (&[(4, 90.0), (0, 80.0), (1, 70.0)],               3, 11),
        ];
        for (history, box_number, due_day) in cases {
            let c = card(&answers(history)).unwrap();
            assert_eq!(c.box_number, *box_number, "{history:?}");
            assert_eq!(c.due_at, day(*due_day), "{history:?}");
        }
    }

    #[test]
    fn due_is_judged_against_now() {
        let c = card(&answers(&[(0, 80.0), (1, 70.0)])).unwrap(); // due day 4
        assert!(!c.is_due(day(3)));
        assert!(c.is_due(day(4)));
        assert!(c.is_due(day(40)));
    }

    #[test]
    fn never_answered_means_new() {
        assert_eq!(card(&[]), None);
    }

    #[test]
    fn pass_marks_come_from_each_answers_preset() {
        // 65 passes a junior interview (55) but not a staff one (70).
        let junior = Attempt {
            at: day(0),
            score: 65.0,
            pass: 55.0,
        };
        let staff = Attempt {
            at: day(1),
            score: 65.0,
            pass: 70.0,
        };
        assert_eq!(card(&[junior]).unwrap().box_number, 1);
        assert!(!card(&[junior]).unwrap().is_weak());
        assert_eq!(card(&[junior, staff]).unwrap().box_number, 1);
        assert!(card(&[junior, staff]).unwrap().is_weak());
        let c = card(&[
            junior,
            Attempt {
                at: day(1),
                score: 65.0,
                pass: 55.0,
            },
        ])
        .unwrap();
        assert_eq!((c.box_number, c.attempts, c.mean_score), (2, 2, 65.0));
    }
}
