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
