//! The order a multiple-choice question's options are shown in. The bank
//! lists the correct option anywhere (often first); each session shows them
//! in an order drawn from its seed, so answering "A" every time earns
//! nothing, and the same `--seed` shows the same order again.
//!
//! Each question draws from its own ChaCha stream, chosen by its id: the
//! order depends on the seed and the question only, not on which other
//! questions the interview holds. ChaCha's output is the same on every
//! platform, so a seed means the same thing everywhere.

use super::Plan;
use crate::bank::Question;
use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{Rng, SeedableRng};

/// A permutation of `0..n`: position `i` shows the bank's option `order[i]`.
pub fn order(seed: u64, id: &str, n: usize) -> Vec<usize> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(stream(id));
    let mut order: Vec<usize> = (0..n).collect();
    // Fisher–Yates: every permutation equally likely.
    for i in (1..n).rev() {
        let j = below(&mut rng, i as u64 + 1);
        order.swap(i, usize::try_from(j).expect("j <= i fits in usize"));
    }
    order
}

/// The question's options in the order a session with `seed` shows them
/// (empty for open questions).
pub fn shown(question: &Question, seed: u64) -> Vec<String> {
    order(seed, &question.id, question.options.len())
        .into_iter()
        .map(|i| question.options[i].clone())
        .collect()
}

/// Whether `shown` holds exactly the question's options, in any order: a
/// recorded order is reused only while the bank still has those options.
pub fn is_order_of(shown: &[String], question: &Question) -> bool {
    let mut a: Vec<&String> = shown.iter().collect();
    let mut b: Vec<&String> = question.options.iter().collect();
    a.sort();
    b.sort();
    a == b
}

impl Plan {
    /// Fills in the shown order of every choice question's options, from
    /// the session's seed. `find` looks a question up by id.
    pub fn shuffle_options<'q>(&mut self, seed: u64, find: impl Fn(&str) -> Option<&'q Question>) {
        for planned in &mut self.questions {
            if let Some(question) = find(&planned.id) {
                planned.options = shown(question, seed);
            }
        }
    }
}

/// A uniform number in `0..bound` (`bound` > 0), without modulo bias.
fn below(rng: &mut impl Rng, bound: u64) -> u64 {
    // Draws under `threshold` would make small results likelier; redraw them.
    let threshold = bound.wrapping_neg() % bound;
    loop {
        let x = rng.next_u64();
        if x >= threshold {
            return x % bound;
        }
    }
}

/// The ChaCha stream of a question: FNV-1a of its id, the same everywhere.
pub(crate) fn stream(id: &str) -> u64 {
    id.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::{Bank, Category};

    #[test]
    fn the_same_seed_gives_the_same_order() {
        for seed in 0..50 {
            assert_eq!(order(seed, "q", 4), order(seed, "q", 4));
        }
        // Pinned, so that a change of algorithm cannot pass unnoticed: it
        // would show every seed a user noted down in another order.
        assert_eq!(order(1, "fixture-choice-port", 3), [0, 2, 1]);
    }

    #[test]
    fn every_order_is_a_permutation() {
        for seed in 0..200 {
            for n in 0..8 {
                let mut o = order(seed, "some-question", n);
                o.sort_unstable();
                assert_eq!(o, (0..n).collect::<Vec<_>>(), "seed {seed}, n {n}");
            }
        }
    }

    #[test]
    fn the_correct_option_moves_across_seeds() {
        // A four-option question with the answer first in the bank.
        let seeds = 0..400;
        let mut first = [0usize; 4];
        for seed in seeds.clone() {
            let o = order(seed, "orm-four-options", 4);
            let at = o.iter().position(|&i| i == 0).unwrap();
            first[at] += 1;
        }
        // Uniform would be 100 each; anything from 60 to 140 is fine (the
        // chance of a fair shuffle falling outside is far below 1e-6).
        for (place, n) in first.iter().enumerate() {
            assert!((60..=140).contains(n), "answer at {place}: {n} of 400");
        }
        // Different questions under one seed get different orders.
        let orders: std::collections::BTreeSet<Vec<usize>> =
            (0..20).map(|i| order(1, &format!("q{i}"), 4)).collect();
        assert!(orders.len() > 5, "{orders:?}");
    }

    #[test]
    fn built_in_choice_questions_are_not_answered_by_always_picking_a() {
        let bank = Bank::load(&[], true).unwrap();
        let choices: Vec<&Question> = bank
            .questions()
            .iter()
            .filter(|q| q.category == Category::Choice)
            .collect();
        assert!(!choices.is_empty());
        for seed in 0..20 {
            let right_at_a = choices
                .iter()
                .filter(|q| shown(q, seed).first() == q.answer.as_ref())
                .count();
            assert!(
                right_at_a < choices.len() / 2,
                "seed {seed}: {right_at_a} of {} answers shown as A",
                choices.len()
            );
            for q in &choices {
                assert!(is_order_of(&shown(q, seed), q), "{}", q.id);
            }
        }
    }

    #[test]
    fn below_stays_below_its_bound() {
        let mut rng = ChaCha8Rng::seed_from_u64(3);
        for bound in 1..30 {
            for _ in 0..50 {
                assert!(below(&mut rng, bound) < bound);
            }
        }
    }
}
