#!/usr/bin/env bash
# Rebuilds the committed corpus/<target>/ after a run: the seeds (seeds/<target>/, named seed-*),
# every regression-* file, then what the fuzzer found (work/<target>/ and the old corpus) that
# adds coverage beyond those, as libFuzzer's merge picks it, files of at most 16 KiB only, spread
# over their sizes, up to MAX files in all (default 50).
#   ./trim-corpus.sh <target> [MAX]
set -euo pipefail
cd "$(dirname "$0")"
t=$1
max=${2:-50}
bin=target/x86_64-unknown-linux-gnu/release/$t
[ -x "$bin" ] || cargo +nightly fuzz build "$t"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/out" "$tmp/found" "$tmp/keep"
small() { find "$1" -maxdepth 1 -type f -size -16385c "${@:2}"; }
if [ -d "seeds/$t" ]; then
  small "seeds/$t" -print0 | while IFS= read -r -d '' f; do
    name=$(basename "$f"); cp "$f" "$tmp/keep/seed-${name#seed-}"; done
fi
small "corpus/$t" -name 'regression-*' -exec cp {} "$tmp/keep/" \;
cp "$tmp/keep/"* "$tmp/out/"
small "corpus/$t" ! -name 'regression-*' ! -name 'seed-*' -exec cp {} "$tmp/found/" \;
[ -d "work/$t" ] && small "work/$t" -exec cp {} "$tmp/found/" \;
"$bin" -merge=1 -rss_limit_mb=2048 -timeout=10 "$tmp/out" "$tmp/found" >"$tmp/merge.log" 2>&1
room=$(( max - $(ls "$tmp/keep" | wc -l) ))
added=$(comm -13 <(ls "$tmp/keep" | sort) <(ls "$tmp/out" | sort))
rm -rf "corpus/$t"
mkdir -p "corpus/$t"
cp "$tmp/keep/"* "corpus/$t/"
if [ "$room" -gt 0 ] && [ -n "$added" ]; then
  # Spread over the sizes (smallest to largest), not only the smallest: small finds mostly stop
  # at the first check, larger ones reach deeper.
  for f in $(cd "$tmp/out" && ls -Sr $added | awk -v n="$room" '{ f[NR] = $0 }
      END { if (NR <= n) { for (i = 1; i <= NR; i++) print f[i] }
            else { for (i = 0; i < n; i++) print f[1 + int(i * (NR - 1) / (n - 1))] } }' | sort -u); do
    cp "$tmp/out/$f" "corpus/$t/$f"
  done
fi
echo "$t: $(ls "corpus/$t" | wc -l) files, $(du -sk "corpus/$t" | cut -f1) KiB ($(echo "$added" | grep -c . || true) found by merge)"
