//! checkEmailProvider.
use crate::check::{Cx, Status};
use crate::snapshot::SectionId;

check!(EmailProvider {
    code: "AUTH0-EMAIL-001",
    peer: Some("checkEmailProvider"),
    title: "No custom email provider",
    area: Email,
    severity: Medium,
    reason: "CheckMate: Moderate. Auth0's built-in provider is for testing: rate-limited and without your domain's SPF/DKIM, so verification and reset mail is unreliable and spoofable-looking.",
    description: "Reads `email_provider` (404 = not configured); reports when missing or disabled.",
    remediation: "Configure and enable your own email provider.",
    docs: ["https://auth0.com/docs/customize/email/smtp-email-providers"],
    reads: [EmailProvider],
});

fn run(cx: &mut Cx<'_>) {
    let Some(p) = cx.single(SectionId::EmailProvider) else {
        return;
    };
    match p.filter(|o| !o.is_empty()) {
        None => cx.tenant_detail(
            Status::Fail,
            "email_provider_not_configured",
            "email_provider",
            None,
            "no email provider is configured".into(),
        ),
        Some(o) => {
            let name = o.str("name").ok().flatten().map(str::to_owned);
            if o.bool("enabled").ok().flatten() == Some(true) {
                cx.tenant_detail(
                    Status::Pass,
                    "email_provider_enabled",
                    "email_provider.enabled",
                    name,
                    "enabled".into(),
                );
            } else {
                cx.tenant_detail(
                    Status::Fail,
                    "email_provider_disabled",
                    "email_provider.enabled",
                    name,
                    "the email provider is disabled".into(),
                );
            }
        }
    }
}
