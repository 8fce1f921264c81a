//! The Check resolver: a depth-first evaluation of a relation's rewrite with a visited set of
//! `(object, relation)` nodes on the current path (the user is fixed for one resolution).

use super::{Engine, RESOLVE_NODE_LIMIT, Shape, TupleReader, shape_allowed, type_of};
use crate::cel::RequestContext;
use crate::error::{ErrorCode, FgaError};
use crate::model::{RelationReference, Userset};
use crate::tuple::{RelationshipCondition, TupleKey, User};
use std::cell::RefCell;

/// A three-valued answer: a cycle is "not provably allowed", which is false at the top but,
/// unlike false, does not make an exclusion true.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    True,
    False,
    Cycle,
}

pub(crate) struct Resolver<'e> {
    engine: &'e Engine,
    reader: &'e dyn TupleReader,
    context: &'e RequestContext,
    /// `(object, relation)` nodes on the current resolution path: the first `depth` entries
    /// of `path`, whose strings are reused as the path grows and shrinks.
    path: Vec<(String, String)>,
    depth: usize,
    /// `type:*` for the user being resolved, made on first use.
    wildcard: Option<String>,
}

thread_local! {
    /// Path buffers handed from one resolver to the next on this thread, so that a
    /// check allocates nothing for its path once the thread has warmed up.
    static PATHS: RefCell<Vec<Vec<(String, String)>>> = const { RefCell::new(Vec::new()) };
}

impl Drop for Resolver<'_> {
    fn drop(&mut self) {
        let path = std::mem::take(&mut self.path);
        PATHS.with(|p| {
            if let Ok(mut p) = p.try_borrow_mut()
                && p.len() < 8
            {
                p.push(path);
            }
        });
    }
}

/// Folds a union: true wins over errors, errors over cycles and false.
#[derive(Default)]
struct Any {
    cycle: bool,
    error: Option<FgaError>,
}

impl Any {
    fn add(&mut self, r: Result<Outcome, FgaError>) -> bool {
        match r {
            Ok(Outcome::True) => return true,
            Ok(Outcome::Cycle) => self.cycle = true,
            Ok(Outcome::False) => {}
            Err(e) => {
                if self.error.is_none()
                    || e.code == ErrorCode::AuthorizationModelResolutionTooComplex
                {
                    self.error = Some(e);
                }
            }
        }
        false
    }

    fn finish(self) -> Result<Outcome, FgaError> {
        match self.error {
            Some(e) => Err(e),
            None if self.cycle => Ok(Outcome::Cycle),
            None => Ok(Outcome::False),
        }
    }
}

impl From<bool> for Outcome {
    fn from(b: bool) -> Self {
        if b { Outcome::True } else { Outcome::False }
    }
}

fn condition_name(tuple: &TupleKey) -> &str {
    name_of(tuple.condition.as_ref())
}

fn name_of(condition: Option<&RelationshipCondition>) -> &str {
    condition.map_or("", |c| c.name.as_str())
}

impl<'e> Resolver<'e> {
    pub(crate) fn new(
        engine: &'e Engine,
        reader: &'e dyn TupleReader,
        context: &'e RequestContext,
    ) -> Self {
        let path = PATHS
            .with(|p| p.try_borrow_mut().ok().and_then(|mut p| p.pop()))
            .unwrap_or_default();
        Resolver {
            engine,
            reader,
            context,
            path,
            depth: 0,
            wildcard: None,
        }
    }

    pub(crate) fn check_top(
        &mut self,
        object: &str,
        relation: &str,
        user: &User,
        user_str: &str,
    ) -> Result<bool, FgaError> {
        Ok(self.check(object, relation, user, user_str, 0)? == Outcome::True)
    }

