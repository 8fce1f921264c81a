//! Helpers shared by the checks: reading the common sections the way CheckMate's checks
//! expect them, and small judgements used in several places.

use crate::check::{Cx, Status};
use crate::js;
use crate::model::{Malformed, Obj, Read};
use crate::snapshot::SectionId;
use crate::urls;

/// A required setting: absent reads as malformed (CheckMate crashes on these).
pub fn required<T>(r: Read<T>, path: &str, expected: &'static str) -> Result<T, Malformed> {
    r?.ok_or_else(|| Malformed {
        path: path.to_owned(),
        expected,
        found: "nothing",
    })
}

/// Tenant settings; an absent or null object reads as empty.
pub fn tenant<'s>(cx: &mut Cx<'s>) -> Option<Obj<'s>> {
    cx.single(SectionId::TenantSettings)
        .map(|o| o.unwrap_or_else(Obj::empty))
}

/// A tenant setting that must be a non-empty string.
pub fn tenant_text<'s>(cx: &mut Cx<'s>, t: Obj<'s>, key: &str) -> Option<Option<&'s str>> {
    match t.nonempty_str(key) {
        Ok(v) => Some(v),
        Err(m) => {
            let r = cx.tenant();
            cx.malformed(&r, &m);
            None
        }
    }
}

/// Whether a URL is unfit for production (parsed, not substring-matched).
pub fn insecure_url(u: &str) -> bool {
    urls::judge(u).is_some()
}

/// A short reason for an insecure URL, for messages.
pub fn url_reason(u: &str) -> &'static str {
    urls::judge(u).map_or("fine", |p| p.as_str())
}

/// The trigger ids an Action supports.
pub fn triggers<'s>(a: Obj<'s>) -> Vec<&'s str> {
    a.objs("supported_triggers")
        .ok()
        .flatten()
        .unwrap_or_default()
        .into_iter()
        .filter_map(|t| t.str("id").ok().flatten())
        .collect()
}

/// A string literal CheckMate does not count as a hard-coded value.
pub fn trivial_literal(v: &str) -> bool {
    let t = v.trim();
    t.is_empty()
        || t == "0"
        || t == "1"
        || (t.chars().count() == 1 && t.chars().all(char::is_alphabetic))
}

/// Non-trivial string literals bound to a name in `code`.
pub fn hard_coded(code: &str, with_properties: bool) -> Vec<js::StringBinding<'_>> {
    let toks = js::tokenize(code);
    let mut out = js::string_declarations(&toks);
    if with_properties {
        out.extend(js::string_properties(&toks));
        out.sort_by_key(|b| (b.line, b.column));
    }
    out.retain(|b| !trivial_literal(b.value));
    out
}

/// Emits CheckMate's `no_database_connections_found` when there are no databases.
pub fn no_databases(cx: &mut Cx<'_>) {
    cx.tenant_detail(
        Status::Fail,
        "no_database_connections_found",
        "connections",
        None,
        "no database connection (strategy `auth0`) was found".to_owned(),
    );
}

/// Whether a resource server is Auth0's own Management API.
pub fn is_system_api(rs: Obj<'_>) -> bool {
    rs.bool("is_system").ok().flatten() == Some(true)
        || rs
            .str("identifier")
            .ok()
            .flatten()
            .is_some_and(|i| i.ends_with("/api/v2/"))
}

/// The Actions list (accepting CheckMate's `{actions: [...]}` envelope too).
pub fn actions<'s>(cx: &mut Cx<'s>) -> Option<Vec<Obj<'s>>> {
    cx.list(SectionId::Actions)
}

/// A client's grant types.
pub fn grants<'s>(c: Obj<'s>) -> Result<Vec<&'s str>, Malformed> {
    c.strs_or_empty("grant_types")
}

/// Whether a client is public (SPA, native, or no client authentication).
pub fn is_public(c: Obj<'_>) -> Result<bool, Malformed> {
    let app = c.str("app_type")?;
    let method = c.str("token_endpoint_auth_method")?;
    Ok(matches!(app, Some("spa" | "native")) || method == Some("none"))
}

/// Formats seconds the way CheckMate does: `2 days (172800 seconds)`.
pub fn duration(secs: f64) -> String {
    let s = secs.max(0.0) as u64;
    let (n, unit) = if s >= 86_400 && s.is_multiple_of(86_400) {
        (s / 86_400, "day")
    } else if s >= 3_600 && s.is_multiple_of(3_600) {
        (s / 3_600, "hour")
    } else if s >= 60 && s.is_multiple_of(60) {
        (s / 60, "minute")
    } else {
        (s, "second")
    };
    let plural = if n == 1 { "" } else { "s" };
    format!("{n} {unit}{plural} ({s} seconds)")
}
