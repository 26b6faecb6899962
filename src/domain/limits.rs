//! How much one family may store: limits that keep one family from filling the
//! database.

/// Most batches a family may have in the stash at once.
pub const MAX_STORED: i64 = 500;
/// Most batches a family may have logged in all (its history included).
pub const MAX_BATCHES: i64 = 50_000;
