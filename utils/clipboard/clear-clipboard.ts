/**
 * Clears the clipboard if it still holds `code`, so a copied one-time code does not linger but
 * something the user copied since is left alone. Needs a document (the offscreen document in
 * Chrome, the background page in Firefox) and the clipboardRead/clipboardWrite permissions.
 * @returns whether it cleared the clipboard.
 */
export function clearClipboardIfHolds(doc: Document, code: string): boolean {
  const area = doc.createElement('textarea');
  doc.body.append(area);
  area.focus();
  doc.execCommand('paste');
  const held = area.value;
  area.remove();
  if (held !== code) return false;
  const empty = (event: ClipboardEvent) => {
    event.clipboardData?.setData('text/plain', '');
    event.preventDefault();
  };
  doc.addEventListener('copy', empty);
  doc.execCommand('copy');
  doc.removeEventListener('copy', empty);
  return true;
}
