/** @module Spanish for the chat and contacts tab: message density, Enter to send, names and sorting. */
export const templates = {
  'chat.saved': 'Preferencias de chat guardadas.',
  'chat.density': 'Densidad de los mensajes',
  'chat.density.comfortable': 'Cómoda',
  'chat.density.compact': 'Compacta',
  'chat.enter': 'Enviar con Intro',
  'chat.enter.help': 'Mayús+Intro añade una línea. Si está desactivado, envía Ctrl+Intro (⌘+Intro).',
  'chat.avatars': 'Mostrar avatares',
  'chat.name': 'Formato del nombre de contacto',
  'chat.name.first_last': 'Nombre Apellido',
  'chat.name.last_first': 'Apellido, Nombre',
  'chat.sort': 'Ordenar contactos por',
  'chat.sort.last_activity': 'Última actividad',
  'chat.sort.name': 'Nombre',
  'chat.sort.created_at': 'Fecha de creación',
}
