//! The responses-CSV reader: what it accepts, and that every error names line and column.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use qkit_questionnaires::{Kit, SpecialAnswer};
use qkit_scoring::responses_csv::{read_responses, CsvError};
use qkit_scoring::Answer;

fn read(text: &[u8]) -> Result<Vec<qkit_scoring::responses_csv::RespondentRow>, CsvError> {
    let kit = Kit::shipped().expect("valid");
    read_responses(kit.questionnaire("gad7").expect("ships"), text)
}

#[test]
fn values_specials_and_blanks_in_any_column_order() {
    let rows = read(
        "\u{feff}respondent, gad7_03 ,gad7_01,gad7_02\r\n p1 ,2,du,\r\n\r\np2,,0,PNS\r\n"
            .as_bytes(),
    )
    .expect("valid file");
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].respondent, "p1");
    assert_eq!(rows[0].line, 2);
    let got: Vec<(&str, Answer)> = rows[0]
        .responses
        .iter()
        .map(|r| (r.item.as_str(), r.answer))
        .collect();
    assert_eq!(
        got,
        [
            ("gad7_03", Answer::Value(2)),
            ("gad7_01", Answer::Special(SpecialAnswer::DontUnderstand)),
        ]
    );
    assert!(rows[0]
        .responses
        .iter()
        .all(|r| r.seconds == 0.0 && !r.assisted));
    assert_eq!(rows[1].line, 4, "blank lines still count");
    assert_eq!(rows[1].responses.len(), 2);
}

#[test]
fn every_error_names_its_line_and_column() {
    let cases: [(&[u8], &str, &str); 12] = [
        (b"", "empty", "line 1: the file is empty"),
        (b"who,gad7_01\n", "missing_respondent_column", "line 1, column 1: the first column must be \"respondent\", not \"who\""),
        (b"respondent\nx\n", "no_item_columns", "line 1: the header has no item columns"),
        (b"respondent,gad7_01,phq9_01\n", "unknown_item", "line 1, column 3: \"phq9_01\" is not an item of questionnaire \"gad7\""),
        (b"respondent,gad7_01,gad7_02,gad7_01\n", "duplicate_column", "line 1, column 4: item \"gad7_01\" is already column 2"),
        (b"respondent,gad7_01\na,1,2\n", "wrong_cell_count", "line 2: 3 cells, but the header has 2"),
        (b"respondent,gad7_01\n,1\n", "empty_respondent", "line 2, column 1: the respondent is empty"),
        (b"respondent,gad7_01\na,1\nb,1\na,2\n", "duplicate_respondent", "line 4, column 1: respondent \"a\" is already on line 2"),
        (b"respondent,gad7_01,gad7_02\na,1,2.5\n", "bad_cell", "line 2, column 3 (gad7_02): \"2.5\" is not an answer; expected one of 0, 1, 2, 3, empty, DK, PNS or DU"),
        (b"respondent,gad7_01\na,1\nb,-1\n", "value_out_of_scale", "line 3, column 2 (gad7_01): -1 is outside the scale; the options are 0, 1, 2, 3"),
        // A quoted respondent over two lines: the next line is still counted.
        (b"respondent,gad7_01\n\"a\nb\",1\n\nc,9\n", "value_out_of_scale", "line 5, column 2 (gad7_01): 9 is outside the scale"),
        (b"respondent,gad7_01\na,\xc3\x28\n", "not_csv", "line 2: not a CSV text file: it is not UTF-8 text"),
    ];
    let mut wrong = Vec::new();
    for (text, key, message) in cases {
        match read(text) {
            Err(e) if e.key() == key && e.to_string().starts_with(message) => {}
            other => wrong.push(format!("{key}: got {other:?}")),
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn a_special_answer_the_questionnaire_does_not_offer_is_refused() {
    let kit = Kit::shipped().expect("valid");
    // The consent form offers no special answers.
    let consent = kit.questionnaire("consent").expect("ships");
    let item = &consent.items[0].id;
    let text = format!("respondent,{item}\na,DK\n");
    let e = read_responses(consent, text.as_bytes()).expect_err("not offered");
    assert_eq!(e.key(), "special_not_offered");
    assert!(e.to_string().starts_with("line 2, column 2"), "{e}");
}
