//! Connected accounts end to end against the fake providers of `deputy-identity`: the OAuth
//! flow through the loopback listener, refresh before expiry with concurrent users of one
//! rotating refresh token, revocation at the provider, and Auth0 Token Vault connections.

use crate::{App, AppError, Config, ConfigOverrides};
use deputy_core::{Actor, ActorKind, ManualClock};
use deputy_identity::fake::{self, CLIENT_ID, CLIENT_SECRET};
use deputy_identity::{ProviderKind, TokenVaultError};
use deputy_vault::{CredentialId, CredentialKind};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use time::macros::datetime;

fn scopes(s: &[&str]) -> BTreeSet<String> {
    s.iter().map(|s| s.to_string()).collect()
}

fn agent() -> Actor {
    Actor {
        kind: ActorKind::Agent,
        id: "planner".into(),
    }
}

async fn open(url: &str, dir: &std::path::Path, clock: &ManualClock, toml: &str) -> App {
    let _ = rustls::crypto::aws_lc_rs::default_provider().install_default();
    let file = dir.join("deputy.toml");
    std::fs::write(&file, format!("version = 1\n{toml}")).unwrap();
    let overrides = ConfigOverrides {
        config_path: Some(file),
        data_dir: Some(dir.to_owned()),
        database_url: Some(url.to_owned()),
        actor: Some("alice".into()),
    };
    let env = BTreeMap::from([
        (
            "DEPUTY_OAUTH_GITHUB_CLIENT_SECRET".to_owned(),
            CLIENT_SECRET.to_owned(),
        ),
        (
            "DEPUTY_OAUTH_ATLASSIAN_CLIENT_SECRET".to_owned(),
            CLIENT_SECRET.to_owned(),
        ),
        (
            "DEPUTY_AUTH0_TOKEN_VAULT_CLIENT_SECRET".to_owned(),
            "deputy-secret".to_owned(),
        ),
        (
            "DEPUTY_VAULT_KEY_FILE".to_owned(),
            dir.join("vault.key").display().to_string(),
        ),
    ]);
    let config = Config::load_from(&overrides, &env).unwrap();
    crate::vault::ensure_key_file(&config.vault_key_file).unwrap();
    App::open(config, Arc::new(clock.clone())).await.unwrap()
}

fn oauth_toml(provider: &str, base: &url::Url) -> String {
    format!(
        "[oauth.{provider}]\nclient_id = \"{CLIENT_ID}\"\nbase_url = \"{base}\"\nredirect_port = 0\n"
    )
}

