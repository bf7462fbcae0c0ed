//! Series of scores over time, with the change from first to last.

use crate::common::{kit, set};
use qkit_assessor::model::series::series;
use qkit_questionnaires::Timepoint;
use qkit_scoring::change::{ChangeCategory, Outcome};
use qkit_scoring::ReliableChangeChoice;

#[test]
fn series_carry_scores_over_time_and_the_change_from_first_to_last() {
    let kit = kit();
    let s = set(
        &kit,
        &[
            ("A1", Timepoint::Pre, 1),
            ("A1", Timepoint::Mid, 0),
            ("A1", Timepoint::Post, -2),
        ],
    );
    let all = series(
        &kit,
        &s,
        ("tsp", s.get("A1", "tsp").unwrap()),
        ReliableChangeChoice::Definition,
    );
    let total = all
        .iter()
        .find(|x| x.questionnaire == "bis11" && x.scale == "total")
        .unwrap();
    assert!(total.at[0].is_some() && total.at[1].is_none() && total.at[2].is_some());
    let change = total.change.clone().unwrap().unwrap();
    assert_eq!(change.pair.key(), "pre_post");
    assert_eq!(change.from, total.at[0].as_ref().unwrap().score);
    assert_eq!(change.to, total.at[2].as_ref().unwrap().score);
    // Every answer three points lower on 29 items: a reliable improvement in impulsiveness.
    assert!(matches!(
        change.outcome,
        Outcome::Category(ChangeCategory::Improved | ChangeCategory::Recovered)
    ));
    let bscs = all.iter().find(|x| x.questionnaire == "bscs").unwrap();
    assert_eq!(bscs.timepoints().count(), 3);
    assert_eq!(bscs.change.clone().unwrap().unwrap().pair.key(), "pre_post");
    // A subscale without a norm: change is computed but not assessable.
    let motor = all.iter().find(|x| x.scale == "motor").unwrap();
    assert!(matches!(
        motor.change.clone().unwrap().unwrap().outcome,
        Outcome::NotAssessable(_)
    ));
    // One timepoint: no change.
    let one = set(&kit, &[("B2", Timepoint::Pre, 0)]);
    assert!(series(
        &kit,
        &one,
        ("tsp", one.get("B2", "tsp").unwrap()),
        ReliableChangeChoice::Definition
    )
    .iter()
    .all(|x| x.change.is_none()));
}
