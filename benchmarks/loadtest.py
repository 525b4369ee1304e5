"""``make loadtest``: the site under load on gunicorn while editors publish and translate.

Builds a throwaway PostgreSQL database (``migrate``, then ``generate_events``), starts gunicorn
with two workers on 127.0.0.1 and, for ``--seconds``, requests event pages, index pages, the
events API, calendars, feeds and the widget from a bounded pool of threads, while editors in
this process start an edit of one of a few events every second: each publishes it in
Norwegian, then updates and publishes its English translation through wagtail-localize. Each
edit puts a marker in the title. Prints requests, errors and latencies, and exits non-zero on
any error status or connection error, any stale response (one that started after an edit was
published but shows an older one, 304s included) and any edit missing at the end. Run it from
the repository root::

    DATABASE_URL=postgres://user:password@127.0.0.1:5432/db python -m benchmarks.loadtest
"""

import argparse
import bisect
import http.client
import io
import math
import os
import platform
import random
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from importlib.metadata import version
from typing import NamedTuple

import django

from benchmarks.common import print_table, throwaway_database

SETTINGS = "benchmarks.loadtest_settings"
WORKERS = 2
# Events the editor takes turns on: among the soonest, so on the first page of every list.
EDITED_EVENTS = 3
# The edited events must still be upcoming this long after the run.
UPCOMING_MARGIN = 3600
# Where in the upcoming events they must be: lists, feeds and the widget show 20 or more.
FIRST_PLACES = 10
# Share of requests that revalidate with If-None-Match once an ETag is known.
REVALIDATE_SHARE = 0.5
READY_SECONDS = 60
REQUEST_TIMEOUT = 30
LANGUAGES = ("nb", "en")
MARKER = re.compile(r"\[loadtest (\d+)\.(\d+) (nb|en)\]")
SHOWN_FAILURES = 10
SERVER_LOG_LINES = 60


def marker(slot, number, lang):
    return f"[loadtest {slot}.{number} {lang}]"


def read_markers(text):
    """``{(slot, lang): number}`` of the markers in ``text``, the oldest where one repeats.

    Calendar lines are unfolded first: a long title is split across lines anywhere.
    """
    text = re.sub(r"\r?\n[ \t]", "", text)
    found = {}
    for slot, number, lang in MARKER.findall(text):
        key = (int(slot), lang)
        found[key] = min(found.get(key, math.inf), int(number))
    return found


def percentile(values, share):
    """The nearest-rank percentile (``share`` between 0 and 1) of ``values``; None if empty."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(math.ceil(share * len(ordered)), 1) - 1]


class EditLog:
    """When each edit's publish returned: from then on, every response must show it."""

    def __init__(self):
        self._lock = threading.Lock()
        self._due = defaultdict(list)  # (slot, lang) -> [(due, number)], in order
        self.durations = defaultdict(list)  # lang -> seconds each publish under load took

    def record(self, slot, lang, number, started, due):
        with self._lock:
            self._due[slot, lang].append((due, number))
            if number:  # the setup's edits are made before any load
                self.durations[lang].append(due - started)

    def required(self, slot, lang, started):
        """The newest edit of ``(slot, lang)`` published before ``started``; 0 if none."""
        with self._lock:
            edits = self._due[slot, lang]
            place = bisect.bisect_right(edits, (started, math.inf))
            return edits[place - 1][1] if place else 0

    def due(self, slot, lang, number):
        with self._lock:
            return next(due for due, n in self._due[slot, lang] if n == number)

    def last(self, slot, lang):
        with self._lock:
            edits = self._due[slot, lang]
            return edits[-1][1] if edits else 0

    def edits(self, lang):
        """How many edits were published in ``lang`` after the first (number 0, the setup)."""
        with self._lock:
            return sum(
                n > 0 for key, edits in self._due.items() if key[1] == lang for _, n in edits
            )


class Stale(NamedTuple):
    slot: int
    lang: str
    seen: int | None  # None: the event is not in the response at all
    required: int


def stale_markers(markers, expected, log, started):
    """What a response that started at ``started`` shows older than was published by then.

    ``expected`` are the ``(slot, lang)`` the response must show; other markers it holds (a
    translation's title, say) must not be stale either.
    """
    stale = []
    for slot, lang in sorted(set(markers) | set(expected)):
        required = log.required(slot, lang, started)
        seen = markers.get((slot, lang))
        if seen is None or seen < required:
            stale.append(Stale(slot, lang, seen, required))
    return stale


