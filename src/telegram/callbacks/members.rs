//! Buttons of family management: invites, joining, leaving, admins, forgetting.

use super::*;

pub async fn family(press: Press, act: FamilyAct) -> HandlerResult {
    let note = family_press(&press, act).await?;
    press.noted(note)
}

async fn family_press(press: &Press, act: FamilyAct) -> Result<Option<String>, HandlerError> {
    let ctx = &*press.ctx;
    let bot = &press.bot;
    let user = press.actor.id;
    let refusal = |need| async move {
        let rights = family::rights(bot, ctx, &press.family, user, need).await?;
        Ok::<_, HandlerError>(rights.refusal(press.lang))
    };
    let member_name = |member: i64| async move {
        let members = ctx.db.members(press.family.id).await?;
        Ok::<_, HandlerError>(
            members
                .into_iter()
                .find(|mb| mb.user_id == member)
                .map(|mb| mb.name),
        )
    };
    match act {
        FamilyAct::Show => {}
        FamilyAct::Pref(pref) => {
            ctx.db.set_member_pref(press.family.id, user, pref).await?;
            if ctx.db.private_falls_back(press.family.id, user).await? {
                let text = m::private_not_linked(press.lang, &press.actor.name);
                press.out().send(Screen::text(text)).await?;
            }
        }
        FamilyAct::Invite => {
            if let Some(why) = refusal(Need::Settings).await? {
                return Ok(Some(why));
            }
            let me = bot.get_me().await?;
            let name = me.user.username.as_deref().unwrap_or("");
            let screen = family::invite_screen(press.lang, ctx, &press.family, user, name).await?;
            press.out().send(screen).await?;
            return Ok(None);
        }
        FamilyAct::Remove(member) => {
            if let Some(why) = refusal(Need::Members).await? {
                return Ok(Some(why));
            }
            let Some(name) = member_name(member).await? else {
                return Ok(Some(m::stale_button(press.lang)));
            };
            press
                .show(family::remove_ask(press.lang, &name, member))
                .await?;
            return Ok(None);
        }
        FamilyAct::RemoveYes(member) => {
            if let Some(why) = refusal(Need::Members).await? {
                return Ok(Some(why));
            }
            let Some(name) = member_name(member).await? else {
                return Ok(Some(m::stale_button(press.lang)));
            };
            ctx.db
                .remove_member(press.family.id, member, ctx.clock.now())
                .await?;
            let groups = family::group_chats(ctx, press.family.id).await?;
            let by = &press.actor.name;
            let notice = |lang| m::member_removed_notice(lang, by, &name);
            family::announce(bot, &groups, notice).await;
            let admin = true;
            let screen = family::family_screen(press.lang, ctx, &press.family, user, admin).await?;
            press.show(screen).await?;
            return Ok(Some(m::member_removed(press.lang, &name)));
        }
        FamilyAct::Leave => return Ok(Some(m::leave_in_group(press.lang))),
        FamilyAct::Forget(false) => {
            press
                .show(Screen::text(m::forget_cancelled(press.lang)))
                .await?;
            return Ok(None);
        }
        FamilyAct::Forget(true) => {
            if let Some(why) = refusal(Need::Members).await? {
                return Ok(Some(why));
            }
            let groups = family::group_chats(ctx, press.family.id).await?;
            let gone = ctx.db.forget_family(press.family.id).await?;
            press
                .show(Screen::text(m::forgotten(press.lang, press.who(), &gone)))
                .await?;
            // The other groups hear who did it; this chat just saw it.
            let elsewhere: Vec<(i64, Lang)> =
                groups.into_iter().filter(|g| g.0 != press.chat.0).collect();
            let by = Some(press.actor.name.as_str());
            family::announce(bot, &elsewhere, |lang| m::forgotten(lang, by, &gone)).await;
            return Ok(None);
        }
    }
    let admin = refusal(Need::Members).await?.is_none();
    let screen = family::family_screen(press.lang, ctx, &press.family, user, admin).await?;
    press.show(screen).await?;
    Ok(None)
}
