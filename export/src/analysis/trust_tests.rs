//! What a reader needs to trust the numbers: how each score was given (its status column), every
//! result left out named (`left_out.csv`), and each FHIR response in the language its questions
//! were shown in. Worked by hand from the example record with a PHQ-9 added (`with_phq9`).

use super::*;
use qkit_questionnaires::Timepoint;

/// `with_phq9`'s record with only the first `answered` PHQ-9 items kept, scored again.
fn phq9_answered(kit: &Kit, answered: usize) -> ResultRecord {
    let mut r = with_phq9(kit);
    let phq9 = r.questionnaires.last_mut().expect("PHQ-9 was added last");
    phq9.answers.truncate(answered);
    for a in &mut phq9.answers {
        a.answer = Answer::Value(1);
    }
    rescore(kit, phq9);
    r
}

#[test]
fn each_score_says_whether_it_was_prorated_or_not_given() {
    let kit = kit();
    // PHQ-9 needs 7 of its 9 items and prorates: 9 answered "Several days" (1) sum to 9 (ok),
    // 8 give 8 x 9 / 8 = 9 (prorated), 6 are too few (no score).
    for (answered, score, status) in [
        (9, Cell::Num(9.0), status_code::OK),
        (8, Cell::Num(9.0), status_code::PRORATED),
        (6, Cell::Empty, status_code::NOT_SCORABLE),
    ] {
        let t = one(&kit, phq9_answered(&kit, answered), "en");
        let at = |name: &str| t.rows[0][var(&t, name).0].clone();
        assert_eq!(at("phq9_total"), score, "{answered} answered");
        assert_eq!(at("phq9_total_status"), Cell::Int(status.into()));
    }
    let t = one(&kit, phq9_answered(&kit, 9), "en");
    // The status follows the score and its band, so every earlier name stays as it was.
    let (score, _) = var(&t, "phq9_total");
    let (status, v) = var(&t, "phq9_total_status");
    assert_eq!(t.variables[score + 1].name, "phq9_total_band");
    assert_eq!(status, score + 2);
    assert_eq!(
        v.label,
        "PHQ-9: how the Depression severity (PHQ-9 total) score was given"
    );
    assert_eq!(v.measure, Measure::Nominal);
    let labels: Vec<(i32, &str)> = v
        .values
        .iter()
        .map(|x| (x.code, x.label.as_str()))
        .collect();
    assert_eq!(
        labels,
        [
            (1, "Scored from every item needed"),
            (2, "Prorated for missing items"),
            (3, "Not scored: too few items answered")
        ]
    );
    // R reads it as a factor, SPSS with value labels; the codebook gives the rule.
    let r = r_script(&t, DATA_FILE);
    assert!(
        r.contains("qkit$phq9_total_status <- qkit_factor(qkit$phq9_total_status, c(1L, 2L, 3L),")
    );
    let sps = spss_syntax(&t, DATA_FILE);
    assert!(sps.contains("    phq9_total_status F8.0\n"));
    assert!(sps.contains("  /phq9_total_status\n    1 \"Scored from every item needed\"\n"));
    let book = codebook_csv(&kit, &t);
    let line = book
        .lines()
        .find(|l| l.starts_with("phq9_total_status,"))
        .expect("the codebook lists the status");
    assert!(line.contains(",score_status,code,nominal,"), "{line}");
    assert!(line.contains("how phq9_total was given: 1 = from every item it needs, 2 = prorated"));
    assert!(line.contains("3 = not scored (fewer than 7 answered)"));
    let welsh = one(&kit, phq9_answered(&kit, 9), "cy");
    assert_eq!(
        var(&welsh, "phq9_total_status").1.values[1].label,
        "Pro rata am eitemau coll"
    );
}

