//! One module per subcommand.

pub mod audit;
pub mod build;
pub mod gaps;
pub mod search;
