use clap::Parser;
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = rehearse::cli::Cli::parse();
    match rehearse::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(rehearse::Error::Silent { code }) => ExitCode::from(code),
        Err(error) => {
            let _ = writeln!(std::io::stderr(), "error: {error}");
            ExitCode::from(error.exit_code())
        }
    }
}
