//! A family's settings: unit, timezone, guideline profile, quiet hours, reminder lead
//! times and opt-in pushes. Applied everywhere the family's data is shown.

use chrono::{DateTime, Duration, NaiveTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;

use super::rules::{Guideline, Place, Profile};
use super::units::Unit;

#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub unit: Unit,
    pub tz: Tz,
    /// False until someone picks a timezone: the bot then offers to set it.
    pub tz_chosen: bool,
    pub profile: Profile,
    /// The family's answer to "is your fridge at 4 °C or colder?" (None: not asked yet,
    /// which counts as "not sure").
    pub cold_fridge: Option<bool>,
    pub quiet: Option<QuietHours>,
    pub leads: LeadTimes,
    pub morning_digest: bool,
    pub weekly_summary: bool,
    /// Push when the frozen stash drops below this many days of supply.
    pub low_stash_days: Option<u32>,
    /// Who in a group may change settings, invite, export, remove members and forget.
    pub access: Access,
}

impl Settings {
    pub fn new(tz: Tz) -> Settings {
        Settings {
            unit: Unit::Ml,
            tz,
            tz_chosen: false,
            profile: Profile::Cdc,
            cold_fridge: None,
            quiet: None,
            leads: LeadTimes::default(),
            morning_digest: false,
            weekly_summary: false,
            low_stash_days: None,
            access: Access::default(),
        }
    }

    /// The guideline deadlines are computed under: the profile, and the fridge answer.
    pub fn guideline(&self) -> Guideline {
        Guideline {
            profile: self.profile,
            cold_fridge: self.cold_fridge == Some(true),
        }
    }

    /// Whether to ask about the fridge now: the guideline depends on it and the family
    /// has not answered yet.
    pub fn should_ask_fridge(&self) -> bool {
        self.profile.asks_fridge() && self.cold_fridge.is_none()
    }

    pub fn local(&self, t: DateTime<Utc>) -> DateTime<Tz> {
        t.with_timezone(&self.tz)
    }
}

/// Who in a family's groups may do what. One setting, three steps (stored as 0, 1, 2).
/// In a family without a group every member may do everything: there are no admins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Access {
    /// Only the group's admins change settings, invite, export, remove or forget.
    AdminsOnly,
    /// Anyone changes settings, invites and exports; removing members and erasing the
    /// family stay with the admins.
    #[default]
    SettingsOpen,
    /// Anyone may do everything.
    AllOpen,
}

/// What an action needs, by how much harm it can do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// Change a setting, create an invite, export the history.
    Settings,
    /// Remove a member, forget the family, change [`Access`] itself.
    Members,
}

impl Access {
    pub const ALL: [Access; 3] = [Access::AdminsOnly, Access::SettingsOpen, Access::AllOpen];

    pub fn code(self) -> u8 {
        match self {
            Access::AdminsOnly => 0,
            Access::SettingsOpen => 1,
            Access::AllOpen => 2,
        }
    }

    pub fn from_code(code: u8) -> Option<Access> {
        Access::ALL.into_iter().find(|a| a.code() == code)
    }

    /// The next step when the settings button is tapped.
    pub fn next(self) -> Access {
        match self {
            Access::SettingsOpen => Access::AdminsOnly,
            Access::AdminsOnly => Access::AllOpen,
            Access::AllOpen => Access::SettingsOpen,
        }
    }

    /// Whether any member (not only an admin) may do what needs `need`.
    pub fn open_to_all(self, need: Need) -> bool {
        match (self, need) {
            (Access::AllOpen, _) => true,
            (Access::SettingsOpen, Need::Settings) => true,
            (Access::SettingsOpen, Need::Members) | (Access::AdminsOnly, _) => false,
        }
    }
}

