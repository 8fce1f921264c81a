use super::*;

fn parse_text(path: &str, text: &str) -> Parsed {
    parse(&SourceFile {
        path: path.into(),
        text: text.into(),
    })
}

/// (address, kind, start, end) of every resource.
fn check(text: &str, expected: &[(&str, &str, u32, u32)]) {
    let parsed = parse_text("m.yaml", text);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    let got: Vec<(String, String, u32, u32)> = parsed
        .resources
        .iter()
        .map(|r| (r.address.clone(), r.kind.clone(), r.span.start, r.span.end))
        .collect();
    let want: Vec<(String, String, u32, u32)> = expected
        .iter()
        .map(|(a, k, s, e)| ((*a).into(), (*k).into(), *s, *e))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn multi_document_files_keep_checkov_addresses_and_lines() {
    check(
        "# comment\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: prod\nspec:\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: c\n        image: nginx\n\n# trailing\n",
        &[
            ("Service.default.web", "Service", 2, 6),
            ("Deployment.prod.web", "Deployment", 7, 20),
            ("Pod.prod.web.app-web", "Deployment/Pod", 7, 20),
        ],
    );
}

#[test]
fn lists_labels_and_invalid_objects() {
    check(
        "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    labels: {a: b, c: 1}\n- apiVersion: v1\n  kind: Secret\n  metadata:\n    name: \"bad{name}\"\n- apiVersion: v1\n  kind: Secret\n  metadata: {}\n",
        &[("ConfigMap.default.a-b.c-1", "ConfigMap", 4, 8)],
    );
}

#[test]
fn json_manifests_shift_one_line_like_checkov() {
    check(
        "{\n  \"kind\": \"Pod\",\n  \"apiVersion\": \"v1\",\n  \"metadata\": {\"name\": \"p\", \"namespace\": \"n\"},\n  \"spec\": {\"containers\": []}\n}\n",
        &[("Pod.n.p", "Pod", 2, 7)],
    );
}

#[test]
fn helm_templates_are_skipped_not_errors() {
    for text in [
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\n",
        "{{- if .Values.enabled }}\napiVersion: v1\nkind: Service\n{{- end }}\n",
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ template \"x\" . }}\n  labels: {{ x }\n",
    ] {
        let parsed = parse_text("chart/templates/svc.yaml", text);
        assert!(parsed.resources.is_empty());
        assert_eq!(parsed.diagnostics.len(), 1, "{text}");
        assert_eq!(parsed.diagnostics[0].kind, DiagnosticKind::Skipped);
        assert!(parsed.diagnostics[0].message.contains("svc.yaml"));
    }
}

#[test]
fn parse_errors_name_file_line_and_column() {
    let parsed = parse_text(
        "bad.yaml",
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: [x\n",
    );
    assert!(parsed.resources.is_empty());
    let d = &parsed.diagnostics[0];
    assert_eq!(d.kind, DiagnosticKind::ParseError);
    assert_eq!(d.file, "bad.yaml");
    assert!(d.line.is_some_and(|l| l >= 4), "{d:?}");
    assert!(d.column.is_some());
    assert!(d.message.starts_with("bad.yaml:"), "{d:?}");
}

#[test]
fn every_truncation_of_a_manifest_parses_or_fails_cleanly() {
    let text = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels: &l {app: web}\nspec:\n  template:\n    metadata: {labels: *l}\n    spec:\n      containers:\n      - name: \"app\"\n        image: 'nginx:1'\n        args: [a, {b: c}]\n        command: |\n          run\n---\n{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": [{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"p\"}}]}\n";
    for (i, _) in text.char_indices() {
        let file = SourceFile {
            path: "t.yaml".into(),
            text: text[..i].into(),
        };
        let _ = crate::detect::structured(&file);
        let parsed = parse(&file);
        for r in &parsed.resources {
            assert!(r.span.start <= r.span.end, "{i}: {r:?}");
        }
        let _ = crate::cloudformation::parse(&file);
        let _ = crate::dockerfile::parse(&file);
    }
}
