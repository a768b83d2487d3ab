//! Question banks: the built-in track embedded in the binary, plus the user's
//! own files given with `--bank`, merged into one [`Bank`].

pub mod compiled;
pub mod import;
pub mod lint;
pub mod model;
pub mod outline;
pub mod scoring;
pub mod source;
pub mod validate;
pub mod write;

pub use model::{BankFile, Category, KeyPoint, Level, Pitfall, Question};

use crate::error::{Error, Result};
use crate::suggest;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

// `BUILTIN`: every `data/<track>/<topic>.toml`, embedded by build.rs.
include!(concat!(env!("OUT_DIR"), "/builtin.rs"));

/// The track a session practises when none is chosen.
pub const DEFAULT_TRACK: &str = "python-django";

/// All loaded questions, built-in first, each id once.
#[derive(Debug, Clone, Default)]
pub struct Bank {
    questions: Vec<Question>,
    index: BTreeMap<String, usize>,
    /// Things the user should know about what was loaded (replaced ids, …).
    pub warnings: Vec<String>,
}

impl Bank {
    /// The user's banks on top of the built-in questions (or alone, when
    /// `builtin` is false).
    pub fn load(user_files: &[PathBuf], builtin: bool) -> Result<Bank> {
        Bank::load_for(user_files, builtin, None)
    }

    /// Like [`Bank::load`], reading of the built-in banks only those of
    /// `track` when one is given (a built-in file's folder is its track, as
    /// a test checks): what one interview needs, without parsing the rest.
    pub fn load_for(user_files: &[PathBuf], builtin: bool, track: Option<&str>) -> Result<Bank> {
        let mut bank = Bank::default();
        if builtin {
            // Checked by a test when the bank changes (see
            // `every_embedded_bank_parses_and_validates`), not at every start.
            for ((name, _), json) in BUILTIN.iter().zip(BUILTIN_JSON) {
                if track.is_some_and(|t| builtin_track(name) != Some(t)) {
                    continue;
                }
                let file: BankFile =
                    serde_json::from_str(json).map_err(|e| Error::InvalidBank {
                        problems: vec![format!("built-in {name}: {e}")],
                    })?;
                for q in file.questions {
                    bank.insert(name, q, &file.track, false);
                }
            }
        }
        for path in user_files {
            let name = path.display().to_string();
            let bytes = read_bank(path)?;
            let text = source::decode(&name, &bytes).map_err(|problem| Error::InvalidBank {
                problems: vec![problem],
            })?;
            bank.add(&name, text, true)?;
        }
        Ok(bank)
    }

    /// A bank made only of the given questions (tests, fixtures).
    pub fn from_questions(questions: Vec<Question>) -> Bank {
        let mut bank = Bank::default();
        for q in questions {
            let track = q.track.clone();
            bank.insert("", q, &track, false);
        }
        bank
    }

    fn add(&mut self, name: &str, text: &str, user: bool) -> Result<()> {
        let checked = validate::check(name, text);
        if !checked.problems.is_empty() {
            return Err(Error::InvalidBank {
                problems: checked.problems,
            });
        }
        let Some(file) = checked.bank else {
            return Err(Error::InvalidBank {
                problems: vec![format!("{name}: could not be read as a bank")],
            });
        };
        // A file without a track adds to the default one.
        let track = if file.track.is_empty() {
            DEFAULT_TRACK.to_string()
        } else {
            file.track.clone()
        };
        for q in file.questions {
            self.insert(name, q, &track, user);
        }
        Ok(())
    }

    fn insert(&mut self, source: &str, mut q: Question, track: &str, warn: bool) {
        q.track = track.to_string();
        match self.index.get(&q.id) {
            Some(&at) => {
                if warn {
                    self.warnings.push(format!(
                        "`{source}`: question `{}` replaces the one loaded earlier",
                        q.id
                    ));
                }
                self.questions[at] = q;
            }
            None => {
                self.index.insert(q.id.clone(), self.questions.len());
                self.questions.push(q);
            }
        }
    }

    /// Only the questions of `track`; an error naming the tracks there are
    /// when it has none.
    pub fn only_track(self, track: &str) -> Result<Bank> {
        let names = self.tracks();
        let mut bank = Bank::default();
        for q in self.questions.into_iter().filter(|q| q.track == track) {
            bank.insert("", q, track, false);
        }
        if bank.questions.is_empty() {
            return Err(Error::UnknownName {
                kind: "track",
                name: track.to_string(),
                suggestion: suggest::closest(track, names.iter().map(|(t, _)| t.as_str())),
                hint: "`rehearse bank tracks` lists them".into(),
            });
        }
        Ok(bank)
    }

