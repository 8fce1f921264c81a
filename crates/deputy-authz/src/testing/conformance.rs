//! OpenFGA's conformance files (`assets/tests/*.yaml`) run the way OpenFGA's Go runners run
//! them: a fresh store per test, stages in order (a new model per stage, tuples accumulating),
//! Check / ListObjects / ListUsers assertions with error codes, list results compared as sets
//! and re-checked, and optionally the stage tuples sent as contextual tuples instead.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use crate::cel::RequestContext;
use crate::dsl;
use crate::engine::{CheckRequest, Engine, ListObjectsRequest, ListUsersRequest, UserFilter};
use crate::memory::MemoryTuples;
use crate::{FgaError, TupleKey};
use serde::Deserialize;

#[derive(Deserialize)]
struct File {
    tests: Vec<Test>,
}

#[derive(Deserialize)]
struct Test {
    name: String,
    stages: Vec<Stage>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Stage {
    model: String,
    #[serde(default)]
    tuples: Option<Vec<TupleKey>>,
    #[serde(default)]
    check_assertions: Option<Vec<CheckAssertion>>,
    #[serde(default)]
    list_objects_assertions: Option<Vec<ListObjectsAssertion>>,
    #[serde(default)]
    list_users_assertions: Option<Vec<ListUsersAssertion>>,
}

#[derive(Deserialize)]
struct Key {
    user: String,
    relation: String,
    object: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct CheckAssertion {
    tuple: Key,
    #[serde(default)]
    contextual_tuples: Option<Vec<TupleKey>>,
    #[serde(default)]
    context: Option<RequestContext>,
    #[serde(default)]
    expectation: Option<bool>,
    #[serde(default)]
    error_code: Option<u32>,
}

#[derive(Deserialize)]
struct ListObjectsRequestYaml {
    user: String,
    #[serde(rename = "type")]
    object_type: String,
    relation: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ListObjectsAssertion {
    request: ListObjectsRequestYaml,
    #[serde(default)]
    contextual_tuples: Option<Vec<TupleKey>>,
    #[serde(default)]
    context: Option<RequestContext>,
    #[serde(default)]
    expectation: Option<Vec<String>>,
    #[serde(default)]
    error_code: Option<u32>,
}

#[derive(Deserialize)]
struct ListUsersRequestYaml {
    object: String,
    relation: String,
    #[serde(default)]
    filters: Vec<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ListUsersAssertion {
    request: ListUsersRequestYaml,
    #[serde(default)]
    contextual_tuples: Option<Vec<TupleKey>>,
    #[serde(default)]
    context: Option<RequestContext>,
    #[serde(default)]
    expectation: Option<Vec<String>>,
    #[serde(default)]
    error_code: Option<u32>,
}

/// Pass and fail counts for one assertion kind.
#[derive(Default, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    pub passed: usize,
    pub failed: usize,
}

/// Outcomes per assertion kind, and a line per failure.
#[derive(Debug, Default)]
pub struct Report {
    pub check: Tally,
    pub list_objects: Tally,
    pub list_users: Tally,
    pub failures: Vec<String>,
}

impl Report {
    /// Assertions that passed and failed, over every kind.
    pub fn totals(&self) -> (usize, usize) {
        let t = [self.check, self.list_objects, self.list_users];
        (
            t.iter().map(|x| x.passed).sum(),
            t.iter().map(|x| x.failed).sum(),
        )
    }

