//! Unit tests of the Spanish and Russian words: the tuning examples (never the frozen
//! tables in tests/data), each read against a clock set by hand.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;

use super::super::{Lang, Place, Reading, Unit, read, resolve};
use super::english;

const TZ: Tz = chrono_tz::Europe::Madrid;

/// 2026-12-09 15:10 (a Wednesday) in Madrid: not the tables' clock.
fn now() -> DateTime<Utc> {
    let local = NaiveDate::from_ymd_opt(2026, 12, 9)
        .and_then(|d| d.and_hms_opt(15, 10, 0))
        .expect("a valid date");
    TZ.from_local_datetime(&local)
        .single()
        .expect("no clock change then")
        .with_timezone(&Utc)
}

/// What a text reads as: (ml, place, local time "MM-DD HH:MM" or "now") per batch;
/// `None` when it is a question, an empty list when the bot would ask.
fn reads(text: &str, lang: Lang) -> Option<Vec<(u32, Option<Place>, String)>> {
    match read(text, lang) {
        Reading::Logs(logs) => Some(
            logs.iter()
                .map(|l| {
                    let ml = l
                        .amount
                        .and_then(|a| a.to_ml(Unit::Ml))
                        .or_else(|| l.sides_total(Unit::Ml).flatten())
                        .map_or(0, |m| m.get());
                    let at = match l.when.map(|w| resolve(w, now(), TZ)) {
                        None => "now".to_string(),
                        Some(Ok(t)) => t.with_timezone(&TZ).format("%m-%d %H:%M").to_string(),
                        Some(Err(e)) => format!("{e}"),
                    };
                    (ml, l.place, at)
                })
                .collect(),
        ),
        Reading::Partial(_) | Reading::Unclear => Some(Vec::new()),
        Reading::Question => None,
    }
}

