//! Tests of the Terraform front end: data-driven unit tests through one helper, and the
//! agreement of addresses and spans with Checkov on the real corpora (`corpus`).

mod corpus;
