//! Deputy: organizations defined but not required.
use crate::check::{Cx, Status};
use crate::model::Kind;
use crate::snapshot::SectionId;

check!(OrgUsage {
    code: "AUTH0-ORG-002",
    peer: None,
    title: "Application allows logins outside organizations",
    area: AccessControl,
    severity: Low,
    reason: "When a tenant uses organizations for tenancy, an application with `organization_usage: allow` issues tokens without an `org_id`, which APIs checking org membership may not expect.",
    description: "When the tenant has organizations, reports clients whose `organization_usage` is `allow` (tokens may lack `org_id`).",
    remediation: "Set `organization_usage: require` on applications that serve organization members, or check `org_id` in every API.",
    docs: [
        "https://auth0.com/docs/manage-users/organizations/configure-organizations/define-organization-behavior"
    ],
    reads: [Organizations, Clients],
});

fn run(cx: &mut Cx<'_>) {
    let Some(orgs) = cx.list(SectionId::Organizations) else {
        return;
    };
    if orgs.is_empty() {
        return;
    }
    let Some(clients) = cx.list(SectionId::Clients) else {
        return;
    };
    cx.each(&clients, Kind::Client, |cx, c, r| {
        if c.str("organization_usage")? == Some("allow") {
            cx.emit(
                Status::Fail,
                r,
                "organization_optional",
                "organization_usage",
                Some("allow".into()),
                format!(
                    "{} issues tokens with and without an organization",
                    r.display()
                ),
            );
        }
        Ok(())
    });
}
