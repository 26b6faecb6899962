//! Evaluation of the FAQ matcher on realistic phrasings, written separately from the example
//! questions in `content/faq.toml` (typos, shorthand, no punctuation, capitals).
//!
//! Run with `cargo test --test e2e faq_eval -- --nocapture` to see the figures and every miss.
//! Top-1 accuracy counts only confident answers on the right topic: a "not sure" is a miss
//! even when the right topic is among the alternatives.

use milkbot::domain::faq::{Faq, Verdict};

/// (question, expected topic id)
pub const IN_SCOPE: &[(&str, &str)] = &[
    // storage
    ("how long breastmilk counter", "room-temp"),
    ("HOW LONG CAN MILK SIT AT ROOM TEMP", "room-temp"),
    (
        "left my milk on the table for 3 hours is it still good",
        "room-temp",
    ),
    ("can pumped milk stay out of the fridge", "room-temp"),
    ("milk in cooler bag how many hours", "cooler-bag"),
    (
        "pumping at work with no fridge, are ice packs ok?",
        "cooler-bag",
    ),
    ("road trip storing breastmilk in an esky", "cooler-bag"),
    ("milk fridge how long", "fridge-how-long"),
    (
        "how long is breastmilk good in the refrigerater",
        "fridge-how-long",
    ),
    (
        "how many days does expressed milk keep in the frig",
        "fridge-how-long",
    ),
    ("is 4 day old fridge milk still good", "fridge-how-long"),
    ("what temp should the fridge be", "fridge-temperature"),
    ("freezer temperature for breast milk", "fridge-temperature"),
    ("my fridge is warmer than 4 degrees", "fridge-temperature"),
    (
        "can i use the icebox in my fridge for milk",
        "ice-compartment",
    ),
    (
        "small freezer compartment at the top of the fridge, how long",
        "ice-compartment",
    ),
    ("how long does frozen breastmilk last", "freezer-how-long"),
    ("freezr how long milk", "freezer-how-long"),
    (
        "is breast milk frozen 10 months ago still usable",
        "freezer-how-long",
    ),
    (
        "can i freeze milk after 2 days in the fridge",
        "fridge-to-freezer",
    ),
    (
        "should i move my fridge milk to the freezer",
        "fridge-to-freezer",
    ),
    (
        "how long is defrosted milk good in the fridge",
        "thawed-how-long",
    ),
    ("thawed bag, how long does it last?", "thawed-how-long"),
    (
        "how long does thawed breastmilk last out of the fridge",
        "thawed-how-long",
    ),
    (
        "baby only drank half the bottle can i keep the rest",
        "leftover-milk",
    ),
    ("leftovers from a feed how long", "leftover-milk"),
    (
        "can i reuse the leftover bottle for the next feed",
        "leftover-milk",
    ),
    (
        "does the 4 days start when i pump or when it goes in the fridge",
        "clock-start",
    ),
    ("when do i start counting the storage time", "clock-start"),
    (
        "moved frozen milk from the work freezer to home, does the date reset",
        "clock-frozen",
    ),
    (
        "does the freezer clock restart when i move it to another freezer",
        "clock-frozen",
    ),
    (
        "why does every website give different storage times",
        "guidelines-differ",
    ),
    (
        "which storage guideline should i trust",
        "guidelines-differ",
    ),
    ("nhs breast milk storage", "nhs-rules"),
    (
        "how long can milk stay in the fridge in the uk",
        "nhs-rules",
    ),
    ("academy of breastfeeding medicine storage", "abm-rules"),
    ("what does the abm protocol say", "abm-rules"),
    ("la leche league storage times", "lll-rules"),
    ("what does lll recommend for the freezer", "lll-rules"),
    // thawing & feeding
    ("how to defrost frozen breast milk", "how-to-thaw"),
    ("quickest way to thaw a milk bag", "how-to-thaw"),
    ("thawing breastmilk in a bowl of water", "how-to-thaw"),
    ("is microwaving breast milk safe", "no-microwave"),
    ("can i warm a bottle in the microwave", "no-microwave"),
    ("boil milk ok?", "no-microwave"),
    ("can i refreez milk", "refreeze"),
    ("can thawed milk be frozen again", "refreeze"),
    (
        "i defrosted too many bags can they go back in the freezer",
        "refreeze",
    ),
    ("how to warm breastmilk", "warming"),
    ("heating up a bottle of breast milk", "warming"),
    ("do i need a bottle warmer", "warming"),
    (
        "can i mix milk from two pumping sessions",
        "combine-sessions",
    ),
    ("combine morning and evening milk", "combine-sessions"),
    ("add fresh milk to cold milk", "combine-sessions"),
    (
        "which milk should i use first oldest or newest",
        "first-in-first-out",
    ),
    ("fifo breast milk", "first-in-first-out"),
    ("how many oz should i freeze per bag", "portion-sizes"),
    ("how much breastmilk per storage bag", "portion-sizes"),
    // handling
    ("what containers for storing breast milk", "containers"),
    ("how full to fill a freezer bag", "containers"),
    ("glass bottles or bags for breastmilk", "containers"),
    ("how should i label milk bags", "labelling"),
    ("what to write on breast milk for daycare", "labelling"),
    ("where in the fridge should breast milk go", "fridge-where"),
    ("is the fridge door ok for milk", "fridge-where"),
    ("why is my breast milk separating", "fat-separation"),
    ("fat layer on top of stored milk", "fat-separation"),
    ("shake or swirl milk?", "fat-separation"),
    ("thawed milk smells like soap", "soapy-smell"),
    ("metallic smell breastmilk", "soapy-smell"),
    ("high lipase milk", "soapy-smell"),
    ("how can i tell if breastmilk has spoiled", "sour-smell"),
    ("milk smells sour is it bad", "sour-smell"),
    ("has my breast milk gone off", "sour-smell"),
    // hand expression
    ("what\u{2019}s hand expressing", "hand-what"),
    ("what does it mean to express by hand", "hand-what"),
    ("why hand express", "hand-why"),
    ("left my pump at home what now", "hand-why"),
    ("how to collect colostrum", "colostrum"),
    ("colestrum only a few drops", "colostrum"),
    ("how to hand express step by step", "hand-technique"),
    ("hand expression technique", "hand-technique"),
    ("where do i place my thumb and fingers", "hand-technique"),
    ("hand expression is painful", "hand-comfort"),
    ("it hurts when i express by hand", "hand-comfort"),
    ("how often to hand express", "hand-how-often"),
    ("how many hand expressing sessions a day", "hand-how-often"),
    ("hand expressing while pumping", "hand-plus-pump"),
    ("does hands on pumping help", "hand-plus-pump"),
    ("hand expression vs pump", "pump-vs-hand"),
    ("is a pump better than my hands", "pump-vs-hand"),
    ("other boob leaks while pumping", "letdown-leak"),
    ("how to use a haaka", "letdown-leak"),
    ("milk dripping from the other breast", "letdown-leak"),
    ("hand express after nursing", "hand-after-feed"),
    (
        "nothing comes out when i hand express after feeding",
        "hand-after-feed",
    ),
    // supply & comfort
    ("how to increase supply", "supply"),
    ("low milk supply help", "supply"),
    ("how do i make more milk", "supply"),
    ("engorged breasts relief", "engorgement"),
    ("baby can\u{2019}t latch, breast too full", "engorgement"),
    ("my boobs are so swollen and hard", "engorgement"),
    // see a professional
    (
        "when do i need a lactation consultant",
        "lactation-consultant",
    ),
    ("should i see an ibclc", "lactation-consultant"),
    ("storing milk for my preemie", "premature-baby"),
    (
        "baby in the nicu how long can i keep milk",
        "premature-baby",
    ),
];

