use super::*;
use crate::finding::Location;
use crate::severity::Severity;
use proptest::prelude::*;
use time::macros::datetime;

fn draft(rule: &str) -> FindingDraft {
    FindingDraft::new(
        "checkov",
        rule,
        Severity::High,
        format!("title {rule}"),
        String::new(),
        Location {
            path: Some("main.tf".into()),
            resource: Some("aws_s3_bucket.b".into()),
            ..Location::default()
        },
        &[],
    )
}

fn known(id: i64, d: &FindingDraft, state: FindingState) -> KnownFinding {
    KnownFinding {
        id,
        fingerprint: d.fingerprint.clone(),
        source: "checkov".into(),
        scope: "default".into(),
        state,
        first_seen: datetime!(2026-01-01 0:00 UTC),
    }
}

fn run(status: RunStatus, tools: &BTreeSet<String>) -> RunCoverage<'_> {
    RunCoverage {
        tools,
        scope: "default",
        status,
    }
}

fn checkov() -> BTreeSet<String> {
    BTreeSet::from(["checkov".to_owned()])
}

const NOW: OffsetDateTime = datetime!(2026-02-01 0:00 UTC);

#[test]
fn new_unchanged_reopened_resolved() {
    let (a, b, c, d) = (draft("A"), draft("B"), draft("C"), draft("D"));
    let k = vec![
        known(1, &b, FindingState::Triaged),
        known(2, &c, FindingState::Resolved),
        known(3, &d, FindingState::Open),
    ];
    let drafts = vec![a.clone(), b.clone(), c.clone()];
    let tools = checkov();
    let r = reconcile(
        &k,
        &drafts,
        run(RunStatus::Complete, &tools),
        NOW,
        &SlaPolicy::default(),
    );
    let changes: Vec<_> = r.detected.iter().map(|d| (d.change, d.state)).collect();
    assert_eq!(
        changes,
        vec![
            (Change::New, FindingState::Open),
            (Change::Unchanged, FindingState::Triaged),
            (Change::Reopened, FindingState::Reopened),
        ]
    );
    assert_eq!(
        r.absent,
        vec![Absent {
            id: 3,
            change: Change::Resolved,
            state_change: Some(StateChange {
                from: Some(FindingState::Open),
                to: FindingState::Resolved,
                reason: "absent from a complete run of the same scope",
            }),
        }]
    );
    assert_eq!(
        r.counts,
        DeltaCounts {
            new: 1,
            reopened: 1,
            unchanged: 1,
            resolved: 1,
            stale: 0
        }
    );
    // The SLA clock of a reopened finding keeps running from when it was first seen.
    assert_eq!(
        r.detected.get(2).map(|d| d.first_seen),
        Some(datetime!(2026-01-01 0:00 UTC))
    );
    assert_eq!(
        r.detected.first().and_then(|d| d.sla_due),
        Some(datetime!(2026-03-03 0:00 UTC))
    );
}

#[test]
fn partial_runs_and_other_scopes_only_mark_stale_or_skip() {
    let a = draft("A");
    let k = vec![known(1, &a, FindingState::Open)];
    let tools = checkov();
    let r = reconcile(
        &k,
        &[],
        run(RunStatus::Partial, &tools),
        NOW,
        &SlaPolicy::default(),
    );
    assert_eq!(r.absent.first().map(|x| x.change), Some(Change::Stale));
    let r = reconcile(
        &k,
        &[],
        run(RunStatus::Failed, &tools),
        NOW,
        &SlaPolicy::default(),
    );
    assert_eq!(r.absent.first().map(|x| x.change), Some(Change::Stale));

    let other_scope = RunCoverage {
        tools: &tools,
        scope: "terraform/aws",
        status: RunStatus::Complete,
    };
    assert!(
        reconcile(&k, &[], other_scope, NOW, &SlaPolicy::default())
            .absent
            .is_empty()
    );
    let semgrep = BTreeSet::from(["semgrep".to_owned()]);
    assert!(
        reconcile(
            &k,
            &[],
            run(RunStatus::Complete, &semgrep),
            NOW,
            &SlaPolicy::default()
        )
        .absent
        .is_empty()
    );
}

#[test]
fn duplicates_within_a_run_are_counted_once() {
    let a = draft("A");
    let tools = checkov();
    let drafts = vec![a.clone(), a];
    let r = reconcile(
        &[],
        &drafts,
        run(RunStatus::Complete, &tools),
        NOW,
        &SlaPolicy::default(),
    );
    assert_eq!((r.detected.len(), r.duplicates, r.counts.new), (1, 1, 1));
}

fn any_state() -> impl Strategy<Value = FindingState> {
    proptest::sample::select(FindingState::ALL.to_vec())
}

proptest! {
    /// Against a naive model of the rules: every known finding and every draft gets exactly
    /// one outcome, human decisions survive any run, and only complete runs resolve.
    #[test]
    fn reconcile_agrees_with_the_rules(
        states in proptest::collection::vec(any_state(), 0..12),
        detected_mask in proptest::collection::vec(any::<bool>(), 12),
        extra_new in 0usize..4,
        complete in any::<bool>(),
    ) {
        let drafts_all: Vec<FindingDraft> = (0..states.len() + extra_new).map(|i| draft(&format!("R{i}"))).collect();
        let known_v: Vec<KnownFinding> = states.iter().enumerate()
            .filter_map(|(i, s)| drafts_all.get(i).map(|d| known(i as i64, d, *s)))
            .collect();
        let drafts: Vec<FindingDraft> = drafts_all.iter().enumerate()
            .filter(|(i, _)| *i >= states.len() || detected_mask.get(*i).copied().unwrap_or(false))
            .map(|(_, d)| d.clone())
            .collect();
        let tools = checkov();
        let status = if complete { RunStatus::Complete } else { RunStatus::Partial };
        let r = reconcile(&known_v, &drafts, run(status, &tools), NOW, &SlaPolicy::default());

        prop_assert_eq!(r.detected.len(), drafts.len());
        for d in &r.detected {
            match known_v.iter().find(|k| k.fingerprint == d.draft.fingerprint) {
                None => prop_assert_eq!((d.change, d.state), (Change::New, FindingState::Open)),
                Some(k) if k.state == FindingState::Resolved =>
                    prop_assert_eq!((d.change, d.state), (Change::Reopened, FindingState::Reopened)),
                Some(k) => prop_assert_eq!((d.change, d.state), (Change::Unchanged, k.state)),
            }
            if let Some(sc) = &d.state_change
                && let Some(from) = sc.from
            {
                prop_assert!(from.check_transition(sc.to, ActorKind::System).is_ok());
            }
        }
        for k in &known_v {
            let was_detected = drafts.iter().any(|d| d.fingerprint == k.fingerprint);
            let absent = r.absent.iter().find(|a| a.id == k.id);
            if was_detected || !k.state.is_active() {
                prop_assert!(absent.is_none());
            } else {
                let expect = if complete { Change::Resolved } else { Change::Stale };
                prop_assert_eq!(absent.map(|a| a.change), Some(expect));
            }
        }
        let total: u64 = Change::ALL.iter().map(|c| r.counts.get(*c)).sum();
        prop_assert_eq!(total as usize, r.detected.len() + r.absent.len());
    }
}
