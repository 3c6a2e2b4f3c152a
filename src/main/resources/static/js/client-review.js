// The client's answers on a published version: approved / needs changes (with what to change), and the
// favourite among the candidates with an optional reason. Each answer replaces the one before.
(function () {
  'use strict';

  const main = document.querySelector('main.client-page');
  if (!main) return;
  const token = main.dataset.token;
  const texts = document.getElementById('review-texts').dataset;

  async function put(review, what, body) {
    const response = await fetch(`/api/v1/public/${token}/shots/${review.dataset.shotRef}/${what}`, {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
    });
    const data = await response.json().catch(() => null);
    if (!response.ok) throw new Error(data?.detail || texts.failed);
    return data;
  }

  function fail(place, failure) {
    const error = place.querySelector(':scope > .client-error, fieldset > .client-error');
    error.textContent = failure.message || texts.failed;
    error.hidden = false;
  }

  function showApproval(approval, answer) {
    approval.dataset.decision = answer.decision;
    approval.querySelectorAll('[data-decision]').forEach((button) =>
      button.setAttribute('aria-pressed', String(button.dataset.decision === answer.decision)));
    const comment = approval.querySelector('.approval-comment');
    comment.textContent = answer.comment || '';
    comment.hidden = !answer.comment;
    approval.querySelector('.changes-form').hidden = true;
  }

  main.addEventListener('click', async (event) => {
    const button = event.target.closest('.approval [data-decision]');
    if (!button) return;
    const approval = button.closest('.approval');
    approval.querySelector(':scope > .client-error').hidden = true;
    if (button.dataset.decision === 'changes') {
      // Changes need words: the form opens, and the answer goes with its comment.
      const form = approval.querySelector('.changes-form');
      form.hidden = false;
      form.comment.focus();
      return;
    }
    try {
      showApproval(approval, await put(button.closest('.review'), 'approval', { decision: 'approved' }));
    } catch (failure) {
      fail(approval, failure);
    }
  });

  main.addEventListener('submit', async (event) => {
    const changes = event.target.closest('.changes-form');
    const pick = event.target.closest('.pick-form');
    if (!changes && !pick) return;
    event.preventDefault();
    const review = event.target.closest('.review');
    const button = event.target.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      if (changes) {
        const approval = changes.closest('.approval');
        approval.querySelector(':scope > .client-error').hidden = true;
        showApproval(approval, await put(review, 'approval', { decision: 'changes', comment: changes.comment.value }));
      } else {
        pick.querySelector('.client-error').hidden = true;
        const chosen = pick.querySelector('input[name=candidateRef]:checked');
        const answer = await put(review, 'pick', { candidateRef: chosen ? chosen.value : '', reason: pick.reason.value });
        pick.querySelectorAll('.candidate').forEach((candidate) => candidate.classList.toggle('picked',
          candidate.querySelector('input[name=candidateRef]').value === answer.candidateRef));
        button.textContent = texts.picked;
      }
    } catch (failure) {
      fail(changes ? changes.closest('.approval') : pick, failure);
    } finally {
      button.disabled = false;
    }
  });
})();
