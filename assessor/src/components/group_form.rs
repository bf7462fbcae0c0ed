//! The form for a new group. Its fields are the columns of `groups.csv`, and it is checked by
//! reading it as a one-row groups file with qkit-allocation, so the form and the file accept
//! exactly the same groups.

use crate::names;
use qkit_allocation::{
    read_groups, Cohort, CsvError, Group, Intensity, Rules, TimeOfDay, Weekday, GROUP_COLUMNS,
};
use qkit_web::browser::dom::{checked, input_value, select_value};
use qkit_web::KitContext;
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`GroupForm`].
#[derive(Properties, PartialEq)]
pub struct GroupFormProps {
    pub rules: Rc<Rules>,
    /// Site codes to offer, with their names.
    pub sites: Vec<(String, String)>,
    /// Ids already in use.
    pub taken: Vec<String>,
    pub on_add: Callback<Vec<Group>>,
}

type Fields = BTreeMap<&'static str, String>;

fn defaults(sites: &[(String, String)], programme: Option<&str>) -> Fields {
    let mut f = Fields::new();
    f.insert("programme", programme.unwrap_or_default().to_owned());
    f.insert("pathway", Intensity::Moderate.key().to_owned());
    f.insert("cohort", Cohort::General.key().to_owned());
    f.insert(
        "site",
        sites.first().map(|(c, _)| c.clone()).unwrap_or_default(),
    );
    f.insert("weekday", Weekday::Tue.key().to_owned());
    f.insert("time", TimeOfDay::Day.key().to_owned());
    f.insert("intake", "closed".to_owned());
    f.insert("min_size", "8".to_owned());
    f.insert("max_size", "10".to_owned());
    f.insert("adapted", "no".to_owned());
    f
}

/// Reads the form's fields as a groups file with one row.
pub fn group_from_fields(fields: &Fields, rules: &Rules) -> Result<Vec<Group>, CsvError> {
    let columns: Vec<&str> = GROUP_COLUMNS
        .required
        .iter()
        .chain(GROUP_COLUMNS.optional)
        .copied()
        .collect();
    let row: Vec<String> = columns
        .iter()
        .map(|c| fields.get(c).cloned().unwrap_or_default())
        .collect();
    let mut w = csv::Writer::from_writer(Vec::new());
    // Writing to memory has no I/O to fail, and both rows have the same cells.
    w.write_record(&columns).expect("CSV to memory cannot fail");
    w.write_record(&row).expect("CSV to memory cannot fail");
    let bytes = w.into_inner().expect("flushing to memory cannot fail");
    let text = String::from_utf8_lossy(&bytes);
    read_groups("form", &text, rules)
}

