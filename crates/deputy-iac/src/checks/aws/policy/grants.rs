//! What an IAM policy document allows without resource constraints: the questions
//! Checkov's least-privilege checks ask through cloudsplaining 0.7.0 (write or
//! permissions-management actions on `"*"`, restrictable actions on `"*"`, privilege
//! escalation, data exfiltration, credentials exposure), answered the same way over the
//! normalized [`Document`] model and the IAM action table ([`super::super::iam_actions`]).
//!
//! The rules, as cloudsplaining applies them:
//! - Wildcard actions (`s3:Put*`, `iam:*`, `*`) expand against the table; a pattern that
//!   matches nothing, or an action the table does not know, stays as written.
//! - An action is *restrictable* when resource ARNs can constrain it. A statement's
//!   restrictable actions are "unrestricted" when it allows them on `"*"` without a
//!   condition; its other actions ("unrestrictable": only `"*"` applies, or unknown to the
//!   table) count whatever the resources, when it has no condition.
//! - `Deny` statements take their actions out of the unrestricted and unrestrictable sets
//!   (not out of the write and permissions-management answers, which cloudsplaining reads
//!   per statement).
//! - `NotAction` with `Allow` on `"*"` allows every action but those; on named resources
//!   it adds nothing to any answer here.
//! - A statement without an effect (in a JSON document), without actions, or with an
//!   action that does not have exactly one `:`, makes the document unreadable to
//!   Checkov: no verdict. So does a `data "aws_iam_policy_document"` statement whose
//!   `actions` or `resources` evaluate to an empty list (Checkov takes the first element
//!   of what it expects to be a one-element list), or whose `condition` lacks `test`,
//!   `variable` or `values`.
//! - A `data "aws_iam_policy_document"` statement with a null `effect` allows, as
//!   Terraform reads it (Checkov sees no effect and skips the statement).
//!
//! Unresolved values are judged in two bounds: the least the document can allow (an
//! unknown effect denies, an unknown condition is present, an unknown resource is not
//! `"*"`, unknown actions add nothing to an `Allow` and anything to a `Deny`) and the most.
//! A risk found in the least is a finding; one found only in the most is no verdict.

use super::super::iam_actions::{self, AccessLevel, ActionId};
use super::{Document, Effect, Field, Statement};
use crate::check::Verdict;
use crate::model::{Resource, Truth};
use std::borrow::Cow;
use std::collections::BTreeSet;

/// The question asked of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Risk {
    /// Restrictable actions allowed on `"*"` (CKV_AWS_355/356).
    StarResource,
    /// `Write` actions allowed on `"*"` (CKV_AWS_111/290).
    Write,
    /// `Permissions management` actions allowed on `"*"` (CKV_AWS_109/289).
    PermissionsManagement,
    /// A privilege-escalation combination allowed without constraints (CKV_AWS_110/286).
    PrivilegeEscalation,
    /// Read actions that return data (`s3:GetObject`, secrets) allowed without
    /// constraints (CKV_AWS_108/288).
    DataExfiltration,
    /// Actions that return credentials allowed without constraints (CKV_AWS_107/287).
    CredentialsExposure,
}

