//! Logs typed in Spanish or Russian: the text is rewritten, word by word, into the
//! English words the grammar reads (`90 nevera hace 2 horas` → `90 fridge 2 hours ago`,
//! `120 мл в морозилку в 10 вечера` → `120 ml at freezer at 10 pm`), then read exactly as
//! an English text is.
//!
//! A text is read in the chat's language plus English, because parents mix
//! (`90 ml nevera yesterday`): words of the chat's language are rewritten, English
//! words and numbers are kept as typed, and a word neither language knows is kept too,
//! so the grammar refuses to confirm the text (it asks, or hands it to the FAQ). Accents
//! are optional in Spanish and ё is е in Russian; a word of five letters or more that is
//! one slip from a word of the language is read as that word, as in English.
//!
//! Each language's words and its few word-order rules (`hace 2 horas`, `a las 10 de la
//! noche`, `в 10 утра`) live in `vocabulary/es.rs` and `vocabulary/ru.rs`.

use std::borrow::Cow;

use super::super::Lang;
use super::vocabulary::{self, es, ru, within_one_edit};

/// One language's words, as the rewriting reads them.
pub(super) struct Vocab {
    /// Lower-case letters with the marks a parent may leave out taken off.
    pub(super) fold: fn(char) -> char,
    /// Phrases (folded words) and the English they are read as; "" drops the phrase.
    pub(super) phrases: &'static [(&'static [&'static str], &'static str)],
    /// Number words and their values (`noventa`, `двадцать`).
    pub(super) numbers: &'static [(&'static str, f64)],
    /// The word that joins tens and units (`treinta y cinco`), if any.
    pub(super) joiner: Option<&'static str>,
    /// Words that make a text a question wherever they stand (folded).
    pub(super) question_words: &'static [&'static str],
    /// Words that make a text a question when it starts with them (folded).
    pub(super) question_starts: &'static [&'static str],
    /// The language's own rewrites at a word, tried before its phrases: how many
    /// pieces they take and the English they are read as.
    pub(super) rules: fn(&Pieces, usize) -> Option<(usize, String)>,
}

fn vocab(lang: Lang) -> Option<&'static Vocab> {
    match lang {
        Lang::En => None,
        Lang::Es => Some(&es::VOCAB),
        Lang::Ru => Some(&ru::VOCAB),
    }
}

/// A word or a number of the text, with what came before it (spaces, punctuation).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Piece {
    pub(super) gap: String,
    pub(super) text: String,
    pub(super) number: bool,
    /// A word English or the language knows as typed (never read as a slip).
    known: bool,
}

/// The words and numbers of a text, folded, and what follows the last one.
pub(super) struct Pieces {
    pub(super) list: Vec<Piece>,
    tail: String,
    vocab: &'static Vocab,
}

impl Pieces {
    /// The folded word at `i`, if it is a word.
    pub(super) fn word(&self, i: usize) -> Option<&str> {
        self.list
            .get(i)
            .filter(|p| !p.number)
            .map(|p| p.text.as_str())
    }

    /// The number at `i` as typed (`22:00`, `2,5`), if it is one.
    pub(super) fn num(&self, i: usize) -> Option<&str> {
        self.list
            .get(i)
            .filter(|p| p.number)
            .map(|p| p.text.as_str())
    }

    pub(super) fn is(&self, i: usize, words: &[&str]) -> bool {
        self.word(i).is_some_and(|w| words.contains(&w))
    }

    /// A number at `i`, in digits or words: its text in digits, and how many pieces it
    /// takes.
    pub(super) fn number(&self, i: usize) -> Option<(String, usize)> {
        if let Some(n) = self.num(i) {
            return Some((n.to_string(), 1));
        }
        let (value, len) = self.number_words(i)?;
        Some((format!("{value}"), len))
    }

