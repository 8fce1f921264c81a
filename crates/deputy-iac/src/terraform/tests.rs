//! Tests of the Terraform front end: data-driven unit tests through one helper that
//! renders what `load` returns as text, and the agreement of addresses and spans with
//! Checkov on the real corpora (`corpus`).

mod corpus;

use super::{Options, load};
use crate::model::SourceFile;
use std::fmt::Write as _;

fn files(list: &[(&str, &str)]) -> Vec<SourceFile> {
    list.iter()
        .map(|(path, text)| SourceFile {
            path: (*path).to_owned(),
            text: (*text).to_owned(),
        })
        .collect()
}

/// Loads `tree` (with `var_files` as `--var-file`s) and renders every resource as
/// `address file:start-end [<- caller:start-end] config` and every diagnostic as
/// `! kind file:line:column message`, one per line.
fn render(tree: &[(&str, &str)], var_files: &[(&str, &str)]) -> String {
    let options = Options {
        var_files: files(var_files),
    };
    let parsed = load(&files(tree), &options);
    let mut out = String::new();
    for r in &parsed.resources {
        let _ = write!(
            out,
            "{} {}:{}-{}",
            r.address, r.file, r.span.start, r.span.end
        );
        if let Some(c) = &r.caller {
            let _ = write!(out, " <- {}:{}-{}", c.file, c.span.start, c.span.end);
        }
        let _ = writeln!(
            out,
            " {}",
            serde_json::to_string(&r.config).unwrap_or_default()
        );
    }
    for d in &parsed.diagnostics {
        let _ = writeln!(
            out,
            "! {:?} {}:{}:{} {}",
            d.kind,
            d.file,
            d.line.unwrap_or(0),
            d.column.unwrap_or(0),
            d.message
        );
    }
    out
}

