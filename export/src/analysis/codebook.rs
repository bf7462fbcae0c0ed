//! The codebook, as CSV (one line per variable) and Markdown (a section per questionnaire):
//! every variable's name, label, type and measurement level, its item text and value labels in
//! each of the kit's languages (standard and easy-read wording), its special-answer codes, the
//! questionnaire's id, definition version and content hash, where the wording shown is
//! recorded, the scoring rule of every score, and the published codes (LOINC) the definition
//! cites for an item, its options and a score.

use super::codebook_codes::{codes, panel};
use super::table::questionnaire_of;
use super::{About, Measure, Storage, Table, Variable};
use qkit_questionnaires::{
    Item, Kit, Lang, Method, MinAnswered, Prorate, Questionnaire, Rounding, Text,
};
use std::fmt::Write;

/// The codebook as CSV: one line per variable of `table`.
pub fn codebook_csv(kit: &Kit, table: &Table) -> String {
    let langs: Vec<Lang> = kit.ui.languages().map(|(l, _)| l.clone()).collect();
    let mut header: Vec<String> = [
        "variable",
        "questionnaire",
        "version",
        "content_hash",
        "what",
        "type",
        "measure",
        "label",
    ]
    .map(String::from)
    .to_vec();
    for l in &langs {
        header.extend([
            format!("text_{l}"),
            format!("easy_read_{l}"),
            format!("values_{l}"),
            format!("easy_read_values_{l}"),
        ]);
    }
    header.extend(["missing_codes", "wording_shown", "scoring", "codes"].map(String::from));
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    out.write_record(&header)
        .expect("CSV to memory cannot fail");
    for v in &table.variables {
        let q = questionnaire_of(&v.about).and_then(|id| kit.questionnaire(id));
        let item = item_of(kit, v);
        let mut row = vec![
            v.name.clone(),
            q.map_or(String::new(), |q| q.id.clone()),
            q.map_or(String::new(), |q| q.version.clone()),
            q.map_or(String::new(), |q| q.content_hash.clone()),
            what(&v.about).to_owned(),
            storage(v),
            measure(v.measure).to_owned(),
            v.label.clone(),
        ];
        for l in &langs {
            let exact = |t: &Text| t.exact(l).unwrap_or_default().to_owned();
            row.push(item.map_or(String::new(), |i| exact(&i.text)));
            row.push(
                item.and_then(|i| i.easy_read.as_ref())
                    .map_or(String::new(), exact),
            );
            row.push(item.map_or(String::new(), |i| option_labels(i, l, false)));
            row.push(item.map_or(String::new(), |i| option_labels(i, l, true)));
        }
        row.push(missing(v));
        row.push(wording_shown(table, v));
        row.push(q.map_or(String::new(), |q| scoring(table, q, &v.about)));
        row.push(q.map_or(String::new(), |q| codes(q, &v.about)));
        out.write_record(&row).expect("CSV to memory cannot fail");
    }
    let bytes = out.into_inner().expect("flushing to memory cannot fail");
    String::from_utf8(bytes).expect("every cell was a String, so the CSV is UTF-8")
}

