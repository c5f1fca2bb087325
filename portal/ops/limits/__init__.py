"""Limits that count requests: the API's requests per client, the corrections
form's posts, sign-in attempts. portal/ops/limits/store.py does the counting, in a
store every server process shares (the database, or Redis with REDIS_URL)."""
