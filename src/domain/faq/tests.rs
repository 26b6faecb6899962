use std::collections::HashSet;

use super::content::is_kebab;
use super::text::{
    TYPO_MIN_CHARS, TYPO_MIN_TARGET_CHARS, TermId, edit_distance_within, normalise, words,
};
use super::*;
use proptest::prelude::*;

fn faq() -> &'static Faq {
    Faq::bundled()
}

fn terms(q: &str) -> Vec<TermId> {
    faq().index.analyse(q).terms
}

fn verdict(q: &str) -> (Verdict, Option<&'static str>) {
    let r = faq().ask(q);
    (r.verdict, r.topic.map(|t| t.id.as_str()))
}

#[test]
fn bundled_content_parses() {
    let faq = Faq::try_bundled().map_err(Clone::clone);
    assert!(faq.is_ok(), "{faq:?}");
}

#[test]
fn content_follows_the_rules() {
    let faq = faq();
    assert!(faq.topics().len() >= 36, "{} topics", faq.topics().len());
    let declared: Vec<&str> = faq.categories().iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        declared,
        [
            "storage",
            "feeding",
            "handling",
            "hand-expression",
            "supply",
            "professional"
        ]
    );
    let mut ids = HashSet::new();
    for t in faq.topics() {
        assert!(ids.insert(&t.id), "duplicate id {}", t.id);
        assert!(t.id.len() <= MAX_ID_BYTES && is_kebab(&t.id), "{}", t.id);
        assert!(t.title.chars().count() <= MAX_TITLE_CHARS, "{}", t.title);
        assert!(!t.source.trim().is_empty(), "{} has no source", t.id);
        assert!(QUESTIONS_PER_TOPIC.contains(&t.questions.len()), "{}", t.id);
        assert!(!t.keywords.is_empty(), "{} has no keywords", t.id);
        assert!(declared.contains(&t.category.as_str()), "{}", t.id);
        assert_eq!(t.answer, t.answer.trim(), "{}", t.id);
    }
    for c in faq.categories() {
        assert!(!faq.in_category(&c.id).is_empty(), "{} is empty", c.id);
    }
    let flagged: Vec<&str> = faq
        .topics()
        .iter()
        .filter(|t| t.red_flag)
        .map(|t| t.id.as_str())
        .collect();
    assert_eq!(
        flagged,
        [
            "rf-mastitis",
            "rf-blood",
            "rf-baby-unwell",
            "rf-baby-fever",
            "rf-weight",
            "rf-jaundice",
            "rf-urgent-baby",
            "rf-low-mood",
            "rf-faint"
        ]
    );
}

/// The figures of FACTS.md, topic by topic: an edit that changes one fails here.
#[test]
fn answers_carry_the_published_figures() {
    let expect: &[(&str, &[&str])] = &[
        ("room-temp", &["4 hours", "25 °C"]),
        ("cooler-bag", &["24 hours", "already chilled"]),
        (
            "fridge-how-long",
            &["4 days", "4 °C", "from when you expressed"],
        ),
        ("fridge-temperature", &["4 °C", "−18 °C", "3 days"]),
        ("ice-compartment", &["2 weeks", "no figure"]),
        (
            "freezer-how-long",
            &["6 months", "12 months", "−18 °C", "first frozen"],
        ),
        ("fridge-to-freezer", &["4 hours", "4 days", "6 months"]),
        (
            "thawed-how-long",
            &["24 hours", "1–2 hours", "never", "straight away"],
        ),
        ("leftover-milk", &["2 hours", "1 hour"]),
        ("clock-start", &["express it", "does not restart"]),
        ("clock-frozen", &["first frozen", "doesn't reset"]),
        (
            "nhs-rules",
            &[
                "8 days", "3 days", "2 weeks", "6 months", "24 hours", "1 hour", "6 hours",
            ],
        ),
        (
            "abm-rules",
            &[
                "6–8 hours",
                "5–8 days",
                "6 months",
                "12",
                "1–2 hours",
                "24 hours",
            ],
        ),
        (
            "lll-rules",
            &["4 hours", "3 days", "up to 8", "6 months", "12", "24 hours"],
        ),
        ("how-to-thaw", &["overnight", "lukewarm"]),
        ("no-microwave", &["microwave", "hot spots", "Boiling"]),
        ("refreeze", &["never"]),
        ("combine-sessions", &["first", "oldest"]),
        ("portion-sizes", &["60–120 ml", "2–4 oz", "30–60 ml"]),
        (
            "containers",
            &["expands", "BPA", "symbol 7", "liners", "2–3 cm"],
        ),
        ("labelling", &["date and time", "name"]),
        ("fridge-where", &["back", "door"]),
        ("fat-separation", &["Swirl"]),
        ("soapy-smell", &["lipase", "sour"]),
        ("first-in-first-out", &["oldest", "health professional"]),
        ("premature-baby", &["care team", "never stretches"]),
        ("letdown-leak", &["Haaka", "bowl"]),
        (
            "clean-pump-parts",
            &[
                "running water",
                "not straight in the sink",
                "5 minutes",
                "once a day",
                "3 months",
            ],
        ),
        ("warmed-milk", &["2 hours"]),
        (
            "warm-to-cold",
            &["Cool", "Never add warm milk to frozen", "oldest"],
        ),
        (
            "power-cut",
            &["4 hours", "48 hours", "24 hours", "never freeze it again"],
        ),
        (
            "travel",
            &["100 ml", "3.4 oz", "24 hours", "security officer"],
        ),
        ("colostrum-storage", &["same storage rules", "syringe"]),
        ("switch-sides", &["flow slows", "back and forth"]),
        ("medicines", &["doctor or pharmacist", "LactMed"]),
        ("alcohol", &["2 hours", "Pumping and dumping", "safest"]),
        ("past-its-time", &["throw it away", "never stretches"]),
    ];
    for (id, figures) in expect {
        let topic = faq().topic(id);
        assert!(topic.is_some(), "missing topic {id}");
        let answer = topic.map_or("", |t| t.answer.as_str());
        for f in *figures {
            assert!(answer.contains(f), "{id}: {f:?} missing from {answer:?}");
        }
    }
}

