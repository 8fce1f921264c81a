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
/// whole key takes 56 bytes on a 64-bit target.
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
mod tests;