    pub(crate) fn check(
        &mut self,
        object: &str,
        relation: &str,
        user: &User,
        user_str: &str,
        depth: u32,
    ) -> Result<Outcome, FgaError> {
        if depth >= RESOLVE_NODE_LIMIT {
            return Err(FgaError::new(
                ErrorCode::AuthorizationModelResolutionTooComplex,
                "authorization model resolution required too many rewrite rules to be resolved; check for infinite recursion or excessive nesting",
            ));
        }
        // A userset is always related to itself.
        if let User::Userset {
            type_name,
            id,
            relation: r,
        } = user
            && r == relation
            && object
                .strip_prefix(type_name.as_str())
                .and_then(|rest| rest.strip_prefix(':'))
                == Some(id.as_str())
        {
            return Ok(Outcome::True);
        }
        // The user is the same throughout one resolution, so `(object, relation)` identifies
        // a node; the path is at most RESOLVE_NODE_LIMIT long, so a scan beats hashing.
        let on_path = self.path.get(..self.depth).unwrap_or_default();
        if on_path.iter().any(|(o, r)| o == object && r == relation) {
            return Ok(Outcome::Cycle);
        }
        let object_type = type_of(object);
        let Some((rewrite, restrictions)) = self.engine.relation_entry(object_type, relation)
        else {
            return Ok(Outcome::False);
        };
        match self.path.get_mut(self.depth) {
            Some((o, r)) => {
                o.clear();
                o.push_str(object);
                r.clear();
                r.push_str(relation);
            }
            None => self.path.push((object.to_owned(), relation.to_owned())),
        }
        self.depth += 1;
        let result = self.rewrite(
            object,
            relation,
            rewrite,
            restrictions,
            user,
            user_str,
            depth,
        );
        self.depth -= 1;
        result
    }

    #[allow(clippy::too_many_arguments)]
    fn rewrite(
        &mut self,
        object: &str,
        relation: &str,
        rewrite: &'e Userset,
        restrictions: &'e [RelationReference],
        user: &User,
        user_str: &str,
        depth: u32,
    ) -> Result<Outcome, FgaError> {
        match rewrite {
            Userset::This(_) => self.direct(object, relation, restrictions, user, user_str, depth),
            Userset::ComputedUserset(cu) => {
                self.check(object, &cu.relation, user, user_str, depth + 1)
            }
            Userset::TupleToUserset(ttu) => self.tuple_to_userset(
                object,
                &ttu.tupleset.relation,
                &ttu.computed_userset.relation,
                user,
                user_str,
                depth,
            ),
            Userset::Union(children) => {
                let mut any = Any::default();
                for child in &children.child {
                    if any.add(self.rewrite(
                        object,
                        relation,
                        child,
                        restrictions,
                        user,
                        user_str,
                        depth,
                    )) {
                        return Ok(Outcome::True);
                    }
                }
                any.finish()
            }
            Userset::Intersection(children) => {
                let mut cycle = false;
                let mut error = None;
                for child in &children.child {
                    match self.rewrite(object, relation, child, restrictions, user, user_str, depth)
                    {
                        Ok(Outcome::True) => {}
                        Ok(Outcome::False) => return Ok(Outcome::False),
                        Ok(Outcome::Cycle) => cycle = true,
                        Err(e) => error = Some(e),
                    }
                }
                match error {
                    Some(e) => Err(e),
                    None if cycle => Ok(Outcome::Cycle),
                    None => Ok(Outcome::True),
                }
            }
            Userset::Difference(diff) => {
                let base = self.rewrite(
                    object,
                    relation,
                    &diff.base,
                    restrictions,
                    user,
                    user_str,
                    depth,
                );
                match base {
                    Ok(Outcome::False) => return Ok(Outcome::False),
                    Ok(Outcome::Cycle) => return Ok(Outcome::Cycle),
                    Ok(Outcome::True) | Err(_) => {}
                }
                let subtract = self.rewrite(
                    object,
                    relation,
                    &diff.subtract,
                    restrictions,
                    user,
                    user_str,
                    depth,
                );
                match (base, subtract) {
                    (_, Ok(Outcome::True)) => Ok(Outcome::False),
                    (Err(e), _) | (_, Err(e)) => Err(e),
                    (_, Ok(Outcome::Cycle)) => Ok(Outcome::Cycle),
                    (Ok(b), Ok(Outcome::False)) => Ok(b),
                }
            }
        }
    }

    /// Evaluates a tuple's condition; tuples without one hold.
    pub(crate) fn condition_holds(&self, tuple: &TupleKey) -> Result<bool, FgaError> {
        self.holds(tuple.condition.as_ref())
    }

