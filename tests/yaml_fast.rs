//! The YAML fast path against the general parser: wherever the fast path
//! answers, its tree and every span must equal the general parser's, and
//! the general parser must find no error. Checked on every YAML file in the
//! repository, on hand-picked edge cases, and on many mutations of them.

use std::path::{Path, PathBuf};

mod common;
#[path = "../fuzz/invariants.rs"]
#[allow(dead_code)] // this test uses one of the checks
mod invariants;

use common::lcg::Lcg;
use invariants::yaml_fast_path as agree;
use rectify::yaml::{self, Limits};

/// A number below `n`.
fn pick(rng: &mut Lcg, n: usize) -> usize {
    rng.below(n as u64) as usize
}

fn yaml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            yaml_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            out.push(path);
        }
    }
}

fn corpus() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["examples", "tests", "rules", "bench"] {
        yaml_files(&root.join(dir), &mut files);
    }
    files.sort();
    let mut texts: Vec<String> = files
        .iter()
        .filter_map(|path| std::fs::read_to_string(path).ok())
        .collect();
    texts.extend(CASES.iter().map(|case| case.to_string()));
    texts
}

/// Edge cases for the fast path's borders: each either goes the general
/// way or must agree.
const CASES: &[&str] = &[
    "a: 1\n",
    "a:\nb: 1\n",
    "a:\n",
    "a:",
    "a: # c\nb:\n# d\n\n",
    "- \n- b\n",
    "-\n- b\n-\n",
    "- a\n-\n",
    "a:\n- x\n- y\nb: 1\n",
    "a:\n  - x\n  -   y\n",
    "- a: 1\n  b: 2\n- c: 3\n",
    "-   a: 1\n    b:\n      - x\n",
    "- - a\n  - b\n- - c\n",
    "key   : v\n",
    "'k': 'it''s'\n\"q\": \"x y\"\n",
    "a: 'x' # c\n",
    "a: x#y\n",
    "a: x #y\n",
    "a: http://x.y/z?q=1\n",
    "a: [x, y , z]\n",
    "a: []\nb: {}\n",
    "a: [ ]\n",
    "a: { d: 2023-01-01, e: [p/1.pdf, 'q'] }\n",
    "a: {d: 1, e: {f: [g, [h]]}}\n",
    "a: [a b, c:d]\n",
    "a: [a: b]\n",
    "a: {a}\n",
    "a: [x,]\n",
    "a: [x, , y]\n",
    "a: {a: }\n",
    "a: {a:b}\n",
    "a: {\"a\":b}\n",
    "a: -5\nb: -x\nc: +1\nd: .5\ne: 1e3\nf: 0x1F\ng: 0o17\nh: ~\ni: TRUE\nj: .nan\nk: -.inf\n",
    "a: 2023-02-30\nb: 12:30\nc: 1_000\n",
    "---\na: 1\n",
    "--- # doc\na: 1\n",
    "--- a\n",
    "a: 1\n---\nb: 2\n",
    "a: 1\n...\n",
    "%YAML 1.2\n---\na: 1\n",
    "  a: 1\n  b: 2\n",
    "a:\n  b: 1\n c: 2\n",
    "a: b\n  c\n",
    "a: b\n  # c\nd: e\n",
    "a: b: c\n",
    "a: - b\n",
    "- a\nb: 1\n",
    "a: 1\n- b\n",
    "[a, b]\n",
    "{a: 1}\n",
    "just text\n",
    "",
    "# only a comment\n",
    "a: 无锡市人民政府\n标题: 镇江 长江\n",
    "a: \u{202e}evil\n",
    "a: x\u{a0}y\n",
    "a: x\u{85}y\n",
    "a: \u{feff}x\n",
    "a: x\u{2028}y\n",
    "a: x\u{3000}y\n",
    "a: x\u{200b}y\n",
    "a:\tb\n",
    "a: b\r\n",
    "a: &x 1\nb: *x\n",
    "a: !!str 1\n",
    "a: |\n  x\n",
    "a: >\n  x\n",
    "? a\n: b\n",
    "a: \"x\\ny\"\n",
    "a: \"x\n  y\"\n",
    "a: 'x\n  y'\n",
    "a: @x\n",
    "a: `x\n",
    "a: x:\n",
    "a: x: y\n",
    "a:x\n",
    "a :x\n",
    "a:  \n  b: 1\n",
    "a:\n\n\n  b: 1\n\n",
    "a:\n  # c\n  b: 1\n",
    "a:\n  b: 1\n  # c\n",
    "- a\n  # c\n- b\n",
    "a: 'b'c\n",
    "a: \"b\" c\n",
    "a: [b] c\n",
    "a: [b]c\n",
    "a: [b] # c\n",
    "a: [b\n  , c]\n",
    "a: -\n",
    "a: - \n",
    "- -\n",
    "- - \n",
    "- -x\n",
    "a: ---\n",
    "--- \n",
    "---\n",
    "...\n",
    "----\na: 1\n",
    "a: 1 # c: d\n",
    "a # c: d\n",
    "a: [1, 2.5, true, null, ~]\n",
    "a: {b: [1, {c: d}]}\n",
    "a: [-x, -1]\n",
    "a: [-]\n",
    "a: [- x]\n",
    "a: [x:]\n",
    "a: [x: y]\n",
    "a: {x: y, x: z}\n",
    "a: 1\na: 2\n",
    "\"a b\": 1\n'c': 2\n",
    "'': 1\n",
    "\"\": 1\n",
    "a: ''\nb: \"\"\n",
    "a: ' x '\n",
    "a: 'x ''y'' z'\n",
    "a: '''x'''\n",
    "a:    b   \n",
    "a: b   # c   \n",
    "  - a\n  - b\n",
    "- a\n - b\n",
    " - a\n- b\n",
    "a:\n - b\n - c\n",
    "a:\n  b:\n    c:\n      d: 1\n",
    "a:\n  - b:\n    - c\n",
    "a:\n  - b:\n      - c\n",
    "a:\n  - b:\n    c: 1\n",
    "- a:\n  b: 1\n",
    "- a:\n  - b\n",
    "-\n  a: 1\n",
    "-\n  - a\n",
    "-\n a\n",
    "a:\n  - \n  - b\n",
];

