/*
 * Runs first on taskpane.html, before Office.js and the bundles (inlined by webpack.config.js). Plain ES5: where
 * Office hosts the pane in Internet Explorer 11 (Trident) or the old Edge (EdgeHTML), the ES2020 bundles cannot be
 * parsed and the pane would stay blank. Here, such a webview gets a page that says why and what to use instead
 * ("provide a graceful failure message", https://learn.microsoft.com/office/dev/add-ins/develop/support-ie-11).
 * Texts: src/i18n/legacy.js (BIEUMAU_LEGACY_TEXT).
 */
/* global window, document */
(function (w, d) {
  function canRunBundles() {
    var ua = (w.navigator && w.navigator.userAgent) || "";
    if (d.documentMode || ua.indexOf("Trident/") !== -1) return false; // Internet Explorer
    if (/\bEdge\/\d/.test(ua)) return false; // EdgeHTML, the old Edge
    try {
      // The syntax the bundles use (ES2020): a webview that cannot parse it cannot run them.
      new Function("var a = {}; class B {} return (a?.b ?? [...[1]].length) + `${1}`;");
      // eslint-disable-next-line @typescript-eslint/no-unused-vars -- ES5 has no catch without a binding
    } catch (e) {
      return false;
    }
    return true;
  }
  if (canRunBundles()) return;
  w.__bieumauUnsupported = true;
  // The bundles' own syntax errors are expected here; keep them out of the clerk's way.
  w.onerror = function () {
    return true;
  };
  function paragraph(parent, text, bold) {
    var p = d.createElement("p");
    p.appendChild(d.createTextNode(text));
    if (bold) p.style.fontWeight = "bold";
    parent.appendChild(p);
  }
  function show() {
    var texts = w.BIEUMAU_LEGACY_TEXT;
    var body = d.body;
    while (body.firstChild) body.removeChild(body.firstChild);
    var box = d.createElement("div");
    box.id = "bieumau-legacy";
    box.style.fontFamily = "Segoe UI, Arial, sans-serif";
    box.style.fontSize = "14px";
    box.style.margin = "12px";
    var langs = ["vi", "en"];
    for (var i = 0; i < langs.length; i++) {
      var t = texts[langs[i]];
      paragraph(box, t.title, true);
      for (var j = 0; j < t.lines.length; j++) paragraph(box, t.lines[j], false);
    }
    body.appendChild(box);
  }
  if (d.readyState === "complete" || d.readyState === "interactive") show();
  else if (d.addEventListener) d.addEventListener("DOMContentLoaded", show);
  else w.attachEvent("onload", show);
})(window, document);
