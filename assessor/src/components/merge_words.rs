//! A merge conflict in words for the merge screen: what it is about ("Entries for Q1002X
//! (Thinking Skills Programme)") and, for each detail that differs, the detail's name with this
//! workspace's value and the other's, all in names (programmes, sites, levels, days), never codes.

use crate::components::group_list::intake;
use crate::model::merge::Conflict;
use crate::model::staff::StaffEntry;
use crate::model::workspace::Allocated;
use crate::names;
use qkit_allocation::{Group, Outcome, Participant, Rules, Weekday};
use qkit_scoring::ReliableChangeChoice;
use qkit_web::KitContext;

/// One detail: its name, this workspace's value and the other's.
pub type Row = (String, String, String);

/// What `conflict` is about, as the legend of its choice.
pub fn legend(ctx: &KitContext, conflict: &Conflict) -> String {
    let who = |key: &crate::model::Key, string: &str| {
        ctx.tf(
            string,
            &[
                ("participant", &key.participant),
                ("programme", &names::programme(ctx, &key.programme)),
            ],
        )
    };
    match conflict {
        Conflict::Staff { key, .. } => who(key, "assessor_merge_conflict_staff"),
        Conflict::Comment { key, .. } => who(key, "assessor_merge_conflict_comment"),
        Conflict::Listed { ours, .. } => who(
            &crate::model::Key::new(&ours.id, &ours.programme),
            "assessor_merge_conflict_listed",
        ),
        Conflict::Group { ours, .. } => ctx.tf("assessor_group_heading", &[("id", &ours.id)]),
        Conflict::Allocation { .. } => ctx.t("assessor_merge_conflict_allocation").to_owned(),
        Conflict::LocalFile { ours, .. } => ctx.tf(
            "assessor_merge_conflict_local_file",
            &[("file", &ours.name)],
        ),
        Conflict::RulesFile { .. } => ctx.t("assessor_merge_conflict_rules").to_owned(),
        Conflict::ReliableChange { .. } => ctx.t("assessor_merge_conflict_reliable").to_owned(),
        Conflict::Chosen { ours, .. } => {
            let timepoint = qkit_questionnaires::Timepoint::from_key(&ours.timepoint)
                .map_or_else(|| ours.timepoint.clone(), |t| names::timepoint(ctx, t));
            ctx.tf(
                "assessor_merge_conflict_chosen",
                &[
                    ("participant", &ours.key.participant),
                    ("programme", &names::programme(ctx, &ours.key.programme)),
                    ("timepoint", &timepoint),
                ],
            )
        }
    }
}

/// The details that differ, each with both values.
pub fn rows(ctx: &KitContext, rules: &Rules, conflict: &Conflict) -> Vec<Row> {
    let one =
        |label: &str, ours: String, theirs: String| vec![(ctx.t(label).to_owned(), ours, theirs)];
    match conflict {
        Conflict::Staff { ours, theirs, .. } => {
            differing(staff(ctx, rules, ours), staff(ctx, rules, theirs))
        }
        Conflict::Comment { ours, theirs, .. } => {
            one("assessor_report_comments", ours.clone(), theirs.clone())
        }
        Conflict::Group { ours, theirs } => differing(group(ctx, ours), group(ctx, theirs)),
        Conflict::Listed { ours, theirs } => differing(listed(ctx, ours), listed(ctx, theirs)),
        Conflict::Allocation { ours, theirs } => one(
            "assessor_merge_conflict_allocation",
            allocation(ctx, ours),
            allocation(ctx, theirs),
        ),
        Conflict::LocalFile { ours, theirs } => one(
            "assessor_merge_file_text",
            names::file_size(ours.text.len() as f64),
            names::file_size(theirs.text.len() as f64),
        ),
        Conflict::RulesFile { ours, theirs } => {
            let name = |f: &Option<crate::model::rules_file::RulesFile>| {
                f.as_ref().map_or_else(
                    || ctx.t("assessor_merge_rules_shipped").to_owned(),
                    |f| f.name.clone(),
                )
            };
            one("assessor_merge_conflict_rules", name(ours), name(theirs))
        }
        Conflict::ReliableChange { ours, theirs } => {
            let rc = |c: &ReliableChangeChoice| match c {
                ReliableChangeChoice::Definition => {
                    ctx.t("assessor_merge_rc_definition").to_owned()
                }
                ReliableChangeChoice::CohortPre => ctx.t("assessor_merge_rc_cohort").to_owned(),
            };
            one("assessor_merge_conflict_reliable", rc(ours), rc(theirs))
        }
        Conflict::Chosen {
            our_file,
            their_file,
            ..
        } => one(
            "assessor_merge_chosen_file",
            our_file.clone(),
            their_file.clone(),
        ),
    }
}

/// The rows of two same-shaped detail lists whose values differ.
fn differing(ours: Vec<(String, String)>, theirs: Vec<(String, String)>) -> Vec<Row> {
    ours.into_iter()
        .zip(theirs)
        .filter(|((_, a), (_, b))| a != b)
        .map(|((label, a), (_, b))| (label, a, b))
        .collect()
}

