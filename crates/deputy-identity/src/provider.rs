//! The providers Deputy connects to, with their endpoints and quirks (see the integrations
//! reference, §7): one table, so a flow never branches on a provider's name.

use crate::OAuthError;
use url::Url;

/// A provider Deputy can connect an account of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProviderKind {
    Github,
    Atlassian,
    Microsoft,
    Slack,
    Google,
    Zoom,
}

impl ProviderKind {
    pub const ALL: [ProviderKind; 6] = [
        ProviderKind::Github,
        ProviderKind::Atlassian,
        ProviderKind::Microsoft,
        ProviderKind::Slack,
        ProviderKind::Google,
        ProviderKind::Zoom,
    ];

    pub fn name(self) -> &'static str {
        self.spec().name
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.name() == name)
    }

    /// This provider's row of the table.
    pub fn spec(self) -> &'static ProviderSpec {
        match self {
            ProviderKind::Github => &GITHUB,
            ProviderKind::Atlassian => &ATLASSIAN,
            ProviderKind::Microsoft => &MICROSOFT,
            ProviderKind::Slack => &SLACK,
            ProviderKind::Google => &GOOGLE,
            ProviderKind::Zoom => &ZOOM,
        }
    }
}

/// How the token request's body is encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenBody {
    Form,
    /// Atlassian wants JSON.
    Json,
}

/// How the client authenticates at the token endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClientAuth {
    /// `client_id` and `client_secret` in the body.
    Body,
    /// HTTP Basic (Zoom requires it; Slack prefers it).
    Basic,
}

/// How tokens are revoked, where they can be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Revocation {
    /// No API (Microsoft, Atlassian): the person removes the app's access themselves.
    None,
    /// `DELETE /applications/{client_id}/grant` with Basic auth and `{"access_token"}` (GitHub).
    GithubGrant,
    /// A form `token=` POST (Google without client auth, Zoom with Basic).
    FormToken { basic: bool },
    /// Slack's `auth.revoke` with the token as bearer.
    SlackAuthRevoke,
}

/// One provider's OAuth facts.
#[derive(Debug)]
pub struct ProviderSpec {
    pub name: &'static str,
    /// May contain `{tenant}` (Microsoft).
    pub authorize: &'static str,
    pub token: &'static str,
    pub revoke_url: Option<&'static str>,
    pub revocation: Revocation,
    /// Atlassian's accessible-resources endpoint, for the cloud id.
    pub resources: Option<&'static str>,
    pub scope_separator: &'static str,
    /// Scopes always requested (what yields a refresh token).
    pub required_scopes: &'static [&'static str],
    pub authorize_params: &'static [(&'static str, &'static str)],
    pub token_body: TokenBody,
    pub client_auth: ClientAuth,
    /// The token request repeats `scope` (Microsoft).
    pub scope_in_token_request: bool,
    /// Every refresh returns a new refresh token and invalidates the old one.
    pub rotates_refresh_tokens: bool,
}

static GITHUB: ProviderSpec = ProviderSpec {
    name: "github",
    authorize: "https://github.com/login/oauth/authorize",
    token: "https://github.com/login/oauth/access_token",
    revoke_url: Some("https://api.github.com/applications/{client_id}/grant"),
    revocation: Revocation::GithubGrant,
    resources: None,
    scope_separator: " ",
    required_scopes: &[],
    authorize_params: &[],
    token_body: TokenBody::Form,
    client_auth: ClientAuth::Body,
    scope_in_token_request: false,
    rotates_refresh_tokens: true,
};

static ATLASSIAN: ProviderSpec = ProviderSpec {
    name: "atlassian",
    authorize: "https://auth.atlassian.com/authorize",
    token: "https://auth.atlassian.com/oauth/token",
    revoke_url: None,
    revocation: Revocation::None,
    resources: Some("https://api.atlassian.com/oauth/token/accessible-resources"),
    scope_separator: " ",
    required_scopes: &["offline_access"],
    authorize_params: &[
        ("audience", "api.atlassian.com"),
        ("response_type", "code"),
        ("prompt", "consent"),
    ],
    token_body: TokenBody::Json,
    client_auth: ClientAuth::Body,
    scope_in_token_request: false,
    rotates_refresh_tokens: true,
};