    /// The questions without their text (prompt, rubric, model answer,
    /// hints, options): ids, categories, topics and levels, for figures
    /// over a long history that need nothing more.
    pub fn outline(self) -> Bank {
        let mut outline = Bank::default();
        for q in self.questions {
            let track = q.track.clone();
            let q = Question {
                prompt: String::new(),
                rubric: Vec::new(),
                pitfalls: Vec::new(),
                model_answer: String::new(),
                hints: Vec::new(),
                follow_ups: Vec::new(),
                options: Vec::new(),
                answer: None,
                ..q
            };
            outline.insert("", q, &track, false);
        }
        outline
    }

    /// Each track and its number of questions, in order of first appearance.
    pub fn tracks(&self) -> Vec<(String, usize)> {
        let mut tracks: Vec<(String, usize)> = Vec::new();
        for q in &self.questions {
            match tracks.iter_mut().find(|(t, _)| *t == q.track) {
                Some((_, n)) => *n += 1,
                None => tracks.push((q.track.clone(), 1)),
            }
        }
        tracks
    }

    /// Every question, built-in first, in bank order.
    pub fn questions(&self) -> &[Question] {
        &self.questions
    }

    /// The question with this id, or an error with the closest id.
    pub fn get(&self, id: &str) -> Result<&Question> {
        self.find(id).ok_or_else(|| Error::UnknownQuestion {
            id: id.to_string(),
            suggestion: suggest::closest(id, self.index.keys().map(String::as_str)),
        })
    }

    /// The question with this id, if loaded.
    pub fn find(&self, id: &str) -> Option<&Question> {
        self.index.get(id).map(|&at| &self.questions[at])
    }

    /// Every topic, sorted.
    pub fn topics(&self) -> BTreeSet<&str> {
        self.questions.iter().map(|q| q.topic.as_str()).collect()
    }

    /// Checks that `topic` exists, suggesting the closest one if not.
    pub fn check_topic(&self, topic: &str) -> Result<()> {
        let topics = self.topics();
        if topics.contains(topic) {
            return Ok(());
        }
        Err(Error::UnknownName {
            kind: "topic",
            name: topic.to_string(),
            suggestion: suggest::closest(topic, topics.iter().copied()),
            hint: "run `rehearse bank list` to see the topics".into(),
        })
    }
}

/// The track folder of a built-in bank's path: `data/<track>/<topic>.toml`.
fn builtin_track(path: &str) -> Option<&str> {
    path.strip_prefix("data/")?.split('/').next()
}

/// Reads a bank file, with an error that names it. The bytes are decoded
/// by [`source::decode`], which says where they stop being UTF-8.
fn read_bank(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })
}

/// Parses a category name from the command line.
pub fn parse_category(name: &str) -> Result<Category> {
    Category::parse(name).ok_or_else(|| Error::UnknownName {
        kind: "category",
        name: name.to_string(),
        suggestion: suggest::closest(name, Category::ALL.map(Category::as_str)),
        hint: "use technical, coding, system-design, behavioral or choice".into(),
    })
}

/// Parses a level name from the command line.
pub fn parse_level(name: &str) -> Result<Level> {
    Level::parse(name).ok_or_else(|| Error::UnknownName {
        kind: "level",
        name: name.to_string(),
        suggestion: suggest::closest(name, Level::ALL.map(Level::as_str)),
        hint: "use junior, mid, senior or staff".into(),
    })
}

