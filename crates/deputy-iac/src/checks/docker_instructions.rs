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

/// Checkov's graph checks judge every instruction a pattern applies to on its own: each
/// one whose value matches fails and each other one passes, all addressed
/// `/<path>.<INSTRUCTION>` with that instruction's lines; a Dockerfile with no instruction
/// a pattern applies to is not judged.
pub(crate) fn every_forbidden(r: &Resource, rules: &[Forbidden], message: &str) -> Verdict {
    let words: Vec<&str> = rules
        .iter()
        .flat_map(|rule| rule.words.iter().copied())
        .collect();
    each_instruction(r, &words, message, |ins| {
        let mut offends = false;
        for rule in rules.iter().filter(|rule| rule.words.contains(&ins.word)) {
            offends |= rule.pattern.as_ref()?.is_match(ins.value);
        }
        Some(offends)
    })
}

/// One verdict per instruction whose keyword is in `words`: a failure with `message`
/// where `offends` says so, a pass on the instruction otherwise. An instruction `offends`
/// cannot judge (`None`) gets no verdict; with no instruction judged the result is
/// [`Verdict::Unknown`].
pub(crate) fn each_instruction(
    r: &Resource,
    words: &[&str],
    message: &str,
    offends: impl Fn(&Instruction<'_>) -> Option<bool>,
) -> Verdict {
    let verdicts: Vec<Verdict> = instructions(r)
        .iter()
        .filter(|ins| words.contains(&ins.word))
        .filter_map(|ins| match offends(ins)? {
            true => Some(fail_at(r, ins, message)),
            false => Some(pass_at(r, ins, format!("this {} is fine", ins.word))),
        })
        .collect();
    if verdicts.is_empty() {
        Verdict::Unknown
    } else {
        Verdict::Many(verdicts)
    }
}

/// A pass on one instruction, addressed `/<path>.<INSTRUCTION>`, where Checkov reports the
/// pass there rather than on the file.
/// Fails every `word` instruction on its own lines; no verdict when there is none.
pub(crate) fn fail_each(r: &Resource, word: &str, message: &str) -> Verdict {
    let all: Vec<Verdict> = of(r, word).iter().map(|i| fail_at(r, i, message)).collect();
    if all.is_empty() {
        Verdict::Unknown
    } else {
        Verdict::Many(all)
    }
}

/// Passes on every `word` instruction (where Checkov reports the pass), or fails the
/// file when there is none.
pub(crate) fn required(r: &Resource, word: &str, missing: &str) -> Verdict {
    if instructions(r).is_empty() {
        return Verdict::Unknown;
    }
    let found: Vec<Verdict> = of(r, word)
        .iter()
        .map(|i| pass_at(r, i, format!("{word} is present")))
        .collect();
    if found.is_empty() {
        Verdict::fail(missing)
    } else {
        Verdict::Many(found)
    }
}

pub(crate) fn pass_at(r: &Resource, at: &Instruction<'_>, message: impl Into<String>) -> Verdict {
    Verdict::PassAt(Evidence {
        message: message.into(),
        span: Some(at.span),
        address: Some(instruction_address(&r.file, at.word)),
    })
}

/// Each verdict of `v` as (failed, address, first line, last line), for tests that look
/// at every instruction's verdict; a verdict on the whole file has address `/Dockerfile.`
/// and lines 0.
#[cfg(test)]
pub(crate) fn sites(v: Verdict) -> Vec<(bool, String, u32, u32)> {
    let at = |failed: bool, e: Evidence| {
        let span = e.span.unwrap_or(Span::new(0, 0));
        let address = e.address.unwrap_or_else(|| "/Dockerfile.".into());
        vec![(failed, address, span.start, span.end)]
    };
    match v {
        Verdict::Many(all) => all.into_iter().flat_map(sites).collect(),
        Verdict::Fail(e) => at(true, e),
        Verdict::PassAt(e) => at(false, e),
        Verdict::Pass => vec![(false, "/Dockerfile.".into(), 0, 0)],
        Verdict::Unknown => Vec::new(),
    }
}

/// The one verdict of `v`, unwrapping a [`Verdict::Many`] of a single verdict, for tests
/// of one-instruction Dockerfiles.
#[cfg(test)]
pub(crate) fn single(v: Verdict) -> Verdict {
    match v {
        Verdict::Many(mut all) if all.len() == 1 => all.remove(0),
        other => other,
    }
}
