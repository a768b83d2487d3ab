#!/usr/bin/env bash
# `rehearse review report` on 0, 1 and 1,000 sessions: the time to write it
# as a whole process (hyperfine; target ≤ 1 s for 1,000 sessions), and a
# check of each page in headless Chromium: no console message (a script, a
# fetch or a style the page's Content-Security-Policy blocks would log one),
# every chart drawn, a screenshot to look at.
#
#   bash benches/report.sh [OUT_DIR]
#
# Needs python3, hyperfine (Debian: apt install hyperfine) and Chromium
# (Debian: apt install chromium). Screenshots and pages go to OUT_DIR
# (default: a temporary folder, printed at the end).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=$PWD/target/release/rehearse
out=${1:-$(mktemp -d)}
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
now=2026-03-01T20:00:00Z

# Sessions made from fixture records, a day apart, ending today, with scores
# and key points that vary so that the charts and tables have something to
# show.
history() {
  python3 - "$1" "$2" <<'EOF'
import datetime, json, os, sys
n, folder = int(sys.argv[1]), sys.argv[2]
os.makedirs(folder, exist_ok=True)
templates = [json.load(open(f"tests/fixtures/records/{name}.json"))
             for name in ("2026-01-20-1800-mid", "2026-01-10-1800-mid")]
end = datetime.datetime(2026, 3, 1, 9)
for i in range(n):
    record = json.loads(json.dumps(templates[i % 2]))
    # Most days, with a gap every so often.
    at = end - datetime.timedelta(days=i + i // 6)
    record["id"] = at.strftime("%Y-%m-%d-%H%M") + f"-mid-{i}"
    record["started_at"] = at.strftime("%Y-%m-%dT%H:%M:%SZ")
    for k, q in enumerate(record["questions"]):
        q["score"] = float((i * 7 + k * 13) % 101)
        for j, p in enumerate(q.get("points", [])):
            p["credit"] = ((i + j + k) % 4) / 3
            p["covered"] = p["credit"] >= 1
    json.dump(record, open(f"{folder}/{record['id']}.json", "w"))
EOF
}
mkdir -p "$work/none"
history 1 "$work/one"
history 1000 "$work/h1k"

export REHEARSE_FAKE_CLOCK=$now TZ=UTC
hyperfine --warmup 2 --shell=none \
  -n "review report, 0 sessions" "$bin review report --dir $work/none -o $work/none.html" \
  -n "review report, 1 session" "$bin review report --dir $work/one -o $work/one.html" \
  -n "review report, 1,000 sessions" "$bin review report --dir $work/h1k -o $work/h1k.html"

chromium_flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
  --disable-background-networking --disable-component-update --disable-sync
  --user-data-dir="$work/chromium" --enable-logging=stderr --v=0)
failed=0
# Occurrences of a string in a file (0 when none).
count() { { grep -o "$1" "$2" || true; } | wc -l; }
for name in none one h1k; do
  page=$work/$name.html
  cp "$page" "$out/$name.html"
  chromium "${chromium_flags[@]}" --dump-dom "file://$page" >"$work/$name.dom" 2>"$work/$name.log"
  chromium "${chromium_flags[@]}" --window-size=1100,2400 \
    --screenshot="$out/$name.png" "file://$page" >/dev/null 2>&1
  sessions=$(find "$work/$name" -name '*.json' | wc -l)
  console=$(count ':CONSOLE' "$work/$name.log")
  series=$(count 'class="series ' "$work/$name.dom")
  days=$(count 'class="day"' "$work/$name.dom")
  transcripts=$(count 'class="transcript"' "$work/$name.dom")
  coverage=$(count 'class="coverage"' "$work/$name.dom")
  echo "$name: $sessions sessions; console messages $console; chart lines $series;" \
    "heatmap days $days; coverage table $coverage; transcripts $transcripts"
  [ "$console" -eq 0 ] || { grep ':CONSOLE' "$work/$name.log"; failed=1; }
  # Today is a Sunday: the twelve weeks hold 84 days.
  [ "$days" -eq 84 ] || failed=1
  [ "$coverage" -ge 1 ] || failed=1
  [ "$transcripts" -eq "$sessions" ] || failed=1
  if [ "$sessions" -gt 0 ]; then [ "$series" -ge 1 ] || failed=1; fi
done
echo "pages and screenshots: $out"
exit $failed
