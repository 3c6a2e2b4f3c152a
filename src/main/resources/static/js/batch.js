// Choosing shots on the storyboard and running one model over them (a batch), with the price shown before it starts.
// Selection: the «select» button or a box's checkbox starts it; then a click toggles a box, Shift-click adds a range,
// Ctrl/Cmd-click toggles one even outside selection mode; Esc ends it.
(function () {
  'use strict';

  const main = document.querySelector('main.storyboard');
  const bar = document.getElementById('selection-bar');
  const dialog = document.getElementById('batch-dialog');
  if (!main || !bar || !dialog) return;
  const projectId = main.dataset.projectId;
  const count = bar.querySelector('[data-selection-count]');
  const open = bar.querySelector('[data-batch-open]');
  const selected = new Set();
  let anchor = null;
  let active = false;

  const boxes = () => [...document.querySelectorAll('#grid .box')];
  const inOrder = () => boxes().map((box) => box.dataset.shotId).filter((id) => selected.has(id));

  function render() {
    const present = new Set(boxes().map((box) => box.dataset.shotId));
    for (const id of [...selected]) if (!present.has(id)) selected.delete(id);
    for (const box of boxes()) {
      const on = selected.has(box.dataset.shotId);
      box.classList.toggle('selected', on);
      const check = box.querySelector('[data-select-box]');
      if (check) check.checked = on;
    }
    main.classList.toggle('selecting', active);
    bar.hidden = !active;
    count.textContent = bar.dataset.countText.replace('{0}', String(selected.size));
    open.disabled = selected.size === 0;
  }

  function start() { active = true; render(); }
  function stop() { active = false; selected.clear(); anchor = null; render(); }

  function toggle(id) {
    if (selected.has(id)) selected.delete(id); else selected.add(id);
    anchor = id;
  }

  function range(id) {
    const ids = boxes().map((box) => box.dataset.shotId);
    const from = ids.indexOf(anchor);
    const to = ids.indexOf(id);
    if (from < 0) { toggle(id); return; }
    for (let i = Math.min(from, to); i <= Math.max(from, to); i++) selected.add(ids[i]);
  }

  function selectWhere(keep) {
    selected.clear();
    boxes().filter(keep).forEach((box) => selected.add(box.dataset.shotId));
    start();
  }

  // Runs before the box's own link and buttons: in selection mode a click chooses instead of opening the shot.
  document.addEventListener('click', (event) => {
    const box = event.target.closest?.('#grid .box');
    if (!box || event.target.closest('.box-actions, .box-unread, .box-title-input')) return;
    const check = event.target.closest('[data-select-box]');
    const modifier = event.ctrlKey || event.metaKey || event.shiftKey;
    if (!check && !modifier && !active) return;
    if (!check) event.preventDefault();
    event.stopPropagation();
    const id = box.dataset.shotId;
    if (event.shiftKey && anchor) range(id); else toggle(id);
    start();
  }, true);

  document.addEventListener('keydown', (event) => {
    if (!active || dialog.open) return;
    if (event.key === 'Escape') { stop(); return; }
    const box = event.target.closest?.('.box');
    if (box && event.target === box && event.key === ' ') {
      event.preventDefault();
      toggle(box.dataset.shotId);
      render();
    }
  });

  document.querySelector('[data-select-mode]')?.addEventListener('click', () => (active ? stop() : start()));
  bar.addEventListener('click', (event) => {
    const choice = event.target.closest('[data-select]')?.dataset.select;
    if (choice === 'all') selectWhere(() => true);
    if (choice === 'no-headliner') selectWhere((box) => box.dataset.headliner === 'false');
    if (choice === 'none') { selected.clear(); render(); }
    if (choice === 'exit') stop();
  });

  open.addEventListener('click', () => {
    dialog.showModal();
    htmx.ajax('GET', `/projects/${projectId}/batches/new`, { target: '#batch-dialog-body', swap: 'innerHTML' });
  });
  dialog.addEventListener('click', (event) => {
    if (event.target.closest('[data-batch-close]')) dialog.close();
  });
  dialog.addEventListener('close', () => { document.getElementById('batch-dialog-body').replaceChildren(); });

  // Every request of the dialog names the chosen shots, in storyboard order.
  document.addEventListener('htmx:configRequest', (event) => {
    if (event.detail.elt.closest?.('#batch-dialog')) event.detail.parameters.shotIds = inOrder();
  });

  document.body.addEventListener('batch-started', () => {
    dialog.close();
    stop();
    Kadr.toast(bar.dataset.started);
  });

  // The batches' progress follows the generations' live events; a burst of them asks for the strip once.
  let pending = null;
  function refreshStrip() {
    pending = null;
    htmx.ajax('GET', `/projects/${projectId}/batches/strip`, { target: '#batches', swap: 'outerHTML' });
  }
  Kadr.live(projectId, {
    generation: () => { pending ||= setTimeout(refreshStrip, 300); },
  });

  // Boxes re-rendered by the grid's own updates keep their selection.
  document.addEventListener('htmx:afterSettle', render);
  render();
})();
