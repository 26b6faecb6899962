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
