// The owner's side of the client's answers: takes offered to the client from the box's card menus, and the
// storyboard filtered by the client's approval.
(function () {
  'use strict';

  // The box: a card's «offer to the client» item adds the take to the candidates or takes it back; the cards offered
  // carry a mark, kept in step with the side section after every redraw of either.
  const box = document.querySelector('main.box-page');
  if (box) {
    const shotId = box.dataset.shotId;
    const section = () => document.getElementById('shot-review');
    const mark = () => {
      const review = section();
      if (!review) return;
      const offered = (review.dataset.candidates || '').split(',').filter(Boolean);
      document.querySelectorAll('#feed .card').forEach((card) => {
        const place = offered.indexOf(card.dataset.assetId);
        card.classList.toggle('is-candidate', place >= 0);
        card.querySelector('.candidate-mark')?.remove();
        if (place >= 0) {
          const badge = document.createElement('span');
          badge.className = 'badge-chip candidate-mark';
          badge.textContent = `${review.dataset.variant} ${'ABCD'[place]}`;
          card.querySelector('.badges')?.append(badge);
        }
        const item = card.querySelector('[data-propose] span');
        if (item) item.textContent = place >= 0 ? review.dataset.withdraw : review.dataset.propose;
      });
    };
    document.addEventListener('htmx:afterSettle', mark);
    document.addEventListener('click', (event) => {
      const item = event.target.closest('[data-propose]');
      if (!item || !section()) return;
      const card = item.closest('.card');
      htmx.ajax('POST', `/shots/${shotId}/candidates/toggle`,
        { target: '#shot-review', swap: 'outerHTML', values: { assetId: card.dataset.assetId } });
    });
  }

  // The storyboard: chips that show only the shots a client approved, asked to change, or has not answered; the
  // grid keeps every shot (as the status filter does), so reordering still names them all.
  const storyboard = document.querySelector('main.storyboard');
  if (storyboard) {
    const chips = document.querySelectorAll('[data-approval-filter]');
    const count = () => {
      const boxes = [...document.querySelectorAll('#grid .box')];
      chips.forEach((chip) => {
        chip.querySelector('[data-approval-count]').textContent =
          String(boxes.filter((item) => item.dataset.approval === chip.dataset.approvalFilter).length);
      });
    };
    const filterBy = (approval) => {
      if (approval) storyboard.dataset.approval = approval; else delete storyboard.dataset.approval;
      chips.forEach((chip) => chip.setAttribute('aria-pressed', String(chip.dataset.approvalFilter === approval)));
      const url = new URL(window.location.href);
      if (approval) url.searchParams.set('approval', approval); else url.searchParams.delete('approval');
      history.replaceState(history.state, '', url);
    };
    chips.forEach((chip) => chip.addEventListener('click', () =>
      filterBy(storyboard.dataset.approval === chip.dataset.approvalFilter ? '' : chip.dataset.approvalFilter)));
    document.addEventListener('htmx:afterSettle', count);
    count();
    filterBy(new URL(window.location.href).searchParams.get('approval') || '');
  }
})();
