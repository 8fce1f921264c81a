//! `deputy auth0 snapshot`: read a tenant through the Management API into a snapshot.

use crate::args::GlobalArgs;
use anyhow::Context;
use clap::{Args, Subcommand};
use deputy_app::auth0::{ClientSecret, LiveOptions, read_auth0_live};
use deputy_core::SystemClock;
use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

#[derive(Debug, Subcommand)]
pub enum Auth0Command {
    /// Read a tenant through the Management API and print Deputy's snapshot JSON
    /// (docs/auth0-snapshot.md). The client secret comes from `DEPUTY_AUTH0_CLIENT_SECRET`
    /// or, when that is unset, the first line of standard input.
    Snapshot {
        #[command(flatten)]
        live: LiveArgs,
        /// Write the snapshot here instead of standard output.
        #[arg(short = 'o', long = "out", value_name = "FILE")]
        out: Option<PathBuf>,
    },
}

/// How to reach a tenant live.
#[derive(Debug, Clone, Args)]
pub struct LiveArgs {
    /// The tenant's canonical domain, e.g. `acme.eu.auth0.com` (the token audience).
    #[arg(long, value_name = "DOMAIN")]
    pub domain: Option<String>,
    /// The M2M application's client id (it needs the read scopes in docs/auth0-scan.md).
    #[arg(long, env = "DEPUTY_AUTH0_CLIENT_ID", value_name = "ID")]
    pub client_id: Option<String>,
    /// Send requests to this host (a custom domain) when the canonical one is blocked.
    #[arg(long, value_name = "HOST")]
    pub custom_domain: Option<String>,
    /// For tests: a base URL such as `http://127.0.0.1:8080` (plain http only on loopback).
    #[arg(long, hide = true, value_name = "URL")]
    pub base_url: Option<String>,
    /// Per-request timeout in seconds.
    #[arg(long, default_value_t = 30, value_name = "SECONDS")]
    pub timeout: u64,
}

impl LiveArgs {
    /// Builds the live options, reading the secret from the environment or stdin.
    pub fn options(&self) -> anyhow::Result<LiveOptions> {
        let domain = self
            .domain
            .as_deref()
            .context("give `--domain` (the tenant's canonical domain)")?;
        let client_id = self
            .client_id
            .as_deref()
            .context("give `--client-id` or set `DEPUTY_AUTH0_CLIENT_ID`")?;
        let secret = match std::env::var("DEPUTY_AUTH0_CLIENT_SECRET") {
            Ok(s) if !s.is_empty() => s,
            _ => {
                let stdin = std::io::stdin();
                if stdin.is_terminal() {
                    eprint!("client secret (not echoed to the log): ");
                }
                let mut line = String::new();
                stdin
                    .lock()
                    .read_line(&mut line)
                    .context("cannot read the client secret from standard input")?;
                let s = line.trim_end_matches(['\r', '\n']).to_owned();
                anyhow::ensure!(
                    !s.is_empty(),
                    "no client secret: set `DEPUTY_AUTH0_CLIENT_SECRET` or pass it on standard input"
                );
                s
            }
        };
        let mut o = LiveOptions::new(domain, client_id, ClientSecret::new(secret));
        o.custom_domain = self.custom_domain.clone();
        o.base_url = self.base_url.clone();
        o.timeout = Duration::from_secs(self.timeout.max(1));
        Ok(o)
    }
}

pub async fn run(
    _g: &GlobalArgs,
    cmd: &Auth0Command,
    out: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    match cmd {
        Auth0Command::Snapshot { live, out: file } => {
            let options = live.options()?;
            let read = read_auth0_live(&options, Arc::new(SystemClock)).await?;
            let text = serde_json::to_string_pretty(&read.snapshot.to_value())?;
            match file {
                Some(path) => std::fs::write(path, format!("{text}\n"))
                    .with_context(|| format!("cannot write `{}`", path.display()))?,
                None => writeln!(out, "{text}")?,
            }
            eprintln!("read the tenant in {} requests", read.requests);
            Ok(ExitCode::SUCCESS)
        }
    }
}
