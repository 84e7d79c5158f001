//! Subcommands beyond the basics: simulations, the plain quiz, banks, results and reports.

pub mod bank;
pub mod deploy;
pub mod keys;
pub mod quiz;
pub mod replace;
pub mod search;
pub mod sim;
pub mod sim_cache;
pub mod sim_common;
pub mod sim_replicas;
pub mod sim_sessions;
pub mod sim_throttle;
