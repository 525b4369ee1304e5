"""Pages the public must not see, hidden each way an editor or the calendar can hide them."""

import datetime

from django.utils import timezone
from wagtail.models import PageViewRestriction

HIDDEN_WAYS = ["draft", "unpublished", "expired", "scheduled", "not yet due", "view-restricted"]


def hidden_page(factory, way, **kwargs):
    """A page made with ``factory`` and hidden in ``way``, one of :data:`HIDDEN_WAYS`."""
    if way == "draft":
        return factory(publish=False, **kwargs)
    if way == "scheduled":
        # Published with a go-live date ahead: Wagtail keeps it unpublished until then.
        page = factory(go_live_at=timezone.now() + datetime.timedelta(days=1), **kwargs)
        assert not page.live
        return page
    return hide(factory(**kwargs), way)


def hide(page, way):
    """Hide a published page in ``way``; the ways that apply to a page already published."""
    now = timezone.now()
    model = type(page)
    if way == "unpublished":
        page.unpublish()
    elif way == "expired":
        # Past its expiry date, before Wagtail's publish_scheduled command unpublishes it.
        model.objects.filter(pk=page.pk).update(expire_at=now - datetime.timedelta(minutes=5))
    elif way == "not yet due":
        # Live, with a go-live date still ahead (e.g. set by an import).
        model.objects.filter(pk=page.pk).update(go_live_at=now + datetime.timedelta(days=1))
    elif way == "view-restricted":
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig"
        )
    else:
        raise ValueError(f"Not a way to hide a published page: {way!r}")
    return model.objects.get(pk=page.pk)
