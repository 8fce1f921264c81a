//! Logic shared by the Google Cloud checks: firewall ingress rules that open a port to the
//! whole internet, and Cloud SQL database flags.

use crate::check::Verdict;
use crate::model::{Truth, Value};

/// Whether one `ports` entry (`"22"`, `22`, `"20-23"`) covers `port`; unknown when the
/// entry is unresolved.
fn entry_covers(entry: &Value, port: u16) -> Truth {
    if entry.is_unknown() {
        return Truth::Unknown;
    }
    let p = f64::from(port);
    if let Some(n) = entry.as_f64() {
        return if n == p { Truth::True } else { Truth::False };
    }
    let Some(s) = entry.as_str() else {
        return Truth::False;
    };
    match s.split_once('-') {
        Some((from, to)) => match (from.trim().parse::<f64>(), to.trim().parse::<f64>()) {
            (Ok(a), Ok(b)) if a <= p && p <= b => Truth::True,
            _ => Truth::False,
        },
        None => Truth::False,
    }
}

/// Whether a `google_compute_firewall` configuration lets `port` in from `0.0.0.0/0`: an
/// `allow` block lists the port (alone or in a range) and `source_ranges` holds
/// `0.0.0.0/0`. An `allow` block without `ports` is not judged to open the port, which is
/// how Checkov reads it.
pub(crate) fn firewall_opens_port(config: &Value, port: u16) -> Truth {
    let Some(allow) = config.get("allow") else {
        return Truth::False;
    };
    if allow.is_unknown() {
        return Truth::Unknown;
    }
    let mut undecided = false;
    for block in allow.items() {
        // A block written as a bare string or left unresolved cannot be read.
        if !matches!(block, Value::Map(_)) {
            undecided = true;
            continue;
        }
        let Some(ports) = block.get("ports").filter(|p| !matches!(p, Value::Null)) else {
            continue;
        };
        if ports.is_unknown() {
            undecided = true;
            continue;
        }
        let mut covered = Truth::False;
        for entry in ports.items() {
            match entry_covers(entry, port) {
                Truth::True => {
                    covered = Truth::True;
                    break;
                }
                Truth::Unknown => covered = Truth::Unknown,
                Truth::False => {}
            }
        }
        if covered == Truth::False {
            continue;
        }
        match world_source(config.get("source_ranges")) {
            Truth::True if covered == Truth::True => return Truth::True,
            Truth::False => {}
            _ => undecided = true,
        }
    }
    if undecided {
        Truth::Unknown
    } else {
        Truth::False
    }
}

/// Whether `source_ranges` holds `0.0.0.0/0`.
fn world_source(v: Option<&Value>) -> Truth {
    match v {
        None | Some(Value::Null) => Truth::False,
        Some(Value::Unknown(_)) => Truth::Unknown,
        Some(v) => {
            let mut out = Truth::False;
            for item in v.items() {
                match item {
                    Value::String(s) if s == "0.0.0.0/0" => return Truth::True,
                    Value::Unknown(_) => out = Truth::Unknown,
                    _ => {}
                }
            }
            out
        }
    }
}

/// A setting that must not have the truth value `forbidden`: absent or null passes, an
/// unresolved value is undecided (Checkov's negative value checks).
pub(crate) fn must_not_be(v: Option<&Value>, forbidden: Truth) -> Truth {
    match v {
        None | Some(Value::Null) => Truth::True,
        Some(Value::Unknown(_)) => Truth::Unknown,
        Some(v) if v.truth() == forbidden => Truth::False,
        Some(_) => Truth::True,
    }
}

/// Whether a `google_compute_instance_from_template` leaves `key` to its source template
/// (`source_instance_template` is set and `key` is not written), so that the template,
/// which Deputy does not follow, decides the setting.
pub(crate) fn left_to_template(config: &Value, key: &str) -> bool {
    config.get("source_instance_template").is_some() && config.path(key).is_none()
}

