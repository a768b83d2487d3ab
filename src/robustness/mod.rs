//! Robustness checks: generated inputs fed to everything that reads a
//! user's files (question banks, scripted answer files, session records) and
//! to everything that shows them again (transcripts, `review show`).
//! Whatever the bytes, rehearse must answer with a value or a clear error,
//! never panic, never hang, never lose an answer and never let an answer's
//! text pass for the transcript's own structure.
//!
//! Each property runs [`CASES`] cases from a fixed seed, so `cargo test` is
//! reproducible and writes nothing into the source tree.
//! `PROPTEST_CASES=20000 cargo test --lib robustness` runs more cases, and
//! `PROPTEST_RNG_SEED=N` other ones.

mod answers;
mod bank;
mod fast_paths;
mod records;

use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, RngSeed};
use serde_json::Value;

/// Cases per property unless `PROPTEST_CASES` says otherwise.
const CASES: u32 = 256;

/// The seed unless `PROPTEST_RNG_SEED` says otherwise.
const SEED: u64 = 20_260_301;

/// The proptest configuration every property here uses: a fixed number of
/// cases from a fixed seed, no failure files.
fn config() -> Config {
    // The defaults read the PROPTEST_* variables.
    let defaults = Config::default();
    let cases = if std::env::var_os("PROPTEST_CASES").is_some() {
        defaults.cases
    } else {
        CASES
    };
    let rng_seed = if std::env::var_os("PROPTEST_RNG_SEED").is_some() {
        defaults.rng_seed
    } else {
        RngSeed::Fixed(SEED)
    };
    Config {
        cases,
        rng_algorithm: RngAlgorithm::ChaCha,
        rng_seed,
        failure_persistence: None,
        ..defaults
    }
}

/// Pieces of text that tend to matter to a parser or to markdown: line
/// ends, the answer separator, commands, fences, headings, control
/// characters, and bytes that are not UTF-8.
const PIECES: &[&[u8]] = &[
    b"\n",
    b"\r\n",
    b"\r",
    b".\n",
    b"\n.\n",
    b" . \r\n",
    b":skip\n",
    b":hint\n",
    b":quit\n",
    b" ",
    b"\t",
    b"`",
    b"```",
    b"````",
    b"``````````",
    b"\n```python\n",
    b"~~~",
    b"\n# ",
    b"\n## ",
    b"\n## 2. injected\n",
    b"**Score: 100/100**",
    b"\n**Score: 100/100**\n",
    b"\n> ",
    b"\n- ",
    b"| a | b |\n|---|---|\n",
    b"\n---\n",
    b"**",
    b"*",
    b"<!-- ",
    b"\x1b[2J",
    b"\x1b]0;title\x07",
    b"\x00",
    b"\x7f",
    b"\xc2\x9b",
    b"\xe2\x80\xa8",
    b"\xef\xbb\xbf",
    b"\xff",
    b"\xc3",
    b"\xe2\x82",
    b"\xed\xa0\x80",
    "é".as_bytes(),
    "日本".as_bytes(),
    "👩‍💻".as_bytes(),
    b"{",
    b"}",
    b"[",
    b"]",
    b"\"",
    b"\\",
    b",",
    b":",
    b"null",
    b"1e999",
    b"-0",
    b"18446744073709551616",
    b"select_related",
    b"join",
    b"prefetch",
];

/// Arbitrary bytes, mostly built from [`PIECES`] and random bytes.
fn bytes(max_pieces: usize) -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        3 => prop::sample::select(PIECES).prop_map(<[u8]>::to_vec),
        2 => prop::collection::vec(any::<u8>(), 1..8),
        1 => "[a-z ]{1,12}".prop_map(String::into_bytes),
    ];
    prop::collection::vec(piece, 0..max_pieces).prop_map(|pieces| pieces.concat())
}

/// Arbitrary text: [`bytes`] read as UTF-8, with U+FFFD for what is not.
fn text(max_pieces: usize) -> impl Strategy<Value = String> {
    bytes(max_pieces).prop_map(|b| String::from_utf8_lossy(&b).into_owned())
}

/// Any JSON value, small.
fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        prop::sample::select(&[0.0, -0.0, 0.5, -1.0, 1e300, -1e300, 5e-324, 20.0, 3600.0][..])
            .prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        prop::sample::select(
            &[
                "",
                " ",
                "technical",
                "coding",
                "system-design",
                "behavioral",
                "choice",
                "junior",
                "mid",
                "senior",
                "staff",
                "answered",
                "skipped",
                "unanswered",
                "interrupted",
                "pending",
                "complete",
                "2026-03-01T09:00:00Z",
                "not a time",
                "closing",
                "a",
                "the",
                "until evaluated",
                "8000",
            ][..]
        )
        .prop_map(Value::from),
        text(6).prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec(("[a-z_]{1,10}", inner), 0..4)
                .prop_map(|fields| Value::Object(fields.into_iter().collect())),
        ]
    })
}

