//! stub
use clap::Args;
#[derive(Debug, Args)]
pub struct DocArgs {}
pub fn run(_: &DocArgs) -> u8 {
    0
}
