use deputy_core::Secret;
use deputy_identity::fake;
use deputy_identity::{SubjectToken, TokenVaultClient, TokenVaultError};
use std::collections::BTreeSet;

fn scopes(s: &[&str]) -> BTreeSet<String> {
    s.iter().map(|s| s.to_string()).collect()
}

#[tokio::test]
async fn each_exchange_failure_maps_to_its_typed_error() {
    let base = fake::serve_auth0().await;
    let token_url = base.join("oauth/token").unwrap();
    let client = |id: &str, secret: &str| {
        TokenVaultClient::new(
            token_url.clone(),
            id,
            Secret::from_str_copy(secret),
            "https://deputy.example.com/connections/{connection}/connect",
            crate::http(),
        )
    };
    let good = client("deputy-app", "deputy-secret");
    let refresh = SubjectToken::Refresh(Secret::from_str_copy("auth0-refresh-good"));

    let t = good
        .exchange(&refresh, "github", None, &scopes(&["repo"]))
        .await
        .unwrap();
    assert_eq!(
        t.access_token.expose(),
        "gho_fakeFederatedProviderToken0001"
    );
    assert_eq!(t.scopes, scopes(&["repo", "read:user"]));
    assert_eq!(t.expires_in, Some(3600));
    assert!(!format!("{t:?}").contains("gho_fake"));
    let access = SubjectToken::Access(Secret::from_str_copy("auth0-access-good"));
    good.exchange(&access, "github", Some("12345"), &scopes(&[]))
        .await
        .unwrap();

    match good
        .exchange(&refresh, "github", None, &scopes(&["repo", "workflow"]))
        .await
    {
        Err(TokenVaultError::ConsentRequired {
            connection,
            missing_scopes,
            reconnect_url,
            ..
        }) => {
            assert_eq!(connection, "github");
            assert_eq!(missing_scopes, scopes(&["workflow"]));
            assert_eq!(
                reconnect_url,
                "https://deputy.example.com/connections/github/connect"
            );
        }
        other => panic!("{other:?}"),
    }
    match good
        .exchange(
            &refresh,
            "sign-in-with-slack",
            None,
            &scopes(&["chat:write"]),
        )
        .await
    {
        Err(e @ TokenVaultError::ConsentRequired { .. }) => {
            assert!(
                e.to_string()
                    .contains("connections/sign-in-with-slack/connect"),
                "{e}"
            );
            assert!(e.to_string().contains("no connected account"), "{e}");
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        good.exchange(&refresh, "google-oauth2", None, &scopes(&[]))
            .await,
        Err(TokenVaultError::ConsentRequired { .. })
    ));
    let expired = SubjectToken::Refresh(Secret::from_str_copy("auth0-refresh-revoked"));
    assert_eq!(
        good.exchange(&expired, "github", None, &scopes(&[]))
            .await
            .unwrap_err(),
        TokenVaultError::SubjectTokenInvalid {
            error: "invalid_grant".into()
        }
    );
    assert_eq!(
        client("no-grant-app", "deputy-secret")
            .exchange(&refresh, "github", None, &scopes(&[]))
            .await
            .unwrap_err(),
        TokenVaultError::GrantNotAllowed {
            error: "unauthorized_client".into()
        }
    );
    assert_eq!(
        client("deputy-app", "wrong")
            .exchange(&refresh, "github", None, &scopes(&[]))
            .await
            .unwrap_err(),
        TokenVaultError::ClientAuthFailed {
            error: "invalid_client".into()
        }
    );
    assert!(matches!(
        good.exchange(&refresh, "boom", None, &scopes(&[])).await,
        Err(TokenVaultError::Other { status: 500, .. })
    ));
}
