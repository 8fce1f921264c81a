//! URL judgements for callbacks, origins, logout and login URLs. CheckMate tests for the
//! substrings `localhost`, `http://` and `127.0.0.1`; Deputy parses the URL instead, so
//! `https://app.example.com/cb?next=http://x` and `https://localhost-tools.example.com` are
//! not flagged, while `https://127.0.0.2`, `https://[::1]`, `https://*.example.com` and
//! unparseable values are.

use std::net::IpAddr;
use url::{Host, Url};

/// Why a URL is not fit for production.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlProblem {
    /// Not a URL at all.
    Unparseable,
    /// Plain `http://` to a non-loopback host: tokens or codes travel in clear text.
    Cleartext,
    /// A loopback or `localhost` host: a developer's machine, reachable by any local process.
    Loopback,
    /// A wildcard host (`*.example.com`): any sub-domain, including a taken-over one.
    Wildcard,
}

impl UrlProblem {
    pub fn as_str(self) -> &'static str {
        match self {
            UrlProblem::Unparseable => "not a valid URL",
            UrlProblem::Cleartext => "plain http",
            UrlProblem::Loopback => "loopback host",
            UrlProblem::Wildcard => "wildcard host",
        }
    }
}

fn loopback_name(host: &str) -> bool {
    let h = host.trim_end_matches('.').to_ascii_lowercase();
    h == "localhost" || h.ends_with(".localhost")
}

/// Judges one URL. Custom schemes (native apps' `com.example.app://callback`) are fine
/// unless their host is loopback or a wildcard.
pub fn judge(raw: &str) -> Option<UrlProblem> {
    let raw = raw.trim();
    // A wildcard host does not survive URL parsing in every form; look at the authority.
    if let Some(rest) = raw.split_once("://").map(|(_, r)| r) {
        let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
        let host = authority.rsplit('@').next().unwrap_or("");
        if host.contains('*') {
            return Some(UrlProblem::Wildcard);
        }
    }
    let Ok(url) = Url::parse(raw) else {
        return Some(UrlProblem::Unparseable);
    };
    let loopback = match url.host() {
        Some(Host::Domain(d)) => loopback_name(d),
        Some(Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback() || ip.is_unspecified(),
        Some(Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback() || ip.is_unspecified(),
        None => false,
    };
    if loopback {
        return Some(UrlProblem::Loopback);
    }
    if url.scheme() == "http" {
        return Some(UrlProblem::Cleartext);
    }
    None
}

/// CheckMate's substring test, kept to explain differences in the conformance notes.
pub fn checkmate_insecure(raw: &str) -> bool {
    raw.contains("localhost") || raw.contains("http://") || raw.contains("127.0.0.1")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_instead_of_matching_substrings() {
        assert_eq!(judge("http://localhost:3000"), Some(UrlProblem::Loopback));
        assert_eq!(judge("http://example.com"), Some(UrlProblem::Cleartext));
        assert_eq!(judge("https://contoso.com/cb"), None);
        assert_eq!(judge("https://app.example.com/cb?next=http://x"), None);
        assert_eq!(judge("https://localhost-tools.example.com"), None);
        assert_eq!(judge("https://127.0.0.2/cb"), Some(UrlProblem::Loopback));
        assert_eq!(judge("https://[::1]/cb"), Some(UrlProblem::Loopback));
        assert_eq!(judge("https://*.example.com"), Some(UrlProblem::Wildcard));
        assert_eq!(judge("com.example.app://callback"), None);
        assert_eq!(judge("not a url"), Some(UrlProblem::Unparseable));
        assert!(checkmate_insecure(
            "https://app.example.com/cb?next=http://x"
        ));
    }
}
