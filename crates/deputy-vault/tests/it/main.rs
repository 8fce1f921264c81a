//! The vault's tests: the envelope, rotation, and leases.

mod envelope;
mod lease;
