//! The hand-expression walkthrough: a few short steps, one per screen.
//!
//! The steps live in `content/steps.toml` (English), `content/steps.es.toml` and
//! `content/steps.ru.toml` (data anyone can edit), embedded at compile time and parsed once.
//! Every language has the same steps in the same order (a test compares their figures). The Telegram adapter shows them one at a time; the step marked
//! `switch_sides` is where it offers a "remind me to switch sides" button.

use std::sync::LazyLock;

use serde::Deserialize;

use super::Lang;
use super::faq::ContentError;

const BUNDLED_EN: &str = include_str!("../../content/steps.toml");
const BUNDLED_ES: &str = include_str!("../../content/steps.es.toml");
const BUNDLED_RU: &str = include_str!("../../content/steps.ru.toml");

/// The bundled walkthrough file's text in `lang`.
pub fn bundled_source(lang: Lang) -> &'static str {
    match lang {
        Lang::En => BUNDLED_EN,
        Lang::Es => BUNDLED_ES,
        Lang::Ru => BUNDLED_RU,
    }
}

/// How many steps the walkthrough may have.
pub const STEP_COUNT: std::ops::RangeInclusive<usize> = 8..=10;
/// Lines of text per step.
pub const STEP_LINES: std::ops::RangeInclusive<usize> = 1..=3;

/// One screen of the walkthrough.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub title: String,
    pub text: String,
    /// The step where a "remind me to switch sides" button belongs.
    #[serde(default)]
    pub switch_sides: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(rename = "step", default)]
    steps: Vec<Step>,
}

/// Parses and checks a walkthrough file: 8 to 10 steps, each with a title and 1 to 3 lines of
/// text, and exactly one step with `switch_sides`.
pub fn parse(src: &str) -> Result<Vec<Step>, ContentError> {
    let file: File = toml::from_str(src).map_err(|e| ContentError::Toml(e.to_string()))?;
    let count = file.steps.len();
    if !STEP_COUNT.contains(&count) {
        return Err(ContentError::Other(format!(
            "the walkthrough has {count} steps, wants 8 to 10"
        )));
    }
    let mut steps = Vec::with_capacity(count);
    for (n, mut step) in file.steps.into_iter().enumerate() {
        let lines = step.text.lines().filter(|l| !l.trim().is_empty()).count();
        if step.title.trim().is_empty() || !STEP_LINES.contains(&lines) {
            return Err(ContentError::Other(format!(
                "step {}: needs a title and 1 to 3 lines of text",
                n + 1
            )));
        }
        step.text = step.text.trim().to_owned();
        steps.push(step);
    }
    let switches = steps.iter().filter(|s| s.switch_sides).count();
    if switches != 1 {
        return Err(ContentError::Other(format!(
            "{switches} steps have switch_sides, wants exactly 1"
        )));
    }
    Ok(steps)
}

type Loaded = LazyLock<Result<Vec<Step>, ContentError>>;
static STEPS: [Loaded; 3] = [
    LazyLock::new(|| parse(BUNDLED_EN)),
    LazyLock::new(|| parse(BUNDLED_ES)),
    LazyLock::new(|| parse(BUNDLED_RU)),
];

/// The bundled English walkthrough, or what is wrong with it (checked once at start-up).
pub fn try_steps() -> Result<&'static [Step], &'static ContentError> {
    try_steps_for(Lang::En)
}

/// The bundled walkthrough in `lang`, or what is wrong with it.
pub fn try_steps_for(lang: Lang) -> Result<&'static [Step], &'static ContentError> {
    let loaded: &Loaded = match lang {
        Lang::En => &STEPS[0],
        Lang::Es => &STEPS[1],
        Lang::Ru => &STEPS[2],
    };
    loaded.as_ref().map(Vec::as_slice)
}

/// The bundled English walkthrough, in order (see [`steps_for`]).
pub fn steps() -> &'static [Step] {
    steps_for(Lang::En)
}

/// The bundled walkthrough in `lang`, in order.
///
/// # Panics
/// If the bundled file is invalid; the unit tests load every language, so a build that passed
/// them cannot.
pub fn steps_for(lang: Lang) -> &'static [Step] {
    match try_steps_for(lang) {
        Ok(steps) => steps,
        Err(e) => panic!("the {} walkthrough is invalid: {e}", lang.code()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_walkthrough_is_valid_in_every_language() {
        for lang in Lang::ALL {
            let parsed = parse(bundled_source(lang));
            assert!(parsed.is_ok(), "{}: {parsed:?}", lang.code());
            let steps = steps_for(lang);
            assert!(STEP_COUNT.contains(&steps.len()));
            assert_eq!(steps.iter().filter(|s| s.switch_sides).count(), 1);
            for s in steps {
                assert!(!s.title.trim().is_empty());
                assert!(s.title.chars().count() <= 40, "{}", s.title);
                assert!(!s.text.starts_with('\n') && !s.text.ends_with('\n'));
            }
        }
    }

    #[test]
    fn walkthrough_covers_the_technique_in_order() {
        // The order matters: hygiene first, then the C-hold, then the rhythm, then storing.
        let text: Vec<String> = steps()
            .iter()
            .map(|s| format!("{} {}", s.title, s.text).to_lowercase())
            .collect();
        let position = |needle: &str| text.iter().position(|t| t.contains(needle));
        let wash = position("wash");
        let c_shape = position("c shape");
        let rhythm = position("rhythm");
        let store = position("fridge");
        assert!(wash.is_some() && c_shape.is_some() && rhythm.is_some() && store.is_some());
        assert!(wash < c_shape && c_shape < rhythm && rhythm < store);
        assert!(position("pinch").is_some(), "the comfort step is missing");
        let switch = steps().iter().position(|s| s.switch_sides);
        assert!(switch > rhythm && switch < store);
    }

    #[test]
    fn bad_walkthroughs_are_errors_not_panics() {
        let one = "[[step]]\ntitle = \"A\"\ntext = \"b\"\nswitch_sides = true\n";
        assert!(matches!(parse(one), Err(ContentError::Other(_))));
        let nine_without_switch = "[[step]]\ntitle = \"A\"\ntext = \"b\"\n".repeat(9);
        assert!(matches!(
            parse(&nine_without_switch),
            Err(ContentError::Other(_))
        ));
        let too_long = format!(
            "{}{}",
            one,
            "[[step]]\ntitle = \"A\"\ntext = \"1\\n2\\n3\\n4\"\n".repeat(8)
        );
        assert!(matches!(parse(&too_long), Err(ContentError::Other(_))));
        assert!(matches!(parse("[[step]\n"), Err(ContentError::Toml(_))));
        assert!(matches!(
            parse("[[step]]\ntitle = 3\n"),
            Err(ContentError::Toml(_))
        ));
        let nine_ok = format!(
            "{}{}",
            one,
            "[[step]]\ntitle = \"A\"\ntext = \"b\"\n".repeat(8)
        );
        assert_eq!(parse(&nine_ok).map(|s| s.len()), Ok(9));
    }
}
