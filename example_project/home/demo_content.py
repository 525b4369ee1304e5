"""The demo site's content, in Norwegian Bokmål with its English translation side by side.

Each text is a ``T(nb, en)`` pair: ``load_demo`` writes the Norwegian into the source objects and
gives wagtail-localize the English as the translation of that exact string. Names of people and
places that read the same in every language use ``same()``.

The texts of the reference event, of the pages above it and of the snippets it shows have a
Nynorsk version too (``T(nb, en, nn)``): on a site with Nynorsk as a content language,
``load_demo`` translates those into it as well.

The reference event is a real programme entry from Arendalsuka 2025 (facts as published, contact
details replaced by fictional ones). Every other event, and every person not in the reference
event, is fictional. Fictional contact details use example.org and +47 400 00 0xx.
"""

import datetime
from typing import NamedTuple


class T(NamedTuple):
    nb: str
    en: str
    # Given for what the demo translates into Nynorsk, and only there.
    nn: str | None = None


def same(text):
    return T(text, text, text)


NORGE = T("Norge", "Norway", "Noreg")

HOME = {
    "slug": T("forside", "home", "framside"),
    "title": T(
        "Arrangementer om helse og forskning",
        "Events on health and research",
        "Arrangement om helse og forsking",
    ),
    "intro": T(
        "Et eksempelnettsted for wagtail_events: debatter, seminarer og konferanser om kunstig "
        "intelligens i helsetjenesten, med programmer, personer og arrangører.",
        "An example site for wagtail_events: debates, seminars and conferences on artificial "
        "intelligence in the health service, with programmes, people and organisers.",
        "Eit eksempelnettstad for wagtail_events: debattar, seminar og konferansar om kunstig "
        "intelligens i helsetenesta, med program, personar og arrangørar.",
    ),
}

EVENTS_INDEX = {
    "slug": T("arrangementer", "events", "arrangement"),
    "title": T("Arrangementer", "Events", "Arrangement"),
    "intro": [
        T(
            "Debatter, seminarer og konferanser om helse, forskning og kunstig intelligens.",
            "Debates, seminars and conferences on health, research and artificial intelligence.",
            "Debattar, seminar og konferansar om helse, forsking og kunstig intelligens.",
        )
    ],
}

SERIES = {
    "slug": same("arendalsuka-2025"),
    "title": same("Arendalsuka 2025"),
    "intro": [
        T(
            "Arendalsuka er en årlig politisk festival i Arendal. Her er arrangementene våre fra "
            "festivalen i august 2025.",
            "Arendalsuka is an annual political festival in Arendal. These are our events from "
            "the festival in August 2025.",
            "Arendalsuka er ein årleg politisk festival i Arendal. Her er arrangementa våre frå "
            "festivalen i august 2025.",
        )
    ],
}

PEOPLE_INDEX = {
    "slug": T("personer", "people"),
    "title": T("Personer", "People"),
    "intro": [
        T(
            "Innledere, ordstyrere og kontaktpersoner i arrangementene våre.",
            "Speakers, moderators and contact people in our events.",
        )
    ],
}

# Keyed by slug, which stays the same in both languages.
ORGANISATIONS = {
    "ntnu-norwai": {
        "name": same("NTNU NorwAI"),
        "short_name": same("NorwAI"),
        "url": "https://www.ntnu.edu/norwai",
    },
    "hemit": {
        "name": same("Hemit HF"),
        "short_name": same("Hemit"),
        "url": "https://hemit.no/",
    },
    "helse-midt-norge": {
        # Proper names keep their own form in Nynorsk.
        "name": T(
            "Helse Midt-Norge RHF",
            "Central Norway Regional Health Authority",
            "Helse Midt-Norge RHF",
        ),
        "short_name": same("Helse Midt-Norge"),
        "url": "https://helse-midt.no/",
    },
    "oslo-universitetssykehus": {
        "name": T(
            "Oslo universitetssykehus", "Oslo University Hospital", "Oslo universitetssykehus"
        ),
        "short_name": same("OUS"),
        "url": "https://oslo-universitetssykehus.no/",
    },
    "st-olavs-hospital": {
        "name": T("St. Olavs hospital", "St. Olav's Hospital", "St. Olavs hospital"),
        "short_name": same("St. Olavs"),
        "url": "https://stolav.no/",
    },
    "helse-sor-ost": {
        "name": T("Helse Sør-Øst RHF", "South-Eastern Norway Regional Health Authority"),
        "short_name": same("Helse Sør-Øst"),
        "url": "https://helse-sorost.no/",
    },
}