#[test]
fn figures_read_from_secondary_copies_say_so() {
    for t in faq().topics() {
        let names_other = ["NHS", "ABM", "La Leche"]
            .iter()
            .any(|a| t.answer.contains(a) || t.title.contains(a));
        if names_other {
            assert!(
                t.source.contains("secondary"),
                "{}: the source must say the figure is from a secondary copy",
                t.id
            );
        }
    }
}

#[test]
fn red_flag_answers_send_to_a_professional_and_give_no_storage_advice() {
    for t in faq().topics().iter().filter(|t| t.red_flag) {
        let a = t.answer.to_lowercase();
        assert!(a.contains("doctor") && a.contains("midwife"), "{}", t.id);
        assert!(a.contains("emergency"), "{}", t.id);
        for storage in ["fridge", "freez", "thaw", "stor", "hours", "days"] {
            assert!(!a.contains(storage), "{} mentions {storage}", t.id);
        }
    }
}

/// Key sentences of the seed article (`shared/guidance/seed-guidance.txt`, not in the repo).
const SEED: &[&str] = &[
    "Hand expression is using your hands to massage and compress the breast to get milk out—no pump required.",
    "Early breast milk (colostrum) volume is very low, and the liquid is thicker.",
    "Hand expression is one of the most effective ways to get colostrum out of the breast.",
    "Hand expression is a great “backup skill” if you’re engorged and need relief or you need to express milk and your pump isn’t available.",
    "Pairing hand expression with pumping can increase breast milk output and improve supply.",
    "Wash hands; have a clean container ready.",
    "Gently massage the breast (think of this as warming it up).",
    "Place your fingers and thumb in a “C” shape a little back from the nipple (not on the nipple).",
    "Press back toward the chest wall, then compress and release rhythmically.",
    "Rotate finger position around the areola; switch breasts every few minutes.",
    "Aim for comfort—no pinching or sliding on the skin.",
    "Frequent but short sessions work well for many people. Regular hand expression can be an excellent way to keep breasts from becoming so engorged that baby cannot latch.",
    "fresh milk should be refrigerated within 4 hours; once refrigerated, it should be used within ~4 days; and if not used, it should be moved to the freezer and then used within ~6 months.",
    "Hand expression can be a more effective method of removing milk for some people who do not respond as well to a manual or electric breast pump. It is particularly effective for many in the early postpartum period for expressing colostrum.",
    "many people prefer a breast pump once their supply increases, which can become even more effective at draining a full breast, once your body becomes accustomed to using it.",
    "adding hand expression to your usual pumping routine before, during, or after using a manual pump can improve your effectiveness with removing milk, which can ultimately increase your supply.",
    "When you stimulate one breast with hand expression or pumping it is quite common to trigger a “let down” response where your body begins releasing milk from both breasts. This can cause you to leak (dripping or even spraying) from the other side you are not stimulating.",
    "Using a passive collection method (such as a bowl or Haaka) on the non-pumping side can help keep that milk from going to waste.",
    "If you are effectively emptying your breast while directly breastfeeding or using a breast pump, you may not get additional milk out when hand expressing. That said, working with a lactation consultant can help you be sure you are using the correct methods",
];

fn eight_word_runs(text: &str) -> HashSet<Vec<String>> {
    let words: Vec<String> = normalise(text)
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    words.windows(8).map(<[String]>::to_vec).collect()
}

