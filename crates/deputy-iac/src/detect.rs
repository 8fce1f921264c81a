//! Telling what a YAML or JSON file is.

use crate::kubernetes::yaml::{self, Node, NodeKind};
use crate::model::{Framework, SourceFile};

/// The framework a `.yaml`, `.yml`, `.json` or `.template` file belongs to, if any:
/// CloudFormation (`AWSTemplateFormatVersion`, or `Resources` whose entries have an
/// `AWS::`, `Custom::` or `Alexa::` `Type`), Kubernetes (documents with `apiVersion` and
/// `kind`), or neither.
///
/// A file that does not parse is attributed by its text, so the front end reports the
/// parse error (or, for a Helm template, the skip) instead of the file vanishing: a file
/// naming `AWSTemplateFormatVersion` is CloudFormation, one naming both `apiVersion` and
/// `kind` is Kubernetes.
pub fn structured(file: &SourceFile) -> Option<Framework> {
    let text = &file.text;
    let mentions_k8s = text.contains("apiVersion") && text.contains("kind");
    let mentions_cfn = text.contains("AWSTemplateFormatVersion");
    if !mentions_k8s && !mentions_cfn && !text.contains("Resources") {
        return None;
    }
    if mentions_k8s && crate::kubernetes::is_helm_template(text) {
        return Some(Framework::Kubernetes);
    }
    let docs = match yaml::load_all(text) {
        Ok(docs) => docs,
        Err(_) if mentions_cfn => return Some(Framework::CloudFormation),
        Err(_) if mentions_k8s => return Some(Framework::Kubernetes),
        Err(_) => return None,
    };
    let docs: Vec<&Node> = docs.iter().flatten().collect();
    if docs.iter().any(|d| is_cloudformation(d)) {
        return Some(Framework::CloudFormation);
    }
    if docs.iter().any(|d| is_kubernetes(d)) {
        return Some(Framework::Kubernetes);
    }
    None
}

fn is_cloudformation(doc: &Node) -> bool {
    if doc.get("AWSTemplateFormatVersion").is_some() {
        return true;
    }
    let Some(NodeKind::Map(resources)) = doc.get("Resources").map(|r| &r.kind) else {
        return false;
    };
    resources.iter().any(|(_, r)| {
        r.get("Type").and_then(Node::scalar).is_some_and(|t| {
            ["AWS::", "Custom::", "Alexa::"]
                .iter()
                .any(|p| t.starts_with(p))
        })
    })
}

fn is_kubernetes(doc: &Node) -> bool {
    doc.get("apiVersion").is_some() && doc.get("kind").is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: Option<Framework>) {
        let file = SourceFile {
            path: "x.yaml".into(),
            text: text.into(),
        };
        assert_eq!(structured(&file), expected, "{text}");
    }

    #[test]
    fn tells_frameworks_apart() {
        check(
            "AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n",
            Some(Framework::CloudFormation),
        );
        check(
            "{\"Resources\": {\"B\": {\"Type\": \"AWS::S3::Bucket\"}}}",
            Some(Framework::CloudFormation),
        );
        check(
            "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n",
            Some(Framework::Kubernetes),
        );
        check(
            "---\n---\napiVersion: v1\nkind: List\nitems: []\n",
            Some(Framework::Kubernetes),
        );
        check(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Values.name }}\n",
            Some(Framework::Kubernetes),
        );
        check(
            "apiVersion: v1\nkind: Pod\nmetadata: [\n",
            Some(Framework::Kubernetes),
        );
        check("name: ci\non: push\n", None);
        check("Resources:\n  - a\n", None);
        check("{\"compilerOptions\": {}}", None);
    }
}
