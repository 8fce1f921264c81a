//! The canonical byte form of an event, the input of its hash.
//!
//! A length-prefixed encoding rather than JSON, so that no serializer setting (key order,
//! escaping, number formatting) can change a hash. It is:
//!
//! ```text
//! "deputy-audit/v1"                          the version tag, 15 bytes, no length prefix
//! field(seq)                                 decimal ASCII, no leading zeros
//! field(time)                                YYYY-MM-DDTHH:MM:SS.mmmZ (deputy-core's time_fmt)
//! field(actor kind)                          human | agent | system
//! field(actor id)
//! field(action)
//! field(target)
//! field(outcome)
//! field(detail)                              compact JSON object, keys in ascending order
//! ```
//!
//! where `field(x)` is the byte length of `x` as a big-endian `u32` followed by the UTF-8
//! bytes of `x`. Every field is length-prefixed, so no two different events encode to the
//! same bytes. The detail is a map of text to text; its JSON has no whitespace, keys sorted
//! by byte order and serde_json's escaping, and it is stored exactly as hashed, so a
//! verifier hashes the stored text without parsing it (that is what lets a million events
//! verify in about a second).

use crate::chain::AuditEvent;
use deputy_core::ActorKind;
use std::collections::BTreeMap;

/// The tag that opens every canonical encoding; a new encoding gets a new tag.
pub const CANONICAL_VERSION: &str = "deputy-audit/v1";

/// The canonical bytes of `event` stored at sequence number `seq`.
pub fn canonical_bytes(seq: u64, event: &AuditEvent) -> Vec<u8> {
    let mut out = Vec::with_capacity(160 + event.detail.len() * 32);
    let fields = StoredFields::of(event);
    write_into(&mut out, seq, &fields.borrow());
    out
}

/// An event's fields as they are stored and hashed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventFields<'a> {
    pub time: &'a str,
    pub actor_kind: &'a str,
    pub actor_id: &'a str,
    pub action: &'a str,
    pub target: &'a str,
    pub outcome: &'a str,
    /// The detail's canonical JSON (see [`detail_json`]).
    pub detail: &'a str,
}

/// The owned text forms of an event's time and detail, from which [`EventFields`] borrow.
pub(crate) struct StoredFields<'a> {
    event: &'a AuditEvent,
    time: String,
    detail: String,
}

impl<'a> StoredFields<'a> {
    pub(crate) fn of(event: &'a AuditEvent) -> Self {
        Self {
            event,
            time: deputy_core::time_fmt::format(event.time),
            detail: detail_json(&event.detail),
        }
    }

    pub(crate) fn borrow(&self) -> EventFields<'_> {
        EventFields {
            time: &self.time,
            actor_kind: actor_kind(self.event.actor.kind),
            actor_id: &self.event.actor.id,
            action: &self.event.action,
            target: &self.event.target,
            outcome: &self.event.outcome,
            detail: &self.detail,
        }
    }
}

/// `human`, `agent` or `system`.
pub fn actor_kind(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Human => "human",
        ActorKind::Agent => "agent",
        ActorKind::System => "system",
    }
}

/// The canonical JSON of an event's detail: compact, keys in ascending byte order (a
/// `BTreeMap`'s order).
pub fn detail_json(detail: &BTreeMap<String, String>) -> String {
    let mut out = String::from("{");
    for (i, (k, v)) in detail.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        json_string(&mut out, k);
        out.push(':');
        json_string(&mut out, v);
    }
    out.push('}');
    out
}

/// A JSON string literal, escaping exactly what JSON requires (`"`, `\\`, controls).
fn json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

pub(crate) fn write_into(out: &mut Vec<u8>, seq: u64, f: &EventFields<'_>) {
    out.extend_from_slice(CANONICAL_VERSION.as_bytes());
    field(out, seq.to_string().as_bytes());
    field(out, f.time.as_bytes());
    field(out, f.actor_kind.as_bytes());
    field(out, f.actor_id.as_bytes());
    field(out, f.action.as_bytes());
    field(out, f.target.as_bytes());
    field(out, f.outcome.as_bytes());
    field(out, f.detail.as_bytes());
}

fn field(out: &mut Vec<u8>, bytes: &[u8]) {
    out.extend_from_slice(&len32(bytes.len()).to_be_bytes());
    out.extend_from_slice(bytes);
}

/// Lengths beyond 4 GiB cannot occur in an event (the store rejects them long before);
/// saturating keeps the function total.
fn len32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use deputy_core::Actor;
    use time::macros::datetime;

    #[test]
    fn detail_json_is_what_serde_json_writes_for_a_sorted_map() {
        let detail = BTreeMap::from([
            (
                "z".to_owned(),
                "quote \" slash \\ nl \n tab \t bell \u{7} bs \u{8} ff \u{c} del \u{7f} é"
                    .to_owned(),
            ),
            ("a".to_owned(), String::new()),
        ]);
        assert_eq!(
            detail_json(&detail),
            serde_json::to_string(&detail).unwrap()
        );
        assert_eq!(detail_json(&BTreeMap::new()), "{}");
    }

    #[test]
    fn the_encoding_is_exactly_as_documented() {
        let event = AuditEvent {
            time: datetime!(2026-01-02 03:04:05.678 UTC),
            actor: Actor::human("al"),
            action: "a".into(),
            target: "t".into(),
            outcome: "ok".into(),
            detail: BTreeMap::from([("k".to_owned(), "v".to_owned())]),
        };
        let mut want = b"deputy-audit/v1".to_vec();
        for f in [
            "7",
            "2026-01-02T03:04:05.678Z",
            "human",
            "al",
            "a",
            "t",
            "ok",
        ] {
            want.extend_from_slice(&(f.len() as u32).to_be_bytes());
            want.extend_from_slice(f.as_bytes());
        }
        want.extend_from_slice(&9u32.to_be_bytes());
        want.extend_from_slice(br#"{"k":"v"}"#);
        assert_eq!(canonical_bytes(7, &event), want);
    }
}