#[test]
fn no_sentence_is_copied_from_the_seed() {
    let seed: HashSet<Vec<String>> = SEED.iter().flat_map(|s| eight_word_runs(s)).collect();
    assert!(seed.len() > 100, "the check itself must have material");
    let ours = faq()
        .topics()
        .iter()
        .flat_map(|t| [t.answer.as_str(), t.title.as_str()])
        .chain(
            crate::domain::steps::steps()
                .iter()
                .flat_map(|s| [s.title.as_str(), s.text.as_str()]),
        );
    for text in ours {
        let copied: Vec<_> = eight_word_runs(text).intersection(&seed).cloned().collect();
        assert!(copied.is_empty(), "copied from the seed: {copied:?}");
    }
    // The check does catch a copy.
    assert!(!eight_word_runs(SEED[8]).is_disjoint(&seed));
}

#[test]
fn normalising_handles_case_quotes_punctuation_and_digits() {
    assert_eq!(normalise("Don’t FREEZE 4oz!!"), "dont freeze 4 oz ");
    assert_eq!(normalise("“Room-temp”… 25°C"), "room temp 25 c");
    assert_eq!(normalise("ÉCLAIR über"), "éclair über");
    assert_eq!(
        words(&normalise("60ml in 2 bags")).collect::<Vec<_>>(),
        ["ml", "in", "bags"]
    );
}

#[test]
fn edit_distance_counts_typos_within_a_bound() {
    let d = |a: &str, b: &str, k| {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        edit_distance_within(&a, &b, k)
    };
    assert_eq!(d("freezr", "freezer", 1), Some(1));
    assert_eq!(d("colestrum", "colostrum", 2), Some(1));
    assert_eq!(d("firdge", "fridge", 1), Some(1), "a swap is one edit");
    assert_eq!(d("refrigerater", "refrigerator", 2), Some(1));
    assert_eq!(d("fridge", "fridge", 0), Some(0));
    assert_eq!(d("milk", "silk", 0), None);
    assert_eq!(d("abcdef", "uvwxyz", 2), None);
    assert_eq!(d("", "ab", 2), Some(2));
    assert_eq!(d("abc", "abcdef", 2), None, "the length gap alone is 3");
}

#[test]
fn typos_and_synonyms_reach_the_same_terms() {
    assert_eq!(terms("refrigerater"), terms("fridge"));
    assert_eq!(terms("refrigerator"), terms("fridge"));
    assert_eq!(terms("frig"), terms("fridge"));
    assert_eq!(terms("freezr"), terms("freezer"));
    assert_eq!(terms("frozen"), terms("freezer"));
    assert_eq!(terms("colestrum"), terms("colostrum"));
    assert_eq!(terms("first milk"), terms("colostrum"));
    assert_eq!(terms("refreez"), terms("refreeze"));
    assert_eq!(terms("freeze it again"), terms("refreeze"));
    assert_eq!(terms("defrosting"), terms("thaw"));
    assert_eq!(terms("nappies"), terms("diapers"));
    assert_eq!(terms("room temperature"), terms("counter"));
    assert_eq!(terms("the milk"), terms("MILK!"));
    assert!(terms("the of and").is_empty(), "stopwords only");
    // A real word is not a typo of a content word.
    assert_ne!(terms("sleep"), terms("sleepy"));
}

/// A content edit must not make topics steal each other's example questions.
#[test]
fn example_questions_lead_back_to_their_topic() {
    let (mut asked, mut own) = (0, 0);
    for t in faq().topics().iter().filter(|t| !t.red_flag) {
        for q in t.questions.iter().chain([&t.title]) {
            asked += 1;
            let r = faq().ask(q);
            match (r.verdict, r.topic) {
                (Verdict::Answer, Some(got)) if got.id == t.id => own += 1,
                (Verdict::Answer, Some(got)) => {
                    panic!("{q:?} of {} answered by {}", t.id, got.id)
                }
                _ => {}
            }
        }
    }
    println!("{own} of {asked} example questions and titles lead back to their topic");
    assert!(own * 100 >= asked * 95, "only {own} of {asked} lead back");
}

#[test]
fn greetings_and_chatter_are_out_of_scope() {
    for q in [
        "",
        "   ",
        "hello",
        "hi!!",
        "thank you",
        "🍼🍼",
        "what's the weather",
    ] {
        let r = faq().ask(q);
        assert_eq!(r.verdict, Verdict::OutOfScope, "{q:?}");
        assert!(r.topic.is_none() && r.alternatives.is_empty(), "{q:?}");
    }
}

#[test]
fn clear_questions_get_their_answer() {
    assert_eq!(
        verdict("how long does breast milk last in the fridge"),
        (Verdict::Answer, Some("fridge-how-long"))
    );
    assert_eq!(
        verdict("CAN I REFREEZE THAWED MILK"),
        (Verdict::Answer, Some("refreeze"))
    );
    assert_eq!(
        verdict("how do i hand express"),
        (Verdict::Answer, Some("hand-technique"))
    );
}

