// The storyboard's filter by element (every shot featuring one character): hides the boxes of shots that do not feature the pressed
// element, again after the grid is swapped; «?element=<id>» in the address presses its chip on arrival.
(() => {
  if (window.kadrCastFilter) return;
  window.kadrCastFilter = true;

  const apply = () => {
    const pressed = document.querySelector('[data-cast-filter][aria-pressed="true"]');
    const shots = pressed && pressed.dataset.shots ? new Set(pressed.dataset.shots.split(' ')) : null;
    document.querySelectorAll('#grid [data-shot-id]').forEach((box) => {
      box.toggleAttribute('data-cast-hidden', shots !== null && !shots.has(box.dataset.shotId));
    });
  };

  const press = (chip) => {
    document.querySelectorAll('[data-cast-filter]').forEach((c) => c.setAttribute('aria-pressed', String(c === chip)));
    const url = new URL(window.location.href);
    if (chip.dataset.castFilter) url.searchParams.set('element', chip.dataset.castFilter);
    else url.searchParams.delete('element');
    window.history.replaceState(null, '', url);
    apply();
  };

  document.addEventListener('click', (event) => {
    const chip = event.target.closest('[data-cast-filter]');
    if (chip) press(chip);
  });
  // The chip named in the address, pressed once the chips have come.
  const pressWanted = () => {
    const wanted = new URL(window.location.href).searchParams.get('element');
    const chip = wanted && document.querySelector(`[data-cast-filter="${CSS.escape(wanted)}"]`);
    if (chip) press(chip);
  };
  document.addEventListener('htmx:afterSwap', (event) => {
    if (event.target.id === 'cast-filter' || event.target.closest('#cast-filter')) pressWanted();
    apply();
  });
  document.addEventListener('htmx:load', (event) => {
    if (event.target.id === 'cast-filter') pressWanted();
  });
})();
