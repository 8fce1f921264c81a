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
    /// Read an API token or personal access token from standard input (never echoed).
    /// OAuth connect flows are not available in this build, so this is required.
    #[arg(long, required = true)]
    pub token_stdin: bool,
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
    let token = read_token()?;
    let scopes: BTreeSet<String> = args
        .scopes
        .split([' ', ','])
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    let meta = app
        .store_api_token(args.provider.name(), &args.connection, token, scopes)
        .await?;
    match g.output_format()? {
        OutputFormat::Json => render::json(out, &meta)?,
        OutputFormat::Table => writeln!(
            out,
            "stored {} connection `{}` for {}",
            meta.id.provider, meta.id.connection, meta.id.owner
        )?,
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
            app.revoke_connection(provider.name(), &connection).await?;
            match g.output_format()? {
                OutputFormat::Json => render::json(
                    out,
                    &serde_json::json!({"provider": provider.name(), "connection": connection, "revoked": true}),
                )?,
                OutputFormat::Table => writeln!(
                    out,
                    "revoked {} connection `{connection}` (deleted from the vault; revoke the token at the provider too)",
                    provider.name()
                )?,
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
