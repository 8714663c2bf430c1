//! One module per subcommand.

pub mod build;
pub mod gaps;
pub mod search;
