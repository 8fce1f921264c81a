use deputy_audit::{
    AuditEvent, Breach, BreachKind, ChainHead, ChainVerifier, ChainedEvent, Hash, link,
};
use deputy_core::{Actor, ActorKind};
use proptest::prelude::*;
use std::collections::BTreeMap;
use time::macros::datetime;

fn event(i: u64) -> AuditEvent {
    AuditEvent::new(
        datetime!(2026-03-01 12:00 UTC) + time::Duration::seconds(i as i64),
        if i.is_multiple_of(3) {
            Actor::system("gate")
        } else {
            Actor::human("alice")
        },
        "vault.lease.issue",
        format!("connection:alice/github/{i}"),
        "allowed",
    )
    .with("lease", format!("lease-{i}"))
}

fn chain(n: u64) -> Vec<ChainedEvent> {
    let mut head = ChainHead::EMPTY;
    (1..=n)
        .map(|i| {
            let e = link(&head, event(i)).unwrap();
            head = e.head();
            e
        })
        .collect()
}

fn verify(events: &[ChainedEvent], head: Option<ChainHead>) -> Result<u64, Breach> {
    let mut v = ChainVerifier::new();
    for e in events {
        v.push(e)?;
    }
    v.finish(head).map(|c| c.events)
}

/// Recomputes an event's hash after a forger changed it, as someone who knows the format
/// but cannot change the events after it would.
fn rehash(e: &mut ChainedEvent) {
    e.hash = e.computed_hash();
}

#[test]
fn an_untouched_chain_verifies() {
    let events = chain(50);
    let head = events.last().unwrap().head();
    assert_eq!(verify(&events, Some(head)), Ok(50));
    assert_eq!(verify(&[], Some(ChainHead::EMPTY)), Ok(0));
    assert_eq!(events[0].prev_hash, Hash::GENESIS);
    for w in events.windows(2) {
        assert_eq!(w[1].prev_hash, w[0].hash);
        assert_eq!(w[1].seq, w[0].seq + 1);
    }
}

#[test]
fn each_kind_of_tampering_is_named_at_its_sequence_number() {
    let events = chain(10);
    let head = Some(events.last().unwrap().head());
    let check = |events: &[ChainedEvent], seq: u64, kind: BreachKind| {
        let err = verify(events, head).unwrap_err();
        assert_eq!((err.seq, err.kind), (seq, kind), "{err}");
    };

    let mut edited = events.clone();
    edited[3].event.outcome = "denied".into();
    check(&edited, 4, BreachKind::Edited);

    let mut actor = events.clone();
    actor[6].event.actor.kind = ActorKind::Agent;
    check(&actor, 7, BreachKind::Edited);

    let mut deleted = events.clone();
    deleted.remove(4);
    check(&deleted, 5, BreachKind::Deleted);

    let mut truncated = events.clone();
    truncated.truncate(8);
    check(&truncated, 9, BreachKind::Deleted);

    let mut appended = events.clone();
    let extra = link(&appended.last().unwrap().head(), event(99)).unwrap();
    appended.push(extra);
    check(&appended, 11, BreachKind::Inserted);

    // Two events swap places, each keeping the sequence number of its position.
    let mut swapped = events.clone();
    let (a, b) = (swapped[2].clone(), swapped[3].clone());
    swapped[2] = ChainedEvent { seq: 3, ..b };
    swapped[3] = ChainedEvent { seq: 4, ..a };
    check(&swapped, 3, BreachKind::Reordered);

    // An event is deleted and the later ones renumbered to close the gap.
    let mut renumbered = events.clone();
    renumbered.remove(5);
    for e in renumbered.iter_mut().skip(5) {
        e.seq -= 1;
    }
    check(&renumbered, 6, BreachKind::Reordered);

    // An event is rewritten and its own hash recomputed: the next event's link breaks.
    let mut forged = events.clone();
    forged[4].event.target = "connection:mallory/github/x".into();
    rehash(&mut forged[4]);
    check(&forged, 6, BreachKind::BrokenLink);

    // The last event rewritten with a recomputed hash: only the recorded head shows it.
    let mut forged_tail = events.clone();
    forged_tail[9]
        .event
        .detail
        .insert("note".into(), "x".into());
    rehash(&mut forged_tail[9]);
    check(&forged_tail, 10, BreachKind::Edited);
    assert_eq!(
        verify(&forged_tail, None),
        Ok(10),
        "without a head it cannot"
    );
}

