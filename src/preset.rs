//! Seniority presets: what a junior, mid, senior or staff interview is made of.

use crate::bank::{Category, Level};
use crate::error::{Error, Result};
use crate::suggest;
use serde::Serialize;

/// When the candidate sees how each answer scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Feedback {
    /// Score, key points and model answer right after each answer.
    AfterEach,
    /// Everything at the end, as in a real interview.
    AtEnd,
}

/// The shape of one kind of interview.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Preset {
    /// `junior`, `mid`, `senior` or `staff`.
    pub name: &'static str,
    /// One line about who it is for.
    pub description: &'static str,
    /// Bank levels the questions are drawn from (neighbouring levels fill in
    /// when a category has too few).
    pub levels: &'static [Level],
    /// Questions per category, in [`Category::ALL`] order; the closing
    /// "questions for us" comes on top.
    pub questions: [usize; 5],
    /// Base answer time per category in seconds, in [`Category::ALL`] order;
    /// a question's own suggested time scales it (see [`Preset::time_limit`]).
    pub base_time_s: [u32; 5],
    /// Whether the interview ends with "do you have questions for us?".
    pub closing: bool,
    /// When feedback is shown.
    pub feedback: Feedback,
    /// Overall score (0–100) that passes for this level.
    pub pass: f64,
    /// Overall score that is a strong pass.
    pub strong: f64,
    /// Follow-up probes the interview may ask in all.
    pub probes: usize,
    /// Time for one probe, in seconds.
    pub probe_time_s: u32,
    /// Whether a strong answer gets a deeper "why" follow-up.
    pub why: bool,
}

/// The time (seconds) the bank's suggested limits are written against, per
/// category: a question suggesting twice this gets twice the preset's base.
const REFERENCE_TIME_S: [u32; 5] = [180, 600, 1800, 300, 60];

/// The four presets.
pub const PRESETS: [Preset; 4] = [
    Preset {
        name: "junior",
        description: "Up to two years: fundamentals, screening questions, feedback as you go",
        levels: &[Level::Junior],
        questions: [4, 1, 0, 2, 3],
        base_time_s: [240, 900, 1500, 300, 75],
        closing: true,
        feedback: Feedback::AfterEach,
        pass: 55.0,
        strong: 75.0,
        probes: 2,
        probe_time_s: 90,
        why: false,
    },
    Preset {
        name: "mid",
        description: "Independent on features: depth on Django, one design question",
        levels: &[Level::Mid],
        questions: [4, 1, 1, 2, 2],
        base_time_s: [210, 720, 1800, 300, 60],
        closing: true,
        feedback: Feedback::AfterEach,
        pass: 60.0,
        strong: 78.0,
        probes: 3,
        probe_time_s: 90,
        why: false,
    },
    Preset {
        name: "senior",
        description: "Owns systems: trade-offs, design, stories of leading; feedback at the end",
        levels: &[Level::Senior],
        questions: [3, 1, 1, 3, 0],
        base_time_s: [180, 600, 2100, 300, 60],
        closing: true,
        feedback: Feedback::AtEnd,
        pass: 65.0,
        strong: 80.0,
        probes: 3,
        probe_time_s: 120,
        why: true,
    },
    Preset {
        name: "staff",
        description: "Shapes architecture across teams: long design rounds and influence",
        levels: &[Level::Staff],
        questions: [2, 1, 2, 4, 0],
        base_time_s: [180, 600, 2700, 360, 60],
        closing: true,
        feedback: Feedback::AtEnd,
        pass: 70.0,
        strong: 85.0,
        probes: 4,
        probe_time_s: 150,
        why: true,
    },
];

/// The default when none is chosen and no terminal can ask.
pub const DEFAULT: &str = "mid";

/// The preset with this name, or an error suggesting the closest.
pub fn find(name: &str) -> Result<&'static Preset> {
    PRESETS
        .iter()
        .find(|p| p.name == name)
        .ok_or_else(|| Error::UnknownName {
            kind: "preset",
            name: name.to_string(),
            suggestion: suggest::closest(name, PRESETS.iter().map(|p| p.name)),
            hint: "run `rehearse presets` to list them".into(),
        })
}

