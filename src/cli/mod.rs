//! Subcommands beyond the basics: simulations and the plain quiz.

pub mod quiz;
pub mod sim;
