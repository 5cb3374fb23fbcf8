//! Naming the inputs: files, directories walked recursively, and stdin.

use std::path::{Path, PathBuf};

use crate::SourceError;

/// One input to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file on disk.
    Path(PathBuf),
    /// Standard input (`-` on the command line).
    Stdin,
}

impl Input {
    /// The name errors and record sources use.
    pub fn name(&self) -> String {
        match self {
            Input::Path(p) => p.display().to_string(),
            Input::Stdin => "<stdin>".to_string(),
        }
    }
}

/// File name endings a directory walk picks up (each also with `.gz`).
/// A file named on the command line is read whatever its name; in a
/// directory, READMEs, answer keys and the like are not articles.
pub const ARTICLE_EXTENSIONS: &[&str] = &[
    "txt", "text", "html", "htm", "xhtml", "shtml", "jsonl", "ndjson", "json", "xml", "rss",
    "atom", "rdf", "warc",
];

/// True when a file found in a directory walk looks like an article input.
pub fn is_article_file(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    name.rsplit_once('.')
        .is_some_and(|(_, ext)| ARTICLE_EXTENSIONS.contains(&ext))
}

/// Expands command-line arguments into inputs: `-` is stdin, a file is read
/// whatever its name, a directory gives every article file below it
/// ([`is_article_file`]; sorted, hidden entries skipped, symbolic links to
/// directories not followed so a loop cannot trap us).
pub fn expand(args: &[PathBuf]) -> Vec<Result<Input, SourceError>> {
    let mut out = Vec::new();
    for arg in args {
        if arg.as_os_str() == "-" {
            out.push(Ok(Input::Stdin));
            continue;
        }
        match std::fs::metadata(arg) {
            Ok(m) if m.is_dir() => walk(arg, &mut out),
            Ok(_) => out.push(Ok(Input::Path(arg.clone()))),
            Err(source) => out.push(Err(SourceError::Io {
                path: arg.clone(),
                source,
            })),
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<Result<Input, SourceError>>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(source) => {
            out.push(Err(SourceError::Io {
                path: dir.to_path_buf(),
                source,
            }));
            return;
        }
    };
    let mut paths: Vec<(PathBuf, std::fs::FileType)> = entries
        .filter_map(Result::ok)
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .filter_map(|e| e.file_type().ok().map(|t| (e.path(), t)))
        .collect();
    paths.sort_by(|a, b| a.0.cmp(&b.0));
    for (path, kind) in paths {
        if kind.is_dir() {
            walk(&path, out);
        } else if (kind.is_file() || (kind.is_symlink() && path.is_file()))
            && is_article_file(&path)
        {
            out.push(Ok(Input::Path(path)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_files_by_extension() {
        assert!(is_article_file(Path::new("a/b.warc.gz")));
        assert!(is_article_file(Path::new("x.HTML")));
        assert!(!is_article_file(Path::new("README.md")));
        assert!(!is_article_file(Path::new("stories.tsv")));
        assert!(!is_article_file(Path::new("noext")));
    }

    #[test]
    fn walks_directories_sorted_and_reports_missing() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("b.txt"), "b").unwrap();
        std::fs::write(dir.path().join("sub/a.txt"), "a").unwrap();
        std::fs::write(dir.path().join(".hidden"), "h").unwrap();
        std::fs::write(dir.path().join("README.md"), "r").unwrap();
        let got = expand(&[
            dir.path().to_path_buf(),
            "-".into(),
            dir.path().join("nope"),
        ]);
        let names: Vec<String> = got
            .iter()
            .map(|r| match r {
                Ok(i) => i.name(),
                Err(e) => format!("ERR {e}"),
            })
            .collect();
        assert!(names[0].ends_with("b.txt"));
        assert!(names[1].ends_with("sub/a.txt"));
        assert_eq!(names[2], "<stdin>");
        assert!(names[3].starts_with("ERR") && names[3].contains("nope"));
        assert_eq!(names.len(), 4);
    }
}
