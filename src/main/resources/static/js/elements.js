// The element library page: one dialog for creating and editing; its form comes from the server and saves with htmx.
(function () {
  'use strict';

  const dialog = document.getElementById('element-dialog');
  if (!dialog) return;
  const body = document.getElementById('element-dialog-body');

  document.addEventListener('click', (event) => {
    const open = event.target.closest('[data-element-open]');
    if (open) {
      htmx.ajax('GET', open.dataset.url, { target: body, swap: 'innerHTML' })
        .then(() => { dialog.showModal(); body.querySelector('[name=handle]')?.focus(); });
    }
    if (event.target.closest('[data-element-close]')) dialog.close();
  });
  dialog.addEventListener('close', () => body.replaceChildren());
  document.body.addEventListener('element-saved', () => { if (dialog.open) dialog.close(); });

  // «n» opens a new element, as long as one is not typing somewhere.
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'n' || dialog.open || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.target.closest?.('input, textarea, select, [contenteditable]')) return;
    document.getElementById('new-element')?.click();
  });
})();
