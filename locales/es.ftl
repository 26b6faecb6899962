# Las frases de milkbot en español: cálidas, breves, de tú. Mismas claves y mismas
# cifras que en.ftl.

## Horas (src/messages/time.rs): un momento en la zona horaria de la familia, reloj de 24 h.

time-today = hoy { $clock }
time-yesterday = ayer { $clock }
time-tomorrow = mañana { $clock }
time-this-week = { $weekday } { $clock }
time-this-year = { $weekday } { $day } { $month }
time-other-year = { $day } { $month } { $year }
weekday = { $day ->
    [mon] lun
    [tue] mar
    [wed] mié
    [thu] jue
    [fri] vie
    [sat] sáb
   *[sun] dom
}
month = { $month ->
    [jan] ene
    [feb] feb
    [mar] mar
    [apr] abr
    [may] may
    [jun] jun
    [jul] jul
    [aug] ago
    [sep] sept
    [oct] oct
    [nov] nov
   *[dec] dic
}

## Tiempo que queda hasta un plazo.

time-no-clock = sin plazo hasta que se descongele del todo
time-left = caduca en { $span }
time-expired = caducó hace { $span }
span-min = { $mins } min
span-h = { $hours } h
span-h-min = { $hours } h { $mins } min
span-d = { $days } d
span-d-h = { $days } d { $hours } h
span-days = { $days ->
    [one] { $days } día
   *[other] { $days } días
}
span-months = { $months ->
    [one] { $months } mes
   *[other] { $months } meses
}

## El idioma (/language, y ⚙️ Ajustes)

language-question = 🌐 ¿En qué idioma te hablo?
language-question-group = 🌐 ¿En qué idioma hablo en este grupo? En el chat privado conmigo, cada uno conserva el suyo.
language-button = 🌐 Idioma: { $name }
language-set = ✔ Listo: a partir de ahora hablo en español.

## El saludo, /help, el teclado y lo que se dice cuando algo falla
## (src/messages/general.rs)

key-log = 🍼 Anotar leche
key-stash = 🧊 Reserva
key-ask = ❓ Preguntas
key-express = ✋ Extracción manual
key-settings = ⚙️ Ajustes
key-help = ℹ️ Ayuda
greeting-hello = ¡Hola! Soy milkbot 🍼
greeting-hello-name = ¡Hola, { $name }! Soy milkbot 🍼
greeting-what = Respondo dudas sobre la extracción manual y cómo guardar la leche, llevo la cuenta de tu reserva y te aviso antes de que la leche tenga que ir a la nevera, al congelador o a la basura.
greeting-group = En este grupo llevo una sola reserva compartida para todos los que dan de comer al bebé.
greeting-buttons = Toca un botón de abajo. Todo funciona con una sola mano.
not-medical-advice = ⚕️ Comparto orientación general, no consejo médico: si te preocupa tu bebé o tu salud, consulta a tu médico, matrona, enfermera o a una asesora de lactancia.
answer-footer = Orientación general, no consejo médico.
timezone-hint = 🕑 Muestro las horas en <b>{ $zone }</b>. Puedes cambiarlo en ⚙️ Ajustes.
disclaimer = ⚕️ Comparto orientación general para bebés sanos nacidos a término; no es consejo médico. Si tienes fiebre, un bulto caliente y doloroso o sangre en la leche, o si el bebé está muy dormido o come mal, contacta con tu médico, tu matrona o una asesora de lactancia (IBCLC), o con emergencias si es urgente.
help-title = Lo que puedo hacer
help-typing = También puedes escribir sin más: <code>90 nevera</code> anota 90 ml en la nevera, y una pregunta como <code>cuánto dura en la nevera</code> tiene respuesta.
unknown-command = Todavía no conozco { $command }. Toca un botón de abajo o envía /help para ver todo lo que sé hacer.
something-went-wrong = Perdona, algo ha fallado por mi parte y no se ha cambiado nada. Inténtalo de nuevo en un momento.
not-saved = Perdona, ahora mismo no he podido guardarlo, así que no se ha cambiado nada. Inténtalo de nuevo en un minuto.
slow-down = ¡Eso es mucho de golpe! Dame un minuto y vuelve a enviarlo: me he saltado lo que llegó demasiado rápido.
text-too-long = Ese mensaje es un poco largo para mí. ¿Me lo dices en una o dos frases?
language-keyboard = ⌨️ Los botones de abajo ya están en español.
only-text = Solo sé leer texto y botones 🙂 Usa los botones de abajo o escribe algo como <code>90 nevera</code> o una pregunta.

## El menú de comandos y /help (src/telegram/commands.rs), una línea por comando

cmd-start = empezar y mostrar los botones
cmd-log = anotar leche: /log, o p. ej. /log 90 nevera 14:30
cmd-stash = tu reserva y qué usar primero
cmd-settings = unidad, zona horaria, guía
cmd-language = el idioma en que te hablo
cmd-timezone = elegir la zona horaria, p. ej. /timezone Madrid
cmd-faq = preguntas y respuestas, por tema
cmd-express = extracción manual, paso a paso
cmd-storage = cuánto dura la leche según tu guía
cmd-stats = tus cifras y un gráfico
cmd-invite = invitar a alguien a compartir esta reserva
cmd-family = quién está en la familia y adónde van los avisos
cmd-leave = desvincular este chat privado de la familia
cmd-export = descargar todo el historial (CSV)
cmd-forget = borrar todos los datos de esta familia
cmd-help = lo que puedo hacer

## El perfil del bot en Telegram (src/telegram/mod.rs, al arrancar)

bot-description = Ayudo a quienes se extraen leche materna: respondo dudas sobre la extracción manual y cómo guardar la leche, llevo la cuenta de tu reserva y te aviso antes de que la leche tenga que ir a la nevera, al congelador o a la basura. Orientación general, no consejo médico.
bot-short-description = Extracción manual, conservación de la leche y una reserva con avisos, con una sola mano.
## El tablero de la reserva, una Mini App de Telegram (src/messages/board.rs).

