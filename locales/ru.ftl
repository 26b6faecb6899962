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

## Язык (/language и ⚙️ Настройки)

language-question = 🌐 На каком языке мне с вами говорить?
language-question-group = 🌐 На каком языке мне говорить в этой группе? В личном чате со мной у каждого остаётся свой язык.
language-button = 🌐 Язык: { $name }
language-set = ✔ Готово: теперь я говорю по-русски.

## Приветствие, /help, клавиатура и что сказать, когда что-то не так
## (src/messages/general.rs)

key-log = 🍼 Записать молоко
key-stash = 🧊 Запас
key-ask = ❓ Вопросы
key-express = ✋ Сцеживание руками
key-settings = ⚙️ Настройки
key-help = ℹ️ Помощь
greeting-hello = Здравствуйте! Я milkbot 🍼
greeting-hello-name = Здравствуйте, { $name }! Я milkbot 🍼
greeting-what = Я отвечаю на вопросы о ручном сцеживании и хранении молока, веду учёт вашего запаса и напоминаю, когда молоко пора убрать в холодильник, в морозилку или вылить.
greeting-group = В этой группе я веду один общий запас для всех, кто кормит малыша.
greeting-buttons = Нажмите кнопку внизу. Всё можно делать одной рукой.
not-medical-advice = ⚕️ Я даю общие рекомендации, а не медицинские советы: если вы беспокоитесь о малыше или о себе, обратитесь к врачу, акушерке, патронажной сестре или консультанту по грудному вскармливанию.
answer-footer = Общие рекомендации, не медицинский совет.
timezone-hint = 🕑 Я показываю время в поясе <b>{ $zone }</b>. Изменить можно в ⚙️ Настройках.
disclaimer = ⚕️ Я даю общие рекомендации для здоровых доношенных малышей; это не медицинский совет. Если у вас температура, горячее болезненное уплотнение или кровь в молоке, или малыш очень сонный или плохо ест, обратитесь к врачу, акушерке или консультанту по грудному вскармливанию (IBCLC), а если это срочно, в скорую помощь.
help-title = Что я умею
help-typing = Можно просто написать: <code>90 холодильник</code> запишет 90 мл в холодильник, а на вопрос вроде <code>сколько хранится в холодильнике</code> я отвечу.
unknown-command = Я пока не знаю команду { $command }. Нажмите кнопку внизу или отправьте /help, чтобы увидеть всё, что я умею.
something-went-wrong = Извините, у меня что-то пошло не так, и ничего не изменилось. Попробуйте ещё раз чуть позже.
not-saved = Извините, сейчас не получилось сохранить, поэтому ничего не изменилось. Попробуйте ещё раз через минуту.
slow-down = Слишком много сразу! Подождите минуту и отправьте снова: то, что пришло слишком быстро, я пропустил.
text-too-long = Это сообщение для меня длинновато. Можно в одном-двух предложениях?
language-keyboard = ⌨️ Кнопки внизу теперь на русском.
only-text = Я понимаю только текст и нажатия кнопок 🙂 Используйте кнопки внизу или напишите, например, <code>90 холодильник</code> или вопрос.

## Меню команд и /help (src/telegram/commands.rs), по строке на команду

cmd-start = начать и показать кнопки
cmd-log = записать молоко: /log или, например, /log 90 холодильник 14:30
cmd-stash = ваш запас и что использовать первым
cmd-settings = единицы, часовой пояс, рекомендации
cmd-language = язык, на котором я говорю
cmd-timezone = часовой пояс, например /timezone Moscow
cmd-faq = вопросы и ответы по темам
cmd-express = ручное сцеживание, шаг за шагом
cmd-storage = сколько хранится молоко по вашим рекомендациям
cmd-stats = ваши цифры и график
cmd-invite = пригласить кого-то вести этот запас вместе
cmd-family = кто в семье и куда приходят напоминания
cmd-leave = отвязать этот личный чат от семьи
cmd-export = скачать всю историю (CSV)
cmd-forget = удалить все данные этой семьи
cmd-help = что я умею

## Профиль бота в Telegram (src/telegram/mod.rs, при запуске)

bot-description = Я помогаю тем, кто сцеживает грудное молоко: отвечаю на вопросы о ручном сцеживании и хранении молока, веду учёт запаса и напоминаю, когда молоко пора убрать в холодильник, в морозилку или вылить. Общие рекомендации, не медицинский совет.
bot-short-description = Ручное сцеживание, хранение молока и учёт запаса с напоминаниями — одной рукой.
## Доска запаса, мини-приложение Telegram (src/messages/board.rs).

