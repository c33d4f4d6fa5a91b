//! Helpers shared by the stress tests. The writer binary does the work in its own process.
