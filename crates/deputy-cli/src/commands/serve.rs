//! `deputy serve`: the HTTP API until Ctrl-C or SIGTERM.

use crate::args::ServeArgs;
use anyhow::{Context, bail};
use deputy_app::App;
use deputy_server::{ApiKeys, ServerOptions};
use std::io::Write;
use std::process::ExitCode;

pub async fn run(app: &App, args: &ServeArgs, out: &mut impl Write) -> anyhow::Result<ExitCode> {
    let api_keys = ApiKeys::parse(&std::env::var("DEPUTY_API_KEYS").unwrap_or_default());
    let listener = tokio::net::TcpListener::bind(&args.listen)
        .await
        .with_context(|| format!("cannot listen on `{}`", args.listen))?;
    let addr = listener.local_addr()?;
    if !addr.ip().is_loopback() && api_keys.is_empty() && !args.allow_unauthenticated {
        bail!(
            "refusing to serve {addr} without authentication: set DEPUTY_API_KEYS \
             (comma-separated bearer keys), listen on 127.0.0.1, or pass --allow-unauthenticated"
        );
    }
    // The address goes first and alone on its line, so scripts and tests can read it.
    writeln!(out, "listening on http://{addr}")?;
    out.flush()?;
    tracing::info!(%addr, database = %app.database_display(), authenticated = !api_keys.is_empty(), "serving");
    let router = deputy_server::router(app.clone(), ServerOptions { api_keys });
    deputy_server::serve(listener, router, shutdown_signal())
        .await
        .context("the server stopped")?;
    Ok(ExitCode::SUCCESS)
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
