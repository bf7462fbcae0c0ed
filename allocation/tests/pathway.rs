//! Pathway decisions with the shipped rules, natively and in WebAssembly.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use qkit_allocation::pathway::Missing;
use qkit_allocation::{
    attendance, decide, override_pathway, Attendance, Availability, Cohort, Intensity, Level,
    PathwayError, Rules, StaffInput,
};
use qkit_questionnaires::Kit;
use qkit_scoring::{
    Answer, DirectionKey, NotScorable, QualityFlag, ScaleKindKey, ScaleScore, ScoreReport,
    ScoreStatus,
};

fn rules() -> Rules {
    let kit = Kit::shipped().expect("shipped kit");
    Rules::shipped(&kit).unwrap_or_else(|e| panic!("{e}"))
}

/// A report with one total scale in `band` (or not scorable when `band` is `None`).
fn report(questionnaire: &str, band: Option<&str>) -> ScoreReport {
    ScoreReport {
        questionnaire: questionnaire.into(),
        version: "1.0.0".into(),
        content_hash: String::new(),
        n_items: 10,
        n_answered: 10,
        scales: vec![ScaleScore {
            scale: "total".into(),
            kind: ScaleKindKey::Total,
            n_items: 10,
            n_answered: if band.is_some() { 10 } else { 2 },
            raw_sum: 20,
            item_mean: Some(2.0),
            score: band.map(|_| 20.0),
            status: match band {
                Some(_) => ScoreStatus::Ok,
                None => ScoreStatus::NotScorable(NotScorable::TooFewAnswered {
                    answered: 2,
                    required: 8,
                }),
            },
            norm: None,
            band: band.map(str::to_owned),
            direction: DirectionKey::HigherIsMoreNeed,
        }],
        flags: vec![],
        revisit: vec![],
        alerts: vec![],
    }
}

fn staff(risk: Level, requirement: &str) -> StaffInput {
    StaffInput {
        risk,
        requirement: requirement.into(),
    }
}

#[test]
fn the_shipped_rules_load_and_say_risk_is_never_calculated() {
    let r = rules();
    assert_eq!(r.domains.len(), 2);
    for tool in ["OGRS", "OVP", "OSP", "RSR", "SARA"] {
        assert!(r.risk_note.contains(tool), "{tool}");
    }
    assert!(r.risk_note.contains("never calculates"));
}

#[test]
fn high_need_and_high_risk_give_high_intensity_with_the_evidence() {
    let r = rules();
    let reports = [
        report("bis11", Some("high")),
        report("bscs", Some("average")),
        report("phq9", Some("moderately_severe")),
        report("gad7", Some("mild")),
    ];
    let d = decide(&r, &reports, &[], &staff(Level::High, "licence_condition")).expect("decided");
    assert_eq!(d.domains[0].level, Some(Level::High));
    assert_eq!(d.domains[0].evidence[0].band, "high");
    assert_eq!(d.domains[0].evidence[1].level, Level::Medium);
    assert_eq!(d.domains[1].level, Some(Level::High));
    assert_eq!((d.need.points, d.need.max_points), (4, 4));
    assert_eq!(d.need.level, Some(Level::High));
    assert_eq!(d.recommended, Some(Intensity::High));
    assert_eq!(d.pathway(), Some(Intensity::High));
    assert_eq!(d.cohort.cohort, Cohort::General);
    assert!(!d.adapted.flagged);
}

#[test]
fn the_overall_need_counts_only_the_domains_assessed() {
    // TSP has no PHQ-9 or GAD-7: one high domain out of one is high need.
    let reports = [report("bis11", Some("high")), report("bscs", None)];
    let d = decide(
        &rules(),
        &reports,
        &[],
        &staff(Level::Medium, "programme_requirement"),
    )
    .expect("decided");
    assert_eq!(d.need.assessed_domains, 1);
    assert_eq!(d.need.level, Some(Level::High));
    assert_eq!(d.recommended, Some(Intensity::Moderate));
    assert_eq!(d.domains[0].unassessed[0].why, Missing::NotScorable);
    assert_eq!(d.domains[1].unassessed[0].why, Missing::NotTaken);
}

#[test]
fn the_latest_report_counts_and_no_scores_means_no_recommendation() {
    let reports = [
        report("phq9", Some("severe")),
        report("phq9", Some("minimal")),
    ];
    let d = decide(
        &rules(),
        &reports,
        &[],
        &staff(Level::High, "programme_requirement"),
    )
    .expect("decided");
    assert_eq!(d.domains[1].level, Some(Level::Low));
    let d = decide(
        &rules(),
        &[],
        &[],
        &staff(Level::High, "programme_requirement"),
    )
    .expect("decided");
    assert_eq!(d.need.level, None);
    assert_eq!(d.recommended, None);
}

