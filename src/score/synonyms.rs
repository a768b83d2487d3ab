//! Words that mean the same in technical explanations. A phrasing word also
//! matches its synonyms, a little below an exact match, and the explanation
//! says so. The groups are general English as developers write it, not
//! tied to any one question; keep them unambiguous in a programming context
//! ("form" and "view" are not synonyms of anything here).

use super::normalize::stem_word;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Similarity given to a synonym match (an exact match is 1).
pub const SYNONYM_SIMILARITY: f64 = 0.9;

/// Groups of interchangeable words (single words, lower case).
const GROUPS: &[&[&str]] = &[
    &["minimum", "smallest", "lowest", "least", "min"],
    &[
        "maximum", "largest", "biggest", "highest", "greatest", "max",
    ],
    &[
        "unlimited",
        "infinite",
        "unbounded",
        "limitless",
        "arbitrary",
    ],
    &["begin", "start", "commence", "beginning", "front"],
    &["finish", "complete", "terminate", "conclude"],
    &["fast", "quick", "speedy", "rapid"],
    &["quickly", "rapidly", "swiftly"],
    &["copy", "duplicate", "clone", "replicate"],
    &["remove", "delete", "erase", "eliminate"],
    &["insert", "add", "append"],
    &["find", "locate", "search", "lookup"],
    &["error", "bug", "fault", "defect", "mistake"],
    &["change", "modify", "alter", "mutate"],
    &["create", "construct", "instantiate", "generate"],
    &["show", "display", "print"],
    &["retrieve", "fetch", "obtain"],
    &["store", "save", "persist"],
    &["big", "large", "huge"],
    &["small", "little", "tiny"],
    &["function", "procedure", "routine", "subroutine"],
    &["parameter", "argument", "param", "arg"],
    &["attribute", "property"],
    &["correct", "valid"],
    &["wrong", "incorrect", "invalid"],
    &["faster", "quicker"],
    &["easier", "simpler"],
    &["harder", "tougher"],
    &["cheap", "inexpensive"],
    &["expensive", "costly"],
    &["efficient", "performant"],
    &["repeat", "iterate", "loop"],
    &["combine", "merge", "concatenate"],
    &["split", "divide", "separate", "partition"],
    &["reuse", "reusability", "reusable"],
    &["hide", "conceal", "encapsulate"],
    &["allocate", "reserve"],
    &["check", "verify", "validate"],
    &["ensure", "guarantee"],
    &["prevent", "avoid"],
    &["allow", "permit", "enable"],
    &["need", "require"],
    &["happen", "occur"],
    &["call", "invoke"],
    &["send", "transmit"],
    &["keep", "retain", "preserve"],
    &["many", "multiple", "several", "numerous"],
    &["same", "identical", "equal"],
    &["different", "distinct"],
    &["whole", "entire"],
    &["part", "portion", "piece", "section"],
    &["previous", "prior", "preceding"],
    &["next", "following", "subsequent"],
    &["swap", "exchange"],
    &["sort", "arrange"],
    &["goal", "aim", "purpose", "objective"],
    &["problem", "issue"],
    &["automatic", "automatically"],
    &["manual", "manually", "explicit", "explicitly"],
    &["temporary", "transient", "ephemeral"],
    &["permanent", "persistent", "durable"],
    &["stale", "outdated", "expired"],
    &["fix", "repair", "resolve"],
    &["speed", "performance", "latency"],
    &["limit", "cap", "restrict", "throttle"],
    &["configure", "setup"],
    &["trigger", "fire", "emit"],
    &["reduce", "decrease", "lower", "shrink"],
    &["increase", "raise", "grow", "boost"],
];

/// Stems of each word's synonyms, keyed by the word's stem.
fn table() -> &'static HashMap<String, Vec<String>> {
    static TABLE: OnceLock<HashMap<String, Vec<String>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: HashMap<String, Vec<String>> = HashMap::new();
        for group in GROUPS {
            let stems: Vec<String> = group.iter().map(|w| stem_word(w).into_string()).collect();
            for stem in &stems {
                let entry = table.entry(stem.clone()).or_default();
                for other in &stems {
                    if other != stem && !entry.contains(other) {
                        entry.push(other.clone());
                    }
                }
            }
        }
        table
    })
}

/// Stems that mean the same as `stem` (not including it).
pub fn of(stem: &str) -> &'static [String] {
    table().get(stem).map_or(&[], Vec::as_slice)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synonyms_are_symmetric_and_stemmed() {
        let minimum = stem_word("minimum").into_string();
        let lowest = stem_word("lowest").into_string();
        assert!(of(&minimum).contains(&lowest));
        assert!(of(&lowest).contains(&minimum));
        assert!(!of(&minimum).contains(&minimum));
        assert!(of("xylophone").is_empty());
    }

    #[test]
    fn groups_hold_single_lower_case_words() {
        for group in GROUPS {
            for word in *group {
                assert!(
                    word.chars().all(|c| c.is_ascii_lowercase()),
                    "{word} must be one lower-case word"
                );
            }
        }
    }
}
