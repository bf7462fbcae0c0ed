//! The analysis table worked by hand from the example record (`docs/examples/record.json`: TSP
//! pre-programme, consent, About you, BIS-11 and BSCS, every answer in easy-read wording).

use super::*;
use crate::record::{QuestionnaireResult, RecordedAnswer, ResultRecord, WordingKey};
use crate::record_set::RecordSet;
use qkit_questionnaires::{Kit, KitSources, Lang, SpecialAnswer, LOINC};
use qkit_scoring::Answer;

const EXAMPLE: &str = include_str!("../../../docs/examples/record.json");

fn kit() -> Kit {
    Kit::shipped_with_assessor().expect("the shipped kit is valid")
}

/// The example record with BIS-11 item 1 "Don't know", item 2 "I don't understand", item 3 in
/// the standard wording, re-scored.
fn record(kit: &Kit) -> ResultRecord {
    let mut r = ResultRecord::from_json(EXAMPLE.as_bytes()).expect("the example parses");
    let bis = r
        .questionnaires
        .iter_mut()
        .find(|q| q.id == "bis11")
        .expect("bis11");
    bis.answers[0].answer = Answer::Special(SpecialAnswer::DontKnow);
    bis.answers[1].answer = Answer::Special(SpecialAnswer::DontUnderstand);
    bis.answers[2].wording = WordingKey::Standard;
    rescore(kit, bis);
    r
}

fn rescore(kit: &Kit, result: &mut QuestionnaireResult) {
    let q = kit.questionnaire(&result.id).expect("in the kit");
    result.report = Some(result.score(q).expect("the answers fit"));
}

fn one(kit: &Kit, r: ResultRecord, lang: &str) -> Table {
    let mut set = RecordSet::new();
    set.add("a.age", r);
    table(kit, &set, &Lang::parse(lang).expect("a tag"))
}

fn var<'t>(t: &'t Table, name: &str) -> (usize, &'t Variable) {
    t.variables
        .iter()
        .enumerate()
        .find(|(_, v)| v.name == name)
        .unwrap_or_else(|| panic!("no variable {name}"))
}

#[test]
fn one_row_with_the_record_fields_then_each_questionnaire_it_holds() {
    let kit = kit();
    let t = one(&kit, record(&kit), "en");
    let names: Vec<&str> = t
        .variables
        .iter()
        .map(|v| v.name.as_str())
        .take(9)
        .collect();
    assert_eq!(
        names,
        [
            "participant",
            "programme",
            "timepoint",
            "completed",
            "language",
            "about_you_version",
            "about_you_wording",
            "about_you_language",
            "about_you_01",
        ]
    );
    // Only questionnaires the record holds: no PHQ-9, GAD-7, RSES or feedback columns.
    assert!(!t
        .variables
        .iter()
        .any(|v| v.name.starts_with("phq9") || v.name.starts_with("feedback")));
    assert_eq!(t.rows.len(), 1);
    let row = &t.rows[0];
    assert_eq!(row[0], Cell::Text("TSP-0421".into()));
    assert_eq!(row[1], Cell::Text("tsp".into()));
    assert_eq!(row[2], Cell::Int(1));
    assert_eq!(row[3], Cell::Text("2026-11-23T10:42:22Z".into()));
    assert_eq!(t.variables[0].storage, Storage::Text(8));
    assert!(t.notes.is_empty());
}