#[test]
fn every_result_left_out_is_named_with_both_versions() {
    let kit = kit();
    let mut r = record(&kit);
    r.participant = "C-3".into();
    let bscs = r
        .questionnaires
        .iter_mut()
        .find(|q| q.id == "bscs")
        .expect("the example record has BSCS");
    bscs.version = "1.0.0".into();
    bscs.content_hash = "0".repeat(64);
    bscs.outdated = true;
    bscs.report = None;
    bscs.answers.truncate(5);
    // Its row keeps the version it was answered under, and nothing else of it.
    let t = one(&kit, r.clone(), "en");
    let at = |name: &str| t.rows[0][var(&t, name).0].clone();
    assert_eq!(at("bscs_version"), Cell::Text("1.0.0".into()));
    assert_eq!(at("bscs_01"), Cell::Empty);
    assert_eq!(at("bscs_total_status"), Cell::Empty);
    let mut set = RecordSet::new();
    set.add("a.age", r);
    let export = export_files(&kit, &set, Format::Spss, &Lang::english());
    let bscs_version = &kit.questionnaire("bscs").expect("bscs ships").version;
    assert_eq!(
        export.notes,
        [Note {
            participant: "C-3".into(),
            programme: "tsp".into(),
            timepoint: Timepoint::Pre,
            questionnaire: "bscs".into(),
            version: "1.0.0".into(),
            kit_version: Some(bscs_version.clone()),
            reason: LeftOut::ChangedDuringSitting,
            answers: 5,
        }]
    );
    let file = export
        .files
        .iter()
        .find(|f| f.name == LEFT_OUT_FILE)
        .expect("every export has left_out.csv");
    assert_eq!(
        file.text,
        format!(
            "participant,programme,timepoint,questionnaire,answered_version,kit_version,answers,reason\n\
             C-3,tsp,1,bscs,1.0.0,{bscs_version},5,definition_changed_during_sitting\n"
        )
    );
    // Nothing left out: the header alone, in every format.
    for format in Format::ALL {
        let clean = export_files(
            &kit,
            &{
                let mut s = RecordSet::new();
                s.add("b.age", record(&kit));
                s
            },
            format,
            &Lang::english(),
        );
        let left = clean.files.iter().find(|f| f.name == LEFT_OUT_FILE);
        assert_eq!(left.map(|f| f.text.lines().count()), Some(1), "{format:?}");
    }
}

#[test]
fn a_fhir_response_is_in_the_language_its_questions_were_shown_in() {
    let kit = kit();
    // About you shown in Welsh; BSCS in English but for its second answer, given after staff
    // switched to Welsh part-way through.
    let r = super::language::welsh_sitting(&kit);
    let bscs = r
        .questionnaires
        .iter()
        .find(|q| q.id == "bscs")
        .expect("bscs");
    let second = bscs.answers[1].item.clone();
    assert_eq!(main_language(bscs), Some("en"));
    let mut set = RecordSet::new();
    set.add("a.age", r);
    let bundle = fhir::fhir_bundle(&kit, &set, &Lang::english());
    let response = |q: &str| {
        bundle["entry"]
            .as_array()
            .expect("entries")
            .iter()
            .map(|e| &e["resource"])
            .find(|r| {
                r["resourceType"] == "QuestionnaireResponse"
                    && r["questionnaire"].as_str().is_some_and(|u| u.contains(q))
            })
            .expect("a response")
            .clone()
    };
    let about = response("about_you");
    assert_eq!(about["language"], "cy");
    // Its texts are the Welsh ones shown, though the export's labels are English.
    let about_q = kit.questionnaire("about_you").expect("ships");
    let cy = Lang::parse("cy").expect("a tag");
    assert_eq!(about["item"][0]["text"], about_q.items[0].text.get(&cy));
    let bscs = response("bscs");
    assert_eq!(bscs["language"], "en");
    let language_marks: Vec<(String, String)> = bscs["item"]
        .as_array()
        .expect("items")
        .iter()
        .flat_map(|item| {
            item["extension"]
                .as_array()
                .expect("extensions")
                .iter()
                .filter(|e| e["url"] == fhir::LANGUAGE_EXTENSION)
                .map(|e| {
                    (
                        item["linkId"].as_str().unwrap_or_default().to_owned(),
                        e["valueCode"].as_str().unwrap_or_default().to_owned(),
                    )
                })
        })
        .collect();
    assert_eq!(language_marks, [(second, "cy".to_owned())]);
}

#[test]
fn the_main_language_is_the_most_used_and_the_first_of_a_tie() {
    let kit = kit();
    let mut r = record(&kit);
    let bscs = r
        .questionnaires
        .iter_mut()
        .find(|q| q.id == "bscs")
        .expect("bscs");
    bscs.answers.truncate(4);
    for (a, lang) in bscs.answers.iter_mut().zip(["cy", "en", "en", "cy"]) {
        a.language = lang.into();
    }
    assert_eq!(main_language(bscs), Some("cy"));
    bscs.answers[0].language = "en".into();
    assert_eq!(main_language(bscs), Some("en"));
    bscs.answers.clear();
    assert_eq!(main_language(bscs), None);
}
