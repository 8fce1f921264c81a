//! What the Dockerfile checks share: the instructions of a Dockerfile resource (see
//! [`crate::dockerfile`] for the config's shape) and failures located on one of them.

use crate::check::{Evidence, Verdict};
use crate::dockerfile::instruction_address;
use crate::model::{Resource, Span, Value};

/// One instruction of a Dockerfile.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Instruction<'a> {
    /// The keyword, upper-cased.
    pub word: &'a str,
    /// The arguments, continuation lines joined.
    pub value: &'a str,
    pub span: Span,
}

/// The instructions of a Dockerfile resource, in file order.
pub(crate) fn instructions(r: &Resource) -> Vec<Instruction<'_>> {
    let line = |i: &Value, k: &str| i.get(k).and_then(Value::as_f64).unwrap_or(0.0) as u32;
    r.config
        .get("instructions")
        .into_iter()
        .flat_map(Value::items)
        .map(|i| Instruction {
            word: i.get("instruction").and_then(Value::as_str).unwrap_or(""),
            value: i.get("value").and_then(Value::as_str).unwrap_or(""),
            span: Span::new(line(i, "start"), line(i, "end")),
        })
        .collect()
}

/// The instructions with keyword `word`.
pub(crate) fn of<'a>(r: &'a Resource, word: &str) -> Vec<Instruction<'a>> {
    instructions(r)
        .into_iter()
        .filter(|i| i.word == word)
        .collect()
}

/// A failure on one instruction, addressed `/<path>.<INSTRUCTION>` as Checkov does.
pub(crate) fn fail_at(r: &Resource, at: &Instruction<'_>, message: impl Into<String>) -> Verdict {
    Verdict::Fail(Evidence {
        message: message.into(),
        span: Some(at.span),
        address: Some(instruction_address(&r.file, at.word)),
    })
}

#[cfg(test)]
pub(crate) fn dockerfile(text: &str) -> Resource {
    let mut parsed = crate::dockerfile::parse(&crate::model::SourceFile {
        path: "Dockerfile".into(),
        text: text.into(),
    });
    parsed.resources.remove(0)
}
