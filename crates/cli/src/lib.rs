//! Library side of the `helpdex` command: reading and writing index directories, and the
//! search event log with the knowledge-gaps report made from it, and the content audit.
//!
//! The subcommands live in the binary; this is what benchmarks and tests share with it.

pub mod audit;
pub mod events;
pub mod gaps;
pub mod index_dir;
pub mod url;
