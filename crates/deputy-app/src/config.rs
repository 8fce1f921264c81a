//! Configuration: `deputy.toml`, overlaid by `DEPUTY_*` environment variables, overlaid by
//! command-line flags. Unknown keys are errors that name the key, so a typo never silently
//! falls back to a default.

use deputy_core::{Secret, SlaPolicy};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The configuration format version this build reads and writes.
pub const CONFIG_VERSION: u32 = 1;

/// The file as written on disk.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    version: u32,
    data_dir: Option<PathBuf>,
    database_url: Option<String>,
    #[serde(default)]
    identity: IdentitySection,
    #[serde(default)]
    ledger: LedgerSection,
    sla: Option<SlaPolicy>,
    #[serde(default)]
    vault: VaultSection,
    #[serde(default)]
    oauth: BTreeMap<String, OAuthSection>,
    auth0_token_vault: Option<TokenVaultConfig>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct OAuthSection {
    client_id: Option<String>,
    tenant: Option<String>,
    base_url: Option<String>,
    redirect_port: Option<u16>,
}

/// An OAuth client registered with a provider (its secret comes only from the
/// environment, `DEPUTY_OAUTH_<PROVIDER>_CLIENT_SECRET`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OAuthClientConfig {
    pub client_id: String,
    /// Microsoft's tenant (`common`, `organizations`, a GUID); ignored by others.
    pub tenant: String,
    /// Sends the flow to another origin than the provider's (a sandbox or a proxy).
    pub base_url: Option<String>,
    /// The loopback port of the redirect URI registered with the provider.
    pub redirect_port: u16,
    /// From `DEPUTY_OAUTH_<PROVIDER>_CLIENT_SECRET` only, never from the file.
    pub client_secret: Option<Arc<Secret<String>>>,
}

/// Auth0 Token Vault: the tenant's token endpoint and the client allowed the exchange
/// (its secret only from `DEPUTY_AUTH0_TOKEN_VAULT_CLIENT_SECRET`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TokenVaultConfig {
    /// `https://{tenant}/oauth/token`.
    pub token_url: String,
    pub client_id: String,
    /// Where a person (re)connects an account; `{connection}` is replaced.
    pub reconnect_url: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct VaultSection {
    key_file: Option<PathBuf>,
    lease_ttl_seconds: Option<u32>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct IdentitySection {
    actor: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct LedgerSection {
    default_scope: Option<String>,
    max_acceptance_days: Option<u32>,
}

/// The effective configuration.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// The file it was read from, if any.
    pub source: Option<PathBuf>,
    pub data_dir: PathBuf,
    pub database_url: String,
    /// Who a person running the CLI is recorded as.
    pub actor: String,
    pub default_scope: String,
    pub max_acceptance_days: u32,
    pub sla: SlaPolicy,
    /// The vault's key file (unless `DEPUTY_VAULT_KEY` gives the key).
    pub vault_key_file: PathBuf,
    /// How long a credential lease lasts, in seconds.
    pub lease_ttl_seconds: u32,
    /// OAuth clients by provider name (`github`, `atlassian`, …).
    pub oauth: BTreeMap<String, OAuthClientConfig>,
    pub token_vault: Option<TokenVaultConfig>,
    /// From `DEPUTY_AUTH0_TOKEN_VAULT_CLIENT_SECRET` only.
    pub token_vault_client_secret: Option<Arc<Secret<String>>>,
}

/// Values given on the command line; they win over everything else.
#[derive(Debug, Clone, Default)]
pub struct ConfigOverrides {
    pub config_path: Option<PathBuf>,
    pub data_dir: Option<PathBuf>,
    pub database_url: Option<String>,
    pub actor: Option<String>,
}

/// A configuration error a person can act on.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read config file `{path}`: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("config file `{path}`: {message}")]
    Invalid { path: PathBuf, message: String },
    #[error("environment variable `{var}`: {message}")]
    Env { var: String, message: String },
    #[error(
        "cannot determine a data directory; set `DEPUTY_DATA_DIR` or `data_dir` in deputy.toml"
    )]
    NoDataDir,
    #[error("config file `{0}` already exists; pass `--force` to overwrite it")]
    Exists(PathBuf),
    #[error("cannot write `{path}`: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Where the config file is looked for when neither `--config` nor `DEPUTY_CONFIG` is given.
