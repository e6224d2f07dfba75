/** @module Spanish for the organization tab: name, slug, time zone and currency. */
export const templates = {
  'org.name': 'Nombre de la organización',
  'org.slug': 'Identificador (slug)',
  'org.slug.help': 'Letras minúsculas y dígitos unidos por guiones, p. ej. mi-empresa.',
  'org.timezone': 'Zona horaria',
  'org.timezone.help': 'Se usa para la programación.',
  'org.currency': 'Moneda',
  'org.currency.help': 'Moneda predeterminada de los negocios.',
  'org.saved': 'Configuración de la organización guardada.',
  'org.err.taken': 'Ya lo usa otra organización',
}
