<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>BodyMapWidget</name>
    <message>
        <source>Leg and foot map</source>
        <translation>Dibujo de las piernas y los pies</translation>
    </message>
    <message>
        <source>Drawing of both legs and feet for marking where the symptoms are, used with the mouse only. Clicking an area marks it for the chosen symptom and clicking again clears it. The region lists in the form offer the same choices from the keyboard.</source>
        <translation>Dibujo de las dos piernas y los pies para marcar dónde están las molestias, solo con el ratón. Al hacer clic en una zona se marca, y al volver a hacer clic se quita. Las listas del formulario ofrecen lo mismo con el teclado.</translation>
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
        <source>Choose an answer first. If you are not sure, choose I don't know.</source>
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
        <source>Back to the patient's questions</source>
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
</TS>