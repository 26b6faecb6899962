//! The board's JSON API. Every request carries Telegram's initData in
//! `Authorization: tma <initData>`; without a valid one the answer is 401 and holds no
//! family data. The family is the one the person may act on in the chat (see
//! [`Db::board_family`]); a batch of another family is 404 and changes nothing.
//!
//! - `GET  api/board`      the shelves, cards, totals and days of supply;
//! - `GET  api/batch/{id}` one batch: its card, history and the actions it allows;
//! - `POST api/batch/{id}` an action (`{"version", "act", "to"?, "ml"?, "reason"?}`),
//!   through [`app::act`] as a button press would; the family's chats are told.

use std::collections::HashMap;

use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::Board;
use super::initdata::{self, InitData};
use crate::app::notify::{Notice, Notifier, Worded};
use crate::app::{self, Act, Acted};
use crate::domain::batch::{Action, DiscardReason, Status};
use crate::domain::rules::Place;
use crate::domain::settings::Settings;
use crate::domain::stash::{self, Item};
use crate::domain::{Lang, Ml, Unit};
use crate::messages as m;
use crate::storage::{Actor, BatchRow, FamilyRow, StashFilter};
use crate::telegram::board::group_from_param;

pub fn routes<N: Notifier>(board: Board<N>) -> Router {
    Router::new()
        .route("/api/board", get(board_view::<N>))
        .route("/api/batch/{id}", get(batch_view::<N>).post(batch_act::<N>))
        .with_state(board)
}

/// An answer that is not the data asked for: a status and a sentence for the page.
#[derive(Debug)]
pub struct Refusal(StatusCode, String);

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        #[derive(Serialize)]
        struct Body {
            error: String,
        }
        (self.0, Json(Body { error: self.1 })).into_response()
    }
}

impl From<crate::storage::StorageError> for Refusal {
    fn from(e: crate::storage::StorageError) -> Refusal {
        tracing::error!("board: {e}");
        Refusal(
            StatusCode::SERVICE_UNAVAILABLE,
            m::something_went_wrong(Lang::En),
        )
    }
}

/// The person, checked, and the family they act on.
struct Caller {
    init: InitData,
    family: FamilyRow,
    /// The language of the person's Telegram app.
    lang: Lang,
}

impl Caller {
    fn actor(&self) -> Actor {
        Actor::new(self.init.user.id, &self.init.user.first_name)
    }
}

async fn authorise<N>(board: &Board<N>, headers: &HeaderMap) -> Result<Caller, Refusal> {
    // Nothing of an unchecked initData is trusted, its language included.
    let unsigned = || Refusal(StatusCode::UNAUTHORIZED, m::board_unsigned(Lang::En));
    let raw = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("tma "))
        .ok_or_else(unsigned)?;
    let init = initdata::verify(raw, &board.token, board.clock.now()).map_err(|why| {
        tracing::info!("board: refused a request: {why}");
        unsigned()
    })?;
    let lang = Lang::from_telegram(init.user.language_code.as_deref());
    // Opened from a group's t.me link: that group's family, for its members.
    let group = group_from_param(init.start_param.as_deref());
    if let Some(group) = group {
        // Whoever left the group no longer sees its stash; when Telegram cannot say,
        // nothing is shown rather than something to the wrong person.
        match board.groups.is_member(group, init.user.id).await {
            Some(true) => {}
            Some(false) => {
                return Err(Refusal(StatusCode::FORBIDDEN, m::board_left_group(lang)));
            }
            None => {
                return Err(Refusal(
                    StatusCode::SERVICE_UNAVAILABLE,
                    m::something_went_wrong(lang),
                ));
            }
        }
    }
    let family = board
        .db
        .board_family(init.user.id, group)
        .await?
        .ok_or_else(|| Refusal(StatusCode::FORBIDDEN, m::board_no_family(lang)))?;
    Ok(Caller { init, family, lang })
}

/// The whole board.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct BoardJson {
    pub summary: String,
    pub supply: String,
    pub use_next: Option<i64>,
    pub shelves: Vec<Shelf>,
    /// Shown instead of shelves when nothing is stored.
    pub empty: Option<String>,
    /// The page's own labels in the person's language, by the name the page uses.
    #[serde(default)]
    pub words: std::collections::BTreeMap<String, String>,
}

