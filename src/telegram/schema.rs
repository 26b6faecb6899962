//! The whole routing of updates, in one tree: which function handles which update.
//!
//! Cross-cutting steps come once, near the root: the shutdown check, the per-person
//! slow-down note, and settling the update in the inbox (see `inbox`) with what the
//! person hears when handling failed. Below them, each kind of update has its branch:
//! messages build their context once (`filter_map_async`) and route commands with
//! `filter_command` + `case!`; button data is decoded once into [`Cb`] and routed with
//! `case!` per kind of button.

use std::ops::ControlFlow;
use std::panic::Location;
use std::sync::{Arc, Mutex};

use teloxide::dispatching::UpdateHandler;
use teloxide::dptree::di::DependencyMap;
use teloxide::dptree::{self, HandlerSignature, Type, case};
use teloxide::prelude::*;
use teloxide::types::UpdateKind;

use super::button_data::Cb;
use super::commands::Command;
use super::handlers::known_lang;
use super::send::{Screen, SendFailure, Sender};
use super::{Ctx, HandlerError, HandlerResult, TgBot};
use super::{callbacks, family, handlers, inbox};
use crate::messages as m;

/// The dispatcher's handler tree.
pub fn schema() -> UpdateHandler<HandlerError> {
    dptree::entry()
        // Not started before shutdown: it stays in the inbox for the next start.
        .branch(dptree::filter(shutting_down).endpoint(leave_in_inbox))
        .branch(settled_in_inbox().chain(routes()))
}

fn routes() -> UpdateHandler<HandlerError> {
    dptree::entry()
        // Over the per-person limit (decided when it arrived, see `inbox::Feed`).
        .branch(dptree::filter(over_limit).endpoint(slow_down))
        .branch(messages())
        .branch(Update::filter_edited_message().endpoint(handlers::on_edited_message))
        .branch(buttons())
        .branch(Update::filter_inline_query().endpoint(handlers::on_inline))
        .branch(Update::filter_my_chat_member().endpoint(family::on_my_chat_member))
        // Anything else (a kind the bot did not ask for, or one teloxide could not read)
        // is done with, so it does not wait in the inbox forever.
        .endpoint(ignore)
}

fn messages() -> UpdateHandler<HandlerError> {
    Update::filter_message()
        .branch(dptree::filter_map(handlers::migration).endpoint(family::migrated))
        .branch(dptree::filter(handlers::unreadable).endpoint(handlers::only_text))
        // In a group, only what is addressed to the bot.
        .filter(handlers::meant_for_the_bot)
        .branch(dptree::filter(handlers::is_too_long).endpoint(handlers::too_long))
        .filter_map_async(handlers::incoming)
        .branch(dptree::filter_map(handlers::shared_location).endpoint(handlers::zone_choices))
        .branch(dptree::filter_map(handlers::voice_note).endpoint(handlers::voice))
        .branch(teloxide::filter_command::<Command, _>().chain(commands()))
        .branch(dptree::filter_map(keyboard_command).chain(commands()))
        .branch(dptree::filter(slash_command).endpoint(handlers::not_a_command))
        // A reply the bot waits for, a typed log, or a question.
        .endpoint(handlers::text)
}

fn commands() -> UpdateHandler<HandlerError> {
    dptree::entry()
        .branch(case![Command::Start(payload)].endpoint(handlers::start))
        .branch(case![Command::Help].endpoint(handlers::help))
        .branch(case![Command::Log(args)].endpoint(handlers::log))
        .branch(case![Command::Stash].endpoint(handlers::stash))
        .branch(case![Command::Settings].endpoint(handlers::settings))
        .branch(case![Command::Language].endpoint(handlers::language))
        .branch(case![Command::Timezone(arg)].endpoint(handlers::timezone))
        .branch(case![Command::Faq].endpoint(handlers::faq))
        .branch(case![Command::Express].endpoint(handlers::express))
        .branch(case![Command::Storage].endpoint(handlers::storage))
        .branch(case![Command::Stats].endpoint(handlers::stats))
        .branch(case![Command::Invite].endpoint(handlers::invite))
        .branch(case![Command::Family].endpoint(handlers::family))
        .branch(case![Command::Leave].endpoint(handlers::leave))
        .branch(case![Command::Export].endpoint(handlers::export))
        .branch(case![Command::Forget].endpoint(handlers::forget))
}

