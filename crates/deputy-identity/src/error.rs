//! OAuth errors. None carries a token.

/// What went wrong talking to a provider's OAuth endpoints.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OAuthError {
    /// The provider answered with an OAuth error (whatever the HTTP status: GitHub's token
    /// endpoint says 200, Slack says `ok: false`).
    #[error("{provider} refused: `{error}`{}", describe(.description))]
    Provider {
        provider: &'static str,
        status: u16,
        error: String,
        description: Option<String>,
    },
    #[error("{provider}: HTTP {status} without an OAuth error body")]
    Http { provider: &'static str, status: u16 },
    #[error("cannot reach {provider}: {message}")]
    Transport {
        provider: &'static str,
        message: String,
    },
    #[error("{provider} answered something that is not a token response: {message}")]
    Malformed {
        provider: &'static str,
        message: String,
    },
    #[error(
        "the redirect's `state` does not match this flow's; the callback was not started by deputy"
    )]
    StateMismatch,
    #[error("the authorization was not granted: `{error}`{}", describe(.description))]
    Denied {
        error: String,
        description: Option<String>,
    },
    #[error("{0}")]
    Callback(String),
    #[error("{0} cannot revoke tokens through an API; revoke the app's access in its settings")]
    RevokeUnsupported(&'static str),
    #[error("{0}")]
    Config(String),
}

fn describe(d: &Option<String>) -> String {
    d.as_deref().map(|d| format!(": {d}")).unwrap_or_default()
}

impl OAuthError {
    /// The refresh token (or code) is not valid any more: the account must be reconnected.
    pub fn is_invalid_grant(&self) -> bool {
        matches!(self, OAuthError::Provider { error, .. } if matches!(
            error.as_str(),
            "invalid_grant" | "bad_refresh_token" | "bad_verification_code"
                | "invalid_refresh_token" | "invalid_code" | "token_revoked"
        ))
    }
}
