/** @module Spanish for the notifications tab: this device, the test send, preferences and my devices. */
import { str } from '@lit/localize'

export const templates = {
  'notif.this-device': 'Este dispositivo',
  'notif.permission': 'Permiso',
  'notif.permission.default': 'Aún no se ha pedido',
  'notif.permission.granted': 'Permitidas',
  'notif.permission.denied': 'Bloqueadas',
  'notif.worker': 'Service worker',
  'notif.registered': 'Registrado',
  'notif.unregistered': 'Sin registrar',
  'notif.here': 'Notificaciones aquí',
  'notif.checking': 'Comprobando…',
  'notif.on': 'Activadas',
  'notif.off': 'Desactivadas',
  'notif.enable': 'Activar notificaciones',
  'notif.disable': 'Desactivar en este dispositivo',
  'notif.on-here': 'Las notificaciones están activadas en este dispositivo.',
  'notif.off-here': 'Las notificaciones están desactivadas en este dispositivo.',
  'notif.dismissed':
    'Cerraste la pregunta sin elegir. Selecciona Activar notificaciones para que se te vuelva a preguntar.',
  'notif.blocked':
    'Las notificaciones están bloqueadas para este sitio. Para permitirlas, abre la configuración del sitio desde el icono del candado o de ajustes en la barra de direcciones, pon Notificaciones en Permitir y recarga esta página.',
  'notif.unsupported':
    'Este navegador no puede mostrar notificaciones aquí: las ventanas privadas y los navegadores antiguos no tienen Web Push. Usa una ventana normal de una versión reciente de Chrome, Edge, Firefox o Safari.',
  'notif.unavailable':
    'Esta ventana rechaza las notificaciones push, como hacen las ventanas privadas y los navegadores con el push desactivado. Abre esta página en una ventana normal o activa el push en la configuración del navegador.',
  'notif.ios':
    'En iPhone y iPad (iOS y iPadOS 16.4 o posterior), las notificaciones solo funcionan desde la pantalla de inicio:',
  'notif.ios-share': 'En Safari, toca Compartir.',
  'notif.ios-add': 'Elige Añadir a pantalla de inicio.',
  'notif.ios-open': 'Abre la app desde su nuevo icono y activa allí las notificaciones.',
  'notif.browser-failed':
    'Este navegador no pudo hacerlo. Recarga la página e inténtalo de nuevo; si sigue fallando, avisa a tu administrador.',
  'notif.timeout': str`Este navegador no pudo contactar con su servicio push en ${0} segundos. Comprueba tu conexión o prueba con otro navegador.`,
  'notif.push-failed':
    'El servicio push de este navegador rechazó la suscripción. Inténtalo de nuevo o prueba con otro navegador.',
  'notif.test': 'Enviar notificación de prueba',
  'notif.test.results': 'Resultados de la prueba',
  'notif.test.summary': str`Prueba enviada: ${0} entregadas, ${1} eliminadas, ${2} con error.`,
  'notif.test.none': 'Ninguno de tus dispositivos tiene las notificaciones activadas todavía.',
  'notif.test.delivered': 'Entregada',
  'notif.test.removed': 'Eliminado: su servicio push indica que esta suscripción ya no existe',
  'notif.test.failed': str`Error: ${0}`,
  'notif.unnamed': 'Dispositivo sin nombre',
  'notif.preferences': 'Preferencias',
  'notif.saved': 'Preferencias de notificaciones guardadas.',
  'notif.enabled': 'Enviarme notificaciones',
  'notif.enabled-help': 'Si está desactivado, ninguno de tus dispositivos recibe notificaciones.',
  'notif.new-message': 'Mensajes nuevos en mis conversaciones',
  'notif.assigned': 'Conversaciones asignadas a mí',
  'notif.all-new': 'Todas las conversaciones nuevas',
  'notif.auto': 'Suscribir automáticamente',
  'notif.auto-help':
    'Suscribe este navegador automáticamente al iniciar sesión, si las notificaciones ya están permitidas.',
  'notif.devices': 'Mis dispositivos',
  'notif.device': 'Dispositivo',
  'notif.added': 'Añadido',
  'notif.empty': 'Activa las notificaciones en un dispositivo para verlo aquí.',
  'notif.remove': 'Quitar',
  'notif.remove-row': str`Quitar ${0}`,
  'notif.remove-confirm': str`¿Quitar ${0}?`,
  'notif.remove-body': 'No recibirá más notificaciones hasta que se vuelvan a activar en él.',
  'notif.removed': str`Se quitó ${0}.`,
}