#[test]
fn red_flags_come_first_and_offer_nothing_else() {
    let r = faq().ask("there is blood in my milk, can i still freeze it?");
    assert_eq!(r.verdict, Verdict::RedFlag);
    assert_eq!(r.topic.map(|t| t.id.as_str()), Some("rf-blood"));
    assert!(r.alternatives.is_empty());
    // The most specific trigger wins: a baby's fever is not the parent's.
    assert_eq!(verdict("my baby has a fever").1, Some("rf-baby-fever"));
    assert_eq!(
        verdict("my 3 week old feels feverish").1,
        Some("rf-baby-fever")
    );
    assert_eq!(
        verdict("I have a fever and a sore breast").1,
        Some("rf-mastitis")
    );
    assert_eq!(
        verdict("only one wet nappy since this morning").1,
        Some("rf-baby-unwell")
    );
    // Without a trigger, a score alone never raises a red flag.
    assert_ne!(verdict("how do i change a diaper").0, Verdict::RedFlag);
    assert_ne!(verdict("baby sleep schedule").0, Verdict::RedFlag);
}

/// The red flags of issue 13, as different parents type them (typos included): each
/// reaches the topic that sends them to the right professional.
#[test]
fn red_flags_as_parents_type_them() {
    let cases: &[(&str, &[&str])] = &[
        (
            "rf-baby-fever",
            &[
                "my baby has a temperature",
                "baby temperature 38.5",
                "my babys temp is 38.2 is that ok",
                "newborn temperature high",
                "my son feels hot and has a fever",
                "baby is burning up",
                "my daughter is running a temp",
                "baby feels hot to the touch",
                "fever in my 2 month old baby",
            ],
        ),
        (
            "rf-blood",
            &[
                "my milk is pink",
                "pink milk after pumping",
                "why is my breastmilk pinkish",
                "red milk in the bottle",
                "my milk looks red",
                "strawberry milk when i pump",
                "milk has a brown tinge, rusty milk?",
            ],
        ),
        (
            "rf-weight",
            &[
                "my baby is not gaining weight",
                "baby isnt gaining weight",
                "she isnt putting on weight",
                "my baby lost weight",
                "slow weight gain",
                "poor weight gain in my 3 week old",
                "baby is underweight",
                "baby dropped down the weight chart",
                "baby not gainning wieght",
            ],
        ),
        (
            "rf-baby-unwell",
            &[
                "my babys pee is dark",
                "dark urine in the nappy",
                "dark yellow wee",
                "only 2 wet diapers today",
                "baby has few wet nappies",
                "orange brick dust in diaper",
                "baby hasnt peed since this morning",
            ],
        ),
        (
            "rf-urgent-baby",
            &[
                "the soft spot on his head is sunken",
                "sunken fontanelle",
                "sunken fontanel",
                "baby's fontanelle looks sunk in, fontanell sunken",
                "my baby is breathing really fast",
                "baby breathing fast and grunting",
                "newborn struggling to breathe",
                "baby cant breathe properly",
                "her lips are blue",
                "baby turning blue",
                "my baby is breathing very hard",
                "baby gasping for air",
            ],
        ),
        (
            "rf-jaundice",
            &[
                "my baby looks yellow",
                "baby is yellow",
                "yellow skin on my newborn",
                "the whites of her eyes are yellow",
                "is my baby jaundiced",
                "newborn jaundice",
                "baby has jaundise",
            ],
        ),
        (
            "rf-low-mood",
            &[
                "i feel so depressed",
                "i think i have postnatal depression",
                "postpartum depression",
                "feeling hopeless",
                "i cant cope anymore",
                "i feel worthless",
                "i want to die",
                "i have thoughts of hurting myself",
                "im having suicidal thoughts",
                "i keep crying all the time",
                "is it the baby blues",
                "i feel depresed and alone",
            ],
        ),
        (
            "rf-faint",
            &[
                "i feel dizzy when i pump",
                "i fainted this morning",
                "feeling faint after pumping",
                "lightheaded after the birth",
                "i nearly passed out",
                "dizzyness and headache",
                "i feel light headed",
            ],
        ),
    ];
    let missed: Vec<String> = cases
        .iter()
        .flat_map(|(topic, questions)| questions.iter().map(move |q| (*topic, *q)))
        .filter(|&(topic, q)| verdict(q) != (Verdict::RedFlag, Some(topic)))
        .map(|(topic, q)| format!("{q:?} should send to {topic}, got {:?}", verdict(q)))
        .collect();
    assert!(missed.is_empty(), "{missed:#?}");
}

/// Ordinary questions that share a word with a new red flag are still answered (or at
/// worst not understood), never sent to a doctor for no reason.
#[test]
fn ordinary_questions_are_not_caught_by_the_new_red_flags() {
    let caught = [
        "can i store milk in pink bags",
        "are red lids ok for milk storage bottles",
        "what temperature should baby's milk be",
        "what temperature should the fridge be",
        "ideal temperature to warm a bottle for my baby",
        "how long can milk stay at room temperature",
        "my milk looks yellow is it ok",
        "frozen milk looks blue",
        "how do i cope with pumping at work",
        "does my milk have a faint soapy smell because of lipase",
        "how much milk does my baby need",
        "how many ounces for a 3 month old",
        "can i warm milk in the microwave",
    ]
    .into_iter()
    .filter(|q| verdict(q).0 == Verdict::RedFlag)
    .map(|q| format!("{q:?}: {:?}", verdict(q)))
    .collect::<Vec<_>>();
    assert!(caught.is_empty(), "{caught:#?}");
}

