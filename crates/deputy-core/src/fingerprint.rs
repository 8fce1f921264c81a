//! Stable finding identity.
//!
//! A fingerprint is SHA-256 over the stable parts of a finding only: source, rule id,
//! resource address, file path, setting path and any stable discriminators the importer
//! supplies. Never line numbers, never free text — so a finding keeps its identity when
//! code moves or a tool rewords its message.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fmt;

/// A finding's stable identity: 64 lowercase hex digits.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Fingerprint(String);

/// The parts a fingerprint is computed from.
#[derive(Debug, Clone, Copy)]
pub struct FingerprintInput<'a> {
    pub source: &'a str,
    pub rule_id: &'a str,
    pub resource: Option<&'a str>,
    pub path: Option<&'a str>,
    pub setting_path: Option<&'a str>,
    pub discriminators: &'a [(String, String)],
}

impl Fingerprint {
    /// Version tag hashed first, so a future change of the scheme can never collide with
    /// fingerprints computed by this one.
    const SCHEME: &'static str = "deputy-fingerprint-v1";

    pub fn compute(input: &FingerprintInput<'_>) -> Self {
        let mut h = Sha256::new();
        // Each field is length-prefixed so that ("ab", "c") and ("a", "bc") differ.
        let mut field = |tag: &str, value: Option<&str>| {
            h.update(tag.as_bytes());
            match value {
                Some(v) => {
                    h.update(b"=");
                    h.update((v.len() as u64).to_be_bytes());
                    h.update(v.as_bytes());
                }
                None => h.update(b"!"),
            }
        };
        field("scheme", Some(Self::SCHEME));
        field("source", Some(input.source));
        field("rule", Some(input.rule_id));
        field("resource", input.resource);
        field("path", input.path);
        field("setting", input.setting_path);
        let mut extra: Vec<&(String, String)> = input.discriminators.iter().collect();
        extra.sort();
        for (k, v) in extra {
            field("key", Some(k));
            field("value", Some(v));
        }
        Fingerprint(hex::encode(h.finalize()))
    }

    /// Accepts a stored fingerprint (64 lowercase hex digits).
    pub fn from_hex(s: &str) -> Option<Self> {
        (s.len() == 64
            && s.bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)))
        .then(|| Fingerprint(s.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fp(resource: Option<&str>, path: Option<&str>) -> Fingerprint {
        Fingerprint::compute(&FingerprintInput {
            source: "checkov",
            rule_id: "CKV_AWS_20",
            resource,
            path,
            setting_path: None,
            discriminators: &[],
        })
    }

    #[test]
    fn fields_are_not_confusable() {
        assert_ne!(fp(Some("ab"), Some("c")), fp(Some("a"), Some("bc")));
        assert_ne!(fp(None, Some("x")), fp(Some("x"), None));
        assert_ne!(fp(Some(""), None), fp(None, None));
    }

    #[test]
    fn discriminator_order_does_not_matter() {
        let a = [
            ("a".to_owned(), "1".to_owned()),
            ("b".to_owned(), "2".to_owned()),
        ];
        let b = [
            ("b".to_owned(), "2".to_owned()),
            ("a".to_owned(), "1".to_owned()),
        ];
        let mk = |d: &[(String, String)]| {
            Fingerprint::compute(&FingerprintInput {
                source: "s",
                rule_id: "r",
                resource: None,
                path: None,
                setting_path: None,
                discriminators: d,
            })
        };
        assert_eq!(mk(&a), mk(&b));
        assert_ne!(mk(&a), mk(&a[..1]));
    }

    #[test]
    fn hex_form_is_validated() {
        let f = fp(Some("r"), Some("p"));
        assert_eq!(Fingerprint::from_hex(f.as_str()), Some(f));
        assert_eq!(Fingerprint::from_hex("xyz"), None);
    }
}
