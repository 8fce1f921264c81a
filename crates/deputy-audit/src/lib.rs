//! Deputy's audit trail as a hash chain: the canonical form of an event, linking each event
//! to the one before it, and verifying a stored chain.
//!
//! Every event carries a sequence number, the hash of the event before it (`prev_hash`) and
//! its own `hash = SHA-256(prev_hash ‖ canonical(seq, event))`. Editing, deleting, inserting
//! or reordering stored events — even with the database's append-only triggers out of the
//! way — breaks the chain at the first event touched, and [`ChainVerifier`] names that
//! sequence number and why.
//!
//! This crate does no I/O and knows no SQL: `deputy-store` persists chained events (and
//! calls [`link`] inside the transaction that read the chain's head) and streams them back
//! through a [`ChainVerifier`].
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::todo,
    clippy::unimplemented
)]
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

mod canonical;
mod chain;
mod verify;

pub use canonical::{CANONICAL_VERSION, EventFields, actor_kind, canonical_bytes, detail_json};
pub use chain::{AuditEvent, ChainHead, ChainedEvent, Hash, HashParseError, hash_fields, link};
pub use verify::{Breach, BreachKind, ChainVerifier, VerifiedChain};