def lost_edits(seen_by_place, expected_by_place, log):
    """``(place, slot, lang, seen, last)`` wherever the last edit is not what is shown."""
    lost = []
    for place, expected in expected_by_place.items():
        markers = seen_by_place.get(place, {})
        for slot, lang in sorted(set(markers) | set(expected)):
            last = log.last(slot, lang)
            if markers.get((slot, lang)) != last:
                lost.append((place, slot, lang, markers.get((slot, lang)), last))
    return lost


class Target(NamedTuple):
    kind: str
    path: str
    expected: frozenset  # the (slot, lang) it shows


class Seen(NamedTuple):
    etag: str
    markers: dict


class Stats:
    """Latencies, statuses and problems per kind of output, from every load thread."""

    def __init__(self):
        self._lock = threading.Lock()
        self.latencies = defaultdict(list)
        self.statuses = defaultdict(Counter)
        self.errors = []  # (kind, path, status or exception)
        self.stale = []  # (kind, path, Stale, seconds after the edit was due)

    def add(self, target, status, seconds, stale=(), late=()):
        with self._lock:
            self.latencies[target.kind].append(seconds)
            self.statuses[target.kind][status] += 1
            self.stale += [
                (target.kind, target.path, s, t) for s, t in zip(stale, late, strict=True)
            ]

    def error(self, target, what):
        with self._lock:
            self.statuses[target.kind][what if isinstance(what, int) else "connection"] += 1
            self.errors.append((target.kind, target.path, what))

    def rows(self):
        rows = []
        everything = []
        totals = Counter()
        for kind in sorted(self.statuses):
            everything += self.latencies[kind]
            totals.update(self.statuses[kind])
            stale = sum(1 for item in self.stale if item[0] == kind)
            rows.append(self._row(kind, self.statuses[kind], self.latencies[kind], stale))
        rows.append(self._row("all", totals, everything, len(self.stale)))
        return rows

    @staticmethod
    def _row(kind, statuses, latencies, stale):
        errors = {status: n for status, n in statuses.items() if status not in (200, 304)}
        return [
            kind,
            str(sum(statuses.values())),
            str(statuses[304]),
            ", ".join(
                f"{n}× {status}"
                for status, n in sorted(errors.items(), key=lambda item: str(item[0]))
            )
            or "0",
            _milliseconds(percentile(latencies, 0.5)),
            _milliseconds(percentile(latencies, 0.95)),
            str(stale),
        ]


def _milliseconds(seconds):
    return "" if seconds is None else f"{seconds * 1000:.0f}"


