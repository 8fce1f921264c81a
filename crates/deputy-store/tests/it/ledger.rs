use deputy_core::ledger::{Change, DeltaCounts};
use deputy_core::{Actor, FindingDraft, FindingState, Location, RunStatus, Severity, SlaPolicy};
use deputy_store::{FindingFilter, NewRun, RequestAcceptance, Store, StoreError};
use std::collections::BTreeSet;
use time::macros::datetime;
use time::{Duration, OffsetDateTime};

const T0: OffsetDateTime = datetime!(2026-03-01 09:00 UTC);

fn draft(rule: &str, resource: &str, line: u32) -> FindingDraft {
    FindingDraft::new(
        "checkov",
        rule,
        Severity::High,
        format!("{rule} title"),
        format!("{rule} message"),
        Location {
            path: Some("main.tf".into()),
            start_line: Some(line),
            end_line: Some(line + 3),
            resource: Some(resource.into()),
            setting_path: None,
        },
        &[],
    )
}

fn drafts(n: usize) -> Vec<FindingDraft> {
    (0..n)
        .map(|i| {
            draft(
                &format!("CKV_AWS_{i}"),
                &format!("aws_s3_bucket.b{i}"),
                i as u32 * 10 + 1,
            )
        })
        .collect()
}

struct Run<'a> {
    status: RunStatus,
    findings: &'a [FindingDraft],
}

async fn record(store: &Store, run: Run<'_>, now: OffsetDateTime) -> deputy_store::ScanRun {
    let tools = BTreeSet::from(["checkov".to_owned()]);
    let importer = Actor::human("importer");
    store
        .record_run(
            &NewRun {
                project: "demo",
                format: "checkov",
                tools: &tools,
                tool_version: Some("3.3.30"),
                scope: "default",
                status: run.status,
                commit: Some("abc123"),
                branch: Some("main"),
                started_at: now,
                finished_at: now,
                imported_by: &importer,
                input_name: Some("report.json"),
                input_sha256: None,
                notes: &[],
                findings: run.findings,
            },
            now,
            &SlaPolicy::default(),
        )
        .await
        .unwrap_or_else(|e| panic!("record_run: {e}"))
        .run
}

async fn each_backend<F, Fut>(suite: &str, f: F)
where
    F: Fn(Store) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    for db in deputy_testkit::all_backends(suite).await {
        let store = Store::connect(&db.url)
            .await
            .unwrap_or_else(|e| panic!("{}: {e}", db.backend));
        f(store.clone()).await;
        store.close().await;
        db.cleanup().await;
    }
}

fn id_of(store_findings: &[deputy_store::FindingRecord], rule: &str) -> i64 {
    store_findings
        .iter()
        .find(|f| f.rule_id == rule)
        .map(|f| f.id)
        .unwrap_or_else(|| panic!("no finding {rule}"))
}