VENUES = {
    # As the seed gives it: no postcode, nothing said about accessibility.
    "bankgarden": {
        "name": same("Bankgården"),
        "street_address": "Strandgaten 1",
        "city": same("Arendal"),
        "country": NORGE,
    },
    "arendal-kulturhus": {
        "name": same("Arendal kulturhus"),
        "street_address": "Friergangen 1",
        "city": same("Arendal"),
        "country": NORGE,
        "wheelchair_accessible": True,
        "accessible_toilet": True,
        "hearing_loop": True,
    },
    "ntnu-gloshaugen": {
        "name": same("NTNU Gløshaugen"),
        "street_address": "Høgskoleringen 1",
        "postcode": "7034",
        "city": same("Trondheim"),
        "country": NORGE,
        "wheelchair_accessible": True,
        "accessible_toilet": True,
        "accessibility_note": T(
            "Trinnfri inngang fra Høgskoleringen. Heis til alle auditorier.",
            "Step-free entrance from Høgskoleringen. Lift to every lecture hall.",
        ),
    },
    "st-olavs-hospital": {
        "name": T("St. Olavs hospital, Kunnskapssenteret", "St. Olav's Hospital, Knowledge Centre"),
        "street_address": "Prinsesse Kristinas gate 3",
        "postcode": "7030",
        "city": same("Trondheim"),
        "country": NORGE,
        "wheelchair_accessible": True,
        "accessible_toilet": True,
        "hearing_loop": True,
    },
    "rikshospitalet": {
        "name": T("Rikshospitalet, store auditorium", "Rikshospitalet, main lecture hall"),
        "street_address": "Sognsvannsveien 20",
        "postcode": "0372",
        "city": same("Oslo"),
        "country": NORGE,
        "wheelchair_accessible": True,
        "accessible_toilet": True,
        "hearing_loop": True,
    },
}

EVENT_TYPES = {
    "debatt": T("Debatt", "Debate", "Debatt"),
    "seminar": same("Seminar"),
    "konferanse": T("Konferanse", "Conference"),
    "webinar": same("Webinar"),
    "foredrag": T("Foredrag", "Talk"),
    "frokostmote": T("Frokostmøte", "Breakfast meeting"),
    "kurs": T("Kurs", "Course"),
}

TOPICS = {
    "forskning": T("Forskning", "Research", "Forsking"),
    "helse": T("Helse", "Health", "Helse"),
    "kunstig-intelligens": T("Kunstig intelligens", "Artificial intelligence"),
    "digitalisering": T("Digitalisering", "Digitalisation"),
    "personvern": T("Personvern", "Privacy"),
    "innovasjon": T("Innovasjon", "Innovation"),
}

