//! `werkenbij init DIR`: a new site, ready to build: the example embedded in the binary, or with
//! `--empty` a site of the user's own organisation without the example's people (`empty.rs`), its
//! name, address and colour asked on a terminal (`ask.rs`) or given as flags.

mod ask;
mod empty;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use include_dir::{include_dir, Dir};

use crate::base::error::Error;

use super::args::InitArgs;

static CONTENT: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/content");
static STATIC: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/static");

/// A file to write: its path in the new site and its bytes.
type File = (PathBuf, Vec<u8>);

pub(super) fn run(args: InitArgs) -> Result<ExitCode, Error> {
    check_folder(&args.dir)?;
    let shown = args.dir.display();
    if args.empty {
        let given = ask::Answers {
            name: args.name,
            base_url: args.base_url,
            colour: args.colour,
        };
        let stdin = std::io::stdin();
        let organisation = if stdin.is_terminal() {
            ask::on_terminal(given, &mut stdin.lock(), &mut std::io::stderr())?
        } else {
            ask::from_flags(given)?
        };
        let mut files = empty::files(&organisation);
        add_theme(&mut files, args.with_theme);
        let count = write(&args.dir, files)?;
        for note in organisation.notes() {
            eprintln!("note: {note}");
        }
        eprintln!(
            "Made the site of {} in {shown} ({count} files): no stories, ambassadors or vacancies yet. Build it with `cd {shown} && werkenbij build`; add an ambassador with `werkenbij new ambassador ID`, and read content/pages/privacyverklaring.md before you publish",
            organisation.name
        );
        return Ok(ExitCode::SUCCESS);
    }
    let mut files: Vec<File> = Vec::new();
    collect(&CONTENT, Path::new("content"), &mut files);
    collect(&STATIC, Path::new("static"), &mut files);
    add_theme(&mut files, args.with_theme);
    let count = write(&args.dir, files)?;
    eprintln!(
        "Made the example site of Zorggroep Lindewaard in {shown} ({count} files); build it with `cd {shown} && werkenbij build`, or preview it with `werkenbij serve`. To start your own site without the example's people, run `werkenbij init --empty NEW-DIR`"
    );
    Ok(ExitCode::SUCCESS)
}

/// Refuses a file or a folder that has anything in it: `init` never overwrites.
fn check_folder(dir: &Path) -> Result<(), Error> {
    if !dir.exists() {
        return Ok(());
    }
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
    Ok(())
}

fn add_theme(files: &mut Vec<File>, with_theme: bool) {
    if with_theme {
        for (path, bytes) in crate::theme::builtin_files() {
            files.push((Path::new("themes/default").join(path), bytes.to_vec()));
        }
    }
}

/// Writes `files` and a `.gitignore` into `dir` (made when missing); returns how many files.
fn write(dir: &Path, mut files: Vec<File>) -> Result<usize, Error> {
    // The output, the lock and record beside it, and the image cache.
    files.push((
        PathBuf::from(".gitignore"),
        b"/public/\n/.public.werkenbij-*\n/.werkenbij-cache/\n".to_vec(),
    ));
    files.sort();
    for (relative, bytes) in &files {
        let full = dir.join(relative);
        if let Some(parent) = full.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        std::fs::write(&full, bytes).map_err(|e| Error::io(&full, e))?;
    }
    Ok(files.len())
}

fn collect(dir: &'static Dir<'static>, prefix: &Path, out: &mut Vec<File>) {
    for file in dir.files() {
        out.push((prefix.join(file.path()), file.contents().to_vec()));
    }
    for sub in dir.dirs() {
        collect(sub, prefix, out);
    }
}
