//! Where the parts of a bank file are in its text, found in one pass.
//!
//! serde_json's `Value` keeps no positions, so the validator asks the
//! outline where each question and each top-level field starts. It also
//! keeps the last of two equal keys in an object without a word, so the
//! outline notes every key given twice: the author meant one of them, and
//! rehearse should not guess which. Positions
//! come from serde_json itself: a `&RawValue` borrowed from the text is a
//! slice of it, and its address gives its offset.

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::fmt;

/// Byte offsets of the parts of a bank file.
#[derive(Debug, Default)]
pub struct Outline {
    /// Start of the top-level value.
    pub root: usize,
    /// Each top-level field, by key.
    pub fields: BTreeMap<String, FieldAt>,
    /// Each element of the top-level `questions` list, in order.
    pub questions: Vec<QuestionAt>,
    /// Every key given again in an object that already has it, in the
    /// order they are written.
    pub duplicates: Vec<Duplicate>,
}

/// A key given again in the same object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    /// The key, with its escapes decoded.
    pub key: String,
    /// Start of this occurrence (its opening quote).
    pub at: usize,
    /// Start of its first occurrence.
    pub first: usize,
}

/// Where a top-level field is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldAt {
    /// Start of its key (the opening quote).
    pub key: usize,
    /// Start of its value.
    pub value: usize,
}

/// Where one element of `questions` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuestionAt {
    /// Start of the element (its `{`, when it is an object).
    pub start: usize,
    /// Start of its `"id"` key, if it has one.
    pub id: Option<usize>,
}

impl QuestionAt {
    /// Where messages about the question point: the line people search
    /// for is the one with its id.
    pub fn anchor(&self) -> usize {
        self.id.unwrap_or(self.start)
    }
}

impl Outline {
    /// Outlines a TOML bank file, from the spans toml's parser keeps: where
    /// each top-level key and each `[[questions]]` table (and its `id`)
    /// is. TOML refuses a key given twice, so there are no duplicates to
    /// note. An error is toml's message and the byte offset it points at.
    pub fn of_toml(text: &str) -> Result<Outline, (String, usize)> {
        use toml::de::{DeTable, DeValue};
        let root = DeTable::parse(text).map_err(|e| {
            let at = e.span().map_or(0, |s| s.start);
            (e.message().trim().to_string(), at)
        })?;
        let mut outline = Outline::default();
        for (key, value) in root.get_ref().iter() {
            outline.fields.insert(
                key.get_ref().to_string(),
                FieldAt {
                    key: key.span().start,
                    value: value.span().start,
                },
            );
            if key.get_ref() == "questions"
                && let DeValue::Array(items) = value.get_ref()
            {
                for item in items {
                    let id = match item.get_ref() {
                        DeValue::Table(table) => table
                            .iter()
                            .find(|(k, _)| k.get_ref() == "id")
                            .map(|(k, _)| k.span().start),
                        _ => None,
                    };
                    outline.questions.push(QuestionAt {
                        start: item.span().start,
                        id,
                    });
                }
            }
        }
        Ok(outline)
    }

    /// Outlines `text`, which should already have parsed as JSON; an error
    /// is serde_json's, with its place.
    pub fn of(text: &str) -> Result<Outline, serde_json::Error> {
        let mut outline = Outline {
            root: text.len() - text.trim_start_matches(JSON_WHITESPACE).len(),
            ..Outline::default()
        };
        let mut json = serde_json::Deserializer::from_str(text);
        Node {
            text,
            outline: &mut outline,
            role: Role::Root,
        }
        .deserialize(&mut json)?;
        json.end()?;
        Ok(outline)
    }
}

const JSON_WHITESPACE: [char; 4] = [' ', '\t', '\n', '\r'];

/// What a value is to a bank, which decides what the outline notes in it.
#[derive(Clone, Copy)]
enum Role {
    Root,
    Questions,
    /// The question at this index of `questions`.
    Question(usize),
    Other,
}

/// One value of the text being outlined.
struct Node<'o, 'a> {
    text: &'a str,
    outline: &'o mut Outline,
    role: Role,
}

impl<'a> Node<'_, 'a> {
    fn child(&mut self, role: Role) -> Node<'_, 'a> {
        Node {
            text: self.text,
            outline: self.outline,
            role,
        }
    }

    /// Offset in the whole text of `part`, a slice borrowed from it.
    fn offset(&self, part: &str) -> usize {
        part.as_ptr() as usize - self.text.as_ptr() as usize
    }
}

