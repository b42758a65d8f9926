// Loaded as a module from the layout (the content security policy allows no inline script).
import { initAll } from '../webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.js';
import { initSubmitDialog } from './submit-dialog.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();
initSubmitDialog(document);
