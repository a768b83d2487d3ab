//! What the bank holds against what has been practised: one row per topic,
//! one cell per level. Pure: the bank's questions and their cards in, rows
//! out.

use super::schedule::Card;
use crate::bank::{Level, Question};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// One topic at one level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Cell {
    /// The bank has no question of this topic at this level.
    Empty,
    /// None of its questions was ever answered.
    Never,
    /// At least half of those answered were last answered poorly.
    Weak,
    /// Most of those answered were last answered well.
    Solid,
}

impl Cell {
    /// How the terminal draws it: distinct without colour.
    pub fn glyph(self) -> char {
        match self {
            Cell::Empty => ' ',
            Cell::Never => '·',
            Cell::Weak => '○',
            Cell::Solid => '●',
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Cell::Empty => "no questions",
            Cell::Never => "never practised",
            Cell::Weak => "weak",
            Cell::Solid => "solid",
        }
    }
}

/// One topic across the levels.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub topic: String,
    /// Junior, mid, senior, staff.
    pub levels: [Cell; 4],
    /// Questions of the topic answered at least once.
    pub practised: usize,
    /// Questions of the topic in the bank.
    pub total: usize,
}

/// The coverage of `bank`, topics in alphabetical order; `cards` holds each
/// answered question's place in the schedule.
pub fn rows(bank: &[Question], cards: &BTreeMap<&str, Card>) -> Vec<Row> {
    // Per topic and level: (questions, answered, weak).
    let mut counts: BTreeMap<&str, [(usize, usize, usize); 4]> = BTreeMap::new();
    let mut totals: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for q in bank {
        let card = cards.get(q.id.as_str());
        let cells = counts.entry(&q.topic).or_default();
        for level in &q.levels {
            let Some(i) = Level::ALL.iter().position(|l| l == level) else {
                continue;
            };
            cells[i].0 += 1;
            if let Some(card) = card {
                cells[i].1 += 1;
                cells[i].2 += usize::from(card.is_weak());
            }
        }
        let total = totals.entry(&q.topic).or_default();
        total.0 += usize::from(card.is_some());
        total.1 += 1;
    }
    counts
        .into_iter()
        .map(|(topic, cells)| {
            let (practised, total) = totals.get(topic).copied().unwrap_or_default();
            Row {
                topic: topic.to_string(),
                levels: cells.map(|(questions, answered, weak)| match (questions, answered) {
                    (0, _) => Cell::Empty,
                    (_, 0) => Cell::Never,
                    _ if 2 * weak >= answered => Cell::Weak,
                    _ => Cell::Solid,
                }),
                practised,
                total,
            }
        })
        .collect()
}

/// The coverage map in the terminal.
pub fn render(rows: &[Row]) -> String {
    let width = rows
        .iter()
        .map(|r| r.topic.chars().count())
        .max()
        .unwrap_or(5)
        .max(5);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "  {:width$}  JUNIOR  MID  SENIOR  STAFF  PRACTISED",
        "TOPIC"
    );
    for r in rows {
        let [junior, mid, senior, staff] = r.levels.map(Cell::glyph);
        let _ = writeln!(
            out,
            "  {:width$}    {junior}      {mid}      {senior}      {staff}    {:>3} of {}",
            r.topic, r.practised, r.total
        );
    }
    let _ = writeln!(
        out,
        "  {} solid  {} weak  {} never practised  (blank: no questions at that level)",
        Cell::Solid.glyph(),
        Cell::Weak.glyph(),
        Cell::Never.glyph()
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::schedule::{self, Attempt};

    fn question(id: &str, topic: &str, levels: &[&str]) -> Question {
        serde_json::from_value(serde_json::json!({
            "id": id,
            "category": "technical",
            "topic": topic,
            "levels": levels,
            "prompt": "p",
            "time_limit_s": 120,
            "model_answer": "m",
        }))
        .unwrap()
    }

    fn card(score: f64) -> Card {
        schedule::card(&[Attempt {
            at: 0,
            score,
            pass: 60.0,
            rating: None,
        }])
        .unwrap()
    }

    #[test]
    fn cells_say_never_weak_or_solid() {
        let bank = [
            question("a", "orm", &["junior", "mid"]),
            question("b", "orm", &["mid"]),
            question("c", "orm", &["senior"]),
            question("d", "caching", &["junior"]),
            question("e", "caching", &["junior"]),
        ];
        // (answered cards) → rows: cells for orm, then caching
        #[rustfmt::skip]
        type Case<'a> = (&'a [(&'a str, f64)], [Cell; 4], [Cell; 4]);
        let cases: &[Case] = &[
            // Nothing answered: every level with questions is never practised.
            (
                &[],
                [Cell::Never, Cell::Never, Cell::Never, Cell::Empty],
                [Cell::Never, Cell::Empty, Cell::Empty, Cell::Empty],
            ),
            // One good answer at junior+mid.
            (
                &[("a", 80.0)],
                [Cell::Solid, Cell::Solid, Cell::Never, Cell::Empty],
                [Cell::Never, Cell::Empty, Cell::Empty, Cell::Empty],
            ),
            // Mid: one good and one poor: half weak is weak.
            (
                &[("a", 80.0), ("b", 30.0)],
                [Cell::Solid, Cell::Weak, Cell::Never, Cell::Empty],
                [Cell::Never, Cell::Empty, Cell::Empty, Cell::Empty],
            ),
            // Caching: one of two answered, poorly.
            (
                &[("d", 10.0), ("c", 95.0)],
                [Cell::Never, Cell::Never, Cell::Solid, Cell::Empty],
                [Cell::Weak, Cell::Empty, Cell::Empty, Cell::Empty],
            ),
        ];
        for (answered, orm, caching) in cases {
            let cards: BTreeMap<&str, Card> =
                answered.iter().map(|&(id, s)| (id, card(s))).collect();
            let rows = rows(&bank, &cards);
            assert_eq!(rows[0].topic, "caching");
            assert_eq!(rows[1].levels, *orm, "{answered:?}");
            assert_eq!(rows[0].levels, *caching, "{answered:?}");
        }
        let cards: BTreeMap<&str, Card> = [("a", card(80.0)), ("c", card(10.0))].into();
        let orm = &rows(&bank, &cards)[1];
        assert_eq!((orm.practised, orm.total), (2, 3));
    }
}
