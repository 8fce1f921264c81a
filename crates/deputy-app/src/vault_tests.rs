//! The vault's use-cases end to end on every backend: leases, rotation, and a planted
//! secret that must never show up anywhere but in the redeemed lease.

use crate::{App, AppError, Config, ConfigOverrides};
use deputy_core::{Actor, ManualClock, Secret};
use deputy_vault::{CredentialId, VaultError};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::sync::{Arc, Mutex};
use time::macros::datetime;

const PLANTED: &str = "ghp_PLANTEDappSECRETvalue1234567890ABCDEF";

fn scopes(s: &[&str]) -> BTreeSet<String> {
    s.iter().map(|s| s.to_string()).collect()
}

/// Everything written through `tracing`, at trace level.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

async fn open(url: &str, dir: &std::path::Path, clock: &ManualClock) -> App {
    let overrides = ConfigOverrides {
        config_path: None,
        data_dir: Some(dir.to_owned()),
        database_url: Some(url.to_owned()),
        actor: Some("alice".into()),
    };
    let env = BTreeMap::from([
        ("DEPUTY_CONFIG".to_owned(), String::new()),
        (
            "DEPUTY_VAULT_KEY_FILE".to_owned(),
            dir.join("vault.key").display().to_string(),
        ),
    ]);
    let config = Config::load_from(&overrides, &env).unwrap();
    App::open(config, Arc::new(clock.clone())).await.unwrap()
}

