/** @module Spanish for the quick replies tab: the list and the shortcut form. */
import { str } from '@lit/localize'

export const templates = {
  'qr.list': 'Respuestas rápidas',
  'qr.empty': 'Añade respuestas rápidas que los agentes insertan escribiendo / y el atajo.',
  'qr.create': 'Nueva respuesta rápida',
  'qr.edit': str`Editar /${0}`,
  'qr.confirm-delete': str`¿Eliminar la respuesta rápida /${0}?`,
  'qr.saved': 'Respuesta rápida guardada.',
  'qr.deleted': 'Respuesta rápida eliminada.',
  'qr.search': 'Buscar respuestas rápidas',
  'qr.shortcut': 'Atajo',
  'qr.shortcut.help': 'Los agentes escriben / y este atajo para insertar la respuesta, p. ej. gracias.',
  'qr.content': 'Respuesta',
}
