use deputy_core::Secret;
use deputy_identity::fake::{self, CLIENT_ID, CLIENT_SECRET};
use deputy_identity::{
    CallbackListener, Endpoints, OAuthClient, OAuthError, ProviderKind, RefreshGate, TokenSet,
};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

fn scopes(kind: ProviderKind) -> Vec<String> {
    let s: &[&str] = match kind {
        ProviderKind::Github => &["repo", "workflow"],
        ProviderKind::Atlassian => &["read:jira-work", "write:jira-work"],
        ProviderKind::Microsoft => &["https://graph.microsoft.com/ChannelMessage.Send"],
        ProviderKind::Slack => &["chat:write", "channels:history"],
        ProviderKind::Google => &["https://www.googleapis.com/auth/calendar.events"],
        ProviderKind::Zoom => &["meeting:write"],
    };
    s.iter().map(|s| s.to_string()).collect()
}

fn client(kind: ProviderKind, base: &url::Url, redirect: &str) -> OAuthClient {
    let endpoints = Endpoints::of(kind.spec(), "common", CLIENT_ID)
        .unwrap()
        .rebased(base)
        .unwrap();
    OAuthClient::new(
        kind,
        CLIENT_ID,
        Secret::from_str_copy(CLIENT_SECRET),
        redirect,
        endpoints,
        crate::http(),
    )
}

/// Runs the whole connect flow: authorize URL, the browser's visit, the loopback redirect,
/// the code exchange.
async fn connect(kind: ProviderKind, base: &url::Url) -> (OAuthClient, TokenSet) {
    let listener = CallbackListener::bind(0).await.unwrap();
    let client = client(kind, base, &listener.redirect_uri());
    let request = client.authorize(&scopes(kind)).unwrap();
    let url = request.url.clone();
    let state = request.state.clone();
    let waiting = tokio::spawn(async move { listener.wait(&state, Duration::from_secs(10)).await });
    let page = crate::http().get(url).send().await.unwrap();
    assert_eq!(page.status(), 200);
    assert!(page.text().await.unwrap().contains("Connected"));
    let code = waiting.await.unwrap().unwrap();
    let tokens = client.exchange_code(&code, &request).await.unwrap();
    (client, tokens)
}

#[tokio::test]
async fn every_provider_connects_refreshes_and_revokes() {
    for kind in ProviderKind::ALL {
        let (base, fake) = fake::serve(kind).await;
        let (client, tokens) = connect(kind, &base).await;
        let name = kind.name();
        assert!(
            tokens.access_token.expose().starts_with("fake-access-"),
            "{name}"
        );
        let refresh = tokens
            .refresh_token
            .unwrap_or_else(|| panic!("{name}: no refresh token"));
        for s in scopes(kind) {
            assert!(tokens.scopes.contains(&s), "{name}: {:?}", tokens.scopes);
        }
        assert_eq!(
            tokens.expires_in,
            Some(if kind == ProviderKind::Slack {
                43200
            } else {
                3599
            })
        );
        if kind == ProviderKind::Slack {
            assert_eq!(tokens.extra["team_id"], "T9TK3CUKW");
        }

        let fresh = client.refresh(&refresh, &scopes(kind)).await.unwrap();
        if kind.spec().rotates_refresh_tokens {
            let rotated = fresh
                .refresh_token
                .as_ref()
                .unwrap_or_else(|| panic!("{name}"));
            assert_ne!(rotated.expose(), refresh.expose());
            // The rotated-out token is refused, in the provider's own error shape.
            let err = client.refresh(&refresh, &scopes(kind)).await.unwrap_err();
            assert!(err.is_invalid_grant(), "{name}: {err}");
            match (kind, &err) {
                (ProviderKind::Github, OAuthError::Provider { status, error, .. }) => {
                    assert_eq!((*status, error.as_str()), (200, "bad_refresh_token"))
                }
                (ProviderKind::Slack, OAuthError::Provider { status, error, .. }) => {
                    assert_eq!((*status, error.as_str()), (200, "invalid_refresh_token"))
                }
                (ProviderKind::Atlassian, OAuthError::Provider { status, .. }) => {
                    assert_eq!(*status, 403)
                }
                (_, OAuthError::Provider { status, .. }) => assert_eq!(*status, 400, "{name}"),
                (_, other) => panic!("{name}: {other:?}"),
            }
            client.refresh(rotated, &scopes(kind)).await.unwrap();
        } else {
            assert!(
                fresh.refresh_token.is_none(),
                "Google keeps its refresh token"
            );
            client.refresh(&refresh, &scopes(kind)).await.unwrap();
        }

        if kind == ProviderKind::Atlassian {
            let sites = client
                .accessible_resources(&fresh.access_token)
                .await
                .unwrap();
            assert_eq!(sites[0].id, "1324a887-45db-1bf4-1e99-ef0ff456d421");
        }
        if kind == ProviderKind::Microsoft {
            let reqs = fake.requests.lock().unwrap().clone();
            assert!(reqs.iter().all(|r| r.contains_key("scope")), "{reqs:?}");
        }

        let revoked = client.revoke(&fresh.access_token).await;
        match kind {
            ProviderKind::Microsoft | ProviderKind::Atlassian => {
                assert!(
                    matches!(revoked, Err(OAuthError::RevokeUnsupported(_))),
                    "{name}"
                )
            }
            _ => {
                revoked.unwrap_or_else(|e| panic!("{name}: {e}"));
                assert_eq!(fake.revoked.lock().unwrap().len(), 1, "{name}");
                assert!(client.revoke(&fresh.access_token).await.is_err(), "{name}");
            }
        }
        // Nothing the client reports shows a token.
        let shown = format!("{client:?} {fresh:?}");
        assert!(
            !shown.contains("fake-access-") && !shown.contains(CLIENT_SECRET),
            "{shown}"
        );
    }
}

