//! First contact: the real bot, through the fake Bot API, greets, helps and copes
//! with commands it does not know.

use crate::support;

use support::TestBot;

#[tokio::test]
async fn start_greets_and_shows_the_big_buttons() {
    let mut bot = TestBot::start().await;
    let commands = bot
        .api
        .calls()
        .into_iter()
        .find(|c| c.method == "setmycommands")
        .expect("command menu registered");
    let names: Vec<&str> = commands.params["commands"]
        .as_array()
        .expect("commands list")
        .iter()
        .filter_map(|c| c["command"].as_str())
        .collect();
    assert!(
        names.contains(&"start") && names.contains(&"help"),
        "{names:?}"
    );

    let mut chat = bot.private(1001, "Ana");
    let reply = chat.say("/start").await;
    assert!(reply.text().contains("Hi Ana!"), "{}", reply.text());
    assert!(reply.text().contains("stash"));
    let keys = reply.reply_keyboard();
    for key in ["🍼 Log milk", "🧊 Stash", "⚙️ Settings"] {
        assert!(keys.iter().any(|k| k == key), "missing {key} in {keys:?}");
    }
    assert_eq!(reply.params["reply_markup"]["is_persistent"], true);
    assert_eq!(reply.params["parse_mode"], "HTML");
    bot.stop().await;
}

#[tokio::test]
async fn unknown_commands_get_a_helpful_answer() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(1002, "Jo");
    let reply = chat.say("/frobnicate now").await;
    assert!(reply.text().contains("/frobnicate"), "{}", reply.text());
    assert!(reply.text().contains("/help"));
    assert!(!reply.reply_keyboard().is_empty(), "buttons offered");

    let help = chat.say("/help").await;
    assert!(help.text().contains("/start"));
    assert!(
        help.text().contains("IBCLC"),
        "medical disclaimer: {}",
        help.text()
    );
    bot.stop().await;
}

#[tokio::test]
async fn help_button_and_group_commands_addressed_to_the_bot() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(1003, "Sam");
    let help = chat.say("ℹ️ Help").await;
    assert!(help.text().contains("What I can do"), "{}", help.text());

    let mut group = bot.group(-5001, "Baby Jo's feeds", 1003, "Sam");
    // A command for another bot in the same group is not ours to answer: nothing at all
    // comes back (not only "the first reply is to the next command").
    group.send("/start@some_other_bot");
    group.nothing_more().await;
    let reply = group.say("/start@milk_test_bot").await;
    assert!(reply.text().contains("shared stash"), "{}", reply.text());
    assert!(!reply.text().contains("some_other_bot"));
    bot.stop().await;
}

#[tokio::test]
async fn unwritable_database_is_a_clear_error() {
    let bot = TestBot::start().await;
    let mut config = bot.config();
    config.database_url = "sqlite:///definitely/not/here/milkbot.db".into();
    let err = milkbot::startup::run(config, bot.clock.clone(), async {})
        .await
        .expect_err("cannot open");
    let text = err.to_string();
    assert!(text.contains("cannot open the database"), "{text}");
}

#[tokio::test]
async fn a_rejected_token_is_a_clear_error() {
    let bot = TestBot::start().await;
    let mut config = bot.config();
    config.token = "999:wrong-token".into();
    let err = milkbot::startup::run(config, bot.clock.clone(), async {})
        .await
        .expect_err("token rejected");
    assert!(err.to_string().contains("rejected the bot token"), "{err}");
    assert!(!err.to_string().contains("wrong-token"));
}