fn slot(category: Category) -> usize {
    Category::ALL
        .iter()
        .position(|c| *c == category)
        .unwrap_or(0)
}

impl Preset {
    /// Questions of `category` in this interview (the closing one not counted).
    pub fn count(&self, category: Category) -> usize {
        self.questions[slot(category)]
    }

    /// The time allowed for a question of `category` whose bank suggests
    /// `suggested_s`: the preset's base for the category, scaled by how the
    /// suggestion compares with the category's reference time, rounded to
    /// 10 seconds.
    pub fn time_limit(&self, category: Category, suggested_s: u32) -> u32 {
        let i = slot(category);
        let scaled = f64::from(self.base_time_s[i]) * f64::from(suggested_s)
            / f64::from(REFERENCE_TIME_S[i]);
        ((scaled / 10.0).round() as u32 * 10).max(20)
    }

    /// The verdict for an overall score.
    pub fn verdict(&self, score: f64) -> Verdict {
        if score >= self.strong {
            Verdict::Strong
        } else if score >= self.pass {
            Verdict::Pass
        } else if score >= self.pass - 10.0 {
            Verdict::Borderline
        } else {
            Verdict::NotYet
        }
    }
}

/// How an interview went, for the chosen level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// Well above the bar.
    Strong,
    /// Meets the bar.
    Pass,
    /// Within ten points of the bar.
    Borderline,
    /// Below it: more practice needed.
    NotYet,
}

impl Verdict {
    /// How the verdict reads for a level, e.g. "pass for a senior role".
    pub fn phrase(self, level: &str) -> String {
        match self {
            Verdict::Strong => format!("strong pass for a {level} role"),
            Verdict::Pass => format!("pass for a {level} role"),
            Verdict::Borderline => format!("borderline for a {level} role"),
            Verdict::NotYet => format!("not yet at the {level} bar"),
        }
    }

    /// The verdict's name as written in records.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Strong => "strong",
            Verdict::Pass => "pass",
            Verdict::Borderline => "borderline",
            Verdict::NotYet => "not-yet",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_presets_suggest_the_closest() {
        assert_eq!(find("senior").map(|p| p.name).ok(), Some("senior"));
        let err = find("senoir").unwrap_err().to_string();
        assert_eq!(
            err,
            "unknown preset `senoir` (did you mean `senior`?); run `rehearse presets` to list them"
        );
    }

    #[test]
    fn time_limits_scale_with_the_suggestion_and_the_preset() {
        let junior = find("junior").unwrap();
        let staff = find("staff").unwrap();
        // A standard technical question: juniors get more time than the reference.
        assert_eq!(junior.time_limit(Category::Technical, 180), 240);
        // Twice the reference suggestion gets twice the base.
        assert_eq!(junior.time_limit(Category::Technical, 360), 480);
        // A staff system design runs far longer than a junior technical answer.
        assert_eq!(staff.time_limit(Category::SystemDesign, 1800), 2700);
        assert_eq!(junior.time_limit(Category::Choice, 20), 30);
    }

    #[test]
    fn verdicts_follow_the_thresholds() {
        let senior = find("senior").unwrap();
        assert_eq!(senior.verdict(85.0), Verdict::Strong);
        assert_eq!(senior.verdict(65.0), Verdict::Pass);
        assert_eq!(senior.verdict(58.0), Verdict::Borderline);
        assert_eq!(senior.verdict(40.0), Verdict::NotYet);
        assert_eq!(Verdict::Pass.phrase("senior"), "pass for a senior role");
    }

    #[test]
    fn presets_get_harder_with_seniority() {
        let bars: Vec<f64> = PRESETS.iter().map(|p| p.pass).collect();
        assert!(bars.windows(2).all(|w| w[0] < w[1]));
        let design: Vec<u32> = PRESETS
            .iter()
            .map(|p| p.time_limit(Category::SystemDesign, 1800))
            .collect();
        assert!(design.windows(2).all(|w| w[0] <= w[1]));
    }
}
