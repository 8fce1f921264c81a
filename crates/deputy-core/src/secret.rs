//! A value that must never be shown: zeroized when dropped, redacted when formatted, and
//! never serialized. The only way to read it is [`Secret::expose`], which makes every use
//! of a credential visible in review.

use std::fmt;
use zeroize::Zeroize;

/// What `Debug` and `Display` print instead of a secret.
pub const REDACTED: &str = "[REDACTED]";

/// A secret value (a token, a key). It has no `Serialize`, no `Clone` and no `Deref`:
/// copies of a credential are made only on purpose.
pub struct Secret<T: Zeroize>(T);

impl<T: Zeroize> Secret<T> {
    /// Wraps `value`; from now on it is redacted and wiped on drop.
    pub fn new(value: T) -> Self {
        Self(value)
    }

    /// The secret itself, for the one call that needs it.
    pub fn expose(&self) -> &T {
        &self.0
    }

    /// The secret, to fill or change in place (for example decrypting into it).
    pub fn expose_mut(&mut self) -> &mut T {
        &mut self.0
    }
}

impl Secret<String> {
    /// A new secret holding a copy of `s`; the caller keeps responsibility for `s`.
    pub fn from_str_copy(s: &str) -> Self {
        Self(s.to_owned())
    }
}

impl<T: Zeroize> From<T> for Secret<T> {
    fn from(value: T) -> Self {
        Self::new(value)
    }
}

impl<T: Zeroize> Drop for Secret<T> {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl<T: Zeroize> fmt::Debug for Secret<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Secret({REDACTED})")
    }
}

impl<T: Zeroize> fmt::Display for Secret<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

impl<T: Zeroize + PartialEq> PartialEq for Secret<T> {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}

impl<T: Zeroize + Eq> Eq for Secret<T> {}

#[cfg(test)]
mod tests {
    use super::*;

    const PLANTED: &str = "ghp_PLANTEDsecretVALUE000000000000000000";

    #[test]
    fn formatting_never_shows_the_value() {
        let s = Secret::from_str_copy(PLANTED);
        for shown in [
            format!("{s:?}"),
            format!("{s:#?}"),
            format!("{s}"),
            format!("{:?}", Some(&s)),
            format!("{:?}", vec![Secret::new(PLANTED.to_owned())]),
        ] {
            assert!(!shown.contains(PLANTED), "{shown}");
            assert!(shown.contains(REDACTED), "{shown}");
        }
        assert_eq!(s.expose(), PLANTED);
    }

    /// A value that records being zeroized, to see that dropping a secret wipes it.
    struct Witness(std::sync::Arc<std::sync::atomic::AtomicBool>);

    impl Zeroize for Witness {
        fn zeroize(&mut self) {
            self.0.store(true, std::sync::atomic::Ordering::SeqCst);
        }
    }

    #[test]
    fn dropping_a_secret_zeroizes_it() {
        let wiped = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let s = Secret::new(Witness(wiped.clone()));
        assert!(!wiped.load(std::sync::atomic::Ordering::SeqCst));
        drop(s);
        assert!(wiped.load(std::sync::atomic::Ordering::SeqCst));
    }

    #[test]
    fn equality_compares_values() {
        assert_eq!(Secret::new([1u8; 4]), Secret::new([1u8; 4]));
        assert_ne!(Secret::new([1u8; 4]), Secret::new([2u8; 4]));
    }
}
