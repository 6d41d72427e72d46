/**
 * Empties the clipboard without reading it: Tessera no longer asks for `clipboardRead` (issue 15).
 * Whether the clipboard still holds Tessera's code is judged by time instead (clipboard-guard.ts):
 * only Tessera's latest copy, and only when the alarm comes on time. Needs a document (the
 * offscreen document in Chrome, the background page in Firefox) and `clipboardWrite`.
 * @returns whether the browser ran the copy that empties it.
 */
export function clearClipboard(doc: Document): boolean {
  const empty = (event: ClipboardEvent) => {
    event.clipboardData?.setData('text/plain', '');
    event.preventDefault();
  };
  doc.addEventListener('copy', empty);
  try {
    return doc.execCommand('copy');
  } finally {
    doc.removeEventListener('copy', empty);
  }
}
