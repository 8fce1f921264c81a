//! OpenFGA's official JavaScript SDK (`@openfga/sdk`) as a client of Deputy's API.
//!
//! `.ci/run` installs the SDK (pinned in `tests/sdk/package.json`) and sets
//! `DEPUTY_TEST_OPENFGA_SDK` to its `node_modules` directory; without it this test says
//! loudly that it was skipped.

use crate::support::boot;
use std::io::Write;
use std::path::PathBuf;
use std::process::Command;

const SDK_ENV: &str = "DEPUTY_TEST_OPENFGA_SDK";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_openfga_javascript_sdk_drives_deputy() {
    let Some(modules) = std::env::var_os(SDK_ENV).filter(|v| !v.is_empty()) else {
        let _ = writeln!(
            std::io::stderr(),
            "\n*** SKIPPED: the @openfga/sdk test: set {SDK_ENV} to a node_modules directory holding @openfga/sdk (`.ci/run` does) ***\n"
        );
        return;
    };
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/sdk/drive.cjs");
    for db in deputy_testkit::all_backends("deputy-server sdk").await {
        let server = boot(&db, "sdk-fake-key").await;
        let url = server.url.clone();
        let modules = modules.clone();
        let script = script.clone();
        let output = tokio::task::spawn_blocking(move || {
            Command::new("node")
                .arg(&script)
                .env("NODE_PATH", &modules)
                .env("DEPUTY_URL", &url)
                .env("DEPUTY_KEY", "sdk-fake-key")
                .output()
        })
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|e| panic!("cannot run node: {e}"));
        let stdout = String::from_utf8_lossy(&output.stdout);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            output.status.success(),
            "the SDK script failed on {}:\n{stdout}\n{stderr}",
            db.backend
        );
        assert!(
            stdout.contains("sdk: all steps passed"),
            "{stdout}\n{stderr}"
        );
        drop(server);
        db.cleanup().await;
    }
}
