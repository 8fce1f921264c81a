//! `deputy connect <provider> --token-stdin` and `deputy connections list|revoke`.

use crate::args::{GlobalArgs, OutputFormat};
use crate::render::{self, Column, Table};
use anyhow::Context;
use clap::{Args, Subcommand, ValueEnum};
use deputy_app::{App, CredentialMeta};
use deputy_core::Secret;
use std::collections::BTreeSet;
use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;

/// The providers a connection can be stored for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Provider {
    Github,
    Atlassian,
    Microsoft,
    Slack,
    Google,
    Zoom,
}

impl Provider {
    fn name(self) -> &'static str {
        match self {
            Provider::Github => "github",
            Provider::Atlassian => "atlassian",
            Provider::Microsoft => "microsoft",
            Provider::Slack => "slack",
            Provider::Google => "google",
            Provider::Zoom => "zoom",
        }
    }
}

#[derive(Debug, Args)]
pub struct ConnectArgs {
    pub provider: Provider,
    /// Read an API token or personal access token from standard input (never echoed)
    /// instead of running the OAuth flow in a browser.
    #[arg(long)]
    pub token_stdin: bool,
    /// With `--token-stdin`: the token is your Auth0 refresh token and the connection is
    /// backed by Auth0 Token Vault (`--connection` names the Auth0 connection).
    #[arg(long, requires = "token_stdin")]
    pub auth0: bool,
    /// A name for this connection, to keep several accounts of one provider.
    #[arg(long, default_value = "default")]
    pub connection: String,
    /// The scopes the token grants, space- or comma-separated (for example `repo,workflow`).
    #[arg(long, default_value = "")]
    pub scopes: String,
}

#[derive(Debug, Subcommand)]
pub enum ConnectionsCommand {
    /// Your stored connections: provider, name, kind, scopes, expiry (never the token).
    List,
    /// Delete a stored connection and its leases.
    Revoke {
        provider: Provider,
        #[arg(long, default_value = "default")]
        connection: String,
    },
}

pub async fn connect(
    app: &App,
    g: &GlobalArgs,
    args: ConnectArgs,
    out: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    let scopes: BTreeSet<String> = args
        .scopes
        .split([' ', ','])
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    let format = g.output_format()?;
    let meta = if !args.token_stdin {
        let scopes: Vec<String> = scopes.into_iter().collect();
        app.connect_oauth(args.provider.name(), &args.connection, &scopes, |url| {
            // The URL goes to stderr when stdout carries JSON.
            if format == OutputFormat::Json {
                eprintln!("open this URL in your browser to connect:\n{url}");
            } else {
                let _ = writeln!(out, "open this URL in your browser to connect:\n{url}");
                let _ = out.flush();
            }
        })
        .await?
    } else if args.auth0 {
        let token = read_token()?;
        app.store_token_vault_connection(args.provider.name(), &args.connection, token, scopes)
            .await?
    } else {
        let token = read_token()?;
        app.store_api_token(args.provider.name(), &args.connection, token, scopes)
            .await?
    };
    match format {
        OutputFormat::Json => render::json(out, &meta)?,
        OutputFormat::Table => {
            writeln!(
                out,
                "stored {} connection `{}` for {} ({})",
                meta.id.provider,
                meta.id.connection,
                meta.id.owner,
                meta.kind.as_str()
            )?;
            for (k, v) in &meta.extra {
                writeln!(out, "  {k}: {v}")?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Reads the token from standard input; on a terminal, with echo turned off.
fn read_token() -> anyhow::Result<Secret<String>> {
    let stdin = std::io::stdin();
    let tty = stdin.is_terminal();
    if tty {
        eprint!("paste the token, then press Enter: ");
        let _ = std::process::Command::new("stty").arg("-echo").status();
    }
    let mut buf = Secret::new(String::new());
    let read = if tty {
        stdin.read_line(buf.expose_mut()).map(|_| ())
    } else {
        stdin.lock().read_to_string(buf.expose_mut()).map(|_| ())
    };
    if tty {
        let _ = std::process::Command::new("stty").arg("echo").status();
        eprintln!();
    }
    read.context("cannot read the token from standard input")?;
    Ok(buf)
}

pub async fn connections(
    app: &App,
    g: &GlobalArgs,
    cmd: ConnectionsCommand,
    out: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    match cmd {
        ConnectionsCommand::List => {
            let list = app.connections().await?;
            match g.output_format()? {
                OutputFormat::Json => render::json(out, &list)?,
                OutputFormat::Table => write_list(out, &list)?,
            }
        }
        ConnectionsCommand::Revoke {
            provider,
            connection,
        } => {
            let remote = app.revoke_connection(provider.name(), &connection).await?;
            match g.output_format()? {
                OutputFormat::Json => render::json(
                    out,
                    &serde_json::json!({"provider": provider.name(), "connection": connection, "revoked": true, "at_provider": remote}),
                )?,
                OutputFormat::Table => {
                    writeln!(
                        out,
                        "deleted {} connection `{connection}` from the vault",
                        provider.name()
                    )?;
                    match remote {
                        Some(r) => writeln!(out, "at the provider: {r}")?,
                        None => writeln!(out, "revoke the token at the provider too")?,
                    }
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn write_list(out: &mut impl Write, list: &[CredentialMeta]) -> anyhow::Result<()> {
    if list.is_empty() {
        writeln!(
            out,
            "no connections; store one with `deputy connect PROVIDER --token-stdin`"
        )?;
        return Ok(());
    }
    let mut t = Table::new(vec![
        Column::fixed("PROVIDER"),
        Column::fixed("CONNECTION"),
        Column::fixed("KIND"),
        Column::flex("SCOPES"),
        Column::fixed("EXPIRES"),
    ]);
    for c in list {
        t.row(vec![
            c.id.provider.clone(),
            render::truncate(&c.id.connection, 16),
            c.kind.as_str().to_owned(),
            c.scopes.iter().cloned().collect::<Vec<_>>().join(" "),
            c.expires_at
                .map(|e| render::minute(&deputy_core::time_fmt::format(e)))
                .unwrap_or_else(|| "never".into()),
        ]);
    }
    t.write(out)
}