# The family name is the last word, so people sort the way Norwegian lists sort them.
PEOPLE = {
    # From the reference event: current title and organisation as the seed gives them.
    "nina-kotte": {
        "given_name": "Nina",
        "family_name": "Kotte",
        "job_title": T("Kommunikasjonssjef", "Head of Communications"),
        "organisation": "hemit",
        # Fictional, and for editors only: shown on an event only where she agreed to it.
        "phone": "+47 400 00 000",
        "email": "nina.kotte@example.org",
    },
    "eiliv-flakne": {
        "given_name": "Eiliv",
        "family_name": "Flakne",
        "job_title": T("Kommunikasjonsdirektør", "Director of Communications"),
        "organisation": "helse-midt-norge",
    },
    "karianne-oldernes-tung": {
        "given_name": "Karianne Oldernes",
        "family_name": "Tung",
        "job_title": T(
            "Digitaliserings- og forvaltningsminister",
            "Minister of Digitalisation and Public Governance",
        ),
        "organisation": None,
    },
    "bjorn-atle-lein-bjornbeth": {
        "given_name": "Bjørn Atle Lein",
        "family_name": "Bjørnbeth",
        "job_title": T("Administrerende direktør", "Chief Executive"),
        "organisation": "oslo-universitetssykehus",
    },
    "morten-trooyen": {
        "given_name": "Morten",
        "family_name": "Troøyen",
        "job_title": T(
            "Klinikksjef, Klinikk for bildediagnostikk",
            "Head of Clinic, Clinic of Diagnostic Imaging",
        ),
        "organisation": "st-olavs-hospital",
    },
    "terje-brasethvik": {
        "given_name": "Terje",
        "family_name": "Brasethvik",
        "job_title": T("Forskningsdirektør", "Research Director"),
        "organisation": "ntnu-norwai",
    },
    "trond-utne": {
        "given_name": "Trond",
        "family_name": "Utne",
        "job_title": T("Administrerende direktør", "Chief Executive"),
        "organisation": "hemit",
    },
    # Fictional people for the other events.
    "ingrid-lie-haugen": {
        "given_name": "Ingrid Lie",
        "family_name": "Haugen",
        "job_title": T("Seniorrådgiver, kommunikasjon", "Senior Adviser, Communications"),
        "organisation": "hemit",
        "phone": "+47 400 00 001",
        "email": "ingrid.haugen@example.org",
        "email_public": True,
    },
    "ole-kristian-vik": {
        "given_name": "Ole Kristian",
        "family_name": "Vik",
        "job_title": T("Kommunikasjonsrådgiver", "Communications Adviser"),
        "organisation": "ntnu-norwai",
        "phone": "+47 400 00 002",
        "email": "ole.vik@example.org",
        "email_public": True,
        "phone_public": True,
    },
    "jonas-berg-aasen": {
        "given_name": "Jonas Berg",
        "family_name": "Aasen",
        "job_title": T("Prosjektleder", "Project Manager"),
        "organisation": "helse-midt-norge",
        "phone": "+47 400 00 003",
        "email": "jonas.aasen@example.org",
        "bio": T(
            "Leder arbeidet med digital hjemmeoppfølging i regionen, med bakgrunn som sykepleier.",
            "Leads the region's work on digital home follow-up, and trained as a nurse.",
        ),
    },
    "amina-rahimi": {
        "given_name": "Amina",
        "family_name": "Rahimi",
        "job_title": T("Seksjonsleder, personvern", "Head of Section, Privacy"),
        "organisation": "oslo-universitetssykehus",
        "phone": "+47 400 00 004",
        "email": "amina.rahimi@example.org",
        "bio": T(
            "Jurist som arbeider med personvern og regelverk for kunstig intelligens i sykehus.",
            "A lawyer working on privacy and the rules for artificial intelligence in hospitals.",
        ),
    },
    "sander-myhre": {
        "given_name": "Sander",
        "family_name": "Myhre",
        "job_title": T("Postdoktor", "Postdoctoral Fellow"),
        "organisation": "ntnu-norwai",
        "bio": T(
            "Forsker på store språkmodeller for norsk og hvordan de kan støtte journalarbeid.",
            "Researches large language models for Norwegian and how they can support clinical "
            "documentation.",
        ),
    },
    "marte-ellingsen": {
        "given_name": "Marte",
        "family_name": "Ellingsen",
        "job_title": T("Overlege, radiologi", "Consultant Radiologist"),
        "organisation": "st-olavs-hospital",
    },
    "erik-strand": {
        "given_name": "Erik",
        "family_name": "Strand",
        "job_title": T("Fagleder, klinisk KI", "Lead, Clinical AI"),
        "organisation": "hemit",
    },
    "silje-aamodt": {
        "given_name": "Silje",
        "family_name": "Aamodt",
        "job_title": same("Journalist"),
        "organisation": None,
    },
}


class Day(NamedTuple):
    """A date counted in days from the day the demo is loaded, so listings stay current."""

    days: int


def when(day, start, end):
    """``day`` is a date or a ``Day``; ``start`` and ``end`` are "HH:MM" in Europe/Oslo."""
    return {"day": day, "start": start, "end": end}


def person(role, slug, title=None, organisation=None, **extra):
    """One person's part in an event. Title and organisation left out come from the person."""
    return {"role": role, "person": slug, "title": title, "organisation": organisation, **extra}


def agenda_item(start, end, title, people=(), description=None):
    return {
        "start": start,
        "end": end,
        "title": title,
        "people": list(people),
        "description": description,
    }


REFERENCE_EVENT_SLUG = "nar-kunstig-intelligens-blir-del-av-helseteamet-fra-forsok-til-gevinst"

