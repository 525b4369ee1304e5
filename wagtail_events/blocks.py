"""StreamField blocks for event bodies."""

import datetime

from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import (
    ListBlockValidationError,
    StreamBlockValidationError,
    StructBlockValidationError,
)
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

from .conf import get_setting


class AgendaQuestionsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("Heading"),
        required=False,
        max_length=255,
        help_text=_("For example “In this debate we ask:”."),
    )
    questions = blocks.ListBlock(
        blocks.CharBlock(label=_("Question"), max_length=500), label=_("Questions"), min_num=1
    )

    class Meta:
        icon = "help"
        label = _("Questions")
        template = "wagtail_events/blocks/agenda_questions.html"
        description = _("The questions the event will discuss, as a numbered list.")
        preview_value = {
            "heading": _("In this debate we ask:"),
            "questions": [
                _("What stands between a promising pilot and everyday use?"),
                _("Who decides what happens next?"),
            ],
        }


class AgendaItemBlock(blocks.StructBlock):
    day = blocks.DateBlock(
        label=_("Day"),
        required=False,
        help_text=_(
            "For events over several days. Leave it blank for an item on the same day as the "
            "one before."
        ),
    )
    start_time = blocks.TimeBlock(label=_("Starts"))
    end_time = blocks.TimeBlock(label=_("Ends"), required=False)
    title = blocks.CharBlock(label=_("Title"), max_length=255)
    description = blocks.TextBlock(label=_("Description"), required=False)
    people = blocks.ListBlock(
        # The site's person pages: the pages app's, or its own (see conf).
        blocks.PageChooserBlock(page_type=get_setting("PERSON_PAGE_MODEL"), label=_("Person")),
        label=_("People"),
        default=[],
    )

    class Meta:
        icon = "time"
        label = _("Agenda item")

    def clean(self, value):
        value = super().clean(value)
        start, end = value.get("start_time"), value.get("end_time")
        if start and end and end <= start:
            raise StructBlockValidationError(
                block_errors={"end_time": ErrorList([_("The item must end after it starts.")])}
            )
        return value


class AgendaBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=255)
    items = blocks.ListBlock(AgendaItemBlock(), label=_("Items"), min_num=1)

    class Meta:
        icon = "list-ol"
        label = _("Agenda")
        template = "wagtail_events/blocks/agenda.html"
        description = _("A timed programme: what happens when, and who takes part.")
        preview_value = {
            "heading": _("Programme"),
            "items": [
                {
                    "start_time": datetime.time(9, 0),
                    "end_time": datetime.time(9, 15),
                    "title": _("Welcome"),
                    "description": "",
                    "people": [],
                },
                {
                    "start_time": datetime.time(9, 15),
                    "end_time": datetime.time(9, 45),
                    "title": _("Panel debate"),
                    "description": "",
                    "people": [],
                },
            ],
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["days"] = days_to_show(value["items"])
        return context


def items_by_day(items):
    """``[(day, [item, ...]), ...]``: the items in runs of one day, in their order.

    An item without a day is on the day of the item before it, so editors give the day once,
    on each day's first item. Items before the first day given have the day None.
    """
    runs = []
    day = None
    for item in items:
        day = item.get("day") or day
        if runs and runs[-1][0] == day:
            runs[-1][1].append(item)
        else:
            runs.append((day, [item]))
    return runs


def days_to_show(items):
    """The runs to show under day headings; one run without a day unless the items span days."""
    runs = items_by_day(items)
    if len({day for day, _items in runs if day}) < 2:
        return [(None, list(items))]
    return runs


def agenda_day_errors(body, first_day, last_day, message):
    """A StreamBlockValidationError putting ``message`` on each agenda item whose day is
    outside ``first_day``–``last_day``; None if there is none.

    A block's own ``clean`` cannot see the page's dates, so the page checks its body with this.
    """
    stream_errors = {}
    for position, child in enumerate(body):
        if child.block_type != AGENDA:
            continue
        # A body set in code may hold the day as text; the block reads it as the admin's would.
        day_block = child.block.child_blocks["items"].child_block.child_blocks["day"]
        days = [day_block.to_python(item.get("day")) for item in child.value["items"]]
        item_errors = {
            index: StructBlockValidationError(block_errors={"day": ErrorList([message])})
            for index, day in enumerate(days)
            if day and not first_day <= day <= last_day
        }
        if item_errors:
            stream_errors[position] = StructBlockValidationError(
                block_errors={"items": ListBlockValidationError(block_errors=item_errors)}
            )
    return StreamBlockValidationError(block_errors=stream_errors) if stream_errors else None


class ImageWithCaptionBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=500)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "wagtail_events/blocks/image.html"
        description = _("An image with alternative text and an optional caption.")
        preview_value = {"image": None, "caption": _("A caption under the image")}


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=255)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "wagtail_events/blocks/quote.html"
        description = _("A quotation with who said it.")
        preview_value = {
            "quote": _("We need to move from pilots to everyday practice."),
            "attribution": _("A panellist"),
        }


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("Video address"), help_text=_("A YouTube or Vimeo address."))
    title = blocks.CharBlock(
        label=_("Title"),
        max_length=255,
        help_text=_("Names the video for screen-reader users."),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "wagtail_events/blocks/video.html"
        description = _("An embedded video, such as a recording of an earlier event.")
        preview_value = {"video": None, "title": _("Recording of the debate")}


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Link text"), max_length=120)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Or an address"), required=False)

    class Meta:
        icon = "link"
        label = _("Call to action")
        template = "wagtail_events/blocks/call_to_action.html"
        description = _("A prominent link, for example to sign up.")
        preview_value = {"text": _("Sign up"), "page": None, "url": "https://example.org/"}

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise StructBlockValidationError(
                non_block_errors=ErrorList([_("Choose a page or give an address, not both.")])
            )
        return value


