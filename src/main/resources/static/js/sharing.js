// The owner's sharing tools: copying a link, and the comments kept live on the storyboard, inbox and box pages.
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

  // Without KADR_PUBLIC_URL a link comes as a path (never an address taken from a request's Host header); the
  // address this page is really at makes it whole for copying.
  htmx.onLoad((root) => {
    root.querySelectorAll('.share-url').forEach((input) => {
      if (input.value.startsWith('/')) input.value = window.location.origin + input.value;
    });
  });

  // The storyboard's way to the inbox keeps its unread count as clients write and the owner reads.
  const storyboard = document.querySelector('main.storyboard');
  if (storyboard) {
    const refreshInboxLink = () => {
      const link = document.getElementById('inbox-link');
      if (link) htmx.ajax('GET', link.dataset.refresh, { target: link, swap: 'outerHTML' });
    };
    // A client's answer changes the links' answer counts; the panel is redrawn unless the owner is typing in it.
    const refreshPanel = () => {
      const panel = document.getElementById('sharing-panel');
      if (panel && !panel.contains(document.activeElement)) {
        htmx.ajax('GET', `/projects/${storyboard.dataset.projectId}/sharing`, { target: panel, swap: 'outerHTML' });
      }
    };
    Kadr.live(storyboard.dataset.projectId,
      { comment: refreshInboxLink, 'comment-state': refreshInboxLink, answer: refreshPanel });
  }

  // The inbox shows new comments and changes made elsewhere at once, but never while the owner is typing a
  // reply: then it waits until that reply box is gone or closed.
  const inbox = document.querySelector('main.inbox');
  if (inbox) {
    let stale = false;
    const refreshInbox = () => {
      const list = document.getElementById('inbox-comments');
      stale = Boolean(list?.querySelector('.reply-box[open]'));
      if (list && !stale) {
        htmx.ajax('GET', window.location.pathname + window.location.search,
          { target: list, select: '#inbox-comments', swap: 'outerHTML' });
      }
    };
    const catchUp = () => { if (stale) refreshInbox(); };
    document.addEventListener('htmx:afterSettle', catchUp);
    inbox.addEventListener('toggle', catchUp, true);
    Kadr.live(inbox.dataset.projectId, { comment: refreshInbox, 'comment-state': refreshInbox, answer: refreshInbox });
    // The filters apply as they are picked: another project's inbox, or one published version's comments.
    inbox.addEventListener('change', (event) => {
      if (event.target.matches('[data-inbox-project]')) window.location = `/projects/${event.target.value}/inbox`;
      if (event.target.matches('[data-autosubmit]')) event.target.form.submit();
    });
  }

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
