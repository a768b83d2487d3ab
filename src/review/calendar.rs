//! Practice by day: the 12-week heatmap and the streaks. A session counts on
//! the day it started, in the user's time zone. Pure: records, a time and a
//! time zone in, days out.

use super::schedule;
use crate::transcript::record::Record;
use jiff::ToSpan;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Weeks the heatmap shows.
pub const WEEKS: usize = 12;

/// One day's practice.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Practice {
    /// Questions done (answered or skipped).
    pub questions: usize,
    /// Seconds spent on them.
    pub seconds: u32,
}

/// Practice per local day, for every day with any.
pub fn days(records: &[Record], tz: &TimeZone) -> BTreeMap<Date, Practice> {
    let mut days: BTreeMap<Date, Practice> = BTreeMap::new();
    for record in records {
        let done: Vec<_> = record
            .questions
            .iter()
            .filter(|q| schedule::attempt_score(q).is_some())
            .collect();
        if done.is_empty() {
            continue;
        }
        let Ok(start) = record.started_at.parse::<jiff::Timestamp>() else {
            continue;
        };
        let day = days.entry(start.to_zoned(tz.clone()).date()).or_default();
        day.questions += done.len();
        day.seconds = day
            .seconds
            .saturating_add(done.iter().map(|q| q.time_used_s).sum::<u32>());
    }
    days
}

/// The local date of `now` (Unix seconds) in `tz`.
pub fn today(now: i64, tz: &TimeZone) -> Date {
    jiff::Timestamp::from_second(now)
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
        .to_zoned(tz.clone())
        .date()
}

/// Days in a row with practice.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Streak {
    /// The run that ends today, or yesterday when today has no practice
    /// yet (it is still alive until the day ends).
    pub current: usize,
    /// The longest run ever.
    pub longest: usize,
    /// Whether today has practice already.
    pub today: bool,
}

/// The streaks of `days` as of `today`.
pub fn streak(days: &BTreeMap<Date, Practice>, today: Date) -> Streak {
    let practised = |d: Date| days.get(&d).is_some_and(|p| p.questions > 0);
    let mut longest = 0;
    let mut run = 0;
    let mut previous: Option<Date> = None;
    for (&day, _) in days.iter().filter(|(_, p)| p.questions > 0) {
        run = match previous {
            Some(p) if p.tomorrow().ok() == Some(day) => run + 1,
            _ => 1,
        };
        longest = longest.max(run);
        previous = Some(day);
    }
    let mut current = 0;
    let mut day = if practised(today) {
        Some(today)
    } else {
        today.yesterday().ok()
    };
    while let Some(d) = day.filter(|d| practised(*d)) {
        current += 1;
        day = d.yesterday().ok();
    }
    Streak {
        current,
        longest,
        today: practised(today),
    }
}

/// How dark a day is drawn: 0 for none, then 1–4 by questions done.
pub fn level(questions: usize) -> usize {
    match questions {
        0 => 0,
        1..=2 => 1,
        3..=5 => 2,
        6..=9 => 3,
        _ => 4,
    }
}

/// The shades of the levels: readable without colour.
pub const SHADES: [char; 5] = ['·', '░', '▒', '▓', '█'];

/// The heatmap's grid: `WEEKS` columns of Monday-to-Sunday weeks, the last
/// holding `today`; days after today are `None`.
pub fn grid(days: &BTreeMap<Date, Practice>, today: Date) -> Vec<[Option<(Date, Practice)>; 7]> {
    let monday = today
        .checked_sub((today.weekday().to_monday_zero_offset() as i64).days())
        .unwrap_or(today);
    let first = monday
        .checked_sub(((WEEKS as i64 - 1) * 7).days())
        .unwrap_or(monday);
    (0..WEEKS)
        .map(|w| {
            let mut week = [None; 7];
            for (d, slot) in week.iter_mut().enumerate() {
                let Ok(date) = first.checked_add(((w * 7 + d) as i64).days()) else {
                    continue;
                };
                if date <= today {
                    *slot = Some((date, days.get(&date).copied().unwrap_or_default()));
                }
            }
            week
        })
        .collect()
}

