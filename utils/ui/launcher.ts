/**
 * The launcher: a small button at the page's right edge that opens the panel. Plain DOM, no
 * framework, because it ships in the script that runs on every page.
 */
import type { LauncherWords } from '../i18n/launcher-words';
import type { VerdictKind } from '../recognition/verdict';
import { createShadowHost } from './shadow-host';

/** The launcher's host element name. */
export const LAUNCHER_TAG = 'backstory-launcher';

const CSS = `
:host {
  position: fixed !important; right: 0 !important; bottom: 96px !important;
  z-index: 2147483646 !important; display: block !important;
}
button {
  all: initial; box-sizing: border-box; cursor: pointer; display: flex; align-items: center;
  gap: 6px; padding: 8px 12px 8px 10px; border-radius: 10px 0 0 10px;
  font: 600 14px/1.2 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #fff; background: #1d4e89; box-shadow: 0 2px 10px rgb(0 0 0 / 0.25);
}
button:hover { background: #163c6b; }
/* Two rings, white inside and near-black outside: one of them stands out on any page. */
button:focus-visible {
  outline: 3px solid #0b1a2b; outline-offset: 3px; box-shadow: 0 0 0 3px #fff, 0 2px 10px rgb(0 0 0 / 0.25);
}
[data-text]::before { content: attr(data-text); }
.mark {
  display: inline-grid; place-items: center; width: 20px; height: 20px; border-radius: 50%;
  background: #fff; color: #1d4e89; font-weight: 800; font-size: 13px;
}
@media (prefers-color-scheme: dark) {
  button { background: #8fb8ea; color: #0b1a2b; }
  button:hover { background: #a9c9f0; }
  .mark { background: #0b1a2b; color: #8fb8ea; }
}
@media print { :host { display: none !important; } }
`;

/** A mounted launcher. */
export interface Launcher {
  button: HTMLButtonElement;
  destroy(): void;
}

/**
 * Mounts the launcher for a verdict, saying `words` (`launcher-words.ts`); `onOpen` runs when the
 * reader (not a page script) presses it.
 */
export function mountLauncher(
  doc: Document,
  kind: VerdictKind,
  words: LauncherWords,
  onOpen: () => void,
): Launcher {
  const shadow = createShadowHost(doc, LAUNCHER_TAG, CSS);
  const button = doc.createElement('button');
  button.type = 'button';
  const label = kind === 'related' ? words.related : words.article;
  button.setAttribute('aria-label', label);
  button.title = label;
  // The words are generated content (`data-text`), not text nodes: a page's text search
  // (`window.find`) finds rendered text even in a closed shadow root.
  const mark = doc.createElement('span');
  mark.className = 'mark';
  mark.setAttribute('aria-hidden', 'true');
  mark.dataset.text = 'B';
  const text = doc.createElement('span');
  text.setAttribute('aria-hidden', 'true');
  text.dataset.text = words.text;
  button.append(mark, text);
  button.addEventListener('click', (event) => {
    // Only the reader opens the panel: a page script cannot reach the button in its closed shadow
    // root, and what it dispatches on the host is untrusted; a real click or key is not.
    if (event.isTrusted) onOpen();
  });
  shadow.root.append(button);
  return { button, destroy: shadow.destroy };
}
