//! The red-flag gate on the bundled content, in every language: warning signs phrased in ways
//! no trigger lists word for word reach the right topic, and everyday questions that share a
//! word with a warning sign do not.

use super::{Faq, Verdict};
use crate::domain::Lang;

fn verdict(lang: Lang, q: &str) -> (Verdict, Option<&'static str>) {
    let r = Faq::bundled_for(lang).ask(q);
    (r.verdict, r.topic.map(|t| t.id.as_str()))
}

/// Every (question, topic) pair that does not reach its red-flag topic.
fn missed(lang: Lang, cases: &[(&str, &str)]) -> Vec<String> {
    cases
        .iter()
        .filter(|&&(q, topic)| verdict(lang, q) != (Verdict::RedFlag, Some(topic)))
        .map(|&(q, topic)| format!("{q:?} should reach {topic}: {:?}", verdict(lang, q)))
        .collect()
}

/// Every question that raised a red flag.
fn alarmed(lang: Lang, questions: &[&str]) -> Vec<String> {
    questions
        .iter()
        .filter(|q| verdict(lang, q).0 == Verdict::RedFlag)
        .map(|q| format!("{q:?}: {:?}", verdict(lang, q)))
        .collect()
}

/// Every (language, question) pair that raised a red flag.
fn alarmed_in(questions: &[(Lang, &str)]) -> Vec<String> {
    questions
        .iter()
        .filter(|&&(lang, q)| verdict(lang, q).0 == Verdict::RedFlag)
        .map(|&(lang, q)| format!("{q:?}: {:?}", verdict(lang, q)))
        .collect()
}

#[test]
fn english_warning_signs_in_other_words() {
    let cases = [
        ("i just cant do it any more", "rf-low-mood"),
        ("my kids would be better off without me", "rf-low-mood"),
        (
            "i keep having scary thoughts about hurting him",
            "rf-low-mood",
        ),
        ("my 5 week old is 38.9 and wont settle", "rf-baby-fever"),
        // The harmless senses excluded elsewhere leave these alone.
        ("the smell of the milk makes me feel faint", "rf-faint"),
        (
            "my baby has a fever and the dog wont leave him alone",
            "rf-baby-fever",
        ),
        ("he is wheezing while i pump", "rf-urgent-baby"),
        (
            "thermometer reads 101.2 f on my 3 week old",
            "rf-baby-fever",
        ),
        ("my 4 week old is below her birth weight still", "rf-weight"),
        ("the nurse said he fell two centiles", "rf-weight"),
        ("her eyes have gone a yellowish colour", "rf-jaundice"),
        (
            "the soft spot on her head has a dip in it",
            "rf-urgent-baby",
        ),
        ("his nostrils are flaring and he grunts", "rf-urgent-baby"),
        ("i blacked out on the stairs after pumping", "rf-faint"),
        ("went dizzy and saw stars while pumping", "rf-faint"),
        ("my pumped milk has pink streaks", "rf-blood"),
        (
            "shaking with chills and my boob has a red patch",
            "rf-mastitis",
        ),
        (
            "lump in my breast and it hurts, can i still freeze the milk",
            "rf-mastitis",
        ),
        ("he is so floppy and wont wake", "rf-baby-unwell"),
        ("he looks a bit orange", "rf-jaundice"),
        ("he feels boiling", "rf-baby-fever"),
        ("she isnt putting weight on", "rf-weight"),
        (
            "i have 38.6, can i still pump and store the milk",
            "rf-mastitis",
        ),
        // Two signs: the more urgent one wins.
        ("sunken soft spot and only one wet nappy", "rf-urgent-baby"),
        ("dizzy and lost a lot of blood at the birth", "rf-faint"),
    ];
    let m = missed(Lang::En, &cases);
    assert!(m.is_empty(), "{m:#?}");
}