board-button = 🗂 Доска
board-unsigned = Эта доска открывается из бота в Telegram, а эту копию не удалось проверить. Закройте её и откройте снова из чата.
board-no-family = Вы ещё не состоите в семье в этом боте. Отправьте боту /start (или вступите в группу своей семьи) и откройте доску снова.
board-left-group = Вас больше нет в этой группе, поэтому её доска вам недоступна. Ваш собственный запас — на доске в личном чате с ботом.
board-page-title = Запас
board-page-use-next = Использовать первым
board-page-use-next-button = Использовать первым: { $amount }
board-page-move = Переложить
board-page-used = Использовано
board-page-discard = Выбросить
board-page-back = ← Доска
board-page-history = История
board-page-pull = Отпустите, чтобы обновить
board-page-cant-open = Доска не открывается
board-page-went-wrong = Что-то пошло не так. Попробуйте ещё раз чуть позже.
board-page-offline = Нет связи с ботом. Потяните вниз, чтобы попробовать снова.
board-page-offline-unchanged = Нет связи с ботом. Ничего не изменено.
board-page-unavailable = Эту порцию сейчас не открыть.
board-page-not-through = Не получилось.
board-page-done = Готово: { $action }
board-not-found = Этой порции нет в вашем запасе.
board-bad-request = Не получилось: доска отправила то, что бот не может прочитать. Обновите доску и попробуйте ещё раз.
board-did = { $name } { $phrase } (на доске запаса).
board-summary = { $count ->
    [one] { $total } в { $count } порции
    [few] { $total } в { $count } порциях
    [many] { $total } в { $count } порциях
   *[other] { $total } в { $count } порции
}
board-supply-under-a-day = Запаса меньше чем на день
board-supply = { $days ->
    [one] Запаса примерно на { $days } день
    [few] Запаса примерно на { $days } дня
    [many] Запаса примерно на { $days } дней
   *[other] Запаса примерно на { $days } дня
}
board-supply-unknown = Дни запаса появятся, когда молоко будет отмечено как использованное
board-logged-by = записал(а) { $name }
board-expressed = сцежено { $when }
board-past-best = лучший срок качества прошёл
board-history = { $when } · { $name } { $what }
board-history-undone = { $when } · { $name } { $what } (отменено)
board-logged-in = записал(а) { $amount } { $place }
board-logged = записал(а) { $amount }
board-put = переложил(а) { $place }
board-moved = переложил(а)
board-used = использовал(а)
board-used-amount = использовал(а) { $amount }
board-discarded = вылил(а)
board-corrected = исправил(а)
board-undid = отменил(а) последнее изменение

## Места, перемещения, причины, рекомендации, единицы (src/messages/places.rs)

place-room = Комнатная температура
place-cooler = Термосумка
place-fridge = Холодильник
place-icebox = Морозильное отделение
place-freezer = Морозилка
place-thawing = Размораживается в холодильнике
place-thawed-fridge = Разморожено, в холодильнике
place-thawed-room = Разморожено, при комнатной температуре
place-leftover = Остаток после кормления
in-room = при комнатной температуре
in-cooler = в термосумке
in-fridge = в холодильнике
in-icebox = в морозильном отделении
in-freezer = в морозилке
in-thawing = размораживается в холодильнике
in-thawed-fridge = разморожено, в холодильнике
in-thawed-room = разморожено, при комнатной температуре
in-leftover = остаток после кормления
to-room = на комнатную температуру
to-cooler = в термосумку
to-fridge = в холодильник
to-icebox = в морозильное отделение
to-freezer = в морозилку
move-room = Комнатная температура
move-cooler = В термосумку
move-fridge = В холодильник
move-icebox = В морозильное отделение
move-freezer = В морозилку
move-thawing = Разморозить в холодильнике
move-thawed-fridge = Полностью разморожено
move-thaw-warm = Разморозить в тёплой воде
move-out-of-fridge = Достать из холодильника
move-leftover = Малыш не допил
pick-room = Комната
pick-cooler = Термосумка
pick-fridge = Холодильник
pick-icebox = Морозильное отделение
pick-freezer = Морозилка
now-room = при комнатной температуре
now-cooler = теперь в термосумке
now-fridge = теперь в холодильнике
now-icebox = теперь в морозильном отделении
now-freezer = теперь в морозилке
now-thawing = размораживается в холодильнике
now-thawed-fridge = полностью разморожено, в холодильнике
now-thawed-warm = разморожено в тёплой воде
now-thawed-room = достали из холодильника
now-leftover = осталось после кормления
reason-expired = ⏰ Слишком старое
reason-spilled = 💦 Пролилось
reason-smelled-off = 👃 Кислый запах
reason-other = Другое
profile-cdc = CDC (США)
profile-nhs = NHS (Великобритания)
profile-abm = Протокол ABM
profile-lll = La Leche League
profile-strictest = Самые строгие из всех
unit-ml = мл
unit-oz = унц.

## Общие кнопки и короткие ответы на нажатие (src/messages/buttons.rs)

button-cancel = ✖ Отмена
button-back = ⬅ Назад
button-now = 🕑 Сейчас
button-earlier = ⏱ Раньше…
button-to-stash = 🧊 Запас
button-used = 🍼 Использовать…
button-discard = 🗑 Вылить…
button-undo = ↩️ Отменить
button-edit = ✏️ Исправить
button-change-amount = Изменить количество
button-change-time = Изменить время
button-confirm-change = ✔ Да, изменить
button-keep-it = ✖ Нет, оставить
button-log = 🍼 Записать молоко
button-prev = ◀ Назад
button-next = Далее ▶
button-close = ✖ Закрыть
button-timezone = 🕑 Часовой пояс
stale-button = Эта кнопка устарела. Начнём заново.
not-your-batch = Этой порции нет в запасе этого чата.
batch-changed = Эта порция тем временем изменилась: вот как она сейчас.
nothing-to-undo = Для этой порции нечего отменять.
already-logged = Уже записано: вот эта порция.
ago-now = Сейчас
ago-min = { $mins } мин назад
ago-h = { $hours } ч назад
ago-h-min = { $hours } ч { $mins } мин назад
same-again = ↻ Как в прошлый раз: { $amount } · { $place }
used-all = Всё ({ $amount })
unit-button-ml = 📏 Единицы: мл (переключить на унции)
unit-button-oz = 📏 Единицы: унции (переключить на мл)
profile-button = 📋 Рекомендации: { $name }

## Запись молока: шаги, что сделано, исправления (src/messages/log.rs)

log-amount-prompt =
    🍼 <b>Сколько?</b>
    Другое количество? Просто напишите, например <code>{ $example }</code>.
