<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AuditSection</name>
    <message>
        <location filename="../../desktop/settings/audit_section.py" line="25"/>
        <source>Privacy check</source>
        <translation>Revisión de privacidad</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/audit_section.py" line="30"/>
        <source>Checks that everything on this laptop is encrypted and that nothing private was left in plain files.</source>
        <translation>Comprueba que todo en este portátil está cifrado y que no quedó nada privado en archivos sin cifrar.</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/audit_section.py" line="32"/>
        <source>Run the privacy check</source>
        <translation>Hacer la revisión de privacidad</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/audit_section.py" line="44"/>
        <source>Save the report as PDF…</source>
        <translation>Guardar el informe en PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/audit_section.py" line="59"/>
        <source>Checking…</source>
        <translation>Revisando…</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/audit_section.py" line="82"/>
        <source>Save the privacy report</source>
        <translation>Guardar el informe de privacidad</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/audit_section.py" line="91"/>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
</context>
<context>
    <name>BackupSection</name>
    <message>
        <location filename="../../desktop/settings/backup_section.py" line="29"/>
        <source>Backup</source>
        <translation>Copia de seguridad</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/backup_section.py" line="33"/>
        <source>A backup is one encrypted file with every interview and recording. It opens only with this vault&apos;s passphrase or recovery code. Keep it on a USB stick away from the laptop.</source>
        <translation>Una copia de seguridad es un solo archivo cifrado con todas las entrevistas y grabaciones. Solo se abre con la frase de acceso o el código de recuperación de esta bóveda. Guárdala en una memoria USB lejos del portátil.</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/backup_section.py" line="39"/>
        <source>Back up now…</source>
        <translation>Hacer una copia ahora…</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/backup_section.py" line="53"/>
        <source>Last backup: {when}.</source>
        <translation>Última copia: {when}.</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/backup_section.py" line="53"/>
        <source>No backup yet.</source>
        <translation>Todavía no hay ninguna copia.</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/backup_section.py" line="60"/>
        <source>Choose the USB stick or folder for the backup</source>
        <translation>Elige la memoria USB o la carpeta para la copia</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/backup_section.py" line="63"/>
        <source>Backing up…</source>
        <translation>Haciendo la copia…</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/backup_section.py" line="68"/>
        <source>Backed up to {path}.</source>
        <translation>Copia guardada en {path}.</translation>
    </message>
