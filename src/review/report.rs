//! `review report`: one self-contained HTML file of progress. Pure: full
//! records, the stats, a time zone in; the page out.
//!
//! Everything is inline and nothing runs: the charts are SVG drawn here,
//! the styles are in the page, and a Content-Security-Policy forbids
//! scripts and every fetch, so the file opens from disk with no network.
//! Text from banks and answers goes through maud, which escapes it, and
//! transcripts through pulldown-cmark with raw HTML and links turned into
//! plain text.

use super::calendar::{self, Practice, WEEKS};
use super::coverage::Cell;
use super::schedule;
use super::stats::Stats;
use crate::bank::Category;
use crate::transcript::markdown;
use crate::transcript::record::{Record, State, Status};
use jiff::civil::Date;
use jiff::tz::TimeZone;
use maud::{DOCTYPE, Markup, PreEscaped, html};
use std::collections::BTreeMap;

/// Key points listed as most missed.
pub const WEAKEST_POINTS: usize = 15;

/// A key point's record across sessions.
#[derive(Debug, Clone, PartialEq)]
pub struct MissedPoint {
    pub question: String,
    /// The question's prompt, as last asked.
    pub prompt: String,
    pub label: String,
    /// Answers judged against it.
    pub asked: usize,
    /// Of those, answers that earned less than half of it.
    pub missed: usize,
}

/// The key points missed most often (less than half their weight earned),
/// most misses first, then the highest share missed.
pub fn weakest_points(records: &[Record]) -> Vec<MissedPoint> {
    let mut by: BTreeMap<(&str, &str), MissedPoint> = BTreeMap::new();
    let mut ordered: Vec<&Record> = records.iter().collect();
    ordered.sort_by(|a, b| a.started_at.cmp(&b.started_at));
    for q in ordered.iter().flat_map(|r| &r.questions) {
        if q.state != State::Answered {
            continue;
        }
        for p in &q.points {
            let entry = by.entry((&q.id, &p.label)).or_insert_with(|| MissedPoint {
                question: q.id.clone(),
                prompt: String::new(),
                label: p.label.clone(),
                asked: 0,
                missed: 0,
            });
            entry.prompt.clone_from(&q.prompt);
            entry.asked += 1;
            entry.missed += usize::from(p.credit < 0.5);
        }
    }
    let mut points: Vec<MissedPoint> = by.into_values().filter(|p| p.missed > 0).collect();
    points.sort_by(|a, b| {
        b.missed
            .cmp(&a.missed)
            .then((b.missed * a.asked).cmp(&(a.missed * b.asked)))
            .then(a.question.cmp(&b.question))
    });
    points.truncate(WEAKEST_POINTS);
    points
}

/// One category's mean score over a stretch of time: one session, or a
/// week or month of them when there are too many to draw one by one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sample {
    /// When the first session of it started (Unix seconds).
    pub at: i64,
    pub score: f64,
    /// Sessions averaged.
    pub sessions: usize,
    pub span: Span,
}

/// What one point of the line chart stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span {
    Session,
    Week,
    Month,
}

/// Points a line may hold before sessions are averaged by week, and weeks
/// by month.
pub const MAX_POINTS: usize = 60;

/// Per category, its mean score in each session that asked it, oldest
/// first; averaged per week (Monday to Sunday in `tz`) when there are more
/// than [`MAX_POINTS`] sessions, per month when there are still too many.
pub fn series(records: &[Record], tz: &TimeZone) -> Vec<(Category, Vec<Sample>)> {
    let mut ordered: Vec<&Record> = records.iter().collect();
    ordered.sort_by(|a, b| a.started_at.cmp(&b.started_at).then(a.id.cmp(&b.id)));
    let mut by: BTreeMap<Category, Vec<Sample>> = BTreeMap::new();
    for record in ordered {
        let mut sums: BTreeMap<Category, (f64, usize)> = BTreeMap::new();
        for q in &record.questions {
            if let Some(score) = schedule::attempt_score(q) {
                let sum = sums.entry(q.category).or_default();
                sum.0 += score;
                sum.1 += 1;
            }
        }
        for (category, (sum, n)) in sums {
            by.entry(category).or_default().push(Sample {
                at: record.started_seconds(),
                score: crate::score::round1(sum / n as f64),
                sessions: 1,
                span: Span::Session,
            });
        }
    }
    let week = |at: i64| {
        let date = calendar::today(at, tz);
        date.checked_sub(jiff::Span::new().days(i64::from(date.weekday().to_monday_zero_offset())))
            .unwrap_or(date)
    };
    let month = |at: i64| calendar::today(at, tz).first_of_month();
    Category::ALL
        .iter()
        .filter_map(|c| by.remove(c).map(|s| (*c, s)))
        .map(|(category, samples)| {
            let mut samples = samples;
            if samples.len() > MAX_POINTS {
                samples = average(&samples, Span::Week, week);
            }
            if samples.len() > MAX_POINTS {
                samples = average(&samples, Span::Month, month);
            }
            (category, samples)
        })
        .collect()
}