/// Questions the bot must not answer confidently.
pub const OUT_OF_SCOPE: &[&str] = &[
    "hello",
    "hi there",
    "thanks!",
    "what's the weather tomorrow",
    "recommend a good stroller",
    "tell me a joke",
    "how do i change a tire",
    "what time is it",
    "best pizza near me",
    "how long does it take to boil an egg",
    "how long does cooked chicken last in the fridge",
    "can i freeze bread",
    "how long does formula last after mixing",
    "what is the capital of france",
    "how do i get my baby to sleep through the night",
    "best car seat for a newborn",
    "how to change a diaper",
    "is it safe to drink coffee while breastfeeding",
    "can i drink alcohol while breastfeeding",
    "when will my period come back",
    "how much should my baby weigh",
    "asdfghjkl",
    "🍼🍼🍼",
    "how long should a nap last",
    "how do i freeze vegetables",
    "how long does cow milk last in the fridge",
    "can i put bottles in the dishwasher",
    "how do i clean my pump parts",
    "how long can a baby stay in a car seat",
    "how do i store baby clothes",
    "how long does a pump battery last",
    "can i take ibuprofen while pumping",
    "how many calories does pumping burn",
    "is it ok to pump in the car",
    "what should i eat while breastfeeding",
    "how long does it take to get pregnant",
];

