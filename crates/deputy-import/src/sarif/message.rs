//! Result messages: text, markdown, or a rule's message string with its placeholders
//! filled in.

use super::model::{Message, Rule};
use super::non_empty;

/// The result's message: its text, else its markdown, else the rule's message string it
/// names, with `{0}`-style placeholders replaced by the result's arguments.
pub(super) fn message_text(
    message: Option<&Message<'_>>,
    rule: Option<&Rule<'_>>,
) -> Option<String> {
    let message = message?;
    let arguments = message.arguments.as_deref().unwrap_or_default();
    if let Some(text) =
        non_empty(message.text.as_deref()).or(non_empty(message.markdown.as_deref()))
    {
        return Some(if arguments.is_empty() {
            text.to_owned()
        } else {
            substitute(text, arguments)
        });
    }
    let id = message.id.as_deref()?;
    let template = rule?.message_strings.as_ref()?.get(id)?;
    let text = non_empty(template.text.as_deref()).or(non_empty(template.markdown.as_deref()))?;
    Some(substitute(text, arguments))
}

/// Replaces `{n}` with `arguments[n]` and `{{`/`}}` with literal braces (SARIF §3.11.5).
/// A placeholder without an argument is kept as written.
pub(super) fn substitute(template: &str, arguments: &[String]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' | '}' if chars.peek() == Some(&c) => {
                chars.next();
                out.push(c);
            }
            '{' => {
                let mut look = chars.clone();
                let mut digits = String::new();
                while let Some(d) = look.next_if(char::is_ascii_digit) {
                    digits.push(d);
                }
                let argument = digits
                    .parse::<usize>()
                    .ok()
                    .and_then(|n| arguments.get(n))
                    .filter(|_| look.next() == Some('}'));
                match argument {
                    Some(argument) => {
                        out.push_str(argument);
                        chars = look;
                    }
                    None => out.push(c),
                }
            }
            c => out.push(c),
        }
    }
    out
}
