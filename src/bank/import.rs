//! Bringing interview notes in as a bank: Markdown Q&A (`<details>` lists
//! and question headings), CSV (question, answer, optional category, level
//! and topic columns) and Anki's plain-text export. Each answer becomes the
//! model answer, and a rubric scaffold is derived from it the way `score
//! --reference` derives one, marked `derived` for a person to finish. Pure:
//! text in, questions and reasons for what was skipped out.

use super::model::{Category, KeyPoint, Level, Question};
use crate::score::derive::{Idf, weighted_words};
use std::collections::BTreeSet;
use unicode_segmentation::UnicodeSegmentation;

/// The formats read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Csv,
    Anki,
}

impl Format {
    /// The format of a file, by its name and first lines: `.md` and
    /// `.markdown` are Markdown, `.csv` is CSV, and a text file whose first
    /// line is an Anki header (`#separator:`, `#html:`) or holds a tab is
    /// Anki's export.
    pub fn detect(name: &str, text: &str) -> Option<Format> {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".md") || lower.ends_with(".markdown") {
            return Some(Format::Markdown);
        }
        if lower.ends_with(".csv") {
            return Some(Format::Csv);
        }
        let first = text.lines().next().unwrap_or("");
        if first.starts_with("#separator:") || first.starts_with("#html:") || first.contains('\t') {
            return Some(Format::Anki);
        }
        None
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Format::Markdown => "Markdown",
            Format::Csv => "CSV",
            Format::Anki => "Anki export",
        }
    }
}

/// One question and answer found in the notes.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Entry {
    /// Where it starts (line from 1).
    pub line: usize,
    pub question: String,
    pub answer: String,
    pub category: Option<String>,
    pub levels: Option<String>,
    pub topic: Option<String>,
}

/// Something left out, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Skipped {
    pub line: usize,
    pub reason: String,
}

/// What a file held.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Found {
    pub entries: Vec<Entry>,
    pub skipped: Vec<Skipped>,
}

/// Reads the questions and answers of `text` in `format`; an error (with
/// its line) when the file cannot be read as that format at all.
pub fn read(format: Format, text: &str) -> Result<Found, String> {
    match format {
        Format::Markdown => Ok(markdown(text)),
        Format::Csv => csv(text),
        Format::Anki => anki(text),
    }
}

/// Markdown notes in either common shape:
///
/// - `<details><summary>Question</summary> answer </details>` blocks;
/// - a heading that asks (numbered, `## 12. What is…`, or ending in `?`),
///   its answer the text up to the next heading.
///
/// Other headings name the topic of the questions under them. Lines in
/// fenced code blocks are never read as headings or tags.
pub fn markdown(text: &str) -> Found {
    let lines: Vec<&str> = text.lines().collect();
    let mut found = Found::default();
    let mut topic: Option<String> = None;
    let mut fenced = false;
    let mut i = 0;
    // The question heading being read: (line, level, question, answer lines).
    let mut open: Option<(usize, usize, String, Vec<&str>)> = None;
    let close = |open: &mut Option<(usize, usize, String, Vec<&str>)>,
                 found: &mut Found,
                 topic: &Option<String>| {
        if let Some((line, _, question, answer)) = open.take() {
            push(found, line, question, answer.join("\n"), topic.clone());
        }
    };
    while i < lines.len() {
        let line = lines[i];
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fenced = !fenced;
        }
        if !fenced && trimmed.to_ascii_lowercase().starts_with("<details") {
            close(&mut open, &mut found, &topic);
            let start = i + 1;
            let Some(end) = (i..lines.len()).find(|&j| lines[j].contains("</details>")) else {
                found.skipped.push(Skipped {
                    line: start,
                    reason: "a `<details>` block that is never closed with `</details>`".into(),
                });
                break;
            };
            let block = lines[i..=end].join("\n");
            match details(&block) {
                Some((question, answer)) => {
                    push(&mut found, start, question, answer, topic.clone())
                }
                None => found.skipped.push(Skipped {
                    line: start,
                    reason: "a `<details>` block with no `<summary>` holding the question".into(),
                }),
            }
            i = end + 1;
            continue;
        }
        if !fenced && let Some((level, title)) = heading(line) {
            close(&mut open, &mut found, &topic);
            let (numbered, title) = strip_number(&title);
            if numbered || title.ends_with('?') {
                open = Some((i + 1, level, title, Vec::new()));
            } else {
                topic = Some(slug(&title, 40));
            }
            i += 1;
            continue;
        }
        if let Some((_, _, _, answer)) = open.as_mut() {
            answer.push(line);
        }
        i += 1;
    }
    close(&mut open, &mut found, &topic);
    found
}

