// The gallery: grid or list (remembered), the copy-or-move dialog. Filters, scrolling and stars are htmx.
(function () {
  'use strict';

  const VIEW_KEY = 'kadr.gallery.view';

  function showView(view) {
    const results = document.getElementById('results');
    if (!results) return;
    results.classList.toggle('as-list', view === 'list');
    document.querySelectorAll('[data-view]').forEach((button) => {
      button.setAttribute('aria-pressed', String(button.dataset.view === view));
    });
  }

  document.addEventListener('DOMContentLoaded', () => {
    showView(localStorage.getItem(VIEW_KEY) || 'grid');
    document.querySelectorAll('[data-view]').forEach((button) => {
      button.addEventListener('click', () => {
        localStorage.setItem(VIEW_KEY, button.dataset.view);
        showView(button.dataset.view);
      });
    });

    // The search reloads as one types; its own «change» (when it loses focus, e.g. to a click on a star) must not
    // reach the form and reload the results again: that reload would race the star's answer and draw it stale.
    document.querySelector('#gallery-filters input[name=q]')
      ?.addEventListener('change', (event) => event.stopPropagation());

    // «/» jumps to the search, as on most sites with one; not while typing somewhere.
    document.addEventListener('keydown', (event) => {
      if (event.key !== '/' || event.target.closest('input, select, textarea, [contenteditable]')) return;
      event.preventDefault();
      document.querySelector('#gallery-filters input[name=q]')?.focus();
    });

    const dialog = document.getElementById('transfer-dialog');
    let moved = false;
    // The dialog opens once htmx has settled its content, so its project list already answers a change.
    document.addEventListener('htmx:afterSettle', (event) => {
      if (event.detail.target === dialog && !dialog.open) {
        moved = false;
        dialog.showModal();
        dialog.querySelector('select[name=shotId]')?.focus();
      }
    });
    document.addEventListener('htmx:afterSwap', (event) => {
      // New results (a new filter or a reload) come without the list class: keep the chosen view.
      if (event.detail.target.id === 'results' || event.target.id === 'results') {
        showView(localStorage.getItem(VIEW_KEY) || 'grid');
      }
    });
    document.addEventListener('htmx:beforeRequest', (event) => {
      const submitter = event.detail.requestConfig?.triggeringEvent?.submitter;
      if (dialog.contains(event.target) && submitter?.value === 'move') moved = true;
    });
    dialog.addEventListener('click', (event) => {
      if (event.target.closest('[data-close]')) dialog.close();
    });
    // A moved take now sits elsewhere: redraw the results with the same filters.
    dialog.addEventListener('close', () => {
      if (moved) htmx.trigger('#gallery-filters', 'submit');
      moved = false;
    });
  });
})();
