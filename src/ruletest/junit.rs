//! Test results as JUnit XML: one `testsuite` per test file, one `testcase`
//! per case, a `failure` holding the diff of a failing case.

use super::CaseResult;

/// One test file's results, named as shown to the user.
pub struct FileResults<'a> {
    pub name: &'a str,
    pub results: &'a [CaseResult],
}

/// The JUnit XML document for every test file.
pub fn junit(files: &[FileResults<'_>]) -> String {
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
            escape(file.name),
            file.results.len()
        ));
        for r in file.results {
            let head = format!(
                "    <testcase classname=\"{}\" name=\"{}\"",
                escape(file.name),
                escape(&r.name)
            );
            if r.passed() {
                out.push_str(&head);
                out.push_str("/>\n");
                continue;
            }
            let mut lines = r.errors.clone();
            lines.extend(r.diff.iter().cloned());
            let first = lines.first().cloned().unwrap_or_default();
            out.push_str(&format!(
                "{head}>\n      <failure message=\"{}\">{}</failure>\n    </testcase>\n",
                escape(&first),
                escape(&lines.join("\n"))
            ));
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

/// Text for XML content and attributes; characters XML 1.0 forbids are dropped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\t' | '\r' => out.push(c),
            c if (c as u32) < 0x20 => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(name: &str, diff: &[&str]) -> CaseResult {
        CaseResult {
            name: name.into(),
            span: crate::source::Span::default(),
            diff: diff.iter().map(|s| s.to_string()).collect(),
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
            case("late <plan>", &["- expected plan-on-time on P-1"]),
        ];
        let xml = junit(&[FileResults {
            name: "t.yaml",
            results: &results,
        }]);
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
