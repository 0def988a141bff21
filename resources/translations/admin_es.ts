<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AccountForm</name>
    <message>
        <source>Reset the password of {0}</source>
        <translation>Restablecer la contraseña de {0}</translation>
    </message>
    <message>
        <source>Add an account</source>
        <translation>Añadir una cuenta</translation>
    </message>
    <message>
        <source>Account &amp;name</source>
        <translation>&amp;Nombre de la cuenta</translation>
    </message>
    <message>
        <source>&amp;Full name</source>
        <translation>Nombre &amp;completo</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Rol</translation>
    </message>
    <message>
        <source>First &amp;password</source>
        <translation>&amp;Primera contraseña</translation>
    </message>
    <message>
        <source>New &amp;password</source>
        <translation>&amp;Nueva contraseña</translation>
    </message>
    <message>
        <source>R&amp;epeat it</source>
        <translation>R&amp;epítala</translation>
    </message>
    <message>
        <source>{0} Give it to the person privately: they must choose their own at their first sign-in.</source>
        <translation>{0} Entréguesela a la persona en privado: tendrá que elegir la suya la primera vez que inicie sesión.</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Restablecer la contraseña</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>Añadir la cuenta</translation>
    </message>
    <message>
        <source>The two passwords are not the same. Type them again.</source>
        <translation>Las dos contraseñas no coinciden. Escríbalas otra vez.</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <source>switched off</source>
        <translation>desactivada</translation>
    </message>
    <message>
        <source>locked until {0}</source>
        <translation>bloqueada hasta las {0}</translation>
    </message>
    <message>
        <source>must choose a new password</source>
        <translation>debe elegir una contraseña nueva</translation>
    </message>
    <message>
        <source>active</source>
        <translation>activa</translation>
    </message>
    <message>
        <source>Staff accounts</source>
        <translation>Cuentas del personal</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nombre completo</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>&amp;Add...</source>
        <translation>&amp;Añadir...</translation>
    </message>
    <message>
        <source>Switch &amp;off</source>
        <translation>&amp;Desactivar</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>Des&amp;bloquear</translation>
    </message>
    <message>
        <source>&amp;Reset password...</source>
        <translation>&amp;Restablecer la contraseña...</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Reading accounts...</source>
        <translation>Leyendo las cuentas...</translation>
    </message>
    <message>
        <source>Switch &amp;on</source>
        <translation>Ac&amp;tivar</translation>
    </message>
    <message>
        <source>Saving...</source>
        <translation>Guardando...</translation>
    </message>
    <message>
        <source>Added {0} ({1}); they choose their own password at their first sign-in.</source>
        <translation>Se ha añadido {0} ({1}); elegirá su propia contraseña la primera vez que inicie sesión.</translation>
    </message>
    <message>
        <source>{0} is switched on.</source>
        <translation>La cuenta {0} está activada.</translation>
    </message>
    <message>
        <source>Switch off an account</source>
        <translation>Desactivar una cuenta</translation>
    </message>
    <message>
        <source>Switch off {0}? They can no longer sign in.</source>
        <translation>¿Desactivar la cuenta {0}? Ya no se podrá iniciar sesión con ella.</translation>
    </message>
    <message>
        <source>{0} is switched off.</source>
        <translation>La cuenta {0} está desactivada.</translation>
    </message>
    <message>
        <source>{0} can sign in again.</source>
        <translation>La cuenta {0} puede volver a iniciar sesión.</translation>
    </message>
    <message>
        <source>The password of {0} is reset; they choose their own at their next sign-in.</source>
        <translation>Se ha restablecido la contraseña de {0}; elegirá la suya la próxima vez que inicie sesión.</translation>
    </message>