#[test]
fn other_milks_and_foods_never_get_a_confident_answer() {
    for q in [
        "how long does formula last in the fridge",
        "how long does cow milk keep in the fridge",
        "can i freeze baby food",
    ] {
        assert_ne!(verdict(q).0, Verdict::Answer, "{q:?}");
    }
    assert_eq!(
        verdict("how long does breast milk keep in the fridge").0,
        Verdict::Answer
    );
}

#[test]
fn vague_questions_get_alternatives_not_an_answer() {
    let r = faq().ask("milk");
    assert_eq!(r.verdict, Verdict::NotSure);
    assert!(r.topic.is_none());
    assert!((1..=MAX_ALTERNATIVES).contains(&r.alternatives.len()));
}

#[test]
fn search_ranks_and_limits() {
    let faq = faq();
    let hits = faq.search("fridge how long", 5);
    assert_eq!(hits.len(), 5);
    assert_eq!(
        hits.first().map(|(t, _)| t.id.as_str()),
        Some("fridge-how-long")
    );
    assert!(hits.windows(2).all(|w| matches!(w, [a, b] if a.1 >= b.1)));
    assert!(hits.iter().all(|(_, s)| (0.0..=1.0).contains(s)));
    let flagged = faq.search("blood fridge", 3);
    assert_eq!(
        flagged.first().map(|(t, s)| (t.id.as_str(), *s)),
        Some(("rf-blood", 1.0))
    );
    assert_eq!(
        flagged.iter().filter(|(t, _)| t.id == "rf-blood").count(),
        1
    );
    assert!(faq.search("hello there", 5).is_empty());
    assert!(faq.search("fridge", 0).is_empty());
}

#[test]
fn lookups_by_id_and_category() {
    let faq = faq();
    assert_eq!(
        faq.topic("refreeze").map(|t| t.category.as_str()),
        Some("feeding")
    );
    assert!(faq.topic("no-such-topic").is_none());
    let total: usize = faq
        .categories()
        .iter()
        .map(|c| faq.in_category(&c.id).len())
        .sum();
    assert_eq!(total, faq.topics().len());
    let storage = faq.in_category("storage");
    assert_eq!(storage.first().map(|t| t.id.as_str()), Some("room-temp"));
    assert!(faq.in_category("nope").is_empty());
}

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

// ---- answer policy, fusion and vocabulary (issue 14)

#[test]
fn a_confident_answer_brings_only_close_runners_up() {
    let hi = ANSWER_THRESHOLD + 0.2;
    let close = hi * RUNNER_UP_SHARE + 0.01;
    let far = hi * RUNNER_UP_SHARE - 0.01;
    let ranked = [(3, hi), (1, close), (7, close), (2, close), (5, far)];
    assert_eq!(
        decide(&ranked, None, |_| true),
        Decision::Answer {
            best: 3,
            runners_up: vec![1, 7]
        },
        "at most MAX_RUNNERS_UP close ones"
    );
    assert_eq!(MAX_RUNNERS_UP, 2);
    // Alone at the top: no runners-up, however many topics score a little.
    let ranked = [(3, hi), (5, far), (6, MIN_ALTERNATIVE)];
    assert_eq!(
        decide(&ranked, None, |_| true),
        Decision::Answer {
            best: 3,
            runners_up: vec![]
        }
    );
}

#[test]
fn below_the_threshold_the_bot_is_not_sure_and_below_the_floor_silent() {
    let just_below = ANSWER_THRESHOLD - 0.001;
    let ranked = [
        (4, just_below),
        (2, MIN_ALTERNATIVE),
        (9, MIN_ALTERNATIVE - 0.001),
    ];
    assert_eq!(
        decide(&ranked, None, |_| true),
        Decision::NotSure(vec![4, 2]),
        "suggestions stop at MIN_ALTERNATIVE"
    );
    assert_eq!(
        decide(&[(4, ANSWER_THRESHOLD)], None, |_| true),
        Decision::Answer {
            best: 4,
            runners_up: vec![]
        },
        "the threshold itself answers"
    );
    assert_eq!(
        decide(&[(4, MIN_ALTERNATIVE - 0.001)], None, |_| true),
        Decision::Nothing
    );
    assert_eq!(decide(&[], None, |_| true), Decision::Nothing);
    // A topic that may not be answered (a red flag reached by score, another milk) is only
    // ever suggested.
    assert_eq!(
        decide(&[(4, 0.9), (2, 0.5)], None, |i| i != 4),
        Decision::NotSure(vec![4, 2])
    );
    const { assert!(MIN_ALTERNATIVE < ANSWER_THRESHOLD && ANSWER_THRESHOLD < 1.0) };
}

