//! Deputy: email sender address.
use crate::check::{Cx, Status};
use crate::snapshot::SectionId;

check!(EmailFromAddress {
    code: "AUTH0-EMAIL-101",
    peer: None,
    title: "Email provider has no sender address",
    area: Email,
    severity: Low,
    reason: "Without your own From address (aligned with SPF/DKIM), security mail looks unauthenticated and trains users to trust look-alikes.",
    description: "Reports an enabled `email_provider` with an empty `default_from_address`.",
    remediation: "Set a From address on your own domain with SPF and DKIM.",
    docs: ["https://auth0.com/docs/customize/email/smtp-email-providers"],
    reads: [EmailProvider],
});

fn run(cx: &mut Cx<'_>) {
    let Some(Some(p)) = cx.single(SectionId::EmailProvider) else {
        return;
    };
    if p.bool("enabled").ok().flatten() == Some(true)
        && p.nonempty_str("default_from_address")
            .ok()
            .flatten()
            .is_none()
    {
        cx.tenant_detail(
            Status::Fail,
            "no_default_from_address",
            "email_provider.default_from_address",
            None,
            "the email provider has no From address".into(),
        );
    }
}
