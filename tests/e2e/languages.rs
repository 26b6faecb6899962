//! Languages: the command menu and description per Telegram language, each chat spoken
//! to in its own language (first contact, /language), a group's choice apart from its
//! members' private chats, one reminder worded for each of the chats it reaches, and
//! the /export CSV's words in the chat's language.

use crate::support;

use milkbot::domain::{Lang, steps};

use serde_json::Value;
use support::TestBot;

/// The `param` of each call of `method`, by its `language_code` ("" for the default).
fn per_language(bot: &TestBot, method: &str) -> Vec<(String, Value)> {
    bot.api
        .calls()
        .into_iter()
        .filter(|c| c.method == method)
        .map(|c| {
            let code = c.params["language_code"].as_str().unwrap_or("").to_owned();
            (code, c.params)
        })
        .collect()
}

#[tokio::test]
async fn the_menu_and_the_description_are_set_in_each_language() {
    let mut bot = TestBot::start().await;
    bot.idle().await;
    let menus = per_language(&bot, "setmycommands");
    let codes: Vec<&str> = menus.iter().map(|(c, _)| c.as_str()).collect();
    assert_eq!(codes, ["", "es", "ru"]);
    let describe = |code: &str, command: &str| -> String {
        let (_, params) = menus.iter().find(|(c, _)| c == code).unwrap();
        let list = params["commands"].as_array().unwrap();
        let entry = list.iter().find(|e| e["command"] == command).unwrap();
        entry["description"].as_str().unwrap().to_owned()
    };
    assert_eq!(describe("", "stash"), "your stash, and what to use first");
    assert_eq!(describe("es", "stash"), "tu reserva y qué usar primero");
    assert_eq!(
        describe("ru", "stash"),
        "ваш запас и что использовать первым"
    );
    assert_eq!(describe("ru", "language"), "язык, на котором я говорю");
    for (method, field) in [
        ("setmydescription", "description"),
        ("setmyshortdescription", "short_description"),
    ] {
        let texts = per_language(&bot, method);
        let codes: Vec<&str> = texts.iter().map(|(c, _)| c.as_str()).collect();
        assert_eq!(codes, ["", "es", "ru"], "{method}");
        let es = texts[1].1[field].as_str().unwrap();
        assert!(es.contains("leche"), "{method}: {es}");
        let ru = texts[2].1[field].as_str().unwrap();
        assert!(ru.contains("молок"), "{method}: {ru}");
    }
    bot.stop().await;
}

#[tokio::test]
async fn language_switches_and_the_next_reply_follows() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(1801, "Lucía").speaking("es-MX");
    let hello = chat.say("/start").await;
    assert!(
        hello.text().starts_with("¡Hola, Lucía! Soy milkbot"),
        "{}",
        hello.text()
    );
    assert!(
        hello.text().contains("no consejo médico"),
        "{}",
        hello.text()
    );
    let keys = hello.reply_keyboard();
    assert!(keys.iter().any(|k| k == "🧊 Reserva"), "{keys:?}");
    chat.next_message().await; // which timezone

    let menu = chat.say("/language").await;
    assert!(menu.text().contains("¿En qué idioma"), "{}", menu.text());
    chat.tap(menu.sent_id.unwrap(), "Русский");
    let done = chat.next_edit().await;
    assert_eq!(done.text(), "✔ Готово: теперь я говорю по-русски.");
    let keyboard = chat.next_message().await;
    assert!(
        keyboard.reply_keyboard().iter().any(|k| k == "🧊 Запас"),
        "{:?}",
        keyboard.reply_keyboard()
    );
    let help = chat.say("/help").await;
    assert!(
        help.text().starts_with("<b>Что я умею</b>"),
        "{}",
        help.text()
    );
    assert!(
        help.text()
            .contains("/language – язык, на котором я говорю")
    );
    // The Telegram language no longer decides: the choice is kept.
    let again = chat.say("/start").await;
    assert!(
        again.text().starts_with("Здравствуйте, Lucía!"),
        "{}",
        again.text()
    );
    chat.next_message().await; // which timezone
    bot.stop().await;
}

