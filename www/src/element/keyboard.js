// Keys: the page-wide shortcuts that open search, and what ↑ ↓ ↵ do in the search field.

/** Whether a key pressed anywhere on the page opens search: Ctrl/⌘+K, or "/" outside a text field. */
export function opensSearch(event) {
  if (event.defaultPrevented || event.isComposing || event.altKey) return false;
  if (event.key === 'k' || event.key === 'K') return (event.ctrlKey || event.metaKey) && !event.shiftKey;
  return event.key === '/' && !event.ctrlKey && !event.metaKey && !editable(event.composedPath()[0]);
}

function editable(target) {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

/**
 * A key in the search field: +1 / -1 moves through the results, 0 opens the active one;
 * undefined leaves the key to the field (an IME composing Chinese keeps its ↑ ↓ ↵ too).
 * @returns {1 | -1 | 0 | undefined}
 */
export function listMove(event) {
  if (event.isComposing || event.altKey || event.ctrlKey || event.metaKey) return undefined;
  return /** @type {any} */ ({ ArrowDown: 1, ArrowUp: -1, Enter: 0 })[event.key];
}

/** How this platform writes the shortcut. */
export function shortcutLabel() {
  return /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘K' : 'Ctrl K';
}
