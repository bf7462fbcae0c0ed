//! Definition errors: what is wrong, in which file, at which JSON path.

use thiserror::Error;

/// One problem found in a definition, batteries or interface-strings file.
///
/// Displayed as `file: path: message`, e.g.
/// `phq9.json: $.items[8].text: missing "cy" translation (item "phq9_09")`.
#[derive(Debug, Clone, PartialEq, Error)]
#[error("{file}: {path}: {kind}")]
pub struct DefinitionError {
    /// The file name the definition came from.
    pub file: String,
    /// JSON path of the offending value, `$` for the whole file.
    pub path: String,
    /// What is wrong.
    pub kind: DefinitionErrorKind,
}

/// What is wrong with a definition. Each variant is one class of problem.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum DefinitionErrorKind {
    /// The file is not JSON, or not JSON of the expected shape (includes unknown keys).
    #[error("{0}")]
    Json(String),
    /// The file is larger than qkit accepts for its kind.
    #[error("file is {size} bytes; the limit is {limit} bytes")]
    TooLarge { size: usize, limit: usize },
    /// The `format` key names a format this qkit does not read.
    #[error("format {found} is not supported; this qkit reads format {supported}")]
    UnsupportedFormat { found: u32, supported: u32 },
    /// An id is not lowercase letters, digits and `_` starting with a letter.
    #[error("id \"{0}\" must be lowercase letters, digits and _ and start with a letter")]
    BadId(String),
    /// The questionnaire id does not match its file name.
    #[error("id \"{id}\" does not match the file name (expected \"{expected}\")")]
    IdNotFileName { id: String, expected: String },
    /// Two things that need distinct ids share one.
    #[error("duplicate {what} id \"{id}\"")]
    DuplicateId { what: &'static str, id: String },
    /// A reference to an item that does not exist.
    #[error("{owner} names unknown item \"{item}\"")]
    UnknownItem { owner: String, item: String },
    /// A reference to a response scale that does not exist.
    #[error("item \"{item}\" uses unknown response scale \"{scale}\"")]
    UnknownResponseScale { item: String, scale: String },
    /// A reference to a norm that does not exist in the scale.
    #[error("scale \"{scale}\" names unknown norm \"{norm}\"")]
    UnknownNorm { scale: String, norm: String },
    /// A battery names a questionnaire that is not loaded.
    #[error("programme \"{programme}\" {timepoint} battery names unknown questionnaire \"{questionnaire}\"")]
    UnknownQuestionnaire {
        programme: String,
        timepoint: String,
        questionnaire: String,
    },
    /// A reverse-keyed item contributes to no scale, so the key would do nothing.
    #[error("item \"{0}\" is reverse_keyed but in no scale")]
    ReverseKeyedNotScored(String),
    /// Text lacks a language the file claims to provide.
    #[error("missing \"{lang}\" translation{context}")]
    MissingTranslation { lang: String, context: String },
    /// Text has a language the file does not claim.
    #[error("\"{lang}\" text, but \"{lang}\" is not in languages{context}")]
    UnclaimedLanguage { lang: String, context: String },
    /// A required string is empty.
    #[error("empty text{0}")]
    EmptyText(String),
    /// A key holds a value outside its allowed set.
    #[error("\"{found}\" is not one of {allowed}")]
    NotAllowed {
        found: String,
        allowed: &'static str,
    },
    /// A number outside its allowed range.
    #[error("{what} must be {rule}, found {found}")]
    OutOfRange {
        what: &'static str,
        rule: &'static str,
        found: String,
    },
    /// A standard deviation that is zero or negative.
    #[error("sd must be greater than 0, found {sd} (scale \"{scale}\")", sd = crate::number::number_text(*.0), scale = .1)]
    NonPositiveSd(f64, String),
    /// Two bands share score values.
    #[error("bands \"{first}\" and \"{second}\" overlap (scale \"{scale}\")")]
    OverlappingBands {
        scale: String,
        first: String,
        second: String,
    },
    /// Bands leave part of the scale's range without a band.
    #[error("bands leave {what} (scale \"{scale}\")")]
    BandGap { scale: String, what: String },
    /// A list that must not be empty is empty, or has too few entries.
    #[error("{what} needs at least {min}")]
    TooFew { what: &'static str, min: usize },
    /// A value appears twice where it must be unique.
    #[error("{what} \"{value}\" appears more than once")]
    Repeated { what: &'static str, value: String },
    /// An opposite pair that cannot be checked as declared.
    #[error("opposite pair \"{first}\"/\"{second}\": {why}")]
    BadOppositePair {
        first: String,
        second: String,
        why: &'static str,
    },
    /// A terminology code that is not well formed (a LOINC check digit that does not match).
    #[error("code \"{code}\": {why}")]
    BadCode { code: String, why: &'static str },
    /// A cross-field rule is broken.
    #[error("{0}")]
    Rule(String),
    /// A battery does not start with the consent form.
    #[error("programme \"{programme}\" {timepoint} battery must start with a consent form, starts with \"{first}\"")]
    ConsentNotFirst {
        programme: String,
        timepoint: String,
        first: String,
    },
    /// An interface-strings file's keys differ from the English reference.
    #[error("string \"{key}\" is {what}")]
    UiKey { key: String, what: &'static str },
}

impl DefinitionError {
    pub(crate) fn new(file: &str, path: impl Into<String>, kind: DefinitionErrorKind) -> Self {
        DefinitionError {
            file: file.to_owned(),
            path: path.into(),
            kind,
        }
    }
}

/// Every problem found while loading; never empty.
#[derive(Debug, Clone, PartialEq, Error)]
#[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
pub struct DefinitionErrors(pub Vec<DefinitionError>);

impl From<DefinitionError> for DefinitionErrors {
    fn from(e: DefinitionError) -> Self {
        DefinitionErrors(vec![e])
    }
}

#[cfg(test)]
mod tests {
    use super::DefinitionErrorKind;

    #[test]
    fn numbers_in_messages_are_written_as_in_the_file() {
        let sd = DefinitionErrorKind::NonPositiveSd(-0.5, "total".into());
        assert_eq!(
            sd.to_string(),
            "sd must be greater than 0, found -0.5 (scale \"total\")"
        );
        let tiny = DefinitionErrorKind::NonPositiveSd(-1e-9, "total".into());
        assert!(tiny.to_string().contains("found -1e-9 "), "{tiny}");
    }
}