/// Privilege-escalation methods (Rhino Security Labs' list, as cloudsplaining 0.7.0
/// names them): each is a set of actions, in lower case, that together escalate.
const PRIVILEGE_ESCALATION: &[&[&str]] = &[
    &["iam:createaccesskey"],
    &["iam:createloginprofile"],
    &["iam:updateloginprofile"],
    &["iam:addusertogroup"],
    &["iam:createpolicyversion"],
    &["iam:setdefaultpolicyversion"],
    &["iam:attachuserpolicy"],
    &["iam:attachgrouppolicy"],
    &["iam:attachrolepolicy", "sts:assumerole"],
    &["iam:putuserpolicy"],
    &["iam:putgrouppolicy"],
    &["iam:putrolepolicy", "sts:assumerole"],
    &["iam:updateassumerolepolicy", "sts:assumerole"],
    &["iam:passrole", "ec2:runinstances"],
    &[
        "iam:passrole",
        "lambda:createfunction",
        "lambda:invokefunction",
    ],
    &[
        "iam:passrole",
        "lambda:createfunction",
        "lambda:createeventsourcemapping",
        "dynamodb:createtable",
        "dynamodb:putitem",
    ],
    &[
        "iam:passrole",
        "lambda:createfunction",
        "lambda:createeventsourcemapping",
    ],
    &["iam:passrole", "glue:createdevendpoint"],
    &["iam:passrole", "cloudformation:createstack"],
    &["iam:passrole", "datapipeline:createpipeline"],
    &["glue:updatedevendpoint"],
    &["lambda:updatefunctioncode"],
];

/// Read-only actions that can leak data (cloudsplaining's list), in lower case.
const DATA_EXFILTRATION: &[&str] = &[
    "s3:getobject",
    "ssm:getparameter",
    "ssm:getparameters",
    "ssm:getparametersbypath",
    "secretsmanager:getsecretvalue",
];

/// Actions whose response carries credentials (cloudsplaining 0.7.0's list, including
/// its `gamelist:` spelling), in lower case.
const RETURN_CREDENTIALS: &[&str] = &[
    "airflow:createclitoken",
    "airflow:createweblogintoken",
    "appsync:createapikey",
    "chime:createapikey",
    "cloud9:createenvironmenttoken",
    "codeartifact:getauthorizationtoken",
    "codepipeline:pollforjobs",
    "cognito-identity:getopenidtoken",
    "cognito-identity:getopenidtokenfordeveloperidentity",
    "cognito-identity:getcredentialsforidentity",
    "cognito-idp:getsigningcertificate",
    "connect:getfederationtoken",
    "connect:getfederationtokens",
    "ec2:getpassworddata",
    "ecr:getauthorizationtoken",
    "ecr-public:getauthorizationtoken",
    "emr-containers:getmanagedendpointsessioncredentials",
    "finspace-api:getprogrammaticaccesscredentials",
    "gamelift:requestuploadcredentials",
    "gamelift:getinstanceaccess",
    "gamelist:getcomputeaccess",
    "gamelist:getcomputeauthtoken",
    "grafana:createworkspaceapikey",
    "iam:createaccesskey",
    "iam:createloginprofile",
    "iam:createservicespecificcredential",
    "iam:resetservicespecificcredential",
    "iam:updateaccesskey",
    "license-manager:getaccesstoken",
    "lightsail:getinstanceaccessdetails",
    "lightsail:downloaddefaultkeypair",
    "lightsail:createbucketaccesskey",
    "lightsail:getrelationaldatabasemasteruserpassword",
    "mediapackage:rotatechannelcredentials",
    "mediapackage:rotateingestendpointcredentials",
    "rds-db:connect",
    "redshift:getclustercredentials",
    "redshift:getclustercredentialswithiam",
    "redshift-serverless:getcredentials",
    "sso:getrolecredentials",
    "sts:assumerole",
    "sts:assumerolewithsaml",
    "sts:assumerolewithwebidentity",
    "sts:getfederationtoken",
    "sts:getsessiontoken",
];

/// Checkov leaves this one out of its credentials-exposure checks: registry logins are
/// what the action is for.
const CREDENTIALS_EXCLUDED: &str = "ecr:GetAuthorizationToken";

/// Judges the policies a resource holds ([`super::least_privilege_policies`]) for `risk`.
pub(crate) fn judge_resource(r: &Resource, risk: Risk) -> Verdict {
    super::least_privilege_policies(r).map_or(Verdict::Unknown, |docs| judge(&docs, risk))
}

