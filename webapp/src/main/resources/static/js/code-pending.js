// The phone code page while the code is still on its way: asks the server every few seconds and reloads the page
// once the provider has answered (the page then says where the code went, or why it could not be sent). Stops after
// a few minutes; the "Check again" link does the same by hand.
const POLL_MS = 3000;
const MAX_POLLS = 100;

export function initCodePending(document) {
  const region = document.getElementById('code-pending');
  if (!region || !region.dataset.statusUrl) {
    return;
  }
  let polls = 0;
  const check = async () => {
    polls += 1;
    try {
      const response = await fetch(region.dataset.statusUrl, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      if (response.ok && (await response.json()).pending === false) {
        window.location.reload();
        return;
      }
    } catch (e) {
      // The service did not answer this time: ask again at the next tick.
    }
    if (polls < MAX_POLLS) {
      window.setTimeout(check, POLL_MS);
    }
  };
  window.setTimeout(check, POLL_MS);
}
