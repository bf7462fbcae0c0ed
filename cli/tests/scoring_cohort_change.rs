//! `qkit cohort` and `qkit change`, run as a user would, against hand-computed results.

mod scoring_common;

use scoring_common::{local_definitions, qkit, scratch, write};

#[test]
fn cohort_statistics_match_a_hand_computed_example() {
    let dir = scratch("cohort");
    let defs = local_definitions(&dir);
    // Keyed values (item 2 = 5 - raw):
    //   a 1,2,1 = 4   b 2,2,3 = 7   c 3,3,3 = 9   d 4,4,4 = 12   (complete)
    //   e 2,-,4: prorated (2 + 4) x 3 / 2 = 9     f -,-,2: 1 answered < 2, not scorable
    // n = 5 scored; mean = (4 + 7 + 9 + 12 + 9) / 5 = 8.2
    // deviations -4.2, -1.2, 0.8, 3.8, 0.8; squares sum 34.8; SD = sqrt(34.8 / 4) = 2.950
    // alpha on the 4 complete cases: item variances 5/3, 2.75/3, 4.75/3; total variance 34/3;
    //   3/2 x (1 - 12.5 / 34) = 0.949
    let file = write(
        &dir,
        "r.csv",
        "respondent,local3_01,local3_02,local3_03\n\
         a,1,3,1\nb,2,3,3\nc,3,2,3\nd,4,1,4\ne,2,,4\nf,,,2\n",
    );
    let (code, out, err) = qkit(&[
        "cohort",
        "--questionnaire",
        "local3",
        "--responses",
        &file,
        "--definitions",
        &defs,
    ]);
    assert_eq!(code, 0, "{err}");
    // n counts the five scored respondents (e is prorated); alpha uses the four complete ones.
    assert_eq!(
        out,
        "scale,n,mean,sd,n_alpha,alpha\ntotal,5,8.20,2.950,4,0.949\n"
    );
}

#[test]
fn cohort_rejects_bad_files_like_score() {
    let dir = scratch("cohort_bad");
    let file = write(&dir, "r.csv", "respondent,gad7_01\na,1\na,2\n");
    let (code, _, err) = qkit(&["cohort", "--questionnaire", "gad7", "--responses", &file]);
    assert_eq!(code, 1);
    assert!(
        err.contains("line 3, column 1: respondent \"a\" is already on line 2"),
        "{err}"
    );
}

const PHQ9: &str =
    "respondent,phq9_01,phq9_02,phq9_03,phq9_04,phq9_05,phq9_06,phq9_07,phq9_08,phq9_09";

#[test]
fn change_matches_hand_computed_reliable_change() {
    let dir = scratch("change");
    // PHQ-9 reliable change: 6 points or more (NHS Talking Therapies; no RCI).
    // Clinical cut-off (fixed) 10: a score of 10 or more is in the clinical range.
    // a: pre 6 x 2 + 3 x 1 = 15, mid 9 x 1 = 9, post 8.
    //    pre_mid  -6: reliable (6 or more), 15 -> 9 crosses 10: recovered
    //    mid_post -1: unchanged
    //    pre_post -7: recovered
    // b: pre 5, mid not scorable (nothing answered), post 7 x 2 + 1 + 1 = 16.
    //    pre_post +11: reliable worsening: deteriorated
    // c: pre 20, post 14: -6, reliable but still >= 10: improved
    // d: only in post: no rows
    let pre = write(
        &dir,
        "pre.csv",
        format!("{PHQ9}\na,2,2,2,2,2,2,1,1,1\nb,1,1,1,0,0,1,0,1,0\nc,3,3,3,3,2,2,2,1,1\n"),
    );
    let mid = write(
        &dir,
        "mid.csv",
        format!("{PHQ9}\na,1,1,1,1,1,1,1,1,1\nb,,,,,,,,,\n"),
    );
    let post = write(
        &dir,
        "post.csv",
        format!("{PHQ9}\na,1,1,1,1,0,1,1,1,1\nb,2,2,2,2,2,2,2,1,1\nc,2,2,2,2,2,1,1,1,1\nd,0,0,0,0,0,0,0,0,0\n"),
    );
    let args = [
        "change",
        "--questionnaire",
        "phq9",
        "--pre",
        &pre,
        "--post",
        &post,
    ];
    let (code, out, err) = qkit(&[&args[..], &["--mid", &mid]].concat());
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out.lines().collect::<Vec<_>>(),
        [
            "respondent,scale,pair,from,to,diff,method,threshold,rci,reliable,cutoff,category",
            "a,total,pre_mid,15.00,9.00,-6.00,points,6.00,,true,10.00,recovered",
            "a,total,mid_post,9.00,8.00,-1.00,points,6.00,,false,10.00,unchanged",
            "a,total,pre_post,15.00,8.00,-7.00,points,6.00,,true,10.00,recovered",
            "b,total,pre_mid,5.00,,,,,,,10.00,not_assessable:not_scorable_at_to",
            "b,total,mid_post,,16.00,,,,,,10.00,not_assessable:not_scorable_at_from",
            "b,total,pre_post,5.00,16.00,11.00,points,6.00,,true,10.00,deteriorated",
            "c,total,pre_post,20.00,14.00,-6.00,points,6.00,,true,10.00,improved",
        ]
    );
    assert!(err.contains("Jacobson-Truax"), "the method is named: {err}");
    assert!(
        err.contains(
            "total: reliable change points (threshold 6.00 points): NHS Talking Therapies"
        ),
        "each scale's basis and source are named: {err}"
    );
    assert!(
        err.contains("respondent \"d\" is in only one file"),
        "{err}"
    );

    // Without --mid only pre_post rows remain.
    let (code, out, err) = qkit(&args);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().filter(|l| l.contains(",pre_post,")).count(), 3);
    assert_eq!(out.lines().count(), 4);

    // JSON names the method and each verdict's basis.
    let (code, out, err) = qkit(&[&args[..], &["--format", "json"]].concat());
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert!(v[0]["change"]["method"]
        .as_str()
        .is_some_and(|m| m.contains("Jacobson-Truax")));
    assert_eq!(v[0]["change"]["changes"][0]["basis"]["method"], "points");
    assert_eq!(v[0]["change"]["changes"][0]["basis"]["points"], 6.0);
}

