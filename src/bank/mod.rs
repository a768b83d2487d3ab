//! Question banks: the built-in track embedded in the binary, plus the user's
//! own files given with `--bank`, merged into one [`Bank`].

pub mod model;
pub mod validate;

pub use model::{BankFile, Category, KeyPoint, Level, Pitfall, Question};

use crate::error::{Error, Result};
use crate::suggest;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The built-in tracks: a name for messages and the embedded JSON.
pub const BUILTIN: &[(&str, &str)] = &[(
    "built-in python-django bank",
    include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/python-django.json"
    )),
)];

/// All loaded questions, built-in first, each id once.
#[derive(Debug, Clone, Default)]
pub struct Bank {
    questions: Vec<Question>,
    index: BTreeMap<String, usize>,
    /// Things the user should know about what was loaded (replaced ids, …).
    pub warnings: Vec<String>,
}

impl Bank {
    /// The built-in questions with the user's banks on top.
    pub fn load(user_files: &[PathBuf]) -> Result<Bank> {
        let mut bank = Bank::default();
        for (name, text) in BUILTIN {
            bank.add(name, text, false)?;
        }
        for path in user_files {
            let text = read_bank(path)?;
            bank.add(&path.display().to_string(), &text, true)?;
        }
        Ok(bank)
    }

    /// A bank made only of the given questions (tests, fixtures).
    pub fn from_questions(questions: Vec<Question>) -> Bank {
        let mut bank = Bank::default();
        for q in questions {
            bank.insert("", q, false);
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
        for q in file.questions {
            self.insert(name, q, user);
        }
        Ok(())
    }

    fn insert(&mut self, source: &str, q: Question, warn: bool) {
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

/// Reads a bank file, with an error that names it.
fn read_bank(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|source| Error::Read {
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
        let text = read_bank(path)?;
        let checked = validate::check(&path.display().to_string(), &text);
        all.problems.extend(checked.problems);
        all.warnings.extend(checked.warnings);
    }
    Ok(all)
}