#[test]
fn a_planted_secret_is_only_ever_seen_through_a_lease() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        for db in deputy_testkit::all_backends("vault use-cases").await {
            let dir = tempfile::tempdir().unwrap();
            let clock = ManualClock::new(datetime!(2026-03-01 12:00 UTC));
            let app = open(&db.url, dir.path(), &clock).await;
            let key = dir.path().join("vault.key");
            assert!(matches!(app.connections().await, Ok(v) if v.is_empty()));
            // No key yet: a clear error, before anything is stored.
            let err = app
                .store_api_token(
                    "github",
                    "default",
                    Secret::from_str_copy(PLANTED),
                    scopes(&["repo"]),
                )
                .await
                .unwrap_err();
            assert!(err.to_string().contains("deputy init"), "{err}");
            assert!(crate::vault::ensure_key_file(&key).unwrap());
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let mode = std::fs::metadata(&key).unwrap().permissions().mode();
                assert_eq!(mode & 0o777, 0o600);
                std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o644)).unwrap();
                let err = app
                    .store_api_token(
                        "github",
                        "default",
                        Secret::from_str_copy(PLANTED),
                        scopes(&["repo"]),
                    )
                    .await
                    .unwrap_err();
                assert!(err.to_string().contains("chmod 600"), "{err}");
                std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o600)).unwrap();
            }

            let meta = app
                .store_api_token(
                    "github",
                    "default",
                    Secret::from_str_copy(&format!("{PLANTED}\n")),
                    scopes(&["repo", "workflow"]),
                )
                .await
                .unwrap();
            assert_eq!(meta.scopes, scopes(&["repo", "workflow"]));
            let cred = CredentialId::new("alice", "github", "default");
            let agent = Actor {
                kind: deputy_core::ActorKind::Agent,
                id: "planner".into(),
            };

            // A lease for granted scopes redeems once, for the token.
            let lease = app
                .issue_lease(&agent, cred.clone(), scopes(&["repo"]))
                .await
                .unwrap();
            let token = app
                .redeem_lease(&agent, &lease.id, &scopes(&["repo"]))
                .await
                .unwrap();
            assert_eq!(token.expose(), PLANTED);
            let again = app
                .redeem_lease(&agent, &lease.id, &scopes(&["repo"]))
                .await;
            assert!(
                matches!(again, Err(AppError::Vault(VaultError::LeaseUsed(_)))),
                "{again:?}"
            );

            // Wider scopes are refused at issue and at redemption; no lease is issued.
            let before = app.store.lease_count().await.unwrap();
            let wide = app
                .issue_lease(&agent, cred.clone(), scopes(&["repo", "admin:org"]))
                .await;
            assert!(matches!(
                wide,
                Err(AppError::Vault(VaultError::ScopesNotGranted { .. }))
            ));
            assert_eq!(app.store.lease_count().await.unwrap(), before);
            let narrow = app
                .issue_lease(&agent, cred.clone(), scopes(&["repo"]))
                .await
                .unwrap();
            let wider = app
                .redeem_lease(&agent, &narrow.id, &scopes(&["workflow"]))
                .await;
            assert!(matches!(
                wider,
                Err(AppError::Vault(VaultError::LeaseScopes { .. }))
            ));
            // Spent by that attempt.
            let spent = app
                .redeem_lease(&agent, &narrow.id, &scopes(&["repo"]))
                .await;
            assert!(matches!(
                spent,
                Err(AppError::Vault(VaultError::LeaseUsed(_)))
            ));

            // Expiry follows the injected clock (default TTL 60 s).
            let short = app
                .issue_lease(&agent, cred.clone(), scopes(&["repo"]))
                .await
                .unwrap();
            clock.advance(time::Duration::seconds(60));
            let late = app
                .redeem_lease(&agent, &short.id, &scopes(&["repo"]))
                .await;
            assert!(matches!(
                late,
                Err(AppError::Vault(VaultError::LeaseExpired(_)))
            ));
            assert!(
                app.redeem_lease(&agent, "lease_nope", &scopes(&[]))
                    .await
                    .is_err()
            );
            let unknown = CredentialId::new("alice", "slack", "default");
            assert!(app.issue_lease(&agent, unknown, scopes(&[])).await.is_err());

            // Rotation re-wraps; the token still comes out, and the old key is kept aside.
            let before = app.store.credential(&cred).await.unwrap().unwrap();
            let r = app.rotate_vault_key().await.unwrap();
            assert_eq!(r.credentials, 1);
            assert_ne!(r.old_key, r.new_key);
            let after = app.store.credential(&cred).await.unwrap().unwrap();
            assert_eq!(after.sealed.ciphertext, before.sealed.ciphertext);
            assert_ne!(after.sealed.wrapped_key, before.sealed.wrapped_key);
            assert_eq!(after.sealed.kek_id, r.new_key);
            assert!(dir.path().join("vault.key.previous").exists());
            assert!(!dir.path().join("vault.key.next").exists());
            let lease = app
                .issue_lease(&agent, cred.clone(), scopes(&["workflow"]))
                .await
                .unwrap();
            let token = app
                .redeem_lease(&agent, &lease.id, &scopes(&["workflow"]))
                .await
                .unwrap();
            assert_eq!(token.expose(), PLANTED);

            // The audit trail verifies, counts every issued lease, and never holds the token.
            let verified = app.audit_verify().await.unwrap().unwrap();
            let mut exported = String::new();
            let mut issued = 0;
            app.audit_events(0, |e| {
                if e.event.action == "vault.lease.issue" && e.event.outcome == "issued" {
                    issued += 1;
                }
                exported.push_str(&serde_json::to_string(&e).unwrap());
                Ok(())
            })
            .await
            .unwrap();
            assert_eq!(issued, app.store.lease_count().await.unwrap());
            assert!(verified.events >= 12, "{verified:?}");
            assert!(exported.contains("vault.key.rotate"));
            assert!(!exported.contains(PLANTED));
            for shown in [
                format!("{:?}", app.connections().await.unwrap()),
                serde_json::to_string(&app.connections().await.unwrap()).unwrap(),
                format!("{after:?}"),
                format!("{token:?}"),
                format!("{lease:?}"),
            ] {
                assert!(!shown.contains(PLANTED), "{shown}");
            }

            app.revoke_connection("github", "default").await.unwrap();
            assert!(app.connections().await.unwrap().is_empty());
            assert!(app.revoke_connection("github", "default").await.is_err());
            app.close().await;
            if db.backend == "sqlite" {
                for file in std::fs::read_dir(
                    db.url
                        .trim_start_matches("sqlite://")
                        .rsplit_once('/')
                        .unwrap()
                        .0,
                )
                .unwrap()
                {
                    let bytes = std::fs::read(file.unwrap().path()).unwrap();
                    assert!(
                        !bytes
                            .windows(PLANTED.len())
                            .any(|w| w == PLANTED.as_bytes())
                    );
                }
            }
            db.cleanup().await;
        }
    });
    let logs = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(
        logs.contains("TRACE") || logs.contains("DEBUG"),
        "logs were captured"
    );
    assert!(!logs.contains(PLANTED), "the token appears in the logs");
}
