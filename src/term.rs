//! Output style, decided once at startup: colour or not, and how wide to wrap.

use crate::cli::ColorChoice;
use std::io::IsTerminal;

/// How output looks. Plain text when stdout is not a terminal, no colour when
/// `NO_COLOR` is set (non-empty) or `TERM=dumb`; `--color` overrides both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// Whether to emit ANSI colour and emphasis.
    pub color: bool,
    /// Column to wrap prose at.
    pub width: usize,
}

impl Style {
    /// Decides the style for stdout from the flag and the environment.
    pub fn detect(choice: ColorChoice) -> Style {
        Style::decide(choice, std::io::stdout().is_terminal())
    }

    /// Decides the style for stderr, where the interactive screen goes.
    pub fn detect_stderr(choice: ColorChoice) -> Style {
        Style::decide(choice, std::io::stderr().is_terminal())
    }

    fn decide(choice: ColorChoice, tty: bool) -> Style {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
        let color = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => tty && !no_color && !dumb,
        };
        Style {
            color,
            width: terminal_width(),
        }
    }

    /// A style with no colour at the given width (tests, files).
    pub fn plain(width: usize) -> Style {
        Style {
            color: false,
            width,
        }
    }

    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    pub fn bold(&self, text: &str) -> String {
        self.paint("1", text)
    }
    pub fn dim(&self, text: &str) -> String {
        self.paint("2", text)
    }
    pub fn green(&self, text: &str) -> String {
        self.paint("32", text)
    }
    pub fn red(&self, text: &str) -> String {
        self.paint("31", text)
    }
    pub fn yellow(&self, text: &str) -> String {
        self.paint("33", text)
    }
    pub fn cyan(&self, text: &str) -> String {
        self.paint("36", text)
    }
}

/// Width of the terminal on stdout, between 40 and 100 columns; 80 when it
/// cannot be known (a pipe, or a pseudo terminal that reports 0x0).
pub fn terminal_width() -> usize {
    let from_env = std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok());
    tty_columns().or(from_env).unwrap_or(80).clamp(40, 100)
}

/// Columns of the terminal on stdout or stderr, asked of the terminal
/// itself: nothing when neither is one (a general-purpose size query would
/// start `tput` there, costing milliseconds on every run).
#[cfg(unix)]
fn tty_columns() -> Option<usize> {
    [libc::STDOUT_FILENO, libc::STDERR_FILENO]
        .into_iter()
        .find_map(|fd| {
            // SAFETY: isatty and TIOCGWINSZ only read; `size` is a valid
            // winsize for the ioctl to fill.
            unsafe {
                if libc::isatty(fd) != 1 {
                    return None;
                }
                let mut size: libc::winsize = std::mem::zeroed();
                (libc::ioctl(fd, libc::TIOCGWINSZ, &mut size) == 0 && size.ws_col > 0)
                    .then_some(usize::from(size.ws_col))
            }
        })
}

#[cfg(not(unix))]
fn tty_columns() -> Option<usize> {
    crossterm::terminal::size()
        .ok()
        .map(|(w, _)| usize::from(w))
        .filter(|w| *w > 0)
}

/// A progress bar on stderr, hidden when stderr is not a terminal.
pub fn progress(len: u64, what: &'static str) -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{msg} {bar:40} {pos}/{len}")
            .expect("constant progress template is valid"),
    );
    bar.set_message(what);
    bar
}

/// Wraps `text` to `width` columns, each line starting with `indent`. Blank
/// lines and line breaks in `text` are kept; lines starting with spaces are
/// treated as preformatted (code) and left alone.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    wrap_hanging(text, width, indent, indent)
}

/// Like [`wrap`], but the first line starts with `first` and the lines after
/// it with `rest` (a hanging indent, for list items).
pub fn wrap_hanging(text: &str, width: usize, first: &str, rest: &str) -> String {
    let mut out = String::new();
    let mut indent = first;
    for line in text.lines() {
        let room = width.saturating_sub(indent.chars().count()).max(20);
        if line.trim().is_empty() {
            out.push('\n');
            continue;
        }
        if line.starts_with("    ") || line.starts_with('\t') {
            out.push_str(indent);
            out.push_str(line);
            out.push('\n');
            indent = rest;
            continue;
        }
        let mut current = 0;
        out.push_str(indent);
        for word in line.split_whitespace() {
            let len = word.chars().count();
            if current > 0 && current + 1 + len > room {
                out.push('\n');
                indent = rest;
                out.push_str(indent);
                current = 0;
            }
            if current > 0 {
                out.push(' ');
                current += 1;
            }
            out.push_str(word);
            current += len;
        }
        out.push('\n');
        indent = rest;
    }
    out
}

/// A time limit in a few columns: `45s`, `3m`, `3m20s`, `1h`.
pub fn clock(seconds: u32) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    match (h, m, s) {
        (0, 0, s) => format!("{s}s"),
        (0, m, 0) => format!("{m}m"),
        (0, m, s) => format!("{m}m{s:02}s"),
        (h, 0, 0) => format!("{h}h"),
        (h, m, _) => format!("{h}h{m:02}m"),
    }
}

/// `1 question`, `3 questions`.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// A weight or penalty as people write it: `2`, `1.5`.
pub fn number(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        format!("{x:.1}")
    }
}

