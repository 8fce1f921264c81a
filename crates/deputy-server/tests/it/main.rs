//! The OpenFGA-compatible API over real HTTP, on SQLite and PostgreSQL, and driven by
//! OpenFGA's own JavaScript SDK.

mod api;
mod sdk;
mod support;
