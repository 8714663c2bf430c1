// The DOM of <helpdex-search>: the button that opens it and the modal dialog with the search
// field (a WAI-ARIA combobox), the state line, the results listbox and the keyboard hints. Made
// and labelled here; search-box.js wires it.
import { el, svg } from '../render.js';
import { Announcer } from './announcer.js';
import { shortcutLabel } from './keyboard.js';

/**
 * The shadow DOM's parts, made once by `buildDialog`.
 * @typedef {{ trigger: HTMLButtonElement, dialog: HTMLDialogElement, input: HTMLInputElement,
 *   esc: HTMLButtonElement, state: HTMLDivElement, list: HTMLDivElement, footer: HTMLElement,
 *   announcer: Announcer }} Parts
 */

/**
 * Makes the parts in `root`, unlabelled (see `labelDialog`).
 * @param {ShadowRoot} root
 * @returns {Parts}
 */
export function buildDialog(root) {
  const trigger = el('button', { type: 'button', part: 'button', class: 'trigger', 'aria-haspopup': 'dialog' });
  const input = el('input', {
    type: 'text',
    part: 'input',
    role: 'combobox',
    'aria-expanded': 'false',
    'aria-controls': 'listbox',
    'aria-autocomplete': 'list',
    autocomplete: 'off',
    autocapitalize: 'off',
    spellcheck: 'false',
    enterkeyhint: 'go',
  });
  const esc = el('button', { type: 'button', class: 'esc' });
  const state = el('div', { class: 'state', part: 'state' });
  const list = el('div', { role: 'listbox', id: 'listbox', part: 'results' });
  // Keyboard hints, not the page's contentinfo landmark.
  const footer = el('footer', { role: 'none' });
  const dialog = el('dialog', { part: 'dialog' }, el('div', { class: 'bar' }, icon(), input, esc), el('div', { class: 'body' }, state, list), footer);
  const announcer = new Announcer(dialog);
  root.append(trigger, dialog);
  return { trigger, dialog, input, esc, state, list, footer, announcer };
}

/**
 * Sets every word of the parts in the strings `t` (the page's language may change while the
 * page lives).
 * @param {Parts} parts
 * @param {ReturnType<typeof import('../i18n.js').strings>} t
 * @param {{ shortcuts: boolean, placeholder: string | null }} options
 */
export function labelDialog({ trigger, dialog, input, list, footer, esc }, t, { shortcuts, placeholder }) {
  // Buttons are named by what they show ("Search Ctrl K", "Esc" + a hidden "Close search"),
  // so speech input can say what it sees.
  trigger.replaceChildren(icon(), el('span', { class: 'label' }, t.button), el('kbd', {}, shortcutLabel()));
  if (shortcuts) trigger.setAttribute('aria-keyshortcuts', 'Control+K Meta+K /');
  else trigger.removeAttribute('aria-keyshortcuts');
  dialog.setAttribute('aria-label', t.label);
  input.setAttribute('aria-label', t.label);
  input.placeholder = placeholder || t.placeholder;
  list.setAttribute('aria-label', t.results);
  const hint = (keys, text) => el('span', {}, ...keys.map((k) => el('kbd', {}, k)), text);
  footer.replaceChildren(hint(['↑', '↓'], t.navigate), hint(['↵'], t.select), hint(['Esc'], t.close));
  esc.replaceChildren(el('kbd', {}, 'Esc'), el('span', { class: 'visually-hidden' }, ` ${t.closeButton}`));
}

function icon() {
  return svg('svg', { viewBox: '0 0 24 24', 'aria-hidden': 'true' }, svg('circle', { cx: '11', cy: '11', r: '7' }), svg('path', { d: 'M20 20l-4-4' }));
}
