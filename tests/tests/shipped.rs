//! The shipped kit: valid, complete, and consistent with what the app and the scoring expect.

use qkit_questionnaires::{ItemRole, Kit, Lang, QuestionnaireKind, Timepoint};

fn kit() -> Kit {
    Kit::shipped().unwrap_or_else(|e| panic!("shipped definitions are invalid:\n{e}"))
}

#[test]
fn every_battery_starts_with_consent_and_names_loaded_questionnaires() {
    let kit = kit();
    assert!(kit.programmes.len() >= 7);
    for p in &kit.programmes {
        for tp in Timepoint::ALL {
            let battery = kit.battery(&p.id, tp).expect("battery resolves");
            assert_eq!(battery[0].kind, QuestionnaireKind::Consent, "{} {tp}", p.id);
        }
    }
}

#[test]
fn the_published_instruments_ship_with_norms_and_their_published_sizes() {
    let kit = kit();
    for (id, items) in [
        ("phq9", 9),
        ("gad7", 7),
        ("rses", 10),
        ("bscs", 13),
        ("bis11", 30),
    ] {
        let q = kit
            .questionnaire(id)
            .unwrap_or_else(|| panic!("{id} ships"));
        assert_eq!(q.kind, QuestionnaireKind::Instrument);
        assert_eq!(q.items.len(), items, "{id}");
        let total = q.scales.iter().find(|s| s.items.len() == items);
        let total = total.unwrap_or_else(|| panic!("{id} has a total"));
        assert!(total.default_norm().is_some(), "{id} total has a norm");
    }
    let bis = kit.questionnaire("bis11").expect("bis11");
    assert_eq!(
        bis.scales.len(),
        10,
        "three second-order subscales, six first-order factors and the total"
    );
    // Patton, Stanford & Barratt (1995): the six first-order factors share out the 30 items, and
    // each second-order factor is two first-order ones.
    let items = |id: &str| -> Vec<usize> {
        let mut v: Vec<usize> = bis
            .scale(id)
            .expect(id)
            .items
            .iter()
            .map(|i| i + 1)
            .collect();
        v.sort_unstable();
        v
    };
    assert_eq!(items("attention"), [5, 9, 11, 20, 28]);
    assert_eq!(items("cognitive_instability"), [6, 24, 26]);
    assert_eq!(items("motor_first_order"), [2, 3, 4, 17, 19, 22, 25]);
    assert_eq!(items("perseverance"), [16, 21, 23, 30]);
    assert_eq!(items("self_control"), [1, 7, 8, 12, 13, 14]);
    assert_eq!(items("cognitive_complexity"), [10, 15, 18, 27, 29]);
    let union = |a: &str, b: &str| {
        let mut v = [items(a), items(b)].concat();
        v.sort_unstable();
        v
    };
    assert_eq!(
        items("attentional"),
        union("attention", "cognitive_instability")
    );
    assert_eq!(items("motor"), union("motor_first_order", "perseverance"));
    assert_eq!(
        items("non_planning"),
        union("self_control", "cognitive_complexity")
    );
    let mut all: Vec<usize> = ["attention", "cognitive_instability", "motor_first_order"]
        .into_iter()
        .chain(["perseverance", "self_control", "cognitive_complexity"])
        .flat_map(items)
        .collect();
    all.sort_unstable();
    assert_eq!(all, (1..=30).collect::<Vec<_>>());
}

#[test]
fn kit_forms_are_in_english_and_welsh_with_easy_read_for_every_item() {
    let kit = kit();
    let cy = Lang::parse("cy").expect("tag");
    for id in ["consent", "about_you", "feedback"] {
        let q = kit.questionnaire(id).expect("kit form ships");
        assert!(q.languages.contains(&cy), "{id} has Welsh");
        for item in &q.items {
            let easy = item.easy_read.as_ref();
            assert!(
                easy.is_some_and(|t| t.exact(&cy).is_some()),
                "{id}: {} has easy-read en+cy",
                item.id
            );
        }
    }
    assert!(kit.ui.has(&cy), "interface strings in Welsh");
}

#[test]
fn the_support_needs_form_carries_every_role_the_app_and_allocation_use() {
    let kit = kit();
    let about = kit.questionnaire("about_you").expect("about_you");
    for role in [
        ItemRole::PreferredLanguage,
        ItemRole::ReadingHelp,
        ItemRole::LearningNeeds,
        ItemRole::Availability,
        ItemRole::InWork,
        ItemRole::Site,
    ] {
        assert!(about.item_with_role(role).is_some(), "{role:?}");
    }
    let consent = kit.questionnaire("consent").expect("consent");
    let item = consent
        .item_with_role(ItemRole::Consent)
        .expect("consent item");
    assert!(item.response_scale.option_with_code("yes").is_some());
    assert!(item.response_scale.option_with_code("no").is_some());
}

