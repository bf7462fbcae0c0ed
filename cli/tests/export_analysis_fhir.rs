//! `qkit export --format fhir`: the Bundle is valid FHIR R4 by an independent library (Python's
//! fhir.resources 6.4, in tools/venv: `./kit setup`), every response's `questionnaire` resolves
//! to the exported Questionnaire of the same version, and every answer is one of its item's
//! options; each response is in the language its questions were shown in. The checker itself
//! is shown to fail on a response pointing to another version, and on a response in a language
//! its questionnaire has no text in.

mod analysis_common;

use analysis_common::{export, sealed_folder, tool, ROOT};
use serde_json::Value;
use std::path::Path;

fn python() -> String {
    format!("{ROOT}/tools/venv/bin/python")
}

fn check(bundle: &Path) -> std::process::Output {
    std::process::Command::new(python())
        .args([
            &format!("{ROOT}/tests/analysis/check_fhir.py"),
            bundle.to_str().unwrap(),
        ])
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "cannot run {} ({e}): this test needs fhir.resources; run ./kit setup",
                python()
            )
        })
}

#[test]
fn the_bundle_is_valid_r4_and_every_response_resolves_to_its_questionnaire() {
    let dir = sealed_folder("analysis-fhir");
    for lang in ["en", "cy"] {
        let out = export(&dir, "fhir", lang);
        let bundle_path = out.join("qkit-fhir.json");
        let said = tool(
            &out,
            &python(),
            &[
                &format!("{ROOT}/tests/analysis/check_fhir.py"),
                bundle_path.to_str().unwrap(),
            ],
            "fhir.resources",
        );
        // Three records of 7 questionnaires each (tc pre: consent, About you, RSES, PHQ-9,
        // GAD-7, BIS-11, BSCS; post: feedback for About you); all 8 shipped definitions.
        assert!(said.contains("21 QuestionnaireResponse"), "{said}");
        assert!(said.contains("8 Questionnaire,"), "{said}");
        let bundle: Value =
            serde_json::from_str(&std::fs::read_to_string(&bundle_path).unwrap()).unwrap();
        let entries = bundle["entry"].as_array().unwrap();
        // B-2's response to questionnaire `q` (a Welsh sitting).
        let b2 = |q: &str| {
            entries
                .iter()
                .map(|e| &e["resource"])
                .find(|r| {
                    r["resourceType"] == "QuestionnaireResponse"
                        && r["subject"]["identifier"]["value"] == "B-2"
                        && r["questionnaire"].as_str().unwrap().contains(q)
                })
                .unwrap()
        };
        let phq9 = b2("phq9");
        // PHQ-9 has no Welsh text: a Welsh sitting showed it in English.
        assert_eq!(phq9["language"], "en");
        let about_you = b2("about_you");
        assert_eq!(about_you["language"], "cy");
        assert_eq!(phq9["questionnaire"], "urn:qkit:questionnaire:phq9|1.1.0");
        let first = &phq9["item"][0];
        assert_eq!(first["linkId"], "phq9_01");
        // Option 2 of PHQ-9 cites its LOINC answer, which the response carries.
        assert_eq!(
            first["answer"][0]["valueCoding"]["code"], "LA6570-1",
            "More than half the days"
        );
        assert!(said.contains("LOINC codes as cited"), "{said}");
        let about = entries
            .iter()
            .map(|e| &e["resource"])
            .find(|r| {
                r["resourceType"] == "Questionnaire"
                    && r["url"] == "urn:qkit:questionnaire:about_you"
            })
            .unwrap();
        let welsh = about["item"][0]["answerOption"][1]["valueCoding"]["display"]
            .as_str()
            .unwrap();
        assert_eq!(
            welsh,
            if lang == "cy" {
                "Cymraeg"
            } else {
                "Welsh (Cymraeg)"
            }
        );

        // The checker fails a response that points to a version not in the Bundle.
        let wrong =
            std::fs::read_to_string(&bundle_path)
                .unwrap()
                .replacen("phq9|1.1.0", "phq9|1.0.0", 1);
        let wrong_path = out.join("wrong.json");
        std::fs::write(&wrong_path, wrong).unwrap();
        let run = check(&wrong_path);
        assert_eq!(run.status.code(), Some(1));
        assert!(String::from_utf8_lossy(&run.stdout)
            .contains("questionnaire urn:qkit:questionnaire:phq9|1.0.0 is not in the Bundle"));

        // And a PHQ-9 response said to be in Welsh, which PHQ-9 has no text in.
        let mut welsh_phq9 = bundle.clone();
        for e in welsh_phq9["entry"].as_array_mut().unwrap() {
            let r = &mut e["resource"];
            if r["id"] == phq9["id"] {
                r["language"] = "cy".into();
            }
        }
        let wrong_path = out.join("wrong-language.json");
        std::fs::write(&wrong_path, welsh_phq9.to_string()).unwrap();
        let run = check(&wrong_path);
        assert_eq!(run.status.code(), Some(1));
        assert!(String::from_utf8_lossy(&run.stdout)
            .contains("language cy but phq9 has text only in en"));
    }
}
