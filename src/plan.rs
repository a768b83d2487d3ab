//! Choosing and ordering the questions of one interview. Pure: the bank, the
//! request, the history of past sessions and a seeded random source in, the
//! plan out — the same inputs always give the same plan.

use crate::bank::{Category, Level, Question, model::CLOSING_TOPIC};
use crate::error::{Error, Result};
use crate::preset::Preset;
use crate::review::schedule::Card;
use rand_chacha::rand_core::Rng;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

pub mod shuffle;

/// What the user asked for, on top of the preset.
#[derive(Debug, Clone, Default)]
pub struct Request {
    /// Total questions (`--questions`), the closing one included.
    pub questions: Option<usize>,
    /// Time budget in minutes (`--minutes`): the plan fits inside it.
    pub minutes: Option<u32>,
    /// Only these categories (`--category`, repeatable); empty means all.
    pub categories: Vec<Category>,
    /// Only this topic (`--topic`).
    pub topic: Option<String>,
    /// Which questions to favour (`--focus`).
    pub focus: Focus,
    /// `--no-probes`: no time is kept for follow-up probes.
    pub no_probes: bool,
    /// Only these topics (the daily session's cram mode); empty means all.
    pub topics: Vec<String>,
    /// Leave out the closing question (a short daily session).
    pub no_closing: bool,
    /// Fill the time budget from the best-ranked questions whatever their
    /// category, passing over any too long for the time left, instead of
    /// keeping the preset's mix (the daily session).
    pub fill: bool,
    /// Ask every question of the bank given, in interview order (a retry
    /// of a session's weak questions).
    pub every: bool,
}

/// Which questions an interview favours, among those at the right level.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Focus {
    /// Questions due for review and new ones, alternately; then the rest,
    /// recently asked ones last.
    #[default]
    Mixed,
    /// Questions due for review first, most overdue first; then new ones.
    Due,
    /// Questions last answered below the pass mark first, lowest mean
    /// first; then due ones, then new ones.
    Weak,
    /// Questions never asked first; then due ones.
    New,
    /// The daily session: questions due first, most overdue first, at any
    /// level; then weak ones, then new ones at the preset's level; picked
    /// across categories by that order alone, not the preset's mix.
    Daily,
}

/// What past sessions say about each question.
#[derive(Debug, Clone, Default)]
pub struct History {
    /// Per question id: how it went before (see `Seen`).
    pub seen: BTreeMap<String, Seen>,
    /// The time now (Unix seconds), to tell which questions are due.
    pub now: i64,
}

/// One question's past, from the stored session records.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Seen {
    /// When it was last asked (Unix seconds).
    pub last_asked: i64,
    /// Whether it was asked in one of the most recent sessions.
    pub recent: bool,
    /// Its place in the spaced-repetition schedule, once answered.
    pub card: Option<Card>,
}

/// One question of the plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Planned {
    /// Bank id.
    pub id: String,
    /// Its category.
    pub category: Category,
    /// Its topic.
    pub topic: String,
    /// Time allowed, after the preset and the budget scaled it.
    pub time_limit_s: u32,
    /// Choice questions: the options in the order shown (see `shuffle`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<String>,
}

/// The questions of an interview, in the order they are asked.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan {
    /// The questions.
    pub questions: Vec<Planned>,
}

impl Plan {
    /// Sum of the time limits, in seconds.
    pub fn total_time_s(&self) -> u32 {
        self.questions.iter().map(|q| q.time_limit_s).sum()
    }
}

