//! Property tests: Check and ListObjects against a naive reference evaluator over random
//! small models and tuple sets.
//!
//! The generator only builds models whose relation graph is acyclic (every rewrite, userset
//! restriction and tuple-to-userset points at a relation numbered lower than its own), so
//! the reference can evaluate bottom-up without OpenFGA's cycle rules; cycles are covered by
//! the conformance corpus and `engine::cycles_are_not_allowed_even_under_exclusion`.

use std::collections::{BTreeMap, BTreeSet};

use deputy_authz::cel::RequestContext;
use deputy_authz::engine::{CheckRequest, Engine, ListObjectsRequest};
use deputy_authz::memory::MemoryTuples;
use deputy_authz::model::{
    AuthorizationModel, Difference, DirectUserset, Metadata, ObjectRelation, RelationMetadata,
    RelationReference, TupleToUserset, TypeDefinition, Userset, Usersets, Wildcard,
};
use deputy_authz::{TupleKey, User};
use proptest::prelude::*;

/// The users every question is asked about; `zed` never appears in a tuple.
const USERS: [&str; 4] = ["u0", "u1", "u2", "zed"];
const IDS: [&str; 2] = ["a", "b"];

/// A tiny deterministic generator, seeded by proptest.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// Relations in evaluation order: (type, relation).
type Order = Vec<(String, String)>;

fn direct(
    restrictions: &mut Vec<RelationReference>,
    rng: &mut Rng,
    lower: &[(String, String)],
) -> Userset {
    restrictions.push(RelationReference {
        type_name: "user".into(),
        ..Default::default()
    });
    if rng.chance(30) {
        restrictions.push(RelationReference {
            type_name: "user".into(),
            wildcard: Some(Wildcard {}),
            ..Default::default()
        });
    }
    if !lower.is_empty() && rng.chance(50) {
        let (t, r) = &lower[rng.below(lower.len())];
        restrictions.push(RelationReference {
            type_name: t.clone(),
            relation: Some(r.clone()),
            ..Default::default()
        });
    }
    Userset::This(DirectUserset {})
}

struct Gen<'a> {
    rng: &'a mut Rng,
    type_name: String,
    parent_type: String,
    lower: Vec<(String, String)>,
    has_direct: bool,
    restrictions: Vec<RelationReference>,
}

impl Gen<'_> {
    fn leaf(&mut self) -> Userset {
        let same: Vec<String> = self
            .lower
            .iter()
            .filter(|(t, _)| *t == self.type_name)
            .map(|(_, r)| r.clone())
            .collect();
        let parent: Vec<String> = self
            .lower
            .iter()
            .filter(|(t, _)| *t == self.parent_type)
            .map(|(_, r)| r.clone())
            .collect();
        loop {
            match self.rng.below(3) {
                0 if !self.has_direct => {
                    self.has_direct = true;
                    return direct(&mut self.restrictions, self.rng, &self.lower);
                }
                1 if !same.is_empty() => {
                    let r = same[self.rng.below(same.len())].clone();
                    return Userset::ComputedUserset(ObjectRelation {
                        object: String::new(),
                        relation: r,
                    });
                }
                2 if !parent.is_empty() => {
                    let r = parent[self.rng.below(parent.len())].clone();
                    return Userset::TupleToUserset(TupleToUserset {
                        tupleset: ObjectRelation {
                            object: String::new(),
                            relation: "parent".into(),
                        },
                        computed_userset: ObjectRelation {
                            object: String::new(),
                            relation: r,
                        },
                    });
                }
                _ if self.has_direct && same.is_empty() && parent.is_empty() => {
                    // Nothing else to point at: a second direct leaf would be invalid, so
                    // reuse the first through a union of itself.
                    return Userset::This(DirectUserset {});
                }
                _ => {}
            }
        }
    }

    fn rewrite(&mut self, depth: u32) -> Userset {
        if depth == 0 || self.rng.chance(40) {
            return self.leaf();
        }
        let a = self.rewrite(depth - 1);
        let b = self.rewrite(depth - 1);
        match self.rng.below(3) {
            0 => Userset::Union(Usersets { child: vec![a, b] }),
            1 => Userset::Intersection(Usersets { child: vec![a, b] }),
            _ => Userset::Difference(Difference {
                base: Box::new(a),
                subtract: Box::new(b),
            }),
        }
    }
}