#[tokio::test]
async fn a_group_speaks_its_language_and_each_member_theirs_in_private() {
    let mut bot = TestBot::start().await;
    let mut group = bot.group(-1802, "Familia", 1803, "Marta").speaking("es");
    let hello = group.say("/start").await;
    assert!(
        hello.text().starts_with("¡Hola, Marta!"),
        "{}",
        hello.text()
    );
    group.next_message().await; // which timezone
    // A Russian-speaking member in the group hears the group's language.
    let mut ivan_there = group.as_user(1804, "Иван").speaking("ru");
    let help = ivan_there.say("/help").await;
    assert!(
        help.text().starts_with("<b>Lo que puedo hacer</b>"),
        "{}",
        help.text()
    );
    group.catch_up();
    let family = group.say("/family").await;
    assert!(
        family.text().starts_with("👪 <b>Familia</b>"),
        "{}",
        family.text()
    );
    // In private, he hears his own.
    let mut ivan = bot.private(1804, "Иван").speaking("ru");
    let hello = ivan.say("/start").await;
    assert!(
        hello.text().starts_with("Здравствуйте, Иван!"),
        "{}",
        hello.text()
    );
    ivan.next_message().await; // which timezone
    // The settings offer the language, in it.
    let settings = ivan.say("/settings").await;
    let labels: Vec<String> = settings.buttons().into_iter().map(|b| b.0).collect();
    assert!(labels.iter().any(|l| l == "🌐 Язык: Русский"), "{labels:?}");
    bot.stop().await;
}

/// What a parent taps and reads in one language, from /start to a reminder and /stash.
struct Walk {
    code: &'static str,
    hello: &'static str,
    which_zone: &'static str,
    log_key: &'static str,
    how_much: &'static str,
    fridge: &'static str,
    now: &'static str,
    logged: &'static str,
    use_by: &'static str,
    reminder: &'static str,
    stash: &'static str,
}

async fn walk(user: i64, name: &str, w: Walk) {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(user, name).speaking(w.code);
    let hello = chat.say("/start").await;
    assert!(hello.text().starts_with(w.hello), "{}", hello.text());
    let zone = chat.next_message().await;
    assert!(zone.text().contains(w.which_zone), "{}", zone.text());
    let flow = chat.say(w.log_key).await;
    assert!(flow.text().contains(w.how_much), "{}", flow.text());
    let id = flow.sent_id.unwrap();
    chat.tap(id, "90");
    chat.next_edit().await;
    chat.tap(id, w.fridge);
    chat.next_edit().await;
    chat.tap(id, w.now);
    let done = chat.next_edit().await;
    assert!(done.text().contains(w.logged), "{}", done.text());
    assert!(done.text().contains(w.use_by), "{}", done.text());
    chat.nothing_more().await;
    // The day before the fridge limit (CDC: 4 days), pushed by the scheduler.
    bot.clock.advance(chrono::Duration::days(3));
    let reminder = chat.next_message().await;
    assert!(reminder.text().contains(w.reminder), "{}", reminder.text());
    let stash = chat.say("/stash").await;
    assert!(stash.text().contains(w.stash), "{}", stash.text());
    bot.stop().await;
}

#[tokio::test]
async fn a_spanish_speaking_parent_logs_is_reminded_and_sees_the_stash() {
    walk(
        1805,
        "Lucía",
        Walk {
            code: "es",
            hello: "¡Hola, Lucía!",
            which_zone: "¿en qué zona horaria estás?",
            log_key: "🍼 Anotar leche",
            how_much: "¿Cuánta?",
            fridge: "Nevera",
            now: "Ahora",
            logged: "Anotados 90 ml en la nevera.",
            use_by: "usar como tarde sáb 09:00 (caduca en 4 d)",
            reminder: "⏰ <b>90 ml</b> en la nevera, sacada mar 09:00: úsala como tarde mañana 09:00 (caduca en 1 d)",
            stash: "🧊 <b>Tu reserva</b>: 90 ml en 1 porción",
        },
    )
    .await;
}