</context>
<context>
    <name>AcknowledgeDialog</name>
    <message>
        <source>Acknowledge the red flag</source>
        <translation>Dar por vista la señal de alarma</translation>
    </message>
    <message>
        <source>A clinician signs with their own account. The desk stays signed in as it is.</source>
        <translation>Firma un clínico con su propia cuenta. La sesión de este puesto sigue abierta como está.</translation>
    </message>
    <message>
        <source>e.g. ana.ruiz</source>
        <translation>p. ej. ana.ruiz</translation>
    </message>
    <message>
        <source>Clinician&apos;s &amp;account</source>
        <translation>C&amp;uenta del clínico</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Contraseña</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Dar por vista</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Administration</source>
        <translation>Administración</translation>
    </message>
    <message>
        <source>This account looks after the program; it does not open patients. For desk or clinical work, sign in with an everyday account.</source>
        <translation>Esta cuenta se ocupa del programa; no abre pacientes. Para el trabajo de recepción o clínico, inicie sesión con una cuenta de uso diario.</translation>
    </message>
    <message>
        <source>Staff &amp;accounts...</source>
        <translation>&amp;Cuentas del personal...</translation>
    </message>
    <message>
        <source>Add accounts, switch them off or on, unlock them, reset a password.</source>
        <translation>Añadir cuentas, desactivarlas o activarlas, desbloquearlas, restablecer una contraseña.</translation>
    </message>
    <message>
        <source>&amp;Clinic settings...</source>
        <translation>&amp;Ajustes de la clínica...</translation>
    </message>
    <message>
        <source>Clinic name and address, referrer, emergency numbers, paper, idle lock time.</source>
        <translation>Nombre y dirección de la clínica, remitente, teléfonos de urgencias, papel, tiempo de bloqueo por inactividad.</translation>
    </message>
    <message>
        <source>Audit &amp;trail...</source>
        <translation>&amp;Registro de auditoría...</translation>
    </message>
    <message>
        <source>Who did what and when; check that nothing was changed; export as CSV.</source>
        <translation>Quién hizo qué y cuándo; comprobar que no se ha cambiado nada; exportar como CSV.</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>Hacer copia de &amp;seguridad ahora</translation>
    </message>
    <message>
        <source>A checked copy of the database in the backup folder.</source>
        <translation>Una copia comprobada de la base de datos en la carpeta de copias de seguridad.</translation>
    </message>
    <message>
        <source>Signed in: {0} ({1})</source>
        <translation>Sesión iniciada: {0} ({1})</translation>
    </message>
    <message>
        <source>Clinic settings saved</source>
        <translation>Ajustes de la clínica guardados</translation>
    </message>
    <message>
        <source>Backed up: {0}</source>
        <translation>Copia de seguridad hecha: {0}</translation>
    </message>
    <message>
        <source>The backup failed</source>
        <translation>La copia de seguridad ha fallado</translation>
    </message>
    <message>
        <source>Backing up...</source>
        <translation>Haciendo la copia de seguridad...</translation>
    </message>
</context>
<context>
    <name>AuditAction</name>
    <message>
        <source>Signed in</source>
        <translation>Inició sesión</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Inicio de sesión fallido</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Cerró sesión</translation>
    </message>
    <message>
        <source>Window locked</source>
        <translation>Ventana bloqueada</translation>
    </message>
    <message>
        <source>Window unlocked</source>
        <translation>Ventana desbloqueada</translation>
    </message>
    <message>
        <source>Account locked after wrong passwords</source>
        <translation>Cuenta bloqueada tras contraseñas incorrectas</translation>
    </message>
    <message>
        <source>Account added</source>
        <translation>Cuenta añadida</translation>
    </message>
    <message>
        <source>Account changed</source>
        <translation>Cuenta cambiada</translation>
    </message>
    <message>
        <source>Account switched off</source>
        <translation>Cuenta desactivada</translation>
    </message>
    <message>
        <source>Account unlocked</source>
        <translation>Cuenta desbloqueada</translation>
    </message>
    <message>
        <source>Password reset by an administrator</source>
        <translation>Contraseña restablecida por un administrador</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>Contraseña cambiada</translation>
    </message>
    <message>
        <source>Recovery key used</source>
        <translation>Clave de recuperación usada</translation>
    </message>
    <message>
        <source>Opened a patient</source>
        <translation>Abrió un paciente</translation>
    </message>
    <message>
        <source>Searched for patients</source>
        <translation>Buscó pacientes</translation>
    </message>
    <message>
        <source>Registered a patient</source>
        <translation>Registró un paciente</translation>
    </message>
    <message>
        <source>Changed a patient&apos;s details</source>
        <translation>Cambió los datos de un paciente</translation>
    </message>
    <message>
        <source>Opened an intake</source>
        <translation>Abrió una ficha de admisión</translation>
    </message>
    <message>
        <source>Started an intake</source>
        <translation>Empezó una ficha de admisión</translation>
    </message>
    <message>
        <source>Saved a draft</source>
        <translation>Guardó un borrador</translation>
    </message>
    <message>
        <source>Completed an intake</source>
        <translation>Completó una ficha de admisión</translation>
    </message>
    <message>
        <source>Amended an intake</source>
        <translation>Corrigió una ficha de admisión</translation>
    </message>
    <message>
        <source>Acknowledged a red flag</source>
        <translation>Dio por vista una señal de alarma</translation>
    </message>
    <message>
        <source>Red flag acknowledgement lapsed (the answers changed)</source>
        <translation>La señal de alarma dejó de estar dada por vista (cambiaron las respuestas)</translation>
    </message>
    <message>
        <source>Re-screened an intake</source>
        <translation>Volvió a cribar una ficha de admisión</translation>
    </message>
    <message>
        <source>Imported an intake</source>
        <translation>Importó una ficha de admisión</translation>
    </message>
    <message>
        <source>Printed a report</source>
        <translation>Imprimió un informe</translation>
    </message>
    <message>
        <source>Saved a report as PDF</source>
        <translation>Guardó un informe en PDF</translation>
    </message>
    <message>
        <source>Exported patient data</source>
        <translation>Exportó datos de pacientes</translation>
    </message>
    <message>
        <source>Imported a file</source>
        <translation>Importó un archivo</translation>
    </message>
    <message>
        <source>Recorded an outcome</source>
        <translation>Anotó lo que encontró el especialista</translation>
    </message>
    <message>
        <source>Put on the recall list</source>
        <translation>Añadió a la lista de pacientes a contactar</translation>
    </message>
    <message>
        <source>Marked a recall as contacted</source>
        <translation>Marcó como contactado a un paciente de la lista</translation>
    </message>
    <message>
        <source>Changed a clinic setting</source>
        <translation>Cambió un ajuste de la clínica</translation>
    </message>
    <message>
        <source>Backed up the database</source>
        <translation>Hizo una copia de seguridad de la base de datos</translation>
    </message>
    <message>
        <source>Restored a backup</source>
        <translation>Restauró una copia de seguridad</translation>
    </message>
    <message>
        <source>Added demonstration data</source>
        <translation>Añadió datos de demostración</translation>
    </message>
    <message>
        <source>Upgraded the database</source>
        <translation>Actualizó la base de datos</translation>
    </message>
    <message>
        <source>Viewed the audit trail</source>
        <translation>Consultó el registro de auditoría</translation>
    </message>
    <message>
        <source>Exported the audit trail</source>
        <translation>Exportó el registro de auditoría</translation>
    </message>
    <message>
        <source>Checked the audit trail</source>
        <translation>Comprobó el registro de auditoría</translation>
    </message>
