# The events of a place by date (issue 18, the admin at scale): the admin's
# place filter, its first and last dates and date hierarchy read from one
# index, which also serves the foreign key's lookups, so the foreign key's own
# index on place alone goes.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("events", "0010_updated_at_indexes"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="event",
            index=models.Index(fields=["place", "-date"], name="event_place_date"),
        ),
        migrations.AlterField(
            model_name="event",
            name="place",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                help_text="Leave empty when the source does not say where it happened.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="events",
                to="portal.place",
                verbose_name="place",
            ),
        ),
    ]
