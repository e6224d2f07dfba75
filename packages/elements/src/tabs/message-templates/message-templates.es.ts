/** @module Spanish for the message templates tab: the list, the form, the variable picker and the preview. */
import { str } from '@lit/localize'

export const templates = {
  'mt.list': 'Plantillas de mensajes',
  'mt.empty':
    'Guarda los mensajes que tu equipo envía a menudo, con variables que se rellenan para cada contacto.',
  'mt.create': 'Nueva plantilla',
  'mt.edit': str`Editar la plantilla ${0}`,
  'mt.confirm-delete': str`¿Eliminar la plantilla ${0}?`,
  'mt.saved': 'Plantilla guardada.',
  'mt.deleted': 'Plantilla eliminada.',
  'mt.search': 'Buscar plantillas',
  'mt.name': 'Nombre',
  'mt.category': 'Categoría',
  'mt.category.general': 'General',
  'mt.category.greeting': 'Saludo',
  'mt.category.follow_up': 'Seguimiento',
  'mt.category.support': 'Soporte',
  'mt.category.sales': 'Ventas',
  'mt.body': 'Mensaje',
  'mt.body.help':
    'Inserta una variable entre llaves dobles, p. ej. {{contact.first_name}}; se rellena al enviar el mensaje.',
  'mt.unknown-variable': str`Variable desconocida {{${0}}}. Inserta una de la lista de abajo.`,
  'mt.preview': 'Vista previa',
  'mt.insert': 'Insertar una variable:',
  'mt.preview-as': 'como',
  'mt.sample': str`un contacto de ejemplo (${0})`,
  'mt.nothing': 'Escribe un mensaje para verlo aquí.',
  'mt.unknown': str`No están en el catálogo, así que nunca se rellenan: ${0}`,
  'mt.blank': str`Sin valor, así que se envían tal cual: ${0}`,
}