board-button = 🗂 Tablero
board-unsigned = Este tablero se abre desde el bot en Telegram y no se pudo comprobar esta copia. Ciérralo y vuelve a abrirlo desde el chat.
board-no-family = Todavía no formas parte de una familia en este bot. Envía /start al bot (o únete al grupo de tu familia) y vuelve a abrir el tablero.
board-left-group = Ya no estás en este grupo, así que su tablero ya no está disponible para ti. Tu propia reserva está en el tablero de tu chat privado con el bot.
board-page-title = Reserva
board-page-use-next = Usa primero
board-page-use-next-button = Usa primero: { $amount }
board-page-move = Mover
board-page-used = Usada
board-page-discard = Desechar
board-page-back = ← Tablero
board-page-history = Historial
board-page-pull = Suelta para actualizar
board-page-cant-open = El tablero no se puede abrir
board-page-went-wrong = Algo salió mal. Inténtalo de nuevo en un momento.
board-page-offline = Sin conexión con el bot. Desliza hacia abajo para volver a intentarlo.
board-page-offline-unchanged = Sin conexión con el bot. No se cambió nada.
board-page-unavailable = Esa porción no se puede abrir ahora.
board-page-not-through = No se pudo hacer.
board-page-done = Hecho: { $action }
board-not-found = Esa porción no está en tu reserva.
board-bad-request = No funcionó: el tablero envió algo que el bot no puede leer. Actualiza el tablero e inténtalo de nuevo.
board-did = { $name } { $phrase } (en el tablero de la reserva).
board-summary = { $count ->
    [one] { $total } en { $count } porción
   *[other] { $total } en { $count } porciones
}
board-supply-under-a-day = Reserva para menos de un día
board-supply = { $days ->
    [one] Reserva para { $days } día, más o menos
   *[other] Reserva para unos { $days } días
}
board-supply-unknown = Los días de reserva aparecen cuando se registra leche como usada
board-logged-by = registrado por { $name }
board-expressed = extraída { $when }
board-past-best = pasada su fecha de mejor calidad
board-history = { $when } · { $name } { $what }
board-history-undone = { $when } · { $name } { $what } (deshecho)
board-logged-in = registró { $amount } { $place }
board-logged = registró { $amount }
board-put = la puso { $place }
board-moved = la cambió de sitio
board-used = la usó
board-used-amount = usó { $amount }
board-discarded = la desechó
board-corrected = la corrigió
board-undid = deshizo el último cambio

## Lugares, movimientos, motivos para desechar, guías, unidades (src/messages/places.rs)

place-room = Temperatura ambiente
place-cooler = Bolsa nevera
place-fridge = Nevera
place-icebox = Compartimento congelador
place-freezer = Congelador
place-thawing = Descongelando en la nevera
place-thawed-fridge = Descongelada, en la nevera
place-thawed-room = Descongelada, a temperatura ambiente
place-leftover = Sobrante de una toma
in-room = a temperatura ambiente
in-cooler = en una bolsa nevera
in-fridge = en la nevera
in-icebox = en el compartimento congelador
in-freezer = en el congelador
in-thawing = descongelándose en la nevera
in-thawed-fridge = descongelada, en la nevera
in-thawed-room = descongelada, a temperatura ambiente
in-leftover = sobrante de una toma
to-room = a temperatura ambiente
to-cooler = a una bolsa nevera
to-fridge = a la nevera
to-icebox = al compartimento congelador
to-freezer = al congelador
move-room = Temperatura ambiente
move-cooler = A la bolsa nevera
move-fridge = A la nevera
move-icebox = Al compartimento congelador
move-freezer = Al congelador
move-thawing = Descongelar en la nevera
move-thawed-fridge = Ya descongelada
move-thaw-warm = Descongelar en agua tibia
move-out-of-fridge = Sacar de la nevera
move-leftover = El bebé dejó algo
pick-room = Ambiente
pick-cooler = Bolsa nevera
pick-fridge = Nevera
pick-icebox = Compartimento congelador
pick-freezer = Congelador
now-room = está a temperatura ambiente
now-cooler = ya está en una bolsa nevera
now-fridge = ya está en la nevera
now-icebox = ya está en el compartimento congelador
now-freezer = ya está en el congelador
now-thawing = se está descongelando en la nevera
now-thawed-fridge = ya está descongelada, en la nevera
now-thawed-warm = se descongeló en agua tibia
now-thawed-room = está fuera de la nevera
now-leftover = es lo que sobró de una toma
reason-expired = ⏰ Demasiado antigua
reason-spilled = 💦 Se derramó
reason-smelled-off = 👃 Olía agria
reason-other = Otro motivo
profile-cdc = CDC (EE. UU.)
profile-nhs = NHS (Reino Unido)
profile-abm = Protocolo ABM
profile-lll = La Leche League
profile-strictest = La más estricta de todas
unit-ml = ml
unit-oz = oz

## Botones de varias pantallas y avisos breves al pulsar (src/messages/buttons.rs)

button-cancel = ✖ Cancelar
button-back = ⬅ Atrás
button-now = 🕑 Ahora
button-earlier = ⏱ Antes…
button-to-stash = 🧊 Reserva
button-used = 🍼 Usada…
button-discard = 🗑 Desechar…
button-undo = ↩️ Deshacer
button-edit = ✏️ Corregir
button-change-amount = Cambiar la cantidad
button-change-time = Cambiar la hora
button-confirm-change = ✔ Sí, cámbialo
button-keep-it = ✖ No, déjalo así
button-log = 🍼 Anotar leche
button-prev = ◀ Anterior
button-next = Siguiente ▶
button-close = ✖ Cerrar
button-timezone = 🕑 Zona horaria
stale-button = Ese botón ya no vale. Empecemos de nuevo.
not-your-batch = Esa porción no está en la reserva de este chat.
batch-changed = Esta porción ha cambiado mientras tanto: así está ahora.
nothing-to-undo = No hay nada que deshacer en esta porción.
already-logged = Ya estaba anotada: aquí la tienes.
ago-now = Ahora
ago-min = hace { $mins } min
ago-h = hace { $hours } h
ago-h-min = hace { $hours } h { $mins } min
same-again = ↻ Lo mismo: { $amount } · { $place }
used-all = Toda ({ $amount })
unit-button-ml = 📏 Unidad: ml (cambiar a oz)
unit-button-oz = 📏 Unidad: oz (cambiar a ml)
profile-button = 📋 Guía: { $name }

