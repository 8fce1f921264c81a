//! An indexed in-memory tuple store: the engine's reader for tests, contextual tuples and
//! embedded use. Writes are validated against a model and applied all or nothing.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasher;

use crate::engine::{TupleReader, validate_tuple};
use crate::error::{ErrorCode, FgaError};
use crate::model::AuthorizationModel;
use crate::tuple::TupleKey;

/// Maps keyed by tuple strings. foldhash is several times faster than the default SipHash
/// on short keys and, seeded per process, still resists keys chosen to collide.
type Map<K, V> = HashMap<K, V, foldhash::fast::RandomState>;
type Relations = Map<String, Vec<TupleKey>>;

/// Tuples by a 64-bit hash of `(object, relation, user)`: one probe and no string keys to
/// chase, with the stored tuple compared to confirm. A second tuple with the same hash (a
/// chance of about one in 10^7 at a million tuples) goes to `collided`, searched only when
/// it is not empty.
#[derive(Debug, Default, Clone)]
struct Exact {
    seed: foldhash::fast::RandomState,
    by_hash: Map<u64, TupleKey>,
    collided: Vec<TupleKey>,
}

fn same(t: &TupleKey, object: &str, relation: &str, user: &str) -> bool {
    t.user == user && t.relation == relation && t.object == object
}

impl Exact {
    fn hash(&self, object: &str, relation: &str, user: &str) -> u64 {
        self.seed.hash_one((object, relation, user))
    }

    fn get(&self, object: &str, relation: &str, user: &str) -> Option<&TupleKey> {
        let h = self.hash(object, relation, user);
        match self.by_hash.get(&h) {
            Some(t) if same(t, object, relation, user) => Some(t),
            _ if self.collided.is_empty() => None,
            _ => self
                .collided
                .iter()
                .find(|t| same(t, object, relation, user)),
        }
    }

    /// Adds a tuple that is not there yet.
    fn insert(&mut self, tuple: TupleKey) {
        let h = self.hash(&tuple.object, &tuple.relation, &tuple.user);
        match self.by_hash.entry(h) {
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(tuple);
            }
            std::collections::hash_map::Entry::Occupied(_) => self.collided.push(tuple),
        }
    }

    fn remove(&mut self, object: &str, relation: &str, user: &str) -> Option<TupleKey> {
        let h = self.hash(object, relation, user);
        if self
            .by_hash
            .get(&h)
            .is_some_and(|t| same(t, object, relation, user))
        {
            let removed = self.by_hash.remove(&h);
            // A collided tuple with this hash takes the freed slot.
            let seed = &self.seed;
            if let Some(i) = self.collided.iter().position(|t| {
                seed.hash_one((t.object.as_str(), t.relation.as_str(), t.user.as_str())) == h
            }) {
                let moved = self.collided.swap_remove(i);
                self.by_hash.insert(h, moved);
            }
            return removed;
        }
        let i = self
            .collided
            .iter()
            .position(|t| same(t, object, relation, user))?;
        Some(self.collided.swap_remove(i))
    }
}

/// Tuples indexed by `(object, relation)`, by `(object, relation, user)`, userset tuples by
/// `(object, relation)`, and by `(object type, relation, user)` for reverse lookups.
#[derive(Debug, Default, Clone)]
pub struct MemoryTuples {
    len: usize,
    exact: Exact,
    by_object: Map<String, Relations>,
    usersets: Map<String, Relations>,
    by_user: Map<String, Map<String, Relations>>,
}

impl MemoryTuples {
    pub fn new() -> Self {
        Self::default()
    }

