//! Reading and writing column values shared by every table: times as UTC seconds,
//! amounts as whole millilitres, places by their code.

use chrono::{DateTime, TimeZone, Utc};

use super::{Result, StorageError};
use crate::domain::{Ml, Place};

pub(super) fn ml(v: i64) -> Result<Ml> {
    u32::try_from(v)
        .map(Ml)
        .map_err(|_| StorageError::Corrupt(format!("amount {v}")))
}

pub(super) fn opt_ml(v: Option<i64>) -> Result<Option<Ml>> {
    v.map(ml).transpose()
}

pub(super) fn place(code: &str) -> Result<Place> {
    coded("place", code, Place::from_code)
}

/// A value of a closed vocabulary (see `domain::code`) read from its stored code; an
/// unknown code is corrupt data, named with `what` it should have been.
pub(super) fn coded<T>(what: &str, code: &str, read: fn(&str) -> Option<T>) -> Result<T> {
    read(code).ok_or_else(|| StorageError::Corrupt(format!("{what} {code}")))
}

/// Seconds since the epoch, as stored.
pub(crate) fn secs(t: DateTime<Utc>) -> i64 {
    t.timestamp()
}

pub(crate) fn time(s: i64) -> Result<DateTime<Utc>> {
    Utc.timestamp_opt(s, 0)
        .single()
        .ok_or_else(|| StorageError::Corrupt(format!("timestamp {s} out of range")))
}

pub(crate) fn opt_time(s: Option<i64>) -> Result<Option<DateTime<Utc>>> {
    s.map(time).transpose()
}
