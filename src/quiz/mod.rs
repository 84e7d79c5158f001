//! Question banks: the file format, loading with file-and-line errors, and validation against
//! the lessons. Practice, review and exam modes build on these types.

pub mod bank;
pub mod check;
pub mod exam;
pub mod format;
pub mod interchange;
pub mod review;
pub mod session;

pub use bank::{Bank, BankLoader, BankSource, Entry};
pub use format::{Answer, Choice, Kind, Question};
