mod conformance;
mod engine;
mod language;
mod props;