/// The one assertion helper: `tree` loads to exactly `expected` (leading and trailing
/// whitespace of each line ignored).
#[track_caller]
fn check(tree: &[(&str, &str)], var_files: &[(&str, &str)], expected: &str) {
    let got = render(tree, var_files);
    let norm = |s: &str| -> Vec<String> {
        s.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(norm(&got), norm(expected), "\n--- got ---\n{got}");
}

/// Evaluates each `(expression, expected JSON)` as the attribute `v` of a resource in a
/// module that also holds `prelude`.
#[track_caller]
fn check_values(prelude: &str, cases: &[(&str, &str)]) {
    for (expr, expected) in cases {
        let text = format!("{prelude}\nresource \"t\" \"x\" {{\n  v = {expr}\n}}\n");
        let parsed = load(&files(&[("main.tf", &text)]), &Options::default());
        let got = parsed
            .resources
            .iter()
            .find(|r| r.address == "t.x")
            .and_then(|r| r.config.get("v"))
            .map(|v| serde_json::to_string(v).unwrap_or_default())
            .unwrap_or_else(|| format!("nothing ({:?})", parsed.diagnostics));
        assert_eq!(&got, expected, "expression `{expr}`");
    }
}

#[test]
fn expressions() {
    check_values(
        "locals {\n  n = 4\n  s = \"ab\"\n  m = { a = 1, b = 2 }\n  l = [\"x\", \"y\"]\n  objs = [{ id = 1 }, { id = 2 }]\n}",
        &[
            ("1 + 2 * 3", "7.0"),
            ("(1 + 2) * 3 - 10 / 4", "6.5"),
            ("7 % 3", "1.0"),
            ("-local.n", "-4.0"),
            ("\"5\" + 1", "6.0"),
            ("local.n > 3 && !false", "true"),
            ("local.n == 4 ? \"yes\" : \"no\"", "\"yes\""),
            ("\"x-${local.s}-${local.n}\"", "\"x-ab-4\""),
            ("\"%{if local.n > 1}many%{else}one%{endif}\"", "\"many\""),
            ("\"%{for x in local.l}${x},%{endfor}\"", "\"x,y,\""),
            ("\"a ${~ \"b\" ~} c\"", "\"abc\""),
            ("<<-EOT\n    one\n      two\n    EOT", "\"one\\n  two\\n\""),
            ("local.m[\"b\"]", "2.0"),
            ("local.m.a", "1.0"),
            ("local.l[1]", "\"y\""),
            ("local.objs[*].id", "[1.0,2.0]"),
            ("local.objs.*.id", "[1.0,2.0]"),
            ("[for x in local.l : upper(x)]", "[\"X\",\"Y\"]"),
            (
                "[for i, x in local.l : \"${i}${x}\" if x != \"x\"]",
                "[\"1y\"]",
            ),
            (
                "{ for k, v in local.m : v => k }",
                "{\"1\":\"a\",\"2\":\"b\"}",
            ),
            (
                "{ for x in [\"a\", \"b\", \"a\"] : x => x... }",
                "{\"a\":[\"a\",\"a\"],\"b\":[\"b\"]}",
            ),
            ("{ (local.s) = 1, plain = 2 }", "{\"ab\":1.0,\"plain\":2.0}"),
            ("null", "null"),
            // Checkov's parser reads capitalised booleans; so does Deputy.
            ("True", "true"),
            ("[False, True]", "[false,true]"),
            ("\"${local.l}\"", "[\"x\",\"y\"]"),
            ("[for k, v in { b = 1, a = 2 } : k]", "[\"a\",\"b\"]"),
            ("[for k in [\"k\"] : { k = k }]", "[{\"k\":\"k\"}]"),
            // A missing attribute is a Terraform error: unknown, never a guess.
            ("local.m.zzz", "{\"refs\":[]}"),
            ("local.l[5]", "{\"refs\":[]}"),
        ],
    );
}

#[test]
fn functions() {
    check_values(
        "locals {\n  m = { a = 1 }\n}",
        &[
            ("lookup({ a = 1 }, \"a\", 0)", "1.0"),
            ("lookup({ a = 1 }, \"b\", 0)", "0.0"),
            (
                "merge({ a = 1, b = 1 }, { b = 2 }, null)",
                "{\"a\":1.0,\"b\":2.0}",
            ),
            ("concat([1], [2, 3])", "[1.0,2.0,3.0]"),
            ("length([1, 2, 3])", "3.0"),
            ("length(\"héllo\")", "5.0"),
            ("element([\"a\", \"b\"], 3)", "\"b\""),
            ("try(local.m.missing, \"fallback\")", "\"fallback\""),
            ("try(local.m.a, \"fallback\")", "1.0"),
            ("can(local.m.missing)", "false"),
            ("coalesce(\"\", null, \"x\")", "\"x\""),
            ("coalescelist([], [1])", "[1.0]"),
            (
                "format(\"%s-%03d-%.1f-%q\", \"a\", 7, 2.25, \"q\")",
                "\"a-007-2.2-\\\"q\\\"\"",
            ),
            ("join(\",\", [\"a\", \"b\"])", "\"a,b\""),
            ("split(\",\", \"a,b\")", "[\"a\",\"b\"]"),
            ("lower(\"AbC\")", "\"abc\""),
            ("upper(\"abc\")", "\"ABC\""),
            ("replace(\"a-b-c\", \"-\", \"_\")", "\"a_b_c\""),
            ("replace(\"a1b22\", \"/[0-9]+/\", \"#\")", "\"a#b#\""),
            ("trimspace(\"  x \")", "\"x\""),
            (
                "jsonencode({ a = [1, true, \"s\"] })",
                "\"{\\\"a\\\":[1,true,\\\"s\\\"]}\"",
            ),
            (
                "jsondecode(\"{\\\"k\\\": [1, null]}\")",
                "{\"k\":[1.0,null]}",
            ),
            ("tostring(5)", "\"5\""),
            ("tonumber(\"5\")", "5.0"),
            ("tobool(\"true\")", "true"),
            ("toset([\"a\", \"b\", \"a\"])", "[\"a\",\"b\"]"),
            ("tomap({ a = 1 })", "{\"a\":1.0}"),
            ("keys({ b = 1, a = 2 })", "[\"a\",\"b\"]"),
            ("values({ b = 1, a = 2 })", "[2.0,1.0]"),
            ("contains([\"a\"], \"a\")", "true"),
            ("flatten([[1, [2]], 3])", "[1.0,2.0,3.0]"),
            ("distinct([1, 1, 2])", "[1.0,2.0]"),
            ("length(distinct(range(200000)))", "200000.0"),
            ("setintersection([\"a\", \"b\"], [\"b\", \"c\"])", "[\"b\"]"),
            ("setsubtract([\"a\", \"b\"], [\"b\"])", "[\"a\"]"),
            ("setunion([\"a\"], [\"b\", \"a\"])", "[\"a\",\"b\"]"),
            ("compact([\"a\", \"\", null])", "[\"a\"]"),
            ("zipmap([\"a\", \"b\"], [1, 2])", "{\"a\":1.0,\"b\":2.0}"),
            ("range(3)", "[0.0,1.0,2.0]"),
            ("range(1, 7, 3)", "[1.0,4.0]"),
            ("min(3, 1, 2)", "1.0"),
            ("max(3, 1, 2)", "3.0"),
            ("startswith(\"abc\", \"ab\")", "true"),
            ("endswith(\"abc\", \"bc\")", "true"),
            ("substr(\"hello\", 1, 3)", "\"ell\""),
            ("substr(\"hello\", -3, -1)", "\"llo\""),
            ("regex(\"([a-z]+)-([0-9]+)\", \"ab-12\")", "[\"ab\",\"12\"]"),
            ("regexall(\"[0-9]\", \"a1b2\")", "[\"1\",\"2\"]"),
            ("cidrsubnet(\"10.0.0.0/16\", 8, 2)", "\"10.0.2.0/24\""),
            ("base64encode(\"hi!\")", "\"aGkh\""),
            ("concat([[1], [2]]...)", "[1.0,2.0]"),
            // Functions Deputy does not evaluate, and arguments that are not known, give
            // an unknown carrying the arguments' references.
            ("filemd5(\"x\")", "{\"refs\":[]}"),
            (
                "upper(aws_s3_bucket.b.id)",
                "{\"refs\":[\"aws_s3_bucket.b\"]}",
            ),
            ("length([aws_s3_bucket.b.id])", "1.0"),
        ],
    );
}

#[test]
fn unknowns_carry_the_referenced_addresses() {
    check_values(
        "",
        &[
            ("aws_s3_bucket.b.id", "{\"refs\":[\"aws_s3_bucket.b\"]}"),
            ("aws_kms_key.k[0].arn", "{\"refs\":[\"aws_kms_key.k\"]}"),
            ("aws_kms_key.k[\"a\"].arn", "{\"refs\":[\"aws_kms_key.k\"]}"),
            (
                "data.aws_iam_policy_document.p.json",
                "{\"refs\":[\"aws_iam_policy_document.p\"]}",
            ),
            ("aws_sg.a[*].id", "{\"refs\":[\"aws_sg.a\"]}"),
            (
                "\"${aws_s3_bucket.b.arn}/${aws_kms_key.k.id}\"",
                "{\"refs\":[\"aws_s3_bucket.b\",\"aws_kms_key.k\"]}",
            ),
            ("var.undeclared", "{\"refs\":[]}"),
            // Logic that does not depend on the unknown side stays known.
            ("false && aws_x.y.enabled", "false"),
            ("aws_x.y.enabled || true", "true"),
            ("aws_x.y.enabled ? 1 : 1", "1.0"),
            ("aws_x.y.enabled ? 1 : 2", "{\"refs\":[\"aws_x.y\"]}"),
            ("[aws_x.y.id, 1]", "[{\"refs\":[\"aws_x.y\"]},1.0]"),
        ],
    );
}

#[test]
fn variables_take_tfvars_then_var_files_over_defaults() {
    let main = r#"
variable "a" { default = "default" }
variable "b" { default = "default" }
variable "c" { default = "default" }
variable "d" {}
variable "e" {
  type    = bool
  default = "true"
}
resource "t" "x" {
  a = var.a
  b = var.b
  c = var.c
  d = var.d
  e = var.e
}
"#;
    check(
        &[
            ("main.tf", main),
            (
                "terraform.tfvars",
                "a = \"tfvars\"\nb = \"tfvars\"\nc = \"tfvars\"",
            ),
            ("b.auto.tfvars", "b = \"auto-b\"\nc = \"auto-b\""),
            ("a.auto.tfvars", "b = \"auto-a\""),
            ("other/terraform.tfvars", "a = \"elsewhere\""),
        ],
        &[("cli.tfvars", "c = \"cli\"")],
        r#"t.x main.tf:10-16 {"a":"tfvars","b":"auto-b","c":"cli","d":{"refs":["var.d"]},"e":true}"#,
    );
}

#[test]
fn json_configuration_is_evaluated_like_native_syntax_with_its_own_lines() {
    let main = r#"{
  "//": "a comment",
  "variable": {
    "n": {"type": "number", "default": 2},
    "name": {"default": "${not_a_template}"}
  },
  "locals": {"prefix": "q-${var.name}"},
  "resource": {
    "aws_sqs_queue": {
      "q": {
        "count": "${var.n}",
        "name": "${local.prefix}-${count.index}",
        "tags": {"Team": "core", "Size": 3},
        "depends_on": ["aws_kms_key.k"],
        "lifecycle": {"prevent_destroy": true}
      }
    },
    "aws_security_group": {
      "g": {
        "ingress": [
          {"from_port": 22, "cidr_blocks": ["0.0.0.0/0"]},
          {"from_port": 443, "cidr_blocks": ["10.0.0.0/8"]}
        ],
        "dynamic": {
          "egress": {
            "for_each": "${[80, 8080]}",
            "content": {"to_port": "${egress.value}"}
          }
        }
      }
    }
  },
  "module": {"m": {"source": "./m", "bucket": "${local.prefix}"}}
}
"#;
    let module = r#"{"variable": {"bucket": {}},
"resource": {"aws_s3_bucket": {"b": {"bucket": "${var.bucket}"}}}}"#;
    check(
        &[("main.tf.json", main), ("m/main.tf.json", module)],
        &[],
        r#"
        aws_sqs_queue.q[0] main.tf.json:10-16 {"count":2.0,"name":"q-${not_a_template}-0","tags":{"Team":"core","Size":3.0}}
        aws_sqs_queue.q[1] main.tf.json:10-16 {"count":2.0,"name":"q-${not_a_template}-1","tags":{"Team":"core","Size":3.0}}
        aws_security_group.g main.tf.json:19-30 {"ingress":[{"from_port":22.0,"cidr_blocks":["0.0.0.0/0"]},{"from_port":443.0,"cidr_blocks":["10.0.0.0/8"]}],"egress":[{"to_port":80.0},{"to_port":8080.0}]}
        m main.tf.json:33-33 {"source":"./m","bucket":"q-${not_a_template}"}
        module.m.aws_s3_bucket.b m/main.tf.json:2-2 <- main.tf.json:33-33 {"bucket":"q-${not_a_template}"}
        "#,
    );
}

