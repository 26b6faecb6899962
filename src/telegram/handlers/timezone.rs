//! The family's timezone: `/timezone`, a city typed, or zones near a shared location.

use super::*;

/// How many timezones a shared location offers.
const LOCATION_ZONES: usize = 5;
pub async fn zone_choices(inc: Incoming, (latitude, longitude): (f64, f64)) -> HandlerResult {
    let zones = zones_near(latitude, longitude, inc.now, LOCATION_ZONES);
    inc.reply(views::zone_choices(inc.lang, &zones, inc.now))
        .await
}

pub async fn timezone(inc: Incoming, arg: String) -> HandlerResult {
    if arg.trim().is_empty() {
        return inc
            .reply(views::timezone_menu(inc.lang, &inc.family.settings))
            .await;
    }
    match parse_timezone(&arg) {
        Some(_) if let Some(why) = inc.refusal(Need::Settings).await? => {
            inc.reply(Screen::text(why)).await
        }
        Some(tz) => set_timezone(&inc, tz).await,
        None => {
            inc.reply(Screen::text(m::timezone_unknown(inc.lang, arg.trim())))
                .await
        }
    }
}

/// Sets the family's timezone (typed after /timezone or "Type a city"), announced in its
/// groups.
pub(super) async fn set_timezone(inc: &Incoming, tz: chrono_tz::Tz) -> HandlerResult {
    let ctx = &*inc.ctx;
    let settings = &inc.family.settings;
    let mut new = settings.clone();
    new.tz = tz;
    new.tz_chosen = true;
    app::change_settings(&ctx.db, &inc.family, new.clone(), inc.now).await?;
    let bot = &inc.bot;
    let who = &inc.actor.name;
    let announced =
        announce::settings_changed(bot, ctx, inc.family.id, who, settings, &new).await?;
    // In a group, the announcement is the answer.
    if announced && inc.in_group {
        return Ok(());
    }
    inc.reply(Screen::text(m::timezone_set(
        inc.lang,
        &zone_label(tz),
        inc.now,
        tz,
    )))
    .await
}
