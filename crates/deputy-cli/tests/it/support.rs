use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A `deputy` with its own data directory (and database).
pub struct Deputy {
    pub dir: tempfile::TempDir,
    database_url: Option<String>,
    pub backend: &'static str,
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {}", self.stdout))
    }

    #[track_caller]
    pub fn ok(self) -> Self {
        assert_eq!(
            self.code, 0,
            "stderr: {}\nstdout: {}",
            self.stderr, self.stdout
        );
        self
    }
}

impl Deputy {
    pub fn sqlite() -> Self {
        Self {
            dir: tempfile::tempdir().unwrap_or_else(|e| panic!("{e}")),
            database_url: None,
            backend: "sqlite",
        }
    }

    /// SQLite always, plus PostgreSQL when the environment offers it.
    pub async fn all(suite: &str) -> Vec<(Self, Option<deputy_testkit::TestDatabase>)> {
        let mut out = vec![(Self::sqlite(), None)];
        if let Some(db) = deputy_testkit::postgres(suite).await {
            let d = Self {
                dir: tempfile::tempdir().unwrap_or_else(|e| panic!("{e}")),
                database_url: Some(db.url.clone()),
                backend: "postgres",
            };
            out.push((d, Some(db)));
        }
        out
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// The `deputy` command with this instance's environment, not yet started.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_deputy"));
        cmd.args(args)
            .env_remove("DEPUTY_DATABASE_URL")
            .env_remove("DEPUTY_ACTOR")
            .env_remove("DEPUTY_API_KEYS")
            .env_remove("DEPUTY_LISTEN")
            .env_remove("DEPUTY_FGA_STORE")
            .env("DEPUTY_DATA_DIR", self.dir.path().join("data"))
            .env("DEPUTY_CONFIG", self.dir.path().join("deputy.toml"))
            .env("USER", "tester");
        if let Some(url) = &self.database_url {
            cmd.env("DEPUTY_DATABASE_URL", url);
        }
        if !self.dir.path().join("deputy.toml").exists() {
            std::fs::write(self.dir.path().join("deputy.toml"), "version = 1\n")
                .unwrap_or_else(|e| panic!("{e}"));
        }
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Run {
        let mut cmd = self.command(args);
        let Output {
            status,
            stdout,
            stderr,
        } = cmd
            .output()
            .unwrap_or_else(|e| panic!("cannot run deputy: {e}"));
        Run {
            code: status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&stdout).into_owned(),
            stderr: String::from_utf8_lossy(&stderr).into_owned(),
        }
    }
}

/// A file from the shared corpus next to the repository.
pub fn corpus(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus")
        .join(rel)
}

pub fn data(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
        .display()
        .to_string()
}

/// Checkov's terragoat report, decompressed.
pub fn terragoat() -> serde_json::Value {
    let file = std::fs::File::open(corpus("iac/checkov-results/terragoat_all.json.gz"))
        .unwrap_or_else(|e| panic!("the shared corpus must sit beside the repository: {e}"));
    serde_json::from_reader(flate2::read::GzDecoder::new(file)).unwrap_or_else(|e| panic!("{e}"))
}

pub fn write_json(path: &Path, value: &serde_json::Value) {
    std::fs::write(path, serde_json::to_vec(value).unwrap_or_default())
        .unwrap_or_else(|e| panic!("{e}"));
}

/// Every line of a table fits an 80-column terminal.
#[track_caller]
pub fn assert_fits(text: &str) {
    for line in text.lines() {
        assert!(
            line.chars().count() <= 80,
            "line wider than 80 columns: {line:?}"
        );
    }
}

/// Removes `n` terraform failures and adds 3 made-up ones.
pub fn changed_terragoat(n: usize) -> (Value, Vec<(String, String)>) {
    let mut report = terragoat();
    let mut removed = Vec::new();
    let frameworks = report
        .as_array_mut()
        .unwrap_or_else(|| panic!("terragoat report is a list"));
    for fw in frameworks.iter_mut() {
        if fw["check_type"] != "terraform" {
            continue;
        }
        let failed = fw["results"]["failed_checks"]
            .as_array_mut()
            .unwrap_or_else(|| panic!("failed_checks"));
        for c in failed.drain(..n) {
            removed.push((
                c["check_id"].as_str().unwrap_or_default().to_owned(),
                c["resource"].as_str().unwrap_or_default().to_owned(),
            ));
        }
        for i in 0..3 {
            failed.push(json!({
                "check_id": format!("CKV_AWS_{}", 900 + i),
                "check_name": "A check that failed after the change",
                "check_result": {"result": "FAILED"},
                "file_path": "/terraform/aws/new.tf",
                "file_line_range": [1, 5],
                "resource": format!("aws_s3_bucket.added{i}"),
                "severity": null,
                "guideline": null
            }));
        }
    }
    (report, removed)
}