#[test]
fn json_variable_files_take_their_place_among_tfvars() {
    let main = r#"
variable "a" { default = "default" }
variable "b" { default = "default" }
variable "c" { default = "default" }
resource "t" "x" {
  a = var.a
  b = var.b
  c = var.c
}
"#;
    check(
        &[
            ("main.tf", main),
            ("terraform.tfvars", "a = \"tfvars\"\nb = \"tfvars\""),
            (
                "terraform.tfvars.json",
                r#"{"b": "tfvars.json", "c": {"k": ["${x}"]}}"#,
            ),
            ("a.auto.tfvars.json", r#"{"c": "auto-a"}"#),
            ("b.auto.tfvars", "c = \"auto-b\""),
        ],
        &[("cli.tfvars.json", r#"{"a": 1}"#)],
        r#"t.x main.tf:5-9 {"a":1.0,"b":"tfvars.json","c":"auto-b"}"#,
    );
}

#[test]
fn variables_that_resolve_to_null_are_unknown() {
    let main = r#"
variable "a" { default = null }
variable "b" {
  type    = string
  default = "set"
}
resource "t" "x" {
  a = var.a
  n = null
}
module "m" {
  source = "./m"
  b      = null
}
"#;
    let module = r#"
variable "b" {
  type    = string
  default = "default"
}
variable "c" {
  type    = string
  default = null
}
resource "t" "y" {
  b = var.b
  c = var.c
  d = coalesce(var.c, "fallback")
}
"#;
    check(
        &[("main.tf", main), ("m/main.tf", module)],
        &[],
        r#"
        t.x main.tf:7-10 {"a":{"refs":["var.a"]},"n":null}
        m main.tf:11-14 {"source":"./m","b":null}
        module.m.t.y m/main.tf:10-14 <- main.tf:11-14 {"b":{"refs":["var.b"]},"c":{"refs":["var.c"]},"d":{"refs":["var.c"]}}
        "#,
    );
}

#[test]
fn locals_resolve_in_any_order_and_cycles_become_unknown() {
    check(
        &[(
            "main.tf",
            r#"
locals {
  b = "${local.a}-b"
  loop1 = local.loop2
}
locals {
  a = "a"
  loop2 = local.loop1
}
resource "t" "x" {
  b    = local.b
  loop = local.loop1
}
"#,
        )],
        &[],
        r#"t.x main.tf:10-13 {"b":"a-b","loop":{"refs":[]}}"#,
    );
}

#[test]
fn count_and_for_each_expand_with_checkov_addresses() {
    check(
        &[(
            "main.tf",
            r#"resource "aws_sqs_queue" "q" {
  count = 2
  name  = "q-${count.index}"
}
resource "aws_instance" "m" {
  for_each = { a = "t3.micro", b = "t3.large" }
  type     = each.value
  key      = each.key
}
resource "aws_instance" "s" {
  for_each = toset(["x"])
  key      = each.key
}
resource "aws_instance" "zero" {
  count = 0
}
resource "aws_instance" "empty" {
  for_each = {}
}
resource "aws_instance" "unknown" {
  count = length(aws_subnet.all.ids)
  i     = count.index
}
"#,
        )],
        &[],
        r#"
        aws_sqs_queue.q[0] main.tf:1-4 {"count":2.0,"name":"q-0"}
        aws_sqs_queue.q[1] main.tf:1-4 {"count":2.0,"name":"q-1"}
        aws_instance.m["a"] main.tf:5-9 {"for_each":{"a":"t3.micro","b":"t3.large"},"type":"t3.micro","key":"a"}
        aws_instance.m["b"] main.tf:5-9 {"for_each":{"a":"t3.micro","b":"t3.large"},"type":"t3.large","key":"b"}
        aws_instance.s["x"] main.tf:10-13 {"for_each":["x"],"key":"x"}
        aws_instance.zero main.tf:14-16 {"count":0.0}
        aws_instance.empty main.tf:17-19 {"for_each":{}}
        aws_instance.unknown main.tf:20-23 {"count":{"refs":["aws_subnet.all"]},"i":{"refs":[]}}
        ! Unresolved main.tf:20:0 `count`/`for_each` of `aws_instance.unknown` could not be resolved; it is checked as one instance
        "#,
    );
}

#[test]
fn providers_data_and_module_calls_have_checkov_addresses() {
    check(
        &[(
            "main.tf",
            r#"provider "aws" {
  region = "eu-west-1"
}
provider "aws" {
  alias = "us"
}
data "aws_iam_policy_document" "p" {
  statement {
    actions = ["s3:*"]
  }
}
module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.0.0"
}
"#,
        )],
        &[],
        r#"
        aws.default main.tf:1-3 {"region":"eu-west-1"}
        aws.us main.tf:4-6 {"alias":"us"}
        aws_iam_policy_document.p main.tf:7-11 {"statement":[{"actions":["s3:*"]}]}
        vpc main.tf:12-15 {"source":"terraform-aws-modules/vpc/aws","version":"5.0.0"}
        "#,
    );
}

