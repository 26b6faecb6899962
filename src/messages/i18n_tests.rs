//! The .ftl files: they parse, every language has exactly English's keys, the figures
//! match English's, and plurals and fallbacks work.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

use super::*;

/// Every message of a file: its key and the numbers written in its text (not in
/// variant keys or arguments).
fn messages(lang: Lang, source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let resource = match FluentResource::try_new(source.to_owned()) {
        Ok(resource) => resource,
        Err((_, errors)) => panic!("locales/{}.ftl does not parse: {errors:?}", lang.code()),
    };
    let mut out = BTreeMap::new();
    for entry in resource.entries() {
        if let Entry::Message(m) = entry {
            let mut numbers = BTreeSet::new();
            if let Some(value) = &m.value {
                numbers_in(value, &mut numbers);
            }
            out.insert(m.id.name.to_owned(), numbers);
        }
    }
    out
}

fn numbers_in(pattern: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => {
                let mut digits = String::new();
                for c in value.chars().chain([' ']) {
                    if c.is_ascii_digit() || (!digits.is_empty() && (c == '.' || c == ',')) {
                        digits.push(c);
                    } else if !digits.is_empty() {
                        let number = digits.trim_end_matches(['.', ',']).replace(',', ".");
                        out.insert(number);
                        digits.clear();
                    }
                }
            }
            PatternElement::Placeable { expression } => match expression {
                Expression::Select { variants, .. } => {
                    for variant in variants {
                        numbers_in(&variant.value, out);
                    }
                }
                Expression::Inline(InlineExpression::StringLiteral { value }) => {
                    let pattern = Pattern {
                        elements: vec![PatternElement::TextElement { value: *value }],
                    };
                    numbers_in(&pattern, out);
                }
                Expression::Inline(_) => {}
            },
        }
    }
}

#[test]
fn every_file_parses() {
    for (lang, source) in SOURCES {
        assert!(!messages(lang, source).is_empty(), "{}", lang.code());
    }
}

#[test]
fn every_language_has_exactly_the_english_keys() {
    let english = messages(Lang::En, SOURCES[0].1);
    for (lang, source) in &SOURCES[1..] {
        let other = messages(*lang, source);
        let missing: Vec<_> = english.keys().filter(|k| !other.contains_key(*k)).collect();
        let extra: Vec<_> = other.keys().filter(|k| !english.contains_key(*k)).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "locales/{}.ftl: missing {missing:?}, not in English {extra:?}",
            lang.code()
        );
    }
}

#[test]
fn figures_are_identical_across_languages() {
    let english = messages(Lang::En, SOURCES[0].1);
    for (lang, source) in &SOURCES[1..] {
        for (key, numbers) in messages(*lang, source) {
            let Some(expected) = english.get(&key) else {
                continue;
            };
            assert_eq!(
                &numbers,
                expected,
                "locales/{}.ftl `{key}`: its numbers differ from English's",
                lang.code()
            );
        }
    }
}

#[test]
fn the_number_check_reads_decimals_and_ignores_variant_keys() {
    let source =
        "a = up to 4 days, 2,5 oz\nb = { $n ->\n    [one] 1 day\n   *[other] { \"24\" } h\n}\n";
    let found = messages(Lang::Es, source);
    assert_eq!(found["a"], BTreeSet::from(["4".into(), "2.5".into()]));
    assert_eq!(found["b"], BTreeSet::from(["1".into(), "24".into()]));
}

#[test]
fn russian_plurals_have_one_few_and_many() {
    let days = |n: i64| t!(Lang::Ru, "span-days", days = n);
    assert_eq!(days(1), "1 день");
    assert_eq!(days(2), "2 дня");
    assert_eq!(days(5), "5 дней");
    assert_eq!(days(21), "21 день");
    assert_eq!(t!(Lang::En, "span-days", days = 1), "1 day");
    assert_eq!(t!(Lang::En, "span-days", days = 21), "21 days");
    assert_eq!(t!(Lang::Es, "span-days", days = 1), "1 día");
}

#[test]
fn no_isolation_marks_reach_telegram() {
    let text = t!(Lang::Es, "time-today", clock = "14:05");
    assert_eq!(text, "hoy 14:05");
    assert!(!text.contains(['\u{2068}', '\u{2069}']));
}

#[test]
fn a_missing_key_falls_back_to_english_and_never_panics() {
    let bundles = vec![
        bundle(Lang::En, "hello = Hello { $name }\nonly = English only\n"),
        bundle(Lang::Es, "hello = Hola { $name }\n"),
        bundle(Lang::Ru, ""),
    ];
    let name = fluent_args!(name = "<Ana>");
    assert_eq!(
        format(&bundles, Lang::Es, "hello", Some(&name)),
        "Hola <Ana>"
    );
    assert_eq!(format(&bundles, Lang::Es, "only", None), "English only");
    assert_eq!(
        format(&bundles, Lang::Ru, "hello", Some(&name)),
        "Hello <Ana>"
    );
    assert_eq!(format(&bundles, Lang::Ru, "nowhere", None), "nowhere");
    // A missing argument shows its name; a stray one is ignored.
    assert_eq!(format(&bundles, Lang::Es, "hello", None), "Hola {$name}");
    let stray = fluent_args!(count = 3, name = "x");
    assert_eq!(
        format(&bundles, Lang::En, "only", Some(&stray)),
        "English only"
    );
}

#[test]
fn decimals_use_each_languages_separator() {
    assert_eq!(decimal(Lang::En, "2.5"), "2.5");
    assert_eq!(decimal(Lang::Es, "2.5"), "2,5");
    assert_eq!(decimal(Lang::Ru, "33.8"), "33,8");
}