#[tokio::test]
async fn a_russian_speaking_parent_logs_is_reminded_and_sees_the_stash() {
    walk(
        1806,
        "Ольга",
        Walk {
            code: "ru",
            hello: "Здравствуйте, Ольга!",
            which_zone: "в каком вы часовом поясе?",
            log_key: "🍼 Записать молоко",
            fridge: "Холодильник",
            how_much: "Сколько?",
            now: "Сейчас",
            logged: "Записано 90 мл в холодильнике.",
            use_by: "использовать до сб 09:00 (осталось 4 дн.)",
            reminder: "⏰ <b>90 мл</b> в холодильнике, сцежено вт 09:00: использовать до завтра 09:00 (осталось 1 дн.)",
            stash: "🧊 <b>Ваш запас</b>: 90 мл в 1 порции",
        },
    )
    .await;
}

#[tokio::test]
async fn storage_steps_answers_and_stats_follow_the_language() {
    let mut bot = TestBot::start().await;
    let mut es = bot.private(1807, "Lucía").speaking("es");
    let card = es.say("/storage").await;
    assert!(
        card.text()
            .contains("Tiempos de conservación: CDC (EE. UU.)"),
        "{}",
        card.text()
    );
    assert!(
        card.text().contains("Nevera: <b>4 días</b>"),
        "{}",
        card.text()
    );
    let step = es.say("/express").await;
    assert!(step.text().contains("Paso 1 de"), "{}", step.text());
    let answer = es.say("¿cuánto dura la leche en la nevera?").await;
    assert!(answer.text().contains("<i>Fuente: "), "{}", answer.text());
    assert!(
        answer
            .text()
            .contains("Orientación general, no consejo médico."),
        "{}",
        answer.text()
    );
    let mut ru = bot.private(1808, "Ольга").speaking("ru");
    let step = ru.say("/express").await;
    assert!(step.text().contains("Шаг 1 из"), "{}", step.text());
    let answer = ru
        .say("сколько хранится грудное молоко в холодильнике?")
        .await;
    assert!(answer.text().contains("<i>Источник: "), "{}", answer.text());
    assert!(
        answer
            .text()
            .contains("Общие рекомендации, не медицинский совет."),
        "{}",
        answer.text()
    );
    assert!(answer.text().contains("4 дн"), "{}", answer.text());
    let stats = ru.say("/stats").await;
    assert!(
        stats.text().starts_with("📊 <b>Ваши цифры</b>"),
        "{}",
        stats.text()
    );
    bot.stop().await;
}

/// A parent who gives the baby's age first gets the answer to the storage question, not the
/// small freezer compartment's "2 weeks".
#[tokio::test]
async fn a_babys_age_before_a_storage_question_is_not_read_as_a_storage_time() {
    let mut bot = TestBot::start().await;
    let cases = [
        (
            1811,
            "es",
            "mi hija tiene 2 semanas, ¿cuánto dura la leche en la nevera?",
            "Cuánto dura la leche en la nevera",
            "Congelador pequeño",
        ),
        (
            1812,
            "ru",
            "сыну 2 недели, сколько хранится молоко в холодильнике?",
            "Сколько молоко хранится в холодильнике",
            "Морозилка внутри холодильника",
        ),
    ];
    for (id, lang, question, title, not_title) in cases {
        let mut parent = bot.private(id, "Parent").speaking(lang);
        let answer = parent.say(question).await;
        assert!(answer.text().contains(title), "{}", answer.text());
        assert!(!answer.text().contains(not_title), "{}", answer.text());
    }
    bot.stop().await;
}

