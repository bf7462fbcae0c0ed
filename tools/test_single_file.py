#!/usr/bin/env python3
"""Tests for single_file.py: the embedded kit configuration survives any text in its labels.

Run by `./kit test` (python3 only): `python3 tools/test_single_file.py`. The page is made from a
small stand-in for a built dist/ folder, and its embedded configuration is read back the way a
browser's HTML parser reads a script element (the script data states of the HTML standard,
including the escaped states that "<!--" and "<script" switch on), then as JSON.
"""
import json
import os
import re
import shutil
import tempfile
import unittest

import single_file

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CONFIG_OPEN = '<script type="application/json" id="qkit-file:qkit-config.json">'


def _end_tag_at(text, i, tag):
    """Whether `text[i:]` starts `<tag` or `</tag` (as given) followed by a character that ends
    a tag name (whitespace, "/" or ">"), compared without regard to case."""
    end = i + len(tag)
    return text[i:end].lower() == tag and end < len(text) and text[end] in " \t\n\f\r/>"


def script_content(text, start):
    """The content of a script element whose content starts at `start`, read as the HTML
    standard's tokenizer reads script data: it ends at "</script" unless "<!--" then "<script"
    has put the parser in the double-escaped state, where "</script" only leaves that state; else
    the end of the file ends it."""
    state, i = "data", start
    while i < len(text):
        if state in ("data", "escaped") and _end_tag_at(text, i, "</script"):
            return text[start:i]
        if state == "data" and text.startswith("<!--", i):
            state, i = "escaped", i + 2  # the two dashes also count towards "-->"
            continue
        if state in ("escaped", "double") and text.startswith("-->", i):
            state, i = "data", i + 3
            continue
        if state == "escaped" and _end_tag_at(text, i, "<script"):
            state = "double"
        elif state == "double" and _end_tag_at(text, i, "</script"):
            state = "escaped"
        i += 1
    return text[start:]  # the end of the file ends it


class SingleFileConfig(unittest.TestCase):
    def setUp(self):
        self.dist = tempfile.mkdtemp(prefix="qkit-single-file-test-")
        self.addCleanup(shutil.rmtree, self.dist)
        os.mkdir(os.path.join(self.dist, "pkg"))
        shutil.copy(os.path.join(ROOT, "index.html"), self.dist)
        self.write("pkg/qkit-app.js", "function __wbg_init() {}\nexport { __wbg_init as default };\n")
        self.write("style.css", "body { margin: 0 }")
        with open(os.path.join(self.dist, "pkg/qkit-app_bg.wasm"), "wb") as f:
            f.write(b"\0asm\1\0\0\0")

    def write(self, name, text):
        with open(os.path.join(self.dist, name), "w", encoding="utf-8") as f:
            f.write(text)

    def embedded_config(self, config):
        self.write("qkit-config.json", json.dumps(config))
        page = single_file.single_page(self.dist, "index.html", "qkit-app", ["style.css"], True)
        start = page.index(CONFIG_OPEN) + len(CONFIG_OPEN)
        content = script_content(page, start)
        # The element ends where the maker meant it to: the wasm block follows.
        after = page[start + len(content):]
        self.assertTrue(re.match(r'</script>\n<script type="application/octet-stream"', after),
                        after[:80])
        return content

    def test_labels_with_script_and_comment_openers_round_trip(self):
        for label in ["</script><!--<script>", "<!--<script", "a</SCRIPT >b", "<!-- -->",
                      "x & y > z", "line\u2028break\u2029", "Équipe d'évaluation"]:
            with self.subTest(label=label):
                config = {"format": 1, "recipients": [{"recipient": "age1abc", "label": label}]}
                content = self.embedded_config(config)
                self.assertNotIn("<", content)
                self.assertEqual(json.loads(content), config)

    def test_the_worker_block_carries_the_glue_in_place_of_its_import(self):
        with self.assertRaises(SystemExit):  # without the worker's files: no page
            single_file.single_page(self.dist, "index.html", "qkit-app", ["style.css"], True, True)
        shutil.copy(os.path.join(ROOT, "app/static/kdf-worker.js"), self.dist)
        shutil.copy(os.path.join(ROOT, "app/static/kdf-client.js"), self.dist)
        self.write("pkg/qkit_kdf.js", "let wasm_bindgen = function () {};\n")
        with open(os.path.join(self.dist, "pkg/qkit_kdf_bg.wasm"), "wb") as f:
            f.write(b"\0asm\1\0\0\0")
        self.write("qkit-config.json", "{}")
        page = single_file.single_page(self.dist, "index.html", "qkit-app", ["style.css"], True,
                                       True)
        opener = '<script type="text/plain" id="qkit-kdf-worker">'
        start = page.index(opener) + len(opener)
        worker = script_content(page, start)
        self.assertTrue(worker.startswith("// qkit's key-derivation worker"), worker[:60])
        self.assertIn("let wasm_bindgen = function () {};", worker)
        self.assertNotIn("importScripts('pkg", worker)
        self.assertIn("wasm_bindgen.derive_secret(data.passphrase", worker)
        self.assertIn("globalThis.qkitDerive =", page)
        self.assertIn('<script type="application/octet-stream" id="qkit-kdf-wasm">AGFzbQEAAAA=</script>',
                      page)
        self.assertIn("worker-src blob:", page)
        # A page without the worker allows no worker at all.
        plain = single_file.single_page(self.dist, "index.html", "qkit-app", ["style.css"], True)
        self.assertNotIn("worker-src", plain)
        self.assertNotIn("qkit-kdf-worker", plain)

    def test_the_recordings_manifest_rides_along_for_the_participant_page(self):
        os.mkdir(os.path.join(self.dist, "audio"))
        manifest = {"format": 1, "recordings": {"ui/a.en.ogg": {"sha256": "00", "source": "x</script>"}}}
        self.write("audio/manifest.json", json.dumps(manifest))
        self.write("qkit-config.json", "{}")
        page = single_file.single_page(self.dist, "index.html", "qkit-app", ["style.css"], True)
        opener = '<script type="application/json" id="qkit-file:audio/manifest.json">'
        self.assertEqual(json.loads(script_content(page, page.index(opener) + len(opener))), manifest)

    def test_the_reader_above_sees_an_unescaped_comment_opener_hide_the_end_tag(self):
        # Guards the test itself: text escaping only "</" does not survive this reader.
        page = '<script type="application/json">{"label": "<\\/script><!--<script>"}</script>' \
               '<script>x</script>'
        content = script_content(page, page.index(">") + 1)
        self.assertIn("<script>x", content)


if __name__ == "__main__":
    unittest.main()
