// The box page: uploads with progress, the lightbox, comparison, headliner, trash, keyboard shortcuts,
// the side panel and live updates.
(function () {
  'use strict';

  const main = document.querySelector('main.box-page');
  if (!main) return;
  const shotId = main.dataset.shotId;
  const texts = document.getElementById('texts').dataset;
  const feed = () => document.getElementById('feed');

  // The feed comes in pages as the person scrolls; a refresh asks for as many takes as are already shown (at least
  // a page, at most what the server allows), so that it does not throw away what they scrolled to.
  const PAGE = 48;
  const MAX = 500;

  function refreshFeed() {
    const query = new URLSearchParams();
    if (feed().dataset.kind) query.set('kind', feed().dataset.kind);
    if (feed().dataset.sort) query.set('sort', feed().dataset.sort);
    const shown = feed().querySelectorAll('.card').length;
    if (shown > PAGE) query.set('limit', String(Math.min(shown, MAX)));
    return htmx.ajax('GET', `/shots/${shotId}/feed?${query}`, { target: '#feed', swap: 'outerHTML' });
  }

  // Another part of the page changed the takes (the client's favourite made the headliner): redraw them.
  document.body.addEventListener('feed-changed', refreshFeed);

  function refreshCard(assetId) {
    const card = document.getElementById(`asset-${assetId}`);
    if (card) htmx.ajax('GET', `/assets/${assetId}/card`, { target: card, swap: 'outerHTML' });
    else refreshFeed();
  }

  // Videos over the threshold (kadr.direct-uploads.threshold, 50 MB) go straight to the store (a signed address in
  // the bucket, or Kadr's own), then are confirmed.
  const DIRECT_FROM = Number(main.dataset.directFrom);

  function send(ticket, file, onProgress) {
    return new Promise((resolve) => {
      const request = new XMLHttpRequest();
      const url = new URL(ticket.url, window.location.href);
      request.open(ticket.method, url);
      for (const [name, value] of Object.entries(ticket.headers || {})) request.setRequestHeader(name, value);
      if (url.origin === window.location.origin) {
        for (const [name, value] of Object.entries(Kadr.csrfHeaders())) request.setRequestHeader(name, value);
      }
      request.upload.addEventListener('progress', (event) => {
        if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 99));
      });
      request.addEventListener('load', () => resolve({ ok: request.status >= 200 && request.status < 300, request }));
      request.addEventListener('error', () => resolve({ ok: false, network: true }));
      request.send(file);
    });
  }

  async function directUpload(file, onProgress) {
    try {
      const ticket = await Kadr.api('POST', `/api/v1/shots/${shotId}/uploads`,
        { fileName: file.name, size: file.size, contentType: file.type || 'application/octet-stream' });
      const sent = await send(ticket, file, onProgress);
      if (!sent.ok) {
        let message = null;
        try { message = JSON.parse(sent.request.responseText).detail; } catch (ignored) { /* the bucket's XML */ }
        return { ok: false, network: sent.network, message };
      }
      const asset = await Kadr.api('POST', `/api/v1/uploads/${ticket.uploadId}/confirm`);
      return { ok: true, data: asset };
    } catch (error) {
      return { ok: false, message: error.problem?.detail, network: !error.status };
    }
  }

  // Uploads: one request per file, so each has its own progress bar and its own error.
  async function upload(file) {
    const row = document.getElementById('upload-row').content.firstElementChild.cloneNode(true);
    row.querySelector('.name').textContent = file.name;
    row.querySelector('.state').textContent = texts.uploading;
    document.getElementById('uploads').prepend(row);
    const bar = row.querySelector('progress');
    const progress = (percent) => { bar.value = percent; };
    const direct = file.type.startsWith('video/') && file.size > DIRECT_FROM;
    const result = direct ? await directUpload(file, progress) : await Kadr.upload(shotId, file, progress);
    if (result.ok) {
      bar.value = 100;
      row.classList.add('done');
      row.querySelector('.state').textContent = texts.done;
      refreshFeed();
    } else {
      row.classList.add('failed');
      row.querySelector('.state').textContent = result.network ? texts.network : (result.message || texts.failed);
    }
  }

  document.getElementById('file-input').addEventListener('change', (event) => {
    [...event.target.files].forEach(upload);
    event.target.value = '';
  });
  document.addEventListener('dragover', (event) => {
    if (event.dataTransfer?.types.includes('Files')) { event.preventDefault(); main.classList.add('dropping'); }
  });
  document.addEventListener('dragleave', (event) => { if (!event.relatedTarget) main.classList.remove('dropping'); });
  document.addEventListener('drop', (event) => {
    if (!event.dataTransfer?.files.length) return;
    event.preventDefault();
    main.classList.remove('dropping');
    [...event.dataTransfer.files].forEach(upload);
  });

  // Card actions talk to the JSON API, then redraw what changed.
  async function act(card, action) {
    const id = card.dataset.assetId;
    try {
      if (action === 'headliner' || action === 'clear-headliner') {
        await Kadr.api('PATCH', `/api/v1/shots/${shotId}`, { headlinerAssetId: action === 'headliner' ? id : null });
        refreshFeed();
      } else if (action === 'trash') {
        if (!window.confirm(main.dataset.trashConfirm || '')) return;
        await Kadr.api('DELETE', `/api/v1/assets/${id}`);
        card.remove();
      } else if (action === 'repair') {
        await Kadr.api('POST', `/api/v1/assets/${id}/repair`);
        refreshCard(id);
      }
    } catch (error) {
      Kadr.toast(error.message, 'error');
    }
  }

  document.addEventListener('click', (event) => {
    // A card's menu closes when something else is clicked, and only one is open at a time.
    document.querySelectorAll('.card-menu[open]').forEach((menu) => {
      if (!menu.contains(event.target) || event.target.closest('[role="menuitem"]:not(.compare-pick)')) menu.open = false;
    });
    const card = event.target.closest('.card');
    if (!card) return;
    for (const action of ['headliner', 'clear-headliner', 'trash', 'repair']) {
      if (event.target.closest(`[data-${action}]`)) { act(card, action); return; }
    }
    if (event.target.closest('[data-open]') && card.dataset.status === 'ready') openLightbox(card);
  });

  // A card's menu items come from the server the first time it opens, or when a shortcut needs one of them: most
  // menus are never opened, and rendering all of them was most of the box's render time.
  function menuItems(card) {
    const list = card.querySelector('.card-menu .menu-list');
    if (!list) return Promise.resolve();
    if (!list.loaded) {
      list.loaded = htmx.ajax('GET', list.dataset.menu, { target: list, swap: 'innerHTML' }).then(() => {
        if (!list.childElementCount) list.loaded = null; // refused or offline: the next opening asks again
        list.querySelectorAll('[data-compare]').forEach((box) => { box.checked = comparing.has(card.dataset.assetId); });
      });
    }
    return list.loaded;
  }

  // A card's menu opens towards the side that has room, so that on a narrow screen it is never cut off.
  document.addEventListener('toggle', (event) => {
    const menu = event.target;
    if (!(menu instanceof Element) || !menu.matches('.card-menu') || !menu.open) return;
    const list = menu.querySelector('.menu-list');
    list.classList.remove('flip');
    if (list.getBoundingClientRect().left < 8) list.classList.add('flip');
    menuItems(menu.closest('.card'));
  }, true);

  // A live refresh redraws the cards; the menu the person has open stays open on the redrawn card.
  let openMenu = null;
  document.addEventListener('htmx:beforeSwap', () => {
    openMenu = document.querySelector('.card-menu[open]')?.closest('.card')?.id || null;
  });
  document.addEventListener('htmx:afterSwap', () => {
    const menu = openMenu && document.getElementById(openMenu)?.querySelector('.card-menu');
    if (menu && !menu.open) menu.open = true;
    openMenu = null;
  });

  // Lightbox: arrows move between ready assets of the feed, Esc closes (the dialog does that itself).
  const lightbox = document.getElementById('lightbox');
  let current = null;

  function mediaOf(card, large) {
    if (card.dataset.kind === 'audio') {
      // A sound shows its waveform with a player under it.
      const sound = document.createElement('div');
      sound.className = 'sound-stage';
      const waveform = document.createElement('img');
      waveform.src = card.dataset.preview || '';
      waveform.alt = card.dataset.name;
      const audio = document.createElement('audio');
      audio.src = card.dataset.original;
      audio.controls = true;
      audio.autoplay = large;
      sound.append(waveform, audio);
      return sound;
    }
    if (card.dataset.kind === 'video') {
      const video = document.createElement('video');
      video.src = card.dataset.original;
      video.controls = true;
      video.autoplay = large;
      video.playsInline = true;
      video.poster = card.dataset.preview || '';
      return video;
    }
    const image = document.createElement('img');
    image.src = card.dataset.preview || card.dataset.original;
    image.alt = card.dataset.name;
    return image;
  }

  function openLightbox(card) {
    current = card;
    lightbox.querySelector('.stage').replaceChildren(mediaOf(card, true));
    lightbox.querySelector('figcaption').textContent = card.dataset.name;
    if (!lightbox.open) lightbox.showModal();
  }

  // Past the last loaded take, → loads the next page first (if there is one) instead of wrapping to the first.
  async function step(direction) {
    const cards = [...feed().querySelectorAll('.card[data-status="ready"]')];
    const index = cards.indexOf(current);
    const more = feed().querySelector('.more[hx-get]');
    if (direction > 0 && index === cards.length - 1 && more) {
      await htmx.ajax('GET', more.getAttribute('hx-get'), { target: more, swap: 'outerHTML' });
      const loaded = [...feed().querySelectorAll('.card[data-status="ready"]')];
      if (loaded.length > cards.length) { openLightbox(loaded[index + 1]); return; }
    }
    const next = cards[(index + direction + cards.length) % cards.length];
    if (next) openLightbox(next);
  }

  lightbox.addEventListener('click', (event) => {
    if (event.target.closest('[data-prev]')) step(-1);
    else if (event.target.closest('[data-next]')) step(1);
    else if (event.target.closest('[data-close]') || event.target === lightbox) lightbox.close();
  });
  lightbox.addEventListener('close', () => lightbox.querySelector('.stage').replaceChildren());

  // Keyboard: ←/→ between takes in the lightbox; H headliner, A animate, E smart edit, Del trash on the take under
  // the pointer, focused, or open in the lightbox; G puts the cursor into the prompt.
  // Where the pointer is, not which card it last entered: a live update redraws the feed under a still pointer, and
  // the card found there at the moment of the key press is the one the person sees.
  let pointer = null;
  const track = (event) => { pointer = { x: event.clientX, y: event.clientY }; };
  document.addEventListener('pointermove', track, { passive: true });
  document.addEventListener('pointerover', track, { passive: true });

  function underPointer() {
    return pointer ? document.elementFromPoint(pointer.x, pointer.y)?.closest('.card') : null;
  }

  function takeInFocus() {
    const card = lightbox.open ? current : (document.activeElement?.closest('.card') || underPointer());
    return card && card.isConnected ? card : null;
  }

  async function press(card, selector) {
    let button = card.querySelector(selector);
    if (!button) {
      await menuItems(card);
      // The menu loads over the network; if the feed was redrawn meanwhile, the card shown now is the one to act on.
      const shown = card.isConnected ? card : document.getElementById(card.id);
      if (!shown) return;
      if (shown !== card) await menuItems(shown);
      button = shown.querySelector(selector);
    }
    if (!button) return;
    if (lightbox.open) lightbox.close();
    button.click();
  }

  // By the key's place, not its letter, so that the shortcuts work the same in the Russian layout.
  const SHORTCUTS = {
    KeyH: (card) => press(card, '[data-headliner], [data-clear-headliner]'),
    KeyA: (card) => press(card, '[data-animate]'),
    KeyE: (card) => press(card, '[data-smart-edit]'),
    KeyI: (card) => press(card, '[data-inpaint]'),
    Delete: (card) => press(card, '[data-trash]'),
  };

  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const typing = event.target.closest('input, textarea, select, [contenteditable]');
    if (lightbox.open && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) {
      event.preventDefault();
      step(event.key === 'ArrowLeft' ? -1 : 1);
      return;
    }
    const otherDialog = [...document.querySelectorAll('dialog[open]')].some((dialog) => dialog !== lightbox);
    if (typing || otherDialog) return;
    if (event.code === 'KeyG') {
      const prompt = document.querySelector('#generate-form [name="prompt"]');
      if (prompt) { event.preventDefault(); prompt.focus(); }
      return;
    }
    const action = SHORTCUTS[event.code];
    const card = action && takeInFocus();
    if (card) { event.preventDefault(); action(card); }
  });

  // The side panel: open by default on a wide screen (the choice is remembered there), a drawer on a narrow one.
  const shell = document.getElementById('box-shell');
  const PANEL = 'kadr.box.panel';
  const wide = window.matchMedia('(min-width: 1200px)');
  const panelState = () => { try { return localStorage.getItem(PANEL); } catch (ignored) { return null; } };
  function layoutPanel() {
    shell.classList.toggle('side-open', wide.matches && panelState() !== 'closed');
    document.querySelectorAll('[data-panel-toggle]').forEach((button) =>
      button.setAttribute('aria-expanded', String(shell.classList.contains('side-open'))));
  }
  document.addEventListener('click', (event) => {
    if (!event.target.closest('[data-panel-toggle]')) return;
    const open = !shell.classList.contains('side-open');
    shell.classList.toggle('side-open', open);
    if (wide.matches) { try { localStorage.setItem(PANEL, open ? 'open' : 'closed'); } catch (ignored) { /* private */ } }
    document.querySelectorAll('[data-panel-toggle]').forEach((button) => button.setAttribute('aria-expanded', String(open)));
  });
  wide.addEventListener('change', layoutPanel);
  layoutPanel();
  if (window.location.hash === '#comments') shell.classList.add('side-open');

  document.querySelector('[data-sort]')?.addEventListener('change', (event) => {
    const url = new URL(window.location.href);
    url.searchParams.set('sort', event.target.value);
    window.location.assign(url);
  });

  // Comparison of two chosen assets, side by side.
  const compare = document.getElementById('compare');
  const compareButton = document.getElementById('compare-open');
  // The choice is kept by take, not in the checkboxes: a menu's items are loaded late and redrawn by live refreshes.
  const comparing = new Set();
  const picked = () => [...comparing].map((id) => document.getElementById(`asset-${id}`)).filter(Boolean);
  document.addEventListener('change', (event) => {
    if (!event.target.matches('[data-compare]')) return;
    const id = event.target.closest('.card').dataset.assetId;
    if (!event.target.checked) comparing.delete(id);
    else if (picked().length < 2) comparing.add(id);
    else event.target.checked = false;
    compareButton.disabled = picked().length !== 2;
  });
  compareButton.addEventListener('click', () => {
    const chosen = picked();
    if (chosen.length !== 2) return;
    compare.querySelector('.compare-stage').replaceChildren(...chosen.map((card) => {
      const figure = document.createElement('figure');
      const caption = document.createElement('figcaption');
      caption.textContent = card.dataset.name;
      figure.append(mediaOf(card, false), caption);
      return figure;
    }));
    compare.showModal();
  });
  compare.addEventListener('click', (event) => {
    if (event.target.closest('[data-close]') || event.target === compare) compare.close();
  });

  // Live events come in bursts (one per variant, per processed file). They are folded into one feed refresh at a
  // time, and a refresh asked for while one is under way runs again after it, so the last state always wins.
  let refreshing = false;
  let again = false;
  function refreshFeedSoon() {
    if (refreshing) { again = true; return; }
    refreshing = true;
    setTimeout(async () => {
      try { await refreshFeed(); } finally {
        refreshing = false;
        if (again) { again = false; refreshFeedSoon(); }
      }
    }, 150);
  }

  Kadr.live(main.dataset.projectId, {
    asset: (event) => { if (event.shotId === shotId) refreshFeedSoon(); },
    shot: (event) => { if (event.shotId === shotId) refreshFeedSoon(); },
  });
})();
