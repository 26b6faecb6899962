//! Logs typed as text (or spoken): read, stored, confirmed; several batches in one message; a log corrected by editing its message; `/log`.

use super::*;

pub async fn log(inc: Incoming, args: String) -> HandlerResult {
    if args.trim().is_empty() {
        let recent = inc.ctx.db.recent_batches(inc.family.id, 10).await?;
        return inc
            .reply(views::log_amount(inc.lang, &inc.family.settings, &recent))
            .await;
    }
    // Read like free text (several batches, a part not understood), never as a question.
    match shortcut::read(&args, inc.lang) {
        Reading::Question | Reading::Unclear => {
            inc.reply(Screen::text(m::log_not_understood(inc.lang)))
                .await
        }
        reading => log_reading(&inc, reading).await,
    }
}

/// Plain text: one or more milk logs if it reads as such; a log with a part not
/// understood gets what was understood and buttons for the rest; otherwise a question.
pub(super) async fn free_text(inc: &Incoming, text: &str) -> HandlerResult {
    match shortcut::read(text, inc.lang) {
        Reading::Question => {
            let faq = Faq::bundled_for(inc.lang);
            // Matched by meaning too once the model is ready (English only), unless the
            // operator turned that off or the gates decide without it (a warning sign, a
            // message out of scope: answered at once, never queued behind the model).
            let embedding = if inc.ctx.semantic && faq.needs_vector(text) {
                crate::embedding::embed_question(text).await
            } else {
                None
            };
            let reply = faq.ask_with(text, embedding.as_deref());
            inc.reply(views::faq_reply(
                inc.lang,
                faq,
                &reply,
                &inc.family.settings,
            ))
            .await
        }
        reading => log_reading(inc, reading).await,
    }
}

/// A text read as logs: one batch or several are logged (or asked about), and a log with
/// a part not understood gets what was understood and buttons for the rest.
async fn log_reading(inc: &Incoming, reading: Reading) -> HandlerResult {
    match reading {
        Reading::Logs(logs) if logs.len() > 1 => log_several(inc, logs).await,
        Reading::Logs(logs) => match logs.into_iter().next() {
            Some(log) => log_text(inc, log, inc.update_id).await,
            None => Ok(()),
        },
        Reading::Partial(log) => match log.place {
            // No place: the place buttons, then the time buttons.
            None => log_text(inc, log, inc.update_id).await,
            Some(place) => {
                let settings = &inc.family.settings;
                match typed_amount(inc.lang, &log, settings, inc.now) {
                    Ok((amount, _)) => {
                        inc.reply(views::log_when(inc.lang, amount, place, settings.unit))
                            .await
                    }
                    Err(text) => inc.reply(Screen::text(text)).await,
                }
            }
        },
        Reading::Question | Reading::Unclear => {
            inc.reply(Screen::text(m::log_not_understood(inc.lang)))
                .await
        }
    }
}

/// The key that keeps the `k`-th batch of one message from being logged twice when the
/// update is handled again: the update id for the first, then negative numbers that no
/// Telegram update id takes.
fn batch_key(update_id: i64, k: usize) -> i64 {
    match i64::try_from(k) {
        Ok(0) | Err(_) => update_id,
        Ok(k) => -(update_id.saturating_mul(64).saturating_add(k)),
    }
}

/// A typed batch with nothing left to ask: what to store, and a note on the clock.
struct Ready {
    new: NewBatch,
    clock_note: Option<String>,
}

