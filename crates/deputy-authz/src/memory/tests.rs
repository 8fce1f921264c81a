use super::*;

fn t(user: &str, relation: &str, object: &str) -> TupleKey {
    TupleKey {
        user: user.into(),
        relation: relation.into(),
        object: object.into(),
        condition: None,
    }
}

fn exact(tuple: TupleKey) -> Exact {
    Exact {
        key: Key::new(&tuple.object, &tuple.relation, &tuple.user),
        tuple: Box::new(tuple),
    }
}

fn group<U: Compact>(key: (&str, &str, &str), tuple: TupleKey) -> Group<U> {
    let mut users = U::default();
    users.update(std::slice::from_ref(&tuple));
    Group {
        key: Key::new(key.0, key.1, key.2),
        tuples: Tuples::One(tuple),
        users,
    }
}

#[test]
fn keys_compare_by_their_parts_inline_and_boxed() {
    let long = "x".repeat(300);
    for (a, b, c) in [
        ("doc:1", "viewer", "user:anne"),
        ("doc:1", "viewer", ""),
        ("remediation:r106073", "repository", "repository:p106073"),
        (long.as_str(), "viewer", "user:anne"),
    ] {
        let key = Key::new(a, b, c);
        assert!(key.is(a, b, c));
        assert!(!key.is(a, b, "user:bob"));
        assert!(!key.is(a, "editor", c));
        assert!(!key.is("doc:2", b, c));
    }
    assert!(matches!(
        Key::new("doc:1", "viewer", "user:anne"),
        Key::Inline { .. }
    ));
    assert!(matches!(Key::new(&long, "viewer", ""), Key::Boxed { .. }));
    // The same bytes split differently are another key.
    let key = Key::new("a#b", "c", "");
    assert!(!key.is("a", "b#c", ""));
    assert!(!key.is("a#", "bc", ""));
    let key = Key::new(&long, "c", "");
    assert!(!key.is(&long[1..], "xc", ""));
}

#[test]
fn a_tuple_whose_hash_slots_are_taken_is_still_found_and_removed() {
    let mut tuples = MemoryTuples::new();
    let b = t("team:x#member", "viewer", "doc:1");
    let c = t("user:c", "viewer", "doc:9");
    // Other keys already sit in b's slots, as after hash collisions.
    let h = tuples.exact_hash(&b.object, &b.relation, &b.user);
    tuples.exact.by_hash.insert(h, exact(c.clone()));
    let h = tuples.object_hash(&b.object, &b.relation);
    let other = group(("doc:9", "viewer", ""), c.clone());
    tuples.by_object.by_hash.insert(h, other.clone());
    tuples.usersets.by_hash.insert(h, other);
    let h = tuples.reverse_hash("doc", &b.relation, &b.user);
    let other = group(("doc", "viewer", "user:c"), c.clone());
    tuples.by_user.by_hash.insert(h, other);
    tuples.insert(b.clone());
    assert_eq!(tuples.exact.collided.len(), 1);
    assert_eq!(tuples.by_object.collided.len(), 1);
    assert_eq!(tuples.usersets.collided.len(), 1);
    assert_eq!(tuples.by_user.collided.len(), 1);
    let found = tuples
        .read_user("doc:1", "viewer", "team:x#member")
        .unwrap();
    assert_eq!(found.as_deref(), Some(&b));
    assert_eq!(tuples.read_user("doc:1", "viewer", "user:x").unwrap(), None);
    let only_b = std::slice::from_ref(&b);
    assert_eq!(tuples.read("doc:1", "viewer").unwrap().as_ref(), only_b);
    assert_eq!(
        tuples.read_usersets("doc:1", "viewer").unwrap().as_ref(),
        only_b
    );
    let reverse = tuples
        .read_reverse("doc", "viewer", "team:x#member")
        .unwrap();
    assert_eq!(reverse.as_ref(), only_b);
    tuples.remove(&b);
    assert!(tuples.exact.collided.is_empty());
    assert!(tuples.by_object.collided.is_empty());
    assert!(tuples.usersets.collided.is_empty());
    assert!(tuples.by_user.collided.is_empty());
    assert_eq!(
        tuples
            .read_user("doc:1", "viewer", "team:x#member")
            .unwrap(),
        None
    );
    assert!(tuples.read("doc:1", "viewer").unwrap().is_empty());
    assert!(tuples.read_usersets("doc:1", "viewer").unwrap().is_empty());
    let reverse = tuples
        .read_reverse("doc", "viewer", "team:x#member")
        .unwrap();
    assert!(reverse.is_empty());
    // The keys in the slots were left alone.
    assert_eq!(tuples.exact.by_hash.len(), 1);
    assert_eq!(tuples.by_object.by_hash.len(), 1);
}

#[test]
fn removing_the_slot_holder_moves_a_collided_key_into_its_slot() {
    let mut tuples = MemoryTuples::new();
    let b = t("user:b", "viewer", "doc:1");
    let c = t("user:c", "viewer", "doc:1");
    tuples.insert(c.clone());
    // b sits among the collided under c's hash; removing c must move b into the slot.
    let h = tuples.exact_hash(&c.object, &c.relation, &c.user);
    tuples.exact.collided.push((h, exact(b.clone())));
    tuples.remove(&c);
    assert!(tuples.exact.collided.is_empty());
    assert_eq!(tuples.exact.by_hash.get(&h).map(|e| &*e.tuple), Some(&b));
}

