/** @module Spanish for the teams tab: the list, the team form and a team's members. */
import { str } from '@lit/localize'

export const templates = {
  'teams.list': 'Equipos',
  'teams.empty': 'Crea equipos para que las conversaciones lleguen a quien deben.',
  'teams.create': 'Nuevo equipo',
  'teams.edit': str`Editar el equipo ${0}`,
  'teams.confirm-delete': str`¿Eliminar el equipo ${0}?`,
  'teams.delete-body':
    'Sus conversaciones quedan sin asignar y sus miembros salen de él. No se puede deshacer.',
  'teams.delete': 'Eliminar',
  'teams.saved': 'Equipo guardado.',
  'teams.deleted': 'Equipo eliminado.',
  'teams.name': 'Nombre',
  'teams.description': 'Descripción',
  'teams.allow-auto-assign': 'Asignar conversaciones automáticamente',
  'teams.allow-auto-assign.help':
    'Las conversaciones nuevas del equipo van por turnos a sus miembros disponibles.',
  'teams.members': 'Miembros',
  'teams.members-of': str`Miembros de ${0}`,
  'teams.back': 'Volver a los equipos',
  'teams.add': 'Añadir miembro',
  'teams.add-heading': str`Añadir un miembro a ${0}`,
  'teams.add-body': 'Recibirá las conversaciones dirigidas al equipo.',
  'teams.member': 'Miembro',
  'teams.added': str`${0} añadido.`,
  'teams.remove': 'Quitar',
  'teams.remove-row': str`Quitar a ${0}`,
  'teams.remove-heading': str`¿Quitar a ${0} de ${1}?`,
  'teams.remove-body': 'Deja de recibir las conversaciones del equipo; sigue en la organización.',
  'teams.removed': str`${0} quitado.`,
  'teams.admin': 'Admin',
  'teams.team-admin': 'Admin del equipo',
  'teams.team-admin-of': str`Admin del equipo: ${0}`,
  'teams.no-members': 'Este equipo aún no tiene miembros.',
}
