//! "Export for analysis" on the cohort screen: the format (R, SPSS, FHIR) and the labels'
//! language, and one button that downloads every imported result as one zip file holding
//! exactly the files `qkit export` writes for them (`qkit_export::analysis::export_files`,
//! packed by `zip_files`), beside the plain warning that these files are not encrypted; after
//! the download, every questionnaire result left out of the files, named.

use crate::browser::timing::{now, today};
use qkit_export::analysis::{export_files, zip_files, Format, LeftOut, Note};
use qkit_export::RecordSet;
use qkit_questionnaires::{Kit, Lang};
use qkit_web::browser::download::save_file;
use qkit_web::KitContext;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`AnalysisExport`].
#[derive(Properties, PartialEq)]
pub struct AnalysisExportProps {
    pub kit: Rc<Kit>,
    /// Every imported record (the filters do not apply).
    pub records: Rc<RecordSet>,
}

/// What became of the last download.
#[derive(Clone, PartialEq)]
enum Outcome {
    /// The browser took the file: its name, its format, the data's rows (finished sittings),
    /// results left out.
    Done {
        file: String,
        format: Format,
        rows: usize,
        left_out: Vec<Note>,
    },
    /// The zip could not be made or the browser refused it: what to say.
    Failed(String),
}

/// The UI string naming each format.
fn format_key(format: Format) -> &'static str {
    match format {
        Format::R => "assessor_analysis_format_r",
        Format::Spss => "assessor_analysis_format_spss",
        Format::Fhir => "assessor_analysis_format_fhir",
    }
}

/// What a download says it holds: rows of data, or for FHIR (which has no rows) the finished
/// sittings its resources come from.
fn done_key(format: Format) -> &'static str {
    match format {
        Format::R | Format::Spss => "assessor_analysis_done",
        Format::Fhir => "assessor_analysis_done_fhir",
    }
}

/// The export-for-analysis region.
#[function_component(AnalysisExport)]
pub fn analysis_export(props: &AnalysisExportProps) -> Html {
    let ctx = use_context::<KitContext>().expect("the assessor provides KitContext");
    let format = use_state(|| Format::R);
    let lang = use_state(|| ctx.lang.clone());
    let outcome = use_state(|| None::<Outcome>);
    let formats = Format::ALL.into_iter().map(|f| {
        let onchange = {
            let format = format.clone();
            Callback::from(move |_: Event| format.set(f))
        };
        html! {
            <label class="check">
                <input type="radio" name="analysis-format" checked={*format == f} {onchange} />
                <span>{ ctx.t(format_key(f)) }</span>
            </label>
        }
    });
    let languages = ctx.kit.ui.languages().map(|(l, name)| {
        let onchange = {
            let (lang, l) = (lang.clone(), l.clone());
            Callback::from(move |_: Event| lang.set(l.clone()))
        };
        html! {
            <label class="check">
                <input type="radio" name="analysis-language" checked={*l == *lang} {onchange} />
                <span lang={l.to_string()}>{ name.to_owned() }</span>
            </label>
        }
    });
    let on_download = {
        let (kit, records, ctx) = (props.kit.clone(), props.records.clone(), ctx.clone());
        let (format, lang, outcome) = (*format, (*lang).clone(), outcome.clone());
        Callback::from(move |_: MouseEvent| {
            outcome.set(Some(download(&ctx, &kit, &records, format, &lang)));
        })
    };
    let said = (*outcome).as_ref().map(|o| match o {
        Outcome::Done {
            file,
            format,
            rows,
            left_out,
        } => html! {
            <div role="status">
                <p class="notice info">{ ctx.tc(done_key(*format), *rows, &[("file", file)]) }</p>
                if !left_out.is_empty() {
                    <div class="notice warning">
                        <p>{ ctx.t("assessor_analysis_left_out") }</p>
                        <ul>{ for left_out.iter().map(|n| html! {
                            <li>{ left_out_text(&ctx, n) }</li>
                        }) }</ul>
                    </div>
                }
            </div>
        },
        Outcome::Failed(why) => html! {
            <p class="notice problem" role="alert">{ why.clone() }</p>
        },
    });
    html! {
        <section class="local-definitions" aria-labelledby="analysis-heading">
            <h2 id="analysis-heading">{ ctx.t("assessor_analysis_heading") }</h2>
            <p>{ ctx.t("assessor_analysis_intro") }</p>
            <p class="notice warning">{ ctx.t("assessor_analysis_plaintext") }</p>
            <fieldset class="field">
                <legend>{ ctx.t("assessor_analysis_format") }</legend>
                { for formats }
            </fieldset>
            <fieldset class="field">
                <legend>{ ctx.t("assessor_analysis_lang") }</legend>
                { for languages }
            </fieldset>
            <button type="button" class="button secondary" onclick={on_download}>
                { ctx.t("assessor_analysis_download") }
            </button>
            { for said }
        </section>
    }
}

/// One result left out, in words: who, when, what, the versions, and why.
fn left_out_text(ctx: &KitContext, n: &Note) -> String {
    let key = match n.reason {
        LeftOut::ChangedDuringSitting => "assessor_analysis_left_out_changed",
        LeftOut::OtherDefinition => "assessor_analysis_left_out_other",
    };
    let title = ctx
        .kit
        .questionnaire(&n.questionnaire)
        .map_or(n.questionnaire.as_str(), |q| q.short_title.get(&ctx.lang));
    let none = ctx.t("assessor_analysis_left_out_no_version");
    let timepoint = format!("timepoint_{}", n.timepoint);
    ctx.tf(
        key,
        &[
            ("participant", &n.participant),
            ("timepoint", ctx.t(&timepoint)),
            ("questionnaire", title),
            ("version", &n.version),
            ("kit_version", n.kit_version.as_deref().unwrap_or(none)),
        ],
    )
}

/// Makes the zip of `records` and hands it to the browser; says what became of it.
fn download(
    ctx: &KitContext,
    kit: &Kit,
    records: &RecordSet,
    format: Format,
    lang: &Lang,
) -> Outcome {
    let export = export_files(kit, records, format, lang);
    let bytes = match zip_files(&export.files, now()) {
        Ok(bytes) => bytes,
        Err(e) => {
            return Outcome::Failed(
                ctx.tf("assessor_analysis_failed", &[("reason", &e.to_string())]),
            )
        }
    };
    let date = today().map(|d| d.to_string()).unwrap_or_default();
    let file = format!("qkit-analysis-{}-{date}.zip", format.code());
    if save_file(&file, &bytes) {
        Outcome::Done {
            file,
            format,
            rows: export.rows,
            left_out: export.notes,
        }
    } else {
        Outcome::Failed(ctx.t("assessor_download_failed").to_owned())
    }
}
