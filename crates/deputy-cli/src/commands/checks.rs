//! `deputy checks list --source auth0|iac`: the check catalogs.

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
    Iac,
}

pub fn run(g: &GlobalArgs, cmd: &ChecksCommand, out: &mut impl Write) -> anyhow::Result<ExitCode> {
    let ChecksCommand::List { source } = cmd;
    let (catalog, markdown) = match source {
        CheckSource::Auth0 => (
            deputy_app::auth0::auth0_checks_json(),
            deputy_app::auth0::auth0_checks_markdown as fn() -> String,
        ),
        CheckSource::Iac => (
            deputy_app::iac::iac_checks_json(),
            deputy_app::iac::iac_checks_markdown as fn() -> String,
        ),
    };
    match g.format {
        Some(FormatArg::Json) => render::json(out, &catalog)?,
        Some(FormatArg::Markdown) => write!(out, "{}", markdown())?,
        None | Some(FormatArg::Table) => {
            let checks = catalog["checks"].as_array().into_iter().flatten();
            let s = |c: &serde_json::Value, k: &str| c[k].as_str().unwrap_or("-").to_owned();
            let list = |c: &serde_json::Value, k: &str| {
                let items: Vec<String> = c[k]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect();
                if items.is_empty() {
                    "-".to_owned()
                } else {
                    items.join(",")
                }
            };
            let mut t = match source {
                CheckSource::Auth0 => Table::new(vec![
                    Column::fixed("CODE"),
                    Column::fixed("SEVERITY"),
                    Column::flex("PEER ID"),
                    Column::flex("TITLE"),
                ]),
                CheckSource::Iac => Table::new(vec![
                    Column::fixed("CODE"),
                    Column::fixed("SEVERITY"),
                    Column::flex("CHECKOV IDS"),
                    Column::flex("FRAMEWORKS"),
                    Column::flex("TITLE"),
                ]),
            };
            for c in checks {
                t.row(match source {
                    CheckSource::Auth0 => {
                        vec![
                            s(c, "code"),
                            s(c, "severity"),
                            s(c, "peer_id"),
                            s(c, "title"),
                        ]
                    }
                    CheckSource::Iac => vec![
                        s(c, "code"),
                        s(c, "severity"),
                        list(c, "checkov_ids"),
                        list(c, "frameworks"),
                        s(c, "title"),
                    ],
                });
            }
            t.write(out)?;
        }
        Some(_) => anyhow::bail!("`deputy checks list` writes --format table, json or markdown"),
    }
    Ok(ExitCode::SUCCESS)
}
