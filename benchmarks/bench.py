"""``make bench``: the events API against Wagtail's API v2, on generated events, in one run.

Builds a throwaway database (``migrate``, then ``generate_events``), then times each endpoint
in this process with Django's test client: a warm-up, then requests for a fixed time. Prints
requests per second, milliseconds per request and SQL queries per request, checks the targets
and exits non-zero if one is missed. Run it from the repository root::

    python -m benchmarks.bench --events 1000
"""

import argparse
import cProfile
import datetime
import io
import os
import platform
import pstats
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from importlib.metadata import version
from typing import NamedTuple

import django

from benchmarks.common import print_table, throwaway_database

EVENTS_LIST = "/api/events/"
EVENTS_CALENDAR = "/api/events.ics"
STOCK_V2 = "/bench/v2-stock/pages/"
PROJECT_V2 = "/api/v2/pages/"
EVENT_PAGES = {"type": "wagtail_events_pages.EventPage"}
ALL_FIELDS = {**EVENT_PAGES, "fields": "*"}
LIMIT = 50
SMALL_LIMIT = 5
# Calendars hold at most this many events (the calendar endpoint's own limit).
CALENDAR_EVENTS = 1000
CALENDAR_SMALL = 10
CALENDAR_REPEATS = 3
# Requests before measuring, stretches of measuring per endpoint, requests per stretch at least.
WARM_UP = 3
ROUNDS = 3
MIN_REQUESTS = 5

# The targets the issue sets.
LIST_VS_V2_ALL_FIELDS = 5.0
LIST_VS_V2_DEFAULT_FIELDS = 1.5
MAX_LIST_QUERIES = 10
CACHED_SHARE_OF_BARE = 0.4
MAX_CALENDAR_SECONDS = 0.5
# The scale check: the same requests at this many events and at --scale events.
SCALE_SMALL = 100
MAX_SCALE_RATIO = 1.3
SCALE_TURNS = 4


class Timing(NamedTuple):
    name: str
    requests: int
    seconds: float
    queries: int
    durations: tuple = ()  # of each request, in seconds

    @property
    def median_milliseconds(self):
        return statistics.median(self.durations) * 1000

    @property
    def per_second(self):
        return self.requests / self.seconds

    @property
    def milliseconds(self):
        return self.seconds / self.requests * 1000


class CalendarTiming(NamedTuple):
    timing: Timing
    seconds: float
    events: int
    small_queries: int


class Check(NamedTuple):
    name: str
    measured: str
    needed: str | None  # None: a figure for comparison, with no target of its own
    passed: bool = True

    @property
    def result(self):
        if self.needed is None:
            return "info"
        return "PASS" if self.passed else "FAIL"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1000, help="events to generate")
    parser.add_argument("--seconds", type=float, default=3.0, help="time per endpoint")
    parser.add_argument("--profile", action="store_true", help="also profile the cold events list")
    parser.add_argument(
        "--scale",
        type=int,
        default=0,
        help=f"also time pages, list and feeds at {SCALE_SMALL} events and at this many",
    )
    args = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")
    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    print(f"wagtail_events benchmark, {datetime.datetime.now():%Y-%m-%d %H:%M}")
    print(
        f"Python {platform.python_version()}, Django {version('django')}, "
        f"Wagtail {version('wagtail')}, {connection.vendor}, "
        f"cache {settings.CACHES['default']['BACKEND'].rsplit('.', 1)[-1]}, "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}"
    )
    with throwaway_database(connection):
        started = time.perf_counter()
        call_command("generate_events", events=args.events, stdout=io.StringIO())
        print(
            f"Generated {args.events} events with English translations "
            f"in {time.perf_counter() - started:.1f} s.",
            flush=True,
        )
        bench = Bench(args.seconds)
        timings, checks = bench.run(args.events)
        print()
        print_table(
            ["endpoint", "req/s", "ms/req", "queries"],
            [
                [t.name, f"{t.per_second:.1f}", f"{t.milliseconds:.2f}", str(t.queries)]
                for t in timings
            ],
        )
        print()
        print_checks(checks)
        if args.profile:
            bench.profile()
    if args.scale:
        with throwaway_database(connection):
            checks += scale(args.scale, args.seconds)
    return 0 if all(check.passed for check in checks) else 1


