//! `deputy report`.

use crate::args::{FormatArg, GlobalArgs, ReportArgs};
use anyhow::Context;
use deputy_app::{App, ReportOutput};
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

pub async fn run(
    app: &App,
    g: &GlobalArgs,
    args: ReportArgs,
    out: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    let format = match (g.format, &args.output_file) {
        (Some(f), _) => report_format(f)?,
        (None, Some(path)) => from_extension(path)?,
        (None, None) => anyhow::bail!(
            "say which format: `--format pdf|html|markdown|confluence|json|csv|sarif|junit`"
        ),
    };
    if format == ReportOutput::Pdf && args.output_file.is_none() && std::io::stdout().is_terminal()
    {
        anyhow::bail!("a PDF is not for the terminal; write it to a file with `-o report.pdf`");
    }
    let report = app.report(&args.project, args.scan, args.compare).await?;
    let bytes = format.render(&report)?;
    match &args.output_file {
        Some(path) => {
            write_atomically(path, &bytes)?;
            eprintln!(
                "wrote {} ({} report of scan {} of `{}`, {} findings, {} bytes)",
                path.display(),
                format.as_str(),
                report.scan.id,
                report.project,
                report.findings.len(),
                bytes.len()
            );
        }
        None => out.write_all(&bytes)?,
    }
    Ok(ExitCode::SUCCESS)
}

fn report_format(f: FormatArg) -> anyhow::Result<ReportOutput> {
    Ok(match f {
        FormatArg::Pdf => ReportOutput::Pdf,
        FormatArg::Html => ReportOutput::Html,
        FormatArg::Markdown => ReportOutput::Markdown,
        FormatArg::Confluence => ReportOutput::Confluence,
        FormatArg::Json => ReportOutput::Json,
        FormatArg::Csv => ReportOutput::Csv,
        FormatArg::Sarif => ReportOutput::Sarif,
        FormatArg::Junit => ReportOutput::Junit,
        FormatArg::Table | FormatArg::Checkov | FormatArg::Jsonl => {
            anyhow::bail!(
                "`deputy report` writes pdf, html, markdown, confluence, json, csv, sarif or junit"
            )
        }
    })
}

fn from_extension(path: &Path) -> anyhow::Result<ReportOutput> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    Ok(match ext.as_str() {
        "pdf" => ReportOutput::Pdf,
        "html" | "htm" => ReportOutput::Html,
        "md" | "markdown" => ReportOutput::Markdown,
        "xhtml" | "confluence" => ReportOutput::Confluence,
        "json" => ReportOutput::Json,
        "csv" => ReportOutput::Csv,
        "sarif" => ReportOutput::Sarif,
        "xml" | "junit" => ReportOutput::Junit,
        _ => anyhow::bail!(
            "cannot tell the format from `{}`; add `--format`",
            path.display()
        ),
    })
}

/// Writes `bytes` to a temporary file beside `path` and renames it into place, so a reader
/// never sees half a report and a failure leaves no file behind.
fn write_atomically(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .context("the output path has no file name")?
        .to_string_lossy();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.with_context(|| format!("cannot write `{}`", path.display()))
}