fn none(ctx: &KitContext) -> String {
    ctx.t("assessor_merge_none").to_owned()
}

fn list(items: impl Iterator<Item = String>, ctx: &KitContext) -> String {
    let items: Vec<String> = items.collect();
    if items.is_empty() {
        none(ctx)
    } else {
        items.join(", ")
    }
}

fn days(ctx: &KitContext, d: &[Weekday]) -> String {
    list(d.iter().map(|w| names::weekday(ctx, *w)), ctx)
}

fn yes_no(ctx: &KitContext, b: bool) -> String {
    ctx.t(if b { "assessor_yes" } else { "assessor_no" })
        .to_owned()
}

fn staff(ctx: &KitContext, rules: &Rules, e: &StaffEntry) -> Vec<(String, String)> {
    let requirement = e.requirement.as_ref().map(|code| {
        rules
            .requirements
            .iter()
            .find(|r| &r.code == code)
            .map_or(code.clone(), |r| r.label.clone())
    });
    let pathway = e
        .pathway_override
        .as_ref()
        .map(|(i, why)| format!("{} ({why})", names::intensity(ctx, *i)));
    [
        ("assessor_risk", e.risk.map(|l| names::level(ctx, l))),
        ("assessor_requirement", requirement),
        ("assessor_override_pathway", pathway),
        (
            "assessor_sites",
            Some(list(e.sites.iter().map(|s| names::site(ctx, s)), ctx)),
        ),
        (
            "assessor_availability",
            e.availability.map(|a| names::availability(ctx, a)),
        ),
        ("assessor_in_work", e.in_work.map(|b| yes_no(ctx, b))),
        ("assessor_weekdays", Some(days(ctx, &e.weekdays))),
        (
            "assessor_keep_apart",
            Some(list(e.keep_apart.iter().cloned(), ctx)),
        ),
        (
            "assessor_waiting_since",
            e.waiting_since.map(|d| d.to_string()),
        ),
    ]
    .into_iter()
    .map(|(label, v)| (ctx.t(label).to_owned(), v.unwrap_or_else(|| none(ctx))))
    .collect()
}

fn group(ctx: &KitContext, g: &Group) -> Vec<(String, String)> {
    let when = format!(
        "{}, {}",
        names::weekday(ctx, g.slot.weekday),
        ctx.t(&format!("assessor_time_{}", g.slot.time.key()))
    );
    [
        (
            "assessor_col_programme",
            names::programme(ctx, &g.programme),
        ),
        (
            "assessor_group_pathway",
            format!(
                "{}, {}",
                names::intensity(ctx, g.pathway),
                names::cohort(ctx, g.cohort)
            ),
        ),
        ("assessor_group_adapted", yes_no(ctx, g.adapted)),
        ("assessor_group_site", names::site(ctx, &g.site)),
        ("assessor_group_when", when),
        ("assessor_group_start", g.start.to_string()),
        ("assessor_group_intake", intake(ctx, &g.intake)),
        (
            "assessor_group_sizes",
            format!("{}–{}", g.min_size, g.max_size),
        ),
        (
            "assessor_merge_members",
            list(g.members.iter().cloned(), ctx),
        ),
    ]
    .into_iter()
    .map(|(label, v)| (ctx.t(label).to_owned(), v))
    .collect()
}

fn listed(ctx: &KitContext, p: &Participant) -> Vec<(String, String)> {
    [
        (
            "assessor_group_pathway",
            format!(
                "{}, {}",
                names::intensity(ctx, p.pathway),
                names::cohort(ctx, p.cohort)
            ),
        ),
        ("assessor_col_need", names::level(ctx, p.need)),
        (
            "assessor_sites",
            list(p.sites.iter().map(|s| names::site(ctx, s)), ctx),
        ),
        (
            "assessor_availability",
            names::availability(ctx, p.availability),
        ),
        ("assessor_weekdays", days(ctx, &p.weekdays)),
        ("assessor_in_work", yes_no(ctx, p.in_work)),
        ("assessor_group_adapted", yes_no(ctx, p.adapted)),
        ("assessor_waiting_since", p.waiting_since.to_string()),
        (
            "assessor_keep_apart",
            list(p.keep_apart.iter().cloned(), ctx),
        ),
    ]
    .into_iter()
    .map(|(label, v)| (ctx.t(label).to_owned(), v))
    .collect()
}

fn allocation(ctx: &KitContext, a: &Allocated) -> String {
    let placed = a
        .allocation
        .assignments
        .iter()
        .filter(|x| matches!(x.outcome, Outcome::Group { .. }))
        .count();
    ctx.tf(
        "assessor_merge_allocation",
        &[
            ("date", &a.allocation.today.to_string()),
            ("placed", &placed.to_string()),
            (
                "others",
                &(a.allocation.assignments.len() - placed).to_string(),
            ),
            ("moves", &a.allocation.moves.len().to_string()),
        ],
    )
}