#[tokio::test]
async fn one_reminder_reaches_a_spanish_group_and_a_russian_member_each_in_their_language() {
    let mut bot = TestBot::start().await;
    let mut group = bot.group(-1809, "Familia", 1810, "Marta").speaking("es");
    group.say("/start").await;
    group.next_message().await; // which timezone
    let invite = group.say("/invite").await;
    let link = invite
        .text()
        .split_whitespace()
        .find(|w| w.starts_with("https://t.me/milk_test_bot?start=join_"))
        .expect("invite link")
        .to_owned();
    let payload = link.split("start=").nth(1).unwrap().to_owned();
    let mut ivan = bot.private(1811, "Иван").speaking("ru");
    let joined = ivan.say(&format!("/start {payload}")).await;
    assert!(
        joined.text().contains("Напоминания будут приходить сюда"),
        "{}",
        joined.text()
    );
    group.catch_up();
    let logged = group.say("/log 60 room").await;
    assert!(
        logged
            .text()
            .contains("Marta: anotados 60 ml a temperatura ambiente."),
        "{}",
        logged.text()
    );

    // Room milk: one reminder, two copies at once, each worded for its chat.
    bot.clock
        .advance(chrono::Duration::hours(3) + chrono::Duration::minutes(30));
    let in_group = group.next_message().await;
    let in_private = ivan.next_message().await;
    assert!(
        in_group
            .text()
            .starts_with("⏰ <b>60 ml</b> sacada hoy 09:00 está a temperatura ambiente"),
        "{}",
        in_group.text()
    );
    assert!(
        in_private
            .text()
            .starts_with("⏰ <b>60 мл</b>, сцежено сегодня 09:00, стоит при комнатной"),
        "{}",
        in_private.text()
    );
    // The same buttons (same batch, same data), labelled in each language.
    let data = |call: &support::fake_api::Call| -> Vec<String> {
        call.buttons().into_iter().map(|(_, d)| d).collect()
    };
    assert_eq!(data(&in_group), data(&in_private));
    // Both copies' deliveries are recorded once the scheduler is idle. Иван moves the
    // milk from his copy: his copy says so in Russian, the group's in Spanish.
    bot.idle().await;
    ivan.tap(in_private.sent_id.unwrap(), "🧊 В холодильник");
    let his = ivan.next_edit().await;
    assert!(
        his.text().starts_with("60 мл перенесено в холодильник."),
        "{}",
        his.text()
    );
    let theirs = group.next_edit().await;
    assert_eq!(theirs.message_id(), in_group.sent_id);
    assert!(
        theirs
            .text()
            .starts_with("Иван: 60 ml pasados a la nevera.\n\n🧊 <b>60 ml</b> en la nevera"),
        "{}",
        theirs.text()
    );
    // And back: Marta freezes it from the group's copy; Иван's copy follows in Russian.
    group.tap(in_group.sent_id.unwrap(), "❄\u{fe0f} Al congelador");
    let hers = group.next_edit().await;
    assert!(hers.text().contains("congelador"), "{}", hers.text());
    let his = ivan.next_edit().await;
    assert_eq!(his.message_id(), in_private.sent_id);
    assert!(
        his.text()
            .starts_with("Marta: 60 мл перенесено в морозилку."),
        "{}",
        his.text()
    );
    group.nothing_more().await;
    ivan.nothing_more().await;
    bot.stop().await;
}

/// The rows of the CSV that `/export` sends to `chat`, header first.
async fn exported(chat: &mut support::TestChat<'_>) -> Vec<Vec<String>> {
    chat.send("/export");
    let doc = chat.next_message().await;
    assert_eq!(doc.method, "senddocument");
    let (_, _, bytes) = doc.files.first().expect("a file").clone();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes.as_slice());
    reader
        .records()
        .map(|r| r.expect("csv row").iter().map(str::to_owned).collect())
        .collect()
}

