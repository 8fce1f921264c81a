//! `deputy init`'s vault key, `deputy connect --token-stdin`, `deputy connections`,
//! `deputy vault rotate-key` and `deputy audit`: a planted token never shows in any output,
//! log or the database file.

use crate::support::Deputy;
use std::io::Write;
use std::process::{Command, Stdio};

const PLANTED: &str = "ghp_PLANTEDcliSECRETvalue0987654321ZYXWVU";

/// Runs `deputy` like `Deputy::run`, with `stdin` on standard input.
fn run_with_stdin(d: &Deputy, args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_deputy"))
        .args(args)
        .env_remove("DEPUTY_DATABASE_URL")
        .env_remove("DEPUTY_VAULT_KEY")
        .env("DEPUTY_DATA_DIR", d.path("data"))
        .env("DEPUTY_CONFIG", d.path("deputy.toml"))
        .env("USER", "tester")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_stored_token_never_shows_and_the_audit_trail_verifies() {
    let d = Deputy::sqlite();
    let init = d.run(&["init", "--force"]).ok();
    assert!(init.stdout.contains("created vault key"), "{}", init.stdout);
    let key = d.path("data").join("vault.key");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    let (code, stdout, stderr) = run_with_stdin(
        &d,
        &[
            "-vvv",
            "connect",
            "github",
            "--token-stdin",
            "--scopes",
            "repo,workflow",
        ],
        &format!("{PLANTED}\n"),
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("stored github connection `default`"),
        "{stdout}"
    );
    let mut shown = vec![stdout, stderr];

    for args in [
        &["-vvv", "connections", "list"][..],
        &["--format", "json", "connections", "list"],
        &["audit", "tail"],
        &["--format", "json", "audit", "tail"],
        &["audit", "export", "--format", "jsonl"],
        &["--format", "json", "audit", "verify"],
        &["vault", "rotate-key"],
        &["-vvv", "connections", "list"],
    ] {
        let run = d.run(args).ok();
        if !args.contains(&"json") && !args.contains(&"export") {
            crate::support::assert_fits(&run.stdout);
        }
        shown.push(run.stdout);
        shown.push(run.stderr);
    }
    let list = d
        .run(&["--format", "json", "connections", "list"])
        .ok()
        .json();
    assert_eq!(list[0]["provider"], "github");
    assert_eq!(list[0]["kind"], "api_token");
    assert_eq!(list[0]["scopes"], serde_json::json!(["repo", "workflow"]));
    let verify = d.run(&["--format", "json", "audit", "verify"]).ok().json();
    assert_eq!(verify["ok"], true);
    assert_eq!(verify["events"], 2, "store and rotate");
    let export = d.run(&["audit", "export"]).ok().stdout;
    let actions: Vec<String> = export
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["action"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(actions, ["vault.credential.store", "vault.key.rotate"]);
    assert!(d.path("data").join("vault.key.previous").exists());

    for text in &shown {
        assert!(!text.contains(PLANTED), "the token was shown: {text}");
    }
    for entry in std::fs::read_dir(d.path("data")).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        assert!(
            !bytes
                .windows(PLANTED.len())
                .any(|w| w == PLANTED.as_bytes())
        );
    }

    d.run(&["connections", "revoke", "github"]).ok();
    let gone = d.run(&["connections", "revoke", "github"]);
    assert_eq!(gone.code, 2);
    assert!(gone.stderr.contains("no connection"), "{}", gone.stderr);
}

#[test]
fn a_key_file_others_can_read_is_refused() {
    let d = Deputy::sqlite();
    d.run(&["vault", "init"]).ok();
    let key = d.path("data").join("vault.key");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o644)).unwrap();
        let (code, _, stderr) =
            run_with_stdin(&d, &["connect", "github", "--token-stdin"], PLANTED);
        assert_eq!(code, 2);
        assert!(
            stderr.contains("readable by others") && stderr.contains("chmod 600"),
            "{stderr}"
        );
        assert!(!stderr.contains(PLANTED));
    }
    let empty = d.run(&["audit", "verify"]).ok();
    assert!(
        empty.stdout.contains("verified: 0 events"),
        "{}",
        empty.stdout
    );
    let bad = d.run(&["--format", "csv", "audit", "export"]);
    assert_eq!(bad.code, 2);
}

#[test]
fn audit_tail_follows_new_events() {
    let d = Deputy::sqlite();
    d.run(&["vault", "init"]).ok();
    d.run(&["audit", "verify"]).ok();
    let mut tail = Command::new(env!("CARGO_BIN_EXE_deputy"))
        .args(["--format", "json", "audit", "tail", "--follow"])
        .env_remove("DEPUTY_DATABASE_URL")
        .env("DEPUTY_DATA_DIR", d.path("data"))
        .env("DEPUTY_CONFIG", d.path("deputy.toml"))
        .env("USER", "tester")
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let (code, _, stderr) =
        run_with_stdin(&d, &["connect", "zoom", "--token-stdin"], "zoom-fake-token");
    assert_eq!(code, 0, "{stderr}");
    let mut lines = std::io::BufRead::lines(std::io::BufReader::new(tail.stdout.take().unwrap()));
    let line = lines.next().unwrap().unwrap();
    let _ = tail.kill();
    let _ = tail.wait();
    let event: serde_json::Value = serde_json::from_str(&line).unwrap();
    assert_eq!(event["seq"], 1);
    assert_eq!(event["action"], "vault.credential.store");
    assert_eq!(event["target"], "connection:tester/zoom/default");
    assert!(!line.contains("zoom-fake-token"));
}
