//! Telling the whole family about a change that moves everyone's deadlines or clocks: a
//! new guideline or timezone is announced in the family's group chats, with who made it.

use super::family::{announce, group_chats};
use super::{Ctx, HandlerError, TgBot};
use crate::domain::settings::{Settings, announced_changes};
use crate::messages as m;

/// Announces in each active group chat of the family what changed from `old` to `new`
/// (timezone, guideline), naming `who` changed it. Returns whether anything was said.
pub async fn settings_changed(
    bot: &TgBot,
    ctx: &Ctx,
    family_id: i64,
    who: &str,
    old: &Settings,
    new: &Settings,
) -> Result<bool, HandlerError> {
    let changes = announced_changes(old, new);
    if changes.is_empty() {
        return Ok(false);
    }
    let groups = group_chats(ctx, family_id).await?;
    let now = ctx.clock.now();
    for change in changes {
        announce(bot, &groups, |lang| {
            m::settings_changed(lang, who, change, now)
        })
        .await;
    }
    Ok(!groups.is_empty())
}
