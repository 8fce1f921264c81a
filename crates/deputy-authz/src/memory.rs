//! An indexed in-memory tuple store: the engine's reader for tests, contextual tuples and
//! embedded use. Writes are validated against a model and applied all or nothing.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasher;

use crate::engine::{TupleReader, validate_tuple};
use crate::error::{ErrorCode, FgaError};
use crate::model::AuthorizationModel;
use crate::tuple::{RelationshipCondition, TupleKey};

/// Maps keyed by 64-bit hashes of tuple strings. foldhash is several times faster than the
/// default SipHash on short keys and, seeded per process, still resists keys chosen to collide.
type Map<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

/// Values by a 64-bit hash of their key strings: one probe, no nested maps and no string keys
/// to chase, with the value itself compared to confirm (a hash says nothing for certain). A
/// value whose hash slot holds another key (a chance of about one in 10^7 at a million keys)
/// goes to `collided`, searched only when it is not empty.
#[derive(Debug, Clone)]
struct Hashed<V> {
    by_hash: Map<u64, V>,
    collided: Vec<(u64, V)>,
}

impl<V> Default for Hashed<V> {
    fn default() -> Self {
        Hashed {
            by_hash: Map::default(),
            collided: Vec::new(),
        }
    }
}

impl<V> Hashed<V> {
    fn get(&self, h: u64, is: impl Fn(&V) -> bool) -> Option<&V> {
        match self.by_hash.get(&h) {
            Some(v) if is(v) => Some(v),
            _ if self.collided.is_empty() => None,
            _ => self
                .collided
                .iter()
                .find(|(ch, v)| *ch == h && is(v))
                .map(|(_, v)| v),
        }
    }

    fn get_mut(&mut self, h: u64, is: impl Fn(&V) -> bool) -> Option<&mut V> {
        match self.by_hash.get_mut(&h) {
            Some(v) if is(v) => Some(v),
            _ => self
                .collided
                .iter_mut()
                .find(|(ch, v)| *ch == h && is(v))
                .map(|(_, v)| v),
        }
    }

    /// The value for the key `is` recognizes, made by `make` if there is none. `is` must
    /// not recognize a value `make` returns before the caller has filled it in.
    fn get_or_insert_with(
        &mut self,
        h: u64,
        is: impl Fn(&V) -> bool,
        make: impl FnOnce() -> V,
    ) -> &mut V {
        if self.by_hash.get(&h).is_none_or(&is) {
            return self.by_hash.entry(h).or_insert_with(make);
        }
        // The slot holds another key: this one lives among the collided.
        let i = self
            .collided
            .iter()
            .position(|(ch, v)| *ch == h && is(v))
            .unwrap_or_else(|| {
                self.collided.push((h, make()));
                self.collided.len() - 1
            });
        #[expect(
            clippy::indexing_slicing,
            reason = "`i` is the position just found or just pushed"
        )]
        &mut self.collided[i].1
    }

    /// Adds a value whose key is not there yet.
    fn insert_new(&mut self, h: u64, value: V) {
        match self.by_hash.entry(h) {
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(value);
            }
            std::collections::hash_map::Entry::Occupied(_) => self.collided.push((h, value)),
        }
    }

    fn remove(&mut self, h: u64, is: impl Fn(&V) -> bool) -> Option<V> {
        if self.by_hash.get(&h).is_some_and(&is) {
            let removed = self.by_hash.remove(&h);
            // A collided value with this hash takes the freed slot.
            if let Some(i) = self.collided.iter().position(|(ch, _)| *ch == h) {
                let (_, moved) = self.collided.swap_remove(i);
                self.by_hash.insert(h, moved);
            }
            return removed;
        }
        let i = self.collided.iter().position(|(ch, v)| *ch == h && is(v))?;
        Some(self.collided.swap_remove(i).1)
    }

    fn values(&self) -> impl Iterator<Item = &V> {
        self.by_hash
            .values()
            .chain(self.collided.iter().map(|(_, v)| v))
    }
}

/// Key strings stored beside a hash-table entry, so that confirming a hit reads the bytes
/// already fetched with the entry instead of chasing three heap strings (each a likely cache
/// miss at a million tuples). Up to `INLINE` bytes live in the entry itself; longer keys are
/// boxed. The lengths of the first two parts are kept, so `("a#b", "c")` and `("a", "b#c")`
/// never compare equal.
#[derive(Debug, Clone)]
enum Key {
    Inline {
        first: u8,
        second: u8,
        len: u8,
        bytes: [u8; INLINE],
    },
    Boxed {
        first: usize,
        second: usize,
        text: Box<str>,
    },
}

