// The client's page: hover clips, the large view, and comments (the name is remembered by this browser).
(function () {
  'use strict';

  const main = document.querySelector('main.client-page');
  if (!main) return;
  const token = main.dataset.token;
  const texts = document.getElementById('client-texts').dataset;
  const NAME_KEY = 'kadr.client.name';

  // Hover clips load only when wanted; on a phone a tap opens the large view instead.
  const play = (frame) => {
    const clip = frame.querySelector('video.clip');
    if (!clip) return;
    if (!clip.src) clip.src = clip.dataset.src;
    frame.classList.add('playing');
    clip.play().catch(() => frame.classList.remove('playing'));
  };
  const stop = (frame) => {
    frame.querySelector('video.clip')?.pause();
    frame.classList.remove('playing');
  };
  main.addEventListener('mouseover', (event) => {
    const frame = event.target.closest('.frame.has-clip');
    if (frame) play(frame);
  });
  main.addEventListener('mouseout', (event) => {
    const frame = event.target.closest('.frame.has-clip');
    if (frame && !frame.contains(event.relatedTarget)) stop(frame);
  });

  // The large view: the full-quality still, or the video with its sound; arrows and swipes move between shots.
  // The address comes from the server (the view's largeUrl): a video whose full-quality file is still being made
  // has none, and then the view says so over its picture and asks the server again until it is there.
  const viewer = document.getElementById('viewer');
  const frames = () => [...main.querySelectorAll('.client-shot .frame[data-preview]')];
  let current = -1;
  let waiting = null;
  function waitFor(frame) {
    const wait = document.createElement('div');
    wait.className = 'review-wait ' + frame.dataset.review;
    const img = document.createElement('img');
    img.src = frame.dataset.preview;
    img.alt = '';
    const note = document.createElement('p');
    note.setAttribute('role', 'status');
    note.textContent = frame.dataset.review === 'failed' ? texts.unavailable : texts.preparing;
    wait.append(img, note);
    if (frame.dataset.review !== 'failed') waiting = setTimeout(() => refreshLarge(frame), 4000);
    return wait;
  }
  async function refreshLarge(frame) {
    waiting = null;
    try {
      const response = await fetch(`/api/v1/public/${token}`, {
        credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' },
      });
      if (!response.ok) return;
      const id = frame.closest('.client-shot').dataset.shotId;
      const shot = (await response.json()).shots.find((s) => s.id === id);
      if (shot?.headliner) {
        frame.dataset.review = shot.headliner.review;
        if (shot.headliner.largeUrl) frame.dataset.large = shot.headliner.largeUrl;
      }
    } catch (ignored) {
      // Offline for a moment: the next round tries again.
    }
    if (viewer.open && frames()[current] === frame) show(current);
  }
  function show(index) {
    const all = frames();
    if (index < 0 || index >= all.length) return;
    clearTimeout(waiting);
    current = index;
    const frame = all[index];
    const stage = viewer.querySelector('.stage');
    stage.replaceChildren();
    if (frame.classList.contains('has-clip') && !frame.dataset.large) {
      stage.append(waitFor(frame));
    } else if (frame.classList.contains('has-clip')) {
      const video = document.createElement('video');
      video.src = frame.dataset.large;
      video.poster = frame.dataset.preview;
      video.controls = true; video.playsInline = true; video.preload = 'auto';
      stage.append(video);
      // Opened by a click, so the browser lets it start with its sound; if it refuses, the controls are there.
      video.play().catch(() => {});
    } else {
      const img = document.createElement('img');
      img.src = frame.dataset.large || frame.dataset.preview;
      img.alt = '';
      stage.append(img);
    }
    const shot = frame.closest('.client-shot');
    viewer.querySelector('figcaption').textContent =
      `${shot.querySelector('.num').textContent}. ${shot.querySelector('.shot-title').textContent}`;
    if (!viewer.open) viewer.showModal();
  }
  main.addEventListener('click', (event) => {
    const frame = event.target.closest('.frame[data-preview]');
    if (frame) show(frames().indexOf(frame));
  });
  viewer.addEventListener('click', (event) => {
    if (event.target === viewer || event.target.closest('[data-close]')) viewer.close();
    const step = event.target.closest('[data-step]');
    if (step) show(current + Number(step.dataset.step));
  });
  viewer.addEventListener('close', () => {
    clearTimeout(waiting);
    viewer.querySelector('.stage').replaceChildren();
  });
  document.addEventListener('keydown', (event) => {
    if (!viewer.open) return;
    if (event.key === 'ArrowLeft') show(current - 1);
    if (event.key === 'ArrowRight') show(current + 1);
  });
  let touchX = null;
  viewer.addEventListener('touchstart', (event) => { touchX = event.touches[0].clientX; }, { passive: true });
  viewer.addEventListener('touchend', (event) => {
    if (touchX === null) return;
    const dx = event.changedTouches[0].clientX - touchX;
    if (Math.abs(dx) > 50) show(current + (dx < 0 ? 1 : -1));
    touchX = null;
  });

  // Comments: the name is asked once and kept in this browser only.
  const savedName = localStorage.getItem(NAME_KEY) || '';
  main.querySelectorAll('.talk-form input[name=authorName]').forEach((input) => {
    input.value = savedName;
    if (savedName) input.closest('.talk-name').classList.add('known');
  });

  // The same «27.11.2026 13:17» the server writes, so a refreshed list looks like the page it replaces.
  const two = (n) => String(n).padStart(2, '0');
  const when = (d) =>
    `${two(d.getDate())}.${two(d.getMonth() + 1)}.${d.getFullYear()} ${two(d.getHours())}:${two(d.getMinutes())}`;

  function render(comment) {
    const item = document.getElementById('talk-item').content.firstElementChild.cloneNode(true);
    item.querySelector('strong').textContent = comment.authorName;
    const time = item.querySelector('time');
    time.dateTime = comment.createdAt;
    time.textContent = when(new Date(comment.createdAt));
    item.querySelector('.what').textContent = comment.text;
    // Like the page the server renders: the reply's block only when there is a reply.
    const reply = item.querySelector('.reply');
    if (comment.reply) reply.querySelector('.what').textContent = comment.reply;
    else reply.remove();
    return item;
  }

  // The owner's replies and deletions reach an open page by polling the link's comments, not by a stream:
  // a client's tab may stay open for days behind any proxy, a poll re-checks revocation, expiry and password
  // each time like every other public request, and with If-None-Match an idle poll is an empty 304.
  // A hidden tab does not poll at all; it catches up as soon as it is shown again.
  const POLL_MS = 20000;
  let tag = null;
  let timer = null;
  let stopped = false;
  async function refreshComments() {
    if (stopped || document.visibilityState !== 'visible') return;
    try {
      const response = await fetch(`/api/v1/public/${token}/comments`, {
        credentials: 'same-origin',
        cache: 'no-store',
        headers: { Accept: 'application/json', ...(tag ? { 'If-None-Match': tag } : {}) },
      });
      if (response.status === 404) { stopped = true; return; }
      if (!response.ok) return;
      const conversation = await response.json();
      tag = response.headers.get('ETag');
      const byShot = new Map(conversation.shots.map((shot) => [shot.id, shot.comments]));
      // Only the lists are replaced: a comment being typed lives in the form beside them and stays as it is.
      main.querySelectorAll('.client-shot').forEach((shot) => {
        shot.querySelector('.talk-list')?.replaceChildren(...(byShot.get(shot.dataset.shotId) || []).map(render));
      });
    } catch (ignored) {
      // Offline for a moment: the next round tries again.
    }
  }
  function schedule() {
    clearTimeout(timer);
    if (stopped || document.visibilityState !== 'visible') return;
    timer = setTimeout(async () => { await refreshComments(); schedule(); }, POLL_MS);
  }
  document.addEventListener('visibilitychange', async () => {
    if (document.visibilityState === 'visible') await refreshComments();
    schedule();
  });
  schedule();

  main.addEventListener('submit', async (event) => {
    const form = event.target.closest('.talk-form');
    if (!form) return;
    event.preventDefault();
    const shot = form.closest('.client-shot');
    const error = form.querySelector('.client-error');
    const button = form.querySelector('button[type=submit]');
    const authorName = form.authorName.value.trim();
    const text = form.text.value.trim();
    error.hidden = true;
    button.disabled = true;
    try {
      const response = await fetch(`/api/v1/public/${token}/shots/${shot.dataset.shotId}/comments`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ authorName, text }),
      });
      const data = await response.json().catch(() => null);
      if (!response.ok) throw new Error(data?.detail || texts.failed);
      localStorage.setItem(NAME_KEY, authorName);
      main.querySelectorAll('.talk-form input[name=authorName]').forEach((input) => {
        input.value = authorName;
        input.closest('.talk-name').classList.add('known');
      });
      shot.querySelector('.talk-list').append(render(data));
      form.text.value = '';
      form.closest('details').open = false;
    } catch (failure) {
      error.textContent = failure.message || texts.failed;
      error.hidden = false;
    } finally {
      button.disabled = false;
    }
  });
})();