log-place-prompt = 🍼 <b>{ $amount }</b>: где оно?
log-when-prompt = 🍼 <b>{ $amount }</b> { $place }: когда сцеживали?
which-date-prompt = 🍼 <b>{ $amount }</b> { $place }: какая это дата — <code>{ $typed }</code>?
month-long = { $month ->
    [jan] января
    [feb] февраля
    [mar] марта
    [apr] апреля
    [may] мая
    [jun] июня
    [jul] июля
    [aug] августа
    [sep] сентября
    [oct] октября
    [nov] ноября
   *[dec] декабря
}
date-long = { $day } { $month }
log-type-time = 🍼 <b>{ $amount }</b> { $place }: напишите, когда сцеживали, например <code>14:30</code>, <code>2 часа назад</code> или <code>вчера 21:00</code>.
log-type-time-group = 🍼 <b>{ $amount }</b> { $place }: ответьте на это сообщение, когда сцеживали, например <code>14:30</code>, <code>2 часа назад</code> или <code>вчера 21:00</code>.
log-type-place = 🍼 <b>{ $amount }</b>: напишите, где оно, например <code>холодильник</code> или <code>морозилка</code>.
log-type-place-group = 🍼 <b>{ $amount }</b>: ответьте на это сообщение, где оно, например <code>холодильник</code> или <code>морозилка</code>.
log-earlier-hint = Для другого времени напишите, например <code>{ $number } { $place } 14:30</code>.
typed-room = комната
typed-cooler = термосумка
typed-fridge = холодильник
typed-icebox = ice box
typed-freezer = морозилка
log-cancelled = Хорошо, ничего не записано.
implausible-amount = 🤔 <b>{ $amount }</b> — это много для одного сцеживания. Может быть, <b>{ $fix }</b>?
keep-amount = Да, { $amount }
stash-full = В вашем запасе уже { $count } порций — больше я одновременно не храню. Отметьте какие-то как использованные или вылитые в /stash и запишите снова.
history-full = Эта семья уже записала { $count } порций — больше я не храню. Скачайте историю через /export и начните заново с /forget.
log-not-understood = Не получилось понять это как порцию. Попробуйте, например, <code>90 холодильник</code>, <code>3oz морозилка 1 час назад</code> или <code>левая 40 правая 50 холодильник</code>, или нажмите 🍼 Записать молоко.
sides-disagree = По сторонам выходит { $sides }, а всего указано { $total }. Как правильно? Отправьте ещё раз с одним из них.
not-a-time = { $time } — такого времени суток я не знаю.
time-in-future = Это время сегодня ещё не наступило.
time-out-of-range = Не получилось понять это время.
time-too-long-ago = Это больше года назад, такое я записать не могу. Проверьте дату или выберите время ниже.
did-actor = { $name }: { $phrase }.
logged-phrase = записано { $amount } { $place }
logged-batches = { $count ->
    [one] записана { $count } порция
    [few] записаны { $count } порции
    [many] записано { $count } порций
   *[other] записано { $count } порции
}
moved-thawing = { $amount } размораживается в холодильнике
moved-thawed-fridge = { $amount } отмечено как полностью размороженное
moved-thawed-warm = { $amount } разморожено в тёплой воде
moved-thawed-room = { $amount } размороженного молока достали из холодильника
moved-leftover = { $amount } отмечено как остаток после кормления
moved-to = { $amount } перенесено { $place }
leftover-phrase = записано кормление, закончившееся { $ended }: осталось { $left }
leftover-drunk = записано кормление, закончившееся { $ended }: малыш выпил { $drunk }, осталось { $left }
used-all-gone = использовано { $used }: больше не осталось
used-some = использовано { $used } (осталось { $left })
discarded-expired = вылито { $amount } (слишком старое)
discarded-spilled = вылито { $amount } (пролилось)
discarded-smelled-off = вылито { $amount } (кислый запах)
discarded-other = вылито { $amount }
undid-log = порция { $amount } удалена
undid-use = использование отменено
undid-discard = порция возвращена: не вылита
undid-move = перемещение отменено
undid-edit = исправление отменено
edited-amount = количество изменено на { $amount }
edit-not-a-log = Вижу, вы изменили то сообщение, но я больше не могу прочитать его как запись, поэтому порция осталась как была. Чтобы исправить, нажмите ✏️ Исправить у порции в /stash.
relogged = порция обновлена по изменённому сообщению: { $amount } { $place }
edited-message-seen = ✏️ Вижу, вы изменили сообщение: теперь там { $amount } { $place }.
edited-time = время изменено на { $time }
snoozed = 😴 Напомню ещё раз { $time }.

## Запас (src/messages/stash.rs)

empty-stash =
    🧊 Ваш запас пуст.
    Запишите молоко кнопкой внизу или напишите, например, <code>90 холодильник</code>.
stash-header = { $count ->
    [one] 🧊 <b>Ваш запас</b>: { $total } в { $count } порции
   *[other] 🧊 <b>Ваш запас</b>: { $total } в { $count } порциях
}
use-next = 👉 Использовать первым: { $amount } { $place } (сцежено { $expressed }, { $left })
expired-count = { $count ->
    [one] ⚠️ { $count } порция просрочена: нажмите на неё, чтобы вылить.
    [few] ⚠️ { $count } порции просрочены: нажмите на них, чтобы вылить.
   *[other] ⚠️ { $count } порций просрочены: нажмите на них, чтобы вылить.
}
past-best = 🕰 лучшее время прошло

## Напоминания, сводки, настройки напоминаний, утренняя сводка (src/messages/reminders.rs)

