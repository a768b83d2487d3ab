use clap::Parser;
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = rehearse::cli::Cli::parse();
    match rehearse::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(rehearse::Error::Silent { code }) => ExitCode::from(code),
        Err(error) => {
            let message = rehearse::term::for_terminal(&error.to_string()).into_owned();
            let _ = writeln!(std::io::stderr(), "error: {message}");
            ExitCode::from(error.exit_code())
        }
    }
}
