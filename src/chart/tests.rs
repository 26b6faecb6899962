use super::days::*;
use super::palette::*;
use super::stash::*;
use super::*;
use crate::domain::{Ml, Place, Unit};
use chrono::{Duration, TimeZone};
use chrono_tz::Europe::London;
use plotters::style::RGBColor;
use proptest::prelude::*;
use std::collections::HashSet;

/// Plain English words for the picture's own tests (the bot's are
/// `messages::ChartWords`, tested there in every language).
struct Plain;

impl Words for Plain {
    fn title(&self) -> String {
        "Milk".into()
    }
    fn as_of(&self, local: chrono::NaiveDateTime) -> String {
        format!("As of {}", self.deadline(local, true))
    }
    fn per_day(&self, unit: Unit) -> String {
        format!("Per day ({})", unit.symbol())
    }
    fn legend(&self, entry: Legend) -> String {
        format!("{entry:?}")
    }
    fn no_sessions(&self) -> String {
        "No sessions".into()
    }
    fn weekday(&self, day: chrono::Weekday) -> String {
        day.to_string().chars().take(2).collect()
    }
    fn number(&self, number: &str) -> String {
        number.into()
    }
    fn deadline(&self, local: chrono::NaiveDateTime, near: bool) -> String {
        use chrono::Datelike;
        if near {
            let day = self.weekday(local.weekday());
            format!("{day} {}, {}", local.day(), local.format("%H:%M"))
        } else {
            format!("{} {}", local.day(), local.format("%b"))
        }
    }
    fn row(&self, place: Place, batches: u32, amount: Ml, unit: Unit, expired: u32) -> String {
        let amount = amount.display(unit);
        match (batches, expired) {
            (1, _) => format!("{place:?} · {amount}"),
            (n, 0) => format!("{place:?} · {n} batches · {amount}"),
            (n, gone) => format!("{place:?} · {n} batches · {amount} · {gone} expired"),
        }
    }
    fn between(&self, first: &str, last: &str) -> String {
        format!("{first} to {last}")
    }
    fn to(&self, last: &str) -> String {
        format!("to {last}")
    }
    fn until(&self, first: &str) -> String {
        format!("until {first}")
    }
    fn expired_at(&self, when: &str) -> String {
        format!("expired {when}")
    }
    fn expired(&self) -> String {
        "expired".into()
    }
    fn stash_heading(&self) -> String {
        "Stash".into()
    }
    fn nothing_stored(&self) -> String {
        "Nothing stored".into()
    }
    fn nothing_stored_hint(&self) -> String {
        "Log milk".into()
    }
    fn tick(&self, tick: Tick) -> String {
        format!("{tick:?}")
    }
}

struct Image {
    width: u32,
    height: u32,
    pixels: Vec<[u8; 3]>,
}

impl Image {
    fn decode(png_bytes: &[u8]) -> Image {
        let mut reader = png::Decoder::new(png_bytes).read_info().expect("a PNG");
        let mut buf = vec![0; reader.output_buffer_size()];
        let info = reader.next_frame(&mut buf).expect("one frame");
        assert_eq!(info.color_type, png::ColorType::Rgb);
        let pixels = buf[..info.buffer_size()]
            .chunks_exact(3)
            .map(|p| [p[0], p[1], p[2]])
            .collect();
        Image {
            width: info.width,
            height: info.height,
            pixels,
        }
    }

    fn count(&self, c: RGBColor) -> usize {
        self.pixels
            .iter()
            .filter(|p| **p == [c.0, c.1, c.2])
            .count()
    }

    fn distinct(&self) -> usize {
        self.pixels.iter().collect::<HashSet<_>>().len()
    }
}

fn now() -> DateTime<Utc> {
    // A Sunday afternoon in London (BST).
    Utc.with_ymd_and_hms(2026, 6, 14, 14, 30, 0).unwrap()
}

fn sessions(with_sides: bool) -> Vec<Session> {
    (0..14i64)
        .flat_map(|day| {
            (0..3i64).map(move |k| {
                let amount = 60 + ((day * 37 + k * 23) % 90) as u32;
                let (left, right) = if with_sides && k != 2 {
                    let l = amount * 11 / 20;
                    (Some(Ml(l)), Some(Ml(amount - l)))
                } else {
                    (None, None)
                };
                Session {
                    expressed_at: now() - Duration::days(day) - Duration::hours(2 + 5 * k),
                    amount: Ml(amount),
                    left,
                    right,
                }
            })
        })
        .collect()
}

fn batch(id: i64, place: Place, ml: u32, hours: i64) -> StoredBatch {
    StoredBatch {
        id,
        place,
        amount: Ml(ml),
        expressed_at: now() - Duration::hours(5),
        deadline: now() + Duration::hours(hours),
    }
}

