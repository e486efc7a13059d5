// crosscheck report: arranges and connects what the markup already says (docs/report.md).
// It picks the pair of articles shown, draws a line per link between the two columns,
// filters claims, and shows a claim's details on click. Nothing here fetches anything.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var byId = function (id) { return document.getElementById(id); };
  var left = byId("left-col"), right = byId("right-col"), stash = byId("stash");
  var svg = byId("lines"), detail = byId("detail"), controls = byId("controls");
  var docs = Array.prototype.slice.call(document.querySelectorAll("article.doc"));
  var pickLeft = byId("pick-left"), pickRight = byId("pick-right");
  document.body.classList.add("js");
  controls.hidden = false;

  // "c1-4 0.912 corroborated,c1-11 0.610 paraphrased" -> [{id, score, verdict}]
  function links(claim) {
    var raw = claim.getAttribute("data-links");
    return raw ? raw.split(",").map(function (l) {
      var p = l.split(" ");
      return { id: p[0], score: p[1], verdict: p[2] };
    }) : [];
  }

  function place() {
    var l = pickLeft ? Number(pickLeft.value) : 0;
    var r = pickRight ? pickRight.value : "all";
    docs.forEach(function (d, i) {
      if (i === l) left.appendChild(d);
      else if (r === "all" || Number(r) === i) right.appendChild(d);
      else stash.appendChild(d);
    });
    draw();
  }

  function anchorY(el, top) {
    var rect = el.getClientRects()[0] || el.getBoundingClientRect();
    return rect.top + rect.height / 2 - top;
  }

  // Reads every position first and writes the lines after: a write between two reads would
  // make the browser lay out the whole page again for each line.
  function draw() {
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    var box = svg.getBoundingClientRect(), w = box.width, found = [];
    left.querySelectorAll(".claim").forEach(function (a) {
      links(a).forEach(function (link) {
        var b = byId(link.id);
        if (b && right.contains(b)) {
          found.push({ a: a, b: b, link: link, y1: anchorY(a, box.top), y2: anchorY(b, box.top) });
        }
      });
    });
    var lines = document.createDocumentFragment();
    found.forEach(function (f) {
      var path = document.createElementNS(SVG, "path"), link = f.link;
      path.setAttribute("d", "M0," + f.y1 + " C" + w / 2 + "," + f.y1 + " " + w / 2 + "," + f.y2 + " " + w + "," + f.y2);
      path.setAttribute("class", link.verdict);
      path.setAttribute("data-a", f.a.id);
      path.setAttribute("data-b", f.b.id);
      path.setAttribute("data-score", link.score);
      path.setAttribute("data-verdict", link.verdict);
      var title = document.createElementNS(SVG, "title");
      title.textContent = f.a.dataset.ref + " ↔ " + f.b.dataset.ref + " · " + link.score + " · " + link.verdict;
      path.appendChild(title);
      path.addEventListener("click", function () { select(f.a); });
      lines.appendChild(path);
    });
    svg.appendChild(lines);
    svg.setAttribute("data-drawn", String(found.length));
    filter();
  }

  function filter() {
    var on = {};
    controls.querySelectorAll("input[data-filter]").forEach(function (c) { on[c.dataset.filter] = c.checked; });
    var any = on.single || on.paraphrased || on.flagged;
    document.querySelectorAll("article .claim").forEach(function (c) {
      var keep = !any || (on.single && c.dataset.status === "single-source") ||
        (on.paraphrased && c.dataset.status === "paraphrased") ||
        (on.flagged && c.classList.contains("flagged"));
      c.classList.toggle("dim", !keep);
    });
    svg.querySelectorAll("path").forEach(function (p) {
      p.classList.toggle("dim", byId(p.dataset.a).classList.contains("dim") && byId(p.dataset.b).classList.contains("dim"));
    });
  }

  function add(parent, tag, text) {
    var el = document.createElement(tag);
    if (text !== undefined) el.textContent = text;
    parent.appendChild(el);
    return el;
  }

  function select(claim) {
    document.querySelectorAll(".sel, .partner, path.hot").forEach(function (el) {
      el.classList.remove("sel", "partner", "hot");
    });
    claim.classList.add("sel");
    detail.textContent = "";
    var close = add(detail, "button", "×");
    close.className = "close";
    close.type = "button";
    close.addEventListener("click", function () { detail.hidden = true; });
    add(detail, "h3", claim.dataset.ref + " · " + claim.dataset.status);
    add(detail, "div", claim.dataset.loc);
    claim.querySelectorAll("mark").forEach(function (m) { add(detail, "div", m.title); });
    var list = add(detail, "ul");
    links(claim).forEach(function (link) {
      var b = byId(link.id);
      if (!b) return;
      b.classList.add("partner");
      var item = add(list, "li");
      add(item, "b", b.dataset.ref + " ");
      add(item, "span", link.score + " " + link.verdict + ": ");
      add(item, "span", b.textContent.replace(b.querySelector(".ref").textContent, "").trim());
    });
    if (!list.firstChild) add(list, "li", "no other article has this claim");
    document.querySelectorAll('.flag[data-a="' + claim.id + '"], .flag[data-b="' + claim.id + '"]').forEach(function (f) {
      detail.appendChild(f.cloneNode(true)).removeAttribute("id");
    });
    svg.querySelectorAll('path[data-a="' + claim.id + '"], path[data-b="' + claim.id + '"]').forEach(function (p) {
      p.classList.add("hot");
    });
    detail.hidden = false;
  }

  document.addEventListener("click", function (e) {
    var claim = e.target.closest && e.target.closest("article .claim");
    if (claim && !e.target.closest("a")) select(claim);
  });
  controls.addEventListener("change", function (e) {
    if (e.target.dataset.filter !== undefined) filter(); else place();
  });
  window.addEventListener("resize", draw);
  place();
  document.documentElement.setAttribute("data-ready", "1");
})();
