# milkbot's own sentences, in English: the reference every other language follows
# (same keys, same figures). Texts are Telegram HTML; arguments that came from a person
# are escaped before they arrive here.

## Times (src/messages/time.rs): a moment in the family's timezone, 24-hour clock.

time-today = today { $clock }
time-yesterday = yesterday { $clock }
time-tomorrow = tomorrow { $clock }
# Within a week: "Tue 14:05".
time-this-week = { $weekday } { $clock }
# Later this year: "Sat 14 Mar".
time-this-year = { $weekday } { $day } { $month }
time-other-year = { $day } { $month } { $year }
weekday = { $day ->
    [mon] Mon
    [tue] Tue
    [wed] Wed
    [thu] Thu
    [fri] Fri
    [sat] Sat
   *[sun] Sun
}
month = { $month ->
    [jan] Jan
    [feb] Feb
    [mar] Mar
    [apr] Apr
    [may] May
    [jun] Jun
    [jul] Jul
    [aug] Aug
    [sep] Sep
    [oct] Oct
    [nov] Nov
   *[dec] Dec
}

## Time left until a deadline.

time-no-clock = no clock until fully thawed
time-left = { $span } left
time-expired = expired { $span } ago
span-min = { $mins } min
span-h = { $hours } h
span-h-min = { $hours } h { $mins } min
span-d = { $days } d
span-d-h = { $days } d { $hours } h
span-days = { $days ->
    [one] { $days } day
   *[other] { $days } days
}
span-months = { $months ->
    [one] { $months } month
   *[other] { $months } months
}

## The language (/language, and ⚙️ Settings)

language-question = 🌐 Which language should I speak with you?
language-question-group = 🌐 Which language should I speak in this group? In a private chat with me, each of you keeps your own.
language-button = 🌐 Language: { $name }
language-set = ✔ Done: I'll speak English from now on.

## The greeting, /help, the reply keyboard, and what is said when something fails
## (src/messages/general.rs)

key-log = 🍼 Log milk
key-stash = 🧊 Stash
key-ask = ❓ Questions
key-express = ✋ Hand expression
key-settings = ⚙️ Settings
key-help = ℹ️ Help
greeting-hello = Hi! I'm milkbot 🍼
greeting-hello-name = Hi { $name }! I'm milkbot 🍼
greeting-what = I answer questions about hand expression and storing milk, keep track of your stash, and remind you before milk needs the fridge, the freezer or the bin.
greeting-group = In this group I keep one shared stash for everyone who feeds the baby.
greeting-buttons = Tap a button below. Everything works one-handed.
not-medical-advice = ⚕️ I share general guidance, not medical advice: when you're worried about your baby or yourself, ask your doctor, midwife, health visitor or a lactation consultant.
answer-footer = General guidance, not medical advice.
timezone-hint = 🕑 I show times in <b>{ $zone }</b>. Change it in ⚙️ Settings.
disclaimer = ⚕️ I share general guidance for healthy babies born at term; it is not medical advice. For a fever, a hot painful lump, blood in the milk, or a baby who is very sleepy or feeding poorly, contact your doctor, midwife or a lactation consultant (IBCLC), or emergency services if it is urgent.
help-title = What I can do
help-typing = You can also just type: <code>90 fridge</code> logs 90 ml in the fridge, and a question like <code>how long in the fridge</code> gets an answer.
unknown-command = I don't know { $command } yet. Tap a button below, or send /help to see everything I can do.
something-went-wrong = Sorry, something went wrong on my side and nothing was changed. Please try again in a moment.
not-saved = Sorry, I couldn't save that just now, so nothing was changed. Please try again in a minute.
slow-down = That's a lot at once! Give me a minute, then send it again: I skipped what came too fast.
text-too-long = That message is a bit long for me. Could you say it in a sentence or two?
language-keyboard = ⌨️ The buttons below are in English now.
only-text = I can only read text and button presses 🙂 Use the buttons below, or type something like <code>90 fridge</code> or a question.

## The command menu and /help (src/telegram/commands.rs), one line per command

cmd-start = start, and show the buttons
cmd-log = log milk: /log, or e.g. /log 90 fridge 14:30
cmd-stash = your stash, and what to use first
cmd-settings = unit, timezone, guideline
cmd-language = the language I speak
cmd-timezone = set the timezone, e.g. /timezone Berlin
cmd-faq = questions and answers, by topic
cmd-express = hand expression, step by step
cmd-storage = how long milk keeps, under your guideline
cmd-stats = your numbers and a chart
cmd-invite = invite someone to share this stash
cmd-family = who is in the family, and where reminders go
cmd-leave = unlink this private chat from the family
cmd-export = download the whole history (CSV)
cmd-forget = delete all of this family's data
cmd-help = what I can do

## The bot's profile in Telegram (src/telegram/mod.rs, at start-up)

bot-description = I help parents who express breast milk: I answer questions about hand expression and storing milk, keep track of your stash, and remind you before milk needs the fridge, the freezer or the bin. General guidance, not medical advice.
bot-short-description = Hand expression, milk storage and a stash with reminders, one-handed.
## The stash board, a Telegram Mini App (src/messages/board.rs): plain text shown on
## the page (never HTML), and the chat's line after a change made there.

