/**
 * Which tab the popup acts on: the active one, unless the popup is opened in a tab of its own
 * (tests, accessibility tools), where `popup.html?tab=ID` names it.
 */
export function targetTabId(): number | undefined {
  const tab = Number(new URLSearchParams(location.search).get('tab'));
  return Number.isInteger(tab) && tab > 0 ? tab : undefined;
}