/// What a typed log needs before it is stored: the batch, or the screen that asks for
/// what is missing (the place, the time, a check of an unusual amount) or says what is
/// wrong.
fn prepare(inc: &Incoming, log: &LogText) -> Result<Ready, Screen> {
    let settings = &inc.family.settings;
    let unit = settings.unit;
    let (amount, sides) = typed_amount(inc.lang, log, settings, inc.now).map_err(Screen::text)?;
    let fix = plausible_correction(amount);
    let Some(place) = log.place else {
        return Err(match fix {
            Some(fix) => views::implausible_log(inc.lang, amount, fix, None, unit),
            None => views::log_place(inc.lang, amount, unit),
        });
    };
    // "5/6" when both 5 June and 6 May have come: ask which, by name.
    if let Some(when) = log.when {
        let dates = shortcut::slash_readings(when, inc.now, settings.tz);
        if !dates.is_empty() {
            return Err(views::which_date(
                inc.lang, amount, place, when, &dates, settings,
            ));
        }
    }
    let mut clock_note = None;
    let expressed_at = match log.when {
        None => inc.now,
        Some(when) => match shortcut::resolve(when, inc.now, settings.tz) {
            Ok(t) => {
                clock_note = shortcut::clock_note(when, t, settings.tz).map(|note| {
                    let typed = match when {
                        shortcut::When::At { hour, minute, .. } => format!("{hour:02}:{minute:02}"),
                        _ => String::new(),
                    };
                    let read = t.with_timezone(&settings.tz).format("%H:%M").to_string();
                    m::clock_note(inc.lang, note, &typed, &zone_label(settings.tz), &read)
                });
                t
            }
            Err(e) => {
                let mut screen = views::log_when(inc.lang, amount, place, unit);
                screen.text = format!("{}\n\n{}", m::time_error(inc.lang, &e), screen.text);
                return Err(screen);
            }
        },
    };
    if let Some(fix) = fix {
        return Err(views::implausible_log(
            inc.lang,
            amount,
            fix,
            Some((place, expressed_at)),
            unit,
        ));
    }
    let new = NewBatch {
        amount,
        place,
        expressed_at,
        sides,
    };
    Ok(Ready { new, clock_note })
}

/// Stores a typed batch. `update_key` marks the change as done (the update id, or a key
/// per batch of a message).
async fn store_typed(
    inc: &Incoming,
    new: NewBatch,
    update_key: i64,
) -> Result<Logged, super::HandlerError> {
    let origin = Origin {
        chat_id: inc.msg.chat.id.0,
        message_id: i64::from(inc.msg.id.0),
    };
    let logged = app::log_batch(
        &inc.ctx.db,
        &inc.family,
        &inc.actor,
        new,
        // Only the first batch of a message is the one a message edit corrects.
        (update_key == inc.update_id).then_some(origin),
        Some(update_key),
        inc.now,
    )
    .await?;
    Ok(logged)
}

/// Logs a batch typed as text, or asks for what is missing with buttons. `update_key`
/// marks the change as done (the update id, or a key per batch of a message).
pub(super) async fn log_text(inc: &Incoming, log: LogText, update_key: i64) -> HandlerResult {
    let ready = match prepare(inc, &log) {
        Ok(ready) => ready,
        Err(screen) => return inc.reply(screen).await,
    };
    let settings = &inc.family.settings;
    let unit = settings.unit;
    match store_typed(inc, ready.new, update_key).await? {
        Logged::New(row) | Logged::Again(row) => {
            let headline = m::did(
                inc.lang,
                inc.who(),
                &m::logged_phrase(inc.lang, row.state.amount, row.logged_place, unit),
            );
            inc.reply(views::logged_card(
                inc.lang,
                format!("✅ {headline}"),
                &row,
                settings,
                inc.now,
                ready.clock_note,
            ))
            .await
        }
        Logged::Invalid(e) => {
            inc.reply(Screen::text(m::batch_error(
                inc.lang,
                &e,
                unit,
                inc.now,
                settings.tz,
            )))
            .await
        }
        Logged::Full { stored } => {
            inc.reply(Screen::text(m::stash_full(inc.lang, stored)))
                .await
        }
    }
}

/// Several batches typed in one message. When none needs a question, all are stored and
/// one confirmation lists them, each batch's buttons one tap away; otherwise each batch
/// is handled on its own, with its own question.
async fn log_several(inc: &Incoming, logs: Vec<LogText>) -> HandlerResult {
    let ready: Option<Vec<Ready>> = logs.iter().map(|log| prepare(inc, log).ok()).collect();
    let Some(ready) = ready else {
        for (k, log) in logs.into_iter().enumerate() {
            log_text(inc, log, batch_key(inc.update_id, k)).await?;
        }
        return Ok(());
    };
    let settings = &inc.family.settings;
    let mut rows = Vec::new();
    let mut notes = Vec::new();
    for (k, ready) in ready.into_iter().enumerate() {
        match store_typed(inc, ready.new, batch_key(inc.update_id, k)).await? {
            Logged::New(row) | Logged::Again(row) => rows.push(row),
            Logged::Invalid(e) => {
                notes.push(m::batch_error(
                    inc.lang,
                    &e,
                    settings.unit,
                    inc.now,
                    settings.tz,
                ));
            }
            Logged::Full { stored } => notes.push(m::stash_full(inc.lang, stored)),
        }
        notes.extend(ready.clock_note);
    }
    let screen = views::logged_list(inc.lang, inc.who(), &rows, &notes, settings, inc.now);
    inc.reply(screen).await
}