/// A timezone as a person reads it: the IANA name ("Europe/Berlin"), except the fixed
/// offsets stored as `Etc/GMT` zones, whose names have the sign inverted: `Etc/GMT-3` is
/// shown as "UTC+3" (what the parent typed), `Etc/GMT` and `Etc/UTC` as "UTC".
pub fn zone_label(tz: Tz) -> String {
    let name = tz.name();
    let Some(rest) = name
        .strip_prefix("Etc/GMT")
        .or_else(|| name.strip_prefix("Etc/UTC"))
        .or_else(|| name.strip_prefix("Etc/UCT"))
        .or_else(|| (name == "UTC" || name == "GMT").then_some(""))
    else {
        return name.to_owned();
    };
    match rest.as_bytes().first() {
        None => "UTC".to_owned(),
        Some(b'-') => format!("UTC+{}", &rest[1..]),
        Some(b'+') => format!("UTC-{}", &rest[1..]),
        // "Etc/GMT0" and the like.
        Some(_) => "UTC".to_owned(),
    }
}

/// A settings change the whole family should hear about: it moves every deadline
/// (guideline) or every clock time shown (timezone).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Announced {
    Timezone { from: Tz, to: Tz },
    Guideline { from: Profile, to: Profile },
}

/// What changed between `old` and `new` that the family should be told.
pub fn announced_changes(old: &Settings, new: &Settings) -> Vec<Announced> {
    let mut out = Vec::new();
    if old.tz != new.tz {
        out.push(Announced::Timezone {
            from: old.tz,
            to: new.tz,
        });
    }
    if old.profile != new.profile {
        out.push(Announced::Guideline {
            from: old.profile,
            to: new.profile,
        });
    }
    out
}

/// Quiet hours, as minutes after local midnight. `start > end` wraps past midnight
/// (22:00 to 07:00).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuietHours {
    pub start: u16,
    pub end: u16,
}

impl QuietHours {
    pub fn new(start: u16, end: u16) -> Option<QuietHours> {
        (start < 24 * 60 && end < 24 * 60 && start != end).then_some(QuietHours { start, end })
    }

    fn contains(self, minute: u16) -> bool {
        if self.start < self.end {
            (self.start..self.end).contains(&minute)
        } else {
            minute >= self.start || minute < self.end
        }
    }

    /// If `t` falls in quiet hours in `tz`, the end of those quiet hours; otherwise `t`.
    pub fn defer(self, t: DateTime<Utc>, tz: Tz) -> DateTime<Utc> {
        let local = t.with_timezone(&tz);
        let minute = minute_of_day(local.time());
        if !self.contains(minute) {
            return t;
        }
        let end = NaiveTime::from_hms_opt(u32::from(self.end / 60), u32::from(self.end % 60), 0)
            .unwrap_or(NaiveTime::MIN);
        let mut day = local.date_naive();
        if self.start > self.end && minute >= self.start {
            day = day.succ_opt().unwrap_or(day);
        }
        local_instant(tz, day.and_time(end)).max(t)
    }

    pub fn label(self) -> String {
        format!("{} to {}", hhmm(self.start), hhmm(self.end))
    }
}

pub fn hhmm(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

fn minute_of_day(t: NaiveTime) -> u16 {
    use chrono::Timelike;
    (t.hour() * 60 + t.minute()) as u16
}

/// The instant a local wall-clock time means in `tz`: the earlier one when the clock
/// goes back, and the moment just after the gap when it springs forward.
pub fn local_instant(tz: Tz, local: chrono::NaiveDateTime) -> DateTime<Utc> {
    match tz.from_local_datetime(&local) {
        chrono::LocalResult::Single(t) => t.with_timezone(&Utc),
        chrono::LocalResult::Ambiguous(a, b) => a.min(b).with_timezone(&Utc),
        chrono::LocalResult::None => {
            // In a DST gap: the offset before the gap, applied to the wall time, lands
            // just after it.
            let before = tz.offset_from_utc_datetime(&(local - Duration::hours(3)));
            let offset = before.fix().local_minus_utc();
            (local - Duration::seconds(offset.into())).and_utc()
        }
    }
}

/// How long before a deadline each place's reminder comes, in minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LeadTimes {
    /// Room temperature and cooler bag.
    pub room: u32,
    pub thawed: u32,
    pub fridge: u32,
    pub freezer: u32,
}

impl Default for LeadTimes {
    fn default() -> Self {
        LeadTimes {
            room: 30,
            thawed: 60,
            fridge: 24 * 60,
            freezer: 14 * 24 * 60,
        }
    }
}

