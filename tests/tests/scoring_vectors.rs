//! Scoring test vectors: every file under `tests/vectors/<questionnaire>/<case>.json` holds
//! answers and either the expected report (hand-worked from the published scoring rules, with
//! the arithmetic in its `working` field) or the expected error class.
//!
//! One runner checks them all and names every failing file. The files are embedded by
//! `build.rs`, so the same runner runs natively and in WebAssembly (node):
//! `cargo test -p qkit-tests --test scoring_vectors` and
//! `cargo test --target wasm32-unknown-unknown -p qkit-tests --test scoring_vectors`.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use qkit_questionnaires::{Kit, SpecialAnswer, Wording};
use qkit_scoring::{score, Answer, ItemResponse, NormChoice, ScoreReport};
use serde::Deserialize;
use serde_json::Value;

include!(concat!(env!("OUT_DIR"), "/vectors.rs"));

/// The published instruments and the scenarios each must have at least one vector for.
const INSTRUMENTS: [&str; 5] = ["phq9", "gad7", "rses", "bscs", "bis11"];
const REQUIRED_SCENARIOS: [&str; 6] = [
    "all_minimum",
    "all_maximum",
    "mixed_reverse",
    "one_short_of_threshold",
    "at_threshold",
    "special_answers",
];

// Hand-worked values are written to 4 decimals (z, item mean) or 2 (T, percentile).
const TOL_MEAN: f64 = 1e-4;
const TOL_Z: f64 = 1e-4;
const TOL_T: f64 = 0.01;
const TOL_PERCENTILE: f64 = 0.01;
const TOL_SCORE: f64 = 1e-9;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Vector {
    #[allow(dead_code)]
    description: String,
    scenario: String,
    #[allow(dead_code)]
    working: Vec<String>,
    /// `default` or a norm group id.
    norms: String,
    /// Seconds on screen for answers that do not give their own.
    seconds: f64,
    /// `[item, value or "DK" / "PNS" / "DU"]` or `[item, answer, seconds]`.
    answers: Vec<Vec<Value>>,
    /// `easy_read` when every answer was given in the easy-read wording; default `standard`.
    #[serde(default)]
    wording: Option<String>,
    expect: Option<Expect>,
    expect_error: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    n_answered: usize,
    scales: Vec<ExpectScale>,
    /// Compared with the report's flags as JSON (flag name and evidence).
    flags: Vec<Value>,
    revisit: Vec<String>,
    alerts: Vec<Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectScale {
    scale: String,
    kind: String,
    n_items: usize,
    n_answered: usize,
    raw_sum: i64,
    item_mean: Option<f64>,
    score: Option<f64>,
    /// As the CLI writes it: `ok`, `prorated` or `not_scorable:<reason>`.
    status: String,
    norm: Option<ExpectNorm>,
    band: Option<String>,
    direction: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectNorm {
    norm: String,
    z: f64,
    t: f64,
    percentile: Option<f64>,
    /// As the CLI writes it: `table`, `normal_curve`, `none:not_normal`, `none:not_in_table`.
    percentile_basis: String,
    /// As in the record JSON: `beyond_norm_range`, `not_normal`, `unverified`.
    cautions: Vec<String>,
}

fn kit() -> Kit {
    Kit::shipped().expect("the shipped definitions are valid")
}

fn parse(name: &str, text: &str) -> Result<Vector, String> {
    let v: Vector = serde_json::from_str(text).map_err(|e| format!("{name}: bad vector: {e}"))?;
    if v.expect.is_some() == v.expect_error.is_some() {
        return Err(format!(
            "{name}: give exactly one of \"expect\" and \"expect_error\""
        ));
    }
    Ok(v)
}

fn responses(name: &str, v: &Vector) -> Result<Vec<ItemResponse>, String> {
    let wording = match v.wording.as_deref() {
        None | Some("standard") => Wording::Standard,
        Some("easy_read") => Wording::EasyRead,
        Some(other) => return Err(format!("{name}: unknown wording \"{other}\"")),
    };
    v.answers
        .iter()
        .map(|a| {
            let bad = || format!("{name}: bad answer {a:?}");
            let item = a.first().and_then(Value::as_str).ok_or_else(bad)?;
            let answer = match a.get(1).ok_or_else(bad)? {
                Value::String(code) => {
                    Answer::Special(SpecialAnswer::from_code(code).ok_or_else(bad)?)
                }
                n => Answer::Value(
                    n.as_i64()
                        .and_then(|n| i32::try_from(n).ok())
                        .ok_or_else(bad)?,
                ),
            };
            let seconds = match a.get(2) {
                Some(s) => s.as_f64().ok_or_else(bad)?,
                None => v.seconds,
            };
            if a.len() > 3 {
                return Err(bad());
            }
            Ok(ItemResponse {
                item: item.to_owned(),
                answer,
                seconds,
                assisted: false,
                wording,
            })
        })
        .collect()
}

fn norm_choice(v: &Vector) -> NormChoice {
    match v.norms.as_str() {
        "default" => NormChoice::Default,
        group => NormChoice::Group(group.to_owned()),
    }
}

fn close(what: &str, got: Option<f64>, want: Option<f64>, tol: f64, problems: &mut Vec<String>) {
    let ok = match (got, want) {
        (Some(g), Some(w)) => (g - w).abs() <= tol,
        (None, None) => true,
        _ => false,
    };
    if !ok {
        problems.push(format!("{what}: got {got:?}, expected {want:?}"));
    }
}

fn same<T: PartialEq + std::fmt::Debug>(what: &str, got: T, want: T, problems: &mut Vec<String>) {
    if got != want {
        problems.push(format!("{what}: got {got:?}, expected {want:?}"));
    }
}

fn key_of<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Every difference between a report and the expectation.
fn compare(report: &ScoreReport, expect: &Expect) -> Vec<String> {
    let mut p = Vec::new();
    same("n_answered", report.n_answered, expect.n_answered, &mut p);
    same(
        "number of scales",
        report.scales.len(),
        expect.scales.len(),
        &mut p,
    );
    for (got, want) in report.scales.iter().zip(&expect.scales) {
        let s = &want.scale;
        same("scale id", got.scale.as_str(), s.as_str(), &mut p);
        same(
            &format!("{s}.kind"),
            key_of(&got.kind),
            want.kind.clone(),
            &mut p,
        );
        same(&format!("{s}.n_items"), got.n_items, want.n_items, &mut p);
        same(
            &format!("{s}.n_answered"),
            got.n_answered,
            want.n_answered,
            &mut p,
        );
        same(&format!("{s}.raw_sum"), got.raw_sum, want.raw_sum, &mut p);
        close(
            &format!("{s}.item_mean"),
            got.item_mean,
            want.item_mean,
            TOL_MEAN,
            &mut p,
        );
        close(
            &format!("{s}.score"),
            got.score,
            want.score,
            TOL_SCORE,
            &mut p,
        );
        same(
            &format!("{s}.status"),
            got.status.to_string(),
            want.status.clone(),
            &mut p,
        );
        same(
            &format!("{s}.band"),
            got.band.clone(),
            want.band.clone(),
            &mut p,
        );
        same(
            &format!("{s}.direction"),
            key_of(&got.direction),
            want.direction.clone(),
            &mut p,
        );
        match (&got.norm, &want.norm) {
            (None, None) => {}
            (Some(g), Some(w)) => {
                same(
                    &format!("{s}.norm"),
                    g.norm.as_str(),
                    w.norm.as_str(),
                    &mut p,
                );
                close(&format!("{s}.z"), Some(g.z), Some(w.z), TOL_Z, &mut p);
                close(&format!("{s}.t"), Some(g.t), Some(w.t), TOL_T, &mut p);
                close(
                    &format!("{s}.percentile"),
                    g.percentile,
                    w.percentile,
                    TOL_PERCENTILE,
                    &mut p,
                );
                same(
                    &format!("{s}.percentile_basis"),
                    g.percentile_basis.key(),
                    w.percentile_basis.as_str(),
                    &mut p,
                );
                same(
                    &format!("{s}.cautions"),
                    g.cautions.iter().map(key_of).collect::<Vec<_>>(),
                    w.cautions.clone(),
                    &mut p,
                );
            }
            (g, w) => p.push(format!(
                "{s}.norm: got {:?}, expected {:?}",
                g.as_ref().map(|n| &n.norm),
                w.as_ref().map(|n| &n.norm)
            )),
        }
    }
    let flags = serde_json::to_value(&report.flags).expect("flags serialise");
    same("flags", flags, Value::Array(expect.flags.clone()), &mut p);
    same(
        "revisit",
        report.revisit.clone(),
        expect.revisit.clone(),
        &mut p,
    );
    let alerts = serde_json::to_value(&report.alerts).expect("alerts serialise");
    same(
        "alerts",
        alerts,
        Value::Array(expect.alerts.clone()),
        &mut p,
    );
    p
}

/// Checks one vector file; returns its problems.
fn check(kit: &Kit, name: &str, text: &str) -> Vec<String> {
    let v = match parse(name, text) {
        Ok(v) => v,
        Err(e) => return vec![e],
    };
    let id = name.split('/').next().unwrap_or_default();
    let Some(q) = kit.questionnaire(id) else {
        return vec![format!("{name}: no shipped questionnaire \"{id}\"")];
    };
    let answers = match responses(name, &v) {
        Ok(a) => a,
        Err(e) => return vec![e],
    };
    let result = score(q, &answers, &norm_choice(&v));
    let problems = match (&result, &v.expect, &v.expect_error) {
        (Err(e), _, Some(want)) if e.key() == want => vec![],
        (Err(e), _, Some(want)) => vec![format!("error {} ({e}), expected {want}", e.key())],
        (Err(e), _, None) => vec![format!("unexpected error: {e}")],
        (Ok(_), _, Some(want)) => vec![format!("scored, but expected the error {want}")],
        (Ok(report), Some(expect), None) => {
            let mut p = compare(report, expect);
            // Deterministic, and stable through a record: re-scoring and a JSON round trip
            // both give an equal report.
            let again = score(q, &answers, &norm_choice(&v));
            if again.as_ref() != Ok(report) {
                p.push("scoring the same answers twice gave different reports".into());
            }
            let json = serde_json::to_string(report).expect("reports serialise");
            let back: Result<ScoreReport, _> = serde_json::from_str(&json);
            if back.as_ref().ok() != Some(report) {
                p.push(format!(
                    "the report does not survive a JSON round trip: {json}"
                ));
            }
            p
        }
        (Ok(_), None, None) => unreachable!("parse requires expect or expect_error"),
    };
    problems
        .into_iter()
        .map(|p| format!("{name}: {p}"))
        .collect()
}

#[test]
fn every_scoring_vector_gives_its_expected_report_or_error() {
    let kit = kit();
    assert!(!VECTORS.is_empty(), "no vectors found under tests/vectors");
    let failures: Vec<String> = VECTORS
        .iter()
        .flat_map(|(name, text)| check(&kit, name, text))
        .collect();
    assert!(
        failures.is_empty(),
        "{} problem(s) in {} vector files:\n{}",
        failures.len(),
        VECTORS.len(),
        failures.join("\n")
    );
}

#[test]
fn every_published_instrument_has_every_required_scenario() {
    let mut missing = Vec::new();
    for id in INSTRUMENTS {
        let scenarios: Vec<String> = VECTORS
            .iter()
            .filter(|(name, _)| name.starts_with(&format!("{id}/")))
            .filter_map(|(name, text)| parse(name, text).ok().map(|v| v.scenario))
            .collect();
        for required in REQUIRED_SCENARIOS {
            if !scenarios.iter().any(|s| s == required) {
                missing.push(format!("{id}: no vector with scenario {required}"));
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn a_wrong_expectation_is_caught_and_named() {
    // The runner must be able to fail: change one expected number and it reports the file.
    let (name, text) = VECTORS
        .iter()
        .find(|(n, _)| *n == "phq9/mixed.json")
        .expect("phq9/mixed.json exists");
    let broken = text.replacen("\"raw_sum\": 10", "\"raw_sum\": 11", 1);
    assert_ne!(&broken, text, "the replacement applies");
    let problems = check(&kit(), name, &broken);
    assert_eq!(
        problems,
        vec!["phq9/mixed.json: total.raw_sum: got 10, expected 11".to_owned()]
    );
}
