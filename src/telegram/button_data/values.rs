//! The small values inside button data: topic ids, flags, places, numbers, ids in base
//! 36. Each decoder returns `None` for anything that is not what it encodes.

use crate::domain::Place;

/// Topic ids are kebab-case ASCII and short; anything else is not ours.
pub(super) fn topic_id(s: &str) -> Option<String> {
    let ok = !s.is_empty()
        && s.len() <= 24
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    ok.then(|| s.to_owned())
}

pub(super) fn flag(s: &str) -> Option<bool> {
    match s {
        "1" => Some(true),
        "0" => Some(false),
        _ => None,
    }
}

pub(super) fn place(tag: &str) -> Option<Place> {
    let mut chars = tag.chars();
    let c = chars.next()?;
    if chars.next().is_some() {
        return None;
    }
    Place::from_tag(c)
}

/// A plain decimal number with no sign, no leading zeros (so each value has exactly one
/// encoding) and at most 9 digits.
pub(super) fn num<T: TryFrom<u64>>(s: &str) -> Option<T> {
    if s.is_empty() || s.len() > 9 || (s.len() > 1 && s.starts_with('0')) {
        return None;
    }
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    T::try_from(s.parse::<u64>().ok()?).ok()
}

const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";

/// Non-negative ids in base 36: short, and still plain ASCII.
pub(super) fn b36(n: i64) -> String {
    let mut n = n.max(0) as u64;
    if n == 0 {
        return "0".into();
    }
    let mut out = Vec::new();
    while n > 0 {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

pub(super) fn from_b36(s: &str) -> Option<i64> {
    if s.is_empty() || s.len() > 13 || (s.len() > 1 && s.starts_with('0')) {
        return None;
    }
    let mut n: i64 = 0;
    for b in s.bytes() {
        let d = DIGITS.iter().position(|&x| x == b)? as i64;
        n = n.checked_mul(36)?.checked_add(d)?;
    }
    Some(n)
}