/// (question, expected red-flag topic id)
pub const RED_FLAGS: &[(&str, &str)] = &[
    ("I have a fever and chills", "rf-mastitis"),
    ("there's a hard red lump in my breast", "rf-mastitis"),
    ("think i have mastitis", "rf-mastitis"),
    ("my breast is hot and red", "rf-mastitis"),
    ("blood in my milk", "rf-blood"),
    ("my pumped milk is pink, is that blood?", "rf-blood"),
    ("baby hasn't had many wet nappies today", "rf-baby-unwell"),
    ("only 2 wet diapers today", "rf-baby-unwell"),
    ("baby is too sleepy to feed", "rf-baby-unwell"),
    ("my baby wont wake up for feeds", "rf-baby-unwell"),
    ("my 2 month old has a fever", "rf-baby-fever"),
    ("newborn has a high temperature", "rf-baby-fever"),
    ("baby has a temperature of 38", "rf-baby-fever"),
];

/// Held-out phrasings, written after the matcher and the content were tuned on the sets above
/// and never tuned on: their figures estimate how the bot does on questions nobody foresaw.
pub const HELD_OUT_IN_SCOPE: &[(&str, &str)] = &[
    (
        "how many hours is breast milk ok unrefrigerated",
        "room-temp",
    ),
    ("fresh pumped milk on the nightstand how long", "room-temp"),
    (
        "insulated cooler for the trip home, how long does milk last",
        "cooler-bag",
    ),
    (
        "breastmilk in refrigerator how many days",
        "fridge-how-long",
    ),
    ("expressed milk expiry in fridge", "fridge-how-long"),
    ("fridge should be how cold for milk", "fridge-temperature"),
    ("frozen milk 6 months old ok?", "freezer-how-long"),
    (
        "how long can i keep milk frozen in a chest freezer",
        "freezer-how-long",
    ),
    ("can fridge milk be frozen on day 3", "fridge-to-freezer"),
    ("defrosted breastmilk how many hours", "thawed-how-long"),
    (
        "my baby left some milk in the bottle, how long is it good",
        "leftover-milk",
    ),
    ("reuse unfinished bottle", "leftover-milk"),
    (
        "does cooling milk in the fridge reset the 4 hour clock",
        "clock-start",
    ),
    (
        "i moved frozen bags to my mom's freezer does the clock reset",
        "clock-frozen",
    ),
    ("what does nhs say about the fridge", "nhs-rules"),
    ("la leche storage for fridge", "lll-rules"),
    ("why do cdc and nhs differ", "guidelines-differ"),
    ("thaw breast milk fast", "how-to-thaw"),
    ("microwave bottle ok?", "no-microwave"),
    ("refreezing defrosted breastmilk", "refreeze"),
    ("warming breast milk from the fridge", "warming"),
    ("mixing milk from different days", "combine-sessions"),
    ("oldest milk first?", "first-in-first-out"),
    ("best portion size for freezing breastmilk", "portion-sizes"),
    ("can i fill breastmilk bags to the top", "containers"),
    ("labeling frozen milk", "labelling"),
    ("fridge door or back for breast milk", "fridge-where"),
    ("milk has fat on top, normal?", "fat-separation"),
    ("defrosted milk smells soapy", "soapy-smell"),
    ("sour smelling breastmilk", "sour-smell"),
    ("expressing milk with your hands, what is it", "hand-what"),
    ("pump broken how do i get milk out", "hand-why"),
    ("getting colostrum out by hand", "colostrum"),
    ("c hold for hand expression", "hand-technique"),
    ("hand expressing hurts my nipples", "hand-comfort"),
    (
        "how often should i express by hand each day",
        "hand-how-often",
    ),
    ("hand expression during a pumping session", "hand-plus-pump"),
    ("electric pump or hand expressing", "pump-vs-hand"),
    ("haaka on the other side while nursing", "letdown-leak"),
    ("is it worth expressing after baby feeds", "hand-after-feed"),
    ("boost breastmilk supply", "supply"),
    ("breasts too full for baby to latch", "engorgement"),
    ("find a lactation consultant", "lactation-consultant"),
    ("storage rules for a preterm baby", "premature-baby"),
];

