/* kg viz: the page's script. All text from the documents arrives in the JSON data
 * block and is put into the page with textContent only, never parsed as HTML; the
 * SVG export builds its elements the same way and serializes them.
 *
 * The positions come from Python (communities apart, then the entities in each), so
 * the physics stays off: the first frame is the settled picture. Entity names are not
 * drawn by vis-network but by this script, after each frame, in screen pixels: the
 * most central first, each only where it overlaps no name already placed. */
(function () {
  "use strict";
  var t0 = performance.now();
  var state = window.kgViz = { ready: false, stabilized: false, stabilizedAt: null, layoutMs: null,
                               firstFrameAt: null, errors: [] };
  window.addEventListener("error", function (e) { state.errors.push(String(e.message || e)); });

  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var setup = state.setup = { parse: Math.round(performance.now() - t0) };  // where the opening time goes (ms)
  var meta = data.meta;
  var CO = "coMentionedWith";
  var FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", ' +
             '"WenQuanYi Micro Hei", system-ui, sans-serif';
  var n = data.nodes.length;
  var dates = data.dates || [];
  // slider steps: one per issue date, then "all issues" (undated ones included)
  var LAST = dates.length;
  var BIG = n > 1500;
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
  var SVGNS = "http://www.w3.org/2000/svg";  // an XML namespace name, not a resource
  function svgEl(tag, attrs) {
    var e = document.createElementNS(SVGNS, tag);
    for (var k in attrs) if (Object.prototype.hasOwnProperty.call(attrs, k)) e.setAttribute(k, String(attrs[k]));
    return e;
  }
  function shapePoints(shape, x, y, r) {
    var pts;
    if (shape === "diamond") pts = [[0, -1], [1, 0], [0, 1], [-1, 0]];
    else if (shape === "triangle") pts = [[0, -1], [0.866, 0.5], [-0.866, 0.5]];
    else if (shape === "square") pts = [[-1, -1], [1, -1], [1, 1], [-1, 1]];
    else if (shape === "hexagon") pts = [[1, 0], [0.5, 0.866], [-0.5, 0.866], [-1, 0], [-0.5, -0.866], [0.5, -0.866]];
    else return null;
    return pts.map(function (p) { return (x + p[0] * r).toFixed(1) + "," + (y + p[1] * r).toFixed(1); }).join(" ");
  }
  function svgIcon(shape, color, dashed) {
    var svg = svgEl("svg", { width: 16, height: 16, viewBox: "0 0 16 16" }), s;
    if (shape === "line") {
      s = svgEl("line", { x1: 0, y1: 8, x2: 16, y2: 8, stroke: color, "stroke-width": dashed ? 1.5 : 2.5 });
      if (dashed) s.setAttribute("stroke-dasharray", "3 2");
    } else if (shape === "dot" || shape === "circle") {
      s = svgEl("circle", { cx: 8, cy: 8, r: 6 });
    } else {
      s = svgEl("polygon", { points: shapePoints(shape, 8, 8, 6.5) || "2,2 14,2 14,14 2,14" });
    }
    if (shape !== "line") { s.setAttribute("fill", color); s.setAttribute("stroke", "#333"); s.setAttribute("stroke-width", "0.6"); }
    svg.appendChild(s);
    return svg;
  }
  function status(text) { $("kg-status").textContent = text; }

  // -- indexes --------------------------------------------------------------------------------
  var byId = data.nodes;  // ids are positions in the list
  var adjacent = [];
  data.nodes.forEach(function (d) { adjacent[d.id] = []; });
  var relEdges = 0, coEdges = 0;
  data.edges.forEach(function (e, k) {
    adjacent[e.from].push(k);
    adjacent[e.to].push(k);
    if (e.rel === CO) coEdges++; else relEdges++;
  });
  var unconnected = data.nodes.filter(function (d) { return d.u; });
  var linked = n - unconnected.length;
  var ranked = data.nodes.slice().sort(function (a, b) { return b.pr - a.pr || b.mentions - a.mentions || a.id - b.id; });
  var rankOf = new Int32Array(n);
  ranked.forEach(function (d, k) { rankOf[d.id] = k; });
  var topPr = ranked.length ? ranked[0].pr || 1 : 1;
  var communityMembers = data.communities.map(function () { return []; });
  ranked.forEach(function (d) { if (d.c >= 0) communityMembers[d.c].push(d.id); });
  var typeOrder = Object.keys(data.types);
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
  function issueText(k) {
    var i = data.issues[k];
    if (!i) return "";
    return i.id + (i.date ? " · " + i.date : "") + (i.title ? " · " + i.title + (i.label ? " " + i.label : "") : "");
  }
  function stepText(step) {
    if (step >= LAST) {
      var undated = data.issues.filter(function (i) { return i.step >= LAST; }).length;
      return "all issues" + (undated ? " (" + undated + " undated included)" : "");
    }
    return dates[step];
  }

  // -- what is shown: one state, kept in the page address ----------------------------------------
  var view = { color: "type", step: LAST, issue: -1, hiddenTypes: {}, hiddenRels: {}, co: !!meta.co_mentions_shown,
               unconnected: false, focus: null, q: "" };
  function limit() { return view.step >= LAST ? Infinity : view.step; }
  // the step whose newcomers are ringed: the date on the slider, or else the issue filtered on
  function newStep() {
    if (view.step < LAST) return view.step;
    var i = view.issue >= 0 ? data.issues[view.issue] : null;
    return i && i.step < LAST ? i.step : -1;
  }
  function nodeKnown(d) {  // passes the filters (whether or not it is drawn)
    return !view.hiddenTypes[d.type] && d.t <= limit() && (view.issue < 0 || d.issues.indexOf(view.issue) >= 0);
  }
  function nodeShown(d) { return (!d.u || view.unconnected) && nodeKnown(d); }
  var shownNode = new Uint8Array(n), shownEdge = new Uint8Array(data.edges.length);
  function edgeShown(e) {
    if (e.rel === CO ? !view.co : view.hiddenRels[e.rel]) return false;
    if (e.t > limit() || (view.issue >= 0 && e.iss.indexOf(view.issue) < 0)) return false;
    return !!(shownNode[e.from] && shownNode[e.to]);
  }
  function computeShown() {
    var nu = [], eu = [];
    data.nodes.forEach(function (d) {
      var s = nodeShown(d) ? 1 : 0;
      if (s !== shownNode[d.id]) { shownNode[d.id] = s; nu.push({ id: d.id, hidden: !s }); }
    });
    data.edges.forEach(function (e, k) {
      var s = edgeShown(e) ? 1 : 0;
      if (s !== shownEdge[k]) { shownEdge[k] = s; if (e.rel !== CO || coLoaded) eu.push({ id: k, hidden: !s }); }
    });
    return { nodes: nu, edges: eu };
  }

  function own(obj, key) { return Object.prototype.hasOwnProperty.call(obj, key); }  // the address is anyone's text
  function readHash() {
    var p = new URLSearchParams(location.hash.replace(/^#/, ""));
    view.color = p.get("color") === "community" ? "community" : "type";
    var date = p.get("date");
    view.step = LAST;
    if (date) { var k = dates.indexOf(date); if (k >= 0) view.step = k; }
    view.issue = -1;
    var issue = p.get("issue");
    if (issue) data.issues.forEach(function (i, k) { if (i.id === issue) view.issue = k; });
    view.hiddenTypes = {};
    (p.get("hide") || "").split(",").forEach(function (t) { if (own(data.types, t)) view.hiddenTypes[t] = true; });
    view.hiddenRels = {};
    (p.get("hiderel") || "").split(",").forEach(function (r) { if (own(data.relations, r) && r !== CO) view.hiddenRels[r] = true; });
    view.co = p.has("co") ? p.get("co") === "1" : !!meta.co_mentions_shown;
    view.unconnected = p.get("unconnected") === "1";
    view.q = p.get("q") || "";
    view.focus = null;
    var focus = p.get("focus") || (p.has("focus") ? null : meta.focus);  // an ego view opens on its centre
    if (focus) for (var j = 0; j < ranked.length; j++) if (ranked[j].label === focus) { view.focus = ranked[j].id; break; }
  }
  function viewParams() {
    var p = new URLSearchParams();
    if (view.color !== "type") p.set("color", view.color);
    if (view.step < LAST) p.set("date", dates[view.step]);
    if (view.issue >= 0) p.set("issue", data.issues[view.issue].id);
    var hide = Object.keys(view.hiddenTypes).filter(function (t) { return view.hiddenTypes[t]; });
    if (hide.length) p.set("hide", hide.join(","));
    var hideRel = Object.keys(view.hiddenRels).filter(function (r) { return view.hiddenRels[r]; });
    if (hideRel.length) p.set("hiderel", hideRel.join(","));
    if (view.co !== !!meta.co_mentions_shown) p.set("co", view.co ? "1" : "0");
    if (view.unconnected) p.set("unconnected", "1");
    if (view.focus !== null) p.set("focus", byId[view.focus].label);
    else if (meta.focus) p.set("focus", "");  // an ego view with its centre let go
    if (view.q) p.set("q", view.q);
    return p.toString();
  }
  // at most one address change per 200 ms (dragging the slider would make dozens a second, and
  // browsers slow down pages that rewrite their address that often); the last one is kept
  var writing = false, lastWrite = -1e9, pendingWrite = null;
  function writeHash(now) {
    var t = performance.now();
    if (!now && t - lastWrite < 200) {
      if (pendingWrite === null) pendingWrite = setTimeout(function () { pendingWrite = null; writeHash(true); }, 200);
      return;
    }
    if (pendingWrite !== null) { clearTimeout(pendingWrite); pendingWrite = null; }
    lastWrite = t;
    var hash = viewParams();
    if (location.hash.replace(/^#/, "") === hash) return;
    writing = true;
    try { history.replaceState(null, "", hash ? "#" + hash : location.pathname + location.search); }
    catch (err) { location.hash = hash; }
    writing = false;
  }
  readHash();
  computeShown();

  // -- header ---------------------------------------------------------------------------------
  $("kg-title").textContent = meta.title || "kg network";
  document.title = meta.title || document.title;
  $("kg-summary").textContent = fmt(n) + " entities: " + fmt(linked) + " linked, on the canvas · " +
    fmt(unconnected.length) + " with no stated relation, listed at the side · " + fmt(relEdges) +
    " stated relations · " + fmt(coEdges) + " co-mention links (hidden until toggled) · " +
    fmt(data.communities.length) + " communities · " + fmt(data.issues.length) + " issue(s)";
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
    if (meta.co_mentions_left_out > 0) parts.push(fmt(meta.co_mentions_left_out) + " weaker co-mention links left out.");
    $("kg-left-out").textContent = parts.join(" ");
    $("kg-left-out").hidden = false;
  }

  // -- the network ----------------------------------------------------------------------------
  function nodeColor(d) {
    var c = view.color === "community" ? (d.c >= 0 ? data.communities[d.c].color : "#d9d9d9") : typeStyle(d.type).color;
    return { background: c, border: darker(c), highlight: { background: c, border: "#111" },
             hover: { background: c, border: "#111" } };
  }
  function visNode(d) {
    return { id: d.id, x: d.x, y: d.y, size: d.size, shape: typeStyle(d.type).shape, color: nodeColor(d),
             hidden: !shownNode[d.id], borderWidth: 1, borderWidthSelected: 3 };
  }
  function visEdge(e, k) {
    var r = data.relations[e.rel] || { color: "#999" };
    var co = e.rel === CO;
    var edge = {
      id: k, from: e.from, to: e.to, hidden: !shownEdge[k],
      color: { color: r.color, highlight: "#111", hover: "#111", opacity: co ? 0.7 : 0.9 },
      width: co ? 0.6 : 1 + 0.5 * Math.min(e.ev.length, 4), dashes: co ? [4, 4] : false,
      arrows: r.arrows ? { to: { enabled: true, scaleFactor: 0.45 } } : { to: { enabled: false } }
    };
    if (!co) edge.label = relName(e);
    if (e.n) edge.smooth = { enabled: true, type: e.n % 2 ? "curvedCW" : "curvedCCW", roundness: 0.2 * Math.ceil(e.n / 2) };
    return edge;
  }
  setup.page = Math.round(performance.now() - t0);
  var nodes = new vis.DataSet(data.nodes.map(visNode));
  // co-mention links join the canvas the first time they are asked for
  var coLoaded = false;
  var edges = new vis.DataSet(data.edges.map(function (e, k) { return e.rel === CO ? null : visEdge(e, k); })
                                        .filter(function (e) { return e !== null; }));
  function loadCo() {
    if (coLoaded) return;
    coLoaded = true;
    edges.add(data.edges.map(function (e, k) { return e.rel === CO ? visEdge(e, k) : null; })
                        .filter(function (e) { return e !== null; }));
  }
  if (view.co) loadCo();
  var options = {
    autoResize: true,
    layout: { improvedLayout: false, randomSeed: 7 },
    physics: {
      enabled: false, solver: "barnesHut",
      barnesHut: { gravitationalConstant: -2500, centralGravity: 0.05, springLength: 90, springConstant: 0.03,
                   damping: 0.5, avoidOverlap: n <= 600 ? 0.15 : 0 },
      maxVelocity: 30, minVelocity: 1, timestep: 0.5, stabilization: { enabled: false }
    },
    interaction: { hover: true, hoverConnectedEdges: true, tooltipDelay: 150, navigationButtons: false,
                   keyboard: false, hideEdgesOnDrag: BIG, hideEdgesOnZoom: BIG },
    nodes: { shape: "dot" },
    edges: { smooth: false, selectionWidth: 1.5, hoverWidth: 0.5,
             font: { size: 10, face: FONT, color: "#555", strokeWidth: 3, strokeColor: "#ffffff", align: "middle" },
             // relation names show once zoomed in far enough to read them
             scaling: { label: { enabled: true, drawThreshold: 9 } } }
  };
  var container = $("kg-network");
  setup.datasets = Math.round(performance.now() - t0);
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
  setup.network = Math.round(performance.now() - t0);
  var body = network.body;  // vis-network's own objects: see setHidden and stopCamera
  state.network = network; state.nodes = nodes; state.edges = edges; state.ready = true;
  state.setupMs = Math.round(performance.now() - t0);

  function shownIds() {
    var ids = [];
    for (var i = 0; i < n; i++) if (shownNode[i]) ids.push(i);
    return ids;
  }
  // Camera moves. vis-network animates a move frame by frame (as if at 60 frames a second), so
  // on a big view an animation lasts as many slow frames: big views move at once. A move also
  // ends the one under way: vis-network would otherwise keep the older one running.
  function animation(wanted) { return wanted && !BIG ? { duration: 300 } : false; }
  function stopCamera() {
    var v = network.view;
    if (v && v.viewFunction && body && body.emitter) {
      body.emitter.off("initRedraw", v.viewFunction);
      v.viewFunction = undefined;
      v.easingTime = 0;
    }
  }
  var fitScale = 0, fitting = false;  // the scale at which the whole view fits
  function fit(animate) {
    var ids = shownIds(), how = animation(animate);
    stopCamera();
    fitting = !!how;
    network.fit(ids.length ? { nodes: ids, animation: how } : { animation: false });
    if (!how) fitScale = network.getScale();
  }
  network.on("animationFinished", function () { if (fitting) { fitting = false; fitScale = network.getScale(); } });

  // -- names, drawn after each frame ------------------------------------------------------------
  var hovered = null, matches = {}, group = -1, labelBoxes = [], widths = {};
  var LABEL_CHARS = 14;
  function labelSize(d) { return Math.round(12 + 4 * Math.sqrt(d.pr / topPr)); }
  function pos(id) { var b = network.body.nodes[id]; return b ? { x: b.x, y: b.y } : { x: byId[id].x, y: byId[id].y }; }
  function candidates() {
    // the hovered and selected entities and their neighbours first, then search matches, then by PageRank
    var first = [], seen = {};
    function push(id) { if (!seen[id] && shownNode[id]) { seen[id] = 1; first.push(id); } }
    var selected = network.getSelectedNodes();
    [hovered].concat(selected).forEach(function (id) {
      if (id === null || id === undefined) return;
      push(id);
      var near = [];
      adjacent[id].forEach(function (k) {
        if (!shownEdge[k]) return;
        var e = data.edges[k];
        near.push(e.from === id ? e.to : e.from);
      });
      near.sort(function (a, b) { return rankOf[a] - rankOf[b]; }).forEach(push);
    });
    Object.keys(matches).forEach(function (id) { push(+id); });
    if (group >= 0) communityMembers[group].forEach(push);
    var ns = newStep();
    if (ns >= 0) {  // what this issue brought: its most central newcomers
      var fresh = 0;
      for (var i = 0; i < ranked.length && fresh < 15; i++) {
        if (ranked[i].t === ns && shownNode[ranked[i].id]) { push(ranked[i].id); fresh++; }
      }
    }
    return { first: first, seen: seen };
  }
  function drawLabels(ctx, W, H, s, o) {
    var CELL = 48, grid = {}, boxes = [], marked = newStep();
    function cells(b, fn) {
      for (var gx = Math.floor(b.x / CELL); gx <= Math.floor((b.x + b.w) / CELL); gx++)
        for (var gy = Math.floor(b.y / CELL); gy <= Math.floor((b.y + b.h) / CELL); gy++) if (fn(gx + ":" + gy)) return true;
      return false;
    }
    function free(b) {
      if (b.x < 0 || b.y < 0 || b.x + b.w > W || b.y + b.h > H) return false;
      return !cells(b, function (key) {
        var list = grid[key];
        if (!list) return false;
        for (var i = 0; i < list.length; i++) {
          var c = list[i];
          if (b.x < c.x + c.w && c.x < b.x + b.w && b.y < c.y + c.h && c.y < b.y + b.h) return true;
        }
        return false;
      });
    }
    function place(id, forced) {
      var d = byId[id], p = pos(id);
      var x = p.x * s + o.x, y = p.y * s + o.y, r = d.size * s;
      if (matches[id]) r += 7; else if (d.t === marked) r += 5;  // clear of the rings
      if (x < -40 || y < -40 || x > W + 40 || y > H + 40) return false;
      var fs = labelSize(d), text = short(d.label, LABEL_CHARS), key = id;
      ctx.font = (fs >= 14 ? "600 " : "") + fs + "px " + FONT;
      var w = widths[key] || (widths[key] = ctx.measureText(text).width);
      var h = fs + 3, gap = 2, R = r + gap, d2 = r * 0.72 + gap;
      // beside the node first (under, over, right, left, then the corners), then a line further
      // away, tied to the node by a thin leader
      var spots = [[x - w / 2, y + R], [x - w / 2, y - R - h], [x + R + 2, y - h / 2], [x - R - 2 - w, y - h / 2],
                   [x + d2, y + d2], [x - d2 - w, y + d2], [x + d2, y - d2 - h], [x - d2 - w, y - d2 - h],
                   [x - w / 2, y + R + h + 2], [x - w / 2, y - R - 2 * h - 2], [x + R + 2, y + h / 2 + 2], [x - R - 2 - w, y + h / 2 + 2],
                   [x + R + 2, y - 1.5 * h - 2], [x - R - 2 - w, y - 1.5 * h - 2]];
      var tries = forced || rankOf[id] < 40 ? spots.length : 8;
      for (var k = 0; k < tries; k++) {
        var b = { x: spots[k][0] - 1, y: spots[k][1], w: w + 2, h: h };
        if (free(b)) {
          b.id = id; b.label = text; b.size = fs; b.bold = fs >= 14; b.forced = !!forced;
          if (k >= 8) b.leader = [x, y, r];
          boxes.push(b);
          cells(b, function (cell) { (grid[cell] = grid[cell] || []).push(b); return false; });
          return true;
        }
      }
      return false;
    }
    var c = candidates();
    c.first.forEach(function (id) { place(id, true); });
    // at the fitted zoom a name per ~12,000 square pixels at most, so the picture stays readable;
    // zoomed in, the entities spread apart and more of them get a name
    var zoomIn = fitScale ? Math.max(1, s / fitScale) : 1;
    var budget = Math.min(800, Math.round(Math.max(15, W * H / 12000) * zoomIn * zoomIn)), placed = 0;
    for (var i = 0; i < ranked.length && placed < budget; i++) {
      var id = ranked[i].id;
      if (!shownNode[id] || c.seen[id]) continue;
      if (place(id, false)) placed++;
    }
    ctx.textBaseline = "top";
    ctx.lineJoin = "round";
    ctx.strokeStyle = "rgba(90,90,90,0.7)";
    ctx.lineWidth = 0.8;
    boxes.forEach(function (b) {
      if (!b.leader) return;
      var cx = Math.max(b.x, Math.min(b.leader[0], b.x + b.w)), cy = Math.max(b.y, Math.min(b.leader[1], b.y + b.h));
      var dx = cx - b.leader[0], dy = cy - b.leader[1], len = Math.hypot(dx, dy) || 1;
      ctx.beginPath();
      ctx.moveTo(b.leader[0] + dx / len * b.leader[2], b.leader[1] + dy / len * b.leader[2]);
      ctx.lineTo(cx, cy);
      ctx.stroke();
    });
    boxes.forEach(function (b) {
      ctx.font = (b.bold ? "600 " : "") + b.size + "px " + FONT;
      ctx.lineWidth = 3.5;
      ctx.strokeStyle = "rgba(255,255,255,0.92)";
      ctx.strokeText(b.label, b.x + 1, b.y + 1);
      ctx.fillStyle = b.forced ? "#000" : "#1d1d1d";
      ctx.fillText(b.label, b.x + 1, b.y + 1);
    });
    labelBoxes = boxes;
  }
  function drawMarks(ctx, s, o, W, H) {
    ctx.lineWidth = 2.5;
    function ring(id, color, extra) {
      var d = byId[id], p = pos(id), x = p.x * s + o.x, y = p.y * s + o.y, r = d.size * s + extra;
      if (x < -r || y < -r || x > W + r || y > H + r) return;
      ctx.strokeStyle = color;
      ctx.beginPath(); ctx.arc(x, y, Math.max(r, 5), 0, 2 * Math.PI); ctx.stroke();
    }
    var ns = newStep();
    if (ns >= 0) for (var i = 0; i < n; i++) if (shownNode[i] && byId[i].t === ns) ring(i, "#e6a100", 4);
    Object.keys(matches).forEach(function (id) { if (shownNode[id]) ring(+id, "#d62728", 6); });
  }
  var hulls = null;
  function communityHulls() {
    hulls = data.communities.map(function (c, k) {
      var ids = communityMembers[k].filter(function (id) { return shownNode[id]; });
      if (ids.length < 3) return null;
      var cx = 0, cy = 0;
      ids.forEach(function (id) { var p = pos(id); cx += p.x; cy += p.y; });
      cx /= ids.length; cy /= ids.length;
      var r = 0;
      ids.forEach(function (id) { var p = pos(id); r = Math.max(r, Math.hypot(p.x - cx, p.y - cy) + byId[id].size); });
      return { x: cx, y: cy, r: r + 20, color: c.color };
    });
  }
  network.on("beforeDrawing", function (ctx) {
    if (view.color !== "community") return;
    if (!hulls) communityHulls();
    ctx.save();
    hulls.forEach(function (h) {
      if (!h) return;
      ctx.globalAlpha = 0.08; ctx.fillStyle = h.color;
      ctx.beginPath(); ctx.arc(h.x, h.y, h.r, 0, 2 * Math.PI); ctx.fill();
    });
    ctx.restore();
  });
  var fitted = false;
  network.on("afterDrawing", function (ctx) {
    if (state.firstFrameAt === null) state.firstFrameAt = Math.round(performance.now());
    var W = container.clientWidth, H = container.clientHeight, ratio = ctx.canvas.width / (W || 1);
    var s = network.getScale(), o = network.canvasToDOM({ x: 0, y: 0 });
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    drawMarks(ctx, s, o, W, H);
    drawLabels(ctx, W, H, s, o);
    ctx.restore();
    if (fitted && !state.stabilized) settled();
  });
  network.on("dragEnd", function () { hulls = null; });
  function settled() {
    state.stabilized = true;
    state.stabilizedAt = Math.round(performance.now());
    state.layoutMs = Math.round(performance.now() - t0);
    document.documentElement.setAttribute("data-stabilized", String(state.stabilizedAt));
    status("Drawn in " + (state.stabilizedAt / 1000).toFixed(1) + " s: positions computed ahead, physics off " +
           "(tick “physics” to let it move).");
    if (view.focus !== null) {
      if (meta.focus && shownNode[view.focus]) { network.selectNodes([view.focus]); showNode(view.focus); }  // the ego view is in sight
      else select(view.focus, { animate: false, keepZoom: true });
    }
  }

  // -- tooltip (hover) and panel (click) -----------------------------------------------------
  var tip = $("kg-tip");
  function sourceText(s) {
    var i = data.issues[data.sentences[s][0]];
    return i ? i.id + (i.date ? ", " + i.date : "") : "";
  }
  function typeChip(t) {
    var s = typeStyle(t), chip = el("span", "kg-chip", s.label + " " + t);
    chip.style.background = s.color;
    return chip;
  }
  function communityChip(c) {
    if (c < 0) return el("span", "kg-muted", "no community (no stated relation)");
    var chip = el("span", "kg-chip", "社群 " + (c + 1) + ": " + data.communities[c].names.slice(0, 2).join("、"));
    chip.style.background = data.communities[c].color;
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
    adjacent[id].forEach(function (k) {
      var e = data.edges[k];
      if (e.rel === CO) co++; else counts[e.rel] = (counts[e.rel] || 0) + 1;
    });
    return { counts: counts, co: co };
  }
  function reportedText(e) {
    var ds = [];
    e.iss.forEach(function (k) { var i = data.issues[k]; var t = i.date || i.id + " (undated)"; if (ds.indexOf(t) < 0) ds.push(t); });
    return ds.length ? "reported " + ds.join(", ") : "";
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
    if (d.c >= 0) add(tip, el("div", "kg-muted", "社群 community " + (d.c + 1) + ": " + data.communities[d.c].names.join("、")));
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
        el("div", "kg-muted", ((data.relations[e.rel] || {}).name || e.rel) + (e.rel === CO ? "" : " · " + reportedText(e))));
    if (e.rel === CO) add(tip, el("div", "kg-muted", coText(e)));
    if (e.ev.length) add(tip, evidence(e.ev[0]));
    if (e.ev.length > 1) add(tip, el("div", "kg-muted", "+" + (e.ev.length - 1) + " more sentence(s): click"));
  }
  network.on("hoverNode", function (p) { hovered = p.node; nodeTip(p.node); placeTip(p.event); });
  network.on("blurNode", function () { hovered = null; tip.hidden = true; network.redraw(); });
  network.on("hoverEdge", function (p) { edgeTip(p.edge); placeTip(p.event); });
  network.on("blurEdge", function () { tip.hidden = true; });
  network.on("dragStart", function () { tip.hidden = true; });
  network.on("zoom", function () { tip.hidden = true; });

  var panel = $("kg-panel");
  function openPanel() {
    panel.textContent = "";
    var close = el("button", "kg-close", "×");
    close.type = "button";
    close.setAttribute("aria-label", "close");
    close.addEventListener("click", function () { panel.hidden = true; network.unselectAll(); view.focus = null; writeHash(); });
    add(panel, close);
    panel.hidden = false;
  }
  function describeEdge(list, e, from) {
    var li = el("li");
    var other = e.from === from ? e.to : e.from;
    var arrow = e.rel === CO ? " — " : e.from === from ? " → " : " ← ";
    add(li, el("span", "kg-rel", arrow + relName(e) + (e.amount ? " (" + e.amount + ")" : "") + arrow), nodeLink(other));
    if (e.rel === CO) add(li, el("span", "kg-muted", " ×" + e.count + " (" + e.iss.map(function (k) { return data.issues[k].id; }).join(", ") + ")"));
    else add(li, el("span", "kg-date", " " + reportedText(e)));
    if (e.t > limit()) { li.className = "kg-later"; add(li, el("span", "kg-muted", " (after " + stepText(view.step) + ")")); }
    if (e.rel === "within") add(li, el("span", "kg-muted", " (division data)"));
    e.ev.forEach(function (s) { add(li, evidence(s)); });
    list.appendChild(li);
  }
  var panelNode = null;  // the entity the panel shows, redrawn when the date changes
  function showNode(id) {
    var d = byId[id];
    if (!d) return;
    openPanel();
    panelNode = id;
    add(panel, el("h2", null, d.label), typeChip(d.type),
        el("span", "kg-muted", d.mentions + " mention(s) · PageRank " + d.pr));
    add(panel, add(el("p"), communityChip(d.c)));
    if (d.u) add(panel, el("p", "kg-muted", "No stated relation: listed under “unconnected”, drawn only when asked."));
    add(panel, el("h3", null, "别名 aliases"), el("p", d.aliases.length ? null : "kg-muted", d.aliases.length ? d.aliases.join("、") : "none"));
    var issues = el("ul");
    d.issues.forEach(function (k) { add(issues, el("li", null, issueText(k))); });
    add(panel, el("h3", null, "期次 issues (" + d.issues.length + ")"), issues);
    var stated = [], co = [];
    adjacent[id].forEach(function (k) { (data.edges[k].rel === CO ? co : stated).push(data.edges[k]); });
    stated.sort(function (a, b) { return a.t - b.t; });
    var rels = el("ul");
    stated.forEach(function (e) { describeEdge(rels, e, id); });
    add(panel, el("h3", null, "关系 relations (" + stated.length + "), by the date first reported"),
        stated.length ? rels : el("p", "kg-muted", "no stated relation"));
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
    openPanel();
    panelNode = null;
    add(panel, el("h2", null, relName(e)), el("p", "kg-muted", (data.relations[e.rel] || {}).name || e.rel));
    var p = el("p");
    add(p, nodeLink(e.from), e.rel === CO || e.rel === "partnerOf" ? " — " : " → ", nodeLink(e.to));
    add(panel, p);
    ["title", "round", "amount"].forEach(function (a) { if (e[a]) add(panel, el("p", null, a + ": " + e[a])); });
    if (e.lead !== undefined) add(panel, el("p", null, e.lead ? "lead investor (领投)" : "follow-on investor (跟投)"));
    if (e.rel !== CO) add(panel, el("p", "kg-date", reportedText(e)), el("h3", null, "证据 evidence (" + e.ev.length + ")"));
    if (e.rel === CO) add(panel, el("p", null, coText(e)));
    else if (!e.ev.length) add(panel, el("p", "kg-muted", e.rel === "within" ? "from the administrative division data" : "none"));
    e.ev.forEach(function (s) { add(panel, evidence(s)); });
  }
  function hiddenBecause(d) {
    var why = [];
    if (view.hiddenTypes[d.type]) why.push("its type is hidden");
    if (d.t > limit()) why.push("first reported after " + stepText(view.step));
    if (view.issue >= 0 && d.issues.indexOf(view.issue) < 0) why.push("not named in issue " + data.issues[view.issue].id);
    if (d.u && !view.unconnected && !why.length) why.push("it has no stated relation (listed under “unconnected”)");
    return why;
  }
  function select(id, opts) {
    opts = opts || {};
    var d = byId[id];
    if (!d) return;
    if (view.hiddenTypes[d.type]) setType(d.type, true);
    view.focus = id;
    showNode(id);
    if (shownNode[id]) {
      network.selectNodes([id]);
      var scale = opts.keepZoom ? network.getScale() : Math.max(network.getScale(), 1.1);
      stopCamera();
      network.focus(id, { scale: scale, animation: animation(opts.animate !== false) });
      $("kg-search-message").textContent = "";
    } else {
      network.unselectAll();
      $("kg-search-message").textContent = d.label + " is not on the canvas: " + hiddenBecause(d).join("; ") + ".";
    }
    writeHash();
  }
  network.on("click", function (p) {
    tip.hidden = true;
    if (p.nodes.length) { view.focus = p.nodes[0]; showNode(p.nodes[0]); writeHash(); }
    else if (p.edges.length) showEdge(p.edges[0]);
    else if (view.focus !== null) { view.focus = null; writeHash(); }
  });

  // -- search: within the filters; every match is ringed and named -------------------------------
  var names = $("kg-names");
  ranked.slice(0, 5000).forEach(function (d) { var o = document.createElement("option"); o.value = d.label; names.appendChild(o); });
  function tests(q) {
    return [
      function (d) { return d.label === q; },
      function (d) { return d.aliases.indexOf(q) >= 0; },
      function (d) { return d.label.indexOf(q) >= 0; },
      function (d) { return d.aliases.some(function (a) { return a.indexOf(q) >= 0; }); }
    ];
  }
  function find(q) {
    q = (q || "").trim();
    if (!q) return null;
    var ts = tests(q);
    // what the canvas shows first, then what the filters keep, then anything
    var pools = [function (d) { return shownNode[d.id]; }, nodeKnown, function () { return true; }];
    for (var p = 0; p < pools.length; p++)
      for (var i = 0; i < ts.length; i++)
        for (var j = 0; j < ranked.length; j++) if (pools[p](ranked[j]) && ts[i](ranked[j])) return ranked[j].id;
    return null;
  }
  function setMatches(q) {
    matches = {};
    q = (q || "").trim();
    if (!q) return 0;
    var count = 0, ts = tests(q);
    for (var j = 0; j < ranked.length && count < 50; j++) {
      var d = ranked[j];
      if ((ts[2](d) || ts[3](d)) && shownNode[d.id]) { matches[d.id] = 1; count++; }
    }
    return count;
  }
  // -- no entity of that name: the evidence sentences holding every word, as `kg search` reads them --
  function words(q) { return q.toLowerCase().split(/\s+/).filter(function (w) { return w; }); }
  function sentenceHits(q) {
    var ws = words(q), bySentence = {}, order = [];
    if (!ws.length) return [];
    data.edges.forEach(function (e, k) {
      if (e.rel === CO || !shownEdge[k]) return;
      e.ev.forEach(function (s) {
        var text = data.sentences[s][1].toLowerCase();
        if (!ws.every(function (w) { return text.indexOf(w) >= 0; })) return;
        if (!own(bySentence, s)) { bySentence[s] = []; order.push(s); }
        bySentence[s].push(k);
      });
    });
    return order.map(function (s) { return { s: s, edges: bySentence[s] }; });
  }
  function marked(text, q) {  // the sentence with each word's hits in <mark>, built as nodes
    var box = el("div", "kg-evidence"), lower = text.toLowerCase(), ws = words(q), at = 0;
    var spans = [];
    ws.forEach(function (w) { for (var i = lower.indexOf(w); i >= 0; i = lower.indexOf(w, i + w.length)) spans.push([i, i + w.length]); });
    spans.sort(function (a, b) { return a[0] - b[0]; });
    spans.forEach(function (sp) {
      if (sp[0] < at) return;
      if (sp[0] > at) box.appendChild(document.createTextNode(text.slice(at, sp[0])));
      box.appendChild(el("mark", null, text.slice(sp[0], sp[1])));
      at = sp[1];
    });
    box.appendChild(document.createTextNode(text.slice(at)));
    return box;
  }
  function showSentences(q, hits) {
    openPanel();
    panelNode = null;
    add(panel, el("h2", null, "“" + q + "”"),
        el("p", "kg-muted", hits.length + " evidence sentence(s) in this view hold every word; their entities are ringed"));
    hits.slice(0, 100).forEach(function (h) {
      var box = marked(data.sentences[h.s][1], q);
      add(box, el("span", "kg-source", "— " + sourceText(h.s)));
      add(panel, box);
      var links = el("p", "kg-muted");
      h.edges.forEach(function (k, j) {
        var e = data.edges[k];
        if (j) add(links, "; ");
        add(links, nodeLink(e.from), " → " + relName(e) + " → ", nodeLink(e.to));
      });
      add(panel, links);
    });
    if (hits.length > 100) add(panel, el("p", "kg-muted", (hits.length - 100) + " more"));
    panel.scrollTop = 0;
  }
  function search(q) {
    view.q = (q || "").trim();
    var id = find(q);
    var count = setMatches(q);
    $("kg-search-message").textContent = id === null ? "no entity matches “" + q + "” in this view" : "";
    if (id !== null) select(id);
    else {
      var hits = view.q ? sentenceHits(view.q) : [];
      if (hits.length) {
        hits.forEach(function (h) { h.edges.forEach(function (k) { matches[data.edges[k].from] = 1; matches[data.edges[k].to] = 1; }); });
        showSentences(view.q, hits);
        $("kg-search-message").textContent = "no entity named “" + view.q + "”; " + hits.length + " evidence sentence(s) hold it";
      }
      writeHash();
    }
    if (count > 1 && id !== null && shownNode[id]) $("kg-search-message").textContent = count + " entities on the canvas match (ringed in red)";
    network.redraw();
    return id;
  }
  $("kg-search").addEventListener("change", function () { search(this.value); });
  $("kg-search").addEventListener("keydown", function (ev) { if (ev.key === "Enter") search(this.value); });
  $("kg-search-go").addEventListener("click", function () { search($("kg-search").value); });

  // -- apply a change of view -----------------------------------------------------------------
  var colorShown = view.color;
  // Showing and hiding thousands of entities through the DataSet re-reads every option of each
  // (seconds at 10,000); vis-network's own test for what to draw is the 'hidden' flag on its node
  // and edge objects, so the flag is set there and the network told once that its data changed.
  // The DataSet is not used to read visibility back (the page keeps it in shownNode/shownEdge).
  var direct = !!(body && body.nodes && body.edges && body.emitter && typeof body.emitter.emit === "function");
  function setHidden(nodeChanges, edgeChanges) {
    if (!nodeChanges.length && !edgeChanges.length) return;
    if (!direct) {
      if (nodeChanges.length) nodes.update(nodeChanges);
      if (edgeChanges.length) edges.update(edgeChanges);
      return;
    }
    nodeChanges.forEach(function (c) { var b = body.nodes[c.id]; if (b) b.options.hidden = c.hidden; });
    edgeChanges.forEach(function (c) { var b = body.edges[c.id]; if (b) b.options.hidden = c.hidden; });
    body.emitter.emit("_dataChanged");
  }
  function apply() {
    var t = performance.now(), times = {};
    var changed = computeShown();
    if (view.co && !coLoaded) loadCo();
    times.filter = performance.now() - t;
    setHidden(changed.nodes, changed.edges);
    times.network = performance.now() - t - times.filter;
    if (colorShown !== view.color) {
      colorShown = view.color;
      nodes.update(data.nodes.map(function (d) { return { id: d.id, color: nodeColor(d) }; }));
    }
    hulls = null;
    if (view.q) setMatches(view.q);
    if (!panel.hidden && panelNode !== null) { var top = panel.scrollTop; showNode(panelNode); panel.scrollTop = top; }
    t = performance.now();
    syncControls();
    writeHash();
    times.controls = performance.now() - t;
    state.lastApply = times;  // where the time of the last change of view went (ms)
    network.redraw();
  }
  state.apply = apply;

  // -- controls -------------------------------------------------------------------------------
  var typeRows = {}, relRows = {};
  function setType(t, visible) { view.hiddenTypes[t] = !visible; apply(); }
  function setRelation(r, visible) { view.hiddenRels[r] = !visible; apply(); }
  var typeCounts = {};
  data.nodes.forEach(function (d) { typeCounts[d.type] = (typeCounts[d.type] || 0) + 1; });
  typeOrder.forEach(function (t) {
    var s = data.types[t];
    var row = el("label", "kg-legend-row"), box = el("input");
    box.type = "checkbox";
    box.addEventListener("change", function () { setType(t, box.checked); });
    add(row, box, svgIcon(s.shape, s.color), el("span", null, s.label + " " + t), el("span", "kg-count", fmt(typeCounts[t] || 0)));
    typeRows[t] = { row: row, box: box };
    $("kg-types").appendChild(row);
  });
  var relCounts = {};
  data.edges.forEach(function (e) { relCounts[e.rel] = (relCounts[e.rel] || 0) + 1; });
  Object.keys(data.relations).forEach(function (r) {
    var s = data.relations[r];
    if (!relCounts[r] || r === CO) return;
    var row = el("label", "kg-legend-row"), box = el("input");
    box.type = "checkbox";
    box.addEventListener("change", function () { setRelation(r, box.checked); });
    add(row, box, svgIcon("line", s.color, !!s.dashes), el("span", null, s.label + " " + r), el("span", "kg-count", fmt(relCounts[r])));
    relRows[r] = { row: row, box: box };
    $("kg-relations").appendChild(row);
  });
  // communities: the largest with their own colour, the rest summed up
  var SHOWN_COMMUNITIES = 14;
  data.communities.slice(0, SHOWN_COMMUNITIES).forEach(function (c, k) {
    var row = el("button", "kg-legend-row kg-community");
    row.type = "button";
    add(row, svgIcon("dot", c.color), el("span", "kg-names", c.names.join("、")), el("span", "kg-count", fmt(c.size)));
    row.addEventListener("click", function () { focusCommunity(k); });
    $("kg-communities").appendChild(row);
  });
  if (data.communities.length > SHOWN_COMMUNITIES) {
    var rest = data.communities.slice(SHOWN_COMMUNITIES), members = 0;
    rest.forEach(function (c) { members += c.size; });
    var row = el("div", "kg-legend-row");
    add(row, svgIcon("dot", data.other_community_color), el("span", "kg-muted", rest.length + " smaller communities"), el("span", "kg-count", fmt(members)));
    $("kg-communities").appendChild(row);
  }
  if (!data.communities.length) $("kg-communities").appendChild(el("p", "kg-muted", "no stated relation in this view"));
  function focusCommunity(k) {
    group = group === k ? -1 : k;
    var ids = group >= 0 ? communityMembers[k].filter(function (id) { return shownNode[id]; }) : shownIds();
    stopCamera();
    if (ids.length) network.fit({ nodes: ids, animation: animation(true) });
  }
  document.querySelectorAll('input[name="kg-color"]').forEach(function (r) {
    r.addEventListener("change", function () { if (r.checked) { view.color = r.value; apply(); } });
  });

  // time: a slider over the issue dates, and play/pause
  var slider = $("kg-slider"), playing = null;
  slider.max = String(LAST);
  slider.disabled = LAST === 0;
  if (LAST === 0) $("kg-play").disabled = true;
  slider.addEventListener("input", function () { view.step = +slider.value; apply(); });
  function stop() { if (playing !== null) { clearInterval(playing); playing = null; } $("kg-play").textContent = "▶ play"; }
  function play() {
    if (playing !== null) { stop(); return; }
    if (view.step >= LAST) { view.step = 0; apply(); }
    $("kg-play").textContent = "❚❚ pause";
    playing = setInterval(function () {
      if (view.step >= LAST) { stop(); return; }
      view.step += 1;
      apply();
      if (view.step >= LAST) stop();
    }, 1600);
  }
  $("kg-play").addEventListener("click", play);
  function timeLabel() {
    var box = $("kg-time-label");
    box.textContent = "";
    var counts = knownCounts();
    var head = el("strong", null, stepText(view.step));
    add(box, head);
    if (view.step < LAST) {
      var here = data.issues.filter(function (i) { return i.step === view.step; }).map(function (i) {
        return i.id + (i.title ? " (" + i.title + (i.label ? " " + i.label : "") + ")" : "");
      });
      add(box, el("span", "kg-muted", " · " + here.join("; ")));
    }
    var ns = newStep();
    if (ns >= 0) {
      var fresh = 0;
      for (var i = 0; i < n; i++) if (byId[i].t === ns && nodeKnown(byId[i])) fresh++;
      add(box, el("br"), el("span", "kg-new", "◯ " + fmt(fresh) + " new in " +
          (view.step < LAST ? "this issue" : "issue " + data.issues[view.issue].id) + " (ringed)"), " · ");
    } else add(box, el("br"));
    add(box, el("span", "kg-muted", fmt(counts.entities) + " entities and " + fmt(counts.relations) + " relations known"));
  }

  var issueSelect = $("kg-issue");
  data.issues.forEach(function (i, k) {
    var o = document.createElement("option");
    o.value = String(k);
    o.textContent = (i.date || "undated") + " · " + i.id + (i.title ? " · " + short(i.title + (i.label ? " " + i.label : ""), 30) : "");
    issueSelect.appendChild(o);
  });
  issueSelect.addEventListener("change", function () { view.issue = +issueSelect.value; apply(); });

  var coBox = $("kg-co-mentions");
  $("kg-co-mentions-label").textContent = "共现 co-mentions (" + fmt(coEdges) + ")";
  coBox.disabled = coEdges === 0;
  coBox.addEventListener("change", function () { view.co = coBox.checked; apply(); });
  var unBox = $("kg-show-unconnected");
  $("kg-show-unconnected-label").textContent = "unconnected on the canvas (" + fmt(unconnected.length) + ")";
  unBox.disabled = unconnected.length === 0;
  unBox.addEventListener("change", function () { view.unconnected = unBox.checked; apply(); });
  $("kg-physics").addEventListener("change", function () {
    network.setOptions({ physics: { enabled: this.checked, stabilization: { enabled: false } } });
    hulls = null;
  });
  $("kg-fit").addEventListener("click", function () { group = -1; fit(true); });

  // unconnected entities: by type and mention count, clickable, filtered by name and by the view
  var unList = $("kg-unconnected-list"), unFilter = $("kg-unconnected-filter"), unDirty = true;
  var unSorted = unconnected.slice().sort(function (a, b) {
    return typeOrder.indexOf(a.type) - typeOrder.indexOf(b.type) || b.mentions - a.mentions || a.id - b.id;
  });
  var UN_MAX = 400;
  function fillUnconnected() {
    unDirty = false;
    var q = unFilter.value.trim(), shown = 0, total = 0, current = null, list = null;
    unList.textContent = "";
    unSorted.forEach(function (d) {
      if (!nodeKnown(d)) return;
      if (q && d.label.indexOf(q) < 0 && !d.aliases.some(function (a) { return a.indexOf(q) >= 0; })) return;
      total++;
      if (shown >= UN_MAX) return;
      if (d.type !== current) {
        current = d.type;
        var count = unSorted.filter(function (x) { return x.type === current && nodeKnown(x); }).length;
        add(unList, add(el("h4"), typeChip(d.type), el("span", "kg-muted", fmt(count))));
        list = add(unList, el("ul", "kg-unlist"));
      }
      var b = el("button", "kg-link", d.label);
      b.type = "button";
      b.addEventListener("click", function () { select(d.id); });
      add(list, add(el("li"), b, el("span", "kg-muted", " ×" + d.mentions)));
      shown++;
    });
    if (total > shown) add(unList, el("p", "kg-muted", fmt(total - shown) + " more: narrow them with the filter"));
    if (!total) add(unList, el("p", "kg-muted", "none in this view"));
    return total;
  }
  $("kg-unconnected").addEventListener("toggle", function () { if (this.open && unDirty) fillUnconnected(); });
  unFilter.addEventListener("input", fillUnconnected);

  function knownCounts() {
    var entities = 0, relations = 0;
    data.nodes.forEach(function (d) { if (nodeKnown(d)) entities++; });
    data.edges.forEach(function (e) {
      if (e.rel !== CO && !view.hiddenRels[e.rel] && e.t <= limit() && (view.issue < 0 || e.iss.indexOf(view.issue) >= 0) &&
          nodeKnown(byId[e.from]) && nodeKnown(byId[e.to])) relations++;
    });
    return { entities: entities, relations: relations };
  }
  function syncControls() {
    typeOrder.forEach(function (t) {
      var on = !view.hiddenTypes[t];
      typeRows[t].box.checked = on; typeRows[t].row.classList.toggle("kg-off", !on);
    });
    Object.keys(relRows).forEach(function (r) {
      var on = !view.hiddenRels[r];
      relRows[r].box.checked = on; relRows[r].row.classList.toggle("kg-off", !on);
    });
    document.querySelectorAll('input[name="kg-color"]').forEach(function (r) { r.checked = r.value === view.color; });
    $("kg-communities").classList.toggle("kg-active", view.color === "community");
    slider.value = String(view.step);
    issueSelect.value = String(view.issue);
    coBox.checked = view.co;
    unBox.checked = view.unconnected;
    if ($("kg-search").value !== view.q && document.activeElement !== $("kg-search")) $("kg-search").value = view.q;
    timeLabel();
    var c = state.counts();
    var known = knownCounts();
    var unknownNow = known.entities - c.visibleNodes;
    $("kg-view").textContent = "On the canvas: " + fmt(c.visibleNodes) + " entities, " + fmt(c.visibleEdges) + " links" +
      (view.step < LAST ? " · as known on " + dates[view.step] : "") +
      (view.issue >= 0 ? " · issue " + data.issues[view.issue].id : "") +
      (unknownNow > 0 ? " · " + fmt(unknownNow) + " more in the unconnected list" : "");
    $("kg-unconnected-summary").textContent = "未连接 unconnected entities (" + fmt(known.entities - linkedKnown()) + ")";
    unDirty = true;
    if ($("kg-unconnected").open) fillUnconnected();
  }
  function linkedKnown() {
    var k = 0;
    data.nodes.forEach(function (d) { if (!d.u && nodeKnown(d)) k++; });
    return k;
  }

  // -- the picture to take away ---------------------------------------------------------------
  function download(name, href) {
    var a = el("a");
    a.download = name; a.href = href; a.hidden = true;
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
  }
  function exportPNG() {
    var src = container.querySelector("canvas");
    var out = document.createElement("canvas");
    out.width = src.width; out.height = src.height;
    var g = out.getContext("2d");
    g.fillStyle = "#ffffff"; g.fillRect(0, 0, out.width, out.height);
    g.drawImage(src, 0, 0);
    return out.toDataURL("image/png");
  }
  function exportSVG() {
    // written from the positions, in screen pixels: what the canvas shows now
    var W = container.clientWidth, H = container.clientHeight, s = network.getScale(), o = network.canvasToDOM({ x: 0, y: 0 });
    var svg = svgEl("svg", { xmlns: SVGNS, width: W, height: H, viewBox: "0 0 " + W + " " + H, "font-family": FONT });
    add(svg, svgEl("rect", { x: 0, y: 0, width: W, height: H, fill: "#ffffff" }));
    var title = svgEl("title", {});
    title.textContent = (meta.title || "kg network") + (view.step < LAST ? " · " + dates[view.step] : "");
    svg.appendChild(title);
    function at(id) { var p = pos(id); return { x: p.x * s + o.x, y: p.y * s + o.y }; }
    function inside(p, m) { return p.x > -m && p.y > -m && p.x < W + m && p.y < H + m; }
    if (view.color === "community") {  // the communities' disks, as on the canvas
      if (!hulls) communityHulls();
      var gHulls = svgEl("g", { "fill-opacity": 0.08 });
      hulls.forEach(function (h) {
        if (!h || !inside({ x: h.x * s + o.x, y: h.y * s + o.y }, h.r * s)) return;
        gHulls.appendChild(svgEl("circle", { cx: (h.x * s + o.x).toFixed(1), cy: (h.y * s + o.y).toFixed(1),
                                             r: (h.r * s).toFixed(1), fill: h.color }));
      });
      svg.appendChild(gHulls);
    }
    var gEdges = svgEl("g", { "stroke-linecap": "round", fill: "none" });
    data.edges.forEach(function (e, k) {
      if (!shownEdge[k]) return;
      var a = at(e.from), b = at(e.to);
      if (!inside(a, 0) && !inside(b, 0)) return;
      var r = data.relations[e.rel] || { color: "#999" };
      var attrs = { stroke: r.color, "stroke-width": (e.rel === CO ? 0.6 : 1 + 0.5 * Math.min(e.ev.length, 4)) * Math.min(1, s + 0.3),
                    "stroke-opacity": e.rel === CO ? 0.7 : 0.9 };
      if (e.rel === CO) attrs["stroke-dasharray"] = "4 4";
      if (e.n) {
        var mx = (a.x + b.x) / 2, my = (a.y + b.y) / 2, dx = b.x - a.x, dy = b.y - a.y;
        var bend = 0.2 * Math.ceil(e.n / 2) * (e.n % 2 ? 1 : -1);
        attrs.d = "M" + a.x.toFixed(1) + " " + a.y.toFixed(1) + " Q" + (mx - dy * bend).toFixed(1) + " " + (my + dx * bend).toFixed(1) +
                  " " + b.x.toFixed(1) + " " + b.y.toFixed(1);
        gEdges.appendChild(svgEl("path", attrs));
      } else {
        attrs.x1 = a.x.toFixed(1); attrs.y1 = a.y.toFixed(1); attrs.x2 = b.x.toFixed(1); attrs.y2 = b.y.toFixed(1);
        gEdges.appendChild(svgEl("line", attrs));
      }
      if (r.arrows) {
        var len = Math.hypot(b.x - a.x, b.y - a.y) || 1, ux = (b.x - a.x) / len, uy = (b.y - a.y) / len;
        var tip = byId[e.to].size * s, hx = b.x - ux * tip, hy = b.y - uy * tip, w = 3.5, l = 8;
        gEdges.appendChild(svgEl("polygon", {
          points: [hx, hy, hx - ux * l - uy * w, hy - uy * l + ux * w, hx - ux * l + uy * w, hy - uy * l - ux * w]
            .map(function (v) { return v.toFixed(1); }).join(" "), fill: r.color, stroke: "none" }));
      }
    });
    svg.appendChild(gEdges);
    var gNodes = svgEl("g", { "stroke-width": 1 });
    for (var i = ranked.length - 1; i >= 0; i--) {  // the most important on top
      var d = ranked[i];
      if (!shownNode[d.id]) continue;
      var p = at(d.id), r = d.size * s;
      if (!inside(p, r)) continue;
      var c = nodeColor(d), shape = typeStyle(d.type).shape, pts = shapePoints(shape, p.x, p.y, r);
      var node = pts ? svgEl("polygon", { points: pts }) : svgEl("circle", { cx: p.x.toFixed(1), cy: p.y.toFixed(1), r: r.toFixed(1) });
      node.setAttribute("fill", c.background); node.setAttribute("stroke", c.border);
      var name = svgEl("title", {});
      name.textContent = d.label;
      node.appendChild(name);
      gNodes.appendChild(node);
      if (d.t === newStep())
        gNodes.appendChild(svgEl("circle", { cx: p.x.toFixed(1), cy: p.y.toFixed(1), r: Math.max(r + 4, 5).toFixed(1), fill: "none", stroke: "#e6a100", "stroke-width": 2.5 }));
    }
    svg.appendChild(gNodes);
    var gText = svgEl("g", { "paint-order": "stroke", stroke: "#ffffff", "stroke-width": 3.5, "stroke-linejoin": "round", fill: "#1d1d1d" });
    labelBoxes.forEach(function (b) {
      var t = svgEl("text", { x: (b.x + 1).toFixed(1), y: (b.y + 1 + b.size * 0.88).toFixed(1), "font-size": b.size });
      if (b.bold) t.setAttribute("font-weight", "600");
      t.textContent = b.label;
      gText.appendChild(t);
    });
    svg.appendChild(gText);
    return new XMLSerializer().serializeToString(svg);
  }
  function fileName(ext) { return "kg-network" + (view.step < LAST ? "-" + dates[view.step] : "") + "." + ext; }
  $("kg-png").addEventListener("click", function () { download(fileName("png"), exportPNG()); });
  $("kg-svg").addEventListener("click", function () {
    var url = URL.createObjectURL(new Blob([exportSVG()], { type: "image/svg+xml" }));
    download(fileName("svg"), url);
    setTimeout(function () { URL.revokeObjectURL(url); }, 5000);
  });
  $("kg-link").addEventListener("click", function () {
    writeHash(true);
    var done = function () { status("The address of this view is in the address bar" + (navigator.clipboard ? " and on the clipboard." : ".")); };
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(location.href).then(done, done);
    else done();
  });
  window.addEventListener("hashchange", function () {
    if (writing) return;
    readHash();
    if (view.q) setMatches(view.q); else matches = {};
    apply();
    if (view.focus !== null) select(view.focus, { keepZoom: true });
  });

  // -- for tests and scripting: each change is in the address as soon as it returns ---------------
  function api(fn) { return function () { var r = fn.apply(null, arguments); writeHash(true); return r; }; }
  state.showNode = showNode; state.showEdge = showEdge; state.search = api(search); state.select = api(select);
  state.setType = api(setType); state.setRelation = api(setRelation);
  state.setCoMentions = api(function (on) { view.co = !!on; apply(); });
  state.setUnconnected = api(function (on) { view.unconnected = !!on; apply(); });
  state.setColor = api(function (mode) { view.color = mode === "community" ? "community" : "type"; apply(); });
  state.setStep = api(function (k) { view.step = Math.max(0, Math.min(LAST, k)); apply(); return stepText(view.step); });
  state.setDate = function (date) { var k = dates.indexOf(date); state.setStep(k < 0 ? LAST : k); return view.step; };
  state.setIssue = api(function (id) { view.issue = -1; data.issues.forEach(function (i, k) { if (i.id === id) view.issue = k; }); apply(); });
  state.play = play; state.stop = stop;
  state.steps = function () { return dates.concat(["all"]); };
  state.fit = fit;
  state.exportPNG = exportPNG; state.exportSVG = exportSVG;
  state.fillUnconnected = function () { $("kg-unconnected").open = true; return fillUnconnected(); };
  state.labelBoxes = function () {
    return labelBoxes.map(function (b) { return { id: b.id, label: b.label, x: b.x, y: b.y, w: b.w, h: b.h }; });
  };
  state.view = function () {
    return { color: view.color, date: view.step < LAST ? dates[view.step] : null, step: view.step,
             issue: view.issue >= 0 ? data.issues[view.issue].id : null,
             hide: Object.keys(view.hiddenTypes).filter(function (t) { return view.hiddenTypes[t]; }).sort(),
             hiderel: Object.keys(view.hiddenRels).filter(function (r) { return view.hiddenRels[r]; }).sort(),
             co: view.co, unconnected: view.unconnected, focus: view.focus !== null ? byId[view.focus].label : null, q: view.q };
  };
  state.counts = function () {
    var vn = 0, ve = 0;
    for (var i = 0; i < n; i++) vn += shownNode[i];
    for (var k = 0; k < shownEdge.length; k++) ve += shownEdge[k];
    var known = knownCounts();
    return { nodes: n, edges: data.edges.length, visibleNodes: vn, visibleEdges: ve, knownNodes: known.entities,
             knownRelations: known.relations, relations: relEdges, coMentions: coEdges, unconnected: unconnected.length,
             date: view.step < LAST ? dates[view.step] : null };
  };
  state.hover = function (id) { nodeTip(id); placeTip({ clientX: 200, clientY: 200 }); };
  state.hoverEdge = function (k) { edgeTip(k); placeTip({ clientX: 200, clientY: 200 }); };

  syncControls();
  if (view.q) { $("kg-search").value = view.q; setMatches(view.q); }
  fit(false);
  fitted = true;
  network.redraw();
})();