board-button = 🗂 Board
board-unsigned = This board opens from the bot in Telegram, and this copy could not be checked. Close it and open it again from the chat.
board-no-family = You're not part of a family on this bot yet. Send /start to the bot (or join your family's group), then open the board again.
board-left-group = You're no longer in this group, so its board is closed to you. Your own stash is on the board in your private chat with the bot.
board-page-title = Stash
board-page-use-next = Use next
board-page-use-next-button = Use next: { $amount }
board-page-move = Move
board-page-used = Used
board-page-discard = Discard
board-page-back = ← Board
board-page-history = History
board-page-pull = Release to refresh
board-page-cant-open = The board can't open
board-page-went-wrong = Something went wrong. Try again in a moment.
board-page-offline = No connection to the bot. Pull down to try again.
board-page-offline-unchanged = No connection to the bot. Nothing was changed.
board-page-unavailable = That batch can't be opened now.
board-page-not-through = That didn't go through.
board-page-done = Done: { $action }
board-not-found = That batch isn't in your stash.
board-bad-request = That didn't work: the board sent something the bot can't read. Refresh the board and try again.
# Telegram HTML; $phrase is the chat's own wording of the change: "moved 90 ml to the freezer".
board-did = { $name } { $phrase } (on the stash board).
board-summary = { $count ->
    [one] { $total } in { $count } batch
   *[other] { $total } in { $count } batches
}
board-supply-under-a-day = Less than a day of supply
board-supply = { $days ->
    [one] About { $days } day of supply
   *[other] About { $days } days of supply
}
board-supply-unknown = Days of supply show once milk is logged as used
board-logged-by = logged by { $name }
board-expressed = expressed { $when }
board-past-best = past its best-quality time
# A batch's history, newest first: "today 09:12 · Ann put it in the freezer".
board-history = { $when } · { $name } { $what }
board-history-undone = { $when } · { $name } { $what } (undone)
# $place: "in the fridge", "thawing in the fridge".
board-logged-in = logged { $amount } { $place }
board-logged = logged { $amount }
board-put = put it { $place }
board-moved = moved it
board-used = used it
board-used-amount = used { $amount }
board-discarded = discarded it
board-corrected = corrected it
board-undid = undid the last change

## Places, moves, discard reasons, guidelines, units (src/messages/places.rs)

place-room = Room temperature
place-cooler = Cooler bag
place-fridge = Fridge
place-icebox = Ice compartment
place-freezer = Freezer
place-thawing = Thawing in the fridge
place-thawed-fridge = Thawed, in the fridge
place-thawed-room = Thawed, at room temperature
place-leftover = Left from a feed
in-room = at room temperature
in-cooler = in a cooler bag
in-fridge = in the fridge
in-icebox = in the ice compartment
in-freezer = in the freezer
in-thawing = thawing in the fridge
in-thawed-fridge = thawed, in the fridge
in-thawed-room = thawed, at room temperature
in-leftover = left from a feed
to-room = at room temperature
to-cooler = to a cooler bag
to-fridge = to the fridge
to-icebox = to the ice compartment
to-freezer = to the freezer
move-room = Room temperature
move-cooler = Into a cooler bag
move-fridge = To the fridge
move-icebox = To the ice box
move-freezer = To the freezer
move-thawing = Thaw in the fridge
move-thawed-fridge = Fully thawed
move-thaw-warm = Thaw in lukewarm water
move-out-of-fridge = Out of the fridge
move-leftover = Baby left some
pick-room = Room
pick-cooler = Cooler bag
pick-fridge = Fridge
pick-icebox = Ice box
pick-freezer = Freezer
now-room = is at room temperature
now-cooler = is in a cooler bag now
now-fridge = is in the fridge now
now-icebox = is in the ice compartment now
now-freezer = is in the freezer now
now-thawing = is thawing in the fridge
now-thawed-fridge = is fully thawed, in the fridge
now-thawed-warm = was thawed in lukewarm water
now-thawed-room = is out of the fridge
now-leftover = is left over from a feed
reason-expired = ⏰ Too old
reason-spilled = 💦 Spilled
reason-smelled-off = 👃 Smelled sour
reason-other = Other
profile-cdc = CDC (US)
profile-nhs = NHS (UK)
profile-abm = ABM protocol
profile-lll = La Leche League
profile-strictest = Strictest of all
unit-ml = ml
unit-oz = oz

## Buttons shared by several screens, and short notes on a press (src/messages/buttons.rs)

