//! Arguments of `deputy fga …` and `deputy serve`.

use clap::{Args, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on; port 0 picks a free port (printed on start).
    #[arg(long, env = "DEPUTY_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: String,
    /// Serve an address other than loopback without API keys (`DEPUTY_API_KEYS`).
    #[arg(long)]
    pub allow_unauthenticated: bool,
}

#[derive(Debug, Subcommand)]
pub enum FgaCommand {
    /// Run OpenFGA store files (`*.fga.yaml`) or conformance files; prints `N passed, M failed`.
    Test {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Stores: create, list, get, delete.
    #[command(subcommand)]
    Store(FgaStoreCommand),
    /// Models: validate, transform (files); write, get, list (a store's).
    #[command(subcommand)]
    Model(FgaModelCommand),
    /// Relationship tuples: write, delete, read, changes.
    #[command(subcommand)]
    Tuple(FgaTupleCommand),
    /// Is USER related to OBJECT by RELATION? Exit 0 allowed, 1 not allowed.
    Check {
        #[command(flatten)]
        at: StoreArgs,
        user: String,
        relation: String,
        object: String,
        #[command(flatten)]
        question: QuestionArgs,
    },
    /// The objects of TYPE that USER has RELATION on.
    ListObjects {
        #[command(flatten)]
        at: StoreArgs,
        user: String,
        relation: String,
        #[arg(value_name = "TYPE")]
        object_type: String,
        #[command(flatten)]
        question: QuestionArgs,
    },
    /// The users that have RELATION on OBJECT, of the `--user-filter` types.
    ListUsers {
        #[command(flatten)]
        at: StoreArgs,
        object: String,
        relation: String,
        /// `TYPE` or `TYPE#RELATION` (repeatable).
        #[arg(long = "user-filter", required = true)]
        user_filters: Vec<String>,
        #[command(flatten)]
        question: QuestionArgs,
    },
    /// One level of OBJECT#RELATION's userset tree.
    Expand {
        #[command(flatten)]
        at: StoreArgs,
        relation: String,
        object: String,
    },
}

impl FgaCommand {
    /// Commands on files only, which need no database.
    pub fn is_offline(&self) -> bool {
        matches!(
            self,
            FgaCommand::Test { .. }
                | FgaCommand::Model(FgaModelCommand::Validate { .. })
                | FgaCommand::Model(FgaModelCommand::Transform { .. })
        )
    }
}

/// Which store, and which of its models (the latest by default).
#[derive(Debug, Args)]
pub struct StoreArgs {
    /// Store id or name.
    #[arg(long, env = "DEPUTY_FGA_STORE")]
    pub store: String,
    /// Model id (default: the store's latest).
    #[arg(long)]
    pub model: Option<String>,
}

/// What a question may carry besides stored tuples.
#[derive(Debug, Args)]
pub struct QuestionArgs {
    /// The request context for conditions, a JSON object.
    #[arg(long, value_name = "JSON")]
    pub context: Option<String>,
    /// A tuple for this question only: "USER RELATION OBJECT" (repeatable).
    #[arg(long = "contextual-tuple", value_name = "TUPLE")]
    pub contextual_tuples: Vec<String>,
}

#[derive(Debug, Subcommand)]
pub enum FgaStoreCommand {
    /// Create a store; prints its id.
    Create { name: String },
    /// The stores.
    List,
    /// One store, by id or name.
    Get { store: String },
    /// Delete a store (its id stops resolving).
    Delete { store: String },
}

#[derive(Debug, Subcommand)]
pub enum FgaModelCommand {
    /// Check a model (DSL, JSON, or an `fga.mod` of modules) against OpenFGA's rules.
    Validate { file: PathBuf },
    /// Print a model (DSL, JSON, or an `fga.mod` of modules) as JSON, or as DSL with `--to dsl`.
    Transform {
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = ModelForm::Json)]
        to: ModelForm,
    },
    /// Validate a model (DSL, JSON, or an `fga.mod` of modules) and make it the store's latest; prints its id.
    Write {
        /// Store id or name.
        #[arg(long, env = "DEPUTY_FGA_STORE")]
        store: String,
        file: PathBuf,
    },
    /// Print a store's model (the latest by default) as DSL, or JSON with `--to json`.
    Get {
        #[command(flatten)]
        at: StoreArgs,
        #[arg(long, value_enum, default_value_t = ModelForm::Dsl)]
        to: ModelForm,
    },
    /// A store's models, newest first.
    List {
        /// Store id or name.
        #[arg(long, env = "DEPUTY_FGA_STORE")]
        store: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ModelForm {
    Json,
    Dsl,
}

/// Tuples given on the command line or in a file.
#[derive(Debug, Args)]
pub struct TupleInput {
    /// A YAML, JSON or CSV tuple file (OpenFGA CLI formats) instead of USER RELATION OBJECT.
    #[arg(long, conflicts_with_all = ["user", "relation", "object"])]
    pub file: Option<PathBuf>,
    #[arg(required_unless_present = "file")]
    pub user: Option<String>,
    #[arg(required_unless_present = "file")]
    pub relation: Option<String>,
    #[arg(required_unless_present = "file")]
    pub object: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum FgaTupleCommand {
    /// Write tuples in one transaction: all or none.
    Write {
        #[command(flatten)]
        at: StoreArgs,
        #[command(flatten)]
        tuples: TupleInput,
        /// The condition the tuple is written with.
        #[arg(long, conflicts_with = "file")]
        condition: Option<String>,
        /// The condition's persisted context, a JSON object.
        #[arg(long, value_name = "JSON", requires = "condition")]
        condition_context: Option<String>,
        /// Skip tuples that already exist with the same condition.
        #[arg(long)]
        ignore_duplicates: bool,
    },
    /// Delete tuples in one transaction: all or none.
    Delete {
        #[command(flatten)]
        at: StoreArgs,
        #[command(flatten)]
        tuples: TupleInput,
        /// Skip tuples that do not exist.
        #[arg(long)]
        ignore_missing: bool,
    },
    /// Stored tuples (no rewrites evaluated), filtered.
    Read {
        /// Store id or name.
        #[arg(long, env = "DEPUTY_FGA_STORE")]
        store: String,
        #[arg(long)]
        user: Option<String>,
        #[arg(long)]
        relation: Option<String>,
        /// `type:id`, or `type:` for every object of a type.
        #[arg(long)]
        object: Option<String>,
    },
    /// The store's change log, oldest first.
    Changes {
        /// Store id or name.
        #[arg(long, env = "DEPUTY_FGA_STORE")]
        store: String,
        /// Only changes to objects of this type.
        #[arg(long = "type", value_name = "TYPE")]
        object_type: Option<String>,
        /// Only changes made at or after this instant (RFC 3339).
        #[arg(long, value_name = "TIME")]
        since: Option<String>,
    },
}
