//! End-to-end tests of the `deputy` binary, each on SQLite and, when
//! `DEPUTY_TEST_POSTGRES_URL` is set, on PostgreSQL.

mod support;

mod auth0;
mod cli;
mod connect;
mod fga;
mod ledger;
mod report;
mod vault;
