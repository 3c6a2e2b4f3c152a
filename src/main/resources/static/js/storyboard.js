// The storyboard grid: drag-and-drop and keyboard reordering, file drops onto boxes, hover clips, live updates,
// renaming in place, the status filter and actions on chosen shots.
(function () {
  'use strict';

  const main = document.querySelector('main.storyboard');
  if (!main) return;
  const projectId = main.dataset.projectId;
  const texts = document.getElementById('storyboard-texts').dataset;
  let sortable = null;

  const grid = () => document.getElementById('grid');

  const clock = (ms) => {
    const s = Math.floor(ms / 1000);
    const two = (n) => String(n).padStart(2, '0');
    return s >= 3600 ? `${Math.floor(s / 3600)}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}` : `${Math.floor(s / 60)}:${two(s % 60)}`;
  };

  // Numbers and start times follow the order on screen at once; the server agrees after the save.
  function renumber() {
    let at = 0;
    grid().querySelectorAll('.box').forEach((box, index) => {
      box.querySelector('.box-number').textContent = String(index + 1);
      const start = box.querySelector('.box-start');
      if (start) start.textContent = clock(at);
      at += Number(box.dataset.durationMs || 0);
    });
    const runtime = document.getElementById('runtime');
    if (runtime) runtime.textContent = clock(at);
  }

  async function saveOrder() {
    const ids = [...grid().querySelectorAll('.box')].map((box) => box.dataset.shotId);
    try {
      const result = await Kadr.api('PUT', `/api/v1/projects/${projectId}/shots/order`,
        { shotIds: ids, version: Number(grid().dataset.version) });
      grid().dataset.version = String(result.version);
    } catch (error) {
      Kadr.toast(error.status === 409 ? texts.stale : `${texts.failed} ${error.message}`, 'error');
      await reloadGrid();
    }
  }

  function reloadGrid() {
    return htmx.ajax('GET', `/projects/${projectId}/grid`, { target: '#grid', swap: 'outerHTML' });
  }

  function move(box, step) {
    const sibling = step < 0 ? box.previousElementSibling : box.nextElementSibling;
    if (!sibling) return;
    if (step < 0) sibling.before(box); else sibling.after(box);
    renumber();
    box.focus();
    saveOrder();
  }

  function setUpGrid() {
    renumber();
    sortable?.destroy();
    sortable = Sortable.create(grid(), {
      animation: 150,
      draggable: '.box',
      filter: 'button, input, .box-actions',
      preventOnFilter: false,
      onEnd: (event) => { if (event.oldIndex !== event.newIndex) { renumber(); saveOrder(); } },
    });
  }

  // One delegated handler for every box's buttons keeps the grid's markup small.
  document.addEventListener('click', (event) => {
    const mover = event.target.closest('[data-move]');
    if (mover) { move(mover.closest('.box'), Number(mover.dataset.move)); return; }
    const button = event.target.closest('.box [data-action]');
    if (!button) return;
    const action = button.dataset.action;
    if (action === 'trash' && !window.confirm(grid().dataset.trashConfirm)) return;
    const shotId = button.closest('.box').dataset.shotId;
    htmx.ajax('POST', `/shots/${shotId}/${action}`, { target: '#grid', swap: 'outerHTML' });
  });

  document.addEventListener('keydown', (event) => {
    const box = event.target.closest?.('.box');
    if (!box || event.target !== box) return;
    if (event.altKey && (event.key === 'ArrowLeft' || event.key === 'ArrowUp')) { event.preventDefault(); move(box, -1); }
    if (event.altKey && (event.key === 'ArrowRight' || event.key === 'ArrowDown')) { event.preventDefault(); move(box, 1); }
    if (event.key === 'Enter') box.querySelector('.box-media').click();
  });

  // Hover clips load only when wanted: nothing is fetched for a box the mouse never touches.
  document.addEventListener('mouseover', (event) => {
    const media = event.target.closest?.('.box-media.has-hover');
    const clip = media?.querySelector('video.hover-clip');
    if (!clip) return;
    if (!clip.src) clip.src = clip.dataset.src;
    media.classList.add('playing');
    clip.play().catch(() => media.classList.remove('playing'));
  });
  document.addEventListener('mouseout', (event) => {
    const media = event.target.closest?.('.box-media.has-hover');
    if (!media || media.contains(event.relatedTarget)) return;
    const clip = media.querySelector('video.hover-clip');
    clip?.pause();
    media.classList.remove('playing');
  });

  // Files dropped on a box go into that shot.
  document.addEventListener('dragover', (event) => {
    const box = event.target.closest?.('.box');
    if (box && event.dataTransfer?.types.includes('Files')) { event.preventDefault(); box.classList.add('drop'); }
  });
  document.addEventListener('dragleave', (event) => event.target.closest?.('.box')?.classList.remove('drop'));
  document.addEventListener('drop', async (event) => {
    const box = event.target.closest?.('.box');
    if (!box || !event.dataTransfer?.files.length) return;
    event.preventDefault();
    box.classList.remove('drop');
    const shotId = box.dataset.shotId;
    const bar = document.createElement('progress');
    bar.className = 'box-progress';
    bar.max = 100;
    box.append(bar);
    const files = [...event.dataTransfer.files];
    for (const [index, file] of files.entries()) {
      const result = await Kadr.upload(shotId, file,
        (percent) => { bar.value = (index * 100 + percent) / files.length; });
      if (!result.ok) Kadr.toast(result.message || texts.uploadFailed, 'error');
    }
    bar.remove();
    refreshBox(shotId);
  });

  function refreshBox(shotId) {
    const box = document.getElementById(`box-${shotId}`);
    if (box) htmx.ajax('GET', `/shots/${shotId}/box`, { target: box, swap: 'outerHTML' });
  }

  Kadr.live(projectId, {
    asset: (event) => event.shotId && refreshBox(event.shotId),
    shot: (event) => event.shotId && refreshBox(event.shotId),
    comment: (event) => event.shotId && refreshBox(event.shotId),
    'comment-state': (event) => (event.shotId ? refreshBox(event.shotId) : reloadGrid()),
    answer: (event) => event.shotId && refreshBox(event.shotId),
  });

  // Renaming in place: a double click on the title turns it into a field; Enter saves, Esc (or leaving it
  // unchanged) cancels. The answer is the box itself, re-rendered.
  document.addEventListener('dblclick', (event) => {
    const title = event.target.closest?.('#grid .box-title');
    if (!title) return;
    const box = title.closest('.box');
    const field = document.createElement('input');
    field.className = 'box-title-input';
    field.value = title.textContent;
    field.maxLength = 300;
    field.setAttribute('aria-label', texts.renameLabel);
    let finished = false;
    const finish = (save) => {
      if (finished) return;
      finished = true;
      if (save && field.value.trim() !== title.textContent) {
        htmx.ajax('POST', `/shots/${box.dataset.shotId}/rename`,
          { target: box, swap: 'outerHTML', values: { title: field.value } });
      } else {
        field.replaceWith(title);
        box.focus();
      }
    };
    field.addEventListener('keydown', (key) => {
      key.stopPropagation();
      if (key.key === 'Enter') { key.preventDefault(); finish(true); }
      if (key.key === 'Escape') { key.preventDefault(); finish(false); }
    });
    field.addEventListener('blur', () => finish(true));
    title.replaceWith(field);
    field.focus();
    field.select();
  });

  // The status filter only hides boxes: the grid keeps every shot, so reordering still names them all.
  const filters = document.querySelectorAll('[data-status-filter]');
  function filterBy(status) {
    if (status) main.dataset.filter = status; else delete main.dataset.filter;
    filters.forEach((chip) => chip.setAttribute('aria-pressed', String(chip.dataset.statusFilter === status)));
    const url = new URL(window.location.href);
    if (status) url.searchParams.set('status', status); else url.searchParams.delete('status');
    history.replaceState(history.state, '', url);
  }
  function countStatuses() {
    const boxes = [...grid().querySelectorAll('.box')];
    filters.forEach((chip) => {
      const status = chip.dataset.statusFilter;
      chip.querySelector('[data-status-count]').textContent =
        String(status ? boxes.filter((box) => box.dataset.status === status).length : boxes.length);
    });
  }
  filters.forEach((chip) => chip.addEventListener('click', () => filterBy(chip.dataset.statusFilter)));
  filterBy(new URL(window.location.href).searchParams.get('status') || '');
  countStatuses();

  // Actions on the chosen shots (chosen with batch.js's selection) sit in its selection bar.
  const actions = document.getElementById('selection-actions');
  const selectionBar = document.getElementById('selection-bar');
  if (actions && selectionBar) {
    selectionBar.querySelector('[data-batch-open]').before(actions);
    actions.hidden = false;
    const chosen = () => [...grid().querySelectorAll('.box.selected')].map((box) => box.dataset.shotId);
    const send = (action, values) => {
      const shotIds = chosen();
      if (shotIds.length === 0) return;
      htmx.ajax('POST', `/projects/${projectId}/selection/${action}`,
        { target: '#grid', swap: 'outerHTML', values: { shotIds, ...values } });
    };
    const status = actions.querySelector('[data-selection-status]');
    status.addEventListener('change', () => {
      if (status.value) send('status', { status: status.value });
      status.value = '';
    });
    actions.querySelector('[data-selection-move]').addEventListener('click', () => {
      const last = grid().querySelectorAll('.box').length - chosen().length + 1;
      const answer = window.prompt(actions.dataset.movePrompt.replace('{0}', String(last)));
      if (answer && answer.trim()) send('move', { position: answer.trim() });
    });
    // Moving to another project: the shots leave this storyboard with their takes; the grid comes back without them.
    const project = actions.querySelector('[data-selection-project]');
    if (project) {
      project.addEventListener('change', () => {
        const target = project.selectedOptions[0];
        if (project.value && chosen().length
            && window.confirm(project.dataset.confirm.replace('{0}', target.textContent))) {
          send('project', { targetProjectId: project.value });
        }
        project.value = '';
      });
    }
    actions.querySelector('[data-selection-trash]').addEventListener('click', () => {
      if (chosen().length && window.confirm(actions.dataset.trashConfirm)) send('trash', {});
    });
  }

  document.addEventListener('htmx:afterSettle', countStatuses);
  document.addEventListener('htmx:afterSwap', (event) => { if (event.detail.target.id === 'grid' || event.target.id === 'grid') setUpGrid(); });
  document.body.addEventListener('htmx:afterSettle', () => { if (!grid().sortableAttached) { setUpGrid(); grid().sortableAttached = true; } });
  setUpGrid();
  grid().sortableAttached = true;
})();
