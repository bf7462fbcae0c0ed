//! What read-aloud is reading now on a screen, so the screen can highlight it: which of the
//! screen's pieces (question, options, special answers) and, when speech synthesis says where
//! it is, which word. Recordings carry no timings, so a recorded text is highlighted whole.
//! The browser's reader only reports [`ReadEvent`]s; this state is what they add up to (the
//! screen keeps it with `crate::hooks::use_reading`).

/// What the reader reports while it reads a screen's pieces (indexes into them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadEvent {
    /// Piece `i` started (from its recording or a synthetic voice).
    Started(usize),
    /// A synthetic voice reached a word of piece `piece`: where it starts and how long it is, in
    /// UTF-16 code units as the browser counts them.
    Word { piece: usize, start: u32, len: u32 },
    /// The reading ended, or was stopped.
    Ended,
    /// A piece could be read neither from a recording nor by a voice.
    Unavailable,
}

/// The screen's reading now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Reading {
    /// The piece being read.
    pub piece: Option<usize>,
    /// The word of it being read (start, length in UTF-16 code units), when known.
    pub word: Option<(u32, u32)>,
}

impl Reading {
    /// The state after `event`.
    pub fn after(self, event: ReadEvent) -> Reading {
        match event {
            ReadEvent::Started(i) => Reading {
                piece: Some(i),
                word: None,
            },
            ReadEvent::Word { piece, start, len } => Reading {
                piece: Some(piece),
                word: Some((start, len)),
            },
            ReadEvent::Ended => Reading::default(),
            ReadEvent::Unavailable => self,
        }
    }

    /// Whether piece `i` is being read.
    pub fn reads(&self, i: usize) -> bool {
        self.piece == Some(i)
    }

    /// The word of piece `i` being read, if it is and the word is known.
    pub fn word_of(&self, i: usize) -> Option<(u32, u32)> {
        self.word.filter(|_| self.reads(i))
    }
}

/// `text` split round the word at `start`, `len` (UTF-16 code units): before, the word, after.
/// A length of 0 (browsers that do not give one) means up to the next space. `None` when the
/// place is not on a character boundary of `text` or lies outside it.
pub fn split_word(text: &str, start: u32, len: u32) -> Option<(&str, &str, &str)> {
    let byte_at = |units: u32| {
        let mut counted = 0u32;
        for (at, c) in text.char_indices() {
            if counted == units {
                return Some(at);
            }
            counted += c.len_utf16() as u32;
        }
        (counted == units).then_some(text.len())
    };
    let from = byte_at(start)?;
    let to = if len == 0 {
        text[from..]
            .find(char::is_whitespace)
            .map_or(text.len(), |n| from + n)
    } else {
        byte_at(start.checked_add(len)?)?
    };
    Some((&text[..from], &text[from..to], &text[to..]))
}
