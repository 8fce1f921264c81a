//! Tuple files as OpenFGA's CLI reads them (`fga tuple write --file`, a store file's
//! `tuple_file`): a YAML or JSON list of tuple keys, or CSV with the header
//! `user_type,user_id,user_relation,relation,object_type,object_id,condition_name,condition_context`
//! (columns in any order; `user_relation` and the condition columns optional).

use crate::tuple::{RelationshipCondition, TupleKey};

/// Parses a tuple file; `name` (its path) picks the format by extension — `.csv`, else YAML,
/// which also reads JSON — and names the file in errors, with the line where known.
pub fn parse(name: &str, text: &str) -> Result<Vec<TupleKey>, String> {
    if name.to_ascii_lowercase().ends_with(".csv") {
        return parse_csv(name, text);
    }
    serde_saphyr::from_str(text).map_err(|e| format!("`{name}` is not a list of tuples: {e}"))
}

const REQUIRED: [&str; 5] = [
    "user_type",
    "user_id",
    "relation",
    "object_type",
    "object_id",
];
const OPTIONAL: [&str; 3] = ["user_relation", "condition_name", "condition_context"];

fn parse_csv(name: &str, text: &str) -> Result<Vec<TupleKey>, String> {
    let records = csv_records(name, text)?;
    let mut records = records.into_iter();
    let Some((_, header)) = records.next() else {
        return Ok(Vec::new());
    };
    let column = |wanted: &str| header.iter().position(|h| h.trim() == wanted);
    for h in &header {
        let h = h.trim();
        if !REQUIRED.contains(&h) && !OPTIONAL.contains(&h) {
            return Err(format!(
                "`{name}` line 1: unknown column `{h}`; the columns are {}",
                REQUIRED
                    .iter()
                    .chain(&OPTIONAL)
                    .copied()
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
    }
    let mut required = [0usize; 5];
    for (slot, wanted) in required.iter_mut().zip(REQUIRED) {
        *slot = column(wanted)
            .ok_or_else(|| format!("`{name}` line 1: the header lacks the column `{wanted}`"))?;
    }
    let [user_type, user_id, relation, object_type, object_id] = required;
    let user_relation = column("user_relation");
    let condition_name = column("condition_name");
    let condition_context = column("condition_context");
    let mut tuples = Vec::new();
    for (line, record) in records {
        if record.len() == 1 && record.first().is_some_and(|f| f.trim().is_empty()) {
            continue;
        }
        let field = |i: usize, what: &str| -> Result<String, String> {
            record
                .get(i)
                .map(|f| f.trim().to_owned())
                .filter(|f| !f.is_empty())
                .ok_or_else(|| format!("`{name}` line {line}: `{what}` is empty"))
        };
        let optional = |i: Option<usize>| {
            i.and_then(|i| record.get(i))
                .map(|f| f.trim().to_owned())
                .filter(|f| !f.is_empty())
        };
        let mut user = format!(
            "{}:{}",
            field(user_type, "user_type")?,
            field(user_id, "user_id")?
        );
        if let Some(r) = optional(user_relation) {
            user = format!("{user}#{r}");
        }
        let condition = match (optional(condition_name), optional(condition_context)) {
            (Some(condition_name), context) => {
                let context = match context {
                    Some(c) => {
                        let value: serde_json::Value = serde_json::from_str(&c).map_err(|e| {
                            format!("`{name}` line {line}: condition_context is not JSON: {e}")
                        })?;
                        if !value.is_object() {
                            return Err(format!(
                                "`{name}` line {line}: condition_context must be a JSON object"
                            ));
                        }
                        Some(value.to_string())
                    }
                    None => None,
                };
                Some(RelationshipCondition {
                    name: condition_name,
                    context,
                })
            }
            (None, Some(_)) => {
                return Err(format!(
                    "`{name}` line {line}: condition_context without condition_name"
                ));
            }
            (None, None) => None,
        };
        tuples.push(TupleKey {
            user,
            relation: field(relation, "relation")?,
            object: format!(
                "{}:{}",
                field(object_type, "object_type")?,
                field(object_id, "object_id")?
            ),
            condition,
        });
    }
    Ok(tuples)
}

/// RFC 4180 records with the line each starts on: fields separated by commas, quoted
/// fields may hold commas, newlines and doubled quotes.
fn csv_records(name: &str, text: &str) -> Result<Vec<(usize, Vec<String>)>, String> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut line = 1;
    let mut start = 1;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted => {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    quoted = false;
                }
            }
            '"' if field.trim().is_empty() => {
                field.clear();
                quoted = true;
            }
            ',' if !quoted => record.push(std::mem::take(&mut field)),
            '\r' if !quoted => {}
            '\n' => {
                line += 1;
                if quoted {
                    field.push('\n');
                } else {
                    record.push(std::mem::take(&mut field));
                    records.push((start, std::mem::take(&mut record)));
                    start = line;
                }
            }
            c => field.push(c),
        }
    }
    if quoted {
        return Err(format!(
            "`{name}` line {start}: a quoted field is not closed"
        ));
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push((start, record));
    }
    Ok(records)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_with_usersets_conditions_and_quotes() {
        let text = "user_type,user_id,user_relation,relation,object_type,object_id,condition_name,condition_context\n\
                    user,anne,,viewer,document,1,,\n\
                    group,eng,member,viewer,document,1,,\n\
                    user,bob,,viewer,document,2,in_hours,\"{\"\"hour\"\": 9, \"\"tz\"\": \"\"UTC\"\"}\"\n";
        let tuples = parse("t.csv", text).unwrap();
        assert_eq!(tuples.len(), 3);
        assert_eq!(tuples[0].user, "user:anne");
        assert_eq!(tuples[1].user, "group:eng#member");
        let c = tuples[2].condition.as_ref().unwrap();
        assert_eq!(c.name, "in_hours");
        assert_eq!(c.context.as_deref(), Some(r#"{"hour":9,"tz":"UTC"}"#));
    }

    #[test]
    fn csv_columns_in_any_order_and_errors_name_the_line() {
        let text =
            "object_type,object_id,relation,user_type,user_id\r\ndocument,1,viewer,user,anne\r\n";
        let tuples = parse("t.CSV", text).unwrap();
        assert_eq!(tuples[0].object, "document:1");
        assert_eq!(tuples[0].user, "user:anne");

        let err = parse(
            "t.csv",
            "user_type,user_id,relation,object_type\nuser,a,r,doc\n",
        )
        .unwrap_err();
        assert!(err.contains("line 1") && err.contains("object_id"), "{err}");
        let err = parse(
            "t.csv",
            "user_type,user_id,relation,object_type,object_id\nuser,a,r,doc,1\nuser,,r,doc,2\n",
        )
        .unwrap_err();
        assert!(err.contains("line 3") && err.contains("user_id"), "{err}");
        let err = parse(
            "t.csv",
            "user_type,user_id,relation,object_type,object_id,colour\n",
        )
        .unwrap_err();
        assert!(err.contains("colour"), "{err}");
        let err = parse("t.csv", "user_type,user_id\n\"open\n").unwrap_err();
        assert!(
            err.contains("line 2") && err.contains("not closed"),
            "{err}"
        );
    }

    proptest::proptest! {
        #[test]
        fn arbitrary_text_is_tuples_or_an_error_naming_the_file(
            text in "[a-z_,:#\"{}\\r\n ]{0,200}"
        ) {
            for name in ["t.csv", "t.yaml"] {
                if let Err(e) = parse(name, &text) {
                    proptest::prop_assert!(e.contains(name), "{e}");
                }
            }
        }
    }

    #[test]
    fn yaml_and_json_lists() {
        let yaml = "- user: user:anne\n  relation: viewer\n  object: document:1\n";
        assert_eq!(parse("t.yaml", yaml).unwrap()[0].user, "user:anne");
        let json = r#"[{"user":"user:anne","relation":"viewer","object":"document:1",
                        "condition":{"name":"c","context":{"x":1}}}]"#;
        let t = parse("t.json", json).unwrap();
        assert_eq!(
            t[0].condition.as_ref().unwrap().context.as_deref(),
            Some(r#"{"x":1}"#)
        );
        assert!(parse("t.yaml", "user: x").unwrap_err().contains("t.yaml"));
    }
}
