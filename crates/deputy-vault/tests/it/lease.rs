use deputy_vault::{
    CredentialId, CredentialKind, CredentialMeta, DEFAULT_LEASE_TTL, LeaseRequest, VaultError,
    check_redeem, issue_lease,
};
use std::collections::BTreeSet;
use time::Duration;
use time::macros::datetime;

fn scopes(s: &[&str]) -> BTreeSet<String> {
    s.iter().map(|s| s.to_string()).collect()
}

fn meta(expires: Option<time::OffsetDateTime>, refresh: bool) -> CredentialMeta {
    CredentialMeta {
        id: CredentialId::new("alice", "github", "default"),
        kind: CredentialKind::Oauth,
        scopes: scopes(&["repo", "workflow"]),
        expires_at: expires,
        has_refresh_token: refresh,
        extra: Default::default(),
        created_at: datetime!(2026-01-01 0:00 UTC),
        updated_at: datetime!(2026-01-01 0:00 UTC),
    }
}

fn request(s: &[&str]) -> LeaseRequest {
    LeaseRequest {
        credential: CredentialId::new("alice", "github", "default"),
        scopes: scopes(s),
    }
}

#[test]
fn leases_cover_only_granted_scopes_and_live_briefly() {
    let now = datetime!(2026-03-01 12:00 UTC);
    let lease = issue_lease(
        &meta(None, false),
        &request(&["repo"]),
        now,
        DEFAULT_LEASE_TTL,
    )
    .unwrap();
    assert_eq!(lease.expires_at - lease.issued_at, Duration::seconds(60));
    assert!(lease.id.starts_with("lease_") && lease.id.len() == 6 + 32);
    let other = issue_lease(
        &meta(None, false),
        &request(&["repo"]),
        now,
        DEFAULT_LEASE_TTL,
    )
    .unwrap();
    assert_ne!(lease.id, other.id);

    match issue_lease(
        &meta(None, false),
        &request(&["repo", "admin:org"]),
        now,
        DEFAULT_LEASE_TTL,
    ) {
        Err(VaultError::ScopesNotGranted { missing, .. }) => {
            assert_eq!(missing, scopes(&["admin:org"]))
        }
        other => panic!("{other:?}"),
    }
    let expired = meta(Some(now - Duration::minutes(1)), false);
    assert!(matches!(
        issue_lease(&expired, &request(&["repo"]), now, DEFAULT_LEASE_TTL),
        Err(VaultError::CredentialExpired(_))
    ));
    // An expired access token with a refresh token can still be leased (refreshed first).
    assert!(
        issue_lease(
            &meta(Some(now), true),
            &request(&["repo"]),
            now,
            DEFAULT_LEASE_TTL
        )
        .is_ok()
    );
    for ttl in [Duration::ZERO, Duration::hours(2)] {
        assert!(matches!(
            issue_lease(&meta(None, false), &request(&["repo"]), now, ttl),
            Err(VaultError::LeaseTtl(_))
        ));
    }
}

#[test]
fn a_lease_redeems_once_in_time_for_its_scopes() {
    let now = datetime!(2026-03-01 12:00 UTC);
    let lease = issue_lease(
        &meta(None, false),
        &request(&["repo", "workflow"]),
        now,
        DEFAULT_LEASE_TTL,
    )
    .unwrap();
    let later = now + Duration::seconds(59);
    assert!(check_redeem(&lease, true, &scopes(&["repo"]), later).is_ok());
    assert!(check_redeem(&lease, true, &scopes(&[]), later).is_ok());
    assert!(matches!(
        check_redeem(&lease, false, &scopes(&["repo"]), later),
        Err(VaultError::LeaseUsed(_))
    ));
    assert!(matches!(
        check_redeem(
            &lease,
            true,
            &scopes(&["repo"]),
            now + Duration::seconds(60)
        ),
        Err(VaultError::LeaseExpired(_))
    ));
    match check_redeem(&lease, true, &scopes(&["repo", "delete_repo"]), later) {
        Err(VaultError::LeaseScopes { missing, .. }) => {
            assert_eq!(missing, scopes(&["delete_repo"]))
        }
        other => panic!("{other:?}"),
    }
}