#[test]
fn local_modules_are_inlined_with_their_caller() {
    let module = r#"variable "name" {}
variable "enc" { default = false }
resource "aws_s3_bucket" "this" {
  bucket = var.name
}
resource "aws_kms_key" "k" {
  count = var.enc ? 1 : 0
}
output "arn" {
  value = aws_s3_bucket.this.arn
}
output "name" {
  value = var.name
}
"#;
    let root = r#"module "logs" {
  source = "./modules/bucket"
  name   = "logs"
  enc    = true
}
module "many" {
  source   = "./modules/bucket"
  for_each = toset(["a"])
  name     = "many-${each.key}"
}
resource "t" "uses" {
  bucket = module.logs.arn
  name   = module.logs.name
  many   = module.many["a"].name
}
"#;
    check(
        &[("main.tf", root), ("modules/bucket/main.tf", module)],
        &[],
        r#"
        logs main.tf:1-5 {"source":"./modules/bucket","name":"logs","enc":true}
        module.logs.aws_s3_bucket.this modules/bucket/main.tf:3-5 <- main.tf:1-5 {"bucket":"logs"}
        module.logs.aws_kms_key.k[0] modules/bucket/main.tf:6-8 <- main.tf:1-5 {"count":1.0}
        many main.tf:6-10 {"source":"./modules/bucket","for_each":["a"],"name":{"refs":[]}}
        module.many["a"].aws_s3_bucket.this modules/bucket/main.tf:3-5 <- main.tf:6-10 {"bucket":"many-a"}
        module.many["a"].aws_kms_key.k modules/bucket/main.tf:6-8 <- main.tf:6-10 {"count":0.0}
        t.uses main.tf:11-15 {"bucket":{"refs":["module.logs.aws_s3_bucket.this"]},"name":"logs","many":"many-a"}
        "#,
    );
}

