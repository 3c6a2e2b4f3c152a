// The model picker dialog (the generation bar, the animate dialog, the batch dialog): search and filters over the
// rendered list, recently used models, and the choice itself, which fills the form's hidden modelId. A generation
// form then loads the model's parameters; any other form hears a change event from the hidden field.
(function () {
  'use strict';

  const RECENT = 'kadr.models.recent';
  const KEEP = 4;

  const recent = () => { try { return JSON.parse(localStorage.getItem(RECENT) || '[]'); } catch (ignored) { return []; } };
  const remember = (id) => {
    try { localStorage.setItem(RECENT, JSON.stringify([id, ...recent().filter((x) => x !== id)].slice(0, KEEP))); }
    catch (ignored) { /* private mode */ }
  };

  function matches(item, filters) {
    const data = item.dataset;
    if (filters.q && !data.search.includes(filters.q)) return false;
    if (filters.task && data.task !== filters.task) return false;
    if (filters.vendor && data.vendor !== filters.vendor) return false;
    if (filters.quality && data.quality !== filters.quality) return false;
    if (filters.price !== '' && !(Number(data.price) <= Number(filters.price))) return false;
    if (filters.speed !== '' && !(data.seconds && Number(data.seconds) <= Number(filters.speed))) return false;
    return !(filters.ready && data.ready !== 'true');
  }

  function filter(dialog) {
    const value = (selector) => dialog.querySelector(selector)?.value || '';
    const filters = {
      q: value('[data-picker-q]').trim().toLowerCase(),
      task: value('[data-picker-task]'),
      vendor: value('[data-picker-vendor]'),
      quality: value('[data-picker-quality]'),
      price: value('[data-picker-price]'),
      speed: value('[data-picker-speed]'),
      ready: dialog.querySelector('[data-picker-ready]')?.checked,
    };
    let shown = 0;
    dialog.querySelectorAll('[data-picker-group], [data-picker-recent]').forEach((group) => {
      let inGroup = 0;
      group.querySelectorAll('.picker-model').forEach((item) => {
        item.hidden = !matches(item, filters);
        if (!item.hidden) inGroup += 1;
      });
      group.hidden = inGroup === 0;
      if (group.matches('[data-picker-group]')) shown += inGroup;
    });
    dialog.querySelector('[data-picker-empty]').hidden = shown > 0;
  }

  // The recent models: copies of the remembered models that can still run, in the order they were last chosen.
  function showRecent(dialog) {
    const list = dialog.querySelector('[data-picker-recent] ul');
    const items = recent()
      .map((id) => dialog.querySelector(`[data-picker-group] .picker-model[data-model-id="${id}"][data-ready="true"]`))
      .filter(Boolean)
      .map((item) => item.cloneNode(true));
    list.replaceChildren(...items);
  }

  const dialogOf = (form) => form.querySelector('dialog.picker');

  const mentions = (form) => Kadr.hasMention(form.querySelector('[name="prompt"]')?.value);

  // With @mentions in the prompt the picker says which models take the elements' reference images, and the bar
  // warns when the chosen one takes none: only the descriptions will go.
  function showReferences(form) {
    const dialog = dialogOf(form);
    if (!dialog) return;
    const mentioned = mentions(form);
    dialog.toggleAttribute('data-mentions', mentioned);
    const warning = form.querySelector('[data-refs-warning]');
    if (!warning) return;
    const chosen = form.querySelector('[name="modelId"]')?.value;
    const item = chosen && dialog.querySelector(`[data-picker-group] .picker-model[data-model-id="${chosen}"]`);
    warning.hidden = !(mentioned && item && item.dataset.references === '0');
  }

  function open(form) {
    const dialog = dialogOf(form);
    if (!dialog) return;
    showRecent(dialog);
    const chosen = form.querySelector('[name="modelId"]').value;
    dialog.querySelectorAll('[data-pick]').forEach((button) => {
      const current = button.closest('.picker-model').dataset.modelId === chosen;
      if (current) button.setAttribute('aria-current', 'true'); else button.removeAttribute('aria-current');
    });
    filter(dialog);
    showReferences(form);
    dialog.showModal();
    dialog.querySelector('[data-picker-q]').focus();
  }

  function choose(form, item) {
    const field = form.querySelector('[name="modelId"]');
    field.value = item.dataset.modelId;
    form.querySelector('[data-model-name]').textContent = item.dataset.name;
    field.dispatchEvent(new Event('change', { bubbles: true }));
  }

  function pick(form, item) {
    if (form.matches('[data-gen-form]')) Kadr.chooseModel(form, item.dataset.modelId);
    else choose(form, item);
    remember(item.dataset.modelId);
    showReferences(form);
    dialogOf(form).close();
    form.querySelector('[data-model-open]').focus();
  }

  document.addEventListener('click', (event) => {
    const form = event.target.closest('form');
    if (!form || !dialogOf(form)) return;
    if (event.target.closest('[data-model-open]')) { open(form); return; }
    const dialog = event.target.closest('dialog.picker');
    if (!dialog) return;
    const choose = event.target.closest('[data-pick]');
    if (choose && !choose.disabled) pick(form, choose.closest('.picker-model'));
    else if (event.target.closest('[data-picker-close]') || event.target === dialog) dialog.close();
  });

  const refilter = (event) => {
    const dialog = event.target.closest('dialog.picker');
    if (dialog && event.target.matches('[data-picker-q], select, [data-picker-ready]')) filter(dialog);
  };
  document.addEventListener('input', refilter);
  document.addEventListener('input', (event) => {
    const form = event.target.closest('form');
    if (form && event.target.matches('[name="prompt"]') && dialogOf(form)) showReferences(form);
  });
  document.addEventListener('change', refilter);

  // Enter in the search picks the first model that can run among those shown.
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || !event.target.matches('[data-picker-q]')) return;
    event.preventDefault();
    const dialog = event.target.closest('dialog.picker');
    const first = [...dialog.querySelectorAll('[data-picker-group] .picker-model[data-ready="true"]')]
      .find((item) => !item.hidden && !item.closest('[hidden]'));
    if (first) pick(event.target.closest('form'), first);
  });
})();