fn push(found: &mut Found, line: usize, question: String, answer: String, topic: Option<String>) {
    let answer = answer.trim().to_string();
    let question = plain(&question);
    if answer.is_empty() {
        found.skipped.push(Skipped {
            line,
            reason: format!(
                "\"{}\" has no answer under it",
                crate::term::truncate(&question, 60)
            ),
        });
        return;
    }
    found.entries.push(Entry {
        line,
        question,
        answer,
        topic,
        ..Entry::default()
    });
}

/// A heading's level and text.
fn heading(line: &str) -> Option<(usize, String)> {
    let hashes = line.chars().take_while(|&c| c == '#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = &line[hashes..];
    if !rest.starts_with(' ') && !rest.is_empty() {
        return None;
    }
    Some((hashes, rest.trim().trim_end_matches('#').trim().to_string()))
}

/// `12. What…` → (true, `What…`); `Q: What…` → (false, `What…`).
fn strip_number(title: &str) -> (bool, String) {
    let digits = title.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 {
        let rest = &title[digits..];
        if let Some(rest) = rest.strip_prefix(['.', ')', ':']) {
            return (true, rest.trim().to_string());
        }
    }
    let title = title
        .strip_prefix("Q:")
        .or_else(|| title.strip_prefix("Q."))
        .unwrap_or(title);
    (false, title.trim().to_string())
}

/// The question and answer of a `<details>` block.
fn details(block: &str) -> Option<(String, String)> {
    let lower = block.to_ascii_lowercase();
    let open = lower.find("<summary")?;
    let open_end = open + lower[open..].find('>')? + 1;
    let close = open_end + lower[open_end..].find("</summary>")?;
    let question = block[open_end..close].to_string();
    let after = close + "</summary>".len();
    let end = after
        + lower[after..]
            .find("</details>")
            .unwrap_or(lower.len() - after);
    Some((question, block[after..end].to_string()))
}

/// Question text without Markdown emphasis, tags or a list marker.
fn plain(text: &str) -> String {
    let text = strip_tags(text);
    let text = text.replace("**", "").replace("__", "").replace('`', "");
    let text = text.trim().trim_start_matches(['-', '*', '+']).trim();
    let (_, text) = strip_number(text);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text without HTML tags; `<br>`, `<div>` and `<p>` become line breaks, and
/// the common entities are decoded.
fn strip_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let Some(len) = rest[start..].find('>') else {
            out.push_str(&rest[start..]);
            rest = "";
            break;
        };
        let tag = rest[start + 1..start + len].trim().to_ascii_lowercase();
        let name = tag
            .trim_start_matches('/')
            .split([' ', '/'])
            .next()
            .unwrap_or("");
        if ["br", "div", "p", "li"].contains(&name) {
            out.push('\n');
        }
        rest = &rest[start + len + 1..];
    }
    out.push_str(rest);
    out.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// CSV with a header row naming `question` and `answer` columns (and, if
/// wanted, `category`, `level` or `levels`, `topic`), or without one: then
/// the columns are question, answer, category, levels, topic in that order.
pub fn csv(text: &str) -> Result<Found, String> {
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut found = Found::default();
    let mut columns = [0usize, 1, 2, 3, 4];
    let mut first = true;
    let mut last_line = 0;
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            format!("line {line}: {e}")
        })?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        last_line = line;
        if first {
            first = false;
            let names: Vec<String> = record
                .iter()
                .map(|f| f.trim().to_ascii_lowercase())
                .collect();
            let at = |wanted: &[&str]| names.iter().position(|n| wanted.contains(&n.as_str()));
            if let (Some(q), Some(a)) = (
                at(&["question", "front", "q"]),
                at(&["answer", "back", "a"]),
            ) {
                columns = [
                    q,
                    a,
                    at(&["category"]).unwrap_or(usize::MAX),
                    at(&["level", "levels"]).unwrap_or(usize::MAX),
                    at(&["topic"]).unwrap_or(usize::MAX),
                ];
                continue;
            }
        }
        let field = |i: usize| record.get(i).map(str::trim).filter(|f| !f.is_empty());
        let Some(question) = field(columns[0]) else {
            if record.iter().any(|f| !f.trim().is_empty()) {
                found.skipped.push(Skipped {
                    line,
                    reason: "no question in the question column".into(),
                });
            }
            continue;
        };
        let Some(answer) = field(columns[1]) else {
            found.skipped.push(Skipped {
                line,
                reason: format!("\"{}\" has no answer", crate::term::truncate(question, 60)),
            });
            continue;
        };
        found.entries.push(Entry {
            line,
            question: plain(question),
            answer: answer.to_string(),
            category: field(columns[2]).map(str::to_string),
            levels: field(columns[3]).map(str::to_string),
            topic: field(columns[4]).map(str::to_string),
        });
    }
    // An opening quote that is never closed swallows the rest of the file
    // into one field without an error from the reader.
    if text.matches('"').count() % 2 == 1 {
        return Err(format!(
            "line {last_line}: a quoted field starts here and is never closed; close it with `\"` \
             (a quote inside a quoted field is written twice: `\"\"`)"
        ));
    }
    Ok(found)
}