pub fn default_config_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "deputy").map(|d| d.config_dir().join("deputy.toml"))
}

fn default_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "deputy").map(|d| d.data_dir().to_path_buf())
}

impl Config {
    /// Loads the configuration from the file, the process environment and `overrides`.
    pub fn load(overrides: &ConfigOverrides) -> Result<Self, ConfigError> {
        let env: BTreeMap<String, String> = std::env::vars()
            .filter(|(k, _)| k.starts_with("DEPUTY_"))
            .collect();
        Self::load_from(overrides, &env)
    }

    /// Like [`Config::load`], with the environment given (for tests).
    pub fn load_from(
        overrides: &ConfigOverrides,
        env: &BTreeMap<String, String>,
    ) -> Result<Self, ConfigError> {
        let env_path = env
            .get("DEPUTY_CONFIG")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from);
        let (path, required) = match (&overrides.config_path, env_path) {
            (Some(p), _) => (Some(p.clone()), true),
            (None, Some(p)) => (Some(p), true),
            (None, None) => (default_config_path(), false),
        };
        let file = match &path {
            Some(p) if required || p.exists() => Some(read_file(p)?),
            _ => None,
        };
        let source = file.as_ref().and(path);
        let file = file.unwrap_or(ConfigFile {
            version: CONFIG_VERSION,
            data_dir: None,
            database_url: None,
            identity: IdentitySection::default(),
            ledger: LedgerSection::default(),
            sla: None,
            vault: VaultSection::default(),
            oauth: BTreeMap::new(),
            auth0_token_vault: None,
        });

        let data_dir = overrides
            .data_dir
            .clone()
            .or_else(|| {
                env.get("DEPUTY_DATA_DIR")
                    .filter(|v| !v.is_empty())
                    .map(PathBuf::from)
            })
            .or(file.data_dir)
            .or_else(default_data_dir)
            .ok_or(ConfigError::NoDataDir)?;
        let database_url = overrides
            .database_url
            .clone()
            .or_else(|| {
                env.get("DEPUTY_DATABASE_URL")
                    .filter(|v| !v.is_empty())
                    .cloned()
            })
            .or(file.database_url)
            .unwrap_or_else(|| format!("sqlite://{}", data_dir.join("deputy.db").display()));
        let actor = overrides
            .actor
            .clone()
            .or_else(|| env.get("DEPUTY_ACTOR").filter(|v| !v.is_empty()).cloned())
            .or(file.identity.actor)
            .or_else(|| std::env::var("USER").ok().filter(|v| !v.is_empty()))
            .or_else(|| std::env::var("USERNAME").ok().filter(|v| !v.is_empty()))
            .unwrap_or_else(|| "unknown".to_owned());

