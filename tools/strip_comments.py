#!/usr/bin/env python3
"""Drops comments from a built kit's own scripts and stylesheets: DIST/*.js (whole lines that
are `//` comments) and DIST/*.css (`/* ... */`). The sources keep them; the participant's
first screen is counted to the byte against SurveyJS's library (docs/performance.md), and the
comments were about 0.7 KB of it gzipped. wasm-bindgen's glue under pkg/ is left as it is.

Usage: strip_comments.py DIST
"""
import os
import re
import sys


def strip_js(text):
    return "".join(line for line in text.splitlines(keepends=True)
                   if not line.lstrip().startswith("//"))


def strip_css(text):
    if re.search(r"[\"'][^\"'\n]*/\*", text):
        sys.exit("strip_comments.py: a stylesheet has /* inside a string; strip by hand")
    return re.sub(r"/\*.*?\*/\n?", "", text, flags=re.S)


def main():
    dist = sys.argv[1]
    for name in sorted(os.listdir(dist)):
        path = os.path.join(dist, name)
        strip = strip_js if name.endswith(".js") else strip_css if name.endswith(".css") else None
        if strip is None or not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8") as f:
            text = f.read()
        with open(path, "w", encoding="utf-8") as f:
            f.write(strip(text))


if __name__ == "__main__":
    main()
