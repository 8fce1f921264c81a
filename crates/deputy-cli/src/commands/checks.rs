//! `deputy checks list --source auth0`: the check catalog.

use crate::args::{FormatArg, GlobalArgs};
use crate::render::{self, Column, Table};
use clap::{Subcommand, ValueEnum};
use std::io::Write;
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum ChecksCommand {
    /// List the checks of a scanner (`--format table|json|markdown`).
    List {
        #[arg(long, value_enum)]
        source: CheckSource,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckSource {
    Auth0,
}

pub fn run(g: &GlobalArgs, cmd: &ChecksCommand, out: &mut impl Write) -> anyhow::Result<ExitCode> {
    let ChecksCommand::List {
        source: CheckSource::Auth0,
    } = cmd;
    let catalog = deputy_app::auth0::auth0_checks_json();
    match g.format {
        Some(FormatArg::Json) => render::json(out, &catalog)?,
        Some(FormatArg::Markdown) => write!(out, "{}", deputy_app::auth0::auth0_checks_markdown())?,
        None | Some(FormatArg::Table) => {
            let mut t = Table::new(vec![
                Column::fixed("CODE"),
                Column::fixed("SEVERITY"),
                Column::flex("PEER ID"),
                Column::flex("TITLE"),
            ]);
            for c in catalog["checks"].as_array().into_iter().flatten() {
                let s = |k: &str| c[k].as_str().unwrap_or("-").to_owned();
                t.row(vec![s("code"), s("severity"), s("peer_id"), s("title")]);
            }
            t.write(out)?;
        }
        Some(_) => anyhow::bail!("`deputy checks list` writes --format table, json or markdown"),
    }
    Ok(ExitCode::SUCCESS)
}