fn random_model(rng: &mut Rng) -> (AuthorizationModel, Order) {
    let types: Vec<String> = (0..2 + rng.below(2)).map(|i| format!("t{i}")).collect();
    let mut order: Order = Vec::new();
    let mut definitions = vec![TypeDefinition {
        type_name: "user".into(),
        ..Default::default()
    }];
    for type_name in &types {
        let parent_type = types[rng.below(types.len())].clone();
        let mut relations = indexmap::IndexMap::new();
        let mut metadata = indexmap::IndexMap::new();
        relations.insert("parent".to_owned(), Userset::This(DirectUserset {}));
        metadata.insert(
            "parent".to_owned(),
            RelationMetadata {
                directly_related_user_types: vec![RelationReference {
                    type_name: parent_type.clone(),
                    ..Default::default()
                }],
                ..Default::default()
            },
        );
        for r in 0..1 + rng.below(3) {
            let relation = format!("r{r}");
            let mut generator = Gen {
                rng,
                type_name: type_name.clone(),
                parent_type: parent_type.clone(),
                lower: order.clone(),
                has_direct: false,
                restrictions: Vec::new(),
            };
            let rewrite = generator.rewrite(2);
            let restrictions = generator.restrictions;
            relations.insert(relation.clone(), rewrite);
            metadata.insert(
                relation.clone(),
                RelationMetadata {
                    directly_related_user_types: restrictions,
                    ..Default::default()
                },
            );
            order.push((type_name.clone(), relation));
        }
        definitions.push(TypeDefinition {
            type_name: type_name.clone(),
            relations,
            metadata: Some(Metadata {
                relations: metadata,
                ..Default::default()
            }),
        });
    }
    let model = AuthorizationModel {
        schema_version: "1.1".into(),
        type_definitions: definitions,
        ..Default::default()
    };
    (model, order)
}

fn random_tuples(rng: &mut Rng, model: &AuthorizationModel) -> Vec<TupleKey> {
    let mut tuples = BTreeMap::new();
    for def in &model.type_definitions {
        for relation in def.relations.keys() {
            let restrictions = model.directly_related(&def.type_name, relation);
            if restrictions.is_empty() {
                continue;
            }
            for id in IDS {
                for _ in 0..rng.below(3) {
                    let r = &restrictions[rng.below(restrictions.len())];
                    let user = if r.wildcard.is_some() {
                        format!("{}:*", r.type_name)
                    } else if r.type_name == "user" {
                        format!("user:{}", USERS[rng.below(3)])
                    } else {
                        let other = format!("{}:{}", r.type_name, IDS[rng.below(IDS.len())]);
                        match &r.relation {
                            Some(rel) => format!("{other}#{rel}"),
                            None => other,
                        }
                    };
                    let object = format!("{}:{id}", def.type_name);
                    tuples.insert(
                        (object.clone(), relation.clone(), user.clone()),
                        TupleKey {
                            user,
                            relation: relation.clone(),
                            object,
                            condition: None,
                        },
                    );
                }
            }
        }
    }
    tuples.into_values().collect()
}

/// The naive reference: for each (object, relation) in evaluation order, the set of user ids
/// (over [`USERS`]) that have it.
struct Reference<'a> {
    model: &'a AuthorizationModel,
    tuples: &'a [TupleKey],
    sets: BTreeMap<(String, String), BTreeSet<&'static str>>,
}