</context>
<context>
    <name>AuditViewer</name>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Puesto</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>Ficha de admisión</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
    <message>
        <source>The audit trail is intact.</source>
        <translation>El registro de auditoría está intacto.</translation>
    </message>
    <message>
        <source>The audit trail&apos;s links are intact, but this computer has no anchor for this database, so entries cut off the end would not show.</source>
        <translation>Los enlaces del registro de auditoría están intactos, pero este ordenador no tiene un punto de anclaje para esta base de datos, así que no se notaría si se cortaran entradas del final.</translation>
    </message>
    <message>
        <source>Entry {0} was changed after it was written.</source>
        <translation>La entrada {0} se cambió después de escribirse.</translation>
    </message>
    <message>
        <source>Entry {0} is missing (removed from the database); entries after it may be missing too.</source>
        <translation>Falta la entrada {0} (se borró de la base de datos); puede que también falten entradas posteriores.</translation>
    </message>
    <message>
        <source>Entry {0} is out of place: entries were moved, copied or reordered.</source>
        <translation>La entrada {0} está fuera de su sitio: se movieron, copiaron o reordenaron entradas.</translation>
    </message>
    <message>
        <source>Entry {0} and any after it are missing: the end of the trail was cut off.</source>
        <translation>Faltan la entrada {0} y las posteriores: se cortó el final del registro.</translation>
    </message>
    <message>
        <source>Entry {0} is not the one this computer last saw: the trail up to it was rewritten.</source>
        <translation>La entrada {0} no es la que este ordenador vio por última vez: el registro hasta ella se reescribió.</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>any account</source>
        <translation>cualquier cuenta</translation>
    </message>
    <message>
        <source>any patient id</source>
        <translation>cualquier n.º de paciente</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Mostrar</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Cuenta</translation>
    </message>
    <message>
        <source>&amp;Patient id</source>
        <translation>N.º de &amp;paciente</translation>
    </message>
    <message>
        <source>Audit trail entries, newest first</source>
        <translation>Entradas del registro de auditoría, las más recientes primero</translation>
    </message>
    <message>
        <source>Show &amp;older</source>
        <translation>Mostrar &amp;anteriores</translation>
    </message>
    <message>
        <source>&amp;Check the trail</source>
        <translation>Comp&amp;robar el registro</translation>
    </message>
    <message>
        <source>Check that no entry was changed, removed or moved</source>
        <translation>Comprobar que ninguna entrada se ha cambiado, borrado ni movido</translation>
    </message>
    <message>
        <source>&amp;Export CSV...</source>
        <translation>&amp;Exportar CSV...</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Reading the trail...</source>
        <translation>Leyendo el registro...</translation>
    </message>
    <message>
        <source>{0} of {1} entries</source>
        <translation>{0} de {1} entradas</translation>
    </message>
    <message>
        <source>No entries match.</source>
        <translation>Ninguna entrada coincide.</translation>
    </message>
    <message>
        <source>Checking the trail...</source>
        <translation>Comprobando el registro...</translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <translation>Exportar el registro de auditoría</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Saved {0}.</source>
        <translation>Guardado: {0}.</translation>
    </message>
    <message>
        <source>Exporting...</source>
        <translation>Exportando...</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>Cambiar mi contraseña</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Cambiar la contraseña</translation>
    </message>
    <message>
        <source>&amp;Current password</source>
        <translation>Contraseña &amp;actual</translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation>&amp;Nueva contraseña</translation>
    </message>
    <message>
        <source>&amp;Repeat it</source>
        <translation>&amp;Repítala</translation>
    </message>
    <message>
        <source>Changing the password...</source>
        <translation>Cambiando la contraseña...</translation>
    </message>
