//! Deputy's shared vocabulary: severities, finding drafts and their fingerprints, the
//! finding state machine, SLA policy, actors, the `Clock`, `Secret`, and the ledger's pure
//! reconciliation rules (what one scan run does to the findings a project already has).
//!
//! This crate does no I/O. It knows nothing of SQL, HTTP, file formats or the CLI; the
//! store persists what [`ledger::reconcile`] decides, and importers produce
//! [`FindingDraft`]s for it.
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::todo,
    clippy::unimplemented
)]

pub mod actor;
pub mod clock;
pub mod finding;
pub mod fingerprint;
pub mod ledger;
pub mod secret;
pub mod severity;
pub mod sla;
pub mod state;
pub mod time_fmt;

pub use actor::{Actor, ActorKind};
pub use clock::{Clock, ManualClock, SystemClock};
pub use finding::{FindingDraft, Location, RunStatus};
pub use fingerprint::Fingerprint;
pub use secret::Secret;
pub use severity::Severity;
pub use sla::SlaPolicy;
pub use state::{FindingState, TransitionError};
