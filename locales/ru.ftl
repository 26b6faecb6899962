# Фразы milkbot по-русски: тепло, коротко, на «вы». Те же ключи и те же числа,
# что в en.ftl.

## Время (src/messages/time.rs): момент в часовом поясе семьи, 24-часовой формат.

time-today = сегодня { $clock }
time-yesterday = вчера { $clock }
time-tomorrow = завтра { $clock }
time-this-week = { $weekday } { $clock }
time-this-year = { $weekday }, { $day } { $month }
time-other-year = { $day } { $month } { $year }
weekday = { $day ->
    [mon] пн
    [tue] вт
    [wed] ср
    [thu] чт
    [fri] пт
    [sat] сб
   *[sun] вс
}
month = { $month ->
    [jan] янв
    [feb] фев
    [mar] мар
    [apr] апр
    [may] мая
    [jun] июн
    [jul] июл
    [aug] авг
    [sep] сен
    [oct] окт
    [nov] ноя
   *[dec] дек
}

## Сколько осталось до срока.

time-no-clock = срок пойдёт, когда молоко полностью разморозится
time-left = осталось { $span }
time-expired = срок истёк { $span } назад
span-min = { $mins } мин
span-h = { $hours } ч
span-h-min = { $hours } ч { $mins } мин
span-d = { $days } дн.
span-d-h = { $days } дн. { $hours } ч
span-days = { $days ->
    [one] { $days } день
    [few] { $days } дня
    [many] { $days } дней
   *[other] { $days } дня
}
span-months = { $months ->
    [one] { $months } месяц
    [few] { $months } месяца
    [many] { $months } месяцев
   *[other] { $months } месяца
}