/// Plans an interview.
pub fn plan(
    bank: &[Question],
    preset: &Preset,
    request: &Request,
    history: &History,
    rng: &mut impl Rng,
) -> Result<Plan> {
    // Random tie-breakers, drawn once per question in bank order so that the
    // same seed always gives the same plan.
    let keys: BTreeMap<&str, u64> = bank
        .iter()
        .map(|q| (q.id.as_str(), rng.next_u64()))
        .collect();
    let pools = Pools::new(bank, preset, request, history, &keys);
    if pools.is_empty() {
        return Err(Error::Message(no_questions_message(request)));
    }
    // A budget keeps time for the probes the preset may ask, up to a
    // quarter of it: the questions fit in the rest.
    let budget_s = request.minutes.map(|m| {
        let budget = m.saturating_mul(60);
        budget - probe_time(preset, request).min(budget / 4)
    });
    let mut chosen = match (request.questions, budget_s) {
        _ if request.every => bank.iter().collect(),
        (None, Some(budget)) if request.fill => pools.fill(preset, budget),
        (Some(n), _) => pools.choose(preset, request, n.max(1)),
        (None, None) => pools.choose(preset, request, default_count(preset, request)),
        (None, Some(budget)) => {
            // The most questions whose time limits fit in the budget.
            let most = pools.len();
            let mut best = pools.choose(preset, request, 1);
            for n in 2..=most {
                let candidate = pools.choose(preset, request, n);
                if total(&candidate, preset) > budget || candidate.len() < n {
                    break;
                }
                best = candidate;
            }
            best
        }
    };
    order(&mut chosen, &keys);
    let mut planned: Vec<Planned> = chosen
        .iter()
        .map(|q| Planned {
            id: q.id.clone(),
            category: q.category,
            topic: q.topic.clone(),
            time_limit_s: preset.time_limit(q.category, q.time_limit_s),
            options: Vec::new(),
        })
        .collect();
    if let Some(budget) = budget_s {
        squeeze(&mut planned, budget);
    }
    Ok(Plan { questions: planned })
}

/// The time the preset's follow-up probes may take, in seconds.
pub fn probe_time(preset: &Preset, request: &Request) -> u32 {
    if request.no_probes {
        0
    } else {
        u32::try_from(preset.probes)
            .unwrap_or(u32::MAX)
            .saturating_mul(preset.probe_time_s)
    }
}

fn no_questions_message(request: &Request) -> String {
    let mut filters = Vec::new();
    if let Some(topic) = &request.topic {
        filters.push(format!("topic `{topic}`"));
    }
    if !request.categories.is_empty() {
        let names: Vec<&str> = request.categories.iter().map(|c| c.as_str()).collect();
        filters.push(format!("categories `{}`", names.join("`, `")));
    }
    format!(
        "no questions match {}; try another topic or category (`rehearse bank list` shows them)",
        if filters.is_empty() {
            "this preset".to_string()
        } else {
            filters.join(" and ")
        }
    )
}

/// The preset's count, limited to the requested categories, plus closing.
fn default_count(preset: &Preset, request: &Request) -> usize {
    let allowed = |c: &Category| request.categories.is_empty() || request.categories.contains(c);
    let body: usize = Category::ALL
        .iter()
        .filter(|c| allowed(c))
        .map(|c| preset.count(*c))
        .sum();
    let closing = usize::from(closing_wanted(preset, request));
    (body + closing).max(if request.categories.is_empty() { 1 } else { 3 })
}

fn closing_wanted(preset: &Preset, request: &Request) -> bool {
    let behavioral =
        request.categories.is_empty() || request.categories.contains(&Category::Behavioral);
    let topic_ok = request.topic.as_deref().is_none_or(|t| t == CLOSING_TOPIC)
        && (request.topics.is_empty() || request.topics.iter().any(|t| t == CLOSING_TOPIC));
    preset.closing && behavioral && topic_ok && !request.no_closing
}

fn total(questions: &[&Question], preset: &Preset) -> u32 {
    questions
        .iter()
        .map(|q| preset.time_limit(q.category, q.time_limit_s))
        .sum()
}

/// Shrinks time limits proportionally when even the smallest plan is over
/// budget (one long question in a short budget); never below 20 seconds.
fn squeeze(planned: &mut [Planned], budget_s: u32) {
    let total: u32 = planned.iter().map(|q| q.time_limit_s).sum();
    if total <= budget_s || total == 0 {
        return;
    }
    let factor = f64::from(budget_s) / f64::from(total);
    for q in planned {
        q.time_limit_s = ((f64::from(q.time_limit_s) * factor) as u32).max(20);
    }
}

/// How well a question suits this interview: level distance, then history
/// (never asked, asked long ago, asked recently); for the daily session,
/// history first. Lower is better.
type Tier = (usize, usize);