impl LeadTimes {
    /// The lead time for milk in `place`.
    pub fn for_place(&self, place: Place) -> Duration {
        let minutes = match place {
            Place::Room | Place::Cooler | Place::Leftover => self.room,
            Place::Thawing | Place::ThawedFridge | Place::ThawedRoom => self.thawed,
            Place::Fridge => self.fridge,
            Place::IceBox | Place::Freezer => self.freezer,
        };
        Duration::minutes(minutes.into())
    }
}

/// The groups of places whose reminder lead time a family can choose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LeadClass {
    /// Room temperature, cooler bag and leftovers.
    Room,
    Thawed,
    Fridge,
    Freezer,
}

impl LeadClass {
    pub const ALL: [LeadClass; 4] = [
        LeadClass::Room,
        LeadClass::Thawed,
        LeadClass::Fridge,
        LeadClass::Freezer,
    ];

    pub fn tag(self) -> char {
        match self {
            LeadClass::Room => 'r',
            LeadClass::Thawed => 't',
            LeadClass::Fridge => 'f',
            LeadClass::Freezer => 'z',
        }
    }

    pub fn from_tag(tag: char) -> Option<LeadClass> {
        LeadClass::ALL.into_iter().find(|c| c.tag() == tag)
    }

    /// The lead times offered, in minutes.
    pub fn choices(self) -> [u32; 3] {
        match self {
            LeadClass::Room => [15, 30, 60],
            LeadClass::Thawed => [30, 60, 120],
            LeadClass::Fridge => [12 * 60, 24 * 60, 48 * 60],
            LeadClass::Freezer => [7 * 1440, 14 * 1440, 28 * 1440],
        }
    }
}

impl LeadTimes {
    pub fn get(&self, class: LeadClass) -> u32 {
        match class {
            LeadClass::Room => self.room,
            LeadClass::Thawed => self.thawed,
            LeadClass::Fridge => self.fridge,
            LeadClass::Freezer => self.freezer,
        }
    }

    pub fn set(&mut self, class: LeadClass, minutes: u32) {
        match class {
            LeadClass::Room => self.room = minutes,
            LeadClass::Thawed => self.thawed = minutes,
            LeadClass::Fridge => self.fridge = minutes,
            LeadClass::Freezer => self.freezer = minutes,
        }
    }
}

/// Quiet hours offered as buttons (index 0: none).
pub const QUIET_PRESETS: [Option<(u16, u16)>; 4] = [
    None,
    Some((22 * 60, 7 * 60)),
    Some((21 * 60, 6 * 60)),
    Some((23 * 60, 8 * 60)),
];

/// When "tomorrow morning" is for a family: the end of its quiet hours, or 08:00.
pub fn morning(settings: &Settings) -> u16 {
    settings.quiet.map(|q| q.end).unwrap_or(8 * 60)
}

/// The next morning after `now` (local), as an instant.
pub fn next_morning(settings: &Settings, now: DateTime<Utc>) -> DateTime<Utc> {
    let minutes = morning(settings);
    let time = NaiveTime::from_hms_opt(u32::from(minutes / 60), u32::from(minutes % 60), 0)
        .unwrap_or(NaiveTime::MIN);
    let local = now.with_timezone(&settings.tz);
    let today = local_instant(settings.tz, local.date_naive().and_time(time));
    if today > now {
        today
    } else {
        let tomorrow = local.date_naive().succ_opt().unwrap_or(local.date_naive());
        local_instant(settings.tz, tomorrow.and_time(time)).max(now)
    }
}

