//! Telegram Mini App `initData`: the signed query string Telegram hands the page, which
//! the page sends with every request. Checked as Telegram's Mini App documentation says:
//! the secret key is HMAC-SHA256 of the bot token keyed by "WebAppData"; the
//! data-check-string is every field but `hash`, sorted by key, as `key=value` lines; the
//! hash is HMAC-SHA256 of that string under the secret key, compared in constant time.
//! Pure: the current time is a parameter.

use chrono::{DateTime, Duration, Utc};
use hmac::{Hmac, KeyInit, Mac};
use serde::Deserialize;
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

/// How old a signature may be: Telegram signs once when the Mini App opens.
pub const MAX_AGE: Duration = Duration::days(1);
/// How far in the future an `auth_date` may be (clocks differ a little).
pub const SKEW: Duration = Duration::minutes(5);
/// The longest initData accepted (Telegram's are well under 2 KiB).
pub const MAX_LEN: usize = 8 * 1024;

/// What a verified initData says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InitData {
    pub user: WebAppUser,
    pub auth_date: DateTime<Utc>,
    /// The `startapp` parameter of a `t.me` link, when the board was opened by one.
    pub start_param: Option<String>,
}

/// The person who opened the Mini App.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct WebAppUser {
    pub id: i64,
    pub first_name: String,
    #[serde(default)]
    pub language_code: Option<String>,
}

/// Why an initData was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Rejected {
    #[error("no initData")]
    Missing,
    #[error("initData is not a query string of unique keys")]
    Malformed,
    #[error("initData has no hash")]
    NoHash,
    #[error("initData's hash does not match its contents")]
    BadHash,
    #[error("initData has no readable auth_date")]
    NoDate,
    #[error("initData is older than a day")]
    Expired,
    #[error("initData is dated in the future")]
    FromFuture,
    #[error("initData names no readable user")]
    NoUser,
}

/// The key every hash is made with: HMAC-SHA256 of the bot token, keyed by "WebAppData".
fn secret_key(bot_token: &str) -> Vec<u8> {
    mac(b"WebAppData", bot_token.as_bytes()).to_vec()
}

fn mac(key: &[u8], data: &[u8]) -> [u8; 32] {
    // HMAC takes a key of any length: this never fails.
    let mut m = <HmacSha256 as KeyInit>::new_from_slice(key)
        .unwrap_or_else(|_| unreachable!("HMAC accepts keys of any length"));
    m.update(data);
    m.finalize().into_bytes().into()
}

/// The data-check-string: every field but `hash`, sorted by key, `key=value` per line.
fn check_string(fields: &[(String, String)]) -> String {
    let mut lines: Vec<String> = fields
        .iter()
        .filter(|(k, _)| k != "hash")
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    lines.sort();
    lines.join("\n")
}

/// Verifies `raw` (the page's `initData`, as Telegram gave it) with `bot_token` at `now`.
pub fn verify(raw: &str, bot_token: &str, now: DateTime<Utc>) -> Result<InitData, Rejected> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(Rejected::Missing);
    }
    if raw.len() > MAX_LEN {
        return Err(Rejected::Malformed);
    }
    let fields: Vec<(String, String)> = url::form_urlencoded::parse(raw.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    // A key given twice could be read one way here and another way elsewhere.
    let mut keys: Vec<&str> = fields.iter().map(|(k, _)| k.as_str()).collect();
    keys.sort_unstable();
    if keys.windows(2).any(|w| w[0] == w[1]) {
        return Err(Rejected::Malformed);
    }
    let field = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    let hash = field("hash").ok_or(Rejected::NoHash)?;
    let given = hex::decode(hash).map_err(|_| Rejected::BadHash)?;
    let mut m = <HmacSha256 as KeyInit>::new_from_slice(&secret_key(bot_token))
        .map_err(|_| Rejected::BadHash)?;
    m.update(check_string(&fields).as_bytes());
    // Constant time: how much of a forged hash was right is not told through timing.
    m.verify_slice(&given).map_err(|_| Rejected::BadHash)?;

    let auth_date = field("auth_date")
        .and_then(|s| s.parse::<i64>().ok())
        .and_then(|secs| DateTime::from_timestamp(secs, 0))
        .ok_or(Rejected::NoDate)?;
    if auth_date > now + SKEW {
        return Err(Rejected::FromFuture);
    }
    if now - auth_date > MAX_AGE {
        return Err(Rejected::Expired);
    }
    let user: WebAppUser = field("user")
        .and_then(|json| serde_json::from_str(json).ok())
        .ok_or(Rejected::NoUser)?;
    Ok(InitData {
        user,
        auth_date,
        start_param: field("start_param")
            .filter(|s| !s.is_empty())
            .map(str::to_owned),
    })
}