pub const HELD_OUT_OUT_OF_SCOPE: &[&str] = &[
    "how long can i leave my car running",
    "what's a good name for a baby girl",
    "how long does a newborn sleep",
    "can i freeze baby food",
    "how long does pasta last in the fridge",
    "recommend a breast pump brand",
    "how do i bathe a newborn",
    "is it ok to give baby water",
    "when do babies start teething",
    "how long to microwave popcorn",
];

pub const HELD_OUT_RED_FLAGS: &[(&str, &str)] = &[
    ("breast has a painful hot lump", "rf-mastitis"),
    ("streaks of blood in pumped milk", "rf-blood"),
    ("newborn barely wetting nappies", "rf-baby-unwell"),
    ("my 5 week old feels feverish", "rf-baby-fever"),
    ("baby too drowsy to eat", "rf-baby-unwell"),
];

/// What one evaluation run measured.
struct Figures {
    in_scope: usize,
    correct: usize,
    fallback: usize,
    in_alternatives: usize,
    wrong: usize,
    out_of_scope: usize,
    out_of_scope_fallback: usize,
    red_flags: usize,
    routed: usize,
    routed_to_expected: usize,
}

fn pct(n: usize, d: usize) -> f64 {
    100.0 * n as f64 / d.max(1) as f64
}

