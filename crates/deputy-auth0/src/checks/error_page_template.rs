//! checkErrorPageTemplate.
use crate::check::{Cx, Status};
use crate::checks::common::tenant;

check!(ErrorPageTemplate {
    code: "AUTH0-TENANT-010",
    peer: Some("checkErrorPageTemplate"),
    title: "Custom error page prints unescaped Liquid output",
    area: Tenant,
    severity: High,
    reason: "CheckMate: High. Error parameters are attacker-controlled; unescaped output on the tenant's own domain is stored-page XSS.",
    description: "Reads `tenant_settings.error_page.html`; reports every `{{ ... }}` output with no escaping filter (escape, escape_once, h, html_escape, url_encode, uri_escape, cgi_escape), and every `raw`, `unescaped` or `safe` filter.",
    remediation: "Escape every Liquid output in the custom error page (`| escape`), or use a hosted error page URL.",
    docs: ["https://auth0.com/docs/customize/login-pages/custom-error-pages"],
    reads: [TenantSettings],
});

const ESCAPES: [&str; 7] = [
    "escape",
    "escape_once",
    "h",
    "html_escape",
    "url_encode",
    "uri_escape",
    "cgi_escape",
];
const UNSAFE: [&str; 3] = ["raw", "unescaped", "safe"];

/// Every `{{ ... }}` output in `html`, possibly spanning lines.
fn outputs(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("{{") {
        let Some(tail) = rest.get(start..) else { break };
        let Some(end) = tail.get(2..).and_then(|t| t.find("}}")) else {
            break;
        };
        if let Some(o) = tail.get(..end + 4) {
            out.push(o);
        }
        rest = tail.get(end + 4..).unwrap_or("");
    }
    out
}

fn filters(output: &str) -> Vec<&str> {
    let inner = output.trim_start_matches('{').trim_end_matches('}');
    inner
        .split('|')
        .skip(1)
        .map(|f| f.split(':').next().unwrap_or("").trim())
        .collect()
}

fn run(cx: &mut Cx<'_>) {
    let Some(t) = tenant(cx) else { return };
    let html = match t.str_at(&["error_page"], "html") {
        Ok(h) => h.unwrap_or(""),
        Err(m) => {
            let r = cx.tenant();
            cx.malformed(&r, &m);
            return;
        }
    };
    if html.trim().is_empty() {
        cx.tenant_detail(
            Status::Pass,
            "liquidjs_no_templates_to_analyze",
            "error_page.html",
            None,
            "no custom error page template to analyze".to_owned(),
        );
        return;
    }
    let outs = outputs(html);
    let raw: Vec<&str> = outs
        .iter()
        .copied()
        .filter(|o| filters(o).iter().any(|f| UNSAFE.contains(f)))
        .collect();
    let unescaped: Vec<&str> = outs
        .iter()
        .copied()
        .filter(|o| !filters(o).iter().any(|f| ESCAPES.contains(f)))
        .collect();
    let list = |v: &[&str]| serde_json::to_string(v).unwrap_or_default();
    if raw.is_empty() {
        cx.tenant_detail(
            Status::Pass,
            "liquidjs_raw_filter_usage",
            "error_page.html",
            None,
            "no raw or unsafe filter".to_owned(),
        );
    } else {
        cx.tenant_detail(
            Status::Fail,
            "liquidjs_raw_filter_usage",
            "error_page.html#raw",
            Some(list(&raw)),
            format!("the error page disables escaping in {}", list(&raw)),
        );
    }
    if unescaped.is_empty() {
        cx.tenant_detail(
            Status::Pass,
            "liquidjs_unescaped_output",
            "error_page.html",
            None,
            "all Liquid outputs are escaped".to_owned(),
        );
    } else {
        cx.tenant_detail(
            Status::Fail,
            "liquidjs_unescaped_output",
            "error_page.html#unescaped",
            Some(list(&unescaped)),
            format!("the error page prints unescaped {}", list(&unescaped)),
        );
    }
}