/// Candidate questions per category, best first, with their tier.
struct Pools<'a> {
    by_category: BTreeMap<Category, Vec<(Tier, &'a Question)>>,
    closing: Vec<&'a Question>,
    /// Every candidate but the closing question, best first (the daily
    /// session picks from these, whatever their category).
    ranked: Vec<(Tier, &'a Question)>,
}

impl<'a> Pools<'a> {
    fn new(
        bank: &'a [Question],
        preset: &Preset,
        request: &Request,
        history: &History,
        keys: &BTreeMap<&str, u64>,
    ) -> Pools<'a> {
        let allowed = |q: &Question| {
            (request.categories.is_empty() || request.categories.contains(&q.category))
                && request.topic.as_ref().is_none_or(|t| &q.topic == t)
                && (request.topics.is_empty() || request.topics.contains(&q.topic))
        };
        let now = history.now;
        let key = |q: &Question| keys.get(q.id.as_str()).copied().unwrap_or(0);
        let seen = |q: &Question| history.seen.get(&q.id);
        let card = |q: &Question| seen(q).and_then(|s| s.card.as_ref());
        let due = |q: &Question| card(q).is_some_and(|c| c.is_due(now));
        let new = |q: &Question| seen(q).is_none();
        let settled = |q: &Question| !seen(q).is_some_and(|s| s.recent);
        let weak = |q: &Question| card(q).is_some_and(Card::is_weak);
        // Classes by focus: lower comes first.
        let class = |q: &Question| -> u8 {
            let order: &[bool] = match request.focus {
                Focus::Mixed => &[due(q) || new(q), settled(q)],
                Focus::Due => &[due(q), new(q), settled(q)],
                Focus::Weak => &[weak(q), due(q), new(q), settled(q)],
                Focus::New => &[new(q), due(q), settled(q)],
                Focus::Daily => &[due(q), weak(q), new(q), settled(q)],
            };
            order.iter().position(|b| *b).unwrap_or(order.len()) as u8
        };
        // Mixed: due and new questions take turns, so new ones keep coming.
        let mut due_order: Vec<&Question> = bank.iter().filter(|q| due(q)).collect();
        due_order.sort_by_key(|q| (card(q).map_or(0, |c| c.due_at), key(q)));
        let mut new_order: Vec<&Question> = bank.iter().filter(|q| new(q)).collect();
        new_order.sort_by_key(|q| key(q));
        let turn: BTreeMap<&str, u64> = due_order
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id.as_str(), 2 * i as u64))
            .chain(
                new_order
                    .iter()
                    .enumerate()
                    .map(|(i, q)| (q.id.as_str(), 2 * i as u64 + 1)),
            )
            .collect();
        let within = |q: &Question| -> (i64, u64) {
            match request.focus {
                Focus::Mixed if due(q) || new(q) => {
                    (0, turn.get(q.id.as_str()).copied().unwrap_or(0))
                }
                Focus::Weak if weak(q) => (
                    (card(q).map_or(0.0, |c| c.mean_score) * 10.0) as i64,
                    key(q),
                ),
                _ if due(q) => (card(q).map_or(0, |c| c.due_at), key(q)),
                _ => (seen(q).map_or(i64::MIN, |s| s.last_asked), key(q)),
            }
        };
        let tier = |q: &Question| -> Tier {
            let distance = level_distance(q, preset.levels);
            match request.focus {
                // What is due comes back at whatever level it was asked.
                Focus::Daily if due(q) => (usize::from(class(q)), 0),
                Focus::Daily => (usize::from(class(q)), distance),
                _ => (distance, usize::from(class(q))),
            }
        };
        let rank = |q: &Question| (tier(q), within(q));
        let mut by_category: BTreeMap<Category, Vec<(Tier, &Question)>> = BTreeMap::new();
        let mut closing = Vec::new();
        for q in bank.iter().filter(|q| allowed(q)) {
            if q.topic == CLOSING_TOPIC && request.topic.as_deref() != Some(CLOSING_TOPIC) {
                closing.push(q);
            } else {
                by_category
                    .entry(q.category)
                    .or_default()
                    .push((tier(q), q));
            }
        }
        for pool in by_category.values_mut() {
            pool.sort_by_key(|(_, q)| rank(q));
        }
        closing.sort_by_key(|q| rank(q));
        let mut ranked: Vec<(Tier, &Question)> = by_category.values().flatten().copied().collect();
        ranked.sort_by_key(|(_, q)| (rank(q), q.id.as_str()));
        Pools {
            by_category,
            closing,
            ranked,
        }
    }

    /// The best-ranked questions that fit in `budget_s` together, taken in
    /// rank order, passing over those too long for the time left, topics
    /// spread where the ranks allow; the best one alone when none fits.
    fn fill(&self, preset: &Preset, budget_s: u32) -> Vec<&'a Question> {
        let mut chosen: Vec<&Question> = Vec::new();
        let mut left = budget_s;
        let mut used_topics = BTreeSet::new();
        for group in self.ranked.chunk_by(|a, b| a.0 == b.0) {
            // New topics first within a tier, then the rest.
            let fresh = group
                .iter()
                .filter(|(_, q)| !used_topics.contains(q.topic.as_str()));
            let again = group
                .iter()
                .filter(|(_, q)| used_topics.contains(q.topic.as_str()));
            let order: Vec<&Question> = fresh.chain(again).map(|(_, q)| *q).collect();
            for q in order {
                if chosen.iter().any(|c| c.id == q.id) {
                    continue;
                }
                let limit = preset.time_limit(q.category, q.time_limit_s);
                if limit <= left {
                    left -= limit;
                    used_topics.insert(q.topic.as_str());
                    chosen.push(q);
                }
            }
        }
        // Nothing fits: the best one, its time squeezed to the budget.
        if chosen.is_empty() {
            chosen.extend(self.ranked.first().map(|(_, q)| *q));
        }
        chosen
    }

    fn is_empty(&self) -> bool {
        self.by_category.values().all(Vec::is_empty) && self.closing.is_empty()
    }

    fn len(&self) -> usize {
        self.by_category.values().map(Vec::len).sum::<usize>()
            + usize::from(!self.closing.is_empty())
    }

    /// `n` questions: counts per category in the preset's proportions, the
    /// closing question last when wanted, topics spread out.
    fn choose(&self, preset: &Preset, request: &Request, n: usize) -> Vec<&'a Question> {
        let closing = closing_wanted(preset, request) && !self.closing.is_empty() && n >= 3;
        let body = n - usize::from(closing);
        let mut used_topics = BTreeSet::new();
        let mut chosen = Vec::new();
        if request.fill {
            chosen = pick(&self.ranked, body, &mut used_topics);
        } else {
            for (category, count) in allocate(preset, request, body, &self.by_category) {
                chosen.extend(pick(&self.by_category[&category], count, &mut used_topics));
            }
        }
        if closing {
            chosen.push(self.closing[0]);
        }
        chosen
    }
}

