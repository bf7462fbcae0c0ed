"""Checks a qkit FHIR export with an independent library: fhir.resources 6.4 (FHIR R4, 4.0.1).

Usage: tools/venv/bin/python tests/analysis/check_fhir.py BUNDLE.json

Every resource in the Bundle must parse as its R4 model, and:
- each QuestionnaireResponse's `questionnaire` ("url|version") names exactly one Questionnaire
  in the Bundle with that url and that version;
- each answered item's linkId is an item of that Questionnaire, and its answer's coding is one
  of that item's answer options;
- each Observation is derived from a QuestionnaireResponse in the Bundle;
- the PHQ-9 and GAD-7 Questionnaires carry their LOINC panels (44249-1, 69737-5) and each of
  their items a LOINC code, and their complete (not prorated) total scores' Observations the
  LOINC total score (44261-6, 70274-6), a prorated one not; every LOINC term code in the Bundle has a matching mod 10 check digit (worked here
  independently of qkit's own check);
- each QuestionnaireResponse's `language` is one its definition (read here from
  questionnaires/definitions/<id>.json, not from qkit's code) has text in, so a Welsh sitting's
  PHQ-9, which has no Welsh text, is "en"; an item marked with the extension
  urn:qkit:extension:language is in another such language; and each item's text is the
  definition's text in the item's language.
Prints one line per problem and exits 1 if there is any; else prints what it checked.
"""

import json
import os
import sys

from fhir.resources import construct_fhir_element
from fhir.resources.bundle import Bundle


LOINC = "http://loinc.org"
# (questionnaire url, LOINC panel, qkit's code of the total score, LOINC total score, whether
# the export must hold such a score: the test records leave GAD-7 with 5 of its 7 items
# answered, too few for a total, so its score is checked only where there is one)
CITED = [
    ("urn:qkit:questionnaire:phq9", "44249-1", "phq9.total", "44261-6", True),
    ("urn:qkit:questionnaire:gad7", "69737-5", "gad7.total", "70274-6", False),
]


def loinc_codes(codings):
    return {c["code"] for c in codings if c["system"] == LOINC}


def mod10(digits):
    """LOINC's check digit, as its Users' Guide works it."""
    odd = digits[::-1][0::2][::-1]
    even = digits[::-1][1::2][::-1]
    total = sum(int(d) for d in even + str(int(odd) * 2))
    return (10 - total % 10) % 10


def check_codes(data, questionnaires, problems):
    for url, panel, scale, total, scored in CITED:
        found = [q for q in questionnaires.values() if q["url"] == url]
        if not found:
            problems.append(f"no Questionnaire {url} in the Bundle")
        for q in found:
            if panel not in loinc_codes(q.get("code", [])):
                problems.append(f"{url}: no LOINC {panel}")
            for item in q["item"]:
                if not loinc_codes(item.get("code", [])):
                    problems.append(f'{url}: item {item["linkId"]} has no LOINC code')
        scores = [e["resource"] for e in data["entry"] if e["resource"]["resourceType"] == "Observation"
                  and any(c["code"] == scale for c in e["resource"]["code"]["coding"])]
        if scored and not scores:
            problems.append(f"no Observation of {scale}")
        for o in scores:
            status = [e["valueCode"] for e in o.get("extension", [])
                      if e["url"] == "urn:qkit:extension:score-status"]
            if status not in (["ok"], ["prorated"]):
                problems.append(f'{o["id"]}: no score status')
            # LOINC's total is the plain sum of every item: a prorated score must not claim it.
            elif (total in loinc_codes(o["code"]["coding"])) != (status == ["ok"]):
                problems.append(f'{o["id"]}: {scale} is {status[0]} but LOINC {total} is '
                                f'{"missing" if status == ["ok"] else "claimed"}')
    seen = set()

    def walk(value):
        if isinstance(value, dict):
            if value.get("system") == LOINC and "code" in value:
                seen.add(value["code"])
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(data)
    for code in sorted(seen):
        body, _, check = code.partition("-")
        if body.isdigit() and str(mod10(body)) != check:
            problems.append(f"LOINC {code}: check digit does not match")


DEFINITIONS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                           "questionnaires", "definitions")
LANGUAGE_EXTENSION = "urn:qkit:extension:language"


def check_languages(url, res, problems):
    qid = res["questionnaire"].split("|")[0].rsplit(":", 1)[-1]
    path = os.path.join(DEFINITIONS, qid + ".json")
    if not os.path.exists(path):
        return  # a local definition: not in the repository
    with open(path, encoding="utf-8") as f:
        definition = json.load(f)
    languages = definition["languages"]
    texts = {i["id"]: i["text"] for i in definition["items"]}
    base = res.get("language")
    if res.get("item") and base not in languages:
        problems.append(f'{url}: language {base} but {qid} has text only in {", ".join(languages)}')
    for item in res.get("item", []):
        marks = [e["valueCode"] for e in item.get("extension", []) if e["url"] == LANGUAGE_EXTENSION]
        lang = marks[0] if marks else base
        if marks and (marks[0] == base or marks[0] not in languages):
            problems.append(f'{url}: item {item["linkId"]} marked {marks[0]} (response {base})')
        if texts.get(item["linkId"], {}).get(lang) != item.get("text"):
            problems.append(f'{url}: item {item["linkId"]}: text is not {qid}\'s text in {lang}')


def main(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    problems = []
    Bundle.parse_obj(data)
    by_url = {}
    questionnaires = {}
    counts = {}
    for entry in data["entry"]:
        res = entry["resource"]
        kind = res["resourceType"]
        counts[kind] = counts.get(kind, 0) + 1
        construct_fhir_element(kind, res)  # raises on anything not valid R4
        by_url[entry["fullUrl"]] = res
        if kind == "Questionnaire":
            key = f'{res["url"]}|{res["version"]}'
            if key in questionnaires:
                problems.append(f"two Questionnaires for {key}")
            questionnaires[key] = res
    for url, res in by_url.items():
        if res["resourceType"] == "QuestionnaireResponse":
            check_languages(url, res, problems)
            q = questionnaires.get(res["questionnaire"])
            if q is None:
                problems.append(f'{url}: questionnaire {res["questionnaire"]} is not in the Bundle')
                continue
            items = {i["linkId"]: i for i in q["item"]}
            for item in res.get("item", []):
                defined = items.get(item["linkId"])
                if defined is None:
                    problems.append(f'{url}: item {item["linkId"]} is not in {res["questionnaire"]}')
                    continue
                allowed = {(o["valueCoding"]["system"], o["valueCoding"]["code"]) for o in defined["answerOption"]}
                for answer in item["answer"]:
                    c = answer["valueCoding"]
                    if (c["system"], c["code"]) not in allowed:
                        problems.append(f'{url}: item {item["linkId"]}: {c["system"]}#{c["code"]} is not an answer option')
        if res["resourceType"] == "Observation":
            for ref in res.get("derivedFrom", []):
                target = by_url.get(ref["reference"])
                if target is None or target["resourceType"] != "QuestionnaireResponse":
                    problems.append(f'{url}: derivedFrom {ref["reference"]} is not a response in the Bundle')
    check_codes(data, questionnaires, problems)
    for p in problems:
        print(p)
    if problems:
        return 1
    print(", ".join(f"{n} {k}" for k, n in sorted(counts.items()))
          + ": valid FHIR R4, every reference resolves, LOINC codes as cited, "
          "each response in a language its questionnaire has")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