#[test]
fn fusion_weighs_the_semantic_score_and_ignores_it_when_absent() {
    assert_eq!(fuse(0.4, None), 0.4);
    let fused = fuse(0.4, Some(0.8));
    assert!(
        (fused - ((1.0 - SEMANTIC_WEIGHT) * 0.4 + SEMANTIC_WEIGHT * 0.8)).abs() < 1e-12,
        "{fused}"
    );
    assert_eq!(
        fuse(0.4, Some(-0.3)),
        fuse(0.4, Some(0.0)),
        "negative cosines count as 0"
    );
    // Through the matcher: the meaning can lift a topic the words alone miss, but the gates
    // still come first. The question's vector here is one of the thawing topic's own example
    // questions' (from the checked-in file: no model needed).
    let faq = faq();
    let thaw = example_vector("how-to-thaw");
    let first = |r: &Reply<'_>| {
        r.alternatives
            .first()
            .or(r.topic.as_ref())
            .map(|t| t.id.clone())
    };
    let r = faq.ask("about my milk");
    assert_ne!(first(&r).as_deref(), Some("how-to-thaw"), "{r:?}");
    let r = faq.ask_with("about my milk", Some(&thaw));
    // The words do not back a thawing answer (lexical floor, no keyword): suggested only.
    assert_eq!(r.verdict, Verdict::NotSure, "{r:?}");
    assert_eq!(first(&r).as_deref(), Some("how-to-thaw"), "{r:?}");
    let r = faq.ask_with("i have a fever and a lump", Some(&thaw));
    assert_eq!(r.verdict, Verdict::RedFlag);
    let r = faq.ask_with("tell me a joke", Some(&thaw));
    assert_eq!(r.verdict, Verdict::OutOfScope);
}

/// The vector of `topic`'s first example question, from `content/faq-vectors.bin`.
fn example_vector(topic: &str) -> Vec<f32> {
    let Some(t) = faq().topic(topic) else {
        panic!("{topic} exists");
    };
    let Some(file) = vectors::bundled() else {
        panic!("content/faq-vectors.bin is readable");
    };
    match file.vectors.get(t.questions[0].trim()) {
        Some(v) => v.clone(),
        None => panic!("{topic}: its first example has a vector"),
    }
}

#[test]
fn a_cosine_becomes_a_semantic_share_between_the_floor_and_full() {
    assert_eq!(semantic_share(COSINE_FLOOR), 0.0);
    assert_eq!(semantic_share(COSINE_FLOOR - 0.3), 0.0);
    assert_eq!(semantic_share(COSINE_FULL), 1.0);
    assert_eq!(semantic_share(1.0), 1.0);
    let mid = semantic_share((COSINE_FLOOR + COSINE_FULL) / 2.0);
    assert!((mid - 0.5).abs() < 1e-12, "{mid}");
    // BM25 alone ignores the meaning; the fused policy weighs it.
    assert_eq!(Policy::LEXICAL.fuse(0.4, Some(1.0)), 0.4);
    assert!(Policy::FUSED.fuse(0.4, Some(1.0)) > 0.4);
    assert!(Policy::FUSED.fuse(0.4, Some(0.0)) < 0.4);
}

/// In English a high confidence is answered without a lead; in Spanish and Russian a close
/// call needs the margin whatever the confidence, and gets its topics as suggestions.
#[test]
fn spanish_and_russian_close_calls_need_the_margin_however_high() {
    let high = ANSWER_SURE + 0.2;
    let close = [(3, high), (1, high - ANSWER_MARGIN / 2.0)];
    let english = Policy::lexical_for(Lang::En);
    assert_eq!(
        decide_with(english, &close, None, None, |_| true),
        Decision::Answer {
            best: 3,
            runners_up: vec![1]
        }
    );
    for lang in [Lang::Es, Lang::Ru] {
        let p = Policy::lexical_for(lang);
        assert_eq!(
            decide_with(p, &close, None, None, |_| true),
            Decision::NotSure(vec![3, 1]),
            "{}",
            lang.code()
        );
        let clear = [(3, high), (1, high - ANSWER_MARGIN - 0.01)];
        assert!(matches!(
            decide_with(p, &clear, None, None, |_| true),
            Decision::Answer { best: 3, .. }
        ));
    }
}