    pub(crate) fn record(&mut self, kind: Kind, name: String, outcome: Result<(), String>) {
        let tally = match kind {
            Kind::Check => &mut self.check,
            Kind::ListObjects => &mut self.list_objects,
            Kind::ListUsers => &mut self.list_users,
        };
        match outcome {
            Ok(()) => tally.passed += 1,
            Err(why) => {
                tally.failed += 1;
                self.failures.push(format!("{name}: {why}"));
            }
        }
    }
}

#[derive(Clone, Copy)]
pub(crate) enum Kind {
    Check,
    ListObjects,
    ListUsers,
}

/// Judges a ListObjects or ListUsers answer: the expected error code, or the expected set
/// (compared as sets), with every returned item re-checked as OpenFGA's runners do.
pub(crate) fn listing_outcome(
    result: Result<Vec<String>, FgaError>,
    error_code: Option<u32>,
    expected: Option<&[String]>,
    recheck: impl Fn(&str) -> Result<bool, FgaError>,
) -> Result<(), String> {
    if let Some(code) = error_code.filter(|c| *c != 0) {
        return expect_error(result.map(|v| format!("{v:?}")), code);
    }
    let got = result.map_err(|e| format!("unexpected error {} ({})", e.code.code(), e.message))?;
    let want: BTreeSet<&str> = expected.into_iter().flatten().map(String::as_str).collect();
    let have: BTreeSet<&str> = got.iter().map(String::as_str).collect();
    let mut why = String::new();
    if want != have {
        let _ = write!(why, "expected {want:?}, got {have:?}");
    }
    for item in &got {
        match recheck(item) {
            Ok(true) => {}
            other => {
                let _ = write!(why, "; re-check of {item} gave {other:?}");
            }
        }
    }
    if why.is_empty() { Ok(()) } else { Err(why) }
}

fn expect_error(result: Result<String, FgaError>, code: u32) -> Result<(), String> {
    match result {
        Err(e) if e.code.code() == code => Ok(()),
        Err(e) => Err(format!(
            "expected error {code}, got {} ({})",
            e.code.code(),
            e.message
        )),
        Ok(got) => Err(format!("expected error {code}, got {got}")),
    }
}

/// Runs every test of a conformance file; `contextual` sends each stage's tuples as
/// contextual tuples instead of storing them (skipping multi-stage tests and stages with more
/// than 100 tuples, as OpenFGA's runners do). `file` names the source in failure labels.
pub fn run(file: &str, text: &str, contextual: bool) -> Result<Report, String> {
    // `abac_tests.yaml` has floats that overflow to infinity; they arrive as `.inf` strings,
    // which no condition parameter accepts, so they take OpenFGA's 2000 path.
    let options = serde_saphyr::options! { non_finite_float_policy: serde_saphyr::NonFiniteFloatPolicy::AsString };
    let parsed: File = serde_saphyr::from_str_with_options(text, options)
        .map_err(|e| format!("`{file}` is not an OpenFGA conformance file: {e}"))?;
    let mut report = Report::default();
    for (index, test) in parsed.tests.iter().enumerate() {
        if contextual && test.stages.len() > 1 {
            continue;
        }
        let mut store = MemoryTuples::new();
        for (stage_no, stage) in test.stages.iter().enumerate() {
            let stage_tuples = stage.tuples.clone().unwrap_or_default();
            if contextual && stage_tuples.len() > 100 {
                continue;
            }
            let label = |kind: &str, i: usize| {
                let suffix = if contextual { "_ctxTuples" } else { "" };
                format!(
                    "{file}#{index} {}{suffix} stage {stage_no} {kind} {i}",
                    test.name
                )
            };
            let model = match dsl::parse(&stage.model) {
                Ok(m) => m,
                Err(e) => {
                    let why = format!(
                        "model does not parse: {}",
                        e.iter()
                            .map(ToString::to_string)
                            .collect::<Vec<_>>()
                            .join("; ")
                    );
                    for i in 0..stage.check_assertions.as_ref().map_or(0, Vec::len) {
                        report.record(Kind::Check, label("check", i), Err(why.clone()));
                    }
                    for i in 0..stage.list_objects_assertions.as_ref().map_or(0, Vec::len) {
                        report.record(
                            Kind::ListObjects,
                            label("list_objects", i),
                            Err(why.clone()),
                        );
                    }
                    for i in 0..stage.list_users_assertions.as_ref().map_or(0, Vec::len) {
                        report.record(Kind::ListUsers, label("list_users", i), Err(why.clone()));
                    }
                    continue;
                }
            };
            let engine = Engine::new(model);
            let mut write_error = None;
            if !contextual {
                for chunk in stage_tuples.chunks(40) {
                    if let Err(e) = store.write(engine.model(), chunk, &[]) {
                        write_error = Some(format!(
                            "writing tuples failed: {} {}",
                            e.code.code(),
                            e.message
                        ));
                        break;
                    }
                }
            }
            let extra: &[TupleKey] = if contextual { &stage_tuples } else { &[] };
            let with_extra = |ctx: &Option<Vec<TupleKey>>| {
                let mut all = ctx.clone().unwrap_or_default();
                all.extend(extra.iter().cloned());
                all
            };
            let check = |user: &str,
                         relation: &str,
                         object: &str,
                         ctx: &[TupleKey],
                         context: &RequestContext| {
                engine.check(
                    &store,
                    &CheckRequest {
                        tuple_key: TupleKey {
                            user: user.to_owned(),
                            relation: relation.to_owned(),
                            object: object.to_owned(),
                            condition: None,
                        },
                        contextual_tuples: ctx.to_vec(),
                        context: context.clone(),
                    },
                )
            };

            for (i, a) in stage.check_assertions.iter().flatten().enumerate() {
                let context = a.context.clone().unwrap_or_default();
                let ctx = with_extra(&a.contextual_tuples);
                let result = check(
                    &a.tuple.user,
                    &a.tuple.relation,
                    &a.tuple.object,
                    &ctx,
                    &context,
                );
                let outcome = if let Some(w) = &write_error {
                    Err(w.clone())
                } else {
                    match a.error_code.filter(|c| *c != 0) {
                        Some(code) => expect_error(result.map(|b| b.to_string()), code),
                        None => match result {
                            Ok(b) if b == a.expectation.unwrap_or(false) => Ok(()),
                            Ok(b) => Err(format!(
                                "expected {}, got {b}",
                                a.expectation.unwrap_or(false)
                            )),
                            Err(e) => Err(format!(
                                "unexpected error {} ({})",
                                e.code.code(),
                                e.message
                            )),
                        },
                    }
                };
                report.record(Kind::Check, label("check", i), outcome);
            }

            for (i, a) in stage.list_objects_assertions.iter().flatten().enumerate() {
                let context = a.context.clone().unwrap_or_default();
                let ctx = with_extra(&a.contextual_tuples);
                let request = ListObjectsRequest {
                    object_type: a.request.object_type.clone(),
                    relation: a.request.relation.clone(),
                    user: a.request.user.clone(),
                    contextual_tuples: ctx.clone(),
                    context: context.clone(),
                };
                let result = engine.list_objects(&store, &request);
                let outcome = match &write_error {
                    Some(w) => Err(w.clone()),
                    None => {
                        listing_outcome(result, a.error_code, a.expectation.as_deref(), |object| {
                            check(&a.request.user, &a.request.relation, object, &ctx, &context)
                        })
                    }
                };
                report.record(Kind::ListObjects, label("list_objects", i), outcome);
            }

            for (i, a) in stage.list_users_assertions.iter().flatten().enumerate() {
                let context = a.context.clone().unwrap_or_default();
                let ctx = with_extra(&a.contextual_tuples);
                let request = ListUsersRequest {
                    object: a.request.object.clone(),
                    relation: a.request.relation.clone(),
                    filters: a
                        .request
                        .filters
                        .iter()
                        .map(|f| UserFilter::parse(f))
                        .collect(),
                    contextual_tuples: ctx.clone(),
                    context: context.clone(),
                };
                let result = engine.list_users(&store, &request);
                let outcome = match &write_error {
                    Some(w) => Err(w.clone()),
                    None => {
                        listing_outcome(result, a.error_code, a.expectation.as_deref(), |user| {
                            check(user, &a.request.relation, &a.request.object, &ctx, &context)
                        })
                    }
                };
                report.record(Kind::ListUsers, label("list_users", i), outcome);
            }
        }
    }
    Ok(report)
}
