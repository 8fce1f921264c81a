mod conformance;
mod engine;
mod language;
mod modules;
mod props;
mod store_files;