/// One change to a JSON document; each place is a number taken modulo the
/// number of places.
#[derive(Debug, Clone)]
enum Mutation {
    /// Replace the value at one place.
    Replace(usize, Value),
    /// Remove the value at one place from its object or array.
    Remove(usize),
    /// Add a field to an object, or an element to an array.
    Add(usize, String, Value),
    /// Copy an element of an array onto its end (duplicate ids, …).
    Repeat(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        4 => (any::<usize>(), json()).prop_map(|(at, v)| Mutation::Replace(at, v)),
        2 => any::<usize>().prop_map(Mutation::Remove),
        2 => (any::<usize>(), "[a-z_]{1,12}", json()).prop_map(|(at, k, v)| Mutation::Add(at, k, v)),
        1 => any::<usize>().prop_map(Mutation::Repeat),
    ]
}

/// One change to a document's text once serialized.
#[derive(Debug, Clone)]
enum Edit {
    /// Cut the text there (a truncated file).
    Truncate(usize),
    /// Insert bytes there.
    Insert(usize, Vec<u8>),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        any::<usize>().prop_map(Edit::Truncate),
        (any::<usize>(), bytes(3)).prop_map(|(at, b)| Edit::Insert(at, b)),
    ]
}

/// A JSON document changed by mutations of its values, then possibly by
/// edits of its text.
fn mutated(base: Value, mutations: &[Mutation], edits: &[Edit], pretty: bool) -> (Value, Vec<u8>) {
    let mut doc = base;
    for m in mutations {
        apply(&mut doc, m);
    }
    let text = if pretty {
        serde_json::to_vec_pretty(&doc)
    } else {
        serde_json::to_vec(&doc)
    };
    let mut text = text.expect("a JSON value serializes");
    for e in edits {
        match e {
            Edit::Truncate(at) => text.truncate(at % (text.len() + 1)),
            Edit::Insert(at, b) => {
                let at = at % (text.len() + 1);
                text.splice(at..at, b.iter().copied());
            }
        }
    }
    (doc, text)
}

/// The JSON pointer of every value in `doc`, the root first.
fn pointers(doc: &Value) -> Vec<String> {
    fn walk(v: &Value, at: String, out: &mut Vec<String>) {
        out.push(at.clone());
        match v {
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(item, format!("{at}/{i}"), out);
                }
            }
            Value::Object(fields) => {
                for (k, item) in fields {
                    let key = k.replace('~', "~0").replace('/', "~1");
                    walk(item, format!("{at}/{key}"), out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(doc, String::new(), &mut out);
    out
}

fn apply(doc: &mut Value, m: &Mutation) {
    let all = pointers(doc);
    let pick = |at: &usize| all[at % all.len()].clone();
    match m {
        Mutation::Replace(at, v) => {
            if let Some(slot) = doc.pointer_mut(&pick(at)) {
                *slot = v.clone();
            }
        }
        Mutation::Remove(at) => {
            let at = pick(at);
            let Some((parent, last)) = at.rsplit_once('/') else {
                return;
            };
            let last = last.replace("~1", "/").replace("~0", "~");
            match doc.pointer_mut(parent) {
                Some(Value::Object(fields)) => {
                    fields.remove(&last);
                }
                Some(Value::Array(items)) => {
                    if let Ok(i) = last.parse::<usize>()
                        && i < items.len()
                    {
                        items.remove(i);
                    }
                }
                _ => {}
            }
        }
        Mutation::Add(at, key, v) => match doc.pointer_mut(&pick(at)) {
            Some(Value::Object(fields)) => {
                fields.insert(key.clone(), v.clone());
            }
            Some(Value::Array(items)) => items.push(v.clone()),
            _ => {}
        },
        Mutation::Repeat(at) => {
            if let Some(Value::Array(items)) = doc.pointer_mut(&pick(at))
                && let Some(first) = items.first().cloned()
            {
                items.push(first);
            }
        }
    }
}

/// Fails on a control character other than a line break or a tab (kept for
/// code in answers), which could drive the terminal that shows the text.
fn assert_no_control(what: &str, text: &str) {
    if let Some(c) = text
        .chars()
        .find(|&c| c.is_control() && c != '\n' && c != '\t')
    {
        panic!("{what} holds the control character {c:?}:\n{text}");
    }
}

#[test]
fn mutations_reach_every_kind_of_place() {
    let base: Value = serde_json::json!({"a": [1, {"b/c": "x"}], "d": null});
    assert_eq!(
        pointers(&base),
        ["", "/a", "/a/0", "/a/1", "/a/1/b~1c", "/d"]
    );
    let mut doc = base.clone();
    apply(&mut doc, &Mutation::Remove(4));
    assert_eq!(doc, serde_json::json!({"a": [1, {}], "d": null}));
}
