// Script to shots: removes a proposed row and numbers the rest again; the count on the confirm button follows.
document.addEventListener('click', (event) => {
  const remove = event.target.closest('[data-script-remove]');
  if (!remove) return;
  const table = remove.closest('tbody');
  remove.closest('tr').remove();
  table.querySelectorAll('.script-number').forEach((cell, i) => { cell.textContent = String(i + 1); });
  const count = document.getElementById('script-count');
  if (count) count.textContent = count.textContent.replace(/\d+/, String(table.rows.length));
});
