//! Text analysis: normalising a text into words, and the bounded edit distance used to read
//! typos.

/// Only the start of a very long message is read (Telegram allows 4096 characters).
pub(super) const MAX_QUERY_CHARS: usize = 600;
/// Only this many words of a message are read.
pub(super) const MAX_QUERY_WORDS: usize = 80;
/// A negation reaches this many words after it.
pub(super) const NEGATION_REACH: usize = 4;
/// Words shorter than this are never corrected (too many near neighbours: "pasta" is not a
/// typo of "past").
pub(super) const TYPO_MIN_CHARS: usize = 6;
/// Nor are words ever corrected into a content word shorter than this.
pub(super) const TYPO_MIN_TARGET_CHARS: usize = 6;
/// Words longer than this are never corrected.
pub(super) const TYPO_MAX_CHARS: usize = 24;
/// From this length a word may have two typos; shorter words one.
pub(super) const TYPO_TWO_EDITS_FROM: usize = 8;

pub(super) type TermId = u32;

/// Lowercased words of `text`, separated by single spaces (see the module documentation).
pub(super) fn normalise(text: &str) -> String {
    #[derive(PartialEq, Clone, Copy)]
    enum Kind {
        Space,
        Letter,
        Digit,
    }
    let mut out = String::with_capacity(text.len().min(MAX_QUERY_CHARS * 4));
    let mut last = Kind::Space;
    for c in text.chars().take(MAX_QUERY_CHARS) {
        if matches!(c, '\'' | '’' | '‘' | 'ʼ' | '`' | '´' | 'ʻ') {
            continue;
        }
        if c.is_alphanumeric() {
            let kind = if c.is_numeric() {
                Kind::Digit
            } else {
                Kind::Letter
            };
            if last != Kind::Space && last != kind {
                out.push(' ');
            }
            out.extend(c.to_lowercase());
            last = kind;
        } else if last != Kind::Space {
            out.push(' ');
            last = Kind::Space;
        }
    }
    out
}

/// The words of a normalised text that take part in matching (numbers are dropped).
pub(super) fn words(normalised: &str) -> impl Iterator<Item = &str> {
    normalised
        .split_whitespace()
        .filter(|w| !w.chars().all(char::is_numeric))
        .take(MAX_QUERY_WORDS)
}

/// Optimal-string-alignment distance (edits, plus swaps of neighbours) between `a` and `b`,
/// or `None` when it exceeds `limit`. Stops early once every path is over the limit.
pub(super) fn edit_distance_within(a: &[char], b: &[char], limit: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    // Three rows on the stack: the one before last, the last, the current.
    const ROW: usize = TYPO_MAX_CHARS + 1;
    if b.len() >= ROW {
        return None;
    }
    let mut rows = [[0usize; ROW]; 3];
    // The rows rotate by swapping references, so no row is ever copied.
    let [mut before, mut prev, mut cur] = rows.each_mut();
    for (j, p) in prev.iter_mut().enumerate() {
        *p = j;
    }
    for (i, &ca) in a.iter().enumerate() {
        if let Some(c) = cur.first_mut() {
            *c = i + 1;
        }
        let mut row_min = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            let (Some(&up), Some(&diag), Some(&left)) = (prev.get(j + 1), prev.get(j), cur.get(j))
            else {
                return None;
            };
            let mut d = (up + 1).min(left + 1).min(diag + cost);
            if i > 0
                && j > 0
                && a.get(i - 1) == Some(&cb)
                && b.get(j - 1) == Some(&ca)
                && let Some(&swap) = before.get(j - 1)
            {
                d = d.min(swap + 1);
            }
            if let Some(c) = cur.get_mut(j + 1) {
                *c = d;
            }
            row_min = row_min.min(d);
        }
        if row_min > limit {
            return None;
        }
        std::mem::swap(&mut before, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev.get(b.len()).copied().filter(|&d| d <= limit)
}
