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