</context>
<context>
    <name>ClinicSettingsDialog</name>
    <message>
        <source>Clinic settings</source>
        <translation>Ajustes de la clínica</translation>
    </message>
    <message>
        <source>Shared by every desk. Changes are recorded in the audit trail (which settings changed, never their values).</source>
        <translation>Los comparten todos los puestos. Los cambios quedan anotados en el registro de auditoría (qué ajustes cambiaron, nunca sus valores).</translation>
    </message>
    <message>
        <source>Saving...</source>
        <translation>Guardando...</translation>
    </message>
</context>
<context>
    <name>ConfirmationChart</name>
    <message>
        <source>Confirmed among seen, by level, with 95% intervals</source>
        <translation>Confirmado entre los vistos, por nivel, con intervalos del 95 %</translation>
    </message>
    <message>
        <source>fewer than {0}</source>
        <translation>menos de {0}</translation>
    </message>
    <message>
        <source>0 of 0 (no cases)</source>
        <translation>0 de 0 (sin casos)</translation>
    </message>
    <message>
        <source>{0} of {1} ({2}%, 95% CI {3}-{4}%)</source>
        <translation>{0} de {1} ({2} %, IC del 95 % {3}-{4} %)</translation>
    </message>
    <message>
        <source> - fewer than {0} cases</source>
        <translation> - menos de {0} casos</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} de {1}</translation>
    </message>
    <message>
        <source>No completed intakes in this period.</source>
        <translation>No hay fichas de admisión completadas en este periodo.</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>Details were written to {0}.</source>
        <translation>Los detalles se han escrito en {0}.</translation>
    </message>
    <message>
        <source>The crash log could not be written.</source>
        <translation>No se ha podido escribir el registro del fallo.</translation>
    </message>
</context>
<context>
    <name>Level</name>
    <message>
        <source>URGENT</source>
        <translation>URGENTE</translation>
    </message>
    <message>
        <source>Spinal origin likely</source>
        <translation>Origen en la columna probable</translation>
    </message>
    <message>
        <source>Spinal origin possible</source>
        <translation>Origen en la columna posible</translation>
    </message>
    <message>
        <source>Spinal origin not indicated</source>
        <translation>Sin indicios de origen en la columna</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>The window is locked</source>
        <translation>La ventana está bloqueada</translation>
    </message>
    <message>
        <source>Nothing was lost: open work is kept as it was. Type your password to carry on.</source>
        <translation>No se ha perdido nada: el trabajo abierto sigue como estaba. Escriba su contraseña para continuar.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <source>Sign in as &amp;someone else...</source>
        <translation>Iniciar sesión como &amp;otra persona...</translation>
    </message>
    <message>
        <source>Signed in: {0} ({1})</source>
        <translation>Sesión iniciada: {0} ({1})</translation>
    </message>
    <message>
        <source>Type your password.</source>
        <translation>Escriba su contraseña.</translation>
    </message>
</context>
<context>
    <name>Outcome</name>
    <message>
        <source>Spinal origin confirmed</source>
        <translation>Origen en la columna confirmado</translation>
    </message>
    <message>
        <source>Not spinal</source>
        <translation>No es de la columna</translation>
    </message>
    <message>
        <source>Another cause</source>
        <translation>Otra causa</translation>
    </message>
    <message>
        <source>Not seen / lost to follow-up</source>
        <translation>No visto / perdido en el seguimiento</translation>
    </message>
    <message>
        <source>No imaging</source>
        <translation>Sin pruebas de imagen</translation>
    </message>
    <message>
        <source>X-ray</source>
        <translation>Radiografía</translation>
    </message>
    <message>
        <source>MRI</source>
        <translation>Resonancia magnética</translation>
    </message>
    <message>
        <source>CT</source>
        <translation>TAC</translation>
    </message>
    <message>
        <source>Ultrasound</source>
        <translation>Ecografía</translation>
    </message>
    <message>
        <source>Nerve conduction studies</source>
        <translation>Estudios de conducción nerviosa</translation>
    </message>
    <message>
        <source>Other imaging</source>
        <translation>Otras pruebas de imagen</translation>
    </message>
    <message>
        <source>Specialist&apos;s finding</source>
        <translation>Lo que encontró el especialista</translation>
    </message>
    <message>
        <source>Other cause</source>
        <translation>Otra causa</translation>
    </message>
    <message>
        <source>Seen by</source>
        <translation>Visto por</translation>
    </message>
    <message>
        <source>Seen on</source>
        <translation>Visto el</translation>
    </message>
    <message>
        <source>Imaging</source>
        <translation>Pruebas de imagen</translation>
    </message>
    <message>
        <source>Reached the urgent route at</source>
        <translation>Llegó a la vía urgente el</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <source>Outcome of intake {0}</source>
        <translation>Resultado de la ficha de admisión {0}</translation>
    </message>
    <message>
        <source>Correct the outcome of intake {0}</source>
        <translation>Corregir el resultado de la ficha de admisión {0}</translation>
    </message>
    <message>
        <source>What did the specialist find?</source>
        <translation>¿Qué encontró el especialista?</translation>
    </message>
    <message>
        <source>for example: gout, peripheral arterial disease</source>
        <translation>por ejemplo: gota, enfermedad arterial periférica</translation>
    </message>
    <message>
        <source>The day is known</source>
        <translation>Se sabe el día</translation>
    </message>
    <message>
        <source>Reached the emergency or urgent route</source>
        <translation>Llegó a urgencias o a la vía urgente</translation>
    </message>
    <message>
        <source>Saving the outcome...</source>
        <translation>Guardando el resultado...</translation>
    </message>
