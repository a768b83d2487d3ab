//! Spaced repetition: when each question should come back.
//!
//! A question sits in one of five boxes. Answered well (at least the pass
//! mark of the preset it was asked under) it moves up a box; answered poorly
//! or skipped, it goes back to the first. It is due again after its box's
//! interval: 1, 3, 7, 14 or 30 days. Pure: answers and a time in, a card out.
//!
//! The candidate's own rating, when given after the feedback, is weighed
//! with the score ([`Step::of`]):
//!
//! | score         | no rating | knew it | partly | missed |
//! |---------------|-----------|---------|--------|--------|
//! | at pass mark  | up a box  | up      | stays  | back to box 1 |
//! | below it      | box 1     | stays   | box 1  | box 1  |
//!
//! A rating can hold a question back but never push it up on its own: "knew
//! it" against a low score keeps the box (the rubric may have missed the
//! words used), and "partly" or "missed" against a good score does not move
//! it up (the candidate knows what the rubric could not see).

use crate::preset;
use crate::transcript::record::{Asked, Rating, Record, State};
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
    /// The candidate's own rating, if given.
    pub rating: Option<Rating>,
}

impl Attempt {
    /// Whether the score reached the pass mark.
    pub fn well(&self) -> bool {
        self.score >= self.pass
    }

    /// Whether it counts as weak: below the pass mark, or rated "missed".
    pub fn weak(&self) -> bool {
        !self.well() || self.rating == Some(Rating::Missed)
    }
}

/// What one attempt does to a question's box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Up,
    Stay,
    Reset,
}

impl Step {
    /// The score and the rating together (the table in the module's notes).
    pub fn of(attempt: &Attempt) -> Step {
        match (attempt.well(), attempt.rating) {
            (_, Some(Rating::Missed)) => Step::Reset,
            (true, None | Some(Rating::Knew)) => Step::Up,
            (true, Some(Rating::Partly)) => Step::Stay,
            (false, Some(Rating::Knew)) => Step::Stay,
            (false, None | Some(Rating::Partly)) => Step::Reset,
        }
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
    /// Whether the last answer was neither below the pass mark nor rated
    /// "missed".
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

/// What a set of cards says at a time: how many are due, how many more
/// fall due within seven days, and when the next of those does.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Outlook {
    /// Cards due now.
    pub due: usize,
    /// Cards not due now that fall due within the next seven days.
    pub later_this_week: usize,
    /// When the next card not due now falls due (Unix seconds).
    pub next_due: Option<i64>,
}

impl Outlook {
    /// The outlook of `cards` at `now` (Unix seconds).
    pub fn of<'a>(cards: impl IntoIterator<Item = &'a Card>, now: i64) -> Outlook {
        let mut outlook = Outlook::default();
        for card in cards {
            if card.is_due(now) {
                outlook.due += 1;
                continue;
            }
            if card.due_at <= now + 7 * DAY {
                outlook.later_this_week += 1;
            }
            outlook.next_due = Some(outlook.next_due.map_or(card.due_at, |n| n.min(card.due_at)));
        }
        outlook
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
                all.entry(&q.id).or_default().push(Attempt {
                    at,
                    score,
                    pass,
                    rating: q.self_rating,
                });
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
        box_number = match Step::of(attempt) {
            Step::Up => (box_number + 1).min(INTERVAL_DAYS.len()),
            Step::Stay => box_number.max(1),
            Step::Reset => 1,
        };
    }
    Some(Card {
        box_number,
        last_at: last.at,
        due_at: last.at + INTERVAL_DAYS[box_number - 1] * DAY,
        attempts: ordered.len(),
        last_score: last.score,
        last_passed: !last.weak(),
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
                rating: None,
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
            rating: None,
        };
        let staff = Attempt {
            at: day(1),
            score: 65.0,
            pass: 70.0,
            rating: None,
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
                rating: None,
            },
        ])
        .unwrap();
        assert_eq!((c.box_number, c.attempts, c.mean_score), (2, 2, 65.0));
    }

    #[test]
    fn a_rating_can_hold_a_question_back_but_never_push_it_up() {
        use Rating::*;
        // (score, rating) answers on days 0, 1, 4, … → box, weak.
        #[rustfmt::skip]
        type Case<'a> = (&'a [(f64, Option<Rating>)], usize, bool);
        let cases: &[Case] = &[
            // Alone, a good score moves up; knew it agrees.
            (&[(80.0, None), (80.0, None)], 2, false),
            (&[(80.0, None), (80.0, Some(Knew))], 2, false),
            // Partly with a good score: the box stays.
            (&[(80.0, None), (80.0, Some(Partly))], 1, false),
            (
                &[(80.0, None), (80.0, None), (80.0, Some(Partly))],
                2,
                false,
            ),
            // Missed resets, whatever the score, and counts as weak.
            (&[(80.0, None), (80.0, None), (95.0, Some(Missed))], 1, true),
            // Knew it against a low score: the box stays, still weak.
            (&[(80.0, None), (80.0, None), (30.0, Some(Knew))], 2, true),
            // Partly with a low score: back to the first box.
            (&[(80.0, None), (80.0, None), (30.0, Some(Partly))], 1, true),
            // A first answer never starts below box 1.
            (&[(30.0, Some(Knew))], 1, true),
        ];
        for (history, box_number, weak) in cases {
            let attempts: Vec<Attempt> = history
                .iter()
                .zip([0, 1, 4, 11, 25])
                .map(|(&(score, rating), d)| Attempt {
                    at: day(d),
                    score,
                    pass: 60.0,
                    rating,
                })
                .collect();
            let c = card(&attempts).unwrap();
            assert_eq!(c.box_number, *box_number, "{history:?}");
            assert_eq!(c.is_weak(), *weak, "{history:?}");
        }
    }
}