def scale(large, seconds):
    """The same requests at ``SCALE_SMALL`` events and at ``large``: the cost must barely grow.

    Each request is cold (every cached answer stale), so it reads what it shows from the
    database. Each size has a throwaway database of its own, with people and organisations in
    the generator's default shares (3,000 and 500 for 10,000 events), vacuumed on PostgreSQL
    as a working site's is. The two are timed in turns, ``SCALE_TURNS`` times each, so a change
    in the machine's load weighs on both alike, and their median requests are compared.
    """
    from django.core.cache import cache
    from django.db import connection

    def use(name):
        connection.close()
        connection.settings_dict["NAME"] = name
        cache.clear()  # the cache holds the other database's versions and pages

    names = {}
    with throwaway_database(connection, "scale"):
        names[SCALE_SMALL] = connection.settings_dict["NAME"]
        generate_for_scale(SCALE_SMALL)
        with throwaway_database(connection, "large"):
            names[large] = connection.settings_dict["NAME"]
            generate_for_scale(large)
            durations = {size: defaultdict(list) for size in names}
            queries = {}
            try:
                for _ in range(SCALE_TURNS):
                    for size, name in names.items():
                        use(name)
                        bench = Bench(seconds / SCALE_TURNS)
                        for timing in bench.measure(scale_endpoints(bench)):
                            durations[size][timing.name] += timing.durations
                            queries[size, timing.name] = timing.queries
            finally:
                use(names[large])  # the database the context drops
    figures = {
        size: [
            Timing(endpoint, len(times), sum(times), queries[size, endpoint], tuple(times))
            for endpoint, times in by_endpoint.items()
        ]
        for size, by_endpoint in durations.items()
    }
    pairs = list(zip(figures[SCALE_SMALL], figures[large], strict=True))
    print()
    print_table(
        ["cold request (median)", f"ms at {SCALE_SMALL}", f"ms at {large}", "queries"],
        [
            [
                small.name,
                f"{small.median_milliseconds:.1f}",
                f"{big.median_milliseconds:.1f}",
                f"{small.queries} and {big.queries}",
            ]
            for small, big in pairs
        ],
    )
    checks = []
    for small, big in pairs:
        ratio = big.median_milliseconds / small.median_milliseconds
        checks.append(
            Check(
                f"{small.name} at {large} events against {SCALE_SMALL}",
                f"{ratio:.2f}×",
                f"≤ {MAX_SCALE_RATIO}×",
                ratio <= MAX_SCALE_RATIO,
            )
        )
    print()
    print_checks(checks)
    return checks


def generate_for_scale(events):
    from django.core.management import call_command
    from django.db import connection

    started = time.perf_counter()
    call_command("generate_events", events=events, stdout=io.StringIO())
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    print(f"\nScale: {events} events generated in {time.perf_counter() - started:.1f} s.")


def scale_endpoints(bench):
    from wagtail_events.models import EventIndexPage

    index = EventIndexPage.objects.get(slug="synthetic-events", locale__language_code="nb")
    return [
        Endpoint(name, bench.getter(path, params), before=bench.bump)
        for name, path, params in (
            ("events index page", index.url, {}),
            ("events API list", EVENTS_LIST, {}),
            ("RSS feed", index.url + "feed/", {}),
            ("Atom feed", index.url + "feed/atom/", {}),
        )
    ]


class Endpoint(NamedTuple):
    """``request()`` is timed; ``setup()`` runs untimed before each stretch of requests and
    ``before()`` before each request."""

    name: str
    request: Callable
    before: Callable = lambda: None
    setup: Callable = lambda: None


