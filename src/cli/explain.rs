//! stub
use clap::Args;
#[derive(Debug, Args)]
pub struct ExplainArgs {}
pub fn run(_: &ExplainArgs) -> u8 {
    0
}