snooze-hour = 😴 Через 1 ч
snooze-morning = 😴 Завтра утром
discard-now = 🗑 Вылить
remind-thawing = ⏳ { $amount } размораживается в холодильнике, начали { $since }. Кристалликов льда не осталось? Нажмите «Полностью разморожено», чтобы пошёл отсчёт срока.
remind-best = 🕰 { $amount } { $place }, сцежено { $expressed }: лучшее время прошло. Использовать ещё можно до { $safe }: разморозьте его поскорее.
remind-deadline = ⛔ Срок вышел: { $amount } { $place }, сцежено { $expressed }. Надёжнее всего вылить.
remind-last-call = ⏳ Последнее напоминание: { $amount } в холодильнике, сцежено { $expressed }, срок истекает { $by }. Используйте или заморозьте сейчас.
remind-room = ⏰ { $amount }, сцежено { $expressed }, стоит при комнатной температуре: уберите в холодильник или морозилку до { $by } ({ $left }).
remind-cooler = ⏰ { $amount } в термосумке, сцежено { $expressed }: уберите в холодильник или морозилку до { $by } ({ $left }).
remind-fridge = ⏰ { $amount } в холодильнике, сцежено { $expressed }: использовать до { $by } ({ $left }). Используйте или заморозьте до этого времени.
remind-frozen-best = ⏰ { $amount } { $place }, сцежено { $expressed }: лучше использовать до { $by } ({ $left }).
remind-frozen = ⏰ { $amount } { $place }, сцежено { $expressed }: использовать до { $by } ({ $left }).
remind-thawed-fridge = ⏰ Размороженное молоко, { $amount } (в холодильнике): использовать до { $by } ({ $left }).
remind-thawed-room = ⏰ Размороженное молоко, { $amount } (при комнатной температуре): использовать до { $by } ({ $left }).
remind-leftover = ⏰ Остаток после кормления, { $amount }: использовать до { $by } ({ $left }) или вылить.
digest-header = { $count ->
    [one] 🕑 Пока меня не было, { $count } порция требовала внимания:
    [few] 🕑 Пока меня не было, { $count } порции требовали внимания:
   *[other] 🕑 Пока меня не было, { $count } порций требовали внимания:
}
switch-sides = ✋ { $minutes } мин: пора сменить грудь.
reminders-button = 🔔 Напоминания
lead-min = { $mins } мин
lead-h = { $hours } ч
lead-days = { $days ->
    [one] { $days } день
    [few] { $days } дня
   *[other] { $days } дней
}
lead-weeks = { $weeks ->
    [one] { $weeks } неделя
    [few] { $weeks } недели
   *[other] { $weeks } недель
}
lead-class-room = Комната / термосумка
lead-class-thawed = Размороженное
lead-class-fridge = Холодильник
lead-class-freezer = Морозилка
no-quiet-hours = Без тихих часов
on = вкл.
off = выкл.
none = нет
reminders-title = 🔔 <b>Напоминания</b>: за сколько до каждого срока
reminders-lead-line = { $class }: за { $lead }
reminders-quiet = Тихие часы: { $quiet } (напоминания о холодильнике и морозилке ждут утра; срочные приходят всегда)
reminders-morning = Утренняя сводка: { $state }
reminders-low-stash = Предупреждение о малом запасе: { $state }
low-stash-when = когда замороженного запаса хватает меньше чем на { $days } дн.
reminders-weekly = Недельная сводка с графиком: { $state }
morning-button-on = ☀️ Утренняя сводка: вкл. (выключить)
morning-button-off = ☀️ Утренняя сводка: выкл. (включить)
morning-hello = { $count ->
    [one] ☀️ Доброе утро! Ваш запас: { $total } в { $count } порции.
   *[other] ☀️ Доброе утро! Ваш запас: { $total } в { $count } порциях.
}
morning-item = { $amount } { $place } (до { $until })
morning-nothing-due = Сегодня и завтра ничего использовать не нужно. 🌿
morning-use-today = Использовать сегодня
morning-tomorrow = Завтра

## Порция: почему не получилось, её сроки, вопросы на её карточке
## (src/messages/batch.rs)