# Events by parent: "series" is Arendalsuka 2025, "events" the main programme.
EVENTS = [
    {
        # The reference event, with every fact the seed gives and nothing it doesn't.
        "parent": "series",
        "title": T(
            "Når kunstig intelligens blir del av helseteamet: Fra forsøk til gevinst",
            "When artificial intelligence joins the health team: from pilot to payoff",
            "Når kunstig intelligens blir del av helseteamet: Frå forsøk til gevinst",
        ),
        "time": when(datetime.date(2025, 8, 12), "09:00", "09:45"),
        "venue": "bankgarden",
        "attendance_mode": "in_person",
        "event_type": "debatt",
        "topics": ["forskning", "helse"],
        "is_free": True,
        "registration_required": False,
        "lead": T(
            "Hva hindrer at kunstig intelligens tas i bruk i helsetjenesten, og hva skal til for "
            "å lykkes?",
            "What keeps artificial intelligence from being put to use in the health service, and "
            "what does it take to succeed?",
            "Kva hindrar at kunstig intelligens blir teken i bruk i helsetenesta, og kva skal til "
            "for å lukkast?",
        ),
        "body": [
            T(
                "Kunstig intelligens blir pekt på som en nøkkel til framtidas helsetjeneste. Mye "
                "av arbeidet så langt har skjedd i lokale forsøk, drevet av ildsjeler og betalt "
                "med forskningsmidler. Det finnes allerede mange algoritmer som klinikerne gjerne "
                "vil ta i bruk.",
                "Artificial intelligence is seen as a key to the health service of the future. "
                "Much of the work so far has happened in local pilots, driven by enthusiasts and "
                "paid for with research money. Many algorithms already exist that clinicians "
                "would like to use.",
                "Kunstig intelligens blir peika på som ein nøkkel til framtidas helseteneste. "
                "Mykje av arbeidet så langt har skjedd i lokale forsøk, drivne fram av eldsjeler "
                "og betalte med forskingsmidlar. Det finst alt mange algoritmar som klinikarane "
                "gjerne vil ta i bruk.",
            ),
            T(
                "Når et forsøk har lyktes, begynner den vanskelige delen: å få løsningen over i "
                "vanlig drift. Hindringene er tekniske, organisatoriske og regulatoriske.",
                "Once a pilot has succeeded, the hard part begins: moving the solution into "
                "everyday operation. The obstacles are technical, organisational and regulatory.",
                "Når eit forsøk har lukkast, byrjar den vanskelege delen: å få løysinga over i "
                "vanleg drift. Hindringane er tekniske, organisatoriske og regulatoriske.",
            ),
            T(
                "Digitaliseringsministeren har høye ambisjoner for kunstig intelligens i offentlig "
                "sektor. I panelet møtes forvaltningen, en kliniker som har fått resultater, og "
                "folk som står mellom norsk forskning og miljøet som skal ta den i bruk.",
                "The Minister of Digitalisation has high ambitions for artificial intelligence in "
                "the public sector. The panel brings together the administration, a clinician "
                "who has achieved results, and people who stand between Norwegian research and "
                "the unit that puts it into practice.",
                "Digitaliseringsministeren har høge ambisjonar for kunstig intelligens i offentleg "
                "sektor. I panelet møtest forvaltninga, ein klinikar som har fått resultat, og "
                "folk som står mellom norsk forsking og miljøet som skal ta ho i bruk.",
            ),
        ],
        "questions": {
            "heading": T(
                "I denne debatten spør vi:", "In this debate we ask:", "I denne debatten spør vi:"
            ),
            "questions": [
                T(
                    "Hva står i veien når lovende KI-prosjekter skal gi reell nytte i "
                    "helsetjenesten?",
                    "What stands in the way when promising AI projects are meant to deliver real "
                    "value in the health service?",
                    "Kva står i vegen når lovande KI-prosjekt skal gje reell nytte i helsetenesta?",
                ),
                T(
                    "Hvordan sikrer vi at helsesektoren henger med, og at gode initiativ faktisk "
                    "når pasientene?",
                    "How do we make sure the health sector keeps pace, and that good initiatives "
                    "actually reach patients?",
                    "Korleis sikrar vi at helsesektoren heng med, og at gode initiativ faktisk "
                    "når pasientane?",
                ),
                T(
                    "Hvilke ressurser og strukturer mangler, og hva kan politikerne, forvaltningen "
                    "og helsesektoren selv gjøre?",
                    "Which resources and structures are missing, and what can politicians, the "
                    "administration and the health sector itself do?",
                    "Kva ressursar og strukturar manglar, og kva kan politikarane, forvaltninga "
                    "og helsesektoren sjølv gjera?",
                ),
            ],
        },
        "organisers": ["ntnu-norwai", "hemit"],
        "people": [
            person(
                "contact",
                "nina-kotte",
                T("Kommunikasjonssjef", "Head of Communications", "Kommunikasjonssjef"),
                "hemit",
                phone="+47 400 00 000",
                email="nina.kotte@example.org",
                contact_public=True,
            ),
            person(
                "moderator",
                "eiliv-flakne",
                T(
                    "Kommunikasjonsdirektør",
                    "Director of Communications",
                    "Kommunikasjonsdirektør",
                ),
                "helse-midt-norge",
            ),
            person(
                "participant",
                "karianne-oldernes-tung",
                T(
                    "Digitaliserings- og forvaltningsminister",
                    "Minister of Digitalisation and Public Governance",
                    "Digitaliserings- og forvaltningsminister",
                ),
                # No organisation, as in the seed: her person page has none either.
                None,
            ),
            person(
                "participant",
                "bjorn-atle-lein-bjornbeth",
                T("Administrerende direktør", "Chief Executive", "Administrerande direktør"),
                "oslo-universitetssykehus",
            ),
            person(
                "participant",
                "morten-trooyen",
                T(
                    "Klinikksjef, Klinikk for bildediagnostikk",
                    "Head of Clinic, Clinic of Diagnostic Imaging",
                    "Klinikksjef, Klinikk for biletdiagnostikk",
                ),
                "st-olavs-hospital",
            ),
            person(
                "participant",
                "terje-brasethvik",
                T("Forskningsdirektør", "Research Director", "Forskingsdirektør"),
                "ntnu-norwai",
            ),
            person(
                "participant",
                "trond-utne",
                T("Administrerende direktør", "Chief Executive", "Administrerande direktør"),
                "hemit",
            ),
        ],
    },
    {
        "parent": "series",
        "title": T(
            "Hvem skal få bruke helsedataene dine?", "Who should get to use your health data?"
        ),
        "time": when(datetime.date(2025, 8, 13), "11:00", "12:00"),
        "venue": "arendal-kulturhus",
        "attendance_mode": "mixed",
        "livestream_url": "https://example.org/arendalsuka/helsedata-direkte",
        "event_type": "seminar",
        "topics": ["helse", "personvern", "digitalisering"],
        "spoken_languages": ["nb"],
        "lead": T(
            "Data fra pasientjournaler kan gi bedre behandling, men hvor går grensen for hvem som "
            "får bruke dem?",
            "Data from patient records can lead to better treatment, but where is the line for "
            "who may use them?",
        ),
        "body": [
            T(
                "Sykehusene sitter på store mengder data som kan trene og teste nye verktøy. Et "
                "panel fra to helseregioner diskuterer samtykke, anonymisering og tillit.",
                "Hospitals hold large amounts of data that can train and test new tools. A panel "
                "from two health regions discusses consent, anonymisation and trust.",
            ),
        ],
        "organisers": ["helse-midt-norge", "oslo-universitetssykehus"],
        "people": [
            person("contact", "jonas-berg-aasen", contact_public=True),
            person("moderator", "silje-aamodt"),
            person("participant", "jonas-berg-aasen"),
            person("participant", "amina-rahimi"),
        ],
    },
    {
        "parent": "series",
        "title": T(
            "Frokostmøte: KI i akuttmottaket – hva har vi lært?",
            "Breakfast meeting: AI in the emergency department – what have we learned?",
        ),
        "time": when(datetime.date(2025, 8, 14), "08:00", "09:00"),
        "venue": "bankgarden",
        "attendance_mode": "in_person",
        "event_type": "frokostmote",
        "topics": ["helse", "kunstig-intelligens"],
        "spoken_languages": ["nb"],
        "registration_required": True,
        "registration_url": "https://example.org/arendalsuka/frokostmote",
        "capacity": 40,
        "lead": T(
            "Frokost og korte innlegg om hva som skjer når et KI-verktøy møter travle vakter.",
            "Breakfast and short talks on what happens when an AI tool meets busy shifts.",
        ),
        "body": [
            T(
                "Begrenset antall plasser. Frokosten serveres fra klokka åtte.",
                "Places are limited. Breakfast is served from eight o'clock.",
            ),
        ],
        "agenda": {
            "heading": T("Program", "Programme"),
            "items": [
                agenda_item("08:00", "08:15", T("Frokost", "Breakfast")),
                agenda_item(
                    "08:15",
                    "08:35",
                    T("Erfaringer fra bildediagnostikk", "Lessons from diagnostic imaging"),
                    ["marte-ellingsen"],
                ),
                agenda_item(
                    "08:35",
                    "08:55",
                    T("Fra forskning til drift", "From research to operation"),
                    ["sander-myhre"],
                    T(
                        "Hva som må på plass før en modell kan brukes på pasienter.",
                        "What must be in place before a model can be used on patients.",
                    ),
                ),
                agenda_item(
                    "08:55", "09:00", T("Oppsummering", "Summing up"), ["ole-kristian-vik"]
                ),
            ],
        },
        "organisers": ["st-olavs-hospital", "ntnu-norwai"],
        "people": [
            person("contact", "ole-kristian-vik", contact_public=True),
            person("host", "ole-kristian-vik"),
            person("speaker", "marte-ellingsen"),
            person("speaker", "sander-myhre"),
        ],
    },
    {
        "parent": "events",
        "title": T(
            "Webinar: Slik kvalitetssikrer vi KI-verktøy før de tas i bruk",
            "Webinar: how we quality-assure AI tools before they go into use",
        ),
        "time": when(Day(12), "12:00", "13:00"),
        "attendance_mode": "online",
        "livestream_url": "https://example.org/webinar/kvalitetssikring-av-ki",
        "event_type": "webinar",
        "topics": ["kunstig-intelligens", "digitalisering"],
        "spoken_languages": ["nb"],
        "registration_required": True,
        "registration_url": "https://example.org/webinar/pamelding",
        "accessibility_note": T(
            "Webinaret tekstes direkte, og opptaket får redigerte undertekster.",
            "The webinar has live captions, and the recording gets edited subtitles.",
        ),
        "lead": T(
            "Hvordan tester og overvåker vi et KI-verktøy før og etter at det tas i bruk i "
            "klinikken?",
            "How do we test and monitor an AI tool before and after it goes into use in the "
            "clinic?",
        ),
        "body": [
            T(
                "En gjennomgang av testing, risikovurdering og oppfølging i drift, med eksempler "
                "fra sykehusene i Midt-Norge. Lenke til sendingen kommer etter påmelding.",
                "A walk through testing, risk assessment and monitoring in operation, with "
                "examples from the hospitals in Central Norway. The link to the broadcast "
                "follows registration.",
            ),
        ],
        "organisers": ["hemit"],
        "people": [
            person("contact", "ingrid-lie-haugen", contact_public=True),
            person("speaker", "erik-strand"),
        ],
    },
    {
        "parent": "events",
        "title": T(
            "Seminar: Digital hjemmeoppfølging i Midt-Norge",
            "Seminar: digital home follow-up in Central Norway",
        ),
        "time": when(Day(20), "13:00", "15:00"),
        "venue": "st-olavs-hospital",
        "attendance_mode": "in_person",
        "status": "cancelled",
        "status_note": T(
            "Seminaret er avlyst fordi flere innledere har fått forfall. Vi kommer tilbake med ny "
            "dato.",
            "The seminar is cancelled because several speakers can no longer come. We will "
            "announce a new date.",
        ),
        "event_type": "seminar",
        "topics": ["helse", "digitalisering"],
        "spoken_languages": ["nb"],
        "registration_required": True,
        "registration_url": "https://example.org/hjemmeoppfolging/pamelding",
        "capacity": 80,
        "lead": T(
            "Pasienter som følges opp hjemme, med utstyr og kontakt på skjerm: hva har vi lært?",
            "Patients followed up at home, with equipment and video contact: what have we learned?",
        ),
        "organisers": ["helse-midt-norge"],
        "people": [
            person("contact", "jonas-berg-aasen", contact_public=True),
            person("speaker", "jonas-berg-aasen"),
        ],
    },
    {
        "parent": "events",
        "title": T(
            "Konferanse: Trygg kunstig intelligens i klinikken",
            "Conference: safe artificial intelligence in the clinic",
        ),
        "time": when(Day(45), "09:00", "15:00"),
        "venue": "ntnu-gloshaugen",
        "attendance_mode": "mixed",
        "livestream_url": "https://example.org/konferanse/direkte",
        "event_type": "konferanse",
        "topics": ["kunstig-intelligens", "helse", "forskning", "innovasjon"],
        "spoken_languages": ["nb", "en"],
        "is_free": False,
        "price": T("NOK 1 500, gratis for studenter", "NOK 1,500, free for students"),
        "registration_required": True,
        "registration_url": "https://example.org/konferanse/pamelding",
        "capacity": 250,
        "hearing_loop": True,
        "sign_language_interpreting": True,
        "lead": T(
            "En dag om hva som skal til for at kunstig intelligens blir trygg, nyttig og "
            "rettferdig i helsetjenesten.",
            "A day on what it takes for artificial intelligence to be safe, useful and fair in "
            "the health service.",
        ),
        "body": [
            T(
                "Forskere, klinikere og jurister deler erfaringer fra prosjekter som har kommet "
                "ut av forsøksfasen. Innleggene på engelsk tolkes ikke.",
                "Researchers, clinicians and lawyers share experience from projects that have "
                "left the pilot stage. Talks in English are not interpreted.",
            ),
        ],
        "agenda": {
            "heading": T("Program", "Programme"),
            "items": [
                agenda_item("09:00", "09:15", T("Velkommen", "Welcome"), ["jonas-berg-aasen"]),
                agenda_item(
                    "09:15",
                    "10:00",
                    T(
                        "Hva betyr den nye KI-forordningen for sykehusene?",
                        "What does the new AI Act mean for hospitals?",
                    ),
                    ["amina-rahimi"],
                ),
                agenda_item(
                    "10:15",
                    "11:00",
                    T("Språkmodeller i journalarbeidet", "Language models in clinical records"),
                    ["sander-myhre"],
                    T("Innlegget holdes på engelsk.", "This talk is in English."),
                ),
                agenda_item(
                    "11:00",
                    "11:45",
                    T(
                        "KI i bildediagnostikk: fra forsøk til drift",
                        "AI in diagnostic imaging: from pilot to operation",
                    ),
                    ["marte-ellingsen"],
                ),
                agenda_item("11:45", "12:45", T("Lunsj", "Lunch")),
                agenda_item(
                    "12:45",
                    "13:30",
                    T(
                        "Slik bygger vi en trygg plattform for KI",
                        "Building a safe platform for AI",
                    ),
                    ["erik-strand"],
                ),
                agenda_item(
                    "13:30",
                    "14:45",
                    T(
                        "Paneldebatt: Hva trenger klinikerne?",
                        "Panel debate: what do clinicians need?",
                    ),
                    ["jonas-berg-aasen", "amina-rahimi", "marte-ellingsen", "erik-strand"],
                ),
                agenda_item("14:45", "15:00", T("Oppsummering", "Summing up")),
            ],
        },
        "organisers": ["ntnu-norwai", "hemit", "helse-midt-norge"],
        "people": [
            person("contact", "ingrid-lie-haugen", contact_public=True),
            person("host", "jonas-berg-aasen"),
            person("speaker", "amina-rahimi"),
            person("speaker", "sander-myhre"),
            person("speaker", "marte-ellingsen"),
            person("speaker", "erik-strand"),
        ],
    },
    {
        "parent": "events",
        "title": T(
            "Foredrag: Store språkmodeller for norsk", "Talk: large language models for Norwegian"
        ),
        "time": when(Day(-21), "14:00", "15:00"),
        "venue": "ntnu-gloshaugen",
        "attendance_mode": "in_person",
        "recording_url": "https://example.org/opptak/sprakmodeller-for-norsk",
        "event_type": "foredrag",
        "topics": ["forskning", "kunstig-intelligens"],
        "spoken_languages": ["en"],
        "lead": T(
            "Hvordan lager man en språkmodell som skriver godt norsk, og hva kan den brukes til i "
            "helsetjenesten?",
            "How do you build a language model that writes good Norwegian, and what can it do in "
            "the health service?",
        ),
        "body": [
            T(
                "Foredraget holdes på engelsk. Opptaket ligger ute etter arrangementet.",
                "The talk is given in English. The recording is available after the event.",
            ),
        ],
        "organisers": ["ntnu-norwai"],
        "people": [
            person("contact", "ole-kristian-vik", contact_public=True),
            person("speaker", "sander-myhre"),
        ],
    },
    {
        "parent": "events",
        "title": T(
            "Seminar: Bildediagnostikk med kunstig intelligens – erfaringer fra St. Olavs",
            "Seminar: diagnostic imaging with artificial intelligence – experience from St. Olav's",
        ),
        "time": when(Day(-60), "10:00", "12:00"),
        "previous_start": Day(-67),
        "venue": "st-olavs-hospital",
        "attendance_mode": "in_person",
        "status": "rescheduled",
        "status_note": T(
            "Seminaret ble flyttet én uke fordi det kolliderte med en øvelse i sykehuset.",
            "The seminar was moved by one week because it clashed with an exercise at the "
            "hospital.",
        ),
        "event_type": "seminar",
        "topics": ["helse", "kunstig-intelligens"],
        "spoken_languages": ["nb"],
        "registration_required": True,
        "registration_url": "https://example.org/bildediagnostikk/pamelding",
        "capacity": 60,
        "lead": T(
            "Radiologer forteller hvordan KI-støtte har endret arbeidsdagen, og hva som ikke "
            "fungerte.",
            "Radiologists describe how AI support has changed their working day, and what did "
            "not work.",
        ),
        "organisers": ["st-olavs-hospital"],
        "people": [
            person("contact", "marte-ellingsen", email="marte.ellingsen@example.org"),
            person("speaker", "marte-ellingsen"),
            person("speaker", "erik-strand"),
        ],
    },
    {
        "parent": "events",
        "title": T(
            "Debatt: Hvem har ansvaret når algoritmen tar feil?",
            "Debate: who is responsible when the algorithm gets it wrong?",
        ),
        "time": when(Day(30), "18:00", "19:30"),
        "venue": "rikshospitalet",
        "attendance_mode": "in_person",
        "event_type": "debatt",
        "topics": ["helse", "personvern", "kunstig-intelligens"],
        "spoken_languages": ["nb", "nsl"],
        "registration_required": True,
        "registration_url": "https://example.org/ansvar/pamelding",
        "capacity": 120,
        "sign_language_interpreting": True,
        "lead": T(
            "Når et beslutningsstøtteverktøy gir feil råd, hvem står da til ansvar: legen, "
            "sykehuset eller leverandøren?",
            "When a decision-support tool gives the wrong advice, who is accountable: the "
            "doctor, the hospital or the supplier?",
        ),
        "body": [
            T(
                "Debatten tolkes til norsk tegnspråk. Dørene åpner klokka halv seks.",
                "The debate is interpreted into Norwegian Sign Language. Doors open at half "
                "past five.",
            ),
        ],
        "questions": {
            "heading": T("Vi spør:", "We ask:"),
            "questions": [
                T(
                    "Kan en lege overprøve et verktøy hun ikke forstår?",
                    "Can a doctor overrule a tool she does not understand?",
                ),
                T(
                    "Hva bør pasientene få vite når KI er med i vurderingen?",
                    "What should patients be told when AI is part of the assessment?",
                ),
            ],
        },
        "organisers": ["oslo-universitetssykehus", "helse-sor-ost"],
        "people": [
            person("contact", "amina-rahimi", contact_public=True),
            person("moderator", "silje-aamodt"),
            person("participant", "amina-rahimi"),
            person("participant", "erik-strand"),
            person("participant", "jonas-berg-aasen"),
        ],
    },
    {
        "parent": "events",
        "title": T(
            "Kurs: Klarspråk om kunstig intelligens",
            "Course: plain language about artificial intelligence",
        ),
        "time": when(Day(60), "09:00", "12:00"),
        "venue": "st-olavs-hospital",
        "attendance_mode": "in_person",
        "status": "postponed",
        "status_note": T(
            "Kurset er utsatt. Ny dato kommer, og påmeldte får beskjed.",
            "The course is postponed. A new date will follow, and everyone registered will hear "
            "from us.",
        ),
        "event_type": "kurs",
        "topics": ["kunstig-intelligens", "helse"],
        "spoken_languages": ["nb"],
        "is_free": False,
        "price": T("NOK 500", "NOK 500"),
        "registration_required": True,
        "registration_url": "https://example.org/kurs/klarsprak",
        "capacity": 25,
        "lead": T(
            "Et praktisk kurs for deg som skal forklare pasienter og kolleger hva et KI-verktøy "
            "gjør.",
            "A practical course for anyone who has to explain to patients and colleagues what an "
            "AI tool does.",
        ),
        "organisers": ["hemit", "st-olavs-hospital"],
        "people": [
            person("contact", "ingrid-lie-haugen", contact_public=True),
            person("host", "ingrid-lie-haugen"),
        ],
    },
]

# Host sites that embed the programme with the widget, each showing its own organisation's
# events (see the embedding guide). Keyed by slug, as the widget names them: ?profile=hemit.
EMBED_PROFILES = {
    "hemit": {
        "name": "Hemit",
        "allowed_origins": ["https://www.hemit.no"],
        "organisers": ["hemit"],
        "language": "nb",
        "limit": 5,
    },
    "ntnu": {
        "name": "NTNU NorwAI",
        "allowed_origins": ["https://www.ntnu.no"],
        "organisers": ["ntnu-norwai"],
        "language": "nb",
        "limit": 5,
        "accent_colour": "#00509e",
    },
}