#[tokio::test]
async fn deltas_diff_and_reopen() {
    each_backend("deltas_diff_and_reopen", |store| async move {
        let first = drafts(30);
        let r1 = record(
            &store,
            Run {
                status: RunStatus::Complete,
                findings: &first,
            },
            T0,
        )
        .await;
        assert_eq!(
            r1.delta,
            DeltaCounts {
                new: 30,
                ..DeltaCounts::default()
            }
        );

        // Second run: 10 gone, 3 added, and every line shifted.
        let mut second: Vec<FindingDraft> = (10..30)
            .map(|i| {
                draft(
                    &format!("CKV_AWS_{i}"),
                    &format!("aws_s3_bucket.b{i}"),
                    i as u32 * 10 + 50,
                )
            })
            .collect();
        second.extend((100..103).map(|i| draft(&format!("CKV_AWS_{i}"), "aws_s3_bucket.new", 1)));
        let r2 = record(
            &store,
            Run {
                status: RunStatus::Complete,
                findings: &second,
            },
            T0 + Duration::days(1),
        )
        .await;
        assert_eq!(
            r2.delta,
            DeltaCounts {
                new: 3,
                resolved: 10,
                unchanged: 20,
                ..DeltaCounts::default()
            }
        );

        let diff = store
            .diff_runs(r1.id, r2.id, false)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            diff.counts,
            DeltaCounts {
                new: 3,
                resolved: 10,
                unchanged: 20,
                ..DeltaCounts::default()
            }
        );
        assert_eq!(diff.findings.len(), 13);
        assert_eq!(
            diff.findings
                .iter()
                .filter(|f| f.change == Change::Resolved)
                .count(),
            10
        );
        assert_eq!(
            store.latest_two_runs("demo").await.ok(),
            Some((r1.id, r2.id))
        );

        // The resolved ones come back: reopened, not duplicated.
        let r3 = record(
            &store,
            Run {
                status: RunStatus::Complete,
                findings: &first,
            },
            T0 + Duration::days(2),
        )
        .await;
        assert_eq!(
            r3.delta,
            DeltaCounts {
                reopened: 10,
                unchanged: 20,
                resolved: 3,
                ..DeltaCounts::default()
            }
        );
        let all = store
            .findings(
                &FindingFilter {
                    project: Some("demo".into()),
                    states: FindingState::ALL.to_vec(),
                    ..Default::default()
                },
                T0,
            )
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(all.len(), 33);
        let reopened = id_of(&all, "CKV_AWS_0");
        let detail = store
            .finding_detail(reopened, T0 + Duration::days(2))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let states: Vec<_> = detail.history.iter().map(|e| e.to_state).collect();
        assert_eq!(
            states,
            vec![
                FindingState::Open,
                FindingState::Resolved,
                FindingState::Reopened
            ]
        );
        assert_eq!(
            detail.runs.iter().map(|r| r.change).collect::<Vec<_>>(),
            vec![Change::New, Change::Resolved, Change::Reopened]
        );
        // The SLA clock still counts from the first sighting.
        assert_eq!(detail.finding.first_seen, "2026-03-01T09:00:00.000Z");
        assert_eq!(
            detail.finding.sla_due.as_deref(),
            Some("2026-03-31T09:00:00.000Z")
        );
    })
    .await;
}

#[tokio::test]
async fn partial_runs_mark_stale_instead_of_closing() {
    each_backend(
        "partial_runs_mark_stale_instead_of_closing",
        |store| async move {
            let all = drafts(5);
            record(
                &store,
                Run {
                    status: RunStatus::Complete,
                    findings: &all,
                },
                T0,
            )
            .await;
            let some = &all[..2];
            let r = record(
                &store,
                Run {
                    status: RunStatus::Partial,
                    findings: some,
                },
                T0 + Duration::hours(1),
            )
            .await;
            assert_eq!(
                r.delta,
                DeltaCounts {
                    unchanged: 2,
                    stale: 3,
                    ..DeltaCounts::default()
                }
            );
            let active = store
                .findings(
                    &FindingFilter {
                        project: Some("demo".into()),
                        ..Default::default()
                    },
                    T0,
                )
                .await
                .unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(active.len(), 5, "a partial run closes nothing");
            assert_eq!(active.iter().filter(|f| f.stale_since.is_some()).count(), 3);
            // Seen again: no longer stale.
            record(
                &store,
                Run {
                    status: RunStatus::Complete,
                    findings: &all,
                },
                T0 + Duration::hours(2),
            )
            .await;
            let active = store
                .findings(
                    &FindingFilter {
                        project: Some("demo".into()),
                        ..Default::default()
                    },
                    T0,
                )
                .await
                .unwrap_or_else(|e| panic!("{e}"));
            assert!(active.iter().all(|f| f.stale_since.is_none()));
        },
    )
    .await;
}

