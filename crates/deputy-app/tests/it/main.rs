//! Use-case tests with an injected clock, on every backend the environment offers.

use deputy_app::{
    App, Config, ConfigOverrides, FindingFilter, ImportRequest, InputSource, ReportFormat,
};
use deputy_core::{FindingState, ManualClock};
use std::collections::BTreeMap;
use std::sync::Arc;
use time::Duration;
use time::macros::datetime;

fn report(resources: &[&str]) -> Vec<u8> {
    let failed: Vec<serde_json::Value> = resources
        .iter()
        .map(|r| {
            serde_json::json!({
                "check_id": "CKV_AWS_20", "check_name": "S3 bucket is public", "check_result": {"result": "FAILED"},
                "file_path": "/s3.tf", "file_line_range": [1, 9], "resource": r
            })
        })
        .collect();
    serde_json::to_vec(&serde_json::json!({
        "check_type": "terraform",
        "results": {"passed_checks": [], "failed_checks": failed, "skipped_checks": [], "parsing_errors": []},
        "summary": {"passed": 0, "failed": resources.len(), "skipped": 0, "parsing_errors": 0, "resource_count": 2, "checkov_version": "3.3.30"}
    }))
    .unwrap_or_default()
}

async fn app(url: &str, actor: &str, clock: &ManualClock) -> App {
    let dir = std::env::temp_dir();
    let overrides = ConfigOverrides {
        config_path: None,
        data_dir: Some(dir),
        database_url: Some(url.to_owned()),
        actor: Some(actor.to_owned()),
    };
    let env = BTreeMap::from([("DEPUTY_CONFIG".to_owned(), String::new())]);
    let config = Config::load_from(&overrides, &env).unwrap_or_else(|e| panic!("{e}"));
    App::open(config, Arc::new(clock.clone()))
        .await
        .unwrap_or_else(|e| panic!("{e}"))
}

fn import(resources: &[&str]) -> ImportRequest {
    ImportRequest {
        project: "p".into(),
        format: ReportFormat::Checkov,
        input: InputSource::Bytes {
            name: "report.json".into(),
            bytes: report(resources),
        },
        scope: None,
        commit: None,
        branch: None,
        partial: false,
        default_severity: None,
        root: None,
    }
}

#[tokio::test]
async fn an_accepted_risk_stays_accepted_until_its_acceptance_expires() {
    for db in
        deputy_testkit::all_backends("an_accepted_risk_stays_accepted_until_its_acceptance_expires")
            .await
    {
        let clock = ManualClock::new(datetime!(2026-05-01 12:00 UTC));
        let alice = app(&db.url, "alice", &clock).await;
        let bob = app(&db.url, "bob", &clock).await;
        alice
            .import(import(&["aws_s3_bucket.a", "aws_s3_bucket.b"]))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let id = alice
            .findings(&FindingFilter {
                rule: Some("CKV_AWS_20".into()),
                ..Default::default()
            })
            .await
            .unwrap_or_else(|e| panic!("{e}"))
            .iter()
            .find(|f| f.location.resource.as_deref() == Some("aws_s3_bucket.a"))
            .map(|f| f.id)
            .unwrap_or_else(|| panic!("finding missing"));
        alice
            .request_acceptance(
                id,
                datetime!(2026-06-01 0:00 UTC),
                "compensating control",
                Some("platform"),
            )
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        bob.decide_acceptance(id, true, None)
            .await
            .unwrap_or_else(|e| panic!("{e}"));

        // Re-detected while the acceptance holds: still accepted.
        clock.advance(Duration::days(10));
        let run = alice
            .import(import(&["aws_s3_bucket.a", "aws_s3_bucket.b"]))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(run.run.delta.unchanged, 2);
        assert_eq!(
            alice.finding(id).await.map(|f| f.finding.state).ok(),
            Some(FindingState::AcceptedRisk)
        );

        // The clock passes the expiry: the next import reopens it first, then sees it again.
        clock.set(datetime!(2026-06-01 0:00 UTC) + Duration::seconds(1));
        let run = alice
            .import(import(&["aws_s3_bucket.a", "aws_s3_bucket.b"]))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(run.expired_acceptances, 1);
        let detail = alice.finding(id).await.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(detail.finding.state, FindingState::Reopened);
        assert_eq!(
            detail.history.last().map(|e| e.reason.as_str()),
            Some("risk acceptance expired")
        );
        // The SLA clock was never restarted.
        assert_eq!(detail.finding.first_seen, "2026-05-01T12:00:00.000Z");
        alice.close().await;
        bob.close().await;
        db.cleanup().await;
    }
}
