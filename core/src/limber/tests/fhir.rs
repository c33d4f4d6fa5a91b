//! The FHIR bundle of a generated sample database. Always exported and checked here for its
//! shape; with `LIMBER_FHIR_SAMPLE=path` it is also written out for `tests/fhir/run.sh` to
//! validate against the R4 models (`fhir.resources`).

use super::progress::{at, populated};
use crate::progress::ExportFormat;

#[test]
fn the_sample_bundle_exports_and_is_written_for_the_r4_validator() {
    let (_dir, store) = populated();
    let file = store.export(ExportFormat::FhirBundle, at(21, 12), "Europe/London").unwrap();
    let bundle: serde_json::Value = serde_json::from_slice(&file.bytes).unwrap();
    assert_eq!(bundle["resourceType"], "Bundle");
    assert!(bundle["entry"].as_array().is_some_and(|e| !e.is_empty()));
    if let Some(path) = std::env::var_os("LIMBER_FHIR_SAMPLE").map(std::path::PathBuf::from) {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&path, &file.bytes).unwrap();
    }
}
