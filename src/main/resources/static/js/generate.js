// Generation: the box's generate panel, the animate dialog and the project's generation history.
// Every text comes from data-attributes the templates render; the fragments are rendered on the server.
(function () {
  'use strict';

  const STORED_MODEL = 'kadr.generate.model';
  const panel = document.getElementById('generate-panel');
  const history = document.querySelector('main.generation-history');
  const texts = (panel || history)?.dataset || {};

  const debounce = (fn, ms) => {
    let timer;
    return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
  };

  const remember = (modelId) => { try { localStorage.setItem(STORED_MODEL, modelId); } catch (ignored) { /* private mode */ } };
  const remembered = () => { try { return localStorage.getItem(STORED_MODEL); } catch (ignored) { return null; } };

  // Lists: the shot's generations in the box, the project's in the history page.
  const refreshShotList = debounce(() => {
    const list = document.getElementById('generations');
    if (list && panel) htmx.ajax('GET', panel.dataset.listUrl, { target: list, swap: 'outerHTML' });
  }, 250);

  const refreshHistory = debounce(() => {
    const rows = document.getElementById('history-rows');
    if (rows && history) htmx.ajax('GET', history.dataset.listUrl, { target: rows, swap: 'outerHTML' });
  }, 250);

  const refresh = () => (panel ? refreshShotList() : refreshHistory());

  // The form: typed parameters, the price estimate, the chosen model.
  function collectParams(form) {
    const params = {};
    form.querySelectorAll('[data-param]').forEach((input) => {
      const { param, type } = input.dataset;
      if (type === 'boolean') {
        params[param] = input.checked;
        return;
      }
      const raw = input.value.trim();
      if (raw === '') return;
      if (type === 'integer' || type === 'number') {
        const number = Number(raw);
        params[param] = Number.isFinite(number) ? number : raw;
      } else {
        params[param] = raw;
      }
    });
    return params;
  }

  function updateEstimate(form) {
    const out = form.querySelector('[data-price-total]');
    if (!out) return;
    const info = form.querySelector('[data-price-unit]');
    const usd = Number(info?.dataset.priceUsd || 0);
    if (!info || !(usd > 0)) {
      out.textContent = '';
      return;
    }
    const unit = info.dataset.priceUnit;
    const count = Math.max(1, Number(form.querySelector('[name="count"]')?.value) || 1);
    const durationInput = form.querySelector('[data-param="duration"], [data-param="seconds"]');
    const duration = Number(String(durationInput?.value || '').replace(/[^0-9.]/g, '')) || 5;
    let total = unit === 'second' ? usd * duration : usd;
    // A batched model makes every variant in one run; otherwise each variant is a run of its own.
    if (unit === 'image' || info.dataset.batched !== 'true') total *= count;
    out.textContent = `${out.dataset.prefix || ''}${Math.round(total * 10000) / 10000}`;
  }

  function loadParams(form) {
    const chosen = form.querySelector('[name="modelId"]');
    const target = form.querySelector('[data-params]');
    if (!chosen || !target || !chosen.value) return;
    if (form.dataset.kind === 'generate') remember(chosen.value);
    const url = new URL(form.dataset.paramsUrl, window.location.href);
    url.searchParams.set('modelId', chosen.value);
    htmx.ajax('GET', url.pathname + url.search, { target, swap: 'innerHTML' }).then(() => updateEstimate(form));
  }

  // The bar's model is a hidden field behind a button that names it; the picker dialog (picker.js) calls this.
  function chooseModel(form, modelId) {
    const item = form.querySelector(`.picker-model[data-model-id="${modelId}"][data-ready="true"]`);
    if (!item) return false;
    form.querySelector('[name="modelId"]').value = modelId;
    const name = form.querySelector('[data-model-name]');
    if (name) name.textContent = item.dataset.name;
    const submit = form.querySelector('button[type="submit"]');
    if (submit) submit.disabled = false;
    loadParams(form);
    return true;
  }
  Kadr.chooseModel = chooseModel;

  function init(form) {
    if (form.dataset.ready) return;
    form.dataset.ready = 'true';
    const saved = form.dataset.kind === 'generate' ? remembered() : null;
    if (saved && chooseModel(form, saved)) return;
    const select = form.querySelector('select[name="modelId"]');
    if (saved && select && [...select.options].some((option) => option.value === saved && !option.disabled)) {
      select.value = saved;
    }
    loadParams(form);
  }

  function clearErrors(form) {
    form.querySelectorAll('[data-error-for]').forEach((slot) => { slot.textContent = ''; });
    form.querySelectorAll('.invalid').forEach((input) => input.classList.remove('invalid'));
  }

  function showError(form, error) {
    Kadr.toast(error.message, 'error');
    const field = error.problem?.field;
    if (!field) return;
    const slot = [...form.querySelectorAll('[data-error-for]')].find((el) => el.dataset.errorFor === field);
    if (slot) slot.textContent = error.message;
    const input = [...form.querySelectorAll('[data-field], [data-param]')].find((el) =>
      el.dataset.field === field || (field.startsWith('params.') && el.dataset.param === field.slice('params.'.length)));
    if (input) {
      input.classList.add('invalid');
      input.focus();
    }
  }

  async function submit(form) {
    clearErrors(form);
    const button = form.querySelector('button[type="submit"]');
    const body = {
      modelId: form.querySelector('[name="modelId"]')?.value || null,
      prompt: form.querySelector('[name="prompt"]')?.value || '',
    };
    const negative = form.querySelector('[name="negativePrompt"]')?.value.trim();
    if (negative) body.negativePrompt = negative;
    const params = collectParams(form);
    if (Object.keys(params).length) body.params = params;
    // A take chosen as the source (the studio's bar): image-to-image or animation from it.
    const sources = [...form.querySelectorAll('[data-source-id]')].map((element) => element.dataset.sourceId);
    // Continuing from the previous shot, this shot's still may be the last frame (first/last-frame models).
    const end = form.querySelector('[data-continuity-end]:checked');
    if (end) sources.push(end.dataset.endId);
    if (sources.length) body.sourceAssetIds = sources;
    if (button) button.disabled = true;
    try {
      // A form may add to the request first: the picture edits upload a mask and name their source (mask-editor.js).
      if (typeof form.kadrPrepare === 'function') await form.kadrPrepare(body);
      if (form.dataset.kind === 'transform') {
        body.sourceAssetIds = [...form.querySelectorAll('[data-source]')].map((input) => input.value).filter(Boolean);
        await Kadr.api('POST', `/api/v1/shots/${form.dataset.shotId}/generations`, body);
        Kadr.toast(document.getElementById('transform-dialog')?.dataset.started || '');
        form.closest('dialog')?.close();
      } else if (form.dataset.kind === 'animate') {
        await Kadr.api('POST', `/api/v1/assets/${form.dataset.assetId}/animate`, body);
        Kadr.toast(texts.animateStarted || '');
        form.closest('dialog')?.close();
      } else {
        const count = (form.querySelector('[name="count"]')?.value || '').trim();
        if (count !== '') body.count = Number.isFinite(Number(count)) ? Number(count) : count;
        await Kadr.api('POST', `/api/v1/shots/${form.dataset.shotId}/generations`, body);
        Kadr.toast(form.dataset.started || texts.started || '');
        if (form.dataset.kind !== 'generate') form.closest('dialog')?.close();
      }
      refreshShotList();
    } catch (error) {
      showError(form, error);
    } finally {
      if (button) button.disabled = false;
    }
  }

  document.addEventListener('htmx:load', (event) => {
    const element = event.detail.elt;
    if (!(element instanceof Element)) return;
    const forms = element.matches('form[data-gen-form]') ? [element] : element.querySelectorAll('form[data-gen-form]');
    forms.forEach(init);
  });

  document.addEventListener('submit', (event) => {
    const form = event.target.closest('form[data-gen-form]');
    if (!form) return;
    event.preventDefault();
    submit(form);
  });

  document.addEventListener('change', (event) => {
    const form = event.target.closest('form[data-gen-form]');
    if (!form) return;
    if (event.target.matches('select[name="modelId"]')) loadParams(form);
    else updateEstimate(form);
  });

  document.addEventListener('input', (event) => {
    const form = event.target.closest('form[data-gen-form]');
    if (!form) return;
    if (event.target.matches('[name="count"], [data-param]')) updateEstimate(form);
  });

  // Cancel and retry on a generation, the animate action of an image card, the dialog's close button.
  document.addEventListener('click', async (event) => {
    const action = event.target.closest('[data-gen-cancel], [data-gen-retry]');
    if (action) {
      const id = action.closest('[data-generation-id]')?.dataset.generationId;
      if (!id) return;
      const cancel = action.hasAttribute('data-gen-cancel');
      action.disabled = true;
      try {
        await Kadr.api('POST', `/api/v1/generations/${id}/${cancel ? 'cancel' : 'retry'}`);
        Kadr.toast((cancel ? texts.cancelled : texts.retried) || '');
      } catch (error) {
        Kadr.toast(error.message, 'error');
      }
      refresh();
      return;
    }
    const animate = event.target.closest('[data-animate]');
    const dialog = document.getElementById('animate-dialog');
    if (animate && dialog) {
      const assetId = animate.closest('[data-asset-id]')?.dataset.assetId;
      if (!assetId) return;
      const body = dialog.querySelector('#animate-body');
      body.replaceChildren();
      htmx.ajax('GET', `/assets/${assetId}/animate`, { target: body, swap: 'innerHTML' });
      if (!dialog.open) dialog.showModal();
      return;
    }
    if (dialog && (event.target.closest('[data-animate-close]') || event.target === dialog)) dialog.close();
  });

  // Running generations show their elapsed time ticking.
  function format(seconds) {
    const whole = Math.max(0, Math.floor(seconds));
    if (whole < 60) return (texts.fmtSeconds || '%s').replace('%s', whole);
    return (texts.fmtMinutes || '%m:%s').replace('%m', Math.floor(whole / 60)).replace('%s', whole % 60);
  }

  setInterval(() => {
    document.querySelectorAll('[data-since]').forEach((element) => {
      element.textContent = format((Date.now() - Number(element.dataset.since)) / 1000);
    });
  }, 1000);

  if (panel) {
    const shotId = panel.dataset.shotId;
    Kadr.live(panel.dataset.projectId, {
      // The studio's panel lists the whole project's generations (no shot of its own).
      generation: (event) => { if (!shotId || event.shotId === shotId) refreshShotList(); },
    });
  } else if (history) {
    Kadr.live(history.dataset.projectId, { generation: () => refreshHistory() });
  }

  // The transform dialog from a take's menu loads the task's models for this take (see TransformPages).
  document.addEventListener('click', (event) => {
    const dialog = document.getElementById('transform-dialog');
    if (!dialog) return;
    const action = event.target.closest('[data-transform]');
    if (action) {
      const assetId = action.closest('[data-asset-id]')?.dataset.assetId;
      if (!assetId) return;
      dialog.querySelector('[data-transform-title]').textContent = action.textContent.trim();
      const body = dialog.querySelector('#transform-body');
      body.replaceChildren();
      htmx.ajax('GET', `/assets/${assetId}/transform?task=${encodeURIComponent(action.dataset.transform)}`,
        { target: body, swap: 'innerHTML' });
      dialog.showModal();
      return;
    }
    if (event.target.closest('[data-transform-close]') || event.target === dialog) dialog.close();
  });

  // A sound uploaded from the lip sync dialog becomes a take of the shot; once it is processed it is chosen.
  async function readyAsset(id) {
    for (let attempt = 0; attempt < 240; attempt += 1) {
      const asset = await Kadr.api('GET', `/api/v1/assets/${id}`);
      if (asset.mediaStatus !== 'processing') return asset;
      await new Promise((resolve) => { setTimeout(resolve, 500); });
    }
    return null;
  }

  document.addEventListener('change', async (event) => {
    const input = event.target.closest('[data-partner-upload]');
    if (!input || !input.files.length) return;
    const form = input.closest('form');
    const state = form.querySelector('[data-partner-state]');
    const dialog = document.getElementById('transform-dialog');
    state.textContent = dialog?.dataset.processing || '';
    const result = await Kadr.upload(form.dataset.shotId, input.files[0], () => {});
    input.value = '';
    if (!result.ok) {
      state.textContent = result.message || '';
      return;
    }
    const uploaded = Array.isArray(result.data) ? result.data[0] : result.data;
    const asset = await readyAsset(uploaded.id);
    if (!asset || asset.mediaStatus !== 'ready') {
      state.textContent = asset?.brokenReason || '';
      return;
    }
    const select = form.querySelector('select[name="partner"]');
    [...select.options].filter((option) => !option.value).forEach((option) => option.remove());
    const option = new Option(asset.fileName, asset.id, true, true);
    select.prepend(option);
    select.value = asset.id;
    state.textContent = '';
  });
})();

// Continuity from the previous shot: the studio takes the previous shot's last frame as a take of this shot, and the bar
// comes back starting from it, with the models that start from a frame.
document.addEventListener('click', async (event) => {
  const start = event.target.closest('[data-continue]');
  const clear = event.target.closest('[data-continue-clear]');
  if (!start && !clear) return;
  const form = event.target.closest('form[data-gen-form]');
  if (!form) return;
  const bar = `/shots/${form.dataset.shotId}/generate`;
  if (clear) {
    htmx.ajax('GET', bar, { target: form, swap: 'outerHTML' });
    return;
  }
  start.disabled = true;
  try {
    const sources = await Kadr.api('POST', `/api/v1/shots/${form.dataset.shotId}/continuity`, {});
    const query = new URLSearchParams({ start: sources.frameAssetId });
    if (sources.endAssetId) query.set('end', sources.endAssetId);
    htmx.ajax('GET', `${bar}?${query}`, { target: form, swap: 'outerHTML' });
  } catch (error) {
    Kadr.toast(error.message);
    start.disabled = false;
  }
});
