//! Check and ListObjects latency over a realistic model and a large, deterministic tuple
//! set, read from memory, SQLite and (when `DEPUTY_TEST_POSTGRES_URL` is set) PostgreSQL.
//!
//! Everything is measured on one thread. Run with
//! `cargo bench -p deputy-authz --bench check` (1,000,000 tuples) or
//! `cargo bench -p deputy-authz --bench check -- 100000` for a quick run.
//! `DEPUTY_BENCH_SQL_TUPLES` loads fewer tuples into the databases than into memory.
//!
//! Each database is measured two ways: `-rows` reads tuples from the tables as the engine
//! asks for them ([`FgaSqlReader`]); `-sync` is what the server does — the store's tuples
//! in memory ([`FgaIndexes`]), brought up to the latest committed write before every
//! question with one query for the store's revision and latest model.

use deputy_authz::engine::{CheckRequest, Engine, ListObjectsRequest};
use deputy_authz::memory::MemoryTuples;
use deputy_authz::{AuthorizationModel, FgaError, TupleKey, dsl};
use deputy_store::{FgaIndexes, FgaSqlReader, Store};
use std::collections::HashSet;
use std::time::{Duration, Instant};

const MODEL: &str = r#"model
  schema 1.1
type user
type organization
  relations
    define admin: [user]
    define member: [user] or admin
