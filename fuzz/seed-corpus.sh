#!/usr/bin/env bash
# Writes the starting corpus of every fuzz target into fuzz/seeds/<target>/ from qkit's real
# files: the shipped definitions, strings, batteries and rules (compacted JSON), the test
# fixtures, the example record and the allocation example, plus responses files made from the
# shipped questionnaires and records sealed to the fuzz identity (fuzz/identity.txt) with
# `qkit seal` and the reference `age` tool. The committed corpus (fuzz/corpus/) is these seeds
# plus what the fuzzer found, minimised with `cargo fuzz cmin`.
#
# Needs: python3, age, and a built qkit (`cargo build -p qkit-cli`).
set -euo pipefail
cd "$(dirname "$0")"
ROOT=..
QKIT=${QKIT:-$ROOT/target/debug/qkit}
OUT=seeds
rm -rf "$OUT"
mkdir -p "$OUT"/{definition,kit_files,responses_csv,allocation_csv,rules,open,draft,record,seal_roundtrip}

# Compact JSON (whitespace outside strings dropped), optionally after a selector byte.
compact() { python3 -c 'import json,sys; sys.stdout.write(json.dumps(json.load(open(sys.argv[1])), ensure_ascii=False, separators=(",", ":")))' "$1"; }
with_byte() { printf "\\x$(printf %02x "$1")"; }

for f in "$ROOT"/questionnaires/definitions/*.json "$ROOT"/tests/definitions/valid/*.json; do
  compact "$f" > "$OUT/definition/$(basename "$f")"
done
for f in "$ROOT"/tests/definitions/broken/*.json; do
  cp "$f" "$OUT/definition/broken-$(basename "$f")"
done

compact "$ROOT/questionnaires/batteries.json" | { with_byte 0; cat; } > "$OUT/kit_files/batteries.json"
compact "$ROOT/questionnaires/ui/en.json" | { with_byte 1; cat; } > "$OUT/kit_files/en.json"
compact "$ROOT/questionnaires/ui/cy.json" | { with_byte 2; cat; } > "$OUT/kit_files/cy.json"
compact "$ROOT/questionnaires/definitions/gad7.json" | { with_byte 3; cat; } > "$OUT/kit_files/gad7.json"
for f in "$ROOT"/tests/definitions/batteries/*.json; do
  { with_byte 0; cat "$f"; } > "$OUT/kit_files/batteries-$(basename "$f")"
done

# Responses files for each scored questionnaire, in the target's order (scored ids, sorted).
python3 - "$ROOT" "$OUT/responses_csv" <<'PY'
import json, os, sys
root, out = sys.argv[1], sys.argv[2]
defs = {}
for name in sorted(os.listdir(f"{root}/questionnaires/definitions")):
    d = json.load(open(f"{root}/questionnaires/definitions/{name}"))
    if d.get("scales"):
        defs[d["id"]] = d
for index, (qid, d) in enumerate(sorted(defs.items())):
    scales = {s["id"]: [o["value"] for o in s["options"]] for s in d["response_scales"]}
    items = [(i["id"], scales[i["response_scale"]]) for i in d["items"]]
    special = bool(d.get("special_answers"))
    header = "respondent," + ",".join(i for i, _ in items)
    rows = []
    for r in range(4):
        cells = []
        for n, (_, values) in enumerate(items):
            if r == 3 and n % 3 == 0:
                cells.append("DK" if special else "")
            else:
                cells.append(str(values[(n + r) % len(values)]))
        rows.append(f"p{r}," + ",".join(cells))
    body = header + "\n" + "\n".join(rows) + "\n"
    with open(f"{out}/{qid}.csv", "wb") as f:
        f.write(bytes([index]) + body.encode())
    with open(f"{out}/{qid}-bom-crlf.csv", "wb") as f:
        f.write(bytes([index]) + b"\xef\xbb\xbf" + body.replace("\n", "\r\n").encode())
    short = f'respondent,"{items[0][0]}"\n"a, b",{items[0][1][0]}\n\nc,\n'
    with open(f"{out}/{qid}-quoted.csv", "wb") as f:
        f.write(bytes([index]) + short.encode())
PY

EX="$ROOT/tests/allocation/example"
{ with_byte 0; cat "$EX/participants.csv"; } > "$OUT/allocation_csv/participants.csv"
{ with_byte 1; cat "$EX/groups.csv"; } > "$OUT/allocation_csv/groups.csv"
{ with_byte 2; cat "$EX/participants.csv"; printf '\0'; cat "$EX/groups.csv"; } > "$OUT/allocation_csv/both.csv"

compact "$ROOT/questionnaires/rules/pathways.json" > "$OUT/rules/pathways.json"
for f in "$ROOT"/tests/allocation/rules_broken/*.json; do
  cp "$f" "$OUT/rules/broken-$(basename "$f")"
done

compact "$ROOT/docs/examples/record.json" > "$OUT/record/record.json"
python3 - "$ROOT/docs/examples/record.json" "$OUT/record" <<'PY'
import json, sys
record = json.load(open(sys.argv[1]))
out = sys.argv[2]
draft = dict(record, completed_at=None)
for q in draft["questionnaires"]:
    q["report"] = None
json.dump(draft, open(f"{out}/draft.json", "w"), separators=(",", ":"))
small = dict(record, questionnaires=record["questionnaires"][:1])
json.dump(small, open(f"{out}/one-questionnaire.json", "w"), separators=(",", ":"))
json.dump({"format": 2}, open(f"{out}/format-2.json", "w"))
PY

RECIPIENT=$(sed -n 's/^# public key: //p' identity.txt)
"$QKIT" seal -r "$RECIPIENT" "$ROOT/docs/examples/record.json" -o "$OUT/open/record.age"
age -r "$RECIPIENT" -o "$OUT/open/small.age" "$OUT/record/one-questionnaire.json"
age -a -r "$RECIPIENT" -o "$OUT/open/armored.age" "$OUT/record/one-questionnaire.json"
printf 'not a record' | age -r "$RECIPIENT" -o "$OUT/open/not-a-record.age"
printf '{"format":1}' | age -r "$(age-keygen 2>/dev/null | sed -n 's/^# public key: //p')" -o "$OUT/open/other-key.age"
cp "$ROOT/export/tests/fixtures/age-p-identity.age" "$OUT/open/passphrase-identity.age"
cp identity.txt "$OUT/open/identity.txt"

printf 'qkit-lock-1:15:8:1:AAECAwQFBgcICQoLDA0ODw:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8' > "$OUT/draft/lock.txt"
{ printf 'qkitd\x01'; head -c 120 /dev/urandom; } > "$OUT/draft/sealed.bin"
printf '{"answers":[]}' > "$OUT/draft/plain.json"

printf '\x00' > "$OUT/seal_roundtrip/empty"
{ printf '\x01'; head -c 300 "$ROOT/docs/examples/record.json"; } > "$OUT/seal_roundtrip/text"
{ printf '\x02'; head -c 2000 /dev/urandom; } > "$OUT/seal_roundtrip/random"

for d in "$OUT"/*/; do echo "$(basename "$d"): $(ls "$d" | wc -l) seeds"; done
