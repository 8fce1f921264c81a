//! End to end against Checkov: scan the vulnerable and realistic corpora and compare the
//! failures with Checkov 3.3.30's full outputs for the same trees, on the Checkov ids Deputy
//! claims. Recall and precision must each be at least 95 % per corpus, except on the
//! terraform-aws-modules repositories while the Terraform front end and Checkov still name
//! counted resources inside modules differently (`this` against `this[0]`): those are
//! printed here and held at floors just under today's figures by `aws_corpora.rs`, which
//! fails on any regression. Remove a corpus from `ADDRESSING_GAP` once it reaches 95 %.

use deputy_iac::conformance::corpus_agreement;
use std::path::PathBuf;

fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/iac")
}

/// (name, folder under the corpus, golden output under `checkov-results/`).
const CORPORA: [(&str, &str, &str); 6] = [
    ("terragoat", "terragoat", "terragoat_all.json.gz"),
    ("kubernetes-goat", "kubernetes-goat", "k8sgoat_all.json.gz"),
    (
        "tfmod vpc",
        "terraform-aws-modules/vpc",
        "tfmod_vpc_tf.json.gz",
    ),
    (
        "tfmod s3-bucket",
        "terraform-aws-modules/s3-bucket",
        "tfmod_s3-bucket_tf.json.gz",
    ),
    (
        "tfmod security-group",
        "terraform-aws-modules/security-group",
        "tfmod_security-group_tf.json.gz",
    ),
    (
        "tfmod iam",
        "terraform-aws-modules/iam",
        "tfmod_iam_tf.json.gz",
    ),
];

/// Corpora still below 95 % because of the module addressing gap (see the module docs).
const ADDRESSING_GAP: [&str; 4] = [
    "tfmod vpc",
    "tfmod s3-bucket",
    "tfmod security-group",
    "tfmod iam",
];

#[test]
fn failures_agree_with_checkov_on_every_corpus() {
    let base = corpus();
    let mut below = Vec::new();
    for (name, dir, golden) in CORPORA {
        let a = corpus_agreement(&base.join(dir), &base.join("checkov-results").join(golden))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        if a.checkov_failed == 0 && a.deputy_failed == 0 {
            println!("{name:<22} no claimed id fails in either tool: trivially in agreement");
            continue;
        }
        println!(
            "{name:<22} recall {:>5.1} %  precision {:>5.1} %  (Checkov {}, Deputy {}, both {})",
            a.recall() * 100.0,
            a.precision() * 100.0,
            a.checkov_failed,
            a.deputy_failed,
            a.both
        );
        if ADDRESSING_GAP.contains(&name) {
            println!(
                "{:<22} held at today's floor by aws_corpora.rs (module addressing gap)",
                ""
            );
            continue;
        }
        if a.recall() < 0.95 || a.precision() < 0.95 {
            below.push(format!(
                "{name}: recall {:.3}, precision {:.3}\n  only Checkov: {:#?}\n  only Deputy: {:#?}",
                a.recall(),
                a.precision(),
                a.only_checkov,
                a.only_deputy
            ));
        }
    }
    assert!(below.is_empty(), "below 95 %:\n{}", below.join("\n"));
}
