"""The checks ``make loadtest`` makes on what it reads: no server or database needed."""

import pytest

from benchmarks.loadtest import (
    EditLog,
    Stale,
    Stats,
    Target,
    lost_edits,
    marker,
    percentile,
    read_markers,
    stale_markers,
)


@pytest.fixture
def log():
    """Event 0 published at 0 in both languages, edit 1 at 10 (nb) and 11 (en), edit 2 at 20."""
    log = EditLog()
    for number, due in ((0, 0.0), (1, 10.0), (2, 20.0)):
        log.record(0, "nb", number, due - 0.5, due)
        log.record(0, "en", number, due, due + 1)
    log.record(1, "nb", 0, 0.0, 0.0)
    return log


def test_percentile_nearest_rank():
    values = [7, 1, 10, 2, 9, 3, 8, 4, 6, 5]
    assert percentile(values, 0.5) == 5
    assert percentile(values, 0.95) == 10
    assert percentile(values, 0.1) == 1
    assert percentile([42], 0.95) == 42
    assert percentile([], 0.5) is None


def test_markers_read_from_json_html_and_folded_calendars():
    title = f"Klimadebatt {marker(2, 17, 'nb')}"
    assert read_markers(f'{{"title": "{title}"}}') == {(2, "nb"): 17}
    # iCalendar folds long lines anywhere, also inside a marker.
    folded = f"SUMMARY:{title}"[:20] + "\r\n " + f"SUMMARY:{title}"[20:]
    assert read_markers(folded) == {(2, "nb"): 17}
    assert read_markers("<h1>Klimadebatt</h1>") == {}


def test_the_oldest_of_repeated_markers_counts():
    body = f"<title>{marker(0, 5, 'en')}</title><h1>{marker(0, 4, 'en')}</h1>{marker(1, 3, 'nb')}"
    assert read_markers(body) == {(0, "en"): 4, (1, "nb"): 3}


def test_required_edit_is_the_last_published_before_the_request(log):
    assert log.required(0, "nb", 9.99) == 0
    assert log.required(0, "nb", 10.0) == 1
    assert log.required(0, "en", 10.5) == 0
    assert log.required(0, "en", 11.0) == 1
    assert log.required(0, "nb", 100.0) == 2
    assert log.required(2, "nb", 100.0) == 0  # never edited
    assert log.last(0, "en") == 2
    assert log.edits("nb") == 2


def test_a_response_older_than_a_published_edit_is_stale(log):
    shows = {(0, "nb")}
    assert stale_markers({(0, "nb"): 1}, shows, log, started=15.0) == []
    assert stale_markers({(0, "nb"): 2}, shows, log, started=15.0) == []  # newer is fine
    # Started before edit 2 was published: edit 1 is still an honest answer.
    assert stale_markers({(0, "nb"): 1}, shows, log, started=19.9) == []
    assert stale_markers({(0, "nb"): 1}, shows, log, started=20.0) == [Stale(0, "nb", 1, 2)]


def test_an_event_missing_from_a_response_that_must_show_it_is_stale(log):
    assert stale_markers({}, {(0, "nb")}, log, started=12.0) == [Stale(0, "nb", None, 1)]


def test_other_markers_in_a_response_must_not_be_stale_either(log):
    # A Norwegian page showing its English translation's title.
    markers = {(0, "nb"): 2, (0, "en"): 1}
    assert stale_markers(markers, {(0, "nb")}, log, started=20.5) == []
    assert stale_markers(markers, {(0, "nb")}, log, started=21.0) == [Stale(0, "en", 1, 2)]


def test_every_place_must_show_every_last_edit(log):
    expected = {"/api/events/": {(0, "nb"), (1, "nb")}, "/en/event/": {(0, "en")}}
    seen = {"/api/events/": {(0, "nb"): 2, (1, "nb"): 0}, "/en/event/": {(0, "en"): 2}}
    assert lost_edits(seen, expected, log) == []

    seen["/en/event/"] = {(0, "en"): 1}
    assert lost_edits(seen, expected, log) == [("/en/event/", 0, "en", 1, 2)]
    del seen["/api/events/"]
    assert ("/api/events/", 0, "nb", None, 2) in lost_edits(seen, expected, log)


def test_table_counts_errors_by_status_and_stale_responses():
    stats = Stats()
    page = Target("event page", "/event/", frozenset())
    feed = Target("RSS and Atom feeds", "/feed/", frozenset())
    for seconds in (0.1, 0.2, 0.3):
        stats.add(page, 200, seconds)
    stats.add(feed, 304, 0.01, [Stale(0, "nb", 1, 2)], [0.5])
    stats.error(feed, 500)
    stats.error(feed, "ConnectionResetError()")

    feeds, pages, overall = stats.rows()
    assert feeds == ["RSS and Atom feeds", "3", "1", "1× 500, 1× connection", "10", "10", "1"]
    assert pages == ["event page", "3", "0", "0", "200", "300", "0"]
    assert overall == ["all", "6", "1", "1× 500, 1× connection", "100", "300", "1"]
