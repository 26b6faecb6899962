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
