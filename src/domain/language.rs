//! The languages the bot speaks, and which one a Telegram `language_code` asks for.
//!
//! Every sentence, answer and word the bot understands exists per [`Lang`]; English is
//! the reference every other language is checked against (same keys, same figures).

/// A language the bot speaks. English is the default and the fallback.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    #[default]
    En,
    Es,
    Ru,
}

impl Lang {
    /// Every language, English first.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Es, Lang::Ru];

    /// The ISO 639-1 code: how the language is stored, and the primary subtag of its
    /// Telegram `language_code`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
            Lang::Ru => "ru",
        }
    }

    /// The language stored under `code` (as written by [`Lang::code`]), if any.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.code() == code)
    }

    /// The language for a Telegram `language_code` (an IETF tag such as "es", "es-MX",
    /// "ru-RU" or "pt-br"), by its primary subtag; English when absent or not spoken.
    pub fn from_telegram(language_code: Option<&str>) -> Lang {
        let Some(tag) = language_code else {
            return Lang::En;
        };
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase();
        Lang::from_code(&primary).unwrap_or_default()
    }

    /// A lowercase letter with the marks this language's writers often leave out taken
    /// away, so both spellings read alike: Spanish accents and `ñ` (`cuánto` is `cuanto`,
    /// `niño` is `nino`), Russian `ё` (`ребёнок` is `ребенок`). English letters stay.
    pub fn fold(self, c: char) -> char {
        match (self, c) {
            (Lang::En, c) => c,
            (Lang::Es, 'á' | 'à' | 'â' | 'ä') => 'a',
            (Lang::Es, 'é' | 'è' | 'ê' | 'ë') => 'e',
            (Lang::Es, 'í' | 'ì' | 'î' | 'ï') => 'i',
            (Lang::Es, 'ó' | 'ò' | 'ô' | 'ö') => 'o',
            (Lang::Es, 'ú' | 'ù' | 'û' | 'ü') => 'u',
            (Lang::Es, 'ñ') => 'n',
            (Lang::Ru, 'ё') => 'е',
            (_, c) => c,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_reads_back_as_its_language() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("de"), None);
        assert_eq!(Lang::from_code("ES"), None, "stored codes are lower case");
    }

    #[test]
    fn a_telegram_tag_is_read_by_its_primary_subtag() {
        assert_eq!(Lang::from_telegram(Some("es")), Lang::Es);
        assert_eq!(Lang::from_telegram(Some("es-MX")), Lang::Es);
        assert_eq!(Lang::from_telegram(Some("RU_ru")), Lang::Ru);
        assert_eq!(Lang::from_telegram(Some("en-GB")), Lang::En);
    }

    #[test]
    fn each_language_folds_its_own_optional_marks_only() {
        let fold = |lang: Lang, text: &str| text.chars().map(|c| lang.fold(c)).collect::<String>();
        assert_eq!(
            fold(Lang::Es, "cuánto niño pingüino"),
            "cuanto nino pinguino"
        );
        assert_eq!(fold(Lang::Ru, "ребёнок"), "ребенок");
        assert_eq!(fold(Lang::En, "café ё"), "café ё");
        assert_eq!(fold(Lang::Ru, "café"), "café");
        assert_eq!(fold(Lang::Es, "ё"), "ё");
    }

    #[test]
    fn an_unknown_or_missing_tag_is_english() {
        assert_eq!(Lang::from_telegram(None), Lang::En);
        assert_eq!(Lang::from_telegram(Some("")), Lang::En);
        assert_eq!(Lang::from_telegram(Some("pt-BR")), Lang::En);
        assert_eq!(Lang::from_telegram(Some("-")), Lang::En);
    }
}
