"""The package's own signals, for the optional apps to follow."""

from django.dispatch import Signal

# Events whose public content changed without a publish, such as a person erased from them
# (``personal_data``): sent with ``events``, a list of the event pages, once they are saved.
events_changed = Signal()
