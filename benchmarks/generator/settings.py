"""The example site's development settings with ``generate_events``, to fill the demo's database
(``python example_project/manage.py generate_events --settings=benchmarks.generator.settings``).
"""

from example_project.settings.dev import *  # noqa: F403
from example_project.settings.dev import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "benchmarks.generator"]
