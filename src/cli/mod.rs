//! The command line: clap commands; the only place that prints or exits.

use std::process::ExitCode;

pub fn main() -> ExitCode {
    ExitCode::SUCCESS
}
