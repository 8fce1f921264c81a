//! The check framework: the metadata every check carries, what a check returns for one
//! resource, and the context it runs in (the other resources of the scan, for checks that
//! connect resources, such as a bucket and its public-access block).

use crate::model::{Framework, Resource, Span, Value};
use deputy_core::Severity;
use serde::Serialize;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

/// Everything known about a check, used for findings, docs and `deputy checks list`.
#[derive(Debug, Clone, Serialize)]
pub struct Meta {
    /// Deputy's stable code, e.g. `DPY-AWS-S3-001`. Never reused.
    pub code: &'static str,
    /// The Checkov ids this check is equivalent to, for every framework it covers.
    pub checkov: &'static [&'static str],
    pub title: &'static str,
    pub severity: Severity,
    /// Why this severity: the trivy-checks / KICS severities it follows, and any reason to
    /// differ.
    pub severity_reason: &'static str,
    /// The resource types it judges, per framework (`aws_s3_bucket`, `AWS::S3::Bucket`,
    /// `Deployment`, `Dockerfile`). A Terraform `data`, `provider` or `module` target is
    /// written `data.<type>`, `provider.<name>` or `module`.
    pub targets: &'static [(Framework, &'static str)],
    /// What the check reads and when it reports.
    pub description: &'static str,
    pub remediation: &'static str,
    /// Further reading (provider documentation, benchmarks).
    pub references: &'static [&'static str],
    /// Known, deliberate differences from Checkov, with the reason. Shown in the docs.
    pub differences: &'static [&'static str],
}

impl Meta {
    pub fn frameworks(&self) -> Vec<Framework> {
        let mut f: Vec<Framework> = self.targets.iter().map(|(f, _)| *f).collect();
        f.sort();
        f.dedup();
        f
    }
}

/// What a check concluded about one resource.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Pass,
    Fail(Evidence),
    /// The answer depends on a value the front end could not resolve: neither a pass nor
    /// a finding.
    Unknown,
    /// A pass reported on a part of the resource (a Dockerfile instruction), where Checkov
    /// reports it there; `message` says what was found fine.
    PassAt(Evidence),
    /// Several verdicts on parts of one resource (every failing `RUN` of a Dockerfile).
    /// Nested `Many` are flattened.
    Many(Vec<Verdict>),
}

impl Verdict {
    /// A failure with a message and no narrower location than the resource.
    pub fn fail(message: impl Into<String>) -> Verdict {
        Verdict::Fail(Evidence {
            message: message.into(),
            span: None,
            address: None,
        })
    }
}

/// Why a check failed, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    pub message: String,
    /// A narrower span than the resource's, when the check can point at one.
    pub span: Option<Span>,
    /// An address replacing the resource's, where Checkov reports a part of the resource
    /// (a Dockerfile instruction: `/Dockerfile.USER`).
    pub address: Option<String>,
}

/// A check: metadata and a pure function of one resource and the scan it is part of.
pub trait Check: Sync {
    fn meta(&self) -> &'static Meta;
    fn evaluate(&self, resource: &Resource, cx: &Cx<'_>) -> Verdict;
}

/// The scan a check runs in: every resource, for checks that connect resources.
///
/// Lookups (`of_kind`, `by_address`, `resolve`) use the index the scan installs on the
/// thread running the checks ([`CxIndex::install`]) when it was built over this very
/// slice, and scan the slice otherwise (fine for a check's unit test over a handful of
/// resources). Keeping the index out of the struct keeps `Cx { resources }` literals valid.
#[derive(Debug, Clone, Copy)]
pub struct Cx<'a> {
    pub resources: &'a [Resource],
}

/// Positions in a scan's resources by (framework, type), by address, and by (root module
/// folder, address), built once per scan.
#[derive(Debug, Clone, Default)]
pub struct CxIndex {
    /// The slice it was built over (address and length), to tell it applies.
    slice: (usize, usize),
    by_kind: HashMap<Framework, HashMap<String, Vec<usize>>>,
    by_address: HashMap<String, Vec<usize>>,
    /// What a reference inside a root module, or inside the modules it calls, can name.
    by_scope: HashMap<(String, String), Vec<usize>>,
}

