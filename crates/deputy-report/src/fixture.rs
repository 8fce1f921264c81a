//! Synthetic reports for tests, benchmarks and previews of the renderers. Not used by the
//! product: real reports are assembled from the ledger by `deputy-app`.

use crate::model::{
    AcceptedRisk, ChangedFinding, Comparison, Report, ReportFinding, ScanInfo, TrendPoint,
};
use deputy_core::ledger::{Change, DeltaCounts};
use deputy_core::{FindingState, RunStatus, Severity};

/// Text planted by [`sample`] with `hostile = true`: markup for every sink a report is
/// written to, which must come out as text.
pub const HOSTILE: &str = "<script>alert('x')</script> [click](javascript:alert(1)) <ac:structured-macro ac:name=\"html\"><ac:plain-text-body><![CDATA[<b>x</b>]]></ac:plain-text-body></ac:structured-macro> ${{7*7}} | pipe & ampersand \"quote\" `tick` *star* _under_ # heading\n- list";

fn scan(id: i64, day: u32, delta: DeltaCounts) -> ScanInfo {
    ScanInfo {
        id,
        format: "checkov".into(),
        tools: vec!["checkov".into()],
        tool_version: Some("3.3.30".into()),
        scope: "default".into(),
        status: RunStatus::Complete,
        commit: Some(format!("{:040x}", id * 7919)),
        branch: Some("main".into()),
        started_at: format!("2026-11-{day:02}T09:00:00.000Z"),
        finished_at: format!("2026-11-{day:02}T09:02:00.000Z"),
        imported_at: format!("2026-11-{day:02}T09:03:00.000Z"),
        imported_by: "human:alice".into(),
        input_name: Some(format!("checkov-{id}.json")),
        input_sha256: Some(format!("{:064x}", id * 104_729)),
        notes: Vec::new(),
        delta,
    }
}

/// A report of `n` findings over six scans, with a comparison, overdue and accepted findings.
/// With `hostile`, every scanner-supplied text contains [`HOSTILE`].
pub fn sample(n: usize, hostile: bool) -> Report {
    let rules = [
        "CKV_AWS_20",
        "CKV_AWS_18",
        "CKV_AWS_24",
        "CKV_K8S_8",
        "CKV_DOCKER_2",
        "CKV2_AWS_62",
    ];
    let findings: Vec<ReportFinding> = (0..n)
        .map(|i| {
            let severity = *Severity::ALL.get(i % 5).unwrap_or(&Severity::Medium);
            let state = match i % 11 {
                0 => FindingState::Triaged,
                1 => FindingState::FalsePositive,
                2 => FindingState::AcceptedRisk,
                3 => FindingState::Resolved,
                4 => FindingState::Reopened,
                _ => FindingState::Open,
            };
            let rule = rules.get(i % rules.len()).copied().unwrap_or("CKV_AWS_20");
            let extra = if hostile {
                format!(" {HOSTILE}")
            } else {
                String::new()
            };
            ReportFinding {
                id: i as i64 + 1,
                fingerprint: format!("{:064x}", i * 2_654_435_761),
                source: "checkov".into(),
                rule_id: rule.into(),
                title: format!("Ensure the resource follows {rule}{extra}"),
                message: format!("Resource {i} fails {rule}{extra}"),
                severity,
                state,
                path: Some(format!("terraform/aws/module{}/main{extra}.tf", i % 40)),
                start_line: Some((i % 300) as u32 + 1),
                end_line: Some((i % 300) as u32 + 12),
                resource: Some(format!("aws_s3_bucket.bucket_{i}")),
                remediation: Some(format!(
                    "Set the property {rule} asks for and re-run the scan.{extra}"
                )),
                help_uri: Some(format!("https://docs.example.test/{rule}")),
                first_seen: "2026-10-01T09:00:00.000Z".into(),
                sla_due: (severity != Severity::Info)
                    .then(|| format!("2026-11-{:02}T09:00:00.000Z", 10 + i % 20)),
                overdue: state.is_active() && severity != Severity::Info && i % 20 < 14,
            }
        })
        .collect();
    let trend: Vec<TrendPoint> = (0..6u32)
        .map(|k| TrendPoint {
            scan_id: i64::from(k) + 1,
            finished_at: format!("2026-11-{:02}T09:02:00.000Z", 1 + k * 4),
            detected: Severity::ALL
                .iter()
                .enumerate()
                .map(|(j, s)| (*s, (n as u64 / 5) + u64::from(k) * (j as u64 + 1) * 3))
                .collect(),
            new: u64::from(k) * 4 + 2,
            resolved: u64::from(k % 3) * 5,
            reopened: u64::from(k % 2),
        })
        .collect();
    let delta = DeltaCounts {
        new: 12,
        reopened: 2,
        unchanged: n as u64,
        resolved: 9,
        stale: 0,
    };
    let changes: Vec<ChangedFinding> = findings
        .iter()
        .take(23)
        .enumerate()
        .map(|(k, f)| ChangedFinding {
            change: if k < 12 {
                Change::New
            } else if k < 14 {
                Change::Reopened
            } else {
                Change::Resolved
            },
            id: f.id,
            rule_id: f.rule_id.clone(),
            title: f.title.clone(),
            severity: f.severity,
            location: f.location(),
        })
        .collect();
    let accepted_risks = findings
        .iter()
        .filter(|f| f.state == FindingState::AcceptedRisk)
        .take(5)
        .map(|f| AcceptedRisk {
            finding_id: f.id,
            rule_id: f.rule_id.clone(),
            title: f.title.clone(),
            severity: f.severity,
            location: f.location(),
            owner: "platform-team".into(),
            reason: format!(
                "Compensating control in place{}",
                if hostile { HOSTILE } else { "" }
            ),
            requested_by: "human:alice".into(),
            approved_by: Some("human:bob".into()),
            expires_at: "2027-01-31T00:00:00.000Z".into(),
        })
        .collect();
    Report {
        project: if hostile {
            format!("demo {HOSTILE}")
        } else {
            "terragoat".into()
        },
        generated_at: "2026-11-24T12:00:00.000Z".into(),
        generated_by: "human:alice".into(),
        scan: scan(6, 21, delta),
        comparison: Some(Comparison {
            base: scan(5, 17, DeltaCounts::default()),
            counts: delta,
            changes,
        }),
        trend,
        findings,
        accepted_risks,
    }
}
