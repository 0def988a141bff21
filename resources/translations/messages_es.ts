<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>IntakeError</name>
    <message>
        <source>--language: the handout is written in {names}, not {chosen}.</source>
        <translation>--language: la hoja para el paciente está escrita en {names}, no en {chosen}.</translation>
    </message>
    <message>
        <source>--referral-language: the referral letter is written in {names}, not {chosen}.</source>
        <translation>--referral-language: la carta de derivación está escrita en {names}, no en {chosen}.</translation>
    </message>
    <message>
        <source>1 problem in the file to import; nothing was imported</source>
        <translation>1 problema en el archivo que se importa; no se importó nada</translation>
    </message>
    <message>
        <source>1 problem in the intake document</source>
        <translation>1 problema en el documento de admisión</translation>
    </message>
    <message>
        <source>a clinician account</source>
        <translation>una cuenta de clínico</translation>
    </message>
    <message>
        <source>A clinician acknowledges the red flag (name and role), then complete the intake again.</source>
        <translation>Pida a un clínico que dé por vista la señal de alarma (con su nombre y rol) y después vuelva a completar la ficha de admisión.</translation>
    </message>
    <message>
        <source>a clinician or administrator account</source>
        <translation>una cuenta de clínico o de administrador</translation>
    </message>
    <message>
        <source>A few unrelated words make a long password that is easy to remember.</source>
        <translation>Unas cuantas palabras sin relación entre sí forman una contraseña larga y fácil de recordar.</translation>
    </message>
    <message>
        <source>a front-desk account</source>
        <translation>una cuenta de recepción</translation>
    </message>
    <message>
        <source>a front-desk or clinician account</source>
        <translation>una cuenta de recepción o de clínico</translation>
    </message>
    <message>
        <source>a front-desk or clinician or administrator account</source>
        <translation>una cuenta de recepción, de clínico o de administrador</translation>
    </message>
    <message>
        <source>A new database cannot be created in {parent} ({strerror}).</source>
        <translation>No se puede crear una base de datos nueva en {parent} ({strerror}).</translation>
    </message>
    <message>
        <source>A per-side answer reached a single CSV column.</source>
        <translation>Una respuesta por lados llegó a una sola columna del CSV.</translation>
    </message>
    <message>
        <source>A revision number starts at 1.</source>
        <translation>El número de revisión empieza en 1.</translation>
    </message>
    <message>
        <source>a section holds no answers of its own</source>
        <translation>una sección no tiene respuestas propias</translation>
    </message>
    <message>
        <source>A shared group can only be set on Linux and macOS.</source>
        <translation>Un grupo compartido solo se puede poner en Linux y macOS.</translation>
    </message>
    <message>
        <source>A stored screening result has no level or no rules version, so it cannot be exported.</source>
        <translation>Un resultado de cribado guardado no tiene nivel o no tiene versión de las reglas, así que no se puede exportar.</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>un número entero</translation>
    </message>
    <message>
        <source>acknowledge a red flag</source>
        <translation>dar por vista una señal de alarma</translation>
    </message>
    <message>
        <source>Add ?sslmode=verify-full to the address (with the server&apos;s CA certificate in ~/.postgresql/root.crt or sslrootcert=...). Only an administrator may turn the check off, with {tls_opt_out}=yes.</source>
        <translation>Añada ?sslmode=verify-full a la dirección (con el certificado de la autoridad del servidor en ~/.postgresql/root.crt o sslrootcert=...). Solo un administrador puede desactivar la comprobación, con {tls_opt_out}=yes.</translation>
    </message>
    <message>
        <source>add demonstration data</source>
        <translation>añadir datos de demostración</translation>
    </message>
    <message>
        <source>After {count} wrong passwords the account is locked for {minutes} minutes.</source>
        <translation>Después de {count} contraseñas incorrectas, la cuenta se bloquea durante {minutes} minutos.</translation>
    </message>
    <message>
        <source>amend a completed intake</source>
        <translation>corregir una ficha de admisión completada</translation>
    </message>
    <message>
        <source>An account is front-desk, clinician or administrator.</source>
        <translation>Una cuenta es de recepción, de clínico o de administrador.</translation>
    </message>
    <message>
        <source>an administrator account</source>
        <translation>una cuenta de administrador</translation>
    </message>
    <message>
        <source>An administrator can unlock it sooner.</source>
        <translation>Un administrador puede desbloquearla antes.</translation>
    </message>
    <message>
        <source>An intake records who entered an answer in a form the CSV cannot hold (a question its questionnaire does not ask, or someone other than the patient or staff).</source>
        <translation>Una ficha de admisión anota quién introdujo una respuesta de una forma que el CSV no puede guardar (una pregunta que su cuestionario no hace, o alguien que no es el paciente ni el personal).</translation>
    </message>
    <message>
        <source>An intake&apos;s revision must be a whole number of 1 or more.</source>
        <translation>La revisión de una ficha de admisión debe ser un número entero de 1 o más.</translation>
    </message>
    <message>
        <source>An intake&apos;s status must be draft or complete.</source>
        <translation>El estado de una ficha de admisión debe ser borrador (draft) o completada (complete).</translation>
    </message>
    <message>
        <source>Another administrator can do it.</source>
        <translation>Otro administrador puede hacerlo.</translation>
    </message>
    <message>
        <source>answers go in the items for each side</source>
        <translation>las respuestas van en los elementos de cada lado</translation>
    </message>
    <message>
        <source>Answers of the kind used by the question &quot;{label}&quot; cannot be exported to FHIR yet.</source>
        <translation>Las respuestas del tipo que usa la pregunta &quot;{label}&quot; todavía no se pueden exportar a FHIR.</translation>
    </message>
    <message>
        <source>Ask an administrator.</source>
        <translation>Pregunte a un administrador.</translation>
    </message>
    <message>
        <source>Ask IT to create it, or correct the shared group setting.</source>
        <translation>Pida a informática que lo cree, o corrija el ajuste del grupo compartido.</translation>
    </message>
    <message>
        <source>Ask IT to fix its permissions.</source>
        <translation>Pida a informática que arregle sus permisos.</translation>
    </message>
    <message>
        <source>Ask IT to make it writable.</source>
        <translation>Pida a informática que permita escribir en él.</translation>
    </message>
    <message>
        <source>back up the database</source>
        <translation>hacer una copia de seguridad de la base de datos</translation>
    </message>
    <message>
        <source>Cannot complete the intake: {missing} required question(s) unanswered.</source>
        <translation>No se puede completar la ficha de admisión: {missing} pregunta(s) obligatoria(s) sin responder.</translation>
    </message>
    <message>
        <source>Cannot complete the intake: {missing} required question(s) unanswered; {not_asked} red-flag question(s) not asked.</source>
        <translation>No se puede completar la ficha de admisión: {missing} pregunta(s) obligatoria(s) sin responder; {not_asked} pregunta(s) de señal de alarma sin hacer.</translation>
    </message>
    <message>
        <source>Cannot complete the intake: {not_asked} red-flag question(s) not asked.</source>
        <translation>No se puede completar la ficha de admisión: {not_asked} pregunta(s) de señal de alarma sin hacer.</translation>
    </message>
    <message>
        <source>Cannot create the folder {path} ({reason}).</source>
        <translation>No se puede crear la carpeta {path} ({reason}).</translation>
    </message>
    <message>
        <source>Cannot protect {path} ({reason}).</source>
        <translation>No se puede proteger {path} ({reason}).</translation>
    </message>
    <message>
        <source>Cannot reach the database server, or it refused the connection ({kind}).</source>
        <translation>No se puede llegar al servidor de base de datos, o rechazó la conexión ({kind}).</translation>
    </message>
    <message>
        <source>Cannot write {path} ({reason}).</source>
        <translation>No se puede escribir {path} ({reason}).</translation>
    </message>
    <message>
        <source>change a patient&apos;s details</source>
        <translation>cambiar los datos de un paciente</translation>
    </message>
    <message>
        <source>change the clinic settings</source>
        <translation>cambiar los ajustes de la clínica</translation>
    </message>
    <message>
        <source>Check its permissions.</source>
        <translation>Revise sus permisos.</translation>
    </message>
    <message>
        <source>Check that its folder exists and is writable.</source>
        <translation>Compruebe que su carpeta existe y que se puede escribir en ella.</translation>
    </message>
    <message>
        <source>Check the --database path.</source>
        <translation>Revise la ruta de --database.</translation>
    </message>
    <message>
        <source>Check the address, the user name and password, and that the server is running; ask IT if it repeats.</source>
        <translation>Revise la dirección, el usuario y la contraseña, y que el servidor esté en marcha; si se repite, pregunte a informática.</translation>
    </message>
    <message>
        <source>Check the database folder&apos;s permissions.</source>
        <translation>Revise los permisos de la carpeta de la base de datos.</translation>
    </message>
    <message>
        <source>Check the disk; ask IT if it repeats.</source>
        <translation>Revise el disco; si se repite, pregunte a informática.</translation>
    </message>
    <message>
        <source>Check the folder and free disk space.</source>
        <translation>Revise la carpeta y el espacio libre en el disco.</translation>
    </message>
    <message>
        <source>Check the folder and its permissions.</source>
        <translation>Revise la carpeta y sus permisos.</translation>
    </message>
    <message>
        <source>Check the folder&apos;s permissions and free space.</source>
        <translation>Revise los permisos de la carpeta y el espacio libre.</translation>
    </message>
    <message>
        <source>Check the intake number on the patient&apos;s intake list.</source>
        <translation>Compruebe el número de la ficha en la lista de fichas de admisión del paciente.</translation>
    </message>
    <message>
        <source>Check the name in the list of accounts.</source>
        <translation>Compruebe el nombre en la lista de cuentas.</translation>
    </message>
    <message>
        <source>Check the network, then try again.</source>
        <translation>Revise la red y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Check the permissions of your home folder, or pass --database.</source>
        <translation>Revise los permisos de su carpeta personal, o indique --database.</translation>
    </message>
    <message>
        <source>Choose a folder you can write to, or ask IT to fix its permissions.</source>
        <translation>Elija una carpeta en la que pueda escribir, o pida a informática que arregle sus permisos.</translation>
    </message>
    <message>
        <source>Choose a new password.</source>
        <translation>Elija una contraseña nueva.</translation>
    </message>
    <message>
        <source>Choose an empty folder, or repeat with --overwrite to replace them.</source>
        <translation>Elija una carpeta vacía, o repita con --overwrite para sustituirlos.</translation>
    </message>
    <message>
        <source>Choose another name, or repeat with --overwrite to replace it.</source>
        <translation>Elija otro nombre, o repita con --overwrite para sustituirlo.</translation>
    </message>
    <message>
        <source>Choose another name.</source>
        <translation>Elija otro nombre.</translation>
    </message>
    <message>
        <source>choose from {choices}</source>
        <translation>elija entre: {choices}</translation>
    </message>
    <message>
        <source>choose one of {choices}</source>
        <translation>elija una de estas opciones: {choices}</translation>
    </message>
    <message>
        <source>Choose one of: {choices}.</source>
        <translation>Elija una de estas: {choices}.</translation>
    </message>
    <message>
        <source>Choose one with: intake-app --user {name} users passwd (it asks for the current and the new password, or reads them from the files named by INTAKE_APP_PASSWORD_FILE and {env_new_password_file}).</source>
        <translation>Elija una con: intake-app --user {name} users passwd (pide la contraseña actual y la nueva, o las lee de los archivos indicados por INTAKE_APP_PASSWORD_FILE y {env_new_password_file}).</translation>
    </message>
    <message>
        <source>Close Foot &amp; Leg Intake everywhere it is open, then run the restore again.</source>
        <translation>Cierre Foot &amp; Leg Intake en todos los sitios donde esté abierto y vuelva a hacer la restauración.</translation>
    </message>
    <message>
        <source>Compare the two versions, choose what to keep, then save again.</source>
        <translation>Compare las dos versiones, elija qué quiere conservar y vuelva a guardar.</translation>
    </message>
    <message>
        <source>complete an intake</source>
        <translation>completar una ficha de admisión</translation>
    </message>
    <message>
        <source>Complete the intake first.</source>
        <translation>Complete primero la ficha de admisión.</translation>
    </message>
    <message>
        <source>contains a broken character (an unpaired surrogate)</source>
        <translation>tiene un carácter roto (un sustituto sin pareja)</translation>
    </message>
    <message>
        <source>contains a control character ({code}); only line breaks and tabs are kept</source>
        <translation>tiene un carácter de control ({code}); solo se conservan los saltos de línea y los tabuladores</translation>
    </message>
    <message>
        <source>contains a control character ({code}); remove it and try again</source>
        <translation>tiene un carácter de control ({code}); quítelo y vuelva a intentarlo</translation>
    </message>
    <message>
        <source>contains a line break ({code}); a name is one line</source>
        <translation>tiene un salto de línea ({code}); un nombre va en una sola línea</translation>
    </message>
    <message>
        <source>contains a text-direction control ({code}) that can disguise a name; remove it</source>
        <translation>tiene un control de dirección del texto ({code}) que puede disfrazar un nombre; quítelo</translation>
    </message>
    <message>
        <source>Create it first, or choose another --database location.</source>
        <translation>Créela primero, o elija otra ubicación con --database.</translation>
    </message>
    <message>
        <source>Create the first administrator: intake-app users add NAME --role administrator</source>
        <translation>Cree el primer administrador: intake-app users add NOMBRE --role administrator</translation>
    </message>
    <message>
        <source>differs from the revision</source>
        <translation>no coincide con la revisión</translation>
    </message>
    <message>
        <source>differs from the stored assessment</source>
        <translation>no coincide con la valoración guardada</translation>
    </message>
    <message>
        <source>export patient data</source>
        <translation>exportar datos de pacientes</translation>
    </message>
    <message>
        <source>export the audit trail</source>
        <translation>exportar el registro de auditoría</translation>
    </message>
    <message>
        <source>Fix or delete it; defaults are used when it is absent.</source>
        <translation>Corríjalo o bórrelo; si no existe, se usan los valores de fábrica.</translation>
    </message>
    <message>
        <source>For example ana.ruiz or desk-2.</source>
        <translation>Por ejemplo ana.ruiz o puesto-2.</translation>
    </message>
    <message>
        <source>For PostgreSQL install the &apos;postgres&apos; extra: pip install &apos;intake-app[postgres]&apos;.</source>
        <translation>Para PostgreSQL instale el extra &apos;postgres&apos;: pip install &apos;intake-app[postgres]&apos;.</translation>
    </message>
    <message>
        <source>Free some disk space, then save again.</source>
        <translation>Libere espacio en el disco y vuelva a guardar.</translation>
    </message>
    <message>
        <source>Free some disk space, then try again.</source>
        <translation>Libere espacio en el disco y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Give --user NAME before the command, or set {env_user}.</source>
        <translation>Ponga --user NOMBRE antes de la orden, o defina {env_user}.</translation>
    </message>
    <message>
        <source>Give the earlier date as the start.</source>
        <translation>Ponga la fecha más temprana como inicio.</translation>
    </message>
    <message>
        <source>Give the real folder.</source>
        <translation>Indique la carpeta real.</translation>
    </message>
    <message>
        <source>has an unsupported type {qtype}</source>
        <translation>tiene un tipo no admitido: {qtype}</translation>
    </message>
    <message>
        <source>has more cells than the first line has columns</source>
        <translation>tiene más celdas que columnas tiene la primera línea</translation>
    </message>
    <message>
        <source>has more than one screening Observation</source>
        <translation>tiene más de una Observation de cribado</translation>
    </message>
    <message>
        <source>has no fullUrl</source>
        <translation>no tiene fullUrl</translation>
    </message>
    <message>
        <source>holds a name that is not text; names are the questionnaire&apos;s field names</source>
        <translation>tiene un nombre que no es texto; los nombres son los nombres de campo del cuestionario</translation>
    </message>
    <message>
        <source>holds control characters that cannot be stored</source>
        <translation>tiene caracteres de control que no se pueden guardar</translation>
    </message>
    <message>
        <source>holds nested items; only the answers were expected</source>
        <translation>tiene elementos anidados; solo se esperaban las respuestas</translation>
    </message>
    <message>
        <source>holds no QuestionnaireResponse (no intake)</source>
        <translation>no tiene ningún QuestionnaireResponse (ninguna ficha de admisión)</translation>
    </message>
    <message>
        <source>holds {count} entries; this questionnaire has only {count2} questions</source>
        <translation>tiene {count} entradas; este cuestionario solo tiene {count2} preguntas</translation>
    </message>
    <message>
        <source>If it should hold your intakes, restore the latest backup (intake-app restore FILE); otherwise delete it or choose another --database path.</source>
        <translation>Si debería tener sus fichas de admisión, restaure la copia de seguridad más reciente (intake-app restore ARCHIVO); si no, bórrelo o elija otra ruta con --database.</translation>
    </message>
    <message>
        <source>import intake documents</source>
        <translation>importar documentos de admisión</translation>
    </message>
    <message>
        <source>Install the newer version of Foot &amp; Leg Intake to open it.</source>
        <translation>Instale la versión más nueva de Foot &amp; Leg Intake para abrirla.</translation>
    </message>
    <message>
        <source>Intake number: {message}</source>
        <translation>Número de la ficha de admisión: {message}</translation>
    </message>
    <message>
        <source>Intake {intake} is not complete yet; an outcome is recorded only for a completed intake, so nothing was recorded.</source>
        <translation>La ficha de admisión {intake} todavía no está completada; el resultado del especialista solo se anota en una ficha completada, así que no se anotó nada.</translation>
    </message>
    <message>
        <source>intake {intake} is on line {line} already; give one row per intake</source>
        <translation>la ficha de admisión {intake} ya está en la línea {line}; ponga una fila por ficha de admisión</translation>
    </message>
    <message>
        <source>is a kind of question this program cannot read from FHIR yet</source>
        <translation>es un tipo de pregunta que este programa todavía no sabe leer de FHIR</translation>
    </message>
    <message>
        <source>is after the visit date</source>
        <translation>es posterior a la fecha de la visita</translation>
    </message>
    <message>
        <source>is answered twice</source>
        <translation>está respondida dos veces</translation>
    </message>
    <message>
        <source>is in the future</source>
        <translation>es una fecha futura</translation>
    </message>
    <message>
        <source>is longer than {limit} characters</source>
        <translation>tiene más de {limit} caracteres</translation>
    </message>
    <message>
        <source>is nested more than {most} levels deep</source>
        <translation>está anidado a más de {most} niveles</translation>
    </message>
    <message>
        <source>is not a FHIR Bundle</source>
        <translation>no es un paquete (Bundle) FHIR</translation>
    </message>
    <message>
        <source>is not a known document field</source>
        <translation>no es un campo conocido del documento</translation>
    </message>
    <message>
        <source>is not a known patient field</source>
        <translation>no es un dato del paciente conocido</translation>
    </message>
    <message>
        <source>is not a number</source>
        <translation>no es un número</translation>
    </message>
    <message>
        <source>is not a question of this questionnaire</source>
        <translation>no es una pregunta de este cuestionario</translation>
    </message>
    <message>
        <source>is not a question of this questionnaire version</source>
        <translation>no es una pregunta de esta versión del cuestionario</translation>
    </message>
    <message>
        <source>is not a real date (YYYY-MM-DD or DD.MM.YYYY)</source>
        <translation>no es una fecha real (AAAA-MM-DD o DD.MM.AAAA)</translation>
    </message>
    <message>
        <source>is not a side (left or right)</source>
        <translation>no es un lado (left o right)</translation>
    </message>
    <message>
        <source>is not a stored assessment</source>
        <translation>no es una valoración guardada</translation>
    </message>
    <message>
        <source>is not a UUID</source>
        <translation>no es un UUID</translation>
    </message>
    <message>
        <source>is recorded once for both sides, under {per_side}</source>
        <translation>se anota una sola vez para los dos lados, en {per_side}</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>es obligatorio</translation>
    </message>
    <message>
        <source>is required: choose one (“Not stated” if unknown)</source>
        <translation>es obligatorio: elija una opción (“No consta” si no se sabe)</translation>
    </message>
    <message>
        <source>is required: the questionnaire version the answers follow ({installed})</source>
        <translation>es obligatorio: la versión del cuestionario que siguen las respuestas ({installed})</translation>
    </message>
    <message>
        <source>is {count} characters long; at most {limit} allowed</source>
        <translation>tiene {count} caracteres; se admiten como máximo {limit}</translation>
    </message>
    <message>
        <source>It must belong to the account that runs the command.</source>
        <translation>Debe pertenecer a la cuenta que ejecuta la orden.</translation>
    </message>
    <message>
        <source>Keep the file as it is and restore the latest backup (intake-app restore FILE).</source>
        <translation>Deje el archivo como está y restaure la copia de seguridad más reciente (intake-app restore ARCHIVO).</translation>
    </message>
    <message>
        <source>Leave the shared group setting empty.</source>
        <translation>Deje vacío el ajuste del grupo compartido.</translation>
    </message>
    <message>
        <source>Make it private first: chmod 600 {path_text}</source>
        <translation>Hágalo privado primero: chmod 600 {path_text}</translation>
    </message>
    <message>
        <source>manage staff accounts</source>
        <translation>gestionar las cuentas del personal</translation>
    </message>
    <message>
        <source>Move the file away.</source>
        <translation>Mueva el archivo a otro sitio.</translation>
    </message>
    <message>
        <source>must be a date and time written YYYY-MM-DD HH:MM</source>
        <translation>debe ser una fecha y una hora escritas como AAAA-MM-DD HH:MM</translation>
    </message>
    <message>
        <source>must be a date written YYYY-MM-DD</source>
        <translation>debe ser una fecha escrita como AAAA-MM-DD</translation>
    </message>
    <message>
        <source>must be a JSON object</source>
        <translation>debe ser un objeto JSON</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>debe ser una lista</translation>
    </message>
    <message>
        <source>must be a list of regions</source>
        <translation>debe ser una lista de zonas</translation>
    </message>
    <message>
        <source>must be an object of answer field names to {allowed}</source>
        <translation>debe ser un objeto que relacione nombres de campo de respuesta con {allowed}</translation>
    </message>
    <message>
        <source>must be an object of field names to answers</source>
        <translation>debe ser un objeto que relacione nombres de campo con respuestas</translation>
    </message>
    <message>
        <source>must be an object with &apos;left&apos; and/or &apos;right&apos;</source>
        <translation>debe ser un objeto con &apos;left&apos; o &apos;right&apos; (o los dos)</translation>
    </message>
    <message>
        <source>must be an object with the patient&apos;s details</source>
        <translation>debe ser un objeto con los datos del paciente</translation>
    </message>
    <message>
        <source>must be collection</source>
        <translation>debe ser collection</translation>
    </message>
    <message>
        <source>must be completed or in-progress</source>
        <translation>debe ser completed o in-progress</translation>
    </message>
    <message>
        <source>must be one item per side (left, right)</source>
        <translation>debe ser un elemento por lado (left, right)</translation>
    </message>
    <message>
        <source>must be one line (no line breaks)</source>
        <translation>debe ser una sola línea (sin saltos de línea)</translation>
    </message>
    <message>
        <source>must be one of {allowed}, as text</source>
        <translation>debe ser uno de estos, como texto: {allowed}</translation>
    </message>
    <message>
        <source>must be text</source>
        <translation>debe ser texto</translation>
    </message>
    <message>
        <source>must be text naming a questionnaire version ({installed})</source>
        <translation>debe ser un texto que indique una versión del cuestionario ({installed})</translation>
    </message>
    <message>
        <source>must be the intake&apos;s identifier (our intake system)</source>
        <translation>debe ser el identificador de la ficha de admisión (nuestro sistema de fichas)</translation>
    </message>
    <message>
        <source>must be the intake&apos;s number (a whole number)</source>
        <translation>debe ser el número de la ficha de admisión (un número entero)</translation>
    </message>
    <message>
        <source>must be the Patient of the intake it follows</source>
        <translation>debe ser el paciente (Patient) de la ficha de admisión a la que sigue</translation>
    </message>
    <message>
        <source>must be {format}</source>
        <translation>debe ser {format}</translation>
    </message>
    <message>
        <source>must give the revision once, as a whole number of 1 or more</source>
        <translation>debe dar la revisión una sola vez, como un número entero de 1 o más</translation>
    </message>
    <message>
        <source>must give the visit date</source>
        <translation>debe indicar la fecha de la visita</translation>
    </message>
    <message>
        <source>must hold a whole number (valueInteger)</source>
        <translation>debe tener un número entero (valueInteger)</translation>
    </message>
    <message>
        <source>must hold codes of this question&apos;s own code system (valueCoding)</source>
        <translation>debe tener códigos del propio sistema de códigos de esta pregunta (valueCoding)</translation>
    </message>
    <message>
        <source>must hold exactly one answer</source>
        <translation>debe tener exactamente una respuesta</translation>
    </message>
    <message>
        <source>must hold one text answer (valueString)</source>
        <translation>debe tener una respuesta de texto (valueString)</translation>
    </message>
    <message>
        <source>must hold the stored assessment once, as JSON</source>
        <translation>debe tener la valoración guardada una sola vez, como JSON</translation>
    </message>
    <message>
        <source>must name one of our questionnaires with its version (url|version)</source>
        <translation>debe nombrar uno de nuestros cuestionarios con su versión (url|version)</translation>
    </message>
    <message>
        <source>must name the intake it screened</source>
        <translation>debe nombrar la ficha de admisión que se cribó</translation>
    </message>
    <message>
        <source>must name the intake&apos;s QuestionnaireResponse in the bundle</source>
        <translation>debe nombrar el QuestionnaireResponse de la ficha de admisión en el paquete</translation>
    </message>
    <message>
        <source>must refer to a Patient in the bundle</source>
        <translation>debe referirse a un paciente (Patient) del paquete</translation>
    </message>
    <message>
        <source>must refer to the intake&apos;s own Patient, or to clinic staff</source>
        <translation>debe referirse al propio paciente de la ficha de admisión o al personal de la clínica</translation>
    </message>
    <message>
        <source>must refer to the intake&apos;s own Patient, or to clinic staff (type Practitioner)</source>
        <translation>debe referirse al propio paciente de la ficha de admisión o al personal de la clínica (tipo Practitioner)</translation>
    </message>
    <message>
        <source>must say once who entered the answer</source>
        <translation>debe decir una sola vez quién introdujo la respuesta</translation>
    </message>
    <message>
        <source>names a questionnaire version that is not installed</source>
        <translation>nombra una versión del cuestionario que no está instalada</translation>
    </message>
    <message>
        <source>names another intake than the QuestionnaireResponse it follows</source>
        <translation>nombra una ficha de admisión distinta de la del QuestionnaireResponse al que sigue</translation>
    </message>
    <message>
        <source>names both the screening and the outcome; it must be one of them</source>
        <translation>nombra a la vez el cribado y el resultado del especialista; debe ser solo uno de los dos</translation>
    </message>
    <message>
        <source>names no intake in the bundle</source>
        <translation>no nombra ninguna ficha de admisión del paquete</translation>
    </message>
    <message>
        <source>No database driver for {backend} is installed ({kind}).</source>
        <translation>No hay instalado ningún controlador de base de datos para {backend} ({kind}).</translation>
    </message>
    <message>
        <source>No outcome was imported.</source>
        <translation>No se importó ningún resultado del especialista.</translation>
    </message>
    <message>
        <source>No password for the new account: standard input is not a terminal, so there is nobody to ask.</source>
        <translation>No hay contraseña para la cuenta nueva: la entrada estándar no es una terminal, así que no hay nadie a quien preguntar.</translation>
    </message>
    <message>
        <source>No password was typed; nothing was done.</source>
        <translation>No se escribió ninguna contraseña; no se hizo nada.</translation>
    </message>
    <message>
        <source>No password: standard input is not a terminal, so there is nobody to ask.</source>
        <translation>No hay contraseña: la entrada estándar no es una terminal, así que no hay nadie a quien preguntar.</translation>
    </message>
    <message>
        <source>No permission to use the database file.</source>
        <translation>No hay permiso para usar el archivo de la base de datos.</translation>
    </message>
    <message>
        <source>No recovery key was set up for this database.</source>
        <translation>No se preparó ninguna clave de recuperación para esta base de datos.</translation>
    </message>
    <message>
        <source>No recovery key was typed; nothing was done.</source>
        <translation>No se escribió ninguna clave de recuperación; no se hizo nada.</translation>
    </message>
    <message>
        <source>No recovery key: standard input is not a terminal, so there is nobody to ask.</source>
        <translation>No hay clave de recuperación: la entrada estándar no es una terminal, así que no hay nadie a quien preguntar.</translation>
    </message>
    <message>
        <source>One intake&apos;s outcome was given with two of its revisions for one export; give it with the newest only.</source>
        <translation>El resultado del especialista de una ficha de admisión se dio con dos de sus revisiones en una misma exportación; délo solo con la más reciente.</translation>
    </message>
    <message>
        <source>Only a completed intake can be amended; a draft can simply be changed.</source>
        <translation>Solo se puede corregir una ficha de admisión completada; un borrador se puede cambiar sin más.</translation>
    </message>
    <message>
        <source>Only a database file can be backed up this way.</source>
        <translation>Solo se puede hacer así la copia de seguridad de un archivo de base de datos.</translation>
    </message>
    <message>
        <source>open a patient</source>
        <translation>abrir la ficha de un paciente</translation>
    </message>
    <message>
        <source>open an intake</source>
        <translation>abrir una ficha de admisión</translation>
    </message>
    <message>
        <source>Open it again and repeat the change.</source>
        <translation>Vuelva a abrirlo y repita el cambio.</translation>
    </message>
    <message>
        <source>Open the intake again to see the outcome stored now, then correct it if needed.</source>
        <translation>Vuelva a abrir la ficha de admisión para ver el resultado guardado ahora y corríjalo si hace falta.</translation>
    </message>
    <message>
        <source>Open the newest revision from the patient&apos;s intake list.</source>
        <translation>Abra la revisión más nueva desde la lista de fichas de admisión del paciente.</translation>
    </message>
    <message>
        <source>Password files are not supported on Windows (their privacy cannot be checked).</source>
        <translation>Los archivos de contraseña no se admiten en Windows (no se puede comprobar que sean privados).</translation>
    </message>
    <message>
        <source>print a report</source>
        <translation>imprimir un informe</translation>
    </message>
    <message>
        <source>questionnaire {ref} is not installed (no {name})</source>
        <translation>el cuestionario {ref} no está instalado (falta {name})</translation>
    </message>
    <message>
        <source>re-screen intakes with new rules</source>
        <translation>volver a cribar fichas de admisión con reglas nuevas</translation>
    </message>
    <message>
        <source>record an outcome</source>
        <translation>anotar el resultado del especialista</translation>
    </message>
    <message>
        <source>register a patient</source>
        <translation>registrar a un paciente</translation>
    </message>
    <message>
        <source>Remove the link or choose another name.</source>
        <translation>Quite el enlace o elija otro nombre.</translation>
    </message>
    <message>
        <source>Repeat with --role administrator, e.g. intake-app users add {name} --role administrator</source>
        <translation>Repita con --role administrator, por ejemplo intake-app users add {name} --role administrator</translation>
    </message>
    <message>
        <source>repeats the fullUrl of an earlier entry</source>
        <translation>repite el fullUrl de una entrada anterior</translation>
    </message>
    <message>
        <source>repeats the intake and revision of entry[{seen}]</source>
        <translation>repite la ficha de admisión y la revisión de entry[{seen}]</translation>
    </message>
    <message>
        <source>repeats the outcome of entry[{taken}]: one outcome per intake</source>
        <translation>repite el resultado del especialista de entry[{taken}]: un resultado por ficha de admisión</translation>
    </message>
    <message>
        <source>restore a backup</source>
        <translation>restaurar una copia de seguridad</translation>
    </message>
    <message>
        <source>Retype it; nothing was changed.</source>
        <translation>Vuelva a escribirlo; no se cambió nada.</translation>
    </message>
    <message>
        <source>Revision {revision} of one intake was given twice for one export.</source>
        <translation>La revisión {revision} de una ficha de admisión se dio dos veces en una misma exportación.</translation>
    </message>
    <message>
        <source>Run the command in a terminal and type the password when asked.</source>
        <translation>Ejecute la orden en una terminal y escriba la contraseña cuando se la pida.</translation>
    </message>
    <message>
        <source>save a report as a PDF file</source>
        <translation>guardar un informe como archivo PDF</translation>
    </message>
    <message>
        <source>save an intake</source>
        <translation>guardar una ficha de admisión</translation>
    </message>
    <message>
        <source>say briefly what the other cause is</source>
        <translation>diga brevemente cuál es la otra causa</translation>
    </message>
    <message>
        <source>search for patients</source>
        <translation>buscar pacientes</translation>
    </message>
    <message>
        <source>Set {env_password_file} to a private file whose first line is the password.</source>
        <translation>Defina {env_password_file} con un archivo privado cuya primera línea sea la contraseña.</translation>
    </message>
    <message>
        <source>Set {env_var} to a private file whose first line is the recovery key.</source>
        <translation>Defina {env_var} con un archivo privado cuya primera línea sea la clave de recuperación.</translation>
    </message>
    <message>
        <source>Set {where} to a private file whose first line is the new password.</source>
        <translation>Defina {where} con un archivo privado cuya primera línea sea la contraseña nueva.</translation>
    </message>
    <message>
        <source>Shorten it; nothing was changed.</source>
        <translation>Acórtelo; no se cambió nada.</translation>
    </message>
    <message>
        <source>Sign in first: to {action} you need {needed}.</source>
        <translation>Inicie sesión primero: para {action} se necesita {needed}.</translation>
    </message>
    <message>
        <source>Sign in once with the password an administrator set, then choose a new one.</source>
        <translation>Inicie sesión una vez con la contraseña que puso un administrador y después elija una nueva.</translation>
    </message>
    <message>
        <source>Sign in, or ask an administrator to add an account for you.</source>
        <translation>Inicie sesión, o pida a un administrador que le cree una cuenta.</translation>
    </message>
    <message>
        <source>Some text cannot be stored</source>
        <translation>Hay texto que no se puede guardar</translation>
    </message>
    <message>
        <source>SQLite&apos;s file locking does not work reliably over a network, so several desks writing there can damage the database. Keep the database on this PC&apos;s own disk, or let several PCs share a PostgreSQL server (see docs/data-safety.md).</source>
        <translation>El bloqueo de archivos de SQLite no funciona bien a través de la red, así que varios puestos guardando allí pueden dañar la base de datos. Tenga la base de datos en el disco propio de este ordenador, o haga que varios ordenadores compartan un servidor PostgreSQL (vea docs/data-safety.md).</translation>
    </message>
    <message>
        <source>start an intake</source>
        <translation>empezar una ficha de admisión</translation>
    </message>
    <message>
        <source>Swap the two dates.</source>
        <translation>Intercambie las dos fechas.</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texto</translation>
    </message>
    <message>
        <source>That recovery key is not right for that account.</source>
        <translation>Esa clave de recuperación no es correcta para esa cuenta.</translation>
    </message>
    <message>
        <source>That recovery key is not right.</source>
        <translation>Esa clave de recuperación no es correcta.</translation>
    </message>
    <message>
        <source>The account name is empty.</source>
        <translation>El nombre de la cuenta está vacío.</translation>
    </message>
    <message>
        <source>The account name is too long (at most {count} characters).</source>
        <translation>El nombre de la cuenta es demasiado largo (como máximo {count} caracteres).</translation>
    </message>
    <message>
        <source>The account name may hold only letters, digits, dots, dashes and underscores, and must start with a letter or digit.</source>
        <translation>El nombre de la cuenta solo puede tener letras, cifras, puntos, guiones y guiones bajos, y debe empezar por una letra o una cifra.</translation>
    </message>
    <message>
        <source>The account {name} must choose a new password before it can do anything else (its password was set by an administrator).</source>
        <translation>La cuenta {name} debe elegir una contraseña nueva antes de hacer cualquier otra cosa (su contraseña la puso un administrador).</translation>
    </message>
    <message>
        <source>The answer to &quot;{question_text}&quot; is not in a form the questionnaire allows, so the intake cannot be exported.</source>
        <translation>La respuesta a &quot;{question_text}&quot; no tiene una forma que permita el cuestionario, así que la ficha de admisión no se puede exportar.</translation>
    </message>
    <message>
        <source>The answers raise an URGENT red flag that has not been acknowledged yet; the intake was not completed.</source>
        <translation>Las respuestas dan una señal de alarma URGENTE que todavía no se ha dado por vista; la ficha de admisión no se completó.</translation>
    </message>
    <message>
        <source>The audit anchor {path} belongs to another user.</source>
        <translation>El ancla de auditoría {path} pertenece a otro usuario.</translation>
    </message>
    <message>
        <source>The audit anchor {path} can be changed by other users.</source>
        <translation>Otros usuarios pueden cambiar el ancla de auditoría {path}.</translation>
    </message>
    <message>
        <source>The audit anchor {path} cannot be read ({reason}).</source>
        <translation>No se puede leer el ancla de auditoría {path} ({reason}).</translation>
    </message>
    <message>
        <source>The audit anchor {path} is a symbolic link.</source>
        <translation>El ancla de auditoría {path} es un enlace simbólico.</translation>
    </message>
    <message>
        <source>The audit anchor {path} is damaged.</source>
        <translation>El ancla de auditoría {path} está dañada.</translation>
    </message>
    <message>
        <source>The audit anchor {path} is not a regular file.</source>
        <translation>El ancla de auditoría {path} no es un archivo normal.</translation>
    </message>
    <message>
        <source>The audit anchor {path} is too large to be an anchor.</source>
        <translation>El ancla de auditoría {path} es demasiado grande para ser un ancla.</translation>
    </message>
    <message>
        <source>The audit trail cannot be checked against it; an administrator should find out why.</source>
        <translation>El registro de auditoría no se puede comprobar con él; un administrador debe averiguar por qué.</translation>
    </message>
    <message>
        <source>The backup could not be written to {target_folder} ({strerror}).</source>
        <translation>No se pudo escribir la copia de seguridad en {target_folder} ({strerror}).</translation>
    </message>
    <message>
        <source>The backup {name} does not hold the same records as the database; it was discarded.</source>
        <translation>La copia de seguridad {name} no tiene los mismos registros que la base de datos; se descartó.</translation>
    </message>
    <message>
        <source>The backup&apos;s schema is unknown.</source>
        <translation>El esquema de la copia de seguridad es desconocido.</translation>
    </message>
    <message>
        <source>The bundle&apos;s time stamp needs a time zone.</source>
        <translation>La hora del paquete necesita una zona horaria.</translation>
    </message>
    <message>
        <source>The connection to the database was lost.</source>
        <translation>Se perdió la conexión con la base de datos.</translation>
    </message>
    <message>
        <source>The CSV columns do not cover questionnaire {questionnaire}.</source>
        <translation>Las columnas del CSV no cubren el cuestionario {questionnaire}.</translation>
    </message>
    <message>
        <source>The database address is not a valid URL.</source>
        <translation>La dirección de la base de datos no es una URL válida.</translation>
    </message>
    <message>
        <source>The database file cannot be opened.</source>
        <translation>No se puede abrir el archivo de la base de datos.</translation>
    </message>
    <message>
        <source>The database file is damaged; nothing was changed.</source>
        <translation>El archivo de la base de datos está dañado; no se cambió nada.</translation>
    </message>
    <message>
        <source>The database file is read-only.</source>
        <translation>El archivo de la base de datos es de solo lectura.</translation>
    </message>
    <message>
        <source>The database file {path} cannot be read ({strerror}).</source>
        <translation>No se puede leer el archivo de la base de datos {path} ({strerror}).</translation>
    </message>
    <message>
        <source>The database file {path} is damaged (its integrity check failed); nothing was changed.</source>
        <translation>El archivo de la base de datos {path} está dañado (falló su comprobación de integridad); no se cambió nada.</translation>
    </message>
    <message>
        <source>The database file {path} is empty (0 bytes), so it holds no intakes; nothing was changed.</source>
        <translation>El archivo de la base de datos {path} está vacío (0 bytes), así que no contiene fichas de admisión; no se cambió nada.</translation>
    </message>
    <message>
        <source>The database folder {folder} does not exist.</source>
        <translation>La carpeta de la base de datos {folder} no existe.</translation>
    </message>
    <message>
        <source>The database folder {folder} is on a network share ({kind}); it cannot be used.</source>
        <translation>La carpeta de la base de datos {folder} está en una unidad de red ({kind}); no se puede usar.</translation>
    </message>
    <message>
        <source>The database folder {folder} is on a network share; it cannot be used.</source>
        <translation>La carpeta de la base de datos {folder} está en una unidad de red; no se puede usar.</translation>
    </message>
    <message>
        <source>The database folder {folder} is read-only.</source>
        <translation>La carpeta de la base de datos {folder} es de solo lectura.</translation>
    </message>
    <message>
        <source>The database is being restored from a backup right now.</source>
        <translation>Ahora mismo se está restaurando la base de datos desde una copia de seguridad.</translation>
    </message>
    <message>
        <source>The database is busy (another desk is writing).</source>
        <translation>La base de datos está ocupada (otro puesto está guardando).</translation>
    </message>
    <message>
        <source>The database is busy in this program (a long task is running).</source>
        <translation>La base de datos está ocupada por este mismo programa (hay una tarea larga en marcha).</translation>
    </message>
    <message>
        <source>The database is locked by another program.</source>
        <translation>Otro programa tiene bloqueada la base de datos.</translation>
    </message>
    <message>
        <source>The database is open at another desk (or in another window of this program); nothing was changed.</source>
        <translation>La base de datos está abierta en otro puesto (o en otra ventana de este programa); no se cambió nada.</translation>
    </message>
    <message>
        <source>The database reported an error ({kind}).</source>
        <translation>La base de datos dio un error ({kind}).</translation>
    </message>
    <message>
        <source>The database server {host} is on another computer, and the address does not ask for an encrypted connection that checks the server&apos;s certificate and name (sslmode=verify-full); nothing was sent to it.</source>
        <translation>El servidor de base de datos {host} está en otro ordenador, y la dirección no pide una conexión cifrada que compruebe el certificado y el nombre del servidor (sslmode=verify-full); no se le envió nada.</translation>
    </message>
    <message>
        <source>The disk is full; nothing more can be saved.</source>
        <translation>El disco está lleno; no se puede guardar nada más.</translation>
    </message>
    <message>
        <source>The disk is full; {path} was not written.</source>
        <translation>El disco está lleno; no se escribió {path}.</translation>
    </message>
    <message>
        <source>The disk reported a read or write error.</source>
        <translation>El disco dio un error de lectura o escritura.</translation>
    </message>
    <message>
        <source>The file is not an intake database; nothing was changed.</source>
        <translation>El archivo no es una base de datos de admisión; no se cambió nada.</translation>
    </message>
    <message>
        <source>The file {path} is a database of another program, not an intake database; nothing was changed.</source>
        <translation>El archivo {path} es una base de datos de otro programa, no de admisión; no se cambió nada.</translation>
    </message>
    <message>
        <source>The file {path} is not an intake database (it is some other kind of file); nothing was changed.</source>
        <translation>El archivo {path} no es una base de datos de admisión (es otro tipo de archivo); no se cambió nada.</translation>
    </message>
    <message>
        <source>The first line of the password file {path_text} is empty.</source>
        <translation>La primera línea del archivo de contraseña {path_text} está vacía.</translation>
    </message>
    <message>
        <source>The full name cannot contain control characters such as line breaks or tabs.</source>
        <translation>El nombre completo no puede tener caracteres de control, como saltos de línea o tabuladores.</translation>
    </message>
    <message>
        <source>The full name cannot contain text-direction override characters.</source>
        <translation>El nombre completo no puede tener caracteres que cambian la dirección del texto.</translation>
    </message>
    <message>
        <source>The full name is empty.</source>
        <translation>El nombre completo está vacío.</translation>
    </message>
    <message>
        <source>The full name is too long (at most {count} characters).</source>
        <translation>El nombre completo es demasiado largo (como máximo {count} caracteres).</translation>
    </message>
    <message>
        <source>The handout is written in {known}, not {language}.</source>
        <translation>La hoja para el paciente está escrita en {known}, no en {language}.</translation>
    </message>
    <message>
        <source>The idle lock time must be a whole number of minutes from {least} to {most}.</source>
        <translation>El tiempo de bloqueo por inactividad debe ser un número entero de minutos, de {least} a {most}.</translation>
    </message>
    <message>
        <source>The intake holds an answer its questionnaire does not ask, so it cannot be exported.</source>
        <translation>La ficha de admisión tiene una respuesta a algo que su cuestionario no pregunta, así que no se puede exportar.</translation>
    </message>
    <message>
        <source>The intake identifier is not a UUID.</source>
        <translation>El identificador de la ficha de admisión no es un UUID.</translation>
    </message>
    <message>
        <source>The intake records who entered a question its questionnaire does not ask, so it cannot be exported.</source>
        <translation>La ficha de admisión anota quién respondió a una pregunta que su cuestionario no hace, así que no se puede exportar.</translation>
    </message>
    <message>
        <source>The lock file {target} cannot be opened ({strerror}).</source>
        <translation>No se puede abrir el archivo de bloqueo {target} ({strerror}).</translation>
    </message>
    <message>
        <source>The name {name} is kept for the program itself.</source>
        <translation>El nombre {name} está reservado para el propio programa.</translation>
    </message>
    <message>
        <source>The new password is the same as the old one.</source>
        <translation>La contraseña nueva es igual que la anterior.</translation>
    </message>
    <message>
        <source>The number of weeks before an outcome is due must be a whole number from 1 to 104.</source>
        <translation>El número de semanas hasta que el resultado del especialista queda pendiente debe ser un número entero de 1 a 104.</translation>
    </message>
    <message>
        <source>The outcome Observation has no intake identifier with a version.</source>
        <translation>La Observation del resultado del especialista no tiene un identificador de ficha de admisión con versión.</translation>
    </message>
    <message>
        <source>The outcome Observation holds values that cannot be read ({fields}).</source>
        <translation>La Observation del resultado del especialista tiene valores que no se pueden leer ({fields}).</translation>
    </message>
    <message>
        <source>The outcome of intake {intake} was recorded or corrected at another desk after you opened it; yours was not saved.</source>
        <translation>Otro puesto anotó o corrigió el resultado del especialista de la ficha de admisión {intake} después de que usted la abriera; el suyo no se guardó.</translation>
    </message>
    <message>
        <source>The outcome was not recorded.</source>
        <translation>El resultado del especialista no se anotó.</translation>
    </message>
    <message>
        <source>The password cannot be only spaces.</source>
        <translation>La contraseña no puede tener solo espacios.</translation>
    </message>
    <message>
        <source>The password cannot be the account name.</source>
        <translation>La contraseña no puede ser el nombre de la cuenta.</translation>
    </message>
    <message>
        <source>The password cannot contain control characters (such as a line break).</source>
        <translation>La contraseña no puede tener caracteres de control (como un salto de línea).</translation>
    </message>
    <message>
        <source>The password file {path_text} belongs to another user.</source>
        <translation>El archivo de contraseña {path_text} pertenece a otro usuario.</translation>
    </message>
    <message>
        <source>The password file {path_text} can be read or changed by other users.</source>
        <translation>Otros usuarios pueden leer o cambiar el archivo de contraseña {path_text}.</translation>
    </message>
    <message>
        <source>The password file {path_text} cannot be read ({reason}).</source>
        <translation>No se puede leer el archivo de contraseña {path_text} ({reason}).</translation>
    </message>
    <message>
        <source>The password file {path_text} does not exist.</source>
        <translation>El archivo de contraseña {path_text} no existe.</translation>
    </message>
    <message>
        <source>The password file {path_text} is not a regular file.</source>
        <translation>El archivo de contraseña {path_text} no es un archivo normal.</translation>
    </message>
    <message>
        <source>The password file {path_text} is not UTF-8 text.</source>
        <translation>El archivo de contraseña {path_text} no es texto UTF-8.</translation>
    </message>
    <message>
        <source>The password file {path_text} is too large to hold a password.</source>
        <translation>El archivo de contraseña {path_text} es demasiado grande para contener una contraseña.</translation>
    </message>
    <message>
        <source>The password is too long: at most {count} characters.</source>
        <translation>La contraseña es demasiado larga: como máximo {count} caracteres.</translation>
    </message>
    <message>
        <source>The password is too short: it needs at least {count} characters.</source>
        <translation>La contraseña es demasiado corta: necesita al menos {count} caracteres.</translation>
    </message>
    <message>
        <source>The period starts ({start}) after it ends ({end}).</source>
        <translation>El periodo empieza ({start}) después de terminar ({end}).</translation>
    </message>
    <message>
        <source>The program cannot {action} on its own.</source>
        <translation>El programa no puede {action} por sí solo.</translation>
    </message>
    <message>
        <source>The recovery key can only let an administrator account back in.</source>
        <translation>La clave de recuperación solo puede devolver el acceso a una cuenta de administrador.</translation>
    </message>
    <message>
        <source>The referral letter is written in {known}, not {language}.</source>
        <translation>La carta de derivación está escrita en {known}, no en {language}.</translation>
    </message>
    <message>
        <source>The resource is not an outcome Observation written by this program.</source>
        <translation>El recurso no es una Observation de resultado del especialista escrita por este programa.</translation>
    </message>
    <message>
        <source>The restore could not write in {parent} ({strerror}); the database was left as it was.</source>
        <translation>La restauración no pudo escribir en {parent} ({strerror}); la base de datos se quedó como estaba.</translation>
    </message>
    <message>
        <source>The setting </source>
        <translation>El ajuste </translation>
    </message>
    <message>
        <source>The setting “Autosave interval” must be between 2 and 120 seconds.</source>
        <translation>El ajuste “Intervalo de guardado automático” debe estar entre 2 y 120 segundos.</translation>
    </message>
    <message>
        <source>The setting “Country” must be a two-letter code such as GB or US, or empty.</source>
        <translation>El ajuste “País” debe ser un código de dos letras, como ES o US, o quedar vacío.</translation>
    </message>
    <message>
        <source>The setting “Emergency number” may hold only digits, spaces and dashes.</source>
        <translation>El ajuste “Número de emergencias” solo puede tener cifras, espacios y guiones.</translation>
    </message>
    <message>
        <source>The setting “Idle lock” must be between 1 and 60 minutes.</source>
        <translation>El ajuste “Bloqueo por inactividad” debe estar entre 1 y 60 minutos.</translation>
    </message>
    <message>
        <source>The setting “Outcome due after” must be between 1 and 52 weeks.</source>
        <translation>El ajuste “Resultado pendiente tras” debe estar entre 1 y 52 semanas.</translation>
    </message>
    <message>
        <source>The setting “Paper size” must be one of {sizes}.</source>
        <translation>El ajuste “Tamaño del papel” debe ser uno de estos: {sizes}.</translation>
    </message>
    <message>
        <source>The setting “{label}” holds a control character.</source>
        <translation>El ajuste “{label}” tiene un carácter de control.</translation>
    </message>
    <message>
        <source>The setting “{label}” is too long ({count} characters; at most {limit}).</source>
        <translation>El ajuste “{label}” es demasiado largo ({count} caracteres; como máximo {limit}).</translation>
    </message>
    <message>
        <source>The settings cannot be saved to {path} ({strerror}).</source>
        <translation>No se pueden guardar los ajustes en {path} ({strerror}).</translation>
    </message>
    <message>
        <source>The settings file {path} cannot be read ({reason}).</source>
        <translation>No se puede leer el archivo de ajustes {path} ({reason}).</translation>
    </message>
    <message>
        <source>The settings file {path} is too large to be a settings file.</source>
        <translation>El archivo de ajustes {path} es demasiado grande para ser un archivo de ajustes.</translation>
    </message>
    <message>
        <source>The settings file {path} must hold a JSON object.</source>
        <translation>El archivo de ajustes {path} debe contener un objeto JSON.</translation>
    </message>
    <message>
        <source>The settings file {path}: </source>
        <translation>El archivo de ajustes {path}: </translation>
    </message>
    <message>
        <source>The shared group {group} does not exist on this computer.</source>
        <translation>El grupo compartido {group} no existe en este ordenador.</translation>
    </message>
    <message>
        <source>The start date is after the end date; nothing would match.</source>
        <translation>La fecha de inicio es posterior a la fecha final; no coincidiría nada.</translation>
    </message>
    <message>
        <source>The two passwords are not the same; nothing was changed.</source>
        <translation>Las dos contraseñas no son iguales; no se cambió nada.</translation>
    </message>
    <message>
        <source>The window is locked: sign in again to continue.</source>
        <translation>La ventana está bloqueada: inicie sesión de nuevo para seguir.</translation>
    </message>
    <message>
        <source>The “{setting_label}” for this report is too long ({count} characters; at most {limit}).</source>
        <translation>El ajuste “{setting_label}” de este informe es demasiado largo ({count} caracteres; como máximo {limit}).</translation>
    </message>
    <message>
        <source>There is already an account called {name}.</source>
        <translation>Ya existe una cuenta llamada {name}.</translation>
    </message>
    <message>
        <source>There is no account called {name}.</source>
        <translation>No existe ninguna cuenta llamada {name}.</translation>
    </message>
    <message>
        <source>There is no intake {intake_id}.</source>
        <translation>No existe la ficha de admisión {intake_id}.</translation>
    </message>
    <message>
        <source>There is no intake {intake_id}; nothing was recorded.</source>
        <translation>No existe la ficha de admisión {intake_id}; no se anotó nada.</translation>
    </message>
    <message>
        <source>there is no intake {intake}</source>
        <translation>no existe la ficha de admisión {intake}</translation>
    </message>
    <message>
        <source>There is no role called {text}.</source>
        <translation>No existe ningún rol llamado {text}.</translation>
    </message>
    <message>
        <source>This account is locked after {count} wrong passwords. Try again after {until}.</source>
        <translation>Esta cuenta se ha bloqueado tras {count} contraseñas incorrectas. Vuelva a intentarlo después de las {until}.</translation>
    </message>
    <message>
        <source>This account is switched off.</source>
        <translation>Esta cuenta está desactivada.</translation>
    </message>
    <message>
        <source>This command reads or changes patient data, so it must run as a staff account.</source>
        <translation>Esta orden lee o cambia datos de pacientes, así que debe ejecutarse con una cuenta del personal.</translation>
    </message>
    <message>
        <source>This copy of the program cannot record outcomes.</source>
        <translation>Esta copia del programa no puede anotar resultados del especialista.</translation>
    </message>
    <message>
        <source>This database already has accounts; the first administrator was set up before.</source>
        <translation>Esta base de datos ya tiene cuentas; el primer administrador ya se preparó antes.</translation>
    </message>
    <message>
        <source>This database has no accounts yet: the first account must be an administrator, who then adds everyone else.</source>
        <translation>Esta base de datos todavía no tiene cuentas: la primera cuenta debe ser de administrador, que después añade a todos los demás.</translation>
    </message>
    <message>
        <source>This database has no staff accounts yet, so nobody can sign in.</source>
        <translation>Esta base de datos todavía no tiene cuentas del personal, así que nadie puede iniciar sesión.</translation>
    </message>
    <message>
        <source>This database is on a PostgreSQL server; back it up with the server&apos;s own tools (pg_dump), which your IT set up with the server.</source>
        <translation>Esta base de datos está en un servidor PostgreSQL; haga la copia de seguridad con las herramientas del propio servidor (pg_dump), que su servicio de informática preparó con el servidor.</translation>
    </message>
    <message>
        <source>This database is on a PostgreSQL server; restore it with the server&apos;s own tools (pg_restore), which your IT set up with the server.</source>
        <translation>Esta base de datos está en un servidor PostgreSQL; restáurela con las herramientas del propio servidor (pg_restore), que su servicio de informática preparó con el servidor.</translation>
    </message>
    <message>
        <source>This database was made by a newer version of the program; nothing was changed.</source>
        <translation>Esta base de datos la creó una versión más nueva del programa; no se cambió nada.</translation>
    </message>
    <message>
        <source>This intake is already complete; nothing was changed.</source>
        <translation>Esta ficha de admisión ya está completada; no se cambió nada.</translation>
    </message>
    <message>
        <source>This intake was already amended; amend its newest revision instead.</source>
        <translation>Esta ficha de admisión ya se corrigió; corrija su revisión más nueva.</translation>
    </message>
    <message>
        <source>This intake was amended; a newer revision exists, so this one cannot be changed.</source>
        <translation>Esta ficha de admisión se corrigió; existe una revisión más nueva, así que esta no se puede cambiar.</translation>
    </message>
    <message>
        <source>This intake was changed at another desk after you opened it; your changes were not saved.</source>
        <translation>Otro puesto cambió esta ficha de admisión después de que usted la abriera; sus cambios no se guardaron.</translation>
    </message>
    <message>
        <source>This needs {needed}.</source>
        <translation>Para esto se necesita {needed}.</translation>
    </message>
    <message>
        <source>This password was set by an administrator; choose your own password to sign in.</source>
        <translation>Esta contraseña la puso un administrador; elija su propia contraseña para iniciar sesión.</translation>
    </message>
    <message>
        <source>This patient&apos;s record was changed at another desk after you opened it; your changes were not saved.</source>
        <translation>Otro puesto cambió la ficha de este paciente después de que usted la abriera; sus cambios no se guardaron.</translation>
    </message>
    <message>
        <source>This record was changed at another desk after you opened it; your changes were not saved.</source>
        <translation>Otro puesto cambió este registro después de que usted lo abriera; sus cambios no se guardaron.</translation>
    </message>
    <message>
        <source>This record was changed at another desk while saving; your changes were not saved.</source>
        <translation>Otro puesto cambió este registro mientras usted guardaba; sus cambios no se guardaron.</translation>
    </message>
    <message>
        <source>To correct it, amend it (a new revision keeps the original).</source>
        <translation>Para corregirla, use Corregir (una nueva revisión conserva la original).</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true o false</translation>
    </message>
    <message>
        <source>Try again; if it repeats, ask IT and quote this message.</source>
        <translation>Vuelva a intentarlo; si se repite, pregunte a informática y cite este mensaje.</translation>
    </message>
    <message>
        <source>Try the backup again; if it repeats, ask IT to check the disk.</source>
        <translation>Vuelva a hacer la copia de seguridad; si se repite, pida a informática que revise el disco.</translation>
    </message>
    <message>
        <source>Two CSV columns would share the name {clashes}; rename a question.</source>
        <translation>Dos columnas del CSV tendrían el mismo nombre, {clashes}; cambie el nombre de una pregunta.</translation>
    </message>
    <message>
        <source>Type a short name such as ana.ruiz.</source>
        <translation>Escriba un nombre corto, por ejemplo ana.ruiz.</translation>
    </message>
    <message>
        <source>Type it exactly as printed at setup.</source>
        <translation>Escríbala exactamente como se imprimió al preparar el programa.</translation>
    </message>
    <message>
        <source>Type the administrator&apos;s account name and the key as printed.</source>
        <translation>Escriba el nombre de la cuenta del administrador y la clave tal como se imprimió.</translation>
    </message>
    <message>
        <source>Type the name as it should appear on a sign-off.</source>
        <translation>Escriba el nombre tal como debe aparecer en una firma.</translation>
    </message>
    <message>
        <source>Type the password you were given, then a new one of at least {count} characters.</source>
        <translation>Escriba la contraseña que le dieron y después una nueva de al menos {count} caracteres.</translation>
    </message>
    <message>
        <source>Unknown page size {page_size}; choose A4 or Letter.</source>
        <translation>Tamaño de página desconocido {page_size}; elija A4 o Letter.</translation>
    </message>
    <message>
        <source>Unknown report option(s): {options}.</source>
        <translation>Opciones de informe desconocidas: {options}.</translation>
    </message>
    <message>
        <source>upgrade the database</source>
        <translation>actualizar la base de datos</translation>
    </message>
    <message>
        <source>Use e.g. sqlite:////path/to/intake.db or postgresql+psycopg://user@host/dbname.</source>
        <translation>Use, por ejemplo, sqlite:////ruta/a/intake.db o postgresql+psycopg://usuario@servidor/nombrebd.</translation>
    </message>
    <message>
        <source>view the audit trail</source>
        <translation>ver el registro de auditoría</translation>
    </message>
    <message>
        <source>Wait a moment and try again.</source>
        <translation>Espere un momento y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Wait for it to finish, then try again.</source>
        <translation>Espere a que termine y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Wait until the restore has finished, then start again.</source>
        <translation>Espere a que termine la restauración y vuelva a empezar.</translation>
    </message>
    <message>
        <source>was not asked</source>
        <translation>no se preguntó</translation>
    </message>
    <message>
        <source>who entered an answer is given on its question, not on a section</source>
        <translation>quién introdujo una respuesta se indica en su pregunta, no en una sección</translation>
    </message>
    <message>
        <source>who entered an answer is given on its question, not on a side</source>
        <translation>quién introdujo una respuesta se indica en su pregunta, no en un lado</translation>
    </message>
    <message>
        <source>Who entered an answer must be the patient or staff, so the intake cannot be exported.</source>
        <translation>Quien introdujo una respuesta debe ser el paciente o el personal, así que la ficha de admisión no se puede exportar.</translation>
    </message>
    <message>
        <source>Who entered the answers needs the patient&apos;s address in the bundle.</source>
        <translation>Para anotar quién introdujo las respuestas, el paquete necesita la dirección del paciente.</translation>
    </message>
    <message>
        <source>With --format json or fhir, --out names a folder (one file per intake).</source>
        <translation>Con --format json o fhir, --out indica una carpeta (un archivo por ficha de admisión).</translation>
    </message>
    <message>
        <source>work the recall list</source>
        <translation>gestionar la lista de pacientes a contactar</translation>
    </message>
    <message>
        <source>Wrong account name or password.</source>
        <translation>El nombre de la cuenta o la contraseña no son correctos.</translation>
    </message>
    <message>
        <source>You cannot switch off the account you are signed in with.</source>
        <translation>No puede desactivar la cuenta con la que ha iniciado sesión.</translation>
    </message>
    <message>
        <source>{age} does not match the date of birth ({expected})</source>
        <translation>{age} no coincide con la fecha de nacimiento ({expected})</translation>
    </message>
    <message>
        <source>{backup}: no such backup file; nothing was changed.</source>
        <translation>{backup}: no existe ese archivo de copia de seguridad; no se cambió nada.</translation>
    </message>
    <message>
        <source>{body_map_file}: missing from the resources folder</source>
        <translation>{body_map_file}: falta en la carpeta de recursos</translation>
    </message>
    <message>
        <source>{count} export file(s) already exist in {folder} (e.g. {taken}); nothing was exported.</source>
        <translation>Ya hay {count} archivo(s) de exportación en {folder} (por ejemplo {taken}); no se exportó nada.</translation>
    </message>
    <message>
        <source>{count} problems in the file to import; nothing was imported</source>
        <translation>{count} problemas en el archivo que se importa; no se importó nada</translation>
    </message>
    <message>
        <source>{count} problems in the intake document</source>
        <translation>{count} problemas en el documento de admisión</translation>
    </message>
    <message>
        <source>{date} is in the future</source>
        <translation>{date} es una fecha futura</translation>
    </message>
    <message>
        <source>{exclusive} cannot be combined with other choices</source>
        <translation>{exclusive} no se puede combinar con otras opciones</translation>
    </message>
    <message>
        <source>{field} {problem}.</source>
        <translation>{field}: {problem}.</translation>
    </message>
    <message>
        <source>{field}: is before the intake was completed ({completed})</source>
        <translation>{field}: es anterior a cuando se completó la ficha de admisión ({completed})</translation>
    </message>
    <message>
        <source>{field}: is required</source>
        <translation>{field}: es obligatorio</translation>
    </message>
    <message>
        <source>{field}: too long</source>
        <translation>{field}: demasiado largo</translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation>{field}: {problem}</translation>
    </message>
    <message>
        <source>{folder} is a file, not a folder.</source>
        <translation>{folder} es un archivo, no una carpeta.</translation>
    </message>
    <message>
        <source>{folder} is a symbolic link; exports are never written through one.</source>
        <translation>{folder} es un enlace simbólico; las exportaciones nunca se escriben a través de uno.</translation>
    </message>
    <message>
        <source>{name} can unlock it with their password, or another person can sign in.</source>
        <translation>{name} puede desbloquearla con su contraseña, o puede iniciar sesión otra persona.</translation>
    </message>
    <message>
        <source>{name} is not a clinic setting; it stays in each desk&apos;s own settings.</source>
        <translation>{name} no es un ajuste de la clínica; se queda en los ajustes propios de cada puesto.</translation>
    </message>
    <message>
        <source>{name} is signed in with {account}, which cannot {action}.</source>
        <translation>{name} ha iniciado sesión con {account}, y esa cuenta no puede {action}.</translation>
    </message>
    <message>
        <source>{name} must first choose their own password.</source>
        <translation>{name} debe elegir primero su propia contraseña.</translation>
    </message>
    <message>
        <source>{name}: cannot be read ({reason})</source>
        <translation>{name}: no se puede leer ({reason})</translation>
    </message>
    <message>
        <source>{name}: cannot be read ({strerror})</source>
        <translation>{name}: no se puede leer ({strerror})</translation>
    </message>
    <message>
        <source>{name}: cannot be read ({why}); nothing was imported.</source>
        <translation>{name}: no se puede leer ({why}); no se importó nada.</translation>
    </message>
    <message>
        <source>{name}: holds a number with thousands of digits; no answer needs one</source>
        <translation>{name}: tiene un número con miles de cifras; ninguna respuesta lo necesita</translation>
    </message>
    <message>
        <source>{name}: holds more than {most} rows; split it. Nothing was imported.</source>
        <translation>{name}: tiene más de {most} filas; divídalo. No se importó nada.</translation>
    </message>
    <message>
        <source>{name}: holds no outcomes; nothing was imported.</source>
        <translation>{name}: no tiene resultados del especialista; no se importó nada.</translation>
    </message>
    <message>
        <source>{name}: holds text or values that cannot be stored</source>
        <translation>{name}: tiene texto o valores que no se pueden guardar</translation>
    </message>
    <message>
        <source>{name}: id/version say {ref}, expected {ref2}</source>
        <translation>{name}: el id y la versión dicen {ref}, se esperaba {ref2}</translation>
    </message>
    <message>
        <source>{name}: is larger than {size} MB; nothing was imported.</source>
        <translation>{name}: ocupa más de {size} MB; no se importó nada.</translation>
    </message>
    <message>
        <source>{name}: is larger than {size} MB; nothing was read</source>
        <translation>{name}: ocupa más de {size} MB; no se leyó nada</translation>
    </message>
    <message>
        <source>{name}: is nested too deeply to be an intake document</source>
        <translation>{name}: está anidado a demasiados niveles para ser un documento de admisión</translation>
    </message>
    <message>
        <source>{name}: is not a UTF-8 text file; save it from the spreadsheet as &apos;CSV UTF-8&apos;. Nothing was imported.</source>
        <translation>{name}: no es un archivo de texto UTF-8; guárdelo desde la hoja de cálculo como &apos;CSV UTF-8&apos;. No se importó nada.</translation>
    </message>
    <message>
        <source>{name}: not valid JSON (line {lineno}, column {colno}: {msg})</source>
        <translation>{name}: no es JSON válido (línea {lineno}, columna {colno}: {msg})</translation>
    </message>
    <message>
        <source>{name}: not valid JSON at line {lineno}</source>
        <translation>{name}: no es JSON válido en la línea {lineno}</translation>
    </message>
    <message>
        <source>{name}: not valid YAML</source>
        <translation>{name}: no es YAML válido</translation>
    </message>
    <message>
        <source>{name}: not valid YAML at line {line}</source>
        <translation>{name}: no es YAML válido en la línea {line}</translation>
    </message>
    <message>
        <source>{name}: the first line must name the columns; nothing was imported.</source>
        <translation>{name}: la primera línea debe nombrar las columnas; no se importó nada.</translation>
    </message>
    <message>
        <source>{name}: {count} row(s) cannot be read; nothing was imported.</source>
        <translation>{name}: no se pueden leer {count} fila(s); no se importó nada.</translation>
    </message>
    <message>
        <source>{name}: {count} row(s) name intakes that cannot take an outcome; nothing was imported.</source>
        <translation>{name}: {count} fila(s) nombran fichas de admisión que no pueden llevar un resultado del especialista; no se importó nada.</translation>
    </message>
    <message>
        <source>{name}: {exc}</source>
        <translation>{name}: {exc}</translation>
    </message>
    <message>
        <source>{name}: {key}: {problem}</source>
        <translation>{name}: {key}: {problem}</translation>
    </message>
    <message>
        <source>{option} must be a date such as 2026-11-30, not {text}.</source>
        <translation>{option} debe ser una fecha como 2026-11-30, no {text}.</translation>
    </message>
    <message>
        <source>{out} is a file, not a folder; nothing was exported.</source>
        <translation>{out} es un archivo, no una carpeta; no se exportó nada.</translation>
    </message>
    <message>
        <source>{out} is a folder; with --format csv, --out names the file to write.</source>
        <translation>{out} es una carpeta; con --format csv, --out indica el archivo que se escribe.</translation>
    </message>
    <message>
        <source>{out} is a symbolic link; exports are never written through one.</source>
        <translation>{out} es un enlace simbólico; las exportaciones nunca se escriben a través de uno.</translation>
    </message>
    <message>
        <source>{out} is a symbolic link; it is never written through, so nothing was exported.</source>
        <translation>{out} es un enlace simbólico; nunca se escribe a través de uno, así que no se exportó nada.</translation>
    </message>
    <message>
        <source>{path} already exists; nothing was written.</source>
        <translation>{path} ya existe; no se escribió nada.</translation>
    </message>
    <message>
        <source>{path} holds no intake data, so it is not a usable backup; nothing was changed.</source>
        <translation>{path} no tiene datos de admisión, así que no es una copia de seguridad utilizable; no se cambió nada.</translation>
    </message>
    <message>
        <source>{path} is a folder, not a database file; nothing was changed.</source>
        <translation>{path} es una carpeta, no un archivo de base de datos; no se cambió nada.</translation>
    </message>
    <message>
        <source>{path}: holds {count} documents; give a file with one intake document</source>
        <translation>{path}: contiene {count} documentos; indique un archivo con un solo documento de admisión</translation>
    </message>
    <message>
        <source>{problem} {advice}</source>
        <translation>{problem} {advice}</translation>
    </message>
    <message>
        <source>{shown} is not a questionnaire reference like {default_questionnaire}</source>
        <translation>{shown} no es una referencia de cuestionario como {default_questionnaire}</translation>
    </message>
    <message>
        <source>{show} is not a field name of this questionnaire</source>
        <translation>{show} no es un nombre de campo de este cuestionario</translation>
    </message>
    <message>
        <source>{show} is not a known region</source>
        <translation>{show} no es una zona conocida</translation>
    </message>
    <message>
        <source>{show} is not a questionnaire reference; expected one of {installed}</source>
        <translation>{show} no es una referencia de cuestionario; se esperaba una de estas: {installed}</translation>
    </message>
    <message>
        <source>{show} is not a real date in the form YYYY-MM-DD</source>
        <translation>{show} no es una fecha real con la forma AAAA-MM-DD</translation>
    </message>
    <message>
        <source>{show} is not a whole number</source>
        <translation>{show} no es un número entero</translation>
    </message>
    <message>
        <source>{show} is not an installed questionnaire ({installed})</source>
        <translation>{show} no es un cuestionario instalado ({installed})</translation>
    </message>
    <message>
        <source>{show} is not one of {allowed}</source>
        <translation>{show} no es uno de estos: {allowed}</translation>
    </message>
    <message>
        <source>{show} is not one of {choices}</source>
        <translation>{show} no es uno de estos: {choices}</translation>
    </message>
    <message>
        <source>{source}: holds text or values that cannot be stored</source>
        <translation>{source}: tiene texto o valores que no se pueden guardar</translation>
    </message>
    <message>
        <source>{target} is a symbolic link; it is never written through, so nothing was written.</source>
        <translation>{target} es un enlace simbólico; nunca se escribe a través de uno, así que no se escribió nada.</translation>
    </message>
    <message>
        <source>{target} is not a regular file; nothing was written.</source>
        <translation>{target} no es un archivo normal; no se escribió nada.</translation>
    </message>
    <message>
        <source>{tls_opt_out} in the database address must be yes or no.</source>
        <translation>{tls_opt_out} en la dirección de la base de datos debe ser yes o no.</translation>
    </message>
    <message>
        <source>{value} is outside {minimum}-{maximum}</source>
        <translation>{value} está fuera del intervalo {minimum}-{maximum}</translation>
    </message>
    <message>
        <source>{where}“{setting}” must be {kind}.</source>
        <translation>{where}“{setting}” debe ser {kind}.</translation>
    </message>
    <message>
        <source>Demo data needs the optional Faker package, which is not installed; nothing was added.</source>
        <translation>Los datos de demostración necesitan el paquete opcional Faker, que no está instalado; no se añadió nada.</translation>
    </message>
    <message>
        <source>Install it with: pip install &apos;intake-app[demo]&apos;</source>
        <translation>Instálelo con: pip install &apos;intake-app[demo]&apos;</translation>
    </message>
    <message>
        <source>Intake {intake} is not on the recall list; nothing was changed.</source>
        <translation>La ficha de admisión {intake} no está en la lista de pacientes a contactar; no se cambió nada.</translation>
    </message>
    <message>
        <source>Nothing to export to: give a folder or file (--out), or a stream.</source>
        <translation>No hay dónde exportar: indique una carpeta o un archivo (--out), o un flujo de salida.</translation>
    </message>
    <message>
        <source>Unknown export format {format}; choose json, fhir or csv.</source>
        <translation>Formato de exportación desconocido {format}; elija json, fhir o csv.</translation>
    </message>
    <message>
        <source>Unknown report {what}; it is a referral or a handout.</source>
        <translation>Informe desconocido {what}; puede ser una carta de derivación o una hoja para el paciente.</translation>
    </message>
    <message>
        <source>Who entered the answers must be the patient or staff.</source>
        <translation>Quien introdujo las respuestas debe ser el paciente o el personal.</translation>
    </message>
    <message>
        <source>This intake could not be saved as a draft; nothing was changed.</source>
        <translation>Esta ficha de admisión no se pudo guardar como borrador; no se cambió nada.</translation>
    </message>
</context>
</TS>
