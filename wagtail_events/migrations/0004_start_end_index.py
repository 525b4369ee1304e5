from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("wagtail_events", "0003_embed_profile"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="eventpage",
            name="wagtail_events_start_idx",
        ),
        migrations.AddIndex(
            model_name="eventpage",
            index=models.Index(fields=["start", "end"], name="wagtail_events_start_end_idx"),
        ),
    ]
