#![allow(dead_code)] // Each test binary uses a different part of these helpers.

//! Running the real `limber` binary against a database in a temporary folder.

use std::path::PathBuf;
use std::process::{Command, Output};

pub struct Limber {
    _dir: tempfile::TempDir,
    pub db: PathBuf,
}

impl Limber {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("data/limber.db");
        Limber { _dir: dir, db }
    }

    /// Runs with the zone fixed to UTC through `TZ` (so the machine's own setting never
    /// leaks into a test) unless `--tz` or `env` says otherwise.
    pub fn run(&self, args: &[&str]) -> Output {
        self.run_env(args, &[])
    }

    pub fn run_env(&self, args: &[&str], env: &[(&str, &str)]) -> Output {
        let mut command = self.command(args);
        command.envs(env.iter().copied());
        command.output().unwrap()
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_limber"));
        command
            .arg("--db")
            .arg(&self.db)
            .args(args)
            .env_remove("LIMBER_DB")
            .env_remove("LIMBER_TZ")
            .env("TZ", "UTC");
        command
    }

    /// Like [`ok`](Self::ok), with environment variables.
    pub fn ok_env(&self, args: &[&str], env: &[(&str, &str)]) -> String {
        let out = self.run_env(args, env);
        assert!(out.status.success(), "limber {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    }

    /// Runs and expects success; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(out.status.success(), "limber {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    }

    /// Runs and expects failure; returns stderr, which must be one line.
    pub fn fails(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(!out.status.success(), "limber {args:?} should have failed");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(stderr.trim_end().lines().count(), 1, "error is not one line: {stderr}");
        stderr.trim_end().to_owned()
    }

    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        serde_json::from_str(&self.ok(args)).unwrap()
    }
}