fn small_stash() -> Vec<StoredBatch> {
    vec![
        batch(1, Place::Room, 90, 3),
        batch(2, Place::Fridge, 120, 50),
        batch(3, Place::Fridge, 100, 80),
        batch(4, Place::Freezer, 150, 24 * 150),
        batch(5, Place::IceBox, 110, 24 * 9),
        batch(6, Place::Fridge, 60, -2),
    ]
}

fn render_with(input: &ChartInput) -> Result<Vec<u8>, ChartError> {
    render(input, &Plain)
}

fn input(unit: Unit, with_sides: bool, stash: Vec<StoredBatch>) -> ChartInput {
    ChartInput::new(unit, London, now(), &sessions(with_sides), stash)
}

#[test]
fn a_full_chart_is_portrait_and_shows_both_sides() {
    let png = render_with(&input(Unit::Ml, true, small_stash())).unwrap();
    // Set MILKBOT_SAMPLE_CHART=path to look at it.
    if let Ok(path) = std::env::var("MILKBOT_SAMPLE_CHART") {
        std::fs::write(path, &png).unwrap();
    }
    let image = Image::decode(&png);
    assert_eq!((image.width, image.height), (WIDTH, HEIGHT));
    assert!(image.distinct() > 100, "only {} colours", image.distinct());
    // Bars per side, and the third session of each day without sides.
    for color in [LEFT, RIGHT, SIDE_NOT_NOTED] {
        assert!(
            image.count(color) > 2000,
            "{color:?}: {}",
            image.count(color)
        );
    }
    // Stash bars in their place colours, and the expired marker.
    for place in [Place::Room, Place::Fridge, Place::Freezer, Place::IceBox] {
        assert!(image.count(palette::place(place)) > 500, "{place:?}");
    }
    assert!(image.count(WARN) > 100);
    assert_eq!(image.count(palette::place(Place::Cooler)), 0);
}

#[test]
fn without_sides_there_are_no_side_colours() {
    let image = Image::decode(&render_with(&input(Unit::Oz, false, small_stash())).unwrap());
    assert_eq!(image.count(LEFT), 0);
    assert_eq!(image.count(RIGHT), 0);
    assert!(image.count(SIDE_NOT_NOTED) > 2000);
}

#[test]
fn an_empty_input_still_renders() {
    let empty = ChartInput {
        unit: Unit::Ml,
        tz: London,
        now: now(),
        days: Vec::new(),
        stash: Vec::new(),
    };
    let image = Image::decode(&render(&empty, &Plain).unwrap());
    assert_eq!((image.width, image.height), (WIDTH, HEIGHT));
    // White with text and grid lines, but no bars.
    assert!(image.distinct() > 20);
    assert_eq!(image.count(SIDE_NOT_NOTED) + image.count(LEFT), 0);
    let white = image.count(BACKGROUND);
    assert!(white > image.pixels.len() * 9 / 10 && white < image.pixels.len());
}

#[test]
fn many_batches_are_grouped_per_place() {
    let stash: Vec<StoredBatch> = (0..40)
        .map(|i| {
            let place = [Place::Freezer, Place::Fridge, Place::IceBox][i as usize % 3];
            batch(i, place, 100 + i as u32, 24 * (1 + i) - 30)
        })
        .collect();
    let rows = rows(&stash, now());
    // The freezer holds the one expired batch, so it comes first; then the
    // fridge, whose next deadline (batch 1, in 18 h) is sooner than the ice box's.
    assert_eq!(
        rows.iter().map(|r| r.place).collect::<Vec<_>>(),
        [Place::Freezer, Place::Fridge, Place::IceBox]
    );
    let freezer = rows[0];
    assert_eq!((freezer.batches, freezer.expired), (14, 1));
    // Batch 0 (deadline 6 h ago) expired; batch 3 is the next ahead, batch 39 the last.
    assert_eq!(freezer.expired_at, Some(now() - Duration::hours(6)));
    assert_eq!(freezer.first, Some(now() + Duration::hours(24 * 4 - 30)));
    assert_eq!(freezer.last, Some(now() + Duration::hours(24 * 40 - 30)));
    assert_eq!(
        (rows[1].batches, rows[1].expired, rows[2].batches),
        (13, 0, 13)
    );
    let total: u32 = rows.iter().map(|r| r.amount.get()).sum();
    assert_eq!(total, (0..40).map(|i| 100 + i).sum::<u32>());
    // It renders with the 40 batches too.
    let image = Image::decode(&render_with(&input(Unit::Ml, true, stash)).unwrap());
    assert!(image.count(palette::place(Place::Freezer)) > 500);
}

#[test]
fn few_batches_get_a_row_each_expired_first() {
    let rows = rows(&small_stash(), now());
    let amounts: Vec<u32> = rows.iter().map(|r| r.amount.get()).collect();
    assert_eq!(amounts, [60, 90, 120, 100, 110, 150]);
    assert!(rows.iter().all(|r| r.batches == 1));
    assert_eq!(rows[0].expired, 1);
}

