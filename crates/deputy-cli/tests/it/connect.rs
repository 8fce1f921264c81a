//! `deputy connect PROVIDER` through the binary: it prints the authorize URL, takes the
//! redirect on its loopback listener, and stores the tokens — against the fake provider.

use crate::support::Deputy;
use deputy_identity::ProviderKind;
use deputy_identity::fake::{self, CLIENT_ID, CLIENT_SECRET};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connect_runs_the_oauth_flow_and_revoke_reaches_the_provider() {
    let _ = rustls::crypto::aws_lc_rs::default_provider().install_default();
    let (base, fake) = fake::serve(ProviderKind::Github).await;
    let d = Deputy::sqlite();
    std::fs::write(
        d.path("deputy.toml"),
        format!(
            "version = 1\n[oauth.github]\nclient_id = \"{CLIENT_ID}\"\nbase_url = \"{base}\"\nredirect_port = 0\n"
        ),
    )
    .unwrap();
    d.run(&["vault", "init"]).ok();
    let mut child = Command::new(env!("CARGO_BIN_EXE_deputy"))
        .args(["connect", "github", "--scopes", "repo,workflow"])
        .env_remove("DEPUTY_DATABASE_URL")
        .env_remove("DEPUTY_VAULT_KEY")
        .env("DEPUTY_DATA_DIR", d.path("data"))
        .env("DEPUTY_CONFIG", d.path("deputy.toml"))
        .env("DEPUTY_OAUTH_GITHUB_CLIENT_SECRET", CLIENT_SECRET)
        .env("USER", "tester")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    assert!(first.contains("open this URL"), "{first}");
    let url = lines.next().unwrap().unwrap();
    assert!(
        url.contains("code_challenge_method=S256") && url.contains("state="),
        "{url}"
    );

    // The person's browser.
    let http = deputy_identity::http_client().unwrap();
    let consent = http.get(&url).send().await.unwrap();
    let to = consent.headers()["location"].to_str().unwrap().to_owned();
    assert!(to.starts_with("http://127.0.0.1:"), "{to}");
    let page = http.get(&to).send().await.unwrap();
    assert_eq!(page.status().as_u16(), 200);

    let rest: Vec<String> = lines.map(|l| l.unwrap()).collect();
    let status = child.wait().unwrap();
    assert!(status.success(), "{rest:?}");
    assert!(
        rest.join("\n")
            .contains("stored github connection `default` for tester (oauth)")
    );

    let list = d
        .run(&["--format", "json", "connections", "list"])
        .ok()
        .json();
    assert_eq!(list[0]["kind"], "oauth");
    assert_eq!(list[0]["has_refresh_token"], true);
    let issued: Vec<String> = fake.access_tokens.lock().unwrap().iter().cloned().collect();
    let shown = format!(
        "{}{}{}",
        d.run(&["-vvv", "connections", "list"]).ok().stderr,
        d.run(&["audit", "export"]).ok().stdout,
        rest.join("\n")
    );
    for token in &issued {
        assert!(!shown.contains(token.as_str()), "token shown");
    }
    let revoke = Command::new(env!("CARGO_BIN_EXE_deputy"))
        .args(["connections", "revoke", "github"])
        .env_remove("DEPUTY_DATABASE_URL")
        .env("DEPUTY_DATA_DIR", d.path("data"))
        .env("DEPUTY_CONFIG", d.path("deputy.toml"))
        .env("DEPUTY_OAUTH_GITHUB_CLIENT_SECRET", CLIENT_SECRET)
        .env("USER", "tester")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&revoke.stdout);
    assert!(stdout.contains("at the provider: revoked"), "{stdout}");
    assert_eq!(fake.revoked.lock().unwrap().len(), 1);

    // A provider without a configured client: a clear error, and no listener.
    let bad = d.run(&["connect", "slack"]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("[oauth.slack]"), "{}", bad.stderr);
}
