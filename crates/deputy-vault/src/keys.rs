//! Key-encryption keys and the envelope: sealing, opening and re-wrapping credentials.

use crate::credential::{CredentialId, CredentialSecret, SealedCredential};
use crate::error::VaultError;
use aws_lc_rs::aead::{AES_256_GCM, Aad, LessSafeKey, NONCE_LEN, Nonce, UnboundKey};
use aws_lc_rs::rand::{SecureRandom, SystemRandom};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use deputy_core::Secret;
use sha2::{Digest, Sha256};
use std::fmt;
use zeroize::Zeroize;

const KEY_LEN: usize = 32;

/// A key-encryption key and its id (derived from the key, so the id names exactly one key).
pub struct Kek {
    id: String,
    key: Secret<[u8; KEY_LEN]>,
}

impl fmt::Debug for Kek {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Kek")
            .field("id", &self.id)
            .field("key", &self.key)
            .finish()
    }
}

impl Kek {
    /// A new random key.
    pub fn generate() -> Result<Self, VaultError> {
        let mut key = [0u8; KEY_LEN];
        SystemRandom::new()
            .fill(&mut key)
            .map_err(|_| VaultError::Random)?;
        Ok(Self::from_bytes(key))
    }

    fn from_bytes(key: [u8; KEY_LEN]) -> Self {
        let mut h = Sha256::new();
        h.update(b"deputy-vault/kek-id\0");
        h.update(key);
        let digest = h.finalize();
        let id = format!("kek-{}", hex::encode(digest.get(..8).unwrap_or_default()));
        Self {
            id,
            key: Secret::new(key),
        }
    }

    /// Reads a key written by [`Kek::to_base64`]: 32 bytes in standard base64, surrounding
    /// whitespace ignored. `source_name` says where it came from, for the error.
    pub fn from_base64(text: &str, source_name: &str) -> Result<Self, VaultError> {
        let bad = |reason: &str| VaultError::BadKey {
            source_name: source_name.to_owned(),
            reason: reason.to_owned(),
        };
        let mut bytes = STANDARD
            .decode(text.trim())
            .map_err(|_| bad("expected 32 bytes in base64"))?;
        let key: Result<[u8; KEY_LEN], _> = bytes.as_slice().try_into();
        bytes.zeroize();
        let key = key.map_err(|_| bad("expected 32 bytes in base64"))?;
        Ok(Self::from_bytes(key))
    }

    /// The key as base64 text, for the key file.
    pub fn to_base64(&self) -> Secret<String> {
        Secret::new(STANDARD.encode(self.key.expose()))
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    fn aead(&self) -> Result<LessSafeKey, VaultError> {
        aead_key(self.key.expose())
    }
}

fn aead_key(bytes: &[u8]) -> Result<LessSafeKey, VaultError> {
    UnboundKey::new(&AES_256_GCM, bytes)
        .map(LessSafeKey::new)
        .map_err(|_| VaultError::Random)
}

/// The current KEK, which seals, and older ones still able to open (during a rotation).
#[derive(Debug)]
pub struct Keyring {
    current: Kek,
    others: Vec<Kek>,
}

impl Keyring {
    pub fn new(current: Kek) -> Self {
        Self {
            current,
            others: Vec::new(),
        }
    }

    /// Adds a key that may still have wrapped some data keys.
    pub fn with_other(mut self, kek: Kek) -> Self {
        if kek.id != self.current.id {
            self.others.push(kek);
        }
        self
    }

    pub fn current(&self) -> &Kek {
        &self.current
    }

    fn find(&self, id: &CredentialId, kek_id: &str) -> Result<&Kek, VaultError> {
        std::iter::once(&self.current)
            .chain(&self.others)
            .find(|k| k.id == kek_id)
            .ok_or_else(|| VaultError::UnknownKey {
                credential: id.to_string(),
                kek_id: kek_id.to_owned(),
                current: self.current.id.clone(),
            })
    }

    /// Encrypts `secret` under a fresh data key wrapped by the current KEK.
    pub fn seal(
        &self,
        id: &CredentialId,
        secret: &CredentialSecret,
    ) -> Result<SealedCredential, VaultError> {
        let mut data_key = [0u8; KEY_LEN];
        SystemRandom::new()
            .fill(&mut data_key)
            .map_err(|_| VaultError::Random)?;
        let data_key = Secret::new(data_key);
        let plaintext = secret.encode();
        let ciphertext = encrypt(
            &aead_key(data_key.expose())?,
            &data_aad(id),
            plaintext.expose(),
        )?;
        let wrapped_key = encrypt(
            &self.current.aead()?,
            &wrap_aad(id, &self.current.id),
            data_key.expose(),
        )?;
        Ok(SealedCredential {
            kek_id: self.current.id.clone(),
            wrapped_key,
            ciphertext,
        })
    }

