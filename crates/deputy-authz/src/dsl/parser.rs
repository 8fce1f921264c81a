//! A recursive-descent parser for schema 1.1 DSL, following OpenFGA's grammar
//! (`OpenFGAParser.g4`): one operator kind per parenthesis level, at most one `but not`,
//! direct assignments (`[...]`) only as the first operand, `x from y` operands.

use indexmap::IndexMap;

use super::lexer::{Cursor, Pos};
use super::{Diagnostic, Range};
use crate::model::{
    AuthorizationModel, Condition, ConditionMetadata, ConditionParamTypeRef, Difference,
    DirectUserset, Metadata, ObjectRelation, RelationMetadata, RelationReference, TupleToUserset,
    TypeDefinition, TypeName, Userset, Usersets, Wildcard,
};

/// Where each named element sits in the source, for validation messages.
#[derive(Debug, Clone, Default)]
pub(crate) struct SourceMap {
    pub schema: Option<(String, Span)>,
    /// The module a `module` file declares.
    pub module: Option<String>,
    pub types: Vec<TypeSource>,
    pub conditions: Vec<ConditionSource>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Span {
    pub line: usize,
    pub start: usize,
    pub end: usize,
}

impl Span {
    fn new(at: Pos, len: usize) -> Self {
        Self {
            line: at.line,
            start: at.col,
            end: at.col + len,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub(crate) struct TypeSource {
    pub name: String,
    pub span: Span,
    /// An `extend type` in a module file.
    pub extension: bool,
    /// The module file it comes from, in a combined modular model.
    pub file: Option<String>,
    pub relations: Vec<RelationSource>,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct RelationSource {
    pub name: String,
    pub span: Span,
    /// The definition text after `:` and where it starts.
    pub text: String,
    pub text_at: Pos,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct ConditionSource {
    pub name: String,
    pub span: Span,
    /// The module file it comes from, in a combined modular model.
    pub file: Option<String>,
    pub parameters: Vec<(String, Span)>,
}

/// Parses the whole source. The model is complete only when no errors are returned. A
/// module file (`module x`) has no schema version, may `extend type`, and its types,
/// extended relations and conditions carry the module's name in their metadata.
pub(crate) fn parse(src: &str) -> (AuthorizationModel, SourceMap, Vec<Diagnostic>) {
    let mut parser = Parser {
        cur: Cursor::new(src),
        source: SourceMap::default(),
        depth: 0,
    };
    let mut model = AuthorizationModel::default();
    match parser.model(&mut model) {
        Ok(()) => {
            let mut errors = Vec::new();
            let mut extended = std::collections::HashSet::new();
            for ty in parser.source.types.iter().filter(|t| t.extension) {
                if !extended.insert(ty.name.as_str()) {
                    errors.push(syntax_error(
                        Pos {
                            line: ty.span.line,
                            col: ty.span.start,
                        },
                        ty.name.chars().count(),
                        &ty.name,
                        format!("'{}' is already extended in file.", ty.name),
                    ));
                }
            }
            (model, parser.source, errors)
        }
        Err(error) => (model, parser.source, vec![*error]),
    }
}

/// Builds a syntax error at a position.
pub(crate) fn syntax_error(at: Pos, len: usize, symbol: &str, message: String) -> Diagnostic {
    Diagnostic {
        message,
        line: Range {
            start: at.line,
            end: at.line,
        },
        column: Range {
            start: at.col,
            end: at.col + len.max(1),
        },
        error_type: None,
        symbol: Some(symbol.to_owned()),
        file: None,
    }
}

/// Boxed: a diagnostic is large and errors are rare.
type Parsed<T> = Result<T, Box<Diagnostic>>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Operator {
    Or,
    And,
    ButNot,
}

struct Parser {
    cur: Cursor,
    source: SourceMap,
    /// Open parentheses, bounded so hostile input cannot exhaust the stack.
    depth: usize,
}

/// The deepest parenthesis nesting accepted.
const MAX_NESTING: usize = 64;

impl Parser {
    fn error_here(&self, expected: &str) -> Box<Diagnostic> {
        let found = self.cur.peek_token();
        let len = found.chars().count();
        Box::new(syntax_error(
            self.cur.pos(),
            len,
            &found,
            format!("unexpected `{found}`, expecting {expected}"),
        ))
    }

    fn keyword(&mut self, word: &str) -> Parsed<Pos> {
        let at = self.cur.pos();
        if self.cur.peek_ident() == word {
            self.cur.ident();
            Ok(at)
        } else {
            Err(self.error_here(&format!("`{word}`")))
        }
    }

    fn spaces(&mut self, expected: &str) -> Parsed<()> {
        if self.cur.skip_spaces() {
            Ok(())
        } else {
            Err(self.error_here(expected))
        }
    }

    fn name(&mut self, what: &str) -> Parsed<(String, Span)> {
        let at = self.cur.pos();
        match self.cur.ident() {
            Some(name) => {
                let span = Span::new(at, name.chars().count());
                Ok((name, span))
            }
            None => Err(self.error_here(what)),
        }
    }

    fn end_of_line(&mut self) -> Parsed<()> {
        if self.cur.at_line_end() {
            Ok(())
        } else {
            Err(self.error_here("a line end"))
        }
    }

    fn model(&mut self, model: &mut AuthorizationModel) -> Parsed<()> {
        self.cur.skip_trivia();
        if self.cur.peek_ident() == "module" {
            self.cur.ident();
            self.spaces("a space")?;
            let (module, _) = self.name("a module name")?;
            self.end_of_line()?;
            self.source.module = Some(module);
            return self.definitions(model);
        }
        self.keyword("model")?;
        self.end_of_line()?;
        self.cur.skip_trivia();
        self.keyword("schema")?;
        self.spaces("a space")?;
        let at = self.cur.pos();
        let mark = self.cur.mark();
        let version = self.cur.ident().unwrap_or_default();
        let well_formed = version.split('.').count() == 2
            && version
                .split('.')
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
        if !well_formed {
            self.cur.restore(mark);
            return Err(self.error_here("a schema version"));
        }
        self.source.schema = Some((version.clone(), Span::new(at, version.chars().count())));
        model.schema_version = version;
        self.end_of_line()?;
        self.definitions(model)
    }

    fn definitions(&mut self, model: &mut AuthorizationModel) -> Parsed<()> {
        loop {
            self.cur.skip_trivia();
            if self.cur.is_eof() {
                return Ok(());
            }
            match self.cur.peek_ident().as_str() {
                "type" => self.type_definition(model, false)?,
                "condition" => self.condition(model)?,
                "extend" if self.source.module.is_some() => {
                    self.cur.ident();
                    self.spaces("a space")?;
                    self.type_definition(model, true)?;
                }
                "extend" => {
                    self.cur.ident();
                    self.cur.skip_spaces();
                    self.cur.ident();
                    self.cur.skip_spaces();
                    let at = self.cur.pos();
                    let name = self.cur.peek_ident();
                    return Err(Box::new(syntax_error(
                        at,
                        name.chars().count(),
                        &name,
                        "extend can only be used in a modular model".to_owned(),
                    )));
                }
                _ => return Err(self.error_here("`type` or `condition`")),
            }
        }
    }

    fn type_definition(&mut self, model: &mut AuthorizationModel, extension: bool) -> Parsed<()> {
        self.keyword("type")?;
        self.spaces("a space")?;
        let (name, span) = self.name("a type name")?;
        self.end_of_line()?;
        let mut source = TypeSource {
            name: name.clone(),
            span,
            extension,
            file: None,
            relations: Vec::new(),
        };
        let module = self.source.module.clone();
        let mut definition = TypeDefinition {
            type_name: name,
            relations: IndexMap::new(),
            // Every type of a module file records its module, relations or not.
            metadata: module.as_ref().map(|module| Metadata {
                module: Some(module.clone()),
                ..Metadata::default()
            }),
        };
        let before = self.cur.mark();
        self.cur.skip_trivia();
        match self.cur.peek_ident().as_str() {
            "relations" => {
                self.cur.ident();
                self.end_of_line()?;
                let mut metadata = definition.metadata.take().unwrap_or_default();
                loop {
                    let before = self.cur.mark();
                    self.cur.skip_trivia();
                    if self.cur.peek_ident() != "define" {
                        if source.relations.is_empty() {
                            return Err(self.error_here("`define`"));
                        }
                        self.cur.restore(before);
                        break;
                    }
                    let (relation, rewrite, directs) = self.relation(&mut source)?;
                    definition.relations.insert(relation.clone(), rewrite);
                    metadata.relations.insert(
                        relation,
                        RelationMetadata {
                            directly_related_user_types: directs,
                            // Relations added by `extend type` record the extending module.
                            module: module.clone().filter(|_| extension),
                            ..Default::default()
                        },
                    );
                }
                definition.metadata = Some(metadata);
            }
            "define" => return Err(self.error_here("`relations`")),
            _ => self.cur.restore(before),
        }
        model.type_definitions.push(definition);
        self.source.types.push(source);
        Ok(())
    }

    fn relation(
        &mut self,
        source: &mut TypeSource,
    ) -> Parsed<(String, Userset, Vec<RelationReference>)> {
        self.keyword("define")?;
        self.spaces("a space")?;
        let (name, span) = self.name("a relation name")?;
        self.cur.skip_spaces();
        if !self.cur.eat(':') {
            return Err(self.error_here("`:`"));
        }
        self.cur.skip_spaces();
        let text_at = self.cur.pos();
        let start = self.cur.mark();
        let mut directs = None;
        let rewrite = self.rewrite(true, &mut directs)?;
        let end = self.cur.mark();
        self.end_of_line()?;
        self.cur.restore(start);
        let mut text = String::new();
        while self.cur.mark().0 < end.0 {
            if let Some(c) = self.cur.bump() {
                text.push(c);
            }
        }
        self.end_of_line()?;
        source.relations.push(RelationSource {
            name: name.clone(),
            span,
            text,
            text_at,
        });
        Ok((name, rewrite, directs.unwrap_or_default()))
    }

    /// `operand (op operand)*` with one operator kind, and one `but not` at most.
    fn rewrite(
        &mut self,
        allow_direct: bool,
        directs: &mut Option<Vec<RelationReference>>,
    ) -> Parsed<Userset> {
        let first = self.operand(allow_direct, directs)?;
        let mut operator = None;
        let mut operands = vec![first];
        loop {
            let before = self.cur.mark();
            if !self.cur.skip_spaces() {
                break;
            }
            let op_at = self.cur.pos();
            let next = match self.cur.peek_ident().as_str() {
                "or" => Operator::Or,
                "and" => Operator::And,
                "but" => Operator::ButNot,
                _ => {
                    self.cur.restore(before);
                    break;
                }
            };
            if operator.is_some_and(|op| op != next || op == Operator::ButNot) {
                let word = self.cur.peek_ident();
                return Err(Box::new(syntax_error(
                    op_at,
                    word.chars().count(),
                    &word,
                    "mixed operators need parentheses".to_owned(),
                )));
            }
            operator = Some(next);
            self.cur.ident();
            self.spaces("a space")?;
            if next == Operator::ButNot {
                self.keyword("not")?;
                self.spaces("a space")?;
            }
            operands.push(self.operand(false, directs)?);
        }
        Ok(match operator {
            None => operands.pop().unwrap_or(Userset::This(DirectUserset {})),
            Some(Operator::Or) => Userset::Union(Usersets { child: operands }),
            Some(Operator::And) => Userset::Intersection(Usersets { child: operands }),
            Some(Operator::ButNot) => {
                let mut operands = operands.into_iter();
                match (operands.next(), operands.next()) {
                    (Some(base), Some(subtract)) => Userset::Difference(Difference {
                        base: Box::new(base),
                        subtract: Box::new(subtract),
                    }),
                    _ => return Err(self.error_here("an operand")),
                }
            }
        })
    }

    fn operand(
        &mut self,
        allow_direct: bool,
        directs: &mut Option<Vec<RelationReference>>,
    ) -> Parsed<Userset> {
        match self.cur.peek() {
            Some('[') if allow_direct && directs.is_none() => {
                *directs = Some(self.type_restrictions()?);
                Ok(Userset::This(DirectUserset {}))
            }
            Some('(') => {
                if self.depth >= MAX_NESTING {
                    return Err(self.error_here("fewer nested parentheses"));
                }
                self.depth += 1;
                self.cur.bump();
                self.cur.skip_spaces();
                let inner = self.rewrite(allow_direct, directs)?;
                self.cur.skip_spaces();
                if !self.cur.eat(')') {
                    return Err(self.error_here("`)`"));
                }
                self.depth -= 1;
                Ok(inner)
            }
            _ => {
                let word = self.cur.peek_ident();
                if matches!(word.as_str(), "or" | "and" | "but" | "from" | "") {
                    return Err(self.error_here("a relation name, `(` or `[`"));
                }
                let (relation, _) = self.name("a relation name")?;
                let before = self.cur.mark();
                if self.cur.skip_spaces() && self.cur.peek_ident() == "from" {
                    self.cur.ident();
                    self.spaces("a space")?;
                    let (tupleset, _) = self.name("a relation name")?;
                    return Ok(Userset::TupleToUserset(TupleToUserset {
                        tupleset: ObjectRelation {
                            object: String::new(),
                            relation: tupleset,
                        },
                        computed_userset: ObjectRelation {
                            object: String::new(),
                            relation,
                        },
                    }));
                }
                self.cur.restore(before);
                Ok(Userset::ComputedUserset(ObjectRelation {
                    object: String::new(),
                    relation,
                }))
            }
        }
    }

    /// `[user, user:*, group#member, user with condition]`, line breaks allowed inside.
    fn type_restrictions(&mut self) -> Parsed<Vec<RelationReference>> {
        self.cur.bump();
        let mut out = Vec::new();
        loop {
            self.cur.skip_trivia();
            let (type_name, _) = self.name("a type")?;
            let mut reference = RelationReference {
                type_name,
                ..Default::default()
            };
            if self.cur.eat(':') {
                if !self.cur.eat('*') {
                    return Err(self.error_here("`*`"));
                }
                reference.wildcard = Some(Wildcard {});
            } else if self.cur.eat('#') {
                reference.relation = Some(self.name("a relation name")?.0);
            }
            let before = self.cur.mark();
            if self.cur.skip_spaces() && self.cur.peek_ident() == "with" {
                self.cur.ident();
                self.spaces("a space")?;
                reference.condition = self.name("a condition name")?.0;
            } else {
                self.cur.restore(before);
            }
            out.push(reference);
            self.cur.skip_trivia();
            if self.cur.eat(',') {
                continue;
            }
            if self.cur.eat(']') {
                return Ok(out);
            }
            return Err(self.error_here("`,` or `]`"));
        }
    }

    fn condition(&mut self, model: &mut AuthorizationModel) -> Parsed<()> {
        self.keyword("condition")?;
        self.spaces("a space")?;
        let (name, span) = self.name("a condition name")?;
        self.cur.skip_spaces();
        if !self.cur.eat('(') {
            return Err(self.error_here("`(`"));
        }
        let mut source = ConditionSource {
            name: name.clone(),
            span,
            file: None,
            parameters: Vec::new(),
        };
        let mut parameters = IndexMap::new();
        loop {
            self.cur.skip_trivia();
            let (param, param_span) = self.name("a parameter name")?;
            self.cur.skip_spaces();
            if !self.cur.eat(':') {
                return Err(self.error_here("`:`"));
            }
            self.cur.skip_spaces();
            let type_ref = self.parameter_type()?;
            source.parameters.push((param.clone(), param_span));
            parameters.entry(param).or_insert(type_ref);
            self.cur.skip_trivia();
            if self.cur.eat(',') {
                continue;
            }
            if self.cur.eat(')') {
                break;
            }
            return Err(self.error_here("`,` or `)`"));
        }
        self.cur.skip_spaces();
        if !self.cur.eat('{') {
            return Err(self.error_here("`{`"));
        }
        let expression = self.expression()?;
        self.end_of_line()?;
        self.source.conditions.push(source);
        let metadata = self.source.module.as_ref().map(|module| ConditionMetadata {
            module: Some(module.clone()),
            source_info: None,
        });
        model.conditions.entry(name.clone()).or_insert(Condition {
            name,
            expression,
            parameters,
            metadata,
        });
        Ok(())
    }

    fn parameter_type(&mut self) -> Parsed<ConditionParamTypeRef> {
        let at = self.cur.pos();
        let word = self.cur.peek_ident();
        let scalar = |word: &str| match word {
            "bool" => Some(TypeName::Bool),
            "string" => Some(TypeName::String),
            "int" => Some(TypeName::Int),
            "uint" => Some(TypeName::Uint),
            "double" => Some(TypeName::Double),
            "duration" => Some(TypeName::Duration),
            "timestamp" => Some(TypeName::Timestamp),
            "ipaddress" => Some(TypeName::IpAddress),
            "any" => Some(TypeName::Any),
            _ => None,
        };
        let container = match word.as_str() {
            "list" => TypeName::List,
            "map" => TypeName::Map,
            _ => {
                let Some(type_name) = scalar(&word) else {
                    return Err(Box::new(syntax_error(
                        at,
                        word.chars().count(),
                        &word,
                        format!("unexpected `{word}`, expecting a parameter type"),
                    )));
                };
                self.cur.ident();
                return Ok(ConditionParamTypeRef {
                    type_name,
                    generic_types: Vec::new(),
                });
            }
        };
        self.cur.ident();
        if !self.cur.eat('<') {
            return Err(self.error_here("`<`"));
        }
        let inner_at = self.cur.pos();
        let inner = self.cur.peek_ident();
        let Some(generic) = scalar(&inner) else {
            return Err(Box::new(syntax_error(
                inner_at,
                inner.chars().count(),
                &inner,
                format!("unexpected `{inner}`, expecting a parameter type"),
            )));
        };
        self.cur.ident();
        if !self.cur.eat('>') {
            return Err(self.error_here("`>`"));
        }
        Ok(ConditionParamTypeRef {
            type_name: container,
            generic_types: vec![ConditionParamTypeRef {
                type_name: generic,
                generic_types: Vec::new(),
            }],
        })
    }

    /// The CEL text up to the matching `}`, skipping braces inside string literals.
    fn expression(&mut self) -> Parsed<String> {
        let mut text = String::new();
        let mut depth = 0usize;
        let mut quote: Option<char> = None;
        loop {
            let Some(c) = self.cur.bump() else {
                return Err(self.error_here("`}`"));
            };
            match quote {
                Some(q) => {
                    if c == '\\' {
                        text.push(c);
                        if let Some(next) = self.cur.bump() {
                            text.push(next);
                        }
                        continue;
                    }
                    if c == q {
                        quote = None;
                    }
                }
                None => match c {
                    '"' | '\'' => quote = Some(c),
                    '{' => depth += 1,
                    '}' if depth == 0 => return Ok(text.trim().to_owned()),
                    '}' => depth -= 1,
                    _ => {}
                },
            }
            text.push(c);
        }
    }
}
