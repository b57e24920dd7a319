// The "Print" button of a page laid out for printing: shown only where this script runs, since
// without it the button could do nothing (the browser's own print command works either way).
document.querySelectorAll('[data-print]').forEach(function (button) {
  button.hidden = false;
  button.addEventListener('click', function () { window.print(); });
});
