// Blurred placeholders drawn from each thumbnail's ThumbHash while the real thumbnail loads.
// The decoder follows the ThumbHash format by Evan Wallace (MIT): a DC colour plus a few cosine terms
// for the L, P and Q channels (and alpha), packed as 4-bit values after a 5- or 6-byte header.
(function () {
  'use strict';

  function bytesOf(base64) {
    return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  }

  function layout(hash) {
    const header24 = hash[0] | (hash[1] << 8) | (hash[2] << 16);
    const header16 = hash[3] | (hash[4] << 8);
    const hasAlpha = (header24 >> 23) & 1;
    const isLandscape = (header16 >> 15) & 1;
    return {
      lDc: (header24 & 63) / 63,
      pDc: ((header24 >> 6) & 63) / 31.5 - 1,
      qDc: ((header24 >> 12) & 63) / 31.5 - 1,
      lScale: ((header24 >> 18) & 31) / 31,
      pScale: ((header16 >> 3) & 63) / 63,
      qScale: ((header16 >> 9) & 63) / 63,
      hasAlpha,
      lx: Math.max(3, isLandscape ? (hasAlpha ? 5 : 7) : header16 & 7),
      ly: Math.max(3, isLandscape ? header16 & 7 : (hasAlpha ? 5 : 7)),
      aDc: hasAlpha ? (hash[5] & 15) / 15 : 1,
      aScale: (hash[5] >> 4) / 15,
      acStart: hasAlpha ? 6 : 5,
      ratio: (isLandscape ? (hasAlpha ? 5 : 7) : hash[3] & 7) / (isLandscape ? hash[3] & 7 : (hasAlpha ? 5 : 7)),
    };
  }

  /** Reads the packed AC coefficients of one channel, in the encoder's triangular order. */
  function channelReader(hash, start) {
    let index = 0;
    return (nx, ny, scale) => {
      const ac = [];
      for (let cy = 0; cy < ny; cy++) {
        for (let cx = cy ? 0 : 1; cx * ny < nx * (ny - cy); cx++) {
          const nibble = (hash[start + (index >> 1)] >> ((index & 1) << 2)) & 15;
          index++;
          ac.push((nibble / 7.5 - 1) * scale);
        }
      }
      return ac;
    };
  }

  function sum(ac, fx, fy, nx, ny) {
    let total = 0;
    for (let cy = 0, j = 0; cy < ny; cy++) {
      for (let cx = cy ? 0 : 1; cx * ny < nx * (ny - cy); cx++, j++) total += ac[j] * fx[cx] * fy[cy] * 2;
    }
    return total;
  }

  function toRgba(hash) {
    const h = layout(hash);
    const read = channelReader(hash, h.acStart);
    const lAc = read(h.lx, h.ly, h.lScale);
    const pAc = read(3, 3, h.pScale * 1.25);
    const qAc = read(3, 3, h.qScale * 1.25);
    const aAc = h.hasAlpha ? read(5, 5, h.aScale) : null;
    const width = Math.round(h.ratio > 1 ? 32 : 32 * h.ratio);
    const height = Math.round(h.ratio > 1 ? 32 / h.ratio : 32);
    const rgba = new Uint8ClampedArray(width * height * 4);
    const n = Math.max(h.lx, h.ly, h.hasAlpha ? 5 : 3);
    const fx = new Array(n);
    const fy = new Array(n);
    for (let y = 0, i = 0; y < height; y++) {
      for (let c = 0; c < n; c++) fy[c] = Math.cos((Math.PI / height) * (y + 0.5) * c);
      for (let x = 0; x < width; x++, i += 4) {
        for (let c = 0; c < n; c++) fx[c] = Math.cos((Math.PI / width) * (x + 0.5) * c);
        const l = h.lDc + sum(lAc, fx, fy, h.lx, h.ly);
        const p = h.pDc + sum(pAc, fx, fy, 3, 3);
        const q = h.qDc + sum(qAc, fx, fy, 3, 3);
        const a = h.aDc + (aAc ? sum(aAc, fx, fy, 5, 5) : 0);
        const b = l - (2 / 3) * p;
        const r = (3 * l - b + q) / 2;
        rgba[i] = 255 * Math.min(1, Math.max(0, r));
        rgba[i + 1] = 255 * Math.min(1, Math.max(0, r - q));
        rgba[i + 2] = 255 * Math.min(1, Math.max(0, b));
        rgba[i + 3] = 255 * Math.min(1, Math.max(0, a));
      }
    }
    return { width, height, rgba };
  }

  function dataUrl(base64) {
    const { width, height, rgba } = toRgba(bytesOf(base64));
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    canvas.getContext('2d').putImageData(new ImageData(rgba, width, height), 0, 0);
    return canvas.toDataURL();
  }

  function paint(root) {
    root.querySelectorAll('img[data-thumbhash]:not([data-placeheld])').forEach((img) => {
      img.dataset.placeheld = '';
      if (img.complete && img.naturalWidth) return;
      const frame = img.parentElement;
      try {
        frame.style.backgroundImage = `url(${dataUrl(img.dataset.thumbhash)})`;
        frame.classList.add('placeheld');
      } catch (ignored) { /* a malformed hash just leaves the neutral background */ }
      // Once the picture is there the blur must not show around a letterboxed image.
      img.addEventListener('load', () => {
        frame.style.backgroundImage = '';
        frame.classList.remove('placeheld');
      }, { once: true });
    });
  }

  if (typeof document !== 'undefined') {
    document.addEventListener('DOMContentLoaded', () => paint(document));
    document.addEventListener('htmx:afterSettle', (event) => paint(event.target));
  }
  if (typeof module !== 'undefined') module.exports = { toRgba, bytesOf };
})();