    /// Builds an index from tuples without validating them (duplicates are kept once).
    pub fn from_tuples<'t>(tuples: impl IntoIterator<Item = &'t TupleKey>) -> Self {
        let mut index = Self::default();
        for tuple in tuples {
            index.insert(tuple.clone());
        }
        index
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn contains(&self, tuple: &TupleKey) -> bool {
        self.exact
            .get(&tuple.object, &tuple.relation, &tuple.user)
            .is_some()
    }

    /// Writes and deletes tuples in one transaction, with OpenFGA's errors: a tuple twice in
    /// the request is 2004, an invalid tuple 2027, writing an existing tuple or deleting a
    /// missing one 2017. Nothing changes unless everything succeeds.
    pub fn write(
        &mut self,
        model: &AuthorizationModel,
        writes: &[TupleKey],
        deletes: &[TupleKey],
    ) -> Result<(), FgaError> {
        // Borrowed keys: cloning a million tuples' strings here, only to free them at the
        // end, fragments the heap that every later check allocates from.
        let mut seen = HashSet::with_capacity(writes.len() + deletes.len());
        for tuple in writes.iter().chain(deletes) {
            if !seen.insert((
                tuple.object.as_str(),
                tuple.relation.as_str(),
                tuple.user.as_str(),
            )) {
                return Err(FgaError::new(
                    ErrorCode::CannotAllowDuplicateTuplesInOneRequest,
                    format!(
                        "duplicate tuple in write: user: `{}`, relation: `{}`, object: `{}`",
                        tuple.user, tuple.relation, tuple.object
                    ),
                ));
            }
        }
        for tuple in writes {
            validate_tuple(model, tuple).map_err(|e| FgaError::new(ErrorCode::InvalidTuple, e))?;
            if self.contains(tuple) {
                return Err(FgaError::new(
                    ErrorCode::WriteFailedDueToInvalidInput,
                    format!(
                        "cannot write a tuple which already exists: user: `{}`, relation: `{}`, object: `{}`",
                        tuple.user, tuple.relation, tuple.object
                    ),
                ));
            }
        }
        for tuple in deletes {
            if !self.contains(tuple) {
                return Err(FgaError::new(
                    ErrorCode::WriteFailedDueToInvalidInput,
                    format!(
                        "cannot delete a tuple which does not exist: user: `{}`, relation: `{}`, object: `{}`",
                        tuple.user, tuple.relation, tuple.object
                    ),
                ));
            }
        }
        for tuple in deletes {
            self.remove(tuple);
        }
        for tuple in writes {
            self.insert(tuple.clone());
        }
        Ok(())
    }

    /// Adds a tuple without validating it; a tuple already there (by object, relation and
    /// user) is kept as it is. For mirroring a store whose writes were validated.
    pub fn insert(&mut self, tuple: TupleKey) {
        if self.contains(&tuple) {
            return;
        }
        self.len += 1;
        self.exact.insert(tuple.clone());
        if tuple.user.contains('#') {
            self.usersets
                .entry(tuple.object.clone())
                .or_default()
                .entry(tuple.relation.clone())
                .or_default()
                .push(tuple.clone());
        }
        let object_type = object_type(&tuple.object).to_owned();
        self.by_user
            .entry(object_type)
            .or_default()
            .entry(tuple.relation.clone())
            .or_default()
            .entry(tuple.user.clone())
            .or_default()
            .push(tuple.clone());
        self.by_object
            .entry(tuple.object.clone())
            .or_default()
            .entry(tuple.relation.clone())
            .or_default()
            .push(tuple);
    }

    /// Removes the tuple with this object, relation and user, if there is one.
    pub fn remove(&mut self, tuple: &TupleKey) {
        let removed = self
            .exact
            .remove(&tuple.object, &tuple.relation, &tuple.user);
        if removed.is_none() {
            return;
        }
        self.len = self.len.saturating_sub(1);
        if let Some(list) = self
            .usersets
            .get_mut(&tuple.object)
            .and_then(|r| r.get_mut(&tuple.relation))
        {
            list.retain(|t| t.user != tuple.user);
        }
        let same = |t: &TupleKey| {
            t.user == tuple.user && t.relation == tuple.relation && t.object == tuple.object
        };
        let object_type = object_type(&tuple.object);
        if let Some(list) = self
            .by_user
            .get_mut(object_type)
            .and_then(|r| r.get_mut(&tuple.relation))
            .and_then(|u| u.get_mut(&tuple.user))
        {
            list.retain(|t| !same(t));
        }
        if let Some(list) = self
            .by_object
            .get_mut(&tuple.object)
            .and_then(|r| r.get_mut(&tuple.relation))
        {
            list.retain(|t| !same(t));
        }
    }

    /// Every stored tuple, in no particular order.
    pub fn tuples(&self) -> impl Iterator<Item = &TupleKey> {
        self.by_object.values().flat_map(|r| r.values()).flatten()
    }
}

fn object_type(object: &str) -> &str {
    object.split_once(':').map_or(object, |(t, _)| t)
}

impl TupleReader for MemoryTuples {
    fn read_user(
        &self,
        object: &str,
        relation: &str,
        user: &str,
    ) -> Result<Option<Cow<'_, TupleKey>>, FgaError> {
        Ok(self.exact.get(object, relation, user).map(Cow::Borrowed))
    }

    fn read_usersets(&self, object: &str, relation: &str) -> Result<Cow<'_, [TupleKey]>, FgaError> {
        Ok(Cow::Borrowed(
            self.usersets
                .get(object)
                .and_then(|r| r.get(relation))
                .map_or(&[][..], Vec::as_slice),
        ))
    }

    fn read(&self, object: &str, relation: &str) -> Result<Cow<'_, [TupleKey]>, FgaError> {
        Ok(Cow::Borrowed(
            self.by_object
                .get(object)
                .and_then(|r| r.get(relation))
                .map_or(&[][..], Vec::as_slice),
        ))
    }

    fn read_reverse(
        &self,
        object_type: &str,
        relation: &str,
        user: &str,
    ) -> Result<Cow<'_, [TupleKey]>, FgaError> {
        Ok(Cow::Borrowed(
            self.by_user
                .get(object_type)
                .and_then(|r| r.get(relation))
                .and_then(|u| u.get(user))
                .map_or(&[][..], Vec::as_slice),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(user: &str, relation: &str, object: &str) -> TupleKey {
        TupleKey {
            user: user.into(),
            relation: relation.into(),
            object: object.into(),
            condition: None,
        }
    }

    #[test]
    fn a_tuple_whose_hash_slot_is_taken_is_still_found_and_removed() {
        let mut exact = Exact::default();
        let b = t("user:b", "viewer", "doc:1");
        // Another tuple already sits in b's slot, as after a hash collision.
        let h = exact.hash(&b.object, &b.relation, &b.user);
        exact.by_hash.insert(h, t("user:c", "viewer", "doc:9"));
        exact.insert(b.clone());
        assert_eq!(exact.collided.len(), 1);
        assert_eq!(exact.get("doc:1", "viewer", "user:b"), Some(&b));
        assert_eq!(exact.get("doc:1", "viewer", "user:x"), None);
        assert_eq!(exact.remove("doc:1", "viewer", "user:b"), Some(b));
        assert!(exact.collided.is_empty());
        assert_eq!(exact.get("doc:1", "viewer", "user:b"), None);
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
}
