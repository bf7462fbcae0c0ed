//! How answer options can look: an option's colour and the pictograms built into the app.

use std::fmt;

/// An sRGB colour from `#rrggbb`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Colour(pub [u8; 3]);

impl Colour {
    /// Parses `#rrggbb`.
    pub fn parse(s: &str) -> Option<Colour> {
        let hex = s.strip_prefix('#')?;
        if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Colour([byte(0)?, byte(2)?, byte(4)?]))
    }
}

impl fmt::Display for Colour {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [r, g, b] = self.0;
        write!(f, "#{r:02x}{g:02x}{b:02x}")
    }
}

/// The pictograms built into the app, by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pictogram {
    /// Graded bars, 0 to 4 filled.
    Bars(u8),
    /// A face, 1 (saddest) to 5 (happiest).
    Face(u8),
    Yes,
    No,
    Maybe,
    Day,
    Evening,
    AnyTime,
    Book,
    Speech,
    Place,
    Person,
}

impl Pictogram {
    /// Every name the format accepts, for error messages and docs.
    pub const NAMES: &'static str = "bars-0..bars-4, face-1..face-5, yes, no, maybe, day, evening, any-time, book, speech, place, person";

    /// Parses a pictogram name.
    pub fn parse(name: &str) -> Option<Pictogram> {
        if let Some(n) = name.strip_prefix("bars-") {
            return n.parse().ok().filter(|n| *n <= 4).map(Pictogram::Bars);
        }
        if let Some(n) = name.strip_prefix("face-") {
            return n
                .parse()
                .ok()
                .filter(|n| (1..=5).contains(n))
                .map(Pictogram::Face);
        }
        Some(match name {
            "yes" => Pictogram::Yes,
            "no" => Pictogram::No,
            "maybe" => Pictogram::Maybe,
            "day" => Pictogram::Day,
            "evening" => Pictogram::Evening,
            "any-time" => Pictogram::AnyTime,
            "book" => Pictogram::Book,
            "speech" => Pictogram::Speech,
            "place" => Pictogram::Place,
            "person" => Pictogram::Person,
            _ => return None,
        })
    }
}
