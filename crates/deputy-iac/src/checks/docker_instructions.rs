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

/// One pattern of a Checkov graph check on Dockerfile instructions: the instructions it
/// applies to and the regular expression a value must not match (anchored at the start,
/// as Python's `re.match`).
#[derive(Debug)]
pub(crate) struct Forbidden {
    pub words: &'static [&'static str],
    pub pattern: &'static std::sync::LazyLock<Option<regex::Regex>>,
}

/// Compiles a Checkov pattern anchored at the start; `None` only if the pattern is
/// invalid, which the checks' tests rule out.
pub(crate) fn anchored(pattern: &str) -> Option<regex::Regex> {
    regex::Regex::new(&format!("^(?:{pattern})")).ok()
}

/// The first instruction, in file order, whose value matches a pattern for its keyword
/// fails; a Dockerfile with some instruction a pattern applies to and no match passes;
/// one with none is not judged.
pub(crate) fn first_forbidden(r: &Resource, rules: &[Forbidden], message: &str) -> Verdict {
    let mut judged = false;
    for ins in instructions(r) {
        for rule in rules.iter().filter(|rule| rule.words.contains(&ins.word)) {
            judged = true;
            let Some(re) = rule.pattern.as_ref() else {
                return Verdict::Unknown;
            };
            if re.is_match(ins.value) {
                return fail_at(r, &ins, message);
            }
        }
    }
    if judged {
        Verdict::Pass
    } else {
        Verdict::Unknown
    }
}
