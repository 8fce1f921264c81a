//! Command-line arguments.

mod fga;

pub use fga::*;

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "deputy",
    version,
    about = "Deputy: scan Auth0 tenants, track findings over time (import, diff, triage, reports), authorize with an OpenFGA-compatible engine and API, keep credentials in a vault, and prove it all in a hash-chained audit trail"
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Format: of the output (table, json); for `import` of the report read (sarif, checkov);
    /// for `report` of the report written (pdf, html, markdown, confluence, json, csv, sarif, junit);
    /// for `audit export` jsonl.
    #[arg(long, global = true, value_enum)]
    pub format: Option<FormatArg>,
    /// Output format, where `--format` names something else (as in `import`).
    #[arg(long, global = true, value_enum)]
    pub output: Option<OutputFormat>,
    /// Configuration file (default: the platform config dir's deputy/deputy.toml).
    #[arg(long, global = true, env = "DEPUTY_CONFIG")]
    pub config: Option<PathBuf>,
    /// Data directory for the SQLite database.
    #[arg(long, global = true)]
    pub data_dir: Option<PathBuf>,
    /// Database URL: sqlite://PATH or postgres://…
    #[arg(long, global = true)]
    pub database_url: Option<String>,
    /// Who you are recorded as in findings' history (default: $USER).
    #[arg(long, global = true)]
    pub actor: Option<String>,
    /// More logging on stderr (-v info, -vv debug, -vvv trace).
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Table,
    Json,
}

/// Every value `--format` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Table,
    Json,
    Sarif,
    Checkov,
    Pdf,
    Html,
    Markdown,
    Confluence,
    Csv,
    Junit,
    Jsonl,
}

