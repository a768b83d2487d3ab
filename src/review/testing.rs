//! Records for tests of progress: sessions made with a fake clock.

use crate::transcript::record::{Asked, Rating, Record, State, Status};

/// A question done in a session: answered with `score`, or skipped (`None`).
pub fn asked(id: &str, category: &str, topic: &str, score: Option<f64>) -> Asked {
    let mut q: Asked = serde_json::from_value(serde_json::json!({
        "id": id,
        "category": category,
        "topic": topic,
        "prompt": format!("The prompt of {id}"),
        "state": "pending",
        "time_limit_s": 180,
    }))
    .expect("a valid question");
    match score {
        Some(score) => {
            q.state = State::Answered;
            q.score = Some(score);
        }
        None => {
            q.state = State::Skipped;
            q.skipped = true;
        }
    }
    q.time_used_s = 120;
    q
}

/// The same, rated by the candidate.
pub fn rated(mut q: Asked, rating: Rating) -> Asked {
    q.self_rating = Some(rating);
    q
}

/// A complete session started at `at` (RFC 3339) under `preset`.
pub fn record(at: &str, preset: &str, questions: Vec<Asked>) -> Record {
    Record {
        format_version: 1,
        id: format!("{at}-{preset}"),
        preset: preset.to_string(),
        track: crate::bank::DEFAULT_TRACK.to_string(),
        seed: 1,
        started_at: at.to_string(),
        updated_at: at.to_string(),
        status: Status::Complete,
        strict_time: false,
        timer: true,
        questions,
        retry_of: None,
        summary: None,
    }
}
