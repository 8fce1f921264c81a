use super::*;

fn env(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

fn with_file(text: &str) -> (tempfile::TempDir, ConfigOverrides) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("deputy.toml");
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    (
        dir,
        ConfigOverrides {
            config_path: Some(path),
            ..ConfigOverrides::default()
        },
    )
}

#[test]
fn the_template_is_a_valid_config_with_the_defaults() {
    let (_dir, o) = with_file(&template());
    let c = Config::load_from(&o, &env(&[("DEPUTY_DATA_DIR", "/srv/deputy")]))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(c.sla, SlaPolicy::default());
    assert_eq!(c.max_acceptance_days, 365);
    assert_eq!(c.default_scope, "default");
    assert_eq!(c.database_url, "sqlite:///srv/deputy/deputy.db");
}

#[test]
fn unknown_keys_are_named() {
    let (_dir, o) = with_file("version = 1\n\n[sla]\ncritical = 7\nurgent = 1\n");
    let err = Config::load_from(&o, &env(&[]))
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("`urgent`") && err.contains("line 5"), "{err}");
    let (_dir, o) = with_file("version = 1\ndatabase = \"x\"\n");
    let err = Config::load_from(&o, &env(&[]))
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("`database`"), "{err}");
}

#[test]
fn version_is_required_and_checked() {
    let (_dir, o) = with_file("data_dir = \"/x\"\n");
    let err = Config::load_from(&o, &env(&[]))
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("version"), "{err}");
    let (_dir, o) = with_file("version = 2\n");
    let err = Config::load_from(&o, &env(&[]))
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("`version = 2`"), "{err}");
}

#[test]
fn flags_beat_environment_beats_file() {
    let (_dir, mut o) = with_file(
        "version = 1\ndata_dir = \"/from/file\"\n[identity]\nactor = \"file-user\"\n[sla]\nhigh = 10\n",
    );
    let e = env(&[
        ("DEPUTY_ACTOR", "env-user"),
        ("DEPUTY_SLA_HIGH", "5"),
        ("DEPUTY_SLA_LOW", "none"),
    ]);
    let c = Config::load_from(&o, &e).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        (c.actor.as_str(), c.sla.high, c.sla.low),
        ("env-user", Some(5), None)
    );
    assert_eq!(c.data_dir, PathBuf::from("/from/file"));
    // A file that sets [sla] only partly keeps the other defaults.
    assert_eq!(c.sla.critical, Some(7));
    o.actor = Some("flag-user".into());
    o.data_dir = Some("/from/flag".into());
    let c = Config::load_from(&o, &e).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        (c.actor.as_str(), c.data_dir.as_path()),
        ("flag-user", Path::new("/from/flag"))
    );
}

#[test]
fn zero_days_means_no_sla() {
    let (_dir, o) = with_file("version = 1\n[sla]\nlow = 0\n");
    let c =
        Config::load_from(&o, &env(&[("DEPUTY_DATA_DIR", "/x")])).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((c.sla.low, c.sla.medium), (None, Some(90)));
}

#[test]
fn bad_environment_values_name_the_variable() {
    let err = Config::load_from(
        &ConfigOverrides::default(),
        &env(&[("DEPUTY_SLA_HIGH", "soon"), ("DEPUTY_DATA_DIR", "/x")]),
    )
    .err()
    .map(|e| e.to_string())
    .unwrap_or_default();
    assert!(
        err.contains("`DEPUTY_SLA_HIGH`") && err.contains("`soon`"),
        "{err}"
    );
}

#[test]
fn a_named_config_file_must_exist() {
    let o = ConfigOverrides {
        config_path: Some("/nonexistent/deputy.toml".into()),
        ..ConfigOverrides::default()
    };
    let err = Config::load_from(&o, &env(&[]))
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("/nonexistent/deputy.toml"), "{err}");
}

#[test]
fn init_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("sub/deputy.toml");
    write_template(&path, false).unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(
        write_template(&path, false),
        Err(ConfigError::Exists(_))
    ));
    write_template(&path, true).unwrap_or_else(|e| panic!("{e}"));
}