button-cancel = ✖ Cancel
button-back = ⬅ Back
button-now = 🕑 Now
button-earlier = ⏱ Earlier…
button-to-stash = 🧊 Stash
button-used = 🍼 Used…
button-discard = 🗑 Discard…
button-undo = ↩️ Undo
button-edit = ✏️ Edit
button-change-amount = Change the amount
button-change-time = Change the time
button-confirm-change = ✔ Yes, change it
button-keep-it = ✖ No, keep it
button-log = 🍼 Log milk
button-prev = ◀ Prev
button-next = Next ▶
button-close = ✖ Close
button-timezone = 🕑 Timezone
stale-button = That button is out of date. Here's a fresh start.
not-your-batch = That batch isn't in this chat's stash.
batch-changed = This batch changed in the meantime: here's how it is now.
nothing-to-undo = Nothing to undo for this batch.
already-logged = Already logged: here it is.
ago-now = Now
ago-min = { $mins } min ago
ago-h = { $hours } h ago
ago-h-min = { $hours } h { $mins } min ago
same-again = ↻ Same again: { $amount } · { $place }
used-all = All of it ({ $amount })
unit-button-ml = 📏 Unit: ml (switch to oz)
unit-button-oz = 📏 Unit: oz (switch to ml)
profile-button = 📋 Guideline: { $name }

## Logging milk: the steps, what was done, edits (src/messages/log.rs)

log-amount-prompt =
    🍼 <b>How much?</b>
    Other amount? Just type it, e.g. <code>{ $example }</code>.
log-place-prompt = 🍼 <b>{ $amount }</b>: where is it?
log-when-prompt = 🍼 <b>{ $amount }</b> { $place }: when was it expressed?
which-date-prompt = 🍼 <b>{ $amount }</b> { $place }: which date is <code>{ $typed }</code>?
month-long = { $month ->
    [jan] January
    [feb] February
    [mar] March
    [apr] April
    [may] May
    [jun] June
    [jul] July
    [aug] August
    [sep] September
    [oct] October
    [nov] November
   *[dec] December
}
date-long = { $day } { $month }
log-type-time = 🍼 <b>{ $amount }</b> { $place }: type when it was expressed, e.g. <code>14:30</code>, <code>2h ago</code> or <code>yesterday 21:00</code>.
log-type-time-group = 🍼 <b>{ $amount }</b> { $place }: reply to this message with when it was expressed, e.g. <code>14:30</code>, <code>2h ago</code> or <code>yesterday 21:00</code>.
log-type-place = 🍼 <b>{ $amount }</b>: type where it is, e.g. <code>fridge</code> or <code>freezer</code>.
log-type-place-group = 🍼 <b>{ $amount }</b>: reply to this message with where it is, e.g. <code>fridge</code> or <code>freezer</code>.
log-earlier-hint = For another time, type it, e.g. <code>{ $number } { $place } 14:30</code>.
typed-room = room
typed-cooler = cooler
typed-fridge = fridge
typed-icebox = ice box
typed-freezer = freezer
log-cancelled = Okay, nothing logged.
implausible-amount = 🤔 <b>{ $amount }</b> is a lot for one session. Did you mean <b>{ $fix }</b>?
keep-amount = Yes, { $amount }
stash-full = Your stash already holds { $count } batches, the most I keep at once. Mark some as used or discarded in /stash, then log again.
history-full = This family has logged { $count } batches, the most I keep. Download the history with /export, then start afresh with /forget.
log-not-understood = I couldn't read that as a batch. Try e.g. <code>90 fridge</code>, <code>3oz freezer 1h ago</code> or <code>left 40 right 50 fridge</code>, or tap 🍼 Log milk.
sides-disagree = The sides add up to { $sides }, but the total says { $total }. Which is it? Send it again with one of them.
not-a-time = { $time } isn't a time of day I know.
time-in-future = That time hasn't come yet today.
time-out-of-range = I couldn't place that time.
time-too-long-ago = That's more than a year ago, so I can't log it. Check the date, or pick a time below.
did-actor = { $name } { $phrase }.
logged-phrase = logged { $amount } { $place }
logged-batches = { $count ->
    [one] logged { $count } batch
   *[other] logged { $count } batches
}
moved-thawing = started thawing { $amount } in the fridge
moved-thawed-fridge = marked { $amount } as fully thawed
moved-thawed-warm = thawed { $amount } in lukewarm water
moved-thawed-room = took { $amount } of thawed milk out of the fridge
moved-leftover = marked { $amount } as left over from a feed
moved-to = moved { $amount } { $place }
leftover-phrase = noted the feed that ended { $ended }: { $left } left over
leftover-drunk = noted the feed that ended { $ended }: baby drank { $drunk }, { $left } left over
used-all-gone = used { $used }: all gone
used-some = used { $used } ({ $left } left)
discarded-expired = discarded { $amount } (too old)
discarded-spilled = discarded { $amount } (spilled)
discarded-smelled-off = discarded { $amount } (smelled sour)
discarded-other = discarded { $amount }
undid-log = removed the { $amount } batch
undid-use = undid the use
undid-discard = put it back: not discarded
undid-move = undid the move
undid-edit = undid the edit
edited-amount = changed the amount to { $amount }
edit-not-a-log = I saw you edited that message, but I can't read it as a log any more, so the batch stays as it was. To fix it, use ✏️ Edit on the batch in /stash.
relogged = updated the batch from your edited message: { $amount } { $place }
edited-message-seen = ✏️ I saw you edited that message to { $amount } { $place }.
edited-time = changed the time to { $time }
snoozed = 😴 I'll remind you again { $time }.

