"""The read-only JSON API at /api/v1/ (docs/api.md)."""
