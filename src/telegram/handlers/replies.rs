//! Replies the bot asked for ("Type it"): an amount, a time, a place, a city, what is left in a bottle.

use super::*;

/// A text answering "Change the amount/time" edits that batch; one answering "Type a
/// city" sets the timezone. Returns false when no reply was awaited, or the text is
/// something else (a new log ends the wait for an amount or time).
pub(super) async fn typed_reply(inc: &Incoming, text: &str) -> Result<bool, super::HandlerError> {
    let ctx = &*inc.ctx;
    let (chat, user) = (inc.msg.chat.id.0, inc.actor.id);
    let Some(awaited) = ctx
        .db
        .awaited_reply(chat, user, inc.update_id, inc.now)
        .await?
    else {
        return Ok(false);
    };
    if awaited.kind == Awaited::City {
        // Anything but a zone (an amount, a time) is handled as usual; the wait stays.
        let Some(tz) = parse_timezone(text).filter(|_| awaited.family_id == inc.family.id) else {
            return Ok(false);
        };
        if let Some(why) = inc.refusal(Need::Settings).await? {
            ctx.db.reply_handled(chat, user, None).await?;
            inc.reply(Screen::text(why)).await?;
            return Ok(true);
        }
        ctx.db
            .reply_handled(chat, user, Some(inc.update_id))
            .await?;
        set_timezone(inc, tz).await?;
        return Ok(true);
    }
    if let (Awaited::LogTime | Awaited::LogPlace, Some(pending)) = (awaited.kind, awaited.pending) {
        if awaited.family_id != inc.family.id {
            ctx.db.reply_handled(chat, user, None).await?;
            return Ok(false);
        }
        return pending_reply(inc, awaited.kind, pending, text).await;
    }
    // A zone while an amount or time is awaited is an ordinary message.
    if shortcut::parse_amount(text, inc.lang).is_none()
        && shortcut::parse_time(text, inc.lang).is_none()
    {
        return Ok(false);
    }
    let settings = &inc.family.settings;
    let unit = settings.unit;
    let batch = awaited
        .batch_id
        .filter(|_| awaited.family_id == inc.family.id);
    let found = match batch {
        Some(id) => ctx.db.batch(inc.family.id, id).await?,
        None => None,
    };
    let row = match found {
        Some(row) => row,
        _ => {
            ctx.db.reply_handled(chat, user, None).await?;
            return Ok(false);
        }
    };
    // None: not a reply of this kind; Some(None): one, but not a usable value.
    let read: Option<Option<Action>> = match awaited.kind {
        Awaited::Amount => {
            shortcut::parse_amount(text, inc.lang).map(|a| a.to_ml(unit).map(Action::SetAmount))
        }
        Awaited::Time => shortcut::parse_time(text, inc.lang).map(|when| {
            shortcut::resolve(when, inc.now, settings.tz)
                .ok()
                .map(Action::SetExpressed)
        }),
        // The amount left; when the feed ended is asked next, as after the buttons.
        Awaited::Leftover => shortcut::parse_amount(text, inc.lang).map(|a| {
            a.to_ml(unit)
                .filter(|ml| ml.get() > 0)
                .map(|left| Action::Leftover {
                    left,
                    ended_at: inc.now,
                })
        }),
        Awaited::City | Awaited::LogTime | Awaited::LogPlace => None,
    };
    let action = match read {
        Some(Some(action)) => action,
        None if matches!(shortcut::parse(text, inc.lang), Parsed::Log(_)) => {
            // A new log, not the awaited reply.
            ctx.db.reply_handled(chat, user, None).await?;
            return Ok(false);
        }
        _ => {
            let hint = m::reply_not_understood(inc.lang, awaited.kind);
            inc.reply(Screen::text(hint)).await?;
            return Ok(true);
        }
    };
    if let Action::Leftover { left, .. } = action {
        if left > row.state.amount {
            // Still waiting: the next text may be the right amount.
            let text = m::leftover_too_much(inc.lang, left, row.state.amount, unit);
            return inc.reply(Screen::text(text)).await.map(|()| true);
        }
        ctx.db
            .reply_handled(chat, user, Some(inc.update_id))
            .await?;
        return inc
            .reply(views::leftover_when(
                inc.lang, &row, left, settings, inc.now,
            ))
            .await
            .map(|()| true);
    }
    ctx.db
        .reply_handled(chat, user, Some(inc.update_id))
        .await?;
    // The same checks as the buttons: an unusual amount or a later deadline asks first.
    if let Action::SetAmount(ml) = action
        && let Some(fix) = plausible_correction(ml)
        && ml.get() <= MAX_BATCH_ML
    {
        return inc
            .reply(views::implausible_edit(inc.lang, &row, ml, fix, unit))
            .await
            .map(|()| true);
    }
    if let Action::SetExpressed(at) = action
        && let Some(deadlines) = later_deadline(&row.state, action, inc.now, settings.guideline())
    {
        return inc
            .reply(views::confirm_time(
                inc.lang, &row, at, deadlines, settings, inc.now,
            ))
            .await
            .map(|()| true);
    }
    let version = row.version;
    let acted = app::act_on(
        &ctx.db,
        &inc.family,
        &inc.actor,
        row,
        version,
        Act::Apply(action),
        Some(inc.update_id),
        inc.now,
    )
    .await?;
    let screen = match acted {
        Acted::Done {
            before,
            after,
            act,
            used,
            undid,
        } => {
            let phrase = super::super::callbacks::done_phrase(
                inc.lang,
                &before,
                &after,
                act,
                (used, undid),
                settings,
                inc.now,
            );
            let headline = format!("✅ {}", m::did(inc.lang, inc.who(), &phrase));
            views::batch_card(inc.lang, Some(headline), &after, settings, inc.now)
        }
        Acted::Refused { batch, why } => {
            let note = m::batch_error(inc.lang, &why, unit, inc.now, settings.tz);
            views::batch_card(inc.lang, Some(note), &batch, settings, inc.now)
        }
        Acted::Stale { current }
        | Acted::Duplicate {
            current: Some(current),
        }
        | Acted::NothingToUndo { batch: current }
        | Acted::Snoozed { batch: current, .. } => {
            views::batch_card(inc.lang, None, &current, settings, inc.now)
        }
        Acted::NotFound | Acted::Duplicate { current: None } => {
            Screen::text(m::not_your_batch(inc.lang))
        }
    };
    inc.reply(screen).await.map(|()| true)
}

