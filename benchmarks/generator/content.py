"""Fictional Norwegian and English content for ``generate_events``, made from a seed.

Each object is made by a function of its own random generator and number, so object 42 is the
same whatever else a run creates. Texts come as ``Text(nb, en)`` pairs: the Norwegian goes into
the source object, the English into its translation. Places, organisations and people are
invented; contact details use example.org and +47 400 numbers.
"""

import datetime
import functools
import random
import uuid
from decimal import Decimal
from itertools import product
from typing import NamedTuple

from django.utils.html import escape

from wagtail_events.models import AttendanceMode, EventStatus, Role
from wagtail_events.slugs import slug_from_name

# Every generated slug starts with this, then the kind and number, so a later run finds what an
# earlier one made (and ``--clear`` removes only that).
SLUG_PREFIX = "synthetic"


class Text(NamedTuple):
    nb: str
    en: str

    def format(self, **values):
        """Fill both languages, each from the same language of any ``Text`` among ``values``."""
        return Text(*(self._fill(language, values) for language in ("nb", "en")))

    def _fill(self, language, values):
        localised = {key: in_language(value, language) for key, value in values.items()}
        return getattr(self, language).format(**localised)


def same(text):
    return Text(text, text)


def in_language(value, language):
    """``value`` with every ``Text`` inside it (dicts, lists) replaced by one language."""
    if isinstance(value, Text):
        return getattr(value, language)
    if isinstance(value, dict):
        return {key: in_language(item, language) for key, item in value.items()}
    if isinstance(value, list):
        return [in_language(item, language) for item in value]
    return value


def rng_for(seed, kind, number):
    # A string seed is hashed, so neighbouring numbers get unrelated sequences.
    return random.Random(f"{seed}:{kind}:{number}")  # noqa: S311 (not for security)


def uuid_from(rng):
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def numbered_slug(kind, number, name=""):
    """``synthetic-<kind>-<number>[-<name>]``, e.g. ``synthetic-event-00042-debatt-om-klima``."""
    slug = f"{SLUG_PREFIX}-{kind}-{number:05d}"
    name_slug = slug_from_name(name)
    return f"{slug}-{name_slug}"[:100].rstrip("-") if name_slug else slug


def capitalised(text):
    return Text(*(value[:1].upper() + value[1:] for value in text))


# Vocabulary ---------------------------------------------------------------------------------

TOPICS = [
    # (name, how a sentence says it)
    (
        Text("Kunstig intelligens", "Artificial intelligence"),
        Text("kunstig intelligens", "artificial intelligence"),
    ),
    (Text("Helse", "Health"), Text("helsetjenesten", "the health service")),
    (Text("Klima", "Climate"), Text("klimatilpasning", "climate adaptation")),
    (Text("Forskning", "Research"), Text("forskningsformidling", "research communication")),
    (Text("Utdanning", "Education"), Text("fremtidens skole", "the school of the future")),
    (Text("Personvern", "Privacy"), Text("personvern", "privacy")),
    (Text("Digitalisering", "Digitalisation"), Text("digitale tjenester", "digital services")),
    (Text("Beredskap", "Preparedness"), Text("beredskap", "emergency preparedness")),
    (Text("Energi", "Energy"), Text("energiomstillingen", "the energy transition")),
    (Text("Samferdsel", "Transport"), Text("kollektivtransport", "public transport")),
    (Text("Kultur", "Culture"), Text("kulturlivet", "cultural life")),
    (Text("Næringsliv", "Business"), Text("grønn industri", "green industry")),
    (Text("Demokrati", "Democracy"), Text("lokaldemokratiet", "local democracy")),
    (Text("Distriktene", "Rural Norway"), Text("livet i distriktene", "rural life")),
    (Text("Havet", "The ocean"), Text("havbruk", "aquaculture")),
    (Text("Likestilling", "Equality"), Text("likestilling i arbeidslivet", "equality at work")),
]