#[test]
fn special_answers_have_their_own_codes_and_unanswered_is_empty() {
    let kit = kit();
    let t = one(&kit, record(&kit), "en");
    let row = &t.rows[0];
    let (i, v) = var(&t, "bis11_01");
    assert_eq!(row[i], Cell::Int(-1));
    assert_eq!(row[var(&t, "bis11_02").0], Cell::Int(-3));
    assert_eq!(row[var(&t, "bis11_04").0], Cell::Int(2));
    let codes: Vec<(i32, &str)> = v
        .missing
        .iter()
        .map(|m| (m.code, m.label.as_str()))
        .collect();
    assert_eq!(
        codes,
        [
            (-1, "Don't know"),
            (-2, "Prefer not to say"),
            (-3, "I don't understand this question")
        ]
    );
    assert_eq!(
        v.values.iter().map(|x| x.code).collect::<Vec<_>>(),
        [1, 2, 3, 4]
    );
    assert_eq!(v.values[0].label, "Rarely/Never");
    assert_eq!(v.measure, Measure::Ordinal);
    assert_eq!(v.label, "I plan tasks carefully.");
    // Wording: easy-read for every answer but one.
    assert_eq!(
        row[var(&t, "bis11_wording").0],
        Cell::Int(wording_code::MIXED.into())
    );
    assert_eq!(
        row[var(&t, "bscs_wording").0],
        Cell::Int(wording_code::EASY_READ.into())
    );
    // The scores are the record's report: two answers fewer, prorated.
    let report = &t.rows[0][var(&t, "bis11_total").0];
    let expected = record(&kit).questionnaires[2]
        .report
        .as_ref()
        .expect("the example record is scored")
        .scales
        .last()
        .expect("BIS-11 has scales")
        .score;
    assert_eq!(*report, expected.map_or(Cell::Empty, Cell::Num));
    assert_eq!(var(&t, "bis11_total").1.measure, Measure::Scale);
}

#[test]
fn welsh_labels_where_the_definition_has_them_and_english_otherwise() {
    let kit = kit();
    let t = one(&kit, record(&kit), "cy");
    let (_, lang) = var(&t, "about_you_01");
    assert_eq!(
        lang.label,
        "Pa iaith yr hoffech chi ei defnyddio ar gyfer y rhaglen a'i holiaduron?"
    );
    assert_eq!(lang.values[0].label, "Saesneg (English)");
    assert_eq!(lang.measure, Measure::Nominal);
    assert_eq!(lang.missing[0].label, "Ddim yn gwybod");
    assert_eq!(var(&t, "timepoint").1.values[0].label, "Cyn y rhaglen");
    // The BIS-11 is in English only: its text stays English, the special answers are Welsh.
    let (_, bis) = var(&t, "bis11_01");
    assert_eq!(bis.label, "I plan tasks carefully.");
    assert_eq!(bis.missing[1].label, "Mae'n well gen i beidio â dweud");
}

#[test]
fn special_codes_go_below_negative_options_and_clashing_names_get_a_number() {
    let local = r##"{"format": 1, "id": "neg", "version": "1", "kind": "form",
      "title": {"en": "N"}, "instructions": {"en": "I"}, "languages": ["en"], "licence": "CC0",
      "source": "test", "minutes": 1,
      "response_scales": [{"id": "s", "options": [
        {"value": -2, "label": {"en": "Much worse"}, "colour": "#000000", "pictogram": "bars-0"},
        {"value": 2, "label": {"en": "Much better"}, "colour": "#000000", "pictogram": "bars-4"}]}],
      "special_answers": [{"kind": "dont_know", "policy": "missing"}],
      "items": [{"id": "neg_version", "text": {"en": "Q"}, "response_scale": "s"}]}"##;
    let kit = Kit::load(&KitSources::shipped_with_assessor().with_local([("neg.json", local)]))
        .expect("the local definition is valid");
    let q = kit
        .questionnaire("neg")
        .expect("the local definition is in the kit");
    assert_eq!(special_code(&q.items[0], SpecialAnswer::DontKnow), -3);
    assert_eq!(special_code(&q.items[0], SpecialAnswer::DontUnderstand), -5);
    let mut r = record(&kit);
    r.questionnaires.push(QuestionnaireResult {
        id: "neg".into(),
        version: "1".into(),
        content_hash: q.content_hash.clone(),
        answers: Vec::new(),
        report: None,
        outdated: false,
    });
    let t = one(&kit, r, "en");
    let names: Vec<&str> = t
        .variables
        .iter()
        .map(|v| v.name.as_str())
        .filter(|n| n.starts_with("neg"))
        .collect();
    assert_eq!(
        names,
        [
            "neg_version",
            "neg_wording",
            "neg_language",
            "neg_version_2"
        ]
    );
}