/// Inline key bytes: `repository:p106073` + `reader` + `team:t1999#member` fit, and the
/// whole key is 56 bytes.
const INLINE: usize = 52;

impl Key {
    fn new(a: &str, b: &str, c: &str) -> Key {
        let len = a.len() + b.len() + c.len();
        let mut bytes = [0; INLINE];
        if let (Ok(first), Ok(second), Ok(len_u8), Some(slot)) = (
            u8::try_from(a.len()),
            u8::try_from(b.len()),
            u8::try_from(len),
            bytes.get_mut(..len),
        ) {
            let (sa, rest) = slot.split_at_mut(a.len());
            let (sb, sc) = rest.split_at_mut(b.len());
            sa.copy_from_slice(a.as_bytes());
            sb.copy_from_slice(b.as_bytes());
            sc.copy_from_slice(c.as_bytes());
            return Key::Inline {
                first,
                second,
                len: len_u8,
                bytes,
            };
        }
        Key::Boxed {
            first: a.len(),
            second: b.len(),
            text: [a, b, c].concat().into_boxed_str(),
        }
    }

    fn is(&self, a: &str, b: &str, c: &str) -> bool {
        let (first, second, bytes) = match self {
            Key::Inline {
                first,
                second,
                len,
                bytes,
            } => (
                usize::from(*first),
                usize::from(*second),
                bytes.get(..usize::from(*len)).unwrap_or_default(),
            ),
            Key::Boxed {
                first,
                second,
                text,
            } => (*first, *second, text.as_bytes()),
        };
        if first != a.len() || second != b.len() || bytes.len() != a.len() + b.len() + c.len() {
            return false;
        }
        let (ka, rest) = bytes.split_at(first);
        let (kb, kc) = rest.split_at(second);
        ka == a.as_bytes() && kb == b.as_bytes() && kc == c.as_bytes()
    }
}

/// A tuple under its `(object, relation, user)` key.
#[derive(Debug, Clone)]
struct Exact {
    key: Key,
    tuple: Box<TupleKey>,
}

/// Tuples under one key: `(object, relation)` or `(object type, relation, user)`, and
/// for the first what the resolver reads of them, kept compactly (`U`).
/// INVARIANT: `tuples` is never empty once filled in; a group is removed with its last tuple.
/// `repr(C)`: the key and the users a check reads come first, in the entry's first two
/// cache lines; the tuples, read less often, after them.
#[derive(Debug, Clone)]
#[repr(C)]
struct Group<U> {
    key: Key,
    users: U,
    tuples: Tuples,
}

/// What a group keeps beside its tuples, brought up to date after every change.
trait Compact: Default {
    fn update(&mut self, tuples: &[TupleKey]);
}

/// Reverse lookups keep nothing more.
impl Compact for () {
    fn update(&mut self, _: &[TupleKey]) {}
}

/// The users of a small group without conditions, side by side in the table entry, so that
/// a check reads them without a cache miss per tuple (their strings live apart on the heap).
/// `count == 0`: not kept, because the group is large, a tuple has a condition, or the users
/// are long; then the tuples are read.
#[derive(Debug, Clone)]
struct InlineUsers {
    count: u8,
    ends: [u8; INLINE_USERS],
    bytes: [u8; INLINE_USER_BYTES],
}

/// A repository's readers `user:u12345`, `user:u67890` and `team:t1999#member` fit.
const INLINE_USERS: usize = 4;
const INLINE_USER_BYTES: usize = 43;

impl Default for InlineUsers {
    fn default() -> Self {
        InlineUsers {
            count: 0,
            ends: [0; INLINE_USERS],
            bytes: [0; INLINE_USER_BYTES],
        }
    }
}

impl Compact for InlineUsers {
    fn update(&mut self, tuples: &[TupleKey]) {
        *self = InlineUsers::default();
        if tuples.len() > INLINE_USERS || tuples.iter().any(|t| t.condition.is_some()) {
            return;
        }
        let mut end = 0;
        for (i, t) in tuples.iter().enumerate() {
            let next = end + t.user.len();
            let (Some(slot), Some(slot_end), Ok(next_u8)) = (
                self.bytes.get_mut(end..next),
                self.ends.get_mut(i),
                u8::try_from(next),
            ) else {
                *self = InlineUsers::default();
                return;
            };
            slot.copy_from_slice(t.user.as_bytes());
            *slot_end = next_u8;
            end = next;
        }
        self.count = u8::try_from(tuples.len()).unwrap_or(0);
    }
}

