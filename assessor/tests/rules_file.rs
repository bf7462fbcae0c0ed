//! A local pathway rules file in the assessor area: good rules are used in place of the shipped
//! ones, a bad file is refused with its name and changes nothing, rules are checked against the
//! kit in use (local questionnaires included) and again when local questionnaires change it, and
//! a rules file is taken with results held too.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use qkit_allocation::rules::SHIPPED;
use qkit_allocation::{Intensity, Level};
use qkit_assessor::browser::files::ReadError;
use qkit_assessor::model::local::Refused;
use qkit_assessor::model::rules_file::{load, rules_for};
use qkit_assessor::state::Action;
use qkit_export::RecordSet;
use qkit_questionnaires::local_kit::Chosen;
use qkit_questionnaires::shipped::BATTERIES;
use qkit_questionnaires::{Timepoint, BATTERIES_FILE};
use std::rc::Rc;
use yew::Reducible;

const EXAMPLE: &str = include_str!("../../tests/definitions/valid/example.json");

/// The shipped rules with every need × risk cell giving high intensity.
fn all_high() -> String {
    let mut r: serde_json::Value = serde_json::from_str(SHIPPED.1).expect("JSON");
    for need in ["low", "medium", "high"] {
        for risk in ["low", "medium", "high"] {
            r["pathway"][need][risk] = "high_intensity".into();
        }
    }
    r["id"] = "all_high".into();
    r.to_string()
}

/// The shipped rules with a domain mapped from the local example questionnaire's bands.
fn with_example() -> String {
    let mut r: serde_json::Value = serde_json::from_str(SHIPPED.1).expect("JSON");
    let domains = r["domains"].as_array_mut().expect("domains");
    domains.push(serde_json::json!({
        "id": "planning", "title": "Planning",
        "sources": [{"questionnaire": "example", "scale": "total",
                     "bands": {"low": "high", "high": "low"}}]
    }));
    r.to_string()
}

/// A chosen file's bytes, or why they were not read.
type Read = Result<Vec<u8>, ReadError>;

fn bytes(text: &str) -> Read {
    Ok(text.as_bytes().to_vec())
}

fn lines(refused: &Refused) -> Vec<String> {
    assert!(matches!(refused, Refused::Rules(_)), "{refused:?}");
    let lines = refused.lines();
    assert!(!lines.is_empty());
    lines
}

fn local_files(example: &str) -> Vec<(String, Chosen)> {
    let mut b: serde_json::Value = serde_json::from_str(BATTERIES.1).expect("JSON");
    b["programmes"][0]["pre"] = serde_json::json!(["consent", "example"]);
    vec![
        ("example.json".to_owned(), Chosen::Text(example.to_owned())),
        (BATTERIES_FILE.to_owned(), Chosen::Text(b.to_string())),
    ]
}

#[test]
fn good_rules_are_used_in_place_of_the_shipped_ones() {
    let kit = common::kit();
    let shipped = rules_for(&kit, None).expect("shipped rules");
    assert_eq!(
        shipped.pathway_for(Level::High, Level::Low),
        Intensity::NotRecommended
    );
    let (file, rules) = load(&kit, "ours.json", bytes(&all_high())).expect("good rules");
    assert_eq!(file.name, "ours.json");
    assert_eq!(rules.id, "all_high");
    assert_eq!(rules.pathway_for(Level::High, Level::Low), Intensity::High);
    assert_eq!(rules_for(&kit, Some(&file)), Ok(rules));
}

#[test]
fn a_broken_rules_file_is_refused_with_its_name() {
    let kit = common::kit();
    let cases: [(&str, Read, &str); 6] = [
        ("broken.json", bytes("{\"format\": 1,"), "EOF while parsing"),
        ("empty.json", bytes(""), "the file is empty"),
        ("junk.json", Ok(vec![0xff, 0xfe, 0x80]), "not UTF-8 text"),
        ("phq9.json", bytes(EXAMPLE), "unknown field"),
        (
            "format2.json",
            bytes(&SHIPPED.1.replacen("\"format\": 1", "\"format\": 2", 1)),
            "format 2 is not supported",
        ),
        (
            "huge.json",
            Err(ReadError::TooLarge {
                size: 50.0 * 1024.0 * 1024.0,
                limit: qkit_allocation::MAX_RULES_BYTES,
            }),
            "file is 52428800 bytes; the limit is 262144 bytes",
        ),
    ];
    for (name, read, says) in cases {
        let refused = load(&kit, name, read).expect_err(name);
        for line in lines(&refused) {
            assert!(line.starts_with(&format!("{name}: ")), "{line}");
        }
        assert!(
            refused.lines().iter().any(|l| l.contains(says)),
            "{name}: {:?} should say {says}",
            refused.lines()
        );
    }
}

