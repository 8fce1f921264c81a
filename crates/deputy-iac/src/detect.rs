//! Telling what a YAML or JSON file is. TRANSITIONAL: being built.

use crate::model::{Framework, SourceFile};

/// The framework a `.yaml`, `.yml` or `.json` file belongs to, if any: CloudFormation
/// (`AWSTemplateFormatVersion`, or `Resources` whose entries have an `AWS::` `Type`),
/// Kubernetes (documents with `apiVersion` and `kind`), or neither.
pub fn structured(file: &SourceFile) -> Option<Framework> {
    let _ = file;
    None
}