error-zero = Это ноль: записывать нечего. Сколько было?
error-too-much = Это больше { $max } в одной порции. Может быть, опечатка?
error-more-than-left = В этой порции осталось только { $left }.
error-in-future = Это время ещё не наступило. Когда сцеживали?
error-too-old = Это больше года назад: я храню молоко только за последние 12 месяцев.
error-after-later-step = Молоко сцедили раньше, чем заморозили или переложили: выберите более раннее время.
error-not-loggable = Новое молоко может быть при комнатной температуре, в термосумке, в холодильнике или в морозилке.
error-used-up = Эта порция уже использована.
error-discarded = Эта порция уже вылита.
error-finished = Этой порции больше нет в запасе.
error-already-there = Оно уже { $place }.
error-refreeze = Размороженное молоко нельзя снова замораживать. Используйте или вылейте его.
error-cannot-move = Для молока { $place } такое перемещение невозможно.
error-expired = ⚠️ Срок этого молока истёк ({ $deadline }). Надёжнее всего вылить.
error-undo-thaw-too-late = С тех пор как его достали из морозилки, прошло больше { $minutes } минут — оно могло начать размораживаться, так что вернуть его я не могу. Размороженное молоко нельзя снова замораживать; используйте или вылейте его.
error-undo-too-late = Отменить можно только в течение { $minutes } минут, если это даёт молоку больше времени. Если что-то записано неверно, вылейте эту порцию и запишите заново.
error-time-after-move = Порцию уже перемещали после записи, поэтому время больше нельзя изменить: я не смогу понять, укладывалась ли она в срок на каждом шаге. Если сцеживали раньше, чем записано, надёжнее вылить.
error-edit-too-late = Вижу, вы изменили то сообщение. С записи порции прошло больше { $minutes } минут, поэтому я оставил её как есть: исправьте через ✏️ Исправить у порции в /stash.
error-moved-on = Вижу, вы изменили то сообщение, но порция с тех пор изменилась, поэтому я оставил её как есть: исправьте через ✏️ Исправить у порции в /stash.
error-later-deadline = Вижу, вы изменили то сообщение, но это дало бы молоку больше времени (срок { $old } стал бы { $new }), поэтому я оставил порцию как есть. Если новое время верное, измените его через ✏️ Исправить → Изменить время у порции.
error-undo-expired = ⚠️ Отмена вернула бы молоко с истёкшим сроком ({ $deadline }). Надёжнее всего вылить.
side-left = Л { $amount }
side-right = П { $amount }
card-expressed = Сцежено { $at }
card-use-by = {" "}· использовать до { $by } ({ $left })
card-best-by = {" "}· лучшее качество до { $best } ({ $left }), можно использовать до { $safe }
card-straight-away = {" "}· используйте сразу ({ $source })
card-past-its-time = ⚠️ Срок истёк { $since }: надёжнее всего вылить.
card-past-best = 🕰 Лучшее время прошло { $since }: использовать ещё можно до { $safe }. Разморозьте поскорее.
card-thawing-since = ⏳ Размораживается, начали { $since }. Срок пока не идёт: когда кристалликов льда не останется, нажмите «Полностью разморожено», и отсчёт начнётся.
no-refreeze = Размороженное молоко нельзя снова замораживать.
use-prompt = Сколько использовали?
leftover-prompt = Сколько осталось в бутылочке? (То, что выпил малыш, считается использованным.)
feed-ended-now = Только что
type-it = ⌨️ Написать
leftover-type-prompt = Сколько осталось в бутылочке? Напишите, например <code>40</code>.
leftover-too-much = Это больше, чем в этой порции ({ $batch } в ней, написано { $typed }). Сколько осталось в бутылочке? Напишите меньшее количество или отправьте /stash, чтобы оставить как есть.
feed-ended-prompt = Осталось { $left }. Когда закончилось кормление? С этого момента пойдёт срок остатка.
discard-prompt = Почему выливаете? (Это нужно для истории; подойдёт любой ответ.)
edit-prompt = Исправьте количество или время сцеживания:
amount-prompt = Сколько в этой порции? Нажмите количество или напишите, например <code>85</code>.
time-prompt = Когда сцеживали? Нажмите время или напишите, например <code>14:30</code>, <code>5 часов назад</code> или <code>вчера 22:00</code>.
confirm-later-deadline = ⚠️ Это даст молоку больше времени: срок { $old } станет { $new }. Меняйте, только если молоко правда сцедили тогда. Изменить?
waiting-time = Жду, когда была сцежена эта порция: напишите, например, <code>14:30</code>, <code>2 часа назад</code> или <code>вчера 22:00</code>. Или отправьте /stash, чтобы оставить как есть.
waiting-amount = Жду количество в этой порции: напишите число, например <code>85</code>. Или отправьте /stash, чтобы оставить как есть.
waiting-leftover = Жду, сколько осталось в бутылочке: напишите число, например <code>40</code>. Или отправьте /stash, чтобы оставить как есть.
waiting-city = Жду ваш город: напишите, например, <code>Lisbon</code> или смещение, например <code>UTC+3</code>.
waiting-log-time = Жду, когда сцедили это молоко: напишите, например, <code>14:30</code>, <code>2 часа назад</code> или <code>вчера 22:00</code>. Или отправьте /log, чтобы начать заново.
waiting-log-place = Жду, где это молоко: напишите <code>холодильник</code>, <code>морозилка</code>, <code>комната</code> или <code>термосумка</code>. Или отправьте /log, чтобы начать заново.

## Настройки: сводка, часовой пояс, рекомендации и холодильник (src/messages/settings.rs)

settings-summary =
    ⚙️ <b>Настройки</b>
    Единицы: { $unit } (например, { $ml } = { $oz })
    Часовой пояс: { $zone } (там сейчас { $now })
    Рекомендации: { $guideline }
settings-fridge = Холодильник: { $answer }
timezone-prompt = 🕑 Ваш часовой пояс — <b>{ $zone }</b>. Выберите свой, поделитесь местоположением (📎 → Геопозиция) или отправьте <code>/timezone</code> с городом или смещением, например <code>/timezone Moscow</code> или <code>/timezone UTC+3</code>.
zone-question = 🕑 Сначала один вопрос: в каком вы часовом поясе? По нему считаются все сроки и напоминания. Пока вы не выбрали, я использую <b>{ $zone }</b>.
more-zones = 🌍 Другие пояса
share-location = 📍 Поделиться местоположением
type-city = ⌨️ Написать город
send-location = 📍 Отправить местоположение
ask-location = Нажмите <b>📍 Отправить местоположение</b> внизу. Я использую его только чтобы предложить часовые пояса; само местоположение не сохраняется.
ask-city = Напишите свой город латиницей, например <code>Moscow</code>, или смещение, например <code>UTC+3</code>. (<code>/timezone Moscow</code> тоже работает в любое время.)
ask-city-group = Ответьте на это сообщение своим городом латиницей, например <code>Moscow</code>, или смещением, например <code>UTC+3</code>. (<code>/timezone Moscow</code> тоже работает в любое время.)
set-zone-button = 🕑 Выбрать часовой пояс
zone-assumed = 🕑 Я считаю время по поясу <b>{ $zone }</b>, потому что ваш часовой пояс ещё не выбран. Не тот? Нажмите <b>{ $button }</b>.
clock-skipped = 🕑 В ту ночь часы перевели вперёд, поэтому { $typed } в поясе { $zone } не было. Я считаю от самого раннего возможного времени, { $read }, чтобы ни один срок не затянулся.
clock-twice = 🕑 В ту ночь часы перевели назад, поэтому { $typed } в поясе { $zone } было дважды. Я считаю от первого раза, чтобы ни один срок не затянулся.
location-zones = 📍 Спасибо! Какой из них показывает ваше время сейчас?
other-zone = Ни один из этих…
location-no-zone = Не получилось определить это место. Отправьте <code>/timezone</code> с вашим городом, например <code>/timezone Moscow</code>.
timezone-set = 🕑 Часовой пояс: <b>{ $zone }</b>. Там сейчас { $now }.
timezone-changed = 🕑 { $who }: часовой пояс изменён с <b>{ $from }</b> на <b>{ $to }</b> (там сейчас { $now }). Время и напоминания теперь считаются по новому.
guideline-changed = 📋 { $who }: рекомендации по хранению изменены с <b>{ $from }</b> на <b>{ $to }</b>. Сроки и напоминания теперь по новым.
timezone-unknown = Не нашёл часовой пояс «{ $text }». Попробуйте город латиницей (<code>/timezone Moscow</code>), название зоны (<code>/timezone Europe/Moscow</code>) или смещение (<code>/timezone UTC+1</code>).
profile-prompt =
    📋 <b>Каким рекомендациям мне следовать?</b>
    • CDC (США): холодильник 4 дня, морозилка 6 месяцев лучше всего (12 допустимо)
    • NHS (Великобритания): холодильник 8 дней при 4 °C и ниже (3 дня, если теплее или вы не уверены), морозилка 6 месяцев, размороженное молоко — сразу
    • Протокол ABM: холодильник 4 дня, морозилка 6 месяцев лучше всего (12 допустимо)
    • La Leche League: холодильник 3 дня, морозилка 6 месяцев лучше всего (12 допустимо)
    • Самые строгие из всех: самый короткий срок, который даёт любая из них
    Сроки и напоминания будут по вашему выбору.
