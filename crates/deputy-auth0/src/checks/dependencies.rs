//! checkDependencies.
use crate::check::{Cx, DiagnosticKind, Status};
use crate::checks::common::actions;
use crate::model::Kind;
use semver::{Version, VersionReq};

check!(VulnerableDependencies {
    code: "AUTH0-EXT-005",
    peer: Some("checkDependencies"),
    title: "Action depends on a vulnerable npm module",
    area: Extensibility,
    severity: High,
    reason: "CheckMate: High. Only high and critical advisories are reported.",
    description: "Matches each Action's `dependencies` against the advisories given to the scan (`--advisories`, or an `advisories` section); without advisories it reports a diagnostic, never a silent pass (CheckMate queries api.github.com and passes silently offline).",
    remediation: "Bump the vulnerable npm modules to fixed versions.",
    docs: ["https://auth0.com/docs/customize/actions/manage-dependencies"],
    reads: [Actions, Advisories],
});

/// GitHub writes ranges as `>= 1.0.0, < 1.2.3`; semver wants the operator next to the number.
fn req(range: &str) -> Option<VersionReq> {
    let compact: Vec<String> = range
        .split(',')
        .map(|p| p.split_whitespace().collect::<String>())
        .collect();
    VersionReq::parse(&compact.join(", ")).ok()
}

fn run(cx: &mut Cx<'_>) {
    let Some(list) = actions(cx) else { return };
    let has_deps = list.iter().any(|a| {
        a.array("dependencies")
            .ok()
            .flatten()
            .is_some_and(|d| !d.is_empty())
    });
    if !has_deps {
        return;
    }
    let Some(advisories) = cx.advisories else {
        cx.diagnostic(
            DiagnosticKind::MissingInput,
            None,
            None,
            "Action dependencies were not checked: no advisories were given (`--advisories FILE`)"
                .into(),
        );
        return;
    };
    cx.each(&list, Kind::Action, |cx, a, r| {
        for d in a.objs("dependencies")?.unwrap_or_default() {
            let (Some(name), Some(ver)) = (d.str("name")?, d.str("version")?) else {
                continue;
            };
            let Ok(v) = Version::parse(ver) else { continue };
            for adv in advisories
                .iter()
                .filter(|x| x.package == name && matches!(x.severity.as_str(), "high" | "critical"))
            {
                if req(&adv.vulnerable_range).is_some_and(|q| q.matches(&v)) {
                    cx.emit(
                        Status::Fail,
                        r,
                        "dependency_with_vuln",
                        format!("dependencies.{name}"),
                        Some(format!("{name} version {ver}")),
                        format!(
                            "{name} {ver} in Action {} is affected by {} ({})",
                            r.display(),
                            adv.id,
                            adv.severity
                        ),
                    );
                }
            }
        }
        Ok(())
    });
}
