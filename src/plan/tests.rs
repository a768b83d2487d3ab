use super::*;
use crate::preset::{self, PRESETS};
use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::SeedableRng;

/// A synthetic bank shaped like a real one, so that these tests depend on
/// the planner and not on the built-in questions. At each pair of
/// neighbouring levels: two technical questions on each of twelve topics,
/// a coding question on each of the first six and a system-design question
/// on each of the last six, and a story on each of fourteen story topics. At
/// each level: a multiple-choice question on each of the twelve topics and
/// a closing question.
fn bank() -> Vec<Question> {
    static BANK: std::sync::OnceLock<Vec<Question>> = std::sync::OnceLock::new();
    BANK.get_or_init(synthetic).clone()
}

fn synthetic() -> Vec<Question> {
    const TOPICS: [&str; 12] = [
        "orm", "caching", "security", "testing", "views", "models", "forms", "auth", "tasks",
        "admin", "urls", "signals",
    ];
    const STORIES: [&str; 14] = [
        "conflict",
        "failure",
        "deadline",
        "mentoring",
        "ownership",
        "feedback",
        "learning",
        "incident",
        "project",
        "process",
        "ambiguity",
        "leadership",
        "stakeholders",
        "review",
    ];
    let pairs: [&[&str]; 3] = [&["junior", "mid"], &["mid", "senior"], &["senior", "staff"]];
    let question = |id: String, category: &str, topic: &str, levels: &[&str], time: u32| {
        let mut q = serde_json::json!({
            "id": id,
            "category": category,
            "topic": topic,
            "levels": levels,
            "prompt": "p",
            "time_limit_s": time,
            "model_answer": "m",
        });
        if category == "choice" {
            q["options"] = serde_json::json!(["a", "b", "c"]);
            q["answer"] = "a".into();
        }
        serde_json::from_value::<Question>(q).expect("a valid synthetic question")
    };
    let mut bank = Vec::new();
    for (p, levels) in pairs.iter().enumerate() {
        for (t, topic) in TOPICS.iter().enumerate() {
            for n in 0..2 {
                let id = format!("{topic}-technical-{p}-{n}");
                bank.push(question(id, "technical", topic, levels, 180));
            }
            if t < 6 {
                bank.push(question(
                    format!("{topic}-coding-{p}"),
                    "coding",
                    topic,
                    levels,
                    480,
                ));
            } else {
                let id = format!("{topic}-design-{p}");
                bank.push(question(id, "system-design", topic, levels, 900));
            }
        }
        for topic in STORIES {
            bank.push(question(
                format!("story-{topic}-{p}"),
                "behavioral",
                topic,
                levels,
                300,
            ));
        }
    }
    for level in Level::ALL {
        let level = level.as_str();
        for topic in TOPICS {
            bank.push(question(
                format!("choice-{topic}-{level}"),
                "choice",
                topic,
                &[level],
                60,
            ));
        }
        let id = format!("closing-{level}");
        bank.push(question(id, "behavioral", CLOSING_TOPIC, &[level], 240));
    }
    bank
}

fn run(preset: &str, request: &Request, history: &History, seed: u64) -> Plan {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    plan(
        &bank(),
        preset::find(preset).unwrap(),
        request,
        history,
        &mut rng,
    )
    .unwrap()
}

fn ids(plan: &Plan) -> Vec<&str> {
    plan.questions.iter().map(|q| q.id.as_str()).collect()
}

fn count(plan: &Plan, category: Category) -> usize {
    plan.questions
        .iter()
        .filter(|q| q.category == category)
        .count()
}

#[test]
fn each_preset_gets_its_counts_per_category_and_a_closing_question() {
    for preset in &PRESETS {
        let plan = run(preset.name, &Request::default(), &History::default(), 7);
        for category in Category::ALL {
            let closing = usize::from(category == Category::Behavioral);
            assert_eq!(
                count(&plan, category),
                preset.count(category) + closing,
                "{} {category}",
                preset.name
            );
        }
        assert_eq!(
            plan.questions.last().unwrap().topic,
            CLOSING_TOPIC,
            "{}",
            preset.name
        );
    }
}

#[test]
fn questions_come_from_the_presets_levels() {
    let by_id: BTreeMap<String, Question> = bank().into_iter().map(|q| (q.id.clone(), q)).collect();
    for preset in &PRESETS {
        let plan = run(preset.name, &Request::default(), &History::default(), 3);
        for q in &plan.questions {
            let levels = &by_id[&q.id].levels;
            assert!(
                preset.levels.iter().any(|l| levels.contains(l)),
                "{} got {}",
                preset.name,
                q.id
            );
        }
    }
}