impl InlineUsers {
    /// The users in the tuples' order, or `None` if they are not kept.
    fn users(&self) -> Option<impl Iterator<Item = &str>> {
        let ends = self
            .ends
            .get(..usize::from(self.count))
            .filter(|e| !e.is_empty())?;
        Some(ends.iter().scan(0, |start, &end| {
            let end = usize::from(end);
            let bytes = self.bytes.get(*start..end)?;
            *start = end;
            // INVARIANT: each slice is one whole user string, copied from a `String`.
            std::str::from_utf8(bytes).ok()
        }))
    }
}

/// A group's tuples. Most groups hold one (a repository's owner, a document's parent), kept
/// in the table entry itself: reading it costs no further cache miss.
#[derive(Debug, Clone)]
enum Tuples {
    One(TupleKey),
    Many(Vec<TupleKey>),
}

impl Tuples {
    fn as_slice(&self) -> &[TupleKey] {
        match self {
            Tuples::One(t) => std::slice::from_ref(t),
            Tuples::Many(v) => v,
        }
    }

    fn push(&mut self, tuple: TupleKey) {
        match self {
            Tuples::Many(v) if v.is_empty() => *self = Tuples::One(tuple),
            Tuples::Many(v) => v.push(tuple),
            Tuples::One(_) => {
                if let Tuples::One(first) = std::mem::replace(self, Tuples::Many(Vec::new())) {
                    *self = Tuples::Many(vec![first, tuple]);
                }
            }
        }
    }

    /// Keeps the tuples `keep` picks, in order; true if none is left.
    fn retain(&mut self, keep: impl Fn(&TupleKey) -> bool) -> bool {
        match self {
            Tuples::One(t) => !keep(t),
            Tuples::Many(v) => {
                v.retain(keep);
                v.is_empty()
            }
        }
    }
}

/// Tuples indexed by `(object, relation, user)`, by `(object, relation)` (userset tuples
/// also apart), and by `(object type, relation, user)` for reverse lookups. Each index is
/// one flat table keyed by a seeded hash of its key strings.
#[derive(Debug, Default, Clone)]
pub struct MemoryTuples {
    len: usize,
    seed: foldhash::fast::RandomState,
    exact: Hashed<Exact>,
    by_object: Hashed<Group<InlineUsers>>,
    usersets: Hashed<Group<InlineUsers>>,
    by_user: Hashed<Group<()>>,
}

/// Adds `tuple` to the group keyed `(a, b, c)`, made if there is none.
fn push<U: Compact>(
    groups: &mut Hashed<Group<U>>,
    h: u64,
    (a, b, c): (&str, &str, &str),
    tuple: TupleKey,
) {
    let group = groups.get_or_insert_with(
        h,
        |g| g.key.is(a, b, c),
        || Group {
            key: Key::new(a, b, c),
            tuples: Tuples::Many(Vec::new()),
            users: U::default(),
        },
    );
    group.tuples.push(tuple);
    group.users.update(group.tuples.as_slice());
}

/// Removes the tuples `is_removed` picks from the group keyed `(a, b, c)`, and the group if
/// it is left empty.
fn pull<U: Compact>(
    groups: &mut Hashed<Group<U>>,
    h: u64,
    (a, b, c): (&str, &str, &str),
    is_removed: impl Fn(&TupleKey) -> bool,
) {
    let is = |g: &Group<U>| g.key.is(a, b, c);
    if let Some(group) = groups.get_mut(h, is) {
        if group.tuples.retain(|t| !is_removed(t)) {
            groups.remove(h, is);
        } else {
            group.users.update(group.tuples.as_slice());
        }
    }
}

