// The search box's look, inside its shadow root. Pages theme it with the --helpdex-* custom
// properties (they inherit into the shadow root) and ::part(). A constructed stylesheet needs
// no `style-src` exception under a Content-Security-Policy.

const CSS = `
:host {
  --_accent: var(--helpdex-accent, #2563eb);
  --_bg: var(--helpdex-background, #fff);
  --_fg: var(--helpdex-text, #111827);
  --_muted: var(--helpdex-muted, #4b5563);
  --_border: var(--helpdex-border, #d1d5db);
  --_active: var(--helpdex-active-background, color-mix(in srgb, var(--_accent) 10%, var(--_bg)));
  --_mark: var(--helpdex-mark-background, #fde68a);
  --_mark-fg: var(--helpdex-mark-text, inherit);
  --_error: var(--helpdex-error, #b91c1c);
  --_radius: var(--helpdex-radius, 8px);
  --_backdrop: var(--helpdex-backdrop, rgb(15 23 42 / 0.55));
  display: inline-block;
  font: var(--helpdex-font, inherit);
  color: var(--_fg);
}
@media (prefers-color-scheme: dark) {
  :host {
    --_bg: var(--helpdex-background, #111827);
    --_fg: var(--helpdex-text, #f3f4f6);
    --_muted: var(--helpdex-muted, #9ca3af);
    --_border: var(--helpdex-border, #374151);
    --_mark: var(--helpdex-mark-background, #854d0e);
    --_error: var(--helpdex-error, #fca5a5);
  }
}
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
button { font: inherit; color: inherit; }
kbd {
  display: inline-block; min-width: 1.5em; padding: 0.15em 0.4em; text-align: center;
  font: 0.75rem/1.2 ui-monospace, SFMono-Regular, Menlo, monospace; color: var(--_muted);
  border: 1px solid var(--_border); border-bottom-width: 2px; border-radius: 4px; background: var(--_bg);
}
.trigger {
  display: flex; align-items: center; gap: 0.5rem; width: 100%; min-width: 14rem;
  padding: 0.45rem 0.5rem 0.45rem 0.75rem; cursor: pointer; color: var(--_muted);
  background: var(--_bg); border: 1px solid var(--_border); border-radius: var(--_radius);
}
.trigger:hover { border-color: var(--_accent); }
.trigger:focus-visible, .esc:focus-visible, .clear:focus-visible { outline: 2px solid var(--_accent); outline-offset: 2px; }
.trigger .label { flex: 1; text-align: start; }
svg { flex: none; width: 1.15em; height: 1.15em; fill: none; stroke: currentColor; stroke-width: 2; stroke-linecap: round; }
dialog {
  width: min(44rem, calc(100vw - 2rem)); max-height: min(42rem, calc(100vh - 6rem)); margin: 8vh auto auto;
  padding: 0; border: 1px solid var(--_border); border-radius: calc(var(--_radius) * 1.5);
  background: var(--_bg); color: var(--_fg); box-shadow: 0 8px 24px rgb(0 0 0 / 0.3); overflow: hidden;
}
dialog[open] { display: flex; flex-direction: column; }
dialog::backdrop { background: var(--_backdrop); }
.bar { display: flex; align-items: center; gap: 0.75rem; padding: 0.9rem 1rem; border-bottom: 1px solid var(--_border); }
.bar svg { color: var(--_accent); width: 1.35em; height: 1.35em; }
input {
  flex: 1; min-width: 0; padding: 0; border: 0; outline: 0; background: transparent; color: inherit;
  font: inherit; font-size: 1.125rem;
}
input::placeholder { color: var(--_muted); opacity: 1; }
.esc { padding: 0; border: 0; background: none; cursor: pointer; }
.body { flex: 1; overflow-y: auto; overscroll-behavior: contain; padding: 0 0.5rem 0.5rem; }
.state { margin: 0; padding: 1.75rem 1rem; text-align: center; color: var(--_muted); }
.state:empty { display: none; }
.state.error { color: var(--_error); }
.state code { display: block; margin-top: 0.5rem; font-size: 0.8rem; overflow-wrap: anywhere; }
.state.recent { display: flex; justify-content: space-between; align-items: baseline; padding: 0.75rem 0.5rem 0.25rem; }
.clear { padding: 0; border: 0; background: none; color: var(--_accent); cursor: pointer; font-size: 0.8rem; }
.group-label, .state.recent span {
  font-size: 0.75rem; font-weight: 600; letter-spacing: 0.04em; text-transform: uppercase; color: var(--_accent);
}
.group-label { position: sticky; top: 0; z-index: 1; padding: 0.8rem 0.5rem 0.3rem; background: var(--_bg); }
.group-label:empty { display: none; }
[role="option"] {
  display: grid; gap: 0.2rem; margin: 2px 0; padding: 0.55rem 0.75rem; border-radius: var(--_radius);
  scroll-margin: 2.5rem 0 0.5rem; cursor: pointer; color: inherit; text-decoration: none;
}
[role="option"][aria-selected="true"] { background: var(--_active); box-shadow: inset 3px 0 0 var(--_accent); }
[role="option"].heading { padding-left: 2rem; position: relative; }
[role="option"].heading::before {
  content: ""; position: absolute; left: 1rem; top: 0; bottom: 0; border-left: 1px solid var(--_border);
}
.title { font-weight: 600; }
[aria-selected="true"] .title { color: var(--_accent); }
.heading .title { font-weight: 500; }
.where { font-size: 0.8rem; color: var(--_muted); }
.where::before { content: "# "; }
.excerpt {
  font-size: 0.875rem; line-height: 1.45; color: var(--_muted);
  display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; overflow: hidden;
}
mark { background: var(--_mark); color: var(--_mark-fg); border-radius: 2px; padding: 0 1px; }
.title mark { background: none; color: inherit; text-decoration: underline 2px var(--_accent); text-underline-offset: 3px; }
footer {
  display: flex; flex-wrap: wrap; gap: 0.4rem 1.25rem; padding: 0.6rem 1rem; font-size: 0.8rem;
  color: var(--_muted); border-top: 1px solid var(--_border);
}
footer span { display: inline-flex; align-items: center; gap: 0.3rem; }
.visually-hidden {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
@media (max-width: 640px) {
  dialog { width: 100vw; max-width: 100vw; height: 100dvh; max-height: 100dvh; margin: 0; border: 0; border-radius: 0; }
  footer { display: none; }
}
`;

let sheet;

/** Gives `root` the styles: one shared constructed sheet, or a <style> where that is missing. */
export function adoptStyles(root) {
  if ('adoptedStyleSheets' in root && 'replaceSync' in CSSStyleSheet.prototype) {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
    }
    root.adoptedStyleSheets = [sheet];
  } else {
    const style = document.createElement('style');
    style.textContent = CSS;
    root.append(style);
  }
}
