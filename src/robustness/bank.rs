//! Question banks (`--bank FILE`, `rehearse bank validate FILE`): any bytes,
//! and banks that are nearly right, load or fail with an error naming the
//! file; a bank that loads can be planned, scored and shown.

use super::{bytes, config, edit, mutated, mutation};
use crate::bank::{self, Bank, compiled, lint};
use crate::judge::judge;
use crate::plan::{self, History, Request};
use proptest::prelude::*;
use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::SeedableRng;
use serde_json::Value;
use std::sync::OnceLock;

/// The small test bank: one question of each kind that scores differently
/// (technical, behavioral, choice).
const SMALL: &str = include_str!("../../tests/fixtures/bank-small.json");

/// Banks to start mutating from: the small one, and one question at a time
/// of the built-in bank (rubric subjects, pitfalls, full marks …).
fn bases() -> &'static [Value] {
    static BASES: OnceLock<Vec<Value>> = OnceLock::new();
    BASES.get_or_init(|| {
        let small: Value = serde_json::from_str(SMALL).expect("the fixture bank is JSON");
        let mut bases = vec![small];
        // The built-in questions as a user's JSON bank would hold them.
        for (_, text) in bank::BUILTIN {
            let file: Value = toml::from_str(text).expect("a built-in bank is TOML");
            for q in file["questions"].as_array().into_iter().flatten() {
                bases.push(serde_json::json!({"format_version": 1, "questions": [q]}));
            }
        }
        bases
    })
}

/// Loads the bank in `bytes` as `rehearse --bank FILE` and `rehearse bank
/// validate FILE` do, and uses what loads: an error must name the file.
fn load_and_use(bytes: &[u8]) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("my-bank.json");
    std::fs::write(&path, bytes).expect("the temporary folder is writable");
    let name = path.display().to_string();

    match bank::validate_files(std::slice::from_ref(&path)) {
        Ok(checked) => {
            for line in checked.problems.iter().chain(&checked.warnings) {
                prop_assert!(line.starts_with(&name), "not named: {line}");
            }
        }
        Err(e) => prop_assert!(e.to_string().contains(&name), "not named: {e}"),
    }

    let loaded = match Bank::load(std::slice::from_ref(&path), false) {
        Ok(loaded) => loaded,
        Err(e) => {
            let message = e.to_string();
            prop_assert!(message.contains(&name), "not named: {message}");
            return Ok(());
        }
    };
    for q in loaded.questions() {
        compiled::compile_question(q);
        lint::question(q);
        let answer = q.options.first().unwrap_or(&q.model_answer);
        judge(q, answer, true);
    }
    // What the interview plans from such a bank; no questions for the
    // level is a clear error, not a failure.
    for (preset, minutes) in [("junior", Some(20)), ("staff", None)] {
        let preset = crate::preset::find(preset).expect("a built-in preset");
        let request = Request {
            minutes,
            ..Request::default()
        };
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        let _ = plan::plan(
            loaded.questions(),
            preset,
            &request,
            &History::default(),
            &mut rng,
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_bytes_as_a_bank_load_or_fail_naming_the_file(input in bytes(40)) {
        load_and_use(&input)?;
    }

    #[test]
    fn nearly_right_banks_load_or_fail_naming_the_file(
        base in any::<usize>(),
        mutations in prop::collection::vec(mutation(), 0..4),
        edits in prop::collection::vec(edit(), 0..2),
        pretty in any::<bool>(),
    ) {
        let bases = bases();
        // Half the cases start from the small bank, which holds all kinds.
        let base = if base % 2 == 0 { 0 } else { base % bases.len() };
        let (_, text) = mutated(bases[base].clone(), &mutations, &edits, pretty);
        load_and_use(&text)?;
    }
}