def fetch(port, path, headers=None):
    """``(status, body, etag)`` of one GET on a new connection, as gunicorn's workers close it."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        body = response.read().decode("utf-8", errors="replace")
        return response.status, body, response.getheader("ETag")
    finally:
        connection.close()


def request_in_turn(port, targets, deadline, log, stats, seen, seed):
    """One load thread: random targets until ``deadline``, each response checked."""
    rng = random.Random(seed)  # noqa: S311 - picks URLs, nothing secret
    while time.monotonic() < deadline:
        target = rng.choice(targets)
        known = seen.get(target.path)
        revalidate = known is not None and rng.random() < REVALIDATE_SHARE
        headers = {"If-None-Match": known.etag} if revalidate else {}
        started = time.monotonic()
        try:
            status, body, etag = fetch(port, target.path, headers)
        except (OSError, http.client.HTTPException) as error:
            stats.error(target, repr(error))
            continue
        seconds = time.monotonic() - started
        if status == 304 and revalidate:
            markers = known.markers  # the server says the body we hold is still current
        elif status == 200:
            markers = read_markers(body)
            if etag:
                seen[target.path] = Seen(etag, markers)
        else:
            stats.error(target, status)
            continue
        stale = stale_markers(markers, target.expected, log, started)
        late = [started - log.due(s.slot, s.lang, s.required) for s in stale]
        stats.add(target, status, seconds, stale, late)


class EditedEvent(NamedTuple):
    page_id: int
    translated_id: int
    title: str
    english_title: str
    translation: object  # wagtail-localize's Translation into English


class Editor:
    """Edits events as an editor would: publish in Norwegian, then translate and publish."""

    def __init__(self, events, log):
        from wagtail.models import Locale
        from wagtail_localize.models import Translation, TranslationSource

        self.log = log
        self.english = Locale.objects.get(language_code="en")
        self.events = []
        for event in events:
            translated = event.get_translation(self.english)
            source, _created = TranslationSource.get_or_create_from_instance(event)
            translation, _created = Translation.objects.get_or_create(
                source=source, target_locale=self.english, defaults={"enabled": True}
            )
            self._keep_english(source, translated)
            self.events.append(
                EditedEvent(event.pk, translated.pk, event.title, translated.title, translation)
            )

    def _keep_english(self, source, translated):
        """Give each text the English the translation page has, so only titles change."""
        from wagtail_localize.models import StringSegment, StringTranslation
        from wagtail_localize.segments.extract import extract_segments
        from wagtail_localize.segments.types import StringSegmentValue

        english = {
            segment.path: segment.string.data
            for segment in extract_segments(translated)
            if isinstance(segment, StringSegmentValue)
        }
        for segment in StringSegment.objects.filter(source=source).select_related(
            "string", "context"
        ):
            if segment.context.path in english:
                StringTranslation.objects.update_or_create(
                    translation_of=segment.string,
                    locale=self.english,
                    context=segment.context,
                    defaults={"data": english[segment.context.path]},
                )

    def edit(self, slot, number):
        from wagtail_localize.models import StringSegment, StringTranslation

        from wagtail_events.models import EventPage

        event = self.events[slot]
        source = event.translation.source
        started = time.monotonic()
        page = EventPage.objects.get(pk=event.page_id)
        page.title = f"{event.title} {marker(slot, number, 'nb')}"
        page.save_revision().publish()
        self.log.record(slot, "nb", number, started, time.monotonic())

        started = time.monotonic()
        source.update_from_db()
        segment = StringSegment.objects.select_related("string", "context").get(
            source=source, context__path="title"
        )
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=self.english,
            context=segment.context,
            defaults={"data": f"{event.english_title} {marker(slot, number, 'en')}"},
        )
        # Publishes once its transaction commits, before it returns.
        event.translation.save_target(publish=True)
        self.log.record(slot, "en", number, started, time.monotonic())

    def places(self):
        """The edited pages as the database holds them: ``{place: text}``."""
        from wagtail.models import Page

        texts = {}
        for slot, event in enumerate(self.events):
            for lang, pk in (("nb", event.page_id), ("en", event.translated_id)):
                page = Page.objects.get(pk=pk)
                live = page.live_revision.as_object() if page.live_revision else None
                texts[f"event {slot} ({lang}) title"] = page.title
                texts[f"event {slot} ({lang}) live revision"] = live.title if live else ""
                texts[f"event {slot} ({lang}) latest revision"] = (
                    page.get_latest_revision_as_object().title
                )
        return texts

    def targets(self, index):
        """Every URL that shows an edited event, with what it must show."""
        from wagtail.models import Page

        all_slots = range(len(self.events))
        targets = []
        for lang in LANGUAGES:
            shows_all = frozenset((slot, lang) for slot in all_slots)
            listed = index.get_translation(self.english) if lang == "en" else index
            # Norwegian is the default language: its lists are asked for without ?lang.
            query = "" if lang == "nb" else f"&lang={lang}"
            widget = "/embed/events/" if lang == "nb" else f"/embed/events/?lang={lang}"
            targets += [
                Target("index page", listed.url, shows_all),
                Target("RSS and Atom feeds", f"{listed.url}feed/", shows_all),
                Target("RSS and Atom feeds", f"{listed.url}feed/atom/", shows_all),
                Target("calendars (.ics)", f"{listed.url}calendar/", shows_all),
                Target("calendars (.ics)", f"/api/events.ics?when=upcoming{query}", shows_all),
                Target("events API list", f"/api/events/?when=upcoming{query}", shows_all),
                Target("widget", widget, shows_all),
            ]
            for slot, event in enumerate(self.events):
                page = Page.objects.get(pk=event.page_id if lang == "nb" else event.translated_id)
                shows = frozenset({(slot, lang)})
                targets += [
                    Target("event page", page.url, shows),
                    Target("calendars (.ics)", f"{page.url}calendar/", shows),
                    Target("events API detail", f"/api/events/{page.pk}/", shows),
                ]
        return targets


def soonest_events(count, seconds):
    """The first ``count`` upcoming Norwegian events that are still upcoming after the run."""
    from datetime import timedelta

    from django.utils import timezone

    from wagtail_events.models import EventPage

    now = timezone.now()
    upcoming = EventPage.objects.live().filter(locale__language_code="nb", end__gte=now)
    first = list(upcoming.order_by("start", "pk")[:FIRST_PLACES])
    lasting = now + timedelta(seconds=seconds + UPCOMING_MARGIN)
    chosen = [event for event in first if event.end > lasting][:count]
    if len(chosen) < count:
        raise SystemExit(f"Fewer than {count} of the first upcoming events last past the run.")
    return chosen


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def gunicorn(database, log_path):
    """gunicorn with ``WORKERS`` workers on a free port of 127.0.0.1, stopped afterwards."""
    from django.conf import settings

    port = free_port()
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": SETTINGS,
        "WAGTAIL_EVENTS_LOADTEST_DATABASE": database,
    }
    command = [sys.executable, "-m", "gunicorn", "--workers", str(WORKERS)]
    command += ["--bind", f"127.0.0.1:{port}", "example_project.wsgi:application"]
    with open(log_path, "wb") as log:
        # A session of its own: Ctrl-C reaches this process, which stops gunicorn in order.
        process = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
            command,
            cwd=settings.BASE_DIR,
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        wait_until_ready(process, port)
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_until_ready(process, port):
    deadline = time.monotonic() + READY_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn exited with status {process.returncode}.")
        try:
            if fetch(port, "/api/events/?limit=1")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"gunicorn did not answer within {READY_SECONDS} s.")


def edit_every_second(editor, deadline, failures):
    """Starts an edit every second until ``deadline``, each edited event in turn.

    Each event has an editor of its own, so an edit that takes longer than a second (a publish
    and a translation under load) does not hold back the next event's.
    """
    start = time.monotonic()
    editors = [
        threading.Thread(
            target=_edit_in_turn, args=(editor, slot, start + slot, deadline, failures)
        )
        for slot in range(len(editor.events))
    ]
    for thread in editors:
        thread.start()
    for thread in editors:
        thread.join()


def _edit_in_turn(editor, slot, first_at, deadline, failures):
    """Edits one event every ``len(editor.events)`` seconds from ``first_at``, or back to back
    when an edit takes longer."""
    from django.db import connection

    turns = len(editor.events)
    second = slot  # edits are numbered by the second they are due in
    next_at = first_at
    try:
        while next_at < deadline:
            time.sleep(max(next_at - time.monotonic(), 0))
            if time.monotonic() >= deadline:  # behind schedule: the load is over
                break
            try:
                editor.edit(slot, second + 1)
            except Exception as error:  # noqa: BLE001 - reported, and the run fails
                failures.append(repr(error))
            second += turns
            next_at += turns
    finally:
        connection.close()


def check_outputs(port, targets, log):
    """Each target fetched once, fresh: every one must show every last edit."""
    seen, errors = {}, []
    for target in targets:
        status, body, _etag = fetch(port, target.path)
        if status != 200:
            errors.append((target.kind, target.path, status))
        seen[target.path] = read_markers(body)
    return errors, lost_edits(seen, {t.path: t.expected for t in targets}, log)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="how long the load runs")
    parser.add_argument("--concurrency", type=int, default=4, help="requests at a time")
    parser.add_argument("--events", type=int, default=200, help="events to generate")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="wagtail-events-loadtest-") as directory:
        return run(args, directory)


def run(args, directory):
    os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS
    os.environ["WAGTAIL_EVENTS_LOADTEST_MEDIA"] = os.path.join(directory, "media")
    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from wagtail_events.models import EventIndexPage

    if connection.vendor != "postgresql":
        raise SystemExit(
            "make loadtest needs PostgreSQL: set DATABASE_URL=postgres://user:password@host/db "
            "(a user that may create databases)."
        )
    print(
        f"Python {platform.python_version()}, Django {version('django')}, "
        f"Wagtail {version('wagtail')}, gunicorn {version('gunicorn')}, {WORKERS} workers, "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}"
    )
    with throwaway_database(connection, "loadtest"):
        call_command("generate_events", events=args.events, stdout=io.StringIO())
        index = EventIndexPage.objects.get(slug="synthetic-events", locale__language_code="nb")
        log = EditLog()
        editor = Editor(soonest_events(EDITED_EVENTS, args.seconds), log)
        for slot in range(len(editor.events)):
            editor.edit(slot, 0)  # every edited event carries a marker from the start
        targets = editor.targets(index)
        log_path = os.path.join(directory, "gunicorn.log")
        with gunicorn(connection.settings_dict["NAME"], log_path) as port:
            errors, lost = check_outputs(port, targets, log)
            if errors or lost:
                print_failures(errors, [], lost, [])
                print_server_output(log_path)
                raise SystemExit("The outputs are wrong before any load: see above.")
            print(
                f"{args.events} events generated; {len(targets)} URLs, {args.concurrency} at a "
                f"time for {args.seconds:.0f} s, an edit of one of {len(editor.events)} events "
                "every second.",
                flush=True,
            )
            stats, editor_failures = load(port, targets, editor, log, args)
            errors, lost = check_outputs(port, targets, log)
        places = {place: read_markers(text) for place, text in editor.places().items()}
        lost += lost_edits(places, {place: {_slot_and_lang(place)} for place in places}, log)
        tracebacks = print_server_output(log_path)
    print()
    print_table(["output", "requests", "304", "errors", "p50 ms", "p95 ms", "stale"], stats.rows())
    print()
    nb_ms, en_ms = (percentile(log.durations[lang], 0.5) for lang in LANGUAGES)
    print(
        f"Edits during the load: {log.edits('nb')} published in Norwegian (p50 "
        f"{_milliseconds(nb_ms)} ms each), {log.edits('en')} translated and published in "
        f"English (p50 {_milliseconds(en_ms)} ms each)."
    )
    print(
        f"Stale responses: {len(stats.stale)}. Lost edits: {len(lost)}. "
        f"Errors: {len(stats.errors) + len(errors)}. Editor failures: {len(editor_failures)}. "
        f"Server tracebacks: {tracebacks}."
    )
    print_failures(stats.errors + errors, stats.stale, lost, editor_failures)
    failed = stats.errors or errors or stats.stale or lost or editor_failures or tracebacks
    return 1 if failed else 0


def print_server_output(log_path):
    """The end of gunicorn's output if it holds tracebacks; how many it holds."""
    with open(log_path, encoding="utf-8", errors="replace") as server_log:
        output = server_log.read()
    tracebacks = output.count("Traceback")
    if tracebacks:
        print(f"\ngunicorn's output, last {SERVER_LOG_LINES} lines:")
        print("\n".join(output.splitlines()[-SERVER_LOG_LINES:]))
    return tracebacks


