mod conformance;
mod engine;
mod language;
mod props;
mod store_files;