#[test]
fn the_same_seed_and_history_give_the_same_plan() {
    let a = run("senior", &Request::default(), &History::default(), 42);
    let b = run("senior", &Request::default(), &History::default(), 42);
    assert_eq!(a, b);
    let others: BTreeSet<Vec<String>> = (0..10)
        .map(|seed| run("senior", &Request::default(), &History::default(), seed))
        .map(|p| p.questions.into_iter().map(|q| q.id).collect())
        .collect();
    assert!(others.len() > 5, "seeds should vary the plan");
}

/// Three interviews in a row at each level, each remembering the ones
/// before: no question is asked twice while others remain.
#[test]
fn recent_questions_are_avoided_so_every_level_has_several_distinct_interviews() {
    for preset in &PRESETS {
        let mut history = History::default();
        let mut asked: Vec<String> = Vec::new();
        for (session, seed) in [11u64, 12, 13].into_iter().enumerate() {
            let plan = run(preset.name, &Request::default(), &history, seed);
            for q in plan.questions.iter().filter(|q| q.topic != CLOSING_TOPIC) {
                assert!(
                    !asked.contains(&q.id),
                    "{}: {} repeated in interview {}",
                    preset.name,
                    q.id,
                    session + 1
                );
                asked.push(q.id.clone());
            }
            for q in &plan.questions {
                history.seen.insert(
                    q.id.clone(),
                    Seen {
                        last_asked: session as i64,
                        recent: true,
                        card: None,
                    },
                );
            }
        }
    }
}

#[test]
fn long_ago_questions_come_back_before_recent_ones() {
    let first = run(
        "staff",
        &Request {
            categories: vec![Category::Coding],
            ..Request::default()
        },
        &History::default(),
        1,
    );
    // Mark every staff coding question as seen: one long ago, the rest recently.
    let staff_coding: Vec<String> = bank()
        .into_iter()
        .filter(|q| q.category == Category::Coding && q.levels.contains(&Level::Staff))
        .map(|q| q.id)
        .collect();
    let mut history = History::default();
    for (i, id) in staff_coding.iter().enumerate() {
        history.seen.insert(
            id.clone(),
            Seen {
                last_asked: 100 + i as i64,
                recent: i != 0,
                card: None,
            },
        );
    }
    let next = run(
        "staff",
        &Request {
            categories: vec![Category::Coding],
            questions: Some(1),
            ..Request::default()
        },
        &history,
        1,
    );
    assert_eq!(ids(&next), [staff_coding[0].as_str()]);
    assert!(!first.questions.is_empty());
}

#[test]
fn minutes_fit_the_interview_into_the_budget() {
    let full = run("mid", &Request::default(), &History::default(), 5);
    for minutes in [10u32, 25, 45] {
        let plan = run(
            "mid",
            &Request {
                minutes: Some(minutes),
                ..Request::default()
            },
            &History::default(),
            5,
        );
        // The preset's probes keep their time inside the budget.
        let probes =
            crate::plan::probe_time(crate::preset::find("mid").unwrap(), &Request::default());
        assert!(probes > 0);
        assert!(
            plan.total_time_s() + probes.min(minutes * 15) <= minutes * 60,
            "{minutes} min: {} s",
            plan.total_time_s()
        );
        assert!(!plan.questions.is_empty());
    }
    let short = run(
        "mid",
        &Request {
            minutes: Some(10),
            ..Request::default()
        },
        &History::default(),
        5,
    );
    assert!(short.questions.len() < full.questions.len());
    // A budget below the shortest question still gives one, squeezed to fit.
    let tiny = run(
        "staff",
        &Request {
            minutes: Some(1),
            categories: vec![Category::SystemDesign],
            no_probes: true,
            ..Request::default()
        },
        &History::default(),
        5,
    );
    assert_eq!(tiny.questions.len(), 1);
    assert_eq!(tiny.total_time_s(), 60);
    // With probes, at most a quarter of the budget is kept for them.
    let probed = run(
        "staff",
        &Request {
            minutes: Some(4),
            categories: vec![Category::SystemDesign],
            ..Request::default()
        },
        &History::default(),
        5,
    );
    assert_eq!(probed.total_time_s(), 180);
}

