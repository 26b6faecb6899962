//! Lexing: lower-case words and numbers.

// ---------------------------------------------------------------------------------
// Lexing: lower-case words and numbers. Punctuation separates; a character the parser
// has no use for (an emoji, '+', '@', a question mark) makes the text not a log.

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Tok {
    Word(String),
    Num(Num),
}

/// A number as typed: digits, and optionally one separator ('.', ',' or ':') and more digits.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Num {
    pub(super) int: String,
    pub(super) sep: Option<char>,
    pub(super) frac: String,
}

impl Num {
    /// The value as an amount (a ',' is a decimal comma); `None` for clock times.
    pub(super) fn value(&self) -> Option<f64> {
        let text = match self.sep {
            None => self.int.clone(),
            Some('.' | ',') => format!("{}.{}", self.int, self.frac),
            Some(_) => return None,
        };
        text.parse::<f64>().ok().filter(|v| v.is_finite())
    }

    /// A whole number of one or two digits.
    pub(super) fn small_int(&self) -> Option<u32> {
        match self.sep {
            None if self.int.len() <= 2 => self.int.parse().ok(),
            _ => None,
        }
    }

    /// `H:MM` or `HH:MM`, hour and minute as typed (not range-checked).
    pub(super) fn colon(&self) -> Option<(u32, u32)> {
        self.clock_shape(':')
    }

    /// `H.MM` that is a valid time of day, so could be a time as well as an amount.
    pub(super) fn dotted_time(&self) -> Option<(u32, u32)> {
        self.clock_shape('.').filter(|&(h, m)| h <= 23 && m <= 59)
    }

    pub(super) fn clock_shape(&self, sep: char) -> Option<(u32, u32)> {
        if self.sep != Some(sep) || !(1..=2).contains(&self.int.len()) || self.frac.len() != 2 {
            return None;
        }
        Some((self.int.parse().ok()?, self.frac.parse().ok()?))
    }
}

/// Punctuation that only separates words.
const SEPARATORS: &[char] = &[
    ',', '.', ':', ';', '!', '(', ')', '[', ']', '"', '\'', '-', '/', '&', '~', '*', '\u{2018}',
    '\u{2019}', '\u{201C}', '\u{201D}', '\u{2026}', '\u{2013}', '\u{2014}',
];

pub(super) fn lex(text: &str) -> Option<Vec<Tok>> {
    // A `/log@botname` prefix: drop the bot name (a plain `/log` lexes to a filler word).
    let text = text.trim_start();
    let text = match text.get(..5) {
        Some(p) if p.eq_ignore_ascii_case("/log@") => text
            .find(char::is_whitespace)
            .and_then(|k| text.get(k..))
            .unwrap_or(""),
        _ => text,
    };
    let chars: Vec<char> = text.chars().flat_map(char::to_lowercase).collect();
    let at = |i: usize| chars.get(i).copied();
    let digit_at = |i: usize| at(i).is_some_and(|c| c.is_ascii_digit());
    let take = |i: &mut usize, keep: fn(char) -> bool| {
        let mut s = String::new();
        while let Some(c) = at(*i).filter(|&c| keep(c)) {
            s.push(c);
            *i += 1;
        }
        s
    };
    let mut toks = Vec::new();
    let mut i = 0;
    while let Some(c) = at(i) {
        if c.is_ascii_digit() {
            let int = take(&mut i, |c| c.is_ascii_digit());
            let mut num = Num {
                int,
                sep: None,
                frac: String::new(),
            };
            if let Some(sep) = at(i).filter(|s| matches!(s, '.' | ',' | ':'))
                && digit_at(i + 1)
            {
                i += 1;
                num.sep = Some(sep);
                num.frac = take(&mut i, |c| c.is_ascii_digit());
                // "1.2.3", "14:30:00", "1,000.5": not a number the parser can trust.
                if at(i).is_some_and(|s| matches!(s, '.' | ',' | ':')) && digit_at(i + 1) {
                    return None;
                }
                // "1,000" is a thousands separator as often as a decimal comma.
                if sep == ',' && num.frac.len() == 3 {
                    return None;
                }
            }
            toks.push(Tok::Num(num));
        } else if c.is_alphabetic() {
            toks.push(Tok::Word(take(&mut i, char::is_alphabetic)));
        } else if matches!(c, '-' | '.')
            && digit_at(i + 1)
            && !i
                .checked_sub(1)
                .and_then(at)
                .is_some_and(char::is_alphanumeric)
        {
            // "-5" or ".5": a sign or a bare fraction the parser will not guess at.
            return None;
        } else if c.is_whitespace() || SEPARATORS.contains(&c) {
            i += 1;
        } else {
            return None;
        }
    }
    Some(toks)
}
