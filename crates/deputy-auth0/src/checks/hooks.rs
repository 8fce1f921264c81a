//! checkHooks.
use crate::check::{Cx, Status};
use crate::model::Kind;
use crate::snapshot::SectionId;

check!(LegacyHooks {
    code: "AUTH0-EXT-002",
    peer: Some("checkHooks"),
    title: "Legacy Hooks are enabled",
    area: Extensibility,
    severity: Info,
    reason: "CheckMate: Info. Hooks are deprecated in favour of Actions.",
    description: "Reads `hooks`; reports each enabled hook.",
    remediation: "Migrate Hooks to Actions.",
    docs: ["https://auth0.com/docs/customize/actions/migrate/migrate-from-hooks-to-actions"],
    reads: [Hooks],
});

fn run(cx: &mut Cx<'_>) {
    let Some(hooks) = cx.list(SectionId::Hooks) else {
        return;
    };
    if hooks.is_empty() {
        cx.tenant_detail(
            Status::Pass,
            "no_enabled_hooks",
            "hooks",
            None,
            "no hooks".into(),
        );
        return;
    }
    cx.each(&hooks, Kind::Hook, |cx, h, r| {
        let trigger = h.str("triggerId")?.map(str::to_owned);
        if h.bool("enabled")? == Some(true) {
            cx.emit(
                Status::Fail,
                r,
                "enabled_hooks",
                "enabled",
                trigger,
                format!("hook {} is enabled", r.display()),
            );
        } else {
            cx.emit(
                Status::Pass,
                r,
                "enabled_hooks",
                "enabled",
                trigger,
                "disabled".into(),
            );
        }
        Ok(())
    });
}
