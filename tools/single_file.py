#!/usr/bin/env python3
"""Writes the single-file kits: DIST/qkit.html and DIST/qkit-assessor.html, each when its page is
in DIST (the participant kit's folder has only the first, the assessor's only the second).

Usage: single_file.py DIST. Each is one self-contained page made from a built qkit in DIST: its
WebAssembly (with the definitions, strings and pictograms it embeds) as base64 in a data block,
the wasm-bindgen glue and the start-up code in one inline module script, the stylesheets in one
inline style element, and the kit configuration (DIST/qkit-config.json, with the team's keys
when the kit's maker has put them there) in a data block the app reads instead of fetching it.
Opened straight from a USB stick (file://) it needs no server; recorded audio stays beside it
in an `audio/` folder, and the participant's page carries that folder's manifest
(DIST/audio/manifest.json, which says which file holds which text) in a data block too, since
a page opened from a file cannot fetch it.

The participant's page also carries the key-derivation worker: its script (`kdf-worker.js`,
with scrypt's module glue in place of its importScripts line) in a data block,
`qkit-kdf-worker`, from which the page makes a blob worker (a page opened from a file cannot
start a worker from another file), and scrypt's module in base64 in `qkit-kdf-wasm`.

The Content-Security-Policy allows exactly the inline script and style by their SHA-256 hashes
(no 'unsafe-inline', no 'unsafe-eval'), WebAssembly compilation ('wasm-unsafe-eval') and no
network at all (connect-src 'none').
"""
import base64
import hashlib
import json
import os
import re
import sys

# (page, glue module, stylesheets, output, embed the configuration, carry the key-derivation
# worker). The assessor's page reads the configuration too, for its idle time; only the
# participant's page unlocks with scrypt.
PAGES = [
    ("index.html", "qkit-app", ["style.css"], "qkit.html", True, True),
    ("assessor.html", "qkit-assessor", ["style.css", "assessor.css"], "qkit-assessor.html", True,
     False),
]

CSP = ("default-src 'none'; script-src {script} 'wasm-unsafe-eval'; style-src {style}; "
       "img-src data: blob:; media-src 'self' blob:; connect-src 'none'; {workers}"
       "base-uri 'none'; form-action 'none'")

# The recordings' manifest, read by the participant's page.
AUDIO_MANIFEST = "audio/manifest.json"

# The key-derivation worker's script, and its one importScripts line, which the single-file kit
# replaces with the glue of scrypt's module (pkg/qkit_kdf.js) itself.
WORKER = "kdf-worker.js"
# The page's side of that worker, which boot.js imports when served; inlined here.
CLIENT = "kdf-client.js"
WORKER_IMPORT = re.compile(r"^importScripts\('pkg/qkit_kdf\.js'\);\n", re.M)

START = """
const text = document.getElementById('qkit-wasm').textContent;
const binary = atob(text);
const bytes = new Uint8Array(binary.length);
for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
__wbg_init({ module_or_path: bytes });
"""


def sha256(text):
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def read(dist, name):
    with open(os.path.join(dist, name), encoding="utf-8") as f:
        return f.read()


# Inside a <script> element the HTML parser looks for "</script" and, after "<!--", for
# "<script" (which hides the real end tag); with no "<" at all neither can occur. JSON readers
# decode these escapes back, and "<", ">" and "&" appear in JSON only inside strings. U+2028 and
# U+2029 are escaped too, for any reader that treats the block as JavaScript.
JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                "\u2028": "\\u2028", "\u2029": "\\u2029"}


def json_data_block(value):
    """`value` as JSON safe inside a <script> data block: nothing in it can end the element."""
    text = json.dumps(value, ensure_ascii=False)
    return "".join(JSON_ESCAPES.get(c, c) for c in text)


