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
board-not-found = Ese lote no está en tu reserva.
board-bad-request = No funcionó: el tablero envió algo que el bot no puede leer. Actualiza el tablero e inténtalo de nuevo.
board-did = { $name } { $phrase } (en el tablero de la reserva).
board-summary = { $count ->
    [one] { $total } en { $count } lote
   *[other] { $total } en { $count } lotes
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