/// Whether a `google_compute_subnetwork` is a proxy-only subnet (its `purpose` is one of
/// the load-balancer proxy purposes), where flow logs and Private Google Access do not
/// apply.
pub(crate) fn proxy_only_subnet(config: &Value) -> bool {
    matches!(
        config.get("purpose").and_then(Value::as_str),
        Some("INTERNAL_HTTPS_LOAD_BALANCER" | "REGIONAL_MANAGED_PROXY" | "GLOBAL_MANAGED_PROXY")
    )
}

/// How a Cloud SQL instance that is not PostgreSQL is judged by a PostgreSQL flag check.
#[derive(Clone, Copy)]
pub(crate) enum OtherEngines {
    /// No verdict: the check does not apply (Checkov's resource checks).
    Skip,
    /// Passes (Checkov's graph checks, whose condition is "not PostgreSQL, or flag set").
    Pass,
}

/// The verdict on a `google_sql_database_instance` that must set the PostgreSQL database
/// flag `flag` to one of `values` in `settings.database_flags`. An instance without
/// `settings`, or whose flags do not include the flag with an accepted value, fails.
pub(crate) fn postgres_flag(
    config: &Value,
    flag: &str,
    values: &[&str],
    others: OtherEngines,
) -> Verdict {
    let other = match others {
        OtherEngines::Skip => Verdict::Unknown,
        OtherEngines::Pass => Verdict::Pass,
    };
    match config.get("database_version") {
        Some(Value::String(v)) if v.contains("POSTGRES") => {}
        Some(Value::Unknown(_)) => return Verdict::Unknown,
        Some(Value::String(_)) => return other,
        _ => {
            return match others {
                OtherEngines::Skip => Verdict::Unknown,
                OtherEngines::Pass => Verdict::Pass,
            };
        }
    }
    let message = format!("database flag {flag} is not set to {}", values.join("/"));
    match config.get("settings") {
        None | Some(Value::Null) => return Verdict::fail(message),
        Some(Value::Unknown(_)) => return Verdict::Unknown,
        Some(_) => {}
    }
    let Some(flags) = config.path("settings.database_flags") else {
        return Verdict::fail(message);
    };
    let mut undecided = flags.is_unknown();
    for f in flags.items() {
        match (f.get("name"), f.get("value")) {
            (Some(Value::String(n)), Some(Value::String(v)))
                if n == flag && values.contains(&v.as_str()) =>
            {
                return Verdict::Pass;
            }
            (Some(Value::String(n)), Some(Value::Unknown(_))) if n == flag => undecided = true,
            (Some(Value::Unknown(_)), _) => undecided = true,
            (None, _) if f.is_unknown() => undecided = true,
            _ => {}
        }
    }
    if undecided {
        Verdict::Unknown
    } else {
        Verdict::fail(message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::aws::fixture::value;

    fn opens(json: &str, port: u16) -> Truth {
        let v = value(&serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}")));
        firewall_opens_port(&v, port)
    }

    #[test]
    fn ports_and_ranges() {
        let world = r#"{"source_ranges":["0.0.0.0/0"],"allow":[{"protocol":"tcp","ports":["80","20-23"]}]}"#;
        assert_eq!(opens(world, 22), Truth::True);
        assert_eq!(opens(world, 80), Truth::True);
        assert_eq!(opens(world, 3389), Truth::False);
        let inside = r#"{"source_ranges":["10.0.0.0/8"],"allow":[{"ports":["22"]}]}"#;
        assert_eq!(opens(inside, 22), Truth::False);
        assert_eq!(
            opens(r#"{"allow":[{"protocol":"icmp"}]}"#, 22),
            Truth::False
        );
        let unknown = r#"{"source_ranges":{"$unknown":[]},"allow":[{"ports":["22"]}]}"#;
        assert_eq!(opens(unknown, 22), Truth::Unknown);
    }
}
