"""Checks a qkit FHIR export with an independent library: fhir.resources 6.4 (FHIR R4, 4.0.1).

Usage: tools/venv/bin/python tests/analysis/check_fhir.py BUNDLE.json

Every resource in the Bundle must parse as its R4 model, and:
- each QuestionnaireResponse's `questionnaire` ("url|version") names exactly one Questionnaire
  in the Bundle with that url and that version;
- each answered item's linkId is an item of that Questionnaire, and its answer's coding is one
  of that item's answer options;
- each Observation is derived from a QuestionnaireResponse in the Bundle.
Prints one line per problem and exits 1 if there is any; else prints what it checked.
"""

import json
import sys

from fhir.resources import construct_fhir_element
from fhir.resources.bundle import Bundle


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
    for p in problems:
        print(p)
    if problems:
        return 1
    print(", ".join(f"{n} {k}" for k, n in sorted(counts.items())) + ": valid FHIR R4, every reference resolves")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
