//! `deputy fga …`: model files offline, and a store's models, tuples and questions.

use crate::args::{
    FgaCommand, FgaModelCommand, FgaStoreCommand, FgaTupleCommand, GlobalArgs, ModelForm,
    OutputFormat, QuestionArgs, StoreArgs, TupleInput,
};
use crate::render::{self, Column, Table};
use anyhow::{Context, bail};
use deputy_app::App;
use deputy_app::FgaReadFilter;
use deputy_authz::TupleKey;
use deputy_authz::cel::RequestContext;
use deputy_authz::engine::{CheckRequest, ListObjectsRequest, ListUsersRequest, UserFilter};
use deputy_authz::tuple::RelationshipCondition;
use serde_json::json;
use std::io::Write;
use std::process::ExitCode;

/// Commands that read model and test files only.
pub fn run_offline(
    g: &GlobalArgs,
    cmd: &FgaCommand,
    out: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    match cmd {
        FgaCommand::Test { files } => {
            let mut outcomes = Vec::new();
            for file in files {
                outcomes.push(deputy_app::fga_test(file)?);
            }
            let passed: usize = outcomes.iter().map(|o| o.passed).sum();
            let failed: usize = outcomes.iter().map(|o| o.failed).sum();
            if g.output_format()? == OutputFormat::Json {
                render::json(out, &outcomes)?;
            } else {
                for o in &outcomes {
                    writeln!(out, "{} ({} file)", o.file, o.kind)?;
                    for s in &o.sections {
                        writeln!(out, "  {s}")?;
                    }
                    for f in &o.failures {
                        writeln!(out, "  FAIL {f}")?;
                    }
                }
                writeln!(out, "{passed} passed, {failed} failed")?;
            }
            Ok(if failed == 0 {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        FgaCommand::Model(FgaModelCommand::Validate { file }) => {
            let model = deputy_app::fga_read_model(file)?;
            writeln!(
                out,
                "{}: valid (schema {}, {} types, {} conditions)",
                file.display(),
                model.schema_version,
                model.type_definitions.len(),
                model.conditions.len()
            )?;
            Ok(ExitCode::SUCCESS)
        }
        FgaCommand::Model(FgaModelCommand::Transform { file, to }) => {
            let model = deputy_app::fga_read_model(file)?;
            out.write_all(deputy_app::fga_transform(&model, *to == ModelForm::Dsl).as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
        _ => bail!("this `deputy fga` command needs the database"),
    }
}

/// Commands on a store in the database.
pub async fn run(
    app: &App,
    g: &GlobalArgs,
    cmd: FgaCommand,
    out: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    let json = g.output_format()? == OutputFormat::Json;
    match cmd {
        FgaCommand::Store(cmd) => store(app, json, cmd, out).await,
        FgaCommand::Model(cmd) => model(app, json, cmd, out).await,
        FgaCommand::Tuple(cmd) => tuple(app, json, cmd, out).await,
        FgaCommand::Check {
            at,
            user,
            relation,
            object,
            question,
        } => {
            let (store, model) = resolve(app, &at).await?;
            let request = CheckRequest {
                tuple_key: TupleKey {
                    user,
                    relation,
                    object,
                    condition: None,
                },
                contextual_tuples: contextual(&question)?,
                context: context(&question)?,
            };
            let allowed = app.fga_check(&store, model.as_deref(), request).await?;
            if json {
                render::json(out, &json!({ "allowed": allowed }))?;
            } else {
                writeln!(out, "{}", if allowed { "allowed" } else { "not allowed" })?;
            }
            Ok(if allowed {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        FgaCommand::ListObjects {
            at,
            user,
            relation,
            object_type,
            question,
        } => {
            let (store, model) = resolve(app, &at).await?;
            let request = ListObjectsRequest {
                object_type,
                relation,
                user,
                contextual_tuples: contextual(&question)?,
                context: context(&question)?,
            };
            let objects = app
                .fga_list_objects(&store, model.as_deref(), request)
                .await?;
            list(out, json, "objects", &objects)
        }
        FgaCommand::ListUsers {
            at,
            object,
            relation,
            user_filters,
            question,
        } => {
            let (store, model) = resolve(app, &at).await?;
            let request = ListUsersRequest {
                object,
                relation,
                filters: user_filters.iter().map(|f| UserFilter::parse(f)).collect(),
                contextual_tuples: contextual(&question)?,
                context: context(&question)?,
            };
            let users = app
                .fga_list_users(&store, model.as_deref(), request)
                .await?;
            list(out, json, "users", &users)
        }
        FgaCommand::Expand {
            at,
            relation,
            object,
        } => {
            let (store, model) = resolve(app, &at).await?;
            let tree = app
                .fga_expand(&store, model.as_deref(), object, relation, Vec::new())
                .await?;
            render::json(out, &tree)?;
            Ok(ExitCode::SUCCESS)
        }
        FgaCommand::Test { .. } => bail!("`deputy fga test` needs no database"),
    }
}

/// The store's id and the model asked for.
async fn resolve(app: &App, at: &StoreArgs) -> anyhow::Result<(String, Option<String>)> {
    let store = app.fga_resolve_store(&at.store).await?;
    Ok((store.id, at.model.clone()))
}

fn list(out: &mut impl Write, json: bool, key: &str, items: &[String]) -> anyhow::Result<ExitCode> {
    if json {
        render::json(out, &json!({ key: items }))?;
    } else {
        for item in items {
            writeln!(out, "{item}")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn context(q: &QuestionArgs) -> anyhow::Result<RequestContext> {
    match &q.context {
        None => Ok(RequestContext::new()),
        Some(text) => serde_json::from_str(text).context("`--context` must be a JSON object"),
    }
}

/// "USER RELATION OBJECT" strings as tuples.
fn contextual(q: &QuestionArgs) -> anyhow::Result<Vec<TupleKey>> {
    q.contextual_tuples
        .iter()
        .map(
            |t| match t.split_whitespace().collect::<Vec<_>>().as_slice() {
                [user, relation, object] => Ok(TupleKey {
                    user: (*user).to_owned(),
                    relation: (*relation).to_owned(),
                    object: (*object).to_owned(),
                    condition: None,
                }),
                _ => bail!("`--contextual-tuple {t}`: give \"USER RELATION OBJECT\""),
            },
        )
        .collect()
}

async fn store(
    app: &App,
    json: bool,
    cmd: FgaStoreCommand,
    out: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    let store_json = |s: &deputy_app::FgaStoreRecord| json!({"id": s.id, "name": s.name, "created_at": s.created_at, "updated_at": s.updated_at});
    match cmd {
        FgaStoreCommand::Create { name } => {
            let s = app.fga_create_store(&name).await?;
            if json {
                render::json(out, &store_json(&s))?;
            } else {
                writeln!(out, "{}", s.id)?;
            }
        }
        FgaStoreCommand::List => {
            let stores = app.fga_stores().await?;
            if json {
                render::json(out, &stores.iter().map(store_json).collect::<Vec<_>>())?;
            } else if stores.is_empty() {
                writeln!(
                    out,
                    "no stores yet; create one with `deputy fga store create NAME`"
                )?;
            } else {
                let mut t = Table::new(vec![
                    Column::fixed("ID"),
                    Column::flex("NAME"),
                    Column::fixed("CREATED"),
                ]);
                for s in &stores {
                    t.row(vec![
                        s.id.clone(),
                        s.name.clone(),
                        render::minute(&s.created_at),
                    ]);
                }
                t.write(out)?;
            }
        }
        FgaStoreCommand::Get { store } => {
            let s = app.fga_resolve_store(&store).await?;
            if json {
                render::json(out, &store_json(&s))?;
            } else {
                writeln!(out, "{}  {}  created {}", s.id, s.name, s.created_at)?;
            }
        }
        FgaStoreCommand::Delete { store } => {
            let s = app.fga_resolve_store(&store).await?;
            app.fga_delete_store(&s.id).await?;
            if !json {
                writeln!(out, "deleted store {} ({})", s.id, s.name)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

async fn model(
    app: &App,
    json: bool,
    cmd: FgaModelCommand,
    out: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    match cmd {
        FgaModelCommand::Write { store, file } => {
            let model = deputy_app::fga_read_model(&file)?;
            let store = app.fga_resolve_store(&store).await?;
            let id = app.fga_write_model(&store.id, &model).await?;
            if json {
                render::json(out, &json!({ "authorization_model_id": id }))?;
            } else {
                writeln!(out, "{id}")?;
            }
        }
        FgaModelCommand::Get { at, to } => {
            let (store, model_id) = resolve(app, &at).await?;
            let record = app.fga_model(&store, model_id.as_deref()).await?;
            if json || to == ModelForm::Json {
                let mut model = record.model.clone();
                model.id = Some(record.id.clone());
                out.write_all(deputy_app::fga_transform(&model, false).as_bytes())?;
            } else {
                out.write_all(deputy_app::fga_transform(&record.model, true).as_bytes())?;
            }
        }
        FgaModelCommand::List { store } => {
            let store = app.fga_resolve_store(&store).await?;
            let models = app.fga_models(&store.id).await?;
            if json {
                let rows: Vec<_> = models
                    .iter()
                    .map(|m| json!({"id": m.id, "created_at": m.created_at, "types": m.model.type_definitions.len()}))
                    .collect();
                render::json(out, &rows)?;
            } else {
                let mut t = Table::new(vec![
                    Column::fixed("ID"),
                    Column::fixed("CREATED"),
                    Column::number("TYPES"),
                    Column::number("CONDITIONS"),
                ]);
                for m in &models {
                    t.row(vec![
                        m.id.clone(),
                        render::minute(&m.created_at),
                        m.model.type_definitions.len().to_string(),
                        m.model.conditions.len().to_string(),
                    ]);
                }
                t.write(out)?;
            }
        }
        FgaModelCommand::Validate { .. } | FgaModelCommand::Transform { .. } => {
            bail!("`deputy fga model validate|transform` need no database")
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The tuples of `--file`, or the one on the command line.
fn tuples(
    input: TupleInput,
    condition: Option<RelationshipCondition>,
) -> anyhow::Result<Vec<TupleKey>> {
    match input.file {
        Some(path) => {
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("cannot read `{}`", path.display()))?;
            deputy_authz::tuple_file::parse(&path.display().to_string(), &text)
                .map_err(anyhow::Error::msg)
        }
        None => match (input.user, input.relation, input.object) {
            (Some(user), Some(relation), Some(object)) => Ok(vec![TupleKey {
                user,
                relation,
                object,
                condition,
            }]),
            _ => bail!("give USER RELATION OBJECT, or `--file FILE`"),
        },
    }
}

async fn tuple(
    app: &App,
    json: bool,
    cmd: FgaTupleCommand,
    out: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    match cmd {
        FgaTupleCommand::Write {
            at,
            tuples: input,
            condition,
            condition_context,
            ignore_duplicates,
        } => {
            let condition = match condition {
                None => None,
                Some(name) => Some(RelationshipCondition {
                    name,
                    context: match condition_context {
                        None => None,
                        Some(text) => {
                            let value: serde_json::Map<String, serde_json::Value> =
                                serde_json::from_str(&text)
                                    .context("`--condition-context` must be a JSON object")?;
                            Some(serde_json::Value::Object(value).to_string())
                        }
                    },
                }),
            };
            let writes = tuples(input, condition)?;
            let (store, model) = resolve(app, &at).await?;
            app.fga_write(
                &store,
                model.as_deref(),
                &writes,
                &[],
                ignore_duplicates,
                false,
            )
            .await?;
            summary(out, json, "written", writes.len())
        }
        FgaTupleCommand::Delete {
            at,
            tuples: input,
            ignore_missing,
        } => {
            let deletes = tuples(input, None)?;
            let (store, model) = resolve(app, &at).await?;
            app.fga_write(
                &store,
                model.as_deref(),
                &[],
                &deletes,
                false,
                ignore_missing,
            )
            .await?;
            summary(out, json, "deleted", deletes.len())
        }
        FgaTupleCommand::Read {
            store,
            user,
            relation,
            object,
        } => {
            let store = app.fga_resolve_store(&store).await?;
            let filter = FgaReadFilter {
                object: object.unwrap_or_default(),
                relation: relation.unwrap_or_default(),
                user: user.unwrap_or_default(),
            };
            let mut all = Vec::new();
            let mut token: Option<String> = None;
            loop {
                let page = app
                    .fga_read(&store.id, &filter, 100, token.as_deref())
                    .await?;
                all.extend(page.items);
                match page.continuation_token {
                    Some(t) if !t.is_empty() => token = Some(t),
                    _ => break,
                }
            }
            if json {
                let rows: Vec<_> = all
                    .iter()
                    .map(|t| json!({"key": t.key, "timestamp": t.timestamp}))
                    .collect();
                render::json(out, &json!({ "tuples": rows }))?;
            } else {
                for t in &all {
                    writeln!(out, "{}", tuple_line(&t.key))?;
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        FgaTupleCommand::Changes {
            store,
            object_type,
            since,
        } => {
            let store = app.fga_resolve_store(&store).await?;
            let mut all = Vec::new();
            let mut token: Option<String> = None;
            loop {
                let page = app
                    .fga_changes(
                        &store.id,
                        object_type.as_deref(),
                        100,
                        token.as_deref(),
                        since.as_deref(),
                    )
                    .await?;
                let done = page.items.is_empty();
                all.extend(page.items);
                match page.continuation_token {
                    Some(t) if !t.is_empty() && !done => token = Some(t),
                    _ => break,
                }
            }
            if json {
                let rows: Vec<_> = all
                    .iter()
                    .map(|c| json!({"tuple_key": c.key, "operation": c.operation.as_str(), "timestamp": c.timestamp}))
                    .collect();
                render::json(out, &json!({ "changes": rows }))?;
            } else {
                for c in &all {
                    writeln!(
                        out,
                        "{}  {:<6}  {}",
                        c.timestamp,
                        c.operation.as_str(),
                        tuple_line(&c.key)
                    )?;
                }
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn tuple_line(t: &TupleKey) -> String {
    match &t.condition {
        Some(c) => format!(
            "{} {} {} with {}{}",
            t.user,
            t.relation,
            t.object,
            c.name,
            c.context
                .as_deref()
                .map(|x| format!(" {x}"))
                .unwrap_or_default()
        ),
        None => format!("{} {} {}", t.user, t.relation, t.object),
    }
}

fn summary(out: &mut impl Write, json: bool, what: &str, n: usize) -> anyhow::Result<ExitCode> {
    if json {
        render::json(out, &json!({ what: n }))?;
    } else {
        writeln!(out, "{what} {n} tuple{}", if n == 1 { "" } else { "s" })?;
    }
    Ok(ExitCode::SUCCESS)
}