#[test]
fn nested_modules_prefix_addresses_and_point_at_the_nearest_call() {
    check(
        &[
            (
                "env/main.tf",
                "module \"app\" {\n  source = \"../app\"\n}\n",
            ),
            (
                "app/main.tf",
                "module \"db\" {\n  source = \"./db\"\n  count  = 1\n}\n",
            ),
            (
                "app/db/main.tf",
                "resource \"aws_db_instance\" \"d\" {\n}\n",
            ),
            ("self/main.tf", "module \"me\" {\n  source = \"./\"\n}\n"),
            (
                "gone/main.tf",
                "module \"x\" {\n  source = \"./missing\"\n}\n",
            ),
        ],
        &[],
        r#"
        app env/main.tf:1-3 {"source":"../app"}
        module.app.db app/main.tf:1-4 <- env/main.tf:1-3 {"source":"./db","count":1.0}
        module.app.module.db[0].aws_db_instance.d app/db/main.tf:1-2 <- app/main.tf:1-4 {}
        x gone/main.tf:1-3 {"source":"./missing"}
        me self/main.tf:1-3 {"source":"./"}
        ! Unresolved gone/main.tf:1:0 module `x`: source `./missing` has no Terraform files in the scanned tree
        ! Unresolved self/main.tf:1:0 module `me`: source `./` calls itself or nests too deeply
        "#,
    );
}

