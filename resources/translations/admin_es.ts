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
        <source>Give it to the person privately: they must choose their own at their first sign-in.</source>
        <translation>Désela a la persona en privado: tendrá que elegir la suya la primera vez que inicie sesión.</translation>
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
</context>
<context>
    <name>AuditViewer</name>
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
        <translation>Cómo funciona el cribado</translation>
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
        <source>The figures appear here once they are read.</source>
        <translation>Las cifras aparecerán aquí cuando se hayan leído.</translation>
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
        <source>Type your account name and password.</source>
        <translation>Escriba su nombre de cuenta y su contraseña.</translation>
    </message>
    <message>
        <source>The two new passwords are not the same. Type them again.</source>
        <translation>Las dos contraseñas nuevas no coinciden. Escríbalas otra vez.</translation>
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
<context>
    <name>label</name>
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
    <name>page</name>
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
    <name>self.window</name>
    <message>
        <source>Clinic settings saved</source>
        <translation>Ajustes de la clínica guardados</translation>
    </message>
</context>
</TS>
