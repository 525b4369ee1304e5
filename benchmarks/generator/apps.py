from django.apps import AppConfig


class GeneratorConfig(AppConfig):
    name = "benchmarks.generator"
    label = "wagtail_events_generator"
    verbose_name = "Generated benchmark content"
