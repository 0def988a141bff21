<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Patient &amp;answers...</source>
        <translation>El paciente &amp;responde...</translation>
    </message>
    <message>
        <source>The patient answers the selected draft themselves, full screen (or on the second screen).</source>
        <translation>El paciente contesta él mismo el borrador elegido, a pantalla completa (o en la segunda pantalla).</translation>
    </message>
    <message>
        <source>Record out&amp;come...</source>
        <translation>Anotar el &amp;resultado del especialista...</translation>
    </message>
    <message>
        <source>What the specialist found, for the selected completed intake.</source>
        <translation>Lo que encontró el especialista, para la ficha de admisión completada elegida.</translation>
    </message>
    <message>
        <source>Patient answers</source>
        <translation>El paciente responde</translation>
    </message>
    <message>
        <source>Choose a patient in the list first.</source>
        <translation>Primero elija un paciente de la lista.</translation>
    </message>
    <message>
        <source>This patient has no draft intake.</source>
        <translation>Este paciente no tiene ninguna ficha de admisión en borrador.</translation>
    </message>
    <message>
        <source>Start a new intake for the patient to answer?</source>
        <translation>¿Empezar una ficha de admisión nueva para que la conteste el paciente?</translation>
    </message>
    <message>
        <source>Starting intake...</source>
        <translation>Empezando la ficha de admisión...</translation>
    </message>
    <message>
        <source>Opening patient mode...</source>
        <translation>Abriendo el modo paciente...</translation>
    </message>
    <message>
        <source>Record outcome</source>
        <translation>Anotar el resultado del especialista</translation>
    </message>
    <message>
        <source>Choose a completed intake in the patient&apos;s intakes first.</source>
        <translation>Primero elija una ficha de admisión completada entre las fichas del paciente.</translation>
    </message>
    <message>
        <source>Opening the outcome...</source>
        <translation>Abriendo el resultado del especialista...</translation>
    </message>
    <message>
        <source>An outcome is recorded for a completed intake; this one is still a draft.</source>
        <translation>El resultado del especialista se anota en una ficha de admisión completada; esta todavía es un borrador.</translation>
    </message>
    <message>
        <source>Outcome recorded</source>
        <translation>Resultado del especialista anotado</translation>
    </message>
    <message>
        <source>← &amp;Back to patients</source>
        <translation>← &amp;Volver a los pacientes</translation>
    </message>
    <message>
        <source>Completed, read-only</source>
        <translation>Completada, solo lectura</translation>
    </message>
    <message>
        <source> (revision {0})</source>
        <translation> (revisión {0})</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>Draft saved {0}</source>
        <translation>Borrador guardado a las {0}</translation>
    </message>
    <message>
        <source>Saving draft...</source>
        <translation>Guardando el borrador...</translation>
    </message>
    <message>
        <source>Saved at another desk</source>
        <translation>Guardado en otro puesto</translation>
    </message>
    <message>
        <source>Another desk saved this intake while you were working on it. Keep your answers?</source>
        <translation>Otro puesto guardó esta ficha de admisión mientras usted trabajaba en ella. ¿Quiere quedarse con sus respuestas?</translation>
    </message>
    <message>
        <source>Yes keeps your answers (they replace the other desk&apos;s); No shows the other desk&apos;s answers instead.

</source>
        <translation>«Sí» conserva sus respuestas (sustituyen a las del otro puesto); «No» muestra en su lugar las respuestas del otro puesto.

</translation>
    </message>
    <message>
        <source>The answers are the same.</source>
        <translation>Las respuestas son las mismas.</translation>
    </message>
    <message>
        <source>Completed: {0}</source>
        <translation>Completada: {0}</translation>
    </message>
    <message>
        <source>Completing...</source>
        <translation>Completando...</translation>
    </message>
    <message>
        <source>Safety questions not asked</source>
        <translation>Preguntas de seguridad sin hacer</translation>
    </message>
    <message>
        <source>{0} safety question(s) have not been asked.</source>
        <translation>No se han hecho {0} pregunta(s) de seguridad.</translation>
    </message>
    <message>
        <source>Complete anyway with them recorded as NOT ASKED? They will print as NOT ASKED - ask before the patient leaves.

</source>
        <translation>¿Completar de todos modos, anotadas como NO SE PREGUNTÓ? Se imprimirán como NO SE PREGUNTÓ: hágalas antes de que el paciente se vaya.

</translation>
    </message>
    <message>
        <source>The red flag was not acknowledged</source>
        <translation>La señal de alarma no se dio por vista</translation>
    </message>
    <message>
        <source>Checking the clinician&apos;s password...</source>
        <translation>Comprobando la contraseña del clínico...</translation>
    </message>
    <message>
        <source>Amend the intake</source>
        <translation>Corregir la ficha de admisión</translation>
    </message>
    <message>
        <source>Why is it amended? (kept with the new revision)</source>
        <translation>¿Por qué se corrige? (se guarda con la nueva revisión)</translation>
    </message>
    <message>
        <source>Starting a new revision...</source>
        <translation>Empezando una nueva revisión...</translation>
    </message>
    <message>
        <source>Signed in: {0} ({1})</source>
        <translation>Sesión iniciada: {0} ({1})</translation>
    </message>
    <message>
        <source>Restore unsaved answers?</source>
        <translation>¿Recuperar las respuestas sin guardar?</translation>
    </message>
    <message>
        <source>The program stopped before the last answers of an intake were saved.</source>
        <translation>El programa se cerró antes de guardar las últimas respuestas de una ficha de admisión.</translation>
    </message>
    <message>
        <source>Patient: {0}, {1}
Last change: {2}

Restore these answers? (No discards them.)</source>
        <translation>Paciente: {0}, {1}
Último cambio: {2}

¿Recuperar estas respuestas? (Si responde «No», se descartan.)</translation>
    </message>
