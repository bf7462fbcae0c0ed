//! Not on track, worked by hand on PHQ-9 (BBR measures it at pre and post): its reliable change
//! rule is 6 points (phq9.json: NHS Talking Therapies, via PMC8411661 Table 1), its alert is item
//! 9 answered above "Not at all" (phq9.json `alerts`), and its plausible minimum is 1.5 seconds
//! per item (phq9.json `validity.min_seconds_per_item`), below which answers are "too fast".

use super::*;
use qkit_export::{QuestionnaireResult, RecordedAnswer, ResultRecord};
use qkit_scoring::Answer;

const EXAMPLE: &str = include_str!("../../docs/examples/record.json");

/// A BBR record at `t` holding only PHQ-9, with these nine answers, each taking `seconds`.
fn phq9(kit: &Kit, who: &str, t: Timepoint, answers: [i32; 9], seconds: f64) -> ResultRecord {
    let mut r = ResultRecord::from_json(EXAMPLE.as_bytes()).expect("the example parses");
    let template = r.questionnaires[2].answers[0].clone();
    let q = kit.questionnaire("phq9").expect("PHQ-9 is shipped");
    let given: Vec<RecordedAnswer> = answers
        .iter()
        .enumerate()
        .map(|(i, &v)| RecordedAnswer {
            item: format!("phq9_0{}", i + 1),
            answer: Answer::Value(v),
            seconds,
            ..template.clone()
        })
        .collect();
    r.participant = who.to_owned();
    r.programme = "bbr".into();
    r.timepoint = t;
    r.record_id = format!("{who}-{t}");
    r.questionnaires = vec![QuestionnaireResult::scored(q, given).expect("the answers fit")];
    r
}

/// What `not_on_track` raises for `who` on BBR in `set`, by each scale's own reliable change rule.
fn alerts_of(kit: &Kit, set: &RecordSet, who: &str) -> Vec<Alert> {
    let records = set.get(who, "bbr").expect("in the set");
    not_on_track(kit, set, ("bbr", records), ReliableChangeChoice::Definition)
}

#[test]
fn deterioration_a_new_item_9_alert_and_a_flag_each_raise_an_alert_saying_why() {
    let kit = Kit::shipped_with_assessor().expect("shipped kit");
    let mut set = RecordSet::new();
    // Pre: 1+1+1+1+1 = 5, item 9 "Not at all" (0), 3 s an item.
    set.add(
        "pre.age",
        phq9(&kit, "A", Timepoint::Pre, [1, 1, 1, 1, 1, 0, 0, 0, 0], 3.0),
    );
    // Post: 2+2+1+1+1+1+1+1+1 = 11, six points up: reliable deterioration; item 9 now 1, an
    // alert it did not raise at pre; 1 s an item, under PHQ-9's 1.5: too fast.
    set.add(
        "post.age",
        phq9(&kit, "A", Timepoint::Post, [2, 2, 1, 1, 1, 1, 1, 1, 1], 1.0),
    );
    let alerts = alerts_of(&kit, &set, "A");
    let whys: Vec<(Timepoint, &str, &Why)> = alerts
        .iter()
        .map(|a| (a.timepoint, a.questionnaire.as_str(), &a.why))
        .collect();
    assert_eq!(whys.len(), 3, "{alerts:?}");
    assert_eq!(
        whys[0],
        (
            Timepoint::Post,
            "phq9",
            &Why::Deteriorated {
                scale: "total".into(),
                pair: Pair::PrePost,
                from: 5.0,
                to: 11.0
            }
        )
    );
    assert_eq!(
        whys[1],
        (
            Timepoint::Post,
            "phq9",
            &Why::NewAlert {
                item: "phq9_09".into()
            }
        )
    );
    assert!(matches!(
        whys[2],
        (
            Timepoint::Post,
            "phq9",
            Why::Flag(QualityFlag::TooFast { .. })
        )
    ));
}

#[test]
fn five_points_worse_an_alert_already_raised_before_and_plausible_timing_raise_nothing() {
    let kit = Kit::shipped_with_assessor().expect("shipped kit");
    let mut set = RecordSet::new();
    // Pre 5 with item 9 at 1; post 10 (five points: under the 6 the rule needs), item 9 still 1.
    set.add(
        "pre.age",
        phq9(&kit, "B", Timepoint::Pre, [1, 1, 1, 1, 0, 0, 0, 0, 1], 3.0),
    );
    set.add(
        "post.age",
        phq9(&kit, "B", Timepoint::Post, [2, 2, 1, 1, 1, 1, 0, 1, 1], 3.0),
    );
    assert_eq!(alerts_of(&kit, &set, "B"), []);
}

#[test]
fn item_9_first_seen_at_mid_or_post_with_no_earlier_phq9_is_a_new_alert() {
    let kit = Kit::shipped_with_assessor().expect("shipped kit");
    // phq9.json's alert: item 9 at least 1 ("Several days"). C has no PHQ-9 before post and
    // answers item 9 with 1, the threshold itself; D, also post only, answers it 0, under it;
    // E's first PHQ-9 is at pre with item 9 at 1: pre is where the team first sees him, not a
    // change, so nothing is raised there.
    let mut set = RecordSet::new();
    let answers = |item_9| [1, 0, 0, 1, 0, 0, 1, 0, item_9];
    set.add("c.age", phq9(&kit, "C", Timepoint::Post, answers(1), 3.0));
    set.add("d.age", phq9(&kit, "D", Timepoint::Post, answers(0), 3.0));
    set.add("e.age", phq9(&kit, "E", Timepoint::Pre, answers(1), 3.0));
    let alerts = |who: &str| alerts_of(&kit, &set, who);
    assert_eq!(
        alerts("C"),
        [Alert {
            timepoint: Timepoint::Post,
            questionnaire: "phq9".into(),
            why: Why::NewAlert {
                item: "phq9_09".into()
            }
        }]
    );
    assert_eq!(alerts("D"), []);
    assert_eq!(alerts("E"), []);
}
