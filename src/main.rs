//! The `milkbot` command: runs the bot, or answers a question offline.

use std::process::ExitCode;

use clap::Parser;
use milkbot::config::{Cli, Command, Mode};

fn main() -> ExitCode {
    // A missing .env is fine; a broken one is worth a warning.
    if let Err(e) = dotenvy::dotenv()
        && !e.not_found()
    {
        eprintln!("milkbot: warning: could not read .env: {e}");
    }
    let cli = Cli::parse();
    model_on_one_thread();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => return fail(&format!("cannot start the async runtime: {e}")),
    };
    let result = runtime.block_on(async move {
        let command = match cli.command {
            Some(command) => command,
            None if cli.bot.mode.trim().eq_ignore_ascii_case("webhook") => {
                match clap::Parser::try_parse_from(["milkbot", "webhook"]) {
                    Ok(Cli {
                        command: Some(c), ..
                    }) => c,
                    Ok(_) => Command::Run,
                    Err(e) => return Err(first_line(&e.to_string())),
                }
            }
            None => Command::Run,
        };
        match command {
            Command::Run => run(cli.bot, Mode::Polling).await,
            Command::Webhook(hook) => match hook.into_mode() {
                Ok(mode) => run(cli.bot, mode).await,
                Err(e) => Err(e.to_string()),
            },
            Command::Backup { file } => backup(cli.bot, &file).await,
            Command::Migrate => migrate(cli.bot).await,
            Command::Ask {
                json,
                lang,
                question,
            } => ask(&question.join(" "), json, lang, cli.bot.semantic),
            Command::FaqVectors { out } => faq_vectors(&out),
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => fail(&message),
    }
}

/// The question-matching model (candle) computes on the thread that asks, unless told
/// otherwise. By default candle splits every matrix product of a question over a pool of
/// threads that spin while they wait, and reads /proc/cpuinfo to size that pool on every
/// product: with a question of a dozen tokens on a small machine, that costs more CPU than it
/// saves (400 chats of the throughput bench: 3.08 -> 2.61 ms CPU per update), and the bot
/// serves other chats on its other threads meanwhile. `RAYON_NUM_THREADS` (or
/// `CANDLE_NUM_THREADS`) set by the operator is left as it is.
fn model_on_one_thread() {
    if std::env::var_os("RAYON_NUM_THREADS").is_none()
        && std::env::var_os("CANDLE_NUM_THREADS").is_none()
    {
        // SAFETY: called at the top of `main`, before the runtime or any other thread
        // exists, so nothing reads the environment concurrently.
        unsafe { std::env::set_var("RAYON_NUM_THREADS", "1") };
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("milkbot: error: {message}");
    ExitCode::FAILURE
}

fn first_line(text: &str) -> String {
    text.lines()
        .next()
        .unwrap_or(text)
        .trim_start_matches("error: ")
        .to_owned()
}

async fn run(args: milkbot::config::BotArgs, mode: Mode) -> Result<(), String> {
    let log = args.log.clone();
    let token = args.token.clone().unwrap_or_default();
    let mut secrets = vec![token];
    if let Mode::Webhook(hook) = &mode {
        secrets.push(hook.secret.clone());
    }
    let config = args.into_config(mode).map_err(|e| e.to_string())?;
    milkbot::logging::init(&log, secrets);
    milkbot::startup::run(
        config,
        milkbot::clock::Clock::system(),
        milkbot::startup::stop_signal(),
    )
    .await
    .map_err(|e| e.to_string())
}

async fn migrate(args: milkbot::config::BotArgs) -> Result<(), String> {
    let db = milkbot::storage::Db::open(&args.database_url)
        .await
        .map_err(|e| e.to_string())?;
    db.close().await;
    println!(
        "database ready: {}",
        milkbot::storage::redact_url(&args.database_url)
    );
    Ok(())
}

/// `milkbot ask`: the bot's answer to a question in `lang`, as text or JSON.
fn ask(
    question: &str,
    json: bool,
    lang: milkbot::domain::Lang,
    semantic: bool,
) -> Result<(), String> {
    use milkbot::domain::faq::{Faq, Verdict};
    use milkbot::messages as m;
    milkbot::startup::check_content().map_err(|e| e.to_string())?;
    let faq = Faq::bundled_for(lang);
    let embedding = if semantic && faq.needs_vector(question) {
        milkbot::embedding::wait().and_then(|m| m.embed(question).ok())
    } else {
        None
    };
    let reply = faq.ask_with(question, embedding.as_deref());
    let matched = matches!(reply.verdict, Verdict::Answer | Verdict::RedFlag);
    let answer = match (matched, reply.topic) {
        (true, Some(topic)) => m::faq_answer_plain(lang, topic),
        _ if reply.verdict == Verdict::NotSure && !reply.alternatives.is_empty() => {
            let titles: Vec<&str> = reply
                .alternatives
                .iter()
                .map(|t| t.title.as_str())
                .collect();
            format!("{}\n- {}", m::not_sure(lang), titles.join("\n- "))
        }
        _ => m::out_of_scope(lang),
    };
    if json {
        let out = serde_json::json!({
            "matched": matched,
            "topic": reply.topic.filter(|_| matched).map(|t| t.id.as_str()),
            "score": reply.score,
            "answer": answer,
            "alternatives": reply.alternatives.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(),
        });
        println!("{out}");
    } else {
        println!("{answer}");
    }
    Ok(())
}

/// `milkbot backup FILE`: a consistent copy of the SQLite database, safe while the bot runs.
async fn backup(args: milkbot::config::BotArgs, file: &std::path::Path) -> Result<(), String> {
    if file.exists() {
        return Err(format!(
            "{} already exists: choose a new file",
            file.display()
        ));
    }
    let db = milkbot::storage::Db::open(&args.database_url)
        .await
        .map_err(|e| e.to_string())?;
    let result = db.backup_to(file).await.map_err(|e| e.to_string());
    db.close().await;
    result?;
    println!("backed up to {}", file.display());
    Ok(())
}

/// `milkbot faq-vectors`: recomputes the English topics' sentence vectors, and the classifier
/// learned from them, into `out`.
fn faq_vectors(out: &std::path::Path) -> Result<(), String> {
    use milkbot::domain::faq::{Faq, vectors};
    use milkbot::embedding::{Embedder, MODEL_ID, train_classifier};
    let faq = Faq::try_bundled().map_err(|e| format!("content/faq.toml: {e}"))?;
    let model = Embedder::load().map_err(|e| e.to_string())?;
    let started = std::time::Instant::now();
    let bytes = vectors::encode(
        faq.topics(),
        faq.not_ours(),
        MODEL_ID,
        |text| model.embed(text),
        train_classifier,
    )
    .map_err(|e| match e {
        vectors::EncodeError::Model(e) => e.to_string(),
        vectors::EncodeError::Missing => "a text has no vector".to_owned(),
    })?;
    std::fs::write(out, &bytes).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    println!(
        "wrote {} ({} bytes) in {:.1} s; rebuild to embed it",
        out.display(),
        bytes.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
