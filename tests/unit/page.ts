/** Loads fixture HTML into a happy-dom window at a given address, as a browser would. */
import { Window } from 'happy-dom';

/** A document parsed from `html` whose `location` is `url`. */
export function loadDocument(html: string, url: string): Document {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableCSSFileLoading: true,
      disableJavaScriptFileLoading: true,
    },
  });
  window.document.write(html);
  return window.document as unknown as Document;
}