/// `samples` (oldest first) averaged per stretch, each session counting
/// once.
fn average(samples: &[Sample], span: Span, stretch: impl Fn(i64) -> Date) -> Vec<Sample> {
    let mut out: Vec<(Date, Sample, f64)> = Vec::new();
    for s in samples {
        let key = stretch(s.at);
        match out.last_mut() {
            Some((k, sample, sum)) if *k == key => {
                *sum += s.score * s.sessions as f64;
                sample.sessions += s.sessions;
            }
            _ => out.push((key, Sample { span, ..*s }, s.score * s.sessions as f64)),
        }
    }
    out.into_iter()
        .map(|(_, sample, sum)| Sample {
            score: crate::score::round1(sum / sample.sessions as f64),
            ..sample
        })
        .collect()
}

/// Colours that stay apart for colour-blind readers (Okabe–Ito), with a
/// dash pattern each so that a grey print still tells the lines apart.
fn look(category: Category) -> (&'static str, &'static str) {
    match category {
        Category::Technical => ("#0072B2", ""),
        Category::Coding => ("#D55E00", "6 3"),
        Category::SystemDesign => ("#009E73", "2 3"),
        Category::Behavioral => ("#CC79A7", "8 3 2 3"),
        Category::Choice => ("#E69F00", "1 2"),
    }
}

const STYLE: &str = r#"
:root { color-scheme: light; --ink: #1f2328; --dim: #59636e; --line: #d1d9e0; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink);
       max-width: 980px; margin: 0 auto; padding: 24px 20px 80px; }
