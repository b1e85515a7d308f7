//! The `atelier` binary: parse the command line and dispatch. Everything
//! else lives in the library.

use atelier::cli::Cli;
use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = if cli.command.is_none() {
        atelier::tui::run(cli.db.as_deref(), cli.lang)
    } else {
        atelier::cli::run(cli)
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // Errors quote file contents and typed text: clean them here,
            // once, so no message can carry an escape sequence.
            let message = atelier::text::clean(&format!("{e:#}"), true);
            eprintln!("atelier: {message}");
            ExitCode::from(1)
        }
    }
}
