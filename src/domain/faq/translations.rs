//! The Spanish and Russian content against the English reference: same topics, same figures,
//! same sources; and the walkthrough likewise.

use super::Faq;
use crate::domain::Lang;
use crate::domain::steps;

/// The numbers of a text, in order of appearance, as written with a decimal point ("3,4" and
/// "3.4" are both "3.4"; "−18 °C" is "18", "2–3" is "2" and "3").
fn figures(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut current = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let digit_after = chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if c.is_ascii_digit() {
            current.push(c);
        } else if matches!(c, '.' | ',') && !current.is_empty() && digit_after {
            current.push('.');
        } else if !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// The same numbers, whatever their order (sentences are built differently per language).
fn sorted_figures(text: &str) -> Vec<String> {
    let mut f = figures(text);
    f.sort();
    f
}

/// The authorities an answer can name; a translation names the same ones.
const AUTHORITIES: &[&str] = &[
    "CDC",
    "NHS",
    "ABM",
    "Academy of Breastfeeding Medicine",
    "La Leche League",
    "USDA",
    "TSA",
    "NIH",
    "LactMed",
    "Breastfeeding Network",
    "How to keep your breast pump kit clean",
];

fn authorities(source: &str) -> Vec<&'static str> {
    AUTHORITIES
        .iter()
        .copied()
        .filter(|a| source.contains(a))
        .collect()
}

fn translations() -> impl Iterator<Item = (Lang, &'static Faq)> {
    Lang::ALL
        .into_iter()
        .filter(|&l| l != Lang::En)
        .map(|l| (l, Faq::bundled_for(l)))
}

#[test]
fn figures_read_decimals_ranges_and_signs() {
    assert_eq!(
        figures("−18 °C (0 °F), 2–3 cm, 100 ml / 3,4 oz, #8 (2017), 3.4"),
        ["18", "0", "2", "3", "100", "3.4", "8", "2017", "3.4"]
    );
    assert_eq!(figures("no figures, here."), Vec::<String>::new());
    assert_eq!(figures("end 24."), ["24"]);
}

#[test]
fn every_language_loads_and_names_its_language() {
    for lang in Lang::ALL {
        let faq = Faq::try_bundled_for(lang);
        assert!(faq.is_ok(), "{}: {faq:?}", lang.code());
        assert_eq!(Faq::bundled_for(lang).lang(), lang);
    }
    let unknown = format!("language = \"de\"\n{}", Faq::bundled_source());
    assert!(Faq::from_toml(&unknown).is_err());
}

#[test]
fn translations_have_the_same_topics_in_the_same_order() {
    let en = Faq::bundled();
    for (lang, faq) in translations() {
        let code = lang.code();
        let ids = |f: &Faq| f.topics().iter().map(|t| t.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(faq), ids(en), "{code}: topic ids or order differ");
        let cats = |f: &Faq| {
            f.categories()
                .iter()
                .map(|c| c.id.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(cats(faq), cats(en), "{code}: category ids or order differ");
        for (t, e) in faq.topics().iter().zip(en.topics()) {
            assert_eq!(t.category, e.category, "{code} {}: category", t.id);
            assert_eq!(t.red_flag, e.red_flag, "{code} {}: red_flag", t.id);
            assert_eq!(t.urgency, e.urgency, "{code} {}: urgency", t.id);
            assert_eq!(t.places, e.places, "{code} {}: places", t.id);
            assert_eq!(
                t.context.is_empty(),
                e.context.is_empty(),
                "{code} {}: a context condition in one language only",
                t.id
            );
            assert_ne!(t.answer, e.answer, "{code} {}: answer not translated", t.id);
        }
    }
}

/// Every number of every translated answer is the English one (hours, days, °C, ml...).
#[test]
fn translated_answers_have_the_english_figures_and_sources() {
    let en = Faq::bundled();
    for (lang, faq) in translations() {
        let code = lang.code();
        for (t, e) in faq.topics().iter().zip(en.topics()) {
            assert_eq!(
                sorted_figures(&t.answer),
                sorted_figures(&e.answer),
                "{code} {}: the answer's figures differ from the English ones",
                t.id
            );
            assert_eq!(
                authorities(&t.source),
                authorities(&e.source),
                "{code} {}: the source names other authorities than the English one",
                t.id
            );
            assert_eq!(
                authorities(&t.answer),
                authorities(&e.answer),
                "{code} {}: the answer names other authorities than the English one",
                t.id
            );
        }
    }
}

/// A wrong figure in a translation fails, naming the topic.
#[test]
fn a_changed_figure_is_caught() {
    let en = Faq::bundled();
    let Some(fridge) = en.topic("fridge-how-long") else {
        panic!("no fridge topic");
    };
    let changed = fridge.answer.replacen("4 days", "5 days", 1);
    assert_ne!(sorted_figures(&changed), sorted_figures(&fridge.answer));
    // Another order and a decimal comma are the same figures.
    assert_eq!(
        sorted_figures("3.4 oz at 4 °C for 4 days"),
        sorted_figures("4 días a 4 °C, 3,4 oz")
    );
}

/// Every step of the translated walkthroughs has the English step's figures.
#[test]
fn translated_steps_have_the_english_figures() {
    let en = steps::steps_for(Lang::En);
    for lang in Lang::ALL {
        let translated = steps::steps_for(lang);
        assert_eq!(translated.len(), en.len(), "{}", lang.code());
        for (n, (t, e)) in translated.iter().zip(en).enumerate() {
            assert_eq!(
                sorted_figures(&format!("{} {}", t.title, t.text)),
                sorted_figures(&format!("{} {}", e.title, e.text)),
                "{} step {}: figures differ from the English step",
                lang.code(),
                n + 1
            );
            assert_eq!(
                t.switch_sides,
                e.switch_sides,
                "{} step {}",
                lang.code(),
                n + 1
            );
        }
    }
}
