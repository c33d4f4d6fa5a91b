//! Where the database lives when `--db` is not given.

use std::path::PathBuf;

use directories::ProjectDirs;
use limber_core::Store;

use crate::{CliError, CliResult};

pub fn open(db: Option<PathBuf>) -> CliResult<Store> {
    let path = match db {
        Some(path) => path,
        None => ProjectDirs::from("app", "Limber", "limber")
            .map(|dirs| dirs.data_dir().join("limber.db"))
            .ok_or_else(|| CliError::Usage("error: no home folder found; pass --db PATH".into()))?,
    };
    Ok(Store::open(path)?)
}
