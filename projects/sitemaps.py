"""The projects' section of /sitemap.xml."""

from portal.core.sitemaps import RecordSitemap
from projects.models import Project


class ProjectSitemap(RecordSitemap):
    model = Project
