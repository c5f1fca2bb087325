# Corrections now live in the editorial app (editorial 0001_initial), in the
# same table: this removes the model from the core's state only.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0013_reference_roles"),
        ("editorial", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Correction")],
            database_operations=[],
        ),
    ]