## Anotar leche: los pasos, lo hecho, las correcciones (src/messages/log.rs)

log-amount-prompt =
    🍼 <b>¿Cuánta?</b>
    ¿Otra cantidad? Escríbela sin más, p. ej. <code>{ $example }</code>.
log-place-prompt = 🍼 <b>{ $amount }</b>: ¿dónde está?
log-when-prompt = 🍼 <b>{ $amount }</b> { $place }: ¿cuándo te la sacaste?
which-date-prompt = 🍼 <b>{ $amount }</b> { $place }: ¿qué fecha es <code>{ $typed }</code>?
month-long = { $month ->
    [jan] enero
    [feb] febrero
    [mar] marzo
    [apr] abril
    [may] mayo
    [jun] junio
    [jul] julio
    [aug] agosto
    [sep] septiembre
    [oct] octubre
    [nov] noviembre
   *[dec] diciembre
}
date-long = { $day } de { $month }
log-type-time = 🍼 <b>{ $amount }</b> { $place }: escribe cuándo te la sacaste, p. ej. <code>14:30</code>, <code>hace 2 horas</code> o <code>ayer 21:00</code>.
log-type-time-group = 🍼 <b>{ $amount }</b> { $place }: responde a este mensaje con cuándo te la sacaste, p. ej. <code>14:30</code>, <code>hace 2 horas</code> o <code>ayer 21:00</code>.
log-type-place = 🍼 <b>{ $amount }</b>: escribe dónde está, p. ej. <code>nevera</code> o <code>congelador</code>.
log-type-place-group = 🍼 <b>{ $amount }</b>: responde a este mensaje con dónde está, p. ej. <code>nevera</code> o <code>congelador</code>.
log-earlier-hint = Para otra hora, escríbela, p. ej. <code>{ $number } { $place } 14:30</code>.
typed-room = ambiente
typed-cooler = bolsa térmica
typed-fridge = nevera
typed-icebox = ice box
typed-freezer = congelador
log-cancelled = Vale, no he anotado nada.
implausible-amount = 🤔 <b>{ $amount }</b> es mucho para una sola extracción. ¿Querías decir <b>{ $fix }</b>?
keep-amount = Sí, { $amount }
stash-full = Tu reserva ya tiene { $count } porciones, lo máximo que guardo a la vez. Marca algunas como usadas o desechadas en /stash y vuelve a anotar.
history-full = Esta familia ya ha anotado { $count } porciones, lo máximo que guardo. Descarga el historial con /export y empieza de cero con /forget.
log-not-understood = No he sabido leerlo como una porción. Prueba p. ej. <code>90 nevera</code>, <code>3oz congelador hace 1 hora</code> o <code>izquierda 40 derecha 50 nevera</code>, o toca 🍼 Anotar leche.
sides-disagree = Los dos lados suman { $sides }, pero el total dice { $total }. ¿Cuál es? Envíalo de nuevo con uno de los dos.
not-a-time = { $time } no es una hora que yo conozca.
time-in-future = Esa hora todavía no ha llegado hoy.
time-out-of-range = No he sabido situar esa hora.
time-too-long-ago = Eso fue hace más de un año, así que no puedo anotarlo. Revisa la fecha o elige una hora abajo.
did-actor = { $name }: { $phrase }.
logged-phrase = anotados { $amount } { $place }
logged-batches = { $count ->
    [one] anotada { $count } porción
   *[other] anotadas { $count } porciones
}
moved-thawing = { $amount } descongelándose en la nevera
moved-thawed-fridge = { $amount } marcados como ya descongelados
moved-thawed-warm = { $amount } descongelados en agua tibia
moved-thawed-room = { $amount } de leche descongelada fuera de la nevera
moved-leftover = { $amount } marcados como sobrante de una toma
moved-to = { $amount } pasados { $place }
leftover-phrase = anotada la toma que terminó { $ended }: sobraron { $left }
leftover-drunk = anotada la toma que terminó { $ended }: el bebé tomó { $drunk } y sobraron { $left }
used-all-gone = usados { $used }: no queda nada
used-some = usados { $used } (quedan { $left })
discarded-expired = desechados { $amount } (demasiado antigua)
discarded-spilled = desechados { $amount } (se derramó)
discarded-smelled-off = desechados { $amount } (olía agria)
discarded-other = desechados { $amount }
undid-log = borrada la porción de { $amount }
undid-use = deshecho el uso
undid-discard = recuperada: ya no está desechada
undid-move = deshecho el cambio de sitio
undid-edit = deshecha la corrección
edited-amount = cantidad cambiada a { $amount }
edit-not-a-log = He visto que editaste ese mensaje, pero ya no lo puedo leer como una porción, así que la dejo como estaba. Para corregirla, usa ✏️ Corregir en la porción, en /stash.
relogged = porción actualizada según tu mensaje editado: { $amount } { $place }
edited-message-seen = ✏️ He visto que editaste ese mensaje: ahora dice { $amount } { $place }.
edited-time = hora cambiada a { $time }
snoozed = 😴 Te lo vuelvo a recordar { $time }.

## La reserva (src/messages/stash.rs)

empty-stash =
    🧊 Tu reserva está vacía.
    Anota leche con el botón de abajo o escribe p. ej. <code>90 nevera</code>.
