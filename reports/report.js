/* checker report: findings filters and paging, the claims table (drawn from its JSON), and
   links that open what they point into. Plain JS, no dependencies, nothing fetched. With
   JavaScript off every finding and article shows; only the claims table needs the script. */
(function () {
  "use strict";
  var doc = document;
  function $(id) { return doc.getElementById(id); }
  function all(root, sel) { return Array.prototype.slice.call(root.querySelectorAll(sel)); }
  function fmt(n) { return n.toLocaleString("en"); }

  /* --- findings beyond the first page: inert text until needed ---------------------- */
  var later = all(doc, "script.later-findings");
  var groups = all(doc, "#findings section.group");
  function materialize(count) {
    var made = 0;
    while (later.length && (count === undefined || made < count)) {
      var chunk = later.shift();
      var t = doc.createElement("template");
      t.innerHTML = chunk.textContent;   /* our own escaped markup, written by the report */
      var fresh = all(t.content, "section.group");
      fresh.forEach(function (g) { g.hidden = true; });
      chunk.parentNode.replaceChild(t.content, chunk);
      groups = groups.concat(fresh);
      made += 1;
    }
  }

  /* --- links: open the folded article, show the paged-out group, then scroll ----------- */
  function reveal(el) {
    for (var p = el; p; p = p.parentElement) {
      if (p.tagName === "DETAILS" && !p.open) { p.open = true; }
      if (p.classList && p.classList.contains("group") && p.hidden) {
        p.hidden = false; p.classList.add("revealed");
      }
      if (p.tagName === "ARTICLE" && p.hidden) { p.hidden = false; }
    }
  }
  function target(hash) {
    if (!hash || hash.length < 2) { return null; }
    var id = decodeURIComponent(hash.slice(1));
    var el = $(id);
    if (!el && later.length) { materialize(); el = $(id); }
    return el;
  }
  function goTo(hash) {
    var el = target(hash);
    if (!el) { return; }
    reveal(el);
    el.scrollIntoView({ block: el.tagName === "MARK" ? "center" : "start" });
  }
  doc.addEventListener("click", function (e) {
    var a = e.target.closest ? e.target.closest("a[href^='#']") : null;
    if (!a) { return; }
    var id = a.getAttribute("href");
    if (!target(id)) { return; }
    e.preventDefault();
    if (location.hash !== id) { history.pushState(null, "", id); }
    goTo(id);
  });
  window.addEventListener("hashchange", function () { goTo(location.hash); });

  /* --- findings: filters, search and paging over groups -------------------------------- */
  var panel = $("findings-filters");
  var moreBox = $("findings-more-box");
  var pageSize = moreBox ? Number($("findings-more").getAttribute("data-page")) || 25 : 25;
  var limit = pageSize;
  var totalFindings = panel ? Number($("findings-shown").getAttribute("data-total")) : 0;
  function wanted() {
    var want = {}, any = false;
    all(panel, "[data-ffilter]").forEach(function (s) {
      want[s.getAttribute("data-ffilter")] = s.value.trim().toLowerCase();
      if (want[s.getAttribute("data-ffilter")]) { any = true; }
    });
    want.any = any;
    return want;
  }
  function applyFindings() {
    var want = wanted();
    if (want.any) { materialize(); }   /* a filter looks at every finding */
    var shown = 0, groupsShown = 0, matching = 0;
    groups.forEach(function (g) {
      var groupText = want.text ? g.querySelector(".ghead").textContent.toLowerCase() +
        all(g, ".card").map(function (c) { return c.textContent; }).join(" ").toLowerCase() : "";
      var any = false;
      all(g, "article.finding").forEach(function (f) {
        var fd = f.dataset;
        var ok = (!want.outlet || fd.outlets.indexOf("|" + want.outlet + "|") >= 0) &&
          (!want.place || fd.places.indexOf("|" + want.place + "|") >= 0) &&
          (!want.rule || fd.rule.toLowerCase() === want.rule) &&
          (!want.kind || fd.kind === want.kind) && (!want.severity || fd.severity === want.severity) &&
          (!want.status || fd.status === want.status) &&
          (!want.text || groupText.indexOf(want.text) >= 0 || f.textContent.toLowerCase().indexOf(want.text) >= 0);
        f.hidden = !ok;
        if (ok) { any = true; }
      });
      if (any) { matching += 1; }
      var visible = any && (matching <= limit || g.classList.contains("revealed"));
      g.hidden = !visible;
      if (visible) { groupsShown += 1; shown += all(g, "article.finding:not([hidden])").length; }
    });
    var more = later.length > 0 || matching > groupsShown;
    $("findings-shown").textContent = fmt(shown) + " of " + fmt(totalFindings) + " findings shown" +
      (more ? " (more below)" : "");
    moreBox.hidden = !more;
  }
  if (panel && groups.length) {
    all(panel, "select").forEach(function (s) { s.addEventListener("change", function () { limit = pageSize; applyFindings(); }); });
    all(panel, "input").forEach(function (s) { s.addEventListener("input", function () { limit = pageSize; applyFindings(); }); });
    $("findings-more").addEventListener("click", function () {
      limit += pageSize;
      var inDom = groups.filter(function (g) { return g.hidden && !g.classList.contains("revealed"); }).length;
      if (inDom < pageSize) { materialize(1); }
      applyFindings();
    });
    panel.hidden = false;
    applyFindings();
  }

  /* --- claims: a table drawn a page at a time from the JSON data ----------------------- */
  var table = $("claims-table"), dataEl = $("claims-data");
  if (table && dataEl) {
    var data = JSON.parse(dataEl.textContent);
    var rank = { high: 3, medium: 2, low: 1 };
    var rows = data.rows.map(function (r, i) {
      var art = data.articles[r[0]];
      var refs = r[11].map(function (k) { return data.findings[k]; });
      var worst = refs.reduce(function (m, f) { return Math.max(m, rank[f[2]] || 0); }, refs.length ? 0 : -1);
      return {
        i: i, outlet: data.outlets[art[1]], published: art[2], articleId: art[0], category: data.categories[r[1]],
        nature: data.natures[r[2]], words: r[3], value: r[4], reads: data.reads[r[5]], low: r[6], location: r[7], as_of: r[8],
        attribution: r[9], href: r[10], refs: refs, severity: worst,
        rules: refs.map(function (f) { return data.rules[f[3]]; }),
        sevs: refs.length ? refs.map(function (f) { return f[2]; }) : ["none"],
        text: (art[0] + " " + r[3] + " " + r[7] + " " + r[9] + " " + data.outlets[art[1]]).toLowerCase()
      };
    });
    var tbody = table.tBodies[0], cpanel = $("claims-filters"), pager = $("claims-pager");
    var per = 100, page = 0, view = rows, sortKey = null, sortDir = 1;
    function cell(tr, text, cls) {
      var td = doc.createElement("td");
      if (cls) { td.className = cls; }
      if (text !== null) { td.textContent = text; }
      tr.appendChild(td);
      return td;
    }
    function sub(td, text) { var s = doc.createElement("span"); s.className = "sub"; s.textContent = text; td.appendChild(s); }
    function draw() {
      var pages = Math.max(1, Math.ceil(view.length / per));
      page = Math.min(Math.max(page, 0), pages - 1);
      var frag = doc.createDocumentFragment();
      view.slice(page * per, page * per + per).forEach(function (r) {
        var tr = doc.createElement("tr");
        tr.dataset.outlet = r.outlet; tr.dataset.value = r.value;
        tr.dataset.severities = r.sevs.join(" ");
        if (r.severity >= 0) { tr.className = "sev-" + (["low", "low", "medium", "high"][r.severity] || "low"); }
        cell(tr, r.outlet); cell(tr, r.published);
        sub(cell(tr, r.category), r.nature);
        var w = cell(tr, null);
        if (r.href) { var a = doc.createElement("a"); a.href = r.href; a.textContent = r.words; w.appendChild(a); } else { w.textContent = r.words; }
        cell(tr, r.value.toLocaleString("en", { maximumFractionDigits: 2 }), "num");
        cell(tr, r.reads, "iv"); cell(tr, r.location); cell(tr, r.as_of); cell(tr, r.attribution);
        var f = cell(tr, null);
        r.refs.forEach(function (ref, k) {
          var c = doc.createElement("a"); c.className = "chip sev-" + ref[2]; c.href = ref[0];
          c.title = ref[2] + ": " + r.rules[k]; c.textContent = ref[1]; f.appendChild(c);
        });
        frag.appendChild(tr);
      });
      tbody.textContent = "";
      tbody.appendChild(frag);
      $("claims-shown").textContent = fmt(view.length) + " of " + fmt(rows.length) + " claims shown";
      $("claims-page").textContent = "page " + fmt(page + 1) + " of " + fmt(pages);
      pager.hidden = pages < 2;
    }
    function filter() {
      var want = {};
      all(cpanel, "[data-filter]").forEach(function (s) { want[s.getAttribute("data-filter")] = s.value; });
      var q = (want.text || "").trim().toLowerCase();
      view = rows.filter(function (r) {
        return (!want.outlet || r.outlet === want.outlet) && (!want.category || r.category === want.category) &&
          (!want.rule || r.rules.indexOf(want.rule) >= 0) && (!want.severity || r.sevs.indexOf(want.severity) >= 0) &&
          (!q || r.text.indexOf(q) >= 0);
      });
      sort();
      page = 0;
      draw();
    }
    function sort() {
      if (!sortKey) { return; }
      var numeric = sortKey === "value" || sortKey === "low" || sortKey === "severity";
      view.sort(function (a, b) {
        var x = a[sortKey], y = b[sortKey];
        if (numeric) { x = x === null || x < 0 ? null : x; y = y === null || y < 0 ? null : y; }
        else { x = x ? String(x).toLowerCase() : null; y = y ? String(y).toLowerCase() : null; }
        if (x === y) { return a.i - b.i; }
        if (x === null) { return 1; }   /* empty cells last, either direction */
        if (y === null) { return -1; }
        return (x < y ? -1 : 1) * sortDir;
      });
    }
    all(table.tHead, "th").forEach(function (th) {
      th.tabIndex = 0;
      function go() {
        var current = th.getAttribute("aria-sort");
        sortDir = current ? (current === "ascending" ? -1 : 1) : (th.hasAttribute("data-desc") ? -1 : 1);
        all(table.tHead, "th").forEach(function (c) { c.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", sortDir === 1 ? "ascending" : "descending");
        sortKey = th.getAttribute("data-key");
        view = view.slice(); sort(); draw();
      }
      th.addEventListener("click", go);
      th.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); go(); } });
    });
    all(cpanel, "select").forEach(function (s) { s.addEventListener("change", filter); });
    all(cpanel, "input").forEach(function (s) { s.addEventListener("input", filter); });
    all(pager, "button").forEach(function (b) { b.addEventListener("click", function () { page += Number(b.getAttribute("data-page")); draw(); }); });
    table.classList.add("sortable");
    cpanel.hidden = false;
    filter();
  }
  if (location.hash) { goTo(location.hash); }
  doc.documentElement.dataset.ready = String(Math.round(performance.now()));
})();