    /// Number words at `i` (`ciento veinte`, `treinta y cinco`, `сто двадцать`): each
    /// word smaller than the place of the one before it.
    fn number_words(&self, i: usize) -> Option<(f64, usize)> {
        let value = |k: usize| {
            let w = self.word(k)?;
            self.vocab
                .numbers
                .iter()
                .find(|(name, _)| *name == w)
                .map(|(_, v)| *v)
        };
        let mut total = value(i)?;
        let mut last = total;
        let mut k = i + 1;
        loop {
            let joined = self.vocab.joiner.is_some_and(|j| self.is(k, &[j]));
            let at = if joined { k + 1 } else { k };
            let Some(next) = value(at) else { break };
            // The place of the last word: 100 takes tens and units, 30 takes units.
            let place = if last >= 100.0 {
                100.0
            } else if last >= 20.0 && last % 10.0 == 0.0 {
                10.0
            } else {
                break;
            };
            // "y" only joins tens and units ("treinta y cinco").
            if next >= place || next.fract() != 0.0 || (joined && place != 10.0) {
                break;
            }
            total += next;
            last = next;
            k = at + 1;
        }
        Some((total, k - i))
    }

    /// The longest phrase of the language at `i`: the English it is read as, and its
    /// length. A word of five letters or more in it may have one slip (`nevra`,
    /// `комнатой температуре`), when the slip can only be that phrase's.
    fn phrase(&self, i: usize) -> Option<(&'static str, usize)> {
        // (length, slips, English) of every phrase that fits here.
        let mut found: Vec<(usize, usize, &'static str)> = Vec::new();
        for (words, english) in self.vocab.phrases {
            let mut slips = 0;
            let fits = words.iter().enumerate().all(|(k, word)| {
                let Some(piece) = self.list.get(i + k).filter(|p| !p.number) else {
                    return false;
                };
                let token = piece.text.as_str();
                if token == *word {
                    return true;
                }
                // A known word may stand for another of the same phrase when it means
                // the same: a case ending typed wrong (`морозильной камера`).
                let same = || {
                    self.vocab
                        .phrases
                        .iter()
                        .any(|(ws, e)| e == english && ws.contains(&token))
                };
                // Cheap checks first (this runs for every phrase at every word): one
                // letter more or less is at most four bytes, and one slip in words of
                // four letters or more leaves the first or the last letter as it was.
                if word.len().abs_diff(token.len()) > 4
                    || (word.chars().next() != token.chars().next()
                        && word.chars().next_back() != token.chars().next_back())
                {
                    return false;
                }
                let (wlen, tlen) = (word.chars().count(), token.chars().count());
                let slip = wlen >= vocabulary::TYPO_MIN_LEN
                    && tlen + 1 >= vocabulary::TYPO_MIN_LEN
                    && wlen.abs_diff(tlen) <= 1
                    && within_one_edit(token, word)
                    && (!piece.known || same());
                slips += usize::from(slip);
                slip
            });
            if fits {
                found.push((words.len(), slips, english));
            }
        }
        let &(len, slips, english) = found
            .iter()
            .min_by_key(|(len, slips, _)| (std::cmp::Reverse(*len), *slips))?;
        let agree = found
            .iter()
            .all(|&(l, s, e)| l != len || s != slips || e == english);
        agree.then_some((english, len))
    }

    /// Whether a word not read is one slip from a place word of the language (`mesaa`,
    /// `стле`), or two from a long one: the bot asks where the milk is rather than
    /// answer a question, as for English place words. Never used to read the place.
    pub(super) fn says_a_place(&self) -> bool {
        let places: Vec<&str> = self
            .vocab
            .phrases
            .iter()
            .filter(|(_, english)| vocabulary::is_place_word(english))
            .flat_map(|(words, _)| words.iter().copied())
            .collect();
        self.list.iter().filter(|p| !p.number && !p.known).any(|p| {
            let w = p.text.as_str();
            let len = w.chars().count();
            places.iter().any(|place| {
                let plen = place.chars().count();
                let apart = plen.abs_diff(len);
                (plen >= 2
                    && len >= 2
                    && plen + len >= 5
                    && apart <= 1
                    && within_one_edit(w, place))
                    || (plen >= 6
                        && len >= 4
                        && apart <= 2
                        && vocabulary::edit_distance(w, place) <= 2)
            })
        })
    }
}

/// A word English or `vocab`'s language knows as it is typed.
fn known(vocab: &Vocab, w: &str) -> bool {
    vocabulary::is_known(w)
        || vocab.phrases.iter().any(|(words, _)| words.contains(&w))
        || vocab.numbers.iter().any(|(name, _)| *name == w)
        || vocab.question_words.contains(&w)
}

/// Splits `text` into folded words and numbers (digits with `.`, `,` or `:` inside).
fn pieces(text: &str, vocab: &'static Vocab) -> Pieces {
    let chars: Vec<char> = text.chars().collect();
    let mut list = Vec::new();
    let mut gap = String::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let digit = |k: usize| chars.get(k).is_some_and(char::is_ascii_digit);
        if c.is_ascii_digit() {
            let mut text = String::new();
            while let Some(&d) = chars.get(i) {
                if d.is_ascii_digit() || (matches!(d, '.' | ',' | ':') && digit(i + 1)) {
                    text.push(d);
                    i += 1;
                } else {
                    break;
                }
            }
            list.push(Piece {
                gap: std::mem::take(&mut gap),
                text,
                number: true,
                known: true,
            });
        } else if c.is_alphabetic() {
            let mut text = String::new();
            while let Some(&l) = chars.get(i).filter(|l| l.is_alphabetic()) {
                text.extend(l.to_lowercase().map(vocab.fold));
                i += 1;
            }
            list.push(Piece {
                gap: std::mem::take(&mut gap),
                known: known(vocab, &text),
                text,
                number: false,
            });
        } else {
            gap.push(c);
            i += 1;
        }
    }
    Pieces {
        list,
        tail: gap,
        vocab,
    }
}

