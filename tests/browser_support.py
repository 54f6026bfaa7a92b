"""Serve a built site on loopback and drive Debian's Chromium with Playwright (no browser download)."""
from __future__ import annotations

from macros.pdf import launch, serve  # noqa: F401  one place for the browser, its flags and the loopback server



# Our focus ring (overrides/assets/css/rutineportalen.css, «Visible focus everywhere»): 3px solid in
# --rp-focus, 2px out. Chromium's own ring (auto, 1px) or Material's would not match.
OUR_FOCUS_RING = {"style": "solid", "width": "3px", "offset": "2px"}

_FOCUS_RING = """() => {
  const el = document.activeElement, s = getComputedStyle(el);
  const token = getComputedStyle(document.documentElement).getPropertyValue('--rp-focus').trim();
  const probe = document.createElement('span');
  probe.style.color = token || 'transparent';
  document.body.append(probe);
  const colour = getComputedStyle(probe).color;
  probe.remove();
  return {focusVisible: el.matches(':focus-visible'), style: s.outlineStyle, width: s.outlineWidth,
          offset: s.outlineOffset, colour: s.outlineColor, token: token, ours: colour};
}"""


def assert_our_focus_ring(page, what: str = "elementet") -> None:
    """The focused element shows our focus ring, not the browser's or the theme's."""
    ring = page.evaluate(_FOCUS_RING)
    assert ring["token"], f"{what}: --rp-focus er ikke definert (mangler rutineportalen.css?)"
    assert {k: ring[k] for k in ("focusVisible", "style", "width", "offset", "colour")} == \
        {"focusVisible": True, **OUR_FOCUS_RING, "colour": ring["ours"]}, f"{what} har ikke vår fokusmarkering: {ring}"