#[test]
fn dynamic_blocks_expand_and_render_once_over_unknown_collections() {
    check(
        &[(
            "main.tf",
            r#"locals {
  ports = [80, 443]
}
resource "aws_security_group" "sg" {
  ingress {
    from_port = 22
  }
  dynamic "ingress" {
    for_each = local.ports
    content {
      from_port = ingress.value
    }
  }
  dynamic "egress" {
    for_each = { a = "10.0.0.0/8" }
    iterator = rule
    content {
      cidr = rule.value
      name = rule.key
    }
  }
  dynamic "tag" {
    for_each = data.x.y.tags
    content {
      key       = tag.key
      propagate = true
    }
  }
}
"#,
        )],
        &[],
        r#"aws_security_group.sg main.tf:4-29 {"ingress":[{"from_port":22.0},{"from_port":80.0},{"from_port":443.0}],"egress":[{"cidr":"10.0.0.0/8","name":"a"}],"tag":[{"key":{"refs":["x.y"]},"propagate":true}]}"#,
    );
}

#[test]
fn the_mistakes_checkov_accepts_are_repaired_keeping_line_numbers() {
    let main = r#"resource "aws_s3_bucket_versioning" "v" {
  versioning_configuration {
    status = "Enabled"}
}
data "aws_iam_policy_document" "d" {
  statement = [{
    principals {
      type = "AWS"
    }
  }]
}
resource "t" "after" {
  a = 1
  a = 2
}
"#;
    check(
        &[("main.tf", main)],
        &[],
        r#"
        aws_s3_bucket_versioning.v main.tf:1-4 {"versioning_configuration":[{"status":"Enabled"}]}
        aws_iam_policy_document.d main.tf:5-11 {"statement":[{"principals":{"type":"AWS"}}]}
        t.after main.tf:12-15 {"a":1.0,"a-deputy-duplicate":2.0}
        ! Repaired main.tf:3:23 a block is closed on the line of its last attribute, which Terraform rejects; read as if the brace were on the next line, as Checkov reads it
        ! Repaired main.tf:7:17 a nested block is written inside an object value, which Terraform rejects; read as an attribute holding an object, as Checkov reads it
        ! Repaired main.tf:14:3 an attribute is defined a second time in one block, which Terraform rejects; the first definition is read
        "#,
    );
    // Anything else stays a parse error at its place in the original text.
    check(
        &[(
            "main.tf",
            "resource \"t\" \"x\" {\n  a = [1}\n}\nresource \"t\" \"y\" {\n  b = 1 }\n}\n",
        )],
        &[],
        "! ParseError main.tf:2:9 invalid HCL: expected `]`",
    );
}

