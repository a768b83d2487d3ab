//! The text of a bank file: decoding its bytes, and turning byte offsets
//! into the line and column a message points at.

/// What some editors (Notepad, Excel's "CSV UTF-8") write at the start of a
/// UTF-8 file. It carries no text, so it is dropped.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The text of the bank file `name`, without a leading byte order mark, or
/// the problem (with its place) when the bytes are not UTF-8.
pub fn decode<'a>(name: &str, bytes: &'a [u8]) -> Result<&'a str, String> {
    let text = bytes.strip_prefix(BOM).unwrap_or(bytes);
    std::str::from_utf8(text).map_err(|e| {
        let at = e.valid_up_to();
        // Lines and columns as an editor shows them (it hides the mark);
        // the offset counts every byte of the file, as a hex viewer does.
        let (line, column) = Lines::new(text).position(at);
        format!(
            "{name}:{line}:{column}: byte `0x{:02X}` at offset {} is not UTF-8; save the file \
             with UTF-8 encoding (editors offer it under \"Save as\" or \"Save with encoding\")",
            text[at],
            at + bytes.len() - text.len()
        )
    })
}

/// Where each line of a text starts, to place byte offsets in one lookup.
///
/// Columns count bytes from 1, as serde_json's positions in syntax errors
/// do, so every place rehearse reports reads the same way.
pub struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    /// Finds the start of every line, in one pass over `text`.
    pub fn new(text: &[u8]) -> Lines {
        let newlines = text
            .iter()
            .enumerate()
            .filter(|&(_, &b)| b == b'\n')
            .map(|(at, _)| at + 1);
        Lines {
            starts: std::iter::once(0).chain(newlines).collect(),
        }
    }

    /// The line (from 1) that holds byte `offset`.
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset)
    }

    /// The line and column (both from 1) of byte `offset`.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let line = self.line(offset);
        (line, offset - self.starts[line - 1] + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_bytes_from_one() {
        let lines = Lines::new(b"{\n  \"a\": 1\n}");
        assert_eq!(lines.position(0), (1, 1));
        assert_eq!(lines.position(1), (1, 2));
        assert_eq!(lines.position(2), (2, 1));
        assert_eq!(lines.position(4), (2, 3));
        assert_eq!(lines.position(11), (3, 1));
    }

    #[test]
    fn a_byte_order_mark_is_dropped() {
        assert_eq!(decode("b.json", b"\xEF\xBB\xBF{}"), Ok("{}"));
        assert_eq!(decode("b.json", b"{}"), Ok("{}"));
    }

    #[test]
    fn bytes_that_are_not_utf8_are_placed() {
        let problem = decode("b.json", b"{\n  \"a\": \"caf\xE9\"\n}").unwrap_err();
        assert!(
            problem.starts_with("b.json:2:12: byte `0xE9` at offset 13 is not UTF-8;"),
            "{problem}"
        );
        // The column is what an editor shows, which hides the mark.
        let problem = decode("b.json", b"\xEF\xBB\xBF\xFF").unwrap_err();
        assert!(problem.starts_with("b.json:1:1: byte `0xFF` at offset 3 "));
    }
}
