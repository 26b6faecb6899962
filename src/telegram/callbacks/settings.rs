//! Buttons of /settings: guideline, unit, timezone, quiet hours, reminders, summaries.

use super::*;
use crate::telegram::keyboards::main_keyboard;

pub async fn settings(press: Press, act: SettingsAct) -> HandlerResult {
    let note = settings_press(&press, act).await?;
    press.noted(note)
}

async fn settings_press(press: &Press, act: SettingsAct) -> Result<Option<String>, HandlerError> {
    let ctx = &*press.ctx;
    let now = ctx.clock.now();
    let current = &press.family.settings;
    // Screens that only show something.
    let screen = match act {
        SettingsAct::Show => Some(views::settings(press.lang, current, now)),
        SettingsAct::LanguageMenu => Some(views::language_menu(press.lang, press.in_group, true)),
        SettingsAct::TimezoneMenu => Some(views::timezone_menu(press.lang, current)),
        SettingsAct::ProfileMenu => Some(views::profile_menu(press.lang, current)),
        SettingsAct::FridgeMenu => Some(views::fridge_menu(press.lang, current)),
        SettingsAct::RemindersMenu => Some(views::reminders_menu(press.lang, current)),
        SettingsAct::Close => Some(Screen::text(m::settings_closed(press.lang))),
        _ => None,
    };
    if let Some(screen) = screen {
        press.show(screen).await?;
        return Ok(None);
    }
    // Screens that come as a new message (the one pressed stays as it was).
    let message = match act {
        SettingsAct::ZoneQuestion => {
            let zones = zones_for_language(press.language.as_deref());
            Some(views::zone_question(
                press.lang,
                &zones,
                current,
                now,
                press.in_group,
            ))
        }
        // Telegram offers a location button in private chats only.
        SettingsAct::AskLocation if !press.in_group => Some(views::ask_location(press.lang)),
        SettingsAct::AskLocation | SettingsAct::AskCity => {
            // The presser's next text here is read as the city.
            let reply = AwaitedReply {
                family_id: press.family.id,
                batch_id: None,
                kind: Awaited::City,
                pending: None,
            };
            let (chat, user) = (press.chat.0, press.actor.id);
            ctx.db.await_reply(chat, user, reply, now).await?;
            let text = if press.in_group {
                m::ask_city_group(press.lang)
            } else {
                m::ask_city(press.lang)
            };
            Some(Screen::text(text))
        }
        _ => None,
    };
    if let Some(message) = message {
        press.out().send(message).await?;
        return Ok(None);
    }
    // Changes: for admins, unless the family lets everyone. Who may do what is itself
    // decided like removing a member, or anyone could open everything to everyone.
    let need = match act {
        SettingsAct::Access(_) => Need::Members,
        _ => Need::Settings,
    };
    let rights = family::rights(&press.bot, ctx, &press.family, press.actor.id, need).await?;
    if let Some(why) = rights.refusal(press.lang) {
        return Ok(Some(why));
    }
    let mut settings = current.clone();
    let mut reminders_screen = false;
    match act {
        // The language is the chat's, not the family's: each chat keeps its own.
        SettingsAct::Language(lang) => return set_language(press, lang).await,
        SettingsAct::Unit(unit) => settings.unit = unit,
        SettingsAct::Timezone(i) => {
            let Some(tz) = views::COMMON_TIMEZONES
                .get(usize::from(i))
                .and_then(|name| name.parse().ok())
            else {
                return Ok(Some(m::stale_button(press.lang)));
            };
            settings.tz = tz;
            settings.tz_chosen = true;
        }
        SettingsAct::Zone(tz) => {
            settings.tz = tz;
            settings.tz_chosen = true;
        }
        SettingsAct::Profile(p) => settings.profile = p,
        SettingsAct::Access(access) => settings.access = access,
        SettingsAct::Fridge(cold) => settings.cold_fridge = Some(cold),
        SettingsAct::Lead(class, minutes) => {
            if !class.choices().contains(&minutes) {
                return Ok(Some(m::stale_button(press.lang)));
            }
            settings.leads.set(class, minutes);
            reminders_screen = true;
        }
        SettingsAct::Quiet(i) => {
            let Some(preset) = QUIET_PRESETS.get(usize::from(i)) else {
                return Ok(Some(m::stale_button(press.lang)));
            };
            settings.quiet = preset.and_then(|(start, end)| QuietHours::new(start, end));
            reminders_screen = true;
        }
        SettingsAct::Morning(on) => {
            settings.morning_digest = on;
            reminders_screen = true;
        }
        SettingsAct::LowStash(days) => {
            let choice = (days > 0).then_some(u32::from(days));
            if !views::LOW_STASH_CHOICES.contains(&choice) {
                return Ok(Some(m::stale_button(press.lang)));
            }
            settings.low_stash_days = choice;
            reminders_screen = true;
        }
        SettingsAct::Weekly(on) => {
            settings.weekly_summary = on;
            reminders_screen = true;
        }
        SettingsAct::Show
        | SettingsAct::ZoneQuestion
        | SettingsAct::AskLocation
        | SettingsAct::AskCity
        | SettingsAct::TimezoneMenu
        | SettingsAct::ProfileMenu
        | SettingsAct::FridgeMenu
        | SettingsAct::RemindersMenu
        | SettingsAct::LanguageMenu
        | SettingsAct::Close => return Ok(None),
    }
    let family = app::change_settings(&ctx.db, &press.family, settings, now).await?;
    let who = &press.actor.name;
    super::super::announce::settings_changed(
        &press.bot,
        ctx,
        family.id,
        who,
        current,
        &family.settings,
    )
    .await?;
    let screen = if reminders_screen {
        views::reminders_menu(press.lang, &family.settings)
    } else if matches!(act, SettingsAct::Profile(_)) && family.settings.should_ask_fridge() {
        // Asked once, when a guideline that depends on it is chosen.
        views::fridge_menu(press.lang, &family.settings)
    } else {
        views::settings(press.lang, &family.settings, now)
    };
    press.show(screen).await?;
    Ok(None)
}

/// Speak `lang` in the chat pressed in: said in it, with the reply keyboard in it.
async fn set_language(press: &Press, lang: Lang) -> Result<Option<String>, HandlerError> {
    press.ctx.db.set_chat_lang(press.chat.0, lang).await?;
    press.ctx.langs.remember(press.chat.0, lang);
    press.show(Screen::text(m::language_set(lang))).await?;
    let keyboard = Screen::text(m::language_keyboard(lang)).with(main_keyboard(lang));
    press.out().send(keyboard).await?;
    Ok(None)
}