impl Reference<'_> {
    fn set(&self, object: &str, relation: &str) -> BTreeSet<&'static str> {
        self.sets
            .get(&(object.to_owned(), relation.to_owned()))
            .cloned()
            .unwrap_or_default()
    }

    fn eval(&self, object: &str, relation: &str, rewrite: &Userset) -> BTreeSet<&'static str> {
        let mut out = BTreeSet::new();
        match rewrite {
            Userset::This(_) => {
                for t in self
                    .tuples
                    .iter()
                    .filter(|t| t.object == object && t.relation == relation)
                {
                    match User::parse(&t.user).unwrap() {
                        User::Object { id, .. } => out.extend(USERS.iter().filter(|u| **u == id)),
                        User::Wildcard { .. } => out.extend(USERS),
                        User::Userset {
                            type_name,
                            id,
                            relation,
                        } => {
                            out.extend(self.set(&format!("{type_name}:{id}"), &relation));
                        }
                    }
                }
            }
            Userset::ComputedUserset(cu) => out = self.set(object, &cu.relation),
            Userset::TupleToUserset(ttu) => {
                for t in self
                    .tuples
                    .iter()
                    .filter(|t| t.object == object && t.relation == ttu.tupleset.relation)
                {
                    out.extend(self.set(&t.user, &ttu.computed_userset.relation));
                }
            }
            Userset::Union(cs) => {
                for c in &cs.child {
                    out.extend(self.eval(object, relation, c));
                }
            }
            Userset::Intersection(cs) => {
                out = USERS.into_iter().collect();
                for c in &cs.child {
                    let s = self.eval(object, relation, c);
                    out.retain(|u| s.contains(u));
                }
            }
            Userset::Difference(d) => {
                let subtract = self.eval(object, relation, &d.subtract);
                out = self.eval(object, relation, &d.base);
                out.retain(|u| !subtract.contains(u));
            }
        }
        out
    }

    fn compute(&mut self, order: &Order) {
        for (type_name, relation) in order {
            let rewrite = self.model.relation(type_name, relation).unwrap();
            for id in IDS {
                let object = format!("{type_name}:{id}");
                let set = self.eval(&object, relation, rewrite);
                self.sets.insert((object, relation.clone()), set);
            }
        }
    }
}

fn run(seed: u64) {
    let mut rng = Rng(seed | 1);
    let (model, order) = random_model(&mut rng);
    let tuples = random_tuples(&mut rng, &model);
    let engine = Engine::new(model.clone());
    let mut store = MemoryTuples::new();
    store.write(&model, &tuples, &[]).unwrap();
    let mut reference = Reference {
        model: &model,
        tuples: &tuples,
        sets: BTreeMap::new(),
    };
    reference.compute(&order);

    for (type_name, relation) in &order {
        for user in USERS {
            let user_str = format!("user:{user}");
            let mut expected_objects = Vec::new();
            for id in IDS {
                let object = format!("{type_name}:{id}");
                let expected = reference.set(&object, relation).contains(user);
                if expected {
                    expected_objects.push(object.clone());
                }
                let request = CheckRequest {
                    tuple_key: TupleKey {
                        user: user_str.clone(),
                        relation: relation.clone(),
                        object: object.clone(),
                        condition: None,
                    },
                    contextual_tuples: vec![],
                    context: RequestContext::new(),
                };
                let got = engine.check(&store, &request).unwrap();
                assert_eq!(
                    got,
                    expected,
                    "check {user_str} {relation} {object}\nmodel: {}\ntuples: {tuples:?}",
                    serde_json::to_string(&model).unwrap()
                );
            }
            let listed = engine
                .list_objects(
                    &store,
                    &ListObjectsRequest {
                        object_type: type_name.clone(),
                        relation: relation.clone(),
                        user: user_str.clone(),
                        contextual_tuples: vec![],
                        context: RequestContext::new(),
                    },
                )
                .unwrap();
            assert_eq!(
                listed, expected_objects,
                "list_objects {type_name}#{relation} for {user_str}"
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn engine_agrees_with_reference(seed in any::<u64>()) {
        run(seed);
    }
}