#[test]
fn the_content_hash_ignores_formatting_but_not_content() {
    let (file, text) = qkit_questionnaires::shipped::DEFINITIONS
        .iter()
        .find(|(f, _)| *f == "gad7.json")
        .expect("gad7 ships");
    let a = qkit_questionnaires::load_questionnaire(file, text).expect("valid");
    // Re-printed with different whitespace and key order.
    let value: serde_json::Value = serde_json::from_str(text).expect("json");
    let pretty = serde_json::to_string_pretty(&value).expect("prints");
    assert_ne!(&pretty, text);
    let b = qkit_questionnaires::load_questionnaire(file, &pretty).expect("still valid");
    assert_eq!(a.content_hash, b.content_hash);
    let changed = text.replacen("Not at all", "Never", 1);
    let c = qkit_questionnaires::load_questionnaire(file, &changed).expect("still valid");
    assert_ne!(a.content_hash, c.content_hash);
    assert_eq!(a.content_hash.len(), 64);
}

/// PHQ-9 and GAD-7 cite their LOINC codes (the assessor side keeps them: qkit-export's `open`
/// turns on the codes feature); citing or correcting one changes neither version nor hash.
#[test]
fn phq9_and_gad7_cite_loinc_codes_left_out_of_the_content_hash() {
    let kit = kit();
    for (id, panel, total) in [
        ("phq9", "44249-1", "44261-6"),
        ("gad7", "69737-5", "70274-6"),
    ] {
        let q = kit.questionnaire(id).expect("ships");
        assert_eq!(q.codes[0].code, panel);
        assert_eq!(q.scales[0].codes[0].code, total);
        for item in &q.items {
            assert_eq!(item.codes.len(), 1, "{}", item.id);
            assert_eq!(item.codes[0].system, qkit_questionnaires::LOINC);
            assert!(!item.codes[0].source.is_empty());
        }
        let answers: Vec<&str> = q.items[0]
            .response_scale
            .options
            .iter()
            .map(|o| o.codes[0].code.as_str())
            .collect();
        assert_eq!(answers, ["LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"]);
        let (file, text) = qkit_questionnaires::shipped::DEFINITIONS
            .iter()
            .find(|(f, _)| *f == format!("{id}.json"))
            .expect("ships");
        let mut value: serde_json::Value = serde_json::from_str(text).expect("json");
        strip_codes(&mut value);
        let bare =
            qkit_questionnaires::load_questionnaire(file, &value.to_string()).expect("valid");
        assert!(bare.codes.is_empty() && bare.items.iter().all(|i| i.codes.is_empty()));
        assert_eq!(bare.content_hash, q.content_hash, "{id}");
    }
}

fn strip_codes(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            map.remove("codes");
            map.values_mut().for_each(strip_codes);
        }
        serde_json::Value::Array(list) => list.iter_mut().for_each(strip_codes),
        _ => {}
    }
}

/// docs/clinical.md, the page a psychologist reviews, describes the shipped definitions as they
/// are: every instrument at its current version, every norm with its verification status, every
/// reliable change rule, and the published codes it cites for itself and its scores.
#[test]
fn the_clinical_page_matches_the_definitions() {
    let doc = include_str!("../../docs/clinical.md");
    let kit = kit();
    let norms: usize = kit
        .questionnaires
        .values()
        .flat_map(|q| &q.scales)
        .map(|s| s.norms.len())
        .sum();
    assert!(
        doc.contains(&format!("Of the {norms} norm groups")),
        "docs/clinical.md counts the norm groups"
    );
    for q in kit.questionnaires.values().filter(|q| q.is_scored()) {
        let heading = format!("(`{}`, definition {})", q.id, q.version);
        let section = doc
            .split("\n## ")
            .find(|s| s.lines().next().is_some_and(|l| l.contains(&heading)))
            .unwrap_or_else(|| panic!("docs/clinical.md has no section {heading}"));
        // The published codes a definition cites: the panel and every score's.
        for code in q.codes.iter().chain(q.scales.iter().flat_map(|s| &s.codes)) {
            assert!(
                section.contains(&code.code),
                "{}: docs/clinical.md does not name code {}",
                q.id,
                code.code
            );
        }
        for scale in &q.scales {
            for n in &scale.norms {
                let row = section
                    .lines()
                    .find(|l| l.starts_with(&format!("| `{}`", n.id)))
                    .unwrap_or_else(|| panic!("{}: no row for norm {}", q.id, n.id));
                let status = if n.verified {
                    "| **verified** |"
                } else {
                    "| not verified |"
                };
                assert!(
                    row.contains(status),
                    "{}: {} should say {status}",
                    q.id,
                    n.id
                );
                assert!(
                    row.contains(&format!("| {} |", n.n)),
                    "{}: {} n",
                    q.id,
                    n.id
                );
            }
            let rule = match &scale.reliable_change {
                Some(qkit_questionnaires::ReliableChangeRule::Points { .. }) => "(`points`)",
                Some(qkit_questionnaires::ReliableChangeRule::Norm { .. }) => "(`norm`)",
                Some(qkit_questionnaires::ReliableChangeRule::CohortPre { .. }) => "(`cohort_pre`)",
                None => "**Reliable change:** no rule",
            };
            if !scale.norms.is_empty() || scale.reliable_change.is_some() {
                assert!(section.contains(rule), "{}: {} rule {rule}", q.id, scale.id);
            }
        }
    }
}