/// Cuts `text` to at most `max` characters, ending with `…` when cut.
pub fn truncate(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

/// Text from a bank, a record or an answer made safe to print: control
/// characters (escape sequences, bells, carriage returns, C1 controls) are
/// shown as visible notation (`^[`, `^G`, `<U+009B>`) instead of driving the
/// terminal. Line breaks and tabs are kept when `lines` is set.
pub fn visible(text: &str, lines: bool) -> std::borrow::Cow<'_, str> {
    let keep = |c: char| lines && (c == '\n' || c == '\t');
    if !text.chars().any(|c| c.is_control() && !keep(c)) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            c if keep(c) || !c.is_control() => out.push(c),
            '\u{7f}' => out.push_str("^?"),
            c if (c as u32) < 0x20 => {
                out.push('^');
                out.push(char::from(c as u8 + b'@'));
            }
            c => out.push_str(&format!("<U+{:04X}>", c as u32)),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Output made safe for a terminal at the last step before it is written:
/// colour sequences (`ESC [ … m`, which rehearse itself writes) pass, and
/// every other control character, wherever it came from, is shown as
/// visible notation (see [`visible`]). Line breaks, tabs and carriage
/// returns before a line break pass too.
pub fn for_terminal(text: &str) -> std::borrow::Cow<'_, str> {
    let chars: Vec<char> = text.chars().collect();
    let sgr_end = |at: usize| -> Option<usize> {
        if chars.get(at + 1) != Some(&'[') {
            return None;
        }
        let mut i = at + 2;
        while chars
            .get(i)
            .is_some_and(|c| c.is_ascii_digit() || *c == ';')
        {
            i += 1;
        }
        (chars.get(i) == Some(&'m')).then_some(i)
    };
    let allowed = |i: usize| match chars[i] {
        '\n' | '\t' => true,
        '\r' => chars.get(i + 1) == Some(&'\n'),
        _ => false,
    };
    let clean = (0..chars.len()).all(|i| {
        !chars[i].is_control() || allowed(i) || (chars[i] == '\u{1b}' && sgr_end(i).is_some())
    });
    if clean {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\u{1b}'
            && let Some(end) = sgr_end(i)
        {
            out.extend(&chars[i..=end]);
            i = end + 1;
            continue;
        }
        if !c.is_control() || allowed(i) {
            out.push(c);
        } else {
            out.push_str(&visible(&c.to_string(), false));
        }
        i += 1;
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {

    #[test]
    fn control_characters_are_shown_not_sent() {
        assert_eq!(visible("plain text", false), "plain text");
        assert_eq!(visible("a\u{1b}[2Jb", false), "a^[[2Jb");
        assert_eq!(visible("bell\u{7}", false), "bell^G");
        assert_eq!(visible("del\u{7f}", false), "del^?");
        assert_eq!(visible("csi\u{9b}", false), "csi<U+009B>");
        assert_eq!(visible("two\nlines\tok", true), "two\nlines\tok");
        assert_eq!(visible("two\nlines", false), "two^Jlines");
    }

    #[test]
    fn only_colours_reach_the_terminal() {
        let green = "\u{1b}[32mok\u{1b}[0m\n";
        assert_eq!(for_terminal(green), green);
        // clear screen, title, clipboard (OSC 52), bell, bare carriage return
        assert_eq!(for_terminal("a\u{1b}[2Jb"), "a^[[2Jb");
        assert_eq!(
            for_terminal("\u{1b}]52;c;cm0gLXJmIH4=\u{7}"),
            "^[]52;c;cm0gLXJmIH4=^G"
        );
        assert_eq!(for_terminal("over\rwrite\r\n"), "over^Mwrite\r\n");
    }
    use super::*;

    #[test]
    fn wrap_breaks_at_width_and_keeps_paragraphs() {
        let text = "one two three four five six seven\n\nnext paragraph";
        assert_eq!(
            wrap(text, 24, "  "),
            "  one two three four\n  five six seven\n\n  next paragraph\n"
        );
    }

    #[test]
    fn hanging_indent_lines_up_continuations() {
        assert_eq!(
            wrap_hanging("[2] alpha beta gamma delta epsilon", 24, "  ", "      "),
            "  [2] alpha beta gamma\n      delta epsilon\n"
        );
    }

    #[test]
    fn wrap_leaves_indented_code_alone() {
        let text = "    def f(x):  return x";
        assert_eq!(wrap(text, 20, ""), "    def f(x):  return x\n");
    }

    #[test]
    fn truncate_marks_the_cut() {
        assert_eq!(truncate("abc def", 10), "abc def");
        assert_eq!(truncate("abcdefghijkl", 5), "abcd…");
        assert_eq!(truncate("a\n  b", 5), "a b");
    }

    #[test]
    fn clock_is_compact() {
        assert_eq!(clock(45), "45s");
        assert_eq!(clock(180), "3m");
        assert_eq!(clock(200), "3m20s");
        assert_eq!(clock(3600), "1h");
        assert_eq!(clock(3900), "1h05m");
    }

    #[test]
    fn plain_style_adds_no_escapes() {
        assert_eq!(Style::plain(80).bold("x"), "x");
        let coloured = Style {
            color: true,
            width: 80,
        };
        assert_eq!(coloured.bold("x"), "\x1b[1mx\x1b[0m");
    }
}