## The stash (src/messages/stash.rs)

empty-stash =
    🧊 Your stash is empty.
    Log milk with the button below, or type e.g. <code>90 fridge</code>.
stash-header = { $count ->
    [one] 🧊 <b>Your stash</b>: { $total } in { $count } batch
   *[other] 🧊 <b>Your stash</b>: { $total } in { $count } batches
}
use-next = 👉 Use next: { $amount } { $place } (expressed { $expressed }, { $left })
expired-count = { $count ->
    [one] ⚠️ { $count } batch is past its time: tap it to discard.
   *[other] ⚠️ { $count } batches are past their time: tap them to discard.
}
past-best = 🕰 past its best-quality time

## Reminders, digests, reminder settings, the morning summary (src/messages/reminders.rs)

snooze-hour = 😴 In 1 h
snooze-morning = 😴 Tomorrow morning
discard-now = 🗑 Discard
remind-thawing = ⏳ { $amount } has been thawing in the fridge since { $since }. No ice crystals left? Tap “Fully thawed” to start its clock.
remind-best = 🕰 { $amount } { $place }, expressed { $expressed }, is past its best-quality time. It's still fine to use until { $safe }: thaw it soon.
remind-deadline = ⛔ Time's up for { $amount } { $place }, expressed { $expressed }. It's safest to discard it.
remind-last-call = ⏳ Last call: { $amount } in the fridge, expressed { $expressed }, reaches its limit { $by }. Use it or freeze it now.
remind-room = ⏰ { $amount } expressed { $expressed } is at room temperature: into the fridge or freezer by { $by } ({ $left }).
remind-cooler = ⏰ { $amount } in the cooler bag, expressed { $expressed }: into the fridge or freezer by { $by } ({ $left }).
remind-fridge = ⏰ { $amount } in the fridge, expressed { $expressed }: use by { $by } ({ $left }). Use it or freeze it before then.
remind-frozen-best = ⏰ { $amount } { $place }, expressed { $expressed }: best used by { $by } ({ $left }).
remind-frozen = ⏰ { $amount } { $place }, expressed { $expressed }: use by { $by } ({ $left }).
remind-thawed-fridge = ⏰ Thawed { $amount } (in the fridge): use it by { $by } ({ $left }).
remind-thawed-room = ⏰ Thawed { $amount } (at room temperature): use it by { $by } ({ $left }).
remind-leftover = ⏰ The { $amount } left from a feed: use it by { $by } ({ $left }), or discard it.
digest-header = { $count ->
    [one] 🕑 While I was away, { $count } batch needed attention:
   *[other] 🕑 While I was away, { $count } batches needed attention:
}
switch-sides = ✋ { $minutes } minutes: time to switch sides.
reminders-button = 🔔 Reminders
lead-min = { $mins } min
lead-h = { $hours } h
lead-days = { $days ->
    [one] { $days } day
   *[other] { $days } days
}
lead-weeks = { $weeks ->
    [one] { $weeks } week
   *[other] { $weeks } weeks
}
lead-class-room = Room / cooler
lead-class-thawed = Thawed
lead-class-fridge = Fridge
lead-class-freezer = Freezer
no-quiet-hours = No quiet hours
on = on
off = off
none = none
reminders-title = 🔔 <b>Reminders</b>: how long before each deadline
reminders-lead-line = { $class }: { $lead } before
reminders-quiet = Quiet hours: { $quiet } (fridge and freezer nudges wait for the morning; urgent ones always come)
reminders-morning = Morning summary: { $state }
reminders-low-stash = Low-stash alert: { $state }
low-stash-when = when the frozen stash covers less than { $days } days
reminders-weekly = Weekly summary with a chart: { $state }
morning-button-on = ☀️ Morning summary: on (turn off)
morning-button-off = ☀️ Morning summary: off (turn on)
morning-hello = { $count ->
    [one] ☀️ Good morning! Your stash: { $total } in { $count } batch.
   *[other] ☀️ Good morning! Your stash: { $total } in { $count } batches.
}
morning-item = { $amount } { $place } (until { $until })
morning-nothing-due = Nothing needs using today or tomorrow. 🌿
morning-use-today = Use today
morning-tomorrow = Tomorrow

## A batch: why an action could not happen, its deadlines, the prompts on its card
## (src/messages/batch.rs)

