//! The Spanish words of a typed log, as the English grammar reads them (Spain, Mexico,
//! Argentina and the Caribbean; accents optional), and the Spanish word orders it needs
//! told: `hace 2 horas` (2 hours ago), `a las 10 de la noche` (at 10 pm), `a las 12 de
//! la noche` (midnight, as English reads "at 12 at night").

use super::super::foreign::{Pieces, Vocab};
use crate::domain::Lang;

pub(in crate::domain::shortcut) static VOCAB: Vocab = Vocab {
    fold,
    phrases: PHRASES,
    numbers: NUMBERS,
    joiner: Some("y"),
    question_words: QUESTION_WORDS,
    question_starts: QUESTION_STARTS,
    rules,
};

/// Accents are optional: `frigorífico` is `frigorifico`, `mañana` is `manana`.
fn fold(c: char) -> char {
    Lang::Es.fold(c)
}

#[rustfmt::skip]
const PHRASES: &[(&[&str], &str)] = &[
    // Places. A cooler bag is never the fridge: "nevera portátil" is read before "nevera".
    (&["nevera"], "fridge"), (&["neverita"], "fridge"), (&["frigorifico"], "fridge"),
    (&["frigo"], "fridge"), (&["refri"], "fridge"), (&["refrigerador"], "fridge"),
    (&["refrigeradora"], "fridge"), (&["heladera"], "fridge"), (&["refrigeracion"], "fridge"),
    (&["congelador"], "freezer"), (&["congeladora"], "freezer"), (&["congelado"], "freezer"),
    (&["congelada"], "freezer"), (&["congele"], "freezer"),
    (&["bolsa", "termica"], "cooler"), (&["bolso", "termico"], "cooler"),
    (&["nevera", "portatil"], "cooler"), (&["nevera", "de", "viaje"], "cooler"),
    (&["nevera", "de", "playa"], "cooler"), (&["hielera"], "cooler"),
    (&["conservadora"], "cooler"), (&["cava"], "cooler"),
    (&["ambiente"], "room"), (&["temperatura", "ambiente"], "room"),
    (&["a", "temperatura", "ambiente"], "room"), (&["mesa"], "table"),
    (&["encimera"], "counter"), (&["fuera"], "out"), (&["afuera"], "out"),
    // Units.
    (&["onza"], "oz"), (&["onzas"], "oz"), (&["mililitro"], "ml"), (&["mililitros"], "ml"),
    // Times of day and days. "mañana" alone is tomorrow (refused as the future).
    (&["ayer"], "yesterday"), (&["hoy"], "today"), (&["anoche"], "last night"),
    (&["anteayer"], "day before yesterday"), (&["antier"], "day before yesterday"),
    (&["antes", "de", "ayer"], "day before yesterday"),
    (&["mediodia"], "noon"), (&["medianoche"], "midnight"),
    (&["manana"], "tomorrow"), (&["ahora"], "now"), (&["ahorita"], "now"),
    (&["esta", "manana"], "this morning"), (&["esta", "tarde"], "this afternoon"),
    (&["esta", "noche"], "tonight"), (&["esta", "madrugada"], "this morning"),
    (&["por", "la", "manana"], "in the morning"), (&["en", "la", "manana"], "in the morning"),
    (&["de", "manana"], "in the morning"),
    (&["por", "la", "tarde"], "in the afternoon"), (&["en", "la", "tarde"], "in the afternoon"),
    (&["por", "la", "noche"], "in the night"), (&["en", "la", "noche"], "in the night"),
    (&["de", "noche"], "in the night"), (&["madrugada"], "night"), (&["noche"], "night"),
    (&["tarde"], "afternoon"),
    (&["lunes"], "monday"), (&["martes"], "tuesday"), (&["miercoles"], "wednesday"),
    (&["jueves"], "thursday"), (&["viernes"], "friday"), (&["sabado"], "saturday"),
    (&["domingo"], "sunday"), (&["lun"], "mon"), (&["mie"], "wed"), (&["jue"], "thu"),
    (&["vie"], "fri"), (&["sab"], "sat"), (&["dom"], "sun"),
    (&["enero"], "january"), (&["febrero"], "february"), (&["marzo"], "march"),
    (&["abril"], "april"), (&["mayo"], "may"), (&["junio"], "june"), (&["julio"], "july"),
    (&["agosto"], "august"), (&["septiembre"], "september"), (&["setiembre"], "september"),
    (&["octubre"], "october"), (&["noviembre"], "november"), (&["diciembre"], "december"),
    (&["ene"], "jan"), (&["abr"], "apr"), (&["dic"], "dec"),
    (&["hora"], "hour"), (&["horas"], "hours"), (&["hs"], "h"), (&["hrs"], "hrs"),
    (&["minuto"], "minute"), (&["minutos"], "minutes"), (&["dia"], "day"), (&["dias"], "days"),
    (&["semana"], "week"), (&["semanas"], "weeks"),
    // Sides: "lado izquierdo 50", "pecho derecho 40".
    (&["izquierdo"], "left"), (&["izquierda"], "left"), (&["izq"], "left"),
    (&["izqu"], "left"), (&["izda"], "left"), (&["izdo"], "left"),
    (&["derecho"], "right"), (&["derecha"], "right"), (&["der"], "right"),
    (&["dcha"], "right"), (&["dcho"], "right"),
    (&["lado"], ""), (&["pecho"], ""), (&["seno"], ""), (&["teta"], ""),
    (&["lados"], "sides"), (&["ambos"], "both"),
    // Log verbs.
    (&["saque"], "pumped"), (&["saco"], "pumped"), (&["sacado"], "pumped"),
    (&["sacada"], "pumped"), (&["sacados"], "pumped"), (&["extraje"], "pumped"),
    (&["extraido"], "pumped"), (&["extraida"], "pumped"), (&["extraidos"], "pumped"),
    (&["extraccion"], "session"), (&["bombee"], "pumped"), (&["guarde"], "stored"),
    (&["guardado"], "stored"), (&["guardada"], "stored"), (&["guardo"], "stored"),
    (&["puse"], "put"), (&["agregue"], "added"), (&["anadi"], "added"),
    (&["sacar"], "pumped"), (&["sacarme"], "pumped"), (&["extraerme"], "pumped"),
    (&["acabo", "de"], "just"), (&["recien"], "just"),
    (&["registro"], "log"), (&["registrar"], "log"),
    // Containers, counted or not: "2 biberones: 60 y 80".
    (&["biberon"], "bottle"), (&["biberones"], "bottles"), (&["mamadera"], "bottle"),
    (&["mamaderas"], "bottles"), (&["mamila"], "bottle"), (&["mamilas"], "bottles"),
    (&["botella"], "bottle"), (&["botellas"], "bottles"), (&["bolsa"], "bag"),
    (&["bolsas"], "bags"), (&["bolsita"], "bag"), (&["frasco"], "jar"), (&["frascos"], "jars"),
    (&["envase"], "container"), (&["envases"], "containers"),
    // Small words that cannot turn a question into a log. ("a" is read as English "a",
    // a filler: read as "to" it broke English "a week ago" in a Spanish chat.)
    (&["en"], "in"), (&["el"], "the"), (&["la"], "the"), (&["los"], "the"), (&["las"], "the"),
    (&["lo"], "it"), (&["de"], "of"), (&["del"], "of"), (&["al"], "to"),
    (&["y"], "and"), (&["e"], "and"), (&["mi"], "my"), (&["mis"], "my"), (&["me"], ""),
    (&["un"], "a"), (&["una"], "a"), (&["leche"], "milk"), (&["materna"], "breastmilk"),
    (&["para"], "for"), (&["por", "favor"], "please"), (&["gracias"], "thanks"),
    (&["ya"], "just"), (&["listo"], "just"), (&["lista"], "just"), (&["otro"], "another"),
    (&["otros"], "another"), (&["otra"], "another"), (&["otras"], "another"),
    (&["como"], "about"), (&["unos"], "about"), (&["unas"], "about"), (&["aprox"], "approx"),
    (&["aproximadamente"], "approx"), (&["total"], "total"), (&["sesion"], "session"),
    (&["calostro"], "colostrum"), (&["ambas"], "both"), (&["trabajo"], "work"),
    (&["oficina"], "work"), (&["con", "hielo"], ""), (&["con", "hielos"], ""),
];