#[test]
fn rules_naming_an_unknown_questionnaire_are_refused() {
    let kit = common::kit();
    let refused = load(&kit, "planning.json", bytes(&with_example()))
        .expect_err("example is not in the shipped kit");
    let lines = lines(&refused);
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("planning.json: ")
                && l.contains("unknown questionnaire \"example\"")),
        "{lines:?}"
    );
}

#[test]
fn the_reducer_uses_good_rules_keeps_them_on_lock_and_refuses_bad_ones() {
    let s = Rc::new(common::state());
    let shipped = s.rules.clone();
    let s = s.reduce(Action::LoadRules {
        name: "empty.json".to_owned(),
        read: bytes(""),
    });
    assert!(
        Rc::ptr_eq(&s.rules, &shipped),
        "a refused file changes no rules"
    );
    assert!(matches!(s.local.rules_problem, Some(Refused::Rules(_))));
    assert_eq!(s.local.rules_file, None);

    let s = s.reduce(Action::LoadRules {
        name: "ours.json".to_owned(),
        read: bytes(&all_high()),
    });
    assert_eq!(s.rules.id, "all_high");
    assert_eq!(s.local.rules_problem, None);
    assert_eq!(
        s.local.rules_file.as_ref().map(|f| f.name.as_str()),
        Some("ours.json")
    );
    let ours = s.rules.clone();

    // Rules hold no answers: locking keeps them.
    let s = s.reduce(Action::Lock);
    assert!(Rc::ptr_eq(&s.rules, &ours));
    assert_eq!(
        s.local.rules_file.as_ref().map(|f| f.name.as_str()),
        Some("ours.json")
    );

    // With a result held (imports land only while a key is unlocked), a chosen rules file is
    // taken too: rules decide pathways, not whether a record fits.
    let s = common::unlocked((*s).clone());
    let mut set = RecordSet::new();
    set.add(
        "held.age",
        common::record(&common::kit(), "HELD01", Timepoint::Pre, 0),
    );
    let s = s.reduce(Action::ImportFinished {
        records: Rc::new(set),
        ms: 1.0,
    });
    let s = s.reduce(Action::LoadRules {
        name: "shipped.json".to_owned(),
        read: bytes(SHIPPED.1),
    });
    assert_eq!(s.local.rules_problem, None);
    assert_ne!(s.rules.id, ours.id, "the shipped rules again");
    assert_eq!(
        s.local.rules_file.as_ref().map(|f| f.name.as_str()),
        Some("shipped.json")
    );
}

#[test]
fn rules_use_local_questionnaires_and_are_checked_again_when_they_change() {
    let s = Rc::new(common::state());
    let s = s.reduce(Action::AddLocal(local_files(EXAMPLE)));
    assert_eq!(s.local.problem, None);
    let s = s.reduce(Action::LoadRules {
        name: "planning.json".to_owned(),
        read: bytes(&with_example()),
    });
    assert_eq!(s.local.rules_problem, None);
    assert!(s.rules.domains.iter().any(|d| d.id == "planning"));
    let (kit, rules) = (s.kit.clone(), s.rules.clone());

    // A new version of the example without the band the rules map: the questionnaires are
    // refused with the rules file's problem, and nothing changes.
    let renamed = EXAMPLE.replace("\"id\": \"high\"", "\"id\": \"top\"");
    assert_ne!(renamed, EXAMPLE, "the band was renamed");
    let s = s.reduce(Action::AddLocal(local_files(&renamed)));
    let Some(refused) = &s.local.problem else {
        panic!("the new example should be refused");
    };
    let lines = lines(refused);
    assert!(
        lines.iter().all(|l| l.starts_with("planning.json: ")),
        "{lines:?}"
    );
    assert!(
        lines.iter().any(|l| l.contains("has no band \"high\"")),
        "{lines:?}"
    );
    assert!(Rc::ptr_eq(&s.kit, &kit));
    assert!(Rc::ptr_eq(&s.rules, &rules));
    assert_eq!(
        s.local.rules_file.as_ref().map(|f| f.name.as_str()),
        Some("planning.json")
    );
}
