/* Material's content script (partials/javascripts/content.html), loaded from the site instead of
   inlined (see base.js): opens a content tab named in the URL fragment. */
var target = document.getElementById(location.hash.slice(1));
target && target.name && (target.checked = target.name.startsWith("__tabbed_"));