/// Judges `docs` (the policies of one resource) for `risk`: a failure naming the actions
/// when some document certainly allows it, no verdict when one might, else a pass.
pub(crate) fn judge(docs: &[Document], risk: Risk) -> Verdict {
    let mut unknown = false;
    for doc in docs {
        match assess(doc, risk) {
            Assessment::Found(actions) => return Verdict::fail(message(risk, &actions)),
            Assessment::Unknown => unknown = true,
            Assessment::Clear => {}
        }
    }
    if unknown {
        Verdict::Unknown
    } else {
        Verdict::Pass
    }
}

/// One document's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Assessment {
    /// The risk is certainly there: the actions that make it.
    Found(Vec<String>),
    Clear,
    Unknown,
}

pub(crate) fn assess(doc: &Document, risk: Risk) -> Assessment {
    let Document::Known(statements) = doc else {
        return Assessment::Unknown;
    };
    let Some(read) = statements.iter().map(read).collect::<Option<Vec<_>>>() else {
        return Assessment::Unknown;
    };
    let least: Option<Vec<Granted<'_>>> = read.iter().map(|s| s.bound(Bound::Least)).collect();
    let most: Option<Vec<Granted<'_>>> = read.iter().map(|s| s.bound(Bound::Most)).collect();
    let (Some(least), Some(most)) = (least, most) else {
        return Assessment::Unknown;
    };
    let found = findings(&least, risk);
    if !found.actions.is_empty() {
        return Assessment::Found(found.actions);
    }
    let possible = findings(&most, risk);
    if possible.any || !possible.actions.is_empty() {
        Assessment::Unknown
    } else {
        Assessment::Clear
    }
}

fn message(risk: Risk, actions: &[String]) -> String {
    let what = match risk {
        Risk::StarResource => "allows restrictable actions on `*` without a condition",
        Risk::Write => "allows write actions on `*` without a condition",
        Risk::PermissionsManagement => {
            "allows permissions-management actions on `*` without a condition"
        }
        Risk::PrivilegeEscalation => "allows privilege escalation",
        Risk::DataExfiltration => "allows reading data without resource constraints",
        Risk::CredentialsExposure => "allows actions that return credentials",
    };
    let mut more = 0usize;
    let mut listed: Vec<String> = Vec::new();
    for a in actions {
        match a.strip_prefix('+').and_then(|n| n.parse::<usize>().ok()) {
            Some(n) => more += n,
            None if listed.len() < SHOWN => listed.push(format!("`{a}`")),
            None => more += 1,
        }
    }
    if more > 0 {
        format!("{what}: {} and {more} more", listed.join(", "))
    } else {
        format!("{what}: {}", listed.join(", "))
    }
}

/// An action as the analysis sees it: a catalogued action in its documented spelling, or
/// any other text (another spelling, an unknown action, a pattern that matched nothing).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Act {
    Known(ActionId),
    Text(String),
}

impl Act {
    fn of(s: &str) -> Act {
        match iam_actions::lookup(s) {
            Some(id)
                if iam_actions::action(id)
                    .is_some_and(|a| s.split_once(':') == Some((a.service, a.name))) =>
            {
                Act::Known(id)
            }
            _ => Act::Text(s.to_owned()),
        }
    }

    /// The catalogued action it names, in any spelling.
    fn id(&self) -> Option<ActionId> {
        match self {
            Act::Known(id) => Some(*id),
            Act::Text(s) => iam_actions::lookup(s),
        }
    }

    fn restrictable_id(&self) -> Option<ActionId> {
        self.id()
            .filter(|id| iam_actions::action(*id).is_some_and(|a| a.restrictable))
    }

    /// Only `"*"` applies to it (or the table does not know it in this spelling): the
    /// actions cloudsplaining calls unrestrictable.
    fn unrestrictable(&self) -> bool {
        match self {
            Act::Known(id) => !iam_actions::action(*id).is_some_and(|a| a.restrictable),
            Act::Text(_) => true,
        }
    }

    fn text(&self) -> String {
        match self {
            Act::Known(id) => iam_actions::action(*id)
                .map(iam_actions::Action::full_name)
                .unwrap_or_default(),
            Act::Text(s) => s.clone(),
        }
    }
}