fn slice<U>(group: Option<&Group<U>>) -> Cow<'_, [TupleKey]> {
    Cow::Borrowed(group.map_or(&[][..], |g| g.tuples.as_slice()))
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

    fn exact_hash(&self, object: &str, relation: &str, user: &str) -> u64 {
        self.seed.hash_one((object, relation, user))
    }

    fn object_hash(&self, object: &str, relation: &str) -> u64 {
        self.seed.hash_one((object, relation))
    }

    fn reverse_hash(&self, object_type: &str, relation: &str, user: &str) -> u64 {
        // Another arity than `exact_hash`, though the two tables never meet anyway.
        self.seed.hash_one((object_type, relation, user, 'r'))
    }

    fn get(&self, object: &str, relation: &str, user: &str) -> Option<&TupleKey> {
        self.exact
            .get(self.exact_hash(object, relation, user), |e| {
                e.key.is(object, relation, user)
            })
            .map(|e| &*e.tuple)
    }

    fn contains(&self, tuple: &TupleKey) -> bool {
        self.get(&tuple.object, &tuple.relation, &tuple.user)
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
        let (object, relation, user) = (&tuple.object, &tuple.relation, &tuple.user);
        let object_type = object_type(object);
        let h = self.reverse_hash(object_type, relation, user);
        push(
            &mut self.by_user,
            h,
            (object_type, relation, user),
            tuple.clone(),
        );
        let h = self.object_hash(object, relation);
        if user.contains('#') {
            push(&mut self.usersets, h, (object, relation, ""), tuple.clone());
        }
        push(
            &mut self.by_object,
            h,
            (object, relation, ""),
            tuple.clone(),
        );
        let h = self.exact_hash(object, relation, user);
        let key = Key::new(object, relation, user);
        self.exact.insert_new(
            h,
            Exact {
                key,
                tuple: Box::new(tuple),
            },
        );
    }

    /// Removes the tuple with this object, relation and user, if there is one.
    pub fn remove(&mut self, tuple: &TupleKey) {
        let (object, relation, user) = (&tuple.object, &tuple.relation, &tuple.user);
        let h = self.exact_hash(object, relation, user);
        if self
            .exact
            .remove(h, |e| e.key.is(object, relation, user))
            .is_none()
        {
            return;
        }
        self.len = self.len.saturating_sub(1);
        let h = self.object_hash(object, relation);
        let key = (object.as_str(), relation.as_str(), "");
        pull(&mut self.usersets, h, key, |t| t.user == *user);
        pull(&mut self.by_object, h, key, |t| t.user == *user);
        let object_type = object_type(object);
        let h = self.reverse_hash(object_type, relation, user);
        let key = (object_type, relation.as_str(), user.as_str());
        pull(&mut self.by_user, h, key, |t| t.object == *object);
    }

    /// Every stored tuple, in no particular order.
    pub fn tuples(&self) -> impl Iterator<Item = &TupleKey> {
        self.exact.values().map(|e| &*e.tuple)
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
        Ok(self.get(object, relation, user).map(Cow::Borrowed))
    }

    fn read_usersets(&self, object: &str, relation: &str) -> Result<Cow<'_, [TupleKey]>, FgaError> {
        let h = self.object_hash(object, relation);
        Ok(slice(
            self.usersets.get(h, |g| g.key.is(object, relation, "")),
        ))
    }

    fn visit_users(
        &self,
        object: &str,
        relation: &str,
        usersets_only: bool,
        visit: &mut dyn FnMut(&str, Option<&RelationshipCondition>) -> bool,
    ) -> Result<(), FgaError> {
        let h = self.object_hash(object, relation);
        let groups = if usersets_only {
            &self.usersets
        } else {
            &self.by_object
        };
        let Some(group) = groups.get(h, |g| g.key.is(object, relation, "")) else {
            return Ok(());
        };
        match group.users.users() {
            Some(users) => {
                for user in users {
                    if !visit(user, None) {
                        break;
                    }
                }
            }
            None => {
                for t in group.tuples.as_slice() {
                    if !visit(&t.user, t.condition.as_ref()) {
                        break;
                    }
                }
            }
        }
        Ok(())
    }

    fn read(&self, object: &str, relation: &str) -> Result<Cow<'_, [TupleKey]>, FgaError> {
        let h = self.object_hash(object, relation);
        Ok(slice(
            self.by_object.get(h, |g| g.key.is(object, relation, "")),
        ))
    }

    fn read_reverse(
        &self,
        object_type: &str,
        relation: &str,
        user: &str,
    ) -> Result<Cow<'_, [TupleKey]>, FgaError> {
        let h = self.reverse_hash(object_type, relation, user);
        Ok(slice(
            self.by_user
                .get(h, |g| g.key.is(object_type, relation, user)),
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
    fn visited_and_read(
        tuples: &MemoryTuples,
        object: &str,
        relation: &str,
    ) -> [(Users, Users); 2] {
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
}
