from django import template
from django.contrib.admin.models import LogEntry
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from portal.core import workflow

register = template.Library()

# The apps whose records editors change; the dashboard's recent changes leave
# out accounts, groups and the like, which editors do not see.
RECORD_APPS = ("portal", "events", "projects", "editorial")
RECENT_CHANGES = 10

# The dashboard's first row: (label, permission, admin URL name).
QUICK_ACTIONS = (
    (_("Add an event"), "events.add_event", "admin:events_event_add"),
    (_("Add a project"), "projects.add_project", "admin:projects_project_add"),
    (_("Cite a source"), "portal.add_source", "admin:portal_source_add"),
)


@register.simple_tag
def review_queue():
    return workflow.review_queue()


@register.simple_tag(takes_context=True)
def quick_actions(context):
    """The dashboard's "add an event", "add a project", "cite a source" links
    the signed-in editor may follow."""
    user = context["request"].user
    return [
        (label, reverse(url_name))
        for label, permission, url_name in QUICK_ACTIONS
        if user.has_perm(permission)
    ]


@register.simple_tag
def recent_changes(limit=RECENT_CHANGES):
    """The latest changes anyone made to the records in the admin, newest
    first: each as (entry, admin URL of the record or "")."""
    entries = (
        LogEntry.objects.filter(content_type__app_label__in=RECORD_APPS)
        .select_related("user", "content_type")
        .order_by("-action_time", "-pk")[:limit]
    )
    changes = []
    for entry in entries:
        url = ""
        if not entry.is_deletion():
            try:
                url = entry.get_admin_url() or ""
            except NoReverseMatch:
                url = ""
        changes.append((entry, url))
    return changes


@register.simple_tag
def admin_change_url(record):
    opts = record._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])


@register.filter
def verbose_name(record):
    return record._meta.verbose_name
