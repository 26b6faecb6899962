//! Lexing: lower-case words and numbers.

use super::Day;

// ---------------------------------------------------------------------------------
// Lexing: lower-case words, numbers (number words become numbers), dates and '+'.
// Punctuation and symbols (an emoji, '@') separate; a question mark makes the text not a
// log.

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Tok {
    Word(String),
    Num(Num),
    /// `+` between amounts: a sum.
    Plus,
    /// A date written with digits: `Day::Date` when its order is known (ISO
    /// `2026-11-28`, or `28.11.` as typed in Europe), `Day::Slash` for `28/11` or `11/28`.
    Date(Day),
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
        if c.is_ascii_digit()
            && let Some((date, len)) = date_at(&chars, i)
        {
            toks.push(Tok::Date(date));
            i += len;
            // "2026-11-27T06:00": the time follows the 'T'.
            if at(i) == Some('t') && digit_at(i + 1) {
                i += 1;
            }
        } else if c.is_ascii_digit() {
            let int = take(&mut i, |c| c.is_ascii_digit());
            let mut num = Num {
                int,
                sep: None,
                frac: String::new(),
            };
            // "3 ,5 oz": a decimal comma typed after a space (a phone's keyboard).
            if at(i) == Some(' ')
                && at(i + 1) == Some(',')
                && digit_at(i + 2)
                && !digit_at(i + 4)
                && !at(i + 3).is_some_and(|c| c == '.' || c == ',' || c == ':')
            {
                i += 1;
            }
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
        } else if c == '+' {
            toks.push(Tok::Plus);
            i += 1;
        } else if c == '?' {
            return None;
        } else {
            // Whitespace, punctuation, an emoji: only separates.
            i += 1;
        }
    }
    Some(number_words(toks))
}

/// A date in digits at `i`: `28/11`, `11/28/2026`, `2026-11-28`, `28.11.` or
/// `28.11.2026`, and how many characters it takes.
fn date_at(chars: &[char], i: usize) -> Option<(Day, usize)> {
    let digits = |from: usize| -> (u32, usize) {
        let len = chars
            .get(from..)
            .unwrap_or(&[])
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        let text: String = chars.get(from..from + len).unwrap_or(&[]).iter().collect();
        (text.parse().unwrap_or(u32::MAX), len)
    };
    let year = |v: u32, len: usize| -> Option<i32> {
        match len {
            2 => i32::try_from(v).ok().map(|y| 2000 + y),
            4 => i32::try_from(v).ok(),
            _ => None,
        }
    };
    let (a, alen) = digits(i);
    let sep = *chars.get(i + alen)?;
    if !matches!(sep, '/' | '-' | '.') {
        return None;
    }
    let (b, blen) = digits(i + alen + 1);
    if blen == 0 || blen > 2 {
        return None;
    }
    let mut len = alen + 1 + blen;
    let third = if chars.get(i + len) == Some(&sep) {
        let (c, clen) = digits(i + len + 1);
        (clen > 0).then_some((c, clen))
    } else {
        None
    };
    let followed_by_digit = |at: usize| chars.get(at).is_some_and(|c| c.is_ascii_digit());
    match sep {
        '-' => {
            let (c, clen) = third?;
            if alen != 4 || clen > 2 {
                return None;
            }
            len += 1 + clen;
            let date = Day::Date {
                year: year(a, 4),
                month: b,
                day: c,
            };
            Some((date, len))
        }
        '/' => {
            if alen > 2 {
                return None;
            }
            let y = match third {
                Some((c, clen)) => {
                    len += 1 + clen;
                    Some(year(c, clen)?)
                }
                None => None,
            };
            if followed_by_digit(i + len) {
                return None;
            }
            let date = Day::Slash {
                first: a,
                second: b,
                year: y,
            };
            Some((date, len))
        }
        _ => {
            // "28.11." or "28.11.2026"; "28.11" alone is a decimal.
            if alen > 2 || !(1..=31).contains(&a) || !(1..=12).contains(&b) {
                return None;
            }
            if chars.get(i + len) != Some(&'.') {
                return None;
            }
            let y = match third {
                Some((c, clen)) => {
                    len += 1 + clen;
                    Some(year(c, clen)?)
                }
                None => {
                    len += 1;
                    None
                }
            };
            let date = Day::Date {
                year: y,
                month: b,
                day: a,
            };
            Some((date, len))
        }
    }
}

