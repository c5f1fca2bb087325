from django.db import models


class Counter(models.Model):
    """One limit's count for one client in the current window (portal/ops/limits/
    store.py). Its own app rather than portal's: not a record readers see, so
    the page cache's content token and the replica router leave it alone."""

    # The limit's group and a hash of the client's key, never an address.
    key = models.CharField(max_length=80, primary_key=True)
    # When the window ends, in seconds since the epoch.
    ends = models.FloatField()
    count = models.PositiveIntegerField()

    class Meta:
        # Not an editor's record: no admin, no permissions to hand out.
        default_permissions = ()
        ordering = ["key"]
        # Serves the clean-up of windows that have ended.
        indexes = [models.Index(fields=["ends"], name="limits_counter_ends")]

    def __str__(self):
        return f"{self.key}: {self.count}"
