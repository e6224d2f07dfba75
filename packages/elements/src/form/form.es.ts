/** @module Spanish for the form controls' built-in texts (cg-select, cg-secret-field, cg-color-field…). */
import { str } from '@lit/localize'

export const templates = {
  'form.no-matches': 'Sin resultados',
  'form.choose-option': 'Elige una de las opciones',
  'form.dismiss': 'Cerrar',
  'form.reveal': 'Mostrar',
  'form.hide': 'Ocultar',
  'form.copy': 'Copiar',
  'form.copied': 'Copiado',
  'form.selected': 'Seleccionado: pulsa Ctrl+C (⌘C) para copiar',
  'form.pick-color': str`Elegir un color para ${0}`,
  'form.chars-left': str`Caracteres restantes: ${0}`,
  'form.limit-reached': str`Se alcanzó el límite de ${0} caracteres`,
  'form.paste-cut': str`El texto pegado se recortó al límite de ${0} caracteres.`,
}
