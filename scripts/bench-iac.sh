#!/usr/bin/env bash
# Benchmarks `deputy scan iac` against Checkov 3.3.30 on the IaC corpora (see
# ../shared/reference/iac-scanning.md §9): an empty folder (start-up), terragoat,
# kubernetes-goat, and the four terraform-aws-modules repos scanned together in one run.
# Each tool runs RUNS times per corpus as a whole process under /usr/bin/time -v; the table
# gives the median and min–max wall time, the peak RSS, Deputy's speed-up and memory ratio,
# and Deputy's recall and precision against Checkov's golden outputs on the ids it claims.
#
# Usage: scripts/bench-iac.sh [--deputy-only] [--runs N]
#   --deputy-only  skip Checkov (its runs take minutes; use it while developing)
# Environment: CORPUS (default ../shared/corpus/iac from the repository root),
#   CHECKOV_VENV (default target/bench/checkov-venv), RUNS (default 5).
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${CORPUS:-$repo/../shared/corpus/iac}"
venv="${CHECKOV_VENV:-$repo/target/bench/checkov-venv}"
runs="${RUNS:-5}"
with_checkov=1
while [ $# -gt 0 ]; do
  case "$1" in
    --deputy-only) with_checkov=0 ;;
    --runs) runs="$2"; shift ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
  shift
done
[ "$runs" -ge 1 ] || { echo "--runs must be at least 1" >&2; exit 2; }
[ -d "$corpus/terragoat" ] || { echo "no corpus at $corpus (set CORPUS)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is needed (apt-get install time)" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ "$with_checkov" = 1 ] && [ ! -x "$venv/bin/checkov" ]; then
  echo "installing Checkov 3.3.30 into $venv" >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet checkov==3.3.30
fi

echo "building deputy (release)" >&2
(cd "$repo" && nice -n 15 cargo build --release --quiet -p deputy-cli)
deputy="$repo/target/release/deputy"

# The four modules in one folder. Checkov walks folders with os.walk, which does not
# follow symbolic links to folders, so the folder holds hard links to the files (a copy
# where the corpus is on another file system), which both tools read alike.
mkdir -p "$work/empty" "$work/modules"
for m in vpc s3-bucket security-group iam; do
  cp -al "$corpus/terraform-aws-modules/$m" "$work/modules/$m" 2>/dev/null ||
    cp -r "$corpus/terraform-aws-modules/$m" "$work/modules/$m"
done

# name | folder | Checkov's --framework (empty: all) | goldens as module:file pairs
corpora=(
  "empty|$work/empty|terraform|"
  "terragoat|$corpus/terragoat||.:terragoat_all.json.gz"
  "kubernetes-goat|$corpus/kubernetes-goat||.:k8sgoat_all.json.gz"
  "tf-aws-modules x4|$work/modules|terraform|vpc:tfmod_vpc_tf.json.gz s3-bucket:tfmod_s3-bucket_tf.json.gz security-group:tfmod_security-group_tf.json.gz iam:tfmod_iam_tf.json.gz"
)

# Runs a command $runs times; appends "wall_seconds peak_kib" lines to $1.
measure() {
  local out="$1"; shift
  : >"$out"
  for _ in $(seq "$runs"); do
    # Wall time from the shell's nanosecond clock: /usr/bin/time prints only hundredths,
    # too coarse for Deputy's runs; its peak RSS is what is read from it.
    local start end
    start=$(date +%s%N)
    /usr/bin/time -v -o "$work/time.txt" "$@" >"$work/stdout.json" 2>"$work/stderr.txt" || true
    end=$(date +%s%N)
    python3 - "$work/time.txt" "$start" "$end" >>"$out" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
secs = (int(sys.argv[3]) - int(sys.argv[2])) / 1e9
rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)
print(f"{secs:.4f} {rss}")
PY
  done
}

"$deputy" checks list --source iac --format json >"$work/claimed.json"

printf '%-18s %-8s %22s %10s %9s %8s %8s %9s\n' corpus tool "wall s median (min–max)" "peak MiB" speed-up "mem x" recall precision
for entry in "${corpora[@]}"; do
  IFS='|' read -r name dir framework goldens <<<"$entry"
  # Both tools scan the same frameworks: the modules' goldens are Terraform only.
  deputy_args=(scan iac "$dir" --format json)
  [ -n "$framework" ] && deputy_args+=(--framework "$framework")
  measure "$work/deputy.txt" "$deputy" "${deputy_args[@]}"
  cp "$work/stdout.json" "$work/deputy.json"
  if [ "$with_checkov" = 1 ]; then
    args=(-d "$dir" --quiet -o json --skip-download)
    [ -n "$framework" ] && args+=(--framework "$framework")
    measure "$work/checkov.txt" "$venv/bin/checkov" "${args[@]}"
  else
    : >"$work/checkov.txt"
  fi
  python3 - "$name" "$work" "$corpus/checkov-results" "$goldens" <<'PY'
import gzip, json, statistics, sys
name, work, results, goldens = sys.argv[1:5]

def stats(path):
    rows = [tuple(map(float, l.split())) for l in open(path) if l.strip()]
    if not rows:
        return None
    walls = [r[0] for r in rows]
    return statistics.median(walls), min(walls), max(walls), max(r[1] for r in rows) / 1024

claimed = {i for c in json.load(open(f"{work}/claimed.json"))["checks"] for i in c["checkov_ids"]}
ours = set()
try:
    for f in json.load(open(f"{work}/deputy.json")).get("findings", []):
        for i in f["checkov_ids"]:
            ours.add((i, f["resource"], f["file_path"]))
except (ValueError, KeyError):
    pass
theirs = set()
for pair in goldens.split():
    prefix, golden = pair.split(":", 1)
    data = json.load(gzip.open(f"{results}/{golden}"))
    for run in data if isinstance(data, list) else [data]:
        if run.get("check_type") not in ("terraform", "cloudformation", "kubernetes", "dockerfile", "github_actions", "secrets"):
            continue
        for f in run.get("results", {}).get("failed_checks", []):
            if f["check_id"] in claimed:
                path = f["file_path"].lstrip("/")
                path = path if prefix == "." else f"{prefix}/{path}"
                theirs.add((f["check_id"], f["resource"], path))
mine = {k for k in ours if k[0] in claimed}
both = len(mine & theirs)
recall = "n/a" if not goldens else ("-" if not theirs else f"{100 * both / len(theirs):.1f}%")
precision = "n/a" if not goldens else ("-" if not mine else f"{100 * both / len(mine):.1f}%")

d, c = stats(f"{work}/deputy.txt"), stats(f"{work}/checkov.txt")
def row(tool, s, speed="", mem="", rec="", prec=""):
    wall = f"{s[0]:.3f} ({s[1]:.3f}–{s[2]:.3f})"
    print(f"{name:<18} {tool:<8} {wall:>22} {s[3]:>10.1f} {speed:>9} {mem:>8} {rec:>8} {prec:>9}")
if c:
    row("checkov", c)
speed = f"{c[0] / d[0]:.1f}x" if c and d[0] > 0 else ""
mem = f"{c[3] / d[3]:.1f}x" if c and d[3] > 0 else ""
row("deputy", d, speed, mem, recall, precision)
PY
done
echo "runs per tool and corpus: $runs; recall/precision: Deputy's failures vs Checkov 3.3.30's golden outputs on the Checkov ids Deputy claims ('-' when neither side fails one)" >&2
