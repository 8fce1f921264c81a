//! OpenFGA store files (`*.fga.yaml`): a model (inline, or `model_file`: DSL or a modular
//! model's `fga.mod`), tuples (inline or `tuple_file`), and tests with check, list-objects
//! and list-users assertions.

use super::conformance::{Kind, Report, listing_outcome};
use crate::TupleKey;
use crate::cel::RequestContext;
use crate::dsl;
use crate::engine::{CheckRequest, Engine, ListObjectsRequest, ListUsersRequest, UserFilter};
use crate::memory::MemoryTuples;
use indexmap::IndexMap;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StoreFile {
    #[serde(default)]
    #[allow(dead_code)]
    name: Option<String>,
    #[serde(default)]
    model: Option<String>,
    #[serde(default)]
    model_file: Option<String>,
    #[serde(default)]
    tuples: Vec<TupleKey>,
    #[serde(default)]
    tuple_file: Option<String>,
    #[serde(default)]
    tuple_files: Vec<String>,
    #[serde(default)]
    tests: Vec<StoreTest>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StoreTest {
    name: String,
    #[serde(default)]
    #[allow(dead_code)]
    description: Option<String>,
    #[serde(default)]
    tuples: Vec<TupleKey>,
    #[serde(default)]
    tuple_file: Option<String>,
    #[serde(default)]
    check: Vec<CheckTest>,
    #[serde(default)]
    list_objects: Vec<ListObjectsTest>,
    #[serde(default)]
    list_users: Vec<ListUsersTest>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CheckTest {
    #[serde(default)]
    user: Option<String>,
    #[serde(default)]
    users: Vec<String>,
    #[serde(default)]
    object: Option<String>,
    #[serde(default)]
    objects: Vec<String>,
    #[serde(default)]
    context: Option<RequestContext>,
    assertions: IndexMap<String, bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ListObjectsTest {
    user: String,
    #[serde(rename = "type")]
    object_type: String,
    #[serde(default)]
    context: Option<RequestContext>,
    assertions: IndexMap<String, Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ListUsersTest {
    object: String,
    user_filter: Vec<Filter>,
    #[serde(default)]
    context: Option<RequestContext>,
    assertions: IndexMap<String, UsersAssertion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Filter {
    #[serde(rename = "type")]
    type_name: String,
    #[serde(default)]
    relation: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UsersAssertion {
    #[serde(default)]
    users: Vec<String>,
}

/// Reads a file a store file refers to (`model_file`, `tuple_file`), relative to it.
pub type ReadFile<'a> = dyn Fn(&str) -> Result<String, String> + 'a;

fn tuples_from(name: &str, text: &str) -> Result<Vec<TupleKey>, String> {
    crate::tuple_file::parse(name, text)
}

/// Runs every test of a store file. `file` names it in messages; `read_file` resolves the
/// files it refers to.
pub fn run(file: &str, text: &str, read_file: &ReadFile<'_>) -> Result<Report, String> {
    let store: StoreFile = serde_saphyr::from_str(text)
        .map_err(|e| format!("`{file}` is not a valid store file: {e}"))?;
    let model_text = match (&store.model, &store.model_file) {
        (Some(m), None) => m.clone(),
        (None, Some(path)) => read_file(path)?,
        (Some(_), Some(_)) => {
            return Err(format!("`{file}`: give `model` or `model_file`, not both"));
        }
        (None, None) => return Err(format!("`{file}`: `model` or `model_file` is required")),
    };
    let modular = store.model_file.as_deref().filter(|p| p.ends_with(".mod"));
    let model = match modular {
        // A modular model: the manifest lists module files relative to itself.
        Some(manifest) => {
            let dir = manifest.rsplit_once('/').map_or("", |(dir, _)| dir);
            let read_module = |name: &str| {
                if dir.is_empty() {
                    read_file(name)
                } else {
                    read_file(&format!("{dir}/{name}"))
                }
            };
            dsl::modules::load(manifest, &model_text, &read_module)
        }
        None => dsl::parse_and_validate(&model_text),
    }
    .map_err(|errors| {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        format!("`{file}`: the model is invalid: {}", lines.join("; "))
    })?;
    let engine = Engine::new(model);
    let mut base = store.tuples.clone();
    for path in store.tuple_file.iter().chain(&store.tuple_files) {
        base.extend(tuples_from(path, &read_file(path)?)?);
    }
    let mut report = Report::default();
    for test in &store.tests {
        let mut tuples = MemoryTuples::new();
        let mut all = base.clone();
        all.extend(test.tuples.iter().cloned());
        if let Some(path) = &test.tuple_file {
            all.extend(tuples_from(path, &read_file(path)?)?);
        }
        for chunk in all.chunks(100) {
            tuples.write(engine.model(), chunk, &[]).map_err(|e| {
                format!(
                    "`{file}`, test `{}`: writing tuples failed: {}",
                    test.name, e.message
                )
            })?;
        }
        let context = |c: &Option<RequestContext>| c.clone().unwrap_or_default();
        for (i, c) in test.check.iter().enumerate() {
            let users: Vec<&String> = c.user.iter().chain(&c.users).collect();
            let objects: Vec<&String> = c.object.iter().chain(&c.objects).collect();
            for user in &users {
                for object in &objects {
                    for (relation, expected) in &c.assertions {
                        let request = check_request(user, relation, object, &c.context);
                        let label = format!("{} check {i}: {user} {relation} {object}", test.name);
                        let outcome = match engine.check(&tuples, &request) {
                            Ok(got) if got == *expected => Ok(()),
                            Ok(got) => Err(format!("expected {expected}, got {got}")),
                            Err(e) => Err(format!("error {}: {}", e.code.code(), e.message)),
                        };
                        report.record(Kind::Check, label, outcome);
                    }
                }
            }
        }
        for (i, l) in test.list_objects.iter().enumerate() {
            for (relation, expected) in &l.assertions {
                let request = ListObjectsRequest {
                    object_type: l.object_type.clone(),
                    relation: relation.clone(),
                    user: l.user.clone(),
                    contextual_tuples: Vec::new(),
                    context: context(&l.context),
                };
                let label = format!(
                    "{} list_objects {i}: {} {relation} {}",
                    test.name, l.user, l.object_type
                );
                let recheck = |object: &str| {
                    engine.check(
                        &tuples,
                        &check_request(&l.user, relation, object, &l.context),
                    )
                };
                let outcome = listing_outcome(
                    engine.list_objects(&tuples, &request),
                    None,
                    Some(expected),
                    recheck,
                );
                report.record(Kind::ListObjects, label, outcome);
            }
        }
        for (i, l) in test.list_users.iter().enumerate() {
            let filters: Vec<UserFilter> = l
                .user_filter
                .iter()
                .map(|f| match &f.relation {
                    Some(r) => UserFilter::parse(&format!("{}#{r}", f.type_name)),
                    None => UserFilter::parse(&f.type_name),
                })
                .collect();
            for (relation, expected) in &l.assertions {
                let request = ListUsersRequest {
                    object: l.object.clone(),
                    relation: relation.clone(),
                    filters: filters.clone(),
                    contextual_tuples: Vec::new(),
                    context: context(&l.context),
                };
                let label = format!("{} list_users {i}: {relation} {}", test.name, l.object);
                let recheck = |user: &str| {
                    engine.check(
                        &tuples,
                        &check_request(user, relation, &l.object, &l.context),
                    )
                };
                let outcome = listing_outcome(
                    engine.list_users(&tuples, &request),
                    None,
                    Some(&expected.users),
                    recheck,
                );
                report.record(Kind::ListUsers, label, outcome);
            }
        }
    }
    Ok(report)
}

fn check_request(
    user: &str,
    relation: &str,
    object: &str,
    context: &Option<RequestContext>,
) -> CheckRequest {
    CheckRequest {
        tuple_key: TupleKey {
            user: user.to_owned(),
            relation: relation.to_owned(),
            object: object.to_owned(),
            condition: None,
        },
        contextual_tuples: Vec::new(),
        context: context.clone().unwrap_or_default(),
    }
}