stash-header = { $count ->
    [one] 🧊 <b>Tu reserva</b>: { $total } en { $count } porción
   *[other] 🧊 <b>Tu reserva</b>: { $total } en { $count } porciones
}
use-next = 👉 Usa primero: { $amount } { $place } (sacada { $expressed }, { $left })
expired-count = { $count ->
    [one] ⚠️ { $count } porción ya pasó su plazo: tócala para desecharla.
   *[other] ⚠️ { $count } porciones ya pasaron su plazo: tócalas para desecharlas.
}
past-best = 🕰 pasó su mejor momento

## Avisos, resúmenes, ajustes de avisos, el resumen de la mañana (src/messages/reminders.rs)

snooze-hour = 😴 En 1 h
snooze-morning = 😴 Mañana por la mañana
discard-now = 🗑 Desechar
remind-thawing = ⏳ { $amount } lleva descongelándose en la nevera desde { $since }. ¿Ya no quedan cristales de hielo? Toca «Ya descongelada» para que empiece a contar su plazo.
remind-best = 🕰 { $amount } { $place }, sacada { $expressed }, ya pasó su mejor momento. Aún puedes usarla hasta { $safe }: descongélala pronto.
remind-deadline = ⛔ Se acabó el plazo de { $amount } { $place }, sacada { $expressed }. Lo más seguro es desecharla.
remind-last-call = ⏳ Último aviso: { $amount } en la nevera, sacada { $expressed }, llega a su límite { $by }. Úsala o congélala ya.
remind-room = ⏰ { $amount } sacada { $expressed } está a temperatura ambiente: a la nevera o al congelador como tarde { $by } ({ $left }).
remind-cooler = ⏰ { $amount } en la bolsa nevera, sacada { $expressed }: a la nevera o al congelador como tarde { $by } ({ $left }).
remind-fridge = ⏰ { $amount } en la nevera, sacada { $expressed }: úsala como tarde { $by } ({ $left }). Úsala o congélala antes.
remind-frozen-best = ⏰ { $amount } { $place }, sacada { $expressed }: mejor usarla como tarde { $by } ({ $left }).
remind-frozen = ⏰ { $amount } { $place }, sacada { $expressed }: úsala como tarde { $by } ({ $left }).
remind-thawed-fridge = ⏰ { $amount } descongelada (en la nevera): úsala como tarde { $by } ({ $left }).
remind-thawed-room = ⏰ { $amount } descongelada (a temperatura ambiente): úsala como tarde { $by } ({ $left }).
remind-leftover = ⏰ Los { $amount } que sobraron de una toma: úsalos como tarde { $by } ({ $left }) o deséchalos.
digest-header = { $count ->
    [one] 🕑 Mientras no estaba, { $count } porción necesitaba atención:
   *[other] 🕑 Mientras no estaba, { $count } porciones necesitaban atención:
}
switch-sides = ✋ { $minutes } minutos: toca cambiar de pecho.
reminders-button = 🔔 Avisos
lead-min = { $mins } min
lead-h = { $hours } h
lead-days = { $days ->
    [one] { $days } día
   *[other] { $days } días
}
lead-weeks = { $weeks ->
    [one] { $weeks } semana
   *[other] { $weeks } semanas
}
lead-class-room = Ambiente / bolsa nevera
lead-class-thawed = Descongelada
lead-class-fridge = Nevera
lead-class-freezer = Congelador
no-quiet-hours = Sin horas de silencio
on = activado
off = desactivado
none = ninguna
reminders-title = 🔔 <b>Avisos</b>: cuánto antes de cada plazo
reminders-lead-line = { $class }: { $lead } antes
reminders-quiet = Horas de silencio: { $quiet } (los avisos de nevera y congelador esperan a la mañana; los urgentes llegan siempre)
reminders-morning = Resumen de la mañana: { $state }
reminders-low-stash = Aviso de reserva baja: { $state }
low-stash-when = cuando la reserva congelada cubra menos de { $days } días
reminders-weekly = Resumen semanal con gráfico: { $state }
morning-button-on = ☀️ Resumen de la mañana: activado (desactivar)
morning-button-off = ☀️ Resumen de la mañana: desactivado (activar)
morning-hello = { $count ->
    [one] ☀️ ¡Buenos días! Tu reserva: { $total } en { $count } porción.
   *[other] ☀️ ¡Buenos días! Tu reserva: { $total } en { $count } porciones.
}
morning-item = { $amount } { $place } (hasta { $until })
morning-nothing-due = Hoy y mañana no hay que usar nada. 🌿
morning-use-today = Usar hoy
morning-tomorrow = Mañana

## Una porción: por qué no se pudo, sus plazos, las preguntas de su ficha
## (src/messages/batch.rs)