#[tokio::test]
async fn human_decisions_survive_scans_and_acceptances_expire() {
    each_backend(
        "human_decisions_survive_scans_and_acceptances_expire",
        |store| async move {
            let all = drafts(3);
            record(
                &store,
                Run {
                    status: RunStatus::Complete,
                    findings: &all,
                },
                T0,
            )
            .await;
            let list = store
                .findings(
                    &FindingFilter {
                        project: Some("demo".into()),
                        ..Default::default()
                    },
                    T0,
                )
                .await
                .unwrap_or_else(|e| panic!("{e}"));
            let (fp, accepted) = (id_of(&list, "CKV_AWS_0"), id_of(&list, "CKV_AWS_1"));
            let alice = Actor::human("alice");
            let bob = Actor::human("bob");

            store
                .transition(
                    fp,
                    FindingState::FalsePositive,
                    &alice,
                    "the bucket is public by design",
                    T0,
                )
                .await
                .unwrap_or_else(|e| panic!("{e}"));
            let until = T0 + Duration::days(30);
            store
                .request_acceptance(
                    &RequestAcceptance {
                        finding_id: accepted,
                        owner: "platform",
                        reason: "legacy",
                        expires_at: until,
                        requested_by: &alice,
                    },
                    T0,
                    365,
                )
                .await
                .unwrap_or_else(|e| panic!("{e}"));
            // Separation of duties: the requester cannot approve.
            let err = store
                .decide_acceptance(accepted, &alice, true, None, T0)
                .await;
            assert!(
                matches!(err, Err(StoreError::Conflict(ref m)) if m.contains("cannot also decide")),
                "{err:?}"
            );
            store
                .decide_acceptance(accepted, &bob, true, Some("ok until Q2"), T0)
                .await
                .unwrap_or_else(|e| panic!("{e}"));
            // Accepting directly, skipping approval, is refused.
            assert!(
                store
                    .transition(fp, FindingState::AcceptedRisk, &alice, "x", T0)
                    .await
                    .is_err()
            );

            // Re-detected: decisions stand.
            let r = record(
                &store,
                Run {
                    status: RunStatus::Complete,
                    findings: &all,
                },
                T0 + Duration::days(1),
            )
            .await;
            assert_eq!(r.delta.unchanged, 3);
            let state = |id| {
                let store = store.clone();
                async move {
                    store
                        .finding(id, T0)
                        .await
                        .unwrap_or_else(|e| panic!("{e}"))
                        .state
                }
            };
            assert_eq!(state(fp).await, FindingState::FalsePositive);
            assert_eq!(state(accepted).await, FindingState::AcceptedRisk);

            // Absent from a complete run: decisions still stand.
            record(
                &store,
                Run {
                    status: RunStatus::Complete,
                    findings: &all[2..],
                },
                T0 + Duration::days(2),
            )
            .await;
            assert_eq!(state(fp).await, FindingState::FalsePositive);
            assert_eq!(state(accepted).await, FindingState::AcceptedRisk);

            // Detected again after the acceptance expired: it reopens.
            let later = until + Duration::minutes(1);
            let r = record(
                &store,
                Run {
                    status: RunStatus::Complete,
                    findings: &all,
                },
                later,
            )
            .await;
            assert_eq!(state(accepted).await, FindingState::Reopened);
            assert_eq!(state(fp).await, FindingState::FalsePositive);
            assert_eq!(r.delta.unchanged, 3);
            let detail = store
                .finding_detail(accepted, later)
                .await
                .unwrap_or_else(|e| panic!("{e}"));
            let last = detail
                .history
                .last()
                .unwrap_or_else(|| panic!("no history"));
            assert_eq!(
                (last.actor.as_str(), last.reason.as_str()),
                ("system:ledger", "risk acceptance expired")
            );
            assert_eq!(
                detail.acceptances.first().map(|a| a.status),
                Some(deputy_store::AcceptanceStatus::Expired)
            );
        },
    )
    .await;
}

#[tokio::test]
async fn acceptance_expiry_is_swept_on_read_too() {
    each_backend(
        "acceptance_expiry_is_swept_on_read_too",
        |store| async move {
            let all = drafts(1);
            record(
                &store,
                Run {
                    status: RunStatus::Complete,
                    findings: &all,
                },
                T0,
            )
            .await;
            let id = store
                .findings(&FindingFilter::default(), T0)
                .await
                .unwrap_or_else(|e| panic!("{e}"))
                .first()
                .map(|f| f.id)
                .unwrap_or_else(|| panic!("no finding"));
            let (alice, bob) = (Actor::human("alice"), Actor::human("bob"));
            let until = T0 + Duration::days(7);
            let req = RequestAcceptance {
                finding_id: id,
                owner: "o",
                reason: "r",
                expires_at: until,
                requested_by: &alice,
            };
            assert!(
                store
                    .request_acceptance(
                        &RequestAcceptance {
                            expires_at: T0,
                            ..req.clone()
                        },
                        T0,
                        365
                    )
                    .await
                    .is_err()
            );
            assert!(
                store
                    .request_acceptance(
                        &RequestAcceptance {
                            expires_at: T0 + Duration::days(400),
                            ..req.clone()
                        },
                        T0,
                        365
                    )
                    .await
                    .is_err()
            );
            store
                .request_acceptance(&req, T0, 365)
                .await
                .unwrap_or_else(|e| panic!("{e}"));
            store
                .decide_acceptance(id, &bob, true, None, T0)
                .await
                .unwrap_or_else(|e| panic!("{e}"));
            let f = store
                .finding_detail(id, until - Duration::seconds(1))
                .await
                .unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(f.finding.state, FindingState::AcceptedRisk);
            let f = store
                .finding_detail(id, until)
                .await
                .unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(f.finding.state, FindingState::Reopened);
        },
    )
    .await;
}

