//! Places in a bank file, as messages print them.

use crate::bank::outline::Outline;
use crate::bank::source::Lines;

/// A bank file's name, lines and outline: what turns an offset or a
/// question into the place a message starts with.
pub struct Places<'a> {
    /// The file, as messages name it.
    pub name: &'a str,
    /// Where its lines start.
    pub lines: Lines,
    /// Where its parts are.
    pub outline: Outline,
}

impl Places<'_> {
    /// "file:LINE:COLUMN" of a byte offset.
    pub fn at(&self, offset: usize) -> String {
        let (line, column) = self.lines.position(offset);
        format!("{}:{line}:{column}", self.name)
    }

    /// "file:LINE:COLUMN" of where the question at `index` starts.
    pub fn question_start(&self, index: usize) -> String {
        match self.outline.questions.get(index) {
            Some(q) => self.at(q.start),
            None => self.name.to_string(),
        }
    }

    /// "file:LINE: question `id`", or the question's position when it has
    /// no id; and the line, when known.
    pub fn question(&self, index: usize, id: &str) -> (String, Option<usize>) {
        let name = self.name;
        let line = self
            .outline
            .questions
            .get(index)
            .map(|q| self.lines.line(q.anchor()));
        let place = match line {
            Some(line) => format!("{name}:{line}:"),
            None => format!("{name}:"),
        };
        if id.is_empty() {
            return (format!("{place} question #{} (no `id`)", index + 1), line);
        }
        let id = crate::term::visible(id, false);
        (format!("{place} question `{id}`"), line)
    }
}
