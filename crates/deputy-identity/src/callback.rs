//! A one-shot HTTP listener on 127.0.0.1 for the OAuth redirect: it answers one request to
//! `/callback`, checks `state`, and hands back the code.

use crate::OAuthError;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// Listens on a loopback port until the redirect arrives.
#[derive(Debug)]
pub struct CallbackListener {
    listener: TcpListener,
    port: u16,
}

const PAGE_OK: &str = "<!doctype html><title>Deputy</title><p>Connected. You can close this window and return to the terminal.</p>";
const PAGE_FAIL: &str =
    "<!doctype html><title>Deputy</title><p>The connection failed; see the terminal.</p>";

impl CallbackListener {
    /// Binds 127.0.0.1 on `port` (0 for any free port).
    pub async fn bind(port: u16) -> Result<Self, OAuthError> {
        let listener = TcpListener::bind(("127.0.0.1", port))
            .await
            .map_err(|e| OAuthError::Callback(format!("cannot listen on 127.0.0.1:{port}: {e}")))?;
        let port = listener
            .local_addr()
            .map_err(|e| OAuthError::Callback(e.to_string()))?
            .port();
        Ok(Self { listener, port })
    }

    /// The redirect URI to register with the provider and send in the flow.
    pub fn redirect_uri(&self) -> String {
        format!("http://127.0.0.1:{}/callback", self.port)
    }

    /// Waits (at most `timeout`) for the redirect, answers it, and returns the code if
    /// `state` matches. Requests to other paths get 404 and are ignored.
    pub async fn wait(self, expected_state: &str, timeout: Duration) -> Result<String, OAuthError> {
        tokio::time::timeout(timeout, self.serve(expected_state))
            .await
            .map_err(|_| OAuthError::Callback("timed out waiting for the redirect".into()))?
    }

    async fn serve(self, expected_state: &str) -> Result<String, OAuthError> {
        loop {
            let (mut stream, _) = self
                .listener
                .accept()
                .await
                .map_err(|e| OAuthError::Callback(e.to_string()))?;
            let mut buf = vec![0u8; 8192];
            let mut len = 0;
            // Read the request head (the query is all that matters).
            while len < buf.len() {
                let n = stream
                    .read(buf.get_mut(len..).unwrap_or_default())
                    .await
                    .map_err(|e| OAuthError::Callback(e.to_string()))?;
                if n == 0 {
                    break;
                }
                len += n;
                if buf
                    .get(..len)
                    .is_some_and(|b| b.windows(4).any(|w| w == b"\r\n\r\n"))
                {
                    break;
                }
            }
            let head = String::from_utf8_lossy(buf.get(..len).unwrap_or_default()).into_owned();
            let target = head
                .lines()
                .next()
                .and_then(|l| l.split_whitespace().nth(1))
                .unwrap_or_default()
                .to_owned();
            let Ok(url) = url::Url::parse(&format!("http://127.0.0.1{target}")) else {
                respond(&mut stream, 400, PAGE_FAIL).await;
                continue;
            };
            if url.path() != "/callback" {
                respond(&mut stream, 404, "not found").await;
                continue;
            }
            let q: std::collections::HashMap<String, String> =
                url.query_pairs().into_owned().collect();
            let outcome = match (q.get("state"), q.get("code"), q.get("error")) {
                (Some(s), _, _) if s != expected_state => Err(OAuthError::StateMismatch),
                (None, _, _) => Err(OAuthError::StateMismatch),
                (Some(_), _, Some(e)) => Err(OAuthError::Denied {
                    error: e.clone(),
                    description: q.get("error_description").cloned(),
                }),
                (Some(_), Some(code), None) => Ok(code.clone()),
                (Some(_), None, None) => Err(OAuthError::Callback(
                    "the redirect carried no `code`".into(),
                )),
            };
            match &outcome {
                Ok(_) => respond(&mut stream, 200, PAGE_OK).await,
                Err(_) => respond(&mut stream, 400, PAGE_FAIL).await,
            }
            return outcome;
        }
    }
}

async fn respond(stream: &mut tokio::net::TcpStream, status: u16, body: &str) {
    let reason = match status {
        200 => "OK",
        404 => "Not Found",
        _ => "Bad Request",
    };
    let msg = format!(
        "HTTP/1.1 {status} {reason}\r\ncontent-type: text/html; charset=utf-8\r\ncontent-length: {}\r\ncache-control: no-store\r\nreferrer-policy: no-referrer\r\nconnection: close\r\n\r\n{body}",
        body.len()
    );
    let _ = stream.write_all(msg.as_bytes()).await;
    let _ = stream.shutdown().await;
}