fn buttons() -> UpdateHandler<HandlerError> {
    use callbacks as on;
    Update::filter_callback_query()
        .filter_map_async(callbacks::press)
        .branch(
            dptree::filter_map(button_data)
                .branch(case![Cb::Noop].endpoint(on::noop))
                .branch(case![Cb::LogStart].endpoint(on::log_start))
                .branch(case![Cb::LogAmount { ml }].endpoint(on::log_amount))
                .branch(case![Cb::LogPlace { ml, place }].endpoint(on::log_place))
                .branch(case![Cb::LogEarlier { ml, place }].endpoint(on::log_earlier))
                .branch(case![Cb::LogCancel].endpoint(on::log_cancel))
                .branch(case![Cb::LogCommit { ml, place, ago_min }].endpoint(on::log_ago))
                .branch(case![Cb::LogAt { ml, place, at_min }].endpoint(on::log_at))
                .branch(case![Cb::LogTypeTime { ml, place }].endpoint(on::log_type_time))
                .branch(case![Cb::LogTypePlace { ml }].endpoint(on::log_type_place))
                .branch(case![Cb::Batch { id, version, act }].endpoint(on::batch))
                .branch(case![Cb::Stash { page }].endpoint(on::stash_page))
                .branch(case![Cb::Settings(act)].endpoint(on::settings))
                .branch(case![Cb::FaqMenu].endpoint(on::faq_menu))
                .branch(case![Cb::FaqCategory(index)].endpoint(on::faq_category))
                .branch(case![Cb::FaqTopic(id)].endpoint(on::faq_topic))
                .branch(case![Cb::Step(index)].endpoint(on::step))
                .branch(case![Cb::StepsDone].endpoint(on::steps_done))
                .branch(case![Cb::Join { code, merge }].endpoint(on::join))
                .branch(case![Cb::Family(act)].endpoint(on::family))
                .branch(case![Cb::SwitchSides(minutes)].endpoint(on::switch_sides)),
        )
        // Malformed, from an older version, or forged.
        .endpoint(callbacks::stale)
}

fn shutting_down(ctx: Arc<Ctx>) -> bool {
    ctx.stopping.is_cancelled()
}

async fn leave_in_inbox() -> HandlerResult {
    Ok(())
}

/// Whether this update is to be answered with the slow-down note instead of being
/// handled (once).
fn over_limit(update: Update, ctx: Arc<Ctx>) -> bool {
    ctx.limits.take_note(i64::from(update.id.0))
}

/// The one slow-down note: a message is answered, a button press shows it; edits and
/// inline queries (one per keystroke) get nothing.
async fn slow_down(bot: TgBot, update: Update, ctx: Arc<Ctx>, turn: Arc<Turn>) -> HandlerResult {
    match &update.kind {
        UpdateKind::Message(msg) => {
            let out = Sender {
                bot: &bot,
                chat: msg.chat.id,
            };
            let lang = known_lang(&ctx, msg.chat.id, msg.from.as_ref());
            out.send(Screen::text(m::slow_down(lang))).await?;
        }
        UpdateKind::CallbackQuery(q) => turn.toast(Some(m::slow_down(press_lang(&ctx, q)))),
        _ => {}
    }
    Ok(())
}

/// The language of the chat a button was pressed in, as far as known without reading it.
fn press_lang(ctx: &Ctx, q: &CallbackQuery) -> crate::domain::Lang {
    match q.message.as_ref() {
        Some(message) => known_lang(ctx, message.chat().id, Some(&q.from)),
        None => known_lang(ctx, ChatId(q.from.id.0 as i64), Some(&q.from)),
    }
}

async fn ignore(update: Update) -> HandlerResult {
    tracing::debug!("ignoring update {} ({:?})", update.id.0, update.kind);
    Ok(())
}

/// The command a reply-keyboard button stands for.
fn keyboard_command(msg: Message) -> Option<Command> {
    msg.text().and_then(Command::from_keyboard)
}

/// A text starting with "/" that is not one of ours.
fn slash_command(msg: Message) -> bool {
    msg.text().is_some_and(|t| t.starts_with('/'))
}

fn button_data(q: CallbackQuery) -> Option<Cb> {
    q.data.as_deref().and_then(Cb::decode)
}

/// What settling an update needs from the steps that handled it.
#[derive(Default)]
pub struct Turn {
    /// The short note for a pressed button (shown as a toast).
    toast: Mutex<Option<String>>,
    /// An error met while building the update's context, before any handler ran.
    failure: Mutex<Option<HandlerError>>,
}