/// Anki's "Notes in Plain Text" export: header lines `#separator:…`,
/// `#html:…`, `#tags column:N`, `#notetype column:N`, `#deck column:N`,
/// `#guid column:N`, then one note a line; the first two note fields are
/// the front (question) and the back (answer), HTML read as text.
pub fn anki(text: &str) -> Result<Found, String> {
    let mut separator = b'\t';
    let mut taken: BTreeSet<usize> = BTreeSet::new();
    let mut tags = None;
    let mut header_lines = 0;
    for line in text.lines() {
        let Some(directive) = line.strip_prefix('#') else {
            break;
        };
        header_lines += 1;
        let Some((key, value)) = directive.split_once(':') else {
            continue;
        };
        match key.trim() {
            "separator" => {
                separator = match value.trim().to_ascii_lowercase().as_str() {
                    "tab" | "\t" => b'\t',
                    "comma" | "," => b',',
                    "semicolon" | ";" => b';',
                    "pipe" | "|" => b'|',
                    "space" | " " => b' ',
                    other => {
                        return Err(format!(
                            "line {header_lines}: separator `{other}` is not one Anki writes; \
                             use tab, comma, semicolon, pipe or space"
                        ));
                    }
                }
            }
            key if key.ends_with(" column") => {
                let n: usize = value
                    .trim()
                    .parse()
                    .map_err(|_| format!("line {header_lines}: `{line}` needs a column number"))?;
                taken.insert(n.saturating_sub(1));
                if key == "tags column" {
                    tags = Some(n.saturating_sub(1));
                }
            }
            _ => {}
        }
    }
    let body: String = text
        .lines()
        .skip(header_lines)
        .collect::<Vec<_>>()
        .join("\n");
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator)
        .from_reader(body.as_bytes());
    let mut found = Found::default();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line() as usize) + header_lines;
            format!("line {line}: {e}")
        })?;
        let line = record.position().map_or(0, |p| p.line() as usize) + header_lines;
        let fields: Vec<&str> = record
            .iter()
            .enumerate()
            .filter(|(i, _)| !taken.contains(i))
            .map(|(_, f)| f)
            .collect();
        let question = fields.first().map(|f| strip_tags(f)).unwrap_or_default();
        let answer = fields.get(1).map(|f| strip_tags(f)).unwrap_or_default();
        if question.trim().is_empty() && answer.trim().is_empty() {
            continue;
        }
        if answer.trim().is_empty() {
            found.skipped.push(Skipped {
                line,
                reason: format!(
                    "\"{}\" has no back",
                    crate::term::truncate(question.trim(), 60)
                ),
            });
            continue;
        }
        let topic = tags
            .and_then(|t| record.get(t))
            .and_then(|t| t.split_whitespace().next())
            .map(|t| t.rsplit("::").next().unwrap_or(t).to_string());
        found.entries.push(Entry {
            line,
            question: plain(&question),
            answer: answer.trim().to_string(),
            topic,
            ..Entry::default()
        });
    }
    Ok(found)
}