#[test]
fn the_csv_holds_codes_and_the_scripts_hold_the_labels() {
    let kit = kit();
    let t = one(&kit, record(&kit), "cy");
    let csv = data_csv(&t);
    let mut lines = csv.lines();
    assert!(lines
        .next()
        .expect("a header line")
        .starts_with("participant,programme,timepoint,completed,language,about_you_version"));
    assert!(lines
        .next()
        .expect("a header line")
        .starts_with("TSP-0421,tsp,1,2026-11-23T10:42:22Z,en,1.0.1,2,en,1,3,"));
    let r = r_script(&t, "data.csv");
    assert!(r.is_ascii());
    assert!(r.contains("qkit$bis11_01 <- qkit_factor(qkit$bis11_01, c(1L, 2L, 3L, 4L),"));
    assert!(r.contains(
        "c(-1L, -2L, -3L), c(\"Ddim yn gwybod\", \"Mae'n well gen i beidio \\u00e2 dweud\""
    ));
    let sps = spss_syntax(&t, "data.csv");
    assert!(sps.contains("  /bis11_01\n    1 \"Rarely/Never\"\n"));
    assert!(sps.contains("    -2 \"Mae'n well gen i beidio â dweud\"\n"));
    assert!(sps.contains("  /bis11_01 (-1, -2, -3)\n"));
    let book = codebook_csv(&kit, &t);
    let row = book
        .lines()
        .find(|l| l.starts_with("about_you_01,"))
        .expect("the codebook lists about_you_01");
    assert!(row.contains("1=Saesneg (English); 2=Cymraeg"));
    assert!(row.contains("in about_you_wording"));
    let md = codebook_markdown(&kit, &t);
    assert!(md.contains("sum of the keyed answers to 30 items"));
}

/// The example record with a PHQ-9 added: "Several days" (1) to every item but the last, which
/// is "I don't understand"; scored (8 answered, prorated: 8 x 9 / 8 = 9).
fn with_phq9(kit: &Kit) -> ResultRecord {
    let mut r = record(kit);
    let q = kit.questionnaire("phq9").expect("phq9 ships");
    let template = r.questionnaires[1].answers[0].clone();
    let answers = q
        .items
        .iter()
        .map(|item| RecordedAnswer {
            item: item.id.clone(),
            answer: if item.id == "phq9_09" {
                Answer::Special(SpecialAnswer::DontUnderstand)
            } else {
                Answer::Value(1)
            },
            wording: WordingKey::Standard,
            ..template.clone()
        })
        .collect();
    let result = QuestionnaireResult::scored(q, answers).expect("the answers fit");
    r.questionnaires.push(result);
    r
}