    /// Decrypts a sealed credential; fails if it was altered or belongs to another record.
    pub fn open(
        &self,
        id: &CredentialId,
        sealed: &SealedCredential,
    ) -> Result<CredentialSecret, VaultError> {
        let data_key = self.unwrap_key(id, sealed)?;
        let plaintext = decrypt(
            &aead_key(data_key.expose())?,
            &data_aad(id),
            &sealed.ciphertext,
        )
        .ok_or_else(|| VaultError::Tampered(id.to_string()))?;
        CredentialSecret::decode(plaintext.expose())
            .ok_or_else(|| VaultError::Tampered(id.to_string()))
    }

    /// Re-wraps the data key under the current KEK; the data ciphertext is kept as it is.
    pub fn rewrap(
        &self,
        id: &CredentialId,
        sealed: &SealedCredential,
    ) -> Result<SealedCredential, VaultError> {
        let data_key = self.unwrap_key(id, sealed)?;
        let wrapped_key = encrypt(
            &self.current.aead()?,
            &wrap_aad(id, &self.current.id),
            data_key.expose(),
        )?;
        Ok(SealedCredential {
            kek_id: self.current.id.clone(),
            wrapped_key,
            ciphertext: sealed.ciphertext.clone(),
        })
    }

    fn unwrap_key(
        &self,
        id: &CredentialId,
        sealed: &SealedCredential,
    ) -> Result<Secret<Vec<u8>>, VaultError> {
        let kek = self.find(id, &sealed.kek_id)?;
        let key = decrypt(&kek.aead()?, &wrap_aad(id, &kek.id), &sealed.wrapped_key)
            .ok_or_else(|| VaultError::Tampered(id.to_string()))?;
        if key.expose().len() != KEY_LEN {
            return Err(VaultError::Tampered(id.to_string()));
        }
        Ok(key)
    }
}

/// `nonce ‖ ciphertext ‖ tag`.
fn encrypt(key: &LessSafeKey, aad: &[u8], plaintext: &[u8]) -> Result<Vec<u8>, VaultError> {
    let mut nonce = [0u8; NONCE_LEN];
    SystemRandom::new()
        .fill(&mut nonce)
        .map_err(|_| VaultError::Random)?;
    let mut in_out = plaintext.to_vec();
    let sealed = key.seal_in_place_append_tag(
        Nonce::assume_unique_for_key(nonce),
        Aad::from(aad),
        &mut in_out,
    );
    if sealed.is_err() {
        in_out.zeroize();
        return Err(VaultError::Random);
    }
    let mut out = Vec::with_capacity(NONCE_LEN + in_out.len());
    out.extend_from_slice(&nonce);
    out.extend_from_slice(&in_out);
    Ok(out)
}

fn decrypt(key: &LessSafeKey, aad: &[u8], sealed: &[u8]) -> Option<Secret<Vec<u8>>> {
    let nonce = Nonce::try_assume_unique_for_key(sealed.get(..NONCE_LEN)?).ok()?;
    // Decrypt inside a buffer a Secret owns, so the plaintext is wiped however this ends.
    let mut buf = Secret::new(sealed.get(NONCE_LEN..)?.to_vec());
    let len = key
        .open_in_place(nonce, Aad::from(aad), buf.expose_mut())
        .ok()?
        .len();
    buf.expose_mut().truncate(len);
    Some(buf)
}

fn data_aad(id: &CredentialId) -> Vec<u8> {
    let mut aad = b"deputy-vault/v1 data".to_vec();
    id.encode_into(&mut aad);
    aad
}

fn wrap_aad(id: &CredentialId, kek_id: &str) -> Vec<u8> {
    let mut aad = b"deputy-vault/v1 key".to_vec();
    id.encode_into(&mut aad);
    push_field(&mut aad, kek_id.as_bytes());
    aad
}

pub(crate) fn push_field(out: &mut Vec<u8>, bytes: &[u8]) {
    out.extend_from_slice(&u32::try_from(bytes.len()).unwrap_or(u32::MAX).to_be_bytes());
    out.extend_from_slice(bytes);
}
