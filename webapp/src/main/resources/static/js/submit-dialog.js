// Guide step 14: "Confirm" opens the "Submit" pop-up as a modal dialog. Without JavaScript the form posts and the
// server shows the same content as a page (/setup/submit), so the journey works either way.

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select, textarea, [tabindex]:not([tabindex="-1"])';

function readyToSubmit(form) {
  const ticked = form.querySelector('input[name="recordSelected"]');
  const answer = form.querySelector('select[name="confirmRecord"]');
  return ticked && ticked.checked && answer && answer.value === 'yes';
}

function trapFocus(dialog, event) {
  if (event.key !== 'Tab') {
    return;
  }
  const items = Array.from(dialog.querySelectorAll(FOCUSABLE)).filter((el) => el.offsetParent !== null);
  if (items.length === 0) {
    return;
  }
  const index = items.indexOf(document.activeElement);
  if (event.shiftKey && index <= 0) {
    event.preventDefault();
    items[items.length - 1].focus();
  } else if (!event.shiftKey && (index === -1 || index === items.length - 1)) {
    event.preventDefault();
    items[0].focus();
  }
}

export function initSubmitDialog(root) {
  const form = root.querySelector('form[data-submit-dialog]');
  if (!form) {
    return;
  }
  const dialog = root.getElementById(form.dataset.submitDialog);
  if (!dialog || typeof dialog.showModal !== 'function') {
    return; // No dialog support: the form posts and the fallback page appears.
  }
  let opener = null;
  form.addEventListener('submit', (event) => {
    if (!readyToSubmit(form)) {
      return; // Let the server say what is missing, in the error summary.
    }
    event.preventDefault();
    opener = event.submitter || document.activeElement;
    dialog.showModal();
    const title = dialog.querySelector('[data-dialog-title]');
    (title || dialog.querySelector(FOCUSABLE)).focus();
  });
  dialog.addEventListener('keydown', (event) => trapFocus(dialog, event));
  dialog.querySelectorAll('[data-dialog-close]').forEach((button) => {
    button.addEventListener('click', () => dialog.close());
  });
  dialog.addEventListener('close', () => {
    if (opener) {
      opener.focus();
    }
  });
}