#[tokio::test]
async fn the_export_is_worded_in_the_chats_language_with_plain_numbers_and_dates() {
    let mut bot = TestBot::start().await;
    let iso = |cell: &str| chrono::NaiveDateTime::parse_from_str(cell, "%Y-%m-%d %H:%M").is_ok();

    // Spanish: logged in the fridge, then frozen.
    let mut es = bot.private(1812, "Lucía").speaking("es");
    let logged = es.say("90 nevera").await;
    es.tap(logged.sent_id.unwrap(), "❄\u{fe0f} Al congelador");
    es.next_edit().await;
    let rows = exported(&mut es).await;
    assert_eq!(rows[0][..4], ["id_evento", "id_porcion", "hora", "evento"]);
    assert_eq!(rows.len(), 3, "{rows:?}");
    let (log, moved) = (&rows[1], &rows[2]);
    assert_eq!((log[3].as_str(), moved[3].as_str()), ("anotada", "movida"));
    assert_eq!((log[9].as_str(), log[10].as_str()), ("", "nevera"));
    assert_eq!(
        (moved[9].as_str(), moved[10].as_str()),
        ("nevera", "congelador")
    );
    assert_eq!((log[5].as_str(), log[6].as_str()), ("90", "ml"));
    for row in [log, moved] {
        assert!(iso(&row[2]) && iso(&row[7]) && iso(&row[11]), "{row:?}");
    }

    // Russian, in ounces: a decimal amount stays "2.5" (a plain number), the discard
    // reason and the undo are worded in Russian.
    let mut ru = bot.private(1813, "Ольга").speaking("ru");
    let settings = ru.say("/settings").await;
    ru.tap(
        settings.sent_id.unwrap(),
        "📏 Единицы: мл (переключить на унции)",
    );
    ru.next_edit().await;
    let logged = ru.say("2.5 унции холодильник").await;
    let id = logged.sent_id.unwrap();
    ru.tap(id, "🗑 Вылить…");
    ru.next_edit().await;
    ru.tap(id, "👃 Кислый запах");
    ru.next_edit().await;
    ru.tap(id, "↩\u{fe0f} Отменить");
    ru.next_edit().await;
    let rows = exported(&mut ru).await;
    assert_eq!(rows[0][3], "событие");
    let cells = |i: usize| -> Vec<&str> { rows[1..].iter().map(|r| r[i].as_str()).collect() };
    assert_eq!(cells(3), ["записано", "вылито", "отмена"], "{rows:?}");
    assert_eq!(cells(5), ["2.5", "2.5", "2.5"]);
    assert_eq!(cells(6), ["унц.", "унц.", "унц."]);
    assert_eq!(cells(10), ["холодильник", "холодильник", "холодильник"]);
    assert_eq!(cells(12), ["", "кислый запах; отменено", "отмена: вылито"]);
    assert!(rows[1..].iter().all(|r| iso(&r[2])), "{rows:?}");
    bot.stop().await;
}

/// Notes said before the chat's row is read (the slow-down note) or when it cannot be
/// read follow the language the chat chose, not the sender's Telegram language.
#[tokio::test]
async fn the_slow_down_note_follows_the_language_the_chat_chose() {
    let mut bot = TestBot::start_with(|c| c.user_actions_per_minute = 5).await;
    // Her Telegram is in English; she chooses Spanish.
    let mut ana = bot.private(1814, "Ana");
    ana.say("/start").await;
    ana.next_message().await; // which timezone
    let menu = ana.say("/language").await;
    ana.tap(menu.sent_id.unwrap(), "Español");
    ana.next_edit().await;
    ana.next_message().await; // the keyboard in Spanish
    // Three updates so far; the limit is five a minute.
    for i in 0..4 {
        ana.send(&format!("{} nevera", 50 + i));
    }
    let mut texts = Vec::new();
    for _ in 0..3 {
        texts.push(ana.next_message().await.text().to_owned());
    }
    assert_eq!(
        texts
            .iter()
            .filter(|t| t.starts_with("¡Eso es mucho de golpe!"))
            .count(),
        1,
        "{texts:?}"
    );
    assert_eq!(
        texts.iter().filter(|t| t.contains("Anotados")).count(),
        2,
        "{texts:?}"
    );
    bot.stop().await;
}

/// The walkthrough loads in every language, with as many steps as the English one and the
/// "switch sides" button on the same step.
#[test]
fn the_walkthrough_has_the_same_steps_in_every_language() {
    let english = steps::steps_for(Lang::En);
    for lang in Lang::ALL {
        let steps = match steps::try_steps_for(lang) {
            Ok(steps) => steps,
            Err(e) => panic!("the {} walkthrough: {e}", lang.code()),
        };
        assert_eq!(steps.len(), english.len(), "{}", lang.code());
        let switch = |s: &[steps::Step]| s.iter().position(|s| s.switch_sides);
        assert_eq!(switch(steps), switch(english), "{}", lang.code());
    }
}
