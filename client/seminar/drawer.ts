/** Opens the side panels' drawer where they are one (a phone); elsewhere they are on screen already. */
export function openDrawer(doc: Document = document): void {
  const toggle = doc.getElementById('toggle-panels');
  if (toggle && toggle.offsetParent !== null && toggle.getAttribute('aria-expanded') !== 'true') toggle.click();
}