/// Signs `fields` as Telegram would, and returns the initData query string (fields in
/// the given order, then `hash`). For tests and local tools: Telegram signs the real ones.
pub fn sign(fields: &[(&str, &str)], bot_token: &str) -> String {
    let owned: Vec<(String, String)> = fields
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    let hash = hex::encode(mac(&secret_key(bot_token), check_string(&owned).as_bytes()));
    let mut out = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in fields {
        out.append_pair(k, v);
    }
    out.append_pair("hash", &hash);
    out.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    const TOKEN: &str = "123456:ABC-test_token";

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 10, 9, 0, 0).unwrap()
    }

    fn signed_at(at: DateTime<Utc>) -> String {
        let date = at.timestamp().to_string();
        sign(
            &[
                ("query_id", "AAE1"),
                (
                    "user",
                    r#"{"id":42,"first_name":"Ann","language_code":"en"}"#,
                ),
                ("auth_date", &date),
                ("start_param", "g-1001"),
            ],
            TOKEN,
        )
    }

    #[test]
    fn a_signed_init_data_is_read() {
        let got = verify(&signed_at(now()), TOKEN, now()).unwrap();
        assert_eq!(got.user.id, 42);
        assert_eq!(got.user.first_name, "Ann");
        assert_eq!(got.auth_date, now());
        assert_eq!(got.start_param.as_deref(), Some("g-1001"));
    }

    /// Telegram's own example layout: the check string is sorted by key, whatever the
    /// order of the query string, and excludes only `hash`.
    #[test]
    fn the_check_string_is_sorted_and_skips_the_hash() {
        let fields = vec![
            ("user".to_owned(), "{}".to_owned()),
            ("hash".to_owned(), "ff".to_owned()),
            ("auth_date".to_owned(), "1".to_owned()),
            ("query_id".to_owned(), "q".to_owned()),
        ];
        assert_eq!(check_string(&fields), "auth_date=1\nquery_id=q\nuser={}");
    }

    /// The secret key is HMAC-SHA256("WebAppData", token), not the other way round: a
    /// hash computed from the token directly is refused.
    #[test]
    fn a_hash_keyed_by_the_token_alone_is_refused() {
        let date = now().timestamp().to_string();
        let fields = vec![
            ("auth_date".to_owned(), date.clone()),
            (
                "user".to_owned(),
                r#"{"id":42,"first_name":"Ann"}"#.to_owned(),
            ),
        ];
        let wrong = hex::encode(mac(TOKEN.as_bytes(), check_string(&fields).as_bytes()));
        let raw = format!(
            "auth_date={date}&user=%7B%22id%22%3A42%2C%22first_name%22%3A%22Ann%22%7D&hash={wrong}"
        );
        assert_eq!(verify(&raw, TOKEN, now()), Err(Rejected::BadHash));
    }

    #[test]
    fn another_bots_signature_is_refused() {
        let other = sign(
            &[
                ("user", r#"{"id":42,"first_name":"Ann"}"#),
                ("auth_date", &now().timestamp().to_string()),
            ],
            "999:other",
        );
        assert_eq!(verify(&other, TOKEN, now()), Err(Rejected::BadHash));
    }

    /// A hash taken from a real initData and reused with another user id (or any other
    /// change) does not match.
    #[test]
    fn a_replayed_hash_with_changed_data_is_refused() {
        let good = signed_at(now());
        let forged = good.replace("%3A42%2C", "%3A43%2C");
        assert_ne!(good, forged);
        assert_eq!(verify(&forged, TOKEN, now()), Err(Rejected::BadHash));
        let later = good.replace(
            &now().timestamp().to_string(),
            &(now().timestamp() + 60).to_string(),
        );
        assert_eq!(verify(&later, TOKEN, now()), Err(Rejected::BadHash));
    }

    #[test]
    fn missing_or_broken_hashes_are_refused() {
        assert_eq!(verify("", TOKEN, now()), Err(Rejected::Missing));
        assert_eq!(
            verify("auth_date=1&user=%7B%7D", TOKEN, now()),
            Err(Rejected::NoHash)
        );
        let good = signed_at(now());
        let (body, _) = good.split_once("&hash=").unwrap();
        assert_eq!(
            verify(&format!("{body}&hash=zz"), TOKEN, now()),
            Err(Rejected::BadHash)
        );
        assert_eq!(
            verify(&format!("{body}&hash=abcd"), TOKEN, now()),
            Err(Rejected::BadHash)
        );
        assert_eq!(
            verify(&format!("{good}&hash=00"), TOKEN, now()),
            Err(Rejected::Malformed)
        );
        let huge = "a".repeat(MAX_LEN + 1);
        assert_eq!(verify(&huge, TOKEN, now()), Err(Rejected::Malformed));
    }

    #[test]
    fn stale_and_future_dates_are_refused() {
        let day = Duration::days(1);
        assert!(verify(&signed_at(now() - day), TOKEN, now()).is_ok());
        assert_eq!(
            verify(&signed_at(now() - day - Duration::seconds(1)), TOKEN, now()),
            Err(Rejected::Expired)
        );
        assert!(verify(&signed_at(now() + SKEW), TOKEN, now()).is_ok());
        assert_eq!(
            verify(&signed_at(now() + Duration::hours(1)), TOKEN, now()),
            Err(Rejected::FromFuture)
        );
    }

    #[test]
    fn a_signed_init_data_without_a_user_or_date_is_refused() {
        let date = now().timestamp().to_string();
        let no_user = sign(&[("auth_date", &date)], TOKEN);
        assert_eq!(verify(&no_user, TOKEN, now()), Err(Rejected::NoUser));
        let bad_user = sign(&[("auth_date", &date), ("user", "{\"id\":\"x\"}")], TOKEN);
        assert_eq!(verify(&bad_user, TOKEN, now()), Err(Rejected::NoUser));
        let no_date = sign(&[("user", r#"{"id":1,"first_name":"A"}"#)], TOKEN);
        assert_eq!(verify(&no_date, TOKEN, now()), Err(Rejected::NoDate));
    }
}
