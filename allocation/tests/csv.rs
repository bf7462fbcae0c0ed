//! The CSV readers name file, line and column for every problem, and the writer's rows.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use qkit_allocation::{
    read_groups, read_participants, Cohort, Intake, Intensity, ModuleBoundaries, Rules, Weekday,
};
use qkit_questionnaires::Kit;

fn rules() -> Rules {
    Rules::shipped(&Kit::shipped().expect("shipped kit")).expect("shipped rules")
}

const P_HEADER: &str =
    "id,programme,need,risk,requirement,sites,availability,in_work,adapted,waiting_since";
const G_HEADER: &str = "id,programme,pathway,cohort,site,weekday,time,start,intake";

fn participants_error(rows: &str) -> String {
    read_participants("p.csv", &format!("{P_HEADER}\n{rows}"), &rules())
        .expect_err("should fail")
        .to_string()
}

fn groups_error(text: &str) -> String {
    read_groups("g.csv", text, &rules())
        .expect_err("should fail")
        .to_string()
}

#[test]
fn participants_are_read_with_pathway_from_the_rules_and_cohort_from_the_requirement() {
    let text = format!(
        "{P_HEADER},weekdays,keep_apart\n\
         p1,bbr,high,high,programme_requirement_domestic_abuse,site_a;site_b,evening,yes,no,2026-09-01,tue;thu,p2; m7\n\
         p2,tsp,medium,low,licence_condition,site_c,day,no,yes,2026-09-02,,\n"
    );
    let ps = read_participants("p.csv", &text, &rules()).expect("valid");
    assert_eq!(ps[0].pathway, Intensity::High);
    assert_eq!(ps[0].cohort, Cohort::DomesticAbuse);
    assert_eq!(ps[0].sites, ["site_a", "site_b"]);
    assert_eq!(ps[0].weekdays, [Weekday::Tue, Weekday::Thu]);
    assert_eq!(ps[0].keep_apart, ["p2", "m7"]);
    assert!(ps[0].in_work);
    assert_eq!(ps[1].pathway, Intensity::NotRecommended);
    assert!(ps[1].adapted);
    let with_bom = format!("\u{feff}{text}");
    assert_eq!(
        read_participants("p.csv", &with_bom, &rules()).expect("a BOM is skipped"),
        ps
    );
}

#[test]
fn an_override_replaces_the_matrix_and_needs_a_reason() {
    let header = format!("{P_HEADER},override,override_reason");
    let ok = format!(
        "{header}\np1,tsp,low,low,programme_requirement,site_a,day,no,no,2026-09-01,moderate_intensity,\"PNI says medium, see OASys\"\n"
    );
    let ps = read_participants("p.csv", &ok, &rules()).expect("valid");
    assert_eq!(ps[0].pathway, Intensity::Moderate);
    let missing =
        format!("{header}\np1,tsp,low,low,programme_requirement,site_a,day,no,no,2026-09-01,moderate_intensity,\n");
    assert_eq!(
        read_participants("p.csv", &missing, &rules())
            .expect_err("no reason")
            .to_string(),
        "p.csv: line 2, column \"override_reason\": an override needs a reason"
    );
}

#[test]
fn participant_cells_are_checked_with_line_and_column() {
    let good = "p1,tsp,high,low,programme_requirement,site_a,day,no,no,2026-09-01";
    for (row, expected) in [
        (
            "p2,tsp,extreme,low,programme_requirement,site_a,day,no,no,2026-09-01",
            "p.csv: line 3, column \"need\": \"extreme\" is not one of low, medium, high",
        ),
        (
            "p2,tsp,high,low,programme_requirement,site_a,day,no,no,2026-9-1",
            "p.csv: line 3, column \"waiting_since\": \"2026-9-1\" is not a date written YYYY-MM-DD",
        ),
        (
            "p2,xyz,high,low,programme_requirement,site_a,day,no,no,2026-09-01",
            "p.csv: line 3, column \"programme\": unknown programme \"xyz\"; known: tsp, bbr",
        ),
        (
            "p2,tsp,high,low,curfew,site_a,day,no,no,2026-09-01",
            "p.csv: line 3, column \"requirement\": \"curfew\" is not a requirement in the rules",
        ),
        (
            "p1,tsp,high,low,programme_requirement,site_a,day,no,no,2026-09-01",
            "p.csv: line 3, column \"id\": \"p1\" is also on line 2",
        ),
        (
            "p2,tsp,high,low,programme_requirement,,day,no,no,2026-09-01",
            "p.csv: line 3, column \"sites\": required, but empty",
        ),
        (
            "p2,tsp,high,low,programme_requirement,site_a,day,maybe,no,2026-09-01",
            "p.csv: line 3, column \"in_work\": \"maybe\" is not yes or no",
        ),
        (
            "p2,tsp,high,low,programme_requirement,site_a,day,no,no",
            "p.csv: line 3: 9 fields, but the header has 10",
        ),
    ] {
        let got = participants_error(&format!("{good}\n{row}\n"));
        assert!(got.starts_with(expected), "expected {expected}\n     got {got}");
    }
}

