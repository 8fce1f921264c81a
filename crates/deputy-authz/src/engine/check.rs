//! The Check resolver: a depth-first evaluation of a relation's rewrite with a visited set of
//! `(object, relation)` nodes on the current path (the user is fixed for one resolution).

use super::{Engine, RESOLVE_NODE_LIMIT, TupleReader, allowed_by, type_of};
use crate::cel::RequestContext;
use crate::error::{ErrorCode, FgaError};
use crate::model::Userset;
use crate::tuple::{TupleKey, User};

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
    /// `(object, relation)` nodes on the current resolution path.
    path: Vec<(String, String)>,
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
    tuple.condition.as_ref().map_or("", |c| c.name.as_str())
}

impl<'e> Resolver<'e> {
    pub(crate) fn new(
        engine: &'e Engine,
        reader: &'e dyn TupleReader,
        context: &'e RequestContext,
    ) -> Self {
        Resolver {
            engine,
            reader,
            context,
            path: Vec::new(),
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
        if self.path.iter().any(|(o, r)| o == object && r == relation) {
            return Ok(Outcome::Cycle);
        }
        let object_type = type_of(object);
        let Some(rewrite) = self.engine.model.relation(object_type, relation) else {
            return Ok(Outcome::False);
        };
        self.path.push((object.to_owned(), relation.to_owned()));
        let result = self.rewrite(object, relation, rewrite, user, user_str, depth);
        self.path.pop();
        result
    }

    fn rewrite(
        &mut self,
        object: &str,
        relation: &str,
        rewrite: &'e Userset,
        user: &User,
        user_str: &str,
        depth: u32,
    ) -> Result<Outcome, FgaError> {
        match rewrite {
            Userset::This(_) => self.direct(object, relation, user, user_str, depth),
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
                    if any.add(self.rewrite(object, relation, child, user, user_str, depth)) {
                        return Ok(Outcome::True);
                    }
                }
                any.finish()
            }
            Userset::Intersection(children) => {
                let mut cycle = false;
                let mut error = None;
                for child in &children.child {
                    match self.rewrite(object, relation, child, user, user_str, depth) {
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
                let base = self.rewrite(object, relation, &diff.base, user, user_str, depth);
                match base {
                    Ok(Outcome::False) => return Ok(Outcome::False),
                    Ok(Outcome::Cycle) => return Ok(Outcome::Cycle),
                    Ok(Outcome::True) | Err(_) => {}
                }
                let subtract =
                    self.rewrite(object, relation, &diff.subtract, user, user_str, depth);
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
        match &tuple.condition {
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
        user: &User,
        user_str: &str,
        depth: u32,
    ) -> Result<Outcome, FgaError> {
        let object_type = type_of(object);
        let restrictions = self.engine.model.directly_related(object_type, relation);
        let mut any = Any::default();
        // The user itself, then the wildcard of its type.
        let wildcard = match user {
            User::Object { type_name, .. } => Some(format!("{type_name}:*")),
            _ => None,
        };
        for name in std::iter::once(user_str).chain(wildcard.as_deref()) {
            let Some(tuple) = self.reader.read_user(object, relation, name)? else {
                continue;
            };
            let Some(tuple_user) = User::parse(&tuple.user) else {
                continue;
            };
            if !allowed_by(restrictions, &tuple_user, condition_name(&tuple)) {
                continue;
            }
            if any.add(self.condition_holds(&tuple).map(Outcome::from)) {
                return Ok(Outcome::True);
            }
        }
        // Usersets: the user may be in one of them.
        let usersets = self.reader.read_usersets(object, relation)?;
        for tuple in usersets.iter() {
            if tuple.user == user_str {
                continue;
            }
            let Some((set_object, set_relation)) = tuple.user.split_once('#') else {
                continue;
            };
            let set_type = type_of(set_object);
            let condition = condition_name(tuple);
            let allowed = restrictions.iter().any(|r| {
                r.type_name == set_type
                    && r.relation.as_deref() == Some(set_relation)
                    && r.condition == condition
            });
            if !allowed {
                continue;
            }
            match self.condition_holds(tuple) {
                Ok(true) => {}
                Ok(false) => continue,
                Err(e) => {
                    any.add(Err(e));
                    continue;
                }
            }
            if any.add(self.check(set_object, set_relation, user, user_str, depth + 1)) {
                return Ok(Outcome::True);
            }
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
        let restrictions = self.engine.model.directly_related(object_type, tupleset);
        let tuples = self.reader.read(object, tupleset)?;
        let mut any = Any::default();
        for tuple in tuples.iter() {
            let Some(parent @ User::Object { .. }) = User::parse(&tuple.user) else {
                continue;
            };
            let condition = tuple.condition.as_ref().map_or("", |c| c.name.as_str());
            if !allowed_by(restrictions, &parent, condition) {
                continue;
            }
            if self
                .engine
                .model
                .relation(parent.type_name(), computed)
                .is_none()
            {
                continue;
            }
            match self.condition_holds(tuple) {
                Ok(true) => {}
                Ok(false) => continue,
                Err(e) => {
                    any.add(Err(e));
                    continue;
                }
            }
            if any.add(self.check(&tuple.user, computed, user, user_str, depth + 1)) {
                return Ok(Outcome::True);
            }
        }
        any.finish()
    }
}
