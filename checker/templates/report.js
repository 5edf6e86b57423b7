/* termcheck HTML report: filter findings by rule, severity and text; open everything to print. */
(function () {
  "use strict";
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };
  each(document.querySelectorAll("[data-findings]"), function (root) {
    var form = root.querySelector(".controls");
    if (!form) { return; }
    var rule = form.querySelector("select[name=rule]");
    var boxes = form.querySelectorAll("input[name=severity]");
    var search = form.querySelector("input[name=q]");
    var count = form.querySelector("output");
    var items = root.querySelectorAll(".finding");
    var texts = Array.prototype.map.call(items, function (el) { return el.textContent.toLowerCase(); });
    var mores = root.querySelectorAll(".more");
    var groups = root.querySelectorAll(".finding-group");
    function apply() {
      var wanted = rule.value, query = search.value.trim().toLowerCase(), allowed = {}, shown = 0;
      each(boxes, function (box) { allowed[box.value] = box.checked; });
      var pass = function (el) {
        return (!wanted || el.getAttribute("data-rule") === wanted) && allowed[el.getAttribute("data-severity")];
      };
      each(items, function (el, i) {
        var ok = pass(el) && (!query || texts[i].indexOf(query) >= 0);
        el.hidden = !ok;
        if (ok) { shown += 1; }
      });
      each(mores, function (el) { el.hidden = !pass(el) || !!query; });
      each(groups, function (group) {
        group.hidden = !group.querySelector(".finding:not([hidden]), .more:not([hidden])");
      });
      count.textContent = shown + " of " + items.length + " shown";
    }
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  });
  window.addEventListener("beforeprint", function () {
    each(document.querySelectorAll("details"), function (d) { d.open = true; });
  });
})();
