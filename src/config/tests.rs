use super::*;

fn args(token: Option<&str>, api: Option<&str>) -> BotArgs {
    BotArgs {
        token: token.map(str::to_owned),
        api_url: api.map(str::to_owned),
        database_url: DEFAULT_DATABASE_URL.into(),
        log: "info".into(),
        timezone: Tz::UTC,
        send_limits: SendLimits::default(),
        user_limit: 30,
        health_addr: None,
        reminder_lease: 120,
        storage_give_up: 900,
        mode: "polling".into(),
        stt_url: None,
        stt_key: None,
        stt_model: "whisper-1".into(),
        stt_timeout: 30,
        webapp_url: None,
        webapp_listen: "127.0.0.1:8081".parse().unwrap(),
        semantic: true,
    }
}

#[test]
fn matching_by_meaning_is_on_unless_turned_off() {
    use clap::Parser;
    let semantic = |extra: &[&str]| {
        let argv = ["milkbot"].iter().chain(extra).copied();
        Cli::try_parse_from(argv).map(|cli| cli.bot.semantic)
    };
    assert_eq!(semantic(&[]).ok(), Some(true));
    for (value, on) in [("off", false), ("no", false), ("0", false), ("on", true)] {
        assert_eq!(semantic(&["--semantic", value]).ok(), Some(on), "{value}");
    }
    assert!(semantic(&["--semantic", "maybe"]).is_err());
}

#[test]
fn the_board_is_off_without_a_url_and_wants_https() {
    let off = args(Some("1:a"), None).into_config(Mode::Polling).unwrap();
    assert!(off.webapp.is_none());
    let mut on = args(Some("1:a"), None);
    on.webapp_url = Some(" https://bot.example.com/board/ ".into());
    let webapp = on.into_config(Mode::Polling).unwrap().webapp.unwrap();
    assert_eq!(webapp.url.as_str(), "https://bot.example.com/board/");
    assert_eq!(webapp.listen, "127.0.0.1:8081".parse().unwrap());
    assert!(webapp_url("http://127.0.0.1:8081/").is_some());
    for bad in [
        "http://bot.example.com/board/",
        "bot.example.com",
        "ftp://x.org/",
    ] {
        let mut a = args(Some("1:a"), None);
        a.webapp_url = Some(bad.into());
        assert!(
            matches!(
                a.into_config(Mode::Polling),
                Err(ConfigError::BadWebappUrl(_))
            ),
            "{bad}"
        );
    }
}

#[test]
fn stt_url_names_the_transcription_endpoint_with_or_without_v1() {
    let endpoint = |raw: &str| transcription_endpoint(raw).map(|u| u.to_string());
    let want = "http://127.0.0.1:8000/v1/audio/transcriptions";
    for raw in [
        "http://127.0.0.1:8000",
        "http://127.0.0.1:8000/",
        "http://127.0.0.1:8000/v1",
        " http://127.0.0.1:8000/v1/ ",
        "http://127.0.0.1:8000/v1/audio/transcriptions",
    ] {
        assert_eq!(endpoint(raw).as_deref(), Some(want), "{raw}");
    }
    assert_eq!(
        endpoint("https://example.org/stt/v1").as_deref(),
        Some("https://example.org/stt/v1/audio/transcriptions")
    );
    for bad in ["", "127.0.0.1:8000", "ftp://x.org", "not a url"] {
        assert_eq!(endpoint(bad), None, "{bad}");
    }
}

#[test]
fn stt_is_off_without_a_url_and_its_key_is_hidden() {
    let off = args(Some("1:a"), None).into_config(Mode::Polling).unwrap();
    assert!(off.stt.is_none());
    let mut on = args(Some("1:a"), None);
    on.stt_url = Some("http://127.0.0.1:8000/v1".into());
    on.stt_key = Some("sk-secret".into());
    on.stt_timeout = 7;
    let stt = on.into_config(Mode::Polling).unwrap().stt.unwrap();
    assert_eq!(stt.model, "whisper-1");
    assert_eq!(stt.key.as_deref(), Some("sk-secret"));
    assert_eq!(stt.timeout, Duration::from_secs(7));
    assert!(!format!("{stt:?}").contains("sk-secret"));
    let mut bad = args(Some("1:a"), None);
    bad.stt_url = Some("localhost:8000".into());
    assert!(matches!(
        bad.into_config(Mode::Polling),
        Err(ConfigError::BadSttUrl(_))
    ));
}

#[test]
fn webhook_settings_are_checked() {
    let w = |url: &str, secret: &str| WebhookArgs {
        url: url.into(),
        secret: secret.into(),
        listen: "127.0.0.1:8080".parse().unwrap(),
    };
    assert!(matches!(
        w("https://bot.example.com/tg", "s3cret_-").into_mode(),
        Ok(Mode::Webhook(_))
    ));
    assert!(matches!(
        w("bot.example.com/tg", "s").into_mode(),
        Err(ConfigError::BadWebhookUrl(_))
    ));
    for path in ["/:token", "/tg/*rest", "/a/:b/c"] {
        let url = format!("https://bot.example.com{path}");
        let refused = w(&url, "s").into_mode();
        assert!(
            matches!(&refused, Err(ConfigError::BadWebhookPath(p)) if p == path),
            "{path}: {refused:?}"
        );
    }
    // ':' and '*' inside a segment are fine (axum reads only a leading one).
    assert!(matches!(
        w("https://bot.example.com/tg:1/a*b", "s").into_mode(),
        Ok(Mode::Webhook(_))
    ));
    assert!(matches!(
        w("https://x.org/", "no spaces").into_mode(),
        Err(ConfigError::BadWebhookSecret)
    ));
    assert!(matches!(
        w("https://x.org/", "").into_mode(),
        Err(ConfigError::BadWebhookSecret)
    ));
}

#[test]
fn send_limits_parse() {
    let l = parse_limits("1, 20,20,30").unwrap();
    assert_eq!((l.per_chat_per_sec, l.overall_per_sec), (1, 30));
    for bad in ["", "1,2,3", "1,2,3,x", "0,20,20,30", "1,2,3,4,5"] {
        assert!(parse_limits(bad).is_err(), "{bad}");
    }
}

#[test]
fn token_is_required_and_checked() {
    assert!(matches!(
        args(None, None).into_config(Mode::Polling),
        Err(ConfigError::MissingToken)
    ));
    assert!(matches!(
        args(Some("  "), None).into_config(Mode::Polling),
        Err(ConfigError::MissingToken)
    ));
    assert!(matches!(
        args(Some("not a token"), None).into_config(Mode::Polling),
        Err(ConfigError::MalformedToken)
    ));
    let ok = args(Some("123456:ABC-def_9"), None)
        .into_config(Mode::Polling)
        .unwrap();
    assert_eq!(ok.token, "123456:ABC-def_9");
    assert!(ok.api_url.is_none());
}

#[test]
fn api_url_must_be_http() {
    assert!(matches!(
        args(Some("1:a"), Some("ftp://x")).into_config(Mode::Polling),
        Err(ConfigError::BadApiUrl(_))
    ));
    let ok = args(Some("1:a"), Some("http://127.0.0.1:8081"))
        .into_config(Mode::Polling)
        .unwrap();
    assert_eq!(ok.api_url.unwrap().port(), Some(8081));
}

#[test]
fn unknown_timezone_is_named() {
    assert!(
        parse_tz("Mars/Olympus")
            .unwrap_err()
            .contains("Mars/Olympus")
    );
    assert_eq!(
        parse_tz("Europe/London").unwrap(),
        chrono_tz::Europe::London
    );
}