def single_page(dist, page, glue_name, stylesheets, embed_config, with_worker=False):
    html = read(dist, page)
    glue = read(dist, f"pkg/{glue_name}.js")
    export = re.compile(r"^export \{[^}]*\};\s*$", re.M)
    if len(export.findall(glue)) != 1:
        sys.exit(f"single_file.py: pkg/{glue_name}.js does not end in the one export line expected")
    glue = export.sub("", glue)
    # Without the worker's files the page could never unlock: a build that lacks them fails.
    needed = [CLIENT, WORKER, "pkg/qkit_kdf.js", "pkg/qkit_kdf_bg.wasm"] if with_worker else []
    missing = [f for f in needed if not os.path.exists(os.path.join(dist, f))]
    if missing:
        sys.exit(f"single_file.py: {page} needs the key-derivation worker, but {dist} lacks "
                 f"{', '.join(missing)}")
    client = read(dist, CLIENT) if with_worker else ""
    script = glue + client + START
    if re.search(r"</script|<!--", script, re.I):
        sys.exit(f"single_file.py: pkg/{glue_name}.js holds text that would end an inline script")
    worker = kdf_wasm = None
    if with_worker:
        kdf_glue = read(dist, "pkg/qkit_kdf.js")
        worker, n = WORKER_IMPORT.subn(lambda _: kdf_glue, read(dist, WORKER))
        if n != 1:
            sys.exit(f"single_file.py: {WORKER} does not have the one import line expected")
        if re.search(r"</script|<!--", worker, re.I):
            sys.exit(f"single_file.py: {WORKER} holds text that would end a data block")
        with open(os.path.join(dist, "pkg/qkit_kdf_bg.wasm"), "rb") as f:
            kdf_wasm = base64.b64encode(f.read()).decode()
    style = "\n".join(read(dist, s) for s in stylesheets)
    with open(os.path.join(dist, f"pkg/{glue_name}_bg.wasm"), "rb") as f:
        wasm = base64.b64encode(f.read()).decode()

    csp = CSP.format(script=sha256(script), style=sha256(style),
                     workers="worker-src blob:; " if with_worker else "")
    html, n = re.subn(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">',
                      f'<meta http-equiv="Content-Security-Policy" content="{csp}">', html)
    if n != 1:
        sys.exit(f"single_file.py: {page} has no Content-Security-Policy to replace")
    # Nothing is linked: no manifest, icon or stylesheet files, no service worker.
    html = re.sub(r'<link rel="(icon|manifest|stylesheet)" href="[^"]*">\n', "", html)
    # Everything goes in the head: the app takes over the body when it starts.
    blocks = [f"<style>{style}</style>"]
    if embed_config:
        config = json.loads(read(dist, "qkit-config.json"))
        blocks.append(f'<script type="application/json" id="qkit-file:qkit-config.json">'
                      f"{json_data_block(config)}</script>")
    audio = os.path.join(dist, AUDIO_MANIFEST)
    if glue_name == "qkit-app" and os.path.exists(audio):
        manifest = json.loads(read(dist, AUDIO_MANIFEST))
        blocks.append(f'<script type="application/json" id="qkit-file:{AUDIO_MANIFEST}">'
                      f"{json_data_block(manifest)}</script>")
    blocks.append(f'<script type="application/octet-stream" id="qkit-wasm">{wasm}</script>')
    if worker is not None:
        blocks.append(f'<script type="text/plain" id="qkit-kdf-worker">{worker}</script>')
        blocks.append(f'<script type="application/octet-stream" id="qkit-kdf-wasm">{kdf_wasm}</script>')
    blocks.append(f'<script type="module">{script}</script>')
    html, n = re.subn(r'<script type="module" src="[^"]*"></script>\n', "", html)
    if n != 1:
        sys.exit(f"single_file.py: {page} has no module script to replace")
    html = html.replace("</head>", "\n".join(blocks) + "\n</head>")
    return html


def main():
    dist = sys.argv[1]
    for page, glue, styles, out, embed, worker in PAGES:
        if not os.path.exists(os.path.join(dist, page)):
            continue
        html = single_page(dist, page, glue, styles, embed, worker)
        with open(os.path.join(dist, out), "w", encoding="utf-8") as f:
            f.write(html)
        print(f"single-file kit: {out}, {len(html.encode())} bytes")


if __name__ == "__main__":
    main()
