// The owner's sharing tools: copying a link, and the box page's comments kept live.
(function () {
  'use strict';

  document.addEventListener('click', async (event) => {
    const button = event.target.closest('[data-copy]');
    if (!button) return;
    const input = button.closest('.share-link').querySelector('.share-url');
    try {
      await navigator.clipboard.writeText(input.value);
    } catch (ignored) {
      input.select();
      document.execCommand('copy');
    }
    Kadr.toast(button.dataset.copied);
  });

  const box = document.querySelector('main.box-page');
  if (!box) return;
  const shotId = box.dataset.shotId;
  // A new comment from a client shows up at once, unless the owner is typing a reply: that is never lost.
  const refresh = () => {
    const list = document.getElementById('shot-comments');
    if (list && !list.querySelector('.reply-box[open]')) {
      htmx.ajax('GET', `/shots/${shotId}/comments`, { target: list, swap: 'outerHTML' });
    }
  };
  Kadr.live(box.dataset.projectId, {
    comment: (event) => { if (event.shotId === shotId) refresh(); },
  });
})();