h1 { font-size: 1.6em; margin: 0 0 4px; }
h2 { font-size: 1.2em; margin: 36px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
.dim { color: var(--dim); }
.figures { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; }
.figure { border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 120px; }
.figure b { display: block; font-size: 1.5em; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; color: var(--dim); font-size: 0.9em; }
tr.question th { color: var(--ink); font-weight: 600; font-size: 1em; padding-top: 14px; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.coverage td.cell { text-align: center; width: 80px; }
.cell-solid { background: #2da44e; color: #fff; }
.cell-weak { background: #fbe3a1; }
.cell-never { background: #f2f4f6; color: var(--dim); }
.legend { display: flex; flex-wrap: wrap; gap: 16px; margin: 6px 0; font-size: 0.9em; }
.legend span { display: inline-flex; align-items: center; gap: 6px; }
svg { display: block; max-width: 100%; height: auto; }
svg text { font: 11px system-ui, sans-serif; fill: var(--dim); }
svg.heatmap text { font-size: 9px; }
.transcript { border: 1px solid var(--line); border-radius: 6px; padding: 4px 18px; margin: 18px 0; }
.transcript pre { background: #f6f8fa; padding: 8px; overflow-x: auto; white-space: pre-wrap; }
.transcript h1 { font-size: 1.3em; margin-top: 12px; }
.transcript h2 { font-size: 1.1em; margin: 18px 0 6px; }
a { color: #0969da; }
.empty { color: var(--dim); font-style: italic; }
"#;

/// The page for `records` (full), with `stats` computed on them at `now`.
pub fn render(records: &[Record], stats: &Stats, now: i64, tz: &TimeZone) -> String {
    let mut sessions: Vec<&Record> = records.iter().collect();
    sessions.sort_by(|a, b| b.started_at.cmp(&a.started_at).then(b.id.cmp(&a.id)));
    let days = calendar::days(records, tz);
    let today = calendar::today(now, tz);
    let answers: usize = stats.categories.iter().map(|r| r.answers).sum();
    let local = |at: &str| -> String {
        at.parse::<jiff::Timestamp>().map_or(at.to_string(), |t| {
            t.to_zoned(tz.clone())
                .strftime("%Y-%m-%d %H:%M")
                .to_string()
        })
    };
    let page = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta http-equiv="Content-Security-Policy"
                    content="default-src 'none'; style-src 'unsafe-inline'; img-src data:";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { "rehearse: progress report" }
                style { (PreEscaped(STYLE)) }
            }
            body {
                header id="top" {
                    h1 { "Progress report" }
                    p.dim {
                        "Written by rehearse on " (today) " · "
                        (sessions.len()) " session" @if sessions.len() != 1 { "s" }
                        " · " (answers) " answer" @if answers != 1 { "s" }
                    }
                    div.figures {
                        div.figure { b { (stats.streak.current) } "day streak" }
                        div.figure { b { (stats.streak.longest) } "longest streak" }
                        div.figure { b { (stats.due) } "due today" }
                        div.figure { b { (stats.due_this_week) } "due within 7 days" }
                    }
                }
                section id="scores" {
                    h2 { "Score over time, per category" }
                    (line_chart(&series(records, tz), tz))
                }
                section id="practice" {
                    h2 { "Practice, last " (WEEKS) " weeks" }
                    (heatmap(&days, today))
                }
                section id="coverage" {
                    h2 { "Coverage of the bank by topic and level" }
                    (coverage(stats))
                }
                section id="weakest" {
                    h2 { "Key points you miss most" }
                    (weakest(&weakest_points(records)))
                }
                section id="sessions" {
                    h2 { "Sessions" }
                    @if sessions.is_empty() {
                        p.empty { "No sessions yet. Start one with rehearse today or rehearse run." }
                    } @else {
                        table {
                            thead { tr {
                                th { "Started" } th { "Preset" } th.num { "Done" }
                                th.num { "Score" } th { "Verdict" } th { "Transcript" }
                            } }
                            tbody {
                                @for (i, r) in sessions.iter().enumerate() {
                                    @let (done, total) = super::progress(r);
                                    tr {
                                        td { (local(&r.started_at)) }
                                        td { (r.preset) }
                                        td.num { (done) " of " (total) }
                                        td.num { @match &r.summary {
                                            Some(s) => (s.overall.round()),
                                            None => "–",
                                        } }
                                        td { @match (&r.summary, r.status) {
                                            (Some(s), Status::Complete) => (s.verdict.as_str()),
                                            (_, Status::Interrupted) => "unfinished",
                                            _ => "–",
                                        } }
                                        td { a href={ "#s-" (i) } { (r.id) } }
                                    }
                                }
                            }
                        }
                    }
                }
                section id="transcripts" {
                    @for (i, r) in sessions.iter().enumerate() {
                        article.transcript id={ "s-" (i) } {
                            (transcript(r))
                            p { a href="#sessions" { "Back to the sessions" } }
                        }
                    }
                }
            }
        }
    };
    page.into_string()
}

/// The line chart: x is time, y the 0–100 score; one line per category.
fn line_chart(series: &[(Category, Vec<Sample>)], tz: &TimeZone) -> Markup {
    const W: f64 = 720.0;
    const H: f64 = 260.0;
    const LEFT: f64 = 36.0;
    const RIGHT: f64 = 12.0;
    const TOP: f64 = 10.0;
    const BOTTOM: f64 = 28.0;
    if series.is_empty() {
        return html! { p.empty { "No answers yet: the chart starts with your first session." } };
    }
    let times = series.iter().flat_map(|(_, s)| s.iter().map(|p| p.at));
    let (first, last) = times.fold((i64::MAX, i64::MIN), |(a, b), t| (a.min(t), b.max(t)));
    let span = (last - first).max(1) as f64;
    let x = |at: i64| {
        if last == first {
            LEFT + (W - LEFT - RIGHT) / 2.0
        } else {
            LEFT + (at - first) as f64 / span * (W - LEFT - RIGHT)
        }
    };
    let y = |score: f64| TOP + (100.0 - score.clamp(0.0, 100.0)) / 100.0 * (H - TOP - BOTTOM);
    let date = |at: i64| {
        jiff::Timestamp::from_second(at)
            .map(|t| t.to_zoned(tz.clone()).date().to_string())
            .unwrap_or_default()
    };
    let round = |v: f64| (v * 10.0).round() / 10.0;
    html! {
        svg.chart viewBox={ "0 0 " (W) " " (H) } width=(W) height=(H) role="img"
            aria-label="Mean score per session for each category, over time" {
            @for tick in [0.0, 25.0, 50.0, 75.0, 100.0] {
                line x1=(LEFT) x2=(W - RIGHT) y1=(round(y(tick))) y2=(round(y(tick)))
                    stroke="#d1d9e0" stroke-width="1" {}
                text x=(LEFT - 6.0) y=(round(y(tick) + 4.0)) text-anchor="end" { (tick) }
            }
            text x=(LEFT) y=(H - 8.0) { (date(first)) }
            @if last != first {
                text x=(W - RIGHT) y=(H - 8.0) text-anchor="end" { (date(last)) }
            }
            @for (category, samples) in series {
                @let (colour, dash) = look(*category);
                @let points = samples.iter()
                    .map(|s| format!("{},{}", round(x(s.at)), round(y(s.score))))
                    .collect::<Vec<_>>().join(" ");
                g class={ "series series-" (category.as_str()) } {
                    polyline points=(points) fill="none" stroke=(colour) stroke-width="2"
                        stroke-dasharray=(dash) stroke-linejoin="round" {}
                    @for s in samples {
                        circle cx=(round(x(s.at))) cy=(round(y(s.score))) r="3" fill=(colour) {
                            title {
                                (category.as_str()) ", "
                                @match s.span {
                                    Span::Session => { (date(s.at)) ": " (s.score) }
                                    Span::Week => {
                                        "week of " (date(s.at)) ": mean " (s.score) " over "
                                        (s.sessions) " session" @if s.sessions != 1 { "s" }
                                    }
                                    Span::Month => {
                                        "month from " (date(s.at)) ": mean " (s.score) " over "
                                        (s.sessions) " session" @if s.sessions != 1 { "s" }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        @let span = series.iter().flat_map(|(_, s)| s.first()).map(|s| s.span).max_by_key(|s| *s as u8);
        p.dim {
            @match span {
                Some(Span::Week) => "Each point is a week's mean of the sessions that asked the category.",
                Some(Span::Month) => "Each point is a month's mean of the sessions that asked the category.",
                _ => "Each point is one session's mean score in the category.",
            }
        }
        div.legend {
            @for (category, samples) in series {
                @let (colour, dash) = look(*category);
                span {
                    svg width="28" height="10" viewBox="0 0 28 10" {
                        line x1="0" x2="28" y1="5" y2="5" stroke=(colour) stroke-width="2"
                            stroke-dasharray=(dash) {}
                    }
                    (category.as_str()) " (" (samples.iter().map(|s| s.sessions).sum::<usize>()) " sessions)"
                }
            }
        }
    }
}

/// The practice heatmap: weeks as columns, Monday to Sunday as rows.
fn heatmap(days: &BTreeMap<Date, Practice>, today: Date) -> Markup {
    const CELL: usize = 14;
    const GAP: usize = 3;
    const LEFT: usize = 32;
    const TOP: usize = 16;
    const FILLS: [&str; 5] = ["#ebedf0", "#9be9a8", "#40c463", "#30a14e", "#216e39"];
    let grid = calendar::grid(days, today);
    let step = CELL + GAP;
    let width = LEFT + WEEKS * step;
    let height = TOP + 7 * step;
    let months = calendar::month_starts(&grid);
    html! {
        svg.heatmap viewBox={ "0 0 " (width) " " (height) } width=(width * 3 / 2) height=(height * 3 / 2)
            role="img" aria-label="Questions done per day over the last twelve weeks" {
            @for (row, name) in [(0, "Mon"), (2, "Wed"), (4, "Fri"), (6, "Sun")] {
                text x="0" y=(TOP + row * step + CELL - 3) { (name) }
            }
            @for (w, week) in grid.iter().enumerate() {
                @if let Some((_, name)) = months.iter().find(|(at, _)| *at == w) {
                    text x=(LEFT + w * step) y="11" { (name) }
                }
                @for (d, day) in week.iter().enumerate() {
                    @if let Some((date, practice)) = day {
                        rect class="day" x=(LEFT + w * step) y=(TOP + d * step) width=(CELL)
                            height=(CELL) rx="2" fill=(FILLS[calendar::level(practice.questions)])
                            data-questions=(practice.questions) {
                            title {
                                (date) ": " (practice.questions) " question"
                                @if practice.questions != 1 { "s" }
                                @if practice.seconds > 0 { ", " ((practice.seconds + 30) / 60) " min" }
                            }
                        }
                    }
                }
            }
        }
        div.legend {
            span { "Less" }
            @for fill in FILLS {
                span { svg width="12" height="12" viewBox="0 0 12 12" {
                    rect width="12" height="12" rx="2" fill=(fill) {}
                } }
            }
            span { "More (questions a day: 0, 1–2, 3–5, 6–9, 10+)" }
        }
    }
}

fn coverage(stats: &Stats) -> Markup {
    html! {
        @if stats.coverage.is_empty() {
            p.empty { "The bank holds no questions." }
        } @else {
            table.coverage {
                thead { tr {
                    th { "Topic" } th { "Junior" } th { "Mid" } th { "Senior" } th { "Staff" }
                    th.num { "Practised" }
                } }
                tbody {
                    @for row in &stats.coverage {
                        tr {
                            td { (row.topic) }
                            @for cell in row.levels {
                                td class={ "cell " (class(cell)) } title=(cell.as_str()) {
                                    (cell.glyph())
                                }
                            }
                            td.num { (row.practised) " of " (row.total) }
                        }
                    }
                }
            }
            p.legend.dim { "● solid · ○ weak · · never practised · blank: no questions at that level" }
        }
    }
}

fn class(cell: Cell) -> &'static str {
    match cell {
        Cell::Empty => "cell-empty",
        Cell::Never => "cell-never",
        Cell::Weak => "cell-weak",
        Cell::Solid => "cell-solid",
    }
}

/// The most missed points, grouped under their question (questions in the
/// order of their most missed point).
fn weakest(points: &[MissedPoint]) -> Markup {
    let mut questions: Vec<(&str, &str, Vec<&MissedPoint>)> = Vec::new();
    for p in points {
        match questions.iter_mut().find(|(id, _, _)| *id == p.question) {
            Some((_, _, listed)) => listed.push(p),
            None => questions.push((&p.question, &p.prompt, vec![p])),
        }
    }
    html! {
        @if points.is_empty() {
            p.empty { "No key point missed yet." }
        } @else {
            table.weakest {
                thead { tr { th { "Key point" } th.num { "Missed" } } }
                @for (id, prompt, listed) in &questions {
                    tbody {
                        tr.question { th colspan="2" { (prompt) " " span.dim { "(" (id) ")" } } }
                        @for p in listed {
                            tr {
                                td { (p.label) }
                                td.num { (p.missed) " of " (p.asked) }
                            }
                        }
                    }
                }
            }
            p.dim { "Missed: the answer earned less than half of the point." }
        }
    }
}

/// A session's markdown transcript as HTML. Raw HTML in it is shown as
/// text, and links and images become their text: nothing in a transcript
/// can add markup, scripts or requests to the page.
fn transcript(record: &Record) -> Markup {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let text = markdown::render(record);
    let events = Parser::new_ext(&text, Options::ENABLE_TABLES).filter_map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(raw)),
        Event::Start(Tag::Link { .. } | Tag::Image { .. })
        | Event::End(TagEnd::Link | TagEnd::Image) => None,
        other => Some(other),
    });
    let mut out = String::new();
    pulldown_cmark::html::push_html(&mut out, events);
    PreEscaped(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::testing::{asked, record};

    fn page(records: &[Record]) -> String {
        let now = 1_772_960_400; // 2026-03-08T09:00:00Z
        let bank: Vec<crate::bank::Question> = ["a", "b"]
            .iter()
            .map(|id| {
                serde_json::from_value(serde_json::json!({
                    "id": id,
                    "category": "technical",
                    "topic": "orm",
                    "levels": ["junior", "mid"],
                    "prompt": "p",
                    "time_limit_s": 120,
                    "model_answer": "m",
                }))
                .unwrap()
            })
            .collect();
        let stats = crate::review::stats::compute(records, &bank, now, &TimeZone::UTC);
        render(records, &stats, now, &TimeZone::UTC)
    }

    fn point(label: &str, credit: f64) -> crate::score::PointResult {
        crate::score::PointResult {
            label: label.into(),
            weight: 2.0,
            covered: credit >= 1.0,
            credit,
            phrasing: None,
            matches: Vec::new(),
            note: None,
            recovered: None,
        }
    }

    /// The page's structure: element names, ids and classes, one per line,
    /// indented by depth; no text, so the snapshot shows the shape.
    fn outline(html: &str) -> String {
        let mut out = String::new();
        let mut depth = 0usize;
        // Elements with no closing tag.
        let voids = ["meta", "br", "hr", "img"];
        let mut rest = html;
        while let Some(start) = rest.find('<') {
            rest = &rest[start + 1..];
            let end = rest.find('>').unwrap_or(rest.len());
            let tag = &rest[..end];
            rest = &rest[end..];
            if tag.starts_with('!') {
                continue;
            }
            if let Some(name) = tag.strip_prefix('/') {
                if !voids.contains(&name) {
                    depth = depth.saturating_sub(1);
                }
                continue;
            }
            let name = tag.split_whitespace().next().unwrap_or("");
            let attr = |key: &str| {
                tag.split(&format!(" {key}=\""))
                    .nth(1)
                    .and_then(|v| v.split('"').next())
                    .map(|v| format!(" {key}={v}"))
                    .unwrap_or_default()
            };
            // Repeated shapes (days, points, rows) are counted, not listed.
            if [
                "rect", "circle", "tr", "td", "th", "line", "text", "title", "span", "li", "p",
                "strong", "code", "pre", "em", "br",
            ]
            .contains(&name)
            {
                if !tag.ends_with('/') && !voids.contains(&name) {
                    depth += 1;
                }
                continue;
            }
            out.push_str(&format!(
                "{}{name}{}{}\n",
                "  ".repeat(depth),
                attr("id"),
                attr("class")
            ));
            if !voids.contains(&name) {
                depth += 1;
            }
        }
        out
    }

    #[test]
    fn the_page_has_every_part_and_a_section_per_session() {
        let mut missed = asked("a", "technical", "orm", Some(40.0));
        missed.points = vec![point("lazy", 0.0), point("cache", 1.0)];
        let records = [
            record(
                "2026-03-01T09:00:00Z",
                "mid",
                vec![missed, asked("b", "choice", "orm", Some(100.0))],
            ),
            record(
                "2026-03-03T09:00:00Z",
                "mid",
                vec![asked("a", "technical", "orm", Some(75.0))],
            ),
        ];
        insta::assert_snapshot!(outline(&page(&records)), @r#"
            html
              head
                meta
                meta
                meta
                style
              body
                header id=top
                  h1
                  div class=figures
                    div class=figure
                      b
                    div class=figure
                      b
                    div class=figure
                      b
                    div class=figure
                      b
                section id=scores
                  h2
                  svg class=chart
                    g class=series series-technical
                      polyline
                    g class=series series-choice
                      polyline
                  div class=legend
                      svg
                      svg
                section id=practice
                  h2
                  svg class=heatmap
                  div class=legend
                      svg
                      svg
                      svg
                      svg
                      svg
                section id=coverage
                  h2
                  table class=coverage
                    thead
                    tbody
                section id=weakest
                  h2
                  table class=weakest
                    thead
                    tbody
                section id=sessions
                  h2
                  table
                    thead
                    tbody
                          a
                          a
                section id=transcripts
                  article id=s-0 class=transcript
                    h1
                    ul
                    h2
                    blockquote
                      a
                  article id=s-1 class=transcript
                    h1
                    ul
                    h2
                    blockquote
                    ul
                    ul
                    h2
                    blockquote
                      a
        "#);
    }

    #[test]
    fn nothing_from_an_answer_becomes_markup() {
        let mut q = asked("a", "technical", "orm", Some(40.0));
        q.answer =
            "<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>"
                .into();
        q.prompt = "<b>bold</b> & \"quoted\"".into();
        let html = page(&[record("2026-03-01T09:00:00Z", "mid", vec![q])]);
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"));
        assert!(!html.contains("href=\"javascript"));
        assert!(!html.contains("<b>bold"));
        assert!(html.contains("&lt;b&gt;bold") || html.contains("\\&lt;b\\&gt;"));
    }

    #[test]
    fn no_sessions_still_make_a_page() {
        let html = page(&[]);
        assert!(html.contains("No sessions yet"));
        assert!(html.contains("No answers yet"));
        assert!(html.contains("No key point missed yet"));
    }

    #[test]
    fn the_most_missed_points_come_first() {
        let answered = |points: Vec<crate::score::PointResult>| {
            let mut q = asked("a", "technical", "orm", Some(40.0));
            q.points = points;
            q
        };
        let records = [
            record(
                "2026-03-01T09:00:00Z",
                "mid",
                vec![answered(vec![
                    point("lazy", 0.0),
                    point("cache", 0.0),
                    point("joins", 1.0),
                ])],
            ),
            record(
                "2026-03-02T09:00:00Z",
                "mid",
                vec![answered(vec![
                    point("lazy", 0.25),
                    point("cache", 1.0),
                    point("joins", 0.5),
                ])],
            ),
        ];
        let listed: Vec<(String, usize, usize)> = weakest_points(&records)
            .into_iter()
            .map(|p| (p.label, p.missed, p.asked))
            .collect();
        assert_eq!(
            listed,
            [("lazy".to_string(), 2, 2), ("cache".to_string(), 1, 2)]
        );
    }
}