fridge-prompt =
    🌡 <b>Насколько холодно в вашем холодильнике?</b>
    NHS разрешает хранить молоко 8 дней в холодильнике при 4 °C и ниже и 3 дня, если теплее или вы не уверены. Узнать поможет термометр у задней стенки на средней полке.
fridge-cold = 🧊 4 °C и ниже
fridge-warm = 🌡 Теплее или не знаю
fridge-answer-cold = 4 °C и ниже
fridge-answer-warm = теплее 4 °C или неизвестно
fridge-answer-unknown = ещё не спрашивали (считается как «неизвестно»)
fridge-button = 🌡 Холодильник: { $answer }
settings-closed = ⚙️ Настройки сохранены.

## Ответы, темы, пошаговое сцеживание и /storage (src/messages/guidance.rs)

topics-button = 📚 Все темы
next-step = Дальше ➡
done-button = ✅ Готово
walkthrough-button = ✋ Шаг за шагом
answer-source = Источник: { $source }
guideline-fridge-cold = , холодильник 4 °C и ниже
guideline-fridge-warm = , холодильник теплее 4 °C или неизвестно
guideline-line = 📌 Ваши рекомендации ({ $profile }{ $fridge }): { $figures }
limit-best-acceptable = { $limit } лучшее качество, { $acceptable } допустимо
limit-chilled-first = { $limit } для заранее охлаждённого молока ({ $fresh } для только что сцеженного)
also-button = Ещё: { $title }
not-sure = Не уверен, что понял. Вы имели в виду что-то из этого?
out-of-scope = Лучше всего я помогаю с ручным сцеживанием, хранением и размораживанием грудного молока и учётом запаса. Выберите тему или спросите меня об этом.
out-of-scope-worried = Беспокоитесь о малыше или о себе? Обратитесь к врачу, акушерке, патронажной сестре или консультанту по грудному вскармливанию (IBCLC). Если это срочно (трудно дышать, обморок, мысли причинить себе вред), сразу звоните в скорую помощь.
faq-menu = 📚 <b>Вопросы</b>: выберите тему или просто напишите свой вопрос.
step-heading = Шаг { $number } из { $total }: { $title }
steps-done = ✋ Отлично. Нажмите 🍼 Записать молоко, чтобы добавить сцеженное, или отправьте /express, чтобы пройти шаги ещё раз.
switch-button = ⏰ Сменить грудь через { $minutes } мин
switch-scheduled = Напомню через { $minutes } мин.
limit-no-clock = срок пока не идёт
limit-immediately = использовать сразу
limit-hours = { $hours } ч
limit-days = { $days ->
    [one] { $days } день
    [few] { $days } дня
   *[other] { $days } дней
}
limit-weeks = { $weeks ->
    [one] { $weeks } неделя
    [few] { $weeks } недели
   *[other] { $weeks } недель
}
limit-months = { $months ->
    [one] { $months } месяц
    [few] { $months } месяца
   *[other] { $months } месяцев
}
note-clock-after-thaw = срок идёт с момента полного размораживания
storage-title = Сроки хранения: { $profile }
storage-figure-of = {" "}· по данным { $profile }
storage-clocks = Свежее молоко считается с момента сцеживания (в холодильнике тоже); замороженное — с первой заморозки; размороженное — с момента полного размораживания (в тёплой воде оно размораживается полностью сразу); остатки — с конца кормления. Размороженное молоко никогда не возвращается в морозилку. Если рекомендации дают диапазон, я считаю по меньшему сроку.
storage-term-babies = Это для здоровых доношенных малышей: если малыш недоношенный или болеет, спросите его врачей.
storage-unchecked = Цифры NHS, ABM и La Leche League взяты из вторичных источников и ещё сверяются с оригиналами.

## /stats, предупреждение о малом запасе и недельная сводка (src/messages/insights.rs)

