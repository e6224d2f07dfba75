/** @module Spanish for the sidebar menu tab: the sections, the section form, show and hide, reset and the preview. */
import { str } from '@lit/localize'

export const templates = {
  'sidebar.list': 'Secciones del menú lateral',
  'sidebar.empty': 'Restablece el menú para recuperar las secciones predeterminadas.',
  'sidebar.create': 'Nueva sección',
  'sidebar.edit': str`Editar la sección ${0}`,
  'sidebar.confirm-delete': str`¿Eliminar la sección ${0}?`,
  'sidebar.saved': 'Sección guardada.',
  'sidebar.deleted': 'Sección eliminada.',
  'sidebar.label': 'Etiqueta',
  'sidebar.key': 'Clave',
  'sidebar.key.help': 'La sección que abre tu aplicación, p. ej. "reports". No se puede cambiar después.',
  'sidebar.icon': 'Icono',
  'sidebar.icon.help': 'Un nombre de icono del conjunto de iconos de tu aplicación, p. ej. "inbox".',
  'sidebar.visible': 'Visible en el menú lateral',
  'sidebar.shown': 'Visible',
  'sidebar.hidden': 'Oculta',
  'sidebar.hide': 'Ocultar',
  'sidebar.hide-row': str`Ocultar ${0}`,
  'sidebar.show': 'Mostrar',
  'sidebar.show-row': str`Mostrar ${0}`,
  'sidebar.reset': 'Restablecer valores predeterminados',
  'sidebar.reset-heading': '¿Restablecer el menú lateral?',
  'sidebar.reset-body':
    'Vuelven las secciones predeterminadas con sus etiquetas y su orden; las secciones que añadiste se eliminan.',
  'sidebar.reset-confirm': 'Restablecer',
  'sidebar.reset-done': 'Menú lateral restablecido.',
  'sidebar.preview': 'Vista previa',
}
