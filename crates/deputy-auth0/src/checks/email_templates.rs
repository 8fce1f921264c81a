//! checkEmailTemplates.
use crate::check::{Cx, Status};
use crate::model::{Kind, ObjRef};
use crate::snapshot::SectionId;

check!(EmailTemplates {
    code: "AUTH0-EMAIL-002",
    peer: Some("checkEmailTemplates"),
    title: "Email template is not customised or is disabled",
    area: Email,
    severity: Info,
    reason: "CheckMate: Info. Default templates look generic and are easier to imitate in phishing.",
    description: "Reads the ten email templates; reports each that is not configured (404) or disabled.",
    remediation: "Customise and enable the email templates.",
    docs: ["https://auth0.com/docs/customize/email/email-templates"],
    reads: [EmailTemplates],
});

fn run(cx: &mut Cx<'_>) {
    let Some(list) = cx.list(SectionId::EmailTemplates) else {
        return;
    };
    if list.is_empty() {
        cx.tenant_detail(
            Status::Fail,
            "email_templates_not_configured",
            "email_templates",
            None,
            "no email template is configured".into(),
        );
        return;
    }
    for e in list {
        let name = e.str("name").ok().flatten().unwrap_or("(unnamed)");
        let r = ObjRef::new(Kind::EmailTemplate, name, Some(name));
        match e.obj("template") {
            Ok(None) => cx.emit(
                Status::Fail,
                &r,
                "email_template_not_configured",
                "template",
                Some(name.to_owned()),
                format!("{name} template is not configured"),
            ),
            Ok(Some(t)) => {
                let id = t.str("template").ok().flatten().unwrap_or(name).to_owned();
                if t.bool("enabled").ok().flatten() == Some(true) {
                    cx.emit(
                        Status::Pass,
                        &r,
                        "email_template_enabled",
                        "template.enabled",
                        Some(id),
                        "enabled".into(),
                    );
                } else {
                    cx.emit(
                        Status::Fail,
                        &r,
                        "email_template_not_enabled",
                        "template.enabled",
                        Some(name.to_owned()),
                        format!("{name} template is disabled"),
                    );
                }
            }
            Err(m) => cx.malformed(&r, &m),
        }
    }
}
