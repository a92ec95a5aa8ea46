//! `werkenbij init DIR`: a complete new site from the example embedded in the binary, ready to build.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use include_dir::{include_dir, Dir};

use crate::base::error::Error;

use super::args::InitArgs;

static CONTENT: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/content");
static STATIC: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/static");

pub(super) fn run(args: InitArgs) -> Result<ExitCode, Error> {
    let files = create(&args.dir, args.with_theme)?;
    eprintln!(
        "Made a new site in {} ({files} files); build it with `cd {} && werkenbij build`, or preview it with `werkenbij serve`",
        args.dir.display(),
        args.dir.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// Writes the example site into `dir` (made when missing); refuses a folder that has anything in it.
/// Returns how many files were written.
fn create(dir: &Path, with_theme: bool) -> Result<usize, Error> {
    if dir.exists() {
        if !dir.is_dir() {
            return Err(Error::usage(
                format!("`{}` is a file, not a folder", dir.display()),
                Some("pick a new folder name, e.g. `werkenbij init werkenbij-site`"),
            ));
        }
        let mut entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
        if entries.next().is_some() {
            return Err(Error::usage(
                format!("`{}` is not empty; nothing was written", dir.display()),
                Some("pick a new or empty folder, e.g. `werkenbij init werkenbij-site`"),
            ));
        }
    }
    let mut files: Vec<(PathBuf, &'static [u8])> = Vec::new();
    collect(&CONTENT, Path::new("content"), &mut files);
    collect(&STATIC, Path::new("static"), &mut files);
    if with_theme {
        for (path, bytes) in crate::theme::builtin_files() {
            files.push((Path::new("themes/default").join(path), bytes));
        }
    }
    files.sort();
    for (relative, bytes) in &files {
        let full = dir.join(relative);
        if let Some(parent) = full.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        std::fs::write(&full, bytes).map_err(|e| Error::io(&full, e))?;
    }
    let ignore = dir.join(".gitignore");
    std::fs::write(&ignore, "/public/\n/.werkenbij-cache/\n").map_err(|e| Error::io(&ignore, e))?;
    Ok(files.len() + 1)
}

fn collect(dir: &'static Dir<'static>, prefix: &Path, out: &mut Vec<(PathBuf, &'static [u8])>) {
    for file in dir.files() {
        out.push((prefix.join(file.path()), file.contents()));
    }
    for sub in dir.dirs() {
        collect(sub, prefix, out);
    }
}