#[tokio::test]
async fn overdue_and_filters() {
    each_backend("overdue_and_filters", |store| async move {
        let mut all = drafts(3);
        all.push(FindingDraft::new(
            "checkov",
            "CKV_K8S_1",
            Severity::Critical,
            "k8s".into(),
            String::new(),
            Location {
                path: Some("k8s/deploy.yaml".into()),
                ..Location::default()
            },
            &[],
        ));
        record(
            &store,
            Run {
                status: RunStatus::Complete,
                findings: &all,
            },
            T0,
        )
        .await;
        let q = |f: FindingFilter, now| {
            let store = store.clone();
            async move {
                store
                    .findings(&f, now)
                    .await
                    .unwrap_or_else(|e| panic!("{e}"))
            }
        };
        let overdue = FindingFilter {
            overdue: true,
            ..Default::default()
        };
        assert!(q(overdue.clone(), T0 + Duration::days(6)).await.is_empty());
        let due = q(overdue.clone(), T0 + Duration::days(8)).await;
        assert_eq!(
            due.iter().map(|f| f.rule_id.as_str()).collect::<Vec<_>>(),
            vec!["CKV_K8S_1"]
        );
        assert!(due.iter().all(|f| f.overdue));
        assert_eq!(q(overdue, T0 + Duration::days(31)).await.len(), 4);
        assert_eq!(
            q(
                FindingFilter {
                    path: Some("k8s/".into()),
                    ..Default::default()
                },
                T0
            )
            .await
            .len(),
            1
        );
        assert_eq!(
            q(
                FindingFilter {
                    rule: Some("CKV_AWS_2".into()),
                    ..Default::default()
                },
                T0
            )
            .await
            .len(),
            1
        );
        assert_eq!(
            q(
                FindingFilter {
                    severities: vec![Severity::High],
                    ..Default::default()
                },
                T0
            )
            .await
            .len(),
            3
        );
        let sorted = q(FindingFilter::default(), T0).await;
        assert_eq!(sorted.first().map(|f| f.severity), Some(Severity::Critical));
        assert!(
            q(
                FindingFilter {
                    states: vec![FindingState::Resolved],
                    ..Default::default()
                },
                T0
            )
            .await
            .is_empty()
        );
        let summaries = store
            .project_summaries(T0 + Duration::days(8))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let s = summaries.first().unwrap_or_else(|| panic!("no project"));
        assert_eq!((s.active, s.overdue, s.scans), (4, 1, 1));
    })
    .await;
}

#[tokio::test]
async fn reconnecting_does_not_reapply_migrations() {
    each_backend(
        "reconnecting_does_not_reapply_migrations",
        |store| async move {
            record(
                &store,
                Run {
                    status: RunStatus::Complete,
                    findings: &drafts(1),
                },
                T0,
            )
            .await;
            // The same database, opened again by whatever URL the first store used, keeps its data.
            let summaries = store
                .project_summaries(T0)
                .await
                .unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(summaries.len(), 1);
        },
    )
    .await;
    let db = deputy_testkit::sqlite();
    let a = Store::connect(&db.url)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    record(
        &a,
        Run {
            status: RunStatus::Complete,
            findings: &drafts(2),
        },
        T0,
    )
    .await;
    a.close().await;
    let b = Store::connect(&db.url)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        b.findings(&FindingFilter::default(), T0)
            .await
            .map(|f| f.len())
            .ok(),
        Some(2)
    );
}
