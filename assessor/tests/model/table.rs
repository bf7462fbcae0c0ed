//! The cohort table: one row per participant at his latest timepoint, its columns, cells and
//! flags, sorting (rows without a score last) and filtering.

use crate::common::{kit, record, set};
use qkit_assessor::model::cohort::{
    shown_columns, table, view, BandFilter, Cell, Filter, FlagKind, Sort, SortBy,
};
use qkit_assessor::model::Key;
use qkit_questionnaires::Timepoint;

fn participants(t: &qkit_assessor::model::cohort::Table, rows: &[usize]) -> Vec<String> {
    rows.iter()
        .map(|&i| t.rows[i].key.participant.clone())
        .collect()
}

#[test]
fn the_table_has_one_row_per_participant_at_his_latest_timepoint() {
    let kit = kit();
    let s = set(
        &kit,
        &[
            ("A1", Timepoint::Pre, 0),
            ("A1", Timepoint::Mid, -1),
            ("A1", Timepoint::Post, -2),
            ("B2", Timepoint::Pre, 1),
        ],
    );
    let t = table(&kit, &s);
    let cols: Vec<String> = t
        .columns
        .iter()
        .map(|c| format!("{}.{}", c.questionnaire, c.scale))
        .collect();
    assert_eq!(
        cols,
        [
            "bis11.attentional",
            "bis11.motor",
            "bis11.non_planning",
            "bis11.attention",
            "bis11.cognitive_instability",
            "bis11.motor_first_order",
            "bis11.perseverance",
            "bis11.self_control",
            "bis11.cognitive_complexity",
            "bis11.total",
            "bscs.total"
        ]
    );
    assert_eq!(t.rows.len(), 2);
    let a1 = &t.rows[0];
    assert_eq!(a1.key, Key::new("A1", "tsp"));
    assert_eq!(a1.latest, Timepoint::Post);
    assert_eq!(a1.sites, ["site_a"]);
    // The post record's BIS-11 total, as scored.
    let post = record(&kit, "A1", Timepoint::Post, -2);
    let report = post
        .questionnaires
        .iter()
        .find(|q| q.id == "bis11")
        .unwrap();
    let total = report
        .report
        .as_ref()
        .unwrap()
        .scales
        .iter()
        .find(|s| s.scale == "total");
    assert_eq!(a1.cells[9], Cell::Scored(Box::new(total.unwrap().clone())));
    assert_eq!(t.rows[1].latest, Timepoint::Pre);
    // The example's "I don't understand" answer to bscs_09 is an item to revisit.
    assert!(t.rows[1].has(FlagKind::Revisit));
    // Totals only hides the nine BIS-11 subscales (three second-order, six first-order).
    assert_eq!(shown_columns(&kit, &t, false), [9, 10]);
    assert_eq!(shown_columns(&kit, &t, true), (0..=10).collect::<Vec<_>>());
}

#[test]
fn sorting_orders_rows_and_puts_rows_without_a_score_last() {
    let kit = kit();
    let s = set(
        &kit,
        &[
            ("C3", Timepoint::Pre, 1),
            ("A1", Timepoint::Pre, -1),
            ("B2", Timepoint::Pre, 0),
            ("D4", Timepoint::Mid, 0),
        ],
    );
    let t = table(&kit, &s);
    let all = Filter::default();
    let by = |by, descending| view(&t, &all, Sort { by, descending });
    assert_eq!(
        participants(&t, &by(SortBy::Participant, false)),
        ["A1", "B2", "C3", "D4"]
    );
    assert_eq!(
        participants(&t, &by(SortBy::Participant, true)),
        ["D4", "C3", "B2", "A1"]
    );
    // BIS-11 total: higher answers, higher score; D4 (mid) has no BIS-11 and comes last both ways.
    let total = t
        .columns
        .iter()
        .position(|c| c.questionnaire == "bis11" && c.scale == "total");
    let total = SortBy::Scale(total.unwrap());
    assert_eq!(participants(&t, &by(total, true)), ["C3", "B2", "A1", "D4"]);
    assert_eq!(
        participants(&t, &by(total, false)),
        ["A1", "B2", "C3", "D4"]
    );
    assert_eq!(participants(&t, &by(SortBy::Timepoint, true))[0], "D4");
    // Choosing a column again flips it; a new score column starts with the highest.
    let s0 = Sort::default();
    assert!(s0.toggle(SortBy::Participant).descending);
    assert!(s0.toggle(total).descending);
    assert!(!s0.toggle(SortBy::Programme).descending);
}

#[test]
fn filters_keep_only_matching_rows() {
    let kit = kit();
    let s = set(
        &kit,
        &[("A1", Timepoint::Pre, -3), ("B2", Timepoint::Pre, 3)],
    );
    let t = table(&kit, &s);
    let shown = |f: Filter| participants(&t, &view(&t, &f, Sort::default()));
    assert_eq!(shown(Filter::default()), ["A1", "B2"]);
    let programme = |p: &str| Filter {
        programme: Some(p.into()),
        ..Filter::default()
    };
    assert_eq!(shown(programme("tsp")), ["A1", "B2"]);
    assert!(shown(programme("bbr")).is_empty());
    let site = |x: &str| Filter {
        site: Some(x.into()),
        ..Filter::default()
    };
    assert_eq!(shown(site("site_a")), ["A1", "B2"]);
    assert!(shown(site("site_b")).is_empty());
    // Band: whatever band each has on the BIS-11 total keeps him and only him (or both).
    let col = t
        .columns
        .iter()
        .position(|c| c.questionnaire == "bis11" && c.scale == "total")
        .unwrap();
    for row in &t.rows {
        let band = row.cells[col]
            .band()
            .expect("the total has a band")
            .to_owned();
        let f = Filter {
            band: Some(BandFilter {
                column: col,
                band: band.clone(),
            }),
            ..Filter::default()
        };
        let kept = shown(f);
        assert!(kept.contains(&row.key.participant), "{band}");
        for other in &t.rows {
            let same = other.cells[col].band() == Some(band.as_str());
            assert_eq!(kept.contains(&other.key.participant), same);
        }
    }
    let flag = |k| Filter {
        flag: Some(k),
        ..Filter::default()
    };
    assert_eq!(shown(flag(FlagKind::Revisit)), ["A1", "B2"]);
    assert!(shown(flag(FlagKind::Alert)).is_empty());
}
