"""The events API against its own OpenAPI document: schemathesis fuzzes every operation.

The document is loaded from the app (``/api/openapi.json``) and each operation is called
through Django's WSGI application with requests generated from it: valid ones, about half of
them naming what the database holds, and invalid ones. Hypothesis is derandomised and the
number of examples bounded, so every run makes the same requests. Each response must not be a
server error, must have a documented status code and content type and match the documented
schema, must accept a valid request and refuse an invalid one (schemathesis's default checks),
and must show nothing of the events the public may not see.

The operations run in one test with the data created once, rather than through schemathesis's
pytest integration, which makes one test per operation (creating the data each time) and whose
fixture-loaded schemas fail on pytest 9.2. A failure names each operation and kind of request
that failed, with a curl command to reproduce it.
"""

import datetime
from urllib.parse import parse_qs

import jsonschema_rs  # schemathesis's own validator
import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.utils import timezone
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.errors import FailureGroup
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance

from tests.factories import (
    EventPageFactory,
    EventTypeFactory,
    OrganisationFactory,
    PersonPageFactory,
    TopicFactory,
    VenueFactory,
    publish,
    published_quickly,
)
from tests.hidden_pages import hidden_page
from tests.test_jsonld import make_image
from wagtail_events.models import AttendanceMode, EmbedProfile, EventStatus, Role

pytestmark = pytest.mark.django_db

# Per operation and kind of request (valid, invalid): 10 to 15 s for the whole file.
MAX_EXAMPLES = 30
# The query string of the last request the WSGI application received.
RECEIVED_QUERY = [""]
SOON = timezone.now() + datetime.timedelta(days=10)
# In the hidden events' titles, leads and slugs; no response may contain it.
HIDDEN = "hemmelig-utkast"


def at(days, hours=1):
    start = SOON + datetime.timedelta(days=days)
    return {"start": start, "end": start + datetime.timedelta(hours=hours)}


@pytest.fixture
def programme(series, people_index, locale_en):
    """What a site publishes: events with people, organisers, topics, a venue, an image, an
    agenda, an English version and an embed profile; and a draft and an unpublished event.

    Returns the hidden events' ids and, by parameter name, values the database holds.
    """
    with published_quickly():
        return _publish_programme(series, people_index, locale_en)


def _publish_programme(series, people_index, locale_en):
    hemit = OrganisationFactory(name="Hemit", short_name="Hemit", url="https://www.hemit.no/")
    norwai = OrganisationFactory(name="NTNU NorwAI", short_name="", url="")
    climate = TopicFactory(name="Klima")
    health = TopicFactory(name="Helse")
    moderator = PersonPageFactory(
        parent=people_index,
        given_name="Ingrid",
        family_name="Berg",
        job_title="Nyhetsredaktør",
        organisation=hemit,
    )
    speaker = PersonPageFactory(
        parent=people_index, given_name="Per", family_name="Hansen", organisation=norwai
    )
    debate = EventPageFactory(
        parent=series,
        title="Hvem tar regningen?",
        slug="hvem-tar-regningen",
        lead="Kommunene må ruste seg.",
        **at(1),
        venue=VenueFactory(name="Bankgården"),
        event_type=EventTypeFactory(name="Debatt"),
        topics=[climate, health],
        organisers=[hemit, norwai],
        image=make_image(),
        spoken_languages=["nb"],
        registration_required=True,
        registration_url="https://example.org/pamelding",
        capacity=120,
        is_free=False,
        price="NOK 200",
        people=[
            (moderator, Role.MODERATOR),
            (speaker, Role.SPEAKER),
            {
                "role": Role.CONTACT,
                "name": "Siri Dahl",
                "phone": "+47 400 00 321",
                "email": "siri.dahl@example.org",
                "contact_public": True,
            },
        ],
        body=[
            {"type": "questions", "value": {"heading": "Vi spør:", "questions": ["Hvem?"]}},
            {
                "type": "agenda",
                "value": {
                    "heading": "Program",
                    "items": [
                        {
                            # The event's first day, where it takes place.
                            "day": timezone.localdate(at(1)["start"]).isoformat(),
                            "start_time": "09:00",
                            "end_time": "09:15",
                            "title": "Åpning",
                            "description": "Velkommen",
                            "people": [moderator.pk],
                        },
                        {"start_time": "09:15", "title": "Debatt", "people": [speaker.pk]},
                    ],
                },
            },
        ],
    )
    past = EventPageFactory(
        parent=series,
        title="Frokostmøte om helsedata",
        **at(-30),
        topics=[health],
        organisers=[norwai],
        people=[speaker],
        status=EventStatus.RESCHEDULED,
        previous_start=SOON - datetime.timedelta(days=31),
    )
    online = EventPageFactory(
        parent=series,
        title="Webinar: digitale piloter",
        **at(3, hours=2),
        venue=None,
        attendance_mode=AttendanceMode.ONLINE,
        livestream_url="https://example.org/direkte",
        status=EventStatus.CANCELLED,
    )

    english = debate.copy_for_translation(locale_en, copy_parents=True)
    english.title = "Who pays the bill?"
    english.slug = "who-pays-the-bill"
    publish(english)
    hemit.copy_for_translation(locale_en).save()
    moderator_en = moderator.copy_for_translation(locale_en, copy_parents=True)
    publish(moderator_en)

    profile = EmbedProfile.objects.create(name="Hemit", slug="hemit", language="nb", limit=5)
    profile.organisers.set([hemit])

    hidden = [
        hidden_page(
            EventPageFactory,
            way,
            parent=series,
            title=f"Skjult {HIDDEN}",
            slug=f"{HIDDEN}-{way}",
            lead=f"Ikke offentlig: {HIDDEN}",
            **at(2),
            organisers=[hemit],
            topics=[climate],
            people=[moderator],
        ).pk
        for way in ("draft", "unpublished")
    ]
    return {
        "hidden": hidden,
        "path": {
            "event_id": [debate.pk, past.pk, online.pk, english.pk, *hidden],
            "person_id": [moderator.pk, speaker.pk, moderator_en.pk],
        },
        "query": {
            "lang": ["en"],
            "organiser": [hemit.slug, norwai.slug],
            "organisation": [hemit.slug],
            "topic": [climate.slug, health.slug],
            "type": [debate.event_type.slug],
            "person": [moderator.slug],
            "profile": [profile.slug],
            "series": [series.pk],
            "q": ["regningen", "Berg"],
            "when": ["past"],
        },
    }


