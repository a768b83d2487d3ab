#!/usr/bin/env bash
# Whole-process timings behind the README's performance table, measured with
# hyperfine (Debian: apt install hyperfine) on a release build:
#
#   bash benches/whole-process.sh [EVAL_FILE]
#
# EVAL_FILE defaults to ../shared/eval/mohler-dev.jsonl. The Python reference
# scorer needs `pip install rapidfuzz`. Everything is written to a temporary
# folder; nothing in the checkout changes.
set -euo pipefail
cd "$(dirname "$0")/.."
eval_file=${1:-../shared/eval/mohler-dev.jsonl}
cargo build --release --quiet
bin=$PWD/target/release/rehearse
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Past sessions made from a fixture record, an hour apart.
history() {
  python3 - "$1" "$2" <<'EOF'
import datetime, json, os, sys
n, folder = int(sys.argv[1]), sys.argv[2]
os.makedirs(folder, exist_ok=True)
template = json.load(open("tests/fixtures/records/2026-01-20-1800-mid.json"))
start = datetime.datetime(2023, 11, 14)
for i in range(n):
    record = json.loads(json.dumps(template))
    at = start + datetime.timedelta(hours=i)
    record["id"] = at.strftime("%Y-%m-%d-%H%M") + "-mid"
    record["started_at"] = at.strftime("%Y-%m-%dT%H:%M:%SZ")
    for k, q in enumerate(record["questions"]):
        q["score"] = float((i * 7 + k * 13) % 101)
    json.dump(record, open(f"{folder}/{record['id']}.json", "w"))
EOF
}
history 1000 "$work/h1k"
history 10000 "$work/h10k"

# A bank of 10,000 questions: the fixture bank's questions under new ids.
python3 - "$work/big.json" <<'EOF'
import json, sys
small = json.load(open("tests/fixtures/bank-small.json"))
questions = []
for i in range(10000):
    q = json.loads(json.dumps(small["questions"][i % len(small["questions"])]))
    q["id"] = f"{q['id']}-{i}"
    questions.append(q)
json.dump({**small, "questions": questions}, open(sys.argv[1], "w"), indent=2)
EOF

printf 'Last year our checkout was slow, so I profiled it and found N+1 queries. I added select_related and the page went from 2 s to 300 ms.\n' >"$work/story.txt"

hyperfine --warmup 3 --shell=none \
  -n "eval (rehearse)" "$bin eval $eval_file" \
  -n "eval (python + rapidfuzz reference)" "python3 benches/reference_scorer.py $eval_file"
hyperfine --warmup 3 --shell=none \
  -n "first prompt, empty folder" "$bin run --dry-run --preset junior --seed 1 --dir $work/empty" \
  -n "first prompt, 1,000 sessions" "$bin run --dry-run --preset junior --seed 1 --dir $work/h1k" \
  -n "review stats, 10,000 sessions" "$bin review stats --dir $work/h10k" \
  -n "star story.txt" "$bin star $work/story.txt" \
  -n "bank list, 10,000 questions" "$bin --no-builtin --bank $work/big.json bank list"
echo "peak memory of review stats over 10,000 sessions:"
/usr/bin/time -f "  %M KB" "$bin" review stats --dir "$work/h10k" >/dev/null