fn all_actions() -> Vec<Act> {
    (0..iam_actions::actions().len())
        .filter_map(|i| ActionId::try_from(i).ok())
        .map(Act::Known)
        .collect()
}

/// Expands one action as written, the way policy_sentry does.
fn expand(action: &str, out: &mut Vec<Act>) {
    if !action.contains('*') {
        out.push(Act::of(action));
        return;
    }
    if action == "*" {
        out.extend(all_actions());
        return;
    }
    let service = action.split(':').next().unwrap_or(action);
    let rest = action.split_once(':').map_or("", |(_, r)| r);
    let range = iam_actions::service_actions(service);
    let before = out.len();
    for i in range {
        if let Some(a) = iam_actions::actions().get(i)
            && iam_actions::glob_matches(rest, a.name)
            && let Ok(id) = ActionId::try_from(i)
        {
            out.push(Act::Known(id));
        }
    }
    if out.len() == before {
        out.push(Act::of(action));
    }
}

/// Where the statement's actions come from.
#[derive(Debug)]
enum Source {
    /// `Action`: the expanded known actions, and whether some are unresolved.
    Actions { acts: Vec<Act>, open: bool },
    /// `NotAction`: the expanded exclusions, in lower case, and whether some are
    /// unresolved.
    NotActions {
        except: BTreeSet<String>,
        open: bool,
    },
}

/// A statement read once, before the bounds.
#[derive(Debug)]
struct Read<'a> {
    statement: &'a Statement,
    wildcard: Truth,
    source: Source,
    /// For `NotAction` with `Allow` on named resources: whether every resource is an ARN
    /// of a known service (policy_sentry fails on anything else).
    arns_readable: bool,
}

/// Reads a statement; `None` when Checkov could not (see the module docs).
fn read(s: &Statement) -> Option<Read<'_>> {
    if s.malformed || s.effect == Effect::Missing {
        return None;
    }
    let given = |f: &Option<Field>| {
        f.as_ref()
            .filter(|f| !f.values.is_empty() || f.unknown)
            .cloned()
    };
    let source = if let Some(actions) = given(&s.actions) {
        let mut acts = Vec::new();
        for a in &actions.values {
            expand(a, &mut acts);
        }
        let well_formed = acts.iter().all(|a| match a {
            Act::Known(_) => true,
            Act::Text(t) => t.matches(':').count() == 1,
        });
        if !well_formed {
            return None;
        }
        acts.sort();
        acts.dedup();
        Source::Actions {
            acts,
            open: actions.unknown,
        }
    } else if let Some(not_actions) = given(&s.not_actions) {
        let mut acts = Vec::new();
        for a in &not_actions.values {
            expand(a, &mut acts);
        }
        Source::NotActions {
            except: acts.iter().map(|a| a.text().to_ascii_lowercase()).collect(),
            open: not_actions.unknown,
        }
    } else {
        return None;
    };
    let wildcard = if s.resources.values.iter().any(|r| r == "*") {
        Truth::True
    } else if s.resources.opaque {
        Truth::Unknown
    } else {
        Truth::False
    };
    let arns_readable = !s.resources.unknown
        && s.resources.values.iter().all(|r| {
            let parts: Vec<&str> = r.splitn(6, ':').collect();
            parts.len() == 6
                && parts
                    .get(2)
                    .is_some_and(|svc| !iam_actions::service_actions(svc).is_empty())
        });
    Some(Read {
        statement: s,
        wildcard,
        source,
        arns_readable,
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bound {
    /// The least the document can allow.
    Least,
    /// The most it can allow.
    Most,
}

impl Bound {
    fn pick(self, t: Truth, least: bool) -> bool {
        match t {
            Truth::True => true,
            Truth::False => false,
            Truth::Unknown => match self {
                Bound::Least => least,
                Bound::Most => !least,
            },
        }
    }
}

/// A statement resolved for one bound.
#[derive(Debug)]
struct Granted<'a> {
    allow: bool,
    deny: bool,
    condition: bool,
    wildcard: bool,
    acts: Cow<'a, [Act]>,
    /// Its actions could be any action (unresolved).
    any: bool,
}

impl Read<'_> {
    /// `None` when Checkov could not read the statement in this bound.
    fn bound(&self, bound: Bound) -> Option<Granted<'_>> {
        let (allow, deny) = match self.statement.effect {
            Effect::Allow => (true, false),
            Effect::Deny => (false, true),
            Effect::Other | Effect::Missing => (false, false),
            Effect::Unknown => match bound {
                Bound::Least => (false, true),
                Bound::Most => (true, false),
            },
        };
        let condition = bound.pick(self.statement.condition, true);
        let wildcard = bound.pick(self.wildcard, false);
        // Unresolved actions add anything to an `Allow` in the most bound, and take
        // anything away through a `Deny` in the least.
        let open_counts = match bound {
            Bound::Least => deny,
            Bound::Most => allow,
        };
        let (acts, any) = match &self.source {
            Source::Actions { acts, open } => {
                (Cow::Borrowed(acts.as_slice()), *open && open_counts)
            }
            Source::NotActions { except, open } => {
                if allow && wildcard {
                    if *open && bound == Bound::Least {
                        (Cow::Owned(Vec::new()), false)
                    } else {
                        let acts = all_actions()
                            .into_iter()
                            .filter(|a| !except.contains(&a.text().to_ascii_lowercase()))
                            .collect();
                        (Cow::Owned(acts), false)
                    }
                } else if allow && !self.arns_readable {
                    return None;
                } else {
                    (Cow::Owned(Vec::new()), false)
                }
            }
        };
        Some(Granted {
            allow,
            deny,
            condition,
            wildcard,
            acts,
            any,
        })
    }
}

