#!/usr/bin/env python3
"""Serves a built qkit (dist/participant/, dist/assessor/) on a loopback address, for use and for the end-to-end tests.

Usage: serve.py DIR[:DIR…] HOST PORT [-q] [--gzip]

With several folders (e.g. `dist/participant:dist/assessor`, the two kits served from one
place, as `./kit serve` and the end-to-end tests do) a path is looked up in each in turn.

Sends the right type for .wasm and no caching headers, so a rebuilt app is always what is
served. With --gzip, text and wasm responses are compressed with gzip -9 when the browser
accepts it, as a real web server would (the benchmark measures transfer this way).
"""
import functools
import gzip
import http.server
import os
import sys

COMPRESSIBLE = (".html", ".js", ".mjs", ".css", ".json", ".wasm", ".svg", ".webmanifest")


class Handler(http.server.SimpleHTTPRequestHandler):
    # The folders after the first, looked in when the first has no such file.
    more = []

    def translate_path(self, path):
        first = super().translate_path(path)
        if os.path.exists(first):
            return first
        for folder in self.more:
            other = os.path.join(folder, os.path.relpath(first, self.directory))
            if os.path.exists(other):
                return other
        return first

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".json": "application/json",
        ".webmanifest": "application/manifest+json",
        ".svg": "image/svg+xml",
        ".wav": "audio/wav",
    }

    def end_headers(self):
        self.send_header("Cache-Control", "no-cache")
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    def do_GET(self):
        if "--gzip" not in sys.argv or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().do_GET()
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if not (path.endswith(COMPRESSIBLE) and os.path.isfile(path)):
            return super().do_GET()
        with open(path, "rb") as f:
            body = gzip.compress(f.read(), compresslevel=9, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, fmt, *args):
        if "-q" not in sys.argv:
            super().log_message(fmt, *args)


def main():
    folders, host, port = sys.argv[1].split(":"), sys.argv[2], int(sys.argv[3])
    directory = folders[0]
    Handler.more = [os.path.abspath(f) for f in folders[1:]]
    handler = functools.partial(Handler, directory=directory)
    with http.server.ThreadingHTTPServer((host, port), handler) as httpd:
        print(f"qkit: serving {', '.join(folders)} at http://{host}:{port}/", flush=True)
        try:
            httpd.serve_forever()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
