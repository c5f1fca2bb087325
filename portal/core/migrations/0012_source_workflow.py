# Sources get the editorial workflow (issue 15, item 4): a contributor's new
# source is a draft that readers never see until an editor publishes it.
#
# Every source that exists already was public, so each becomes published, as
# of the time it was created; the Editor group gets the new `publish_source`
# permission, as 0005_roles gave it every other one of the apps.

import concurrency.fields
import django.db.models.deletion
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations, models
from django.db.models import F


def publish_existing_sources(apps, schema_editor):
    Source = apps.get_model("portal", "Source")
    Source.objects.using(schema_editor.connection.alias).update(
        status="published", published_at=F("created_at")
    )


def let_editors_publish_sources(apps, schema_editor):
    # Permissions are normally created after migrate; the group needs it now.
    app_config = apps.get_app_config("portal")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    publish = Permission.objects.get(
        content_type__app_label="portal", codename="publish_source"
    )
    for editor in Group.objects.filter(name="Editor"):
        editor.permissions.add(publish)


def forget_publish_source(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(
        content_type__app_label="portal", codename="publish_source"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0011_search_columns"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="source",
            options={
                "default_permissions": ("add", "change", "delete", "view", "publish"),
                "ordering": ["-published_on", "title"],
                "verbose_name": "source",
                "verbose_name_plural": "sources",
            },
        ),
        migrations.AddField(
            model_name="source",
            name="status",
            field=models.CharField(
                choices=[
                    ("draft", "Draft"),
                    ("review", "In review"),
                    ("published", "Published"),
                    ("archived", "Archived"),
                ],
                db_index=True,
                default="draft",
                help_text="Only published records are shown to readers.",
                max_length=10,
                verbose_name="status",
            ),
        ),
        migrations.AddField(
            model_name="source",
            name="published_at",
            field=models.DateTimeField(
                blank=True,
                help_text=(
                    "When the record becomes visible. Leave empty to publish now; a "
                    "future time schedules publication."
                ),
                null=True,
                verbose_name="publish at",
            ),
        ),
        migrations.AddField(
            model_name="source",
            name="created_by",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="created by",
            ),
        ),
        migrations.AddField(
            model_name="source",
            name="updated_by",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="updated by",
            ),
        ),
        migrations.AddField(
            model_name="source",
            name="submitted_by",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="sent for review by",
            ),
        ),
        migrations.AddField(
            model_name="source",
            name="submitted_at",
            field=models.DateTimeField(
                blank=True, editable=False, null=True, verbose_name="sent for review at"
            ),
        ),
        migrations.AddField(
            model_name="source",
            name="version",
            field=concurrency.fields.IntegerVersionField(
                default=0,
                help_text="Changes on every save; used to detect conflicting edits.",
            ),
        ),
        migrations.RunPython(publish_existing_sources, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="source",
            constraint=models.CheckConstraint(
                condition=models.Q(("status", "published"), _negated=True)
                | models.Q(("published_at__isnull", False)),
                name="source_published_has_date",
            ),
        ),
        migrations.RunPython(let_editors_publish_sources, forget_publish_source),
    ]
