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
  // The picture in the large view and the drawing layer over it (comments on a moment and a spot).
  let viewerMedia = null;
  const viewerMarks = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  viewerMarks.classList.add('marks');
  // moment: a comment's {timecodeMs, mark} to show, the video held at its frame instead of playing.
  function show(index, moment) {
    const all = frames();
    if (index < 0 || index >= all.length) return;
    clearTimeout(waiting);
    current = index;
    const frame = all[index];
    const stage = viewer.querySelector('.stage');
    stage.replaceChildren();
    resetMoment();
    if (frame.classList.contains('has-clip') && !frame.dataset.large) {
      const wait = waitFor(frame);
      stage.append(wait);
      viewerMedia = wait.querySelector('img');
    } else if (frame.classList.contains('has-clip')) {
      const video = document.createElement('video');
      video.src = frame.dataset.large;
      video.poster = frame.dataset.preview;
      video.controls = true; video.playsInline = true; video.preload = 'auto';
      video.loop = !moment;
      stage.append(video);
      viewerMedia = video;
      // Opened by a click, so the browser lets it start with its sound; if it refuses, the controls are there.
      if (!moment) video.play().catch(() => {});
    } else {
      const img = document.createElement('img');
      img.src = frame.dataset.large || frame.dataset.preview;
      img.alt = '';
      stage.append(img);
      viewerMedia = img;
    }
    stage.append(viewerMarks);
    window.KadrMarks.overlay(viewerMedia, viewerMarks);
    momentMedia(viewerMedia);
    const shot = frame.closest('.client-shot');
    viewer.querySelector('figcaption').textContent =
      `${shot.querySelector('.num').textContent}. ${shot.querySelector('.shot-title').textContent}`;
    if (!viewer.open) viewer.showModal();
    if (moment) showMoment(moment);
  }
  main.addEventListener('click', (event) => {
    const frame = event.target.closest('.frame[data-preview]');
    if (frame) show(frames().indexOf(frame));
    // A comment's moment: its shot opens large, held at its frame with its drawing.
    const chip = event.target.closest('.moment-chip');
    if (chip && !viewer.contains(chip)) {
      const shotFrame = chip.closest('.client-shot').querySelector('.frame[data-preview]');
      if (shotFrame) show(frames().indexOf(shotFrame), momentOf(chip));
    }
    const answer = event.target.closest('[data-answer]');
    if (answer) answerTo(answer.closest('.talk-item'));
    const cancel = event.target.closest('[data-answer-cancel]');
    if (cancel) answerTo(null, cancel.closest('.talk-form'));
  });
  viewer.addEventListener('click', (event) => {
    if (event.target === viewer || event.target.closest('[data-close]')) viewer.close();
    const step = event.target.closest('[data-step]');
    if (step) show(current + Number(step.dataset.step));
  });
  viewer.addEventListener('close', () => {
    clearTimeout(waiting);
    viewer.querySelector('.stage').replaceChildren();
    viewerMedia = null;
  });
  document.addEventListener('keydown', (event) => {
    if (!viewer.open || event.target.closest('input, textarea')) return;
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

  function render(comment, top = true) {
    const item = document.getElementById('talk-item').content.firstElementChild.cloneNode(true);
    item.dataset.commentId = comment.id;
    item.classList.toggle('by-owner', comment.byOwner);
    item.querySelector('strong').textContent = comment.authorName;
    const time = item.querySelector('time');
    time.dateTime = comment.createdAt;
    time.textContent = when(new Date(comment.createdAt));
    item.querySelector('.what').textContent = comment.text;
    // Like the page the server renders: each block only when there is something in it.
    const reply = item.querySelector('.reply');
    if (comment.reply) reply.querySelector('.what').textContent = comment.reply;
    else reply.remove();
    const chip = item.querySelector('.moment-chip');
    if (comment.timecodeMs == null && !comment.annotation) chip.remove();
    else {
      if (comment.timecodeMs != null) chip.dataset.timecodeMs = comment.timecodeMs;
      chip.querySelector('.moment-tc').textContent = comment.timecode || '';
      if (comment.annotation) {
        chip.dataset.markType = comment.annotation.type;
        chip.dataset.markPoints = comment.annotation.points.map((p) => p.join(',')).join(' ');
        chip.querySelector('.moment-shape').textContent = texts['mark' + comment.annotation.type[0].toUpperCase() + comment.annotation.type.slice(1)];
      } else chip.querySelector('.moment-shape').remove();
    }
    const replies = item.querySelector('.talk-replies');
    if (top && comment.replies?.length) replies.replaceChildren(...comment.replies.map((r) => render(r, false)));
    else replies.remove();
    if (!top || main.dataset.comments !== 'true') item.querySelector('[data-answer]').remove();
    return item;
  }

  // A thread's reply: the shot's form says whom it answers until it is sent or cancelled.
  function answerTo(item, form = item?.closest('.client-shot').querySelector('.talk-form')) {
    if (!form) return;
    const answering = form.querySelector('.talk-answering');
    form.dataset.parentId = item ? item.dataset.commentId : '';
    answering.hidden = !item;
    if (!item) return;
    answering.querySelector('span').textContent = `${texts.answering}: ${item.querySelector('strong').textContent}`;
    form.closest('details').open = true;
    form.text.focus();
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
        shot.querySelector('.talk-list')?.replaceChildren(...(byShot.get(shot.dataset.shotId) || []).map((c) => render(c)));
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

  // Every comment goes to one address: the shot, maybe a thread it answers, maybe a moment and a drawing.
  async function send(comment) {
    const response = await fetch(`/api/v1/public/${token}/comments`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(comment),
    });
    const data = await response.json().catch(() => null);
    if (!response.ok) throw new Error(data?.detail || texts.failed);
    return data;
  }
  function remember(authorName) {
    localStorage.setItem(NAME_KEY, authorName);
    main.querySelectorAll('.talk-form input[name=authorName], .moment-form input[name=authorName]').forEach((input) => {
      input.value = authorName;
      input.closest('.talk-name')?.classList.add('known');
    });
  }
  // A sent comment joins its shot's list, or its thread's replies.
  function place(shot, comment, parentId) {
    const thread = parentId && shot.querySelector(`.talk-list > .talk-item[data-comment-id="${parentId}"]`);
    if (!thread) { shot.querySelector('.talk-list').append(render(comment)); return; }
    let replies = thread.querySelector('.talk-replies');
    if (!replies) {
      replies = document.createElement('ul');
      replies.className = 'talk-replies';
      thread.querySelector('[data-answer]').before(replies);
    }
    replies.append(render(comment, false));
  }

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
      const parentId = form.dataset.parentId || null;
      const data = await send({ shotRef: shot.dataset.shotId, parentId, authorName, text });
      remember(authorName);
      place(shot, data, parentId);
      form.text.value = '';
      answerTo(null, form);
      form.closest('details').open = false;
    } catch (failure) {
      error.textContent = failure.message || texts.failed;
      error.hidden = false;
    } finally {
      button.disabled = false;
    }
  });

  // Comments on a moment and a spot: under the large view, the client pauses the video (or looks at the still),
  // picks a tool, draws over the picture and writes. The drawing and the time go with the comment.
  const panel = viewer.querySelector('.moment-panel');
  const fps = Number(main.dataset.fps) || 24;
  let tool = null;
  let draft = null;
  const timeLabel = panel?.querySelector('.moment-time');
  const showTime = () => {
    if (!timeLabel) return;
    timeLabel.textContent = viewerMedia instanceof HTMLVideoElement
      ? window.KadrMarks.timecode(Math.round(viewerMedia.currentTime * 1000), fps) : '';
  };
  function choose(name) {
    tool = tool === name ? null : name;
    panel?.querySelectorAll('[data-tool]').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.tool === tool)));
    viewerMarks.classList.toggle('drawing', !!tool);
    if (tool && viewerMedia instanceof HTMLVideoElement) viewerMedia.pause();
  }
  function resetMoment() {
    draft = null;
    if (tool) choose(tool);
    window.KadrMarks.show(viewerMarks, null);
  }
  // A new picture in the large view: its time is shown as it moves; playing again lets go of a drawing, which
  // belongs to the frame it was drawn on.
  function momentMedia(media) {
    if (!(media instanceof HTMLVideoElement)) { showTime(); return; }
    ['timeupdate', 'seeked', 'pause', 'loadedmetadata'].forEach((name) => media.addEventListener(name, showTime));
    media.addEventListener('play', () => { if (draft || viewerMarks.kadrMark) resetMoment(); });
  }
  const momentOf = (chip) => ({
    timecodeMs: chip.dataset.timecodeMs ? Number(chip.dataset.timecodeMs) : null,
    mark: chip.dataset.markType ? {
      type: chip.dataset.markType,
      points: chip.dataset.markPoints.split(' ').map((pair) => pair.split(',').map(Number)),
    } : null,
  });
  async function showMoment(moment) {
    if (viewerMedia instanceof HTMLVideoElement && moment.timecodeMs != null) {
      await window.KadrMarks.seek(viewerMedia, moment.timecodeMs);
    }
    window.KadrMarks.show(viewerMarks, moment.mark);
  }
  window.KadrMarks.drawer(viewerMarks, () => tool, (mark) => { draft = mark; });
  viewer.addEventListener('click', (event) => {
    const pick = event.target.closest('[data-tool]');
    if (pick) choose(pick.dataset.tool);
    if (event.target.closest('[data-clear]')) resetMoment();
    const chip = event.target.closest('.moment-chip');
    if (chip && viewer.contains(chip)) showMoment(momentOf(chip));
  });
  if (panel) {
    const form = panel.querySelector('.moment-form');
    form.authorName.value = savedName;
    // Writing about what is on screen holds it there: the time sent is the frame being looked at.
    form.text.addEventListener('focus', () => { if (viewerMedia instanceof HTMLVideoElement) viewerMedia.pause(); });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const error = form.querySelector('.client-error');
      const button = form.querySelector('button[type=submit]');
      const shot = frames()[current].closest('.client-shot');
      const video = viewerMedia instanceof HTMLVideoElement ? viewerMedia : null;
      error.hidden = true;
      button.disabled = true;
      try {
        const authorName = form.authorName.value.trim();
        const data = await send({
          shotRef: shot.dataset.shotId,
          authorName,
          text: form.text.value.trim(),
          timecodeMs: video ? Math.round(video.currentTime * 1000) : null,
          annotation: draft,
        });
        remember(authorName);
        place(shot, data, null);
        form.text.value = '';
        draft = null;
        if (tool) choose(tool);
        window.KadrMarks.show(viewerMarks, data.annotation);
      } catch (failure) {
        error.textContent = failure.message || texts.failed;
        error.hidden = false;
      } finally {
        button.disabled = false;
      }
    });
  }
})();
