// The owner's comments on a moment and a spot, in the box's side panel: the headliner to pause and mark, the
// form that sends the time and the drawing with the text, and the comments' chips that show a comment over its
// frame (the picture it was written on, seeked to its time, its drawing on top).
(function () {
  'use strict';

  const marks = window.KadrMarks;
  let stage = null;
  let media = null;
  let svg = null;
  let tool = null;
  let draft = null;

  const panel = () => document.getElementById('shot-moment');
  const isVideo = () => media instanceof HTMLVideoElement;

  function showTime() {
    const label = panel()?.querySelector('.moment-time');
    if (label) label.textContent = isVideo() ? marks.timecode(Math.round(media.currentTime * 1000), Number(panel().dataset.fps) || 24) : '';
  }

  function choose(name) {
    tool = tool === name ? null : name;
    panel()?.querySelectorAll('[data-tool]').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.tool === tool)));
    svg?.classList.toggle('drawing', !!tool);
    if (tool && isVideo()) media.pause();
  }

  function clear() {
    draft = null;
    if (tool) choose(tool);
    if (svg) marks.show(svg, null);
  }

  // Sets up a picture on the stage: the drawing layer over it, its time shown as it moves.
  function attach(picture) {
    media = picture;
    marks.overlay(media, svg);
    if (isVideo()) {
      ['timeupdate', 'seeked', 'pause', 'loadedmetadata'].forEach((name) => media.addEventListener(name, showTime));
      media.addEventListener('play', () => { if (draft || svg.kadrMark) clear(); });
    }
    showTime();
  }

  htmx.onLoad((root) => {
    const moment = root.id === 'shot-moment' ? root : root.querySelector?.('#shot-moment');
    if (!moment) return;
    stage = moment.querySelector('.moment-stage');
    tool = null;
    draft = null;
    if (!stage) return;
    svg = stage.querySelector('svg.marks');
    attach(stage.querySelector('video, img'));
    marks.drawer(svg, () => tool, (mark) => { draft = mark; });
    // Arrived from a comment's address (the inbox's chip): show that comment's moment once the list is here.
    if (window.location.hash.startsWith('#comment-')) {
      document.body.addEventListener('htmx:afterSettle', function once(event) {
        const chip = document.querySelector(`${window.location.hash} .moment-chip`);
        if (!chip) return;
        document.body.removeEventListener('htmx:afterSettle', once);
        showComment(chip);
      });
    }
  });

  // A comment's moment over its own picture: the one it was written on, which may no longer be the headliner.
  async function showComment(chip) {
    if (!stage) return;
    clear();
    const url = chip.dataset.url;
    if (url && media.getAttribute('src') !== url) {
      const picture = document.createElement(chip.dataset.kind === 'video' ? 'video' : 'img');
      if (picture instanceof HTMLVideoElement) Object.assign(picture, { controls: true, muted: true, playsInline: true, preload: 'auto' });
      picture.setAttribute('src', url);
      media.replaceWith(picture);
      attach(picture);
    }
    if (isVideo() && chip.dataset.timecodeMs) await marks.seek(media, Number(chip.dataset.timecodeMs));
    const mark = chip.dataset.markType ? {
      type: chip.dataset.markType,
      points: chip.dataset.markPoints.split(' ').map((pair) => pair.split(',').map(Number)),
    } : null;
    const show = () => marks.show(svg, mark);
    if (media instanceof HTMLImageElement && !media.complete) media.addEventListener('load', show, { once: true });
    else show();
    stage.scrollIntoView({ block: 'nearest' });
  }

  document.addEventListener('click', (event) => {
    if (!panel()) return;
    const pick = event.target.closest('#shot-moment [data-tool]');
    if (pick) choose(pick.dataset.tool);
    if (event.target.closest('#shot-moment [data-clear]')) clear();
    const chip = event.target.closest('#shot-comments .moment-chip');
    if (chip && stage) {
      event.preventDefault();
      showComment(chip);
    }
  });

  // The owner's comment takes the frame on screen and the drawing with it.
  document.addEventListener('focusin', (event) => {
    if (event.target.closest('#shot-moment textarea') && isVideo()) media.pause();
  });
  document.addEventListener('htmx:configRequest', (event) => {
    if (!event.target.closest?.('#shot-moment form')) return;
    const params = event.detail.parameters;
    const set = (name, value) => { if (params instanceof FormData) params.set(name, value); else params[name] = value; };
    set('timecodeMs', isVideo() ? String(Math.round(media.currentTime * 1000)) : '');
    set('markType', draft ? draft.type : '');
    set('markPoints', marks.pointsText(draft));
  });
  document.addEventListener('htmx:afterRequest', (event) => {
    const form = event.target.closest?.('#shot-moment form');
    if (!form || !event.detail.successful) return;
    // The comments answer with the list; a refusal is shown there and keeps the text for another try.
    if (!event.detail.xhr.responseText.includes('role="alert"')) {
      form.reset();
      clear();
    }
  });
})();
