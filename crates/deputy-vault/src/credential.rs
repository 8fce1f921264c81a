//! Credential records: who holds a credential for which provider, what it grants, and the
//! sealed secret.

use crate::keys::push_field;
use deputy_core::Secret;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;
use time::OffsetDateTime;

/// Whose credential for which provider: a person may connect several accounts of one
/// provider under different connection names.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct CredentialId {
    pub owner: String,
    pub provider: String,
    pub connection: String,
}

impl CredentialId {
    pub fn new(
        owner: impl Into<String>,
        provider: impl Into<String>,
        connection: impl Into<String>,
    ) -> Self {
        Self {
            owner: owner.into(),
            provider: provider.into(),
            connection: connection.into(),
        }
    }

    /// Length-prefixed, for associated data: no two identities encode alike.
    pub(crate) fn encode_into(&self, out: &mut Vec<u8>) {
        push_field(out, self.owner.as_bytes());
        push_field(out, self.provider.as_bytes());
        push_field(out, self.connection.as_bytes());
    }
}

impl fmt::Display for CredentialId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}/{}/{}`", self.owner, self.provider, self.connection)
    }
}

/// How the credential was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CredentialKind {
    /// A personal access token or API token given by the person.
    ApiToken,
    /// Tokens from an OAuth connect flow.
    Oauth,
    /// The person's Auth0 refresh token: provider tokens come from Auth0 Token Vault at
    /// lease time, and the connection name is the Auth0 connection's.
    Auth0TokenVault,
}

impl CredentialKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CredentialKind::ApiToken => "api_token",
            CredentialKind::Oauth => "oauth",
            CredentialKind::Auth0TokenVault => "auth0_token_vault",
        }
    }
}

impl FromStr for CredentialKind {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        match s {
            "api_token" => Ok(CredentialKind::ApiToken),
            "oauth" => Ok(CredentialKind::Oauth),
            "auth0_token_vault" => Ok(CredentialKind::Auth0TokenVault),
            _ => Err(()),
        }
    }
}

/// What may be shown about a credential: everything but the secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CredentialMeta {
    #[serde(flatten)]
    pub id: CredentialId,
    pub kind: CredentialKind,
    /// The scopes the provider granted.
    pub scopes: BTreeSet<String>,
    /// When the access token expires, if it does.
    #[serde(serialize_with = "crate::instant::option::serialize")]
    pub expires_at: Option<OffsetDateTime>,
    pub has_refresh_token: bool,
    /// Facts about the account that are not secret (Atlassian cloud ids, Slack team id).
    pub extra: BTreeMap<String, String>,
    #[serde(serialize_with = "crate::instant::serialize")]
    pub created_at: OffsetDateTime,
    #[serde(serialize_with = "crate::instant::serialize")]
    pub updated_at: OffsetDateTime,
}

/// The secret part of a credential. Never serialized except by [`CredentialSecret::encode`]
/// into the buffer that is encrypted.
#[derive(Debug)]
pub struct CredentialSecret {
    pub access_token: Secret<String>,
    pub refresh_token: Option<Secret<String>>,
}

impl CredentialSecret {
    /// `u32 length ‖ access token ‖ u8 has-refresh ‖ [u32 length ‖ refresh token]`.
    pub(crate) fn encode(&self) -> Secret<Vec<u8>> {
        let mut out = Secret::new(Vec::with_capacity(
            16 + self.access_token.expose().len()
                + self.refresh_token.as_ref().map_or(0, |r| r.expose().len()),
        ));
        push_field(out.expose_mut(), self.access_token.expose().as_bytes());
        match &self.refresh_token {
            Some(r) => {
                out.expose_mut().push(1);
                push_field(out.expose_mut(), r.expose().as_bytes());
            }
            None => out.expose_mut().push(0),
        }
        out
    }

    pub(crate) fn decode(bytes: &[u8]) -> Option<Self> {
        let (access, rest) = take_field(bytes)?;
        let (flag, rest) = rest.split_first()?;
        let refresh = match flag {
            0 if rest.is_empty() => None,
            1 => {
                let (r, rest) = take_field(rest)?;
                if !rest.is_empty() {
                    return None;
                }
                Some(Secret::new(String::from_utf8(r.to_vec()).ok()?))
            }
            _ => return None,
        };
        Some(Self {
            access_token: Secret::new(String::from_utf8(access.to_vec()).ok()?),
            refresh_token: refresh,
        })
    }
}

fn take_field(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    let len: [u8; 4] = bytes.get(..4)?.try_into().ok()?;
    let len = usize::try_from(u32::from_be_bytes(len)).ok()?;
    let rest = bytes.get(4..)?;
    Some((rest.get(..len)?, rest.get(len..)?))
}

/// A credential as stored: its data encrypted under a data key, the data key wrapped by
/// the KEK named by `kek_id`. Both byte strings are `nonce ‖ ciphertext ‖ tag`.
#[derive(Clone, PartialEq, Eq)]
pub struct SealedCredential {
    pub kek_id: String,
    pub wrapped_key: Vec<u8>,
    pub ciphertext: Vec<u8>,
}

impl fmt::Debug for SealedCredential {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SealedCredential")
            .field("kek_id", &self.kek_id)
            .field(
                "wrapped_key",
                &format_args!("{} bytes", self.wrapped_key.len()),
            )
            .field(
                "ciphertext",
                &format_args!("{} bytes", self.ciphertext.len()),
            )
            .finish()
    }
}