class EventBodyBlock(blocks.StreamBlock):
    rich_text = blocks.RichTextBlock(
        label=_("Text"),
        icon="pilcrow",
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul"],
        template="wagtail_events/blocks/rich_text.html",
        description=_("Paragraphs, headings, lists and links."),
        preview_value=_("<p>The panel brings together people who build and use the services.</p>"),
    )
    questions = AgendaQuestionsBlock()
    agenda = AgendaBlock()
    image = ImageWithCaptionBlock()
    quote = QuoteBlock()
    video = VideoBlock()
    call_to_action = CallToActionBlock()

    class Meta:
        label = _("Body")


class LinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Label"), max_length=120)
    url = blocks.URLBlock(label=_("Address"))

    class Meta:
        icon = "link"
        label = _("Link")
        template = "wagtail_events/blocks/link.html"
        description = _("A labelled link, for example to a profile.")
        preview_value = {"label": _("Profile"), "url": "https://example.org/"}


# Reading stored bodies without converting them to block values: converting resolves every
# chosen page and image, one query per event, which lists and feeds cannot afford.

AGENDA = "agenda"
QUESTIONS = "questions"


def raw_blocks(stream_value, block_type):
    """The stored values of the body's blocks of one type, in order."""
    for block in stream_value.raw_data:
        if block.get("type") == block_type:
            yield block.get("value") or {}


def list_values(values):
    """A ListBlock's stored items: [{"type": "item", "value": ...}], or plain values (older)."""
    return [
        value["value"] if isinstance(value, dict) and value.get("type") == "item" else value
        for value in values or []
    ]


def questions_in(stream_value):
    """(heading, [question, ...]) for each questions block of a body."""
    return [
        (block.get("heading") or "", list_values(block.get("questions")))
        for block in raw_blocks(stream_value, QUESTIONS)
    ]


def agenda_page_ids(stream_value):
    """Ids of the person pages a body's agenda items name, read without a query."""
    return {
        pk
        for agenda in raw_blocks(stream_value, AGENDA)
        for item in list_values(agenda.get("items"))
        for pk in list_values(item.get("people"))
        if isinstance(pk, int)
    }
