// Loaded as a module from the layout (the content security policy allows no inline script).
import { initAll } from '../webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.js';
import { initSubmitDialog } from './submit-dialog.js';
import { initCodePending } from './code-pending.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();
initSubmitDialog(document);
initCodePending(document);

// Back after "Sign out" must not show a signed-in page again from the browser's memory. A page with the Sign out
// button that comes back from the back/forward cache (or from the HTTP cache) is fetched again instead, so the
// server decides what to show: after signing out, the sign-in page. replace() asks with GET, never a form resend.
window.addEventListener('pageshow', (event) => {
  if (!document.getElementById('sign-out')) {
    return;
  }
  const navigation = performance.getEntriesByType('navigation')[0];
  const fromCache = navigation && navigation.type === 'back_forward' && navigation.transferSize === 0;
  if (event.persisted || fromCache) {
    window.location.replace(window.location.href);
  }
});
