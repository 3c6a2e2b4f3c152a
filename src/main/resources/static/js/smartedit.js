// Smart edit on the box page: the smart-edit and history dialogs of an asset card, and prompt enhancement
// in the generate form. Texts come from data-attributes; the dialog bodies are rendered on the server.
(function () {
  'use strict';

  const texts = () => document.getElementById('smart-texts')?.dataset || {};

  function open(dialogId, bodyId, url) {
    const dialog = document.getElementById(dialogId);
    if (!dialog) return;
    const body = document.getElementById(bodyId);
    body.replaceChildren();
    htmx.ajax('GET', url, { target: body, swap: 'innerHTML' });
    if (!dialog.open) dialog.showModal();
  }

  function drawDiff(target, words) {
    target.replaceChildren();
    for (const word of words) {
      const span = document.createElement(word.change === 'ADDED' ? 'ins' : word.change === 'REMOVED' ? 'del' : 'span');
      span.className = word.change.toLowerCase();
      span.textContent = word.text;
      target.append(span, ' ');
    }
  }

  function request(form) {
    return (form.querySelector('[name="instruction"]')?.value || '').trim();
  }

  function showError(form, error) {
    const box = form.querySelector('[data-smart-error]');
    if (box) box.textContent = error.message;
    else Kadr.toast(error.message, 'error');
  }

  async function preview(form, button) {
    form.querySelector('[data-smart-error]').textContent = '';
    button.disabled = true;
    try {
      const result = await Kadr.api('POST', `/api/v1/assets/${form.dataset.assetId}/smart-edit/preview`,
        { instruction: request(form) });
      const section = form.querySelector('[data-smart-result]');
      section.hidden = false;
      section.querySelector('[data-offline-badge]').hidden = !result.offline;
      section.querySelector('[data-explanation]').textContent = result.explanation || texts().unchanged || '';
      drawDiff(section.querySelector('[data-diff]'), result.diff);
      section.querySelector('[name="prompt"]').value = result.rewrittenPrompt;
      showTextOnly(form);
    } catch (error) {
      showError(form, error);
    } finally {
      button.disabled = false;
    }
  }

  // A prompt with @mentions brings the elements' reference images; a chosen model that takes none sends the text
  // alone, and the form says so quietly (the text is the page's, in the hint element).
  function showTextOnly(form) {
    const hint = form?.querySelector('[data-smart-text-only]');
    if (!hint) return;
    const prompt = form.querySelector('[data-smart-result]:not([hidden]) [name="prompt"]')?.value;
    const option = form.querySelector('[name="modelId"]')?.selectedOptions[0];
    hint.hidden = !(Kadr.hasMention(prompt) && option && option.dataset.references === '0');
  }

  async function run(form, button) {
    form.querySelector('[data-smart-error]').textContent = '';
    const body = {
      instruction: request(form),
      keepSeed: form.querySelector('[name="keepSeed"]:checked')?.value !== 'false',
    };
    const model = form.querySelector('[name="modelId"]')?.value;
    if (model) body.modelId = model;
    const corrected = form.querySelector('[data-smart-result]:not([hidden]) [name="prompt"]')?.value.trim();
    if (corrected) body.prompt = corrected;
    button.disabled = true;
    try {
      await Kadr.api('POST', `/api/v1/assets/${form.dataset.assetId}/smart-edit`, body);
      Kadr.toast(texts().started || '');
      form.closest('dialog')?.close();
    } catch (error) {
      showError(form, error);
    } finally {
      button.disabled = false;
    }
  }

  async function again(button, action) {
    const assetId = button.closest('[data-asset-id]')?.dataset.assetId;
    if (!assetId) return;
    button.disabled = true;
    try {
      await Kadr.api('POST', `/api/v1/assets/${assetId}/${action}`);
      Kadr.toast((action === 'repeat' ? texts().repeated : texts().remixed) || '');
    } catch (error) {
      Kadr.toast(error.message, 'error');
    } finally {
      button.disabled = false;
    }
  }

  async function enhance(button) {
    const form = button.closest('form');
    const prompt = form?.querySelector('[name="prompt"]');
    const list = button.closest('[data-enhance]').querySelector('[data-enhance-variants]');
    // An icon button keeps its icon and says it is working through its state; a text button through its words.
    const label = button.classList.contains('icon') ? null : button.textContent;
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    if (label !== null) button.textContent = button.dataset.working || label;
    try {
      const result = await Kadr.api('POST', '/api/v1/prompts/enhance', { prompt: prompt.value });
      const items = list.querySelector('ul');
      items.replaceChildren();
      for (const variant of result.variants) {
        const item = document.createElement('li');
        const choose = document.createElement('button');
        choose.type = 'button';
        choose.className = 'variant';
        choose.dataset.enhanceVariant = '';
        choose.textContent = variant;
        item.append(choose);
        items.append(item);
      }
      list.hidden = false;
    } catch (error) {
      Kadr.toast(error.message, 'error');
    } finally {
      button.disabled = false;
      button.removeAttribute('aria-busy');
      if (label !== null) button.textContent = label;
    }
  }

  document.addEventListener('click', (event) => {
    const target = event.target;
    const card = target.closest('[data-asset-id]');
    if (target.closest('[data-smart-edit]') && card) {
      open('smart-edit-dialog', 'smart-edit-body', `/assets/${card.dataset.assetId}/smart-edit`);
    } else if (target.closest('[data-lineage]') && card) {
      open('lineage-dialog', 'lineage-body', `/assets/${card.dataset.assetId}/lineage`);
    } else if (target.closest('[data-smart-preview]')) {
      preview(target.closest('form'), target.closest('button'));
    } else if (target.closest('[data-smart-run]')) {
      run(target.closest('form'), target.closest('button'));
    } else if (target.closest('[data-repeat]')) {
      again(target.closest('button'), 'repeat');
    } else if (target.closest('[data-remix]')) {
      again(target.closest('button'), 'remix');
    } else if (target.closest('[data-enhance-run]')) {
      enhance(target.closest('button'));
    } else if (target.closest('[data-enhance-variant]')) {
      const prompt = target.closest('form')?.querySelector('[name="prompt"]');
      if (prompt) {
        prompt.value = target.closest('button').textContent;
        prompt.dispatchEvent(new Event('input', { bubbles: true }));
      }
      target.closest('[data-enhance-variants]').hidden = true;
    } else if (target.closest('[data-smart-close]') || target.matches('dialog.smart-dialog')) {
      target.closest('dialog')?.close();
    }
  });

  // Typing in the rewritten prompt or choosing another model may bring or take away the text-only hint.
  ['input', 'change'].forEach((type) => document.addEventListener(type, (event) => {
    if (event.target.matches('[data-smart-form] [name="prompt"], [data-smart-form] [name="modelId"]')) {
      showTextOnly(event.target.closest('form'));
    }
  }));

  // Enter in the request field previews rather than submitting anything.
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || !event.target.matches('[data-smart-form] [name="instruction"]')) return;
    event.preventDefault();
    const form = event.target.closest('form');
    preview(form, form.querySelector('[data-smart-preview]'));
  });
})();
