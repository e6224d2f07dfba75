/** @module Spanish for request failures, in plain words by error code (failure-text.ts). */
export const templates = {
  'error.signin': 'No se pudo iniciar tu sesión en la configuración.',
  'error.session': 'Tu sesión ha caducado. Recarga la página para continuar.',
  'error.forbidden': 'Tu rol no permite hacer esto.',
  'error.timeout': 'El servidor tarda demasiado en responder. Inténtalo de nuevo en un momento.',
  'error.server': 'Algo salió mal en el servidor. Inténtalo de nuevo más tarde.',
  'kit.offline': 'No se pudo conectar con el servidor. Comprueba tu conexión.',
}