#[test]
fn every_file_and_edge_case_agrees() {
    let limits = Limits::default();
    let texts = corpus();
    let answered = texts.iter().filter(|t| agree(t, &limits)).count();
    // The fast path must take the ordinary record files, or it is useless.
    assert!(
        answered * 2 > texts.len(),
        "the fast path answered only {answered} of {} texts",
        texts.len()
    );
}

#[test]
fn small_limits_go_the_general_way() {
    let limits = Limits {
        max_depth: 2,
        max_alias_nodes: 10,
    };
    assert!(yaml::fast_only("a:\n  b:\n    c: 1\n", &limits).is_none());
    assert!(agree("a:\n  b: 1\n", &limits));
    for text in corpus() {
        agree(&text, &limits);
    }
}

/// Pieces a mutation inserts: indicators, blanks, breaks, and characters
/// YAML or Unicode treat specially.
const PIECES: &[&str] = &[
    ":",
    ": ",
    "-",
    "- ",
    "#",
    " #",
    " ",
    "  ",
    "\n",
    "\n  ",
    "\n- ",
    "'",
    "\"",
    "''",
    "[",
    "]",
    "{",
    "}",
    ",",
    ", ",
    "&a ",
    "*a",
    "!",
    "!!str ",
    "|",
    ">",
    "?",
    "? ",
    "%",
    "@",
    "`",
    "---",
    "...",
    "~",
    "null",
    "0x1F",
    "-1",
    "1e3",
    ".5",
    "é",
    "中",
    "\u{a0}",
    "\u{85}",
    "\u{2028}",
    "\u{feff}",
    "\u{202e}",
    "\t",
    "\r",
    "\\",
    "a: b",
    "x",
    "2023-01-01",
];

/// Insert, delete or replace at character boundaries, a few times.
fn mutate(text: &str, rng: &mut Lcg) -> String {
    let mut text = text.to_owned();
    for _ in 0..1 + pick(rng, 3) {
        let bounds: Vec<usize> = text
            .char_indices()
            .map(|(at, _)| at)
            .chain([text.len()])
            .collect();
        let at = bounds[pick(rng, bounds.len())];
        let piece = PIECES[pick(rng, PIECES.len())];
        match pick(rng, 3) {
            0 => text.insert_str(at, piece),
            1 => {
                let next = bounds.iter().find(|&&b| b > at).copied().unwrap_or(at);
                text.replace_range(at..next, "");
            }
            _ => {
                let next = bounds.iter().find(|&&b| b > at).copied().unwrap_or(at);
                text.replace_range(at..next, piece);
            }
        }
    }
    text
}

fn mutations(rounds: usize, seed: u64) {
    let limits = Limits::default();
    // Short texts: mutations of a long file mostly land far from each other.
    let texts: Vec<String> = corpus().into_iter().filter(|t| t.len() < 4000).collect();
    let mut rng = Lcg(seed);
    let mut answered = 0;
    for _ in 0..rounds {
        let base = &texts[pick(&mut rng, texts.len())];
        let text = mutate(base, &mut rng);
        if agree(&text, &limits) {
            answered += 1;
        }
    }
    eprintln!("the fast path answered {answered} of {rounds} mutated texts");
    assert!(
        answered > rounds / 10,
        "only {answered} of {rounds} answered"
    );
}

#[test]
fn mutated_texts_agree() {
    let rounds = std::env::var("RECTIFY_FAST_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(3000);
    let seed = std::env::var("RECTIFY_FAST_SEED")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(7);
    mutations(rounds, seed);
}
