//! A server on a free port over a test database, and a small JSON client for it.

use deputy_app::{App, Config, ConfigOverrides};
use deputy_core::SystemClock;
use deputy_server::{ApiKeys, ServerOptions};
use deputy_testkit::TestDatabase;
use serde_json::Value;
use std::collections::BTreeMap;
use std::sync::Arc;

pub async fn app(url: &str) -> App {
    let overrides = ConfigOverrides {
        config_path: None,
        data_dir: Some(std::env::temp_dir()),
        database_url: Some(url.to_owned()),
        actor: Some("tester".to_owned()),
    };
    let env = BTreeMap::from([("DEPUTY_CONFIG".to_owned(), String::new())]);
    let config = Config::load_from(&overrides, &env).unwrap_or_else(|e| panic!("{e}"));
    App::open(config, Arc::new(SystemClock))
        .await
        .unwrap_or_else(|e| panic!("{e}"))
}

/// A running server and a client that sends its bearer key, if any.
pub struct Server {
    pub url: String,
    pub key: Option<String>,
    client: reqwest::Client,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for Server {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Answers: the status and the JSON body (`Null` when empty).
pub struct Answer {
    pub status: u16,
    pub body: Value,
}

impl Answer {
    #[track_caller]
    pub fn ok(self) -> Value {
        assert!(
            (200..300).contains(&self.status),
            "expected success, got {}: {}",
            self.status,
            self.body
        );
        self.body
    }

    /// Asserts an OpenFGA error body with this status and code.
    #[track_caller]
    pub fn error(self, status: u16, code: &str) -> String {
        assert_eq!(self.status, status, "{}", self.body);
        assert_eq!(self.body["code"], code, "{}", self.body);
        self.body["message"].as_str().unwrap_or_default().to_owned()
    }
}

pub async fn boot(db: &TestDatabase, keys: &str) -> Server {
    boot_app(app(&db.url).await, keys).await
}

pub async fn boot_app(app: App, keys: &str) -> Server {
    // The workspace's reqwest brings rustls without a provider; the binary installs
    // aws-lc-rs, and so do the tests.
    let _ = rustls::crypto::aws_lc_rs::default_provider().install_default();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let url = format!(
        "http://{}",
        listener.local_addr().unwrap_or_else(|e| panic!("{e}"))
    );
    let router = deputy_server::router(
        app,
        ServerOptions {
            api_keys: ApiKeys::parse(keys),
        },
    );
    let task = tokio::spawn(async move {
        let _ = deputy_server::serve(listener, router, std::future::pending()).await;
    });
    Server {
        url,
        key: keys
            .split(',')
            .next()
            .filter(|k| !k.is_empty())
            .map(str::to_owned),
        client: reqwest::Client::new(),
        task,
    }
}

impl Server {
    pub async fn send(&self, method: reqwest::Method, path: &str, body: Option<&Value>) -> Answer {
        let mut request = self.client.request(method, format!("{}{path}", self.url));
        if let Some(key) = &self.key {
            request = request.bearer_auth(key);
        }
        if let Some(body) = body {
            request = request.json(body);
        }
        let response = request
            .send()
            .await
            .unwrap_or_else(|e| panic!("{path}: {e}"));
        let status = response.status().as_u16();
        let text = response.text().await.unwrap_or_default();
        let body = if text.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).unwrap_or(Value::String(text))
        };
        Answer { status, body }
    }

    pub async fn post(&self, path: &str, body: Value) -> Answer {
        self.send(reqwest::Method::POST, path, Some(&body)).await
    }

    pub async fn get(&self, path: &str) -> Answer {
        self.send(reqwest::Method::GET, path, None).await
    }
}
