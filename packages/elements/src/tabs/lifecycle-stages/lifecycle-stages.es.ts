/** @module Spanish for the lifecycle stages tab: the list, the stage form, the default and moving contacts out. */
import { str } from '@lit/localize'

export const templates = {
  'stages.list': 'Etapas del ciclo de vida',
  'stages.empty': 'Añade etapas para mostrar en qué punto está cada contacto camino de ser cliente.',
  'stages.create': 'Nueva etapa',
  'stages.edit': str`Editar la etapa ${0}`,
  'stages.confirm-delete': str`¿Eliminar la etapa ${0}?`,
  'stages.saved': 'Etapa guardada.',
  'stages.deleted': 'Etapa eliminada.',
  'stages.name': 'Nombre',
  'stages.default': 'Predeterminada',
  'stages.color': 'Color',
  'stages.color.help': 'Se muestra junto a la etapa en los contactos y en los informes.',
  'stages.is-default': 'Etapa predeterminada',
  'stages.is-default.help': 'Los contactos nuevos empiezan en esta etapa.',
  'stages.make-default': 'Hacer predeterminada',
  'stages.make-default-row': str`Hacer predeterminada: ${0}`,
  'stages.made-default': str`${0} es ahora la etapa predeterminada.`,
  'stages.move-heading': str`¿Mover los contactos de ${0}?`,
  'stages.move-body': str`Hay ${0} contactos en ${1}. Elige la etapa a la que pasan; después se elimina ${2}.`,
  'stages.move-confirm': 'Mover y eliminar',
  'stages.move-to': 'Moverlos a',
  'stages.moved': str`${0} eliminada; ${1} contactos pasaron a ${2}.`,
}