</context>
<context>
    <name>OutcomesPage</name>
    <message>
        <source>How the screening does</source>
        <translation>Cómo acierta el cribado</translation>
    </message>
    <message>
        <source>What the specialists found for the intakes this clinic sent on. &apos;Confirmed among seen&apos; is the share of patients the specialist saw whose spinal origin was confirmed, with its 95% interval. Every rate shows its counts; groups of fewer than {0} are marked and are not a trend.</source>
        <translation>Lo que encontraron los especialistas en las fichas de admisión que esta clínica derivó. «Confirmado entre los vistos» es la proporción de pacientes vistos por el especialista en los que se confirmó el origen en la columna, con su intervalo del 95 %. Cada porcentaje muestra sus recuentos; los grupos de menos de {0} se marcan y no indican una tendencia.</translation>
    </message>
    <message>
        <source>&amp;Whole record</source>
        <translation>&amp;Todo el registro</translation>
    </message>
    <message>
        <source>Rules version</source>
        <translation>Versión de las reglas</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Mostrar</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>All intakes (original results)</source>
        <translation>Todas las fichas de admisión (resultados originales)</translation>
    </message>
    <message>
        <source>Re-screened with newer rules (kept apart)</source>
        <translation>Cribadas de nuevo con reglas más recientes (aparte)</translation>
    </message>
    <message>
        <source>SYNTHETIC OUTCOMES - made-up demo data, not real patients</source>
        <translation>RESULTADOS FICTICIOS - datos de demostración inventados, no son pacientes reales</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <source>Screened</source>
        <translation>Cribados</translation>
    </message>
    <message>
        <source>Seen by the specialist</source>
        <translation>Vistos por el especialista</translation>
    </message>
    <message>
        <source>Spinal origin confirmed</source>
        <translation>Origen en la columna confirmado</translation>
    </message>
    <message>
        <source>Confirmed among seen</source>
        <translation>Confirmado entre los vistos</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regla</translation>
    </message>
    <message>
        <source>Fired</source>
        <translation>Activada</translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>Vistos</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmados</translation>
    </message>
    <message>
        <source>{0} urgent result(s); the time the patient reached the emergency or urgent route was recorded for {1}.</source>
        <translation>{0} resultado(s) urgente(s); se anotó cuándo llegó el paciente a urgencias o a la vía urgente en {1}.</translation>
    </message>
    <message>
        <source>{0} urgent result(s); the time the patient reached the emergency or urgent route was recorded for {1}; median {2} hours after the intake was completed.</source>
        <translation>{0} resultado(s) urgente(s); se anotó cuándo llegó el paciente a urgencias o a la vía urgente en {1}; mediana de {2} horas después de completar la ficha de admisión.</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message>
        <source>Rules:</source>
        <translation>Reglas:</translation>
    </message>
    <message>
        <source>Figures by level</source>
        <translation>Cifras por nivel</translation>
    </message>
    <message>
        <source>By rule</source>
        <translation>Por regla</translation>
    </message>
    <message>
        <source>Each rule is named by its id in the rules document (R red flags, S signs of a spinal origin, L local patterns, N safety alerts, Q data gaps, D the decision) and its plain name. A rule&apos;s cases are every intake it fired for, whatever the level.</source>
        <translation>Cada regla aparece con su código del documento de reglas (R señales de alarma, S signos de origen en la columna, L patrones locales, N avisos de seguridad, Q datos que faltan, D la decisión) y su nombre en palabras sencillas. Los casos de una regla son todas las fichas de admisión en las que se activó, sea cual sea el nivel.</translation>
    </message>
    <message>
        <source>Figures by rule</source>
        <translation>Cifras por regla</translation>
    </message>
    <message>
        <source>Reading the screening&apos;s record...</source>
        <translation>Leyendo el registro del cribado...</translation>
    </message>
    <message>
        <source>Rules version {0}</source>
        <translation>Versión de las reglas {0}</translation>
    </message>
    <message>
        <source>The figures appear here once they are read.</source>
        <translation>Las cifras aparecerán aquí cuando se hayan leído.</translation>
    </message>
    <message>
        <source>{0} re-screened intakes.</source>
        <translation>{0} fichas de admisión cribadas de nuevo.</translation>
    </message>
    <message>
        <source>{0} completed intakes.</source>
        <translation>{0} fichas de admisión completadas.</translation>
    </message>
    <message>
        <source>No rule fired in this period.</source>
        <translation>Ninguna regla se activó en este periodo.</translation>
    </message>
    <message>
        <source>Intakes completed with a safety answer still open (not asked, or positive without its rule): {0}.</source>
        <translation>Fichas de admisión completadas con una respuesta de seguridad todavía abierta (sin preguntar, o positiva sin su regla): {0}.</translation>
    </message>
