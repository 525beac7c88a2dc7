/* kg viz: the page's script. All text from the documents arrives in the JSON data
 * block and is put into the page with textContent only, never parsed as HTML. */
(function () {
  "use strict";
  var t0 = performance.now();
  var state = window.kgViz = { ready: false, stabilized: false, stabilizedAt: null, layoutMs: null, errors: [] };
  window.addEventListener("error", function (e) { state.errors.push(String(e.message || e)); });

  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var meta = data.meta;
  var CO = "coMentionedWith";
  var FONT = 'system-ui, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", ' +
             '"Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';
  var n = data.nodes.length;
  // The positions come seeded from a networkx layout: a short stabilization settles them, then
  // the physics is switched off. Big views get fewer iterations and a time budget.
  var ITERATIONS = n <= 300 ? 200 : n <= 1000 ? 100 : 50;
  var MAX_LAYOUT_MS = 3000;
  // how much bigger the labels of the most important entities are: more when the whole view
  // has to be zoomed out further to fit (the fitted scale goes down with the square root of n)
  var LABEL_BOOST = Math.max(0, Math.min(36, 2.2 * Math.sqrt(n) - 12));
  state.data = data;

  // -- small DOM helpers: text only ------------------------------------------------------------
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function add(parent) {
    for (var i = 1; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined) continue;
      parent.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    }
    return parent;
  }
  function $(id) { return document.getElementById(id); }
  function fmt(x) { return Number(x).toLocaleString("en-US"); }
  function short(label, max) { return label.length > max ? label.slice(0, max - 1) + "…" : label; }
  function svgIcon(shape, color, dashed) {
    var NS = "http://www.w3.org/2000/svg";  // an XML namespace name, not a resource
    var svg = document.createElementNS(NS, "svg");
    svg.setAttribute("width", "16"); svg.setAttribute("height", "16"); svg.setAttribute("viewBox", "0 0 16 16");
    var s;
    if (shape === "line") {
      s = document.createElementNS(NS, "line");
      s.setAttribute("x1", "0"); s.setAttribute("y1", "8"); s.setAttribute("x2", "16"); s.setAttribute("y2", "8");
      s.setAttribute("stroke", color); s.setAttribute("stroke-width", dashed ? "1.5" : "2.5");
      if (dashed) s.setAttribute("stroke-dasharray", "3 2");
    } else if (shape === "dot") {
      s = document.createElementNS(NS, "circle");
      s.setAttribute("cx", "8"); s.setAttribute("cy", "8"); s.setAttribute("r", "6");
    } else {
      s = document.createElementNS(NS, "polygon");
      s.setAttribute("points", {
        diamond: "8,1 15,8 8,15 1,8", triangle: "8,1 15,14 1,14", square: "2,2 14,2 14,14 2,14",
        hexagon: "4,1.5 12,1.5 15.5,8 12,14.5 4,14.5 0.5,8"
      }[shape] || "2,2 14,2 14,14 2,14");
    }
    if (shape !== "line") { s.setAttribute("fill", color); s.setAttribute("stroke", "#333"); s.setAttribute("stroke-width", "0.6"); }
    svg.appendChild(s);
    return svg;
  }
  function status(text) { $("kg-status").textContent = text; }

  // -- header ---------------------------------------------------------------------------------
  var relEdges = data.edges.filter(function (e) { return e.rel !== CO; }).length;
  var coEdges = data.edges.length - relEdges;
  $("kg-title").textContent = meta.title || "kg network";
  document.title = meta.title || document.title;
  $("kg-summary").textContent = fmt(n) + " entities · " + fmt(relEdges) + " stated relations · " +
    fmt(coEdges) + " co-mention links (hidden until toggled) · " + fmt(data.issues.length) + " issue(s)";
  var filters = [];
  if (meta.focus) filters.push("focus: " + meta.focus + " (" + meta.hops + " hop" + (meta.hops > 1 ? "s" : "") + ")");
  if (meta.types) filters.push("types: " + meta.types.join(", "));
  if (meta.issues) filters.push("issues: " + meta.issues.join(", "));
  if (meta.since) filters.push("since " + meta.since);
  if (meta.until) filters.push("until " + meta.until);
  if (meta.min_mentions > 1) filters.push("mentioned ≥ " + meta.min_mentions + "×");
  $("kg-filters").textContent = (filters.length ? "Filters: " + filters.join(" · ") + ". " : "") +
    "Size: PageRank over the stated relations. " + (meta.notes || []).join(" ");
  if (meta.left_out > 0 || meta.co_mentions_left_out > 0) {
    var parts = [];
    if (meta.left_out > 0) {
      parts.push("Showing the " + fmt(n) + " most important of " + fmt(meta.total_nodes) + " entities: " +
        fmt(meta.left_out) + " left out (node cap " + fmt(meta.max_nodes) + "; raise it with --max-nodes, " +
        "or narrow the view with --focus, --types, --since).");
    }
    if (meta.co_mentions_left_out > 0) {
      parts.push(fmt(meta.co_mentions_left_out) + " weaker co-mention links left out.");
    }
    $("kg-left-out").textContent = parts.join(" ");
    $("kg-left-out").hidden = false;
  }

  // -- indexes --------------------------------------------------------------------------------
  var byId = {};
  data.nodes.forEach(function (d) { byId[d.id] = d; });
  var adjacent = {};
  data.edges.forEach(function (e, k) {
    (adjacent[e.from] = adjacent[e.from] || []).push(k);
    (adjacent[e.to] = adjacent[e.to] || []).push(k);
  });
  function relName(e) {
    var r = data.relations[e.rel] || { label: e.rel };
    if (e.rel === "holdsPosition" && e.title) return e.title;
    if (e.rel === "investedIn" && e.round) return e.round;
    return r.label;
  }
  function typeStyle(t) { return data.types[t] || { color: "#999", shape: "dot", label: t }; }
  function darker(hex) {
    var v = parseInt(hex.slice(1), 16), f = 0.7;
    var r = Math.round((v >> 16) * f), g = Math.round(((v >> 8) & 255) * f), b = Math.round((v & 255) * f);
    return "rgb(" + r + "," + g + "," + b + ")";
  }

  // -- the network ----------------------------------------------------------------------------
  var nodes = new vis.DataSet(data.nodes.map(function (d) {
    var t = typeStyle(d.type);
    return {
      id: d.id, label: short(d.label, 16), x: d.x, y: d.y, size: d.size, shape: t.shape,
      color: { background: t.color, border: darker(t.color),
               highlight: { background: t.color, border: "#111" }, hover: { background: t.color, border: "#111" } },
      // labels of the most important entities stay readable when the whole graph is in view;
      // the others appear as you zoom in (vis-network skips labels too small to read)
      font: { size: Math.round(12 + LABEL_BOOST * Math.pow((d.size - 8) / 24, 1.5)), face: FONT, color: "#222",
              strokeWidth: 4, strokeColor: "#ffffff" },
      borderWidth: 1, borderWidthSelected: 3
    };
  }));
  var edges = new vis.DataSet(data.edges.map(function (e, k) {
    var r = data.relations[e.rel] || { color: "#999" };
    var co = e.rel === CO;
    var edge = {
      id: k, from: e.from, to: e.to,
      color: { color: r.color, highlight: "#111", hover: "#111", opacity: co ? 0.7 : 0.9 },
      width: co ? 0.6 : 1 + 0.5 * Math.min(e.ev.length, 4), dashes: co ? [4, 4] : false,
      // hidden co-mention links still pull (in views of moderate size): entities named together
      // end up near each other
      hidden: co, physics: !co || n <= 600, length: co ? 220 : undefined,
      arrows: r.arrows ? { to: { enabled: true, scaleFactor: 0.45 } } : { to: { enabled: false } },
      font: { size: 10, face: FONT, color: "#555", strokeWidth: 3, strokeColor: "#ffffff", align: "middle" }
    };
    if (!co) edge.label = relName(e);
    if (e.n) edge.smooth = { enabled: true, type: e.n % 2 ? "curvedCW" : "curvedCCW", roundness: 0.2 * Math.ceil(e.n / 2) };
    return edge;
  }));
  var options = {
    autoResize: true,
    layout: { improvedLayout: false, randomSeed: 7 },
    physics: {
      enabled: true, solver: "barnesHut",
      barnesHut: { gravitationalConstant: -2500, centralGravity: 0.05, springLength: 90, springConstant: 0.03,
                   damping: 0.5, avoidOverlap: n <= 600 ? 0.15 : 0 },
      maxVelocity: 30, minVelocity: 1, timestep: 0.5,
      stabilization: { enabled: true, iterations: ITERATIONS, updateInterval: 20, fit: true }
    },
    interaction: { hover: true, hoverConnectedEdges: true, tooltipDelay: 150, navigationButtons: false,
                   keyboard: false, hideEdgesOnDrag: n > 800, hideEdgesOnZoom: n > 800 },
    nodes: { shape: "dot" },
    edges: { smooth: false, selectionWidth: 1.5, hoverWidth: 0.5 }
  };
  var container = $("kg-network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
  state.network = network; state.nodes = nodes; state.edges = edges; state.ready = true;
  state.setupMs = Math.round(performance.now() - t0);
  state.iterations = 0;

  var guard = setTimeout(function () { if (!state.stabilized) network.stopSimulation(); }, MAX_LAYOUT_MS);
  state.maxLayoutMs = MAX_LAYOUT_MS; state.maxIterations = ITERATIONS;
  network.on("stabilizationProgress", function (p) {
    state.iterations = p.iterations;
    status("laying out… " + p.iterations + "/" + p.total);
  });
  network.once("stabilizationIterationsDone", function () {
    clearTimeout(guard);
    network.setOptions({ physics: { enabled: false } });
    network.fit({ animation: false });
    state.stabilized = true;
    state.stabilizedAt = Math.round(performance.now());
    state.layoutMs = Math.round(performance.now() - t0);
    document.documentElement.setAttribute("data-stabilized", String(state.stabilizedAt));
    status("Layout settled in " + (state.stabilizedAt / 1000).toFixed(1) + " s (physics off; tick “physics” to let it move).");
    if (meta.focus) {
      var center = data.nodes.filter(function (d) { return d.label === meta.focus; })[0];
      if (center) { network.selectNodes([center.id]); showNode(center.id); }
    }
  });

  // -- tooltip (hover) and panel (click) -----------------------------------------------------
  var tip = $("kg-tip");
  function issueText(k) {
    var i = data.issues[k];
    if (!i) return "";
    return i.id + (i.date ? " · " + i.date : "") + (i.title ? " · " + i.title + (i.label ? " " + i.label : "") : "");
  }
  function sourceText(s) {
    var i = data.issues[data.sentences[s][0]];
    return i ? i.id + (i.date ? ", " + i.date : "") : "";
  }
  function typeChip(t) {
    var s = typeStyle(t), chip = el("span", "kg-chip", s.label + " " + t);
    chip.style.background = s.color;
    return chip;
  }
  function evidence(s) {
    var box = el("div", "kg-evidence", data.sentences[s][1]);
    add(box, el("span", "kg-source", "— " + sourceText(s)));
    return box;
  }
  function nodeLink(id) {
    var b = el("button", "kg-link", byId[id].label);
    b.type = "button";
    b.addEventListener("click", function () { select(id); });
    return b;
  }
  function placeTip(event) {
    var x = (event && event.clientX) || 0, y = (event && event.clientY) || 0;
    tip.hidden = false;
    var w = tip.offsetWidth, h = tip.offsetHeight;
    tip.style.left = Math.min(x + 14, window.innerWidth - w - 6) + "px";
    tip.style.top = Math.min(y + 14, window.innerHeight - h - 6) + "px";
  }
  function relationCounts(id) {
    var counts = {}, co = 0;
    (adjacent[id] || []).forEach(function (k) {
      var e = data.edges[k];
      if (e.rel === CO) co++; else counts[e.rel] = (counts[e.rel] || 0) + 1;
    });
    return { counts: counts, co: co };
  }
  function nodeTip(id) {
    var d = byId[id];
    tip.textContent = "";
    add(tip, el("strong", null, d.label), el("br"), typeChip(d.type),
        el("span", "kg-muted", d.mentions + " mention(s) in " + d.issues.length + " issue(s)"));
    if (d.aliases.length) add(tip, el("div", null, "别名 aliases: " + d.aliases.slice(0, 6).join("、") + (d.aliases.length > 6 ? " …" : "")));
    var rc = relationCounts(id), rels = Object.keys(rc.counts).map(function (r) {
      return (data.relations[r] ? data.relations[r].label : r) + " " + rc.counts[r];
    });
    if (rels.length) add(tip, el("div", null, "关系 relations: " + rels.join(" · ")));
    if (rc.co) add(tip, el("div", "kg-muted", "named together with " + rc.co + " entities"));
    if (d.issues.length) add(tip, el("div", "kg-muted", "期次 issues: " + d.issues.slice(0, 3).map(function (k) { return data.issues[k].id; }).join(", ") + (d.issues.length > 3 ? " …" : "")));
    add(tip, el("div", "kg-muted", "click for the evidence"));
  }
  function coText(e) {
    return "named together in " + e.count + " article(s) of " +
      e.iss.map(function (k) { return issueText(k); }).join("; ") + "; no relation stated";
  }
  function edgeTip(k) {
    var e = data.edges[k];
    tip.textContent = "";
    add(tip, el("strong", null, byId[e.from].label + " → " + relName(e) + " → " + byId[e.to].label),
        el("div", "kg-muted", (data.relations[e.rel] || {}).name || e.rel));
    if (e.rel === CO) add(tip, el("div", "kg-muted", coText(e)));
    if (e.ev.length) add(tip, evidence(e.ev[0]));
    if (e.ev.length > 1) add(tip, el("div", "kg-muted", "+" + (e.ev.length - 1) + " more sentence(s): click"));
  }
  network.on("hoverNode", function (p) { nodeTip(p.node); placeTip(p.event); });
  network.on("blurNode", function () { tip.hidden = true; });
  network.on("hoverEdge", function (p) { edgeTip(p.edge); placeTip(p.event); });
  network.on("blurEdge", function () { tip.hidden = true; });
  network.on("dragStart", function () { tip.hidden = true; });
  network.on("zoom", function () { tip.hidden = true; });

  var panel = $("kg-panel");
  function describeEdge(list, e, from) {
    var li = el("li");
    var other = e.from === from ? e.to : e.from;
    var arrow = e.rel === CO ? " — " : e.from === from ? " → " : " ← ";
    add(li, el("span", "kg-rel", arrow + relName(e) + (e.amount ? " (" + e.amount + ")" : "") + arrow), nodeLink(other));
    if (e.rel === CO) add(li, el("span", "kg-muted", " ×" + e.count + " (" + e.iss.map(function (k) { return data.issues[k].id; }).join(", ") + ")"));
    if (e.rel === "within") add(li, el("span", "kg-muted", " (division data)"));
    e.ev.forEach(function (s) { add(li, evidence(s)); });
    list.appendChild(li);
  }
  function showNode(id) {
    var d = byId[id];
    if (!d) return;
    panel.textContent = "";
    add(panel, el("h2", null, d.label), typeChip(d.type),
        el("span", "kg-muted", d.mentions + " mention(s) · PageRank " + d.pr));
    add(panel, el("h3", null, "别名 aliases"), el("p", d.aliases.length ? null : "kg-muted", d.aliases.length ? d.aliases.join("、") : "none"));
    var issues = el("ul");
    d.issues.forEach(function (k) { add(issues, el("li", null, issueText(k))); });
    add(panel, el("h3", null, "期次 issues (" + d.issues.length + ")"), issues);
    var stated = [], co = [];
    (adjacent[id] || []).forEach(function (k) { (data.edges[k].rel === CO ? co : stated).push(data.edges[k]); });
    var rels = el("ul");
    stated.forEach(function (e) { describeEdge(rels, e, id); });
    add(panel, el("h3", null, "关系 relations (" + stated.length + ")"), stated.length ? rels : el("p", "kg-muted", "no stated relation"));
    if (co.length) {
      co.sort(function (a, b) { return (b.count || 0) - (a.count || 0); });
      var cos = el("ul");
      co.slice(0, 30).forEach(function (e) { describeEdge(cos, e, id); });
      add(panel, el("h3", null, "共现 named together with (" + co.length + ")"), cos);
      if (co.length > 30) add(panel, el("p", "kg-muted", (co.length - 30) + " more"));
    }
    add(panel, el("p", "kg-iri", d.iri));
    panel.scrollTop = 0;
  }
  function showEdge(k) {
    var e = data.edges[k];
    panel.textContent = "";
    add(panel, el("h2", null, relName(e)), el("p", "kg-muted", (data.relations[e.rel] || {}).name || e.rel));
    var p = el("p");
    add(p, nodeLink(e.from), e.rel === CO || e.rel === "partnerOf" ? " — " : " → ", nodeLink(e.to));
    add(panel, p);
    ["title", "round", "amount"].forEach(function (a) { if (e[a]) add(panel, el("p", null, a + ": " + e[a])); });
    if (e.lead !== undefined) add(panel, el("p", null, e.lead ? "lead investor (领投)" : "follow-on investor (跟投)"));
    if (e.rel !== CO) add(panel, el("h3", null, "证据 evidence (" + e.ev.length + ")"));
    if (e.rel === CO) add(panel, el("p", null, coText(e)));
    else if (!e.ev.length) add(panel, el("p", "kg-muted", e.rel === "within" ? "from the administrative division data" : "none"));
    e.ev.forEach(function (s) { add(panel, evidence(s)); });
  }
  function select(id) {
    var d = byId[id];
    if (!d) return;
    if (hiddenTypes[d.type]) setType(d.type, true);
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.1), animation: { duration: 300 } });
    showNode(id);
  }
  network.on("click", function (p) {
    tip.hidden = true;
    if (p.nodes.length) showNode(p.nodes[0]);
    else if (p.edges.length) showEdge(p.edges[0]);
  });

  // -- search ---------------------------------------------------------------------------------
  var names = $("kg-names");
  var ranked = data.nodes.slice().sort(function (a, b) { return b.pr - a.pr; });
  ranked.forEach(function (d) { var o = document.createElement("option"); o.value = d.label; names.appendChild(o); });
  function find(q) {
    q = (q || "").trim();
    if (!q) return null;
    var tests = [
      function (d) { return d.label === q; },
      function (d) { return d.aliases.indexOf(q) >= 0; },
      function (d) { return d.label.indexOf(q) >= 0; },
      function (d) { return d.aliases.some(function (a) { return a.indexOf(q) >= 0; }); }
    ];
    for (var i = 0; i < tests.length; i++) {
      for (var j = 0; j < ranked.length; j++) if (tests[i](ranked[j])) return ranked[j].id;
    }
    return null;
  }
  function search(q) {
    var id = find(q);
    $("kg-search-message").textContent = id === null ? "no entity matches “" + q + "” in this view" : "";
    if (id !== null) select(id);
    return id;
  }
  $("kg-search").addEventListener("change", function () { search(this.value); });
  $("kg-search").addEventListener("keydown", function (ev) { if (ev.key === "Enter") search(this.value); });
  $("kg-search-go").addEventListener("click", function () { search($("kg-search").value); });

  // -- type and co-mention toggles ------------------------------------------------------------
  var hiddenTypes = {};
  var coBox = $("kg-co-mentions");
  function applyVisibility() {
    nodes.update(data.nodes.map(function (d) { return { id: d.id, hidden: !!hiddenTypes[d.type] }; }));
    var showCo = coBox.checked;
    edges.update(data.edges.map(function (e, k) {
      return { id: k, hidden: (e.rel === CO && !showCo) || !!hiddenTypes[byId[e.from].type] || !!hiddenTypes[byId[e.to].type] };
    }));
  }
  var typeRows = {};
  function setType(t, visible) {
    hiddenTypes[t] = !visible;
    if (typeRows[t]) { typeRows[t].box.checked = visible; typeRows[t].row.classList.toggle("kg-off", !visible); }
    applyVisibility();
  }
  var typeCounts = {};
  data.nodes.forEach(function (d) { typeCounts[d.type] = (typeCounts[d.type] || 0) + 1; });
  Object.keys(data.types).forEach(function (t) {
    var s = data.types[t];
    var row = el("label", "kg-legend-row"), box = el("input");
    box.type = "checkbox"; box.checked = true;
    box.addEventListener("change", function () { setType(t, box.checked); });
    add(row, box, svgIcon(s.shape, s.color), el("span", null, s.label + " " + t), el("span", "kg-count", fmt(typeCounts[t] || 0)));
    typeRows[t] = { row: row, box: box };
    $("kg-types").appendChild(row);
  });
  var relCounts = {};
  data.edges.forEach(function (e) { relCounts[e.rel] = (relCounts[e.rel] || 0) + 1; });
  Object.keys(data.relations).forEach(function (r) {
    var s = data.relations[r];
    if (!relCounts[r]) return;
    var row = el("div", "kg-legend-row");
    add(row, svgIcon("line", s.color, !!s.dashes), el("span", null, s.label + " " + r), el("span", "kg-count", fmt(relCounts[r])));
    $("kg-relations").appendChild(row);
  });
  $("kg-co-mentions-label").textContent = "共现 co-mentions (" + fmt(coEdges) + ")";
  coBox.disabled = coEdges === 0;
  coBox.addEventListener("change", applyVisibility);
  $("kg-physics").addEventListener("change", function () {
    network.setOptions({ physics: { enabled: this.checked, stabilization: { enabled: false } } });
  });
  $("kg-fit").addEventListener("click", function () { network.fit({ animation: { duration: 300 } }); });

  // -- for tests and scripting ----------------------------------------------------------------
  state.showNode = showNode; state.showEdge = showEdge; state.search = search; state.select = select;
  state.setType = setType;
  state.setCoMentions = function (on) { coBox.checked = !!on; applyVisibility(); };
  state.counts = function () {
    return {
      nodes: nodes.length, edges: edges.length,
      visibleNodes: nodes.get({ filter: function (x) { return !x.hidden; } }).length,
      visibleEdges: edges.get({ filter: function (x) { return !x.hidden; } }).length,
      relations: relEdges, coMentions: coEdges
    };
  };
  state.hover = function (id) { nodeTip(id); placeTip({ clientX: 200, clientY: 200 }); };
  state.hoverEdge = function (k) { edgeTip(k); placeTip({ clientX: 200, clientY: 200 }); };
})();