    fn holds(&self, condition: Option<&RelationshipCondition>) -> Result<bool, FgaError> {
        match condition {
            None => Ok(true),
            Some(c) if c.name.is_empty() => Ok(true),
            Some(c) => self
                .engine
                .conditions
                .evaluate(&c.name, c.context.as_deref(), self.context),
        }
    }

    fn direct(
        &mut self,
        object: &str,
        relation: &str,
        restrictions: &'e [RelationReference],
        user: &User,
        user_str: &str,
        depth: u32,
    ) -> Result<Outcome, FgaError> {
        let mut any = Any::default();
        // Reads whose tuples the restrictions would ignore anyway are not made.
        let user_type = user.type_name();
        let direct_fits = restrictions.iter().any(|r| {
            r.type_name == user_type
                && match user {
                    User::Object { .. } => r.relation.is_none() && r.wildcard.is_none(),
                    User::Wildcard { .. } => r.wildcard.is_some(),
                    User::Userset { relation, .. } => r.relation.as_ref() == Some(relation),
                }
        });
        let wildcard_fits = matches!(user, User::Object { .. })
            && restrictions
                .iter()
                .any(|r| r.type_name == user_type && r.wildcard.is_some());
        // The user itself, then the wildcard of its type.
        if let (true, User::Object { type_name, .. }, None) = (wildcard_fits, user, &self.wildcard)
        {
            self.wildcard = Some(format!("{type_name}:*"));
        }
        let wildcard = if wildcard_fits {
            self.wildcard.as_deref()
        } else {
            None
        };
        let own = direct_fits.then_some(user_str);
        for name in own.into_iter().chain(wildcard) {
            let Some(tuple) = self.reader.read_user(object, relation, name)? else {
                continue;
            };
            // The tuple's user is `name` (the reader's contract), whose bytes are at hand;
            // the tuple's own copy may be a cache miss away.
            let Some(shape) = Shape::of(name) else {
                continue;
            };
            if !shape_allowed(restrictions, shape, condition_name(&tuple)) {
                continue;
            }
            if any.add(self.condition_holds(&tuple).map(Outcome::from)) {
                return Ok(Outcome::True);
            }
        }
        // Usersets: the user may be in one of them.
        if !restrictions.iter().any(|r| r.relation.is_some()) {
            return any.finish();
        }
        let reader = self.reader;
        let mut allowed = false;
        reader.visit_users(object, relation, true, &mut |set, condition| {
            if set == user_str {
                return true;
            }
            let Some((set_object, set_relation)) = set.split_once('#') else {
                return true;
            };
            let set_type = type_of(set_object);
            let condition_name = name_of(condition);
            let fits = restrictions.iter().any(|r| {
                r.type_name == set_type
                    && r.relation.as_deref() == Some(set_relation)
                    && r.condition == condition_name
            });
            if !fits {
                return true;
            }
            match self.holds(condition) {
                Ok(true) => {}
                Ok(false) => return true,
                Err(e) => {
                    any.add(Err(e));
                    return true;
                }
            }
            allowed = any.add(self.check(set_object, set_relation, user, user_str, depth + 1));
            !allowed
        })?;
        if allowed {
            return Ok(Outcome::True);
        }
        any.finish()
    }

    fn tuple_to_userset(
        &mut self,
        object: &str,
        tupleset: &str,
        computed: &str,
        user: &User,
        user_str: &str,
        depth: u32,
    ) -> Result<Outcome, FgaError> {
        let object_type = type_of(object);
        let restrictions = self.engine.directly_related(object_type, tupleset);
        let mut any = Any::default();
        let reader = self.reader;
        let mut allowed = false;
        reader.visit_users(object, tupleset, false, &mut |parent_object, condition| {
            let Some(parent @ Shape::Object { type_name }) = Shape::of(parent_object) else {
                return true;
            };
            if !shape_allowed(restrictions, parent, name_of(condition)) {
                return true;
            }
            if self.engine.relation(type_name, computed).is_none() {
                return true;
            }
            match self.holds(condition) {
                Ok(true) => {}
                Ok(false) => return true,
                Err(e) => {
                    any.add(Err(e));
                    return true;
                }
            }
            allowed = any.add(self.check(parent_object, computed, user, user_str, depth + 1));
            !allowed
        })?;
        if allowed {
            return Ok(Outcome::True);
        }
        any.finish()
    }
}