</context>
<context>
    <name>PasswordRule</name>
    <message>
        <source>At least {0} characters, not only spaces, and not the account name. A few unrelated words make a long password that is easy to remember.</source>
        <translation>Al menos {0} caracteres, no solo espacios, y distinta del nombre de la cuenta. Unas cuantas palabras sin relación entre sí forman una contraseña larga y fácil de recordar.</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Use the recovery key</source>
        <translation>Usar la clave de recuperación</translation>
    </message>
    <message>
        <source>Unlock the account</source>
        <translation>Desbloquear la cuenta</translation>
    </message>
    <message>
        <source>For the owner, when the administrator account is locked or its password forgotten. The key is used up: a new one is shown once.</source>
        <translation>Para el propietario, cuando la cuenta de administrador está bloqueada o se ha olvidado su contraseña. La clave solo sirve una vez: después se muestra una nueva, una sola vez.</translation>
    </message>
    <message>
        <source>Administrator &amp;account</source>
        <translation>Cuenta de &amp;administrador</translation>
    </message>
    <message>
        <source>Recovery &amp;key</source>
        <translation>&amp;Clave de recuperación</translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation>&amp;Nueva contraseña</translation>
    </message>
    <message>
        <source>&amp;Repeat it</source>
        <translation>&amp;Repítala</translation>
    </message>
    <message>
        <source>C&amp;opy the new key</source>
        <translation>C&amp;opiar la clave nueva</translation>
    </message>
    <message>
        <source>I have written the new key down and put it somewhere safe</source>
        <translation>He anotado la clave nueva y la he guardado en un lugar seguro</translation>
    </message>
    <message>
        <source>Checking the recovery key...</source>
        <translation>Comprobando la clave de recuperación...</translation>
    </message>
    <message>
        <source>The account is unlocked with the new password. The old key no longer works; here is the new one, shown only now.</source>
        <translation>La cuenta está desbloqueada con la nueva contraseña. La clave antigua ya no sirve; aquí tiene la nueva, que solo se muestra ahora.</translation>
    </message>
    <message>
        <source>&amp;Continue to sign in</source>
        <translation>Con&amp;tinuar al inicio de sesión</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <source>front-desk</source>
        <translation>recepción</translation>
    </message>
    <message>
        <source>clinician</source>
        <translation>clínico</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>administrador</translation>
    </message>
    <message>
        <source>the program itself</source>
        <translation>el propio programa</translation>
    </message>
