// Platform versions on the box page: the dialog of a take, its draggable focal point, a preview of each cut that
// follows the point, and the request to the JSON API. The cut is the server's rule (Reframe.cropOf) redrawn here.
(function () {
  'use strict';

  const texts = () => document.getElementById('platform-texts')?.dataset || {};

  /** The part of a w × h source a tw × th frame takes around the focus, in source pixels. */
  function crop(w, h, tw, th, fx, fy) {
    const aspect = tw / th;
    const cw = Math.max(1, Math.min(w, Math.round(h * aspect)));
    const ch = Math.max(1, Math.min(h, Math.round(cw / aspect)));
    const place = (centre, size, whole) => Math.max(0, Math.min(whole - size, Math.round(centre - size / 2)));
    return { x: place(fx * w, cw, w), y: place(fy * h, ch, h), w: cw, h: ch };
  }

  function draw(form) {
    const w = Number(form.dataset.width);
    const h = Number(form.dataset.height);
    const fx = Number(form.dataset.focusX);
    const fy = Number(form.dataset.focusY);
    const point = form.querySelector('[data-focus-point]');
    point.style.left = `${fx * 100}%`;
    point.style.top = `${fy * 100}%`;
    point.setAttribute('aria-valuetext', `${Math.round(fx * 100)}%, ${Math.round(fy * 100)}%`);
    for (const frame of form.querySelectorAll('[data-frame]')) {
      const cut = crop(w, h, Number(frame.dataset.w), Number(frame.dataset.h), fx, fy);
      const image = frame.querySelector('img');
      image.style.width = `${(w / cut.w) * 100}%`;
      image.style.height = `${(h / cut.h) * 100}%`;
      image.style.left = `${(-cut.x / cut.w) * 100}%`;
      image.style.top = `${(-cut.y / cut.h) * 100}%`;
    }
  }

  function moveTo(form, event) {
    const stage = form.querySelector('[data-focus-stage]').getBoundingClientRect();
    const clamp = (value) => Math.max(0, Math.min(1, value));
    form.dataset.focusX = clamp((event.clientX - stage.left) / stage.width).toFixed(4);
    form.dataset.focusY = clamp((event.clientY - stage.top) / stage.height).toFixed(4);
    draw(form);
  }

  function open(assetId) {
    const dialog = document.getElementById('platform-dialog');
    if (!dialog) return;
    const body = document.getElementById('platform-body');
    body.replaceChildren();
    htmx.ajax('GET', `/assets/${assetId}/platform-versions`, { target: body, swap: 'innerHTML' }).then(() => {
      const form = body.querySelector('[data-platform-form]');
      if (form) draw(form);
    });
    if (!dialog.open) dialog.showModal();
  }

  async function run(form, button) {
    const error = form.querySelector('[data-platform-error]');
    error.textContent = '';
    const formats = [...form.querySelectorAll('[name="formats"]:checked')].map((box) => box.value);
    button.disabled = true;
    try {
      await Kadr.api('POST', `/api/v1/assets/${form.dataset.assetId}/platform-versions`, {
        formats,
        focus: { x: Number(form.dataset.focusX), y: Number(form.dataset.focusY) },
      });
      Kadr.toast(texts().started || '');
      form.closest('dialog')?.close();
    } catch (problem) {
      error.textContent = problem.message;
    } finally {
      button.disabled = false;
    }
  }

  document.addEventListener('click', (event) => {
    const target = event.target;
    const card = target.closest('[data-asset-id]');
    if (target.closest('[data-platform-versions]') && card) {
      target.closest('details')?.removeAttribute('open');
      open(card.dataset.assetId);
    } else if (target.closest('[data-platform-run]')) {
      run(target.closest('form'), target.closest('button'));
    } else if (target.closest('[data-platform-close]')) {
      target.closest('dialog')?.close();
    }
  });

  // Pressing anywhere on the take puts the point there; dragging carries it along.
  document.addEventListener('pointerdown', (event) => {
    const stage = event.target.closest('[data-focus-stage]');
    if (!stage) return;
    const form = stage.closest('[data-platform-form]');
    event.preventDefault();
    stage.setPointerCapture(event.pointerId);
    moveTo(form, event);
    const follow = (move) => moveTo(form, move);
    const stop = () => {
      stage.removeEventListener('pointermove', follow);
      stage.removeEventListener('pointerup', stop);
      stage.removeEventListener('pointercancel', stop);
    };
    stage.addEventListener('pointermove', follow);
    stage.addEventListener('pointerup', stop);
    stage.addEventListener('pointercancel', stop);
  });

  // Arrow keys move the point by 2 % (10 % with Shift), for those who do not drag.
  document.addEventListener('keydown', (event) => {
    const point = event.target.closest?.('[data-focus-point]');
    const steps = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[event.key];
    if (!point || !steps) return;
    event.preventDefault();
    const form = point.closest('[data-platform-form]');
    const step = event.shiftKey ? 0.1 : 0.02;
    const clamp = (value) => Math.max(0, Math.min(1, value));
    form.dataset.focusX = clamp(Number(form.dataset.focusX) + steps[0] * step).toFixed(4);
    form.dataset.focusY = clamp(Number(form.dataset.focusY) + steps[1] * step).toFixed(4);
    draw(form);
  });
})();
