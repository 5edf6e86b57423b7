/* compare across languages: show the aligned pairs, or the chain's rows, by status. */
(function () {
  "use strict";
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };
  each(document.querySelectorAll("form.row-filter"), function (form) {
    var table = document.getElementById(form.getAttribute("data-table"));
    if (!table) { return; }
    var select = form.querySelector("select");
    var count = form.querySelector("output");
    var rows = table.querySelectorAll("tbody tr");
    function apply() {
      var wanted = select.value, shown = 0;
      each(rows, function (row) {
        var ok = !wanted || (" " + row.getAttribute("data-statuses") + " ").indexOf(" " + wanted + " ") >= 0;
        row.hidden = !ok;
        if (ok) { shown += 1; }
      });
      count.textContent = shown + " of " + rows.length + " shown";
    }
    select.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  });
})();
