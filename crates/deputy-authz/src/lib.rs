//! Deputy's embedded authorization engine with OpenFGA's semantics: the modeling language
//! (DSL ⇄ JSON, validation with OpenFGA's error kinds and source spans), and Check,
//! BatchCheck, ListObjects, ListUsers and Expand over direct relations, wildcards, usersets,
//! computed relations, tuple-to-userset, union, intersection, exclusion and CEL conditions.
//!
//! This crate does no I/O and knows nothing of SQL or HTTP. Tuples come through the
//! [`engine::TupleReader`] trait, implemented in memory here and over the database by
//! `deputy-store`; the OpenFGA-compatible HTTP API lives in `deputy-server`.
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

pub mod cel;
pub mod dsl;
pub mod engine;
pub mod error;
pub mod memory;
pub mod model;
pub mod testing;
pub mod tuple;
pub mod tuple_file;

pub use error::{ErrorCode, FgaError};
pub use model::AuthorizationModel;
pub use tuple::{TupleKey, User};