#[test]
fn fhir_and_the_codebook_carry_the_loinc_codes_the_definitions_cite() {
    let kit = kit();
    let mut set = RecordSet::new();
    set.add("a.age", with_phq9(&kit));
    let bundle = fhir::fhir_bundle(&kit, &set, &Lang::parse("en").expect("a tag"));
    let entries = bundle["entry"].as_array().expect("entries");
    let of = |kind: &'static str| {
        entries
            .iter()
            .map(|e| &e["resource"])
            .filter(move |r| r["resourceType"] == kind)
    };
    let url = |id: &str| format!("urn:qkit:questionnaire:{id}");
    let phq = of("Questionnaire")
        .find(|q| q["url"] == url("phq9"))
        .expect("the PHQ-9 Questionnaire");
    assert_eq!(phq["code"][0]["system"], LOINC);
    assert_eq!(phq["code"][0]["code"], "44249-1");
    assert_eq!(phq["item"][0]["linkId"], "phq9_01");
    assert_eq!(phq["item"][0]["code"][0]["code"], "44250-9");
    assert_eq!(phq["item"][8]["code"][0]["code"], "44260-8");
    let several =
        serde_json::json!({"system": LOINC, "code": "LA6569-3", "display": "Several days"});
    assert_eq!(phq["item"][0]["answerOption"][1]["valueCoding"], several);
    let ordinal = &phq["item"][0]["answerOption"][1]["extension"][0];
    assert_eq!(ordinal["url"], fhir::ORDINAL_VALUE);
    assert_eq!(ordinal["valueDecimal"], 1);
    // Special answers keep qkit's own code system: LOINC has no code for them here.
    assert_eq!(
        phq["item"][8]["answerOption"][6]["valueCoding"]["code"],
        "dont_understand"
    );
    let response = of("QuestionnaireResponse")
        .find(|r| r["questionnaire"] == format!("{}|{}", url("phq9"), "1.1.0"))
        .expect("the PHQ-9 response");
    assert_eq!(response["item"][0]["linkId"], "phq9_01");
    assert_eq!(response["item"][0]["answer"][0]["valueCoding"], several);
    // This total is prorated (8 of 9 answered): not LOINC's plain sum, so qkit's code only.
    let total = of("Observation")
        .find(|o| o["code"]["coding"][0]["code"] == "phq9.total")
        .expect("the PHQ-9 total, with qkit's code alone");
    assert_eq!(total["code"]["coding"].as_array().map(Vec::len), Some(1));
    assert_eq!(total["extension"][0]["url"], fhir::SCORE_STATUS_EXTENSION);
    assert_eq!(total["extension"][0]["valueCode"], "prorated");
    assert_eq!(total["valueQuantity"]["value"].as_f64(), Some(9.0));
    // Every item answered: the total is LOINC's 44261-6, with qkit's code second.
    let mut complete = with_phq9(&kit);
    let phq = complete.questionnaires.pop().expect("the PHQ-9 result");
    let q = kit.questionnaire("phq9").expect("phq9 ships");
    let mut answers = phq.answers;
    answers[8].answer = Answer::Value(2);
    complete
        .questionnaires
        .push(QuestionnaireResult::scored(q, answers).expect("the answers fit"));
    let mut set = RecordSet::new();
    set.add("b.age", complete);
    let bundle = fhir::fhir_bundle(&kit, &set, &Lang::parse("en").expect("a tag"));
    let total = bundle["entry"]
        .as_array()
        .expect("entries")
        .iter()
        .map(|e| &e["resource"])
        .find(|o| {
            o["resourceType"] == "Observation" && o["code"]["coding"][1]["code"] == "phq9.total"
        })
        .expect("the complete PHQ-9 total, with qkit's code second");
    assert_eq!(total["code"]["coding"][0]["code"], "44261-6");
    assert_eq!(total["extension"][0]["valueCode"], "ok");
    assert_eq!(total["valueQuantity"]["value"].as_f64(), Some(10.0));
    // BIS-11 cites no codes: none are given, and its score has qkit's code only.
    let bis = of("Questionnaire")
        .find(|q| q["url"] == url("bis11"))
        .expect("BIS-11");
    assert!(bis.get("code").is_none() && bis["item"][0].get("code").is_none());
    let bis_total = of("Observation")
        .find(|o| o["code"]["coding"][0]["code"] == "bis11.total")
        .expect("the BIS-11 total");
    assert_eq!(
        bis_total["code"]["coding"].as_array().map(Vec::len),
        Some(1)
    );

    let t = one(&kit, with_phq9(&kit), "en");
    let book = codebook_csv(&kit, &t);
    assert!(book
        .lines()
        .next()
        .expect("a header")
        .ends_with(",scoring,codes"));
    let row = |name: &str| {
        book.lines()
            .find(|l| l.starts_with(&format!("{name},")))
            .unwrap_or_else(|| panic!("no {name}"))
            .to_owned()
    };
    assert!(row("phq9_01").ends_with(
        ",\"LOINC 44250-9; options 0=LOINC LA6568-5, 1=LOINC LA6569-3, 2=LOINC LA6570-1, 3=LOINC LA6571-9\""
    ));
    assert!(row("phq9_total").ends_with(",LOINC 44261-6"));
    // An item whose definition cites no code has an empty codes cell.
    assert!(row("bis11_01").ends_with(", bis11_total\","));
    let md = codebook_markdown(&kit, &t);
    assert!(md
        .contains("Codes: LOINC 44249-1 (PHQ-9 quick depression assessment panel [Reported.PHQ])"));
}

#[path = "language_tests.rs"]
mod language;

#[path = "trust_tests.rs"]
mod trust;
