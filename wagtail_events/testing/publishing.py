"""Publishing many pages quickly: what the factories, the demo and the benchmark generator share.

- :func:`add_page` and :func:`publish` publish a page as the admin does, or, inside
  :func:`published_quickly`, in about a third of the time;
- :func:`deferred_indexing` leaves the search and reference indexes alone while content is
  built, and adds what was saved to the search index in bulk at the end;
- :func:`insert_pages` adds unsaved pages in a few bulk inserts, for thousands of pages;
- :func:`analyze` gives PostgreSQL's planner statistics for the new rows.

Only factory_boy-free code lives here, so the benchmarks need nothing beyond the package.
"""

from collections import defaultdict
from contextlib import contextmanager

from django.conf import settings
from django.db import connection
from django.db.models import F
from django.db.models.signals import post_save
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Revision
from wagtail.search import index
from wagtail.search.backends import get_search_backends
from wagtail.signal_handlers import disable_reference_index_auto_update

from ..base_page import page_model

# True inside a published_quickly() block.
_quickly = False


def add_page(parent, page, *, publish=True, user=None):
    """Add the unsaved ``page`` under ``parent`` and publish it (``publish=False``: a draft).

    With a ``user``, the page is theirs and its revision and publication are logged as theirs,
    as when they publish it in the admin.
    """
    page.live = publish
    if user is not None:
        page.owner = user
    if publish and _quickly:
        _mark_published(page)
        parent.add_child(instance=page)
        _make_live_revision(page)
        return page
    parent.add_child(instance=page)
    revision = page.save_revision(user=user, log_action=user is not None)
    if publish:
        revision.publish(user=user)
    return page


def publish(page, *, user=None):
    """Publish a page made some other way, e.g. a copy for translation (quickly in the block)."""
    if _quickly:
        _mark_published(page)
        page.save()
        _make_live_revision(page)
    else:
        page.save_revision(user=user, log_action=user is not None).publish(user=user)


@contextmanager
def published_quickly():
    """Pages published in the block come out as publishing leaves them, in about a third of
    the time.

    For tests that need 50 events to count queries. Each page is saved once, live, with its
    publication dates, people, organisers and topics, and its revision as the live one; what
    publishing does besides (the log entry, the page_published signal, the CDN purge) is
    skipped. What the block saves is indexed for search at its end (see
    :func:`deferred_indexing`), and on PostgreSQL analysed (see :func:`analyze`).
    """
    global _quickly
    assert not _quickly, "published_quickly() blocks don't nest"  # noqa: S101
    _quickly = True
    try:
        with deferred_indexing():
            yield
    finally:
        _quickly = False
    analyze()


@contextmanager
def deferred_indexing():
    """Leave the search and reference indexes alone while the block saves; then add what it
    saved to the search index, in bulk as ``update_index`` does.

    Building content saves pages and their revisions many times over, and updating both indexes
    on every save takes most of the time. What the block saves gets no reference index entries
    (the admin's usage counts): code that needs them adds them itself.
    """
    saved = defaultdict(set)

    def collect(sender, instance, raw=False, **kwargs):
        if not raw and index.class_is_indexed(sender):
            saved[sender].add(instance.pk)

    no_auto_update = {
        name: {**params, "AUTO_UPDATE": False}
        for name, params in settings.WAGTAILSEARCH_BACKENDS.items()
    }
    post_save.connect(collect, weak=False, dispatch_uid="wagtail_events.deferred_indexing")
    try:
        with (
            disable_reference_index_auto_update(),
            override_settings(WAGTAILSEARCH_BACKENDS=no_auto_update),
        ):
            yield
    finally:
        post_save.disconnect(dispatch_uid="wagtail_events.deferred_indexing")
    for model, pks in saved.items():
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(model, model.get_indexed_objects().filter(pk__in=pks))


def analyze():
    """On PostgreSQL, planner statistics for the new rows, as autovacuum keeps them on a live
    site: tables analysed while nearly empty get nested-loop plans that take seconds for the
    filter choices of 50 events. ANALYZE sees the current transaction's own rows."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def _mark_published(page):
    now = timezone.now()
    page.live = True
    page.has_unpublished_changes = False
    page.first_published_at = page.first_published_at or now
    page.last_published_at = now


def _make_live_revision(page):
    """The revision publishing would have made live, from the page as saved."""
    revision = Revision.objects.create(
        content_object=page,
        base_content_type=page.get_base_content_type(),
        content=page.serializable_data(),
        object_str=str(page),
        created_at=page.last_published_at,
    )
    page_model().objects.filter(pk=page.pk).update(
        latest_revision=revision,
        live_revision=revision,
        latest_revision_created_at=revision.created_at,
    )


def insert_pages(parent, pages):
    """Add unsaved ``pages`` of one page model under ``parent``, live, in a few bulk inserts.

    What ``add_child`` and publishing would do for each page, minus revisions, signals and
    indexing: a tree path after the parent's last child, the URL path, the publication dates.
    """
    if not pages:
        return
    # The site's base page: Wagtail's Page, or the one WAGTAIL_PAGE_MODEL swaps in.
    base = page_model()
    last_child = parent.get_last_child()
    # treebeard's own helpers for the materialised path, so the tree stays valid.
    position = last_child._get_lastpos_in_path() if last_child else 0
    now = timezone.now()
    for page in pages:
        position += 1
        page.depth = parent.depth + 1
        page.path = base._get_path(parent.path, page.depth, position)
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.draft_title = page.title
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.last_published_at = now

    base_fields = [field.attname for field in base._meta.concrete_fields if not field.primary_key]
    rows = base.objects.bulk_create(
        [base(**{name: getattr(page, name) for name in base_fields}) for page in pages]
    )
    if rows[0].pk is None:  # databases that don't return the new ids
        ids = dict(
            base.objects.filter(path__in=[row.path for row in rows]).values_list("path", "pk")
        )
        for row in rows:
            row.pk = ids[row.path]
    for page, row in zip(pages, rows, strict=True):
        # The link to the base page's row: page_ptr_id on Wagtail's Page, <model>_ptr_id on another.
        page.id = row.pk
        setattr(page, page._meta.pk.attname, row.pk)
        # The page model's own table only, as loaddata saves it: a raw save skips the parent
        # table (inserted above) and tells signal handlers not to index anything.
        page.save_base(raw=True, force_insert=True)
    base.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    # get_last_child() trusts the count in memory.
    parent.numchild += len(pages)