/// What one bound of a document shows for a risk.
#[derive(Debug, Default)]
struct Findings {
    /// The actions that make the risk, sorted.
    actions: Vec<String>,
    /// Unresolved actions could make it.
    any: bool,
}

/// How many actions a finding's message names.
const SHOWN: usize = 5;

/// The names of the actions in `ids` (sorted): the first [`SHOWN`], then a count of the
/// rest as `+N`.
fn named(ids: &[ActionId]) -> Vec<String> {
    let mut out: Vec<String> = ids
        .iter()
        .take(SHOWN)
        .filter_map(|id| iam_actions::action(*id))
        .map(iam_actions::Action::full_name)
        .collect();
    if ids.len() > SHOWN {
        out.push(format!("+{}", ids.len() - SHOWN));
    }
    out
}

/// Sorts and deduplicates a set of action ids kept as a vector.
fn settle(ids: &mut Vec<ActionId>) {
    ids.sort_unstable();
    ids.dedup();
}

/// What a document allows without constraints, as cloudsplaining's policy-wide answers
/// see it. Id sets are sorted vectors.
#[derive(Debug)]
struct Allowed {
    /// Restrictable actions allowed on `"*"` without a condition, less those denied.
    unrestricted: Vec<ActionId>,
    /// Catalogued actions only `"*"` applies to, allowed without a condition whatever
    /// the resources, less those denied.
    unrestrictable: Vec<ActionId>,
    /// The other unrestrictable actions, as written (another spelling, unknown to the
    /// table), less those denied.
    texts: Vec<String>,
    /// Unresolved actions could add to them.
    any: bool,
}

