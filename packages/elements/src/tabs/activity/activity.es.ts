/** @module Spanish for the activity tab: the audit log, its filters, each entry's changes and the CSV export. */
import { str } from '@lit/localize'

export const templates = {
  'activity.list': 'Actividad',
  'activity.empty': 'Aún no ha cambiado nada, o nada coincide con estos filtros.',
  'activity.api-key': str`Clave de API ${0}`,
  'activity.when': 'Cuándo',
  'activity.who': 'Quién',
  'activity.what': 'Qué',
  'activity.changes': 'Cambios',
  'activity.insert': 'Creó',
  'activity.update': 'Cambió',
  'activity.delete': 'Eliminó',
  'activity.reveal': 'Mostró un secreto',
  'activity.private': 'Privado del miembro al que pertenece la fila',
  'activity.fields': str`${0} campos`,
  'activity.all': 'Todos',
  'activity.resource': 'Recurso',
  'activity.from': 'Desde',
  'activity.to': 'Hasta',
  'activity.export': 'Descargar CSV',
}
