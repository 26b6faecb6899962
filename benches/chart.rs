//! How long one `/stats` chart takes to draw and encode: 14 days of sessions (some
//! with sides) and 40 stored batches across several places, so the stash panel is
//! grouped per place.

use chrono::{DateTime, Duration, TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

use milkbot::chart::{ChartInput, render};
use milkbot::domain::stats::{Session, StoredBatch};
use milkbot::domain::{Lang, Ml, Place, Unit};
use milkbot::messages::ChartWords;

fn input() -> ChartInput {
    let now: DateTime<Utc> = Utc.with_ymd_and_hms(2026, 6, 14, 14, 30, 0).unwrap();
    // Five sessions a day for 14 days.
    let sessions: Vec<Session> = (0..14 * 5)
        .map(|i: i64| {
            let amount = 60 + (i * 37 % 90) as u32;
            let sides = i % 3 != 0;
            Session {
                expressed_at: now - Duration::minutes(30 + i * 24 * 60 / 5),
                amount: Ml(amount),
                left: sides.then_some(Ml(amount / 2)),
                right: sides.then_some(Ml(amount - amount / 2)),
            }
        })
        .collect();
    let places = [
        Place::Freezer,
        Place::Fridge,
        Place::IceBox,
        Place::Room,
        Place::Cooler,
    ];
    let stash: Vec<StoredBatch> = (0..40)
        .map(|i: i64| StoredBatch {
            id: i,
            place: places[i as usize % places.len()],
            amount: Ml(90 + (i as u32 * 13) % 80),
            expressed_at: now - Duration::hours(i),
            deadline: now + Duration::hours(3 + i * i * 3),
        })
        .collect();
    ChartInput::new(Unit::Ml, chrono_tz::Europe::London, now, &sessions, stash)
}

fn bench(c: &mut Criterion) {
    let input = input();
    let words = ChartWords(Lang::En);
    c.bench_function("render 14 days, 40 batches", |b| {
        b.iter(|| render(black_box(&input), &words).map(|png| png.len()))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