#[test]
fn a_group_grows_from_one_tuple_and_shrinks_to_none() {
    let mut tuples = MemoryTuples::new();
    let (a, b, c) = (
        t("user:a", "viewer", "doc:1"),
        t("team:x#member", "viewer", "doc:1"),
        t("user:c", "viewer", "doc:1"),
    );
    for tuple in [&a, &b, &c] {
        tuples.insert(tuple.clone());
    }
    let read = |tuples: &MemoryTuples| tuples.read("doc:1", "viewer").unwrap().into_owned();
    assert_eq!(read(&tuples), [a.clone(), b.clone(), c.clone()]);
    tuples.remove(&a);
    assert_eq!(read(&tuples), [b.clone(), c.clone()]);
    tuples.remove(&b);
    assert!(tuples.read_usersets("doc:1", "viewer").unwrap().is_empty());
    assert_eq!(tuples.usersets.by_hash.len(), 0);
    tuples.remove(&c);
    assert!(read(&tuples).is_empty());
    assert_eq!(tuples.by_object.by_hash.len(), 0);
    assert_eq!(tuples.by_user.by_hash.len(), 0);
    tuples.insert(c.clone());
    assert_eq!(read(&tuples), [c]);
}

type Users = Vec<(String, Option<RelationshipCondition>)>;

/// What `visit_users` hands out, and what it should: the users and conditions `read`
/// and `read_usersets` return.
fn visited_and_read(tuples: &MemoryTuples, object: &str, relation: &str) -> [(Users, Users); 2] {
    [false, true].map(|usersets_only| {
        let mut visited = Vec::new();
        tuples
            .visit_users(object, relation, usersets_only, &mut |u, c| {
                visited.push((u.to_owned(), c.cloned()));
                true
            })
            .unwrap();
        let read = if usersets_only {
            tuples.read_usersets(object, relation).unwrap()
        } else {
            tuples.read(object, relation).unwrap()
        };
        let read = read
            .iter()
            .map(|t| (t.user.clone(), t.condition.clone()))
            .collect();
        (visited, read)
    })
}

#[test]
fn visiting_users_gives_what_reading_gives_kept_inline_or_not() {
    let mut tuples = MemoryTuples::new();
    let long = format!("user:{}", "x".repeat(60));
    for n in 1..=INLINE_USERS + 2 {
        for i in 0..n {
            let user = if i % 2 == 1 {
                format!("team:t{i}#member")
            } else {
                format!("user:u{i}")
            };
            tuples.insert(t(&user, "viewer", &format!("doc:{n}")));
        }
    }
    tuples.insert(t(&long, "viewer", "doc:long"));
    let mut conditional = t("user:c", "viewer", "doc:cond");
    conditional.condition = Some(RelationshipCondition {
        name: "in_hours".into(),
        context: None,
    });
    tuples.insert(t("user:a", "viewer", "doc:cond"));
    tuples.insert(conditional);
    assert!(tuples.by_object.values().any(|g| g.users.count > 0));
    assert!(tuples.by_object.values().any(|g| g.users.count == 0));
    let mut objects: Vec<String> = (1..=INLINE_USERS + 2).map(|n| format!("doc:{n}")).collect();
    objects.extend(["doc:long".into(), "doc:cond".into(), "doc:none".into()]);
    for object in &objects {
        for (visited, read) in visited_and_read(&tuples, object, "viewer") {
            assert_eq!(visited, read, "{object}");
        }
    }
    // Removing keeps the inline users in step.
    tuples.remove(&t("user:u0", "viewer", "doc:3"));
    tuples.remove(&t("user:u0", "viewer", "doc:6"));
    for object in ["doc:3", "doc:6"] {
        for (visited, read) in visited_and_read(&tuples, object, "viewer") {
            assert_eq!(visited, read, "{object}");
        }
    }
    // A visitor that stops early sees no more users.
    let mut seen = 0;
    tuples
        .visit_users("doc:3", "viewer", false, &mut |_, _| {
            seen += 1;
            false
        })
        .unwrap();
    assert_eq!(seen, 1);
}

#[test]
fn insert_read_and_remove_agree() {
    let mut tuples = MemoryTuples::new();
    for i in 0..1000 {
        tuples.insert(t(
            &format!("user:u{i}"),
            "viewer",
            &format!("doc:{}", i % 10),
        ));
    }
    tuples.insert(t("user:u1", "viewer", "doc:1"));
    assert_eq!(tuples.len(), 1000);
    assert!(
        tuples
            .read_user("doc:3", "viewer", "user:u3")
            .unwrap()
            .is_some()
    );
    assert!(
        tuples
            .read_user("doc:3", "viewer", "user:u4")
            .unwrap()
            .is_none()
    );
    tuples.remove(&t("user:u3", "viewer", "doc:3"));
    assert!(
        tuples
            .read_user("doc:3", "viewer", "user:u3")
            .unwrap()
            .is_none()
    );
    assert_eq!(tuples.len(), 999);
    assert_eq!(tuples.read("doc:3", "viewer").unwrap().len(), 99);
}
