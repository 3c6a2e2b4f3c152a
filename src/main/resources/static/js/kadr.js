// Shared helpers of every page: CSRF on requests, toasts, JSON API calls, confirmations, live events.
(function () {
  'use strict';

  const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.content;

  const Kadr = {
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

    toast(message, kind = 'info') {
      const box = document.getElementById('toasts');
      if (!box) return;
      const item = document.createElement('div');
      item.className = `toast ${kind}`;
      item.textContent = message;
      box.append(item);
      setTimeout(() => item.remove(), 6000);
    },

    /** Opens the project's event stream and calls the handler for each named event. */
    live(projectId, handlers) {
      if (!window.EventSource || !projectId) return null;
      const source = new EventSource(`/projects/${projectId}/events`);
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