#[test]
fn the_meanings_clear_favourite_settles_a_close_call() {
    let p = Policy::FUSED;
    let best = p.threshold + 0.05;
    assert!(best < p.sure);
    let close = [(3, best), (1, best - p.margin + 0.01)];
    assert_eq!(
        decide_with(&p, &close, None, None, |_| true),
        Decision::NotSure(vec![3, 1]),
        "a close call without the meaning's say"
    );
    assert_eq!(
        decide_with(&p, &close, None, Some(3), |_| true),
        Decision::Answer {
            best: 3,
            runners_up: vec![1]
        },
        "settled for the top topic: answered, the close one as a button"
    );
    assert_eq!(
        decide_with(&p, &close, None, Some(1), |_| true),
        Decision::NotSure(vec![3, 1]),
        "the meaning favouring another topic settles nothing"
    );
    assert_eq!(
        decide_with(&p, &close, None, Some(3), |i| i != 3),
        Decision::NotSure(vec![3, 1]),
        "nor does it make a topic answerable"
    );
    // The favourite must lead by SETTLE_LEAD.
    assert_eq!(
        clear_favourite(&[0.2, 0.9, 0.9 - SETTLE_LEAD - 0.001], SETTLE_LEAD),
        Some(1)
    );
    assert_eq!(
        clear_favourite(&[0.2, 0.9, 0.9 - SETTLE_LEAD + 0.001], SETTLE_LEAD),
        None
    );
    assert_eq!(clear_favourite(&[0.0, 0.0], SETTLE_LEAD), None);
    assert_eq!(clear_favourite(&[], SETTLE_LEAD), None);
}

#[test]
fn the_words_must_back_an_answer_the_meaning_suggests() {
    // To the model, other milks in the fridge mean much the same as breast milk there.
    let fridge = example_vector("fridge-how-long");
    let r = faq().ask_with(
        "how long does coconut milk last in the fridge",
        Some(&fridge),
    );
    assert_ne!(r.verdict, Verdict::Answer, "{r:?}");
    // The same vector with words about breast milk in the fridge: answered.
    let r = faq().ask_with(
        "how long does breast milk last in the fridge",
        Some(&fridge),
    );
    assert_eq!(r.verdict, Verdict::Answer, "{r:?}");
    assert_eq!(r.topic.map(|t| t.id.as_str()), Some("fridge-how-long"));
    // A word of a topic wider than milk, without its context ("wine" and no milk word): the
    // question is about that wider thing, however close the rest of the sentence means.
    let temperature = example_vector("fridge-temperature");
    let r = faq().ask_with(
        "what temperature should a wine fridge be",
        Some(&temperature),
    );
    assert_ne!(r.verdict, Verdict::Answer, "{r:?}");
    let r = faq().ask("what temperature should a wine fridge be");
    assert_ne!(r.verdict, Verdict::Answer, "{r:?}");
}

#[test]
fn only_english_has_vectors_and_a_left_out_question_loses_its_own() {
    assert!(faq().has_vectors());
    assert!(!Faq::bundled_for(Lang::Es).has_vectors());
    assert!(!Faq::bundled_for(Lang::Ru).has_vectors());
    let v = example_vector("fridge-how-long");
    let Some(i) = faq()
        .topics()
        .iter()
        .position(|t| t.id == "fridge-how-long")
    else {
        panic!("fridge-how-long exists");
    };
    let best = |faq: &Faq| match &faq.vectors {
        Some(vectors) => vectors.best_cosines(&v)[i],
        None => panic!("English has vectors"),
    };
    assert!(best(faq()) > 0.999, "its own example");
    let Ok(without) = Faq::from_toml_without(Faq::bundled_source(), Some(("fridge-how-long", 0)))
    else {
        panic!("the content loads without one example");
    };
    assert!(
        best(&without) < 0.999,
        "left out, the example's vector is not used"
    );
}

#[test]
fn shorthand_irregular_forms_and_day_names_reach_the_same_terms() {
    assert_eq!(terms("hrs"), terms("hours"));
    assert_eq!(terms("mins"), terms("minutes"));
    assert_eq!(terms("thursday"), terms("days"));
    assert_eq!(
        terms("milk sat out"),
        terms("milk sit out"),
        "phrases match through synonyms"
    );
    assert_eq!(terms("milk sat out"), terms("milk room temperature"));
}

#[test]
fn a_negated_place_is_scored_as_the_place_the_content_names() {
    let q = faq().index.analyse("milk not in the fridge how long");
    let fridge = terms("fridge");
    let room = terms("room temperature");
    assert!(q.terms.contains(&fridge[0]), "the gates see the words");
    assert!(!q.scored.contains(&fridge[0]) && q.scored.contains(&room[0]));
    let q = faq().index.analyse("milk in the fridge how long");
    assert!(q.scored.contains(&fridge[0]), "no negation, no change");
}

#[test]
fn answer_text_is_indexed() {
    // "immune" is written only in the answer about cleaning pump parts.
    assert!(!terms("immune").is_empty(), "a word of an answer is known");
    let top = faq().search("pump parts weak immune system", 1);
    assert_eq!(
        top.first().map(|(t, _)| t.id.as_str()),
        Some("clean-pump-parts")
    );
}

#[test]
fn leaving_an_example_out_removes_it_from_the_index() {
    let full = Faq::from_toml(Faq::bundled_source());
    let without = Faq::from_toml_without(Faq::bundled_source(), Some(("hand-what", 0)));
    let (Ok(full), Ok(without)) = (full, without) else {
        panic!("the bundled content loads");
    };
    let q = faq()
        .topic("hand-what")
        .and_then(|t| t.questions.first().cloned());
    let Some(q) = q else {
        panic!("hand-what exists")
    };
    let score = |f: &Faq| f.search(&q, 1).first().map_or(0.0, |(_, s)| *s);
    assert!(score(&without) < score(&full), "{q}");
}