def _slot_and_lang(place):
    slot, lang = re.match(r"event (\d+) \((\w+)\)", place).groups()
    return int(slot), lang


def load(port, targets, editor, log, args):
    stats, seen, editor_failures = Stats(), {}, []
    deadline = time.monotonic() + args.seconds
    editing = threading.Thread(target=edit_every_second, args=(editor, deadline, editor_failures))
    editing.start()
    try:
        with ThreadPoolExecutor(args.concurrency) as pool:
            runs = [
                pool.submit(request_in_turn, port, targets, deadline, log, stats, seen, seed)
                for seed in range(args.concurrency)
            ]
            for run in runs:
                run.result()
    finally:
        editing.join()
    return stats, editor_failures


def print_failures(errors, stale, lost, editor_failures):
    for kind, path, what in errors[:SHOWN_FAILURES]:
        print(f"ERROR {kind}: {path}: {what}")
    for kind, path, item, late in stale[:SHOWN_FAILURES]:
        shown = "no such event" if item.seen is None else f"edit {item.seen}"
        print(
            f"STALE {kind}: {path} started {late:.3f} s after edit {item.required} of event "
            f"{item.slot} ({item.lang}) was published, and showed {shown}"
        )
    for place, slot, lang, seen, last in lost[:SHOWN_FAILURES]:
        print(f"LOST {place}: event {slot} ({lang}) shows edit {seen}, the last was {last}")
    for failure in editor_failures[:SHOWN_FAILURES]:
        print(f"EDITOR {failure}")


if __name__ == "__main__":
    sys.exit(main())