/// A message was edited. When it is the message that logged a batch, the batch is
/// corrected (early, while nothing else was done to it, never to a later deadline), or
/// the parent hears why not. Other edits change nothing.
pub async fn on_edited_message(
    bot: TgBot,
    msg: Message,
    update: Update,
    ctx: Arc<Ctx>,
) -> HandlerResult {
    edited(&bot, &msg, &update, &ctx).await
}

async fn edited(bot: &TgBot, msg: &Message, update: &Update, ctx: &Ctx) -> HandlerResult {
    let (Some(text), Some(user)) = (msg.text(), msg.from.as_ref()) else {
        return Ok(());
    };
    // Only a chat the bot knows can have logged a batch.
    let Some(chat) = ctx.db.chat(msg.chat.id.0).await? else {
        return Ok(());
    };
    let lang = chat.lang();
    let origin = Origin {
        chat_id: msg.chat.id.0,
        message_id: i64::from(msg.id.0),
    };
    let Some(row) = ctx.db.batch_by_origin(chat.family_id, origin).await? else {
        return Ok(());
    };
    let family = ctx.db.family(chat.family_id).await?;
    let settings = &family.settings;
    let now = ctx.clock.now();
    let out = Sender {
        bot,
        chat: msg.chat.id,
    };
    // "/log 90 fridge" or "@bot 90 fridge": the log is the rest.
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| !w.starts_with('@') && !w.starts_with("/log"))
        .collect();
    let Parsed::Log(log) = shortcut::parse(&words.join(" "), lang) else {
        out.send(Screen::text(m::edit_not_a_log(lang))).await?;
        return Ok(());
    };
    let (amount, sides) = match typed_amount(lang, &log, settings, now) {
        Ok(read) => read,
        Err(text) => {
            out.send(Screen::text(text)).await?;
            return Ok(());
        }
    };
    // Times read as if typed when the message was first sent.
    let expressed_at = match log.when {
        None => Ok(row.created_at),
        Some(when) => shortcut::resolve(when, row.created_at, settings.tz),
    };
    let expressed_at = match expressed_at {
        Ok(at) => at,
        Err(e) => {
            out.send(Screen::text(m::time_error(lang, &e))).await?;
            return Ok(());
        }
    };
    let new = NewBatch {
        amount,
        place: log.place.unwrap_or(row.logged_place),
        expressed_at,
        sides,
    };
    let actor = Actor {
        id: user.id.0 as i64,
        name: user.first_name.clone(),
    };
    let update_id = Some(i64::from(update.id.0));
    let relogged = app::relog(&ctx.db, &family, &actor, row, new, update_id, now, false);
    let who = (!msg.chat.is_private()).then_some(actor.name.as_str());
    // More time for the milk: show both deadlines and ask first.
    let screen = match relogged.await? {
        Relogged::Refused {
            batch,
            why: BatchError::LaterDeadline { old, new: later },
        } => views::confirm_relog(lang, &batch, &new, (old, later), settings, now),
        Relogged::Done { after, .. } => {
            let phrase =
                m::relogged_phrase(lang, after.state.amount, after.state.place, settings.unit);
            let headline = format!("✏️ {}", m::did(lang, who, &phrase));
            views::batch_card(lang, Some(headline), &after, settings, now)
        }
        Relogged::Refused { why, .. } => {
            Screen::text(m::batch_error(lang, &why, settings.unit, now, settings.tz))
        }
        Relogged::Again(row) => views::batch_card(lang, None, &row, settings, now),
    };
    out.send(screen).await?;
    Ok(())
}