#[test]
fn spanish_and_russian_warning_signs_in_other_words() {
    let es = [
        ("ya no puedo con esto, no aguanto mas", "rf-low-mood"),
        ("mi bebe de 3 semanas tiene 38,6", "rf-baby-fever"),
        (
            "el bebe tiene fiebre y el perro no se le despega",
            "rf-baby-fever",
        ),
        ("tiene la piel amarillenta y duerme mucho", "rf-jaundice"),
        ("la mollera la tiene hundida", "rf-urgent-baby"),
        ("se me nubla la vista al levantarme", "rf-faint"),
        ("la leche que me saque tiene un tono rosado", "rf-blood"),
        ("el bebe bajo de peso en el control", "rf-weight"),
        ("lo veo muy amarillo", "rf-jaundice"),
        ("tengo la teta dura y caliente", "rf-mastitis"),
        ("siento que no sirvo para nada", "rf-low-mood"),
    ];
    let ru = [
        ("я больше не могу так жить", "rf-low-mood"),
        ("у малыша 38,7, ему 5 недель", "rf-baby-fever"),
        ("у меня жар и грудь болит, на улице холодно", "rf-mastitis"),
        ("в молоке кровь, утром сдавала анализы", "rf-blood"),
        ("у дочки желтые глаза и кожа", "rf-jaundice"),
        ("родничок запал и он вялый", "rf-urgent-baby"),
        ("потемнело в глазах и чуть не упала", "rf-faint"),
        ("сцеженное молоко розовое", "rf-blood"),
        ("на весах опять меньше чем было", "rf-weight"),
        ("он какой то желтый", "rf-jaundice"),
        ("грудничок горит весь", "rf-baby-fever"),
        ("в глазах потемнело когда встала", "rf-faint"),
    ];
    let mut m = missed(Lang::Es, &es);
    m.extend(missed(Lang::Ru, &ru));
    assert!(m.is_empty(), "{m:#?}");
}

#[test]
fn everyday_words_of_warning_signs_raise_no_alarm() {
    let en = [
        "where do i get a blood test",
        "blood orange smoothie",
        "red wine stain on the sofa",
        "my son coloured with a yellow crayon",
        "can grandma hold the baby if she has a cold",
        "how to trim baby nails without hurting him",
        "how warm should a babys bath be, 38 degrees?",
        "my baby was born at 38 weeks, how long can i keep milk in the fridge",
        "how do i lose the baby weight while pumping",
        "can i store milk in pink bags",
        "my milk looks yellow is it ok",
        "does a faint smell mean my milk is off",
        "is yellow poop normal for a breastfed baby",
        "how do i chill milk fast",
        "how much weight will i lose breastfeeding",
        "is milk ok at 38 degrees",
        "she gets hot in her sleep sack",
        "is it ok if he drinks hot milk",
    ];
    let es = [
        "resultados del analisis de sangre",
        "mancha de vino tinto",
        "como cortarle las uñas al bebe",
        "mi marido esta resfriado",
        "rotulador amarillo en la pared",
        "cuanto peso voy a perder dando el pecho",
        "la tetina roja del biberon esta bien",
        "a 38 grados se estropea la leche?",
        "compresas calientes en el pecho sirven",
    ];
    let ru = [
        "когда будут готовы анализы крови",
        "пятно от красного вина",
        "муж простыл, можно ли ему к ребенку",
        "как стричь ногти новорожденному",
        "какая температура воды для купания малыша",
        "при 38 градусах молоко портится?",
        "сколько я похудею на гв",
        "малышу жарко в комбинезоне",
    ];
    let mut a = alarmed(Lang::En, &en);
    a.extend(alarmed(Lang::Es, &es));
    a.extend(alarmed(Lang::Ru, &ru));
    assert!(a.is_empty(), "{a:#?}");
}

