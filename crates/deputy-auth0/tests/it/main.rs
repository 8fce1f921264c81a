//! Integration tests of `deputy-auth0`: CheckMate conformance, whole-tenant runs, the
//! snapshot format and the live reader against a fake Management API.

mod conformance;
mod live;
mod registry;
mod robustness;
mod snapshot;
mod support;
mod tenants;
