//! Security-group rules, normalized from every resource that can hold one:
//! `aws_security_group` `ingress`/`egress` blocks, `aws_security_group_rule` of either
//! type, `aws_vpc_security_group_ingress_rule`/`_egress_rule`, and CloudFormation's
//! `AWS::EC2::SecurityGroup` (`SecurityGroupIngress`) and `AWS::EC2::SecurityGroupIngress`.
//! The port checks (22, 3389, 80, all traffic) ask one question of them: does some rule
//! open this port to (or from) the whole internet?

use crate::model::{Framework, Resource, Truth, Value};

/// A port bound as written: absent (or not a number), a number, or not resolvable.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Port {
    Missing,
    Known(i64),
    Unknown,
}

impl Port {
    fn of(v: Option<&Value>) -> Port {
        match v {
            None | Some(Value::Null) => Port::Missing,
            Some(v) if v.is_unknown() => Port::Unknown,
            // A port that is not a whole number is not a port; Checkov ignores the rule.
            Some(v) => match v.as_f64() {
                Some(n) if n.fract() == 0.0 => Port::Known(n as i64),
                _ => Port::Missing,
            },
        }
    }
}

/// Source addresses of one family: the literal ones and whether some are unknown.
#[derive(Debug, Clone, Default, PartialEq)]
struct Cidrs {
    values: Vec<String>,
    unknown: bool,
}

impl Cidrs {
    fn of(v: Option<&Value>) -> Cidrs {
        let mut out = Cidrs::default();
        let Some(v) = v else {
            return out;
        };
        for item in v.items() {
            match item {
                Value::String(s) => out.values.push(s.clone()),
                Value::Unknown(_) => out.unknown = true,
                _ => {}
            }
        }
        out
    }

    fn present(&self) -> bool {
        self.unknown || !self.values.is_empty()
    }

    fn contains_any(&self, world: &[&str]) -> bool {
        self.values.iter().any(|c| world.contains(&c.as_str()))
    }
}

const WORLD_V4: [&str; 1] = ["0.0.0.0/0"];
const WORLD_V6: [&str; 2] = ["::/0", "0000:0000:0000:0000:0000:0000:0000:0000/0"];

/// One ingress rule in normalized form.
#[derive(Debug, Clone, PartialEq)]
struct Rule {
    from: Port,
    to: Port,
    /// `Some(true)` when the protocol is `-1` (all traffic), `None` when unknown.
    all_protocols: Option<bool>,
    v4: Cidrs,
    v6: Cidrs,
    /// The rule admits only the group itself or a prefix list, whatever its ranges say.
    narrowed: Truth,
    /// A rule with no address range is open to the world: Terraform reads it so when it
    /// names no other security group either, as Checkov does; CloudFormation rules always
    /// name their source.
    sourceless_is_open: bool,
}

impl Rule {
    /// Whether the rule admits traffic to `port` (`-1`: "all traffic") from anywhere.
    fn opens(&self, port: i64) -> Truth {
        let (from, to) = match (self.from, self.to) {
            (Port::Unknown, _) | (_, Port::Unknown) => return Truth::Unknown,
            (Port::Known(0), Port::Known(0)) => (Some(0), Some(65_535)),
            (Port::Known(f), Port::Known(t)) => (Some(f), Some(t)),
            _ => (None, None),
        };
        let in_range = match (from, to) {
            (Some(f), Some(t)) => f <= port && port <= t,
            _ => false,
        };
        let everything = from == Some(0) && to == Some(65_535);
        let in_range = match (in_range, everything, self.all_protocols) {
            (true, _, _) | (_, true, Some(true)) => Truth::True,
            (false, true, None) => Truth::Unknown,
            _ => Truth::False,
        };
        if in_range == Truth::False {
            return Truth::False;
        }
        match self.narrowed {
            Truth::True => return Truth::False,
            Truth::Unknown => return Truth::Unknown,
            Truth::False => {}
        }
        let open = if self.v4.contains_any(&WORLD_V4) || self.v6.contains_any(&WORLD_V6) {
            Truth::True
        } else if self.v4.unknown || self.v6.unknown {
            Truth::Unknown
        } else if self.sourceless_is_open && !self.v4.present() && !self.v6.present() {
            Truth::True
        } else {
            Truth::False
        };
        and(in_range, open)
    }
}

