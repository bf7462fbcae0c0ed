//! `qkit audio-script [--audio DIR]`: the recording script, as audio-CASI systems keep one. Every
//! text the participant may hear (`qkit_questionnaires::recordings::spoken_texts`: questions,
//! options and special answers in each language and wording, titles, instructions and the
//! screens' own words) is written as a CSV row with the file name a person's recording of it
//! should have, relative to the kit's `audio/` folder (`.wav` here; any type the browser plays
//! will do, entered with `qkit audio adopt`). Given the folder, it also says which recordings
//! are there and which are missing; a recording a definition declares but the folder lacks is
//! an error (exit 1), since the app would fall back to a synthetic voice.
//!
//! Staff-only items are left out (they are never read to the participant). A cell a spreadsheet
//! would run as a formula gets a leading `'`, as in every CSV file qkit writes.

use crate::kit_files::KitFiles;
use anyhow::{anyhow, Context};
use qkit_questionnaires::recordings::spoken_texts;
use qkit_questionnaires::{Kit, Wording};
use qkit_scoring::csv_rows::spreadsheet_safe;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The kit's audio folder: report which recordings it has and which are missing.
    #[arg(long, value_name = "DIR")]
    audio: Option<PathBuf>,
    /// A folder of local definitions to use with the shipped ones.
    #[arg(long, value_name = "DIR")]
    definitions: Option<PathBuf>,
    /// Write the script to FILE instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

/// One text that needs a recording.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Path relative to the audio folder: the declared one, else the name it should have.
    pub file: String,
    pub questionnaire: String,
    /// `question <item id>` or `option <scale id>=<value>`.
    pub text_of: String,
    pub language: String,
    /// `standard` or `easy_read`.
    pub wording: &'static str,
    pub text: String,
    /// Whether the definition names this recording.
    pub declared: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let files = match &args.definitions {
        Some(dir) => KitFiles::read(dir)?,
        None => KitFiles::shipped(),
    };
    let kit = files.load().map_err(|e| anyhow!("{e}"))?;
    let lines = script(&kit);
    let present = |l: &Line| args.audio.as_deref().map(|dir| dir.join(&l.file).is_file());
    let bytes = to_csv(&lines, present)?;
    match &args.output {
        Some(path) => std::fs::write(path, &bytes)
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => std::io::stdout().write_all(&bytes)?,
    }
    let declared = lines.iter().filter(|l| l.declared).count();
    eprintln!(
        "{} texts need a recording; {declared} have one named in their definition",
        lines.len()
    );
    let Some(dir) = &args.audio else {
        return Ok(ExitCode::SUCCESS);
    };
    report(dir, &lines)
}

/// The script as CSV text, `recorded` saying for each line whether its recording is there (an
/// empty cell when no folder was given). Every text cell goes through
/// [`spreadsheet_safe`]: questionnaire texts and file names are the definition author's, and a
/// cell a spreadsheet would run as a formula is written inert.
fn to_csv(lines: &[Line], recorded: impl Fn(&Line) -> Option<bool>) -> anyhow::Result<Vec<u8>> {
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record([
        "file",
        "questionnaire",
        "text_of",
        "language",
        "wording",
        "text",
        "declared",
        "recorded",
    ])?;
    let yes_no = |b: bool| if b { "yes" } else { "no" };
    for l in lines {
        out.write_record([
            spreadsheet_safe(&l.file),
            spreadsheet_safe(&l.questionnaire),
            spreadsheet_safe(&l.text_of),
            spreadsheet_safe(&l.language),
            l.wording.to_owned(),
            spreadsheet_safe(&l.text),
            yes_no(l.declared).to_owned(),
            recorded(l).map_or("", yes_no).to_owned(),
        ])?;
    }
    out.into_inner().context("cannot write the script")
}