/// The codebook as Markdown: the record's columns, then a section per questionnaire.
pub fn codebook_markdown(kit: &Kit, table: &Table) -> String {
    let langs: Vec<Lang> = kit.ui.languages().map(|(l, _)| l.clone()).collect();
    let mut s = String::new();
    let _ = writeln!(
        s,
        "# Codebook\n\nLabels in `{}`. The data file holds codes; special answers have their own \
         codes (below each item's options), which R and SPSS treat as missing values; an empty \
         cell is an unanswered item, a questionnaire not in the battery, or a score that could \
         not be given. `<questionnaire>_language` is the language its questions were shown in \
         (`en` for a questionnaire with no text in the sitting's language; `cy+en` when staff \
         changed the language part-way through); the record's `language` is the one chosen \
         for the sitting. `<questionnaire>_<scale>_status` says how each score was given \
         (1 from every item it needs, 2 prorated for missing items, 3 not scored: too few \
         answered). A questionnaire result left out of these rows (its definition changed \
         part-way through the sitting, so it was never scored) is named in `left_out.csv`.\n\n\
         These files hold participants' answers in plain text: keep them as \
         securely as the records.\n",
        table.lang
    );
    let _ = writeln!(
        s,
        "## Record\n\n| variable | label | type | values |\n|---|---|---|---|"
    );
    for v in table
        .variables
        .iter()
        .filter(|v| matches!(v.about, About::Record(_)))
    {
        let _ = writeln!(
            s,
            "| `{}` | {} | {} | {} |",
            v.name,
            cell(&v.label),
            storage(v),
            cell(&values(v))
        );
    }
    let mut current = None;
    for v in &table.variables {
        let Some(q) = questionnaire_of(&v.about).and_then(|id| kit.questionnaire(id)) else {
            continue;
        };
        if current != Some(&q.id) {
            current = Some(&q.id);
            let _ = writeln!(
                s,
                "\n## {} (`{}`)\n\nDefinition version {}, content hash `{}`. Source: {}{}\n\n\
                 | variable | label | measure | values | missing codes | scoring | codes |\n\
                 |---|---|---|---|---|---|---|",
                q.title.get(&table.lang),
                q.id,
                q.version,
                q.content_hash,
                cell(&q.source),
                panel(q)
            );
        }
        let _ = writeln!(
            s,
            "| `{}` | {} | {} | {} | {} | {} | {} |",
            v.name,
            cell(&v.label),
            measure(v.measure),
            cell(&values(v)),
            cell(&missing(v)),
            cell(&scoring(table, q, &v.about)),
            cell(&codes(q, &v.about))
        );
        if let Some(item) = item_of(kit, v) {
            for l in langs.iter().filter(|l| **l != table.lang) {
                if let Some(text) = item.text.exact(l) {
                    let _ = writeln!(
                        s,
                        "| | `{l}`: {} | | {} | | | |",
                        cell(text),
                        cell(&option_labels(item, l, false))
                    );
                }
            }
            if let Some(easy) = &item.easy_read {
                for l in &langs {
                    if let Some(text) = easy.exact(l) {
                        let _ = writeln!(
                            s,
                            "| | easy-read `{l}`: {} | | {} | | | |",
                            cell(text),
                            cell(&option_labels(item, l, true))
                        );
                    }
                }
            }
        }
    }
    s
}

fn item_of<'k>(kit: &'k Kit, v: &Variable) -> Option<&'k Item> {
    match &v.about {
        About::Item {
            questionnaire,
            item,
        } => kit.questionnaire(questionnaire)?.items.get(*item),
        _ => None,
    }
}

fn what(about: &About) -> &'static str {
    match about {
        About::Record(_) => "record",
        About::Version { .. } => "version",
        About::Wording { .. } => "wording",
        About::Language { .. } => "language",
        About::Item { .. } => "item",
        About::Score { .. } => "score",
        About::Band { .. } => "band",
        About::Status { .. } => "score_status",
    }
}

fn storage(v: &Variable) -> String {
    match v.storage {
        Storage::Text(_) => "text".to_owned(),
        Storage::Numeric if v.values.is_empty() => "number".to_owned(),
        Storage::Numeric => "code".to_owned(),
    }
}

fn measure(m: Measure) -> &'static str {
    match m {
        Measure::Nominal => "nominal",
        Measure::Ordinal => "ordinal",
        Measure::Scale => "scale",
    }
}

fn values(v: &Variable) -> String {
    code_list(v.values.iter().map(|x| (x.code, x.label.as_str())))
}

fn missing(v: &Variable) -> String {
    code_list(v.missing.iter().map(|x| (x.code, x.label.as_str())))
}

/// `code=label; …`.
fn code_list<'a>(pairs: impl Iterator<Item = (i32, &'a str)>) -> String {
    let parts: Vec<String> = pairs
        .map(|(code, label)| format!("{code}={label}"))
        .collect();
    parts.join("; ")
}