impl GlobalArgs {
    /// The output format: `--output`, else `--format` when it names one, else a table.
    pub fn output_format(&self) -> anyhow::Result<OutputFormat> {
        match (self.output, self.format) {
            (Some(o), _) => Ok(o),
            (None, None | Some(FormatArg::Table)) => Ok(OutputFormat::Table),
            (None, Some(FormatArg::Json)) => Ok(OutputFormat::Json),
            (None, Some(f)) => anyhow::bail!(
                "`--format {}` names a report format, which only `deputy import` reads; use `--format table` or `--format json`",
                f.to_possible_value()
                    .map(|v| v.get_name().to_owned())
                    .unwrap_or_default()
            ),
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write a commented deputy.toml.
    Init {
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
    },
    /// Import two bundled Checkov reports of terragoat and show the ledger's diff.
    Demo {
        #[arg(long, default_value = "demo")]
        project: String,
    },
    /// Import a scanner report (`--format sarif|checkov`) as one scan run of a project;
    /// `--output json` for machine-readable output.
    Import(ImportArgs),
    /// List projects with their active and overdue findings.
    Projects,
    /// Scan runs: list, show, diff.
    #[command(subcommand)]
    Scans(ScansCommand),
    /// Findings: list, show, and triage them.
    #[command(subcommand)]
    Findings(FindingsCommand),
    /// Write a report of a scan: --format pdf|html|markdown|confluence|json|csv|sarif|junit.
    Report(ReportArgs),
    /// Serve the OpenFGA-compatible authorization API over HTTP.
    Serve(ServeArgs),
    /// Authorization (OpenFGA): stores, models, tuples, check, list-objects, list-users, test.
    #[command(subcommand)]
    Fga(FgaCommand),
    /// The audit trail: verify its hash chain, export it, tail it.
    #[command(subcommand)]
    Audit(crate::commands::audit::AuditCommand),
    /// Store a connection's API token in the vault: `deputy connect github --token-stdin`.
    Connect(crate::commands::connect::ConnectArgs),
    /// Connections stored in the vault: list, revoke.
    #[command(subcommand)]
    Connections(crate::commands::connect::ConnectionsCommand),
    /// The vault's key: create it, rotate it.
    #[command(subcommand)]
    Vault(crate::commands::vault::VaultCommand),
    /// Scan a target: `auth0` (a tenant, from a snapshot or live).
    #[command(subcommand)]
    Scan(crate::commands::scan::ScanCommand),
    /// Auth0 tenants: `snapshot` reads one through the Management API.
    #[command(subcommand)]
    Auth0(crate::commands::auth0::Auth0Command),
    /// Check catalogs: `list --source auth0`.
    #[command(subcommand)]
    Checks(crate::commands::checks::ChecksCommand),
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[arg(long)]
    pub project: String,
    /// The scan to report on (default: the project's latest).
    #[arg(long)]
    pub scan: Option<i64>,
    /// The scan to compare with (default: the one before).
    #[arg(long)]
    pub compare: Option<i64>,
    /// Where to write it (default: standard output). Without `--format`, the extension says.
    #[arg(short = 'o', long = "out", value_name = "FILE")]
    pub output_file: Option<std::path::PathBuf>,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Project to record the scan in (created if new).
    #[arg(long)]
    pub project: String,
    /// The report (`-` for standard input; gzip is detected).
    pub file: PathBuf,
    /// What the scan covered. A complete scan closes absent findings only within its scope.
    #[arg(long)]
    pub scope: Option<String>,
    #[arg(long)]
    pub commit: Option<String>,
    #[arg(long)]
    pub branch: Option<String>,
    /// Record the scan as partial: absent findings are marked stale, not resolved.
    #[arg(long)]
    pub partial: bool,
    /// Severity for findings the report gives none (Checkov's open-source output has none).
    #[arg(long, value_name = "SEVERITY")]
    pub default_severity: Option<String>,
    /// The project root as the scanner saw it; absolute paths under it are stored relative.
    #[arg(long)]
    pub root: Option<String>,
    /// Exit 1 when this scan brings new or reopened findings at or above this severity.
    #[arg(long, value_name = "SEVERITY")]
    pub fail_on: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum ScansCommand {
    /// A project's scans, newest first.
    List {
        #[arg(long)]
        project: String,
        #[arg(long)]
        limit: Option<u32>,
    },
    /// One scan with the findings it changed.
    Show {
        id: i64,
        /// Include unchanged findings.
        #[arg(long)]
        all: bool,
    },
    /// What changed between two scans (default: the project's latest against the previous).
    Diff {
        /// Base scan id.
        base: Option<i64>,
        /// Head scan id (default: the project's latest).
        head: Option<i64>,
        #[arg(long)]
        project: Option<String>,
        /// Also list unchanged findings.
        #[arg(long)]
        unchanged: bool,
    },
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[arg(long)]
    pub project: Option<String>,
    /// States to show (repeatable; `all` for every state). Default: the active ones.
    #[arg(long, value_name = "STATE")]
    pub state: Vec<String>,
    /// Severities to show (repeatable).
    #[arg(long, value_name = "SEVERITY")]
    pub severity: Vec<String>,
    /// Only this rule id.
    #[arg(long)]
    pub rule: Option<String>,
    /// Only findings under this path prefix.
    #[arg(long)]
    pub path: Option<String>,
    /// Only active findings past their SLA due date.
    #[arg(long)]
    pub overdue: bool,
    #[arg(long)]
    pub limit: Option<u32>,
    #[arg(long, value_enum, default_value_t = SortArg::Severity)]
    pub sort: SortArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortArg {
    Severity,
    Due,
    Newest,
}

#[derive(Debug, Args)]
pub struct TransitionArgs {
    pub id: i64,
    /// Why (recorded in the finding's history).
    #[arg(long)]
    pub reason: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum FindingsCommand {
    /// List findings.
    List(ListArgs),
    /// One finding with its history, acceptances and scans.
    Show { id: i64 },
    /// Mark a finding triaged.
    Triage(TransitionArgs),
    /// Mark a finding in progress.
    Start(TransitionArgs),
    /// Mark a finding resolved (a later scan that finds it again reopens it).
    Resolve(TransitionArgs),
    /// Reopen a resolved finding or reverse a decision.
    Reopen(TransitionArgs),
    /// Mark a finding a false positive; scans will not reopen it.
    FalsePositive(TransitionArgs),
    /// Mark a finding out of scope; scans will not reopen it.
    OutOfScope(TransitionArgs),
    /// Ask for a finding's risk to be accepted until a date; another person approves.
    Accept {
        id: i64,
        /// Expiry: a date (2026-12-31) or an RFC 3339 instant.
        #[arg(long)]
        until: String,
        #[arg(long)]
        reason: String,
        /// Who owns the risk (default: you).
        #[arg(long)]
        owner: Option<String>,
    },
    /// Approve a finding's pending risk acceptance (not as the person who asked).
    Approve {
        id: i64,
        #[arg(long)]
        note: Option<String>,
    },
    /// Reject a finding's pending risk acceptance.
    Reject {
        id: i64,
        #[arg(long)]
        note: Option<String>,
    },
}