thread_local! {
    static INSTALLED: RefCell<Option<Arc<CxIndex>>> = const { RefCell::new(None) };
}

/// Uninstalls the index when dropped (see [`CxIndex::install`]).
#[derive(Debug)]
pub struct InstalledIndex(());

impl Drop for InstalledIndex {
    fn drop(&mut self) {
        INSTALLED.with(|i| i.borrow_mut().take());
    }
}

impl CxIndex {
    pub fn new(resources: &[Resource]) -> CxIndex {
        let mut index = CxIndex {
            slice: slice_id(resources),
            ..CxIndex::default()
        };
        for (i, r) in resources.iter().enumerate() {
            index
                .by_kind
                .entry(r.framework)
                .or_default()
                .entry(r.kind.clone())
                .or_default()
                .push(i);
            index
                .by_address
                .entry(r.address.clone())
                .or_default()
                .push(i);
            index
                .by_scope
                .entry((scope(r).to_owned(), r.address.clone()))
                .or_default()
                .push(i);
        }
        index
    }

    /// Makes this index the one every [`Cx`] over the same resources uses on the current
    /// thread, until the returned guard drops.
    pub fn install(self: &Arc<Self>) -> InstalledIndex {
        INSTALLED.with(|i| *i.borrow_mut() = Some(Arc::clone(self)));
        InstalledIndex(())
    }
}

fn slice_id(resources: &[Resource]) -> (usize, usize) {
    (resources.as_ptr() as usize, resources.len())
}

impl<'a> Cx<'a> {
    pub fn new(resources: &'a [Resource]) -> Cx<'a> {
        Cx { resources }
    }

    /// Runs `f` on the installed index if it was built over these resources.
    fn with_index<T>(&self, f: impl FnOnce(&CxIndex) -> T) -> Option<T> {
        INSTALLED.with(|i| {
            i.borrow()
                .as_deref()
                .filter(|ix| ix.slice == slice_id(self.resources))
                .map(f)
        })
    }

    /// The resources of one framework and type, in scan order.
    pub fn of_kind(
        &self,
        framework: Framework,
        kind: &'a str,
    ) -> impl Iterator<Item = &'a Resource> + 'a {
        let resources = self.resources;
        let slots = self.with_index(|ix| {
            ix.by_kind
                .get(&framework)
                .and_then(|m| m.get(kind))
                .cloned()
                .unwrap_or_default()
        });
        let scanned = slots.is_none().then(|| {
            resources
                .iter()
                .filter(move |r| r.framework == framework && r.kind == kind)
        });
        let indexed = slots.map(|s| s.into_iter().filter_map(move |i| resources.get(i)));
        indexed
            .into_iter()
            .flatten()
            .chain(scanned.into_iter().flatten())
    }

    /// The resources with address `address`, in scan order. Usually one; several when
    /// separate root modules (folders) each declare it.
    pub fn by_address(&self, address: &str) -> Vec<&'a Resource> {
        let resources = self.resources;
        self.with_index(|ix| {
            ix.by_address
                .get(address)
                .into_iter()
                .flatten()
                .filter_map(|i| resources.get(*i))
                .collect()
        })
        .unwrap_or_else(|| resources.iter().filter(|r| r.address == address).collect())
    }