#[test]
fn parse_errors_name_line_and_column_and_other_files_still_load() {
    check(
        &[
            ("bad.tf", "resource \"a\" \"b\" {\n  x = \n}\n"),
            ("deep.tf", &"[".repeat(300)),
            ("good.tf", "resource \"a\" \"c\" {\n}\n"),
            (
                "x.tf.json",
                "{\n  \"resource\": {\n    \"a\": {\"d\": {\"x\": 1,}}\n  }\n}\n",
            ),
            ("y.tf.json", "[]"),
            ("z.tfvars.json", "{\"a\": "),
        ],
        &[],
        r#"
        a.c good.tf:1-2 {}
        ! ParseError bad.tf:2:7 invalid HCL: invalid expression; expected `"`, `[`, `{`, `-`, `!`, `(`, `_`, `<`, letter or digit
        ! ParseError deep.tf:1:257 brackets nest more than 256 deep
        ! ParseError x.tf.json:3:24 invalid JSON: key must be a string
        ! ParseError y.tf.json:1:1 a Terraform JSON file holds one object
        ! ParseError z.tfvars.json:1:6 invalid JSON: EOF while parsing a value
        "#,
    );
}

#[test]
fn modules_called_only_by_others_are_not_roots() {
    let parsed = load(
        &files(&[
            ("main.tf", "module \"m\" {\n  source = \"./m\"\n}\n"),
            ("m/main.tf", "resource \"r\" \"x\" {\n}\n"),
            (
                "examples/a/main.tf",
                "module \"root\" {\n  source = \"../../\"\n}\n",
            ),
        ]),
        &Options::default(),
    );
    let addresses: Vec<&str> = parsed
        .resources
        .iter()
        .map(|r| r.address.as_str())
        .collect();
    assert_eq!(
        addresses,
        ["root", "module.root.m", "module.root.module.m.r.x"]
    );
}

