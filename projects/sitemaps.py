"""The projects' sections of the sitemap."""

from portal.core.sitemaps import RecordSitemap
from projects.models import Project


class ProjectSitemap(RecordSitemap):
    model = Project