impl Turn {
    /// Shows `note` on the pressed button.
    pub fn toast(&self, note: Option<String>) {
        if let Ok(mut toast) = self.toast.lock() {
            *toast = note;
        }
    }

    /// Building the context failed: the update is settled as failed.
    pub fn fail(&self, e: HandlerError) {
        if let Ok(mut failure) = self.failure.lock() {
            *failure = Some(e);
        }
    }

    fn take_failure(&self) -> Option<HandlerError> {
        self.failure.lock().ok().and_then(|mut f| f.take())
    }

    fn take_toast(&self) -> Option<String> {
        self.toast.lock().ok().and_then(|mut t| t.take())
    }
}

/// Runs the rest of the tree for an update, then settles it in the inbox: a handled
/// update leaves it, a failed one is retried (see `inbox::settle`). The only place that
/// settles.
#[track_caller]
fn settled_in_inbox() -> UpdateHandler<HandlerError> {
    let here = Location::caller();
    let sig = HandlerSignature::Other {
        obligations: [
            (Type::of::<Update>(), here),
            (Type::of::<Arc<Ctx>>(), here),
            (Type::of::<TgBot>(), here),
        ]
        .into(),
        guaranteed_outcomes: [Type::of::<Arc<Turn>>()].into(),
        conditional_outcomes: Default::default(),
        continues: true,
    };
    dptree::from_fn(
        |deps: DependencyMap, cont| async move {
            let update: Arc<Update> = deps.get();
            let ctx: Arc<Arc<Ctx>> = deps.get();
            let bot: Arc<TgBot> = deps.get();
            let turn = Arc::new(Turn::default());
            let mut inner = deps;
            inner.insert(Arc::clone(&turn));
            let result = match cont(inner).await {
                ControlFlow::Break(result) => result,
                ControlFlow::Continue(_) => Ok(()),
            };
            let result = match turn.take_failure() {
                Some(e) => Err(e),
                None => taken_as_sent(&ctx, &update, result),
            };
            let result = conclude(&bot, &ctx, &update, &turn, result).await;
            ControlFlow::Break(inbox::settle(&ctx, &update, result).await)
        },
        sig,
    )
}

/// A message (or edit) that went out but whose answer did not come back in time was
/// most likely delivered (see [`SendFailure::Unanswered`]): the update is done. Running
/// it again would say it twice.
fn taken_as_sent(ctx: &Ctx, update: &Update, result: HandlerResult) -> HandlerResult {
    match result {
        Err(e) if e.downcast_ref().is_some_and(SendFailure::is_unanswered) => {
            ctx.metrics.sends_unanswered.inc();
            tracing::warn!(
                "update {}: {e}; taken as delivered, not sent again",
                update.id.0
            );
            tracing::debug!("the unanswered request: {e:?}");
            Ok(())
        }
        other => other,
    }
}

/// What the person hears once their update is done: a pressed button always gets its
/// answer (the note, or that something went wrong); a message the database could not
/// take is answered so (and not retried behind their back: they were asked to send it
/// again).
async fn conclude(
    bot: &TgBot,
    ctx: &Ctx,
    update: &Update,
    turn: &Turn,
    result: HandlerResult,
) -> HandlerResult {
    match &update.kind {
        UpdateKind::Message(msg) => match result {
            Err(e) if e.downcast_ref::<crate::storage::StorageError>().is_some() => {
                tracing::warn!("update {} refused: {e}", update.id.0);
                let out = Sender {
                    bot,
                    chat: msg.chat.id,
                };
                let text = m::not_saved(known_lang(ctx, msg.chat.id, msg.from.as_ref()));
                if let Err(e) = out.send(Screen::text(text)).await {
                    tracing::debug!("cannot say so: {e}");
                }
                Ok(())
            }
            other => other,
        },
        UpdateKind::CallbackQuery(q) => {
            let note = match &result {
                Ok(()) => turn.take_toast(),
                Err(_) => Some(m::something_went_wrong(press_lang(ctx, q))),
            };
            let mut answer = bot.answer_callback_query(q.id.clone());
            if let Some(text) = note {
                answer = answer.text(text);
            }
            // A failed answer only leaves a spinner on the button.
            if let Err(e) = answer.await {
                tracing::debug!(
                    "answerCallbackQuery failed: {}",
                    super::describe_request_error(&e)
                );
            }
            result
        }
        _ => result,
    }
}