    /// The resource that `reference` (an address as written in `from`'s configuration, or
    /// as [`crate::model::Unknown::refs`] records it) names, seen from `from`: in the same
    /// module instance of the same root module (folder); else the only resource anywhere
    /// with that address.
    pub fn resolve(&self, from: &Resource, reference: &str) -> Option<&'a Resource> {
        let prefix = module_prefix(from);
        let qualified = format!("{prefix}{reference}");
        let addresses = [qualified.as_str(), reference];
        let candidates = if prefix.is_empty() || reference.starts_with(prefix) {
            &addresses[1..]
        } else {
            &addresses[..]
        };
        let resources = self.resources;
        for address in candidates {
            let key = (scope(from).to_owned(), (*address).to_owned());
            let in_scope = self
                .with_index(|ix| {
                    ix.by_scope
                        .get(&key)
                        .and_then(|v| v.first())
                        .and_then(|i| resources.get(*i))
                })
                .unwrap_or_else(|| {
                    resources
                        .iter()
                        .find(|r| r.address == *address && scope(r) == scope(from))
                });
            if in_scope.is_some() {
                return in_scope;
            }
        }
        candidates.iter().find_map(|a| {
            let all = self.by_address(a);
            (all.len() == 1).then(|| all.first().copied()).flatten()
        })
    }

    /// Whether `from`'s attribute `attr` refers to `to`: an unresolved reference to `to`'s
    /// address (`bucket = aws_s3_bucket.b.id`), or `to`'s address written out as text.
    pub fn refers_to(&self, from: &Resource, attr: &str, to: &Resource) -> bool {
        let Some(value) = from.config.path(attr) else {
            return false;
        };
        let mut refs: Vec<&str> = Vec::new();
        collect_refs(value, &mut refs);
        refs.into_iter().any(|reference| {
            self.resolve(from, reference).is_some_and(|r| {
                std::ptr::eq(r, to) || (r.address == to.address && r.file == to.file)
            })
        })
    }
}

/// `module.a.module.b.` for a resource inside module instances, empty at the root.
fn module_prefix(r: &Resource) -> &str {
    if !r.address.starts_with("module.") {
        return "";
    }
    let needle = format!("{}.", r.kind);
    match r.address.rfind(&needle) {
        Some(pos) => r.address.get(..pos).unwrap_or(""),
        None => "",
    }
}

/// The folder of the root module a resource belongs to: its caller's for a module
/// resource, its own file's otherwise.
fn scope(r: &Resource) -> &str {
    let file = r
        .caller
        .as_ref()
        .map_or(r.file.as_str(), |c| c.file.as_str());
    file.rsplit_once('/').map_or("", |(dir, _)| dir)
}

fn collect_refs<'v>(value: &'v Value, out: &mut Vec<&'v str>) {
    match value {
        Value::Unknown(u) => out.extend(u.refs.iter().map(String::as_str)),
        Value::String(s) => out.push(s),
        Value::List(items) => items.iter().for_each(|v| collect_refs(v, out)),
        Value::Map(m) => m.values().for_each(|v| collect_refs(v, out)),
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BlockKind, Span};

    fn bucket(address: &str, file: &str) -> Resource {
        Resource {
            framework: Framework::Terraform,
            block: BlockKind::Resource,
            kind: "aws_s3_bucket".into(),
            address: address.into(),
            file: file.into(),
            span: Span::new(1, 2),
            caller: None,
            config: Value::Null,
        }
    }

    /// The installed index answers only for the slice it was built over, and gives the
    /// same answers as scanning.
    #[test]
    fn the_index_applies_to_its_own_slice_only() {
        let rs = vec![
            bucket("aws_s3_bucket.a", "x/main.tf"),
            bucket("aws_s3_bucket.a", "y/main.tf"),
        ];
        let copy = rs.clone();
        let answers = |cx: Cx<'_>| {
            (
                cx.of_kind(Framework::Terraform, "aws_s3_bucket").count(),
                cx.by_address("aws_s3_bucket.a").len(),
                cx.resolve(&rs[1], "aws_s3_bucket.a")
                    .map(|r| r.file.clone()),
            )
        };
        let plain = answers(Cx::new(&rs));
        let index = Arc::new(CxIndex::new(&rs));
        {
            let _installed = index.install();
            assert!(Cx::new(&rs).with_index(|_| ()).is_some());
            assert!(Cx::new(&copy).with_index(|_| ()).is_none());
            assert_eq!(answers(Cx::new(&rs)), plain);
        }
        assert!(
            Cx::new(&rs).with_index(|_| ()).is_none(),
            "uninstalled on drop"
        );
        assert_eq!(plain, (2, 2, Some("y/main.tf".to_owned())));
    }
}
