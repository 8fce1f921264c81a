//! PKCE (RFC 7636, S256 only) and random `state` values.

use aws_lc_rs::rand::{SecureRandom, SystemRandom};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use deputy_core::Secret;
use sha2::{Digest, Sha256};

use crate::OAuthError;

/// `n` random bytes as unpadded base64url.
pub fn random_token(n: usize) -> Result<String, OAuthError> {
    let mut bytes = vec![0u8; n];
    SystemRandom::new()
        .fill(&mut bytes)
        .map_err(|_| OAuthError::Config("the system random number generator failed".into()))?;
    Ok(URL_SAFE_NO_PAD.encode(bytes))
}

/// A code verifier (kept secret until the code exchange) and its S256 challenge.
#[derive(Debug)]
pub struct Pkce {
    pub verifier: Secret<String>,
    pub challenge: String,
}

impl Pkce {
    /// A verifier of 43 characters from 32 random bytes.
    pub fn generate() -> Result<Self, OAuthError> {
        Ok(Self::from_verifier(Secret::new(random_token(32)?)))
    }

    pub fn from_verifier(verifier: Secret<String>) -> Self {
        let challenge = s256(verifier.expose());
        Self {
            verifier,
            challenge,
        }
    }
}

/// `BASE64URL(SHA256(verifier))`.
pub fn s256(verifier: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rfc_7636_example() {
        // RFC 7636 appendix B.
        assert_eq!(
            s256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
        let p = Pkce::generate().unwrap();
        assert_eq!(p.verifier.expose().len(), 43);
        assert_ne!(random_token(16).unwrap(), random_token(16).unwrap());
    }
}