fn and(a: Truth, b: Truth) -> Truth {
    match (a, b) {
        (Truth::False, _) | (_, Truth::False) => Truth::False,
        (Truth::True, Truth::True) => Truth::True,
        _ => Truth::Unknown,
    }
}

/// Whether a Terraform rule is limited to the group itself (`self = true`) or to a
/// non-empty prefix list; Checkov then ignores its address ranges.
fn tf_narrowed(rule: &Value) -> Truth {
    let mut answer = Truth::False;
    if let Some(s) = rule.get("self") {
        match s.truth() {
            Truth::True => return Truth::True,
            Truth::Unknown if !matches!(s, Value::Null) => answer = Truth::Unknown,
            _ => {}
        }
    }
    for key in ["prefix_list_ids", "prefix_list_id"] {
        match rule.get(key) {
            Some(Value::List(l)) if !l.is_empty() => return Truth::True,
            Some(Value::String(_)) => return Truth::True,
            Some(Value::Unknown(_)) => answer = Truth::Unknown,
            _ => {}
        }
    }
    answer
}

/// Whether a Terraform rule names another security group as a source; such a rule
/// without address ranges is not open to the world.
fn tf_group_source(rule: &Value) -> bool {
    [
        "security_groups",
        "source_security_group_id",
        "referenced_security_group_id",
    ]
    .iter()
    .any(|key| match rule.get(key) {
        None | Some(Value::Null) => false,
        Some(Value::List(l)) => !l.is_empty(),
        Some(_) => true,
    })
}

fn tf_rule(rule: &Value) -> Rule {
    let protocol = rule.get("protocol").or_else(|| rule.get("ip_protocol"));
    let all_protocols = match protocol {
        Some(Value::String(s)) => Some(s == "-1"),
        Some(Value::Number(n)) => Some(*n == -1.0),
        Some(Value::Unknown(_)) => None,
        _ => Some(false),
    };
    let v4 = rule.get("cidr_blocks").or_else(|| rule.get("cidr_ipv4"));
    let v6 = rule
        .get("ipv6_cidr_blocks")
        .or_else(|| rule.get("cidr_ipv6"));
    Rule {
        from: Port::of(rule.get("from_port")),
        to: Port::of(rule.get("to_port")),
        all_protocols,
        v4: Cidrs::of(v4),
        v6: Cidrs::of(v6),
        narrowed: tf_narrowed(rule),
        sourceless_is_open: !tf_group_source(rule),
    }
}

fn cfn_rule(rule: &Value) -> Rule {
    let port = |key: &str| match rule.get(key) {
        // Checkov reads a CloudFormation rule only when both ports are written.
        Some(v) if rule.get("FromPort").is_some() && rule.get("ToPort").is_some() => {
            Port::of(Some(v))
        }
        _ => Port::Missing,
    };
    Rule {
        from: port("FromPort"),
        to: port("ToPort"),
        all_protocols: Some(false),
        v4: Cidrs::of(rule.get("CidrIp")),
        v6: Cidrs::of(rule.get("CidrIpv6")),
        narrowed: Truth::False,
        sourceless_is_open: false,
    }
}

/// Which way a rule admits traffic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Direction {
    Ingress,
    Egress,
}

impl Direction {
    fn word(self) -> &'static str {
        match self {
            Direction::Ingress => "ingress",
            Direction::Egress => "egress",
        }
    }
}

