// Shared helpers of every page: CSRF on requests, toasts, JSON API calls, confirmations, live events.
(function () {
  'use strict';

  const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.content;
  const streams = {};

  // An @mention as the studio reads it (element.Handle.MENTION): «@» not after a letter or digit, then a letter.
  const MENTION = /(^|[^\p{L}\p{N}_])@\p{L}/u;

  const Kadr = {
    hasMention(text) {
      return MENTION.test(text || '');
    },

    csrfHeaders() {
      const header = meta('csrf-header');
      const token = meta('csrf-token');
      return header && token ? { [header]: token } : {};
    },

    async api(method, url, body) {
      const response = await fetch(url, {
        method,
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...Kadr.csrfHeaders() },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      const data = text ? JSON.parse(text) : null;
      if (!response.ok) {
        const error = new Error(data?.detail || response.statusText);
        error.status = response.status;
        error.problem = data;
        throw error;
      }
      return data;
    },

    /** Uploads one file into a shot with progress; resolves to {ok, data, message} and never rejects. */
    upload(shotId, file, onProgress) {
      return new Promise((resolve) => {
        const form = new FormData();
        form.append('file', file);
        const request = new XMLHttpRequest();
        request.open('POST', `/api/v1/shots/${shotId}/assets`);
        for (const [name, value] of Object.entries(Kadr.csrfHeaders())) request.setRequestHeader(name, value);
        request.setRequestHeader('Accept', 'application/json');
        request.upload.addEventListener('progress', (event) => {
          if (event.lengthComputable && onProgress) onProgress(Math.round((event.loaded / event.total) * 100));
        });
        request.addEventListener('load', () => {
          let data = null;
          try { data = JSON.parse(request.responseText); } catch (ignored) { /* not JSON */ }
          resolve({ ok: request.status === 201, data, message: data?.detail });
        });
        request.addEventListener('error', () => resolve({ ok: false, data: null, message: null, network: true }));
        request.send(form);
      });
    },

    toast(message, kind = 'info') {
      const box = document.getElementById('toasts');
      if (!box) return;
      const item = document.createElement('div');
      item.className = `toast ${kind}`;
      item.textContent = message;
      box.append(item);
      setTimeout(() => item.remove(), 6000);
    },

    /**
     * Calls the handler for each named event of the project's stream. Scripts of one page share one stream:
     * a browser allows only a few open connections per server.
     */
    live(projectId, handlers) {
      if (!window.EventSource || !projectId) return null;
      streams[projectId] ||= new EventSource(`/projects/${projectId}/events`);
      const source = streams[projectId];
      for (const [name, handler] of Object.entries(handlers)) {
        source.addEventListener(name, (event) => handler(JSON.parse(event.data)));
      }
      return source;
    },
  };

  document.addEventListener('htmx:configRequest', (event) => {
    Object.assign(event.detail.headers, Kadr.csrfHeaders());
  });

  document.addEventListener('htmx:responseError', (event) => {
    const xhr = event.detail.xhr;
    let message = xhr.statusText;
    try { message = JSON.parse(xhr.responseText).detail || message; } catch (ignored) { /* HTML error page */ }
    Kadr.toast(message, 'error');
  });

  // Buttons with data-confirm ask before their form is sent.
  document.addEventListener('submit', (event) => {
    const button = event.submitter;
    const question = button?.dataset.confirm;
    if (question && !window.confirm(question)) event.preventDefault();
  });

  window.Kadr = Kadr;
})();