/// One line per respondent whose items add up to `total` (3s first, then the rest).
fn totals(header: &str, n: usize, rows: &[(&str, i32)]) -> String {
    let mut out = format!("{header}\n");
    for (who, total) in rows {
        let mut left = *total;
        let cells: Vec<String> = (0..n)
            .map(|_| {
                let v = left.min(3);
                left -= v;
                v.to_string()
            })
            .collect();
        out.push_str(&format!("{who},{}\n", cells.join(",")));
    }
    out
}

/// The examples a UK programme team checks first: NHS Talking Therapies count reliable change
/// at PHQ-9 6 points and GAD-7 4 points (NHS Digital IAPT data set guidance 2016; NHS Talking
/// Therapies Manual v7.1), so PHQ-9 11 -> 7 and GAD-7 9 -> 6 are not reliable, while 16 -> 8
/// and 12 -> 5 are (and cross caseness, 10 and 8: recovered).
#[test]
fn nhs_talking_therapies_examples_through_the_cli() {
    let dir = scratch("change_nhs");
    const GAD7: &str = "respondent,gad7_01,gad7_02,gad7_03,gad7_04,gad7_05,gad7_06,gad7_07";
    for (q, header, n, pre, post, want) in [
        (
            "phq9",
            PHQ9,
            9,
            [("x", 11), ("y", 16)],
            [("x", 7), ("y", 8)],
            [
                "x,total,pre_post,11.00,7.00,-4.00,points,6.00,,false,10.00,unchanged",
                "y,total,pre_post,16.00,8.00,-8.00,points,6.00,,true,10.00,recovered",
            ],
        ),
        (
            "gad7",
            GAD7,
            7,
            [("x", 9), ("y", 12)],
            [("x", 6), ("y", 5)],
            [
                "x,total,pre_post,9.00,6.00,-3.00,points,4.00,,false,8.00,unchanged",
                "y,total,pre_post,12.00,5.00,-7.00,points,4.00,,true,8.00,recovered",
            ],
        ),
    ] {
        let pre = write(&dir, &format!("{q}_pre.csv"), totals(header, n, &pre));
        let post = write(&dir, &format!("{q}_post.csv"), totals(header, n, &post));
        let (code, out, err) = qkit(&[
            "change",
            "--questionnaire",
            q,
            "--pre",
            &pre,
            "--post",
            &post,
        ]);
        assert_eq!(code, 0, "{err}");
        assert_eq!(out.lines().skip(1).collect::<Vec<_>>(), want, "{q}");
    }
    // A GAD-7 of 10 is not placed on the normal curve (about 5% of the general population score
    // 10 or more, Löwe et al. 2008): no percentile, and the basis says why.
    let file = write(&dir, "gad7_10.csv", totals(GAD7, 7, &[("z", 10)]));
    let (code, out, err) = qkit(&["score", "--questionnaire", "gad7", "--responses", &file]);
    assert_eq!(code, 0, "{err}");
    let row: Vec<&str> = out.lines().nth(1).expect("a row").split(',').collect();
    assert_eq!(row[6], "10.00");
    assert_eq!(row[10], "", "no percentile");
    assert_eq!(row[11], "none:not_normal");
    assert_eq!(row[12], "not_normal");
    // Choosing the cohort's own SD keeps the published thresholds in points.
    let pre = write(
        &dir,
        "few_pre.csv",
        totals(PHQ9, 9, &[("x", 11), ("y", 16)]),
    );
    let post = write(&dir, "few_post.csv", totals(PHQ9, 9, &[("x", 7), ("y", 8)]));
    let (code, out, err) = qkit(&[
        "change",
        "--questionnaire",
        "phq9",
        "--pre",
        &pre,
        "--post",
        &post,
        "--reliable-change",
        "cohort-pre",
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out.lines().skip(1).collect::<Vec<_>>(),
        [
            "x,total,pre_post,11.00,7.00,-4.00,points,6.00,,false,10.00,unchanged",
            "y,total,pre_post,16.00,8.00,-8.00,points,6.00,,true,10.00,recovered"
        ]
    );
}

#[test]
fn change_reports_bad_files_with_their_name_line_and_column() {
    let dir = scratch("change_bad");
    let pre = write(&dir, "pre.csv", format!("{PHQ9}\na,0,0,0,0,0,0,0,0,0\n"));
    let post = write(&dir, "post.csv", format!("{PHQ9}\na,0,0,0,9,0,0,0,0,0\n"));
    let (code, _, err) = qkit(&[
        "change",
        "--questionnaire",
        "phq9",
        "--pre",
        &pre,
        "--post",
        &post,
    ]);
    assert_eq!(code, 1);
    assert!(
        err.contains("post.csv: line 2, column 5 (phq9_04): 9 is outside the scale"),
        "{err}"
    );
}
