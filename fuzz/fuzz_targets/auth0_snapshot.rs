//! Feeds arbitrary bytes to the Auth0 snapshot reader and scans whatever it accepts: a
//! snapshot is an error or a scan with diagnostics, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(snapshot) = deputy_auth0::Snapshot::from_slice(bytes) {
        let _ = deputy_auth0::scan(&snapshot, &deputy_auth0::ScanOptions::default());
    }
});