/// Wanting or fearing to hurt oneself or the baby reaches the low-mood topic in every language,
/// also negated or with a pump named ("i want to hurt myself with the pump"); a parent afraid
/// that old milk or the pump could do harm gets no crisis reply.
#[test]
fn meaning_to_hurt_raises_the_alarm_fearing_old_milk_does_not() {
    let en = [
        "i want to hurt my baby",
        "I can't stop wanting to hurt my baby",
        "i dont want to hurt my baby but i keep having scary thoughts",
        "im scared ill hurt my baby",
        "i want to hurt myself with the pump",
        "sometimes i think about hurting myself",
    ];
    let es = [
        "quiero hacerme daño",
        "tengo miedo de hacerle daño a mi bebe",
        "no quiero hacerle daño a mi bebe pero tengo ganas de hacerle daño",
        "quiero lastimar al bebe",
    ];
    let ru = [
        "хочу навредить ребенку",
        "боюсь что могу навредить ребенку",
        "хочу навредить себе",
        "иногда думаю что могу навредить малому",
    ];
    let crisis = |qs: &[&'static str]| -> Vec<(&'static str, &'static str)> {
        qs.iter().map(|&q| (q, "rf-low-mood")).collect()
    };
    let mut m = missed(Lang::En, &crisis(&en));
    m.extend(missed(Lang::Es, &crisis(&es)));
    m.extend(missed(Lang::Ru, &crisis(&ru)));
    assert!(m.is_empty(), "{m:#?}");

    let worried = [
        (Lang::En, "dont want to hurt my baby with old milk"),
        (Lang::En, "I don't want to hurt him by giving old milk"),
        (Lang::En, "afraid old milk could hurt my baby"),
        (Lang::En, "can i hurt myself pumping too hard"),
        (Lang::En, "did i hurt myself with the flange"),
        (Lang::Es, "no quiero hacerle daño a mi bebé con leche vieja"),
        (Lang::Es, "tengo miedo de hacerle daño con leche vieja"),
        (Lang::Es, "puede la leche de 5 dias hacer daño al bebe"),
        (Lang::Es, "el calor del coche le hace daño a la leche?"),
        (Lang::Ru, "не хочу навредить малышу старым молоком"),
        (Lang::Ru, "боюсь навредить ребенку старым молоком"),
    ];
    let alarms = alarmed_in(&worried);
    assert!(alarms.is_empty(), "{alarms:#?}");
    // The worry about old milk gets the milk past its time, offered first.
    for (lang, q) in [
        (Lang::En, "dont want to hurt my baby with old milk"),
        (Lang::Es, "no quiero hacerle daño a mi bebé con leche vieja"),
    ] {
        let reply = Faq::bundled_for(lang).ask(q);
        let first = reply.topic.or(reply.alternatives.first().copied());
        assert_eq!(first.map(|t| t.id.as_str()), Some("past-its-time"), "{q}");
    }
}

/// Red nipples or skin are no colour of the milk and no red area of the breast; pink milk is
/// blood in the milk even when red nipples are named too.
#[test]
fn red_nipples_are_not_blood_in_the_milk() {
    let ordinary = [
        (Lang::En, "my nipples are red after pumping"),
        (Lang::En, "sore red nipples after pumping"),
        (Lang::En, "red nipples from pumping milk"),
        (Lang::Es, "me quedan los pezones rojos de sacarme a mano"),
        (Lang::Es, "tengo los pezones rojos del sacaleches"),
        (Lang::Ru, "соски красные после сцеживания"),
    ];
    let alarms = alarmed_in(&ordinary);
    assert!(alarms.is_empty(), "{alarms:#?}");
    let mut m = missed(
        Lang::En,
        &[
            ("red nipples and pink milk", "rf-blood"),
            ("my pumped milk has pink streaks", "rf-blood"),
            ("red sore patch on my breast", "rf-mastitis"),
        ],
    );
    m.extend(missed(
        Lang::Es,
        &[("pezones rojos y la leche sale rosada", "rf-blood")],
    ));
    m.extend(missed(
        Lang::Ru,
        &[("красные соски и розовое молоко", "rf-blood")],
    ));
    assert!(m.is_empty(), "{m:#?}");
}