</context>
<context>
    <name>AssessmentPanel</name>
    <message>
        <source>Screening result (live)</source>
        <extracomment>One paragraph of the reasons: its role, its words, and the answers behind it (a reason&apos;s grey lines).</extracomment>
        <translation>Resultado del cribado (en tiempo real)</translation>
    </message>
    <message>
        <source>Screening level</source>
        <translation>Nivel del cribado</translation>
    </message>
    <message>
        <source>Safety questions not asked yet: ask them before the patient leaves.</source>
        <translation>Hay preguntas de seguridad sin hacer: hágalas antes de que el paciente se vaya.</translation>
    </message>
    <message>
        <source>Reasons, with the answers behind them</source>
        <translation>Motivos, con las respuestas en que se basan</translation>
    </message>
    <message>
        <source>Clinician trace</source>
        <translation>Detalle para el clínico</translation>
    </message>
    <message>
        <source>Show the screening rules behind each reason</source>
        <translation>Mostrar las reglas del cribado detrás de cada motivo</translation>
    </message>
    <message>
        <source>Clinician trace: the rules that fired</source>
        <translation>Detalle para el clínico: las reglas que se activaron</translation>
    </message>
    <message>
        <source>Mark where the symptoms are, or answer a safety question, and the result appears here.</source>
        <translation>Marque dónde están los síntomas, o conteste una pregunta de seguridad, y el resultado aparecerá aquí.</translation>
    </message>
    <message>
        <source>Screening aid for clinician review - not a diagnosis.</source>
        <translation>Ayuda de cribado para revisión por un clínico; no es un diagnóstico.</translation>
    </message>
    <message>
        <source>Screening aid for clinician review - not a diagnosis. Rules {0}.</source>
        <translation>Ayuda de cribado para revisión por un clínico; no es un diagnóstico. Reglas {0}.</translation>
    </message>
</context>
<context>
    <name>BodyMapWidget</name>
    <message>
        <source>Pain</source>
        <extracomment>Shapes (or outlines) made per step of `prepare_steps`: about 1-3 ms.</extracomment>
        <translation>Dolor</translation>
    </message>
    <message>
        <source>Numbness</source>
        <translation>Piel dormida</translation>
    </message>
    <message>
        <source>Pins and needles</source>
        <translation>Hormigueo</translation>
    </message>
    <message>
        <source>Leg and foot map</source>
        <translation>Dibujo de las piernas y los pies</translation>
    </message>
    <message>
        <source>Drawing of both legs and feet for marking where the symptoms are, used with the mouse only. Clicking an area marks it for the chosen symptom and clicking again clears it. The region lists in the form offer the same choices from the keyboard.</source>
        <translation>Dibujo de las dos piernas y los pies para marcar dónde están las molestias, solo con el ratón. Al hacer clic en una zona se marca, y al volver a hacer clic se quita. Las listas del formulario ofrecen lo mismo con el teclado.</translation>
    </message>
    <message>
        <source>Legs from the front</source>
        <translation>Piernas vistas de frente</translation>
    </message>
    <message>
        <source>Legs from behind</source>
        <translation>Piernas vistas por detrás</translation>
    </message>
    <message>
        <source>Tops of the feet</source>
        <translation>Los pies por arriba</translation>
    </message>
    <message>
        <source>Soles, heels up</source>
        <translation>Las plantas, con el talón arriba</translation>
    </message>
    <message>
        <source>Inner side of each foot</source>
        <translation>Cada pie por dentro</translation>
    </message>
    <message>
        <source>Whole foot</source>
        <translation>Todo el pie</translation>
    </message>
    <message>
        <source>All toes</source>
        <translation>Todos los dedos</translation>
    </message>
</context>
<context>
    <name>BusyIndicator</name>
    <message>
        <source>Working</source>
        <extracomment>Work shorter than this never shows the bar.</extracomment>
        <translation>Procesando</translation>
    </message>
</context>
<context>
    <name>Chooser</name>
    <message>
        <source>Unexpected error</source>
        <translation>Error inesperado</translation>
    </message>
    <message>
        <source>Something went wrong that the program did not expect.</source>
        <translation>Ha ocurrido un error que el programa no esperaba.</translation>
    </message>
    <message>
        <source>{0}
The log holds no patient details; nothing was sent anywhere. Everything saved so far is safe.
You can carry on working, or save open drafts and quit.</source>
        <translation>{0}
El registro del fallo no contiene datos de pacientes; no se ha enviado nada a ninguna parte. Todo lo guardado hasta ahora está a salvo.
Puede seguir trabajando, o guardar los borradores abiertos y salir.</translation>
    </message>
    <message>
        <source>Carry on</source>
        <translation>Seguir trabajando</translation>
    </message>
    <message>
        <source>Save and quit</source>
        <translation>Guardar y salir</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>Posible duplicado</translation>
    </message>
    <message>
        <source>This patient may already be registered:</source>
        <translation>Puede que este paciente ya esté registrado:</translation>
    </message>
    <message>
        <source>Open existing record</source>
        <translation>Abrir el paciente ya registrado</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>Guardar de todos modos</translation>
    </message>
    <message>
        <source>Save as new patient</source>
        <translation>Guardar como paciente nuevo</translation>
    </message>