error-zero = That's zero: nothing to log. How much was it?
error-too-much = That's more than { $max } in one batch. Is there a typo?
error-more-than-left = Only { $left } is left in that batch.
error-in-future = That time hasn't come yet. When was it expressed?
error-too-old = That's more than a year ago: I can only keep milk from the last 12 months.
error-after-later-step = The milk was expressed before it was frozen or moved: pick an earlier time.
error-not-loggable = New milk goes to the room, a cooler bag, the fridge or the freezer.
error-used-up = This batch is already used up.
error-discarded = This batch was already discarded.
error-finished = This batch is no longer in the stash.
error-already-there = It's already { $place }.
error-refreeze = Thawed milk can never go back in the freezer. Use it or discard it.
error-cannot-move = That move isn't possible for milk { $place }.
error-expired = ⚠️ This milk passed its time ({ $deadline }). It's safest to discard it.
error-undo-thaw-too-late = It's been more than { $minutes } minutes since it came out of the freezer, so it may have started to thaw: I can't put it back. Thawed milk can't be frozen again; use it or discard it.
error-undo-too-late = Undo only works for { $minutes } minutes when it would give the milk more time. If something was logged wrong, discard this batch and log it again.
error-time-after-move = It has moved since it was logged, so its time can't change any more: I couldn't tell whether it was within its time at each step. If it was expressed earlier than logged, it's safest to discard it.
error-edit-too-late = I saw you edited that message. It's been more than { $minutes } minutes since it logged the batch, so I left the batch as it is: fix it with ✏️ Edit on the batch in /stash.
error-moved-on = I saw you edited that message, but the batch has changed since, so I left it as it is: fix it with ✏️ Edit on the batch in /stash.
error-later-deadline = I saw you edited that message, but that would give the milk more time (use by { $old } would become { $new }), so I left the batch as it is. If the new time is right, change it with ✏️ Edit → Change the time on the batch.
error-undo-expired = ⚠️ Undoing would bring back milk that passed its time ({ $deadline }). It's safest to discard it.
side-left = L { $amount }
side-right = R { $amount }
card-expressed = Expressed { $at }
card-use-by = {" "}· use by { $by } ({ $left })
card-best-by = {" "}· best quality until { $best } ({ $left }), fine until { $safe }
card-straight-away = {" "}· use it straight away ({ $source })
card-past-its-time = ⚠️ Past its time since { $since }: it's safest to discard it.
card-past-best = 🕰 Past its best-quality time since { $since }: still fine to use until { $safe }. Thaw it soon.
card-thawing-since = ⏳ Thawing since { $since }. No clock runs yet: once no ice crystals are left, tap “Fully thawed” and its clock starts.
no-refreeze = Thawed milk can't be frozen again.
use-prompt = How much was used?
leftover-prompt = How much is left in the bottle? (What the baby drank counts as used.)
feed-ended-now = Just now
type-it = ⌨️ Type it
leftover-type-prompt = How much is left in the bottle? Type it, e.g. <code>40</code>.
leftover-too-much = That's more than this batch holds ({ $batch } in it, { $typed } typed). How much is left in the bottle? Type a smaller amount, or send /stash to leave it.
feed-ended-prompt = { $left } left. When did the feed end? The leftover clock starts then.
discard-prompt = Why is it going? (This helps the history; any answer is fine.)
edit-prompt = Fix the amount, or when it was expressed:
amount-prompt = How much is in this batch? Tap an amount, or type it, e.g. <code>85</code>.
time-prompt = When was it expressed? Tap a time, or type it, e.g. <code>14:30</code>, <code>5h ago</code> or <code>yesterday 22:00</code>.
confirm-later-deadline = ⚠️ This gives the milk more time: use by { $old } becomes use by { $new }. Only change it if the milk really was expressed then. Change it?
waiting-time = I'm waiting for when that batch was expressed: type it like <code>14:30</code>, <code>2h ago</code> or <code>yesterday 22:00</code>. Or send /stash to leave it.
waiting-amount = I'm waiting for the amount in that batch: type a number, e.g. <code>85</code>. Or send /stash to leave it.
waiting-leftover = I'm waiting for how much is left in the bottle: type a number, e.g. <code>40</code>. Or send /stash to leave it.
waiting-city = I'm waiting for your city: type it like <code>Lisbon</code> or an offset like <code>UTC+3</code>.
waiting-log-time = I'm waiting for when that milk was expressed: type it like <code>14:30</code>, <code>2h ago</code> or <code>yesterday 22:00</code>. Or send /log to start again.
waiting-log-place = I'm waiting for where that milk is: type <code>fridge</code>, <code>freezer</code>, <code>room</code> or <code>cooler</code>. Or send /log to start again.

## Settings: the summary, timezone, guideline and fridge questions (src/messages/settings.rs)

