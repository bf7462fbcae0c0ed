#!/usr/bin/env python3
"""What the participant app's WebAssembly is made of, by part, for `./kit bench-size`.

Reads `twiggy top --format csv` of a wasm-bindgen output that still has its function names
(before wasm-opt, which drops them) and sums each function's own size into the part of qkit or
of the stack it belongs to. Sizes are raw bytes before wasm-opt; compare the shares, not the
totals, with the shipped file.

usage: wasm_breakdown.py TWIGGY_CSV
"""

import csv
import re
import sys

# First match wins; patterns are tried against the whole function name.
PARTS = [
    ("data: definitions, strings, messages", [r"^data segment"]),
    ("serde readers derived for qkit's types", [r"serde.*qkit_", r"qkit_.*serde", r"Visitor"]),
    ("Yew component views (html! of qkit's screens)", [r"CompStateInner<COMP>", r"FunctionProvider>::run"]),
    ("qkit-questionnaires (load and check definitions)", [r"qkit_questionnaires"]),
    ("qkit-export (record, sealing, drafts at rest)", [r"qkit_export"]),
    ("qkit-session and qkit-scoring", [r"qkit_session", r"qkit_scoring"]),
    ("qkit-app and qkit-web (state, browser I/O)", [r"qkit_app", r"qkit_web"]),
    ("serde_json (its reader, made once for each of qkit's types)", [r"serde_json", r"serde_core", r"\bserde::", r"zmij", r"itoa"]),
    ("encryption (X25519, ChaCha20-Poly1305, scrypt, SHA-256, base64, bech32)",
     [r"curve25519", r"x25519", r"chacha", r"poly1305", r"salsa", r"scrypt", r"pbkdf2", r"sha2",
      r"hmac", r"hkdf", r"digest", r"base64", r"bech32", r"universal_hash", r"cipher", r"aead"]),
    ("Yew and gloo", [r"\byew", r"gloo", r"implicit_clone", r"prokio", r"indexmap"]),
    ("wasm-bindgen, js-sys, web-sys", [r"wasm_bindgen", r"js_sys", r"web_sys", r"^import ", r"wasm-bindgen"]),
    ("Rust's core and alloc: generic code made for qkit's types (collections, clones, drops, closures, formatting), the allocator", [r"\bcore", r"\balloc", r"\bstd", r"hashbrown", r"dlmalloc", r"^elem", r"^table"]),
]


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    sums = {name: 0 for name, _ in PARTS}
    other = 0
    with open(sys.argv[1], newline="") as f:
        for row in csv.DictReader(f):
            name, size = row["Name"], int(row["ShallowSize"])
            if "subsection" in name or name.startswith(("custom section", "Σ", "...")):
                continue  # the names themselves, which the shipped file does not carry
            for part, patterns in PARTS:
                if any(re.search(p, name) for p in patterns):
                    sums[part] += size
                    break
            else:
                other += size
    total = sum(sums.values()) + other
    print("| part of the participant app's WebAssembly | raw bytes before wasm-opt | share |")
    print("|---|---|---|")
    for part, size in sorted(sums.items(), key=lambda kv: -kv[1]):
        print(f"| {part} | {size:,} | {100 * size / total:.0f}% |")
    print(f"| other (closures and generic helpers not named by crate) | {other:,} | {100 * other / total:.0f}% |")
    print(f"| total | {total:,} | 100% |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