/// Says what the audio folder has; exit 1 when a declared recording is missing.
fn report(dir: &Path, lines: &[Line]) -> anyhow::Result<ExitCode> {
    let here = |l: &&Line| dir.join(&l.file).is_file();
    let recorded = lines.iter().filter(here).count();
    let missing: Vec<&Line> = lines.iter().filter(|l| l.declared && !here(l)).collect();
    eprintln!(
        "{recorded} of {} recorded in {}; {} still to record",
        lines.len(),
        dir.display(),
        lines.len() - recorded
    );
    for l in &missing {
        eprintln!(
            "qkit: {}: declared by {} ({}, {}) but not in {}",
            l.file,
            l.questionnaire,
            l.text_of,
            l.language,
            dir.display()
        );
    }
    Ok(if missing.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Every text that needs a recording, in the order of
/// [`qkit_questionnaires::recordings::spoken_texts`]: questionnaire by questionnaire, then the
/// interface's own words.
pub fn script(kit: &Kit) -> Vec<Line> {
    spoken_texts(kit)
        .into_iter()
        .map(|t| Line {
            file: t
                .declared
                .clone()
                .unwrap_or_else(|| format!("{}.wav", t.name)),
            questionnaire: t.questionnaire,
            text_of: t.text_of,
            language: t.lang.to_string(),
            wording: match t.wording {
                Wording::Standard => "standard",
                Wording::EasyRead => "easy_read",
            },
            text: t.text,
            declared: t.declared.is_some(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shipped() -> Kit {
        Kit::shipped().expect("the shipped kit is valid")
    }

    #[test]
    fn every_question_and_option_is_listed_once_per_language_and_wording() {
        let kit = shipped();
        let lines = script(&kit);
        let q = kit.questionnaire("about_you").expect("about_you");
        let mine: Vec<&Line> = lines
            .iter()
            .filter(|l| l.questionnaire == "about_you")
            .collect();
        let questions = mine
            .iter()
            .filter(|l| l.text_of.starts_with("question"))
            .count();
        let easy = q.items.iter().filter(|i| i.easy_read.is_some()).count();
        assert_eq!(questions, (q.items.len() + easy) * q.languages.len());
        let files: std::collections::BTreeSet<&str> =
            lines.iter().map(|l| l.file.as_str()).collect();
        assert_eq!(files.len(), lines.len(), "every file name is different");
        let welsh = mine
            .iter()
            .find(|l| {
                l.text_of == "question about_you_01"
                    && l.language == "cy"
                    && l.wording == "easy_read"
            })
            .expect("the Welsh easy-read wording");
        assert_eq!(welsh.file, "about_you/about_you_01.easy.cy.wav");
        assert_eq!(
            welsh.text,
            q.items[0]
                .easy_read
                .as_ref()
                .expect("easy read")
                .get(&qkit_questionnaires::Lang::parse("cy").unwrap())
        );
    }

    #[test]
    fn declared_recordings_keep_their_names_and_the_shipped_ones_exist() {
        let lines = script(&shipped());
        let declared: Vec<&Line> = lines.iter().filter(|l| l.declared).collect();
        assert!(declared.len() >= 3, "the shipped example recordings");
        let first = declared
            .iter()
            .find(|l| l.text_of == "question about_you_01")
            .expect("declared");
        assert_eq!(first.file, "about_you/about_you_01.en.wav");
        let audio = Path::new(env!("CARGO_MANIFEST_DIR")).join("../app/static/audio");
        assert_eq!(report(&audio, &lines).expect("reads"), ExitCode::SUCCESS);
        let empty = std::env::temp_dir().join("qkit-audio-script-test-empty");
        std::fs::create_dir_all(&empty).expect("a folder");
        assert_eq!(report(&empty, &lines).expect("reads"), ExitCode::from(1));
    }

    #[test]
    fn texts_a_spreadsheet_would_run_are_written_inert() {
        let line = |text: &str, file: &str| Line {
            file: file.to_owned(),
            questionnaire: "q".to_owned(),
            text_of: "question q_01".to_owned(),
            language: "en".to_owned(),
            wording: "standard",
            text: text.to_owned(),
            declared: false,
        };
        let lines = [
            line("=HYPERLINK(\"http://x\";\"y\")", "q/q_01.en.wav"),
            line("+1+1", "@q/q_02.en.wav"),
            line("-2+3", "q/q_03.en.wav"),
            line("@SUM(A1:A9)", "q/q_04.en.wav"),
            line("\tx", "q/q_05.en.wav"),
            line("\rx", "q/q_06.en.wav"),
            line("Not at all", "q/q_07.en.wav"),
        ];
        let bytes = to_csv(&lines, |_| Some(true)).expect("writes");
        let mut reader = csv::Reader::from_reader(bytes.as_slice());
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("CSV")).collect();
        let texts: Vec<&str> = rows.iter().map(|r| &r[5]).collect();
        assert_eq!(
            texts,
            [
                "'=HYPERLINK(\"http://x\";\"y\")",
                "'+1+1",
                "'-2+3",
                "'@SUM(A1:A9)",
                "'\tx",
                "'\rx",
                "Not at all"
            ]
        );
        assert_eq!(&rows[1][0], "'@q/q_02.en.wav");
        assert_eq!(&rows[0][7], "yes");
    }

    #[test]
    fn staff_only_items_are_never_in_the_script() {
        let kit = shipped();
        let lines = script(&kit);
        for q in kit.questionnaires.values() {
            for item in q.items.iter().filter(|i| i.staff_only) {
                let id = format!("question {}", item.id);
                assert!(lines.iter().all(|l| l.text_of != id), "{id}");
            }
        }
    }
}
