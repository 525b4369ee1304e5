"""The package's own signals, for the optional apps to follow."""

from django.dispatch import Signal

# Events whose public content changed without a publish, such as a person erased from them
# (``wagtail_events.personal_data``): sent with ``events``, the event pages, once saved.
events_changed = Signal()
