"""Rendering pages: addresses, one template per page kind, the menu, and what a printed page needs."""
