"""RSS and Atom feeds of the newest published projects, with the projects
list's filters (portal/core/feeds.py says how every feed works)."""

from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _

from portal.core.feeds import AtomMixin, FilteredFeed
from projects.filters import ProjectFilter
from projects.models import Project


class ProjectFeed(FilteredFeed):
    model = Project
    filterset_class = ProjectFilter
    list_url_name = "projects:list"

    def title(self, obj):
        return _("China–Azerbaijan Relations: cooperation projects")

    def description(self, obj):
        return _(
            "The newest cooperation projects recorded by the China–Azerbaijan "
            "Relations Portal."
        )

    def item_categories(self, item):
        return [item.sector.name, item.get_project_status_display()]


class ProjectRssFeed(ProjectFeed):
    feed_type = Rss201rev2Feed


class ProjectAtomFeed(AtomMixin, ProjectFeed):
    pass
