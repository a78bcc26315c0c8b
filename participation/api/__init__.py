"""The read-only public API under /api/v1: what every visitor may see, as JSON."""
