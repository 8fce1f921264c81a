//! Choosing what a scan runs: the checks (`--check` / `--skip-check`, by Deputy code or
//! Checkov id, with `*` wildcards) and the frameworks (`--framework` /
//! `--skip-framework`), with Checkov's precedence: the check list first, then the skip list.

use crate::check::Check;
use crate::model::Framework;
use crate::registry;

/// Why a selection cannot be made. Every unknown name is listed, so one run tells the user
/// everything to fix.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SelectError {
    #[error(
        "unknown check id(s) {}: neither a Deputy check code nor a Checkov id of a Deputy check (see `deputy checks list --source iac`)",
        quoted(.0)
    )]
    UnknownChecks(Vec<String>),
    #[error(
        "unknown framework(s) {}: Deputy scans `terraform`, `cloudformation`, `kubernetes`, `dockerfile`, `github_actions` and `secrets` (or `all`)",
        quoted(.0)
    )]
    UnknownFrameworks(Vec<String>),
}

fn quoted(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The checks a scan runs, in catalog order.
#[derive(Clone)]
pub struct CheckSelection {
    checks: Vec<&'static dyn Check>,
}

impl std::fmt::Debug for CheckSelection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list()
            .entries(self.checks.iter().map(|c| c.meta().code))
            .finish()
    }
}

impl PartialEq for CheckSelection {
    fn eq(&self, other: &Self) -> bool {
        self.codes().eq(other.codes())
    }
}

impl CheckSelection {
    /// Every registered check.
    pub fn all() -> CheckSelection {
        CheckSelection {
            checks: registry::all().to_vec(),
        }
    }

    /// Resolves `--check` and `--skip-check` values against the registry. Each value may
    /// hold several names separated by commas. An empty check list means every check. A
    /// name without `*` that matches no check is an error; a wildcard that matches nothing
    /// is not (`CKV_GCP*` on a catalog without GCP checks selects nothing, as in Checkov).
    pub fn resolve(check: &[String], skip: &[String]) -> Result<CheckSelection, SelectError> {
        CheckSelection::resolve_in(registry::all(), check, skip)
    }

    /// [`CheckSelection::resolve`] over another catalog (tests use small ones).
    pub fn resolve_in(
        catalog: &[&'static dyn Check],
        check: &[String],
        skip: &[String],
    ) -> Result<CheckSelection, SelectError> {
        let check = split(check);
        let skip = split(skip);
        let unknown: Vec<String> = check
            .iter()
            .chain(&skip)
            .filter(|p| !p.contains('*') && !catalog.iter().any(|c| matches(p, *c)))
            .cloned()
            .collect();
        if !unknown.is_empty() {
            return Err(SelectError::UnknownChecks(unknown));
        }
        let checks = catalog
            .iter()
            .copied()
            .filter(|c| {
                let wanted = check.is_empty() || check.iter().any(|p| matches(p, *c));
                wanted && !skip.iter().any(|p| matches(p, *c))
            })
            .collect();
        Ok(CheckSelection { checks })
    }

    /// The selected checks, in catalog order.
    pub fn checks(&self) -> &[&'static dyn Check] {
        &self.checks
    }

    fn codes(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.checks.iter().map(|c| c.meta().code)
    }
}

/// The frameworks a scan reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrameworkSelection {
    enabled: Vec<Framework>,
}

impl Default for FrameworkSelection {
    fn default() -> Self {
        FrameworkSelection {
            enabled: Framework::ALL.to_vec(),
        }
    }
}

impl FrameworkSelection {
    /// Resolves `--framework` and `--skip-framework` values (Checkov's names, comma
    /// separated or repeated; `all` is every framework).
    pub fn resolve(
        framework: &[String],
        skip: &[String],
    ) -> Result<FrameworkSelection, SelectError> {
        let parse = |names: Vec<String>, unknown: &mut Vec<String>| -> Vec<Framework> {
            let mut out = Vec::new();
            for n in names {
                if n.eq_ignore_ascii_case("all") {
                    out.extend(Framework::ALL);
                } else if let Some(f) = Framework::parse(&n.to_ascii_lowercase()) {
                    out.push(f);
                } else {
                    unknown.push(n);
                }
            }
            out
        };
        let mut unknown = Vec::new();
        let wanted = parse(split(framework), &mut unknown);
        let skipped = parse(split(skip), &mut unknown);
        if !unknown.is_empty() {
            return Err(SelectError::UnknownFrameworks(unknown));
        }
        let enabled = Framework::ALL
            .into_iter()
            .filter(|f| (wanted.is_empty() || wanted.contains(f)) && !skipped.contains(f))
            .collect();
        Ok(FrameworkSelection { enabled })
    }

    pub fn contains(&self, framework: Framework) -> bool {
        self.enabled.contains(&framework)
    }
}