/// The person's browser: visits the authorize URL and follows its redirect to the loopback
/// listener.
fn browser(url: &str) {
    let url = url.to_owned();
    tokio::spawn(async move {
        let http = deputy_identity::http_client().unwrap();
        let consent = http.get(&url).send().await.unwrap();
        let to = consent.headers()["location"].to_str().unwrap().to_owned();
        let page = http.get(&to).send().await.unwrap();
        assert_eq!(page.status().as_u16(), 200);
    });
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_oauth_connection_refreshes_before_expiry_once_for_all_users() {
    for db in deputy_testkit::all_backends("connected accounts").await {
        let (base, fake) = fake::serve(ProviderKind::Github).await;
        let dir = tempfile::tempdir().unwrap();
        let clock = ManualClock::new(datetime!(2026-03-01 12:00 UTC));
        let app = open(&db.url, dir.path(), &clock, &oauth_toml("github", &base)).await;

        let meta = app
            .connect_oauth(
                "github",
                "default",
                &["repo".into(), "workflow".into()],
                browser,
            )
            .await
            .unwrap();
        assert_eq!(meta.kind, CredentialKind::Oauth);
        assert!(meta.has_refresh_token);
        assert_eq!(meta.scopes, scopes(&["repo", "workflow"]));
        assert_eq!(meta.expires_at, Some(datetime!(2026-03-01 12:59:59 UTC)));
        let cred = CredentialId::new("alice", "github", "default");

        let lease = app
            .issue_lease(&agent(), cred.clone(), scopes(&["repo"]))
            .await
            .unwrap();
        let first = app
            .redeem_lease(&agent(), &lease.id, &scopes(&["repo"]))
            .await
            .unwrap();
        assert!(first.expose().starts_with("fake-access-"));
        assert_eq!(fake.refresh_calls.load(Ordering::SeqCst), 0);

        // Within a minute of expiry, eight concurrent users get one refresh between them.
        clock.advance(time::Duration::seconds(3550));
        let mut users = Vec::new();
        for _ in 0..8 {
            let app = app.clone();
            let cred = cred.clone();
            users.push(tokio::spawn(async move {
                let lease = app.issue_lease(&agent(), cred, scopes(&["repo"])).await?;
                app.redeem_lease(&agent(), &lease.id, &scopes(&["repo"]))
                    .await
            }));
        }
        let mut tokens = BTreeSet::new();
        for u in users {
            tokens.insert(u.await.unwrap().unwrap().expose().clone());
        }
        assert_eq!(
            fake.refresh_calls.load(Ordering::SeqCst),
            1,
            "{}",
            db.backend
        );
        assert_eq!(tokens.len(), 1);
        assert!(!tokens.contains(first.expose()));
        let after = app.connections().await.unwrap();
        assert_eq!(
            after[0].expires_at,
            Some(deputy_core::Clock::now(&clock) + time::Duration::seconds(3599))
        );

        // Two instances sharing PostgreSQL (each with its own in-process gate) still
        // refresh once between them. A SQLite database belongs to one process.
        if db.backend == "postgres" {
            let other = open(&db.url, dir.path(), &clock, &oauth_toml("github", &base)).await;
            clock.advance(time::Duration::seconds(3590));
            let before = fake.refresh_calls.load(Ordering::SeqCst);
            let mut users = Vec::new();
            for i in 0..8 {
                let app = if i % 2 == 0 {
                    app.clone()
                } else {
                    other.clone()
                };
                let cred = cred.clone();
                users.push(tokio::spawn(async move {
                    let lease = app.issue_lease(&agent(), cred, scopes(&["repo"])).await?;
                    app.redeem_lease(&agent(), &lease.id, &scopes(&["repo"]))
                        .await
                }));
            }
            for u in users {
                u.await.unwrap().unwrap();
            }
            assert_eq!(fake.refresh_calls.load(Ordering::SeqCst) - before, 1);
            other.close().await;
        }

        // Revoking deletes the connection and revokes the token at GitHub.
        let remote = app.revoke_connection("github", "default").await.unwrap();
        assert_eq!(remote.as_deref(), Some("revoked"));
        assert_eq!(fake.revoked.lock().unwrap().len(), 1);

        let mut actions = Vec::new();
        app.audit_events(0, |e| {
            actions.push(format!("{} {}", e.event.action, e.event.outcome));
            Ok(())
        })
        .await
        .unwrap();
        assert_eq!(
            actions
                .iter()
                .filter(|a| *a == "vault.credential.refresh ok")
                .count(),
            fake.refresh_calls.load(Ordering::SeqCst) as usize
        );
        assert!(actions.contains(&"vault.credential.revoke ok".to_owned()));
        assert!(app.audit_verify().await.unwrap().is_ok());
        app.close().await;
        db.cleanup().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn atlassian_connections_record_their_cloud_ids_and_a_dead_refresh_token_says_reconnect() {
    let db = deputy_testkit::sqlite();
    let (base, fake) = fake::serve(ProviderKind::Atlassian).await;
    let dir = tempfile::tempdir().unwrap();
    let clock = ManualClock::new(datetime!(2026-03-01 12:00 UTC));
    let app = open(&db.url, dir.path(), &clock, &oauth_toml("atlassian", &base)).await;
    let meta = app
        .connect_oauth("atlassian", "default", &["read:jira-work".into()], browser)
        .await
        .unwrap();
    assert_eq!(
        meta.extra["cloud_ids"],
        "1324a887-45db-1bf4-1e99-ef0ff456d421"
    );
    assert!(meta.scopes.contains("offline_access"));
    // The provider forgets the refresh token (90 days unused): a refresh fails and says so.
    fake.refresh_tokens.lock().unwrap().clear();
    clock.advance(time::Duration::hours(2));
    let cred = CredentialId::new("alice", "atlassian", "default");
    let lease = app
        .issue_lease(&agent(), cred, scopes(&["read:jira-work"]))
        .await
        .unwrap();
    let err = app
        .redeem_lease(&agent(), &lease.id, &scopes(&["read:jira-work"]))
        .await
        .unwrap_err();
    assert!(
        matches!(&err, AppError::OAuth(e) if e.is_invalid_grant()),
        "{err}"
    );
    // No OAuth client configured for a provider: a clear error before any browser.
    let err = app
        .connect_oauth("zoom", "default", &[], |_| panic!("no URL"))
        .await
        .unwrap_err();
    assert!(err.to_string().contains("[oauth.zoom]"), "{err}");
    app.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn token_vault_connections_exchange_at_lease_time() {
    for db in deputy_testkit::all_backends("connected accounts").await {
        let base = fake::serve_auth0().await;
        let dir = tempfile::tempdir().unwrap();
        let clock = ManualClock::new(datetime!(2026-03-01 12:00 UTC));
        let toml = format!(
            "[auth0_token_vault]\ntoken_url = \"{}\"\nclient_id = \"deputy-app\"\nreconnect_url = \"https://deputy.example.com/connections/{{connection}}/connect\"\n",
            base.join("oauth/token").unwrap()
        );
        let app = open(&db.url, dir.path(), &clock, &toml).await;
        let subject = deputy_core::Secret::from_str_copy("auth0-refresh-good");
        let meta = app
            .store_token_vault_connection("github", "github", subject, scopes(&["repo"]))
            .await
            .unwrap();
        assert_eq!(meta.kind, CredentialKind::Auth0TokenVault);
        let cred = CredentialId::new("alice", "github", "github");
        let lease = app
            .issue_lease(&agent(), cred, scopes(&["repo"]))
            .await
            .unwrap();
        let token = app
            .redeem_lease(&agent(), &lease.id, &scopes(&["repo"]))
            .await
            .unwrap();
        assert_eq!(token.expose(), "gho_fakeFederatedProviderToken0001");

        let subject = deputy_core::Secret::from_str_copy("auth0-refresh-good");
        app.store_token_vault_connection(
            "slack",
            "sign-in-with-slack",
            subject,
            scopes(&["chat:write"]),
        )
        .await
        .unwrap();
        let cred = CredentialId::new("alice", "slack", "sign-in-with-slack");
        let lease = app
            .issue_lease(&agent(), cred, scopes(&["chat:write"]))
            .await
            .unwrap();
        match app
            .redeem_lease(&agent(), &lease.id, &scopes(&["chat:write"]))
            .await
        {
            Err(AppError::TokenVault(TokenVaultError::ConsentRequired {
                reconnect_url, ..
            })) => {
                assert_eq!(
                    reconnect_url,
                    "https://deputy.example.com/connections/sign-in-with-slack/connect"
                )
            }
            other => panic!("{other:?}"),
        }
        let mut exchanges = Vec::new();
        let mut exported = String::new();
        app.audit_events(0, |e| {
            if e.event.action == "vault.token_vault.exchange" {
                exchanges.push(e.event.outcome.clone());
            }
            exported.push_str(&serde_json::to_string(&e).unwrap());
            Ok(())
        })
        .await
        .unwrap();
        assert_eq!(exchanges, ["ok", "denied"]);
        assert!(!exported.contains("auth0-refresh-good") && !exported.contains("gho_fake"));
        app.close().await;
        db.cleanup().await;
    }
}