error-zero = Eso es cero: no hay nada que anotar. ¿Cuánta era?
error-too-much = Eso es más de { $max } en una sola porción. ¿Hay una errata?
error-more-than-left = En esa porción solo quedan { $left }.
error-in-future = Esa hora todavía no ha llegado. ¿Cuándo te la sacaste?
error-too-old = Eso fue hace más de un año: solo guardo leche de los últimos 12 meses.
error-after-later-step = La leche se sacó antes de congelarla o moverla: elige una hora anterior.
error-not-loggable = La leche nueva va a temperatura ambiente, a una bolsa nevera, a la nevera o al congelador.
error-used-up = Esta porción ya se usó entera.
error-discarded = Esta porción ya se desechó.
error-finished = Esta porción ya no está en la reserva.
error-already-there = Ya está { $place }.
error-refreeze = La leche descongelada nunca puede volver al congelador. Úsala o deséchala.
error-cannot-move = Ese cambio no es posible para leche { $place }.
error-expired = ⚠️ Esta leche ya pasó su plazo ({ $deadline }). Lo más seguro es desecharla.
error-undo-thaw-too-late = Han pasado más de { $minutes } minutos desde que salió del congelador, así que puede haber empezado a descongelarse: no puedo devolverla. La leche descongelada no se puede volver a congelar; úsala o deséchala.
error-undo-too-late = Deshacer solo funciona durante { $minutes } minutos cuando daría más tiempo a la leche. Si algo se anotó mal, desecha esta porción y vuelve a anotarla.
error-time-after-move = Se ha movido desde que se anotó, así que su hora ya no puede cambiar: no podría saber si estuvo dentro de plazo en cada paso. Si te la sacaste antes de lo anotado, lo más seguro es desecharla.
error-edit-too-late = He visto que editaste ese mensaje. Han pasado más de { $minutes } minutos desde que anotó la porción, así que la dejo como está: corrígela con ✏️ Corregir en la porción, en /stash.
error-moved-on = He visto que editaste ese mensaje, pero la porción ha cambiado desde entonces, así que la dejo como está: corrígela con ✏️ Corregir en la porción, en /stash.
error-later-deadline = He visto que editaste ese mensaje, pero eso daría más tiempo a la leche (su plazo pasaría de { $old } a { $new }), así que dejo la porción como está. Si la nueva hora es la buena, cámbiala con ✏️ Corregir → Cambiar la hora en la porción.
error-undo-expired = ⚠️ Deshacerlo traería de vuelta leche que ya pasó su plazo ({ $deadline }). Lo más seguro es desecharla.
side-left = I { $amount }
side-right = D { $amount }
card-expressed = Sacada { $at }
card-use-by = {" "}· usar como tarde { $by } ({ $left })
card-best-by = {" "}· mejor calidad hasta { $best } ({ $left }), se puede usar hasta { $safe }
card-straight-away = {" "}· úsala enseguida ({ $source })
card-past-its-time = ⚠️ Pasó su plazo { $since }: lo más seguro es desecharla.
card-past-best = 🕰 Pasó su mejor momento { $since }: aún puedes usarla hasta { $safe }. Descongélala pronto.
card-thawing-since = ⏳ Descongelándose desde { $since }. Su plazo aún no corre: cuando no queden cristales de hielo, toca «Ya descongelada» y empezará a contar.
no-refreeze = La leche descongelada no se puede volver a congelar.
use-prompt = ¿Cuánta se usó?
leftover-prompt = ¿Cuánta queda en el biberón? (Lo que tomó el bebé cuenta como usado.)
feed-ended-now = Ahora mismo
type-it = ⌨️ Escribirlo
leftover-type-prompt = ¿Cuánta queda en el biberón? Escríbelo, p. ej. <code>40</code>.
leftover-too-much = Eso es más de lo que tiene esta porción ({ $batch } en ella, has escrito { $typed }). ¿Cuánta queda en el biberón? Escribe una cantidad menor o envía /stash para dejarlo.
feed-ended-prompt = Quedan { $left }. ¿Cuándo terminó la toma? El plazo del sobrante empieza entonces.
discard-prompt = ¿Por qué se desecha? (Ayuda al historial; cualquier respuesta vale.)
edit-prompt = Corrige la cantidad o cuándo te la sacaste:
amount-prompt = ¿Cuánta hay en esta porción? Toca una cantidad o escríbela, p. ej. <code>85</code>.
time-prompt = ¿Cuándo te la sacaste? Toca una hora o escríbela, p. ej. <code>14:30</code>, <code>hace 5 horas</code> o <code>ayer 22:00</code>.
confirm-later-deadline = ⚠️ Esto da más tiempo a la leche: su plazo pasa de { $old } a { $new }. Cámbialo solo si de verdad te la sacaste entonces. ¿Lo cambio?
waiting-time = Estoy esperando a saber cuándo te sacaste esa porción: escríbelo como <code>14:30</code>, <code>hace 2 horas</code> o <code>ayer 22:00</code>. O envía /stash para dejarlo.
waiting-amount = Estoy esperando la cantidad de esa porción: escribe un número, p. ej. <code>85</code>. O envía /stash para dejarlo.
waiting-leftover = Estoy esperando a saber cuánta queda en el biberón: escribe un número, p. ej. <code>40</code>. O envía /stash para dejarlo.
waiting-city = Estoy esperando tu ciudad: escríbela como <code>Lisbon</code> o una diferencia horaria como <code>UTC+3</code>.
waiting-log-time = Estoy esperando a saber cuándo te sacaste esa leche: escríbelo como <code>14:30</code>, <code>hace 2 horas</code> o <code>ayer 22:00</code>. O envía /log para empezar de nuevo.
waiting-log-place = Estoy esperando a saber dónde está esa leche: escribe <code>nevera</code>, <code>congelador</code>, <code>ambiente</code> o <code>bolsa térmica</code>. O envía /log para empezar de nuevo.

## Ajustes: el resumen, la zona horaria, la guía y la nevera (src/messages/settings.rs)

settings-summary =
    ⚙️ <b>Ajustes</b>
    Unidad: { $unit } (p. ej. { $ml } = { $oz })
    Zona horaria: { $zone } (allí son las { $now })
    Guía: { $guideline }
