//! How an answer's outcome is put in words, the same on the screen and in
//! the transcript: an option's letter, the hint's cost, what a probe did.

use crate::term::number;
use crate::transcript::record::Asked;

/// What a probe asked about and what its answer did, in one line.
pub fn probe_outcome(probe: &crate::probe::Probe) -> String {
    use crate::probe::{ProbeState, Target};
    let about = match &probe.target {
        Target::Point { label } => format!("\"{label}\""),
        Target::Star { part } => format!("the {} of the story", part.name()),
        Target::Why => "why (not scored)".to_string(),
    };
    let outcome = match probe.state {
        ProbeState::Passed => "passed".to_string(),
        ProbeState::Interrupted => "interrupted".to_string(),
        ProbeState::Answered if matches!(probe.target, Target::Why) => "answered".to_string(),
        ProbeState::Answered if probe.gained > 0.0 => {
            format!("+{} points recovered", number(probe.gained))
        }
        ProbeState::Answered => "answered, nothing recovered".to_string(),
    };
    format!("{about}: {outcome}")
}

/// `A`, `B`, … for option `i`.
pub fn letter(i: usize) -> char {
    char::from(b'A' + (i % 26) as u8)
}

/// An option with the letter it was shown under: `B) 8000` (just the text
/// when it was not among the options shown).
pub fn lettered(asked: &Asked, option: &str) -> String {
    match asked.letter_of(option) {
        Some(l) => format!("{l}) {option}"),
        None => option.to_string(),
    }
}

/// What the hint cost, when it was used: `hint used (-10 points)`. Records
/// older than `hint_cost` say only that it was used.
pub fn hint_note(asked: &Asked) -> Option<String> {
    if !asked.hint_used {
        return None;
    }
    Some(match asked.hint_cost {
        Some(cost) if cost > 0.0 => format!("hint used (-{} points)", number(cost)),
        Some(_) => "hint used (no points to take off)".to_string(),
        None => "hint used".to_string(),
    })
}