#[rustfmt::skip]
const NUMBERS: &[(&str, f64)] = &[
    ("cero", 0.0), ("uno", 1.0), ("dos", 2.0), ("tres", 3.0), ("cuatro", 4.0), ("cinco", 5.0),
    ("seis", 6.0), ("siete", 7.0), ("ocho", 8.0), ("nueve", 9.0), ("diez", 10.0),
    ("once", 11.0), ("doce", 12.0), ("trece", 13.0), ("catorce", 14.0), ("quince", 15.0),
    ("dieciseis", 16.0), ("diecisiete", 17.0), ("dieciocho", 18.0), ("diecinueve", 19.0),
    ("veinte", 20.0), ("veintiuno", 21.0), ("veintiun", 21.0), ("veintidos", 22.0),
    ("veintitres", 23.0), ("veinticuatro", 24.0), ("veinticinco", 25.0),
    ("veintiseis", 26.0), ("veintisiete", 27.0), ("veintiocho", 28.0), ("veintinueve", 29.0),
    ("treinta", 30.0), ("cuarenta", 40.0), ("cincuenta", 50.0), ("sesenta", 60.0),
    ("setenta", 70.0), ("ochenta", 80.0), ("noventa", 90.0), ("cien", 100.0),
    ("ciento", 100.0), ("doscientos", 200.0), ("doscientas", 200.0), ("trescientos", 300.0),
    ("trescientas", 300.0), ("cuatrocientos", 400.0), ("quinientos", 500.0),
    ("media", 0.5), ("medio", 0.5),
];