@pytest.fixture
def wsgi_app():
    """Django's WSGI application, answering inside the test's database transaction.

    Django closes, after each request, a connection left outside autocommit, which would end
    the test's transaction; its test client keeps the connection open the same way.
    """
    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    application = get_wsgi_application()

    def recording(environ, start_response):
        # What the API was sent, which is not always what schemathesis says it sent: its curl
        # command shows the generated values, and a request can lose a character on the way.
        RECEIVED_QUERY[:] = [environ.get("QUERY_STRING", "")]
        return application(environ, start_response)

    yield recording
    for signal in (signals.request_started, signals.request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def api_schema(wsgi_app):
    return schemathesis.openapi.from_wsgi("/api/openapi.json", wsgi_app)


@pytest.mark.slow
def test_every_operation_answers_as_documented(api_schema, programme):
    failures = {}
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 10
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            strategy = operation.as_strategy(generation_mode=mode)
            if mode == GenerationMode.POSITIVE:
                # About half the valid requests name real events, people, organisers, topics.
                real = _real_data(operation, programme)
                if real:
                    strategy = st.one_of(st.one_of(real), strategy)
            try:
                _fuzz(strategy, api_schema.raw_schema, programme["hidden"])
            except (AssertionError, FailureGroup) as error:
                failures[f"{operation.label} ({mode.value} data)"] = error
    assert not failures, "\n\n".join(f"{label}:\n{error}" for label, error in failures.items())


def _real_data(operation, programme):
    """Valid requests with one parameter set to a value the database holds."""
    return [
        operation.as_strategy(**{location: {name: value}})
        for location, parameters in (
            ("path_parameters", operation.path_parameters),
            ("query", operation.query),
        )
        for name, values in programme["path" if location == "path_parameters" else "query"].items()
        if name in parameters
        for value in values
    ]


def _fuzz(strategy, document, hidden):
    @settings(
        max_examples=MAX_EXAMPLES,
        derandomize=True,
        database=None,
        deadline=None,
        # No shrinking: a failure is reported as found, with its curl command.
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    @given(case=strategy)
    def call(case):
        response = case.call()
        case.validate_response(response, excluded_checks=_not_applicable(case, response, document))

        assert HIDDEN not in response.text, "A response shows a hidden event"
        if (case.path_parameters or {}).get("event_id") in hidden:
            assert response.status_code == 404

    call()


def _not_applicable(case, response, document):
    """The checks that do not apply to this request, the two ways schemathesis misjudges one."""
    # 'to' before 'from' passes the schema, which cannot compare two parameters; the API
    # refuses it with its documented 422.
    if response.status_code == 422 and all(
        error["loc"] == ["query", "to"] and "before 'from'" in error["msg"]
        for error in response.json()["detail"]
    ):
        return [positive_data_acceptance]
    # Schemathesis judges a query parameter by the value it generated, but a query carries
    # text: 'person=false' is the list of one slug ['false'], not the boolean it was made from.
    if response.status_code < 300 and _valid_as_read(case, response, document):
        return [negative_data_rejection]
    return []


def _valid_as_read(case, response, document):
    """Whether the parameters the API received, read as text as it reads them, are valid."""
    operation = document["paths"][case.operation.path]["get"]
    # WSGI gives the query string as Latin-1 text of the bytes sent.
    received = RECEIVED_QUERY[0].encode("latin-1").decode("utf-8", errors="replace")
    query = parse_qs(received, keep_blank_values=True)
    path = {name: [str(value)] for name, value in (case.path_parameters or {}).items()}
    for parameter in operation.get("parameters", []):
        texts = (query if parameter["in"] == "query" else path).get(parameter["name"])
        if texts is None:
            continue
        schema = {**parameter["schema"], "components": document.get("components", {})}
        validator = jsonschema_rs.validator_for(schema, validate_formats=True)
        # A list is all the texts, any other value the one text, or the number it spells.
        readings = [texts, *texts, *(int(text) for text in texts if _integer(text))]
        if not any(validator.is_valid(reading) for reading in readings):
            return False
    return True


def _integer(text):
    try:
        int(text)
    except ValueError:
        return False
    return True
