#!/usr/bin/env python3
"""Fills in the service worker's VERSION and FILES for a built qkit.

Usage: sw_files.py DIST. FILES is every file in DIST that a browser loads (the pages, scripts,
WebAssembly, styles, icons, recorded audio, the configuration), as URLs relative to the page;
the service worker itself and single-file kits are left out. VERSION is a hash of their
contents, so any change to a file makes a new version.
"""
import hashlib
import json
import os
import sys

SKIP = {"sw.js", "qkit.html", "qkit-assessor.html"}


def main():
    dist = sys.argv[1]
    files = []
    for root, _, names in os.walk(dist):
        for name in names:
            path = os.path.relpath(os.path.join(root, name), dist).replace(os.sep, "/")
            if path not in SKIP and not path.endswith(".md"):
                files.append(path)
    files.sort()
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.encode())
        with open(os.path.join(dist, path), "rb") as f:
            digest.update(hashlib.sha256(f.read()).digest())
    # "./" is the page a folder opens with; the assessor's folder has none (it opens assessor.html).
    start = ["./"] if "index.html" in files else []
    urls = start + [f"./{p}" for p in files]
    sw = os.path.join(dist, "sw.js")
    with open(sw, encoding="utf-8") as f:
        text = f.read()
    text = text.replace("'__QKIT_VERSION__'", json.dumps(digest.hexdigest()[:16]))
    text = text.replace("__QKIT_FILES__", json.dumps(urls, indent=2))
    with open(sw, "w", encoding="utf-8") as f:
        f.write(text)
    size = sum(os.path.getsize(os.path.join(dist, p)) for p in files)
    print(f"service worker: version {digest.hexdigest()[:16]}, {len(urls)} files kept for offline "
          f"use, {size} bytes")


if __name__ == "__main__":
    main()