chart-title = Молоко за две недели
chart-as-of = На { $weekday }, { $day } { $month }, { $clock }
chart-per-day = Сцежено за день ({ $unit })
chart-left = Левая
chart-right = Правая
chart-side-not-noted = Сторона не указана
chart-no-sessions = За эти две недели сцеживаний пока не записано
chart-weekday = { $day ->
    [mon] пн
    [tue] вт
    [wed] ср
    [thu] чт
    [fri] пт
    [sat] сб
   *[sun] вс
}
chart-deadline-near = { $weekday } { $day }, { $clock }
chart-deadline-far = { $day } { $month }
chart-place = { $place ->
    [room] Комната
    [cooler] Термосумка
    [fridge] Холодильник
    [icebox] Морозильное отд.
    [freezer] Морозилка
    [thawing] Размораживается
    [thawed-fridge] Разморожено, холодильник
    [thawed-room] Разморожено, комната
   *[leftover] Остаток
}
chart-row-one = { $place } · { $amount }
chart-row = { $batches ->
    [one] { $place } · { $batches } порция · { $amount }
    [few] { $place } · { $batches } порции · { $amount }
   *[other] { $place } · { $batches } порций · { $amount }
}
chart-row-expired = { $batches ->
    [one] { $place } · { $batches } порция · { $amount } · { $expired ->
        [one] { $expired } просрочена
       *[other] { $expired } просрочены
    }
    [few] { $place } · { $batches } порции · { $amount } · { $expired ->
        [one] { $expired } просрочена
       *[other] { $expired } просрочены
    }
   *[other] { $place } · { $batches } порций · { $amount } · { $expired ->
        [one] { $expired } просрочена
       *[other] { $expired } просрочены
    }
}
chart-between = { $first } — { $last }
chart-to = до { $last }
chart-until = до { $first }
chart-expired-at = срок истёк { $when }
chart-expired = срок истёк
chart-stash = Запас: сколько осталось
chart-empty = Сейчас ничего не хранится.
chart-empty-hint = Записанное молоко появится здесь вместе с оставшимся сроком.
chart-tick-now = сейчас
chart-tick-hours = { $n } ч
chart-tick-days = { $n ->
    [one] { $n } день
    [few] { $n } дня
   *[many] { $n } дней
}
chart-tick-weeks = { $n ->
    [one] { $n } неделя
    [few] { $n } недели
   *[many] { $n } недель
}
chart-tick-months = { $n ->
    [one] { $n } мес.
   *[other] { $n } мес.
}
chart-tick-years = { $n ->
    [one] { $n } год
    [few] { $n } года
   *[many] { $n } лет
}
tally-line = { $sessions ->
    [one] { $label }: <b>{ $total }</b> за { $sessions } сцеживание
    [few] { $label }: <b>{ $total }</b> за { $sessions } сцеживания
   *[other] { $label }: <b>{ $total }</b> за { $sessions } сцеживаний
}
supply-under-a-day = меньше суток
supply-about = примерно на { $days } дн.
stats-title = Ваши цифры
stats-today = Сегодня
stats-yesterday = Вчера
stats-week = Последние 7 дней
stats-average = , в среднем { $amount } за сцеживание
stats-usable = 🧊 Запас: <b>{ $amount }</b> можно использовать
stats-supply = : { $days } при расходе { $per_day } в день
stats-frozen = {" "}(замороженного: { $days })
stats-supply-later = {" "}(на сколько дней хватит запаса, покажу после { $needed } дн. с записанным расходом: пока { $so_far })
stats-supply-none = {" "}(на сколько дней хватит запаса, покажу, когда вы начнёте отмечать молоко как использованное)
stats-nothing-expires = В ближайшие 48 часов ничего не истекает.
stats-next-48 = Ближайшие 48 часов
low-stash = 📉 Обратите внимание: замороженного запаса хватит { $days } при нынешнем расходе — меньше { $threshold } дн., за которыми вы просили следить.
weekly-summary = { $sessions ->
    [one] 🗓 <b>Ваша неделя</b>: { $total } за { $sessions } сцеживание. Запас: { $usable } можно использовать
    [few] 🗓 <b>Ваша неделя</b>: { $total } за { $sessions } сцеживания. Запас: { $usable } можно использовать
   *[other] 🗓 <b>Ваша неделя</b>: { $total } за { $sessions } сцеживаний. Запас: { $usable } можно использовать
}
low-stash-off = 📉 Предупреждение о малом запасе: выкл.
low-stash-under = 📉 Меньше { $days } дн.
weekly-button-on = 🗓 Недельная сводка: вкл. (выключить)
weekly-button-off = 🗓 Недельная сводка: выкл. (включить)

## Семьи: группы, приглашения, участники, /forget и /export (src/messages/family.rs)

group-welcome =
    Всем привет! Я milkbot 🍼 В этой группе я веду <b>один общий запас</b> для всех, кто кормит малыша.
    • Записывайте молоко кнопками внизу или напишите <code>/log 90 холодильник</code>.
    • Напоминания приходят сюда. Любой может получать их и в личном чате: /invite создаёт ссылку.
    • В каждом сообщении видно, кто что сделал.
    Режим приватности не мешает: мне нужны только команды, ответы на мои сообщения и кнопки (или упомяните меня, @{ $bot }).
welcome-back = Я вернулся 👋 Ваш запас на месте, напоминания снова включены.
invite =
    🔗 Отправьте эту ссылку тому, кто кормит малыша. По ней его личный чат со мной подключится к запасу этой семьи — можно будет записывать одной рукой и получать там напоминания.
    Ссылка одноразовая и действует { $days } дн.
    { $link }