#[test]
fn exploding_or_deeply_chained_input_ends_as_unknown() {
    // Each local doubles the previous one: 2^60 elements if evaluated naively.
    let mut doubling = String::from("locals {\n  l0 = [1, 2]\n");
    for i in 1..60 {
        let _ = writeln!(
            doubling,
            "  l{i} = concat(local.l{}, local.l{})",
            i - 1,
            i - 1
        );
    }
    doubling.push_str("}\nresource \"t\" \"x\" {\n  v = length(local.l59)\n}\n");
    // A chain of locals deeper than any evaluation stack should go.
    let mut chain = String::from("locals {\n  c0 = 1\n");
    for i in 1..3000 {
        let _ = writeln!(chain, "  c{i} = local.c{} + 1", i - 1);
    }
    chain.push_str("}\nresource \"t\" \"y\" {\n  v = local.c2999\n  w = local.c10\n}\n");
    let started = std::time::Instant::now();
    check(
        &[("a.tf", &doubling), ("b.tf", &chain)],
        &[],
        r#"
        t.x a.tf:63-65 {"v":{"refs":[]}}
        t.y b.tf:3003-3006 {"v":{"refs":[]},"w":11.0}
        ! Unresolved a.tf:0:0 evaluation hit a limit on nesting depth, value size or total work; the values it stopped are unknown
        "#,
    );
    assert!(
        started.elapsed().as_secs() < 20,
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn type_constraints_convert_inputs_and_fill_optional_attributes() {
    let module = r#"variable "settings" {
  type = object({
    enabled = optional(bool, true)
    port    = number
    name    = optional(string)
    rules   = optional(list(object({ cidr = string, open = optional(bool, false) })), [])
  })
}
variable "tags" {
  type = map(string)
}
resource "t" "x" {
  settings = var.settings
  tags     = var.tags
}
"#;
    let root = r#"module "m" {
  source   = "./m"
  settings = { port = "443", rules = [{ cidr = "0.0.0.0/0" }] }
  tags     = { n = 1 }
}
"#;
    check(
        &[("main.tf", root), ("m/main.tf", module)],
        &[],
        r#"
        m main.tf:1-5 {"source":"./m","settings":{"port":"443","rules":[{"cidr":"0.0.0.0/0"}]},"tags":{"n":1.0}}
        module.m.t.x m/main.tf:12-15 <- main.tf:1-5 {"settings":{"enabled":true,"name":null,"port":443.0,"rules":[{"cidr":"0.0.0.0/0","open":false}]},"tags":{"n":"1"}}
        "#,
    );
}

#[test]
fn an_unresolved_count_is_reported_once_per_block() {
    let module = "resource \"t\" \"x\" {\n  count = length(data.d.e.ids)\n}\n";
    let root = "module \"a\" {\n  source = \"./m\"\n}\nmodule \"b\" {\n  source = \"./m\"\n}\n";
    let parsed = load(
        &files(&[("main.tf", root), ("m/main.tf", module)]),
        &Options::default(),
    );
    let addresses: Vec<&str> = parsed
        .resources
        .iter()
        .map(|r| r.address.as_str())
        .collect();
    assert_eq!(addresses, ["a", "module.a.t.x", "b", "module.b.t.x"]);
    assert_eq!(parsed.diagnostics.len(), 1, "{:?}", parsed.diagnostics);
}

#[test]
fn expansion_stops_at_the_work_limit() {
    let module = "resource \"t\" \"x\" {\n  count = 100000\n}\n";
    let root = "module \"m\" {\n  source = \"./m\"\n  count  = 100000\n}\n";
    let started = std::time::Instant::now();
    let parsed = load(
        &files(&[("main.tf", root), ("m/main.tf", module)]),
        &Options::default(),
    );
    assert!(
        started.elapsed().as_secs() < 30,
        "took {:?}",
        started.elapsed()
    );
    assert!(
        parsed.resources.len() <= 260_000,
        "{} resources",
        parsed.resources.len()
    );
    assert!(
        parsed
            .diagnostics
            .iter()
            .any(|d| d.message.contains("hit a limit")),
        "{:?}",
        parsed.diagnostics
    );
}