settings-summary =
    ⚙️ <b>Settings</b>
    Unit: { $unit } (e.g. { $ml } = { $oz })
    Timezone: { $zone } (it's { $now } there now)
    Guideline: { $guideline }
settings-fridge = Fridge: { $answer }
timezone-prompt = 🕑 Your timezone is <b>{ $zone }</b>. Pick yours, share your location (📎 → Location), or send <code>/timezone</code> with a city or an offset, e.g. <code>/timezone Berlin</code> or <code>/timezone UTC+3</code>.
zone-question = 🕑 One thing first: which timezone are you in? Every deadline and reminder uses it. Until you choose, I use <b>{ $zone }</b>.
more-zones = 🌍 Other zones
share-location = 📍 Share location
type-city = ⌨️ Type a city
send-location = 📍 Send my location
ask-location = Tap <b>📍 Send my location</b> below. I only use it to suggest timezones; the location itself isn't stored.
ask-city = Type your city, for example <code>Lisbon</code>, or an offset such as <code>UTC+3</code>. (<code>/timezone Lisbon</code> works any time too.)
ask-city-group = Reply to this message with your city, for example <code>Lisbon</code>, or an offset such as <code>UTC+3</code>. (<code>/timezone Lisbon</code> works any time too.)
set-zone-button = 🕑 Set my timezone
zone-assumed = 🕑 I read times in <b>{ $zone }</b> because your timezone isn't set yet. Not right? Tap <b>{ $button }</b>.
clock-skipped = 🕑 The clocks went forward that night, so { $typed } didn't happen in { $zone }. I counted from the earliest it could mean, { $read }, so no deadline runs late.
clock-twice = 🕑 The clocks went back that night, so { $typed } happened twice in { $zone }. I counted from the first one, so no deadline runs late.
location-zones = 📍 Thanks! Which of these shows your time right now?
other-zone = None of these…
location-no-zone = I couldn't place that location. Send <code>/timezone</code> with your city instead, e.g. <code>/timezone Berlin</code>.
timezone-set = 🕑 Timezone set to <b>{ $zone }</b>. It's { $now } there now.
timezone-changed = 🕑 { $who } changed the timezone from <b>{ $from }</b> to <b>{ $to }</b> (it's { $now } there now). Times and reminders follow the new one.
guideline-changed = 📋 { $who } changed the storage guideline from <b>{ $from }</b> to <b>{ $to }</b>. Deadlines and reminders follow the new one.
timezone-unknown = I couldn't find a timezone called "{ $text }". Try a city (<code>/timezone Berlin</code>), an area name (<code>/timezone Europe/Berlin</code>) or an offset (<code>/timezone UTC+1</code>).
profile-prompt =
    📋 <b>Which guideline should I follow?</b>
    • CDC (US): fridge 4 days, freezer 6 months best (12 acceptable)
    • NHS (UK): fridge 8 days at 4 °C or colder (3 days if warmer or not sure), freezer 6 months, thawed milk straight away
    • ABM protocol: fridge 4 days, freezer 6 months best (12 acceptable)
    • La Leche League: fridge 3 days, freezer 6 months best (12 acceptable)
    • Strictest of all: the shortest time any of them gives
    Deadlines and reminders follow your choice.
fridge-prompt =
    🌡 <b>How cold is your fridge?</b>
    The NHS keeps milk 8 days in a fridge at 4 °C or colder, and 3 days when it's warmer or you're not sure. A fridge thermometer at the back of a middle shelf tells you.
fridge-cold = 🧊 4 °C or colder
fridge-warm = 🌡 Warmer or not sure
fridge-answer-cold = 4 °C or colder
fridge-answer-warm = warmer than 4 °C or not sure
fridge-answer-unknown = not asked yet (counted as not sure)
fridge-button = 🌡 Fridge: { $answer }
settings-closed = ⚙️ Settings saved.

## Answers, the topic menu, the walkthrough and /storage (src/messages/guidance.rs)

topics-button = 📚 All topics
next-step = Next ➡
done-button = ✅ Done
walkthrough-button = ✋ Step by step
answer-source = Source: { $source }
guideline-fridge-cold = , fridge at 4 °C or colder
guideline-fridge-warm = , fridge warmer than 4 °C or not known
guideline-line = 📌 Your guideline ({ $profile }{ $fridge }): { $figures }
limit-best-acceptable = { $limit } best quality, { $acceptable } acceptable
limit-chilled-first = { $limit } for milk chilled first ({ $fresh } for fresh milk)
also-button = Also: { $title }
not-sure = I'm not sure I understood. Did you mean one of these?
out-of-scope = I'm best at hand expression, storing and thawing breast milk, and keeping track of your stash. Pick a topic, or ask me about one of those.
out-of-scope-worried = Worried about your baby or yourself? Contact your doctor, midwife, health visitor or a lactation consultant (IBCLC). If it is urgent (trouble breathing, fainting, thoughts of harming yourself), call emergency services now.
faq-menu = 📚 <b>Questions</b>: pick a topic, or just type your question.
step-heading = Step { $number } of { $total }: { $title }
steps-done = ✋ Well done. Tap 🍼 Log milk to add what you expressed, or send /express to go through the steps again.
switch-button = ⏰ Switch sides in { $minutes } min
switch-scheduled = I'll tell you in { $minutes } minutes.
limit-no-clock = no clock yet
limit-immediately = use straight away
limit-hours = { $hours } h
limit-days = { $days ->
    [one] { $days } day
   *[other] { $days } days
}
limit-weeks = { $weeks ->
    [one] { $weeks } week
   *[other] { $weeks } weeks
}
limit-months = { $months ->
    [one] { $months } month
   *[other] { $months } months
}
note-clock-after-thaw = the clock starts once it is fully thawed
storage-title = Storage times: { $profile }
storage-figure-of = {" "}· { $profile }'s figure
storage-clocks = Fresh milk counts from when it was expressed (the fridge too); frozen milk from when it was first frozen; thawed milk from when it is fully thawed (thawing in lukewarm water leaves it fully thawed at once); leftovers from the end of the feed. Thawed milk never goes back in the freezer. Where a guideline gives a range, I count the shorter time.
storage-term-babies = These are for healthy babies born at term: for a premature or sick baby, ask the care team.
storage-unchecked = NHS, ABM and La Leche League figures were taken from secondary copies and are still being checked against the originals.

## /stats, the low-stash note and the weekly summary (src/messages/insights.rs)

chart-title = Milk this fortnight
chart-as-of = As of { $weekday } { $day } { $month }, { $clock }
chart-per-day = Expressed per day ({ $unit })
chart-left = Left
chart-right = Right
chart-side-not-noted = Side not noted
chart-no-sessions = No sessions logged in these two weeks yet
chart-weekday = { $day ->
    [mon] Mo
    [tue] Tu
    [wed] We
    [thu] Th
    [fri] Fr
    [sat] Sa
   *[sun] Su
}
chart-deadline-near = { $weekday } { $day }, { $clock }
chart-deadline-far = { $day } { $month }
chart-place = { $place ->
    [room] Room
    [cooler] Cooler bag
    [fridge] Fridge
    [icebox] Ice box
    [freezer] Freezer
    [thawing] Thawing
    [thawed-fridge] Thawed, fridge
    [thawed-room] Thawed, room
   *[leftover] Leftover
}
chart-row-one = { $place } · { $amount }
chart-row = { $place } · { $batches } batches · { $amount }
chart-row-expired = { $place } · { $batches } batches · { $amount } · { $expired } expired
chart-between = { $first } to { $last }
chart-to = to { $last }
chart-until = until { $first }
chart-expired-at = expired { $when }
chart-expired = expired
chart-stash = Stash: time left
chart-empty = Nothing stored right now.
chart-empty-hint = Milk you log will show up here with the time it has left.
chart-tick-now = now
chart-tick-hours = { $n } h
chart-tick-days = { $n ->
    [one] { $n } day
   *[other] { $n } days
}
chart-tick-weeks = { $n ->
    [one] { $n } week
   *[other] { $n } weeks
}
chart-tick-months = { $n ->
    [one] { $n } month
   *[other] { $n } months
}
chart-tick-years = { $n ->
    [one] { $n } year
   *[other] { $n } years
}
tally-line = { $sessions ->
    [one] { $label }: <b>{ $total }</b> in { $sessions } session
   *[other] { $label }: <b>{ $total }</b> in { $sessions } sessions
}
supply-under-a-day = less than a day
supply-about = about { $days } days
stats-title = Your numbers
stats-today = Today
stats-yesterday = Yesterday
stats-week = Last 7 days
stats-average = , { $amount } a session on average
stats-usable = 🧊 Stash: <b>{ $amount }</b> usable
stats-supply = : { $days } at { $per_day } a day
stats-frozen = {" "}(frozen: { $days })
stats-supply-later = {" "}(days of supply show after { $needed } days of recorded use: { $so_far } so far)
stats-supply-none = {" "}(days of supply show once you log milk as used)
stats-nothing-expires = Nothing expires in the next 48 hours.
stats-next-48 = Next 48 hours
low-stash = 📉 Heads-up: the frozen stash covers { $days } at your current use, below the { $threshold } days you asked me to watch for.
weekly-summary = { $sessions ->
    [one] 🗓 <b>Your week</b>: { $total } expressed in { $sessions } session. Stash: { $usable } usable
   *[other] 🗓 <b>Your week</b>: { $total } expressed in { $sessions } sessions. Stash: { $usable } usable
}
low-stash-off = 📉 Low-stash alert: off
low-stash-under = 📉 Under { $days } days
weekly-button-on = 🗓 Weekly summary: on (turn off)
weekly-button-off = 🗓 Weekly summary: off (turn on)

## Families: groups, invites, members, /forget and /export (src/messages/family.rs)

group-welcome =
    Hi everyone! I'm milkbot 🍼 In this group I keep <b>one shared stash</b> for everyone who feeds the baby.
    • Log milk with the buttons below, or type <code>/log 90 fridge</code>.
    • Reminders come here. Anyone can also get them in private: /invite makes a link.
    • Every message says who did what.
    Privacy mode is fine: I only need commands, replies to my messages and buttons (or mention me, @{ $bot }).
welcome-back = I'm back 👋 Your stash is as you left it, and reminders are on again.
invite =
    🔗 Send this link to someone who feeds the baby. Opening it links their private chat with me to this family's stash, so they can log one-handed and get reminders there.
    It works once and expires in { $days } days.
    { $link }
invite-open = Open the invite
join-invalid = This invite link is not valid or has expired; ask for a new one (anyone in the family can make one with /invite).
join-in-group = Open invite links in a private chat with me.
already-in-family = This chat is already part of that family.
join-merge = 📦 Bring them along
join-keep = Keep them aside
join-ask-merge = { $count ->
    [one] You have { $count } batch ({ $total }) in your own stash here. Bring them into the family's stash? If you keep them aside, they come back if you leave the family.
   *[other] You have { $count } batches ({ $total }) in your own stash here. Bring them into the family's stash? If you keep them aside, they come back if you leave the family.
}
joined = 🎉 You're in! This chat now shares the family's stash. Reminders come here in private; change that in /family.
joined-moved = { $count ->
    [one] { $count } batch from your own stash moved in.
   *[other] { $count } batches from your own stash moved in.
}
pref-auto = reminders: automatic
pref-group = reminders in the group
pref-private = reminders in private
pref-both = reminders in the group and in private
pref-off = no reminders
private-not-linked = ⚠️ { $name }, I can't reach you in a private chat for this family yet, so your reminders will come here in the group meanwhile. To get them in private, ask for an invite link (/invite) and open it in a private chat with me.
pref-button-group = 🔔 In the group
pref-button-private = 🔔 In private
pref-button-both = 🔔 Both
pref-button-off = 🔕 None
pref-button-auto = Automatic
family-title = Family
family-you = (you)
family-where = Where do you want reminders?
remove-button = Remove { $name }
remove-ask = Remove <b>{ $name }</b> from the family? Their private chat with me gets its own stash back; the family's stash stays here.
remove-yes-button = Yes, remove { $name }
remove-no = Keep them
member-removed = { $name } was removed from the family.
member-removed-notice = 👪 { $by } removed { $name } from the family.
invite-button = 🔗 Invite someone
leave-button = Leave the family
left-family = You've left the family stash. This chat has its own stash again.
leave-in-group = To leave the family, leave this group. To stop reminders for yourself, use /family.
not-linked = This chat isn't linked to a family: it has its own stash.
not-admin = Only the group's admins can do that here. An admin can allow everyone in ⚙️ Settings.
admin-unchecked = Only the group's admins can do that, and I can't check who they are right now (I may have been removed from the group). Add me back to the group, or try again later.
access-settings-open = 👥 Settings: anyone can change (removing, erasing: admins)
access-admins-only = 👥 Settings: admins only
access-all-open = 👥 Settings, removing, erasing: anyone
forget-ask = { $count ->
    [one] ⚠️ This deletes everything about this family: { $count } batch and their history, reminders, members and settings. It can't be undone.
   *[other] ⚠️ This deletes everything about this family: { $count } batches and their history, reminders, members and settings. It can't be undone.
}
forget-yes = 🗑 Yes, delete everything
forget-no = Keep everything
forget-cancelled = Nothing was deleted.
forgotten-by = {" "}by { $who }
forgotten = 🗑 Deleted{ $by }: { $batches } batches, { $events } history entries, { $reminders } reminders, { $members } members, and the settings. Send /start to begin again.
export-caption = 📄 Your family's history: { $count } entries, one per row.
nothing-to-export = Nothing to export yet: log some milk first.

## Voice notes (src/messages/voice.rs)

voice-heard = 🎙 I heard: “{ $text }”
voice-off =
    🎙 I can't listen to voice notes here yet. Type it instead, like <code>90 fridge</code> or a question, or use the buttons below.

    <i>Whoever runs this bot can turn voice on with the <code>MILKBOT_STT_URL</code> setting.</i>
voice-too-long = That voice note is too long for me. Could you keep it under three minutes, or type it, like <code>90 fridge</code>? Nothing was saved.
voice-slow = Sorry, listening took too long, so I stopped. Nothing was saved. Please try again in a moment, or type it, like <code>90 fridge</code>.
voice-failed = Sorry, I couldn't listen to that voice note just now. Nothing was saved. Please try again in a moment, or type it, like <code>90 fridge</code>.
voice-empty = I couldn't make out any words in that voice note, so nothing was saved. Could you say it again, or type it, like <code>90 fridge</code>?

## The /export CSV's column names (src/export.rs)

csv-event-id = event_id
csv-batch-id = batch_id
csv-time = time
csv-event = event
csv-by = by
csv-amount = amount
csv-unit = unit
csv-expressed = expressed
csv-sides = sides
csv-from = from
csv-place = place
csv-deadline = deadline
csv-note = note

## The /export CSV's cells that are words (numbers and times stay as they are). English
## writes the codes the export has always written, which scripts may rely on.

csv-event-logged = logged
csv-event-moved = moved
csv-event-thawed = thawed
csv-event-used = used
csv-event-discarded = discarded
csv-event-edited = edited
csv-event-undone = undone
csv-place-room = room
csv-place-cooler = cooler
csv-place-fridge = fridge
csv-place-icebox = icebox
csv-place-freezer = freezer
csv-place-thawing = thawing
csv-place-thawed-fridge = thawed_fridge
csv-place-thawed-room = thawed_room
csv-place-leftover = leftover
csv-reason-expired = expired
csv-reason-spilled = spilled
csv-reason-smelled-off = smelled_off
csv-reason-other = other
csv-reason-feed = feed
csv-reason-message = message
csv-reason-undid = { $event }
csv-undone = undone

## A batch card's heading once the batch left the stash (src/messages/batch.rs)

card-used-up = 🍼 <b>{ $amount }</b>: used up
card-discarded = 🗑 <b>{ $amount }</b>: discarded
card-removed = <s>{ $amount }</s>: removed