#[test]
fn headers_are_checked() {
    let e = read_participants("p.csv", "id,programme\n", &rules()).expect_err("missing");
    assert_eq!(
        e.to_string(),
        "p.csv: line 1: missing required column \"need\""
    );
    let e = read_participants("p.csv", &format!("{P_HEADER},shoe_size\n"), &rules())
        .expect_err("unknown");
    assert!(e
        .to_string()
        .starts_with("p.csv: line 1: unknown column \"shoe_size\"; the columns are id, "));
    let e = read_participants("p.csv", &format!("{P_HEADER}\n"), &rules()).expect_err("empty");
    assert_eq!(e.to_string(), "p.csv: no rows after the header");
    let e = read_participants("p.csv", "", &rules()).expect_err("nothing");
    assert!(e
        .to_string()
        .starts_with("p.csv: line 1: missing required column"));
}

#[test]
fn groups_are_read_with_defaults_and_rolling_modules() {
    let text = format!(
        "{G_HEADER},module_weeks,module_starts,min_size,max_size,adapted,members\n\
         g1,tsp,moderate_intensity,general,site_a,mon,day,2026-12-07,closed,,,,,,\n\
         g2,bbr,high_intensity,domestic_abuse,site_b,wed,evening,2026-10-07,rolling,6,,6,12,yes,m1;m2\n\
         g3,bbr,high_intensity,domestic_abuse,site_b,wed,evening,2026-10-07,rolling,,2026-12-02;2027-01-13,,,no,\n"
    );
    let gs = read_groups("g.csv", &text, &rules()).expect("valid");
    assert_eq!(
        (gs[0].min_size, gs[0].max_size, gs[0].adapted),
        (8, 10, false)
    );
    assert_eq!(gs[0].intake, Intake::Closed);
    assert_eq!(
        gs[1].intake,
        Intake::Rolling(ModuleBoundaries::EveryWeeks(6))
    );
    assert_eq!(
        (gs[1].min_size, gs[1].max_size, gs[1].adapted),
        (6, 12, true)
    );
    assert_eq!(gs[1].members, ["m1", "m2"]);
    assert!(matches!(&gs[2].intake, Intake::Rolling(ModuleBoundaries::Dates(d)) if d.len() == 2));
}

#[test]
fn group_cells_are_checked_with_line_and_column() {
    let opt = format!("{G_HEADER},module_weeks,min_size,max_size");
    for (row, expected) in [
        (
            "g1,tsp,not_recommended,general,site_a,mon,day,2026-12-07,closed,,,",
            "g.csv: line 2, column \"pathway\": a group is high_intensity or moderate_intensity",
        ),
        (
            "g1,tsp,moderate_intensity,general,site_a,monday,day,2026-12-07,closed,,,",
            "g.csv: line 2, column \"weekday\": \"monday\" is not one of mon, tue",
        ),
        (
            "g1,tsp,moderate_intensity,general,site_a,mon,day,2026-12-07,rolling,,,",
            "g.csv: line 2, column \"intake\": a rolling group needs module_weeks or module_starts",
        ),
        (
            "g1,tsp,moderate_intensity,general,site_a,mon,day,2026-12-07,closed,4,,",
            "g.csv: line 2, column \"module_weeks\": only for rolling groups",
        ),
        (
            "g1,tsp,moderate_intensity,general,site_a,mon,day,2026-12-07,rolling,0,,",
            "g.csv: line 2, column \"module_weeks\": \"0\" is not a whole number of weeks from 1 to 52",
        ),
        (
            "g1,tsp,moderate_intensity,general,site_a,mon,day,2026-12-07,closed,,9,8",
            "g.csv: line 2, column \"min_size\": must be at least 1 and at most max_size (8), found 9",
        ),
        (
            "g1,tsp,moderate_intensity,everyone,site_a,mon,day,2026-12-07,closed,,,",
            "g.csv: line 2, column \"cohort\": \"everyone\" is not one of general, domestic_abuse, sexual_offence",
        ),
    ] {
        let got = groups_error(&format!("{opt}\n{row}\n"));
        assert!(got.starts_with(expected), "expected {expected}\n     got {got}");
    }
}

#[test]
fn broken_csv_syntax_and_odd_bytes_are_errors_not_panics() {
    for text in [
        "\u{feff}id,programme\n",
        "id,id\n",
        "\"unclosed\n",
        "\0\0\0",
        &format!("{G_HEADER}\n,,,,,,,,\n"),
    ] {
        assert!(read_groups("g.csv", text, &rules()).is_err(), "{text:?}");
        assert!(
            read_participants("p.csv", text, &rules()).is_err(),
            "{text:?}"
        );
    }
}
