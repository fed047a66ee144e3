// verbatim search: filters the quotes of search/index.js in the browser.
// Results are built with DOM nodes and textContent only, never as HTML.
(function () {
  "use strict";
  var form = document.getElementById("search");
  var ix = window.verbatimIndex;
  if (!form || !ix) { return; }
  var root = form.getAttribute("data-root") || "/";
  var countFmt = form.getAttribute("data-count") || "%d";
  // "1 quote", not "1 quotes"; French also says "0 citation".
  var countOne = form.getAttribute("data-count-one") || countFmt;
  var zeroIsOne = (document.documentElement.lang || "").slice(0, 2) === "fr";
  var input = document.getElementById("q");
  var select = document.getElementById("speaker");
  var list = document.getElementById("results");
  var count = document.getElementById("count");
  var limit = 200;

  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  // Each quote is searched together with its speaker's name and article title.
  var haystack = ix.q.map(function (q) {
    return fold(q[1] + " " + ix.s[q[2]][0] + " " + ix.a[q[3]][0]);
  });

  function link(href, text) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    return a;
  }

  function run(push) {
    var words = fold(input.value).split(/\s+/).filter(Boolean);
    var who = select.value;
    var hits = [];
    for (var i = 0; i < ix.q.length; i++) {
      var q = ix.q[i];
      if (who && ix.s[q[2]][1] !== who) { continue; }
      var ok = true;
      for (var w = 0; w < words.length && ok; w++) { ok = haystack[i].indexOf(words[w]) >= 0; }
      if (ok) { hits.push(q); }
    }
    list.textContent = "";
    if (!words.length && !who) { count.textContent = ""; return; }
    var one = hits.length === 1 || (hits.length === 0 && zeroIsOne);
    count.textContent = (one ? countOne : countFmt).replace("%d", String(hits.length));
    hits.slice(0, limit).forEach(function (q) {
      var sp = ix.s[q[2]], ar = ix.a[q[3]];
      var li = document.createElement("li");
      var bq = document.createElement("blockquote");
      bq.appendChild(link(root + "quotes/" + q[0] + "/", q[1]));
      li.appendChild(bq);
      var meta = document.createElement("span");
      meta.className = "meta";
      meta.appendChild(link(root + "speakers/" + sp[1] + "/", sp[0]));
      meta.appendChild(document.createTextNode(" · " + (ar[2] ? ar[2] + " · " : "")));
      meta.appendChild(link(root + "articles/" + ar[1] + "/", ar[0]));
      li.appendChild(meta);
      list.appendChild(li);
    });
    if (push && window.history && history.replaceState) {
      var params = new URLSearchParams();
      if (input.value) { params.set("q", input.value); }
      if (who) { params.set("s", who); }
      var qs = params.toString();
      history.replaceState(null, "", location.pathname + (qs ? "?" + qs : ""));
    }
  }

  var params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  if (params.get("s")) { select.value = params.get("s"); }
  input.addEventListener("input", function () { run(true); });
  select.addEventListener("change", function () { run(true); });
  form.addEventListener("submit", function (e) { e.preventDefault(); run(true); });
  run(false);
}());