/// `count` questions of `pool` (best first), tier by tier; within a tier,
/// topics not yet in `used_topics` before those already in the interview.
fn pick<'a>(
    pool: &[(Tier, &'a Question)],
    count: usize,
    used_topics: &mut BTreeSet<&'a str>,
) -> Vec<&'a Question> {
    let mut picked: Vec<&Question> = Vec::new();
    for group in pool.chunk_by(|a, b| a.0 == b.0) {
        for (_, q) in group {
            if picked.len() < count && !used_topics.contains(q.topic.as_str()) {
                used_topics.insert(q.topic.as_str());
                picked.push(q);
            }
        }
        for (_, q) in group {
            if picked.len() < count && !picked.iter().any(|p| p.id == q.id) {
                picked.push(q);
            }
        }
    }
    picked
}

/// How far a question's levels are from the preset's (0 when it matches).
fn level_distance(q: &Question, levels: &[Level]) -> usize {
    let index = |l: &Level| Level::ALL.iter().position(|x| x == l).unwrap_or(0);
    q.levels
        .iter()
        .flat_map(|a| levels.iter().map(move |b| index(a).abs_diff(index(b))))
        .min()
        .unwrap_or(usize::MAX)
}

/// Splits `n` questions over the categories in the preset's proportions
/// (largest remainder), limited to what each pool holds.
fn allocate(
    preset: &Preset,
    request: &Request,
    n: usize,
    pools: &BTreeMap<Category, Vec<(Tier, &Question)>>,
) -> Vec<(Category, usize)> {
    let available: Vec<(Category, usize)> = Category::ALL
        .iter()
        .filter(|c| request.categories.is_empty() || request.categories.contains(c))
        .map(|c| (*c, pools.get(c).map_or(0, Vec::len)))
        .filter(|(_, len)| *len > 0)
        .collect();
    let mut weights: Vec<f64> = available
        .iter()
        .map(|(c, _)| preset.count(*c) as f64)
        .collect();
    if weights.iter().all(|w| *w == 0.0) {
        weights = vec![1.0; available.len()];
    }
    let sum: f64 = weights.iter().sum();
    let mut counts: Vec<usize> = vec![0; available.len()];
    let mut left = n.min(available.iter().map(|(_, len)| len).sum());
    // Largest remainder, one seat at a time, skipping full pools.
    while left > 0 {
        let target = |i: usize| weights[i] / sum * n as f64 - counts[i] as f64;
        let next = (0..available.len())
            .filter(|&i| counts[i] < available[i].1 && weights[i] > 0.0)
            .max_by(|&a, &b| target(a).total_cmp(&target(b)).then(b.cmp(&a)));
        let Some(i) = next else {
            break;
        };
        counts[i] += 1;
        left -= 1;
    }
    available
        .iter()
        .map(|(c, _)| *c)
        .zip(counts)
        .filter(|(_, n)| *n > 0)
        .collect()
}

