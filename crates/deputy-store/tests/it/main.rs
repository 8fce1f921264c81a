//! The store's tests, each run on SQLite and, when `DEPUTY_TEST_POSTGRES_URL` is set, on
//! PostgreSQL.

mod audit;
mod fga;
mod ledger;