class EventKind(NamedTuple):
    name: Text
    minutes: tuple  # lengths to choose from
    online_share: float
    all_day_share: float = 0.0
    start_hours: tuple = tuple(range(9, 19))


EVENT_TYPES = [
    EventKind(Text("Debatt", "Debate"), (60, 75, 90), 0.1),
    EventKind(same("Seminar"), (120, 150, 180), 0.2),
    EventKind(Text("Frokostmøte", "Breakfast meeting"), (60, 90), 0.1, start_hours=(7, 8)),
    EventKind(Text("Konferanse", "Conference"), (360, 420), 0.1, all_day_share=0.5),
    EventKind(same("Workshop"), (150, 180, 240), 0.05),
    EventKind(same("Webinar"), (45, 60), 1.0),
    EventKind(Text("Panelsamtale", "Panel discussion"), (60, 75), 0.15),
    EventKind(Text("Foredrag", "Talk"), (45, 60, 90), 0.2),
]

AUDIENCES = [
    Text("pasientene", "patients"),
    Text("kommunene", "the municipalities"),
    Text("unge voksne", "young adults"),
    Text("små bedrifter", "small businesses"),
    Text("lærerne", "teachers"),
    Text("eldre", "older people"),
    Text("studentene", "students"),
    Text("frivilligheten", "volunteers"),
]

TITLES = [
    Text("Hvem tar ansvaret for {topic}?", "Who is responsible for {topic}?"),
    Text(
        "Fra pilot til hverdag: {topic} i praksis",
        "From pilot to everyday use: {topic} in practice",
    ),
    Text("Hva betyr {topic} for {audience}?", "What does {topic} mean for {audience}?"),
    Text("{Topic} – muligheter og risiko", "{Topic}: opportunities and risks"),
    Text("Årskonferanse om {topic}", "Annual conference on {topic}"),
    Text("Frokost med forskerne: {topic}", "Breakfast with the researchers: {topic}"),
    Text("Slik lykkes vi med {topic}", "How we succeed with {topic}"),
    Text("{Topic} og {other} – hvor går veien?", "{Topic} and {other}: where next?"),
    Text("Unge stemmer om {topic}", "Young voices on {topic}"),
]

LEADS = [
    Text(
        "Vi samler {audience} og fagfolk for å diskutere {topic}.",
        "We bring together {audience} and experts to discuss {topic}.",
    ),
    Text(
        "Hva skal til for at {topic} kommer {audience} til gode? Et panel deler sine erfaringer.",
        "What will it take for {topic} to benefit {audience}? A panel shares what it has learnt.",
    ),
    Text(
        "Korte innledninger om {topic}, og god tid til spørsmål fra salen.",
        "Short talks on {topic}, and plenty of time for questions from the audience.",
    ),
]

PARAGRAPHS = [
    Text(
        "{Topic} står høyt på dagsordenen. Vi ser på hva som fungerer, hva som ikke gjør det, "
        "og hva som må til for å komme videre.",
        "{Topic} is high on the agenda. We look at what works, what does not, and what it "
        "will take to move forward.",
    ),
    Text(
        "Innlederne deler erfaringer fra prosjekter i hele landet, og ordstyreren tar imot "
        "spørsmål fra salen underveis.",
        "The speakers share experience from projects across the country, and the moderator "
        "takes questions from the audience along the way.",
    ),
    Text(
        "Arrangementet er åpent for alle, og det blir servert kaffe og frukt.",
        "The event is open to everyone, and coffee and fruit will be served.",
    ),
]
STREAMED = Text(
    "Arrangementet strømmes, og opptaket blir lagt ut i etterkant.",
    "The event is streamed, and the recording will be published afterwards.",
)

