//! "Did you mean …?" for names the user mistyped.

/// The candidate closest to `name`, if one is close enough to be a likely typo
/// (or `name` is a prefix of exactly one candidate).
pub fn closest<'a, I>(name: &str, candidates: I) -> Option<String>
where
    I: IntoIterator<Item = &'a str>,
{
    let name = name.to_lowercase();
    let mut best: Option<(f64, &str)> = None;
    let mut prefixed = Vec::new();
    for candidate in candidates {
        if candidate.starts_with(&name) && !name.is_empty() {
            prefixed.push(candidate);
        }
        let similarity = similarity(&name, candidate);
        if best.is_none_or(|(s, _)| similarity > s) {
            best = Some((similarity, candidate));
        }
    }
    if let [only] = prefixed.as_slice() {
        return Some((*only).to_string());
    }
    // Short names need to be closer: "orm" vs "ops" is not a typo.
    let needed = if name.chars().count() <= 4 { 0.74 } else { 0.6 };
    best.filter(|(s, _)| *s >= needed)
        .map(|(_, c)| c.to_string())
}

/// How alike two names are, 0 to 1. Long ids are often typed in part
/// (`orm-selct` for `orm-select-vs-prefetch`), so a close match with the
/// candidate's beginning counts too, a little less than a whole match.
fn similarity(name: &str, candidate: &str) -> f64 {
    let whole = strsim::normalized_damerau_levenshtein(name, candidate);
    let len = name.chars().count();
    if candidate.chars().count() <= len + 2 || len < 5 {
        return whole;
    }
    let head: String = candidate.chars().take(len).collect();
    let partial = strsim::normalized_damerau_levenshtein(name, &head) * 0.95;
    whole.max(partial)
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn suggests_close_names_only() {
        let names = ["junior", "mid", "senior", "staff"];
        assert_eq!(closest("senoir", names), Some("senior".into()));
        assert_eq!(closest("stafff", names), Some("staff".into()));
        assert_eq!(closest("jun", names), Some("junior".into()));
        assert_eq!(closest("principal", names), None);
        assert_eq!(closest("xyz", names), None);
        let ids = ["orm-select-vs-prefetch", "orm-n-plus-one", "security-csrf"];
        assert_eq!(
            closest("orm-selct", ids),
            Some("orm-select-vs-prefetch".into())
        );
        assert_eq!(closest("security-csfr", ids), Some("security-csrf".into()));
    }
}
