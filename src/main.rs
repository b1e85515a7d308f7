//! The `atelier` binary. Everything, parsing the command line included,
//! lives in the library (`cli::main`), where it is tested.

fn main() -> std::process::ExitCode {
    atelier::cli::main()
}