#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct Shelf {
    /// The place's code (`fridge`, `freezer`...), for the page's colours.
    pub place: String,
    pub name: String,
    pub total: String,
    pub cards: Vec<Card>,
}

#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct Card {
    pub id: i64,
    pub version: i64,
    pub amount: String,
    pub expressed: String,
    pub left: String,
    /// `fine`, `soon`, `today` or `past`.
    pub band: String,
    pub by: String,
    pub use_next: bool,
}

/// One batch, opened.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct Detail {
    pub card: Card,
    pub place: String,
    pub stored: bool,
    pub history: Vec<String>,
    pub actions: Vec<ActionJson>,
}

/// A button on an opened batch: its label and what the page posts back.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct ActionJson {
    pub label: String,
    /// `move`, `use`, `discard` or `undo`.
    pub act: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub to: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub ml: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub reason: Option<String>,
    /// The group of buttons it belongs to: `move`, `use`, `discard`, `undo`.
    pub group: String,
}

/// What the page posts to act on a batch.
#[derive(Debug, Deserialize, Serialize)]
pub struct ActRequest {
    pub version: i64,
    pub act: String,
    #[serde(default)]
    pub to: Option<String>,
    #[serde(default)]
    pub ml: Option<u32>,
    #[serde(default)]
    pub reason: Option<String>,
}

/// The answer to an action: what was done (or why not), and the board as it is now.
#[derive(Debug, Serialize, Deserialize)]
pub struct ActResult {
    pub done: bool,
    pub message: String,
    pub board: BoardJson,
}

async fn board_view<N: Notifier>(
    State(board): State<Board<N>>,
    headers: HeaderMap,
) -> Result<Json<BoardJson>, Refusal> {
    let caller = authorise(&board, &headers).await?;
    Ok(Json(board_json(&board, &caller.family, caller.lang).await?))
}

async fn batch_view<N: Notifier>(
    State(board): State<Board<N>>,
    Path(id): Path<i64>,
    headers: HeaderMap,
) -> Result<Json<Detail>, Refusal> {
    let caller = authorise(&board, &headers).await?;
    let (family, lang) = (&caller.family, caller.lang);
    let Some(row) = board.db.batch(family.id, id).await? else {
        return Err(Refusal(StatusCode::NOT_FOUND, m::board_not_found(lang)));
    };
    let now = board.clock.now();
    let settings = &family.settings;
    let names = member_names(&board, family).await?;
    let entries = stored_entries(&board, family).await?;
    let view = stash::view(&entries, settings.guideline(), now);
    let use_next = view.use_next.as_ref().map(|i| i.id);
    let item = view
        .items()
        .find(|i| i.id == id)
        .cloned()
        .unwrap_or_else(|| item_of(&row, settings, now));
    let events = board.db.batch_events(family.id, id).await?;
    let history = events
        .iter()
        .rev()
        .map(|e| {
            let line = m::HistoryLine {
                kind: e.kind,
                who: &e.actor_name,
                to: e.place_to,
                amount: e.amount,
                undone: e.undone,
                at: e.at,
            };
            m::board_history_line(lang, &line, now, settings.tz, settings.unit)
        })
        .collect();
    Ok(Json(Detail {
        card: card(lang, &row, &item, &names, use_next, settings, now),
        place: row.state.place.code().to_owned(),
        stored: row.state.status == Status::Stored,
        history,
        actions: actions(lang, &row, settings.unit),
    }))
}

