//! Content files as the bot meets them: a small file end to end, bad files refused with an
//! error (never a panic), and huge or strange questions answered safely.

use super::tests::{faq, verdict};
use super::text::edit_distance_within;
use super::*;
use proptest::prelude::*;

const BASE: &str = r#"
stopwords = ["the", "how"]

[[category]]
id = "storage"
title = "Storage"
emoji = "🧊"

[[category]]
id = "professional"
title = "See someone"
emoji = "🩺"

[synonyms]
fridge = ["refrigerator"]

[[topic]]
id = "fridge"
title = "Fridge"
category = "storage"
answer = "Four days."
source = "CDC"
questions = ["how long in the fridge", "fridge days", "fridge time", "is fridge milk ok"]
keywords = ["fridge"]
"#;

fn with(from: &str, to: &str) -> Result<Faq, ContentError> {
    assert!(BASE.contains(from), "{from:?}");
    Faq::from_toml(&BASE.replacen(from, to, 1))
}

#[test]
fn a_small_file_works_end_to_end() {
    let faq = Faq::from_toml(BASE);
    assert!(faq.is_ok(), "{faq:?}");
    let faq = faq.unwrap_or_else(|_| unreachable!());
    let r = faq.ask("how long in the refrigerator");
    assert_eq!(
        (r.verdict, r.topic.map(|t| t.id.as_str())),
        (Verdict::Answer, Some("fridge"))
    );
}

#[test]
fn bad_content_is_an_error_not_a_panic() {
    use ContentError as E;
    assert!(matches!(Faq::from_toml("[[topic]\nid ="), Err(E::Toml(_))));
    assert!(matches!(Faq::from_toml(""), Err(E::NoTopics)));
    assert!(matches!(
        with("source = \"CDC\"", "source = \"CDC\"\ncolour = 1"),
        Err(E::Toml(_))
    ));
    assert!(matches!(
        with("id = \"fridge\"", "id = \"Fridge_1\""),
        Err(E::BadId { .. })
    ));
    assert!(matches!(
        with("id = \"fridge\"", "id = \"a-very-long-topic-id-over-24\""),
        Err(E::BadId { .. })
    ));
    let twice = format!(
        "{BASE}\n[[topic]]{}",
        BASE.rsplit("[[topic]]").next().unwrap_or("")
    );
    assert!(matches!(Faq::from_toml(&twice), Err(E::BadId { .. })));
    assert!(matches!(
        with("category = \"storage\"", "category = \"elsewhere\""),
        Err(E::UnknownCategory { .. })
    ));
    assert!(matches!(
        with("id = \"professional\"", "id = \"storage\""),
        Err(E::BadCategory { .. })
    ));
    assert!(matches!(
        with("source = \"CDC\"", "source = \" \""),
        Err(E::BadField { .. })
    ));
    assert!(matches!(
        with(
            "title = \"Fridge\"",
            &format!("title = \"{}\"", "x".repeat(41))
        ),
        Err(E::BadField { .. })
    ));
    assert!(matches!(
        with("\"is fridge milk ok\"", "\"\""),
        Err(E::BadField { .. })
    ));
    assert!(matches!(
        with(", \"is fridge milk ok\"", ""),
        Err(E::BadField {
            field: "questions",
            ..
        })
    ));
    assert!(matches!(
        with(
            "answer = \"Four days.\"",
            "answer = \"1\\n2\\n3\\n4\\n5\\n6\""
        ),
        Err(E::BadField {
            field: "answer",
            ..
        })
    ));
    assert!(matches!(
        with("keywords = [\"fridge\"]", "keywords = [\"the how\"]"),
        Err(E::BadField {
            field: "keywords",
            ..
        })
    ));
    assert!(matches!(
        with(
            "source = \"CDC\"",
            "source = \"CDC\"\nred_flag = true\nred_flag_terms = [\"x\"]"
        ),
        Err(E::BadRedFlag { .. })
    ));
    assert!(matches!(
        with(
            "category = \"storage\"",
            "category = \"professional\"\nred_flag = true"
        ),
        Err(E::BadRedFlag { .. })
    ));
    assert!(matches!(
        with(
            "source = \"CDC\"",
            "source = \"CDC\"\nred_flag_terms = [\"fever\"]"
        ),
        Err(E::BadRedFlag { .. })
    ));
    assert!(matches!(
        with("fridge = [\"refrigerator\"]", "the = [\"refrigerator\"]"),
        Err(E::BadSynonym { .. })
    ));
    assert!(matches!(
        with("fridge = [\"refrigerator\"]", "fridge = [\"the\"]"),
        Err(E::BadSynonym { .. })
    ));
    assert!(matches!(
        with(
            "fridge = [\"refrigerator\"]",
            "fridge = [\"frig\"]\ncool = [\"frig\"]"
        ),
        Err(E::BadSynonym { .. })
    ));
    assert!(matches!(
        with(
            "fridge = [\"refrigerator\"]",
            "fridge = [\"refrigerator\"]\nrefrigerator = [\"chiller\"]"
        ),
        Err(E::BadSynonym { .. })
    ));
    assert!(matches!(
        with("\"the\", \"how\"", "\"two words\""),
        Err(E::Other(_))
    ));
}