        let mut sla = file.sla.unwrap_or_default();
        // In the file a missing severity keeps its default and 0 means no SLA.
        for slot in [
            &mut sla.critical,
            &mut sla.high,
            &mut sla.medium,
            &mut sla.low,
            &mut sla.info,
        ] {
            if *slot == Some(0) {
                *slot = None;
            }
        }
        for (var, slot) in [
            ("DEPUTY_SLA_CRITICAL", &mut sla.critical),
            ("DEPUTY_SLA_HIGH", &mut sla.high),
            ("DEPUTY_SLA_MEDIUM", &mut sla.medium),
            ("DEPUTY_SLA_LOW", &mut sla.low),
            ("DEPUTY_SLA_INFO", &mut sla.info),
        ] {
            if let Some(v) = env.get(var) {
                *slot = parse_days(var, v)?;
            }
        }
        let max_acceptance_days = match env.get("DEPUTY_MAX_ACCEPTANCE_DAYS") {
            Some(v) => parse_days("DEPUTY_MAX_ACCEPTANCE_DAYS", v)?.unwrap_or(u32::MAX),
            None => file.ledger.max_acceptance_days.unwrap_or(365),
        };
        let vault_key_file = env
            .get("DEPUTY_VAULT_KEY_FILE")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .or(file.vault.key_file)
            .unwrap_or_else(|| data_dir.join("vault.key"));
        let lease_ttl_seconds = match env.get("DEPUTY_LEASE_TTL_SECONDS") {
            Some(v) => v
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|n| (1..=3600).contains(n))
                .ok_or_else(|| ConfigError::Env {
                    var: "DEPUTY_LEASE_TTL_SECONDS".into(),
                    message: format!("expected a number of seconds from 1 to 3600, got `{v}`"),
                })?,
            None => match file.vault.lease_ttl_seconds {
                Some(n) if (1..=3600).contains(&n) => n,
                Some(n) => {
                    return Err(ConfigError::Invalid {
                        path: source.clone().unwrap_or_default(),
                        message: format!(
                            "`vault.lease_ttl_seconds = {n}`: expected 1 to 3600 seconds"
                        ),
                    });
                }
                None => 60,
            },
        };
        const PROVIDERS: [&str; 6] = [
            "github",
            "atlassian",
            "microsoft",
            "slack",
            "google",
            "zoom",
        ];
        let mut oauth = BTreeMap::new();
        for name in PROVIDERS {
            let section = file.oauth.get(name).cloned().unwrap_or_default();
            let var = format!("DEPUTY_OAUTH_{}_CLIENT_ID", name.to_ascii_uppercase());
            let client_id = env
                .get(&var)
                .filter(|v| !v.is_empty())
                .cloned()
                .or(section.client_id);
            if let Some(client_id) = client_id {
                oauth.insert(
                    name.to_owned(),
                    OAuthClientConfig {
                        client_id,
                        tenant: section.tenant.unwrap_or_else(|| "common".into()),
                        base_url: section.base_url,
                        redirect_port: section.redirect_port.unwrap_or(8765),
                        client_secret: env
                            .get(&format!(
                                "DEPUTY_OAUTH_{}_CLIENT_SECRET",
                                name.to_ascii_uppercase()
                            ))
                            .filter(|v| !v.is_empty())
                            .map(|v| Arc::new(Secret::from_str_copy(v))),
                    },
                );
            }
        }
        if let Some(unknown) = file.oauth.keys().find(|k| !PROVIDERS.contains(&k.as_str())) {
            return Err(ConfigError::Invalid {
                path: source.clone().unwrap_or_default(),
                message: format!(
                    "`[oauth.{unknown}]`: unknown provider (expected one of {})",
                    PROVIDERS.join(", ")
                ),
            });
        }
        Ok(Config {
            source,
            data_dir,
            database_url,
            actor,
            default_scope: file
                .ledger
                .default_scope
                .unwrap_or_else(|| "default".to_owned()),
            max_acceptance_days,
            sla,
            vault_key_file,
            lease_ttl_seconds,
            oauth,
            token_vault: file.auth0_token_vault,
            token_vault_client_secret: env
                .get("DEPUTY_AUTH0_TOKEN_VAULT_CLIENT_SECRET")
                .filter(|v| !v.is_empty())
                .map(|v| Arc::new(Secret::from_str_copy(v))),
        })
    }
}

/// `none`, `0` or empty means no limit; otherwise a whole number of days.
fn parse_days(var: &str, v: &str) -> Result<Option<u32>, ConfigError> {
    let v = v.trim();
    if v.is_empty() || v == "0" || v.eq_ignore_ascii_case("none") {
        return Ok(None);
    }
    v.parse::<u32>().map(Some).map_err(|_| ConfigError::Env {
        var: var.to_owned(),
        message: format!("expected a whole number of days or `none`, got `{v}`"),
    })
}

