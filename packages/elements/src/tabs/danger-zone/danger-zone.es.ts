/** @module Spanish for the Danger Zone tab: the counts of the org's data, the phrase, the question and the result. */
import { str } from '@lit/localize'

export const templates = {
  'dz.contacts': 'Contactos',
  'dz.conversations': 'Conversaciones',
  'dz.messages': 'Mensajes',
  'dz.companies': 'Empresas',
  'dz.deals': 'Oportunidades',
  'dz.tasks': 'Tareas',
  'dz.automations': 'Automatizaciones',
  'dz.bot-flows': 'Flujos de bot',
  'dz.message-templates': 'Plantillas de mensajes',
  'dz.phrase': str`Escribe ${0} para confirmar`,
  'dz.owner-only': 'Solo un propietario puede eliminar todos los datos.',
  'dz.loading': 'Los recuentos aún se están cargando.',
  'dz.nothing': 'No hay datos que eliminar.',
  'dz.mismatch': str`El texto no coincide: escribe ${0} exactamente, en mayúsculas.`,
  'dz.type-phrase': str`Escribe ${0} arriba para activar el botón.`,
  'dz.confirm-heading': str`¿Eliminar todos los datos de ${0}?`,
  'dz.confirm-body': str`Las ${0} filas de la lista se eliminan de ${1} para siempre. La configuración, los miembros, las claves de API y los webhooks se conservan.`,
  'dz.confirm': str`Eliminar todos los datos de ${0}`,
  'dz.deleted': str`Se eliminaron todos los datos de ${0}.`,
  'dz.data': 'Datos',
  'dz.rows': 'Filas',
  'dz.done': str`Se eliminaron ${0} filas:`,
  'dz.heading': 'Eliminar todos los datos',
  'dz.intro':
    'Elimina los contactos de la organización, las conversaciones y sus mensajes, las empresas, las oportunidades, las tareas, las plantillas, las automatizaciones y los flujos de bot. La configuración, los miembros, las claves de API, los webhooks y el registro de actividad se conservan. No se puede deshacer.',
  'dz.list': 'Qué se eliminará',
  'dz.empty': 'Esta organización no tiene datos que eliminar.',
  'dz.readonly': str`Solo un propietario puede eliminar todos los datos. Has iniciado sesión como ${0}.`,
  'dz.submit': 'Eliminar todos los datos',
}