const UNITS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: &[&str] = &[
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
const OZ: &[&str] = &["oz", "ozs", "ounce", "ounces"];

/// Number words become numbers: `ninety`, `a hundred and twenty`, `seventy-five`,
/// `one twenty`, `two and a half`, `half an` (ounce), `an` (ounce), `a couple of`.
fn number_words(toks: Vec<Tok>) -> Vec<Tok> {
    let word = |k: usize| match toks.get(k) {
        Some(Tok::Word(w)) => Some(w.as_str()),
        _ => None,
    };
    let unit = |k: usize| word(k).and_then(|w| UNITS.iter().position(|u| *u == w));
    let tens = |k: usize| word(k).and_then(|w| TENS.iter().position(|t| !t.is_empty() && *t == w));
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let mut value: Option<f64> = None;
        let mut j = i;
        // "a hundred", "one hundred", "hundred".
        let hundreds = match (word(i), unit(i)) {
            (Some("a"), _) if word(i + 1) == Some("hundred") => Some((1, 2)),
            (_, Some(u)) if (1..=9).contains(&u) && word(i + 1) == Some("hundred") => Some((u, 2)),
            (Some("hundred"), _) => Some((1, 1)),
            _ => None,
        };
        if let Some((h, len)) = hundreds {
            let mut v = (h * 100) as f64;
            j = i + len;
            let k = if word(j) == Some("and") { j + 1 } else { j };
            if let Some(t) = tens(k) {
                v += (t * 10) as f64;
                j = k + 1;
                if let Some(u) = unit(j).filter(|u| (1..=9).contains(u)) {
                    v += u as f64;
                    j += 1;
                }
            } else if let Some(u) = unit(k).filter(|u| *u >= 1) {
                v += u as f64;
                j = k + 1;
            }
            value = Some(v);
        } else if let Some(t) = tens(i) {
            let mut v = (t * 10) as f64;
            j = i + 1;
            if let Some(u) = unit(j).filter(|u| (1..=9).contains(u)) {
                v += u as f64;
                j += 1;
            }
            value = Some(v);
        } else if let Some(u) = unit(i) {
            j = i + 1;
            // "one twenty": 120.
            match tens(j) {
                Some(t) if (1..=9).contains(&u) => {
                    value = Some((u * 100 + t * 10) as f64);
                    j += 1;
                }
                _ => value = Some(u as f64),
            }
        } else if matches!(word(i), Some("a" | "an"))
            && word(i + 1).is_some_and(|w| OZ.contains(&w))
        {
            value = Some(1.0);
            j = i + 1;
        } else if word(i) == Some("half")
            && matches!(word(i + 1), Some("a" | "an"))
            && word(i + 2).is_some_and(|w| OZ.contains(&w))
        {
            value = Some(0.5);
            j = i + 2;
        } else if word(i) == Some("a") && word(i + 1) == Some("couple") {
            value = Some(2.0);
            j = if word(i + 2) == Some("of") {
                i + 3
            } else {
                i + 2
            };
        }
        let Some(mut v) = value else {
            if let Some(t) = toks.get(i) {
                out.push(t.clone());
            }
            i += 1;
            continue;
        };
        // "two and a half".
        if word(j) == Some("and") && word(j + 1) == Some("a") && word(j + 2) == Some("half") {
            v += 0.5;
            j += 3;
        }
        let text = format!("{v}");
        let num = match text.split_once('.') {
            Some((int, frac)) => Num {
                int: int.to_string(),
                sep: Some('.'),
                frac: frac.to_string(),
            },
            None => Num {
                int: text,
                sep: None,
                frac: String::new(),
            },
        };
        out.push(Tok::Num(num));
        i = j.max(i + 1);
    }
    out
}
