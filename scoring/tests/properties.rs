//! Property tests (native only: proptest does not build for the browser).
//!
//! - scores stay within each scale's range, prorated or not;
//! - reverse keying twice is the identity and stays on the scale;
//! - prorated scores stay within the range;
//! - the RCI is antisymmetric;
//! - flags (and timing, which only feeds flags) never change a score;
//! - scoring is deterministic.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use qkit_questionnaires::{Kit, Questionnaire, ResponseScale, SpecialAnswer};
use qkit_scoring::reliable::reliable_change_index;
use qkit_scoring::{score, Answer, ItemResponse, NormChoice, ScoreStatus};
use std::sync::OnceLock;

const INSTRUMENTS: [&str; 5] = ["phq9", "gad7", "rses", "bscs", "bis11"];

fn kit() -> &'static Kit {
    static KIT: OnceLock<Kit> = OnceLock::new();
    KIT.get_or_init(|| Kit::shipped().expect("shipped definitions are valid"))
}

fn instrument(i: usize) -> &'static Questionnaire {
    kit()
        .questionnaire(INSTRUMENTS[i])
        .expect("published instruments ship")
}

/// One answer choice per item: 0 = unanswered, 1..=3 a special answer, else an option index.
fn answers(q: &Questionnaire, choices: &[u8], seconds: &[f64]) -> Vec<ItemResponse> {
    q.items
        .iter()
        .zip(choices.iter().zip(seconds))
        .filter_map(|(item, (&c, &s))| {
            let answer = match c {
                0 => return None,
                1..=3 => Answer::Special(SpecialAnswer::ALL[usize::from(c - 1)]),
                _ => {
                    let options = &item.response_scale.options;
                    Answer::Value(options[usize::from(c) % options.len()].value)
                }
            };
            Some(ItemResponse {
                item: item.id.clone(),
                answer,
                seconds: s,
                assisted: false,
                wording: qkit_questionnaires::Wording::Standard,
            })
        })
        .collect()
}

/// Mostly answered, sometimes missing or special, so every status turns up.
fn choice() -> impl Strategy<Value = u8> {
    prop_oneof![8 => 4u8..=255, 1 => Just(0u8), 1 => 1u8..=3]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn scores_stay_within_the_scale_range(
        i in 0..INSTRUMENTS.len(),
        choices in prop::collection::vec(choice(), 30),
        seconds in prop::collection::vec(0.0f64..20.0, 30),
    ) {
        let q = instrument(i);
        let report = score(q, &answers(q, &choices, &seconds), &NormChoice::Default)
            .expect("generated answers fit");
        for (s, scale) in report.scales.iter().zip(&q.scales) {
            let (lo, hi) = (scale.score_min, scale.score_max);
            if let Some(v) = s.score {
                prop_assert!(lo <= v && v <= hi, "{} {}: {v} outside {lo}..{hi}", q.id, s.scale);
            }
            let min = scale.items.first().map(|&i| q.items[i].response_scale.min).unwrap_or(0);
            let max = scale.items.first().map(|&i| q.items[i].response_scale.max).unwrap_or(0);
            let n = s.n_answered as i64;
            prop_assert!(n * i64::from(min) <= s.raw_sum && s.raw_sum <= n * i64::from(max));
            prop_assert_eq!(s.score.is_some(), !matches!(s.status, ScoreStatus::NotScorable(_)));
        }
    }

    #[test]
    fn prorated_scores_stay_within_the_range(
        i in 0..INSTRUMENTS.len(),
        values in prop::collection::vec(4u8..=255, 30),
        drop in prop::collection::vec(any::<prop::sample::Index>(), 1..4),
    ) {
        // Everything answered except one to three items: the totals prorate.
        let q = instrument(i);
        let mut choices = values;
        for d in &drop {
            choices[d.index(q.items.len())] = 0;
        }
        let seconds = vec![3.0; 30];
        let report = score(q, &answers(q, &choices, &seconds), &NormChoice::Default)
            .expect("generated answers fit");
        for (s, scale) in report.scales.iter().zip(&q.scales) {
            if s.status == ScoreStatus::Prorated {
                let v = s.score.expect("prorated scores exist");
                prop_assert!(scale.score_min <= v && v <= scale.score_max, "{} {}: {v}", q.id, s.scale);
                prop_assert!(s.n_answered < s.n_items);
            }
        }
    }

    #[test]
    fn reverse_keying_twice_is_the_identity(min in -50i32..50, span in 1i32..20, offset in 0i32..20) {
        let scale = ResponseScale { id: "s".into(), options: vec![], min, max: min + span };
        let v = min + offset % (span + 1);
        let once = scale.reverse(v);
        prop_assert!(scale.min <= once && once <= scale.max);
        prop_assert_eq!(scale.reverse(once), v);
    }

    #[test]
    fn shipped_items_reverse_onto_their_own_options(i in 0..INSTRUMENTS.len(), pick in any::<prop::sample::Index>()) {
        let q = instrument(i);
        let item = &q.items[pick.index(q.items.len())];
        for o in &item.response_scale.options {
            let keyed = item.keyed(o.value);
            prop_assert!(item.response_scale.option(keyed).is_some());
            prop_assert_eq!(item.response_scale.reverse(item.response_scale.reverse(o.value)), o.value);
        }
    }

    #[test]
    fn rci_is_antisymmetric(from in -100.0f64..100.0, to in -100.0f64..100.0, sd in 0.1f64..30.0, r in 0.01f64..0.99) {
        prop_assert_eq!(reliable_change_index(from, to, sd, r), -reliable_change_index(to, from, sd, r));
    }

    #[test]
    fn flags_and_timing_never_change_scores(
        i in 0..INSTRUMENTS.len(),
        choices in prop::collection::vec(choice(), 30),
        fast in prop::collection::vec(0.0f64..1.0, 30),
    ) {
        let q = instrument(i);
        let slow = vec![10.0; 30];
        let a = score(q, &answers(q, &choices, &fast), &NormChoice::Default).expect("fits");
        let b = score(q, &answers(q, &choices, &slow), &NormChoice::Default).expect("fits");
        prop_assert_eq!(&a.scales, &b.scales);
        // And the same input twice gives the same report.
        let again = score(q, &answers(q, &choices, &fast), &NormChoice::Default).expect("fits");
        prop_assert_eq!(a, again);
    }

    /// Reports survive JSON exactly with serde_json's default (not round-trip-exact) float
    /// parser, because report numbers keep 6 decimal places: a record read back re-scores equal.
    #[test]
    fn reports_read_back_from_json_equal_the_original(
        i in 0..INSTRUMENTS.len(),
        choices in prop::collection::vec(choice(), 30),
        seconds in prop::collection::vec(0.001f64..30.0, 30),
    ) {
        let q = instrument(i);
        let seconds: Vec<f64> = seconds.iter().map(|s| (s * 1000.0).round() / 1000.0).collect();
        let a = score(q, &answers(q, &choices, &seconds), &NormChoice::Default).expect("fits");
        let json = serde_json::to_string(&a).expect("serialises");
        let b: qkit_scoring::ScoreReport = serde_json::from_str(&json).expect("parses");
        prop_assert_eq!(a, b);
    }
}
