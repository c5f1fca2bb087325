"""The capacity and investment fields, now measures (0009), and their
constraints."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('projects', '0009_measures_data'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='project',
            name='project_capacity_not_negative',
        ),
        migrations.RemoveConstraint(
            model_name='project',
            name='project_capacity_has_unit',
        ),
        migrations.RemoveConstraint(
            model_name='project',
            name='project_investment_not_negative',
        ),
        migrations.RemoveConstraint(
            model_name='project',
            name='project_investment_has_currency',
        ),
        migrations.RemoveField(
            model_name='project',
            name='capacity_unit',
        ),
        migrations.RemoveField(
            model_name='project',
            name='capacity_value',
        ),
        migrations.RemoveField(
            model_name='project',
            name='investment_amount',
        ),
        migrations.RemoveField(
            model_name='project',
            name='investment_currency',
        ),
    ]
