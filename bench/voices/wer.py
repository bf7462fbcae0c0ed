#!/usr/bin/env python3
"""How well can the offline English voices be understood? A word error rate per voice.

Each candidate voice reads the same sample of the kit's English texts (from `qkit audio-script`);
pocketsphinx (Debian's en-us model) transcribes every recording, resampled to 16 kHz mono with
sox, and the transcript is compared word by word with the text the voice was given (lower case,
punctuation dropped, digits as words). Not run in CI: it needs the Debian packages

    espeak-ng flite festival festvox-us-slt-hts festvox-kallpc16k festvox-kdlpc16k
    pocketsphinx pocketsphinx-en-us sox

Usage: python3 bench/voices/wer.py SCRIPT.csv WORKDIR [N] [--opus 12,16,24]
(SCRIPT.csv from `qkit audio-script -o SCRIPT.csv`; N texts, 100 by default.) Prints a Markdown
table; keeps each voice's WAV files and transcripts under WORKDIR. With --opus, the first voice
of OPUS_VOICE is also heard after Ogg Opus at each bit rate (opusenc, then opusdec), as
`qkit audio generate` encodes it (needs opus-tools).
"""

import csv
import hashlib
import re
import subprocess
import sys
import time
from pathlib import Path

VOICES = [
    ("festival", "cmu_us_slt_arctic_hts"),
    ("festival", "kal_diphone"),
    ("festival", "ked_diphone"),
    ("flite", "slt"),
    ("flite", "awb"),
    ("flite", "rms"),
    ("espeak-ng", "en-gb"),
]

# The voice whose recordings the kit ships, for the bit-rate comparison.
OPUS_VOICE = ("flite", "rms")

DIGITS = "zero one two three four five six seven eight nine ten".split()


def for_voice(text):
    """What a voice is given: the shown text without marks a voice reads badly (as `qkit audio
    generate` does: an ellipsis dropped, a slash read as "or", dashes as pauses)."""
    text = text.replace("…", " ").replace("/", " or ")
    return re.sub(r"\s+[–—-]\s+", ", ", text).strip()


def words(text):
    text = text.lower().replace("’", "'")
    text = re.sub(r"\b(\d|10)\b", lambda m: DIGITS[int(m.group(1))], text)
    return re.sub(r"[^a-z0-9' ]+", " ", text).split()


def distance(ref, hyp):
    """Word-level edit distance (substitutions, insertions, deletions)."""
    row = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        prev, row[0] = row[0], i
        for j, h in enumerate(hyp, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (r != h))
    return row[-1]


def sample(script, n):
    rows = [r for r in csv.DictReader(open(script, encoding="utf-8")) if r["language"] == "en"]
    texts = sorted({r["text"].lstrip("'") for r in rows})
    # A stable spread over the kit rather than the alphabet's first n.
    return sorted(texts, key=lambda t: hashlib.sha256(t.encode()).hexdigest())[:n]


def synthesise(engine, voice, texts, out):
    out.mkdir(parents=True, exist_ok=True)
    if engine == "festival":
        scheme = [f"(voice_{voice})"]
        for i, t in enumerate(texts):
            quoted = for_voice(t).replace("\\", "\\\\").replace('"', '\\"')
            scheme.append(f'(utt.save.wave (utt.synth (Utterance Text "{quoted}")) "{out}/{i:03}.raw.wav" \'riff)')
        (out / "say.scm").write_text("\n".join(scheme) + "\n", encoding="utf-8")
        subprocess.run(["festival", "-b", str(out / "say.scm")], check=True)
    else:
        for i, t in enumerate(texts):
            wav = str(out / f"{i:03}.raw.wav")
            if engine == "flite":
                cmd = ["flite", "-voice", voice, "-t", for_voice(t), "-o", wav]
            else:
                cmd = ["espeak-ng", "-v", voice, "-w", wav, for_voice(t)]
            subprocess.run(cmd, check=True)
    for i in range(len(texts)):
        subprocess.run(["sox", str(out / f"{i:03}.raw.wav"), "-r", "16000", "-c", "1",
                        "-b", "16", str(out / f"{i:03}.wav")], check=True)


def through_opus(src, out, count, rate):
    """The voice's WAV files encoded at `rate` kbit/s and decoded again, as 16 kHz mono WAV."""
    out.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        ogg, dec = out / f"{i:03}.ogg", out / f"{i:03}.dec.wav"
        subprocess.run(["opusenc", "--quiet", "--bitrate", str(rate), "--downmix-mono",
                        str(src / f"{i:03}.raw.wav"), str(ogg)], check=True)
        subprocess.run(["opusdec", "--quiet", str(ogg), str(dec)], check=True)
        subprocess.run(["sox", str(dec), "-r", "16000", "-c", "1", "-b", "16",
                        str(out / f"{i:03}.wav")], check=True)
    return sum((out / f"{i:03}.ogg").stat().st_size for i in range(count))


def transcribe(out, count):
    ctl = out / "ctl"
    ctl.write_text("".join(f"{i:03}\n" for i in range(count)))
    hyp = out / "hyp"
    subprocess.run(["pocketsphinx_batch", "-adcin", "yes", "-cepdir", str(out), "-cepext", ".wav",
                    "-ctl", str(ctl), "-hyp", str(hyp), "-logfn", str(out / "log")], check=True)
    found = {}
    for line in hyp.read_text().splitlines():
        m = re.match(r"^(.*) \((\d{3})(?: .*)?\)$", line)
        if m:
            found[int(m.group(2))] = m.group(1)
    return [found.get(i, "") for i in range(count)]


def score(refs, hyps):
    errors = sum(distance(r, h) for r, h in zip(refs, hyps))
    return 100 * errors / sum(len(r) for r in refs), sum(r == h for r, h in zip(refs, hyps))


def main():
    args = sys.argv[1:]
    rates = []
    if "--opus" in args:
        at = args.index("--opus")
        rates = [int(r) for r in args[at + 1].split(",")]
        del args[at:at + 2]
    script, work = args[0], Path(args[1])
    n = int(args[2]) if len(args) > 2 else 100
    texts = sample(script, n)
    refs = [words(for_voice(t)) for t in texts]
    total = sum(len(r) for r in refs)
    print(f"{len(texts)} texts, {total} words\n")
    print("| voice | word error rate | texts heard exactly | synthesis s |")
    print("| --- | ---: | ---: | ---: |")
    for engine, voice in VOICES:
        out = work / f"{engine}-{voice}"
        start = time.monotonic()
        synthesise(engine, voice, texts, out)
        took = time.monotonic() - start
        hyps = [words(h) for h in transcribe(out, len(texts))]
        rate, exact = score(refs, hyps)
        with open(out / "compare.tsv", "w", encoding="utf-8") as f:
            for r, h in zip(refs, hyps):
                f.write(" ".join(r) + "\t" + " ".join(h) + "\n")
        print(f"| {engine} {voice} | {rate:.1f}% | {exact} of {len(texts)} | {took:.0f} |", flush=True)
    if rates:
        print(f"\n| {' '.join(OPUS_VOICE)} through Ogg Opus | word error rate | texts heard exactly | bytes |")
        print("| --- | ---: | ---: | ---: |")
    for kbit in rates:
        out = work / f"opus-{kbit}"
        size = through_opus(work / "-".join(OPUS_VOICE), out, len(texts), kbit)
        rate, exact = score(refs, [words(h) for h in transcribe(out, len(texts))])
        print(f"| {kbit} kbit/s | {rate:.1f}% | {exact} of {len(texts)} | {size} |", flush=True)


if __name__ == "__main__":
    main()
