# The base page's locale and translation key point at wagtailcore's models, whose first
# migration depends on the base page: 0001 makes the table without them, this adds them
# nullable and fills them in for the root pages wagtailcore made, and 0003 makes them required.
from django.db import migrations
from wagtail.models import (
    BootstrapLocaleField,
    BootstrapTranslatableModel,
    BootstrapTranslationKeyField,
)


class Migration(migrations.Migration):
    dependencies = [
        ("swapped", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        BootstrapLocaleField("swapped.BasePage"),
        BootstrapTranslationKeyField("swapped.BasePage"),
        BootstrapTranslatableModel("swapped.BasePage"),
    ]
