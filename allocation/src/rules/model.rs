//! The validated pathway rules. Values come only out of [`super::Rules::load`], so every
//! questionnaire, scale, band, item and code they name exists in the kit they were checked
//! against, every band of a mapped scale has a need level, and the need × risk matrix is full.

use crate::levels::{Cohort, Intensity, Level};
use qkit_questionnaires::ItemRole;

/// Pathway rules: need domains, the overall-need rule, the need × risk matrix, the cohorts of
/// order and licence requirements, and what flags adapted delivery.
#[derive(Debug, Clone, PartialEq)]
pub struct Rules {
    pub id: String,
    pub version: String,
    /// Where the design comes from, in words.
    pub source: String,
    /// What staff must know about risk levels: entered by them, never calculated by qkit.
    pub risk_note: String,
    pub domains: Vec<Domain>,
    pub overall: OverallRule,
    /// `matrix[need][risk]`, indexed by `Level as usize`.
    pub matrix: [[Intensity; 3]; 3],
    pub requirements: Vec<Requirement>,
    pub adapted: AdaptedRule,
    /// The programme ids of the kit the rules were checked against.
    pub programmes: Vec<String>,
}

impl Rules {
    /// The pathway the matrix gives for a need and a risk level.
    pub fn pathway_for(&self, need: Level, risk: Level) -> Intensity {
        self.matrix[need as usize][risk as usize]
    }

    /// The requirement with this code.
    pub fn requirement(&self, code: &str) -> Option<&Requirement> {
        self.requirements.iter().find(|r| r.code == code)
    }

    /// The requirement codes, for messages.
    pub fn requirement_codes(&self) -> String {
        let codes: Vec<&str> = self.requirements.iter().map(|r| r.code.as_str()).collect();
        codes.join(", ")
    }

    /// Whether the kit the rules were checked against has this programme.
    pub fn has_programme(&self, id: &str) -> bool {
        self.programmes.iter().any(|p| p == id)
    }
}

/// A need domain and the scales that evidence it. Its level is the highest level any of its
/// scored sources gives.
#[derive(Debug, Clone, PartialEq)]
pub struct Domain {
    pub id: String,
    pub title: String,
    pub sources: Vec<Source>,
}

/// One scale's bands mapped to need levels; every band of the scale is mapped.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub questionnaire: String,
    pub scale: String,
    /// (band id, need level), in the scale's band order.
    pub bands: Vec<(String, Level)>,
}

impl Source {
    /// The need level a band gives.
    pub fn level(&self, band: &str) -> Option<Level> {
        self.bands.iter().find(|(b, _)| b == band).map(|(_, l)| *l)
    }
}

/// Overall need from the domains: each assessed domain earns `points[level]`; the share of the
/// assessed domains' maximum decides the level.
#[derive(Debug, Clone, PartialEq)]
pub struct OverallRule {
    /// Points per level, indexed by `Level as usize`; rising.
    pub points: [u32; 3],
    /// In (0, 1], at least `medium_at_least`.
    pub high_at_least: f64,
    /// In (0, 1].
    pub medium_at_least: f64,
}

impl OverallRule {
    /// The overall level for `points` out of `max` (`max` > 0).
    pub fn level(&self, points: u32, max: u32) -> Level {
        // Small tolerance so that 3 of 4 meets 0.75 despite binary rounding.
        let share = f64::from(points) / f64::from(max.max(1)) + 1e-9;
        if share >= self.high_at_least {
            Level::High
        } else if share >= self.medium_at_least {
            Level::Medium
        } else {
            Level::Low
        }
    }
}

/// An order or licence requirement staff enter, and its cohort.
#[derive(Debug, Clone, PartialEq)]
pub struct Requirement {
    pub code: String,
    pub label: String,
    pub cohort: Cohort,
}

/// Which answers flag adapted delivery: any trigger met flags it.
#[derive(Debug, Clone, PartialEq)]
pub struct AdaptedRule {
    pub questionnaire: String,
    pub triggers: Vec<AdaptedTrigger>,
}

/// The item with `role` answered with one of `options`.
#[derive(Debug, Clone, PartialEq)]
pub struct AdaptedTrigger {
    pub role: ItemRole,
    /// The item holding that role in the questionnaire.
    pub item: String,
    /// (option code, option value) pairs that flag adapted delivery.
    pub options: Vec<(String, i32)>,
}