type team
  relations
    define member: [user, team#member]
type repository
  relations
    define owner: [organization]
    define admin: [user, team#member] or admin from owner
    define writer: [user, team#member] or admin
    define reader: [user, team#member] or writer or member from owner
    define blocked: [user]
    define can_view: reader but not blocked
type remediation
  relations
    define repository: [repository]
    define requester: [user]
    define can_approve: admin from repository but not requester
"#;

/// Repositories owned by `organization:big`, whose member `user:lister` can view them all.
const LISTED: usize = 10_000;

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n.max(1)
    }
}

/// The generated tuples, and for each repository the users that matter to it.
struct Workload {
    tuples: Vec<TupleKey>,
    users: usize,
    repos: Vec<Vec<String>>,
}

struct Builder {
    tuples: Vec<TupleKey>,
    seen: HashSet<(String, String, String)>,
}

impl Builder {
    fn add(&mut self, user: String, relation: &str, object: String) {
        if self
            .seen
            .insert((object.clone(), relation.to_owned(), user.clone()))
        {
            self.tuples.push(TupleKey {
                user,
                relation: relation.to_owned(),
                object,
                condition: None,
            });
        }
    }
}

fn generate(size: usize) -> Workload {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut b = Builder {
        tuples: Vec::with_capacity(size),
        seen: HashSet::with_capacity(size),
    };
    let users = (size / 10).max(50);
    let orgs = (size / 10_000).max(2);
    let teams = (size / 500).max(4);
    for o in 0..orgs {
        for _ in 0..3 {
            b.add(
                format!("user:u{}", rng.below(users)),
                "admin",
                format!("organization:o{o}"),
            );
        }
    }
    for u in 0..users {
        b.add(
            format!("user:u{u}"),
            "member",
            format!("organization:o{}", u % orgs),
        );
    }
    b.add("user:lister".into(), "member", "organization:big".into());
    b.add("user:bigadmin".into(), "admin", "organization:big".into());
    for t in 0..teams {
        for _ in 0..20 {
            b.add(
                format!("user:u{}", rng.below(users)),
                "member",
                format!("team:t{t}"),
            );
        }
        if t % 4 == 1 {
            b.add(
                format!("team:t{}#member", t - 1),
                "member",
                format!("team:t{t}"),
            );
        }
    }
    let mut repos = Vec::new();
    let mut i = 0;
    while b.tuples.len() < size {
        let repo = format!("repository:p{i}");
        let owner = if i < LISTED {
            "organization:big".to_owned()
        } else {
            format!("organization:o{}", i % orgs)
        };
        b.add(owner, "owner", repo.clone());
        let readers = [
            format!("user:u{}", rng.below(users)),
            format!("user:u{}", rng.below(users)),
        ];
        for r in &readers {
            b.add(r.clone(), "reader", repo.clone());
        }
        b.add(
            format!("team:t{}#member", rng.below(teams)),
            "reader",
            repo.clone(),
        );
        let writer = format!("user:u{}", rng.below(users));
        b.add(writer.clone(), "writer", repo.clone());
        b.add(
            format!("team:t{}#member", rng.below(teams)),
            "admin",
            repo.clone(),
        );
        if i % 10 == 0 {
            b.add(readers[0].clone(), "blocked", repo.clone());
        }
        let requester = format!("user:u{}", rng.below(users));
        b.add(repo.clone(), "repository", format!("remediation:r{i}"));
        b.add(requester.clone(), "requester", format!("remediation:r{i}"));
        repos.push(vec![
            readers[0].clone(),
            readers[1].clone(),
            writer,
            requester,
        ]);
        i += 1;
    }
    b.tuples.truncate(size);
    Workload {
        tuples: b.tuples,
        users,
        repos,
    }
}

/// A mix of `can_view` on repositories and `can_approve` on remediations, with users that
/// are related to the object about half the time.
fn checks(w: &Workload, n: usize, seed: u64) -> Vec<CheckRequest> {
    let mut rng = Rng(seed);
    (0..n)
        .map(|k| {
            let i = rng.below(w.repos.len());
            let interesting = w.repos.get(i).map(Vec::as_slice).unwrap_or_default();
            let user = match rng.below(2) {
                0 => interesting
                    .get(rng.below(interesting.len()))
                    .cloned()
                    .unwrap_or_default(),
                _ => format!("user:u{}", rng.below(w.users)),
            };
            let (relation, object) = if k % 2 == 0 {
                ("can_view", format!("repository:p{i}"))
            } else {
                ("can_approve", format!("remediation:r{i}"))
            };
            CheckRequest {
                tuple_key: TupleKey {
                    user,
                    relation: relation.into(),
                    object,
                    condition: None,
                },
                contextual_tuples: vec![],
                context: Default::default(),
            }
        })
        .collect()
}

/// Runs every check on this thread with a reader from `reader` and prints the latencies.
fn measure(
    label: &str,
    requests: &[CheckRequest],
    check: impl Fn(&CheckRequest) -> Result<bool, FgaError>,
) {
    let mut latencies = Vec::with_capacity(requests.len());
    let mut allowed = 0usize;
    let started = Instant::now();
    for request in requests {
        let t = Instant::now();
        match check(request) {
            Ok(true) => allowed += 1,
            Ok(false) => {}
            Err(e) => {
                println!("{label}: check failed: {e}");
                return;
            }
        }
        latencies.push(t.elapsed());
    }
    let total = started.elapsed();
    latencies.sort_unstable();
    let at = |q: usize| {
        latencies
            .get(latencies.len() * q / 100)
            .copied()
            .unwrap_or_default()
    };
    println!(
        "{label:<11} check: {n} checks ({allowed} allowed), p50 {p50:.1?}, p99 {p99:.1?}, {rate:.0} checks/s",
        n = requests.len(),
        p50 = at(50),
        p99 = at(99),
        rate = requests.len() as f64 / total.as_secs_f64(),
    );
}

fn list_objects(
    label: &str,
    runs: usize,
    list: impl Fn(&ListObjectsRequest) -> Result<Vec<String>, FgaError>,
) {
    let request = ListObjectsRequest {
        object_type: "repository".into(),
        relation: "can_view".into(),
        user: "user:lister".into(),
        ..Default::default()
    };
    let mut best = Duration::MAX;
    let mut found = 0;
    for _ in 0..runs {
        let t = Instant::now();
        match list(&request) {
            Ok(objects) => found = objects.len(),
            Err(e) => {
                println!("{label}: list_objects failed: {e}");
                return;
            }
        }
        best = best.min(t.elapsed());
    }
    println!("{label:<11} list_objects: {found} objects in {best:.1?} (best of {runs})");
}

fn sql_backend(
    label: &str,
    url: &str,
    rt: &tokio::runtime::Runtime,
    engine: &Engine,
    model: &AuthorizationModel,
    w: &Workload,
    count: usize,
) {
    let handle = rt.handle().clone();
    let loaded = rt.block_on(async {
        let store = Store::connect(url).await?;
        let s = store.fga_create_store("bench").await?;
        store.fga_write_model(&s.id, model).await?;
        let t = Instant::now();
        for chunk in w.tuples.get(..count).unwrap_or_default().chunks(20_000) {
            store
                .fga_write_tuples(&s.id, None, chunk, &[], false, false)
                .await?;
        }
        Ok::<_, deputy_store::StoreError>((store, s.id, t.elapsed()))
    });
    let (store, store_id, took) = match loaded {
        Ok(l) => l,
        Err(e) => {
            println!("{label}: cannot load tuples: {e}");
            return;
        }
    };
    println!("{label:<11} loaded {count} tuples in {took:.1?}");

    // Tuple by tuple from the tables: a query per read.
    let reader = || FgaSqlReader::new(store.clone(), store_id.clone(), handle.clone());
    let requests = checks(w, 2_000, 7);
    let direct = format!("{label}-rows");
    measure(&direct, &requests, |r| engine.check(&reader(), r));
    // A query per candidate: a minute on PostgreSQL at 200,000 tuples, so not beyond.
    if count <= 200_000 {
        list_objects(&direct, 1, |r| engine.list_objects(&reader(), r));
    } else {
        println!("{direct:<11} list_objects: not run above 200,000 tuples (a query per candidate)");
    }

    // The server's path: the store's tuples in memory, brought up to the latest committed
    // write before every question (one revision query).
    let indexes = FgaIndexes::new(1);
    let t = Instant::now();
    if let Err(e) = rt.block_on(indexes.snapshot(&store, &store_id)) {
        println!("{label}: cannot index the store: {e}");
        return;
    }
    let synced = format!("{label}-sync");
    println!("{synced:<11} indexed {count} tuples in {:.1?}", t.elapsed());
    // As `deputy_app::App` answers: one query for the revision and the latest model id,
    // then the check in memory.
    let snapshot = |r: &CheckRequest| {
        let index = rt
            .block_on(async {
                let (revision, _model) = store.fga_head(&store_id).await?;
                indexes.snapshot_at(&store, &store_id, revision).await
            })
            .map_err(|e| FgaError::new(deputy_authz::ErrorCode::InternalError, e.to_string()))?;
        engine.check(index.tuples(), r)
    };
    let requests = checks(w, 20_000, 7);
    measure(&synced, &requests, snapshot);
    list_objects(&synced, 3, |r| {
        let index = rt
            .block_on(indexes.snapshot(&store, &store_id))
            .map_err(|e| FgaError::new(deputy_authz::ErrorCode::InternalError, e.to_string()))?;
        engine.list_objects(index.tuples(), r)
    });
    rt.block_on(store.close());
}

fn main() {
    let size: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.replace('_', "").parse().ok())
        .unwrap_or(1_000_000);
    let model = match dsl::parse_and_validate(MODEL) {
        Ok(m) => m,
        Err(e) => {
            println!("the benchmark model is invalid: {e:?}");
            return;
        }
    };
    let engine = Engine::new(model.clone());
    let t = Instant::now();
    let w = generate(size);
    println!(
        "generated {} tuples ({} repositories, {} users) in {:.1?}",
        w.tuples.len(),
        w.repos.len(),
        w.users,
        t.elapsed()
    );

    let t = Instant::now();
    let mut memory = MemoryTuples::new();
    if let Err(e) = memory.write(&model, &w.tuples, &[]) {
        println!("memory: cannot load tuples: {e}");
        return;
    }
    println!(
        "memory      loaded {} tuples in {:.1?}",
        memory.len(),
        t.elapsed()
    );
    let requests = checks(&w, 200_000, 42);
    // Warm up caches and the allocator, then measure.
    measure("memory", requests.get(..10_000).unwrap_or_default(), |r| {
        engine.check(&memory, r)
    });
    measure("memory", &requests, |r| engine.check(&memory, r));
    list_objects("memory", 5, |r| engine.list_objects(&memory, r));
    drop(memory);

    let count = std::env::var("DEPUTY_BENCH_SQL_TUPLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(size)
        .min(w.tuples.len());
    let rt = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            println!("cannot start a runtime: {e}");
            return;
        }
    };
    let sqlite = deputy_testkit::sqlite();
    sql_backend("sqlite", &sqlite.url, &rt, &engine, &model, &w, count);
    match rt.block_on(deputy_testkit::postgres("fga bench")) {
        Some(pg) => {
            sql_backend("postgres", &pg.url, &rt, &engine, &model, &w, count);
            rt.block_on(pg.cleanup());
        }
        None => println!("postgres    skipped: set DEPUTY_TEST_POSTGRES_URL to measure it"),
    }
}
