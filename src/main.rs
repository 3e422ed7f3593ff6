fn main() -> std::process::ExitCode {
    rectify::cli::main()
}
