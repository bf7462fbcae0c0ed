//! `qkit export-surveyjs --battery PROGRAMME:TIMEPOINT`: writes a battery as SurveyJS JSON, with
//! the same items, options and special answers, one question per page. For the side-by-side
//! benchmark only (bench/): qkit itself never uses SurveyJS.

use crate::kit_files::KitFiles;
use anyhow::{anyhow, bail, Context};
use qkit_questionnaires::{Kit, Lang, Questionnaire, Timepoint};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The battery, as PROGRAMME:TIMEPOINT, e.g. tsp:pre.
    #[arg(long)]
    battery: String,
    /// Language of the texts.
    #[arg(long, default_value = "en")]
    lang: String,
    /// A folder of local definitions to use with the shipped ones.
    #[arg(long)]
    definitions: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let files = match &args.definitions {
        Some(dir) => KitFiles::read(dir)?,
        None => KitFiles::shipped(),
    };
    let kit = files.load().map_err(|e| anyhow!("{e}"))?;
    let (programme, timepoint) = args
        .battery
        .split_once(':')
        .context("--battery must be PROGRAMME:TIMEPOINT, e.g. tsp:pre")?;
    let Some(timepoint) = Timepoint::from_key(timepoint) else {
        bail!("timepoint \"{timepoint}\" is not pre, mid or post");
    };
    let lang = Lang::parse(&args.lang)
        .with_context(|| format!("\"{}\" is not a language tag", args.lang))?;
    let survey = surveyjs(&kit, programme, timepoint, &lang)?;
    println!("{}", serde_json::to_string_pretty(&survey)?);
    Ok(ExitCode::SUCCESS)
}

/// The SurveyJS model of one battery.
fn surveyjs(
    kit: &Kit,
    programme: &str,
    timepoint: Timepoint,
    lang: &Lang,
) -> anyhow::Result<Value> {
    let p = kit
        .programme(programme)
        .with_context(|| format!("no programme \"{programme}\" in batteries.json"))?;
    let battery = kit
        .battery(programme, timepoint)
        .with_context(|| format!("programme \"{programme}\" has no {timepoint} battery"))?;
    let pages: Vec<Value> = battery.iter().flat_map(|q| pages(kit, q, lang)).collect();
    Ok(json!({
        "title": p.name.get(lang),
        "questionsOnPageMode": "questionPerPage",
        "showProgressBar": "top",
        "progressBarType": "questions",
        "showQuestionNumbers": "off",
        "completeText": kit.ui.get(lang, "finish"),
        "pages": pages,
    }))
}

/// One page per participant-facing item.
fn pages(kit: &Kit, q: &Questionnaire, lang: &Lang) -> Vec<Value> {
    q.items
        .iter()
        .filter(|item| !item.staff_only)
        .enumerate()
        .map(|(n, item)| {
            let mut choices: Vec<Value> = item
                .response_scale
                .options
                .iter()
                .map(|o| json!({"value": o.value, "text": o.label.get(lang)}))
                .collect();
            choices.extend(q.special_answers_for(item).map(|s| {
                json!({"value": s.kind.code(), "text": kit.ui.get(lang, &format!("special_{}", s.kind.key()))})
            }));
            let mut question = json!({
                "type": "radiogroup",
                "name": item.id,
                "title": item.text.get(lang),
                "choices": choices,
            });
            if n == 0 {
                question["description"] = json!(q.instructions.get(lang));
            }
            json!({"name": item.id, "elements": [question]})
        })
        .collect()
}