invite-open = Открыть приглашение
join-invalid = Эта ссылка-приглашение недействительна или устарела; попросите новую (любой в семье может создать её через /invite).
join-in-group = Открывайте ссылки-приглашения в личном чате со мной.
already-in-family = Этот чат уже в этой семье.
join-merge = 📦 Взять с собой
join-keep = Оставить отдельно
join-ask-merge = В вашем собственном запасе здесь порций: { $count } ({ $total }). Перенести их в запас семьи? Если оставить отдельно, они вернутся, когда вы выйдете из семьи.
joined = 🎉 Готово! Этот чат теперь ведёт общий запас семьи. Напоминания будут приходить сюда, в личный чат; изменить можно в /family.
joined-moved = Перенесено порций из вашего запаса: { $count }.
pref-auto = напоминания: автоматически
pref-group = напоминания в группе
pref-private = напоминания в личном чате
pref-both = напоминания в группе и в личном чате
pref-off = без напоминаний
private-not-linked = ⚠️ { $name }, я пока не могу написать вам в личный чат этой семьи, поэтому напоминания будут приходить сюда, в группу. Чтобы получать их лично, попросите ссылку-приглашение (/invite) и откройте её в личном чате со мной.
pref-button-group = 🔔 В группе
pref-button-private = 🔔 В личном чате
pref-button-both = 🔔 Туда и туда
pref-button-off = 🔕 Никуда
pref-button-auto = Автоматически
family-title = Семья
family-you = (вы)
family-where = Куда присылать вам напоминания?
remove-button = Удалить: { $name }
remove-ask = Удалить <b>{ $name }</b> из семьи? Личный чат со мной снова получит собственный запас; запас семьи останется здесь.
remove-yes-button = Да, удалить: { $name }
remove-no = Оставить
member-removed = { $name } больше не в семье.
member-removed-notice = 👪 { $by }: { $name } больше не в семье.
invite-button = 🔗 Пригласить
leave-button = Выйти из семьи
left-family = Вы вышли из общего запаса семьи. У этого чата снова свой запас.
leave-in-group = Чтобы выйти из семьи, выйдите из этой группы. Чтобы не получать напоминания самим, используйте /family.
not-linked = Этот чат не подключён к семье: у него свой запас.
not-admin = Здесь это могут делать только администраторы группы. Администратор может разрешить это всем в ⚙️ Настройках.
admin-unchecked = Это могут делать только администраторы группы, а проверить, кто они, я сейчас не могу (возможно, меня удалили из группы). Добавьте меня обратно или попробуйте позже.
access-settings-open = 👥 Настройки: менять может любой (удалять и стирать — администраторы)
access-admins-only = 👥 Настройки: только администраторы
access-all-open = 👥 Настройки, удаление, стирание: любой
forget-ask = ⚠️ Это удалит всё об этой семье: порции ({ $count }) и их историю, напоминания, участников и настройки. Отменить нельзя.
forget-yes = 🗑 Да, удалить всё
forget-no = Ничего не удалять
forget-cancelled = Ничего не удалено.
forgotten-by = {" "}({ $who })
forgotten = 🗑 Удалено{ $by }: порций — { $batches }, записей истории — { $events }, напоминаний — { $reminders }, участников — { $members }, а также настройки. Отправьте /start, чтобы начать заново.
export-caption = 📄 История вашей семьи: записей — { $count }, по одной в строке.
nothing-to-export = Пока нечего выгружать: сначала запишите молоко.

## Голосовые сообщения (src/messages/voice.rs)

voice-heard = 🎙 Я услышал: «{ $text }»
voice-off =
    🎙 Здесь я пока не умею слушать голосовые. Напишите текстом, например <code>90 холодильник</code> или вопрос, или воспользуйтесь кнопками внизу.

    <i>Тот, кто запустил этого бота, может включить голос настройкой <code>MILKBOT_STT_URL</code>.</i>
voice-too-long = Это голосовое для меня слишком длинное. Можно уложиться в три минуты или написать текстом, например <code>90 холодильник</code>? Ничего не сохранено.
voice-slow = Извините, расшифровка заняла слишком много времени, и я её остановил. Ничего не сохранено. Попробуйте ещё раз чуть позже или напишите текстом, например <code>90 холодильник</code>.
voice-failed = Извините, сейчас не получилось прослушать это голосовое. Ничего не сохранено. Попробуйте ещё раз чуть позже или напишите текстом, например <code>90 холодильник</code>.
voice-empty = Я не разобрал в этом голосовом ни слова, поэтому ничего не сохранено. Можно повторить или написать текстом, например <code>90 холодильник</code>?

## Названия столбцов CSV из /export (src/export.rs)

csv-event-id = id_события
csv-batch-id = id_порции
csv-time = время
csv-event = событие
csv-by = кто
csv-amount = количество
csv-unit = единица
csv-expressed = сцежено
csv-sides = стороны
csv-from = откуда
csv-place = где
csv-deadline = срок
csv-note = примечание

## Ячейки CSV из /export, которые состоят из слов (числа и время не меняются)

csv-event-logged = записано
csv-event-moved = перенесено
csv-event-thawed = разморожено
csv-event-used = использовано
csv-event-discarded = вылито
csv-event-edited = исправлено
csv-event-undone = отмена
csv-place-room = комнатная температура
csv-place-cooler = термосумка
csv-place-fridge = холодильник
csv-place-icebox = морозильное отделение
csv-place-freezer = морозилка
csv-place-thawing = размораживается в холодильнике
csv-place-thawed-fridge = разморожено в холодильнике
csv-place-thawed-room = разморожено при комнатной температуре
csv-place-leftover = остаток после кормления
csv-reason-expired = слишком старое
csv-reason-spilled = пролилось
csv-reason-smelled-off = кислый запах
csv-reason-other = другое
csv-reason-feed = кормление
csv-reason-message = исправлено сообщением
csv-reason-undid = отмена: { $event }
csv-undone = отменено

## Заголовок порции, которой больше нет в запасе (src/messages/batch.rs)

card-used-up = 🍼 <b>{ $amount }</b>: использовано
card-discarded = 🗑 <b>{ $amount }</b>: вылито
card-removed = <s>{ $amount }</s>: удалено