static MICROSOFT: ProviderSpec = ProviderSpec {
    name: "microsoft",
    authorize: "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/authorize",
    token: "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token",
    revoke_url: None,
    revocation: Revocation::None,
    resources: None,
    scope_separator: " ",
    required_scopes: &["offline_access"],
    authorize_params: &[("response_type", "code"), ("response_mode", "query")],
    token_body: TokenBody::Form,
    client_auth: ClientAuth::Body,
    scope_in_token_request: true,
    rotates_refresh_tokens: true,
};

static SLACK: ProviderSpec = ProviderSpec {
    name: "slack",
    authorize: "https://slack.com/oauth/v2/authorize",
    token: "https://slack.com/api/oauth.v2.access",
    revoke_url: Some("https://slack.com/api/auth.revoke"),
    revocation: Revocation::SlackAuthRevoke,
    resources: None,
    scope_separator: ",",
    required_scopes: &[],
    authorize_params: &[],
    token_body: TokenBody::Form,
    client_auth: ClientAuth::Basic,
    scope_in_token_request: false,
    rotates_refresh_tokens: true,
};

static GOOGLE: ProviderSpec = ProviderSpec {
    name: "google",
    authorize: "https://accounts.google.com/o/oauth2/v2/auth",
    token: "https://oauth2.googleapis.com/token",
    revoke_url: Some("https://oauth2.googleapis.com/revoke"),
    revocation: Revocation::FormToken { basic: false },
    resources: None,
    scope_separator: " ",
    required_scopes: &[],
    authorize_params: &[
        ("response_type", "code"),
        ("access_type", "offline"),
        ("prompt", "consent"),
        ("include_granted_scopes", "true"),
    ],
    token_body: TokenBody::Form,
    client_auth: ClientAuth::Body,
    scope_in_token_request: false,
    rotates_refresh_tokens: false,
};

static ZOOM: ProviderSpec = ProviderSpec {
    name: "zoom",
    authorize: "https://zoom.us/oauth/authorize",
    token: "https://zoom.us/oauth/token",
    revoke_url: Some("https://zoom.us/oauth/revoke"),
    revocation: Revocation::FormToken { basic: true },
    resources: None,
    scope_separator: " ",
    required_scopes: &[],
    authorize_params: &[("response_type", "code")],
    token_body: TokenBody::Form,
    client_auth: ClientAuth::Basic,
    scope_in_token_request: false,
    rotates_refresh_tokens: true,
};

/// A provider's endpoints resolved for one deployment (tenant filled in, and optionally
/// moved to another origin — a local fake, or a proxy).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoints {
    pub authorize: Url,
    pub token: Url,
    pub revoke: Option<Url>,
    pub resources: Option<Url>,
}

impl Endpoints {
    /// The real endpoints; `tenant` is Microsoft's (`common`, `organizations`, a GUID…).
    pub fn of(spec: &ProviderSpec, tenant: &str, client_id: &str) -> Result<Self, OAuthError> {
        let parse = |s: &str| {
            Url::parse(
                &s.replace("{tenant}", tenant)
                    .replace("{client_id}", client_id),
            )
            .map_err(|e| OAuthError::Config(format!("{}: bad endpoint `{s}`: {e}", spec.name)))
        };
        Ok(Self {
            authorize: parse(spec.authorize)?,
            token: parse(spec.token)?,
            revoke: spec.revoke_url.map(parse).transpose()?,
            resources: spec.resources.map(parse).transpose()?,
        })
    }

    /// The same paths on another origin (scheme, host and port of `base`).
    pub fn rebased(self, base: &Url) -> Result<Self, OAuthError> {
        let move_to = |mut u: Url| -> Result<Url, OAuthError> {
            u.set_scheme(base.scheme())
                .and_then(|()| u.set_host(base.host_str()).map_err(|_| ()))
                .and_then(|()| u.set_port(base.port()))
                .map_err(|()| OAuthError::Config(format!("cannot move endpoints to `{base}`")))?;
            Ok(u)
        };
        Ok(Self {
            authorize: move_to(self.authorize)?,
            token: move_to(self.token)?,
            revoke: self.revoke.map(move_to).transpose()?,
            resources: self.resources.map(move_to).transpose()?,
        })
    }
}
