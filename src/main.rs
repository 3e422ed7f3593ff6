// jemalloc: bench/RESULTS.md measures it against the system allocator and
// mimalloc on a check; without the `jemalloc` feature the system's is used.
#[cfg(feature = "jemalloc")]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> std::process::ExitCode {
    rectify::cli::main()
}
