//! stub
use clap::Args;
#[derive(Debug, Args)]
pub struct TestArgs {}
pub fn run(_: &TestArgs) -> u8 {
    0
}
