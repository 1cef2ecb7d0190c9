import { clearEverything } from '../feedback/persistence.ts';

/**
 * Leaves nothing of the last person on a shared device: storage is cleared and the page reloads at the start
 * (a reload is the surest way to clear the DOM and memory too).
 */
export function resetDevice(): void {
  clearEverything();
  const url = new URL(window.location.href);
  url.searchParams.delete('step');
  url.searchParams.delete('from');
  window.location.replace(`/${url.search}`);
}