/// `value=label; …` in `lang` (exactly: empty when the definition has no text in `lang`), the
/// easy-read labels (falling back to the standard label) when `easy_read`.
fn option_labels(item: &Item, lang: &Lang, easy_read: bool) -> String {
    let parts: Option<Vec<String>> = item
        .response_scale
        .options
        .iter()
        .map(|o| {
            let label = match (&o.easy_read_label, easy_read) {
                (Some(e), true) => e,
                _ => &o.label,
            };
            label.exact(lang).map(|t| format!("{}={t}", o.value))
        })
        .collect();
    parts.map(|p| p.join("; ")).unwrap_or_default()
}

fn wording_shown(table: &Table, v: &Variable) -> String {
    let Some(q) = questionnaire_of(&v.about) else {
        return String::new();
    };
    table
        .variables
        .iter()
        .find(|w| {
            w.about
                == About::Wording {
                    questionnaire: q.to_owned(),
                }
        })
        .map_or(String::new(), |w| format!("in {}", w.name))
}

/// The scoring rule behind a score or band column, or the scales an item counts towards.
fn scoring(table: &Table, q: &Questionnaire, about: &About) -> String {
    match about {
        About::Status { scale, .. } => {
            let sc = &q.scales[*scale];
            let mut rule = format!(
                "how {} was given: 1 = from every item it needs, 2 = prorated for missing items \
                 (sum x items / answered), 3 = not scored (fewer than {} answered); \
                 empty when the questionnaire has no score",
                score_name(table, q, *scale),
                sc.min_answered.required(sc.items.len())
            );
            if sc.prorate != Prorate::On {
                rule.push_str("; this scale is never prorated");
            }
            rule
        }
        About::Score { scale, .. } | About::Band { scale, .. } => {
            let sc = &q.scales[*scale];
            let items: Vec<&str> = sc.items.iter().map(|&i| q.items[i].id.as_str()).collect();
            let reversed: Vec<&str> = sc
                .items
                .iter()
                .filter(|&&i| q.items[i].reverse_keyed)
                .map(|&i| q.items[i].id.as_str())
                .collect();
            let mut rule = format!(
                "{} of the keyed answers to {} items ({})",
                match sc.method {
                    Method::Sum => "sum",
                    Method::Mean => "mean",
                },
                items.len(),
                items.join(", ")
            );
            if !reversed.is_empty() {
                let _ = write!(
                    rule,
                    "; reverse keyed (min + max - value): {}",
                    reversed.join(", ")
                );
            }
            let need = match sc.min_answered {
                MinAnswered::Count(n) => n.to_string(),
                MinAnswered::Proportion(_) => sc.min_answered.required(items.len()).to_string(),
            };
            let _ = write!(rule, "; needs at least {need} answered, else empty");
            if sc.prorate == Prorate::On {
                rule.push_str("; with items missing, prorated (sum x items / answered)");
                if sc.rounding == Rounding::Integer {
                    rule.push_str(", rounded to a whole number");
                }
            }
            if let (About::Band { .. }, Some(bands)) = (about, &sc.bands) {
                let list: Vec<String> = (1..)
                    .zip(&bands.bands)
                    .map(|(code, b)| format!("{code}={}..{}", b.min, b.max))
                    .collect();
                let _ = write!(rule, "; bands: {}", list.join(", "));
            }
            rule
        }
        About::Item { item, .. } => {
            let def = &q.items[*item];
            let scales: Vec<&str> = (0..q.scales.len())
                .filter(|&s| q.scales[s].items.contains(item))
                .map(|scale| score_name(table, q, scale))
                .filter(|name| !name.is_empty())
                .collect();
            match (scales.is_empty(), def.reverse_keyed) {
                (true, _) => "not scored".to_owned(),
                (false, false) => format!("counts towards {}", scales.join(", ")),
                (false, true) => format!("reverse keyed; counts towards {}", scales.join(", ")),
            }
        }
        _ => String::new(),
    }
}

/// The name of the column holding scale `scale`'s score (empty if the table has none).
fn score_name<'t>(table: &'t Table, q: &Questionnaire, scale: usize) -> &'t str {
    let about = About::Score {
        questionnaire: q.id.clone(),
        scale,
    };
    table
        .variables
        .iter()
        .find(|v| v.about == about)
        .map_or("", |v| v.name.as_str())
}

/// Text safe inside a Markdown table cell.
pub(super) fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}