#[test]
fn question_count_and_filters_are_honoured() {
    let plan = run(
        "junior",
        &Request {
            questions: Some(5),
            ..Request::default()
        },
        &History::default(),
        9,
    );
    assert_eq!(plan.questions.len(), 5);
    let plan = run(
        "senior",
        &Request {
            categories: vec![Category::Technical],
            questions: Some(4),
            ..Request::default()
        },
        &History::default(),
        9,
    );
    assert_eq!(count(&plan, Category::Technical), 4);
    assert_eq!(plan.questions.len(), 4);
    let plan = run(
        "mid",
        &Request {
            topic: Some("orm".into()),
            ..Request::default()
        },
        &History::default(),
        9,
    );
    assert!(plan.questions.iter().all(|q| q.topic == "orm"));
    assert!(!plan.questions.is_empty());
    // Juniors have no system design of their own; neighbouring levels fill in.
    let plan = run(
        "junior",
        &Request {
            categories: vec![Category::SystemDesign],
            ..Request::default()
        },
        &History::default(),
        9,
    );
    assert!(
        plan.questions
            .iter()
            .all(|q| q.category == Category::SystemDesign)
    );
    assert!(!plan.questions.is_empty());
}

/// Stories are spread between the other questions; with no other
/// question there is nothing to spread them between.
#[test]
fn an_interview_of_stories_only_is_planned() {
    for preset in ["junior", "staff"] {
        let plan = run(
            preset,
            &Request {
                categories: vec![Category::Behavioral],
                ..Request::default()
            },
            &History::default(),
            9,
        );
        assert!(plan.questions.len() > 1, "{preset}");
        assert_eq!(
            count(&plan, Category::Behavioral),
            plan.questions.len(),
            "{preset}"
        );
    }
}

#[test]
fn no_matching_questions_is_a_clear_error() {
    let mut rng = ChaCha8Rng::seed_from_u64(1);
    let request = Request {
        topic: Some("orm".into()),
        categories: vec![Category::Behavioral],
        ..Request::default()
    };
    let err = plan(
        &bank(),
        preset::find("mid").unwrap(),
        &request,
        &History::default(),
        &mut rng,
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "no questions match topic `orm` and categories `behavioral`; try another topic or category (`rehearse bank list` shows them)"
    );
}

#[test]
fn interviews_are_ordered_like_real_ones() {
    for seed in 0..20 {
        for preset in &PRESETS {
            let plan = run(preset.name, &Request::default(), &History::default(), seed);
            let cats: Vec<Category> = plan.questions.iter().map(|q| q.category).collect();
            // Warm-up: a screening question or an easy technical one, never a story.
            assert_ne!(cats[0], Category::Behavioral, "{} {seed}", preset.name);
            assert_ne!(cats[0], Category::SystemDesign);
            // System design late: only the closing question after it.
            if let Some(first_design) = cats.iter().position(|c| *c == Category::SystemDesign) {
                assert!(
                    cats[first_design..]
                        .iter()
                        .all(|c| matches!(c, Category::SystemDesign | Category::Behavioral))
                );
                assert_eq!(plan.questions[cats.len() - 1].topic, CLOSING_TOPIC);
            }
            // Behavioral questions are mixed in, not bunched at the end.
            let stories: Vec<usize> = plan
                .questions
                .iter()
                .enumerate()
                .filter(|(_, q)| q.category == Category::Behavioral && q.topic != CLOSING_TOPIC)
                .map(|(i, _)| i)
                .collect();
            assert!(
                stories.windows(2).all(|w| w[1] - w[0] > 1),
                "{} {seed}: {cats:?}",
                preset.name
            );
            // No topic twice in a row.
            for pair in plan.questions.windows(2) {
                assert_ne!(
                    pair[0].topic,
                    pair[1].topic,
                    "{} {seed}: {:?}",
                    preset.name,
                    ids(&plan)
                );
            }
        }
    }
}

/// Technical questions for seniors, as the planner would consider them.
fn senior_technical() -> Vec<String> {
    bank()
        .into_iter()
        .filter(|q| q.category == Category::Technical && q.levels.contains(&Level::Senior))
        .map(|q| q.id)
        .collect()
}

