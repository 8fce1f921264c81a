//! Logic shared by the Google Cloud checks: firewall ingress rules that open a port to the
//! whole internet, and Cloud SQL database flags.

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
        assert_eq!(opens(r#"{"allow":[{"protocol":"icmp"}]}"#, 22), Truth::False);
        let unknown = r#"{"source_ranges":{"$unknown":[]},"allow":[{"ports":["22"]}]}"#;
        assert_eq!(opens(unknown, 22), Truth::Unknown);
    }
}
