"""A key figure's own page (/<lang>/key-figures/<slug>/): its chart with a
series per reporting party, one chart for each party, and every value reported
with its sources in a table. The key figures page shows every indicator
briefly and links here."""

from django.shortcuts import get_object_or_404, render

from portal.core.models import Indicator
from portal.core.views import readable, reads_query, shows_previews


@shows_previews
@reads_query()
def key_figure(request, slug):
    indicator = get_object_or_404(
        readable(request, Indicator.objects.all()).for_detail(), slug=slug
    )
    return render(request, "portal/key_figure_detail.html", {"indicator": indicator})