/// A history where the first `due` questions are due for review (answered
/// well long ago), the next `weak` were answered poorly and are not due yet,
/// and the next `fresh` were answered well recently and are not due.
fn schedule_history(ids: &[String], due: usize, weak: usize, fresh: usize) -> History {
    use crate::review::schedule::{Attempt, card};
    let day = 86_400;
    let now = 100 * day;
    let mut history = History {
        now,
        ..History::default()
    };
    let mut add = |id: &String, at: i64, score: f64, recent: bool| {
        let answers = [Attempt {
            at,
            score,
            pass: 65.0,
            rating: None,
        }];
        history.seen.insert(
            id.clone(),
            Seen {
                last_asked: at,
                recent,
                card: card(&answers),
            },
        );
    };
    for id in &ids[..due] {
        add(id, now - 10 * day, 90.0, false);
    }
    for id in &ids[due..due + weak] {
        add(id, now - day / 2, 20.0, true);
    }
    for id in &ids[due + weak..due + weak + fresh] {
        add(id, now - day / 2, 95.0, true);
    }
    history
}

fn technical_plan(history: &History, focus: Focus, n: usize) -> Vec<String> {
    let request = Request {
        categories: vec![Category::Technical],
        questions: Some(n),
        focus,
        ..Request::default()
    };
    run("senior", &request, history, 4)
        .questions
        .into_iter()
        .map(|q| q.id)
        .collect()
}

#[test]
fn focus_due_puts_questions_due_for_review_first() {
    let ids = senior_technical();
    let history = schedule_history(&ids, 3, 3, 3);
    let plan = technical_plan(&history, Focus::Due, 3);
    assert!(plan.iter().all(|id| ids[..3].contains(id)), "{plan:?}");
}

#[test]
fn focus_weak_puts_poorly_answered_questions_first_even_before_they_are_due() {
    let ids = senior_technical();
    let history = schedule_history(&ids, 3, 3, 3);
    let plan = technical_plan(&history, Focus::Weak, 3);
    assert!(plan.iter().all(|id| ids[3..6].contains(id)), "{plan:?}");
}

#[test]
fn focus_new_puts_questions_never_asked_first() {
    let ids = senior_technical();
    let history = schedule_history(&ids, 3, 3, 3);
    let plan = technical_plan(&history, Focus::New, 3);
    assert!(plan.iter().all(|id| !ids[..9].contains(id)), "{plan:?}");
}

#[test]
fn the_default_mix_brings_due_questions_back_and_keeps_new_ones_coming() {
    let ids = senior_technical();
    let history = schedule_history(&ids, 6, 0, 0);
    let plan = technical_plan(&history, Focus::Mixed, 4);
    let due = plan.iter().filter(|id| ids[..6].contains(id)).count();
    // Due and new take turns; spreading the topics may swap one of a turn
    // for another of the other kind, never leave either out.
    assert!((1..=3).contains(&due), "due and new in turn: {plan:?}");
    // Questions answered well recently stay away while others remain.
    let history = schedule_history(&ids, 0, 0, 6);
    let plan = technical_plan(&history, Focus::Mixed, 4);
    assert!(plan.iter().all(|id| !ids[..6].contains(id)), "{plan:?}");
}

#[test]
fn the_daily_session_fills_its_minutes_with_due_then_weak_then_new_questions() {
    // Senior technical questions, but the plan is for a junior: what is due
    // still comes back at its own level.
    let senior = senior_technical();
    let history = schedule_history(&senior, 2, 2, 2);
    let daily = |minutes: u32| {
        let request = Request {
            minutes: Some(minutes),
            focus: Focus::Daily,
            fill: true,
            no_closing: true,
            no_probes: true,
            ..Request::default()
        };
        run("junior", &request, &history, 3)
    };
    // Four questions of 5m20s and room for more.
    let plan = daily(25);
    let chosen = ids(&plan);
    let position = |id: &String| chosen.iter().position(|c| c == id);
    // Both due questions, then both weak ones, are in.
    for id in &senior[..4] {
        assert!(position(id).is_some(), "{id} missing from {chosen:?}");
    }
    // The rest is new, and all of it fits.
    assert!(plan.total_time_s() <= 25 * 60, "{}", plan.total_time_s());
    assert!(chosen.len() > 4, "{chosen:?}");
    assert!(
        chosen
            .iter()
            .all(|id| !senior[4..6].iter().any(|f| f == id)),
        "{chosen:?}"
    );
    assert!(plan.questions.iter().all(|q| q.topic != CLOSING_TOPIC));
    // A budget too small for any question still gets the most due one,
    // squeezed to fit.
    let tiny = daily(1);
    assert_eq!(tiny.questions.len(), 1);
    assert!(
        senior[..2].contains(&tiny.questions[0].id),
        "{:?}",
        ids(&tiny)
    );
    assert!(tiny.total_time_s() <= 60);
}