</context>
<context>
    <name>ComboChoiceEditor</name>
    <message>
        <source>Not answered</source>
        <extracomment>A choice with more options than this becomes a combo box instead of radio buttons. Sides in the order clinicians read them (the patient&apos;s right first); data keys stay left/right. The editor&apos;s own check may have a new verdict (emitted even when the value did not change). Keys that answer a focused safety question: Y the positive answer, L &quot;long-standing&quot;, N &quot;No&quot;, 0 &quot;Not asked&quot;. Each maps to the first option whose value matches.</extracomment>
        <translation>Sin respuesta</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <source>Sections of the form</source>
        <translation>Secciones del cuestionario</translation>
    </message>
    <message>
        <source>‹ Back: {title}</source>
        <translation>‹ Atrás: {title}</translation>
    </message>
    <message>
        <source>Next: {title} ›</source>
        <translation>Siguiente: {title} ›</translation>
    </message>
    <message>
        <source>is not a question of this form</source>
        <translation>no es una pregunta de este cuestionario</translation>
    </message>
    <message>
        <source>has a value this form cannot show</source>
        <translation>tiene un valor que este cuestionario no puede mostrar</translation>
    </message>
    <message>
        <source>The stored answers do not fit this form</source>
        <translation>Las respuestas guardadas no encajan en este cuestionario</translation>
    </message>
    <message>
        <source>Unknown body region</source>
        <translation>Zona del cuerpo desconocida</translation>
    </message>
    <message>
        <source>{0}: {1} of {2} answered</source>
        <translation>{0}: {1} de {2} contestadas</translation>
    </message>
    <message>
        <source>Has answers to check</source>
        <translation>Tiene respuestas que revisar</translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <source>Pain</source>
        <translation>Dolor</translation>
    </message>
    <message>
        <source>Numbness</source>
        <translation>Piel dormida</translation>
    </message>
    <message>
        <source>Pins and needles</source>
        <translation>Hormigueo</translation>
    </message>
    <message>
        <source>← Patients</source>
        <extracomment>Below this width the live result shares a tab with the map; below NARROW everything is a tab. Settling the hidden page (see IntakePage._settle_steps) hands the event loop back after this long.</extracomment>
        <translation>← Pacientes</translation>
    </message>
    <message>
        <source>Back to the patient list</source>
        <translation>Volver a la lista de pacientes</translation>
    </message>
    <message>
        <source>Visit date</source>
        <translation>Fecha de la visita</translation>
    </message>
    <message>
        <source>&amp;Visit date</source>
        <translation>Fecha de la &amp;visita</translation>
    </message>
    <message>
        <source>&amp;Save draft</source>
        <translation>&amp;Guardar borrador</translation>
    </message>
    <message>
        <source>Review and &amp;complete...</source>
        <translation>Revisar y &amp;completar...</translation>
    </message>
    <message>
        <source>&amp;Amend...</source>
        <translation>Co&amp;rregir...</translation>
    </message>
    <message>
        <source>Make a new revision of this completed intake; the original is kept</source>
        <translation>Hacer una nueva revisión de esta ficha de admisión completada; la original se conserva</translation>
    </message>
    <message>
        <source>All a&amp;nswers</source>
        <translation>Todas las res&amp;puestas</translation>
    </message>
    <message>
        <source>&amp;Preview and print...</source>
        <translation>&amp;Vista previa e imprimir...</translation>
    </message>
    <message>
        <source>Map marks:</source>
        <translation>Marcar en el mapa:</translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>Key {0} chooses this symptom</source>
        <translation>La tecla {0} elige este síntoma</translation>
    </message>
    <message>
        <source>Click a region to mark it for the chosen symptom; click again to clear. In the form, type a region&apos;s name to add it from the keyboard.</source>
        <translation>Haga clic en una zona para marcarla con el síntoma elegido; otro clic la borra. En el cuestionario, escriba el nombre de una zona para añadirla con el teclado.</translation>
    </message>
    <message>
        <source>Every answer on one page, then complete (Ctrl+Enter)</source>
        <translation>Todas las respuestas en una página; después, completar (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>&amp;Map</source>
        <translation>&amp;Mapa</translation>
    </message>
    <message>
        <source>&amp;Result</source>
        <translation>&amp;Resultado</translation>
    </message>
    <message>
        <source>F&amp;orm</source>
        <translation>C&amp;uestionario</translation>
    </message>
    <message>
        <source>{0}, {1}  ·  born {2}</source>
        <translation>{0}, {1}  ·  fecha de nacimiento {2}</translation>
    </message>
    <message>
        <source>revision {0}</source>
        <translation>revisión {0}</translation>
    </message>
    <message>
        <source>MRN {0}</source>
        <translation>N.º de historia {0}</translation>
    </message>
    <message>
        <source>Warning: the recovery copy could not be written.</source>
        <translation>Atención: no se pudo escribir la copia de recuperación.</translation>
    </message>
</context>
<context>
    <name>IntegerEditor</name>
    <message>
        <source>Enter a whole number from {low} to {high}</source>
        <translation>Escriba un número entero de {low} a {high}</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <source>questions in this language</source>
        <translation>preguntas en este idioma</translation>
    </message>
</context>
<context>
    <name>LetterOptions</name>
    <message>
        <source>Referrer&apos;s name</source>
        <translation>Nombre del remitente</translation>
    </message>
    <message>
        <source>Referrer&apos;s role</source>
        <translation>Cargo del remitente</translation>
    </message>
    <message>
        <source>Referrer&apos;s direct phone</source>
        <translation>Teléfono directo del remitente</translation>
    </message>
    <message>
        <source>Large-print handout</source>
        <translation>Hoja del paciente en letra grande</translation>
    </message>
    <message>
        <source>Print the patient handout in 18 point type</source>
        <translation>Imprimir la hoja del paciente con letra de 18 puntos</translation>
    </message>
    <message>
        <source>&amp;Update letter</source>
        <translation>&amp;Actualizar la carta</translation>
    </message>
    <message>
        <source>Rebuild the referral with these details (this letter only)</source>
        <translation>Rehacer la derivación con estos datos (solo esta carta)</translation>
    </message>
    <message>
        <source>Referrer</source>
        <translation>Remitente</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Cargo</translation>
    </message>
    <message>
        <source>Direct phone</source>
        <translation>Teléfono directo</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Foot &amp; Leg Intake</source>
        <translation>Foot &amp; Leg Intake</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <extracomment>The intake workspace is built in idle time, one step (a question, under 10 ms) per event-loop turn, so a search or a key press never waits behind more than one step. ... and only once no task has started or finished for this long (a person typing a search).</extracomment>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>New &amp;patient...</source>
        <translation>Nuevo &amp;paciente...</translation>
    </message>
    <message>
        <source>&amp;New intake</source>
        <translation>&amp;Nueva ficha de admisión</translation>
    </message>
    <message>
        <source>&amp;Save draft</source>
        <translation>&amp;Guardar borrador</translation>
    </message>
    <message>
        <source>&amp;Preview and print...</source>
        <translation>&amp;Vista previa e imprimir...</translation>
    </message>
    <message>
        <source>Patient &amp;answers...</source>
        <translation>El paciente &amp;responde...</translation>
    </message>
    <message>
        <source>Record &amp;outcome...</source>
        <translation>Anotar el resultado del &amp;especialista...</translation>
    </message>
    <message>
        <source>&amp;Lock the window</source>
        <translation>&amp;Bloquear la ventana</translation>
    </message>
    <message>
        <source>Change my pass&amp;word...</source>
        <translation>Cambiar mi &amp;contraseña...</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Cerrar &amp;sesión</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Sal&amp;ir</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Find patient</source>
        <translation>&amp;Buscar paciente</translation>
    </message>
    <message>
        <source>&amp;Today&apos;s intakes</source>
        <translation>Fichas de &amp;hoy</translation>
    </message>
    <message>
        <source>&amp;Outcomes: how the screening does</source>
        <translation>&amp;Resultados: cómo acierta el cribado</translation>
    </message>
    <message>
        <source>&amp;Desk preferences...</source>
        <translation>&amp;Preferencias del puesto...</translation>
    </message>
    <message>
        <source>&amp;Administration</source>
        <translation>A&amp;dministración</translation>
    </message>
    <message>
        <source>Staff &amp;accounts...</source>
        <translation>&amp;Cuentas del personal...</translation>
    </message>
    <message>
        <source>&amp;Clinic settings...</source>
        <translation>Ajustes de la clí&amp;nica...</translation>
    </message>
    <message>
        <source>Audit &amp;trail...</source>
        <translation>&amp;Registro de auditoría...</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>Hacer copia de &amp;seguridad ahora</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;About Foot &amp; Leg Intake</source>
        <translation>&amp;Acerca de Foot &amp; Leg Intake</translation>
    </message>
    <message>
        <source>Foot &amp; Leg Intake - {0}</source>
        <translation>Foot &amp; Leg Intake - {0}</translation>
    </message>
    <message>
        <source>Database: {0}</source>
        <translation>Base de datos: {0}</translation>
    </message>
    <message>
        <source>Daily backup...</source>
        <extracomment>what each action needs; None: anyone signed in and not locked</extracomment>
        <translation>Copia de seguridad diaria...</translation>
    </message>
    <message>
        <source>Draft saved</source>
        <translation>Borrador guardado</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>This intake has changes that are not saved yet.</source>
        <translation>Esta ficha de admisión tiene cambios que todavía no se han guardado.</translation>
    </message>
    <message>
        <source>New intake</source>
        <translation>Nueva ficha de admisión</translation>
    </message>
    <message>
        <source>Choose a patient in the list first.</source>
        <translation>Primero elija un paciente de la lista.</translation>
    </message>
    <message>
        <source>Second intake today</source>
        <translation>Segunda ficha de admisión hoy</translation>
    </message>
    <message>
        <source>This patient already has an intake today.</source>
        <translation>Este paciente ya tiene una ficha de admisión hoy.</translation>
    </message>
    <message>
        <source>Start another, separate intake? (No: open the existing one from the list instead.)</source>
        <translation>¿Empezar otra ficha de admisión aparte? (No: abra en su lugar la que ya existe, desde la lista.)</translation>
    </message>
    <message>
        <source>Starting intake...</source>
        <translation>Empezando la ficha de admisión...</translation>
    </message>
    <message>
        <source>Opening intake...</source>
        <translation>Abriendo la ficha de admisión...</translation>
    </message>
    <message>
        <source>Settings saved</source>
        <translation>Ajustes guardados</translation>
    </message>
    <message>
        <source>The daily backup failed: {0}</source>
        <translation>La copia de seguridad diaria falló: {0}</translation>
    </message>
    <message>
        <source>Cannot print yet</source>
        <translation>Todavía no se puede imprimir</translation>
    </message>
    <message>
        <source>not open</source>
        <translation>no está abierta</translation>
    </message>
    <message>
        <source>About Foot &amp; Leg Intake</source>
        <translation>Acerca de Foot &amp; Leg Intake</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Foot &amp;amp; Leg Intake {0}&lt;/h3&gt;&lt;p&gt;Questionnaire {1}&lt;br&gt;Screening rules {2}&lt;/p&gt;&lt;p&gt;Database: {3}{4}&lt;/p&gt;&lt;p&gt;A front-desk screening aid for a possible spinal (lower-back) origin of foot pain. For clinician review; it does not make a diagnosis.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Foot &amp;amp; Leg Intake {0}&lt;/h3&gt;&lt;p&gt;Cuestionario {1}&lt;br&gt;Reglas del cribado {2}&lt;/p&gt;&lt;p&gt;Base de datos: {3}{4}&lt;/p&gt;&lt;p&gt;Una ayuda de cribado para recepción: si el dolor del pie puede venir de la columna (la parte baja de la espalda). Para revisión por un clínico; no hace diagnósticos.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The daily backup failed</source>
        <translation>La copia de seguridad diaria falló</translation>
    </message>
    <message>
        <source>Find &amp;patient</source>
        <extracomment>The Qt modules of the intake workspace and of the preview, each after the modules it imports: loaded on the GUI thread, one a step in idle time. (PySide6 makes its types on first use, which is not safe from another thread: loading these on a worker thread crashed the window now and then.)</extracomment>
        <translation>Buscar &amp;paciente</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>&amp;Hoy</translation>
    </message>
    <message>
        <source>The database cannot be opened</source>
        <translation>No se puede abrir la base de datos</translation>
    </message>
    <message>
        <source>The database could not be opened.
{0}</source>
        <translation>No se pudo abrir la base de datos.
{0}</translation>
    </message>
    <message>
        <source>Opening the database...</source>
        <translation>Abriendo la base de datos...</translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <source>Page</source>
        <translation>Página</translation>
    </message>
    <message>
        <source>The current page of questions</source>
        <translation>La página de preguntas en la que está</translation>
    </message>
</context>
<context>
    <name>PatientBodyMap</name>
    <message>
        <source>Pain</source>
        <translation>Dolor</translation>
    </message>
    <message>
        <source>Numbness</source>
        <translation>Piel dormida</translation>
    </message>
    <message>
        <source>Pins and needles</source>
        <translation>Hormigueo</translation>
    </message>
    <message>
        <source>Drawing of your legs and feet</source>
        <translation>Dibujo de sus piernas y sus pies</translation>
    </message>
    <message>
        <source>Touch a place on the drawing to mark it, and touch it again to clear it. The buttons beside the drawing mark the same places.</source>
        <translation>Toque un sitio del dibujo para marcarlo. Tóquelo otra vez para quitarlo. Los botones de al lado marcan los mismos sitios.</translation>
    </message>
    <message>
        <source>Legs from the front</source>
        <translation>Piernas vistas de frente</translation>
    </message>
    <message>
        <source>Legs from behind</source>
        <translation>Piernas vistas por detrás</translation>
    </message>
    <message>
        <source>Tops of the feet</source>
        <translation>Los pies por arriba</translation>
    </message>
    <message>
        <source>Soles, heels up</source>
        <translation>Las plantas, con el talón arriba</translation>
    </message>
    <message>
        <source>Inner side of each foot</source>
        <translation>Cada pie por dentro</translation>
    </message>
    <message>
        <source>Whole foot</source>
        <translation>Todo el pie</translation>
    </message>
    <message>
        <source>All toes</source>
        <translation>Todos los dedos</translation>
    </message>
</context>
<context>
    <name>PatientDesk</name>
    <message>
        <source>Patient answers</source>
        <translation>El paciente responde</translation>
    </message>
    <message>
        <source>Patient mode is already open for a patient. Leave it first (Staff button).</source>
        <translation>El modo paciente ya está abierto para un paciente. Salga primero de él (botón Personal de la clínica).</translation>
    </message>
    <message>
        <source>Opening patient mode...</source>
        <translation>Abriendo el modo paciente...</translation>
    </message>
    <message>
        <source>This intake is complete. Patient mode fills in a draft: start a new intake first.</source>
        <translation>Esta ficha de admisión está completada. El modo paciente rellena un borrador: empiece antes una ficha nueva.</translation>
    </message>
    <message>
        <source>Patient mode needs the current questionnaire (version 2), and this draft uses an older one. Finish this draft at the desk, or start a new intake for the patient to answer.</source>
        <translation>El modo paciente necesita el cuestionario actual (versión 2), y este borrador usa uno anterior. Termine este borrador en recepción, o empiece una ficha de admisión nueva para que la conteste el paciente.</translation>
    </message>
    <message>
        <source>The patient has finished: their answers are in the draft.</source>
        <translation>El paciente ha terminado: sus respuestas están en el borrador.</translation>
    </message>
    <message>
        <source>The patient&apos;s answers could not be saved yet: {0}</source>
        <translation>Todavía no se pudieron guardar las respuestas del paciente: {0}</translation>
    </message>
    <message>
        <source>Checking the password...</source>
        <translation>Comprobando la contraseña...</translation>
    </message>
</context>
<context>
    <name>PatientDialog</name>
    <message>
        <source>Edit patient</source>
        <translation>Editar paciente</translation>
    </message>
    <message>
        <source>New patient</source>
        <translation>Nuevo paciente</translation>
    </message>
    <message>
        <source>Choose...</source>
        <translation>Elegir...</translation>
    </message>
    <message>
        <source>YYYY-MM-DD or DD.MM.YYYY</source>
        <translation>AAAA-MM-DD o DD.MM.AAAA</translation>
    </message>
    <message>
        <source>* required</source>
        <translation>* obligatorio</translation>
    </message>
    <message>
        <source>Checking for duplicates...</source>
        <translation>Buscando duplicados...</translation>
    </message>
    <message>
        <source>Saving patient...</source>
        <translation>Guardando el paciente...</translation>
    </message>
    <message>
        <source>Checking...</source>
        <translation>Comprobando...</translation>
    </message>
</context>
<context>
    <name>PatientMode</name>
    <message>
        <source>Your answers</source>
        <translation>Sus respuestas</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personal de la clínica</translation>
    </message>
    <message>
        <source>For the front desk: sign in to leave or help</source>
        <translation>Para recepción: entrar con su usuario para salir o ayudar</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Go to the previous page</source>
        <translation>Volver a la página anterior</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>How far you are through the questions</source>
        <translation>Cuántas preguntas lleva</translation>
    </message>
    <message>
        <source>Last step</source>
        <translation>Último paso</translation>
    </message>
    <message>
        <source>Question {0} of {1}</source>
        <translation>Pregunta {0} de {1}</translation>
    </message>
    <message>
        <source>I have finished</source>
        <translation>He terminado</translation>
    </message>
    <message>
        <source>Send your answers to the front desk</source>
        <translation>Enviar sus respuestas a recepción</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>Choose an answer first. If you are not sure, choose I don&apos;t know.</source>
        <translation>Elija primero una respuesta. Si no lo sabe, elija No lo sé.</translation>
    </message>
    <message>
        <source>Go to the next page</source>
        <translation>Ir a la página siguiente</translation>
    </message>
    <message>
        <source>Please tell the front desk now</source>
        <translation>Por favor, avise ahora en recepción</translation>
    </message>
    <message>
        <source>Thank you for this answer. Please go to the front desk now and tell them you have reached this page. They will want to talk with you.</source>
        <translation>Gracias por su respuesta. Por favor, vaya ahora a recepción y dígales que ha llegado a esta página. Querrán hablar con usted.</translation>
    </message>
    <message>
        <source>Continue with the questions</source>
        <translation>Seguir con las preguntas</translation>
    </message>
    <message>
        <source>Go on to the next question</source>
        <translation>Pasar a la siguiente pregunta</translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation>Gracias</translation>
    </message>
    <message>
        <source>You have answered all the questions. Please tell the front desk that you have finished.</source>
        <translation>Ya ha contestado todas las preguntas. Por favor, avise en recepción de que ha terminado.</translation>
    </message>
    <message>
        <source>Are you still there?</source>
        <translation>¿Sigue ahí?</translation>
    </message>
    <message>
        <source>Touch the button to carry on with your answers.</source>
        <translation>Toque el botón para seguir con sus respuestas.</translation>
    </message>
    <message>
        <source>Yes, I am here</source>
        <translation>Sí, aquí estoy</translation>
    </message>
    <message>
        <source>Carry on with the questions</source>
        <translation>Seguir con las preguntas</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Le damos la bienvenida</translation>
    </message>
    <message>
        <source>Please ask the front desk to start.</source>
        <translation>Por favor, pida ayuda en recepción para empezar.</translation>
    </message>
    <message>
        <source>The answers so far are kept as a draft.</source>
        <translation>Las respuestas dadas hasta ahora se guardan como borrador.</translation>
    </message>
    <message>
        <source>Carry on with the patient</source>
        <translation>Seguir con el paciente</translation>
    </message>
    <message>
        <source>Back to the patient&apos;s questions</source>
        <translation>Volver a las preguntas del paciente</translation>
    </message>
    <message>
        <source>Leave patient mode</source>
        <translation>Salir del modo paciente</translation>
    </message>
    <message>
        <source>Save the draft and close patient mode</source>
        <translation>Guardar el borrador y cerrar el modo paciente</translation>
    </message>
</context>
<context>
    <name>PatientTableModel</name>
    <message>
        <source>Family name</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>MRN</source>
        <translation>N.º de historia</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
</context>
<context>
    <name>PatientsPanel</name>
    <message>
        <source>{0} - acknowledged</source>
        <translation>{0} - dada por vista</translation>
    </message>
    <message>
        <source>{0} - not acknowledged</source>
        <translation>{0} - sin dar por vista</translation>
    </message>
    <message>
        <source>Search: family or given name, date of birth or MRN</source>
        <translation>Buscar: apellido o nombre, fecha de nacimiento o n.º de historia</translation>
    </message>
    <message>
        <source>Search patients</source>
        <translation>Buscar pacientes</translation>
    </message>
    <message>
        <source>Type the start of a name, an MRN, or a date of birth as YYYY-MM-DD or DD.MM.YYYY</source>
        <translation>Escriba el principio de un nombre, un n.º de historia o una fecha de nacimiento como AAAA-MM-DD o DD.MM.AAAA</translation>
    </message>
    <message>
        <source>&amp;Find patient</source>
        <translation>&amp;Buscar paciente</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>Pacientes</translation>
    </message>
    <message>
        <source>&amp;New patient...</source>
        <translation>&amp;Nuevo paciente...</translation>
    </message>
    <message>
        <source>&amp;Edit patient...</source>
        <translation>&amp;Editar paciente...</translation>
    </message>
    <message>
        <source>Intakes of the selected patient</source>
        <translation>Fichas de admisión del paciente elegido</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visita</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Screen result</source>
        <translation>Resultado del cribado</translation>
    </message>
    <message>
        <source>New &amp;intake</source>
        <translation>Nueva &amp;ficha</translation>
    </message>
    <message>
        <source>&amp;Open intake</source>
        <translation>&amp;Abrir ficha</translation>
    </message>
    <message>
        <source>Choose a patient in the list to see their intakes.</source>
        <translation>Elija un paciente de la lista para ver sus fichas de admisión.</translation>
    </message>
    <message>
        <source>Selected patient</source>
        <translation>Paciente elegido</translation>
    </message>
    <message>
        <source>Press Enter or click the patient to see their intakes.</source>
        <translation>Pulse Intro o haga clic en el paciente para ver sus fichas de admisión.</translation>
    </message>
    <message>
        <source>Opening the database...</source>
        <translation>Abriendo la base de datos...</translation>
    </message>
    <message>
        <source>Searching...</source>
        <translation>Buscando...</translation>
    </message>
    <message>
        <source>{0} of {1} patients</source>
        <translation>{0} de {1} pacientes</translation>
    </message>
    <message>
        <source>{0} found</source>
        <translation>{0} encontrados</translation>
    </message>
    <message>
        <source>No patient matches “{0}”.
Check the spelling, or register a new patient with New patient.</source>
        <translation>Ningún paciente coincide con «{0}».
Revise cómo está escrito, o registre un paciente con Nuevo paciente.</translation>
    </message>
    <message>
        <source>No patients yet.
Register the first patient with New patient (Ctrl+Shift+N).</source>
        <translation>Todavía no hay pacientes.
Registre el primero con Nuevo paciente (Ctrl+Mayús+N).</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Completada</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Borrador</translation>
    </message>
    <message>
        <source> (revision {0})</source>
        <translation> (revisión {0})</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocida</translation>
    </message>
    <message>
        <source>Born {0} (age {1}), {2}</source>
        <translation>Fecha de nacimiento {0} ({1} años), {2}</translation>
    </message>
    <message>
        <source>Born {0}, {1}</source>
        <translation>Fecha de nacimiento {0}, {1}</translation>
    </message>
    <message>
        <source>MRN {0}</source>
        <translation>N.º de historia {0}</translation>
    </message>
    <message>
        <source>Phone {0}</source>
        <translation>Teléfono {0}</translation>
    </message>
</context>
<context>
    <name>PerSideRegionsEditor</name>
    <message>
        <source>None marked yet: click the map, or type a region below.</source>
        <translation>Nada marcado todavía: haga clic en el mapa, o escriba una zona abajo.</translation>
    </message>
    <message>
        <source>type a region</source>
        <translation>escriba una zona</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Preview and print</source>
        <translation>Vista previa e impresión</translation>
    </message>
    <message>
        <source>Print &amp;referral...</source>
        <translation>Imprimir la &amp;derivación...</translation>
    </message>
    <message>
        <source>Print &amp;handout...</source>
        <translation>Imprimir la &amp;hoja del paciente...</translation>
    </message>
    <message>
        <source>Print &amp;both...</source>
        <translation>Imprimir &amp;ambos...</translation>
    </message>
    <message>
        <source>One print dialog; the referral summary prints first</source>
        <translation>Un solo diálogo de impresión; el resumen de derivación se imprime primero</translation>
    </message>
    <message>
        <source>&amp;Save PDFs...</source>
        <translation>&amp;Guardar los PDF...</translation>
    </message>
    <message>
        <source>Save both documents as PDF files in a folder you choose</source>
        <translation>Guardar los dos documentos como archivos PDF en la carpeta que elija</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Preparing the referral summary...</source>
        <translation>Preparando el resumen de derivación...</translation>
    </message>
    <message>
        <source>Preparing the patient handout...</source>
        <translation>Preparando la hoja del paciente...</translation>
    </message>
    <message>
        <source>The referral summary could not be prepared.</source>
        <translation>No se pudo preparar el resumen de derivación.</translation>
    </message>
    <message>
        <source>The patient handout could not be prepared.</source>
        <translation>No se pudo preparar la hoja del paciente.</translation>
    </message>
    <message>
        <source>Printing...</source>
        <translation>Imprimiendo...</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Printing cancelled.</source>
        <translation>Impresión cancelada.</translation>
    </message>
    <message>
        <source>Printing cancelled after {0} page(s).</source>
        <translation>Impresión cancelada después de {0} página(s).</translation>
    </message>
    <message>
        <source>Sent {0} page(s) to the printer.</source>
        <translation>Se enviaron {0} página(s) a la impresora.</translation>
    </message>
    <message>
        <source>Nothing was printed.</source>
        <translation>No se imprimió nada.</translation>
    </message>
    <message>
        <source>Printing page {0} of {1}...</source>
        <translation>Imprimiendo la página {0} de {1}...</translation>
    </message>
    <message>
        <source>Finishing the print job...</source>
        <translation>Terminando la impresión...</translation>
    </message>
    <message>
        <source>Print: {0}</source>
        <translation>Imprimir: {0}</translation>
    </message>
    <message>
        <source>The PDF file cannot be written in that folder.</source>
        <translation>No se puede escribir el archivo PDF en esa carpeta.</translation>
    </message>
    <message>
        <source>Choose a folder you can write to.</source>
        <translation>Elija una carpeta en la que pueda escribir.</translation>
    </message>
    <message>
        <source>Save both PDFs in a folder</source>
        <translation>Guardar los dos PDF en una carpeta</translation>
    </message>
    <message>
        <source>Saved {0}.</source>
        <translation>Guardado: {0}.</translation>
    </message>
    <message>
        <source>The PDF was not saved.</source>
        <translation>No se guardó el PDF.</translation>
    </message>
    <message>
        <source>Saving...</source>
        <translation>Guardando...</translation>
    </message>
</context>
<context>
    <name>QuestionPage</name>
    <message>
        <source>Your left leg</source>
        <translation>Su pierna izquierda</translation>
    </message>
    <message>
        <source>Your right leg</source>
        <translation>Su pierna derecha</translation>
    </message>
    <message>
        <source>no pain</source>
        <translation>nada de dolor</translation>
    </message>
    <message>
        <source>worst pain</source>
        <translation>el peor dolor</translation>
    </message>
    <message>
        <source>Less</source>
        <translation>Menos</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Más</translation>
    </message>
</context>
<context>
    <name>QuestionRow</name>
    <message>
        <source>Red flag</source>
        <translation>Señal de alarma</translation>
    </message>
    <message>
        <source>Red flag raised by this answer</source>
        <translation>Esta respuesta da una señal de alarma</translation>
    </message>
    <message>
        <source>required</source>
        <translation>obligatoria</translation>
    </message>
    <message>
        <source>An answer is required</source>
        <translation>La respuesta es obligatoria</translation>
    </message>
    <message>
        <source>Red-flag question.</source>
        <translation>Pregunta de señal de alarma.</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Obligatoria.</translation>
    </message>
    <message>
        <source>Press Delete to clear the answer.</source>
        <translation>Pulse Supr para borrar la respuesta.</translation>
    </message>
</context>
<context>
    <name>RedFlagBanner</name>
    <message>
        <source>Red flag alert</source>
        <translation>Aviso de señal de alarma</translation>
    </message>
    <message>
        <source>&amp;Acknowledge...</source>
        <translation>&amp;Dar por vista...</translation>
    </message>
    <message>
        <source>Record which clinician was told about this alert, by their own name</source>
        <translation>Anotar qué clínico fue avisado de esta señal de alarma; firma el propio clínico, con su nombre</translation>
    </message>
    <message>
        <source>Tell the duty clinician NOW. Same-day emergency assessment; do not book routinely.</source>
        <translation>Avise AHORA al clínico de guardia. Valoración de urgencia hoy mismo; no dé una cita normal.</translation>
    </message>
    <message>
        <source>Tell the duty clinician today for an urgent spinal assessment; do not book routinely.</source>
        <translation>Avise hoy al clínico de guardia para una valoración urgente de la columna; no dé una cita normal.</translation>
    </message>
    <message>
        <source>Acknowledged by {0} at {1}.</source>
        <translation>Dada por vista por {0} a las {1}.</translation>
    </message>
    <message>
        <source>Not yet acknowledged: a clinician must acknowledge it before the intake can be completed.</source>
        <translation>Aún no se ha dado por vista: un clínico debe darla por vista antes de poder completar la ficha de admisión.</translation>
    </message>
</context>
<context>
    <name>RegionChip</name>
    <message>
        <source>Press Space or Delete to remove this mark</source>
        <translation>Pulse Espacio o Supr para quitar esta marca</translation>
    </message>
</context>
<context>
    <name>RegionPicker</name>
    <message>
        <source>Places to choose from</source>
        <translation>Sitios para elegir</translation>
    </message>
    <message>
        <source>The same places as on the drawing, as a list for each leg.</source>
        <translation>Los mismos sitios del dibujo, en una lista para cada pierna.</translation>
    </message>
    <message>
        <source>Left leg</source>
        <translation>Pierna izquierda</translation>
    </message>
    <message>
        <source>Right leg</source>
        <translation>Pierna derecha</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Please check your answers</source>
        <translation>Por favor, revise sus respuestas</translation>
    </message>
    <message>
        <source>Touch Change to correct an answer. When all is right, touch I have finished.</source>
        <translation>Toque Cambiar para corregir una respuesta. Cuando todo esté bien, toque He terminado.</translation>
    </message>
    <message>
        <source>left leg</source>
        <translation>pierna izquierda</translation>
    </message>
    <message>
        <source>right leg</source>
        <translation>pierna derecha</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Sin respuesta</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambiar</translation>
    </message>
    <message>
        <source>Go back to this question to change the answer</source>
        <translation>Volver a esta pregunta para cambiar la respuesta</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Password changed</source>
        <extracomment>How often the idle time is looked at (the lock comes at most this late; input checks at once). How often the lock and sign-in screens ask whether an urgent red flag waits. urgent red flags answered in patient mode and not yet in the database (shown while locked)</extracomment>
        <translation>Contraseña cambiada</translation>
    </message>
    <message>
        <source>The database is not open yet.</source>
        <translation>La base de datos todavía no está abierta.</translation>
    </message>
    <message>
        <source>Signing in...</source>
        <translation>Iniciando sesión...</translation>
    </message>
    <message>
        <source>Unlocking...</source>
        <translation>Desbloqueando...</translation>
    </message>
</context>
<context>
    <name>StaffSignInDialog</name>
    <message>
        <source>Staff sign-in</source>
        <extracomment>The questionnaire patient mode asks from: drafts of other versions are finished at the desk. (parent, refusal text of the attempt before, &quot;&quot; at first) -&gt; (account name, password), None: cancelled.</extracomment>
        <translation>Acceso del personal</translation>
    </message>
    <message>
        <source>Staff only: sign in with your own account to leave patient mode or help the patient. The desk then works as the account that signed in.</source>
        <translation>Solo para el personal: inicie sesión con su propia cuenta para salir del modo paciente o ayudar al paciente. Después, el puesto trabaja con la cuenta que inició sesión.</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Nombre de la cuenta</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Cuenta</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>C&amp;ontraseña</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Go to question</source>
        <translation>Ir a la pregunta</translation>
    </message>
    <message>
        <source>Before completing:</source>
        <translation>Antes de completar:</translation>
    </message>
    <message>
        <source>NOT ASKED</source>
        <translation>NO SE PREGUNTÓ</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
    <message>
        <source>Review the answers before completing</source>
        <translation>Revise las respuestas antes de completar</translation>
    </message>
    <message>
        <source>Highlighted: not answered (yellow) and safety questions NOT ASKED (red).</source>
        <translation>Resaltado: sin respuesta (amarillo) y preguntas de seguridad que NO SE PREGUNTARON (rojo).</translation>
    </message>
    <message>
        <source>Every answer of this intake</source>
        <translation>Todas las respuestas de esta ficha de admisión</translation>
    </message>
    <message>
        <source>← Back to the form</source>
        <translation>← Volver al cuestionario</translation>
    </message>
    <message>
        <source>Acknowledge red flag...</source>
        <translation>Dar por vista la señal de alarma...</translation>
    </message>
    <message>
        <source>Complete &amp;now</source>
        <translation>Completar &amp;ahora</translation>
    </message>
    <message>
        <source>Complete and print &amp;both...</source>
        <translation>Completar e imprimir a&amp;mbos...</translation>
    </message>
    <message>
        <source>Complete, then print the referral summary and the handout (Ctrl+Enter)</source>
        <translation>Completar y después imprimir el resumen de derivación y la hoja del paciente (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>the red flag must be acknowledged by a named clinician first</source>
        <translation>antes, un clínico con su nombre debe dar por vista la señal de alarma</translation>
    </message>
    <message>
        <source>&lt;b&gt;URGENT:&lt;/b&gt; a clinician must acknowledge the red flag before the intake can be completed. &lt;a href=&apos;ack:&apos;&gt;Acknowledge&lt;/a&gt;</source>
        <translation>&lt;b&gt;URGENTE:&lt;/b&gt; un clínico debe dar por vista la señal de alarma antes de poder completar la ficha de admisión. &lt;a href=&apos;ack:&apos;&gt;Dar por vista&lt;/a&gt;</translation>
    </message>
    <message>
        <source>All answers</source>
        <translation>Todas las respuestas</translation>
    </message>
</context>
<context>
    <name>TextEditor</name>
    <message>
        <source>Keep it to {0} characters (now {1})</source>
        <translation>Como máximo {0} caracteres (ahora hay {1})</translation>
    </message>
</context>
<context>
    <name>TodayPanel</name>
    <message>
        <source>Today&apos;s intakes</source>
        <translation>Fichas de admisión de hoy</translation>
    </message>
    <message>
        <source>Urgent intakes that no clinician has acknowledged yet come first.</source>
        <translation>Primero van las fichas urgentes que ningún clínico ha dado por vistas todavía.</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Screen result</source>
        <translation>Resultado del cribado</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>Last saved</source>
        <translation>Guardado por última vez</translation>
    </message>
    <message>
        <source>&amp;Open intake</source>
        <translation>&amp;Abrir ficha</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Ac&amp;tualizar</translation>
    </message>
    <message>
        <source>To contact: results that rose after the patient left</source>
        <translation>Para contactar: el resultado subió de nivel después de que el paciente se fuera</translation>
    </message>
    <message>
        <source>Patients to contact</source>
        <translation>Pacientes a los que contactar</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visita</translation>
    </message>
    <message>
        <source>Result then</source>
        <translation>Resultado en la visita</translation>
    </message>
    <message>
        <source>Result now</source>
        <translation>Resultado actual</translation>
    </message>
    <message>
        <source>&amp;Mark contacted...</source>
        <translation>&amp;Marcar como contactado...</translation>
    </message>
    <message>
        <source>Open &amp;recalled intake</source>
        <translation>Abrir la ficha del paciente a &amp;contactar</translation>
    </message>
    <message>
        <source>Outcomes due</source>
        <translation>Resultados del especialista pendientes</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>Ficha de admisión</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completada</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Open intake</source>
        <translation>Abrir ficha</translation>
    </message>
    <message>
        <source>Record &amp;outcome...</source>
        <translation>Anotar el resultado del &amp;especialista...</translation>
    </message>
    <message>
        <source>Updating today&apos;s list...</source>
        <translation>Actualizando la lista de hoy...</translation>
    </message>
    <message>
        <source>Outcome due: what did the specialist find? ({0})</source>
        <translation>Resultado pendiente: ¿qué encontró el especialista? ({0})</translation>
    </message>
    <message>
        <source>no result</source>
        <translation>sin resultado</translation>
    </message>
    <message>
        <source>Mark contacted</source>
        <translation>Marcar como contactado</translation>
    </message>
    <message>
        <source>Have you contacted {0}?</source>
        <translation>¿Ha contactado con {0}?</translation>
    </message>
    <message>
        <source>The intake leaves this list, recorded under your name.</source>
        <translation>La ficha de admisión sale de esta lista y queda anotada con su nombre.</translation>
    </message>
    <message>
        <source>Saving...</source>
        <translation>Guardando...</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Completada</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Borrador</translation>
    </message>
    <message>
        <source>not stored for drafts - open it to see</source>
        <translation>no se guarda en los borradores; abra la ficha para verlo</translation>
    </message>
    <message>
        <source>{0} today</source>
        <translation>{0} hoy</translation>
    </message>
</context>
<context>
    <name>UrgentBanner</name>
    <message>
        <source>Urgent</source>
        <translation>Urgente</translation>
    </message>
    <message>
        <source>Open the intake</source>
        <translation>Abrir la ficha de admisión</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Cerrar el aviso</translation>
    </message>
    <message>
        <source>URGENT - {0} answered a safety question in patient mode: {1} A clinician should see the patient now.</source>
        <translation>URGENTE - {0} contestó una pregunta de seguridad en el modo paciente: {1} Un clínico debe ver al paciente ahora.</translation>
    </message>
</context>
<context>
    <name>_DocumentTab</name>
    <message>
        <source>Working</source>
        <extracomment>Widgets styled per step when the dialog is made ahead (about a millisecond a step).</extracomment>
        <translation>Procesando</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Intentar de nuevo</translation>
    </message>
    <message>
        <source>Preparing...</source>
        <translation>Preparando...</translation>
    </message>
    <message>
        <source>1 page</source>
        <translation>1 página</translation>
    </message>
    <message>
        <source>{0} pages</source>
        <translation>{0} páginas</translation>
    </message>
    <message>
        <source>{0} · showing page {1} of {2}</source>
        <translation>{0} · página {1} de {2}</translation>
    </message>
</context>
</TS>
