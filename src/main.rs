// glibc's allocator took a fifth of the CPU of a large build and of a `serve` rebuild, in malloc
// and free from many threads; mimalloc (v2, which returns memory sooner than v3) cuts a
// build's CPU time by about a quarter for a few megabytes more (docs/benchmarks.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    werkenbij::cli::run(std::env::args_os())
}
