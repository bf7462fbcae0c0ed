//! What the table and series note about how a record was answered: questionnaires answered
//! under an older definition, and questionnaires a Welsh sitting showed in English.

use crate::common::{kit, record};
use qkit_assessor::model::cohort::{table, Cell};
use qkit_assessor::model::series::series;
use qkit_export::RecordSet;
use qkit_questionnaires::Timepoint;
use qkit_scoring::ReliableChangeChoice;

#[test]
fn a_questionnaire_answered_under_an_older_definition_is_shown_but_not_scored() {
    let kit = kit();
    let mut r = record(&kit, "A1", Timepoint::Pre, 0);
    let bis = r
        .questionnaires
        .iter_mut()
        .find(|q| q.id == "bis11")
        .expect("the TSP pre battery has the BIS-11");
    bis.outdated = true;
    bis.version = "0.9.0".into();
    bis.report = None;
    let mut s = RecordSet::new();
    s.add("a.age", r);
    let t = table(&kit, &s);
    let bis_cols: Vec<usize> = (0..t.columns.len())
        .filter(|&i| t.columns[i].questionnaire == "bis11")
        .collect();
    assert_eq!(bis_cols.len(), 10);
    for i in bis_cols {
        assert_eq!(t.rows[0].cells[i], Cell::Outdated);
    }
    let records = s.get("A1", "tsp").unwrap();
    assert!(
        series(&kit, &s, ("tsp", records), ReliableChangeChoice::Definition)
            .iter()
            .all(|x| x.questionnaire != "bis11")
    );
    let outdated = qkit_assessor::model::series::outdated_questionnaires(&kit, records);
    assert_eq!(outdated.len(), 1);
    assert_eq!(
        (
            outdated[0].questionnaire.as_str(),
            outdated[0].version.as_str()
        ),
        ("bis11", "0.9.0")
    );
}

#[test]
fn a_welsh_sitting_notes_each_questionnaire_shown_in_english() {
    use qkit_assessor::model::series::{notes, Note};
    let kit = kit();
    // TSP pre in Welsh: consent and About you have Welsh text; BIS-11 and BSCS do not, so
    // their questions were shown (and each answer recorded) in English.
    let mut r = record(&kit, "A1", Timepoint::Pre, 0);
    r.language = "cy".into();
    for q in &mut r.questionnaires {
        let shown = if ["consent", "about_you"].contains(&q.id.as_str()) {
            "cy"
        } else {
            "en"
        };
        for a in &mut q.answers {
            a.language = shown.into();
        }
    }
    let mut s = RecordSet::new();
    s.add("a.age", r);
    let records = s.get("A1", "tsp").expect("added");
    let language: Vec<(String, Note)> = notes(records)
        .into_iter()
        .filter(|(_, _, n)| matches!(n, Note::Language { .. }))
        .map(|(_, q, n)| (q, n))
        .collect();
    let english = |q: &str| {
        (
            q.to_owned(),
            Note::Language {
                shown: "en".into(),
                sitting: "cy".into(),
            },
        )
    };
    assert_eq!(language, [english("bis11"), english("bscs")]);
}
