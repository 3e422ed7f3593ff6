//! Test results as JUnit XML: one `testsuite` per test file, one `testcase`
//! per case, a `failure` holding the diff of a failing case. Names and
//! diffs are escaped as every report is (`report::neutral`).

use super::CaseResult;
use crate::i18n::Catalogue;
use crate::report::xml::{attr, text};

/// One test file's results, named as shown to the user.
pub struct FileResults<'a> {
    pub name: &'a str,
    pub results: &'a [CaseResult],
}

/// The JUnit XML document for every test file, failures said in the
/// language of `words`.
pub fn junit(files: &[FileResults<'_>], words: &Catalogue) -> String {
    let total: usize = files.iter().map(|f| f.results.len()).sum();
    let failed: usize = files
        .iter()
        .map(|f| f.results.iter().filter(|r| !r.passed()).count())
        .sum();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<testsuites name=\"rectify test\" tests=\"{total}\" failures=\"{failed}\">\n"
    ));
    for file in files {
        let failed = file.results.iter().filter(|r| !r.passed()).count();
        out.push_str(&format!(
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failed}\">\n",
            attr(file.name),
            file.results.len()
        ));
        for r in file.results {
            let head = format!(
                "    <testcase classname=\"{}\" name=\"{}\"",
                attr(file.name),
                attr(&r.name)
            );
            if r.passed() {
                out.push_str(&head);
                out.push_str("/>\n");
                continue;
            }
            let lines = r.lines(words);
            let first = lines.first().cloned().unwrap_or_default();
            out.push_str(&format!(
                "{head}>\n      <failure message=\"{}\">{}</failure>\n    </testcase>\n",
                attr(&first),
                text(&lines.join("\n"))
            ));
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(name: &str, missing: &[(&str, &str)]) -> CaseResult {
        let expected = |&(rule, record): &(&str, &str)| {
            super::super::Diff::Missing(super::super::Expected {
                rule: rule.into(),
                record: record.into(),
                ..Default::default()
            })
        };
        CaseResult {
            name: name.into(),
            span: crate::source::Span::default(),
            diff: missing.iter().map(expected).collect(),
            errors: Vec::new(),
            fired: Vec::new(),
            passed: Vec::new(),
            pending: Vec::new(),
        }
    }

    #[test]
    fn one_testcase_per_case_and_a_failure_with_the_diff() {
        let results = [
            case("ok", &[]),
            case("late <plan>", &[("plan-on-time", "P-1")]),
        ];
        let files = [FileResults {
            name: "t.yaml",
            results: &results,
        }];
        let xml = junit(&files, crate::i18n::Lang::En.catalogue());
        assert!(xml.contains("tests=\"2\" failures=\"1\""), "{xml}");
        assert!(
            xml.contains("<testcase classname=\"t.yaml\" name=\"ok\"/>"),
            "{xml}"
        );
        assert!(xml.contains("name=\"late &lt;plan&gt;\""), "{xml}");
        assert!(
            xml.contains("<failure message=\"- expected plan-on-time on P-1\">"),
            "{xml}"
        );
    }
}
