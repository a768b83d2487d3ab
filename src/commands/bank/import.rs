//! `rehearse bank import` and `rehearse bank new`.

use super::super::{Context, emit, read_input};
use crate::bank::import::{self, Defaults, Format};
use crate::bank::model::{BankFile, FORMAT_VERSION};
use crate::cli::{ImportArgs, ImportFormat};
use crate::error::{Error, Result};
use crate::score::derive::Idf;
use crate::term::count;
use crate::transcript::store::write_atomic;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

pub fn run(ctx: &Context, args: &ImportArgs) -> Result<()> {
    let text = read_input(&args.file)?;
    let name = args.file.display().to_string();
    let format = match args.format {
        Some(ImportFormat::Markdown) => Format::Markdown,
        Some(ImportFormat::Csv) => Format::Csv,
        Some(ImportFormat::Anki) => Format::Anki,
        None => Format::detect(&name, &text).ok_or_else(|| {
            Error::Usage(format!(
                "cannot tell the format of `{name}`; name it `.md` or `.csv`, or say which with \
                 `--format markdown|csv|anki`"
            ))
        })?,
    };
    let found = import::read(format, &text).map_err(|message| {
        Error::Message(format!(
            "`{name}` is not readable as {}: {message}",
            format.as_str()
        ))
    })?;
    let stem = args
        .file
        .file_stem()
        .map(|s| import::slug(&s.to_string_lossy(), 40))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "notes".to_string());
    let track = ctx.track.clone().unwrap_or_else(|| stem.clone());
    let defaults = Defaults {
        topic: args
            .topic
            .as_deref()
            .map(|t| import::slug(t, 40))
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| stem.clone()),
    };
    let (questions, skipped) = import::questions(&found, &defaults, Idf::builtin());
    if questions.is_empty() {
        let mut message = format!(
            "found no question to import in `{name}` (read as {}); the formats read are \
             Markdown (`<details><summary>` blocks or question headings), CSV with question \
             and answer columns, and Anki's plain-text export",
            format.as_str()
        );
        for s in &skipped {
            let _ = write!(message, "\n  line {}: {}", s.line, s.reason);
        }
        return Err(Error::Message(message));
    }
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("{stem}.toml")));
    refuse_to_overwrite(&output, args.force)?;
    let bank = BankFile {
        format_version: FORMAT_VERSION,
        track: track.clone(),
        title: format!("Imported from {}", file_name(&args.file)),
        questions,
    };
    let header = vec![
        format!(
            "Imported by `rehearse bank import` from {} ({}).",
            file_name(&args.file),
            format.as_str()
        ),
        String::new(),
        "Each answer is the model answer. Each rubric was derived from it: its key".into(),
        "points are the answer's most informative sentences and their phrasings its".into(),
        "rarest words. Read every question marked `derived = true`: make each key point".into(),
        "one idea, give it the ways people say it, add a probe to weighty points, then".into(),
        "delete `derived`. `rehearse bank validate` lists what is left to do.".into(),
    ];
    let text = crate::bank::write::toml(&bank, &header);
    // What is written must load: checked as `--bank` would check it.
    let checked = crate::bank::validate::check(&output.display().to_string(), &text);
    if !checked.problems.is_empty() {
        return Err(Error::InvalidBank {
            problems: checked.problems,
        });
    }
    write_atomic(&output, text.as_bytes())?;
    let mut out = format!(
        "Imported {} from `{name}` into `{}` (track `{track}`)",
        count(bank.questions.len(), "question"),
        output.display()
    );
    if skipped.is_empty() {
        out.push_str(".\n");
    } else {
        let _ = writeln!(out, "; skipped {}:", skipped.len());
        for s in &skipped {
            let _ = writeln!(out, "  line {}: {}", s.line, s.reason);
        }
    }
    let _ = writeln!(
        out,
        "Every rubric was derived from its answer and needs a look: `rehearse bank validate {}` \
         lists them.\nPractise them with `rehearse --bank {} --track {track} run`.",
        output.display(),
        output.display()
    );
    emit(&out)
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn refuse_to_overwrite(path: &Path, force: bool) -> Result<()> {
    if path.exists() && !force {
        return Err(Error::Usage(format!(
            "`{}` already exists; choose another file with `-o FILE`, or replace it with `--force`",
            path.display()
        )));
    }
    Ok(())
}

/// `bank new`: a commented template with one question of each kind.
pub fn template(path: &Path, force: bool) -> Result<()> {
    refuse_to_overwrite(path, force)?;
    write_atomic(path, TEMPLATE.as_bytes())?;
    emit(&format!(
        "Wrote a bank template to `{}`. Edit it, check it with `rehearse bank validate {}`,\n\
         and practise it with `rehearse --bank {} --track my-track run`.\n",
        path.display(),
        path.display(),
        path.display()
    ))
}

/// The template `bank new` writes; a test holds it to every bank check.
pub const TEMPLATE: &str = include_str!("template.toml");

#[cfg(test)]
mod tests {
    #[test]
    fn the_template_passes_every_check() {
        let checked = crate::bank::validate::check_with_lints("my-bank.toml", super::TEMPLATE);
        assert!(checked.problems.is_empty(), "{:#?}", checked.problems);
        assert!(checked.warnings.is_empty(), "{:#?}", checked.warnings);
        assert_eq!(checked.bank.map(|b| b.questions.len()), Some(3));
    }
}