#[tokio::test]
async fn the_authorize_url_carries_pkce_state_and_each_providers_parameters() {
    let base = url::Url::parse("http://127.0.0.1:9/").unwrap();
    for kind in ProviderKind::ALL {
        let c = client(kind, &base, "http://127.0.0.1:8765/callback");
        let r = c.authorize(&scopes(kind)).unwrap();
        let q: std::collections::HashMap<String, String> =
            r.url.query_pairs().into_owned().collect();
        assert_eq!(q["code_challenge_method"], "S256");
        assert_eq!(
            q["code_challenge"],
            deputy_identity::Pkce::from_verifier(Secret::from_str_copy(r.pkce.verifier.expose()))
                .challenge
        );
        assert_eq!(q["state"], r.state);
        assert!(r.state.len() >= 32);
        assert_eq!(q["redirect_uri"], "http://127.0.0.1:8765/callback");
        match kind {
            ProviderKind::Slack => assert_eq!(q["scope"], "chat:write,channels:history"),
            ProviderKind::Atlassian => {
                assert!(q["scope"].ends_with(" offline_access"));
                assert_eq!(q["audience"], "api.atlassian.com");
                assert_eq!(q["prompt"], "consent");
            }
            ProviderKind::Microsoft => {
                assert!(q["scope"].contains("offline_access"));
                assert_eq!(q["response_mode"], "query");
                assert!(r.url.path().starts_with("/common/oauth2/v2.0/authorize"));
            }
            ProviderKind::Google => {
                assert_eq!(q["access_type"], "offline");
                assert_eq!(q["prompt"], "consent");
            }
            _ => {}
        }
        assert!(!r.url.as_str().contains(r.pkce.verifier.expose().as_str()));
    }
    let again = client(ProviderKind::Github, &base, "x")
        .authorize(&[])
        .unwrap();
    let once = client(ProviderKind::Github, &base, "x")
        .authorize(&[])
        .unwrap();
    assert_ne!(again.state, once.state);
    assert_ne!(again.pkce.challenge, once.pkce.challenge);
}

