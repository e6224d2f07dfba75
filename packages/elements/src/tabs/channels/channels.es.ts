/** @module Spanish for the channels tab: the types, each type's fields and console steps, tests and the inbound token. */
import { str } from '@lit/localize'

export const templates = {
  'ch.list': 'Canales',
  'ch.empty':
    'Conecta WhatsApp, Messenger, Instagram, Telegram, SMS, tu web o la API para recibir mensajes aquí.',
  'ch.create': 'Conectar canal',
  'ch.edit': str`Editar ${0}`,
  'ch.confirm-delete': str`¿Eliminar ${0}?`,
  'ch.confirm-delete-body': 'Su URL de entrada deja de responder; sus conversaciones se conservan.',
  'ch.delete': 'Eliminar canal',
  'ch.saved-toast': 'Canal guardado.',
  'ch.deleted': 'Canal eliminado.',
  'ch.status': 'Estado',
  'ch.disabled': 'Desactivado',
  'ch.check-failed': 'La prueba falló',
  'ch.enabled-badge': 'Activado',
  'ch.connection': 'Conexión',
  'ch.inbound-url': 'URL de entrada',
  'ch.verify-token': 'Token de verificación',
  'ch.test-row': str`Probar la conexión de ${0}`,
  'ch.disable': 'Desactivar',
  'ch.disable-row': str`Desactivar ${0}`,
  'ch.confirm-disable': str`¿Desactivar ${0}?`,
  'ch.confirm-disable-body':
    'Su URL de entrada responde 404, así que no llega nada por ella, hasta que la vuelvas a activar.',
  'ch.enable': 'Activar',
  'ch.enable-row': str`Activar ${0}`,
  'ch.token-heading': 'Copia el token de entrada',
  'ch.token': 'Token de entrada',
  'ch.type': 'Tipo',
  'ch.type.help': 'Lo que conecta el canal. No se puede cambiar después.',
  'ch.type.website': 'Chat web',
  'ch.type.email': 'Correo electrónico',
  'ch.type.whatsapp': 'API de WhatsApp Cloud',
  'ch.type.messenger': 'Facebook Messenger',
  'ch.type.instagram': 'Instagram',
  'ch.type.telegram': 'Telegram',
  'ch.type.sms': 'SMS (Twilio)',
  'ch.type.api': 'API',
  'ch.steps.whatsapp':
    'En el panel de apps → WhatsApp → Configuración → Webhook, pega la URL de entrada como URL de devolución de llamada y el token de verificación, verifica y suscríbete a messages.',
  'ch.steps.meta':
    'En el panel de apps → Messenger (o Instagram) → Webhooks, pega la URL de entrada como URL de devolución de llamada y el token de verificación, verifica y suscribe la página a messages.',
  'ch.steps.telegram':
    'Apunta el webhook del bot a la URL de entrada: https://api.telegram.org/bot<token>/setWebhook?url=<URL de entrada>.',
  'ch.steps.sms':
    'En la consola de Twilio → Phone Numbers → tu número → Messaging, pon "A message comes in" en Webhook con la URL de entrada, HTTP POST.',
  'ch.steps.api':
    'Envía por POST {"contact": {…}, "content": "…"} a la URL de entrada con Authorization: Bearer y el token de entrada que se mostró al crear el canal.',
  'ch.steps.none':
    'Los mensajes llegan a este canal a través de ConnectGain: no hay nada que pegar en ningún sitio.',
  'ch.name': 'Nombre',
  'ch.name.help': 'Cómo etiqueta la bandeja las conversaciones de este canal, p. ej. "WhatsApp de soporte".',
  'ch.phone_number_id': 'ID del número de teléfono',
  'ch.phone_number_id.help':
    'Panel de apps → WhatsApp → Configuración de la API → Identificador del número de teléfono (no el número).',
  'ch.waba_id': 'ID de la cuenta de WhatsApp Business',
  'ch.waba_id.help':
    'Panel de apps → WhatsApp → Configuración de la API → Identificador de la cuenta de WhatsApp Business.',
  'ch.page_id': 'ID de la página',
  'ch.page_id.help':
    'Tu página de Facebook → Información → Transparencia de la página → ID; para Instagram, la página vinculada a su cuenta.',
  'ch.access_token': 'Token de acceso',
  'ch.access_token.help':
    'Configuración del negocio → Usuarios del sistema → Generar nuevo token, con whatsapp_business_messaging y whatsapp_business_management.',
  'ch.page_access_token': 'Token de acceso de la página',
  'ch.page_access_token.help':
    'Panel de apps → Messenger (o Instagram) → Configuración de la API → Generar token, con pages_messaging (instagram_manage_messages).',
  'ch.app_secret': 'Clave secreta de la app',
  'ch.app_secret.help':
    'Panel de apps → Configuración → Básica → Clave secreta: demuestra que cada entrega viene de Meta.',
  'ch.bot_token': 'Token del bot',
  'ch.bot_token.help': 'De @BotFather: /newbot, o /mybots → tu bot → API Token.',
  'ch.account_sid': 'Account SID',
  'ch.account_sid.help':
    'Consola de Twilio → Account Dashboard → Account Info → Account SID (empieza por AC).',
  'ch.auth_token': 'Auth token',
  'ch.auth_token.help': 'Consola de Twilio → Account Dashboard → Account Info → Auth Token (Show).',
  'ch.from_number': 'Número de teléfono',
  'ch.from_number.help':
    'Un número de Twilio que envía SMS, con su prefijo de país (Phone Numbers → Active numbers).',
  'ch.domain': 'Dominio del sitio web',
  'ch.domain.help': 'Donde se inserta el widget de chat, p. ej. www.example.com.',
  'ch.welcome_message': 'Mensaje de bienvenida',
  'ch.welcome_message.help': 'Lo que dice el widget de chat cuando un visitante lo abre.',
  'ch.email_box_id': 'Buzón de correo',
  'ch.email_box_id.help':
    'El buzón conectado (Configuración → Buzones de correo) cuyos mensajes se convierten en conversaciones.',
}
