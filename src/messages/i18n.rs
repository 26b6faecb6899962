//! The bot's sentences per language: Project Fluent files (`locales/en.ftl`, `es.ftl`,
//! `ru.ftl`) embedded in the binary, parsed once into one bundle per [`Lang`].
//!
//! A key missing from a language falls back to English for that sentence only (and is
//! logged once); nothing here panics on what a person typed, which only ever arrives as
//! an argument. Fluent's Unicode isolation marks are off: texts are Telegram HTML, and
//! the marks would show up in copied text and break `<code>` matching.
//!
//! Fluent chooses plural forms per language (`{ $count -> [one] … *[other] … }`;
//! Russian has one, few, many and other). Decimal numbers are formatted here, with the
//! language's decimal separator ([`decimal`]), and passed in as text.

use std::collections::HashSet;
use std::sync::{LazyLock, Mutex};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use crate::domain::Lang;

/// The source of each language's file, English first.
pub(crate) const SOURCES: [(Lang, &str); 3] = [
    (Lang::En, include_str!("../../locales/en.ftl")),
    (Lang::Es, include_str!("../../locales/es.ftl")),
    (Lang::Ru, include_str!("../../locales/ru.ftl")),
];

type Bundle = FluentBundle<FluentResource>;

/// One bundle per language, in the order of [`Lang::ALL`]; built on first use.
static BUNDLES: LazyLock<Vec<Bundle>> = LazyLock::new(|| {
    SOURCES
        .iter()
        .map(|(lang, src)| bundle(*lang, src))
        .collect()
});

/// Keys already reported missing or broken, so each is logged once.
static REPORTED: LazyLock<Mutex<HashSet<(Lang, String)>>> =
    LazyLock::new(|| Mutex::new(HashSet::new()));

fn bundle(lang: Lang, source: &str) -> Bundle {
    let id: LanguageIdentifier = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    bundle.set_use_isolating(false);
    let resource = match FluentResource::try_new(source.to_owned()) {
        Ok(resource) => resource,
        // A parse error skips the broken entries only; a test keeps the files clean.
        Err((resource, errors)) => {
            tracing::error!("locales/{}.ftl: {errors:?}", lang.code());
            resource
        }
    };
    if let Err(errors) = bundle.add_resource(resource) {
        tracing::error!("locales/{}.ftl: {errors:?}", lang.code());
    }
    bundle
}

/// Logs `what` about `id` in `lang` the first time only.
fn report_once(lang: Lang, id: &str, what: &str) {
    let first = REPORTED
        .lock()
        .map(|mut seen| seen.insert((lang, id.to_owned())))
        .unwrap_or(false);
    if first {
        tracing::warn!("locales/{}.ftl: {what} `{id}`", lang.code());
    }
}

/// The sentence `id` in `lang` with `args`; English when `lang` lacks it; the bare id
/// (logged) when even English does.
pub fn tr_args(lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
    format(&BUNDLES, lang, id, args)
}

/// [`tr_args`] over `bundles` (one per language, in the order of [`Lang::ALL`]).
fn format(bundles: &[Bundle], lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
    let (bundle, pattern) = match lookup(bundles, lang, id) {
        Some(found) => found,
        None => {
            report_once(lang, id, "missing key, English used");
            match lookup(bundles, Lang::En, id) {
                Some(found) => found,
                None => {
                    report_once(Lang::En, id, "missing key");
                    return id.to_owned();
                }
            }
        }
    };
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors);
    if !errors.is_empty() {
        report_once(lang, id, &format!("{errors:?} in"));
    }
    text.into_owned()
}

fn lookup<'b>(
    bundles: &'b [Bundle],
    lang: Lang,
    id: &str,
) -> Option<(&'b Bundle, &'b fluent_syntax::ast::Pattern<&'b str>)> {
    let index = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    let bundle = bundles.get(index)?;
    let pattern = bundle.get_message(id)?.value()?;
    Some((bundle, pattern))
}

/// The sentence `id` in `lang`, without arguments.
pub fn tr(lang: Lang, id: &str) -> String {
    tr_args(lang, id, None)
}

/// One argument of a sentence: an integer (for plurals) or text.
pub struct Arg(pub FluentValue<'static>);

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg(FluentValue::from(n))
            }
        }
    )*};
}
number_arg!(i32, i64, u32, u64, usize);

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg(FluentValue::from(s))
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg(FluentValue::from(s.to_owned()))
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg(FluentValue::from(s.clone()))
    }
}

/// A number written with `lang`'s decimal separator: "2.5" in English, "2,5" in Spanish
/// and Russian.
pub fn decimal(lang: Lang, number: &str) -> String {
    match lang {
        Lang::En => number.to_owned(),
        Lang::Es | Lang::Ru => number.replace('.', ","),
    }
}

#[cfg(test)]
#[path = "i18n_tests.rs"]
mod tests;