</context>
<context>
    <name>CoordinatorView</name>
    <message>
        <location filename="../../desktop/coordinator/coordinator_view.py" line="51"/>
        <source>Coordinator</source>
        <translation>Coordinación</translation>
    </message>
    <message>
        <location filename="../../desktop/coordinator/coordinator_view.py" line="65"/>
        <source>Laptops whose copies you accept. Check each one&apos;s words with the researcher by phone before enrolling it.</source>
        <translation>Portátiles cuyas copias aceptas. Comprueba las palabras de cada uno con quien investiga, por teléfono, antes de registrarlo.</translation>
    </message>
    <message>
        <location filename="../../desktop/coordinator/coordinator_view.py" line="71"/>
        <source>Who it belongs to, e.g. Researcher A</source>
        <translation>De quién es, p. ej. Investigadora A</translation>
    </message>
    <message>
        <location filename="../../desktop/coordinator/coordinator_view.py" line="73"/>
        <source>Paste their laptop&apos;s key</source>
        <translation>Pega la clave de su portátil</translation>
    </message>
    <message>
        <location filename="../../desktop/coordinator/coordinator_view.py" line="74"/>
        <source>Enrol laptop</source>
        <translation>Registrar portátil</translation>
    </message>
    <message>
        <location filename="../../desktop/coordinator/coordinator_view.py" line="79"/>
        <source>Look again at held-back copies</source>
        <translation>Volver a revisar las copias retenidas</translation>
    </message>
    <message>
        <location filename="../../desktop/coordinator/coordinator_view.py" line="81"/>
        <source>Laptops</source>
        <translation>Portátiles</translation>
    </message>
    <message>
        <location filename="../../desktop/coordinator/coordinator_view.py" line="89"/>
        <source>Add copies from researchers…</source>
        <translation>Añadir copias de investigadores…</translation>
    </message>
    <message>
        <location filename="../../desktop/coordinator/coordinator_view.py" line="95"/>
        <source>Copies received</source>
        <translation>Copias recibidas</translation>
    </message>
    <message>
        <location filename="../../desktop/coordinator/coordinator_view.py" line="108"/>
        <source>Site</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <location filename="../../desktop/coordinator/coordinator_view.py" line="110"/>
        <source>All sites</source>
        <translation>Todos los lugares</translation>
    </message>
    <message>
        <source>Save the report (PDF, spreadsheets, QDA)…</source>
        <translation type="vanished">Guardar el informe (PDF, hojas de cálculo, QDA)…</translation>
    </message>
    <message>
        <location filename="../../desktop/coordinator/coordinator_view.py" line="146"/>
        <source>Quotes by theme</source>
        <translation>Citas por tema</translation>
    </message>
    <message>
        <location filename="../../desktop/coordinator/coordinator_view.py" line="155"/>
        <source>Dashboard</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>{n} interviews, {a} answers.</source>
        <translation type="vanished">{n} entrevistas, {a} respuestas.</translation>
    </message>
    <message>
        <location filename="../../desktop/coordinator/coordinator_view.py" line="316"/>
        <source>Checking held-back copies…</source>
        <translation>Revisando las copias retenidas…</translation>
    </message>
    <message>
        <location filename="../../desktop/coordinator/coordinator_view.py" line="321"/>
        <source>Choose the copies</source>
        <translation>Elige las copias</translation>
    </message>
    <message>
        <location filename="../../desktop/coordinator/coordinator_view.py" line="322"/>
        <source>Confidant copies (*.cpkt);;All files (*)</source>
        <translation>Copias de Confidant (*.cpkt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/coordinator/coordinator_view.py" line="325"/>
        <source>Opening and checking the copies…</source>
        <translation>Abriendo y comprobando las copias…</translation>
    </message>
    <message>
        <location filename="../../desktop/coordinator/coordinator_view.py" line="342"/>
        <source>Where should the report go?</source>
        <translation>¿Dónde va el informe?</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation type="vanished">Escribiendo el informe…</translation>
    </message>
    <message>
        <location filename="../../desktop/coordinator/coordinator_view.py" line="105"/>
        <source>Shareable view (small groups hidden)</source>
        <translation>Vista para compartir (grupos pequeños ocultos)</translation>
    </message>
    <message>
        <location filename="../../desktop/coordinator/coordinator_view.py" line="106"/>
        <source>Research team view (do not share)</source>
        <translation>Vista del equipo de investigación (no compartir)</translation>
    </message>
    <message>
        <location filename="../../desktop/coordinator/coordinator_view.py" line="118"/>
        <source>Reports in</source>
        <translation>Informes en</translation>
    </message>
    <message>
        <location filename="../../desktop/coordinator/coordinator_view.py" line="121"/>
        <source>The language the report and the brief are written in. Quotes stay in the language they were said.</source>
        <translation>El idioma en que se escriben el informe y el resumen de hallazgos. Las citas quedan en el idioma en que se dijeron.</translation>
    </message>
    <message>
        <location filename="../../desktop/coordinator/coordinator_view.py" line="127"/>
        <source>Save the findings brief…</source>
        <translation>Guardar el resumen de hallazgos…</translation>
    </message>
    <message>
        <location filename="../../desktop/coordinator/coordinator_view.py" line="129"/>
        <source>Save the report…</source>
        <translation>Guardar el informe…</translation>
    </message>
    <message>
        <location filename="../../desktop/coordinator/coordinator_view.py" line="165"/>
        <source>Quotes to review</source>
        <translation>Citas por revisar</translation>
    </message>
    <message>
        <location filename="../../desktop/coordinator/coordinator_view.py" line="225"/>
        <source>Shareable view: {n} interviews counted. {withheld}</source>
        <translation>Vista para compartir: {n} entrevistas contadas. {withheld}</translation>
    </message>
    <message>
        <location filename="../../desktop/coordinator/coordinator_view.py" line="246"/>
        <source>Research team view: {n} interviews, {a} answers.</source>
        <translation>Vista del equipo de investigación: {n} entrevistas, {a} respuestas.</translation>
    </message>
    <message>
        <location filename="../../desktop/coordinator/coordinator_view.py" line="349"/>
        <source>Writing the research team&apos;s report and files…</source>
        <translation>Escribiendo el informe y los archivos del equipo de investigación…</translation>
    </message>
    <message>
        <location filename="../../desktop/coordinator/coordinator_view.py" line="352"/>
        <source>Writing the shareable report…</source>
        <translation>Escribiendo el informe para compartir…</translation>
    </message>
    <message>
        <location filename="../../desktop/coordinator/coordinator_view.py" line="356"/>
        <source>Save the findings brief</source>
        <translation>Guardar el resumen de hallazgos</translation>
    </message>
    <message>
        <location filename="../../desktop/coordinator/coordinator_view.py" line="357"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/coordinator/coordinator_view.py" line="362"/>
        <source>Writing the findings brief…</source>
        <translation>Escribiendo el resumen de hallazgos…</translation>
    </message>
</context>
<context>
    <name>CreatePage</name>
    <message>
        <location filename="../../desktop/unlock/create_page.py" line="20"/>
        <source>Create your vault</source>
        <translation>Crea tu bóveda</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock/create_page.py" line="22"/>
        <source>Choose a passphrase only you know. Everything in the vault is locked with it. A few unrelated words are strong and easy to remember.</source>
        <translation>Elige una frase de contraseña que solo tú sepas. Todo lo que hay en la bóveda se cierra con ella. Unas cuantas palabras sin relación entre sí son seguras y fáciles de recordar.</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock/create_page.py" line="24"/>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock/create_page.py" line="30"/>
        <source>The same passphrase again</source>
        <translation>La misma frase otra vez</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock/create_page.py" line="34"/>
        <source>Who uses this vault?</source>
        <translation>¿Quién usa esta bóveda?</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock/create_page.py" line="36"/>
        <source>I interview people (researcher)</source>
        <translation>Entrevisto a personas (investigación)</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock/create_page.py" line="37"/>
        <source>I collect interviews from researchers (coordinator)</source>
        <translation>Recibo entrevistas de investigadores (coordinación)</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock/create_page.py" line="43"/>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock/create_page.py" line="44"/>
        <source>Create the vault</source>
        <translation>Crear la bóveda</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock/create_page.py" line="73"/>
        <source>The two passphrases are not the same yet.</source>
        <translation>Las dos frases todavía no coinciden.</translation>
    </message>
</context>
<context>
    <name>DeleteInterviewAction</name>
    <message>
        <location filename="../../desktop/interviews/delete_action.py" line="31"/>
        <source>Stop the recording before deleting an interview.</source>
        <translation>Detén la grabación antes de borrar una entrevista.</translation>
    </message>
    <message>
        <location filename="../../desktop/interviews/delete_action.py" line="40"/>
        <source>Interview {code} and everything in it will be deleted for good: {takes} take(s) of audio ({minutes} min), {versions} transcript version(s), {memos} memo(s), tags, redactions and the pseudonym map. This cannot be undone.</source>
        <translation>La entrevista {code} y todo lo que contiene se borrarán para siempre: {takes} toma(s) de audio ({minutes} min), {versions} versión(es) de la transcripción, {memos} nota(s), etiquetas, tachaduras y el mapa de seudónimos. No se puede deshacer.</translation>
    </message>
    <message>
        <location filename="../../desktop/interviews/delete_action.py" line="46"/>
        <source>It was shared: deleting it here does not remove it from the coordinator. If the participant withdrew, use “Participant withdrew” instead.</source>
        <translation>Se compartió: borrarla aquí no la quita de la coordinación. Si el participante se retiró, usa “El participante se retiró”.</translation>
    </message>
    <message>
        <location filename="../../desktop/interviews/delete_action.py" line="48"/>
        <source>Delete interview</source>
        <translation>Borrar la entrevista</translation>
    </message>
    <message>
        <location filename="../../desktop/interviews/delete_action.py" line="49"/>
        <source>Delete for good</source>
        <translation>Borrar para siempre</translation>
    </message>
    <message>
        <location filename="../../desktop/interviews/delete_action.py" line="49"/>
        <source>Keep it</source>
        <translation>Conservarla</translation>
    </message>
    <message>
        <location filename="../../desktop/interviews/delete_action.py" line="51"/>
        <source>Deleting…</source>
        <translation>Borrando…</translation>
    </message>
    <message>
        <location filename="../../desktop/interviews/delete_action.py" line="57"/>
        <source>Deleted. {pages} pages of the vault were checked: nothing of it is left.</source>
        <translation>Borrada. Se revisaron {pages} páginas de la bóveda: no queda nada de ella.</translation>
    </message>
</context>
<context>
    <name>ForgotPage</name>
    <message>
        <location filename="../../desktop/unlock/forgot_page.py" line="20"/>
        <source>Use your recovery code</source>
        <translation>Usa tu código de recuperación</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock/forgot_page.py" line="22"/>
        <source>Type the recovery code you wrote down when you created the vault. Dashes and capital letters do not matter. Then choose a new passphrase.</source>
        <translation>Escribe el código de recuperación que anotaste al crear la bóveda. Los guiones y las mayúsculas no importan. Luego elige una nueva frase de contraseña.</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock/forgot_page.py" line="24"/>
        <source>Recovery code</source>
        <translation>Código de recuperación</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock/forgot_page.py" line="28"/>
        <source>New passphrase</source>
        <translation>Nueva frase de contraseña</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock/forgot_page.py" line="34"/>
        <source>The new passphrase again</source>
        <translation>La nueva frase otra vez</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock/forgot_page.py" line="42"/>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock/forgot_page.py" line="43"/>
        <source>Unlock and set the new passphrase</source>
        <translation>Desbloquear y poner la nueva frase</translation>
    </message>
</context>
<context>
    <name>GeneralSection</name>
    <message>
        <location filename="../../desktop/settings/general_section.py" line="16"/>
        <source>Locking and language</source>
        <translation>Bloqueo e idioma</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/general_section.py" line="21"/>
        <source> minutes</source>
        <translation> minutos</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/general_section.py" line="23"/>
        <source>Lock when not used for</source>
        <translation>Bloquear tras no usarlo durante</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/general_section.py" line="28"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/general_section.py" line="45"/>
        <source>The new language is used from the next start.</source>
        <translation>El nuevo idioma se usará a partir del próximo inicio.</translation>
    </message>
</context>
<context>
    <name>GuideEditorDialog</name>
    <message>
        <location filename="../../desktop/guide_editor/guide_editor_dialog.py" line="47"/>
        <source>Edit interview guide</source>
        <translation>Editar la guía de entrevista</translation>
    </message>
    <message>
        <location filename="../../desktop/guide_editor/guide_editor_dialog.py" line="51"/>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <location filename="../../desktop/guide_editor/guide_editor_dialog.py" line="53"/>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <location filename="../../desktop/guide_editor/guide_editor_dialog.py" line="54"/>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <location filename="../../desktop/guide_editor/guide_editor_dialog.py" line="56"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../../desktop/guide_editor/guide_editor_dialog.py" line="57"/>
        <source>Saved as version %1. Interviews keep the version they used.</source>
        <translation>Se guarda como versión %1. Las entrevistas conservan la versión que usaron.</translation>
    </message>
    <message>
        <location filename="../../desktop/guide_editor/guide_editor_dialog.py" line="59"/>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <location filename="../../desktop/guide_editor/guide_editor_dialog.py" line="62"/>
        <location filename="../../desktop/guide_editor/guide_editor_dialog.py" line="237"/>
        <source>Questions</source>
        <translation>Preguntas</translation>
    </message>
    <message>
        <location filename="../../desktop/guide_editor/guide_editor_dialog.py" line="63"/>
        <source>Themes</source>
        <translation>Temas</translation>
    </message>
    <message>
        <location filename="../../desktop/guide_editor/guide_editor_dialog.py" line="65"/>
        <source>Consent script</source>
        <translation>Texto de consentimiento</translation>
    </message>
    <message>
        <location filename="../../desktop/guide_editor/guide_editor_dialog.py" line="73"/>
        <source>Save as new version</source>
        <translation>Guardar como versión nueva</translation>
    </message>
    <message>
        <location filename="../../desktop/guide_editor/guide_editor_dialog.py" line="74"/>
        <source>Close without saving</source>
        <translation>Cerrar sin guardar</translation>
    </message>
    <message>
        <location filename="../../desktop/guide_editor/guide_editor_dialog.py" line="98"/>
        <source>Add question</source>
        <translation>Añadir pregunta</translation>
    </message>
    <message>
        <location filename="../../desktop/guide_editor/guide_editor_dialog.py" line="99"/>
        <source>Up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <location filename="../../desktop/guide_editor/guide_editor_dialog.py" line="100"/>
        <source>Down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <location filename="../../desktop/guide_editor/guide_editor_dialog.py" line="101"/>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <location filename="../../desktop/guide_editor/guide_editor_dialog.py" line="105"/>
        <source>Add section</source>
        <translation>Añadir sección</translation>
    </message>
    <message>
        <location filename="../../desktop/guide_editor/guide_editor_dialog.py" line="111"/>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <location filename="../../desktop/guide_editor/guide_editor_dialog.py" line="113"/>
        <source>Follow-up prompts
(one per line)</source>
        <translation>Preguntas de seguimiento
(una por línea)</translation>
    </message>
    <message>
        <location filename="../../desktop/guide_editor/guide_editor_dialog.py" line="115"/>
        <source>Themes its answers
may touch</source>
        <translation>Temas que pueden tocar
sus respuestas</translation>
    </message>
    <message>
        <location filename="../../desktop/guide_editor/guide_editor_dialog.py" line="136"/>
        <source>Add theme</source>
        <translation>Añadir tema</translation>
    </message>
    <message>
        <location filename="../../desktop/guide_editor/guide_editor_dialog.py" line="137"/>
        <source>Delete theme</source>
        <translation>Eliminar tema</translation>
    </message>
    <message>
        <location filename="../../desktop/guide_editor/guide_editor_dialog.py" line="144"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../desktop/guide_editor/guide_editor_dialog.py" line="146"/>
        <source>What it means</source>
        <translation>Qué significa</translation>
    </message>
    <message>
        <location filename="../../desktop/guide_editor/guide_editor_dialog.py" line="148"/>
        <source>Examples of what
people say (one per line)</source>
        <translation>Ejemplos de lo que
dice la gente (uno por línea)</translation>
    </message>
    <message>
        <location filename="../../desktop/guide_editor/guide_editor_dialog.py" line="149"/>
        <source>Changing a theme&apos;s name changes it for new versions only.</source>
        <translation>Cambiar el nombre de un tema lo cambia solo en las versiones nuevas.</translation>
    </message>
    <message>
        <location filename="../../desktop/guide_editor/guide_editor_dialog.py" line="165"/>
        <source>(untitled section)</source>
        <translation>(sección sin título)</translation>
    </message>
    <message>
        <location filename="../../desktop/guide_editor/guide_editor_dialog.py" line="246"/>
        <source>New section</source>
        <translation>Sección nueva</translation>
    </message>
    <message>
        <location filename="../../desktop/guide_editor/guide_editor_dialog.py" line="278"/>
        <location filename="../../desktop/guide_editor/guide_editor_dialog.py" line="304"/>
        <source>(no name yet)</source>
        <translation>(todavía sin nombre)</translation>
    </message>
    <message>
        <location filename="../../desktop/guide_editor/guide_editor_dialog.py" line="315"/>
        <source>New theme</source>
        <translation>Tema nuevo</translation>
    </message>
    <message>
        <location filename="../../desktop/guide_editor/guide_editor_dialog.py" line="344"/>
        <source>
(and %1 more)</source>
        <translation>
(y %1 más)</translation>
    </message>
</context>
<context>
    <name>GuidePanel</name>
    <message>
        <location filename="../../desktop/record/guide_panel.py" line="33"/>
        <source>Next question  (Space / N)</source>
        <translation>Siguiente pregunta  (Espacio / N)</translation>
    </message>
    <message>
        <location filename="../../desktop/record/guide_panel.py" line="63"/>
        <source>Answering another question? Pick it here (or press 1–9)</source>
        <translation>¿Responde a otra pregunta? Elígela aquí (o pulsa 1–9)</translation>
    </message>
    <message>
        <location filename="../../desktop/record/guide_panel.py" line="112"/>
        <source>This interview has no guide. Press Next question to mark where each new topic starts.</source>
        <translation>Esta entrevista no tiene guía. Pulsa Siguiente pregunta para marcar dónde empieza cada tema nuevo.</translation>
    </message>
    <message>
        <location filename="../../desktop/record/guide_panel.py" line="117"/>
        <source>{n} questions</source>
        <translation>{n} preguntas</translation>
    </message>
    <message>
        <location filename="../../desktop/record/guide_panel.py" line="120"/>
        <source>Start recording, then ask this first question.</source>
        <translation>Empieza a grabar y haz esta primera pregunta.</translation>
    </message>
    <message>
        <location filename="../../desktop/record/guide_panel.py" line="123"/>
        <source>All {n} questions asked</source>
        <translation>Las {n} preguntas están hechas</translation>
    </message>
    <message>
        <location filename="../../desktop/record/guide_panel.py" line="125"/>
        <source>Ask if there is anything else they want to say, then thank them and stop the recording.</source>
        <translation>Pregunta si quiere decir algo más; luego da las gracias y detén la grabación.</translation>
    </message>
    <message>
        <location filename="../../desktop/record/guide_panel.py" line="130"/>
        <source>Question {i} of {n}</source>
        <translation>Pregunta {i} de {n}</translation>
    </message>
</context>
<context>
    <name>GuidesSection</name>
    <message>
        <location filename="../../desktop/guide_editor/guides_section.py" line="53"/>
        <source>Interview guides</source>
        <translation>Guías de entrevista</translation>
    </message>
    <message>
        <location filename="../../desktop/guide_editor/guides_section.py" line="57"/>
        <source>Make the questions your own: edit a copy of a guide and save it as a new version. Interviews keep the version they used.</source>
        <translation>Haz tuyas las preguntas: edita una copia de una guía y guárdala como versión nueva. Las entrevistas conservan la versión que usaron.</translation>
    </message>
    <message>
        <location filename="../../desktop/guide_editor/guides_section.py" line="64"/>
        <source>Edit a copy…</source>
        <translation>Editar una copia…</translation>
    </message>
    <message>
        <location filename="../../desktop/guide_editor/guides_section.py" line="65"/>
        <source>Import a guide file…</source>
        <translation>Importar un archivo de guía…</translation>
    </message>
    <message>
        <location filename="../../desktop/guide_editor/guides_section.py" line="66"/>
        <source>Save to a file…</source>
        <translation>Guardar en un archivo…</translation>
    </message>
    <message>
        <location filename="../../desktop/guide_editor/guides_section.py" line="88"/>
        <source>%1 — version %2 (%3)</source>
        <translation>%1 — versión %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../desktop/guide_editor/guides_section.py" line="116"/>
        <source>Saved “%1” version %2. New interviews can use it.</source>
        <translation>Se guardó “%1” versión %2. Las entrevistas nuevas pueden usarla.</translation>
    </message>
    <message>
        <location filename="../../desktop/guide_editor/guides_section.py" line="122"/>
        <source>Import a guide file</source>
        <translation>Importar un archivo de guía</translation>
    </message>
    <message>
        <location filename="../../desktop/guide_editor/guides_section.py" line="122"/>
        <source>Guides (*.yaml *.yml)</source>
        <translation>Guías (*.yaml *.yml)</translation>
    </message>
    <message>
        <location filename="../../desktop/guide_editor/guides_section.py" line="132"/>
        <source>Save the guide to a file</source>
        <translation>Guardar la guía en un archivo</translation>
    </message>
    <message>
        <location filename="../../desktop/guide_editor/guides_section.py" line="133"/>
        <source>Guides (*.yaml)</source>
        <translation>Guías (*.yaml)</translation>
    </message>
    <message>
        <location filename="../../desktop/guide_editor/guides_section.py" line="140"/>
        <source>Saved to %1.</source>
        <translation>Guardado en %1.</translation>
    </message>
</context>
<context>
    <name>IdentityExportRow</name>
    <message>
        <location filename="../../desktop/settings/identity_export.py" line="29"/>
        <source>Save the secret key for a privacy reviewer…</source>
        <translation>Guardar la clave secreta para quien revisa la privacidad…</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/identity_export.py" line="40"/>
        <source>This file is your secret key, not encrypted. Anyone who has it can open every copy researchers sealed to you and read every interview in it.

Keep it on an encrypted disk, never e-mail or sync it, and delete it when the review is done.

Save it anyway?</source>
        <translation>Este archivo es tu clave secreta, sin cifrar. Quien lo tenga puede abrir todas las copias que te sellaron y leer cada entrevista.

Guárdalo en un disco cifrado, nunca lo envíes por correo ni lo sincronices, y bórralo cuando termine la revisión.

¿Guardarlo de todos modos?</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/identity_export.py" line="44"/>
        <location filename="../../desktop/settings/identity_export.py" line="47"/>
        <source>Save the secret key</source>
        <translation>Guardar la clave secreta</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/identity_export.py" line="44"/>
        <source>Save it</source>
        <translation>Guardarla</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/identity_export.py" line="45"/>
        <source>Do not save</source>
        <translation>No guardar</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/identity_export.py" line="48"/>
        <source>Text (*.txt)</source>
        <translation>Texto (*.txt)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/identity_export.py" line="56"/>
        <source>Saved to %1 (only you can read it). Delete it when the review is done.</source>
        <translation>Guardada en %1 (solo tú puedes leerla). Bórrala cuando termine la revisión.</translation>
    </message>
</context>
<context>
    <name>InterviewPage</name>
    <message>
        <location filename="../../desktop/interviews/interview_page.py" line="31"/>
        <source>← All interviews</source>
        <translation>← Todas las entrevistas</translation>
    </message>
    <message>
        <location filename="../../desktop/interviews/interview_page.py" line="37"/>
        <source>Participant withdrew…</source>
        <translation>El participante se retiró…</translation>
    </message>
    <message>
        <location filename="../../desktop/interviews/interview_page.py" line="39"/>
        <source>Delete interview…</source>
        <translation>Borrar la entrevista…</translation>
    </message>
    <message>
        <location filename="../../desktop/interviews/interview_page.py" line="92"/>
        <source>Recording…</source>
        <translation>Grabando…</translation>
    </message>
</context>
<context>
    <name>InterviewsView</name>
    <message>
        <location filename="../../desktop/interviews/interviews_view.py" line="74"/>
        <source>Interviews</source>
        <translation>Entrevistas</translation>
    </message>
    <message>
        <location filename="../../desktop/interviews/interviews_view.py" line="75"/>
        <source>New interview</source>
        <translation>Nueva entrevista</translation>
    </message>
    <message>
        <location filename="../../desktop/interviews/interviews_view.py" line="85"/>
        <source>Search what people said…</source>
        <translation>Buscar lo que dijo la gente…</translation>
    </message>
    <message>
        <location filename="../../desktop/interviews/interviews_view.py" line="90"/>
        <source>Participant</source>
        <translation>Participante</translation>
    </message>
    <message>
        <location filename="../../desktop/interviews/interviews_view.py" line="90"/>
        <source>Site</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <location filename="../../desktop/interviews/interviews_view.py" line="90"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location filename="../../desktop/interviews/interviews_view.py" line="90"/>
        <source>Where it is</source>
        <translation>En qué punto está</translation>
    </message>
    <message>
        <location filename="../../desktop/interviews/interviews_view.py" line="99"/>
        <source>No interviews yet. Press “New interview” to start.</source>
        <translation>Todavía no hay entrevistas. Pulsa “Nueva entrevista” para empezar.</translation>
    </message>
    <message>
        <location filename="../../desktop/interviews/interviews_view.py" line="103"/>
        <source>I have a study file from my coordinator</source>
        <translation>Tengo un archivo de estudio de mi coordinador</translation>
    </message>
    <message>
        <location filename="../../desktop/interviews/interviews_view.py" line="150"/>
        <source>received by the coordinator on {date}</source>
        <translation>recibida por la coordinación el {date}</translation>
    </message>
    <message>
        <location filename="../../desktop/interviews/interviews_view.py" line="151"/>
        <source>saved on {date}, no receipt from the coordinator yet</source>
        <translation>guardada el {date}, todavía sin acuse de la coordinación</translation>
    </message>
    <message>
        <location filename="../../desktop/interviews/interviews_view.py" line="156"/>
        <source>The audio of {n} interview(s) is past the date your retention rule keeps it. Delete it now in Settings → Retention; the transcripts stay.</source>
        <translation>El audio de {n} entrevista(s) ya pasó la fecha de tu regla de conservación. Bórralo ahora en Ajustes → Conservación; las transcripciones se quedan.</translation>
    </message>
    <message>
        <location filename="../../desktop/interviews/interviews_view.py" line="158"/>
        <source>Nothing in this vault has been backed up yet. Back up to a USB stick in Settings → Backup, so a lost or broken laptop does not lose these interviews.</source>
        <translation>Todavía no hay ninguna copia de seguridad de esta bóveda. Haz una copia en una memoria USB en Ajustes → Copia de seguridad, para que un portátil perdido o roto no pierda estas entrevistas.</translation>
    </message>
    <message>
        <location filename="../../desktop/interviews/interviews_view.py" line="160"/>
        <source>The last backup was {n} days ago. Back up now in Settings → Backup.</source>
        <translation>La última copia fue hace {n} días. Haz una copia ahora en Ajustes → Copia de seguridad.</translation>
    </message>
    <message>
        <location filename="../../desktop/interviews/interviews_view.py" line="192"/>
        <source>The study is set up. Press “New interview” to start.</source>
        <translation>El estudio está configurado. Pulsa “Nueva entrevista” para empezar.</translation>
    </message>
    <message>
        <location filename="../../desktop/interviews/interviews_view.py" line="194"/>
        <source>Send %1 to your coordinator.</source>
        <translation>Envía %1 a tu coordinador.</translation>
    </message>
    <message>
        <location filename="../../desktop/interviews/interviews_view.py" line="230"/>
        <source>Nothing found.</source>
        <translation>No se encontró nada.</translation>
    </message>
    <message>
        <location filename="../../desktop/interviews/interviews_view.py" line="230"/>
        <source>1 place found.</source>
        <translation>1 lugar encontrado.</translation>
    </message>
    <message>
        <location filename="../../desktop/interviews/interviews_view.py" line="231"/>
        <source>{n} places found.</source>
        <translation>{n} lugares encontrados.</translation>
    </message>
</context>
<context>
    <name>JobStatus</name>
    <message>
        <location filename="../../desktop/widgets/job_status.py" line="34"/>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/job_status.py" line="90"/>
        <source>Stopping…</source>
        <translation>Deteniendo…</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/job_status.py" line="106"/>
        <source>Done.</source>
        <translation>Hecho.</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/job_status.py" line="113"/>
        <source>Stopped.</source>
        <translation>Detenido.</translation>
    </message>
    <message>
        <source>That did not work.</source>
        <translation type="vanished">Eso no funcionó.</translation>
    </message>
</context>
<context>
    <name>JoinFlow</name>
    <message>
        <location filename="../../desktop/study/join_flow.py" line="38"/>
        <source>Open the study file from your coordinator</source>
        <translation>Abre el archivo de estudio de tu coordinador</translation>
    </message>
    <message>
        <location filename="../../desktop/study/join_flow.py" line="39"/>
        <source>Study files (*.cstudy)</source>
        <translation>Archivos de estudio (*.cstudy)</translation>
    </message>
    <message>
        <location filename="../../desktop/study/join_flow.py" line="53"/>
        <source>You already have this version of “%1”.</source>
        <translation>Ya tienes esta versión de “%1”.</translation>
    </message>
    <message>
        <location filename="../../desktop/study/join_flow.py" line="59"/>
        <source>“%1” sets up %2 interview guide(s), %3 site(s) and your coordinator.

Ask your coordinator to read their eight words to you, by phone or in person. Do they match these?

%4</source>
        <translation>“%1” configura %2 guía(s) de entrevista, %3 lugar(es) y a tu coordinador.

Pide a tu coordinador que te lea sus ocho palabras, por teléfono o en persona. ¿Coinciden con estas?

%4</translation>
    </message>
    <message>
        <location filename="../../desktop/study/join_flow.py" line="64"/>
        <source>Join the study</source>
        <translation>Unirse al estudio</translation>
    </message>
    <message>
        <location filename="../../desktop/study/join_flow.py" line="64"/>
        <source>The words match</source>
        <translation>Las palabras coinciden</translation>
    </message>
    <message>
        <location filename="../../desktop/study/join_flow.py" line="65"/>
        <source>They do not match</source>
        <translation>No coinciden</translation>
    </message>
    <message>
        <location filename="../../desktop/study/join_flow.py" line="76"/>
        <source>Save the file to send to your coordinator</source>
        <translation>Guarda el archivo para enviarlo a tu coordinador</translation>
    </message>
    <message>
        <location filename="../../desktop/study/join_flow.py" line="77"/>
        <source>Text (*.txt)</source>
        <translation>Texto (*.txt)</translation>
    </message>
</context>
<context>
    <name>LevelMeter</name>
    <message>
        <location filename="../../desktop/widgets/level_meter.py" line="34"/>
        <source>Microphone level</source>
        <translation>Nivel del micrófono</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/main_window.py" line="54"/>
        <source>Lock now</source>
        <translation>Bloquear ahora</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="85"/>
        <source>Interviews</source>
        <translation>Entrevistas</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="88"/>
        <source>Coordinator</source>
        <translation>Coordinación</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="89"/>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="106"/>
        <source>Record</source>
        <translation>Grabar</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="107"/>
        <source>Transcript and themes</source>
        <translation>Transcripción y temas</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="108"/>
        <source>Check and share</source>
        <translation>Revisar y compartir</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="250"/>
        <source>A recording is running</source>
        <translation>Hay una grabación en curso</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="251"/>
        <source>A recording is running. Stop it and close Confidant? Everything recorded so far is kept.</source>
        <translation>Hay una grabación en curso. ¿Detenerla y cerrar Confidant? Todo lo grabado hasta ahora se guarda.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="253"/>
        <source>Stop recording and close</source>
        <translation>Detener la grabación y cerrar</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="253"/>
        <source>Keep recording</source>
        <translation>Seguir grabando</translation>
    </message>
</context>
<context>
    <name>ModelsSection</name>
    <message>
        <location filename="../../desktop/settings/models_section.py" line="47"/>
        <source>Speech recognition</source>
        <translation>Reconocimiento de voz</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/models_section.py" line="59"/>
        <source>Engine</source>
        <translation>Motor</translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="vanished">Modelo</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/models_section.py" line="62"/>
        <source>Model for English interviews</source>
        <translation>Modelo para entrevistas en inglés</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/models_section.py" line="63"/>
        <source>Model for Spanish interviews</source>
        <translation>Modelo para entrevistas en español</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/models_section.py" line="66"/>
        <source>Import a model from your coordinator…</source>
        <translation>Importar un modelo de tu coordinación…</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/models_section.py" line="87"/>
        <source>many languages</source>
        <translation>muchos idiomas</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/models_section.py" line="88"/>
        <source>imported</source>
        <translation>importado</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/models_section.py" line="88"/>
        <source>built in</source>
        <translation>incluido</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/models_section.py" line="121"/>
        <source>Choose the model folder</source>
        <translation>Elige la carpeta del modelo</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/models_section.py" line="124"/>
        <source>Importing the model…</source>
        <translation>Importando el modelo…</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/models_section.py" line="132"/>
        <source>Model {name} imported. SHA-256 checksum: {sha}</source>
        <translation>Modelo {name} importado. Suma de comprobación SHA-256: {sha}</translation>
    </message>
    <message>
        <source>Model imported.</source>
        <translation type="vanished">Modelo importado.</translation>
    </message>
</context>
<context>
    <name>NamesEditor</name>
    <message>
        <location filename="../../desktop/new_interview/names_editor.py" line="29"/>
        <source>Add another name</source>
        <translation>Añadir otro nombre</translation>
    </message>
    <message>
        <location filename="../../desktop/new_interview/names_editor.py" line="35"/>
        <source>the participant</source>
        <translation>la persona entrevistada</translation>
    </message>
    <message>
        <location filename="../../desktop/new_interview/names_editor.py" line="35"/>
        <source>a supervisor</source>
        <translation>un supervisor o supervisora</translation>
    </message>
    <message>
        <location filename="../../desktop/new_interview/names_editor.py" line="36"/>
        <source>a manager</source>
        <translation>un jefe o jefa</translation>
    </message>
    <message>
        <location filename="../../desktop/new_interview/names_editor.py" line="36"/>
        <source>a co-worker</source>
        <translation>un compañero o compañera</translation>
    </message>
    <message>
        <location filename="../../desktop/new_interview/names_editor.py" line="37"/>
        <source>family</source>
        <translation>familia</translation>
    </message>
    <message>
        <location filename="../../desktop/new_interview/names_editor.py" line="37"/>
        <source>someone else</source>
        <translation>otra persona</translation>
    </message>
    <message>
        <location filename="../../desktop/new_interview/names_editor.py" line="48"/>
        <source>A full name, e.g. Kevin Walsh</source>
        <translation>Nombre completo, p. ej. Kevin Walsh</translation>
    </message>
</context>
<context>
    <name>NewInterviewView</name>
    <message>
        <location filename="../../desktop/new_interview/new_interview_view.py" line="84"/>
        <source>New interview</source>
        <translation>Nueva entrevista</translation>
    </message>
    <message>
        <location filename="../../desktop/new_interview/new_interview_view.py" line="92"/>
        <source>Interview guide</source>
        <translation>Guía de entrevista</translation>
    </message>
    <message>
        <location filename="../../desktop/new_interview/new_interview_view.py" line="95"/>
        <source>Participant code</source>
        <translation>Código de participante</translation>
    </message>
    <message>
        <location filename="../../desktop/new_interview/new_interview_view.py" line="96"/>
        <source>A code such as P-007, never a name.</source>
        <translation>Un código como P-007, nunca un nombre.</translation>
    </message>
    <message>
        <location filename="../../desktop/new_interview/new_interview_view.py" line="100"/>
        <source>Site</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <location filename="../../desktop/new_interview/new_interview_view.py" line="101"/>
        <source>A short code for where the interview belongs, such as SITE-A or your workplace&apos;s code. It is shared, so never a real place name.</source>
        <translation>Un código corto del lugar al que pertenece la entrevista, como SITE-A o el código de tu centro. Se comparte, así que nunca pongas el nombre real de un lugar.</translation>
    </message>
    <message>
        <location filename="../../desktop/new_interview/new_interview_view.py" line="105"/>
        <source>Said yes out loud</source>
        <translation>Dijo que sí en voz alta</translation>
    </message>
    <message>
        <location filename="../../desktop/new_interview/new_interview_view.py" line="106"/>
        <source>Signed a form</source>
        <translation>Firmó un formulario</translation>
    </message>
    <message>
        <location filename="../../desktop/new_interview/new_interview_view.py" line="113"/>
        <source>How they agreed</source>
        <translation>Cómo dio su consentimiento</translation>
    </message>
    <message>
        <location filename="../../desktop/new_interview/new_interview_view.py" line="118"/>
        <source>Read this aloud</source>
        <translation>Lee esto en voz alta</translation>
    </message>
    <message>
        <location filename="../../desktop/new_interview/new_interview_view.py" line="119"/>
        <source>I read this aloud and they agreed</source>
        <translation>Lo leí en voz alta y aceptó</translation>
    </message>
    <message>
        <location filename="../../desktop/new_interview/new_interview_view.py" line="123"/>
        <source>Leave empty if nobody else was there</source>
        <translation>Déjalo vacío si no había nadie más</translation>
    </message>
    <message>
        <location filename="../../desktop/new_interview/new_interview_view.py" line="124"/>
        <source>Who witnessed it</source>
        <translation>Quién fue testigo</translation>
    </message>
    <message>
        <source>One per line: the participant&apos;s name, managers, co-workers they may mention</source>
        <translation type="vanished">Uno por línea: el nombre de la persona entrevistada, jefes y compañeros que pueda mencionar</translation>
    </message>
    <message>
        <location filename="../../desktop/new_interview/new_interview_view.py" line="126"/>
        <source>Names to keep out of shared copies</source>
        <translation>Nombres que no deben salir en las copias</translation>
    </message>
    <message>
        <location filename="../../desktop/new_interview/new_interview_view.py" line="127"/>
        <source>The participant, managers, co-workers they may mention. Say who each one is: a coordinator then reads [SUPERVISOR 1] instead of the name.</source>
        <translation>La persona entrevistada, jefes, compañeros que pueda mencionar. Di quién es cada uno: la coordinación leerá [SUPERVISOR 1] en lugar del nombre.</translation>
    </message>
    <message>
        <location filename="../../desktop/new_interview/new_interview_view.py" line="132"/>
        <source>e.g. Hilltop Care Home, Ward 4</source>
        <translation>p. ej. Residencia Hilltop, Planta 4</translation>
    </message>
    <message>
        <location filename="../../desktop/new_interview/new_interview_view.py" line="133"/>
        <source>Workplace names to hide</source>
        <translation>Nombres de lugares de trabajo que ocultar</translation>
    </message>
    <message>
        <location filename="../../desktop/new_interview/new_interview_view.py" line="135"/>
        <source>Keep audio during off-the-record moments (it is never shared)</source>
        <translation>Guardar el audio de los momentos extraoficiales (nunca se comparte)</translation>
    </message>
    <message>
        <location filename="../../desktop/new_interview/new_interview_view.py" line="141"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../desktop/new_interview/new_interview_view.py" line="142"/>
        <source>Create the interview</source>
        <translation>Crear la entrevista</translation>
    </message>
    <message>
        <location filename="../../desktop/new_interview/new_interview_view.py" line="175"/>
        <source>No guide</source>
        <translation>Sin guía</translation>
    </message>
    <message>
        <location filename="../../desktop/new_interview/new_interview_view.py" line="192"/>
        <source>Tell the participant what the interview is for, that it is recorded, that they can stop at any time or go off the record, and that only a copy without names is shared.</source>
        <translation>Explica a la persona para qué es la entrevista, que se graba, que puede parar en cualquier momento o hablar de forma extraoficial, y que solo se comparte una copia sin nombres.</translation>
    </message>
    <message>
        <location filename="../../desktop/new_interview/new_interview_view.py" line="203"/>
        <source>Please give the site (for example SITE-A).</source>
        <translation>Indica el lugar (por ejemplo SITIO-A).</translation>
    </message>
</context>
<context>
    <name>PaperSection</name>
    <message>
        <location filename="../../desktop/settings/paper_section.py" line="24"/>
        <source>Printed reports</source>
        <translation>Informes impresos</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/paper_section.py" line="29"/>
        <source>US Letter</source>
        <translation>Carta (EE. UU.)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/paper_section.py" line="30"/>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/paper_section.py" line="31"/>
        <source>Paper size of every PDF</source>
        <translation>Tamaño de papel de todos los PDF</translation>
    </message>
</context>
<context>
    <name>PlaceholderSection</name>
    <message>
        <location filename="../../desktop/settings/placeholder_section.py" line="39"/>
        <source>Placeholder words in Spanish interviews</source>
        <translation>Palabras de las marcas en entrevistas en español</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/placeholder_section.py" line="42"/>
        <source>Supervisor</source>
        <translation>Supervisora o supervisor</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/placeholder_section.py" line="42"/>
        <source>Manager</source>
        <translation>Gerente</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/placeholder_section.py" line="43"/>
        <source>Co-worker</source>
        <translation>Compañera o compañero</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/placeholder_section.py" line="43"/>
        <source>Family member</source>
        <translation>Familiar</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/placeholder_section.py" line="44"/>
        <source>Participant</source>
        <translation>Participante</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/placeholder_section.py" line="44"/>
        <source>Someone else</source>
        <translation>Otra persona</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/placeholder_section.py" line="51"/>
        <source>When a Spanish interview is de-identified, each person is replaced by a placeholder such as [SUPERVISORA/SUPERVISOR 1]. Spanish says whether a person is a woman or a man, and in a small workplace that alone can point at someone, so by default the placeholder names both forms. You can choose one form, or a word of your own, for example when your study has agreed it. New placeholders use the word; placeholders already given keep theirs.</source>
        <translation>Cuando se quitan los datos personales de una entrevista en español, cada persona se cambia por una marca como [SUPERVISORA/SUPERVISOR 1]. El español dice si una persona es mujer u hombre, y en un lugar de trabajo pequeño eso solo ya puede señalar a alguien; por eso la marca nombra las dos formas de manera predeterminada. Puedes elegir una forma, o una palabra tuya, por ejemplo cuando tu estudio lo haya acordado. Las marcas nuevas usan la palabra; las que ya se pusieron guardan la suya.</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/placeholder_section.py" line="57"/>
        <source>Role</source>
        <translation>Cargo</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/placeholder_section.py" line="58"/>
        <source>Word</source>
        <translation>Palabra</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/placeholder_section.py" line="59"/>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/placeholder_section.py" line="66"/>
        <source>Save the words</source>
        <translation>Guardar las palabras</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/placeholder_section.py" line="67"/>
        <source>Back to the defaults</source>
        <translation>Volver a las predeterminadas</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/placeholder_section.py" line="151"/>
        <source>Saved. New placeholders in Spanish interviews will use these words.</source>
        <translation>Guardado. Las marcas nuevas en entrevistas en español usarán estas palabras.</translation>
    </message>
</context>
<context>
    <name>QuoteReviewWidget</name>
    <message>
        <location filename="../../desktop/coordinator/quote_review_widget.py" line="55"/>
        <source>Quotes a shareable report may carry. Flagged ones mention a detail that could point at a person; they appear only once you approve them. The findings brief carries only quotes you approved.</source>
        <translation>Citas que puede llevar un informe para compartir. Las marcadas mencionan un detalle que podría señalar a una persona; solo aparecen cuando las apruebas. El resumen de hallazgos lleva solo citas que aprobaste.</translation>
    </message>
    <message>
        <location filename="../../desktop/coordinator/quote_review_widget.py" line="58"/>
        <source>Also show quotes nothing was flagged in</source>
        <translation>Mostrar también las citas sin marcas</translation>
    </message>
    <message>
        <location filename="../../desktop/coordinator/quote_review_widget.py" line="65"/>
        <source>Approve for sharing</source>
        <translation>Aprobar para compartir</translation>
    </message>
    <message>
        <location filename="../../desktop/coordinator/quote_review_widget.py" line="66"/>
        <source>Keep it out</source>
        <translation>Dejarla fuera</translation>
    </message>
    <message>
        <location filename="../../desktop/coordinator/quote_review_widget.py" line="93"/>
        <source>approved</source>
        <translation>aprobada</translation>
    </message>
    <message>
        <location filename="../../desktop/coordinator/quote_review_widget.py" line="93"/>
        <source>kept out</source>
        <translation>dejada fuera</translation>
    </message>
    <message>
        <location filename="../../desktop/coordinator/quote_review_widget.py" line="94"/>
        <source>waiting for you</source>
        <translation>esperando tu decisión</translation>
    </message>
    <message>
        <location filename="../../desktop/coordinator/quote_review_widget.py" line="94"/>
        <source>not flagged</source>
        <translation>sin marcas</translation>
    </message>
    <message>
        <location filename="../../desktop/coordinator/quote_review_widget.py" line="40"/>
        <source>Smallest group shown</source>
        <translation>Grupo más pequeño que se muestra</translation>
    </message>
    <message>
        <location filename="../../desktop/coordinator/quote_review_widget.py" line="43"/>
        <location filename="../../desktop/coordinator/quote_review_widget.py" line="48"/>
        <source> interviews</source>
        <translation> entrevistas</translation>
    </message>
    <message>
        <location filename="../../desktop/coordinator/quote_review_widget.py" line="45"/>
        <source>Quotes only for themes in at least</source>
        <translation>Citas solo de temas en al menos</translation>
    </message>
    <message>
        <location filename="../../desktop/coordinator/quote_review_widget.py" line="50"/>
        <source>Save the rules</source>
        <translation>Guardar las reglas</translation>
    </message>
</context>
<context>
    <name>ReceiptsSection</name>
    <message>
        <location filename="../../desktop/settings/receipts_section.py" line="23"/>
        <source>Receipts from the coordinator</source>
        <translation>Acuses de recibo de la coordinación</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/receipts_section.py" line="27"/>
        <source>If you and your coordinator share a synced folder, Confidant reads their signed receipts from it and shows which interviews arrived.</source>
        <translation>Si compartes una carpeta sincronizada con tu coordinación, Confidant lee de ella sus acuses firmados y muestra qué entrevistas llegaron.</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/receipts_section.py" line="33"/>
        <source>Choose the synced folder…</source>
        <translation>Elegir la carpeta sincronizada…</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/receipts_section.py" line="46"/>
        <source>Reading receipts from {folder}.</source>
        <translation>Leyendo acuses de {folder}.</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/receipts_section.py" line="47"/>
        <source>No folder chosen.</source>
        <translation>No se ha elegido ninguna carpeta.</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/receipts_section.py" line="53"/>
        <source>Choose the folder your coordinator shares</source>
        <translation>Elige la carpeta que comparte tu coordinación</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/receipts_section.py" line="57"/>
        <source>Reading receipts…</source>
        <translation>Leyendo acuses…</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/receipts_section.py" line="63"/>
        <source>{n} of your interviews confirmed received.</source>
        <translation>{n} de tus entrevistas confirmadas como recibidas.</translation>
    </message>
</context>
<context>
    <name>RecordView</name>
    <message>
        <location filename="../../desktop/record/record_view.py" line="154"/>
        <source>Microphone</source>
        <translation>Micrófono</translation>
    </message>
    <message>
        <location filename="../../desktop/record/record_view.py" line="158"/>
        <location filename="../../desktop/record/record_view.py" line="241"/>
        <source>Start recording</source>
        <translation>Empezar a grabar</translation>
    </message>
    <message>
        <location filename="../../desktop/record/record_view.py" line="163"/>
        <location filename="../../desktop/record/record_view.py" line="379"/>
        <location filename="../../desktop/record/record_view.py" line="446"/>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <location filename="../../desktop/record/record_view.py" line="164"/>
        <location filename="../../desktop/record/record_view.py" line="269"/>
        <source>Off the record</source>
        <translation>Fuera de grabación</translation>
    </message>
    <message>
        <location filename="../../desktop/record/record_view.py" line="196"/>
        <source>Type it up now</source>
        <translation>Transcribir ahora</translation>
    </message>
    <message>
        <location filename="../../desktop/record/record_view.py" line="198"/>
        <source>Use an audio file instead…</source>
        <translation>Usar un archivo de audio…</translation>
    </message>
    <message>
        <location filename="../../desktop/record/record_view.py" line="204"/>
        <source>What has been said so far</source>
        <translation>Lo dicho hasta ahora</translation>
    </message>
    <message>
        <location filename="../../desktop/record/record_view.py" line="240"/>
        <source>Stop recording</source>
        <translation>Detener la grabación</translation>
    </message>
    <message>
        <location filename="../../desktop/record/record_view.py" line="267"/>
        <source>OFF THE RECORD — kept privately, never shared</source>
        <translation>EXTRAOFICIAL — se guarda en privado, nunca se comparte</translation>
    </message>
    <message>
        <location filename="../../desktop/record/record_view.py" line="268"/>
        <source>OFF THE RECORD — nothing is being kept</source>
        <translation>EXTRAOFICIAL — no se guarda nada</translation>
    </message>
    <message>
        <location filename="../../desktop/record/record_view.py" line="269"/>
        <source>Back on the record</source>
        <translation>Volver a grabar</translation>
    </message>
    <message>
        <location filename="../../desktop/record/record_view.py" line="289"/>
        <source>System default</source>
        <translation>El del sistema</translation>
    </message>
    <message>
        <location filename="../../desktop/record/record_view.py" line="301"/>
        <source>It was cut short when Confidant or the computer stopped; everything recorded until then was recovered.</source>
        <translation>Se cortó cuando Confidant o la computadora se detuvo; todo lo grabado hasta entonces se recuperó.</translation>
    </message>
    <message>
        <source>A recording of {t} is saved in the vault.</source>
        <translation type="vanished">Hay una grabación de {t} guardada en la bóveda.</translation>
    </message>
    <message>
        <location filename="../../desktop/record/record_view.py" line="305"/>
        <source>A recording of {t} is saved, locked on this computer.</source>
        <translation>Hay una grabación de {t} guardada bajo llave en este ordenador.</translation>
    </message>
    <message>
        <location filename="../../desktop/record/record_view.py" line="320"/>
        <source>Record another take?</source>
        <translation>¿Grabar otra toma?</translation>
    </message>
    <message>
        <location filename="../../desktop/record/record_view.py" line="321"/>
        <source>This interview already has a recording. Recording again makes Take {n} beside it: the earlier take, its transcript and its themes stay as they are, and you choose afterwards which take&apos;s transcript to work on.</source>
        <translation>Esta entrevista ya tiene una grabación. Grabar de nuevo crea la toma {n} junto a ella: la toma anterior, su transcripción y sus temas se quedan como están, y después eliges con qué transcripción trabajar.</translation>
    </message>
    <message>
        <location filename="../../desktop/record/record_view.py" line="325"/>
        <source>Record Take {n}</source>
        <translation>Grabar la toma {n}</translation>
    </message>
    <message>
        <location filename="../../desktop/record/record_view.py" line="325"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../desktop/record/record_view.py" line="336"/>
        <source>Starting the microphone…</source>
        <translation>Encendiendo el micrófono…</translation>
    </message>
    <message>
        <location filename="../../desktop/record/record_view.py" line="347"/>
        <source>Recording.</source>
        <translation>Grabando.</translation>
    </message>
    <message>
        <location filename="../../desktop/record/record_view.py" line="382"/>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <location filename="../../desktop/record/record_view.py" line="400"/>
        <source>Saving the recording…</source>
        <translation>Guardando la grabación…</translation>
    </message>
    <message>
        <location filename="../../desktop/record/record_view.py" line="411"/>
        <source>Recording saved.</source>
        <translation>Grabación guardada.</translation>
    </message>
    <message>
        <location filename="../../desktop/record/record_view.py" line="418"/>
        <source>Finishing the typing up: questions and themes…</source>
        <translation>Terminando la transcripción: preguntas y temas…</translation>
    </message>
    <message>
        <location filename="../../desktop/record/record_view.py" line="422"/>
        <source>Recording saved and typed up as a new take. Choose it on the Transcript tab to work on it.</source>
        <translation>Grabación guardada y transcrita como una toma nueva. Elígela en la pestaña de la transcripción para trabajar con ella.</translation>
    </message>
    <message>
        <location filename="../../desktop/record/record_view.py" line="427"/>
        <source>Recording saved and typed up.</source>
        <translation>Grabación guardada y transcrita.</translation>
    </message>
    <message>
        <location filename="../../desktop/record/record_view.py" line="433"/>
        <source>Recording saved and typed up. Themes can be suggested on the Transcript tab.</source>
        <translation>Grabación guardada y transcrita. Los temas se pueden sugerir en la pestaña de la transcripción.</translation>
    </message>
    <message>
        <location filename="../../desktop/record/record_view.py" line="473"/>
        <source>We hear nothing. Check the microphone is plugged in and not muted.</source>
        <translation>No se oye nada. Comprueba que el micrófono está conectado y no silenciado.</translation>
    </message>
    <message>
        <location filename="../../desktop/record/record_view.py" line="474"/>
        <source>Too loud: move the microphone a little further away.</source>
        <translation>Demasiado fuerte: aleja un poco el micrófono.</translation>
    </message>
    <message>
        <location filename="../../desktop/record/record_view.py" line="501"/>
        <source>Choose the audio file</source>
        <translation>Elige el archivo de audio</translation>
    </message>
    <message>
        <location filename="../../desktop/record/record_view.py" line="502"/>
        <source>Audio (*.wav *.flac *.ogg *.mp3 *.m4a)</source>
        <translation>Audio (*.wav *.flac *.ogg *.mp3 *.m4a)</translation>
    </message>
    <message>
        <location filename="../../desktop/record/record_view.py" line="507"/>
        <source>Bringing in the audio file…</source>
        <translation>Trayendo el archivo de audio…</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <location filename="../../desktop/unlock/recovery_page.py" line="29"/>
        <source>Write down your recovery code</source>
        <translation>Anota tu código de recuperación</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock/recovery_page.py" line="31"/>
        <source>If you ever forget your passphrase, this code is the only way back in. Confidant shows it only this once and does not keep a copy. Write it on paper, or print it, and keep it somewhere safe.</source>
        <translation>Si olvidas tu frase de contraseña, este código es la única forma de volver a entrar. Confidant lo muestra solo esta vez y no guarda ninguna copia. Escríbelo en papel o imprímelo, y guárdalo en un lugar seguro.</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock/recovery_page.py" line="39"/>
        <source>Save as PDF to print…</source>
        <translation>Guardar como PDF para imprimir…</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock/recovery_page.py" line="45"/>
        <source>I have written the code down or printed it</source>
        <translation>He anotado o impreso el código</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock/recovery_page.py" line="47"/>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock/recovery_page.py" line="66"/>
        <source>Saved. Print it, then delete the file: {path}</source>
        <translation>Guardado. Imprímelo y luego borra el archivo: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock/recovery_page.py" line="70"/>
        <source>Save the recovery code</source>
        <translation>Guardar el código de recuperación</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock/recovery_page.py" line="78"/>
        <source>Confidant could not save the file there.</source>
        <translation>Confidant no pudo guardar el archivo ahí.</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock/recovery_page.py" line="79"/>
        <source>Choose another folder, or a USB stick.</source>
        <translation>Elige otra carpeta o una memoria USB.</translation>
    </message>
</context>
<context>
    <name>RetentionSection</name>
    <message>
        <location filename="../../desktop/settings/retention_section.py" line="34"/>
        <source>Retention</source>
        <translation>Conservación</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/retention_section.py" line="38"/>
        <source>Your ethics approval may say how long recordings are kept. Confidant deletes the audio when it is due (the transcript stays) and reminds you.</source>
        <translation>Tu aprobación ética puede decir cuánto tiempo se conservan las grabaciones. Confidant borra el audio cuando toca (la transcripción se queda) y te lo recuerda.</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/retention_section.py" line="43"/>
        <source>Delete the audio after sign-off:</source>
        <translation>Borrar el audio después de la aprobación:</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/retention_section.py" line="44"/>
        <source>Delete the audio after the coordinator confirms receipt:</source>
        <translation>Borrar el audio cuando la coordinación confirme la recepción:</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/retention_section.py" line="46"/>
        <source>Save the rule</source>
        <translation>Guardar la regla</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/retention_section.py" line="52"/>
        <source>Delete the audio that is past its date…</source>
        <translation>Borrar el audio que ya pasó su fecha…</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/retention_section.py" line="70"/>
        <source>The audio of {n} interview(s) is past its date.</source>
        <translation>El audio de {n} entrevista(s) ya pasó su fecha.</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/retention_section.py" line="71"/>
        <source>No audio is past its date.</source>
        <translation>Ningún audio ha pasado su fecha.</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/retention_section.py" line="91"/>
        <source>Delete audio</source>
        <translation>Borrar audio</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/retention_section.py" line="92"/>
        <source>The audio that is past its date will be deleted for good. The transcripts stay. This cannot be undone.</source>
        <translation>El audio que ya pasó su fecha se borrará para siempre. Las transcripciones se quedan. No se puede deshacer.</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/retention_section.py" line="93"/>
        <source>Delete the audio</source>
        <translation>Borrar el audio</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/retention_section.py" line="93"/>
        <source>Keep it</source>
        <translation>Conservarla</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/retention_section.py" line="95"/>
        <source>Deleting audio…</source>
        <translation>Borrando el audio…</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/retention_section.py" line="100"/>
        <source>Deleted {n} take(s); nothing of them is left in the vault.</source>
        <translation>Se borraron {n} toma(s); no queda nada de ellas en la bóveda.</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <location filename="../../desktop/review/review_view.py" line="51"/>
        <source>Find names and details</source>
        <translation>Buscar nombres y datos</translation>
    </message>
    <message>
        <location filename="../../desktop/review/review_view.py" line="53"/>
        <source>Hide all found</source>
        <translation>Ocultar todo lo encontrado</translation>
    </message>
    <message>
        <location filename="../../desktop/review/review_view.py" line="63"/>
        <source>What was said</source>
        <translation>Lo que se dijo</translation>
    </message>
    <message>
        <location filename="../../desktop/review/review_view.py" line="70"/>
        <source>What the coordinator will see</source>
        <translation>Lo que verá la coordinación</translation>
    </message>
    <message>
        <location filename="../../desktop/review/review_view.py" line="78"/>
        <source>Names and details found</source>
        <translation>Nombres y datos encontrados</translation>
    </message>
    <message>
        <location filename="../../desktop/review/review_view.py" line="86"/>
        <source>Hide it</source>
        <translation>Ocultarlo</translation>
    </message>
    <message>
        <location filename="../../desktop/review/review_view.py" line="87"/>
        <source>Keep it</source>
        <translation>Dejarlo</translation>
    </message>
    <message>
        <location filename="../../desktop/review/review_view.py" line="97"/>
        <source>Hide the selected words</source>
        <translation>Ocultar las palabras seleccionadas</translation>
    </message>
    <message>
        <location filename="../../desktop/review/review_view.py" line="106"/>
        <source>I have read every passage and checked every name and detail</source>
        <translation>He leído cada fragmento y revisado cada nombre y dato</translation>
    </message>
    <message>
        <location filename="../../desktop/review/review_view.py" line="108"/>
        <source>Sign off</source>
        <translation>Dar el visto bueno</translation>
    </message>
    <message>
        <location filename="../../desktop/review/review_view.py" line="115"/>
        <source>Save a copy for the coordinator…</source>
        <translation>Guardar una copia para la coordinación…</translation>
    </message>
    <message>
        <location filename="../../desktop/review/review_view.py" line="119"/>
        <source>Save as Word / PDF…</source>
        <translation>Guardar como Word / PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/review/review_view.py" line="120"/>
        <source>With real names…</source>
        <translation>Con los nombres reales…</translation>
    </message>
    <message>
        <location filename="../../desktop/review/review_view.py" line="127"/>
        <source>The copy holds the text with names hidden, the themes you accepted, the notes you chose to share and a one-page summary, sealed so only your coordinator can open it. It never holds the audio, the names you hid, your private notes or anything said off the record.</source>
        <translation>La copia lleva el texto con los nombres ocultos, los temas que aceptaste, las notas que decidiste compartir y un resumen de una página, sellada para que solo tu coordinación pueda abrirla. Nunca lleva el audio, los nombres que ocultaste, tus notas privadas ni nada dicho de forma extraoficial.</translation>
    </message>
    <message>
        <location filename="../../desktop/review/review_view.py" line="170"/>
        <source>Nothing to show yet. Press “Find names and details”: the copy without names appears here once they have been found.</source>
        <translation>Todavía no hay nada que mostrar. Pulsa «Buscar nombres y datos»: la copia sin nombres aparece aquí cuando se hayan encontrado.</translation>
    </message>
    <message>
        <location filename="../../desktop/review/review_view.py" line="177"/>
        <source>to decide</source>
        <translation>por decidir</translation>
    </message>
    <message>
        <location filename="../../desktop/review/review_view.py" line="177"/>
        <source>hidden</source>
        <translation>se oculta</translation>
    </message>
    <message>
        <location filename="../../desktop/review/review_view.py" line="177"/>
        <source>kept</source>
        <translation>se deja</translation>
    </message>
    <message>
        <location filename="../../desktop/review/review_view.py" line="189"/>
        <source>Signed off. You can save a copy.</source>
        <translation>Aprobada. Ya puedes guardar una copia.</translation>
    </message>
    <message>
        <location filename="../../desktop/review/review_view.py" line="190"/>
        <source>Not signed off yet.</source>
        <translation>Todavía sin aprobar.</translation>
    </message>
    <message>
        <location filename="../../desktop/review/review_view.py" line="236"/>
        <source>Looking for names and details…</source>
        <translation>Buscando nombres y datos…</translation>
    </message>
    <message>
        <location filename="../../desktop/review/review_view.py" line="263"/>
        <source>First select the words to hide in “What was said”.</source>
        <translation>Primero selecciona las palabras que quieres ocultar en “Lo que se dijo”.</translation>
    </message>
    <message>
        <location filename="../../desktop/review/review_view.py" line="268"/>
        <source>Select words within one passage.</source>
        <translation>Selecciona palabras dentro de un solo fragmento.</translation>
    </message>
    <message>
        <location filename="../../desktop/review/review_view.py" line="283"/>
        <source>Where should the copy go? (a folder or USB stick)</source>
        <translation>¿Dónde va la copia? (una carpeta o memoria USB)</translation>
    </message>
    <message>
        <location filename="../../desktop/review/review_view.py" line="288"/>
        <source>Sealing the copy…</source>
        <translation>Sellando la copia…</translation>
    </message>
    <message>
        <location filename="../../desktop/review/review_view.py" line="292"/>
        <source>Save the transcript</source>
        <translation>Guardar la transcripción</translation>
    </message>
    <message>
        <location filename="../../desktop/review/review_view.py" line="293"/>
        <source>Word document (*.docx);;PDF (*.pdf)</source>
        <translation>Documento de Word (*.docx);;PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/review/review_view.py" line="300"/>
        <source>Saving the transcript…</source>
        <translation>Guardando la transcripción…</translation>
    </message>
    <message>
        <location filename="../../desktop/review/review_view.py" line="310"/>
        <source>Save the transcript with real names?</source>
        <translation>¿Guardar la transcripción con los nombres reales?</translation>
    </message>
    <message>
        <location filename="../../desktop/review/review_view.py" line="311"/>
        <source>This file will hold the real names and everything said on the record, and it is NOT encrypted: anyone who opens the file, the folder or the USB stick can read it.</source>
        <translation>Este archivo contendrá los nombres reales y todo lo dicho en la grabación, y NO está cifrado: cualquiera que abra el archivo, la carpeta o la memoria USB puede leerlo.</translation>
    </message>
    <message>
        <location filename="../../desktop/review/review_view.py" line="314"/>
        <source>Save it only where nobody else can read it, and delete it when you are done. The de-identified version is safer to print or carry.</source>
        <translation>Guárdalo solo donde nadie más pueda leerlo y bórralo cuando termines. La versión sin nombres es más segura para imprimir o llevar.</translation>
    </message>
    <message>
        <location filename="../../desktop/review/review_view.py" line="316"/>
        <source>I understand: save with names</source>
        <translation>Entiendo: guardar con nombres</translation>
    </message>
    <message>
        <location filename="../../desktop/review/review_view.py" line="316"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../desktop/review/review_view.py" line="321"/>
        <source>Saved: {path}</source>
        <translation>Guardado: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/review/review_view.py" line="327"/>
        <source>Saved: {path}
Copy number: {pid}
This laptop&apos;s fingerprint: {fpr}
Read aloud to your coordinator to check: {words}</source>
        <translation>Guardada: {path}
Número de copia: {pid}
Huella de este portátil: {fpr}
Lee en voz alta a tu coordinación para comprobarla: {words}</translation>
    </message>
</context>
<context>
    <name>SegmentWidget</name>
    <message>
        <location filename="../../desktop/transcript/segment_widget.py" line="62"/>
        <source>Play from here</source>
        <translation>Reproducir desde aquí</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/segment_widget.py" line="65"/>
        <source>Who?</source>
        <translation>¿Quién?</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/segment_widget.py" line="66"/>
        <source>Interviewer</source>
        <translation>Entrevistador/a</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/segment_widget.py" line="67"/>
        <source>Participant</source>
        <translation>Participante</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/segment_widget.py" line="72"/>
        <source>Pick this passage to change the speaker of several at once</source>
        <translation>Marca este fragmento para cambiar el hablante de varios a la vez</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/segment_widget.py" line="73"/>
        <source>Pick this passage</source>
        <translation>Marcar este fragmento</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/segment_widget.py" line="143"/>
        <source>Not sure about this word: listen and check</source>
        <translation>Palabra dudosa: escucha y comprueba</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/segment_widget.py" line="198"/>
        <source>Suggested: click to accept</source>
        <translation>Sugerido: haz clic para aceptarlo</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/segment_widget.py" line="199"/>
        <source>Accepted theme</source>
        <translation>Tema aceptado</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/segment_widget.py" line="205"/>
        <source>Not this theme</source>
        <translation>Este tema no</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/segment_widget.py" line="206"/>
        <source>Reject {theme}</source>
        <translation>Rechazar {theme}</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../../desktop/settings/settings_view.py" line="17"/>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
</context>
<context>
    <name>SharingSection</name>
    <message>
        <location filename="../../desktop/settings/sharing_section.py" line="67"/>
        <source>Sharing with your coordinator</source>
        <translation>Compartir con tu coordinación</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/sharing_section.py" line="77"/>
        <source>This laptop&apos;s key</source>
        <translation>La clave de este portátil</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/sharing_section.py" line="78"/>
        <source>Read aloud to check it</source>
        <translation>Léelo en voz alta para comprobarlo</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/sharing_section.py" line="81"/>
        <source>Researchers seal copies to</source>
        <translation>Los investigadores sellan las copias para</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/sharing_section.py" line="84"/>
        <source>Copy this laptop&apos;s key</source>
        <translation>Copiar la clave de este portátil</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/sharing_section.py" line="91"/>
        <source>Coordinators who can open your copies. Check each fingerprint with them by phone.</source>
        <translation>Coordinaciones que pueden abrir tus copias. Comprueba cada huella con ellas por teléfono.</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/sharing_section.py" line="101"/>
        <source>Name, e.g. Union office</source>
        <translation>Nombre, p. ej. Oficina del sindicato</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/sharing_section.py" line="102"/>
        <source>Add a coordinator from their file…</source>
        <translation>Añadir una coordinación desde su archivo…</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/sharing_section.py" line="104"/>
        <source>Remove the selected coordinator</source>
        <translation>Quitar la coordinación seleccionada</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/sharing_section.py" line="112"/>
        <source>Or paste the coordinator&apos;s key (age1…)</source>
        <translation>O pega la clave de la coordinación (age1…)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/sharing_section.py" line="151"/>
        <source>Choose the file your coordinator gave you</source>
        <translation>Elige el archivo que te dio tu coordinación</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/sharing_section.py" line="152"/>
        <source>Coordinator file (*.txt);;All files (*)</source>
        <translation>Archivo de la coordinación (*.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/sharing_section.py" line="162"/>
        <source>Check it is really your coordinator</source>
        <translation>Comprueba que de verdad es tu coordinación</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/sharing_section.py" line="163"/>
        <source>Read these words with your coordinator, by phone or in person. Add them only if the words match:

{words}</source>
        <translation>Lee estas palabras con tu coordinación, por teléfono o en persona. Añádela solo si las palabras coinciden:

{words}</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/sharing_section.py" line="165"/>
        <source>The words match: add</source>
        <translation>Las palabras coinciden: añadir</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/sharing_section.py" line="165"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/sharing_section.py" line="167"/>
        <source>Coordinator</source>
        <translation>Coordinación</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/sharing_section.py" line="178"/>
        <source>Remove this coordinator?</source>
        <translation>¿Quitar esta coordinación?</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/sharing_section.py" line="179"/>
        <source>New copies will no longer be sealed to {name}. Copies already sent stay readable to them.</source>
        <translation>Las copias nuevas ya no se sellarán para {name}. Las copias ya enviadas siguen pudiendo leerlas.</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/sharing_section.py" line="180"/>
        <source>(no name)</source>
        <translation>(sin nombre)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/sharing_section.py" line="181"/>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/sharing_section.py" line="181"/>
        <source>Keep</source>
        <translation>Conservar</translation>
    </message>
    <message>
        <source>Paste the coordinator&apos;s key (age1…)</source>
        <translation type="vanished">Pega la clave de la coordinación (age1…)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/sharing_section.py" line="113"/>
        <source>Add coordinator</source>
        <translation>Añadir coordinación</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <location filename="../../desktop/transcript/side_panel.py" line="26"/>
        <source>Themes</source>
        <translation>Temas</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/side_panel.py" line="27"/>
        <source>Click a suggested theme under a passage to accept it, or ✕ to reject it. To add one, select words in a passage, choose a theme and press Add.</source>
        <translation>Haz clic en un tema sugerido bajo un fragmento para aceptarlo, o en ✕ para rechazarlo. Para añadir uno, selecciona palabras de un fragmento, elige un tema y pulsa Añadir.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/side_panel.py" line="33"/>
        <source>Add theme to the selected words</source>
        <translation>Añadir el tema a las palabras seleccionadas</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/side_panel.py" line="36"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/side_panel.py" line="48"/>
        <source>A note about this passage…</source>
        <translation>Una nota sobre este fragmento…</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/side_panel.py" line="54"/>
        <source>Share this note with the coordinator</source>
        <translation>Compartir esta nota con la coordinación</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/side_panel.py" line="56"/>
        <source>Add note</source>
        <translation>Añadir nota</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/side_panel.py" line="63"/>
        <source>Note about the passage at {p}</source>
        <translation>Nota sobre el fragmento de {p}</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/side_panel.py" line="64"/>
        <source>Note about the whole interview (click into a passage to write about it)</source>
        <translation>Nota sobre toda la entrevista (haz clic en un fragmento para escribir sobre él)</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/side_panel.py" line="75"/>
        <source> (shared)</source>
        <translation> (compartida)</translation>
    </message>
</context>
<context>
    <name>StudySection</name>
    <message>
        <location filename="../../desktop/study/study_section.py" line="22"/>
        <source>Your study</source>
        <translation>Tu estudio</translation>
    </message>
    <message>
        <location filename="../../desktop/study/study_section.py" line="25"/>
        <location filename="../../desktop/study/study_section.py" line="50"/>
        <source>This laptop has not joined a study yet.</source>
        <translation>Este portátil todavía no se ha unido a ningún estudio.</translation>
    </message>
    <message>
        <location filename="../../desktop/study/study_section.py" line="30"/>
        <source>Your coordinator can send one study file that sets everything up: the interview guides, the sites, and where your shared copies go. A newer file from the same coordinator updates it; interviews keep the guide version they used.</source>
        <translation>Tu coordinador puede enviarte un archivo de estudio que lo configura todo: las guías de entrevista, los lugares y adónde van las copias que compartes. Un archivo más nuevo del mismo coordinador lo actualiza; las entrevistas conservan la versión de la guía que usaron.</translation>
    </message>
    <message>
        <location filename="../../desktop/study/study_section.py" line="37"/>
        <source>Open a study file…</source>
        <translation>Abrir un archivo de estudio…</translation>
    </message>
    <message>
        <location filename="../../desktop/study/study_section.py" line="53"/>
        <source>%1 (version %2). Sites: %3</source>
        <translation>%1 (versión %2). Lugares: %3</translation>
    </message>
    <message>
        <location filename="../../desktop/study/study_section.py" line="67"/>
        <source>Joined. Send %1 to your coordinator so they can accept your shared copies.</source>
        <translation>Listo. Envía %1 a tu coordinador para que pueda aceptar las copias que compartas.</translation>
    </message>
    <message>
        <location filename="../../desktop/study/study_section.py" line="70"/>
        <source>The study is set up.</source>
        <translation>El estudio está configurado.</translation>
    </message>
</context>
<context>
    <name>TakesBar</name>
    <message>
        <location filename="../../desktop/transcript/takes_bar.py" line="41"/>
        <source>Takes:</source>
        <translation>Tomas:</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/takes_bar.py" line="44"/>
        <source>Work on this take&apos;s transcript</source>
        <translation>Trabajar con la transcripción de esta toma</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/takes_bar.py" line="45"/>
        <source>Delete this take&apos;s audio…</source>
        <translation>Borrar el audio de esta toma…</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/takes_bar.py" line="67"/>
        <source>in use</source>
        <translation>en uso</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/takes_bar.py" line="69"/>
        <source>typed up</source>
        <translation>transcrita</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/takes_bar.py" line="71"/>
        <source>not typed up yet</source>
        <translation>aún sin transcribir</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/takes_bar.py" line="72"/>
        <source>Take {n} · {t} · {state}</source>
        <translation>Toma {n} · {t} · {state}</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/takes_bar.py" line="98"/>
        <source>This is the transcript shown below.</source>
        <translation>Es la transcripción que se ve abajo.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/takes_bar.py" line="100"/>
        <source>Type this take up to read it; nothing else changes.</source>
        <translation>Transcribe esta toma para leerla; nada más cambia.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/takes_bar.py" line="102"/>
        <source>Take {n}&apos;s transcript stays as it is if you switch.</source>
        <translation>La transcripción de la toma {n} se queda como está si cambias.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/takes_bar.py" line="125"/>
        <source>Delete a take</source>
        <translation>Borrar una toma</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/takes_bar.py" line="126"/>
        <source>The audio of Take {n} ({t}) and its markers will be deleted for good. Its transcript stays. This cannot be undone.</source>
        <translation>El audio de la toma {n} ({t}) y sus marcas se borrarán para siempre. Su transcripción se queda. No se puede deshacer.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/takes_bar.py" line="128"/>
        <source>Delete the audio</source>
        <translation>Borrar el audio</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/takes_bar.py" line="128"/>
        <source>Keep it</source>
        <translation>Conservarla</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/takes_bar.py" line="135"/>
        <source>Deleted. Nothing of that take&apos;s audio is left in the vault.</source>
        <translation>Borrado. No queda nada del audio de esa toma en la bóveda.</translation>
    </message>
</context>
<context>
    <name>ThemeChart</name>
    <message>
        <location filename="../../desktop/coordinator/theme_chart.py" line="26"/>
        <source>Themes by site</source>
        <translation>Temas por lugar</translation>
    </message>
    <message>
        <location filename="../../desktop/coordinator/theme_chart.py" line="54"/>
        <source>No themes yet.</source>
        <translation>Todavía no hay temas.</translation>
    </message>
</context>
<context>
    <name>TranscriptView</name>
    <message>
        <location filename="../../desktop/transcript/transcript_view.py" line="171"/>
        <location filename="../../desktop/transcript/transcript_view.py" line="414"/>
        <source>Type it up</source>
        <translation>Transcribir</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/transcript_view.py" line="173"/>
        <source>Suggest themes</source>
        <translation>Sugerir temas</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/transcript_view.py" line="174"/>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/transcript_view.py" line="175"/>
        <source>Redo</source>
        <translation>Rehacer</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/transcript_view.py" line="176"/>
        <source>Split at cursor</source>
        <translation>Dividir en el cursor</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/transcript_view.py" line="177"/>
        <source>Join with next</source>
        <translation>Unir con el siguiente</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/transcript_view.py" line="185"/>
        <source>Interviewer</source>
        <translation>Entrevistador/a</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/transcript_view.py" line="186"/>
        <source>Participant</source>
        <translation>Participante</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/transcript_view.py" line="187"/>
        <source>Set speaker of ticked</source>
        <translation>Poner hablante a los marcados</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/transcript_view.py" line="201"/>
        <location filename="../../desktop/transcript/transcript_view.py" line="671"/>
        <source>Play</source>
        <translation>Reproducir</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/transcript_view.py" line="202"/>
        <source>− 5 s</source>
        <translation>− 5 s</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/transcript_view.py" line="203"/>
        <source>+ 5 s</source>
        <translation>+ 5 s</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/transcript_view.py" line="216"/>
        <source>This passage answers:</source>
        <translation>Este fragmento responde a:</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/transcript_view.py" line="226"/>
        <source>No transcript yet. Record the interview, then press “Type it up”.</source>
        <translation>Todavía no hay transcripción. Graba la entrevista y luego pulsa “Transcribir”.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/transcript_view.py" line="391"/>
        <location filename="../../desktop/transcript/transcript_view.py" line="418"/>
        <source>Before the first question</source>
        <translation>Antes de la primera pregunta</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/transcript_view.py" line="413"/>
        <source>Type it up again</source>
        <translation>Transcribir de nuevo</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/transcript_view.py" line="447"/>
        <source>Typing up the interview…</source>
        <translation>Transcribiendo la entrevista…</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/transcript_view.py" line="456"/>
        <source>The new take is typed up. The transcript below is still the one in use; choose the new take above to work on it instead.</source>
        <translation>La toma nueva está transcrita. La transcripción de abajo sigue siendo la que está en uso; elige la toma nueva arriba para trabajar con ella.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/transcript_view.py" line="462"/>
        <source>English</source>
        <translation>inglés</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/transcript_view.py" line="462"/>
        <source>Spanish</source>
        <translation>español</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/transcript_view.py" line="464"/>
        <source>Typed up in {language}: the language heard in the first 30 seconds.</source>
        <translation>Transcrita en {language}: el idioma que se oyó en los primeros 30 segundos.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/transcript_view.py" line="467"/>
        <source>Typed up, with the questions and suggested themes.</source>
        <translation>Transcrita, con las preguntas y los temas sugeridos.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/transcript_view.py" line="476"/>
        <source>Suggesting themes…</source>
        <translation>Sugiriendo temas…</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/transcript_view.py" line="506"/>
        <source>{t} — “{start}”</source>
        <translation>{t} — «{start}»</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/transcript_view.py" line="588"/>
        <source>Click between two words, then press Split.</source>
        <translation>Haz clic entre dos palabras y luego pulsa Dividir.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/transcript_view.py" line="590"/>
        <source>Split</source>
        <translation>Dividir</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/transcript_view.py" line="600"/>
        <source>This is the last passage; there is nothing after it to join.</source>
        <translation>Este es el último fragmento; no hay nada después para unir.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/transcript_view.py" line="602"/>
        <source>Join</source>
        <translation>Unir</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/transcript_view.py" line="624"/>
        <source>First click into a passage and select some words.</source>
        <translation>Primero haz clic en un fragmento y selecciona algunas palabras.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/transcript_view.py" line="664"/>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <location filename="../../desktop/unlock/unlock_page.py" line="73"/>
        <source>Unlock your interviews</source>
        <translation>Desbloquea tus entrevistas</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock/unlock_page.py" line="80"/>
        <source>Open the sample interview</source>
        <translation>Abrir la entrevista de ejemplo</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock/unlock_page.py" line="87"/>
        <source>Stop the recording (it is kept safe)</source>
        <translation>Detener la grabación (queda guardada)</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock/unlock_page.py" line="91"/>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock/unlock_page.py" line="96"/>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock/unlock_page.py" line="103"/>
        <source>I forgot my passphrase</source>
        <translation>Olvidé mi frase de contraseña</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock/unlock_page.py" line="104"/>
        <source>Interviews in another folder…</source>
        <translation>Entrevistas en otra carpeta…</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock/unlock_page.py" line="105"/>
        <source>← Back to the start</source>
        <translation>← Volver al inicio</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock/unlock_page.py" line="129"/>
        <source>This is the sample: a made-up interview, no real data. Its passphrase is “{p}”, or just press the button.</source>
        <translation>Es el ejemplo: una entrevista inventada, sin datos reales. Su frase de contraseña es «{p}», o pulsa el botón.</translation>
    </message>
    <message>
        <source>Another vault…</source>
        <translation type="vanished">Otra bóveda…</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock/unlock_page.py" line="145"/>
        <source>A recording is running ({elapsed}). It keeps recording while the screen is locked. Unlock to return to it.</source>
        <translation>Hay una grabación en curso ({elapsed}). Sigue grabando mientras la pantalla está bloqueada. Desbloquea para volver a ella.</translation>
    </message>
</context>
<context>
    <name>UnlockView</name>
    <message>
        <source>Vault: {folder}</source>
        <translation type="vanished">Bóveda: {folder}</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock/unlock_view.py" line="112"/>
        <source>Interviews kept in: {folder}</source>
        <translation>Entrevistas guardadas en: {folder}</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock/unlock_view.py" line="157"/>
        <source>Choose the vault folder</source>
        <translation>Elige la carpeta de la bóveda</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock/unlock_view.py" line="167"/>
        <source>That passphrase does not unlock this vault.</source>
        <translation>Esa frase no desbloquea esta bóveda.</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock/unlock_view.py" line="169"/>
        <source>Unlocking…</source>
        <translation>Desbloqueando…</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock/unlock_view.py" line="175"/>
        <source>Creating your vault…</source>
        <translation>Creando tu bóveda…</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock/unlock_view.py" line="181"/>
        <source>Unlocking with the recovery code…</source>
        <translation>Desbloqueando con el código de recuperación…</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock/unlock_view.py" line="192"/>
        <source>Opening the sample interview…</source>
        <translation>Abriendo la entrevista de ejemplo…</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock/unlock_view.py" line="196"/>
        <source>Preparing the sample interview…</source>
        <translation>Preparando la entrevista de ejemplo…</translation>
    </message>
</context>
<context>
    <name>VoiceSampleDialog</name>
    <message>
        <location filename="../../desktop/voice/voice_dialog.py" line="51"/>
        <location filename="../../desktop/voice/voice_dialog.py" line="54"/>
        <source>Teach Confidant your voice</source>
        <translation>Enseña tu voz a Confidant</translation>
    </message>
    <message>
        <location filename="../../desktop/voice/voice_dialog.py" line="63"/>
        <source>Record again</source>
        <translation>Grabar otra vez</translation>
    </message>
    <message>
        <location filename="../../desktop/voice/voice_dialog.py" line="64"/>
        <location filename="../../desktop/voice/voice_dialog.py" line="258"/>
        <source>Forget my voice</source>
        <translation>Olvidar mi voz</translation>
    </message>
    <message>
        <location filename="../../desktop/voice/voice_dialog.py" line="72"/>
        <source>Press Start, then read this aloud at your normal pace. Recording stops by itself after {s} seconds.</source>
        <translation>Pulsa Empezar y lee esto en voz alta, a tu ritmo de siempre. La grabación se detiene sola a los {s} segundos.</translation>
    </message>
    <message>
        <location filename="../../desktop/voice/voice_dialog.py" line="86"/>
        <location filename="../../desktop/voice/voice_dialog.py" line="87"/>
        <source>Microphone</source>
        <translation>Micrófono</translation>
    </message>
    <message>
        <location filename="../../desktop/voice/voice_dialog.py" line="85"/>
        <location filename="../../desktop/voice/voice_dialog.py" line="138"/>
        <source>System default</source>
        <translation>El del sistema</translation>
    </message>
    <message>
        <location filename="../../desktop/voice/voice_dialog.py" line="88"/>
        <location filename="../../desktop/voice/voice_dialog.py" line="219"/>
        <location filename="../../desktop/voice/voice_dialog.py" line="276"/>
        <source>Start</source>
        <translation>Empezar</translation>
    </message>
    <message>
        <location filename="../../desktop/voice/voice_dialog.py" line="106"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../../desktop/voice/voice_dialog.py" line="149"/>
        <source>Confidant knows your voice (recorded {date}).</source>
        <translation>Confidant conoce tu voz (grabada el {date}).</translation>
    </message>
    <message>
        <location filename="../../desktop/voice/voice_dialog.py" line="151"/>
        <source>Confidant does not know your voice yet.</source>
        <translation>Confidant todavía no conoce tu voz.</translation>
    </message>
    <message>
        <location filename="../../desktop/voice/voice_dialog.py" line="171"/>
        <source>An interview is being recorded. Stop that recording first, then record your voice.</source>
        <translation>Se está grabando una entrevista. Detén esa grabación primero y luego graba tu voz.</translation>
    </message>
    <message>
        <location filename="../../desktop/voice/voice_dialog.py" line="179"/>
        <source>Starting the microphone…</source>
        <translation>Encendiendo el micrófono…</translation>
    </message>
    <message>
        <location filename="../../desktop/voice/voice_dialog.py" line="186"/>
        <source>Recording. Read the text aloud.</source>
        <translation>Grabando. Lee el texto en voz alta.</translation>
    </message>
    <message>
        <location filename="../../desktop/voice/voice_dialog.py" line="187"/>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <location filename="../../desktop/voice/voice_dialog.py" line="224"/>
        <source>Learning your voice…</source>
        <translation>Aprendiendo tu voz…</translation>
    </message>
    <message>
        <location filename="../../desktop/voice/voice_dialog.py" line="229"/>
        <source>Saved in your vault. Interviews typed up from now on use it to find the interviewer.</source>
        <translation>Guardada en tu bóveda. Las entrevistas que se transcriban a partir de ahora la usan para saber quién entrevista.</translation>
    </message>
    <message>
        <location filename="../../desktop/voice/voice_dialog.py" line="240"/>
        <source>Nothing was saved.</source>
        <translation>No se guardó nada.</translation>
    </message>
    <message>
        <location filename="../../desktop/voice/voice_dialog.py" line="255"/>
        <source>Forget my voice?</source>
        <translation>¿Olvidar mi voz?</translation>
    </message>
    <message>
        <location filename="../../desktop/voice/voice_dialog.py" line="256"/>
        <source>Confidant deletes your voice sample (the recording and the voice print) from this vault. Interviews typed up after this find the interviewer from who asks the questions.</source>
        <translation>Confidant borra tu muestra de voz (la grabación y la huella de voz) de esta bóveda. Las entrevistas que se transcriban después sabrán quién entrevista por quién hace las preguntas.</translation>
    </message>
    <message>
        <location filename="../../desktop/voice/voice_dialog.py" line="258"/>
        <source>Keep it</source>
        <translation>Conservarla</translation>
    </message>
    <message>
        <location filename="../../desktop/voice/voice_dialog.py" line="265"/>
        <source>Your voice sample is deleted.</source>
        <translation>Tu muestra de voz está borrada.</translation>
    </message>
</context>
<context>
    <name>VoiceSection</name>
    <message>
        <location filename="../../desktop/settings/voice_section.py" line="18"/>
        <source>Your voice</source>
        <translation>Tu voz</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/voice_section.py" line="23"/>
        <source>If Confidant knows your voice, it can tell that you are the interviewer in every recording. The sample stays encrypted in this vault only, never goes into a packet, and you can delete it.</source>
        <translation>Si Confidant conoce tu voz, puede saber que quien entrevista eres tú en cada grabación. La muestra queda cifrada solo en esta bóveda, nunca va en un paquete y puedes borrarla.</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/voice_section.py" line="30"/>
        <location filename="../../desktop/settings/voice_section.py" line="44"/>
        <source>Teach Confidant your voice…</source>
        <translation>Enseña tu voz a Confidant…</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/voice_section.py" line="41"/>
        <source>Confidant knows your voice.</source>
        <translation>Confidant conoce tu voz.</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/voice_section.py" line="42"/>
        <source>Confidant does not know your voice yet.</source>
        <translation>Confidant todavía no conoce tu voz.</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/voice_section.py" line="43"/>
        <source>Your voice sample…</source>
        <translation>Tu muestra de voz…</translation>
    </message>
</context>
<context>
    <name>VoicesPanel</name>
    <message>
        <location filename="../../desktop/transcript/voices_panel.py" line="24"/>
        <source>Voices</source>
        <translation>Voces</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/voices_panel.py" line="25"/>
        <source>Confidant told the voices apart. Give a voice a name, say who interviews, or tick passages and move them to another voice. Your changes stay if you type it up again.</source>
        <translation>Confidant distinguió las voces. Ponle un nombre a una voz, indica quién entrevista, o marca pasajes y pásalos a otra voz. Tus cambios se conservan si vuelves a transcribir.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/voices_panel.py" line="33"/>
        <source>Move ticked passages to this voice</source>
        <translation>Pasar los pasajes marcados a esta voz</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/voices_panel.py" line="36"/>
        <source>Confidant does not know your voice yet, so it guessed the interviewer from who asks the questions.</source>
        <translation>Confidant todavía no conoce tu voz, así que dedujo quién entrevista por quién hace las preguntas.</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/voices_panel.py" line="38"/>
        <source>Teach Confidant your voice…</source>
        <translation>Enseña tu voz a Confidant…</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/voices_panel.py" line="61"/>
        <source>Name of voice {v}</source>
        <translation>Nombre de la voz {v}</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/voices_panel.py" line="65"/>
        <source>Interviewer</source>
        <translation>Entrevistador/a</translation>
    </message>
    <message>
        <location filename="../../desktop/transcript/voices_panel.py" line="66"/>
        <source>Participant</source>
        <translation>Participante</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../desktop/unlock/unlock_page.py" line="32"/>
        <source>Welcome to Confidant</source>
        <translation>Bienvenida a Confidant</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock/unlock_page.py" line="34"/>
        <source>Confidant keeps your interviews locked on this computer. It records, types up and sorts what people tell you, and only shares a copy with names taken out.</source>
        <translation>Confidant guarda tus entrevistas bajo llave en esta computadora. Graba, transcribe y ordena lo que la gente te cuenta, y solo comparte una copia sin nombres.</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock/unlock_page.py" line="37"/>
        <source>Unlock my interviews</source>
        <translation>Desbloquear mis entrevistas</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock/unlock_page.py" line="39"/>
        <source>Start keeping interviews on this computer</source>
        <translation>Empezar a guardar entrevistas en este ordenador</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock/unlock_page.py" line="44"/>
        <source>The sample holds a made-up interview only. It reopens without a passphrase of your own (its passphrase is “{p}”).</source>
        <translation>El ejemplo solo contiene una entrevista inventada. Se vuelve a abrir sin una frase de contraseña tuya (la suya es «{p}»).</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock/unlock_page.py" line="46"/>
        <source>Open interviews kept in another folder…</source>
        <translation>Abrir entrevistas guardadas en otra carpeta…</translation>
    </message>
    <message>
        <source>Create a new vault</source>
        <translation type="vanished">Crear una bóveda nueva</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock/unlock_page.py" line="41"/>
        <source>Try it with a sample interview</source>
        <translation>Probar con una entrevista de ejemplo</translation>
    </message>
    <message>
        <source>Open a vault in another folder…</source>
        <translation type="vanished">Abrir una bóveda en otra carpeta…</translation>
    </message>
</context>
<context>
    <name>WithdrawInterviewAction</name>
    <message>
        <location filename="../../desktop/interviews/delete_action.py" line="87"/>
        <source>Stop the recording before deleting an interview.</source>
        <translation>Detén la grabación antes de borrar una entrevista.</translation>
    </message>
    <message>
        <location filename="../../desktop/interviews/delete_action.py" line="96"/>
        <source>The participant withdrew. Interview {code} and everything in it will be deleted for good. This cannot be undone.</source>
        <translation>El participante se retiró. La entrevista {code} y todo lo que contiene se borrarán para siempre. No se puede deshacer.</translation>
    </message>
    <message>
        <location filename="../../desktop/interviews/delete_action.py" line="99"/>
        <source>It was shared, so Confidant will also write a signed withdrawal notice: put it where you share packets, and the coordinator&apos;s copy is erased too.</source>
        <translation>Se compartió, así que Confidant también escribirá un aviso de retirada firmado: ponlo donde compartes los paquetes y la copia de la coordinación también se borrará.</translation>
    </message>
    <message>
        <location filename="../../desktop/interviews/delete_action.py" line="101"/>
        <source>Participant withdrew</source>
        <translation>El participante se retiró</translation>
    </message>
    <message>
        <location filename="../../desktop/interviews/delete_action.py" line="102"/>
        <source>Withdraw and delete</source>
        <translation>Retirar y borrar</translation>
    </message>
    <message>
        <location filename="../../desktop/interviews/delete_action.py" line="102"/>
        <source>Keep it</source>
        <translation>Conservarla</translation>
    </message>
    <message>
        <location filename="../../desktop/interviews/delete_action.py" line="106"/>
        <source>Save the withdrawal notice</source>
        <translation>Guardar el aviso de retirada</translation>
    </message>
    <message>
        <location filename="../../desktop/interviews/delete_action.py" line="111"/>
        <source>Deleting…</source>
        <translation>Borrando…</translation>
    </message>
    <message>
        <location filename="../../desktop/interviews/delete_action.py" line="118"/>
        <source>Deleted. The withdrawal notice is in {path}: share it with the coordinator.</source>
        <translation>Borrada. El aviso de retirada está en {path}: compártelo con la coordinación.</translation>
    </message>
    <message>
        <location filename="../../desktop/interviews/delete_action.py" line="121"/>
        <source>Deleted. It was never shared, so no notice is needed.</source>
        <translation>Borrada. Nunca se compartió, así que no hace falta aviso.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../desktop/errors.py" line="65"/>
        <location filename="../../desktop/errors.py" line="69"/>
        <source>Confidant</source>
        <translation>Confidant</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="70"/>
        <source>Something unexpected went wrong.</source>
        <translation>Algo salió mal de forma inesperada.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="71"/>
        <source>Your recordings and notes are safe. Try again; if it happens again, press “Copy details” and send them to whoever supports you.</source>
        <translation>Tus grabaciones y notas están a salvo. Inténtalo de nuevo; si vuelve a pasar, pulsa «Copiar detalles» y envíalos a quien te da soporte.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="85"/>
        <source>Copy details</source>
        <translation>Copiar detalles</translation>
    </message>
</context>
<context>
    <name>language</name>
    <message>
        <location filename="../../desktop/errors.py" line="40"/>
        <source>en</source>
        <translation>es</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../desktop/settings/retention_section.py" line="27"/>
        <source>Keep</source>
        <translation>Conservar</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/retention_section.py" line="28"/>
        <source> days</source>
        <translation> días</translation>
    </message>
</context>
<context>
    <name>states</name>
    <message>
        <location filename="../../desktop/interviews/interviews_view.py" line="32"/>
        <source>Not recorded yet</source>
        <translation>Sin grabar</translation>
    </message>
    <message>
        <location filename="../../desktop/interviews/interviews_view.py" line="33"/>
        <source>Recorded</source>
        <translation>Grabada</translation>
    </message>
    <message>
        <location filename="../../desktop/interviews/interviews_view.py" line="34"/>
        <source>Typed up</source>
        <translation>Transcrita</translation>
    </message>
    <message>
        <location filename="../../desktop/interviews/interviews_view.py" line="35"/>
        <source>Themes suggested</source>
        <translation>Temas sugeridos</translation>
    </message>
    <message>
        <location filename="../../desktop/interviews/interviews_view.py" line="36"/>
        <source>Checked and signed off</source>
        <translation>Revisada y aprobada</translation>
    </message>
    <message>
        <location filename="../../desktop/interviews/interviews_view.py" line="37"/>
        <source>Copy saved for the coordinator</source>
        <translation>Copia guardada para la coordinación</translation>
    </message>
</context>
<context>
    <name>strength</name>
    <message>
        <location filename="../../desktop/unlock/strength.py" line="48"/>
        <source>A few unrelated words make a strong passphrase that is easy to remember.</source>
        <translation>Unas cuantas palabras sin relación entre sí forman una frase de contraseña fuerte y fácil de recordar.</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock/strength.py" line="34"/>
        <source>Very weak</source>
        <translation>Muy débil</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock/strength.py" line="34"/>
        <source>Weak</source>
        <translation>Débil</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock/strength.py" line="35"/>
        <source>Fair</source>
        <translation>Regular</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock/strength.py" line="35"/>
        <source>Strong</source>
        <translation>Fuerte</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock/strength.py" line="36"/>
        <source>Very strong</source>
        <translation>Muy fuerte</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock/strength.py" line="41"/>
        <source>Use at least %n characters.</source>
        <translation>Usa al menos %n caracteres.</translation>
    </message>
</context>
<context>
    <name>view</name>
    <message>
        <location filename="../../desktop/transcript/transcript_view.py" line="115"/>
        <source>Edit text</source>
        <translation>Editar texto</translation>
    </message>
</context>
</TS>
