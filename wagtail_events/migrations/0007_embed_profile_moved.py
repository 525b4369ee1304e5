# The embed profiles moved to the wagtail_events_embed app, which keeps their table and rows
# (its 0001 follows this one). Here they leave this app's state only: nothing in the database
# changes, so a site without the embed app keeps the table and can add the app later.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("wagtail_events", "0001_squashed_0006_recording_url_help_text"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="EmbedProfile")],
        ),
    ]
