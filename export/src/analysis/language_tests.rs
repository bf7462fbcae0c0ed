//! The language each questionnaire was shown in, as the analysis table and codebook give it
//! (the record keeps the language of each answer).

use super::*;

/// A Welsh sitting: consent and About you in Welsh; BIS-11 and BSCS have no Welsh text, so
/// their answers were shown in English. BSCS's second answer is made Welsh by hand, to stand
/// for a questionnaire with both languages where staff switched part-way through.
pub(super) fn welsh_sitting(kit: &Kit) -> ResultRecord {
    let mut r = record(kit);
    r.language = "cy".into();
    for q in &mut r.questionnaires {
        let lang = if q.id == "about_you" || q.id == "consent" {
            "cy"
        } else {
            "en"
        };
        for a in &mut q.answers {
            a.language = lang.into();
        }
    }
    let bscs = r
        .questionnaires
        .iter_mut()
        .find(|q| q.id == "bscs")
        .expect("bscs");
    bscs.answers[1].language = "cy".into();
    r
}

#[test]
fn each_questionnaire_says_the_language_its_questions_were_shown_in() {
    let kit = kit();
    let t = one(&kit, welsh_sitting(&kit), "en");
    let at = |name: &str| t.rows[0][var(&t, name).0].clone();
    assert_eq!(at("language"), Cell::Text("cy".into()));
    assert_eq!(at("about_you_language"), Cell::Text("cy".into()));
    assert_eq!(at("bis11_language"), Cell::Text("en".into()));
    // First shown in English, then in Welsh.
    assert_eq!(at("bscs_language"), Cell::Text("en+cy".into()));
    assert_eq!(var(&t, "bscs_language").1.label, "BSCS: language shown");
    let book = codebook_csv(&kit, &t);
    assert!(book
        .lines()
        .any(|l| l.starts_with("bscs_language,bscs,") && l.contains(",language,text,nominal,")));
}

#[test]
fn a_questionnaire_with_no_answers_has_no_language() {
    let result = QuestionnaireResult {
        id: "bscs".into(),
        version: "1".into(),
        content_hash: String::new(),
        answers: Vec::new(),
        report: None,
        outdated: false,
    };
    assert_eq!(languages_shown(&result), None);
}
