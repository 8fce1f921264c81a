use crate::support::{Deputy, assert_fits, changed_terragoat, terragoat, write_json};
use serde_json::json;

#[tokio::test]
async fn terragoat_reimport_resolves_adds_and_reopens() {
    for (deputy, db) in Deputy::all("terragoat_reimport_resolves_adds_and_reopens").await {
        let original = deputy.path("terragoat.json");
        write_json(&original, &terragoat());
        let (changed, removed) = changed_terragoat(10);
        let changed_path = deputy.path("terragoat-changed.json");
        write_json(&changed_path, &changed);
        let import = |file: &std::path::Path| {
            deputy
                .run(&[
                    "import",
                    "--project",
                    "P",
                    "--format",
                    "checkov",
                    &file.display().to_string(),
                    "--output",
                    "json",
                ])
                .ok()
                .json()
        };

        let first = import(&original);
        assert_eq!(first["run"]["delta"]["new"], 477, "{}", deputy.backend);
        let second = import(&changed_path);
        assert_eq!(
            second["run"]["delta"],
            json!({"new": 3, "reopened": 0, "unchanged": 467, "resolved": 10, "stale": 0})
        );

        let diff = deputy
            .run(&["scans", "diff", "--project", "P", "--format", "json"])
            .ok()
            .json();
        assert_eq!(diff["counts"]["resolved"], 10, "{}", deputy.backend);
        assert_eq!(diff["counts"]["new"], 3);
        assert_eq!(diff["counts"]["unchanged"], 467);
        let entries = diff["findings"].as_array().cloned().unwrap_or_default();
        let mut resolved: Vec<(String, String)> = entries
            .iter()
            .filter(|e| e["change"] == "resolved")
            .map(|e| {
                (
                    e["rule_id"].as_str().unwrap_or_default().to_owned(),
                    e["resource"].as_str().unwrap_or_default().to_owned(),
                )
            })
            .collect();
        let mut expected = removed.clone();
        resolved.sort();
        expected.sort();
        assert_eq!(
            resolved, expected,
            "exactly the removed failures are resolved"
        );
        let table = deputy.run(&["scans", "diff", "--project", "P"]).ok();
        assert!(
            table
                .stdout
                .contains("3 new, 0 reopened, 10 resolved, 467 unchanged, 0 stale"),
            "{}",
            table.stdout
        );
        assert_fits(&table.stdout);

        // The resolved failures come back: reopened, not duplicated.
        let third = import(&original);
        assert_eq!(
            third["run"]["delta"],
            json!({"new": 0, "reopened": 10, "unchanged": 467, "resolved": 3, "stale": 0})
        );
        let all = deputy
            .run(&[
                "findings",
                "list",
                "--project",
                "P",
                "--state",
                "all",
                "--format",
                "json",
            ])
            .ok()
            .json();
        assert_eq!(all.as_array().map(Vec::len), Some(480));
        let reopened = deputy
            .run(&[
                "findings",
                "list",
                "--project",
                "P",
                "--state",
                "reopened",
                "--format",
                "json",
            ])
            .ok()
            .json();
        assert_eq!(reopened.as_array().map(Vec::len), Some(10));

        // A partial scan closes nothing.
        let partial = deputy
            .run(&[
                "import",
                "--project",
                "P",
                "--format",
                "checkov",
                &changed_path.display().to_string(),
                "--partial",
                "--output",
                "json",
            ])
            .ok()
            .json();
        assert_eq!(partial["run"]["status"], "partial");
        assert_eq!(partial["run"]["delta"]["resolved"], 0);
        assert_eq!(partial["run"]["delta"]["stale"], 10);
        if let Some(db) = db {
            db.cleanup().await;
        }
    }
}

#[tokio::test]
async fn triage_history_and_separation_of_duties() {
    for (deputy, db) in Deputy::all("triage_history_and_separation_of_duties").await {
        deputy.run(&["demo", "--project", "d"]).ok();
        let list = deputy
            .run(&[
                "findings",
                "list",
                "--project",
                "d",
                "--rule",
                "CKV_AWS_24",
                "--format",
                "json",
            ])
            .ok()
            .json();
        let id = list[0]["id"]
            .as_i64()
            .unwrap_or_else(|| panic!("no CKV_AWS_24 finding: {list}"));
        let id_s = id.to_string();
        let as_user = |user: &str, args: &[&str]| {
            let mut full = vec!["--actor", user];
            full.extend_from_slice(args);
            deputy.run(&full)
        };
        as_user("alice", &["findings", "triage", &id_s]).ok();
        let r = as_user("alice", &["findings", "resolve", &id_s]);
        assert_eq!(r.code, 2, "a reason is required");
        assert!(r.stderr.contains("--reason"), "{}", r.stderr);
        let r = as_user(
            "alice",
            &[
                "findings",
                "accept",
                &id_s,
                "--until",
                "2099-01-01",
                "--reason",
                "bastion",
            ],
        );
        assert_eq!(
            r.code, 2,
            "an acceptance beyond the configured maximum is refused"
        );
        assert!(r.stderr.contains("at most 365 days"), "{}", r.stderr);
        as_user(
            "alice",
            &[
                "findings",
                "accept",
                &id_s,
                "--until",
                &in_days(30),
                "--reason",
                "bastion is temporary",
                "--owner",
                "platform",
            ],
        )
        .ok();
        let r = as_user("alice", &["findings", "approve", &id_s]);
        assert_eq!(r.code, 2);
        assert!(r.stderr.contains("cannot also decide"), "{}", r.stderr);
        as_user(
            "bob",
            &["findings", "approve", &id_s, "--note", "ok for a month"],
        )
        .ok();

        let shown = deputy
            .run(&["findings", "show", &id_s, "--format", "json"])
            .ok()
            .json();
        assert_eq!(shown["state"], "accepted_risk");
        let actors: Vec<&str> = shown["history"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|e| e["actor"].as_str())
            .collect();
        assert_eq!(actors, vec!["system:ledger", "human:alice", "human:bob"]);
        assert_eq!(shown["acceptances"][0]["status"], "approved");
        assert_eq!(shown["acceptances"][0]["decided_by"], "human:bob");

        // Re-detected by the next scan: the decision stands.
        deputy.run(&["demo", "--project", "d"]).ok();
        let shown = deputy
            .run(&["findings", "show", &id_s, "--format", "json"])
            .ok()
            .json();
        assert_eq!(shown["state"], "accepted_risk");
        let table = deputy.run(&["findings", "show", &id_s]).ok();
        assert!(table.stdout.contains("human:bob"), "{}", table.stdout);
        assert_fits(&table.stdout);

        // A false positive stays one, and illegal transitions are refused with a reason.
        let other = list[0]["id"].as_i64().map(|_| ());
        assert!(other.is_some());
        let r = as_user("alice", &["findings", "triage", &id_s]);
        assert_eq!(r.code, 2);
        assert!(r.stderr.contains("cannot become `triaged`"), "{}", r.stderr);
        if let Some(db) = db {
            db.cleanup().await;
        }
    }
}

fn in_days(days: i64) -> String {
    let t = time::OffsetDateTime::now_utc() + time::Duration::days(days);
    deputy_core::time_fmt::format(t)
}