/// Parses a timezone typed by a person: an IANA name ("Europe/Berlin", "europe/berlin"),
/// a common city ("Berlin"), or a UTC offset ("UTC+2", "+05:30", "GMT-3").
pub fn parse_timezone(text: &str) -> Option<Tz> {
    let t = text.trim();
    if t.is_empty() || t.len() > 64 {
        return None;
    }
    if let Ok(tz) = t.parse::<Tz>() {
        return Some(tz);
    }
    if let Some(tz) = chrono_tz::TZ_VARIANTS
        .iter()
        .find(|tz| tz.name().eq_ignore_ascii_case(t))
    {
        return Some(*tz);
    }
    if let Some(tz) = parse_offset(t) {
        return Some(tz);
    }
    let city = t.replace(' ', "_").to_lowercase();
    chrono_tz::TZ_VARIANTS
        .iter()
        .find(|tz| {
            tz.name()
                .rsplit('/')
                .next()
                .is_some_and(|c| c.to_lowercase() == city)
        })
        .copied()
}

/// The timezones to suggest for a Telegram `language_code` (an IETF tag such as "en",
/// "en-GB", "pt-br"): one when the language (with its region) points to one country's
/// clock, a few when it is spoken across many zones ("en" alone, "es", "pt", "fr"...).
/// A guess to offer as buttons, never applied without the parent's tap. Unknown or
/// missing codes suggest the zones most parents pick.
pub fn zones_for_language(code: Option<&str>) -> Vec<Tz> {
    use chrono_tz::{America, Asia, Australia, Europe, Pacific};
    let code = code
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
        .replace('_', "-");
    let (language, region) = match code.split_once('-') {
        Some((l, r)) => (l, Some(r)),
        None => (code.as_str(), None),
    };
    let zones: &[Tz] = match (language, region) {
        ("en", Some("gb" | "uk")) => &[Europe::London],
        ("en", Some("ie")) => &[Europe::Dublin],
        ("en", Some("us")) => &[
            America::New_York,
            America::Chicago,
            America::Denver,
            America::Los_Angeles,
        ],
        ("en", Some("ca")) => &[America::Toronto, America::Vancouver],
        ("en", Some("au")) => &[Australia::Sydney, Australia::Perth, Australia::Brisbane],
        ("en", Some("nz")) => &[Pacific::Auckland],
        ("en", Some("in")) => &[Asia::Kolkata],
        ("en", Some("za")) => &[chrono_tz::Africa::Johannesburg],
        ("de", Some("at")) => &[Europe::Vienna],
        ("de", Some("ch")) => &[Europe::Zurich],
        ("de", _) => &[Europe::Berlin],
        ("es", Some("mx")) => &[America::Mexico_City],
        ("es", Some("ar")) => &[America::Argentina::Buenos_Aires],
        ("es", Some("co")) => &[America::Bogota],
        ("es", Some("es") | None) => &[Europe::Madrid, America::Mexico_City],
        ("pt", Some("br")) => &[America::Sao_Paulo],
        ("pt", _) => &[Europe::Lisbon, America::Sao_Paulo],
        ("fr", Some("ca")) => &[America::Toronto],
        ("fr", Some("be")) => &[Europe::Brussels],
        ("fr", Some("ch")) => &[Europe::Zurich],
        ("fr", _) => &[Europe::Paris],
        ("it", _) => &[Europe::Rome],
        ("nl", _) => &[Europe::Amsterdam],
        ("pl", _) => &[Europe::Warsaw],
        ("ru", _) => &[Europe::Moscow],
        ("uk", _) => &[Europe::Kyiv],
        ("tr", _) => &[Europe::Istanbul],
        ("sv", _) => &[Europe::Stockholm],
        ("nb" | "nn" | "no", _) => &[Europe::Oslo],
        ("da", _) => &[Europe::Copenhagen],
        ("fi", _) => &[Europe::Helsinki],
        ("cs", _) => &[Europe::Prague],
        ("el", _) => &[Europe::Athens],
        ("ro", _) => &[Europe::Bucharest],
        ("hu", _) => &[Europe::Budapest],
        ("he" | "iw", _) => &[Asia::Jerusalem],
        ("ja", _) => &[Asia::Tokyo],
        ("ko", _) => &[Asia::Seoul],
        ("zh", _) => &[Asia::Shanghai],
        ("hi", _) => &[Asia::Kolkata],
        ("id", _) => &[Asia::Jakarta],
        // English alone, and anything else: the zones most parents pick.
        _ => &[
            Europe::London,
            America::New_York,
            America::Chicago,
            America::Los_Angeles,
            Australia::Sydney,
        ],
    };
    zones.to_vec()
}