#[test]
fn a_close_call_is_not_sure_unless_the_best_is_sure_or_a_known_phrasing() {
    let best = ANSWER_THRESHOLD + 0.1;
    assert!(best < ANSWER_SURE);
    // A lead of at least ANSWER_MARGIN answers; less is a close call: both are offered.
    let clear = [(3, best), (1, best - ANSWER_MARGIN - 0.001)];
    assert!(matches!(
        decide(&clear, None, |_| true),
        Decision::Answer { best: 3, .. }
    ));
    let close = [(3, best), (1, best - ANSWER_MARGIN + 0.01)];
    assert_eq!(
        decide(&close, None, |_| true),
        Decision::NotSure(vec![3, 1])
    );
    // From ANSWER_SURE the lead no longer matters; the close one comes as a runner-up.
    let sure = [(3, ANSWER_SURE), (1, ANSWER_SURE - 0.01)];
    assert_eq!(
        decide(&sure, None, |_| true),
        Decision::Answer {
            best: 3,
            runners_up: vec![1]
        }
    );
    // A known phrasing wins even a close call, and even when it is not ranked first.
    assert_eq!(
        decide(&close, Some(1), |_| true),
        Decision::Answer {
            best: 1,
            runners_up: vec![3]
        }
    );
    // Evidence the policy refuses (no keyword, not answerable) is only ever a suggestion.
    assert_eq!(
        decide(&clear, None, |i| i != 3),
        Decision::NotSure(vec![3, 1])
    );
}

#[test]
fn a_confident_answer_needs_one_of_the_topics_keywords_or_a_known_phrasing() {
    // "how do i hand express" is an example question of hand-technique, whose keywords it
    // does not name: it is answered as a known phrasing.
    assert_eq!(
        verdict("how do i hand express"),
        (Verdict::Answer, Some("hand-technique"))
    );
    // Common words only ("how long", "last", "sit"): no keyword of any topic, no answer.
    assert_ne!(
        verdict("when can my baby sit up on her own").0,
        Verdict::Answer
    );
    let q = faq().index.analyse("how long does it last");
    for i in 0..faq().topics().len() {
        assert!(!faq().index.names_a_keyword(&q, i));
    }
}

#[test]
fn topics_wider_than_milk_answer_only_questions_about_milk() {
    for (milk, other, id) in [
        (
            "can i have a glass of wine and still breastfeed",
            "can i have a glass of wine tonight",
            "alcohol",
        ),
        (
            "is paracetamol ok while pumping",
            "how long does paracetamol take to work",
            "medicines",
        ),
        (
            "how do i wash my breast pump",
            "how do i wash a wool jumper",
            "clean-pump-parts",
        ),
        (
            "can i take breast milk on a plane",
            "how long does a flight to spain take",
            "travel",
        ),
    ] {
        assert_eq!(verdict(milk), (Verdict::Answer, Some(id)), "{milk}");
        assert_ne!(verdict(other).0, Verdict::Answer, "{other}");
    }
}

#[test]
fn an_unknown_word_in_a_question_without_milk_is_what_it_is_about() {
    assert_eq!(
        verdict("can i refreeze thawed milk"),
        (Verdict::Answer, Some("refreeze"))
    );
    assert_ne!(verdict("can i refreeze thawed lasagna").0, Verdict::Answer);
}

#[test]
fn words_of_other_senses_raise_no_alarm_and_reach_no_topic() {
    // "chills" (a fever sign) is kept whole: "chill" and "chilled" do not fire it.
    assert_eq!(verdict("I have a fever and chills").1, Some("rf-mastitis"));
    assert_eq!(verdict("shivering with chills").1, Some("rf-mastitis"));
    for q in [
        "i need to chill out",
        "how to chill a bottle of champagne quickly",
        "how long does cooked chicken last in the fridge",
        "how long do cooked potatoes keep",
        "i had a blood test today",
        "should i get the flu jab while breastfeeding",
        "how do i take my baby's temperature",
    ] {
        assert_ne!(verdict(q).0, Verdict::RedFlag, "{q}");
    }
    // Chilled milk is still about milk, and no alarm.
    assert_ne!(
        verdict("can i add chilled milk to frozen milk").0,
        Verdict::RedFlag
    );
}

#[test]
fn typos_are_read_only_in_longer_words_and_into_longer_words() {
    // "pasta" (5 letters) is not a typo of "past", "cooked" not of a short word.
    assert!(faq().index.nearest("pasta").is_none());
    const { assert!(TYPO_MIN_CHARS >= 6 && TYPO_MIN_TARGET_CHARS >= 6) };
    // Longer typos still are, red-flag words included (a missed alarm is worse).
    assert_eq!(terms("refrigerater"), terms("fridge"));
    assert_eq!(verdict("i feel depresed and alone").1, Some("rf-low-mood"));
}
