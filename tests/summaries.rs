//! The summaries of both evaluation sets in `../shared/data/summaries/`
//! (when present beside the repository; skipped without them): every picked
//! sentence stands alone, as `storyline eval summarize` counts it.

use std::path::Path;
use std::process::Command;

/// Runs `eval summarize` on one set and returns its standalone-fault line.
fn faults(file: &str, words: &str) -> Option<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/summaries")
        .join(file);
    if !path.is_file() {
        eprintln!("{} not present; skipped", path.display());
        return None;
    }
    let out = Command::new(env!("CARGO_BIN_EXE_storyline"))
        .args([
            "eval",
            "summarize",
            path.to_str().unwrap(),
            "--words",
            words,
        ])
        .output()
        .expect("run storyline");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    stdout
        .lines()
        .find(|l| l.starts_with("standalone faults:"))
        .map(str::to_string)
        .or_else(|| panic!("no standalone line in {stdout}"))
}

#[test]
fn multinews_summaries_stand_alone() {
    if let Some(line) = faults("multinews-val.jsonl", "220") {
        assert!(line.starts_with("standalone faults: 0 of "), "{line}");
    }
}

#[test]
fn allsides_summaries_stand_alone() {
    if let Some(line) = faults("allsides-roundups-dev.jsonl", "110") {
        assert!(line.starts_with("standalone faults: 0 of "), "{line}");
    }
}