fn measure(
    faq: &Faq,
    in_scope: &[(&str, &str)],
    out_of_scope: &[&str],
    red_flags: &[(&str, &str)],
) -> Figures {
    let mut f = Figures {
        in_scope: in_scope.len(),
        correct: 0,
        fallback: 0,
        in_alternatives: 0,
        wrong: 0,
        out_of_scope: out_of_scope.len(),
        out_of_scope_fallback: 0,
        red_flags: red_flags.len(),
        routed: 0,
        routed_to_expected: 0,
    };
    for (q, id) in in_scope {
        let reply = faq.ask(q);
        let got = reply.topic.map_or("-", |t| t.id.as_str());
        if reply.verdict == Verdict::Answer && got == *id {
            f.correct += 1;
            continue;
        }
        if matches!(reply.verdict, Verdict::NotSure | Verdict::OutOfScope) {
            f.fallback += 1;
            if reply.alternatives.iter().any(|t| t.id == *id) {
                f.in_alternatives += 1;
            }
        } else {
            f.wrong += 1;
        }
        let top: Vec<String> = faq
            .search(q, 3)
            .iter()
            .map(|(t, s)| format!("{} {s:.2}", t.id))
            .collect();
        println!(
            "  miss {q:?}: want {id}, got {:?} {got}; top {top:?}",
            reply.verdict
        );
    }
    for q in out_of_scope {
        let reply = faq.ask(q);
        if matches!(reply.verdict, Verdict::NotSure | Verdict::OutOfScope) {
            f.out_of_scope_fallback += 1;
        } else {
            println!(
                "  OUT OF SCOPE ANSWERED {q:?}: {:?} {:?} ({:.2})",
                reply.verdict,
                reply.topic.map(|t| &t.id),
                reply.score
            );
        }
    }
    for (q, id) in red_flags {
        let reply = faq.ask(q);
        if reply.verdict == Verdict::RedFlag && reply.topic.is_some_and(|t| t.red_flag) {
            f.routed += 1;
            if reply.topic.is_some_and(|t| t.id == *id) {
                f.routed_to_expected += 1;
            }
        } else {
            println!("  RED FLAG MISSED {q:?}: {:?}", reply.verdict);
        }
    }
    println!(
        "  top-1 accuracy {:.1}% ({}/{}); fallback {:.1}% ({}, right topic offered in {}); wrong answers {}",
        pct(f.correct, f.in_scope),
        f.correct,
        f.in_scope,
        pct(f.fallback, f.in_scope),
        f.fallback,
        f.in_alternatives,
        f.wrong
    );
    println!(
        "  out of scope -> fallback {:.1}% ({}/{}); red flags routed {:.1}% ({}/{}, {} to the expected topic)",
        pct(f.out_of_scope_fallback, f.out_of_scope),
        f.out_of_scope_fallback,
        f.out_of_scope,
        pct(f.routed, f.red_flags),
        f.routed,
        f.red_flags,
        f.routed_to_expected
    );
    f
}

#[test]
fn eval() {
    let faq = Faq::bundled();
    assert!(IN_SCOPE.len() >= 90 && OUT_OF_SCOPE.len() >= 20 && RED_FLAGS.len() >= 8);

    // Every expected id exists, and the eval does not reuse the content's own examples.
    let examples: Vec<String> = faq
        .topics()
        .iter()
        .flat_map(|t| &t.questions)
        .map(|q| q.to_lowercase())
        .collect();
    let all = IN_SCOPE
        .iter()
        .chain(RED_FLAGS)
        .chain(HELD_OUT_IN_SCOPE)
        .chain(HELD_OUT_RED_FLAGS);
    for (q, id) in all {
        assert!(faq.topic(id).is_some(), "unknown topic {id}");
        assert!(
            !examples.contains(&q.to_lowercase()),
            "{q:?} is copied from faq.toml"
        );
    }

    println!("eval set (the matcher was tuned on it):");
    let main = measure(faq, IN_SCOPE, OUT_OF_SCOPE, RED_FLAGS);
    println!("held-out set (never tuned on):");
    let held = measure(
        faq,
        HELD_OUT_IN_SCOPE,
        HELD_OUT_OUT_OF_SCOPE,
        HELD_OUT_RED_FLAGS,
    );

    assert!(
        pct(main.correct, main.in_scope) >= 95.0,
        "top-1 accuracy below 95%"
    );
    assert_eq!(main.wrong, 0, "a confident answer on the wrong topic");
    assert_eq!(
        main.out_of_scope_fallback, main.out_of_scope,
        "an out-of-scope question got an answer"
    );
    assert_eq!(main.routed, main.red_flags, "a red flag was not routed");
    // On unforeseen questions the bot may fall back more often, but it must stay safe.
    assert_eq!(
        held.out_of_scope_fallback, held.out_of_scope,
        "a held-out out-of-scope question got an answer"
    );
}