settings-fridge = Nevera: { $answer }
timezone-prompt = 🕑 Tu zona horaria es <b>{ $zone }</b>. Elige la tuya, comparte tu ubicación (📎 → Ubicación) o envía <code>/timezone</code> con una ciudad o una diferencia horaria, p. ej. <code>/timezone Madrid</code> o <code>/timezone UTC+3</code>.
zone-question = 🕑 Antes de nada: ¿en qué zona horaria estás? Todos los plazos y avisos la usan. Mientras no elijas, uso <b>{ $zone }</b>.
more-zones = 🌍 Otras zonas
share-location = 📍 Compartir ubicación
type-city = ⌨️ Escribir una ciudad
send-location = 📍 Enviar mi ubicación
ask-location = Toca <b>📍 Enviar mi ubicación</b> abajo. Solo la uso para sugerirte zonas horarias; la ubicación en sí no se guarda.
ask-city = Escribe tu ciudad, por ejemplo <code>Madrid</code>, o una diferencia horaria como <code>UTC+3</code>. (<code>/timezone Madrid</code> también funciona siempre.)
ask-city-group = Responde a este mensaje con tu ciudad, por ejemplo <code>Madrid</code>, o una diferencia horaria como <code>UTC+3</code>. (<code>/timezone Madrid</code> también funciona siempre.)
set-zone-button = 🕑 Elegir mi zona horaria
zone-assumed = 🕑 Leo las horas en <b>{ $zone }</b> porque aún no has elegido tu zona horaria. ¿No es la tuya? Toca <b>{ $button }</b>.
clock-skipped = 🕑 Esa noche se adelantaron los relojes, así que las { $typed } no existieron en { $zone }. He contado desde lo más temprano que podía ser, { $read }, para que ningún plazo se alargue.
clock-twice = 🕑 Esa noche se atrasaron los relojes, así que las { $typed } pasaron dos veces en { $zone }. He contado desde la primera, para que ningún plazo se alargue.
location-zones = 📍 ¡Gracias! ¿Cuál de estas muestra tu hora ahora mismo?
other-zone = Ninguna de estas…
location-no-zone = No he podido situar esa ubicación. Envía <code>/timezone</code> con tu ciudad, p. ej. <code>/timezone Madrid</code>.
timezone-set = 🕑 Zona horaria: <b>{ $zone }</b>. Allí son las { $now }.
timezone-changed = 🕑 { $who } cambió la zona horaria de <b>{ $from }</b> a <b>{ $to }</b> (allí son las { $now }). Las horas y los avisos siguen la nueva.
guideline-changed = 📋 { $who } cambió la guía de conservación de <b>{ $from }</b> a <b>{ $to }</b>. Los plazos y avisos siguen la nueva.
timezone-unknown = No encuentro ninguna zona horaria llamada «{ $text }». Prueba con una ciudad (<code>/timezone Madrid</code>), un nombre de zona (<code>/timezone Europe/Madrid</code>) o una diferencia horaria (<code>/timezone UTC+1</code>).
profile-prompt =
    📋 <b>¿Qué guía sigo?</b>
    • CDC (EE. UU.): nevera 4 días, congelador 6 meses lo ideal (12 aceptable)
    • NHS (Reino Unido): nevera 8 días a 4 °C o menos (3 días si está más templada o no lo sabes), congelador 6 meses, leche descongelada enseguida
    • Protocolo ABM: nevera 4 días, congelador 6 meses lo ideal (12 aceptable)
    • La Leche League: nevera 3 días, congelador 6 meses lo ideal (12 aceptable)
    • La más estricta de todas: el tiempo más corto que dé cualquiera de ellas
    Los plazos y avisos siguen tu elección.
fridge-prompt =
    🌡 <b>¿Qué tan fría está tu nevera?</b>
    El NHS guarda la leche 8 días en una nevera a 4 °C o menos, y 3 días si está más templada o no lo sabes. Un termómetro de nevera al fondo de un estante del medio te lo dice.
fridge-cold = 🧊 A 4 °C o menos
fridge-warm = 🌡 Más templada o no lo sé
fridge-answer-cold = a 4 °C o menos
fridge-answer-warm = a más de 4 °C o no lo sé
fridge-answer-unknown = aún sin preguntar (cuenta como «no lo sé»)
fridge-button = 🌡 Nevera: { $answer }
settings-closed = ⚙️ Ajustes guardados.

## Respuestas, el menú de temas, el paso a paso y /storage (src/messages/guidance.rs)

topics-button = 📚 Todos los temas
next-step = Siguiente ➡
done-button = ✅ Hecho
walkthrough-button = ✋ Paso a paso
answer-source = Fuente: { $source }
guideline-fridge-cold = , nevera a 4 °C o menos
guideline-fridge-warm = , nevera a más de 4 °C o sin saberlo
guideline-line = 📌 Tu guía ({ $profile }{ $fridge }): { $figures }
limit-best-acceptable = { $limit } con la mejor calidad, { $acceptable } aceptable
limit-chilled-first = { $limit } para leche enfriada antes ({ $fresh } para leche recién sacada)
also-button = También: { $title }
not-sure = No estoy segura de haberte entendido. ¿Te refieres a alguno de estos?
out-of-scope = Donde mejor te ayudo es con la extracción manual, cómo guardar y descongelar la leche materna y la cuenta de tu reserva. Elige un tema o pregúntame sobre eso.
out-of-scope-worried = ¿Te preocupa tu bebé o tu salud? Contacta con tu médico, tu matrona, tu enfermera o una asesora de lactancia (IBCLC). Si es urgente (le cuesta respirar, un desmayo, pensamientos de hacerte daño), llama ya a emergencias.
faq-menu = 📚 <b>Preguntas</b>: elige un tema o escribe tu pregunta sin más.
step-heading = Paso { $number } de { $total }: { $title }
steps-done = ✋ ¡Muy bien! Toca 🍼 Anotar leche para añadir lo que te has sacado, o envía /express para repasar los pasos.
switch-button = ⏰ Cambiar de pecho en { $minutes } min
switch-scheduled = Te aviso dentro de { $minutes } minutos.
limit-no-clock = sin plazo todavía
limit-immediately = úsala enseguida
limit-hours = { $hours } h
limit-days = { $days ->
    [one] { $days } día
   *[other] { $days } días
}
limit-weeks = { $weeks ->
    [one] { $weeks } semana
   *[other] { $weeks } semanas
}
limit-months = { $months ->
    [one] { $months } mes
   *[other] { $months } meses
}
note-clock-after-thaw = el plazo empieza cuando está del todo descongelada
storage-title = Tiempos de conservación: { $profile }
storage-figure-of = {" "}· cifra de { $profile }
storage-clocks = La leche fresca cuenta desde que te la sacaste (también en la nevera); la congelada, desde que se congeló por primera vez; la descongelada, desde que está del todo descongelada (en agua tibia queda descongelada del todo de una vez); los sobrantes, desde el final de la toma. La leche descongelada nunca vuelve al congelador. Cuando una guía da un intervalo, cuento el tiempo más corto.
storage-term-babies = Esto vale para bebés sanos nacidos a término: si tu bebé es prematuro o está enfermo, pregunta a su equipo médico.
storage-unchecked = Las cifras del NHS, la ABM y La Leche League se tomaron de copias secundarias y aún se están comprobando con los originales.

