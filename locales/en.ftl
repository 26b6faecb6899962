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
