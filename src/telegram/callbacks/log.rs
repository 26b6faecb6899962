//! Buttons of logging by taps: amount, place, when; "Type it" for a time or place; the log itself.

use super::*;

pub async fn log_start(press: Press) -> HandlerResult {
    let recent = press.ctx.db.recent_batches(press.family.id, 10).await?;
    press
        .show(views::log_amount(
            press.lang,
            &press.family.settings,
            &recent,
        ))
        .await
}

pub async fn log_amount(press: Press, ml: u32) -> HandlerResult {
    let unit = press.family.settings.unit;
    press.show(views::log_place(press.lang, Ml(ml), unit)).await
}

pub async fn log_place(press: Press, (ml, place): (u32, Place)) -> HandlerResult {
    let unit = press.family.settings.unit;
    press
        .show(views::log_when(press.lang, Ml(ml), place, unit))
        .await
}

pub async fn log_earlier(press: Press, (ml, place): (u32, Place)) -> HandlerResult {
    let unit = press.family.settings.unit;
    press
        .show(views::log_earlier(press.lang, Ml(ml), place, unit))
        .await
}

pub async fn log_cancel(press: Press) -> HandlerResult {
    // A time or place typed after "Type it" must not log what was cancelled.
    press
        .ctx
        .db
        .reply_handled(press.chat.0, press.actor.id, None)
        .await?;
    press.show(Screen::text(m::log_cancelled(press.lang))).await
}

/// "Type it" for the time of a batch not logged yet: the presser's next text here is
/// read as the time, and logs it.
pub async fn log_type_time(press: Press, (ml, place): (u32, Place)) -> HandlerResult {
    let pending = Pending {
        ml: Ml(ml),
        place: Some(place),
    };
    await_pending(&press, Awaited::LogTime, pending).await?;
    let unit = press.family.settings.unit;
    let screen = views::log_type_time(press.lang, Ml(ml), place, unit, press.in_group);
    press.show(screen).await
}

/// "Type it" for the place of a batch not logged yet: the presser's next text here is
/// read as the place, then the time is asked.
pub async fn log_type_place(press: Press, ml: u32) -> HandlerResult {
    let pending = Pending {
        ml: Ml(ml),
        place: None,
    };
    await_pending(&press, Awaited::LogPlace, pending).await?;
    let unit = press.family.settings.unit;
    press
        .show(views::log_type_place(
            press.lang,
            Ml(ml),
            unit,
            press.in_group,
        ))
        .await
}

async fn await_pending(press: &Press, kind: Awaited, pending: Pending) -> HandlerResult {
    let reply = AwaitedReply {
        family_id: press.family.id,
        batch_id: None,
        kind,
        pending: Some(pending),
    };
    let now = press.ctx.clock.now();
    press
        .ctx
        .db
        .await_reply(press.chat.0, press.actor.id, reply, now)
        .await?;
    Ok(())
}

/// Log, expressed this many minutes before the press.
pub async fn log_ago(press: Press, (ml, place, ago_min): (u32, Place, u32)) -> HandlerResult {
    let at = press.ctx.clock.now() - Duration::minutes(ago_min.into());
    let note = log_commit(&press, Ml(ml), place, at).await?;
    press.noted(note)
}

/// Log, expressed at this minute since the Unix epoch.
pub async fn log_at(press: Press, (ml, place, at_min): (u32, Place, u32)) -> HandlerResult {
    let now = press.ctx.clock.now();
    let at = chrono::DateTime::from_timestamp(i64::from(at_min) * 60, 0).unwrap_or(now);
    let note = log_commit(&press, Ml(ml), place, at).await?;
    press.noted(note)
}

async fn log_commit(
    press: &Press,
    ml: Ml,
    place: Place,
    expressed_at: chrono::DateTime<chrono::Utc>,
) -> Result<Option<String>, HandlerError> {
    let ctx = &*press.ctx;
    let now = ctx.clock.now();
    let settings = &press.family.settings;
    let new = NewBatch {
        amount: ml,
        place,
        expressed_at,
        sides: Sides::default(),
    };
    // The flow message is the origin: pressing twice on it never logs twice.
    let origin = Origin {
        chat_id: press.chat.0,
        message_id: i64::from(press.message.0),
    };
    let logged = app::log_batch(
        &ctx.db,
        &press.family,
        &press.actor,
        new,
        Some(origin),
        press.update_id,
        now,
    )
    .await?;
    match logged {
        Logged::New(row) => {
            let headline = m::did(
                press.lang,
                press.who(),
                &m::logged_phrase(press.lang, row.state.amount, place, settings.unit),
            );
            press
                .show(views::logged_card(
                    press.lang,
                    format!("✅ {headline}"),
                    &row,
                    settings,
                    now,
                    None,
                ))
                .await?;
            Ok(None)
        }
        Logged::Again(row) => {
            press
                .show(views::batch_card(press.lang, None, &row, settings, now))
                .await?;
            Ok(Some(m::already_logged(press.lang)))
        }
        Logged::Invalid(e) => Ok(Some(m::batch_error(
            press.lang,
            &e,
            settings.unit,
            now,
            settings.tz,
        ))),
        Logged::Full { stored } => {
            press
                .show(Screen::text(m::stash_full(press.lang, stored)))
                .await?;
            Ok(None)
        }
    }
}
