/* checker report: filters and sorting for the claims table. Plain JS, no dependencies.
   Everything it touches is already in the page; with JavaScript off the whole table shows. */
(function () {
  "use strict";
  var table = document.getElementById("claims-table");
  var panel = document.getElementById("claims-filters");
  if (!table || !panel) { return; }
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  var selects = Array.prototype.slice.call(panel.querySelectorAll("select[data-filter]"));
  var count = document.getElementById("claims-shown");

  function has(list, word) { return (" " + list + " ").indexOf(" " + word + " ") >= 0; }

  function applyFilters() {
    var want = {};
    selects.forEach(function (s) { want[s.getAttribute("data-filter")] = s.value; });
    var shown = 0;
    rows.forEach(function (r) {
      var d = r.dataset;
      var ok = (!want.outlet || d.outlet === want.outlet) &&
        (!want.category || d.category === want.category) &&
        (!want.rule || has(d.rules || "", want.rule)) &&
        (!want.severity || has(d.severities || "none", want.severity));
      r.hidden = !ok;
      if (ok) { shown += 1; }
    });
    if (count) {
      count.textContent = shown.toLocaleString("en") + " of " + rows.length.toLocaleString("en") + " claims shown";
    }
  }

  function key(row, col, numeric) {
    var cell = row.cells[col];
    var v = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
    if (numeric) { var n = parseFloat(v); return isNaN(n) ? null : n; }
    return v === "" ? null : v.toLowerCase();
  }

  function sortBy(th) {
    var col = th.cellIndex;
    var numeric = th.getAttribute("data-type") === "number";
    /* first click: ascending, or descending for columns marked data-desc (worst first) */
    var current = th.getAttribute("aria-sort");
    var dir = current ? (current === "ascending" ? -1 : 1) : (th.hasAttribute("data-desc") ? -1 : 1);
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
    var keyed = rows.map(function (r, i) { return { r: r, k: key(r, col, numeric), i: i }; });
    keyed.sort(function (a, b) {
      if (a.k === b.k) { return a.i - b.i; }
      if (a.k === null) { return 1; }          /* empty cells last, either direction */
      if (b.k === null) { return -1; }
      return (a.k < b.k ? -1 : 1) * dir;
    });
    rows = keyed.map(function (x) { return x.r; });
    var frag = document.createDocumentFragment();
    rows.forEach(function (r) { frag.appendChild(r); });
    tbody.appendChild(frag);
  }

  selects.forEach(function (s) { s.addEventListener("change", applyFilters); });
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
    th.tabIndex = 0;
    th.addEventListener("click", function () { sortBy(th); });
    th.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sortBy(th); }
    });
  });
  table.classList.add("sortable");
  panel.hidden = false;
  applyFilters();
})();