</context>
<context>
    <name>Setting</name>
    <message>
        <source>Clinic name</source>
        <translation>Nombre de la clínica</translation>
    </message>
    <message>
        <source>Printed on every report.</source>
        <translation>Se imprime en todos los informes.</translation>
    </message>
    <message>
        <source>Clinic address</source>
        <translation>Dirección de la clínica</translation>
    </message>
    <message>
        <source>Clinic address for the letter head; line breaks are kept.</source>
        <translation>Dirección de la clínica para el membrete de la carta; se respetan los saltos de línea.</translation>
    </message>
    <message>
        <source>Clinic phone</source>
        <translation>Teléfono de la clínica</translation>
    </message>
    <message>
        <source>Phone number patients and specialists call.</source>
        <translation>El número al que llaman los pacientes y los especialistas.</translation>
    </message>
    <message>
        <source>Opening hours</source>
        <translation>Horario</translation>
    </message>
    <message>
        <source>When the clinic answers the phone, printed on the handout (e.g. Mon-Fri 8-18).</source>
        <translation>Cuándo atiende la clínica el teléfono; se imprime en la hoja para el paciente (p. ej., L-V 8-18).</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Two-letter country code (GB, US, CA, IE, AU, DE...); sets the default emergency number and the local name of the emergency department. Empty: from the computer&apos;s locale.</source>
        <translation>Código del país de dos letras (ES, GB, US, DE...); fija el número de emergencias por defecto y el nombre local del servicio de urgencias. Vacío: según la configuración regional del ordenador.</translation>
    </message>
    <message>
        <source>Clinic language</source>
        <translation>Idioma de la clínica</translation>
    </message>
    <message>
        <source>The language the clinic writes in (e.g. en); an interpreter is suggested on the letter when the patient prefers another.</source>
        <translation>El idioma en el que escribe la clínica (p. ej., es); si el paciente prefiere otro, la carta sugiere un intérprete.</translation>
    </message>
    <message>
        <source>Referrer&apos;s name</source>
        <translation>Nombre del remitente</translation>
    </message>
    <message>
        <source>The referring person printed in the letter&apos;s From block (editable per letter).</source>
        <translation>La persona que deriva, impresa en el bloque «De» de la carta (se puede cambiar en cada carta).</translation>
    </message>
    <message>
        <source>Referrer&apos;s role</source>
        <translation>Cargo del remitente</translation>
    </message>
    <message>
        <source>Their role, e.g. Advanced practice physiotherapist (editable per letter).</source>
        <translation>Su cargo, p. ej., fisioterapeuta de práctica avanzada (se puede cambiar en cada carta).</translation>
    </message>
    <message>
        <source>Referrer&apos;s direct phone</source>
        <translation>Teléfono directo del remitente</translation>
    </message>
    <message>
        <source>A direct line the specialist can call back (editable per letter).</source>
        <translation>Una línea directa a la que el especialista puede devolver la llamada (se puede cambiar en cada carta).</translation>
    </message>
    <message>
        <source>Emergency number</source>
        <translation>Número de emergencias</translation>
    </message>
    <message>
        <source>The number to call in an emergency. Empty: the country&apos;s number (999, 911, 112...).</source>
        <translation>El número al que llamar en una emergencia. Vacío: el número del país (112, 911, 999...).</translation>
    </message>
    <message>
        <source>Emergency department name</source>
        <translation>Nombre del servicio de urgencias</translation>
    </message>
    <message>
        <source>What patients call the emergency department locally. Empty: the country&apos;s usual name (A&amp;E, ER...).</source>
        <translation>Cómo llaman los pacientes al servicio de urgencias en la zona. Vacío: el nombre habitual en el país (Urgencias, A&amp;E, ER...).</translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation>Tamaño del papel</translation>
    </message>
    <message>
        <source>Paper for reports: auto (from the locale), A4 or Letter.</source>
        <translation>Papel de los informes: auto (según la configuración regional), A4 o Letter.</translation>
    </message>
    <message>
        <source>Large print</source>
        <translation>Letra grande</translation>
    </message>
    <message>
        <source>Print handouts in large type (18 pt) by default.</source>
        <translation>Imprimir por defecto las hojas para el paciente en letra grande (18 pt).</translation>
    </message>
    <message>
        <source>Autosave interval</source>
        <translation>Intervalo de guardado automático</translation>
    </message>
    <message>
        <source>How often an open draft is saved automatically (seconds, 2-120).</source>
        <translation>Cada cuánto se guarda automáticamente un borrador abierto (segundos, 2-120).</translation>
    </message>
    <message>
        <source>Idle lock</source>
        <translation>Bloqueo por inactividad</translation>
    </message>
    <message>
        <source>Minutes without a key press or click after which the window hides patient data behind the lock screen (1-60; a clinic setting, measured by the wall clock).</source>
        <translation>Minutos sin pulsar una tecla ni hacer clic tras los que la ventana oculta los datos de los pacientes tras la pantalla de bloqueo (1-60; un ajuste de la clínica, medido con la hora real).</translation>
    </message>
    <message>
        <source>Outcome due after</source>
        <translation>Resultado pendiente tras</translation>
    </message>
    <message>
        <source>Weeks after a referred intake was completed before it shows as “outcome due” to clinicians (1-52).</source>
        <translation>Semanas desde que se completó una ficha de admisión derivada hasta que aparece a los clínicos como «resultado pendiente» (1-52).</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Desk preferences</source>
        <extracomment>Settings whose values come from a fixed list. Text settings at least this long get a box that keeps line breaks.</extracomment>
        <translation>Preferencias del puesto</translation>
    </message>
    <message>
        <source>Only this computer&apos;s preferences. The clinic&apos;s name, referrer, emergency numbers, paper and idle lock time are set by an administrator.</source>
        <translation>Solo las preferencias de este ordenador. El nombre de la clínica, el remitente, los teléfonos de urgencias, el papel y el tiempo de bloqueo por inactividad los fija un administrador.</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Set up Foot &amp; Leg Intake</source>
        <translation>Configurar Foot &amp; Leg Intake</translation>
    </message>
    <message>
        <source>There are no staff accounts yet. Create the administrator account: it looks after the other accounts, the clinic settings, backups and the audit trail. It does not open patients, so create your own everyday account with it next.</source>
        <translation>Todavía no hay cuentas del personal. Cree la cuenta de administrador: se ocupa de las demás cuentas, los ajustes de la clínica, las copias de seguridad y el registro de auditoría. No abre pacientes, así que después cree con ella su propia cuenta de uso diario.</translation>
    </message>
    <message>
        <source>e.g. admin or ana.ruiz-admin</source>
        <translation>p. ej. admin o ana.ruiz-admin</translation>
    </message>
    <message>
        <source>As it should appear in the records</source>
        <translation>Tal como debe aparecer en los registros</translation>
    </message>
    <message>
        <source>Account &amp;name</source>
        <translation>&amp;Nombre de la cuenta</translation>
    </message>
    <message>
        <source>&amp;Full name</source>
        <translation>Nombre c&amp;ompleto</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Contraseña</translation>
    </message>
    <message>
        <source>&amp;Repeat password</source>
        <translation>&amp;Repetir la contraseña</translation>
    </message>
    <message>
        <source>&amp;Create the administrator</source>
        <translation>Crear el &amp;administrador</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>The recovery key</source>
        <translation>La clave de recuperación</translation>
    </message>
    <message>
        <source>If the only administrator is ever locked out or forgets the password, this key lets the owner back in. It is shown only now. Write it down or print it and keep it like the key to the building: whoever holds it can take over the administrator account.</source>
        <translation>Si el único administrador se queda bloqueado u olvida la contraseña, esta clave permite al propietario volver a entrar. Solo se muestra ahora. Anótela o imprímala y guárdela como la llave del edificio: quien la tenga puede hacerse con la cuenta de administrador.</translation>
    </message>
    <message>
        <source>&amp;Print...</source>
        <translation>&amp;Imprimir...</translation>
    </message>
    <message>
        <source>C&amp;opy</source>
        <translation>C&amp;opiar</translation>
    </message>
    <message>
        <source>I have written it down (or printed it) and put it somewhere safe</source>
        <translation>La he anotado (o impreso) y la he guardado en un lugar seguro</translation>
    </message>
    <message>
        <source>&amp;Continue to sign in</source>
        <translation>Con&amp;tinuar al inicio de sesión</translation>
    </message>
    <message>
        <source>The two passwords are not the same. Type them again.</source>
        <translation>Las dos contraseñas no coinciden. Escríbalas otra vez.</translation>
    </message>
    <message>
        <source>Creating the administrator...</source>
        <translation>Creando el administrador...</translation>
    </message>
    <message>
        <source>Copied. Paste it somewhere private, then clear the clipboard.</source>
        <translation>Copiada. Péguela en un lugar privado y después vacíe el portapapeles.</translation>
    </message>
    <message>
        <source>Print the recovery key</source>
        <translation>Imprimir la clave de recuperación</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Clave de recuperación</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Foot &amp;amp; Leg Intake: recovery key&lt;/h2&gt;&lt;p&gt;Administrator account: &lt;b&gt;{0}&lt;/b&gt;&lt;/p&gt;&lt;p style=&apos;font-size:18pt; font-family:monospace&apos;&gt;&lt;b&gt;{1}&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Keep this like the key to the building. It lets the owner back into an administrator account; it is used up when used, and a new one is shown then.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Foot &amp;amp; Leg Intake: clave de recuperación&lt;/h2&gt;&lt;p&gt;Cuenta de administrador: &lt;b&gt;{0}&lt;/b&gt;&lt;/p&gt;&lt;p style=&apos;font-size:18pt; font-family:monospace&apos;&gt;&lt;b&gt;{1}&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Guárdela como la llave del edificio. Permite al propietario volver a entrar en una cuenta de administrador; solo sirve una vez, y al usarla se muestra una nueva.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Enviada a la impresora.</translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <source>Foot &amp; Leg Intake</source>
        <translation>Foot &amp; Leg Intake</translation>
    </message>
    <message>
        <source>Sign in with your own account.</source>
        <translation>Inicie sesión con su propia cuenta.</translation>
    </message>
    <message>
        <source>Account &amp;name</source>
        <translation>&amp;Nombre de la cuenta</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Contraseña</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Iniciar sesión</translation>
    </message>
    <message>
        <source>Back to the lock screen</source>
        <translation>Volver a la pantalla de bloqueo</translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation>&amp;Nueva contraseña</translation>
    </message>
    <message>
        <source>&amp;Repeat it</source>
        <translation>&amp;Repítala</translation>
    </message>
    <message>
        <source>Set password and sign in</source>
        <translation>Guardar la contraseña e iniciar sesión</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Set up the &amp;administrator account...</source>
        <translation>Configurar la cuenta de &amp;administrador...</translation>
    </message>
    <message>
        <source>Administrator locked out? Use the &amp;recovery key...</source>
        <translation>¿Administrador bloqueado? Use la clave de recu&amp;peración...</translation>
    </message>
    <message>
        <source>Signing in closes the intake {0} has open; its draft is saved first.</source>
        <translation>Al iniciar sesión se cierra la ficha de admisión que tiene abierta {0}; antes se guarda su borrador.</translation>
    </message>
    <message>
        <source>There are no staff accounts yet: set up the administrator account first.</source>
        <translation>Todavía no hay cuentas del personal: primero cree la cuenta del administrador.</translation>
    </message>
    <message>
        <source>Type your account name and password.</source>
        <translation>Escriba su nombre de cuenta y su contraseña.</translation>
    </message>
    <message>
        <source>The two new passwords are not the same. Type them again.</source>
        <translation>Las dos contraseñas nuevas no coinciden. Escríbalas otra vez.</translation>
    </message>
</context>
<context>
    <name>UrgentNotice</name>
    <message>
        <source>Urgent red flag - sign in</source>
        <translation>Señal de alarma urgente - inicie sesión</translation>
    </message>
    <message>
        <source>Urgent red flags ({0}) - sign in</source>
        <translation>Señales de alarma urgentes ({0}) - inicie sesión</translation>
    </message>
</context>
<context>
    <name>_PasswordForm</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>The two new passwords are not the same. Type them again.</source>
        <translation>Las dos contraseñas nuevas no coinciden. Escríbalas otra vez.</translation>
    </message>
</context>
</TS>
