//! The hash chain's tests: linking, and verification against every kind of tampering.

mod chain;