class Bench:
    def __init__(self, seconds):
        from django.db import connection
        from django.test import Client

        from wagtail_events.caching import bump_content_version

        self.seconds = seconds
        self.client = Client()
        self.connection = connection
        self.bump = bump_content_version
        self.soonest = None

    def publish_one(self):
        """Publish the soonest event again, as an editor would: untimed, before a request.

        Every response is stale then; of the cached per-event fragments only that event's are.
        Always the same event, listed at limit 5 and 50 alike, so both rebuild the same.
        """
        from wagtail_events.models import EventPage

        if self.soonest is None:
            self.soonest = self.get(EVENTS_LIST, {"limit": 1}).json()["items"][0]["id"]
        EventPage.objects.get(pk=self.soonest).save_revision().publish()

    def get(self, path, params=None, status=200, **headers):
        response = self.client.get(path, params or {}, headers=headers)
        if response.status_code != status:
            raise SystemExit(f"{path} {params}: {response.status_code}, expected {status}")
        return response

    def getter(self, path, params=None, **kwargs):
        return lambda: self.get(path, params, **kwargs)

    def queries(self, request):
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(self.connection) as captured:
            request()
        return len(captured)

    def measure(self, endpoints):
        """Requests per second of each endpoint, taken in turns.

        Each endpoint gets ``ROUNDS`` stretches of requests, the endpoints taking turns, so a
        change in the machine's load while the benchmark runs weighs on all of them alike.
        """
        queries = {}
        for endpoint in endpoints:
            endpoint.setup()
            for _ in range(WARM_UP):
                endpoint.before()
                endpoint.request()
            endpoint.before()
            queries[endpoint] = self.queries(endpoint.request)
        totals = {endpoint: [0, 0.0, []] for endpoint in endpoints}
        for _ in range(ROUNDS):
            for endpoint in endpoints:
                endpoint.setup()
                total = totals[endpoint]
                deadline = time.perf_counter() + self.seconds / ROUNDS
                stretch = 0
                while stretch < MIN_REQUESTS or time.perf_counter() < deadline:
                    endpoint.before()
                    started = time.perf_counter()
                    endpoint.request()
                    duration = time.perf_counter() - started
                    total[0] += 1
                    total[1] += duration
                    total[2].append(duration)
                    stretch += 1
        return [
            Timing(endpoint.name, count, seconds, queries[endpoint], tuple(durations))
            for endpoint, (count, seconds, durations) in totals.items()
        ]

    def run(self, events):
        from benchmarks import views

        our_list = {"limit": LIMIT}
        response = self.get(EVENTS_LIST, our_list)
        views.STATIC_PAYLOAD.update(response.json())
        etag = {}

        def fresh_etag():
            etag["value"] = self.get(EVENTS_LIST, our_list)["ETag"]

        get = self.getter

        def uncached(params, before=self.publish_one, state="after a publish"):
            name = f"events API, {describe(params)}, {state}"
            return Endpoint(name, get(EVENTS_LIST, params), before=before)

        def cold(params):
            return uncached(params, before=self.bump, state="cold")

        def v2(label, path, fields_label, params):
            name = f"{label} API v2, {fields_label}, limit {LIMIT}"
            return Endpoint(name, get(path, {**params, "limit": LIMIT}))

        ours = uncached(our_list)
        ours_small = uncached({"limit": SMALL_LIMIT})
        ours_cold = cold(our_list)
        ours_small_cold = cold({"limit": SMALL_LIMIT})
        cached = Endpoint(
            f"events API, limit {LIMIT}, cache hit",
            get(EVENTS_LIST, our_list),
            setup=get(EVENTS_LIST, our_list),
        )
        not_modified = Endpoint(
            f"events API, limit {LIMIT}, 304",
            lambda: self.get(EVENTS_LIST, our_list, status=304, if_none_match=etag["value"]),
            setup=fresh_etag,
        )
        stock_all = v2("stock", STOCK_V2, "fields=*", ALL_FIELDS)
        stock_default = v2("stock", STOCK_V2, "default fields", EVENT_PAGES)
        bare = Endpoint("bare JsonResponse, same payload", get("/bench/json/"))
        tiny = Endpoint("bare JsonResponse, {'ok': true}", get("/bench/json/tiny/"))
        endpoints = [
            ours,
            ours_small,
            uncached({**our_list, "lang": "en"}),
            ours_cold,
            ours_small_cold,
            cold({**our_list, "lang": "en"}),
            cached,
            not_modified,
            stock_all,
            stock_default,
            v2("project", PROJECT_V2, "fields=*", ALL_FIELDS),
            v2("project", PROJECT_V2, "default fields", EVENT_PAGES),
            bare,
            tiny,
        ]
        timings = self.measure(endpoints)
        of = dict(zip(endpoints, timings, strict=True))
        calendar = self.calendar(events, "after a publish", self.publish_one)
        calendar_cold = self.calendar(events, "cold", self.bump)
        timings += [calendar.timing, calendar_cold.timing]

        expected_in_calendar = min(events, CALENDAR_EVENTS)
        checks = [
            ratio_check(
                "list vs stock v2 fields=*", of[ours], of[stock_all], LIST_VS_V2_ALL_FIELDS
            ),
            ratio_check(
                "list vs stock v2 default fields",
                of[ours],
                of[stock_default],
                LIST_VS_V2_DEFAULT_FIELDS,
            ),
            ratio_check("cold list vs stock v2 fields=*", of[ours_cold], of[stock_all]),
            ratio_check("cold list vs stock v2 default fields", of[ours_cold], of[stock_default]),
            *(
                Check(
                    f"list queries at limit {SMALL_LIMIT} and {LIMIT}, {state}",
                    f"{small.queries} and {large.queries}",
                    f"equal, ≤ {MAX_LIST_QUERIES}",
                    small.queries == large.queries <= MAX_LIST_QUERIES,
                )
                for state, small, large in (
                    ("after a publish", of[ours_small], of[ours]),
                    ("cold", of[ours_small_cold], of[ours_cold]),
                )
            ),
            cached_check("cache hit", of[cached], of[bare], of[tiny]),
            cached_check("304", of[not_modified], of[bare], of[tiny]),
            *(
                Check(
                    f"calendar of {expected_in_calendar} events, {state}",
                    f"{seconds:.2f} s, {in_calendar} events",
                    f"≤ {MAX_CALENDAR_SECONDS} s" if target else None,
                    # A figure without a target never fails the run.
                    not target
                    or (seconds <= MAX_CALENDAR_SECONDS and in_calendar == expected_in_calendar),
                )
                for state, seconds, in_calendar, target in (
                    ("after a publish", calendar.seconds, calendar.events, True),
                    ("cold", calendar_cold.seconds, calendar_cold.events, False),
                )
            ),
            *(
                Check(
                    f"calendar queries for {CALENDAR_SMALL} and {expected_in_calendar} events, "
                    f"{state}",
                    f"{measured.small_queries} and {measured.timing.queries}",
                    "equal",
                    measured.small_queries == measured.timing.queries,
                )
                for state, measured in (("after a publish", calendar), ("cold", calendar_cold))
            ),
        ]
        return timings, checks

    def calendar(self, events, state, before):
        """The best of a few requests for a calendar of every event (up to 1,000)."""
        everything = {"when": "all", "limit": min(events, CALENDAR_EVENTS)}
        before()
        small_queries = self.queries(
            lambda: self.get(EVENTS_CALENDAR, {"when": "all", "limit": CALENDAR_SMALL})
        )
        before()
        queries = self.queries(lambda: self.get(EVENTS_CALENDAR, everything))
        best = None
        for _ in range(CALENDAR_REPEATS):
            before()
            started = time.perf_counter()
            response = self.get(EVENTS_CALENDAR, everything)
            spent = time.perf_counter() - started
            best = spent if best is None else min(best, spent)
        in_calendar = response.content.count(b"BEGIN:VEVENT")
        name = f"calendar (.ics), {in_calendar} events, {state}"
        return CalendarTiming(Timing(name, 1, best, queries), best, in_calendar, small_queries)

    def profile(self):
        """Where cold list requests spend their time, by cumulative time."""
        profiler = cProfile.Profile()
        for _ in range(20):
            self.bump()
            profiler.enable()
            self.get(EVENTS_LIST, {"limit": LIMIT})
            profiler.disable()
        print(f"\nProfile of 20 cold requests to {EVENTS_LIST}?limit={LIMIT}:")
        pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative").print_stats(30)


def describe(params):
    words = [f"limit {params['limit']}"]
    if "lang" in params:
        words.append(f"lang={params['lang']}")
    return ", ".join(words)


def ratio_check(name, ours, theirs, needed=None):
    ratio = ours.per_second / theirs.per_second
    if needed is None:
        return Check(name, f"{ratio:.1f}×", None)
    return Check(name, f"{ratio:.1f}×", f"≥ {needed}×", ratio >= needed)


def cached_check(label, timing, bare, tiny):
    share = timing.per_second / bare.per_second
    return Check(
        f"{label}: queries, share of bare JsonResponse",
        # Against the tiny payload too, the stricter ceiling.
        f"{timing.queries}, {share:.0%} ({timing.per_second / tiny.per_second:.0%} of tiny)",
        f"0, ≥ {CACHED_SHARE_OF_BARE:.0%}",
        timing.queries == 0 and share >= CACHED_SHARE_OF_BARE,
    )


def print_checks(checks):
    print_table(
        ["target", "measured", "needed", "result"],
        [[c.name, c.measured, c.needed or "", c.result] for c in checks],
    )


if __name__ == "__main__":
    sys.exit(main())