/// What the imported questions are made of, besides their text.
#[derive(Debug, Clone)]
pub struct Defaults {
    /// Topic of entries that name none.
    pub topic: String,
}

/// The entries as bank questions, each with a derived rubric; entries that
/// cannot be questions (a category rehearse does not know, the same
/// question twice) are skipped with the reason.
pub fn questions(found: &Found, defaults: &Defaults, idf: &Idf) -> (Vec<Question>, Vec<Skipped>) {
    let mut questions: Vec<Question> = Vec::new();
    let mut skipped = found.skipped.clone();
    let mut ids = BTreeSet::new();
    let mut asked: Vec<(String, usize)> = Vec::new();
    for entry in &found.entries {
        let key = entry.question.to_lowercase();
        if let Some((_, first)) = asked.iter().find(|(q, _)| *q == key) {
            skipped.push(Skipped {
                line: entry.line,
                reason: format!("the same question as line {first}"),
            });
            continue;
        }
        let category = match entry.category.as_deref() {
            None => Category::Technical,
            Some(name) => match Category::parse(&name.trim().to_ascii_lowercase()) {
                Some(Category::Choice) => {
                    skipped.push(Skipped {
                        line: entry.line,
                        reason: "a multiple-choice question needs options, which notes do not \
                                 hold; write it in the bank by hand"
                            .into(),
                    });
                    continue;
                }
                Some(category) => category,
                None => {
                    skipped.push(Skipped {
                        line: entry.line,
                        reason: format!(
                            "category `{name}` is not one of technical, coding, system-design, \
                             behavioral"
                        ),
                    });
                    continue;
                }
            },
        };
        let levels = match entry.levels.as_deref() {
            None => Level::ALL.to_vec(),
            Some(text) => {
                let names: Vec<&str> = text
                    .split([',', ';', '/', '|', ' '])
                    .filter(|s| !s.is_empty())
                    .collect();
                let parsed: Vec<Option<Level>> = names
                    .iter()
                    .map(|n| Level::parse(&n.to_ascii_lowercase()))
                    .collect();
                if parsed.iter().any(Option::is_none) || parsed.is_empty() {
                    skipped.push(Skipped {
                        line: entry.line,
                        reason: format!("levels `{text}` are not junior, mid, senior or staff"),
                    });
                    continue;
                }
                parsed.into_iter().flatten().collect()
            }
        };
        let Some(rubric) = scaffold(&entry.answer, &entry.question, idf) else {
            skipped.push(Skipped {
                line: entry.line,
                reason: format!(
                    "the answer to \"{}\" has too few words to score against (three or more \
                     content words are needed)",
                    crate::term::truncate(&entry.question, 60)
                ),
            });
            continue;
        };
        let mut id = slug(&entry.question, 48);
        if id.is_empty() {
            id = format!("question-{}", entry.line);
        }
        let base = id.clone();
        let mut n = 2;
        while !ids.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        asked.push((key, entry.line));
        let topic = entry
            .topic
            .as_deref()
            .map(|t| slug(t, 40))
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| defaults.topic.clone());
        questions.push(Question {
            id,
            category,
            topic,
            levels,
            prompt: entry.question.clone(),
            time_limit_s: match category {
                Category::Coding => 480,
                Category::SystemDesign => 900,
                Category::Behavioral => 300,
                _ => 180,
            },
            rubric,
            pitfalls: Vec::new(),
            model_answer: entry.answer.clone(),
            hints: Vec::new(),
            follow_ups: Vec::new(),
            options: Vec::new(),
            answer: None,
            full_marks_at: None,
            derived: true,
            track: String::new(),
        });
    }
    skipped.sort_by_key(|s| s.line);
    (questions, skipped)
}

