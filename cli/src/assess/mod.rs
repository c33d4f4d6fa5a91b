//! `limber assess`: the self-assessment in the terminal.

mod command;
mod prompt;

pub use command::{AssessArgs, run};
