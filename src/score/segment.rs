//! Word boundaries (Unicode UAX #29), with a fast path for plain ASCII.
//!
//! Nearly every answer is typed in ASCII, and looking up each character's
//! word-break category in the Unicode tables was the costliest step of
//! normalising one. The text is cut into stretches at points where UAX #29
//! always breaks and where nothing before the point can change what follows
//! it (after a space or a line end, before an ASCII character other than a
//! space). A stretch of ASCII is segmented here with the rules restricted to
//! ASCII; any other stretch by `unicode-segmentation`. A property test checks
//! that both give the same pieces on every kind of text.

use unicode_segmentation::UnicodeSegmentation;

/// A piece of text between two word boundaries, and where it starts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Piece<'a> {
    /// Byte offset of the piece in the whole text.
    pub start: usize,
    /// The piece.
    pub text: &'a str,
}

/// The pieces of `text` between UAX #29 word boundaries, in order.
pub fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut pieces = Vec::with_capacity(text.len() / 3 + 1);
    let bytes = text.as_bytes();
    let mut start = 0;
    while start < bytes.len() {
        let Some(k) = bytes[start..].iter().position(|b| !b.is_ascii()) else {
            ascii(&text[start..], start, &mut pieces);
            break;
        };
        let other = start + k;
        // The ASCII before the last cut ahead of the first other character
        // takes the fast path; from there to the next cut, the tables.
        let cut = (start + 1..other)
            .rev()
            .find(|&c| is_cut(bytes, c))
            .unwrap_or(start);
        ascii(&text[start..cut], start, &mut pieces);
        let end = (other + 1..bytes.len())
            .find(|&c| is_cut(bytes, c))
            .unwrap_or(bytes.len());
        pieces.extend(
            text[cut..end]
                .split_word_bound_indices()
                .map(|(at, piece)| Piece {
                    start: cut + at,
                    text: piece,
                }),
        );
        start = end;
    }
    pieces
}

/// Whether the text may be cut before byte `at`: after a space or a line
/// feed, before an ASCII character other than a space. UAX #29 breaks there
/// whatever comes before, and its rules then look no further back than the
/// space, which no rule joins to what follows.
fn is_cut(bytes: &[u8], at: usize) -> bool {
    matches!(bytes[at - 1], b' ' | b'\n') && bytes[at].is_ascii() && bytes[at] != b' '
}

/// The word-break category of an ASCII byte, as the Unicode tables give it.
#[derive(Clone, Copy, PartialEq)]
enum Class {
    Cr,
    Lf,
    Newline,
    Space,
    Letter,
    Digit,
    /// `_`: joins letters and digits on either side.
    Underscore,
    /// `:`: joins two letters.
    MidLetter,
    /// `.` and `'`: join two letters or two digits.
    MidBoth,
    /// `,` and `;`: join two digits.
    MidNum,
    Other,
}

fn class(b: u8) -> Class {
    CLASSES[usize::from(b & 0x7f)]
}

/// [`Class`] of every ASCII byte, looked up once per byte of an answer.
const CLASSES: [Class; 128] = {
    let mut table = [Class::Other; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b'\r' => Class::Cr,
            b'\n' => Class::Lf,
            0x0b | 0x0c => Class::Newline,
            b' ' => Class::Space,
            b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
            b'0'..=b'9' => Class::Digit,
            b'_' => Class::Underscore,
            b':' => Class::MidLetter,
            b'.' | b'\'' => Class::MidBoth,
            b',' | b';' => Class::MidNum,
            _ => Class::Other,
        };
        b += 1;
    }
    table
};

/// Segments an ASCII stretch starting at byte `offset` of the whole text.
fn ascii<'a>(stretch: &'a str, offset: usize, pieces: &mut Vec<Piece<'a>>) {
    let bytes = stretch.as_bytes();
    let at = |i: usize| bytes.get(i).map_or(Class::Other, |&b| class(b));
    let mut start = 0;
    let (mut two_back, mut before) = (Class::Other, at(0));
    for i in 1..bytes.len() {
        let here = class(bytes[i]);
        // Letters and digits in a row are the common case: no look-ahead.
        let inside = matches!(before, Class::Letter | Class::Digit)
            && matches!(here, Class::Letter | Class::Digit);
        if !inside && !joined(two_back, before, here, at(i + 1)) {
            pieces.push(Piece {
                start: offset + start,
                text: &stretch[start..i],
            });
            start = i;
        }
        (two_back, before) = (before, here);
    }
    if start < bytes.len() {
        pieces.push(Piece {
            start: offset + start,
            text: &stretch[start..],
        });
    }
}

/// Whether UAX #29 keeps `before` and `here` in one piece, given the class
/// two back and the one after (rules WB3 to WB13b, ASCII only).
fn joined(two_back: Class, before: Class, here: Class, after: Class) -> bool {
    use Class::*;
    let mid_letter = |c: Class| matches!(c, MidLetter | MidBoth);
    let mid_num = |c: Class| matches!(c, MidNum | MidBoth);
    match (before, here) {
        (Cr, Lf) => true,
        (Cr | Lf | Newline, _) | (_, Cr | Lf | Newline) => false,
        (Space, Space) => true,
        (Letter | Digit, Letter | Digit) => true,
        (Letter, c) if mid_letter(c) => after == Letter,
        (c, Letter) if mid_letter(c) => two_back == Letter,
        (Digit, c) if mid_num(c) => after == Digit,
        (c, Digit) if mid_num(c) => two_back == Digit,
        (Letter | Digit | Underscore, Underscore) => true,
        (Underscore, Letter | Digit) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        pieces(text).into_iter().map(|p| p.text).collect()
    }

    #[test]
    fn words_keep_their_inner_punctuation() {
        assert_eq!(
            texts("don't use e.g. 3.5 or 1,000; a_b:c"),
            [
                "don't", " ", "use", " ", "e.g", ".", " ", "3.5", " ", "or", " ", "1,000", ";",
                " ", "a_b:c"
            ]
        );
        assert_eq!(
            texts("N+1  O(n)\r\n"),
            ["N", "+", "1", "  ", "O", "(", "n", ")", "\r\n"]
        );
    }

    #[test]
    fn ascii_classes_agree_with_the_unicode_tables() {
        // Each ASCII byte between letters, between digits and alone: the
        // fast path must cut exactly where the Unicode tables do.
        for b in 0u8..128 {
            let c = b as char;
            for text in [
                format!("a{c}b"),
                format!("1{c}2"),
                format!("a{c}2"),
                format!("_{c}_"),
                format!("{c}{c}"),
                format!(" {c} "),
            ] {
                let expected: Vec<&str> = text.split_word_bounds().collect();
                let mut fast = Vec::new();
                ascii(&text, 0, &mut fast);
                let fast: Vec<&str> = fast.iter().map(|p| p.text).collect();
                assert_eq!(fast, expected, "byte {b:#04x} in {text:?}");
            }
        }
    }
}