QUESTIONS_HEADING = Text("I dette arrangementet spør vi:", "At this event we ask:")
QUESTIONS = [
    Text("Hvordan kan {topic} komme {audience} til gode?", "How can {topic} benefit {audience}?"),
    Text("Hvem bør betale for {topic}?", "Who should pay for {topic}?"),
    Text(
        "Hva har vi lært av de første prosjektene?",
        "What have we learnt from the first projects?",
    ),
    Text("Hvilke regler trenger vi?", "Which rules do we need?"),
    Text("Hvordan sikrer vi at ingen faller utenfor?", "How do we make sure no one is left out?"),
]

AGENDA_HEADING = Text("Program", "Programme")
OPENING = Text("Velkommen", "Welcome")
AGENDA_ITEMS = [
    (
        Text("Innledning: {topic} i dag", "Introduction: {topic} today"),
        Text("Status og de viktigste utfordringene.", "Where we stand and the main challenges."),
    ),
    (Text("Panelsamtale", "Panel discussion"), None),
    (Text("Erfaringer fra {audience}", "Experience from {audience}"), None),
    (Text("Spørsmål fra salen", "Questions from the audience"), None),
]
CLOSING = Text("Oppsummering", "Summing up")

STATUS_NOTES = {
    EventStatus.CANCELLED: Text("Avlyst på grunn av sykdom.", "Cancelled due to illness."),
    EventStatus.POSTPONED: Text(
        "Utsatt. Vi kommer tilbake med ny dato.", "Postponed. We will announce a new date."
    ),
    EventStatus.RESCHEDULED: Text("Flyttet til ny dato.", "Moved to a new date."),
    EventStatus.MOVED_ONLINE: Text(
        "Arrangementet holdes bare digitalt.", "The event is held online only."
    ),
}
# Most events go ahead as planned.
STATUS_WEIGHTS = {
    EventStatus.SCHEDULED: 88,
    EventStatus.CANCELLED: 4,
    EventStatus.POSTPONED: 2,
    EventStatus.RESCHEDULED: 4,
    EventStatus.MOVED_ONLINE: 2,
}
PRICES = [
    Text("200 kroner, studenter gratis", "NOK 200, students free"),
    Text("450 kroner inkludert lunsj", "NOK 450 including lunch"),
]
ACCESSIBILITY_NOTE = Text(
    "Trinnfri inngang. Si fra ved påmelding om du trenger tilrettelegging.",
    "Step-free entrance. Tell us when you register if you need any arrangements.",
)

# Invented place names, for organisations.
PLACE_STARTS = [
    "Nord",
    "Sør",
    "Øst",
    "Vest",
    "Fjell",
    "Fjord",
    "Skog",
    "Elve",
    "Sjø",
    "Berg",
    "Lyng",
    "Bjørk",
    "Gran",
    "Hav",
    "Sol",
    "Li",
    "Stein",
    "Furu",
]
PLACE_ENDS = ["vik", "dal", "heim", "nes", "øy", "land", "mo", "haug", "strand", "by"]
ORGANISATION_KINDS = [
    Text("{place} kommune", "{place} Municipality"),
    Text("{place} sykehus", "{place} Hospital"),
    Text("Universitetet i {place}", "University of {place}"),
    Text("{place} helseforskning", "{place} Health Research"),
    Text("{place} energi", "{place} Energy"),
    Text("{place} næringsforening", "{place} Business Association"),
    Text("{place} folkehøgskole", "{place} Folk High School"),
    Text("Stiftelsen {place}", "The {place} Foundation"),
    Text("{place} teknologisenter", "{place} Technology Centre"),
    Text("{place} bibliotek", "{place} Library"),
]

