"""Typed models of every content kind. Each rejects unknown keys and validates once, up front."""
