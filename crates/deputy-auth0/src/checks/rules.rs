//! checkRules.
use crate::check::{Cx, Status};
use crate::model::Kind;
use crate::snapshot::SectionId;

check!(LegacyRules {
    code: "AUTH0-EXT-001",
    peer: Some("checkRules"),
    title: "Legacy Rules are enabled",
    area: Extensibility,
    severity: Info,
    reason: "CheckMate: Info. Rules are deprecated and run on an old runtime; they are to be migrated to Actions.",
    description: "Reads `rules`; reports each enabled rule.",
    remediation: "Migrate Rules to Actions.",
    docs: ["https://auth0.com/docs/customize/actions/migrate/migrate-from-rules-to-actions"],
    reads: [Rules],
});

fn run(cx: &mut Cx<'_>) {
    let Some(rules) = cx.list(SectionId::Rules) else {
        return;
    };
    if rules.is_empty() {
        cx.tenant_detail(
            Status::Pass,
            "no_enabled_rules",
            "rules",
            None,
            "no rules".into(),
        );
        return;
    }
    cx.each(&rules, Kind::Rule, |cx, s, r| {
        if s.bool("enabled")? == Some(true) {
            cx.emit(
                Status::Fail,
                r,
                "enabled_rules",
                "enabled",
                Some(r.id.to_string()),
                format!("rule {} is enabled", r.display()),
            );
        }
        Ok(())
    });
}
