# Corrections move from the shared core (app label "portal") to the editorial
# layer (issue 16). The table stays as it is (portal_correction, with its
# indexes): SeparateDatabaseAndState changes only Django's idea of which app
# holds the model, so no row is copied or lost (portal 0014 removes it from the
# core's state, after this). Its content type moves too, so the permissions the
# groups hold (portal 0006_corrections) stay attached to it.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def move_content_type(apps, schema_editor, old="portal", new="editorial"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    types = ContentType.objects.using(schema_editor.connection.alias)
    moving = types.filter(app_label=old, model="correction")
    if moving.exists():
        # One made for the new label meanwhile holds no group's permissions.
        types.filter(app_label=new, model="correction").delete()
        moving.update(app_label=new)


def move_content_type_back(apps, schema_editor):
    move_content_type(apps, schema_editor, old="editorial", new="portal")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('portal', '0013_reference_roles'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The table exists: portal 0006_corrections made it.
            database_operations=[],
            state_operations=[
        migrations.CreateModel(
            name='Correction',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('object_id', models.PositiveBigIntegerField(verbose_name='record number')),
                ('message', models.TextField(help_text='What the reader says is wrong, in their words.', verbose_name='message')),
                ('name', models.CharField(blank=True, max_length=200, verbose_name="reader's name")),
                ('email', models.EmailField(blank=True, help_text='Use it only to ask the reader about this correction.', max_length=254, verbose_name="reader's email")),
                ('language', models.CharField(blank=True, help_text='Language of the page the reader sent it from.', max_length=10, verbose_name='language')),
                ('sender', models.CharField(blank=True, editable=False, help_text='The same value means the same internet address. The address itself is not kept.', max_length=16, verbose_name='sender fingerprint')),
                ('status', models.CharField(choices=[('new', 'New'), ('resolved', 'Resolved'), ('rejected', 'Rejected')], db_index=True, default='new', max_length=10, verbose_name='status')),
                ('editor_note', models.TextField(blank=True, help_text='What was changed, or why the correction was not accepted.', verbose_name="editor's note")),
                ('handled_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='handled at')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='received at')),
                ('content_type', models.ForeignKey(limit_choices_to=models.Q(models.Q(('app_label', 'events'), ('model', 'event')), models.Q(('app_label', 'events'), ('model', 'agreement')), models.Q(('app_label', 'projects'), ('model', 'project')), models.Q(('app_label', 'portal'), ('model', 'person')), models.Q(('app_label', 'portal'), ('model', 'organization')), _connector='OR'), on_delete=django.db.models.deletion.CASCADE, to='contenttypes.contenttype', verbose_name='kind of record')),
                ('handled_by', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='handled by')),
            ],
            options={
                'verbose_name': 'correction',
                'verbose_name_plural': 'corrections',
                'db_table': 'portal_correction',
                'ordering': ['-created_at', '-pk'],
                'indexes': [models.Index(fields=['content_type', 'object_id'], name='correction_target'), models.Index(fields=['-created_at', '-id'], name='correction_newest')],
            },
        ),
            ],
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
