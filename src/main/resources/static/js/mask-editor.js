// Picture edits of an image take: inpaint (paint a mask, then redraw under it) and outpaint (extend to a new
// aspect ratio). Self-contained: a page needs the edits dialog (templates/box/edits.html :: dialog), generate.js for
// the forms' models, parameters and submit, and elements with data-inpaint / data-outpaint inside [data-asset-id].
// The mask is painted white where the picture is to be redrawn; the studio stores it black and white at the
// picture's size (POST /api/v1/assets/{id}/masks) and the generation names it as maskAssetId.
(function () {
  'use strict';

  const dialog = document.getElementById('edit-dialog');
  if (!dialog) return;
  const body = dialog.querySelector('#edit-body');
  const MAX_UNDO = 20;
  const PAINT = 'rgba(255, 64, 96, 1)';

  function open(kind, assetId) {
    body.replaceChildren();
    dialog.querySelector('[data-edit-title]').textContent = '';
    htmx.ajax('GET', `/assets/${assetId}/${kind}`, { target: body, swap: 'innerHTML' });
    if (!dialog.open) dialog.showModal();
  }

  document.addEventListener('click', (event) => {
    const action = event.target.closest('[data-inpaint], [data-outpaint]');
    if (action) {
      const assetId = action.closest('[data-asset-id]')?.dataset.assetId;
      if (!assetId) return;
      action.closest('details')?.removeAttribute('open');
      open(action.hasAttribute('data-inpaint') ? 'inpaint' : 'outpaint', assetId);
      return;
    }
    if (event.target.closest('[data-edit-close]') || event.target === dialog) dialog.close();
  });

  document.addEventListener('htmx:load', (event) => {
    const element = event.detail.elt;
    if (!(element instanceof Element) || !dialog.contains(element)) return;
    const inpaint = element.matches('.inpaint-form') ? element : element.querySelector('.inpaint-form');
    if (inpaint) maskEditor(inpaint);
    const outpaint = element.matches('.outpaint-form') ? element : element.querySelector('.outpaint-form');
    if (outpaint) canvasChooser(outpaint);
    // The chosen model's parameters arrive later; the canvas chooser follows the model's own ratio choices.
    const form = element.closest('.outpaint-form');
    if (form && form.kadrSync) form.kadrSync();
  });

  // --- The mask editor -------------------------------------------------------------------------------------------

  function maskEditor(form) {
    if (form.kadrPrepare) return;
    dialog.querySelector('[data-edit-title]').textContent = form.dataset.title || '';
    const image = form.querySelector('[data-mask-image]');
    const canvas = form.querySelector('[data-mask-canvas]');
    const size = form.querySelector('[data-mask-size]');
    const context = canvas.getContext('2d');
    const history = [];
    let tool = 'brush';
    let last = null;
    let painted = false;

    function fit() {
      // The mask is drawn at the picture's own size (capped for memory); the studio scales it to the original.
      const scale = Math.min(1, 2048 / Math.max(image.naturalWidth, image.naturalHeight));
      canvas.width = Math.max(1, Math.round(image.naturalWidth * scale));
      canvas.height = Math.max(1, Math.round(image.naturalHeight * scale));
    }
    if (image.complete && image.naturalWidth) fit(); else image.addEventListener('load', fit, { once: true });

    const ratio = () => canvas.width / canvas.getBoundingClientRect().width;
    function at(event) {
      const rect = canvas.getBoundingClientRect();
      return { x: (event.clientX - rect.left) * ratio(), y: (event.clientY - rect.top) * ratio() };
    }

    function remember() {
      history.push(context.getImageData(0, 0, canvas.width, canvas.height));
      if (history.length > MAX_UNDO) history.shift();
    }

    function stroke(from, to) {
      context.save();
      context.globalCompositeOperation = tool === 'eraser' ? 'destination-out' : 'source-over';
      context.strokeStyle = PAINT;
      context.fillStyle = PAINT;
      context.lineCap = 'round';
      context.lineJoin = 'round';
      context.lineWidth = Number(size.value) * ratio();
      context.beginPath();
      context.moveTo(from.x, from.y);
      context.lineTo(to.x + 0.01, to.y);
      context.stroke();
      context.restore();
      if (tool === 'brush') painted = true;
    }

    canvas.addEventListener('pointerdown', (event) => {
      event.preventDefault();
      canvas.setPointerCapture(event.pointerId);
      remember();
      last = at(event);
      stroke(last, last);
    });
    canvas.addEventListener('pointermove', (event) => {
      if (!last) return;
      const point = at(event);
      stroke(last, point);
      last = point;
    });
    const stop = () => { last = null; };
    canvas.addEventListener('pointerup', stop);
    canvas.addEventListener('pointercancel', stop);

    function choose(next) {
      tool = next;
      form.querySelectorAll('[data-mask-tool]').forEach((button) => {
        const on = button.dataset.maskTool === tool;
        button.classList.toggle('on', on);
        button.setAttribute('aria-pressed', String(on));
      });
    }

    const actions = {
      undo() {
        const previous = history.pop();
        if (previous) context.putImageData(previous, 0, 0);
      },
      invert() {
        remember();
        context.save();
        context.globalCompositeOperation = 'xor';
        context.fillStyle = PAINT;
        context.fillRect(0, 0, canvas.width, canvas.height);
        context.restore();
        painted = true;
      },
      clear() {
        remember();
        context.clearRect(0, 0, canvas.width, canvas.height);
        painted = false;
      },
    };

    form.addEventListener('click', (event) => {
      const toolButton = event.target.closest('[data-mask-tool]');
      if (toolButton) choose(toolButton.dataset.maskTool);
      const action = event.target.closest('[data-mask-action]');
      if (action) actions[action.dataset.maskAction]();
    });

    form.kadrKeys = (event) => {
      if (event.target.closest('input:not([type=range]), textarea, select')) return false;
      if ((event.ctrlKey || event.metaKey) && event.code === 'KeyZ') { actions.undo(); return true; }
      if (event.ctrlKey || event.metaKey || event.altKey) return false;
      const keys = {
        KeyB: () => choose('brush'),
        KeyX: () => choose('eraser'),
        KeyI: () => actions.invert(),
        BracketLeft: () => { size.value = Math.max(Number(size.min), Number(size.value) - 8); },
        BracketRight: () => { size.value = Math.min(Number(size.max), Number(size.value) + 8); },
      };
      const run = keys[event.code];
      if (run) run();
      return Boolean(run);
    };

    // White where painted, black elsewhere, as providers read a mask.
    function maskBlob() {
      const out = document.createElement('canvas');
      out.width = canvas.width;
      out.height = canvas.height;
      const g = out.getContext('2d');
      g.drawImage(canvas, 0, 0);
      g.globalCompositeOperation = 'source-in';
      g.fillStyle = '#fff';
      g.fillRect(0, 0, out.width, out.height);
      g.globalCompositeOperation = 'destination-over';
      g.fillStyle = '#000';
      g.fillRect(0, 0, out.width, out.height);
      return new Promise((resolve) => out.toBlob(resolve, 'image/png'));
    }

    form.kadrPrepare = async (request) => {
      if (!painted) {
        const error = new Error(dialog.dataset.emptyMask || '');
        error.problem = { field: 'maskAssetId' };
        throw error;
      }
      const upload = new FormData();
      upload.append('file', await maskBlob(), 'mask.png');
      const response = await fetch(`/api/v1/assets/${form.dataset.assetId}/masks`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { Accept: 'application/json', ...Kadr.csrfHeaders() },
        body: upload,
      });
      const data = await response.json().catch(() => null);
      if (!response.ok) {
        const error = new Error(data?.detail || response.statusText);
        error.problem = data;
        throw error;
      }
      request.sourceAssetIds = [form.dataset.assetId];
      request.maskAssetId = data.id;
    };
  }

  // --- The canvas chooser for outpainting ------------------------------------------------------------------------

  function canvasChooser(form) {
    if (form.kadrPrepare) return;
    dialog.querySelector('[data-edit-title]').textContent = form.dataset.title || '';
    const frame = form.querySelector('[data-outpaint-frame]');
    const image = form.querySelector('[data-outpaint-image]');
    const ratios = form.querySelector('[data-outpaint-ratios]');
    const width = Number(form.dataset.width) || 16;
    const height = Number(form.dataset.height) || 9;
    const state = { ratio: '9:16', x: 0.5, y: 0.5 };

    const param = (name) => form.querySelector(`[data-param="${name}"]`);

    // The smallest frame of the ratio the picture fits in whole, as the studio works it out (OutpaintCanvas).
    function draw() {
      const [rw, rh] = state.ratio.split(':').map(Number);
      const wanted = rw / rh;
      let canvasWidth = width;
      let canvasHeight = height;
      if (width / height < wanted) canvasWidth = height * wanted; else canvasHeight = width / wanted;
      // The preview fits the dialog's width and a third of the screen's height, whichever binds first.
      const room = Math.max(120, form.clientWidth);
      const tall = Math.min(window.innerHeight * 0.42, 420);
      const scale = Math.min(room / canvasWidth, tall / canvasHeight);
      frame.style.width = `${Math.round(canvasWidth * scale)}px`;
      frame.style.height = `${Math.round(canvasHeight * scale)}px`;
      const fw = width / canvasWidth;
      const fh = height / canvasHeight;
      image.style.width = `${fw * 100}%`;
      image.style.height = `${fh * 100}%`;
      image.style.left = `${(1 - fw) * state.x * 100}%`;
      image.style.top = `${(1 - fh) * state.y * 100}%`;
      ratios.querySelectorAll('button').forEach((b) => b.classList.toggle('active', b.dataset.ratio === state.ratio));
      form.querySelectorAll('[data-place]').forEach((b) =>
        b.classList.toggle('active', b.dataset.place === `${state.x},${state.y}`));
    }

    // The model's parameters hold the choice that is sent; these controls only set them.
    function store() {
      const ratio = param('aspectRatio');
      if (ratio) ratio.value = state.ratio;
      const x = param('offsetX');
      if (x) x.value = String(Math.round(state.x * 1000) / 1000);
      const y = param('offsetY');
      if (y) y.value = String(Math.round(state.y * 1000) / 1000);
      draw();
    }

    form.kadrSync = () => {
      const select = param('aspectRatio');
      if (!select) return;
      const choices = [...select.options].map((option) => option.value).filter(Boolean);
      ratios.replaceChildren(...choices.map((value) => {
        const button = document.createElement('button');
        button.type = 'button';
        button.dataset.ratio = value;
        button.textContent = value;
        return button;
      }));
      if (choices.includes(state.ratio)) store(); else { state.ratio = select.value; draw(); }
    };

    form.addEventListener('click', (event) => {
      const ratio = event.target.closest('[data-ratio]');
      if (ratio) { state.ratio = ratio.dataset.ratio; store(); }
      const place = event.target.closest('[data-place]');
      if (place) {
        [state.x, state.y] = place.dataset.place.split(',').map(Number);
        store();
      }
    });
    form.addEventListener('change', (event) => {
      if (event.target.matches('[data-param="aspectRatio"]')) { state.ratio = event.target.value; draw(); }
    });

    let drag = null;
    image.addEventListener('pointerdown', (event) => {
      event.preventDefault();
      image.setPointerCapture(event.pointerId);
      drag = { x: event.clientX, y: event.clientY, startX: state.x, startY: state.y };
    });
    image.addEventListener('pointermove', (event) => {
      if (!drag) return;
      const room = frame.getBoundingClientRect();
      const own = image.getBoundingClientRect();
      const spareX = room.width - own.width;
      const spareY = room.height - own.height;
      const clamp = (v) => Math.min(1, Math.max(0, v));
      if (spareX > 1) state.x = clamp(drag.startX + (event.clientX - drag.x) / spareX);
      if (spareY > 1) state.y = clamp(drag.startY + (event.clientY - drag.y) / spareY);
      store();
    });
    const stop = () => { drag = null; };
    image.addEventListener('pointerup', stop);
    image.addEventListener('pointercancel', stop);

    form.kadrPrepare = async (request) => {
      request.sourceAssetIds = [form.dataset.assetId];
    };
    draw();
  }

  dialog.addEventListener('keydown', (event) => {
    const form = dialog.querySelector('.inpaint-form');
    if (form && form.kadrKeys && form.kadrKeys(event)) event.preventDefault();
  });
})();