#[test]
fn detail_order_does_not_matter_but_content_does() {
    let mut a = event(1);
    a.detail = BTreeMap::from([("b".into(), "2".into()), ("a".into(), "1".into())]);
    let mut b = event(1);
    b.detail.clear();
    b.detail.insert("a".into(), "1".into());
    b.detail.insert("b".into(), "2".into());
    let ha = link(&ChainHead::EMPTY, a).unwrap().hash;
    assert_eq!(ha, link(&ChainHead::EMPTY, b.clone()).unwrap().hash);
    // Moving a byte between fields changes the hash (fields are length-prefixed).
    let mut c = b.clone();
    c.detail.clear();
    c.detail.insert("a".into(), "1b".into());
    c.detail.insert("".into(), "2".into());
    assert_ne!(ha, link(&ChainHead::EMPTY, c).unwrap().hash);
}

#[test]
fn events_serialize_with_the_fields_the_export_documents() {
    let e = &chain(1)[0];
    let v = serde_json::to_value(e).unwrap();
    assert_eq!(v["seq"], 1);
    assert_eq!(v["time"], "2026-03-01T12:00:01.000Z");
    assert_eq!(v["actor"]["kind"], "human");
    assert_eq!(v["actor"]["id"], "alice");
    assert_eq!(v["action"], "vault.lease.issue");
    assert_eq!(v["prev_hash"], Hash::GENESIS.to_hex());
    assert_eq!(v["hash"], e.hash.to_hex());
    let back: ChainedEvent = serde_json::from_value(v).unwrap();
    assert_eq!(&back, e);
}

#[derive(Debug, Clone)]
enum Tamper {
    Edit(usize),
    Delete(usize),
    Swap(usize),
    Forge(usize),
}

fn tamper() -> impl Strategy<Value = Tamper> {
    prop_oneof![
        any::<usize>().prop_map(Tamper::Edit),
        any::<usize>().prop_map(Tamper::Delete),
        any::<usize>().prop_map(Tamper::Swap),
        any::<usize>().prop_map(Tamper::Forge),
    ]
}

proptest! {
    /// Against a naive model: any single tampering is caught, at the first sequence number
    /// whose stored event differs from what was written (or, for a rewrite with a
    /// recomputed hash, at the next event, or at the head for the last event).
    #[test]
    fn any_tampering_is_caught_at_the_first_bad_event(n in 2u64..40, t in tamper()) {
        let original = chain(n);
        let head = Some(original.last().unwrap().head());
        let mut events = original.clone();
        let len = events.len();
        let expected_seq = match t {
            Tamper::Edit(i) => {
                let i = i % len;
                events[i].event.action.push('!');
                i as u64 + 1
            }
            Tamper::Delete(i) => {
                let i = i % len;
                events.remove(i);
                i as u64 + 1
            }
            Tamper::Swap(i) => {
                let i = i % (len - 1);
                let (a, b) = (events[i].clone(), events[i + 1].clone());
                events[i] = ChainedEvent { seq: a.seq, ..b };
                events[i + 1] = ChainedEvent { seq: a.seq + 1, ..a };
                i as u64 + 1
            }
            Tamper::Forge(i) => {
                let i = i % len;
                events[i].event.target.push('x');
                rehash(&mut events[i]);
                if i + 1 == len { i as u64 + 1 } else { i as u64 + 2 }
            }
        };
        let err = verify(&events, head).unwrap_err();
        prop_assert_eq!(err.seq, expected_seq, "{}", err);
        // The untouched prefix verifies on its own.
        prop_assert!(verify(&original[..(expected_seq as usize - 1)], None).is_ok());
    }
}