#[rustfmt::skip]
const QUESTION_WORDS: &[&str] = &[
    "cuanto", "cuanta", "cuantos", "cuantas", "cuando", "donde", "porque", "porq",
    "puedo", "puede", "pueden", "podemos", "podria", "debo", "debe", "deberia",
    "sirve", "sirven", "servira", "seguro", "segura", "normal", "todavia", "aun", "sigue",
    "dura", "duran", "durar", "aguanta", "aguantan", "vence", "caduca", "caducada",
    "vencida", "bien", "mucho", "mucha", "muchos", "muchas", "alcanza", "alcanzan",
    "suficiente", "malo", "mala", "huele", "necesita", "necesito", "si", "hay", "tirar",
    "conviene", "recomienda",
];

/// Not "esta": "esta mañana 120 congelador" is a log, and "está" loses its accent.
const QUESTION_STARTS: &[&str] = &["como", "que", "es", "son", "hay", "cual"];

/// The English weekday of a Spanish one.
fn weekday(w: &str) -> Option<&'static str> {
    PHRASES.iter().find_map(|(words, english)| {
        let weekday =
            english.ends_with("day") && !matches!(*english, "day" | "today" | "yesterday");
        (words == &[w] && weekday).then_some(*english)
    })
}

/// `hace 2 horas` → `2 hours ago`; `el viernes pasado` → `last friday`; `2 onzas y
/// media` → `2.5 oz`; `a las 10 de la noche`, `desde las 8`,
/// `a las 22 hs` → `at 10 pm`, `at 8`, `at 22`; `10 de la noche` → `10 pm`; `a las 12
/// de la noche` → `at 12 at night` (midnight); `a las 12 del mediodía` and `a las 12 de la
/// mañana` → `at 12 pm` (noon).
fn rules(p: &Pieces, i: usize) -> Option<(usize, String)> {
    if p.is(i, &["hace"]) {
        return hace(p, i + 1).map(|(len, english)| (len + 1, english));
    }
    // "el viernes pasado": last friday.
    if let Some(day) = p.word(i).and_then(weekday)
        && p.is(i + 1, &["pasado"])
    {
        return Some((2, format!("last {day}")));
    }
    // "2 onzas y media": 2.5 oz.
    if let Some(n) = p.num(i).filter(|n| !n.contains(['.', ',', ':']))
        && let Some(unit) = match p.word(i + 1) {
            Some("onza" | "onzas") => Some("oz"),
            Some("ml" | "mililitros") => Some("ml"),
            _ => None,
        }
        && p.is(i + 2, &["y"])
        && p.is(i + 3, &["media"])
    {
        return Some((4, format!("{n}.5 {unit}")));
    }
    // "a las 8", "desde las 10", "a la 1", "las 22:00".
    let mut k = i;
    if p.is(k, &["a", "desde"]) {
        k += 1;
    }
    let at = p.is(k, &["las", "la"]);
    if at {
        k += 1;
    }
    let (n, len) = p.number(k)?;
    if !at && k == i && p.num(i).is_none() {
        return None;
    }
    let mut n = n;
    let mut end = k + len;
    // "a las 22 hs", "a las 22h": the hour, not a time ago.
    if at && p.is(end, &["h", "hs", "hrs", "horas", "hora"]) {
        end += 1;
    }
    // "a las 8 y media", "a las 8 y cuarto".
    if at && !n.contains(':') && p.is(end, &["y"]) {
        let minutes = match p.word(end + 1) {
            Some("media") => Some("30"),
            Some("cuarto") => Some("15"),
            _ => None,
        };
        if let Some(m) = minutes {
            n = format!("{n}:{m}");
            end += 2;
        }
    }
    // "12 de la noche" (or "de la madrugada") is midnight: English reads "12 at night"
    // so. "12 de la mañana" is noon, as Spanish speakers say it (never midnight, which
    // "12 am" would be); any other hour takes the half of the day.
    let twelve = n == "12" || n.starts_with("12:");
    let half = if p.is(end, &["de"]) && p.is(end + 1, &["la"]) {
        match p.word(end + 2) {
            Some("noche" | "madrugada") if twelve => Some((3, "at night")),
            Some("manana") if twelve => Some((3, "pm")),
            Some("manana" | "madrugada") => Some((3, "am")),
            Some("tarde" | "noche") => Some((3, "pm")),
            _ => None,
        }
    } else if p.is(end, &["del"]) && p.is(end + 1, &["mediodia"]) {
        Some((2, "pm"))
    } else {
        None
    };
    match (at, half) {
        (true, Some((len, half))) => Some((end + len - i, format!("at {n} {half}"))),
        (false, Some((len, half))) => Some((end + len - i, format!("{n} {half}"))),
        (true, None) => Some((end - i, format!("at {n}"))),
        (false, None) => None,
    }
}

/// The time after `hace`: `2 horas`, `una hora`, `media hora`, `una hora y media`, `3
/// días`, `30 min`, `2h`.
fn hace(p: &Pieces, i: usize) -> Option<(usize, String)> {
    // "hace hora y media": a unit alone is one of it.
    let (mut n, len) = if p.is(i, &["un", "una"]) {
        ("1".to_string(), 1)
    } else if p.is(i, &["hora", "semana", "dia"]) {
        ("1".to_string(), 0)
    } else {
        p.number(i)?
    };
    let unit = match p.word(i + len)? {
        "hora" | "horas" | "h" | "hs" | "hr" | "hrs" => "hours",
        "minuto" | "minutos" | "min" | "mins" | "m" => "minutes",
        "dia" | "dias" | "d" => "days",
        "semana" | "semanas" => "weeks",
        _ => return None,
    };
    let mut end = i + len + 1;
    if p.is(end, &["y"]) && p.is(end + 1, &["media"]) {
        n = format!("{n}.5");
        end += 2;
    }
    Some((end - i, format!("{n} {unit} ago")))
}
