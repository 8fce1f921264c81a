//! Snapshots are untrusted input: any JSON, under any section, must give values or
//! errors and diagnostics, never a panic (DESIGN §7.5).

use deputy_auth0::{ScanOptions, Snapshot, scan};
use proptest::prelude::*;
use serde_json::{Map, Value, json};

fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        prop::sample::select(vec![
            "",
            "none",
            "http://localhost",
            "https://*.x.com",
            "node16",
            "HS256",
            "block",
            "{{ x }}",
            "auth0",
            "spa"
        ])
        .prop_map(|s| json!(s)),
        "[a-z_:/.]{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        let keys = prop::sample::select(vec![
            "client_id",
            "name",
            "app_type",
            "callbacks",
            "grant_types",
            "options",
            "strategy",
            "enabled",
            "shields",
            "allowlist",
            "stage",
            "runtime",
            "code",
            "identifier",
            "token_lifetime",
            "scope",
            "audience",
            "permissions",
            "flags",
            "refresh_token",
            "authentication_methods",
            "passkey",
            "status",
            "rule",
            "match",
            "template",
        ]);
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::vec((keys, inner), 0..6).prop_map(|kv| Value::Object(
                kv.into_iter()
                    .map(|(k, v)| (k.to_owned(), v))
                    .collect::<Map<_, _>>()
            )),
        ]
    })
}

const CHECKMATE_KEYS: [&str; 16] = [
    "clients",
    "databases",
    "attackProtection",
    "tenant",
    "customDomains",
    "resourceServers",
    "guardianFactors",
    "actions",
    "networkAcl",
    "logStreams",
    "eventStreams",
    "emailTemplates",
    "emailProvider",
    "rules",
    "hooks",
    "logs",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn any_checkmate_shaped_input_scans_without_panicking(parts in prop::collection::vec((prop::sample::select(CHECKMATE_KEYS.to_vec()), any_json()), 0..8)) {
        let top: Map<String, Value> = parts.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
        if let Ok(snap) = Snapshot::from_checkmate_value(Value::Object(top)) {
            let out = scan(&snap, &ScanOptions::default());
            prop_assert_eq!(out.checks_run, deputy_auth0::registry::all().len());
        }
    }

    #[test]
    fn any_deputy_sections_scan_without_panicking(parts in prop::collection::vec((prop::sample::select(deputy_auth0::SectionId::ALL.to_vec()), any_json()), 0..10)) {
        let sections: Map<String, Value> = parts.into_iter().map(|(id, v)| (id.as_str().to_owned(), json!({"status": "read", "data": v}))).collect();
        let v = json!({"format": "deputy-auth0-snapshot", "version": 1, "sections": sections});
        let snap = Snapshot::from_value(v).expect("well-formed envelope");
        let _ = scan(&snap, &ScanOptions { now: Some(time::OffsetDateTime::UNIX_EPOCH), ..ScanOptions::default() });
    }

    #[test]
    fn any_bytes_give_a_value_or_an_error(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        let _ = Snapshot::from_slice(&bytes);
    }
}