/// The order of a real interview: an easy warm-up, screening questions,
/// technical and coding questions, system design late, the closing question
/// last, with behavioral questions spread evenly between them; then no topic
/// twice in a row where a swap within a category can avoid it.
fn order(questions: &mut Vec<&Question>, keys: &BTreeMap<&str, u64>) {
    let key = |q: &Question| keys.get(q.id.as_str()).copied().unwrap_or(0);
    let difficulty = |q: &Question| {
        let lowest = q
            .levels
            .iter()
            .filter_map(|l| Level::ALL.iter().position(|x| x == l))
            .min()
            .unwrap_or(0);
        (lowest, q.time_limit_s, key(q))
    };
    let all: Vec<&Question> = std::mem::take(questions);
    let of = |c: Category| -> Vec<&Question> {
        let mut group: Vec<&Question> = all
            .iter()
            .copied()
            .filter(|q| q.category == c && q.topic != CLOSING_TOPIC)
            .collect();
        group.sort_by_key(|q| difficulty(q));
        group
    };
    let closing: Vec<&Question> = all
        .iter()
        .copied()
        .filter(|q| q.topic == CLOSING_TOPIC)
        .collect();
    let (choice, mut technical, coding) = (
        of(Category::Choice),
        of(Category::Technical),
        of(Category::Coding),
    );
    let (stories, design) = (of(Category::Behavioral), of(Category::SystemDesign));

    // Everything but the stories, in interview order.
    let mut main: Vec<&Question> = Vec::new();
    if choice.is_empty() && !technical.is_empty() {
        main.push(technical.remove(0));
    }
    main.extend(&choice);
    let screening = main.len();
    let (mut t, mut c) = (
        technical.into_iter().peekable(),
        coding.into_iter().peekable(),
    );
    while t.peek().is_some() || c.peek().is_some() {
        main.extend(t.next());
        main.extend(t.next());
        main.extend(c.next());
    }
    main.extend(design);

    // Stories go after evenly spaced questions, never before the warm-up and
    // screening are over. With no other question (`--category behavioral`)
    // there is nothing to go after: they come first, below.
    let gaps: Vec<usize> = (screening.max(1) - 1..main.len()).collect();
    let k = stories.len();
    let mut after: Vec<usize> = (0..k)
        .map(|j| {
            gaps.get((j + 1) * gaps.len() / (k + 1))
                .copied()
                .unwrap_or(main.len().saturating_sub(1))
        })
        .collect();
    after.sort_unstable();
    let mut stories = stories.into_iter();
    let mut ordered = Vec::with_capacity(all.len());
    if main.is_empty() {
        ordered.extend(stories.by_ref());
    }
    for (i, q) in main.iter().enumerate() {
        ordered.push(*q);
        for _ in after.iter().filter(|&&a| a == i) {
            ordered.extend(stories.next());
        }
    }
    ordered.extend(stories);
    ordered.extend(closing);
    spread_topics(&mut ordered);
    *questions = ordered;
}

/// Swaps questions of the same category so that no topic comes twice in a
/// row, where possible.
fn spread_topics(questions: &mut [&Question]) {
    for i in 1..questions.len() {
        if questions[i].topic != questions[i - 1].topic || questions[i].topic == CLOSING_TOPIC {
            continue;
        }
        // Only swap within a category, so the interview's shape stays.
        let category = questions[i].category;
        let swap = (i + 1..questions.len()).find(|&j| {
            questions[j].category == category
                && questions[j].topic != questions[i - 1].topic
                && questions[j].topic != CLOSING_TOPIC
        });
        if let Some(j) = swap {
            questions.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests;