async fn batch_act<N: Notifier>(
    State(board): State<Board<N>>,
    Path(id): Path<i64>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Result<Response, Refusal> {
    let caller = authorise(&board, &headers).await?;
    let lang = caller.lang;
    let bad = || Refusal(StatusCode::BAD_REQUEST, m::board_bad_request(lang));
    let request: ActRequest = serde_json::from_slice(&body).map_err(|_| bad())?;
    let act = read_act(&request).ok_or_else(bad)?;
    let family = &caller.family;
    let actor = caller.actor();
    let now = board.clock.now();
    let acted = app::act(
        &board.db,
        family,
        &actor,
        id,
        request.version,
        act,
        None,
        now,
    )
    .await?;
    let settings = &family.settings;
    let (status, done, message) = match &acted {
        Acted::Done { before, .. } => {
            tell_the_family(&board, family, &actor, &acted).await;
            if before.state.place.is_frozen() {
                app::check_low_stash(&board.db, family, now).await?;
            }
            (StatusCode::OK, true, String::new())
        }
        Acted::NotFound | Acted::Duplicate { current: None } => {
            return Err(Refusal(StatusCode::NOT_FOUND, m::board_not_found(lang)));
        }
        Acted::Refused { why, .. } => (
            StatusCode::CONFLICT,
            false,
            strip_html(&m::batch_error(lang, why, settings.unit, now, settings.tz)),
        ),
        Acted::Stale { .. } | Acted::Duplicate { current: Some(_) } => {
            (StatusCode::CONFLICT, false, m::batch_changed(lang))
        }
        Acted::NothingToUndo { .. } => (StatusCode::CONFLICT, false, m::nothing_to_undo(lang)),
        // The board offers no snooze.
        Acted::Snoozed { .. } => (StatusCode::OK, true, String::new()),
    };
    let result = ActResult {
        done,
        message,
        board: board_json(&board, family, lang).await?,
    };
    Ok((status, Json(result)).into_response())
}

/// Tells the family's chats (those reminders go to; else the person's own chat) what
/// was done on the board, as the chat's buttons would have, and updates the reminders
/// about the batch. Best effort: the change is stored whatever happens to the messages.
async fn tell_the_family<N: Notifier>(
    board: &Board<N>,
    family: &FamilyRow,
    actor: &Actor,
    acted: &Acted,
) {
    let now = board.clock.now();
    let mut chats = match board.db.reminder_chats(family.id).await {
        Ok(chats) => chats,
        Err(e) => {
            tracing::warn!("board: cannot read the family's chats: {e}");
            return;
        }
    };
    if chats.is_empty() {
        chats.push(actor.id);
    }
    let notice = Notice::BoardActed {
        who: &actor.name,
        acted,
    };
    let known = match board.db.family_chats(family.id).await {
        Ok(known) => known,
        Err(e) => {
            tracing::warn!("board: cannot read the family's chats: {e}");
            return;
        }
    };
    let mut worded = Worded::new(&*board.notifier, &notice, &family.settings, known, now);
    for chat in chats {
        let message = worded.for_chat(chat).await;
        if let Err(e) = board.notifier.send(chat, &message).await {
            tracing::warn!("board: could not tell chat {chat}: {e:?}");
        }
    }
    // Reminders about this batch, in any chat, show what was done and by whom (as after
    // a press on a button).
    let Acted::Done { after, .. } = acted else {
        return;
    };
    let copies = match board.db.batch_reminder_messages(after.id).await {
        Ok(copies) => copies,
        Err(e) => {
            tracing::warn!("board: cannot read the batch's reminders: {e}");
            return;
        }
    };
    for (chat, message_id) in copies {
        let message = worded.for_chat(chat).await;
        if let Err(e) = board.notifier.replace(chat, message_id, &message).await {
            tracing::debug!("board: could not update a reminder in chat {chat}: {e:?}");
        }
    }
}

/// What a posted action asks for, if it is one the board offers.
fn read_act(request: &ActRequest) -> Option<Act> {
    let action = match request.act.as_str() {
        "move" => Action::Move(Place::from_code(request.to.as_deref()?)?),
        // No amount: all of it. Zero is no amount to use: refused, not read as "all".
        "use" => Action::Use(match request.ml {
            None => None,
            Some(0) => return None,
            Some(ml) => Some(Ml(ml)),
        }),
        "discard" => Action::Discard(
            request
                .reason
                .as_deref()
                .map_or(Some(DiscardReason::Other), DiscardReason::from_code)?,
        ),
        "undo" => return Some(Act::Undo),
        _ => return None,
    };
    Some(Act::Apply(action))
}

/// The actions a batch allows, as the chat's card and menus offer them.
fn actions(lang: Lang, row: &BatchRow, unit: Unit) -> Vec<ActionJson> {
    let action = |group: &str, label: String, act: &str| ActionJson {
        label,
        act: act.to_owned(),
        to: None,
        ml: None,
        reason: None,
        group: group.to_owned(),
    };
    let undo = action("undo", m::undo(lang), "undo");
    if row.state.status != Status::Stored {
        return vec![undo];
    }
    let place = row.state.place;
    let mut out: Vec<ActionJson> = crate::telegram::views::moves(place)
        .iter()
        .map(|&to| ActionJson {
            to: Some(to.code().to_owned()),
            ..action("move", m::move_button(lang, place, to), "move")
        })
        .collect();
    let amount = row.state.amount;
    out.push(action("use", m::used_all(lang, amount, unit), "use"));
    let parts = crate::telegram::views::use_parts(amount, unit);
    out.extend(parts.into_iter().map(|p| ActionJson {
        ml: Some(p.get()),
        ..action("use", m::used_part(lang, p, unit), "use")
    }));
    out.extend(
        [
            DiscardReason::Expired,
            DiscardReason::Spilled,
            DiscardReason::SmelledOff,
            DiscardReason::Other,
        ]
        .into_iter()
        .map(|r| ActionJson {
            reason: Some(r.code().to_owned()),
            ..action("discard", m::reason_label(lang, r), "discard")
        }),
    );
    out.push(undo);
    out
}

async fn stored_entries<N>(
    board: &Board<N>,
    family: &FamilyRow,
) -> Result<Vec<(i64, crate::domain::BatchState)>, Refusal> {
    let rows = board.db.batches(family.id, StashFilter::Stored).await?;
    Ok(rows.iter().map(|r| (r.id, r.state)).collect())
}

async fn member_names<N>(
    board: &Board<N>,
    family: &FamilyRow,
) -> Result<HashMap<i64, String>, Refusal> {
    Ok(board
        .db
        .members(family.id)
        .await?
        .into_iter()
        .map(|m| (m.user_id, m.name))
        .collect())
}

async fn board_json<N>(
    board: &Board<N>,
    family: &FamilyRow,
    lang: Lang,
) -> Result<BoardJson, Refusal> {
    let now = board.clock.now();
    let settings = &family.settings;
    let rows = board.db.batches(family.id, StashFilter::Stored).await?;
    let entries: Vec<_> = rows.iter().map(|r| (r.id, r.state)).collect();
    let view = stash::view(&entries, settings.guideline(), now);
    let names = member_names(board, family).await?;
    let insights = app::insights(&board.db, family, now).await?.insights;
    let use_next = view.use_next.as_ref().map(|i| i.id);
    let by_id: HashMap<i64, &BatchRow> = rows.iter().map(|r| (r.id, r)).collect();
    let shelves = view
        .groups
        .iter()
        .map(|group| Shelf {
            place: group.place.code().to_owned(),
            name: m::board_shelf(lang, group.place),
            total: m::amount(lang, group.total, settings.unit),
            cards: group
                .items
                .iter()
                .filter_map(|item| {
                    let row = by_id.get(&item.id)?;
                    Some(card(lang, row, item, &names, use_next, settings, now))
                })
                .collect(),
        })
        .collect();
    Ok(BoardJson {
        summary: m::board_summary(lang, view.total, view.count, settings.unit),
        supply: m::board_supply(lang, insights.days_of_supply),
        use_next,
        shelves,
        empty: (view.count == 0).then(|| strip_html(&m::empty_stash(lang))),
        words: m::board_page_words(lang)
            .into_iter()
            .map(|(name, text)| (name.to_owned(), text))
            .collect(),
    })
}

/// A batch that left the stash, as a card (its time as it stood).
fn item_of(row: &BatchRow, settings: &Settings, now: DateTime<Utc>) -> Item {
    let guideline = settings.guideline();
    Item {
        id: row.id,
        place: row.state.place,
        amount: row.state.amount,
        expressed_at: row.state.clocks.expressed_at,
        deadline: row.state.deadline(guideline),
        expired: row.state.is_expired(guideline, now),
        past_best: row.state.past_best(guideline, now),
    }
}

fn card(
    lang: Lang,
    row: &BatchRow,
    item: &Item,
    names: &HashMap<i64, String>,
    use_next: Option<i64>,
    settings: &Settings,
    now: DateTime<Utc>,
) -> Card {
    let stored = row.state.status == Status::Stored;
    Card {
        id: row.id,
        version: row.version,
        amount: m::amount(lang, row.state.amount, settings.unit),
        expressed: m::board_expressed(lang, item.expressed_at, now, settings.tz),
        left: if stored {
            m::board_left(lang, item.deadline, item.past_best, now)
        } else {
            String::new()
        },
        band: stash::band(item, now).code().to_owned(),
        by: names
            .get(&row.created_by)
            .map(|n| m::board_logged_by(lang, n))
            .unwrap_or_default(),
        use_next: use_next == Some(row.id),
    }
}

/// Telegram HTML as plain text (the page shows text, never markup).
fn strip_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests;
