fn main() -> std::process::ExitCode {
    werkenbij::cli::run(std::env::args_os())
}
