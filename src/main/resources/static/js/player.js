// The film player: the shots of a reel one after another, full screen. Two slots take turns: while one shows the
// current shot, the other already holds the next one (its video buffered, its picture decoded), so a cut is only
// a swap of which slot is on top. The film's clock is the video's own time while a video plays (its sound and its
// cut stay together, and a video that buffers holds the film), and the page's frame clock otherwise. A video takes a
// moment from play() to moving (its sound device starts): the next video is set going that moment before its cut,
// hidden, so that it already moves when it comes on screen.
(function () {
  'use strict';

  const root = document.getElementById('player');
  if (!root) return;

  const shots = [...root.querySelectorAll('.reel li')].map((li) => ({
    id: li.dataset.id,
    number: li.dataset.number,
    title: li.textContent,
    duration: Number(li.dataset.durationMs),
    kind: li.dataset.kind,
    src: li.dataset.src || '',
    poster: li.dataset.poster || '',
    fallback: li.dataset.fallback || '',
  }));
  const starts = [];
  let total = 0;
  for (const shot of shots) {
    starts.push(total);
    total += shot.duration;
  }

  const slots = [...root.querySelectorAll('[data-slot]')].map((el) => ({
    el,
    video: el.querySelector('video'),
    img: el.querySelector('img'),
    card: el.querySelector('.card'),
    index: -1,
  }));
  const segments = [...root.querySelectorAll('.segment')];
  const progress = root.querySelector('[data-progress]');
  const timeLabel = root.querySelector('[data-time]');
  const nowLabel = root.querySelector('[data-now]');
  const toggleButton = root.querySelector('[data-toggle]');
  const bigPlay = root.querySelector('[data-big-play]');

  const state = { index: -1, elapsed: 0, playing: false, ended: false, held: false };
  // Every shot as it came on screen, whether its slot had it loaded then, and whether the shot before had to hold
  // its last frame for it (a cut is never made to a slot that is not ready): what shows the cuts are gapless.
  const log = [];
  window.kadrPlayer = { state, log, shots: shots.map((s) => s.id) };

  let front = null;
  const other = () => slots.find((slot) => slot !== front);

  // Milliseconds from play() until a video's picture moves: a first guess, then what the last starts measured.
  let startLatency = 60;

  // ---- Slots -------------------------------------------------------------------------------------------------

  function load(slot, index) {
    if (slot.index === index) return;
    slot.index = index;
    slot.rolling = false;
    const shot = shots[index];
    slot.el.dataset.kind = shot.kind;
    const { video, img } = slot;
    video.pause();
    if (shot.kind === 'video') {
      video.poster = shot.poster;
      video.dataset.fallback = shot.fallback;
      video.src = shot.src;
      video.load();
      // A paused video stops at its metadata; a seek makes Chromium decode its first frame and buffer ahead.
      video.addEventListener('loadedmetadata', () => {
        if (slot.index === index && video.currentTime === 0 && video.paused) video.currentTime = 0;
      }, { once: true });
    } else if (video.getAttribute('src')) {
      video.removeAttribute('src');
      video.removeAttribute('poster');
      video.load();
    }
    if (shot.kind === 'still') {
      img.src = shot.src;
      img.decode().catch(() => {});
    } else {
      img.removeAttribute('src');
    }
    slot.card.querySelector('.card-number').textContent = shot.number;
    slot.card.querySelector('.card-title').textContent = shot.title;
  }

  function isReady(slot) {
    const shot = shots[slot.index];
    if (shot.kind === 'video') return slot.video.readyState >= 3 || Boolean(slot.video.error);
    if (shot.kind === 'still') return slot.img.complete && slot.img.naturalWidth > 0;
    return true;
  }

  // A file in a codec this browser lacks plays as its smaller copy rather than as a black shot.
  for (const slot of slots) {
    slot.video.addEventListener('error', () => {
      const fallback = slot.video.dataset.fallback;
      if (fallback && !slot.video.src.endsWith(fallback)) {
        slot.video.dataset.fallback = '';
        slot.video.src = fallback;
        slot.video.load();
        if (slot === front && state.playing) startVideo();
      }
    });
  }

  // ---- Showing a shot ------------------------------------------------------------------------------------------

  function show(index, offset, how) {
    let slot = slots.find((s) => s.index === index && s !== front) || (front && front.index === index ? front : null);
    if (!slot) {
      slot = other();
      load(slot, index);
    }
    // A next video already set going before its cut carries on from where it is, rather than being sought back.
    const rolled = how === 'advance' && slot.rolling && !slot.video.paused;
    slot.rolling = false;
    if (rolled) offset = slot.video.currentTime * 1000;
    if (front && log.length && shots[front.index].kind === 'video') {
      // How far the video that leaves the screen really played, and whether its sound was decoded (Chromium).
      const leaving = log[log.length - 1];
      leaving.playedMs = Math.round(front.video.currentTime * 1000);
      leaving.sound = (front.video.webkitAudioDecodedByteCount || 0) > 0;
    }
    log.push({ shot: shots[index].id, number: shots[index].number, how, preloaded: isReady(slot), held: state.held });
    if (front && front !== slot) {
      front.el.classList.remove('on');
      front.video.pause();
    }
    front = slot;
    slot.el.classList.add('on');
    state.index = index;
    state.ended = false;
    place(offset, rolled);
    caption();
    const next = index + 1 < shots.length ? index + 1 : -1;
    if (next >= 0) load(other(), next);
  }

  /** Puts the current shot at a time within it: the video's position and the push-in's progress follow. */
  function place(offset, rolled = false) {
    const shot = shots[state.index];
    state.held = false;
    state.elapsed = Math.max(0, Math.min(offset, shot.duration));
    if (shot.kind === 'video') {
      const video = front.video;
      const length = Number.isFinite(video.duration) ? video.duration * 1000 : Infinity;
      const at = Math.min(state.elapsed, length) / 1000;
      // A seek, even to where the video already is, drops it back to its metadata: a preloaded next shot would
      // then wait (a frozen frame at the cut) for what it already had.
      if (!rolled && video.currentTime !== at) video.currentTime = at;
      if (state.playing) startVideo();
    }
    if (shot.kind === 'still') {
      const img = front.img;
      img.style.animation = 'none';
      void img.offsetWidth; // restarts the push-in
      img.style.animation = '';
      img.style.setProperty('--hold', `${shot.duration}ms`);
      img.style.animationDelay = `${-state.elapsed}ms`;
    }
    paintPlaying();
    paintTime();
  }

  function startVideo() {
    const video = front.video;
    if (video.ended || (Number.isFinite(video.duration) && state.elapsed >= video.duration * 1000)) return;
    if (!video.paused) return;
    begin(video).catch((refused) => {
      // A browser that wants a click before sound: the film waits for it.
      if (refused && refused.name === 'NotAllowedError') pause();
    });
  }

  /** Plays a video and measures how long it takes to move, which is how early the next one is set going. */
  function begin(video) {
    const from = video.currentTime;
    const asked = performance.now();
    // Only a start with the data at hand says how quick a start is; a first one also waits for the network.
    if (video.requestVideoFrameCallback && video.readyState >= 3) {
      const watch = (now, frame) => {
        if (video.paused) return;
        if (frame.mediaTime <= from) {
          video.requestVideoFrameCallback(watch);
          return;
        }
        const late = frame.expectedDisplayTime - asked - (frame.mediaTime - from) * 1000;
        startLatency = Math.max(0, Math.min(250, (startLatency + late) / 2));
      };
      video.requestVideoFrameCallback(watch);
    }
    return video.play();
  }

  /** Sets the next shot's video going, hidden, when the current shot has only its start latency left. */
  function preroll(left) {
    const next = other();
    if (!next || next.rolling || next.index !== state.index + 1 || shots[next.index].kind !== 'video') return;
    if (left > startLatency || !isReady(next) || next.video.error) return;
    next.rolling = true;
    begin(next.video).catch(() => {
      next.rolling = false;
    });
  }

  /** A next video set going too early (the film paused or went elsewhere) waits again at its start. */
  function unroll() {
    const next = other();
    if (!next || !next.rolling) return;
    next.rolling = false;
    next.video.pause();
    next.video.currentTime = 0;
  }

  function caption() {
    const shot = shots[state.index];
    root.dataset.kind = shot.kind; // a card already says what the caption would
    root.querySelector('.caption-number').textContent = shot.number;
    root.querySelector('.caption-title').textContent = shot.title;
    nowLabel.textContent = `${state.index + 1} / ${shots.length}`;
    segments.forEach((segment, i) => segment.classList.toggle('current', i === state.index));
  }

  // ---- The clock ---------------------------------------------------------------------------------------------

  let last = null;
  function tick(now) {
    requestAnimationFrame(tick);
    const dt = last === null ? 0 : Math.min(now - last, 250);
    last = now;
    if (!state.playing || state.index < 0) return;
    const shot = shots[state.index];
    if (state.held) {
      // waiting for the next shot: only the cut below can end it
    } else if (shot.kind === 'video' && !front.video.error) {
      const video = front.video;
      const length = Number.isFinite(video.duration) ? video.duration * 1000 : Infinity;
      if (state.elapsed < length && !video.ended) {
        if (video.readyState < 3 || video.paused) return; // buffering or starting: the film waits with it
        state.elapsed = video.currentTime * 1000;
      } else {
        state.elapsed += dt; // a video shorter than its shot holds its last frame
      }
    } else if (shot.kind === 'still' && !front.img.complete) {
      return; // a picture shown before it arrived (a jump, the first shot): its time starts when it is there
    } else {
      state.elapsed += dt;
    }
    if (state.elapsed < shot.duration && state.index + 1 < shots.length) preroll(shot.duration - state.elapsed);
    if (state.elapsed >= shot.duration) {
      if (state.index + 1 < shots.length) {
        const next = other();
        if (next.index === state.index + 1 && !isReady(next)) {
          // The next shot is not loaded yet (a slow network): hold this one's last frame rather than cut to black.
          state.held = true;
          front.video.pause();
          return;
        }
        show(state.index + 1, 0, 'advance');
      } else {
        finish();
      }
      return;
    }
    paintTime();
  }

  function position() {
    return state.index < 0 ? 0 : starts[state.index] + Math.min(state.elapsed, shots[state.index].duration);
  }

  function paintTime() {
    const at = position();
    progress.style.width = total ? `${(at / total) * 100}%` : '0';
    timeLabel.textContent = clock(at);
  }

  function clock(ms) {
    const seconds = Math.floor(ms / 1000);
    const minutes = Math.floor(seconds / 60);
    const rest = String(seconds % 60).padStart(2, '0');
    return minutes >= 60
      ? `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}:${rest}`
      : `${minutes}:${rest}`;
  }

  // ---- Play, pause, seek -------------------------------------------------------------------------------------

  function play() {
    if (!shots.length) return;
    if (state.ended) show(0, 0, 'restart');
    state.playing = true;
    if (shots[state.index].kind === 'video') startVideo();
    paintPlaying();
  }

  function pause() {
    state.playing = false;
    if (front) front.video.pause();
    unroll();
    paintPlaying();
  }

  function finish() {
    state.elapsed = shots[state.index].duration;
    state.playing = false;
    state.ended = true;
    front.video.pause();
    paintPlaying();
    paintTime();
  }

  function toggle() {
    if (state.playing) pause();
    else play();
  }

  function paintPlaying() {
    root.classList.toggle('playing', state.playing);
    toggleButton.title = toggleButton.ariaLabel = state.playing ? root.dataset.pause : root.dataset.play;
    bigPlay.hidden = state.playing || !shots.length;
    if (front) front.img.style.animationPlayState = state.playing ? 'running' : 'paused';
    wake();
  }

  function seek(ms) {
    if (!shots.length) return;
    const at = Math.max(0, Math.min(ms, total - 1));
    let index = 0;
    while (index + 1 < shots.length && starts[index + 1] <= at) index++;
    if (index === state.index) {
      unroll();
      place(at - starts[index]);
    }
    else show(index, at - starts[index], 'jump');
  }

  function jump(index) {
    if (index < 0 || index >= shots.length) return;
    show(index, 0, 'jump');
  }

  // ---- Controls ----------------------------------------------------------------------------------------------

  root.querySelector('[data-prev]').addEventListener('click', () => jump(Math.max(0, state.index - 1)));
  root.querySelector('[data-next]').addEventListener('click', () => jump(state.index + 1));
  toggleButton.addEventListener('click', toggle);
  bigPlay.addEventListener('click', play);
  root.querySelector('.stage').addEventListener('click', toggle);
  segments.forEach((segment) => segment.addEventListener('click', () => jump(Number(segment.dataset.index))));

  const captionsButton = root.querySelector('[data-captions]');
  const pushButton = root.querySelector('[data-push]');
  function setting(button, key, cssClass) {
    const apply = (on) => {
      button.setAttribute('aria-pressed', String(on));
      root.classList.toggle(cssClass, !on);
    };
    apply(localStorage.getItem(key) !== 'off');
    button.addEventListener('click', () => {
      const on = button.getAttribute('aria-pressed') !== 'true';
      localStorage.setItem(key, on ? 'on' : 'off');
      apply(on);
    });
  }
  setting(captionsButton, 'kadr.player.captions', 'no-captions');
  setting(pushButton, 'kadr.player.push', 'no-push');

  const fullscreenButton = root.querySelector('[data-fullscreen]');
  function fullscreen() {
    if (document.fullscreenElement) document.exitFullscreen();
    else root.requestFullscreen?.().catch(() => {});
  }
  fullscreenButton.addEventListener('click', fullscreen);

  // The controls step aside while the film plays and nobody moves the mouse.
  let idleTimer = null;
  function wake() {
    root.classList.remove('idle');
    clearTimeout(idleTimer);
    if (state.playing) idleTimer = setTimeout(() => root.classList.add('idle'), 2500);
  }
  root.addEventListener('pointermove', wake);
  root.addEventListener('focusin', wake);

  const keys = {
    ' ': toggle,
    k: pause,
    j: () => seek(position() - 5000),
    l: () => (state.playing ? seek(position() + 5000) : play()),
    ArrowLeft: () => jump(Math.max(0, state.index - 1)),
    ArrowRight: () => jump(state.index + 1),
    Home: () => jump(0),
    f: fullscreen,
    t: () => captionsButton.click(),
  };
  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    // Letters by their place on the keyboard, so that J/K/L work in the Russian layout too.
    const letter = /^Key[A-Z]$/.test(event.code) ? event.code.slice(3).toLowerCase() : null;
    const action = keys[letter] || keys[event.key];
    if (!action) return;
    event.preventDefault(); // a space would otherwise also press the focused button
    action();
    wake();
  });

  // ---- Start -------------------------------------------------------------------------------------------------

  if (!shots.length) {
    bigPlay.hidden = true;
    return;
  }
  const from = Math.max(0, shots.findIndex((shot) => shot.id === root.dataset.from));
  show(from, 0, 'start');
  requestAnimationFrame(tick);
  play();
})();