## /stats, el aviso de reserva baja y el resumen semanal (src/messages/insights.rs)

chart-title = Leche de estas dos semanas
chart-as-of = Actualizado: { $weekday } { $day } { $month }, { $clock }
chart-per-day = Extraído por día ({ $unit })
chart-left = Izquierdo
chart-right = Derecho
chart-side-not-noted = Lado sin anotar
chart-no-sessions = Aún no hay extracciones anotadas en estas dos semanas
chart-weekday = { $day ->
    [mon] lu
    [tue] ma
    [wed] mi
    [thu] ju
    [fri] vi
    [sat] sá
   *[sun] do
}
chart-deadline-near = { $weekday } { $day }, { $clock }
chart-deadline-far = { $day } { $month }
chart-place = { $place ->
    [room] Ambiente
    [cooler] Bolsa térmica
    [fridge] Nevera
    [icebox] Congelador pequeño
    [freezer] Congelador
    [thawing] Descongelando
    [thawed-fridge] Descongelada, nevera
    [thawed-room] Descongelada, ambiente
   *[leftover] Sobrante
}
chart-row-one = { $place } · { $amount }
chart-row = { $place } · { $batches } porciones · { $amount }
chart-row-expired = { $expired ->
    [one] { $place } · { $batches } porciones · { $amount } · { $expired } caducada
   *[other] { $place } · { $batches } porciones · { $amount } · { $expired } caducadas
}
chart-between = del { $first } al { $last }
chart-to = hasta el { $last }
chart-until = hasta el { $first }
chart-expired-at = caducó el { $when }
chart-expired = caducada
chart-stash = Reserva: tiempo que queda
chart-empty = Ahora no hay nada guardado.
chart-empty-hint = La leche que anotes aparecerá aquí con el tiempo que le queda.
chart-tick-now = ahora
chart-tick-hours = { $n } h
chart-tick-days = { $n ->
    [one] { $n } día
   *[other] { $n } días
}
chart-tick-weeks = { $n ->
    [one] { $n } semana
   *[other] { $n } semanas
}
chart-tick-months = { $n ->
    [one] { $n } mes
   *[other] { $n } meses
}
chart-tick-years = { $n ->
    [one] { $n } año
   *[other] { $n } años
}
tally-line = { $sessions ->
    [one] { $label }: <b>{ $total }</b> en { $sessions } extracción
   *[other] { $label }: <b>{ $total }</b> en { $sessions } extracciones
}
supply-under-a-day = menos de un día
supply-about = unos { $days } días
stats-title = Tus cifras
stats-today = Hoy
stats-yesterday = Ayer
stats-week = Últimos 7 días
stats-average = , { $amount } por extracción de media
stats-usable = 🧊 Reserva: <b>{ $amount }</b> utilizables
stats-supply = : { $days } a { $per_day } al día
stats-frozen = {" "}(congelada: { $days })
stats-supply-later = {" "}(los días de reserva aparecen tras { $needed } días con usos anotados: llevas { $so_far })
stats-supply-none = {" "}(los días de reserva aparecen cuando anotes leche como usada)
stats-nothing-expires = Nada caduca en las próximas 48 horas.
stats-next-48 = Próximas 48 horas
low-stash = 📉 Atención: la reserva congelada cubre { $days } al ritmo actual, menos de los { $threshold } días que me pediste vigilar.
weekly-summary = { $sessions ->
    [one] 🗓 <b>Tu semana</b>: { $total } en { $sessions } extracción. Reserva: { $usable } utilizables
   *[other] 🗓 <b>Tu semana</b>: { $total } en { $sessions } extracciones. Reserva: { $usable } utilizables
}
low-stash-off = 📉 Aviso de reserva baja: desactivado
low-stash-under = 📉 Menos de { $days } días
weekly-button-on = 🗓 Resumen semanal: activado (desactivar)
weekly-button-off = 🗓 Resumen semanal: desactivado (activar)

## Familias: grupos, invitaciones, miembros, /forget y /export (src/messages/family.rs)

group-welcome =
    ¡Hola a todos! Soy milkbot 🍼 En este grupo llevo <b>una sola reserva compartida</b> para todos los que dan de comer al bebé.
    • Anotad leche con los botones de abajo o escribid <code>/log 90 nevera</code>.
    • Los avisos llegan aquí. Cualquiera puede recibirlos también en privado: /invite crea un enlace.
    • Cada mensaje dice quién hizo qué.
    El modo de privacidad no es problema: solo necesito comandos, respuestas a mis mensajes y botones (o mencionadme, @{ $bot }).
welcome-back = He vuelto 👋 Vuestra reserva está como la dejasteis y los avisos vuelven a estar activos.
invite =
    🔗 Envía este enlace a alguien que dé de comer al bebé. Al abrirlo, su chat privado conmigo se une a la reserva de esta familia, para que pueda anotar con una mano y recibir ahí los avisos.
    Sirve una sola vez y caduca en { $days } días.
    { $link }
