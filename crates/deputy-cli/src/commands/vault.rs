//! `deputy vault init|rotate-key`.

use crate::args::{GlobalArgs, OutputFormat};
use crate::render;
use clap::Subcommand;
use deputy_app::App;
use std::io::Write;
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum VaultCommand {
    /// Create the vault key file (mode 0600) if it does not exist; `deputy init` does too.
    Init,
    /// Re-wrap every credential's data key under a new vault key, in one transaction,
    /// without re-encrypting data; the old key is kept as `<key file>.previous`.
    RotateKey,
}

pub async fn run(
    app: &App,
    g: &GlobalArgs,
    cmd: VaultCommand,
    out: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    match cmd {
        VaultCommand::Init => {
            let path = &app.config().vault_key_file;
            let created = deputy_app::vault::ensure_key_file(path)?;
            match g.output_format()? {
                OutputFormat::Json => render::json(
                    out,
                    &serde_json::json!({"key_file": path, "created": created}),
                )?,
                OutputFormat::Table if created => {
                    writeln!(out, "created vault key {} (mode 0600)", path.display())?
                }
                OutputFormat::Table => writeln!(out, "vault key {} exists; kept", path.display())?,
            }
        }
        VaultCommand::RotateKey => {
            let r = app.rotate_vault_key().await?;
            match g.output_format()? {
                OutputFormat::Json => render::json(out, &r)?,
                OutputFormat::Table => {
                    writeln!(out, "rotated vault key {} -> {}", r.old_key, r.new_key)?;
                    writeln!(out, "{} credential(s) re-wrapped", r.credentials)?;
                    writeln!(out, "key file: {}", r.key_file.display())?;
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
