//! The `/stats` picture's words ([`crate::chart::Words`]), in the chat's language.

use chrono::{Datelike, NaiveDateTime, Timelike, Weekday};

use crate::chart::{Legend, Tick, Words};
use crate::domain::{Lang, Ml, Place, Unit};

use super::*;

/// The chart's wording in one language: `chart::render(&input, &ChartWords(lang))`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChartWords(pub Lang);

impl ChartWords {
    fn clock(local: NaiveDateTime) -> String {
        format!("{:02}:{:02}", local.hour(), local.minute())
    }
}

impl Words for ChartWords {
    fn title(&self) -> String {
        t!(self.0, "chart-title")
    }

    fn as_of(&self, local: NaiveDateTime) -> String {
        t!(
            self.0,
            "chart-as-of",
            weekday = self.weekday(local.weekday()),
            day = local.day(),
            month = month(self.0, local.month()),
            clock = Self::clock(local)
        )
    }

    fn per_day(&self, unit: Unit) -> String {
        let unit = match unit {
            Unit::Ml => tr(self.0, "unit-ml"),
            Unit::Oz => tr(self.0, "unit-oz"),
        };
        t!(self.0, "chart-per-day", unit = unit)
    }

    fn legend(&self, entry: Legend) -> String {
        let key = match entry {
            Legend::Left => "chart-left",
            Legend::Right => "chart-right",
            Legend::SideNotNoted => "chart-side-not-noted",
        };
        tr(self.0, key)
    }

    fn no_sessions(&self) -> String {
        t!(self.0, "chart-no-sessions")
    }

    fn weekday(&self, day: Weekday) -> String {
        t!(self.0, "chart-weekday", day = super::time::weekday_key(day))
    }

    fn number(&self, number: &str) -> String {
        decimal(self.0, number)
    }

    fn deadline(&self, local: NaiveDateTime, near: bool) -> String {
        if near {
            t!(
                self.0,
                "chart-deadline-near",
                weekday = self.weekday(local.weekday()),
                day = local.day(),
                clock = Self::clock(local)
            )
        } else {
            t!(
                self.0,
                "chart-deadline-far",
                day = local.day(),
                month = month(self.0, local.month())
            )
        }
    }

    fn row(&self, place: Place, batches: u32, amount: Ml, unit: Unit, expired: u32) -> String {
        let place = t!(
            self.0,
            "chart-place",
            place = super::places::place_key(place)
        );
        let amount = super::amount(self.0, amount, unit);
        match (batches, expired) {
            (1, _) => t!(self.0, "chart-row-one", place = place, amount = amount),
            (n, 0) => t!(
                self.0,
                "chart-row",
                place = place,
                batches = n,
                amount = amount
            ),
            (n, gone) => t!(
                self.0,
                "chart-row-expired",
                place = place,
                batches = n,
                amount = amount,
                expired = gone
            ),
        }
    }

    fn between(&self, first: &str, last: &str) -> String {
        t!(self.0, "chart-between", first = first, last = last)
    }

    fn to(&self, last: &str) -> String {
        t!(self.0, "chart-to", last = last)
    }

    fn until(&self, first: &str) -> String {
        t!(self.0, "chart-until", first = first)
    }

    fn expired_at(&self, when: &str) -> String {
        t!(self.0, "chart-expired-at", when = when)
    }

    fn expired(&self) -> String {
        t!(self.0, "chart-expired")
    }

    fn stash_heading(&self) -> String {
        t!(self.0, "chart-stash")
    }

    fn nothing_stored(&self) -> String {
        t!(self.0, "chart-empty")
    }

    fn nothing_stored_hint(&self) -> String {
        t!(self.0, "chart-empty-hint")
    }