/// Ordinary questions, as different parents would type them, that share a word with a warning
/// sign (red, hurt, sleepy, blood, yellow, hot, a cold, a temperature) raise no alarm; a baby
/// who is very sleepy still does.
#[test]
fn ordinary_questions_with_warning_words_raise_no_alarm() {
    let en = [
        "is it ok to pump when im sleepy at night",
        "i get so sleepy pumping at 3am, how long can that milk sit out",
        "my baby is sleepy after a feed can i store the rest",
        "baby fell asleep during the feed, how long can leftover milk stay out",
        "can i drink blood orange juice while pumping",
        "my pump has a red light blinking",
        "the red cap on my pump bottles cracked",
        "will shaking the bottle hurt the milk",
        "does it hurt the milk to freeze it twice",
        "my nipples are red and sore after pumping",
        "my nipples look red after using the pump",
        "milk looks yellow after freezing is it ok",
        "i have a cold, can i still pump and store milk",
        "can a hot car hurt my milk",
        "the milk was in the sun for an hour, is it bad",
        "does cold milk hurt a baby's tummy",
        "can frozen milk go bad and hurt my baby",
        "scared the power cut spoiled my frozen milk",
        "i feel tired and drained after pumping, normal?",
        "how warm should the milk be, 37 degrees?",
        "will hand expression hurt if i have small breasts",
        "strawberry milkshake recipe",
        // Warning words in harmless senses: a faint smell, a pet's fever or
        // a figure of speech, a pump that wheezes.
        "theres a faint smell of soap on the bottles, should i rinse them again",
        "our dog has a fever, can he be near the pumped milk",
        "a week of cabin fever with the newborn, can i take pumped milk on a walk",
        "my pump makes a wheezing sound, is the milk still ok",
    ];
    let es = [
        "tengo los pezones rojos del sacaleches",
        "mi marido tiene fiebre de futbol, cuanto dura la leche en la nevera",
        "se me durmio el bebe y dejo leche en el biberon",
        "el sacaleches tiene una luz roja",
        "la leche congelada le puede hacer daño al bebe",
        "la leche se ve amarillenta despues de congelar",
        "el calor del coche le hace daño a la leche?",
        "mi leche es de color blanco azulado",
    ];
    let ru = [
        "на улице жара, как довезти сцеженное молоко до дачи",
        "сдала кровь из вены утром, можно потом сцеживаться",
        "соски красные после молокоотсоса",
        "малыш уснул во время кормления, сколько хранить остатки",
        "на молокоотсосе горит красная лампочка",
        "может ли замороженное молоко навредить ребенку",
        "боюсь навредить малышу молоком из холодильника",
        "молоко после заморозки желтоватое, нормально?",
    ];
    let mut a = alarmed(Lang::En, &en);
    a.extend(alarmed(Lang::Es, &es));
    a.extend(alarmed(Lang::Ru, &ru));
    assert!(a.is_empty(), "{a:#?}");
    let mut m = missed(
        Lang::En,
        &[
            ("my baby is very sleepy after feeds", "rf-baby-unwell"),
            ("she is so sleepy all day", "rf-baby-unwell"),
            ("sleepy baby", "rf-baby-unwell"),
        ],
    );
    m.extend(missed(
        Lang::Es,
        &[
            ("mi bebe esta amarillento", "rf-jaundice"),
            ("tiene la piel amarillenta", "rf-jaundice"),
        ],
    ));
    assert!(m.is_empty(), "{m:#?}");
}

#[test]
fn whose_sign_it_is_decides_the_topic() {
    // The parent short of breath is not the baby's breathing; a fever after jabs is the baby's;
    // a fever with the parent's own aches is hers.
    let mut m = missed(
        Lang::En,
        &[
            (
                "panic attacks every night, i can barely breathe and my heart pounds",
                "rf-low-mood",
            ),
            ("my son cant breathe properly", "rf-urgent-baby"),
            (
                "i have a fever and chills, can my baby still have my milk",
                "rf-mastitis",
            ),
            ("fever since her vaccinations this morning", "rf-baby-fever"),
            ("i have a 3 week old with a fever", "rf-baby-fever"),
            (
                "his lips look a bit grey while drinking his bottle",
                "rf-urgent-baby",
            ),
            (
                "she is lighter on the scale than at her last check",
                "rf-weight",
            ),
            (
                "she has lost a lot of her birthweight, we're at day 5",
                "rf-weight",
            ),
        ],
    );
    m.extend(missed(
        Lang::Es,
        &[
            (
                "tengo ataques de panico y me falta el aire cuando me saco leche",
                "rf-low-mood",
            ),
            (
                "estoy con fiebre y tengo una bola que duele en el pecho, le doy mi leche al bebe?",
                "rf-mastitis",
            ),
            (
                "mi nena tiene 38,4 y le toca el biberon de leche",
                "rf-baby-fever",
            ),
            (
                "tengo un bebe con fiebre, le doy mi leche?",
                "rf-baby-fever",
            ),
        ],
    ));
    m.extend(missed(
        Lang::Ru,
        &[
            (
                "у меня температура 38,5 и ломит все тело, можно малышу мое молоко?",
                "rf-mastitis",
            ),
            ("у сына губы сероватые и дышит с паузами", "rf-urgent-baby"),
            (
                "у меня ребенок с температурой 38,5, можно ему грудное молоко?",
                "rf-baby-fever",
            ),
        ],
    ));
    assert!(m.is_empty(), "{m:#?}");
    // A freezer iced up is a chore; frosty milk bags are no warning sign either.
    let a = alarmed(
        Lang::En,
        &["my frozen milk bags look frosty and a bit blue, ok?"],
    );
    assert!(a.is_empty(), "{a:#?}");
}

