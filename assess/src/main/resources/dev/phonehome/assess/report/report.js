// Filters every element marked data-search by the text typed in #filter; no network, no libraries.
document.addEventListener('DOMContentLoaded', function () {
  var box = document.getElementById('filter');
  if (!box) { return; }
  box.addEventListener('input', function () {
    var q = box.value.toLowerCase();
    document.querySelectorAll('[data-search]').forEach(function (el) {
      el.classList.toggle('hidden', q !== '' && el.getAttribute('data-search').toLowerCase().indexOf(q) < 0);
    });
  });
});