CITIES = [
    # (city, postcode, latitude, longitude)
    ("Oslo", "0150", 59.9139, 10.7522),
    ("Bergen", "5003", 60.3913, 5.3221),
    ("Trondheim", "7010", 63.4305, 10.3951),
    ("Stavanger", "4006", 58.9700, 5.7331),
    ("Tromsø", "9008", 69.6492, 18.9553),
    ("Arendal", "4836", 58.4615, 8.7724),
    ("Kristiansand", "4610", 58.1467, 7.9956),
    ("Bodø", "8006", 67.2804, 14.4049),
    ("Ålesund", "6002", 62.4722, 6.1495),
    ("Lillehammer", "2609", 61.1153, 10.4662),
]
VENUE_NAMES = [
    Text("{city} kulturhus, store sal", "{city} Culture House, main hall"),
    Text("Rådhussalen i {city}", "{city} City Hall, council chamber"),
    Text("{city} bibliotek, scenen", "{city} Library, the stage"),
    Text("Konferansesenteret i {city}", "{city} Conference Centre"),
    Text("Auditorium 1, campus {city}", "Lecture hall 1, {city} campus"),
    Text("Havnelageret i {city}", "The Harbour Warehouse, {city}"),
]
STREETS = ["Storgata", "Kirkegata", "Havnegata", "Torggata", "Skolegata", "Parkveien"]

GIVEN_NAMES = [
    "Kari",
    "Ola",
    "Ingrid",
    "Jonas",
    "Sofie",
    "Emil",
    "Nora",
    "Henrik",
    "Maja",
    "Lars",
    "Amina",
    "Sander",
    "Ida",
    "Magnus",
    "Sara",
    "Ahmed",
    "Thea",
    "Kristian",
    "Hanne",
    "Even",
    "Marte",
    "Tobias",
    "Linn",
    "Sindre",
    "Leah",
    "Aslak",
    "Ragnhild",
    "Mohammed",
    "Tuva",
    "Øyvind",
    "Silje",
    "Petter",
    "Ane",
    "Bjørn",
    "Hedda",
    "Trond",
]
DOUBLE_GIVEN_NAMES = ["Ole Kristian", "Anne Marie", "Jan Erik", "Kari Anne", "Per Olav", "Mari Ann"]
FAMILY_NAMES = [
    "Hansen",
    "Johansen",
    "Olsen",
    "Larsen",
    "Andersen",
    "Pedersen",
    "Nilsen",
    "Kristiansen",
    "Jensen",
    "Karlsen",
    "Berg",
    "Haugen",
    "Hagen",
    "Eriksen",
    "Bakken",
    "Lie",
    "Dahl",
    "Moen",
    "Lund",
    "Strand",
    "Solberg",
    "Aasen",
    "Myhre",
    "Rahimi",
    "Sara",
    "Nguyen",
    "Vik",
    "Brekke",
    "Ellingsen",
    "Hætta",
    "Aamodt",
    "Sæther",
]
JOB_TITLES = [
    Text("Seniorrådgiver", "Senior Adviser"),
    same("Professor"),
    Text("Førsteamanuensis", "Associate Professor"),
    Text("Daglig leder", "Managing Director"),
    Text("Overlege", "Consultant"),
    Text("Forsker", "Researcher"),
    Text("Prosjektleder", "Project Manager"),
    Text("Kommunikasjonsrådgiver", "Communications Adviser"),
    Text("Ordfører", "Mayor"),
    Text("Avdelingsdirektør", "Director of Department"),
    same("Journalist"),
    Text("Stipendiat", "PhD Candidate"),
    Text("Fagsjef", "Head of Section"),
]
BIO = Text(
    "{name} arbeider med {topic} og har lang erfaring fra {sector}.",
    "{name} works on {topic} and has long experience in {sector}.",
)
SECTORS = [
    Text("offentlig sektor", "the public sector"),
    Text("forskning", "research"),
    Text("næringslivet", "business"),
    Text("frivillig sektor", "the voluntary sector"),
]
PROFILE_LINK = Text("Profil", "Profile")

IMAGE_COLOURS = ["#1f5f8b", "#2e7d4f", "#8b3a1f", "#5b3f8c", "#b0761b", "#1b6f73"]
IMAGE_ALT = "Fargerike geometriske former"  # images are not translated
# How far back and ahead of the day of the run events are spread, in days.
PAST_DAYS = 180
FUTURE_DAYS = 365