/// Splits comma-separated values and drops empty names.
fn split(values: &[String]) -> Vec<String> {
    values
        .iter()
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Whether `pattern` names `check` by its Deputy code or one of its Checkov ids.
fn matches(pattern: &str, check: &dyn Check) -> bool {
    let m = check.meta();
    glob(pattern, m.code) || m.checkov.iter().any(|id| glob(pattern, id))
}

/// `*`-wildcard matching, ignoring ASCII case (ids are upper case, people type either).
pub fn glob(pattern: &str, name: &str) -> bool {
    let p: Vec<u8> = pattern.bytes().map(|b| b.to_ascii_uppercase()).collect();
    let n: Vec<u8> = name.bytes().map(|b| b.to_ascii_uppercase()).collect();
    // Greedy matching with backtracking to the last star: linear in practice, and never
    // recursive, so a pattern of many stars cannot blow the stack.
    let (mut pi, mut ni) = (0usize, 0usize);
    let mut star: Option<(usize, usize)> = None;
    while ni < n.len() {
        match p.get(pi) {
            Some(b'*') => {
                star = Some((pi, ni));
                pi += 1;
            }
            Some(c) if Some(c) == n.get(ni) => {
                pi += 1;
                ni += 1;
            }
            _ => match star {
                Some((sp, sn)) => {
                    pi = sp + 1;
                    ni = sn + 1;
                    star = Some((sp, sn + 1));
                }
                None => return false,
            },
        }
    }
    p.get(pi..)
        .is_some_and(|rest| rest.iter().all(|b| *b == b'*'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::CATALOG;

    #[test]
    fn wildcards_match_like_checkov() {
        assert!(glob("CKV_AWS*", "CKV_AWS_20"));
        assert!(glob("ckv_aws_2*", "CKV_AWS_20"));
        assert!(glob("*_20", "CKV_AWS_20"));
        assert!(glob("CKV_*_2*", "CKV_AWS_20"));
        assert!(glob("DPY-AWS-S3-001", "DPY-AWS-S3-001"));
        assert!(!glob("CKV_AWS_2", "CKV_AWS_20"));
        assert!(!glob("CKV_K8S*", "CKV_AWS_20"));
        assert!(glob("*", ""));
        assert!(!glob("a*b", "acbd"));
    }

    fn names(sel: &Result<CheckSelection, SelectError>) -> Vec<&'static str> {
        sel.as_ref()
            .map(|s| s.codes().collect())
            .unwrap_or_default()
    }

    fn resolve(check: &[&str], skip: &[&str]) -> Result<CheckSelection, SelectError> {
        let own = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        CheckSelection::resolve_in(CATALOG, &own(check), &own(skip))
    }

    #[test]
    fn unknown_names_are_all_reported() {
        let err = resolve(&["CKV_NOPE_1,CKV_AWS*"], &["DPY-NOPE-9"]);
        assert_eq!(
            err,
            Err(SelectError::UnknownChecks(vec![
                "CKV_NOPE_1".to_owned(),
                "DPY-NOPE-9".to_owned()
            ]))
        );
        let msg = err.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(msg.contains("`CKV_NOPE_1`, `DPY-NOPE-9`"), "{msg}");
        assert!(names(&resolve(&["CKV_GCP*"], &[])).is_empty());
    }

    #[test]
    fn check_list_first_then_skip_list() {
        assert_eq!(names(&resolve(&[], &[])).len(), CATALOG.len());
        assert_eq!(
            names(&resolve(&["CKV_AWS*"], &[])),
            ["DPY-TEST-001", "DPY-TEST-002"]
        );
        assert_eq!(
            names(&resolve(&["CKV_AWS*", "CKV_K8S_20"], &["CKV_AWS_20"])),
            ["DPY-TEST-002", "DPY-TEST-003"]
        );
        assert_eq!(
            names(&resolve(&["dpy-test-00*"], &["DPY-TEST-004,CKV_AWS_21"])),
            ["DPY-TEST-001", "DPY-TEST-003"]
        );
    }

    #[test]
    fn every_registered_check_is_selected_by_each_of_its_names() {
        for c in registry::all() {
            let m = c.meta();
            for name in std::iter::once(m.code).chain(m.checkov.iter().copied()) {
                let only = CheckSelection::resolve(&[name.to_owned()], &[]);
                assert!(names(&only).contains(&m.code), "{name}");
                let skipped = CheckSelection::resolve(&[], &[name.to_owned()]);
                assert!(
                    skipped.is_ok() && !names(&skipped).contains(&m.code),
                    "{name}"
                );
            }
        }
    }

    #[test]
    fn frameworks_resolve_check_list_then_skip_list() {
        let s = FrameworkSelection::resolve(
            &["terraform,kubernetes".to_owned()],
            &["kubernetes".to_owned()],
        );
        let s = s.unwrap_or_default();
        assert!(s.contains(Framework::Terraform));
        assert!(!s.contains(Framework::Kubernetes));
        assert!(!s.contains(Framework::Dockerfile));
        let all = FrameworkSelection::resolve(&["all".to_owned()], &["dockerfile".to_owned()]);
        assert!(all.is_ok_and(
            |s| s.contains(Framework::CloudFormation) && !s.contains(Framework::Dockerfile)
        ));
        assert_eq!(
            FrameworkSelection::resolve(&["helm".to_owned()], &[]),
            Err(SelectError::UnknownFrameworks(vec!["helm".to_owned()]))
        );
    }
}
