//! "Did you mean" suggestions for misspelt names.

/// The candidate closest to `name`, if it is close enough to be a likely
/// misspelling: at most one edit for short names, two for longer ones.
pub fn did_you_mean<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let limit = if name.chars().count() <= 4 { 1 } else { 2 };
    candidates
        .into_iter()
        .filter(|c| *c != name)
        .map(|c| (strsim::damerau_levenshtein(name, c), c))
        .filter(|&(d, _)| d <= limit)
        .min_by_key(|&(d, c)| (d, c))
        .map(|(_, c)| c)
}

/// `help` text for a suggestion: "did you mean `deadline`?".
pub fn help(name: &str, candidates: &[&str]) -> Option<String> {
    did_you_mean(name, candidates.iter().copied()).map(|s| format!("did you mean `{s}`?"))
}

#[cfg(test)]
mod tests {
    use super::did_you_mean;

    #[test]
    fn suggests_close_names_only() {
        let known = ["deadline", "assigned", "plan", "closure"];
        assert_eq!(did_you_mean("deadlin", known), Some("deadline"));
        assert_eq!(did_you_mean("asigned", known), Some("assigned"));
        assert_eq!(did_you_mean("plna", known), Some("plan"));
        assert_eq!(did_you_mean("budget", known), None);
        assert_eq!(did_you_mean("plan", known), None);
    }
}