#[test]
fn row_texts_shorten_in_steps() {
    let tz = London;
    let rows = rows(&small_stash(), now());
    let (label, whens, color) = row_texts(&rows[0], &Plain, Unit::Ml, now(), tz);
    assert_eq!(label, "Fridge · 60 ml");
    assert_eq!(whens, ["expired Su 14, 13:30", "expired"]);
    assert_eq!(color, WARN);
    let (label, whens, color) = row_texts(&rows[2], &Plain, Unit::Oz, now(), tz);
    assert_eq!(label, "Fridge · 4.1 oz");
    assert_eq!(whens, ["until Tu 16, 17:30", "Tu 16, 17:30"]);
    assert_eq!(color, INK);
    let group = rows[0].join(rows[2]).join(rows[5]);
    let (label, whens, _) = row_texts(&group, &Plain, Unit::Ml, now(), tz);
    assert_eq!(label, "Fridge · 3 batches · 330 ml · 1 expired");
    assert_eq!(whens, ["Tu 16, 17:30 to 11 Nov", "to 11 Nov"]);
}

#[test]
fn axes_are_round_and_cover_the_data() {
    assert_eq!(nice_axis(0.0, Unit::Ml), (20.0, 100.0));
    assert_eq!(nice_axis(1234.0, Unit::Ml), (250.0, 1250.0));
    assert_eq!(nice_axis(7.0, Unit::Ml), (2.0, 8.0));
    assert_eq!(nice_axis(0.0, Unit::Oz), (1.0, 4.0));
    assert_eq!(nice_axis(14.2, Unit::Oz), (5.0, 15.0));
    assert_eq!(nice_axis(0.3, Unit::Oz), (0.1, 0.30000000000000004));
    assert_eq!(axis_number(2.5), "2.5");
    assert_eq!(axis_number(0.30000000000000004), "0.3");
    assert_eq!(axis_number(1250.0), "1250");
}

#[test]
fn the_timeline_is_compressed_but_ordered() {
    assert_eq!(time_axis_end(3.0), 48.0);
    assert_eq!(time_axis_end(100.0), 168.0);
    assert_eq!(time_axis_end(24.0 * 184.0), 8784.0);
    assert_eq!(time_axis_end(20_000.0), 20_000.0);
    let end = 4392.0;
    assert_eq!(time_x(0.0, end, 984), 0);
    assert_eq!(time_x(end, end, 984), 984);
    assert_eq!(time_x(-5.0, end, 984), 0);
    assert_eq!(time_x(1e9, end, 984), 984);
    let xs: Vec<i32> = [1.0, 6.0, 24.0, 168.0, 720.0]
        .map(|h| time_x(h, end, 984))
        .to_vec();
    assert!(xs.windows(2).all(|w| w[0] + 80 < w[1]), "{xs:?}");
}

#[test]
fn deadlines_read_in_local_time() {
    // 13:00 UTC is 14:00 in London in June.
    let soon = Utc.with_ymd_and_hms(2026, 6, 16, 13, 0, 0).unwrap();
    assert_eq!(deadline_label(&Plain, soon, now(), London), "Tu 16, 14:00");
    let far = Utc.with_ymd_and_hms(2026, 12, 1, 23, 30, 0).unwrap();
    assert_eq!(
        deadline_label(&Plain, far, now(), chrono_tz::Asia::Tokyo),
        "2 Dec"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(8))]
    #[test]
    fn any_input_renders(
        days in prop::collection::vec((any::<u32>(), any::<Option<u32>>(), any::<Option<u32>>()), 0..20),
        stash in prop::collection::vec((any::<u32>(), -100_000i64..100_000, 0usize..8), 0..30),
        oz in any::<bool>(),
        offset_days in -20_000i64..20_000,
    ) {
        let now = now() + Duration::days(offset_days);
        let sessions: Vec<Session> = (0..).zip(days).map(|(i, (ml, l, r))| Session {
            expressed_at: now - Duration::hours(i * 17),
            amount: Ml(ml),
            left: l.map(Ml),
            right: r.map(Ml),
        }).collect();
        let stash: Vec<StoredBatch> = (0..).zip(stash).map(|(id, (ml, h, p))| StoredBatch {
            id,
            place: Place::ALL.get(p).copied().unwrap_or(Place::Fridge),
            amount: Ml(ml),
            expressed_at: now,
            deadline: now + Duration::hours(h),
        }).collect();
        let unit = if oz { Unit::Oz } else { Unit::Ml };
        let input = ChartInput::new(unit, London, now, &sessions, stash);
        let image = Image::decode(&render(&input, &Plain).unwrap());
        prop_assert_eq!((image.width, image.height), (WIDTH, HEIGHT));
    }
}