fn read_file(path: &Path) -> Result<ConfigFile, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
        path: path.to_owned(),
        source,
    })?;
    let file: ConfigFile = toml::from_str(&text).map_err(|e| ConfigError::Invalid {
        path: path.to_owned(),
        message: describe_toml_error(&text, &e),
    })?;
    if file.version != CONFIG_VERSION {
        return Err(ConfigError::Invalid {
            path: path.to_owned(),
            message: format!(
                "`version = {}` is not supported by this build (expected `version = {CONFIG_VERSION}`)",
                file.version
            ),
        });
    }
    Ok(file)
}

/// `line 3, column 1: unknown field `colour`, expected …`.
fn describe_toml_error(text: &str, e: &toml::de::Error) -> String {
    let msg = e.message().trim_end_matches('\n').to_owned();
    match e.span() {
        Some(span) => {
            let before = text.get(..span.start).unwrap_or_default();
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            format!("line {line}, column {column}: {msg}")
        }
        None => msg,
    }
}

/// The commented configuration `deputy init` writes.
pub fn template() -> String {
    format!(
        r#"# Deputy configuration. Every setting can also be given as an environment variable
# (shown beside it) or a command-line flag; flags win over variables, variables over this file.
version = {CONFIG_VERSION}

# Where Deputy keeps its database and keys.            DEPUTY_DATA_DIR
# data_dir = "/var/lib/deputy"

# The database. Default: SQLite in data_dir. Use PostgreSQL to share one ledger between
# several instances.                                     DEPUTY_DATABASE_URL
# database_url = "postgres://deputy@db.internal/deputy"

[identity]
# Who you are recorded as in findings' history.         DEPUTY_ACTOR (default: $USER)
# actor = "alice@example.com"

[ledger]
# The scope recorded for scans imported without --scope. A complete scan closes absent
# findings only within its own scope.
default_scope = "default"
# The longest a risk acceptance may last, in days.     DEPUTY_MAX_ACCEPTANCE_DAYS
max_acceptance_days = 365

[vault]
# The key that encrypts stored credentials (created by `deputy init`, mode 0600). Or give
# the key itself, base64, in DEPUTY_VAULT_KEY.           DEPUTY_VAULT_KEY_FILE
# key_file = "/var/lib/deputy/vault.key"
# How long a credential lease lasts, in seconds (1 to 3600). DEPUTY_LEASE_TTL_SECONDS
lease_ttl_seconds = 60

# OAuth clients for `deputy connect PROVIDER` (github, atlassian, microsoft, slack, google,
# zoom). Register http://127.0.0.1:<redirect_port>/callback as the redirect URI. Client
# secrets come only from the environment.   DEPUTY_OAUTH_GITHUB_CLIENT_ID, …_CLIENT_SECRET
# [oauth.github]
# client_id = "Iv1.0123456789abcdef"
# redirect_port = 8765
# [oauth.microsoft]
# client_id = "00000000-0000-0000-0000-000000000000"
# tenant = "organizations"

# Connections backed by Auth0 Token Vault (`deputy connect PROVIDER --auth0 --token-stdin`
# stores your Auth0 refresh token; provider tokens are exchanged at lease time).
# The client secret: DEPUTY_AUTH0_TOKEN_VAULT_CLIENT_SECRET
# [auth0_token_vault]
# token_url = "https://example.us.auth0.com/oauth/token"
# client_id = "deputy-client-id"
# reconnect_url = "https://deputy.example.com/connections/{{connection}}/connect"

[sla]
# Days from first seen until a finding of each severity is overdue; 0 means no SLA. A
# severity left out keeps its default.                  DEPUTY_SLA_CRITICAL, DEPUTY_SLA_HIGH, …
critical = 7
high = 30
medium = 90
low = 120
info = 0
"#
    )
}

/// Writes the commented configuration to `path`, refusing to overwrite unless `force`.
pub fn write_template(path: &Path, force: bool) -> Result<(), ConfigError> {
    if path.exists() && !force {
        return Err(ConfigError::Exists(path.to_owned()));
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|source| ConfigError::Write {
            path: parent.to_owned(),
            source,
        })?;
    }
    std::fs::write(path, template()).map_err(|source| ConfigError::Write {
        path: path.to_owned(),
        source,
    })
}

#[cfg(test)]
mod tests;