    fn tick(&self, tick: Tick) -> String {
        match tick {
            Tick::Now => t!(self.0, "chart-tick-now"),
            Tick::Hours(n) => t!(self.0, "chart-tick-hours", n = n),
            Tick::Days(n) => t!(self.0, "chart-tick-days", n = n),
            Tick::Weeks(n) => t!(self.0, "chart-tick-weeks", n = n),
            Tick::Months(n) => t!(self.0, "chart-tick-months", n = n),
            Tick::Years(n) => t!(self.0, "chart-tick-years", n = n),
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn at(d: u32, h: u32, m: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 12, d)
            .and_then(|date| date.and_hms_opt(h, m, 0))
            .unwrap_or_default()
    }

    #[test]
    fn the_chart_speaks_english() {
        let w = ChartWords(Lang::En);
        assert_eq!(w.as_of(at(3, 14, 5)), "As of Th 3 Dec, 14:05");
        assert_eq!(w.per_day(Unit::Ml), "Expressed per day (ml)");
        assert_eq!(w.deadline(at(15, 9, 0), true), "Tu 15, 09:00");
        assert_eq!(w.deadline(at(15, 9, 0), false), "15 Dec");
        assert_eq!(
            w.row(Place::Fridge, 3, Ml(330), Unit::Ml, 1),
            "Fridge · 3 batches · 330 ml · 1 expired"
        );
        assert_eq!(
            w.row(Place::Fridge, 1, Ml(60), Unit::Ml, 1),
            "Fridge · 60 ml"
        );
        assert_eq!(w.tick(Tick::Days(2)), "2 days");
        assert_eq!(w.tick(Tick::Weeks(1)), "1 week");
    }

    #[test]
    fn the_chart_speaks_spanish_and_russian_with_their_plurals_and_decimals() {
        let es = ChartWords(Lang::Es);
        assert_eq!(es.per_day(Unit::Oz), "Extraído por día (oz)");
        assert_eq!(es.number("2.5"), "2,5");
        assert_eq!(
            es.row(Place::Freezer, 2, Ml(74), Unit::Oz, 0),
            "Congelador · 2 porciones · 2,5 oz"
        );
        assert_eq!(es.tick(Tick::Months(6)), "6 meses");
        let ru = ChartWords(Lang::Ru);
        assert_eq!(ru.as_of(at(3, 14, 5)), "На чт, 3 дек, 14:05");
        assert_eq!(
            ru.row(Place::Fridge, 5, Ml(330), Unit::Ml, 2),
            "Холодильник · 5 порций · 330 мл · 2 просрочены"
        );
        assert_eq!(
            ru.row(Place::Fridge, 2, Ml(200), Unit::Ml, 1),
            "Холодильник · 2 порции · 200 мл · 1 просрочена"
        );
        assert_eq!(ru.tick(Tick::Days(2)), "2 дня");
        assert_eq!(ru.tick(Tick::Months(6)), "6 мес.");
    }

    #[test]
    fn a_chart_draws_in_every_language() {
        use crate::domain::stats::{Session, StoredBatch};
        use chrono::{Duration, TimeZone, Utc};
        let now = Utc.with_ymd_and_hms(2026, 12, 2, 9, 0, 0).unwrap();
        let sessions: Vec<Session> = (0..10)
            .map(|i| Session {
                expressed_at: now - Duration::hours(7 * i),
                amount: Ml(90),
                left: (i % 3 != 0).then_some(Ml(40)),
                right: (i % 3 != 0).then_some(Ml(50)),
            })
            .collect();
        let stash: Vec<StoredBatch> = [(Place::Fridge, 30), (Place::Freezer, 3000)]
            .into_iter()
            .zip(1..)
            .map(|((place, hours), id)| StoredBatch {
                id,
                place,
                amount: Ml(120),
                expressed_at: now,
                deadline: now + Duration::hours(hours),
            })
            .collect();
        let tz = chrono_tz::Europe::Madrid;
        let input = crate::chart::ChartInput::new(Unit::Oz, tz, now, &sessions, stash);
        for lang in Lang::ALL {
            let png = crate::chart::render(&input, &ChartWords(lang));
            assert!(png.as_ref().is_ok_and(|png| png.len() > 10_000), "{lang:?}");
            // Set MILKBOT_SAMPLE_CHARTS=dir to look at them.
            if let (Ok(dir), Ok(png)) = (std::env::var("MILKBOT_SAMPLE_CHARTS"), png) {
                let _ = std::fs::write(format!("{dir}/chart-{}.png", lang.code()), png);
            }
        }
    }
}