/// The promises every reply keeps, whatever the input.
fn check_reply(q: &str) -> Result<(), TestCaseError> {
    let r = faq().ask(q);
    prop_assert!((0.0..=1.0).contains(&r.score), "score {}", r.score);
    prop_assert!(r.alternatives.len() <= MAX_ALTERNATIVES);
    match r.verdict {
        Verdict::Answer => prop_assert!(r.topic.is_some_and(|t| !t.red_flag)),
        Verdict::RedFlag => {
            prop_assert!(r.topic.is_some_and(|t| t.red_flag));
            prop_assert!(r.alternatives.is_empty());
        }
        Verdict::NotSure => {
            prop_assert!(r.topic.is_none());
            prop_assert!(!r.alternatives.is_empty());
        }
        Verdict::OutOfScope => {
            prop_assert!(r.topic.is_none() && r.alternatives.is_empty());
        }
    }
    let hits = faq().search(q, 4);
    prop_assert!(hits.len() <= 4);
    prop_assert!(
        hits.windows(2)
            .all(|w| matches!(w, [a, b] if a.1 >= b.1) || w.first().is_some_and(|f| f.1 == 1.0))
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn ask_never_panics_on_any_string(q in any::<String>()) {
        check_reply(&q)?;
    }

    #[test]
    fn ask_never_panics_on_wordy_input(
        words in prop::collection::vec(
            prop_oneof![
                "[a-zA-Z’'\\-]{0,14}",
                "\\PC{1,6}",
                "[0-9]{1,5}[a-z]{0,3}",
                prop::sample::select(vec![
                    "fridge", "freezr", "blood", "fever", "baby", "formula", "how", "long",
                    "let", "down", "ml", "oz", "colestrum", "room", "temp", "high",
                ]).prop_map(str::to_owned),
            ],
            0..60,
        )
    ) {
        check_reply(&words.join(" "))?;
    }

    #[test]
    fn loading_never_panics_on_any_string(src in any::<String>()) {
        let _ = Faq::from_toml(&src);
    }

    #[test]
    fn edit_distance_is_symmetric_and_bounded(a in "[a-e]{0,10}", b in "[a-e]{0,10}", k in 0usize..4) {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        let ab = edit_distance_within(&a, &b, k);
        prop_assert_eq!(ab, edit_distance_within(&b, &a, k));
        prop_assert!(ab.is_none_or(|d| d <= k && d >= a.len().abs_diff(b.len())));
    }
}

#[test]
fn huge_and_strange_inputs_are_fine() {
    let huge = "how long fridge ".repeat(100_000);
    for q in [
        huge.as_str(),
        "\u{0}\u{1}\u{7f}",
        "e\u{301}\u{301}\u{301}\u{301}",
        "\u{202e}egdirf\u{202c}",
        "👩\u{200d}🍼 fridge",
        "ﬁ ﬂ ß İ ǅ",
        "ｆｒｉｄｇｅ",
        "холодильник молоко",
        "冰箱 母乳",
    ] {
        if let Err(e) = check_reply(q) {
            panic!("{q:?}: {e}");
        }
    }
    assert_eq!(verdict(&huge).1, Some("fridge-how-long"));
}

#[test]
fn a_question_both_ours_and_not_ours_is_refused() {
    let both = with(
        "stopwords = [",
        "not_ours = [\"tell me a joke\", \"Fridge days \"]\nstopwords = [",
    );
    assert!(
        matches!(both, Err(ContentError::Other(ref e)) if e.contains("not_ours")),
        "{both:?}"
    );
    let Ok(faq) = with(
        "stopwords = [",
        "not_ours = [\"tell me a joke\"]\nstopwords = [",
    ) else {
        panic!("a question that is only not ours is fine");
    };
    assert_eq!(faq.not_ours(), ["tell me a joke"]);
}

#[test]
fn paraphrases_teach_the_classifier_only() {
    let questions = "keywords = [\"fridge\"]";
    // A paraphrase's words are not indexed: "wombat" matches nothing by words.
    let faq = with(
        questions,
        "keywords = [\"fridge\"]\nparaphrases = [\"can my wombat milk stay chilled\"]",
    );
    let Ok(faq) = faq else {
        panic!("{faq:?}");
    };
    let r = faq.ask("wombat");
    assert!(r.topic.is_none() && r.alternatives.is_empty(), "{r:?}");
    assert_eq!(
        crate::domain::faq::vectors::topic_texts(&faq.topics()[0])
            .last()
            .map(String::as_str),
        Some("can my wombat milk stay chilled")
    );
    // A paraphrase that repeats a question (whatever its case) is refused.
    let repeated = with(
        questions,
        "keywords = [\"fridge\"]\nparaphrases = [\"Fridge days\"]",
    );
    assert!(
        matches!(repeated, Err(ContentError::BadField { field, .. }) if field == "paraphrases"),
        "{repeated:?}"
    );
}
