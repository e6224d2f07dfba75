/** @module Spanish for the tags and labels tab: the list and the tag form. */
import { str } from '@lit/localize'

export const templates = {
  'tags.list': 'Etiquetas',
  'tags.empty': 'Añade etiquetas para clasificar conversaciones y contactos.',
  'tags.create': 'Nueva etiqueta',
  'tags.edit': str`Editar la etiqueta ${0}`,
  'tags.confirm-delete': str`¿Eliminar la etiqueta ${0}?`,
  'tags.saved': 'Etiqueta guardada.',
  'tags.deleted': 'Etiqueta eliminada.',
  'tags.name': 'Nombre',
  'tags.color': 'Color',
  'tags.scope': 'Se aplica a',
  'tags.scope.conversations': 'Conversaciones',
  'tags.scope.contacts': 'Contactos',
  'tags.scope.both': 'Conversaciones y contactos',
  'tags.description': 'Descripción',
}