fn allowed(stmts: &[Granted<'_>]) -> Allowed {
    let mut a = Allowed {
        unrestricted: Vec::new(),
        unrestrictable: Vec::new(),
        texts: Vec::new(),
        any: false,
    };
    // A `Deny` whose actions are unresolved could deny everything (only in the least
    // bound: in the most, its unresolved actions deny nothing).
    if stmts.iter().any(|g| g.deny && g.any) {
        a.any = stmts.iter().any(|g| g.allow && !g.condition && g.any);
        return a;
    }
    for g in stmts.iter().filter(|g| g.allow && !g.condition) {
        a.any |= g.any;
        for act in g.acts.iter() {
            if g.wildcard
                && let Some(id) = act.restrictable_id()
            {
                a.unrestricted.push(id);
            }
            match act {
                Act::Known(id) if act.unrestrictable() => a.unrestrictable.push(*id),
                Act::Known(_) => {}
                Act::Text(t) => a.texts.push(t.clone()),
            }
        }
    }
    let mut denied: Vec<ActionId> = Vec::new();
    for g in stmts.iter().filter(|g| g.deny) {
        for act in g.acts.iter() {
            match act {
                Act::Known(id) => denied.push(*id),
                Act::Text(t) => a.texts.retain(|x| x != t),
            }
        }
    }
    settle(&mut denied);
    for set in [&mut a.unrestricted, &mut a.unrestrictable] {
        settle(set);
        set.retain(|id| denied.binary_search(id).is_err());
    }
    a
}

impl Allowed {
    /// The spellings in which the action `lower` (in lower case) is allowed: its
    /// documented one when unrestricted (or unrestrictable in that spelling), and any
    /// other spelling written.
    fn spellings(&self, lower: &str) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(id) = iam_actions::lookup(lower)
            && (self.unrestricted.binary_search(&id).is_ok()
                || self.unrestrictable.binary_search(&id).is_ok())
        {
            out.extend(iam_actions::action(id).map(iam_actions::Action::full_name));
        }
        out.extend(
            self.texts
                .iter()
                .filter(|t| t.eq_ignore_ascii_case(lower))
                .cloned(),
        );
        out
    }
}

fn findings(stmts: &[Granted<'_>], risk: Risk) -> Findings {
    let mut out = Findings::default();
    match risk {
        Risk::Write | Risk::PermissionsManagement => {
            let level = if risk == Risk::Write {
                AccessLevel::Write
            } else {
                AccessLevel::PermissionsManagement
            };
            let mut found: Vec<ActionId> = Vec::new();
            for g in stmts
                .iter()
                .filter(|g| g.allow && !g.condition && g.wildcard)
            {
                out.any |= g.any;
                found.extend(
                    g.acts
                        .iter()
                        .filter_map(Act::restrictable_id)
                        .filter(|id| iam_actions::action(*id).is_some_and(|a| a.level == level)),
                );
            }
            settle(&mut found);
            out.actions = named(&found);
        }
        Risk::StarResource => {
            let a = allowed(stmts);
            out.any = a.any;
            out.actions = named(&a.unrestricted);
        }
        Risk::PrivilegeEscalation | Risk::DataExfiltration | Risk::CredentialsExposure => {
            let a = allowed(stmts);
            out.any = a.any;
            let mut found: BTreeSet<String> = BTreeSet::new();
            match risk {
                Risk::PrivilegeEscalation => {
                    for method in PRIVILEGE_ESCALATION {
                        let spelled: Vec<Vec<String>> =
                            method.iter().map(|x| a.spellings(x)).collect();
                        if spelled.iter().all(|s| !s.is_empty()) {
                            found.extend(spelled.into_iter().filter_map(|s| s.into_iter().next()));
                        }
                    }
                }
                Risk::DataExfiltration => {
                    found.extend(
                        DATA_EXFILTRATION
                            .iter()
                            .filter_map(|x| a.spellings(x).into_iter().next()),
                    );
                }
                _ => {
                    found.extend(
                        RETURN_CREDENTIALS
                            .iter()
                            .flat_map(|x| a.spellings(x))
                            .filter(|n| n != CREDENTIALS_EXCLUDED),
                    );
                }
            }
            out.actions = found.into_iter().collect();
        }
    }
    out
}

#[cfg(test)]
mod tests;