/// A text typed in Spanish or Russian, read once.
pub(super) struct Foreign {
    /// The text in the words the English grammar reads.
    pub(super) english: String,
    /// It asks something by the language's own words (`¿`, `cuánto`, `se puede`,
    /// `сколько`, `можно`, `ли`); English question words are checked by the caller.
    pub(super) asks: bool,
    pieces: Pieces,
}

impl Foreign {
    /// Whether a word not read is one slip from a place word (see
    /// [`Pieces::says_a_place`]); asked only of a text not read whole.
    pub(super) fn place_slip(&self) -> bool {
        self.pieces.says_a_place()
    }
}

/// `text` read in `lang`; `None` for English, which the grammar reads as typed.
pub(super) fn read(text: &str, lang: Lang) -> Option<Foreign> {
    let vocab = vocab(lang)?;
    let p = pieces(text, vocab);
    let mut english = String::new();
    // Words taken by a phrase or rule of more than one piece: "что" asks, "только что"
    // (just now) does not.
    let mut in_phrase = vec![false; p.list.len()];
    let mut i = 0;
    while let Some(piece) = p.list.get(i) {
        english.push_str(&piece.gap);
        let (len, words) = if let Some((len, words)) = (vocab.rules)(&p, i) {
            (len, words)
        } else if let Some((n, len)) = p.number_words(i) {
            (len, format!("{n}"))
        } else if let Some((words, len)) = p.phrase(i) {
            (len, words.to_string())
        } else {
            (1, piece.text.clone())
        };
        english.push_str(&words);
        let len = len.max(1);
        if len > 1 {
            for taken in in_phrase.iter_mut().skip(i).take(len) {
                *taken = true;
            }
        }
        i += len;
    }
    english.push_str(&p.tail);
    let asks = text.contains('¿')
        || p.word(0)
            .is_some_and(|w| vocab.question_starts.contains(&w))
        || p.list.iter().zip(&in_phrase).any(|(piece, taken)| {
            !taken && !piece.number && vocab.question_words.contains(&piece.text.as_str())
        });
    Some(Foreign {
        english,
        asks,
        pieces: p,
    })
}

/// `text` in the words the English grammar reads: unchanged for English; for another
/// language, its words rewritten and everything else (numbers, English words, words
/// not known) kept as typed.
pub(super) fn english(text: &str, lang: Lang) -> Cow<'_, str> {
    match read(text, lang) {
        Some(foreign) => Cow::Owned(foreign.english),
        None => Cow::Borrowed(text),
    }
}

/// Whether a text in `lang` asks something by that language's own words.
pub(super) fn asks(text: &str, lang: Lang) -> bool {
    read(text, lang).is_some_and(|foreign| foreign.asks)
}

#[cfg(test)]
#[path = "foreign_tests.rs"]
mod tests;
