// @mentions in the generation bar: typing «@» lists the project's elements; picking one writes its @handle, which
// the server expands into the element's description (and references) when the generation starts.
(function () {
  'use strict';

  const panel = document.getElementById('generate-panel');
  if (!panel || !panel.dataset.projectId) return;
  const TYPED = /(?:^|[^\p{L}\p{N}_])@([\p{L}\p{N}_-]*)$/u;
  // Its looks live with the element pages' (the box page takes scripts only from its templates' head).
  if (!document.querySelector('link[href^="/css/elements.css"]')) {
    document.head.append(Object.assign(document.createElement('link'), { rel: 'stylesheet', href: '/css/elements.css' }));
  }
  let library = null;
  let list = null;
  let active = 0;

  const elements = () => (library ||= Kadr.api('GET', `/api/v1/projects/${panel.dataset.projectId}/elements`)
    .then((page) => page.items)
    .catch(() => { library = null; return []; }));

  function typed(field) {
    const match = TYPED.exec(field.value.slice(0, field.selectionStart));
    return match ? { query: match[1], start: field.selectionStart - match[1].length - 1 } : null;
  }

  function close() {
    list?.remove();
    list = null;
  }

  function option(element, index) {
    const item = document.createElement('li');
    item.setAttribute('role', 'option');
    item.id = `mention-${index}`;
    item.dataset.handle = element.handle;
    item.className = 'mention-option';
    const ref = element.references[0];
    if (ref) {
      const img = document.createElement('img');
      img.src = ref.thumbUrl;
      img.alt = '';
      item.append(img);
    }
    const handle = document.createElement('strong');
    handle.textContent = `@${element.handle}`;
    const kind = document.createElement('span');
    kind.className = 'muted';
    kind.textContent = element.kindLabel;
    item.append(handle, ' ', kind);
    return item;
  }

  function highlight(index) {
    const options = [...list.children];
    active = (index + options.length) % options.length;
    options.forEach((o, i) => o.setAttribute('aria-selected', String(i === active)));
    list.previousElementSibling?.setAttribute?.('aria-activedescendant', options[active].id);
  }

  async function suggest(field) {
    const at = typed(field);
    if (!at) { close(); return; }
    const query = at.query.toLowerCase();
    const found = (await elements()).filter((e) => e.handle.toLowerCase().startsWith(query)
      || e.name.toLowerCase().startsWith(query)).slice(0, 8);
    if (!found.length || typed(field)?.start !== at.start) { close(); return; }
    close();
    list = document.createElement('ul');
    list.className = 'mention-list popover';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', panel.dataset.mentionsLabel || '@');
    found.forEach((e, i) => list.append(option(e, i)));
    list.addEventListener('mousedown', (event) => {
      const item = event.target.closest('[role=option]');
      if (!item) return;
      event.preventDefault();
      pick(field, item.dataset.handle);
    });
    field.closest('label').after(list);
    highlight(0);
  }

  function pick(field, handle) {
    const at = typed(field);
    if (!at) return;
    const after = field.value.slice(field.selectionStart);
    const written = `@${handle}${/^\s/.test(after) ? '' : ' '}`;
    field.value = field.value.slice(0, at.start) + written + after;
    const caret = at.start + written.length;
    field.setSelectionRange(caret, caret);
    field.dispatchEvent(new Event('input', { bubbles: true }));
    close();
  }

  const isPrompt = (target) => target.matches?.('#generate-panel textarea[name=prompt]');
  document.addEventListener('input', (event) => { if (isPrompt(event.target)) suggest(event.target); });
  document.addEventListener('focusout', (event) => { if (isPrompt(event.target)) close(); });
  document.addEventListener('keydown', (event) => {
    if (!list || !isPrompt(event.target)) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      highlight(active + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      pick(event.target, list.children[active].dataset.handle);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  }, true);
})();
