// The studio: which shot the bar generates into, an image take chosen as the source of the next generation, and the
// project's takes kept fresh from its event stream (the bar and the generation list are generate.js's).
(function () {
  'use strict';

  const main = document.querySelector('main.studio');
  if (!main) return;
  const form = () => document.querySelector('#generate-panel form[data-gen-form]');
  let previousDescription = document.querySelector('[data-studio-shot]')?.selectedOptions[0]?.dataset.description || '';

  // Another shot: the takes land there. Its description replaces the prompt unless the prompt was rewritten.
  document.addEventListener('change', (event) => {
    const chooser = event.target.closest('[data-studio-shot]');
    const bar = form();
    if (!chooser || !bar) return;
    bar.dataset.shotId = chooser.value;
    const prompt = bar.querySelector('[name="prompt"]');
    const description = chooser.selectedOptions[0]?.dataset.description || '';
    if (prompt && (prompt.value.trim() === '' || prompt.value === previousDescription)) prompt.value = description;
    previousDescription = description;
  });

  function markChosen() {
    const chosen = form()?.querySelector('[data-source-id]')?.dataset.sourceId;
    document.querySelectorAll('#studio-takes .studio-take').forEach((take) => {
      take.classList.toggle('is-source', take.dataset.assetId === chosen);
      take.querySelector('[data-use-source]')?.setAttribute('aria-pressed', String(take.dataset.assetId === chosen));
    });
  }

  function useSource(take) {
    const bar = form();
    const slot = bar?.querySelector('[data-sources]');
    if (!slot) return;
    const chip = slot.querySelector('[data-source-chip]');
    const image = document.createElement('img');
    image.src = take.querySelector('[data-use-source]').dataset.thumb;
    image.alt = '';
    chip.replaceChildren(image);
    chip.dataset.sourceId = take.dataset.assetId;
    slot.hidden = false;
    markChosen();
    bar.querySelector('[name="prompt"]')?.focus();
  }

  function clearSource() {
    const slot = form()?.querySelector('[data-sources]');
    if (!slot) return;
    const chip = slot.querySelector('[data-source-chip]');
    chip.replaceChildren();
    delete chip.dataset.sourceId;
    slot.hidden = true;
    markChosen();
  }

  document.addEventListener('click', (event) => {
    const use = event.target.closest('[data-use-source]');
    if (use) { useSource(use.closest('.studio-take')); return; }
    if (event.target.closest('[data-source-clear]')) clearSource();
  });

  // G puts the cursor into the prompt, as in the box.
  document.addEventListener('keydown', (event) => {
    if (event.key.toLowerCase() !== 'g' || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.target.closest('input, select, textarea, [contenteditable], dialog')) return;
    event.preventDefault();
    form()?.querySelector('[name="prompt"]')?.focus();
  });

  let timer;
  const refreshTakes = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      htmx.ajax('GET', main.dataset.takesUrl, { target: '#studio-takes', swap: 'outerHTML' }).then(markChosen);
    }, 300);
  };
  Kadr.live(main.dataset.projectId, { asset: refreshTakes, shot: refreshTakes });
})();
