/* Material for MkDocs 9.8 inlines this script in every page (partials/javascripts/base.html).
   Our Content-Security-Policy allows no inline script, so the same code is loaded from the site
   itself; the page's base URL comes from the data-md-scope attribute of this script tag. */
__md_scope = new URL(document.currentScript.getAttribute("data-md-scope") || ".", location),
__md_hash = e => [...e].reduce((e, _) => (e << 5) - e + _.charCodeAt(0), 0),
__md_get = (e, _ = localStorage, t = __md_scope) => JSON.parse(_.getItem(t.pathname + "." + e)),
__md_set = (e, _, t = localStorage, a = __md_scope) => { try { t.setItem(a.pathname + "." + e, JSON.stringify(_)) } catch (e) {} };