/// The rules of one direction a resource holds, or `Err(())` when they cannot be told (an
/// unknown rule list or rule type) and `Ok(None)` when the resource holds no rule of that
/// direction at all (an egress `aws_security_group_rule` for an ingress question).
fn rules(r: &Resource, dir: Direction) -> Result<Option<Vec<Rule>>, ()> {
    let c = &r.config;
    let vpc_rule = match dir {
        Direction::Ingress => "aws_vpc_security_group_ingress_rule",
        Direction::Egress => "aws_vpc_security_group_egress_rule",
    };
    match (r.framework, r.kind.as_str()) {
        (Framework::Terraform, "aws_security_group") => match c.get(dir.word()) {
            None | Some(Value::Null) => Ok(Some(Vec::new())),
            Some(Value::Unknown(_)) => Err(()),
            Some(v) => Ok(Some(
                v.items()
                    .filter(|i| i.as_map().is_some())
                    .map(tf_rule)
                    .collect(),
            )),
        },
        (Framework::Terraform, "aws_security_group_rule") => match c.get("type") {
            Some(Value::String(t)) if t == dir.word() => Ok(Some(vec![tf_rule(c)])),
            Some(Value::Unknown(_)) => Err(()),
            _ => Ok(None),
        },
        (Framework::Terraform, kind) if kind == vpc_rule => {
            if c.get("from_port").is_some() || c.get("to_port").is_some() {
                Ok(Some(vec![tf_rule(c)]))
            } else {
                Ok(Some(Vec::new()))
            }
        }
        (Framework::CloudFormation, _) if dir == Direction::Egress => Ok(None),
        (Framework::CloudFormation, "AWS::EC2::SecurityGroup") => {
            match c.path("Properties.SecurityGroupIngress") {
                None => Ok(Some(Vec::new())),
                Some(Value::List(l)) => Ok(Some(l.iter().map(cfn_rule).collect())),
                Some(_) => Err(()),
            }
        }
        (Framework::CloudFormation, "AWS::EC2::SecurityGroupIngress") => Ok(Some(
            c.get("Properties").map(cfn_rule).into_iter().collect(),
        )),
        _ => Ok(None),
    }
}

/// Whether `r` admits traffic to `port` (`-1`: all traffic) from (or, for egress, to) the
/// whole internet: `True` when some rule does, `False` when none does, `Unknown` when that
/// depends on an unresolved value or the resource holds no rule of that direction.
pub(crate) fn opens_to_world(r: &Resource, port: i64, dir: Direction) -> Truth {
    let Ok(Some(rules)) = rules(r, dir) else {
        return Truth::Unknown;
    };
    let mut answer = Truth::False;
    for rule in &rules {
        match rule.opens(port) {
            Truth::True => return Truth::True,
            Truth::Unknown => answer = Truth::Unknown,
            Truth::False => {}
        }
    }
    answer
}

/// The verdict of an ingress port check on `r`.
pub(crate) fn port_verdict(r: &Resource, port: i64) -> crate::check::Verdict {
    direction_verdict(r, port, Direction::Ingress)
}

/// The verdict of a port check on `r` for rules of direction `dir`.
pub(crate) fn direction_verdict(r: &Resource, port: i64, dir: Direction) -> crate::check::Verdict {
    use crate::check::Verdict;
    let (word, way) = match dir {
        Direction::Ingress => ("an ingress", "from"),
        Direction::Egress => ("an egress", "to"),
    };
    match opens_to_world(r, port, dir) {
        Truth::True if port < 0 => Verdict::fail(format!(
            "{word} rule admits all traffic {way} 0.0.0.0/0 or ::/0"
        )),
        Truth::True => Verdict::fail(format!(
            "{word} rule admits port {port} {way} 0.0.0.0/0 or ::/0"
        )),
        Truth::False => Verdict::Pass,
        Truth::Unknown => Verdict::Unknown,
    }
}

#[cfg(test)]
mod tests;
