use crate::fake;
use axum::extract::Form;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use deputy_core::Secret;
use deputy_identity::{
    FEDERATED_GRANT, FEDERATED_TOKEN_TYPE, SubjectToken, TokenVaultClient, TokenVaultError,
};
use serde_json::json;
use std::collections::{BTreeSet, HashMap};

const REFRESH: &str = "urn:ietf:params:oauth:token-type:refresh_token";
const ACCESS: &str = "urn:ietf:params:oauth:token-type:access_token";

fn err(status: StatusCode, error: &str, description: &str) -> Response {
    (
        status,
        axum::Json(json!({"error": error, "error_description": description})),
    )
        .into_response()
}

/// Auth0's `/oauth/token` for the federated-connection exchange, with the documented
/// request, response and error shapes.
async fn auth0_token(Form(p): Form<HashMap<String, String>>) -> Response {
    let get = |k: &str| p.get(k).map(String::as_str).unwrap_or_default();
    if get("grant_type") != FEDERATED_GRANT {
        return err(
            StatusCode::FORBIDDEN,
            "unsupported_grant_type",
            "Unsupported grant type",
        );
    }
    if get("requested_token_type") != FEDERATED_TOKEN_TYPE {
        return err(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "requested_token_type is invalid",
        );
    }
    match (get("client_id"), get("client_secret")) {
        ("deputy-app", "deputy-secret") => {}
        ("no-grant-app", "deputy-secret") => {
            return err(
                StatusCode::FORBIDDEN,
                "unauthorized_client",
                "Grant type 'urn:auth0:params:oauth:grant-type:token-exchange:federated-connection-access-token' not allowed for the client.",
            );
        }
        _ => return err(StatusCode::UNAUTHORIZED, "invalid_client", "Unauthorized"),
    }
    let subject_ok = matches!(
        (get("subject_token_type"), get("subject_token")),
        (REFRESH, "auth0-refresh-good") | (ACCESS, "auth0-access-good")
    );
    if !subject_ok {
        return err(
            StatusCode::UNAUTHORIZED,
            "invalid_grant",
            "Unknown or invalid refresh token.",
        );
    }
    match get("connection") {
        "github" => axum::Json(json!({
            "access_token": "gho_fakeFederatedProviderToken0001",
            "scope": "repo read:user",
            "expires_in": 3600,
            "issued_token_type": FEDERATED_TOKEN_TYPE,
            "token_type": "Bearer"
        }))
        .into_response(),
        "google-oauth2" => err(
            StatusCode::UNAUTHORIZED,
            "federated_connection_refresh_token_flow_failed",
            "Failed to refresh the federated connection access token.",
        ),
        "boom" => (StatusCode::INTERNAL_SERVER_ERROR, "upstream error").into_response(),
        _ => err(
            StatusCode::UNAUTHORIZED,
            "federated_connection_refresh_token_not_found",
            "Federated connection Refresh Token not found.",
        ),
    }
}

fn scopes(s: &[&str]) -> BTreeSet<String> {
    s.iter().map(|s| s.to_string()).collect()
}

#[tokio::test]
async fn each_exchange_failure_maps_to_its_typed_error() {
    let base =
        fake::start(axum::Router::new().route("/oauth/token", axum::routing::post(auth0_token)))
            .await;
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