/// Checks bank files for `bank validate`: every problem of every file.
pub fn validate_files(paths: &[PathBuf]) -> Result<validate::Checked> {
    let mut all = validate::Checked::default();
    for path in paths {
        let name = path.display().to_string();
        let bytes = read_bank(path)?;
        let checked = match source::decode(&name, &bytes) {
            Ok(text) => validate::check_with_lints(&name, text),
            Err(problem) => validate::Checked {
                problems: vec![problem],
                ..validate::Checked::default()
            },
        };
        all.problems.extend(checked.problems);
        all.warnings.extend(checked.warnings);
    }
    Ok(all)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::normalize::normalize;
    use crate::score::{Rubric, score_normalized};

    fn builtin() -> Vec<Question> {
        let mut all = Vec::new();
        for (name, text) in BUILTIN {
            let checked = validate::check(name, text);
            assert!(checked.problems.is_empty(), "{:#?}", checked.problems);
            assert!(checked.warnings.is_empty(), "{:#?}", checked.warnings);
            let file = checked.bank.expect("valid bank");
            assert!(!file.track.is_empty(), "{name} names no track");
            // Loading one track reads only its folder.
            assert_eq!(builtin_track(name), Some(file.track.as_str()), "{name}");
            all.extend(file.questions.into_iter().map(|q| Question {
                track: file.track.clone(),
                ..q
            }));
        }
        all
    }

    /// The built-in bank is loaded without the checks a user's bank gets,
    /// so this test is what stands for them: it passes every check, and
    /// what is loaded is exactly what was checked.
    #[test]
    fn every_embedded_bank_parses_and_validates() {
        let checked = builtin();
        assert!(!checked.is_empty());
        let loaded = Bank::load(&[], true).unwrap();
        assert_eq!(loaded.questions(), &checked[..]);
    }

    /// Every key point an interviewer would follow up on has its probe
    /// (that no probe names its own point is one of the checks above).
    #[test]
    fn every_weighty_built_in_point_has_a_probe() {
        let missing: Vec<String> = builtin()
            .iter()
            .filter(|q| {
                matches!(
                    q.category,
                    Category::Technical | Category::Coding | Category::SystemDesign
                )
            })
            .flat_map(|q| {
                q.rubric
                    .iter()
                    .filter(|p| p.weight >= crate::probe::WEIGHTY && p.probe.is_none())
                    .map(move |p| format!("{}: {}", q.id, p.label))
            })
            .collect();
        assert!(missing.is_empty(), "{missing:#?}");
        // And no probe gives its point away.
        let telling: Vec<String> = builtin()
            .iter()
            .flat_map(|q| {
                lint::question(q)
                    .into_iter()
                    .filter(|l| l.kind == lint::Kind::ProbeGivesAway)
                    .map(move |l| format!("{}: {}: {}", q.id, l.field, l.message))
            })
            .collect();
        assert!(telling.is_empty(), "{telling:#?}");
    }

    #[test]
    fn the_built_in_track_has_enough_of_every_category() {
        let questions = builtin();
        let count = |c: Category| questions.iter().filter(|q| q.category == c).count();
        let stories = questions.iter().filter(|q| q.is_story()).count();
        assert!(count(Category::Technical) >= 60);
        assert!(count(Category::Coding) >= 8);
        assert!(count(Category::SystemDesign) >= 12);
        assert!(stories >= 20);
        assert!(count(Category::Choice) >= 10);
        let closing = questions.iter().filter(|q| q.topic == model::CLOSING_TOPIC);
        for level in Level::ALL {
            assert!(
                closing.clone().any(|q| q.levels.contains(&level)),
                "no closing question for {level}"
            );
        }
    }

    #[test]
    fn every_open_question_is_complete() {
        for q in builtin().iter().filter(|q| q.category != Category::Choice) {
            assert!(
                (3..=8).contains(&q.rubric.len()),
                "{}: {} key points",
                q.id,
                q.rubric.len()
            );
            assert!(!q.hints.is_empty(), "{}: no hint", q.id);
            assert!(!q.follow_ups.is_empty(), "{}: no follow-up", q.id);
        }
        for q in builtin().iter().filter(|q| q.category == Category::Choice) {
            assert!(q.options.len() >= 3, "{}", q.id);
            assert!(!q.hints.is_empty() && !q.follow_ups.is_empty(), "{}", q.id);
        }
    }

    /// A model answer must earn its own rubric's points, and the model answers
    /// of the other questions must not: on average they score at most 15, and
    /// at most 10 of them reach 50 (near-twin questions may share points).
    /// The closing questions are one question asked at different levels, so
    /// they are not held against each other. Questions are compared within
    /// their track: a track is what one interview draws from.
    #[test]
    fn model_answers_score_high_on_their_own_rubric_and_low_on_others() {
        let open: Vec<Question> = builtin()
            .into_iter()
            .filter(|q| q.category != Category::Choice)
            .collect();
        let answers: Vec<_> = open.iter().map(|q| normalize(&q.model_answer)).collect();
        let mut failures = Vec::new();
        for (i, q) in open.iter().enumerate() {
            let rubric = Rubric::from_question(q);
            let own = score_normalized(&rubric, &answers[i]);
            let others: Vec<f64> = (0..open.len())
                .filter(|&j| j != i && open[j].track == q.track)
                .filter(|&j| !(q.topic == "closing" && open[j].topic == "closing"))
                .map(|j| score_normalized(&rubric, &answers[j]).score)
                .collect();
            let mean = others.iter().sum::<f64>() / others.len() as f64;
            let high = others.iter().filter(|s| **s >= 50.0).count();
            if own.score < 80.0 || mean > 15.0 || high > 10 {
                failures.push(format!(
                    "{}: own {}, mean of others {mean:.1}, {high} others >= 50",
                    q.id, own.score
                ));
            }
        }
        assert!(failures.is_empty(), "{failures:#?}");
    }
}