/// The heatmap in the terminal: weekday rows, week columns, month names
/// above the week each month starts in, and a legend.
pub fn heatmap(days: &BTreeMap<Date, Practice>, today: Date) -> String {
    let grid = grid(days, today);
    let mut out = String::new();
    // Month labels: over each week that starts a new month, and over the
    // first week when there is room before the next label.
    let mut marks: Vec<(usize, &str)> = month_starts(&grid)
        .into_iter()
        .map(|(w, name)| (5 + w * 2, name))
        .collect();
    if let [(first, name), (next, _), ..] = marks[..]
        && first + name.len() >= next
    {
        marks.remove(0);
    }
    let mut labels = String::new();
    for (at, name) in marks {
        let pad = at.saturating_sub(labels.chars().count());
        labels.push_str(&" ".repeat(pad));
        labels.push_str(name);
    }
    let _ = writeln!(out, "{labels}");
    for (d, name) in ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        .iter()
        .enumerate()
    {
        let mut line = format!("{name}  ");
        for week in &grid {
            match week[d] {
                Some((_, p)) => line.push(SHADES[level(p.questions)]),
                None => line.push(' '),
            }
            line.push(' ');
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
    let _ = writeln!(
        out,
        "     less {} more  (questions a day: 0, 1–2, 3–5, 6–9, 10+)",
        SHADES
            .iter()
            .map(char::to_string)
            .collect::<Vec<_>>()
            .join(" ")
    );
    out
}

/// The days of the heatmap as a list, oldest first (for JSON and the report).
pub fn recent(days: &BTreeMap<Date, Practice>, today: Date) -> Vec<(Date, Practice)> {
    grid(days, today)
        .iter()
        .flat_map(|week| week.iter().flatten().copied())
        .collect()
}

/// The weeks of `grid` whose Monday is in another month than the week
/// before (the first week too), with that month's short name.
pub fn month_starts(grid: &[[Option<(Date, Practice)>; 7]]) -> Vec<(usize, &'static str)> {
    let mut starts = Vec::new();
    let mut previous = None;
    for (w, week) in grid.iter().enumerate() {
        let Some((monday, _)) = week[0] else { continue };
        if previous != Some(monday.month()) {
            starts.push((w, month_name(monday.month())));
        }
        previous = Some(monday.month());
    }
    starts
}

fn month_name(month: i8) -> &'static str {
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    NAMES[usize::try_from(month - 1).unwrap_or(0).min(11)]
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn practised(days: &[(i16, i8, i8, usize)]) -> BTreeMap<Date, Practice> {
        days.iter()
            .map(|&(y, m, d, questions)| {
                (
                    date(y, m, d),
                    Practice {
                        questions,
                        seconds: 60,
                    },
                )
            })
            .collect()
    }

    #[test]
    fn streaks_count_days_in_a_row() {
        // (days practised, today) → (current, longest, practised today)
        #[rustfmt::skip]
        type Case<'a> = (&'a [(i16, i8, i8, usize)], (i16, i8, i8), (usize, usize, bool));
        let cases: &[Case] = &[
            // Nothing yet.
            (&[], (2026, 3, 10), (0, 0, false)),
            // Today only.
            (&[(2026, 3, 10, 1)], (2026, 3, 10), (1, 1, true)),
            // Yesterday and the day before: still alive today.
            (
                &[(2026, 3, 8, 2), (2026, 3, 9, 1)],
                (2026, 3, 10),
                (2, 2, false),
            ),
            // The day before yesterday: broken.
            (&[(2026, 3, 8, 2)], (2026, 3, 10), (0, 1, false)),
            // A gap splits runs; the longest is kept.
            (
                &[
                    (2026, 3, 1, 1),
                    (2026, 3, 2, 1),
                    (2026, 3, 3, 1),
                    (2026, 3, 9, 1),
                    (2026, 3, 10, 1),
                ],
                (2026, 3, 10),
                (2, 3, true),
            ),
            // Across a month and a year's end.
            (
                &[(2025, 12, 31, 1), (2026, 1, 1, 1)],
                (2026, 1, 1),
                (2, 2, true),
            ),
            (
                &[(2026, 2, 28, 1), (2026, 3, 1, 1)],
                (2026, 3, 1),
                (2, 2, true),
            ),
            // A day with nothing done is no practice.
            (
                &[(2026, 3, 9, 0), (2026, 3, 10, 1)],
                (2026, 3, 10),
                (1, 1, true),
            ),
        ];
        for (days, (y, m, d), (current, longest, today)) in cases {
            let s = streak(&practised(days), date(*y, *m, *d));
            assert_eq!(
                (s.current, s.longest, s.today),
                (*current, *longest, *today),
                "{days:?}"
            );
        }
    }

    #[test]
    fn days_are_shaded_by_questions_done() {
        let levels: Vec<usize> = [0, 1, 2, 3, 5, 6, 9, 10, 40].map(level).to_vec();
        assert_eq!(levels, [0, 1, 1, 2, 2, 3, 3, 4, 4]);
    }

    #[test]
    fn a_session_counts_on_its_local_day() {
        use crate::review::testing::{asked, record};
        use crate::transcript::record::State;
        let record = |at: &str| record(at, "mid", vec![asked("q", "technical", "orm", Some(70.0))]);
        // 23:30 UTC on 9 March is 10 March in Tokyo and still 9 March in
        // New York (18:30).
        let records = [
            record("2026-03-09T23:30:00Z"),
            record("2026-03-10T12:00:00Z"),
        ];
        let cases: &[(&str, &[(i8, usize)])] = &[
            ("UTC", &[(9, 1), (10, 1)]),
            ("Asia/Tokyo", &[(10, 2)]),
            ("America/New_York", &[(9, 1), (10, 1)]),
        ];
        for (zone, expected) in cases {
            let tz = TimeZone::get(zone).unwrap();
            let got: Vec<(i8, usize)> = days(&records, &tz)
                .iter()
                .map(|(d, p)| (d.day(), p.questions))
                .collect();
            assert_eq!(got, *expected, "{zone}");
        }
        // A session with nothing done is no practice.
        let mut empty = record("2026-03-11T12:00:00Z");
        empty.questions[0].state = State::Pending;
        assert!(days(&[empty], &TimeZone::UTC).is_empty());
    }

    #[test]
    fn the_grid_ends_with_the_week_of_today() {
        // Wednesday 11 March 2026.
        let today = date(2026, 3, 11);
        let g = grid(&practised(&[(2026, 3, 9, 4), (2025, 12, 15, 1)]), today);
        assert_eq!(g.len(), WEEKS);
        let last = g[WEEKS - 1];
        assert_eq!(
            last[0].map(|(d, p)| (d, p.questions)),
            Some((date(2026, 3, 9), 4))
        );
        assert_eq!(last[2].map(|(d, _)| d), Some(today));
        // Thursday to Sunday of this week have not happened.
        assert!(last[3..].iter().all(Option::is_none));
        // The first column is the Monday eleven weeks before.
        assert_eq!(g[0][0].map(|(d, _)| d), Some(date(2025, 12, 22)));
        // Outside the 12 weeks: not shown.
        assert!(
            recent(&practised(&[(2025, 12, 15, 1)]), today)
                .iter()
                .all(|(_, p)| p.questions == 0)
        );
    }

    #[test]
    fn the_heatmap_in_the_terminal() {
        let days = practised(&[
            (2026, 1, 5, 1),
            (2026, 1, 6, 3),
            (2026, 1, 7, 7),
            (2026, 1, 8, 12),
            (2026, 2, 1, 2),
            (2026, 3, 9, 4),
            (2026, 3, 10, 1),
            (2026, 3, 11, 10),
        ]);
        insta::assert_snapshot!(heatmap(&days, date(2026, 3, 11)), @r#"
                 Dec Jan     Feb     Mar
            Mon  · · ░ · · · · · · · · ▒
            Tue  · · ▒ · · · · · · · · ░
            Wed  · · ▓ · · · · · · · · █
            Thu  · · █ · · · · · · · ·
            Fri  · · · · · · · · · · ·
            Sat  · · · · · · · · · · ·
            Sun  · · · · · ░ · · · · ·
                 less · ░ ▒ ▓ █ more  (questions a day: 0, 1–2, 3–5, 6–9, 10+)
        "#);
    }
}
