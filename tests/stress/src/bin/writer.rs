//! A writer process for the crash and concurrency tests: opens the store, logs pain entries as
//! fast as it can and prints each id only after the store acknowledged it (committed).
//!
//! usage: limber-writer DB COUNT [TAG]

use std::io::Write;

use chrono::{Duration, TimeZone, Utc};
use limber_core::Limber;
use limber_core::pain::{PainContext, PainInput};

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(db), Some(count)) = (args.next(), args.next().and_then(|c| c.parse::<i64>().ok())) else {
        eprintln!("usage: limber-writer DB COUNT [TAG]");
        std::process::exit(2);
    };
    let tag = args.next().unwrap_or_default();
    let mut store = Limber::open(&db).unwrap_or_else(|e| {
        eprintln!("open: {e}");
        std::process::exit(1)
    });
    let start = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    let mut out = std::io::stdout().lock();
    for i in 0..count {
        let entry = PainInput {
            recorded_at: start + Duration::seconds(i),
            utc_offset_minutes: 0,
            level: (i % 11) as i32,
            sites: vec![],
            context: PainContext::Other,
            note: Some(format!("{tag}{i}")),
        };
        match store.add_pain(entry) {
            Ok(saved) => {
                // Only now is the entry acknowledged to the caller.
                let _ = writeln!(out, "{}", saved.id);
                let _ = out.flush();
            }
            Err(e) => {
                eprintln!("write failed: {e}");
                std::process::exit(1);
            }
        }
    }
}
