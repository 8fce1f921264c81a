use deputy_core::Secret;
use deputy_vault::{CredentialId, CredentialSecret, Kek, Keyring, VaultError};

const PLANTED: &str = "ghp_PLANTEDvaultSECRET1234567890abcdefXY";
const PLANTED_REFRESH: &str = "ghr_PLANTEDrefreshSECRET0987654321zyxwv";

fn id(connection: &str) -> CredentialId {
    CredentialId::new("alice", "github", connection)
}

fn secret() -> CredentialSecret {
    CredentialSecret {
        access_token: Secret::from_str_copy(PLANTED),
        refresh_token: Some(Secret::from_str_copy(PLANTED_REFRESH)),
    }
}

#[test]
fn sealed_credentials_open_only_for_their_own_record() {
    let ring = Keyring::new(Kek::generate().unwrap());
    let sealed = ring.seal(&id("default"), &secret()).unwrap();
    let raw = [sealed.ciphertext.as_slice(), sealed.wrapped_key.as_slice()].concat();
    assert!(!raw.windows(PLANTED.len()).any(|w| w == PLANTED.as_bytes()));

    let opened = ring.open(&id("default"), &sealed).unwrap();
    assert_eq!(opened.access_token.expose(), PLANTED);
    assert_eq!(
        opened.refresh_token.as_ref().map(|r| r.expose().as_str()),
        Some(PLANTED_REFRESH)
    );

    // Moved to another record: the associated data no longer matches.
    assert!(matches!(
        ring.open(&id("work"), &sealed),
        Err(VaultError::Tampered(_))
    ));
    assert!(matches!(
        ring.open(&CredentialId::new("bob", "github", "default"), &sealed),
        Err(VaultError::Tampered(_))
    ));
    // A flipped bit anywhere.
    for which in 0..2 {
        for i in [0, 12, 20] {
            let mut bad = sealed.clone();
            let bytes = if which == 0 {
                &mut bad.ciphertext
            } else {
                &mut bad.wrapped_key
            };
            bytes[i] ^= 1;
            assert!(matches!(
                ring.open(&id("default"), &bad),
                Err(VaultError::Tampered(_))
            ));
        }
    }
    // Two seals of one secret share nothing (fresh data key and nonces).
    let again = ring.seal(&id("default"), &secret()).unwrap();
    assert_ne!(again.ciphertext, sealed.ciphertext);
    assert_ne!(again.wrapped_key, sealed.wrapped_key);
}

#[test]
fn a_credential_without_refresh_token_round_trips() {
    let ring = Keyring::new(Kek::generate().unwrap());
    let s = CredentialSecret {
        access_token: Secret::from_str_copy("x"),
        refresh_token: None,
    };
    let opened = ring
        .open(&id("a"), &ring.seal(&id("a"), &s).unwrap())
        .unwrap();
    assert_eq!(opened.access_token.expose(), "x");
    assert!(opened.refresh_token.is_none());
}

#[test]
fn rotation_rewraps_the_data_key_and_keeps_the_data() {
    let old = Kek::generate().unwrap();
    let old_text = old.to_base64();
    let old_ring = Keyring::new(old);
    let sealed = old_ring.seal(&id("default"), &secret()).unwrap();

    let new = Kek::generate().unwrap();
    let new_id = new.id().to_owned();
    let rotating =
        Keyring::new(new).with_other(Kek::from_base64(old_text.expose(), "test").unwrap());
    let rewrapped = rotating.rewrap(&id("default"), &sealed).unwrap();
    assert_eq!(
        rewrapped.ciphertext, sealed.ciphertext,
        "data is not re-encrypted"
    );
    assert_ne!(rewrapped.wrapped_key, sealed.wrapped_key);
    assert_eq!(rewrapped.kek_id, new_id);

    // After rotation the new key alone opens it; the old key alone no longer does.
    let new_only =
        Keyring::new(Kek::from_base64(rotating.current().to_base64().expose(), "t").unwrap());
    assert_eq!(
        new_only
            .open(&id("default"), &rewrapped)
            .unwrap()
            .access_token
            .expose(),
        PLANTED
    );
    assert!(matches!(
        old_ring.open(&id("default"), &rewrapped),
        Err(VaultError::UnknownKey { .. })
    ));
    // A wrapped key relabelled with another key id does not open either.
    let mut relabelled = sealed.clone();
    relabelled.kek_id = new_id;
    assert!(matches!(
        rotating.open(&id("default"), &relabelled),
        Err(VaultError::Tampered(_))
    ));
}

#[test]
fn keys_parse_and_are_never_shown() {
    let kek = Kek::generate().unwrap();
    let text = kek.to_base64();
    let again = Kek::from_base64(&format!("  {}\n", text.expose()), "file").unwrap();
    assert_eq!(again.id(), kek.id());
    assert!(kek.id().starts_with("kek-"));
    for shown in [format!("{kek:?}"), format!("{text:?}"), format!("{text}")] {
        assert!(!shown.contains(text.expose().as_str()), "{shown}");
    }
    let ring = Keyring::new(kek);
    let sealed = ring.seal(&id("d"), &secret()).unwrap();
    let opened = ring.open(&id("d"), &sealed).unwrap();
    for shown in [
        format!("{ring:?}"),
        format!("{sealed:?}"),
        format!("{opened:?}"),
    ] {
        assert!(!shown.contains(PLANTED), "{shown}");
        assert!(!shown.contains(PLANTED_REFRESH), "{shown}");
        assert!(!shown.contains(text.expose().as_str()), "{shown}");
    }
    for bad in ["", "not base64!", "AAAA"] {
        let err = Kek::from_base64(bad, "DEPUTY_VAULT_KEY").unwrap_err();
        assert!(err.to_string().contains("DEPUTY_VAULT_KEY"), "{err}");
    }
}