#[tokio::test]
async fn pkce_and_state_are_enforced() {
    let (base, _fake) = fake::serve(ProviderKind::Github).await;
    let listener = CallbackListener::bind(0).await.unwrap();
    let redirect = listener.redirect_uri();
    let c = client(ProviderKind::Github, &base, &redirect);
    let request = c.authorize(&scopes(ProviderKind::Github)).unwrap();
    let state = request.state.clone();
    let waiting = tokio::spawn(async move { listener.wait(&state, Duration::from_secs(10)).await });
    crate::http().get(request.url.clone()).send().await.unwrap();
    let code = waiting.await.unwrap().unwrap();
    // Another flow's verifier does not redeem this code (GitHub: an error with HTTP 200).
    let other = c.authorize(&[]).unwrap();
    let stolen = deputy_identity::AuthorizationRequest {
        scopes: request.scopes.clone(),
        ..other
    };
    let err = c.exchange_code(&code, &stolen).await.unwrap_err();
    assert!(
        matches!(&err, OAuthError::Provider { status: 200, error, .. } if error == "bad_verification_code"),
        "{err}"
    );
    // And the code was single-use: the right verifier is too late now.
    assert!(
        c.exchange_code(&code, &request)
            .await
            .unwrap_err()
            .is_invalid_grant()
    );

    // A redirect with another state, or a refusal, never yields a code.
    for (query, want) in [
        ("code=x&state=forged", "state"),
        ("code=x", "state"),
        (
            "error=access_denied&error_description=The+user+denied&state=S",
            "access_denied",
        ),
    ] {
        let listener = CallbackListener::bind(0).await.unwrap();
        let url = format!("{}?{query}", listener.redirect_uri());
        let waiting =
            tokio::spawn(async move { listener.wait("S", Duration::from_secs(10)).await });
        // Noise first: only /callback counts.
        let favicon = url.replace("/callback", "/favicon.ico");
        assert_eq!(
            crate::http().get(favicon).send().await.unwrap().status(),
            404
        );
        assert_eq!(crate::http().get(url).send().await.unwrap().status(), 400);
        let err = waiting.await.unwrap().unwrap_err();
        assert!(err.to_string().contains(want), "{err}");
    }
    let listener = CallbackListener::bind(0).await.unwrap();
    let err = listener
        .wait("S", Duration::from_millis(50))
        .await
        .unwrap_err();
    assert!(err.to_string().contains("timed out"));

    // Wrong client credentials: GitHub again answers 200 with an error.
    let wrong = OAuthClient::new(
        ProviderKind::Github,
        CLIENT_ID,
        Secret::from_str_copy("wrong"),
        redirect,
        Endpoints::of(ProviderKind::Github.spec(), "", CLIENT_ID)
            .unwrap()
            .rebased(&base)
            .unwrap(),
        crate::http(),
    );
    let err = wrong
        .refresh(&Secret::from_str_copy("x"), &[])
        .await
        .unwrap_err();
    assert!(
        matches!(&err, OAuthError::Provider { status: 200, error, .. } if error == "incorrect_client_credentials")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_refreshers_use_a_rotating_refresh_token_once() {
    for kind in [ProviderKind::Atlassian, ProviderKind::Zoom] {
        let (base, fake) = fake::serve(kind).await;
        let (client, tokens) = connect(kind, &base).await;
        let client = Arc::new(client);

        // Without the gate, eight refreshers race with one token: one wins, seven break.
        let shared = Arc::new(tokens.refresh_token.unwrap());
        let mut racers = Vec::new();
        for _ in 0..8 {
            let (c, t) = (client.clone(), shared.clone());
            racers.push(tokio::spawn(async move { c.refresh(&t, &[]).await }));
        }
        let mut won = None;
        let mut broken = 0;
        for r in racers {
            match r.await.unwrap() {
                Ok(t) => won = Some(t),
                Err(e) if e.is_invalid_grant() => broken += 1,
                Err(e) => panic!("{e}"),
            }
        }
        assert_eq!(broken, 7, "{}", kind.name());

        // With the gate: each refresher re-reads the stored token under the account's lock
        // and refreshes only if no one did meanwhile; the token is used once.
        struct Stored {
            refresh: Secret<String>,
            generation: u32,
        }
        let stored = Arc::new(tokio::sync::Mutex::new(Stored {
            refresh: won.unwrap().refresh_token.unwrap(),
            generation: 0,
        }));
        let gate = Arc::new(RefreshGate::new());
        let before = fake.refresh_calls.load(Ordering::SeqCst);
        let mut refreshers = Vec::new();
        for _ in 0..8 {
            let (c, s, g) = (client.clone(), stored.clone(), gate.clone());
            refreshers.push(tokio::spawn(async move {
                let seen = s.lock().await.generation;
                let _held = g.lock("alice/atlassian/default").await;
                let mut s = s.lock().await;
                if s.generation == seen {
                    let t = c.refresh(&s.refresh, &[]).await?;
                    // Store the rotated refresh token before using the new access token.
                    s.refresh = t.refresh_token.unwrap();
                    s.generation += 1;
                }
                Ok::<_, OAuthError>(())
            }));
        }
        for r in refreshers {
            r.await.unwrap().unwrap();
        }
        let calls = fake.refresh_calls.load(Ordering::SeqCst) - before;
        assert!(
            calls >= 1 && calls == stored.lock().await.generation,
            "{calls}"
        );
        // The stored token is the live one.
        client
            .refresh(&stored.lock().await.refresh, &[])
            .await
            .unwrap();
    }
}
