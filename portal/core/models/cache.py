"""The content token: one row whose value changes with every change to what
readers can see, so cached pages keyed by it are never served after a change
(portal/ops/pagecache.py)."""

import secrets

from django.db import models


def new_token():
    return secrets.token_hex(8)


class ContentToken(models.Model):
    """A single row (pk 1). Its token is a random value, not a counter: when a
    database is rolled back or restored from a backup, the token goes back with
    the content it stood for, and pages cached for that content are right again."""

    token = models.CharField(max_length=16, default=new_token)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        # Not an editor's record: no admin, no permissions to hand out.
        default_permissions = ()

    def __str__(self):
        return self.token