/// A text answering "Type it" for a batch not logged yet: a time logs it, a place asks
/// when. Returns false when the text is a new log instead (the wait ends).
async fn pending_reply(
    inc: &Incoming,
    kind: Awaited,
    pending: Pending,
    text: &str,
) -> Result<bool, super::HandlerError> {
    let db = &inc.ctx.db;
    let (chat, user) = (inc.msg.chat.id.0, inc.actor.id);
    let amount = Some(shortcut::Amount {
        value: f64::from(pending.ml.get()),
        unit: Some(Unit::Ml),
    });
    let log = |place, when| LogText {
        amount,
        left: None,
        right: None,
        place,
        when,
    };
    let read = match kind {
        Awaited::LogTime => shortcut::parse_time(text, inc.lang)
            .zip(pending.place)
            .map(|(when, place)| log(Some(place), Some(when))),
        _ => shortcut::parse_place(text, inc.lang).map(|place| log(Some(place), None)),
    };
    let Some(read) = read else {
        if matches!(shortcut::read(text, inc.lang), Reading::Logs(_)) {
            db.reply_handled(chat, user, None).await?;
            return Ok(false);
        }
        inc.reply(Screen::text(m::reply_not_understood(inc.lang, kind)))
            .await?;
        return Ok(true);
    };
    db.reply_handled(chat, user, Some(inc.update_id)).await?;
    match (read.place, read.when) {
        (Some(place), None) => {
            let unit = inc.family.settings.unit;
            inc.reply(views::log_when(inc.lang, pending.ml, place, unit))
                .await?;
        }
        _ => log_text(inc, read, inc.update_id).await?,
    }
    Ok(true)
}

/// The amount and sides of a typed log, or the message that says what is wrong.
pub(super) fn typed_amount(
    lang: Lang,
    log: &LogText,
    settings: &crate::domain::settings::Settings,
    now: DateTime<Utc>,
) -> Result<(Ml, Sides), String> {
    let unit = settings.unit;
    let side = |a: Option<shortcut::Amount>| -> Result<Option<Ml>, ()> {
        a.map(|a| a.to_ml(unit).ok_or(())).transpose()
    };
    let too_much = || {
        let too_much = BatchError::TooMuch {
            max: Ml(MAX_BATCH_ML),
        };
        m::batch_error(lang, &too_much, unit, now, settings.tz)
    };
    let (Ok(left), Ok(right), Ok(total)) = (side(log.left), side(log.right), side(log.amount))
    else {
        return Err(too_much());
    };
    // The sides added as typed, rounded once.
    let sides_sum = log.sides_total(unit).ok_or_else(too_much)?;
    let amount = match (total, sides_sum) {
        (Some(t), Some(s)) if t != s => return Err(m::sides_disagree(lang, t, s, unit)),
        (Some(t), _) => t,
        (None, Some(s)) => s,
        (None, None) => return Err(m::log_not_understood(lang)),
    };
    crate::domain::batch::check_amount(amount)
        .map_err(|e| m::batch_error(lang, &e, unit, now, settings.tz))?;
    Ok((amount, Sides { left, right }))
}
