"""The embeddable widget: an iframe page and the ``<wagtail-events>`` custom element."""