# Snippets -----------------------------------------------------------------------------------


def event_type(number):
    return {"name": EVENT_TYPES[number % len(EVENT_TYPES)].name}


def topic(number):
    return {"name": TOPICS[number % len(TOPICS)][0]}


@functools.cache
def organisation_names(seed):
    """Every place and kind of organisation, in an order of the seed's."""
    names = list(product(PLACE_STARTS, PLACE_ENDS, ORGANISATION_KINDS))
    random.Random(f"{seed}:organisation-names").shuffle(names)  # noqa: S311 (not for security)
    return names


def organisation(seed, number):
    """Organisation ``number``: names are dealt from every place and kind, without repeats."""
    names = organisation_names(seed)
    start, end, kind = names[number % len(names)]
    place = start + end
    if number >= len(names):
        place = f"{place} {number // len(names) + 1}"
    name = kind.format(place=same(place))
    # Initials, as in "UiN" for Universitetet i Nordvik.
    short_name = "".join(word if word == "i" else word[0].upper() for word in name.nb.split())
    return {
        "name": name,
        "short_name": same(short_name),
        "url": f"https://{slug_from_name(name.nb)}.example.org/",
    }


def venue(seed, number):
    rng = rng_for(seed, "venue", number)
    city, postcode, latitude, longitude = CITIES[number % len(CITIES)]
    rounds, hall = divmod(number // len(CITIES), len(VENUE_NAMES))
    name = VENUE_NAMES[hall].format(city=same(city))
    if rounds:
        name = Text(f"{name.nb} {rounds + 1}", f"{name.en} {rounds + 1}")
    step_free = rng.random() < 0.8
    return {
        "name": name,
        "street_address": f"{rng.choice(STREETS)} {rng.randint(1, 60)}",
        "postcode": postcode,
        "city": same(city),
        "country": Text("Norge", "Norway"),
        "country_code": "NO",
        "latitude": Decimal(f"{latitude + rng.uniform(-0.01, 0.01):.6f}"),
        "longitude": Decimal(f"{longitude + rng.uniform(-0.01, 0.01):.6f}"),
        "wheelchair_accessible": step_free,
        "accessible_toilet": step_free and rng.random() < 0.9,
        "hearing_loop": rng.random() < 0.5,
        "accessibility_note": ACCESSIBILITY_NOTE if step_free else same(""),
    }


# Pages --------------------------------------------------------------------------------------


def paragraph(text):
    return Text(*(f"<p>{escape(value)}</p>" for value in text))


def block(rng, block_type, value):
    return {"type": block_type, "value": value, "id": str(uuid_from(rng))}


def list_items(rng, values):
    return [block(rng, "item", value) for value in values]


def person(seed, number, organisations):
    """Person ``number``, working at one of ``organisations`` organisations (or none)."""
    rng = rng_for(seed, "person", number)
    given_name = rng.choice(GIVEN_NAMES)
    if rng.random() < 0.15:
        given_name = rng.choice(DOUBLE_GIVEN_NAMES)
    family_name = rng.choice(FAMILY_NAMES)
    full_name = f"{given_name} {family_name}"
    _name, subject = rng.choice(TOPICS)
    bio = BIO.format(name=same(full_name), topic=subject, sector=rng.choice(SECTORS))
    links = []
    if rng.random() < 0.3:
        url = f"https://example.org/profiles/{number}"
        links = [block(rng, "link", {"label": PROFILE_LINK, "url": url})]
    return {
        "given_name": given_name,
        "family_name": family_name,
        "title": same(full_name),
        "job_title": rng.choice(JOB_TITLES),
        "organisation": rng.randrange(organisations)
        if organisations and rng.random() < 0.9
        else None,
        "bio": paragraph(bio) if rng.random() < 0.6 else same(""),
        "email": f"{slug_from_name(given_name)}.{slug_from_name(family_name)}.{number}@example.org",
        "email_public": rng.random() < 0.3,
        "phone": f"+47 400 {number // 1000 % 100:02d} {number % 1000:03d}",
        "phone_public": rng.random() < 0.2,
        "links": links,
    }


class Counts(NamedTuple):
    """How many of each linked thing exist to choose from (numbered from 0)."""

    organisations: int
    venues: int
    people: int


def event(seed, number, today, counts, person_ids, image_ids, timezone):
    """Event ``number``: its fields, ``organisers`` and ``topics`` (numbers), ``people`` rows.

    ``person_ids`` gives the page id of each person number, for the agenda's people;
    ``image_ids`` the images to choose from.
    """
    rng = rng_for(seed, "event", number)
    kind_number = rng.randrange(len(EVENT_TYPES))
    kind = EVENT_TYPES[kind_number]
    topic_numbers = rng.sample(range(len(TOPICS)), rng.randint(1, 3))
    subject = TOPICS[topic_numbers[0]][1]
    words = {
        "topic": subject,
        "Topic": capitalised(subject),
        "other": TOPICS[rng.choice([n for n in range(len(TOPICS)) if n != topic_numbers[0]])][1],
        "audience": rng.choice(AUDIENCES),
    }

    fields = times(rng, kind, today, timezone)
    status = rng.choices(list(STATUS_WEIGHTS), weights=list(STATUS_WEIGHTS.values()))[0]
    fields.update(
        status=status,
        status_note=STATUS_NOTES.get(status, same("")),
        # A changed status or a moved date is one published change for calendar apps.
        sequence=0 if status == EventStatus.SCHEDULED else 1,
        previous_start=None,
    )
    if status in (EventStatus.POSTPONED, EventStatus.RESCHEDULED):
        fields["previous_start"] = fields["start"] - datetime.timedelta(days=rng.randint(7, 60))

    if rng.random() < kind.online_share:
        attendance = AttendanceMode.ONLINE
    else:
        attendance = AttendanceMode.MIXED if rng.random() < 0.25 else AttendanceMode.IN_PERSON
    streamed = attendance != AttendanceMode.IN_PERSON or status == EventStatus.MOVED_ONLINE
    title = rng.choice(TITLES).format(**words)
    stream_slug = f"event-{number}"
    over = fields["end"].date() < today
    registration = rng.random() < 0.4
    is_free = rng.random() < 0.8
    languages = rng.choices([["nb"], ["nb", "en"], ["en"], ["nb", "nsl"]], weights=[70, 15, 10, 5])
    fields.update(
        title=title,
        lead=rng.choice(LEADS).format(**words),
        event_type=kind_number,
        attendance_mode=attendance,
        venue=None if attendance == AttendanceMode.ONLINE else rng.randrange(counts.venues),
        livestream_url=f"https://stream.example.org/{stream_slug}" if streamed else "",
        recording_url=(
            f"https://video.example.org/{stream_slug}"
            if streamed and over and rng.random() < 0.5
            else ""
        ),
        registration_required=registration,
        registration_url=f"https://example.org/registration/{number}" if registration else "",
        capacity=rng.choice([40, 80, 120, 250, 400]) if registration else None,
        is_free=is_free,
        price=same("") if is_free else rng.choice(PRICES),
        spoken_languages=languages[0],
        hearing_loop=True if rng.random() < 0.1 else None,
        sign_language_interpreting="nsl" in languages[0],
        image_id=rng.choice(image_ids) if image_ids and rng.random() < 0.75 else None,
        organisers=rng.sample(
            range(counts.organisations), min(counts.organisations, rng.randint(1, 3))
        ),
        topics=topic_numbers,
    )
    fields["people"] = event_people(rng, number, counts.people)
    fields["body"] = body(rng, fields, words, streamed, person_ids)
    return fields


def times(rng, kind, today, timezone):
    day = today + datetime.timedelta(days=rng.randint(-PAST_DAYS, FUTURE_DAYS))
    if rng.random() < kind.all_day_share:
        last_day = day + datetime.timedelta(days=rng.randint(0, 2))
        return {
            "all_day": True,
            "start": datetime.datetime.combine(day, datetime.time(0, 0), tzinfo=timezone),
            "end": datetime.datetime.combine(last_day, datetime.time(23, 59), tzinfo=timezone),
        }
    start_time = datetime.time(rng.choice(kind.start_hours), rng.choice([0, 30]))
    start = datetime.datetime.combine(day, start_time, tzinfo=timezone)
    return {
        "all_day": False,
        "start": start,
        "end": start + datetime.timedelta(minutes=rng.choice(kind.minutes)),
    }


def event_people(rng, number, people):
    """Rows for the people in an event: person numbers with roles, or a contact without a page."""
    chosen = rng.sample(range(people), min(people, rng.randint(1, 5)))
    rows = []
    for position, person_number in enumerate(chosen):
        if position == 0 and len(chosen) > 1 and rng.random() < 0.6:
            role = Role.MODERATOR
        elif rng.random() < 0.1:
            role = Role.HOST
        else:
            role = rng.choice([Role.SPEAKER, Role.PARTICIPANT])
        rows.append({"person": person_number, "role": role, "key": uuid_from(rng)})
    if rng.random() < 0.7:
        if rng.random() < 0.85:
            rows.append(
                {
                    "person": rng.randrange(people),
                    "role": Role.CONTACT,
                    "key": uuid_from(rng),
                    "contact_public": rng.random() < 0.5,
                }
            )
        else:
            rows.append(
                {
                    "person": None,
                    "role": Role.CONTACT,
                    "key": uuid_from(rng),
                    "name": f"{rng.choice(GIVEN_NAMES)} {rng.choice(FAMILY_NAMES)}",
                    "phone": f"+47 400 99 {number % 1000:03d}",
                    "email": f"registration.{number}@example.org",
                    "contact_public": True,
                }
            )
    return rows


def body(rng, fields, words, streamed, person_ids):
    paragraphs = rng.sample(PARAGRAPHS, rng.randint(1, 2))
    if streamed:
        paragraphs.append(STREAMED)
    text = Text(
        *(
            "".join(getattr(paragraph(p.format(**words)), lang) for p in paragraphs)
            for lang in ("nb", "en")
        )
    )
    blocks = [block(rng, "rich_text", text)]
    if rng.random() < 0.4:
        questions = [q.format(**words) for q in rng.sample(QUESTIONS, rng.randint(2, 4))]
        blocks.append(
            block(
                rng,
                "questions",
                {"heading": QUESTIONS_HEADING, "questions": list_items(rng, questions)},
            )
        )
    if rng.random() < 0.35:
        people = [
            person_ids[row["person"]] for row in fields["people"] if row["person"] is not None
        ]
        blocks.append(block(rng, "agenda", agenda(rng, fields, words, people)))
    return blocks


def agenda(rng, fields, words, people):
    moment = fields["start"]
    if fields["all_day"]:
        moment = moment.replace(hour=9)
    items = []
    titles = [(OPENING, None), *rng.sample(AGENDA_ITEMS, rng.randint(1, 3)), (CLOSING, None)]
    for title, description in titles:
        end = moment + datetime.timedelta(minutes=rng.choice([10, 15, 20, 30]))
        items.append(
            {
                "start_time": moment.time().isoformat(),
                "end_time": end.time().isoformat(),
                "title": title.format(**words),
                "description": description or same(""),
                "people": list_items(rng, rng.sample(people, min(len(people), rng.randint(0, 2)))),
            }
        )
        moment = end
    return {"heading": AGENDA_HEADING, "items": list_items(rng, items)}
