// Drawings over a picture and moments in a video, shared by the client's page and the owner's box.
// A drawing is {type: point|rect|arrow|path, points: [[x, y], …]} in 0–1 of the picture, so it fits the picture
// at any size; it is drawn in an SVG laid exactly over the picture (the .marked wrapper takes the picture's size).
window.KadrMarks = (function () {
  'use strict';

  const SVG = 'http://www.w3.org/2000/svg';

  // The frame on screen at a time, as an edit reads it: HH:MM:SS:FF at the project's frame rate (like Timecode.smpte).
  function timecode(ms, fps) {
    const frames = Math.floor(Math.max(ms, 0) * fps / 1000);
    const seconds = Math.floor(frames / fps);
    const two = (n) => String(n).padStart(2, '0');
    return `${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}:${two(frames % fps)}`;
  }

  function element(name, attributes) {
    const node = document.createElementNS(SVG, name);
    Object.entries(attributes).forEach(([key, value]) => node.setAttribute(key, value));
    return node;
  }

  // Draws one drawing into an SVG, replacing what it showed; null clears it.
  function render(svg, mark) {
    svg.replaceChildren();
    if (!mark || !mark.points || !mark.points.length) { delete svg.dataset.mark; return; }
    svg.dataset.mark = mark.type;
    const box = svg.getBoundingClientRect();
    const w = box.width || 1;
    const h = box.height || 1;
    svg.setAttribute('viewBox', `0 0 ${w} ${h}`);
    const at = ([x, y]) => [x * w, y * h];
    const stroke = { fill: 'none', stroke: 'currentColor', 'stroke-width': 3, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' };
    const [a, b] = mark.points.map(at);
    if (mark.type === 'point') {
      svg.append(element('circle', { cx: a[0], cy: a[1], r: 10, ...stroke }), element('circle', { cx: a[0], cy: a[1], r: 3, fill: 'currentColor' }));
    } else if (mark.type === 'rect' && b) {
      svg.append(element('rect', { x: Math.min(a[0], b[0]), y: Math.min(a[1], b[1]), width: Math.abs(b[0] - a[0]), height: Math.abs(b[1] - a[1]), ...stroke }));
    } else if (mark.type === 'arrow' && b) {
      const angle = Math.atan2(b[1] - a[1], b[0] - a[0]);
      const wing = (turn) => `${b[0] - 16 * Math.cos(angle + turn)},${b[1] - 16 * Math.sin(angle + turn)}`;
      svg.append(element('line', { x1: a[0], y1: a[1], x2: b[0], y2: b[1], ...stroke }),
        element('polyline', { points: `${wing(0.5)} ${b[0]},${b[1]} ${wing(-0.5)}`, ...stroke }));
    } else if (mark.type === 'path') {
      svg.append(element('polyline', { points: mark.points.map(at).map((p) => p.join(',')).join(' '), ...stroke }));
    }
  }

  // Redraws whatever an SVG shows when its picture changes size (a turned phone, an opened panel).
  const sizes = new ResizeObserver((entries) => entries.forEach(({ target }) => {
    if (target.kadrMark) render(target, target.kadrMark);
  }));
  function show(svg, mark) {
    svg.kadrMark = mark;
    render(svg, mark);
    sizes.observe(svg);
  }

  const round = (v) => Math.round(Math.min(1, Math.max(0, v)) * 10000) / 10000;

  // Lets a person draw on an SVG with the tool tool() names; changed(mark) hears each finished drawing.
  // The SVG takes pointer events only while a tool is chosen (class «drawing»), so the video's controls work otherwise.
  function drawer(svg, tool, changed) {
    let current = null;
    const spot = (event) => {
      const box = svg.getBoundingClientRect();
      return [round((event.clientX - box.left) / box.width), round((event.clientY - box.top) / box.height)];
    };
    svg.addEventListener('pointerdown', (event) => {
      const type = tool();
      if (!type) return;
      event.preventDefault();
      svg.setPointerCapture(event.pointerId);
      current = { type, points: [spot(event)] };
      if (type === 'point') { finish(); return; }
      current.points.push(spot(event));
      show(svg, current);
    });
    svg.addEventListener('pointermove', (event) => {
      if (!current) return;
      if (current.type === 'path') {
        if (current.points.length < 400) current.points.push(spot(event));
      } else {
        current.points[1] = spot(event);
      }
      show(svg, current);
    });
    const finish = () => {
      if (!current) return;
      const mark = current;
      current = null;
      const distinct = new Set(mark.points.map((p) => p.join(','))).size;
      if (mark.type === 'path' && mark.points.length > 2) mark.points = mark.points.filter((p, i, all) => i === 0 || p.join() !== all[i - 1].join());
      const kept = mark.type === 'point' || distinct >= 2 ? mark : null;
      show(svg, kept);
      changed(kept);
    };
    svg.addEventListener('pointerup', finish);
    svg.addEventListener('pointercancel', finish);
  }

  // Brings a video to a moment and holds it there; resolves once the frame is on screen.
  function seek(video, ms) {
    return new Promise((resolve) => {
      video.pause();
      const go = () => {
        const target = ms / 1000;
        if (Math.abs(video.currentTime - target) < 0.001) { resolve(); return; }
        video.addEventListener('seeked', () => resolve(), { once: true });
        video.currentTime = target;
      };
      if (video.readyState >= 1) go();
      else video.addEventListener('loadedmetadata', go, { once: true });
    });
  }

  // Lays an SVG exactly over the picture a video or image shows inside its box (object-fit: contain leaves bands
  // around it), and keeps it there as the box changes size. The SVG is positioned in the media's offset parent.
  function overlay(media, svg) {
    const place = () => {
      const naturalW = media.videoWidth || media.naturalWidth;
      const naturalH = media.videoHeight || media.naturalHeight;
      const w = media.clientWidth;
      const h = media.clientHeight;
      if (!naturalW || !naturalH || !w || !h) return;
      const scale = Math.min(w / naturalW, h / naturalH);
      const shownW = naturalW * scale;
      const shownH = naturalH * scale;
      Object.assign(svg.style, {
        left: `${media.offsetLeft + (w - shownW) / 2}px`,
        top: `${media.offsetTop + (h - shownH) / 2}px`,
        width: `${shownW}px`,
        height: `${shownH}px`,
      });
      if (svg.kadrMark) render(svg, svg.kadrMark);
    };
    media.addEventListener('loadedmetadata', place);
    media.addEventListener('load', place);
    new ResizeObserver(place).observe(media);
    place();
    return place;
  }

  // The points as a form sends them: «x,y x,y …».
  const pointsText = (mark) => (mark ? mark.points.map((p) => p.join(',')).join(' ') : '');

  return { timecode, show, drawer, seek, pointsText, overlay };
})();