invite-open = Abrir la invitación
join-invalid = Este enlace de invitación no es válido o ha caducado; pide uno nuevo (cualquiera de la familia puede crearlo con /invite).
join-in-group = Abre los enlaces de invitación en un chat privado conmigo.
already-in-family = Este chat ya forma parte de esa familia.
join-merge = 📦 Llevarlas conmigo
join-keep = Dejarlas aparte
join-ask-merge = { $count ->
    [one] Tienes { $count } porción ({ $total }) en tu propia reserva. ¿La pasamos a la reserva de la familia? Si la dejas aparte, volverá si dejas la familia.
   *[other] Tienes { $count } porciones ({ $total }) en tu propia reserva. ¿Las pasamos a la reserva de la familia? Si las dejas aparte, volverán si dejas la familia.
}
joined = 🎉 ¡Ya estás dentro! Este chat comparte ahora la reserva de la familia. Los avisos te llegan aquí en privado; puedes cambiarlo en /family.
joined-moved = { $count ->
    [one] Se ha pasado { $count } porción de tu propia reserva.
   *[other] Se han pasado { $count } porciones de tu propia reserva.
}
pref-auto = avisos: automático
pref-group = avisos en el grupo
pref-private = avisos en privado
pref-both = avisos en el grupo y en privado
pref-off = sin avisos
private-not-linked = ⚠️ { $name }, todavía no puedo escribirte en un chat privado de esta familia, así que mientras tanto tus avisos llegarán aquí, al grupo. Para recibirlos en privado, pide un enlace de invitación (/invite) y ábrelo en un chat privado conmigo.
pref-button-group = 🔔 En el grupo
pref-button-private = 🔔 En privado
pref-button-both = 🔔 En los dos
pref-button-off = 🔕 Ninguno
pref-button-auto = Automático
family-title = Familia
family-you = (tú)
family-where = ¿Dónde quieres recibir los avisos?
remove-button = Quitar a { $name }
remove-ask = ¿Quitar a <b>{ $name }</b> de la familia? Su chat privado conmigo recupera su propia reserva; la reserva de la familia se queda aquí.
remove-yes-button = Sí, quitar a { $name }
remove-no = Mantenerle
member-removed = { $name } ya no está en la familia.
member-removed-notice = 👪 { $by } quitó a { $name } de la familia.
invite-button = 🔗 Invitar a alguien
leave-button = Dejar la familia
left-family = Has dejado la reserva de la familia. Este chat vuelve a tener su propia reserva.
leave-in-group = Para dejar la familia, sal de este grupo. Para dejar de recibir avisos tú, usa /family.
not-linked = Este chat no está unido a ninguna familia: tiene su propia reserva.
not-admin = Aquí solo pueden hacer eso los administradores del grupo. Un administrador puede permitirlo a todos en ⚙️ Ajustes.
admin-unchecked = Solo los administradores del grupo pueden hacer eso, y ahora mismo no puedo comprobar quiénes son (puede que me hayan sacado del grupo). Vuelve a añadirme al grupo o inténtalo más tarde.
access-settings-open = 👥 Ajustes: cualquiera puede cambiarlos (quitar, borrar: administradores)
access-admins-only = 👥 Ajustes: solo administradores
access-all-open = 👥 Ajustes, quitar, borrar: cualquiera
forget-ask = { $count ->
    [one] ⚠️ Esto borra todo lo de esta familia: { $count } porción y su historial, los avisos, los miembros y los ajustes. No se puede deshacer.
   *[other] ⚠️ Esto borra todo lo de esta familia: { $count } porciones y su historial, los avisos, los miembros y los ajustes. No se puede deshacer.
}
forget-yes = 🗑 Sí, borrarlo todo
forget-no = Conservarlo todo
forget-cancelled = No se ha borrado nada.
forgotten-by = {" "}por { $who }
forgotten = 🗑 Borrado{ $by }: porciones: { $batches }, entradas del historial: { $events }, avisos: { $reminders }, miembros: { $members }, y los ajustes. Envía /start para empezar de nuevo.
export-caption = 📄 El historial de tu familia: { $count } entradas, una por fila.
nothing-to-export = Aún no hay nada que exportar: anota algo de leche primero.

## Notas de voz (src/messages/voice.rs)

voice-heard = 🎙 He oído: «{ $text }»
voice-off =
    🎙 Aquí todavía no puedo escuchar notas de voz. Escríbelo, como <code>90 nevera</code> o una pregunta, o usa los botones de abajo.

    <i>Quien gestiona este bot puede activar la voz con el ajuste <code>MILKBOT_STT_URL</code>.</i>
voice-too-long = Esa nota de voz es demasiado larga para mí. ¿Puedes hacerla de menos de tres minutos, o escribirlo, como <code>90 nevera</code>? No se ha guardado nada.
voice-slow = Perdona, escuchar tardaba demasiado y lo he dejado. No se ha guardado nada. Inténtalo de nuevo en un momento o escríbelo, como <code>90 nevera</code>.
voice-failed = Perdona, ahora mismo no he podido escuchar esa nota de voz. No se ha guardado nada. Inténtalo de nuevo en un momento o escríbelo, como <code>90 nevera</code>.
voice-empty = No he distinguido ninguna palabra en esa nota de voz, así que no se ha guardado nada. ¿Puedes repetirlo o escribirlo, como <code>90 nevera</code>?

## Los nombres de las columnas del CSV de /export (src/export.rs)

csv-event-id = id_evento
csv-batch-id = id_porcion
csv-time = hora
csv-event = evento
csv-by = por
csv-amount = cantidad
csv-unit = unidad
csv-expressed = extraida
csv-sides = lados
csv-from = desde
csv-place = lugar
csv-deadline = plazo
csv-note = nota

## Las celdas del CSV de /export que son palabras (los números y las horas no cambian)

csv-event-logged = anotada
csv-event-moved = movida
csv-event-thawed = descongelada
csv-event-used = usada
csv-event-discarded = desechada
csv-event-edited = corregida
csv-event-undone = deshacer
csv-place-room = temperatura ambiente
csv-place-cooler = bolsa nevera
csv-place-fridge = nevera
csv-place-icebox = compartimento congelador
csv-place-freezer = congelador
csv-place-thawing = descongelando en la nevera
csv-place-thawed-fridge = descongelada en la nevera
csv-place-thawed-room = descongelada a temperatura ambiente
csv-place-leftover = sobrante de una toma
csv-reason-expired = demasiado antigua
csv-reason-spilled = se derramó
csv-reason-smelled-off = olía agria
csv-reason-other = otro motivo
csv-reason-feed = toma
csv-reason-message = mensaje corregido
csv-reason-undid = deshace: { $event }
csv-undone = deshecho

## El encabezado de una porción que ya salió de la reserva (src/messages/batch.rs)

card-used-up = 🍼 <b>{ $amount }</b>: usada entera
card-discarded = 🗑 <b>{ $amount }</b>: desechada
card-removed = <s>{ $amount }</s>: borrada