#[test]
fn english_words_in_a_spanish_or_russian_message_still_raise_the_alarm() {
    let spanish = [
        (
            "mi baby tiene fever desde anoche, le puedo dar la leche congelada?",
            "rf-baby-fever",
        ),
        ("el baby tiene yellow eyes, es por la leche?", "rf-jaundice"),
    ];
    assert_eq!(missed(Lang::Es, &spanish), Vec::<String>::new());
    let russian = [(
        "у нас baby has a fever со вчера, можно давать сцеженное?",
        "rf-baby-fever",
    )];
    assert_eq!(missed(Lang::Ru, &russian), Vec::<String>::new());
    // A number is read in the message's own language: weeks, days, millilitres and a
    // freezer's display are no fever, even where English would need its words to tell.
    let numbers = [
        (
            Lang::Es,
            "nacio a las 39 semanas, cuanto dura la leche en la nevera",
        ),
        (Lang::Es, "el congelador marca 38, sera en fahrenheit"),
        (Lang::Ru, "сцедила утром 38 мл, это нормально?"),
        (
            Lang::Ru,
            "подогреватель держит 40 градусов, не горячо для молока?",
        ),
    ];
    assert_eq!(alarmed_in(&numbers), Vec::<String>::new());
}

#[test]
fn a_babys_age_beside_an_everyday_question_is_no_fever() {
    // Each clause is read on its own; "дочке 2 месяца" alone had read as a baby's fever.
    let everyday = [
        (
            Lang::Ru,
            "дочке 2 месяца, сколько хранится молоко в морозилке",
        ),
        (
            Lang::Ru,
            "дочке 3 недели, сколько давать сцеженного за кормление",
        ),
        (
            Lang::Ru,
            "моему сыну 6 недель, как давать молоко из бутылочки",
        ),
        (Lang::Ru, "сыну 38 дней, сколько мл давать за раз"),
        (Lang::Ru, "ей 2 недели, как разморозить молоко"),
        (
            Lang::Ru,
            "ему 3 недели, сколько хранится сцеженное в холодильнике",
        ),
        (
            Lang::Es,
            "mi hija tiene 2 meses, cuanto dura la leche en el congelador",
        ),
        (
            Lang::Es,
            "mi hijo de 6 semanas, como le doy la leche en biberon",
        ),
        (
            Lang::En,
            "my son is 6 weeks, how do i give him milk from a bottle",
        ),
        (Lang::En, "she's two weeks old, can i refreeze thawed milk"),
        (
            Lang::En,
            "he's 3 weeks old. how long does expressed milk keep in the fridge",
        ),
        (
            Lang::En,
            "twins, 5 weeks old, can i mix milk from two pumping sessions",
        ),
    ];
    assert_eq!(alarmed_in(&everyday), Vec::<String>::new());
    // The same ages beside a warning sign still raise it.
    let signs = [
        ("сыну 6 недель, у него температура", Lang::Ru),
        ("mi hijo tiene 6 semanas, tiene fiebre", Lang::Es),
        ("my son is 6 weeks, he feels hot", Lang::En),
        ("she's two weeks old and burning up", Lang::En),
    ];
    for (q, lang) in signs {
        assert_eq!(missed(lang, &[(q, "rf-baby-fever")]), Vec::<String>::new());
    }
}