fn check(lang: Lang, rows: &[(&str, u32, Option<Place>, &str)]) {
    let mut wrong = Vec::new();
    for &(text, ml, place, at) in rows {
        let got = reads(text, lang);
        if got != Some(vec![(ml, place, at.to_string())]) {
            wrong.push(format!("{text:?} → {:?}: {got:?}", english(text, lang)));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

const FRIDGE: Option<Place> = Some(Place::Fridge);
const FREEZER: Option<Place> = Some(Place::Freezer);
const COOLER: Option<Place> = Some(Place::Cooler);
const ROOM: Option<Place> = Some(Place::Room);

#[test]
fn spanish_places_units_and_sides() {
    check(
        Lang::Es,
        &[
            ("85 nevera", 85, FRIDGE, "now"),
            ("85 en la NEVERA", 85, FRIDGE, "now"),
            ("140ml al congelador", 140, FREEZER, "now"),
            ("65 ml heladera", 65, FRIDGE, "now"),
            ("65 ml frigorífico", 65, FRIDGE, "now"),
            ("65 ml refri", 65, FRIDGE, "now"),
            ("95 bolsa térmica", 95, COOLER, "now"),
            ("95 en la nevera portátil", 95, COOLER, "now"),
            ("95 hielera", 95, COOLER, "now"),
            ("45 temperatura ambiente", 45, ROOM, "now"),
            ("2 onzas freezer", 59, FREEZER, "now"),
            ("una onza nevera", 30, FRIDGE, "now"),
            ("izquierda 35 derecha 55 nevera", 90, FRIDGE, "now"),
            (
                "pecho derecho 20 pecho izquierdo 25 refri",
                45,
                FRIDGE,
                "now",
            ),
            ("doscientos cincuenta congelador", 250, FREEZER, "now"),
            ("treinta y cinco ml nevera", 35, FRIDGE, "now"),
            ("me saqué 70, nevera", 70, FRIDGE, "now"),
            ("guardé 110 en el congelador", 110, FREEZER, "now"),
            // A slip in a long word, as in English.
            ("85 neverra", 85, FRIDGE, "now"),
            ("85 congelardor", 85, FREEZER, "now"),
        ],
    );
}

#[test]
fn spanish_times() {
    check(
        Lang::Es,
        &[
            ("85 nevera ayer", 85, FRIDGE, "12-08 00:00"),
            ("85 nevera hoy", 85, FRIDGE, "12-09 00:00"),
            ("85 nevera anoche", 85, FRIDGE, "12-08 21:00"),
            ("85 nevera esta mañana", 85, FRIDGE, "12-09 05:00"),
            ("85 nevera esta manana", 85, FRIDGE, "12-09 05:00"),
            ("85 nevera hace 3 horas", 85, FRIDGE, "12-09 12:10"),
            ("85 nevera hace una hora y media", 85, FRIDGE, "12-09 13:40"),
            ("85 nevera hace media hora", 85, FRIDGE, "12-09 14:40"),
            ("85 nevera hace dos días", 85, FRIDGE, "12-07 15:10"),
            ("85 nevera a las 11", 85, FRIDGE, "12-09 11:00"),
            ("85 nevera a las 8 y media", 85, FRIDGE, "12-09 08:30"),
            ("85 nevera a las 11 de la noche", 85, FRIDGE, "12-08 23:00"),
            ("85 nevera a la 1 de la tarde", 85, FRIDGE, "12-09 13:00"),
            (
                "85 nevera a las 4 de la madrugada",
                85,
                FRIDGE,
                "12-09 04:00",
            ),
            ("85 nevera a las 21 hs", 85, FRIDGE, "12-08 21:00"),
            ("85 nevera desde las 9", 85, FRIDGE, "12-09 09:00"),
            ("85 nevera el martes a las 20:00", 85, FRIDGE, "12-08 20:00"),
            ("85 nevera sábado por la tarde", 85, FRIDGE, "12-05 12:00"),
            ("85 nevera el 3 de diciembre", 85, FRIDGE, "12-03 00:00"),
            ("85 nevera mañana", 85, FRIDGE, "the time is in the future"),
            ("85 nevera el lunes pasado", 85, FRIDGE, "12-07 00:00"),
            ("85 nevera ayer tarde", 85, FRIDGE, "12-08 12:00"),
            ("85 nevera hace semana y media", 85, FRIDGE, "11-29 03:10"),
            ("1 onza y media nevera", 44, FRIDGE, "now"),
            ("acabo de sacarme 85, nevera", 85, FRIDGE, "now"),
            // "12 de la noche" is midnight, as English "12 at night" (never noon).
            ("85 nevera a las 12 de la noche", 85, FRIDGE, "12-09 00:00"),
            (
                "85 nevera ayer a las 12 de la noche",
                85,
                FRIDGE,
                "12-09 00:00",
            ),
            (
                "85 nevera a las 12:30 de la madrugada",
                85,
                FRIDGE,
                "12-09 00:30",
            ),
            ("85 nevera a medianoche", 85, FRIDGE, "12-09 00:00"),
            ("85 nevera a las 12 del mediodía", 85, FRIDGE, "12-09 12:00"),
            ("85 nevera a las 11 de la noche", 85, FRIDGE, "12-08 23:00"),
            // The day before yesterday, three ways.
            ("85 nevera anteayer", 85, FRIDGE, "12-07 00:00"),
            ("85 nevera antier a las 8", 85, FRIDGE, "12-07 08:00"),
            (
                "85 nevera antes de ayer por la tarde",
                85,
                FRIDGE,
                "12-07 12:00",
            ),
        ],
    );
}

/// "Las 12 de la mañana" is noon in Spanish (midnight is "12 de la noche" or "de la
/// madrugada"): never read as midnight, as English "12 am" would be.
#[test]
fn spanish_twelve_in_the_morning_is_noon() {
    check(
        Lang::Es,
        &[
            ("85 nevera a las 12 de la mañana", 85, FRIDGE, "12-09 12:00"),
            ("85 nevera a las 12 de la manana", 85, FRIDGE, "12-09 12:00"),
            ("85 nevera 12 de la mañana", 85, FRIDGE, "12-09 12:00"),
            (
                "85 nevera ayer a las 12 de la mañana",
                85,
                FRIDGE,
                "12-08 12:00",
            ),
            (
                "85 nevera a las 12:30 de la mañana",
                85,
                FRIDGE,
                "12-09 12:30",
            ),
            (
                "85 nevera a las 12 y media de la mañana",
                85,
                FRIDGE,
                "12-09 12:30",
            ),
            (
                "85 nevera a las 12 por la mañana",
                85,
                FRIDGE,
                "12-09 12:00",
            ),
            // Any other hour of the morning stays in the morning; midnight is still midnight.
            ("85 nevera a las 11 de la mañana", 85, FRIDGE, "12-09 11:00"),
            ("85 nevera a las 12 de la noche", 85, FRIDGE, "12-09 00:00"),
            (
                "85 nevera a las 12 de la madrugada",
                85,
                FRIDGE,
                "12-09 00:00",
            ),
        ],
    );
}

#[test]
fn spanish_questions_stay_questions() {
    for q in [
        "¿85 ml en la nevera desde el lunes?",
        "cuánto aguantan 85 ml en la nevera",
        "como guardo 85 ml en la nevera",
        "puedo dar 85 ml de ayer",
        "se puede congelar 85 ml de la nevera",
        "85 ml 5 horas fuera sirve",
        "es normal sacar 20 ml",
    ] {
        assert_eq!(read(q, Lang::Es), Reading::Question, "{q}");
    }
    // "como" in the middle is "about".
    assert!(matches!(
        read("saqué como 85 ml, nevera", Lang::Es),
        Reading::Logs(_)
    ));
}

#[test]
fn russian_places_units_and_sides() {
    check(
        Lang::Ru,
        &[
            ("85 холодильник", 85, FRIDGE, "now"),
            ("85 в холодильнике", 85, FRIDGE, "now"),
            ("85 в холодильник", 85, FRIDGE, "now"),
            ("85 морозилка", 85, FREEZER, "now"),
            ("85 в морозилку", 85, FREEZER, "now"),
            ("85 в морозилке", 85, FREEZER, "now"),
            ("85 морозильник", 85, FREEZER, "now"),
            ("85 в сумку-холодильник", 85, COOLER, "now"),
            ("85 в термосумку", 85, COOLER, "now"),
            ("85 при комнатной температуре", 85, ROOM, "now"),
            ("85 на столе", 85, ROOM, "now"),
            ("2 унции морозилка", 59, FREEZER, "now"),
            ("одна унция холодильник", 30, FRIDGE, "now"),
            ("левая 35 правая 55 холодильник", 90, FRIDGE, "now"),
            ("сто сорок мл морозилка", 140, FREEZER, "now"),
            ("двадцать пять мл холодильник", 25, FRIDGE, "now"),
            ("сцедила 70, холодильник", 70, FRIDGE, "now"),
            ("Сцедила 70 в ХОЛОДИЛЬНИК", 70, FRIDGE, "now"),
            // "что" asks; "только что" (just now) does not.
            (
                "только что сцедила 70, холодильник",
                70,
                FRIDGE,
                "12-09 15:10",
            ),
            ("85 холодильнк", 85, FRIDGE, "now"),
        ],
    );
}

#[test]
fn russian_times() {
    check(
        Lang::Ru,
        &[
            ("85 холодильник вчера", 85, FRIDGE, "12-08 00:00"),
            ("85 холодильник сегодня", 85, FRIDGE, "12-09 00:00"),
            // "в 12 ночи" is midnight, as English "12 at night".
            ("85 холодильник в 12 ночи", 85, FRIDGE, "12-09 00:00"),
            ("85 холодильник вчера в 12 ночи", 85, FRIDGE, "12-09 00:00"),
            ("85 холодильник в 12 дня", 85, FRIDGE, "12-09 12:00"),
            // "в 12 утра" is said for noon; it is never read as midnight ("12 am").
            ("85 холодильник в 12 утра", 85, FRIDGE, "12-09 12:00"),
            ("85 холодильник вчера в 12 утра", 85, FRIDGE, "12-08 12:00"),
            ("85 холодильник позавчера", 85, FRIDGE, "12-07 00:00"),
            (
                "85 холодильник позавчера в 10 вечера",
                85,
                FRIDGE,
                "12-07 22:00",
            ),
            ("85 холодильник ночью", 85, FRIDGE, "12-08 21:00"),
            ("85 холодильник сегодня ночью", 85, FRIDGE, "12-08 21:00"),
            ("85 холодильник утром", 85, FRIDGE, "12-09 05:00"),
            ("85 холодильник вчера вечером", 85, FRIDGE, "12-08 17:00"),
            ("85 холодильник 3 часа назад", 85, FRIDGE, "12-09 12:10"),
            ("85 холодильник час назад", 85, FRIDGE, "12-09 14:10"),
            ("85 холодильник полчаса назад", 85, FRIDGE, "12-09 14:40"),
            ("85 холодильник два дня назад", 85, FRIDGE, "12-07 15:10"),
            ("85 холодильник в 11", 85, FRIDGE, "12-09 11:00"),
            ("85 холодильник в 11 вечера", 85, FRIDGE, "12-08 23:00"),
            ("85 холодильник в 4 утра", 85, FRIDGE, "12-09 04:00"),
            ("85 холодильник в 1 час дня", 85, FRIDGE, "12-09 13:00"),
            (
                "85 холодильник во вторник в 20:00",
                85,
                FRIDGE,
                "12-08 20:00",
            ),
            ("85 холодильник в субботу днём", 85, FRIDGE, "12-05 12:00"),
            ("85 холодильник 3 декабря", 85, FRIDGE, "12-03 00:00"),
            ("85 холодильник 30.11", 85, FRIDGE, "11-30 00:00"),
            (
                "85 холодильник в прошлый понедельник",
                85,
                FRIDGE,
                "12-07 00:00",
            ),
            ("85 холодильник в час ночи", 85, FRIDGE, "12-09 01:00"),
            ("85 в холодильник на работе", 85, FRIDGE, "now"),
            (
                "85 холодильник завтра",
                85,
                FRIDGE,
                "the time is in the future",
            ),
        ],
    );
}

#[test]
fn russian_questions_stay_questions() {
    for q in [
        "сколько можно хранить 85 мл в холодильнике",
        "85 мл в холодильнике с понедельника, можно?",
        "как разморозить 85 мл",
        "годится ли 85 мл после 5 дней",
        "это нормально 20 мл",
    ] {
        assert_eq!(read(q, Lang::Ru), Reading::Question, "{q}");
    }
}

/// "2 bolsas de 100 ml", "2 пакета по 100 мл": as English "2 bags of 100 ml", that many
/// batches of the amount; without "of" ("2 bolsas 100 ml") the bot asks, as in English.
#[test]
fn counted_containers_of_one_amount() {
    let two = |place| Some(vec![(100, place, "now".to_string()); 2]);
    for (text, lang) in [
        ("2 bolsas de 100 ml congelador", Lang::Es),
        ("dos bolsas de 100 ml al congelador", Lang::Es),
        ("2 пакета по 100 мл морозилка", Lang::Ru),
        ("2 пакета по 100 мл в морозилку", Lang::Ru),
        ("2 bags of 100 ml freezer", Lang::En),
    ] {
        assert_eq!(reads(text, lang), two(FREEZER), "{text}");
        assert_eq!(
            reads(&english(text, lang), Lang::En),
            two(FREEZER),
            "{text}"
        );
    }
    // The place not typed: both batches are read, and the bot asks where.
    assert_eq!(reads("2 bolsas de 100 ml", Lang::Es), two(None));
    assert_eq!(
        reads("2 bolsas 100 ml congelador", Lang::Es),
        Some(Vec::new())
    );
    assert_eq!(
        reads("3 biberones de 60 ml nevera ayer", Lang::Es),
        Some(vec![(60, FRIDGE, "12-08 00:00".to_string()); 3])
    );
}

#[test]
fn english_is_read_as_before_and_in_every_language() {
    for lang in Lang::ALL {
        assert_eq!(
            reads("85 fridge 2h ago", lang),
            Some(vec![(85, FRIDGE, "12-09 13:10".to_string())]),
            "{lang:?}"
        );
    }
    // An English chat does not read Spanish or Russian words.
    assert_eq!(english("85 nevera", Lang::En), "85 nevera");
    assert_ne!(reads("85 nevera", Lang::En), reads("85 nevera", Lang::Es));
}
