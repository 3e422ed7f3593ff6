//! The README's example is real: its record, checked as the README says,
//! prints exactly the output the README shows.

use std::process::Command;

fn block_after<'a>(text: &'a str, marker: &str, fence: &str) -> &'a str {
    let start = text.find(marker).expect("marker in README");
    let rest = &text[start..];
    let open = rest.find(fence).expect("fenced block") + fence.len();
    let body = &rest[open..];
    let body = body.strip_prefix('\n').unwrap_or(body);
    &body[..body.find("```").expect("closing fence")]
}

#[test]
fn readme_finding_example_is_what_rectify_prints() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README");
    let record = block_after(&readme, "A record whose plan came late", "```yaml");
    let shown = block_after(&readme, "reports it, pointing at the", "```text");
    let (command, expected) = shown
        .split_once('\n')
        .expect("a command line, then the output");
    let args: Vec<&str> = command
        .trim_start_matches("$ rectify ")
        .split_whitespace()
        .collect();
    let dir = std::env::temp_dir().join(format!("rectify-readme-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(dir.join("wuxi.yaml"), record).expect("write record");
    let out = Command::new(env!("CARGO_BIN_EXE_rectify"))
        .env("RECTIFY_LANG", "en")
        .args(&args)
        .args(["--color", "never"])
        .current_dir(&dir)
        .env_remove("GITHUB_ACTIONS")
        .output()
        .expect("rectify runs");
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim_end(),
        expected.trim_end()
    );
}
