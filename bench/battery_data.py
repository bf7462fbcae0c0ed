#!/usr/bin/env python3
"""How many bytes of questionnaire definitions and interface strings one battery needs, gzip -9.

For `./kit bench-size`: the participant app embeds every shipped definition, both languages'
strings and the batteries file; this prints, for the largest battery in each language, what that
battery alone would need if only its own definitions and one language were sent. Minified as
`questionnaires/build.rs` embeds them.
"""

import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "questionnaires"


def minified(value) -> bytes:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 9))


def only(value, lang: str, langs: set):
    """The value with every text map ({"en": …, "cy": …}) cut down to `lang` where it has it
    (a questionnaire without that language keeps the text it has)."""
    if isinstance(value, dict):
        if value and set(value) <= langs:
            return {lang: value[lang]} if lang in value else value
        return {k: only(v, lang, langs) for k, v in value.items()}
    if isinstance(value, list):
        return [only(v, lang, langs) for v in value]
    return value


def main() -> int:
    ui = {p.stem: json.loads(p.read_text()) for p in sorted((ROOT / "ui").glob("*.json"))}
    langs = set(ui)
    definitions = {
        p.stem: json.loads(p.read_text()) for p in sorted((ROOT / "definitions").glob("*.json"))
    }
    batteries = json.loads((ROOT / "batteries.json").read_text())
    everything = b"".join(minified(v) for v in [*definitions.values(), batteries, *ui.values()])
    print(f"all shipped definitions, batteries and strings, both languages: "
          f"{len(everything)} bytes raw, {gz(everything)} gzip -9")
    for lang in sorted(langs):
        sizes = []
        for programme in batteries["programmes"]:
            for timepoint in ("pre", "mid", "post"):
                ids = programme.get(timepoint, [])
                data = b"".join(minified(only(definitions[i], lang, langs)) for i in ids)
                data += minified(ui[lang])
                sizes.append((gz(data), len(data), f"{programme['id']} {timepoint}", len(ids)))
        size, raw, name, n = max(sizes)
        print(f"largest battery in {lang} ({name}, {n} questionnaires) with its strings: "
              f"{raw} bytes raw, {size} gzip -9")
    return 0


if __name__ == "__main__":
    sys.exit(main())
