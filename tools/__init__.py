"""Developer tools for Rutineportalen (not part of the published site)."""