#[test]
fn reading_help_sometimes_or_learning_needs_flag_adapted_delivery() {
    let r = rules();
    let s = staff(Level::Low, "programme_requirement_sexual_offence");
    // about_you_02 reading help: 3 = sometimes (code "maybe"); about_you_03: 1 = yes.
    let d = decide(&r, &[], &[("about_you_02", Answer::Value(3))], &s).expect("decided");
    assert!(d.adapted.flagged);
    assert_eq!(d.adapted.evidence[0].code, "maybe");
    assert_eq!(d.cohort.cohort, Cohort::SexualOffence);
    let d = decide(&r, &[], &[("about_you_03", Answer::Value(1))], &s).expect("decided");
    assert!(d.adapted.flagged);
    let d = decide(
        &r,
        &[],
        &[
            ("about_you_02", Answer::Value(2)),
            ("about_you_03", Answer::Value(3)),
        ],
        &s,
    )
    .expect("decided");
    assert!(!d.adapted.flagged, "no, and prefer not to say");
}

#[test]
fn an_override_needs_a_reason_and_is_recorded() {
    let r = rules();
    let d = decide(
        &r,
        &[report("phq9", Some("minimal"))],
        &[],
        &staff(Level::High, "programme_requirement"),
    )
    .expect("decided");
    assert_eq!(d.recommended, Some(Intensity::NotRecommended));
    assert_eq!(
        override_pathway(&d, Intensity::Moderate, " "),
        Err(PathwayError::EmptyOverrideReason)
    );
    let o = override_pathway(
        &d,
        Intensity::Moderate,
        "PNI completed in OASys says medium",
    )
    .expect("override");
    assert_eq!(o.pathway(), Some(Intensity::Moderate));
    assert_eq!(o.recommended, Some(Intensity::NotRecommended));
    let json = serde_json::to_string(&o).expect("serialisable");
    assert!(
        json.contains("PNI completed in OASys says medium"),
        "{json}"
    );
}

#[test]
fn an_unknown_requirement_is_an_error_naming_the_known_ones() {
    let e = decide(&rules(), &[], &[], &staff(Level::Low, "curfew")).expect_err("unknown");
    assert!(e
        .to_string()
        .starts_with("requirement \"curfew\" is not in the rules; known: programme_requirement, "));
}

#[test]
fn attendance_is_read_from_the_about_you_answers_by_role_and_code() {
    let kit = Kit::shipped().expect("shipped kit");
    let form = kit.questionnaire("about_you").expect("about_you");
    // about_you_04 in work: 1 = yes; _05 availability: 2 = evening; _06 site: 2 = site_b.
    let answers = [
        ("about_you_04", Answer::Value(1)),
        ("about_you_05", Answer::Value(2)),
        ("about_you_06", Answer::Value(2)),
    ];
    assert_eq!(
        attendance(form, &answers),
        Attendance {
            sites: vec!["site_b".into()],
            availability: Some(Availability::Evening),
            in_work: Some(true),
        }
    );
    let special = [(
        "about_you_05",
        Answer::Special(qkit_questionnaires::SpecialAnswer::DontKnow),
    )];
    assert_eq!(attendance(form, &special), Attendance::default());
}

/// A BIS-11 total below 52 is a validity concern (Stanford et al. 2009: extremely over-controlled,
/// or not completed honestly), not low need: the domain leaves that source out and says why,
/// and decides on the BSCS alone.
#[test]
fn a_validity_concern_is_not_read_as_low_need() {
    // As scoring reports it: the band, and the flag it raises.
    let very_low_bis11 = || {
        let mut r = report("bis11", Some("very_low"));
        r.flags.push(QualityFlag::ValidityConcern {
            scale: "total".into(),
            band: "very_low".into(),
        });
        r
    };
    let reports = [very_low_bis11(), report("bscs", Some("below_average"))];
    let d = decide(
        &rules(),
        &reports,
        &[],
        &staff(Level::Medium, "programme_requirement"),
    )
    .expect("decided");
    let domain = &d.domains[0];
    assert_eq!(domain.evidence.len(), 1, "only the BSCS is evidence");
    assert_eq!(domain.evidence[0].questionnaire, "bscs");
    assert_eq!(domain.level, Some(Level::High));
    assert_eq!(domain.unassessed[0].questionnaire, "bis11");
    assert_eq!(
        domain.unassessed[0].why,
        Missing::ValidityConcern("very_low".into())
    );
    // With nothing else in the domain, it is not assessed at all (never "low").
    let only = [very_low_bis11()];
    let d = decide(
        &rules(),
        &only,
        &[],
        &staff(Level::Low, "programme_requirement"),
    )
    .expect("decided");
    assert_eq!(d.domains[0].level, None);
}