/// The form.
#[function_component(GroupForm)]
pub fn group_form(props: &GroupFormProps) -> Html {
    let ctx = use_context::<KitContext>().expect("the assessor provides KitContext");
    let first_programme = ctx.kit.programmes.first().map(|p| p.id.clone());
    let fields = {
        let sites = props.sites.clone();
        use_state(move || defaults(&sites, first_programme.as_deref()))
    };
    let problem = use_state(|| None::<String>);
    let set = {
        let fields = fields.clone();
        move |name: &'static str, value: String| {
            let mut next = (*fields).clone();
            next.insert(name, value);
            fields.set(next);
        }
    };
    let on_select = |name: &'static str| {
        let set = set.clone();
        Callback::from(move |e: Event| set(name, select_value(&e)))
    };
    let on_input = |name: &'static str| {
        let set = set.clone();
        Callback::from(move |e: InputEvent| set(name, input_value(&e)))
    };
    let on_adapted = {
        let set = set.clone();
        Callback::from(move |e: Event| {
            set("adapted", if checked(&e) { "yes" } else { "no" }.to_owned())
        })
    };
    let on_submit = {
        let (fields, problem, rules, ctx) = (
            fields.clone(),
            problem.clone(),
            props.rules.clone(),
            ctx.clone(),
        );
        let (taken, on_add, sites) = (
            props.taken.clone(),
            props.on_add.clone(),
            props.sites.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let id = fields.get("id").cloned().unwrap_or_default();
            if taken.iter().any(|t| *t == id.trim()) {
                problem.set(Some(ctx.tf("assessor_group_taken", &[("id", id.trim())])));
                return;
            }
            match group_from_fields(&fields, &rules) {
                Ok(groups) => {
                    problem.set(None);
                    let programme = fields.get("programme").cloned();
                    fields.set(defaults(&sites, programme.as_deref()));
                    on_add.emit(groups);
                }
                Err(err) => problem.set(Some(form_problem(&ctx, &err))),
            }
        })
    };
    let value = |name: &str| fields.get(name).cloned().unwrap_or_default();
    let select = |name: &'static str, label: &str, options: Vec<(String, String)>| {
        let current = value(name);
        let id = format!("group-{name}");
        html! {
            <div class="field">
                <label for={id.clone()}>{ ctx.t(label).to_owned() }</label>
                <select {id} onchange={on_select(name)}>
                    { for options.into_iter().map(|(v, l)| { let selected = v == current; html! { <option value={v} {selected}>{ l }</option> } }) }
                </select>
            </div>
        }
    };
    let input = |name: &'static str, label: &str, kind: &'static str| {
        let id = format!("group-{name}");
        html! {
            <div class="field">
                <label for={id.clone()}>{ ctx.t(label).to_owned() }</label>
                <input type={kind} {id} spellcheck="false" autocomplete="off" value={value(name)} oninput={on_input(name)} />
            </div>
        }
    };
    let programmes = ctx
        .kit
        .programmes
        .iter()
        .map(|p| (p.id.clone(), p.name.get(&ctx.lang).to_owned()))
        .collect();
    let pathways = [Intensity::High, Intensity::Moderate]
        .into_iter()
        .map(|i| (i.key().to_owned(), names::intensity(&ctx, i)))
        .collect();
    let cohorts = Cohort::ALL
        .iter()
        .map(|c| (c.key().to_owned(), names::cohort(&ctx, *c)))
        .collect();
    let weekdays = Weekday::ALL
        .into_iter()
        .map(|w| (w.key().to_owned(), names::weekday(&ctx, w)))
        .collect();
    let times = TimeOfDay::ALL
        .iter()
        .map(|t| {
            (
                t.key().to_owned(),
                ctx.t(&format!("assessor_time_{}", t.key())).to_owned(),
            )
        })
        .collect();
    let intakes = vec![
        (
            "closed".to_owned(),
            ctx.t("assessor_intake_closed").to_owned(),
        ),
        (
            "rolling".to_owned(),
            ctx.t("assessor_intake_rolling").to_owned(),
        ),
    ];
    html! {
        <form class="group-form" onsubmit={on_submit} novalidate=true>
            <h3>{ ctx.t("assessor_group_add_heading") }</h3>
            <div class="form-grid">
                { input("id", "assessor_group_id", "text") }
                { select("programme", "assessor_col_programme", programmes) }
                { select("pathway", "assessor_group_pathway", pathways) }
                { select("cohort", "assessor_cohort", cohorts) }
                { select("site", "assessor_group_site", props.sites.clone()) }
                { select("weekday", "assessor_group_weekday", weekdays) }
                { select("time", "assessor_group_time", times) }
                { input("start", "assessor_group_start", "date") }
                { select("intake", "assessor_group_intake", intakes) }
                if value("intake") == "rolling" {
                    { input("module_weeks", "assessor_group_module_weeks", "number") }
                }
                { input("min_size", "assessor_group_min", "number") }
                { input("max_size", "assessor_group_max", "number") }
                { input("members", "assessor_group_members", "text") }
                <label class="check"><input type="checkbox" checked={value("adapted") == "yes"} onchange={on_adapted} />{ ctx.t("assessor_group_adapted") }</label>
            </div>
            if let Some(p) = &*problem {
                <p class="notice problem" role="alert">{ p.clone() }</p>
            }
            <button type="submit" class="button primary">{ ctx.t("assessor_group_add") }</button>
        </form>
    }
}

/// A problem with the form, naming the field by its label.
fn form_problem(ctx: &KitContext, e: &CsvError) -> String {
    match e {
        CsvError::Cell {
            column, message, ..
        } => {
            let label = field_label(column);
            format!("{}: {message}", ctx.t(label))
        }
        other => other.to_string(),
    }
}

fn field_label(column: &str) -> &'static str {
    match column {
        "id" => "assessor_group_id",
        "programme" => "assessor_col_programme",
        "pathway" => "assessor_group_pathway",
        "cohort" => "assessor_cohort",
        "site" => "assessor_group_site",
        "weekday" => "assessor_group_weekday",
        "time" => "assessor_group_time",
        "start" => "assessor_group_start",
        "intake" | "module_starts" => "assessor_group_intake",
        "module_weeks" => "assessor_group_module_weeks",
        "min_size" => "assessor_group_min",
        "max_size" => "assessor_group_max",
        "members" => "assessor_group_members",
        _ => "assessor_group_adapted",
    }
}