impl<'a> DeserializeSeed<'a> for Node<'_, 'a> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'a>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'a> Visitor<'a> for Node<'_, 'a> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_map<A: MapAccess<'a>>(mut self, mut map: A) -> Result<(), A::Error> {
        let mut seen: HashMap<Cow<'a, str>, usize> = HashMap::new();
        // A key read as raw JSON is the quoted key, escapes and all, as a
        // slice of the text.
        while let Some(raw) = map.next_key::<&'a RawValue>()? {
            let key_text = raw.get();
            let at = self.offset(key_text);
            let key = match key_text.strip_prefix('"').and_then(|k| k.strip_suffix('"')) {
                Some(plain) if !plain.contains('\\') => Cow::Borrowed(plain),
                _ => Cow::Owned(serde_json::from_str(key_text).map_err(de::Error::custom)?),
            };
            match seen.get(key.as_ref()) {
                Some(&first) => self.outline.duplicates.push(Duplicate {
                    key: key.to_string(),
                    at,
                    first,
                }),
                None => {
                    seen.insert(key.clone(), at);
                }
            }
            let role = match self.role {
                Role::Root => {
                    // Between a key and its value there is only `:` and
                    // whitespace.
                    let after = &self.text[at + key_text.len()..];
                    let value_at = self.text.len()
                        - after.trim_start_matches([':', ' ', '\t', '\n', '\r']).len();
                    let role = if key == "questions" {
                        // serde_json keeps the last of two equal keys; so does the outline.
                        self.outline.questions.clear();
                        Role::Questions
                    } else {
                        Role::Other
                    };
                    let field = FieldAt {
                        key: at,
                        value: value_at,
                    };
                    self.outline.fields.insert(key.into_owned(), field);
                    role
                }
                Role::Question(index) => {
                    if key == "id" {
                        self.outline.questions[index].id = Some(at);
                    }
                    Role::Other
                }
                Role::Questions | Role::Other => Role::Other,
            };
            map.next_value_seed(self.child(role))?;
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'a>>(mut self, mut seq: A) -> Result<(), A::Error> {
        if !matches!(self.role, Role::Questions) {
            while seq.next_element_seed(self.child(Role::Other))?.is_some() {}
            return Ok(());
        }
        // Each question is read raw first, for its start, then outlined on
        // its own: two passes over the questions, still linear.
        while let Some(raw) = seq.next_element::<&'a RawValue>()? {
            let index = self.outline.questions.len();
            let start = self.offset(raw.get());
            self.outline.questions.push(QuestionAt { start, id: None });
            let mut json = serde_json::Deserializer::from_str(raw.get());
            self.child(Role::Question(index))
                .deserialize(&mut json)
                .map_err(de::Error::custom)?;
        }
        Ok(())
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }

    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }

    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }

    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }

    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_each_question_and_field() {
        let text = "\n {\"format_version\": 1,\n \"questions\" :\n [{\"topic\": \"x\", \"id\": \"a\"}, 7,\n {}]}";
        let outline = Outline::of(text).unwrap();
        assert_eq!(outline.root, 2);
        let at = |s: &str| text.find(s).unwrap();
        assert_eq!(
            outline.fields["format_version"],
            FieldAt {
                key: at("\"format_version"),
                value: at("1,")
            }
        );
        assert_eq!(outline.fields["questions"].value, at("[{"));
        assert_eq!(
            outline.questions,
            [
                QuestionAt {
                    start: at("{\"topic"),
                    id: Some(at("\"id\""))
                },
                QuestionAt {
                    start: at("7"),
                    id: None
                },
                QuestionAt {
                    start: at("{}"),
                    id: None
                },
            ]
        );
    }

    #[test]
    fn finds_every_key_given_twice_in_one_object() {
        let text = r#"{"questions": [{"id": "a", "prompt": "x", "prompt": "y", "prompt": "z",
            "rubric": [{"label": "l"}, {"label": "m", "label": "n"}]}],
            "title": "t", "questions": [], "t\u0069tle": "u"}"#;
        let outline = Outline::of(text).unwrap();
        let at = |s: &str, n: usize| text.match_indices(s).nth(n).unwrap().0;
        let duplicate = |key: &str, first, again| Duplicate {
            key: key.into(),
            at: again,
            first,
        };
        assert_eq!(
            outline.duplicates,
            [
                duplicate("prompt", at("\"prompt", 0), at("\"prompt", 1)),
                duplicate("prompt", at("\"prompt", 0), at("\"prompt", 2)),
                duplicate("label", at("\"label", 1), at("\"label", 2)),
                duplicate("questions", at("\"questions", 0), at("\"questions", 1)),
                duplicate("title", at("\"title", 0), at("\"t\\u0069tle", 0)),
            ]
        );
        // As serde_json does, the last `questions` is the one read.
        assert!(outline.questions.is_empty());
    }

    #[test]
    fn an_id_key_written_with_escapes_is_still_the_id() {
        let text = r#"{"questions": [{"\u0069d": "a"}]}"#;
        let outline = Outline::of(text).unwrap();
        assert_eq!(outline.questions[0].id, Some(16));
    }
}
