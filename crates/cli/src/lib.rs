//! Library side of the `helpdex` command: reading and writing index directories.
//!
//! The subcommands live in the binary; this is what benchmarks and tests share with it.

pub mod index_dir;