/// Where each timezone's main city is, from the tz database (`content/timezones.tsv`).
const ZONE_CITIES: &str = include_str!("../../content/timezones.tsv");

/// Timezones to offer for a shared location: the zones whose main cities are nearest,
/// keeping only the nearest zone for each local time on the clock at `now`, at most `n`.
/// Borders do not follow distance (from Delhi, Kathmandu, Kabul, Karachi and Thimphu are
/// all nearer than Kolkata), so the parent picks the one whose clock matches theirs;
/// nothing is chosen for them. Coordinates out of range give nothing.
pub fn zones_near(latitude: f64, longitude: f64, now: DateTime<Utc>, n: usize) -> Vec<Tz> {
    if !(-90.0..=90.0).contains(&latitude) || !(-180.0..=180.0).contains(&longitude) {
        return Vec::new();
    }
    let mut cities: Vec<(f64, Tz)> = ZONE_CITIES
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| {
            let mut fields = line.split('\t');
            let lat: f64 = fields.next()?.parse().ok()?;
            let lon: f64 = fields.next()?.parse().ok()?;
            let tz: Tz = fields.next()?.parse().ok()?;
            Some((distance_km(latitude, longitude, lat, lon), tz))
        })
        .collect();
    cities.sort_by(|a, b| a.0.total_cmp(&b.0));
    // Farther than this beyond the nearest city is another country's business.
    let reach = cities.first().map_or(0.0, |c| c.0) + 1500.0;
    let offset = |tz: &Tz| now.with_timezone(tz).offset().fix();
    let mut zones: Vec<Tz> = Vec::with_capacity(n);
    for (_, tz) in cities.into_iter().take_while(|c| c.0 <= reach) {
        if zones.len() == n {
            break;
        }
        if !zones.iter().any(|z| offset(z) == offset(&tz)) {
            zones.push(tz);
        }
    }
    zones
}

/// Great-circle distance (haversine), in kilometres.
fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().min(1.0).asin()
}

/// "UTC+2", "GMT-03:00", "+5:30": fixed offsets, as the `Etc/GMT` zones (whole hours)
/// or the IANA zone most people with a half-hour offset live in.
fn parse_offset(t: &str) -> Option<Tz> {
    let lower = t.to_lowercase();
    let rest = lower
        .strip_prefix("utc")
        .or_else(|| lower.strip_prefix("gmt"))
        .unwrap_or(&lower)
        .trim();
    if rest.is_empty() {
        return Some(Tz::UTC);
    }
    let (sign, digits) = match rest.as_bytes().first()? {
        b'+' => (1, &rest[1..]),
        b'-' => (-1, &rest[1..]),
        _ => return None,
    };
    let (h, m) = match digits.split_once(':') {
        Some((h, m)) => (h.trim().parse::<i32>().ok()?, m.trim().parse::<i32>().ok()?),
        None => (digits.trim().parse::<i32>().ok()?, 0),
    };
    if !(0..=14).contains(&h) || !(m == 0 || m == 30 || m == 45) {
        return None;
    }
    if m == 0 {
        // Etc/GMT names have the sign inverted: UTC+2 is Etc/GMT-2.
        let name = match (sign, h) {
            (_, 0) => "Etc/GMT".to_owned(),
            (1, h) => format!("Etc/GMT-{h}"),
            (_, h) => format!("Etc/GMT+{h}"),
        };
        return name.parse().ok();
    }
    let name = match (sign, h, m) {
        (1, 5, 30) => "Asia/Kolkata",
        (1, 5, 45) => "Asia/Kathmandu",
        (1, 3, 30) => "Asia/Tehran",
        (1, 4, 30) => "Asia/Kabul",
        (1, 6, 30) => "Asia/Yangon",
        (1, 9, 30) => "Australia/Darwin",
        (1, 10, 30) => "Australia/Adelaide",
        (-1, 3, 30) => "America/St_Johns",
        (-1, 9, 30) => "Pacific/Marquesas",
        _ => return None,
    };
    name.parse().ok()
}

#[cfg(test)]
mod tests;
