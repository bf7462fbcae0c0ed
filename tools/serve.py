#!/usr/bin/env python3
"""Serves a built qkit (dist/) on a loopback address, for use and for the end-to-end tests.

Usage: serve.py DIR HOST PORT [-q] [--gzip]

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
    directory, host, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
    handler = functools.partial(Handler, directory=directory)
    with http.server.ThreadingHTTPServer((host, port), handler) as httpd:
        print(f"qkit: serving {directory} at http://{host}:{port}/", flush=True)
        try:
            httpd.serve_forever()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
