//! Markdown for reading in a terminal: headings and emphasis in bold,
//! quotes and notes dimmed, tables aligned, code indented. Only what
//! rehearse's transcripts use.

use crate::term::{Style, wrap_hanging};
use unicode_width::UnicodeWidthStr;

/// Renders markdown for a terminal.
pub fn render(markdown: &str, style: &Style) -> String {
    let mut out = String::new();
    let mut table: Vec<Vec<String>> = Vec::new();
    // The length of the fence of the code block we are in.
    let mut fence: Option<usize> = None;
    for line in markdown.lines() {
        // Transcripts open a fence with ```text, longer than any run of
        // backticks in the answer, and close it with a bare fence as long:
        // a shorter run inside is part of the answer.
        let ticks = line.len() - line.trim_start_matches('`').len();
        match fence {
            None if ticks >= 3 => {
                fence = Some(ticks);
                continue;
            }
            Some(open) if ticks >= open && line[ticks..].trim().is_empty() => {
                fence = None;
                continue;
            }
            _ => {}
        }
        if fence.is_some() {
            out.push_str("    ");
            out.push_str(line);
            out.push('\n');
            continue;
        }
        if line.starts_with('|') {
            if !line.contains("---") {
                table.push(
                    line.trim_matches('|')
                        .split('|')
                        .map(|c| inline(c.trim(), &Style::plain(style.width)))
                        .collect(),
                );
            }
            continue;
        }
        if !table.is_empty() {
            out.push_str(&aligned(&table, style));
            table.clear();
        }
        out.push_str(&block(line, style));
        out.push('\n');
    }
    if !table.is_empty() {
        out.push_str(&aligned(&table, style));
    }
    out
}

fn block(line: &str, style: &Style) -> String {
    if let Some(title) = line.strip_prefix("# ") {
        return style.bold(&style.cyan(title));
    }
    if let Some(title) = line.strip_prefix("## ") {
        return style.bold(title);
    }
    if let Some(quote) = line.strip_prefix("> ") {
        let wrapped = wrap_hanging(quote, style.width, "│ ", "│ ");
        return style.dim(wrapped.trim_end_matches('\n'));
    }
    if line == ">" {
        return style.dim("│");
    }
    if line.starts_with('*') && line.ends_with('*') && !line.starts_with("**") && line.len() > 2 {
        return style.dim(&line[1..line.len() - 1]);
    }
    let (first, rest) = if line.starts_with("- ") {
        ("", "  ")
    } else {
        ("", "")
    };
    let wrapped = wrap_hanging(&inline(line, style), style.width, first, rest);
    wrapped.trim_end_matches('\n').to_string()
}

/// `**bold**` in bold, backticks dropped around `code`, and a character
/// escaped with a backslash shown as itself (never as markup).
fn inline(text: &str, style: &Style) -> String {
    let mut out = String::new();
    let mut part = String::new();
    let mut bold = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek().is_some_and(char::is_ascii_punctuation) => {
                part.extend(chars.next());
            }
            '*' if chars.peek() == Some(&'*') => {
                chars.next();
                out.push_str(&if bold {
                    style.bold(&part)
                } else {
                    part.clone()
                });
                part.clear();
                bold = !bold;
            }
            '`' => {}
            c => part.push(c),
        }
    }
    if bold {
        part.insert_str(0, "**");
    }
    out.push_str(&part);
    out
}

fn aligned(rows: &[Vec<String>], style: &Style) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.width())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for (n, row) in rows.iter().enumerate() {
        let cells: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(c, cell)| {
                format!(
                    "{cell}{}",
                    " ".repeat(widths[c].saturating_sub(cell.width()))
                )
            })
            .collect();
        let line = format!("  {}", cells.join("  ").trim_end());
        out.push_str(&if n == 0 { style.dim(&line) } else { line });
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_rendering_of_a_transcript_fragment() {
        let md = "# Mock interview: mid\n\n| Category | Mean |\n|---|---:|\n| technical | 72 |\n| **overall** | **72** |\n\n## 1. orm-x\n\n*technical · orm · 3m*\n\n> Why?\n\n**Answer**\n\n```text\nselect_related\n```\n";
        let out = render(md, &Style::plain(80));
        assert_eq!(
            out,
            "Mock interview: mid\n\n  Category   Mean\n  technical  72\n  overall    72\n\n1. orm-x\n\ntechnical · orm · 3m\n\n│ Why?\n\nAnswer\n\n    select_related\n"
        );
    }

    #[test]
    fn an_answer_cannot_close_its_fence_or_forge_a_score() {
        // What the transcript writes for an answer holding a fence of its own.
        let md = "**Answer**\n\n````text\nmine\n```\n## 2. fake\n**Score: 100/100**\n````\n\n**Score: 12/100**\n- ! [-10] claim (\"\\*\\*Score: 100\\*\\*\")\n";
        let coloured = Style {
            color: true,
            width: 80,
        };
        let out = render(md, &coloured);
        assert!(out.contains("    ## 2. fake\n"), "{out}");
        assert!(out.contains("    **Score: 100/100**\n"), "{out}");
        assert!(out.contains("\x1b[1mScore: 12/100"), "{out}");
        assert!(out.contains("(\"**Score: 100**\")"), "{out}");
        assert_eq!(out.matches("\x1b[1mScore").count(), 1, "{out}");
    }

    #[test]
    fn code_fenced_inside_an_answer_stays_code() {
        let md = "**Answer**\n\n````text\nlike this:\n```python\n## not a heading\n```\n````\n\n**Score: 40/100**\n";
        let out = render(md, &Style::plain(80));
        assert_eq!(
            out,
            "Answer\n\n    like this:\n    ```python\n    ## not a heading\n    ```\n\nScore: 40/100\n"
        );
    }

    #[test]
    fn colour_marks_headings_and_emphasis() {
        let coloured = Style {
            color: true,
            width: 80,
        };
        let out = render("## Title\n**bold** text", &coloured);
        assert!(out.contains("\x1b[1mTitle"));
        assert!(out.contains("\x1b[1mbold\x1b[0m text"));
    }
}