/// Key points at most.
const MOST_POINTS: usize = 8;

/// A sentence of an answer and its informative words, with their weights.
type Group = (String, Vec<(String, f64)>);
/// Phrasings per derived key point.
const PHRASINGS: usize = 4;

/// A rubric scaffold for `answer`: the derivation of `score --reference`
/// (every content word weighted by how informative it is, the question's
/// own words left out), grouped by sentence: each of the most informative
/// sentences (up to eight) is a key point labelled with the sentence, its
/// phrasings the sentence's most informative words, its weight 1 to 3 by
/// their share. A short answer gives a point per word. `None` when the
/// answer has fewer than three content words the question does not use
/// (words too common or too short to be a phrasing on their own are left
/// out, as `bank validate` would refuse them).
pub fn scaffold(answer: &str, question: &str, idf: &Idf) -> Option<Vec<KeyPoint>> {
    let mut used = BTreeSet::new();
    let mut groups: Vec<Group> = Vec::new();
    for sentence in answer.split_sentence_bounds() {
        let sentence = sentence.trim();
        let words: Vec<(String, f64)> = weighted_words(sentence, question, idf)
            .into_iter()
            .filter(|w| !w.asked && super::validate::weak_phrasing(&w.word).is_none())
            .filter(|w| used.insert(w.word.to_lowercase()))
            .map(|w| (w.word, w.weight))
            .collect();
        if !words.is_empty() {
            groups.push((sentence.to_string(), words));
        }
    }
    let all: Vec<(String, f64)> = groups.iter().flat_map(|(_, w)| w.clone()).collect();
    if all.len() < 3 {
        return None;
    }
    if groups.len() < 3 {
        // Too few sentences to make three points of: the best words alone.
        let mut words = all;
        words.sort_by(|a, b| b.1.total_cmp(&a.1));
        groups = words
            .into_iter()
            .take(MOST_POINTS)
            .map(|(word, weight)| (word.clone(), vec![(word, weight)]))
            .collect();
    }
    let information = |words: &[(String, f64)]| words.iter().map(|(_, w)| w).sum::<f64>();
    // The most informative, kept in the answer's order.
    let mut ranked: Vec<(usize, Group)> = groups.into_iter().enumerate().collect();
    ranked.sort_by(|a, b| information(&b.1.1).total_cmp(&information(&a.1.1)));
    ranked.truncate(MOST_POINTS);
    let top = ranked
        .first()
        .map_or(1.0, |(_, (_, w))| information(w))
        .max(f64::EPSILON);
    ranked.sort_by_key(|(i, _)| *i);
    Some(
        ranked
            .into_iter()
            .map(|(_, (label, mut words))| {
                words.sort_by(|a, b| b.1.total_cmp(&a.1));
                let share = information(&words) / top;
                KeyPoint {
                    label: short_label(&label),
                    weight: (1.0 + (share * 2.0).round()).clamp(1.0, 3.0),
                    phrasings: words.into_iter().take(PHRASINGS).map(|(w, _)| w).collect(),
                    subject: Vec::new(),
                    probe: None,
                }
            })
            .collect(),
    )
}

/// A sentence as a key point's label: at most about 100 characters.
fn short_label(sentence: &str) -> String {
    let one_line = sentence.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= 100 {
        return one_line;
    }
    let cut: String = one_line.chars().take(97).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}…")
}

/// Lower-case words and digits joined by `-`, at most `max` characters,
/// cut at a word.
pub fn slug(text: &str, max: usize) -> String {
    let words: Vec<String> = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    let mut out = String::new();
    for word in words {
        if !out.is_empty() && out.len() + 1 + word.len() > max {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&word);
        if out.len() >= max {
            out.truncate(max);
            break;
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests;
