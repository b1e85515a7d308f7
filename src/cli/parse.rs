//! Reading the command line: the value checks worded in the person's
//! language, the language picked before clap parses, and the entry point
//! that runs the parsed command.

use super::{commands::run, report_choices, Cli};
use crate::i18n::tf;
use crate::model::Lang;
use clap::{CommandFactory, FromArgMatches};
use std::ffi::OsString;

// The value checks word their complaint in a language: English in the
// derive above, the person's own in `command`.

pub(super) fn parse_lang(lang: Lang, s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| tf(lang, "cli.unknown_lang", &[("value", s)]))
}

pub(super) fn parse_date(lang: Lang, s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| tf(lang, "cli.not_a_date", &[("value", s)]))
}

pub(super) fn parse_table(lang: Lang, s: &str) -> Result<crate::report::csv_tables::Table, String> {
    crate::report::csv_tables::Table::parse(s)
        .ok_or_else(|| tf(lang, "csv_tables.bad_table", &[("value", s)]))
}

pub(super) fn parse_format(lang: Lang, s: &str) -> Result<crate::report::Format, String> {
    use crate::report::Format;
    Format::parse(s).ok_or_else(|| {
        let formats = Format::list(&Format::ALL, lang);
        tf(
            lang,
            "cli.unknown_format",
            &[("value", s), ("formats", &formats)],
        )
    })
}

/// The command line with its value checks worded in `lang`. clap's own
/// frame around them ("error: invalid value … for '--date <DATE>'", the
/// usage line, `--help`) has no translations and stays English.
fn command(lang: Lang) -> clap::Command {
    Cli::command()
        .mut_arg("lang", |a| {
            a.value_parser(move |s: &str| parse_lang(lang, s))
        })
        .mut_subcommand("new", |c| {
            c.mut_arg("date", |a| {
                a.value_parser(move |s: &str| parse_date(lang, s))
            })
        })
        .mut_subcommand("import-notes", |c| {
            c.mut_arg("date", |a| {
                a.value_parser(move |s: &str| parse_date(lang, s))
            })
        })
        .mut_subcommand("export", |c| {
            c.mut_arg("format", |a| {
                let (name, help) = format_help();
                a.value_parser(move |s: &str| parse_format(lang, s))
                    // clap keeps names as `&'static str`; made once a run.
                    .value_name(&*Box::leak(name.into_boxed_str()))
                    .help(help)
            })
            .mut_arg("order", |a| {
                a.value_parser(move |s: &str| report_choices::parse_order(lang, s))
            })
            .mut_arg("person_stats", |a| {
                a.value_parser(move |s: &str| report_choices::parse_person_stats(lang, s))
            })
            .mut_arg("table", |a| {
                a.value_parser(move |s: &str| parse_table(lang, s))
            })
        })
        .mut_subcommand("conflicts", |c| {
            c.mut_arg("keep", |a| {
                a.value_parser(move |s: &str| super::merge::parse_keep(lang, s))
            })
        })
}

/// `export --format`'s value name ("md|html|…|bundle") and help, one
/// line per format, from the one list of formats.
fn format_help() -> (String, String) {
    use crate::report::Format;
    let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
    let mut help = String::from(
        "The report for participants (no names in an anonymous session, no stage \
         notes, deleted items or earlier versions), or the complete archive:",
    );
    for f in Format::ALL {
        help.push_str(&format!("\n  {}: {}", f.name(), f.about()));
    }
    (names.join("|"), help)
}

/// The language asked for with `--lang`, read before the full parse so the
/// parse's complaints can be worded in it; `None` when absent or unknown.
fn lang_in_args(args: &[OsString]) -> Option<Lang> {
    let mut words = args.iter().skip(1).map(|a| a.to_str().unwrap_or(""));
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        let value = match word.strip_prefix("--lang") {
            Some("") => words.next(),
            Some(rest) => rest.strip_prefix('='),
            None => continue,
        };
        return value.and_then(Lang::parse);
    }
    None
}

/// Parses `args` (the program name first), wording complaints about
/// values in the language asked for, else the system's.
pub fn parse(args: Vec<OsString>) -> Result<Cli, clap::Error> {
    let lang = lang_in_args(&args).unwrap_or_else(crate::i18n::system_lang);
    let mut command = command(lang);
    let mut matches = command.try_get_matches_from_mut(args)?;
    Cli::from_arg_matches_mut(&mut matches).map_err(|e| e.format(&mut command))
}

/// Parses the command line, runs the command or the terminal interface,
/// and prints what went wrong. Messages quote file contents, names and
/// typed values: they are cleaned here, once, so none can carry an
/// escape sequence; ours stay on one line.
pub fn main() -> std::process::ExitCode {
    use std::process::ExitCode;
    let cli = match parse(std::env::args_os().collect()) {
        Ok(cli) => cli,
        Err(e) => {
            let shown = crate::text::clean(&e.render().to_string(), true);
            if e.use_stderr() {
                eprint!("{shown}");
            } else {
                // `--help | head`: a closed pipe is not an error.
                let _ = std::io::Write::write_all(&mut std::io::stdout(), shown.as_bytes());
            }
            return ExitCode::from(e.exit_code().clamp(0, 255) as u8);
        }
    };
    let result = if cli.command.is_none() {
        crate::tui::run(cli.db.as_deref(), cli.lang)
    } else {
        run(cli)
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // The reader went away (`atelier export … | head`): what it wanted
        // was printed; nothing went wrong on our side.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            let message = crate::text::clean(&format!("{e:#}"), false);
            eprintln!("atelier: {message}");
            ExitCode::from(1)
        }
    }
}

/// Whether `e` comes from writing to a pipe whose reader has closed it.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// `e` with its store, command or import error worded in `lang`; the
/// context around it (what was being done) is kept in front.
pub fn localized(e: anyhow::Error, lang: Lang) -> anyhow::Error {
    use crate::i18n::localized;
    if !e.chain().any(|cause| localized(cause, lang).is_some()) {
        return e;
    }
    let mut parts = Vec::new();
    for cause in e.chain() {
        match localized(cause, lang) {
            Some(message) => {
                parts.push(message);
                break;
            }
            None => parts.push(cause.to_string()),
        }
    }
    anyhow::anyhow!(parts.join(": "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(words: &[&str]) -> Vec<OsString> {
        std::iter::once("atelier")
            .chain(words.iter().copied())
            .map(OsString::from)
            .collect()
    }

    #[test]
    fn the_language_is_found_before_the_parse() {
        assert_eq!(
            lang_in_args(&args(&["--lang", "fr", "list"])),
            Some(Lang::Fr)
        );
        assert_eq!(
            lang_in_args(&args(&["show", "x", "--lang=en"])),
            Some(Lang::En)
        );
        assert_eq!(lang_in_args(&args(&["--lang", "de", "list"])), None);
        assert_eq!(
            lang_in_args(&args(&["add", "x", "--", "--lang", "fr"])),
            None
        );
        assert_eq!(lang_in_args(&args(&["--lang"])), None);
        let err = parse(args(&["--lang", "fr", "export", "x", "--format", "docx"])).unwrap_err();
        assert!(err.to_string().contains("format inconnu « docx »"), "{err}");
        let cli = parse(args(&["--lang", "fr", "show", "latest"])).unwrap();
        assert_eq!(cli.lang, Some(Lang::Fr));
    }
}
