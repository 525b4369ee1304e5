"""The events API's answers, as its OpenAPI document describes them.

The things they hold (events, people, organisations, ...) have their shapes in ``shapes``;
here are the pages of lists around them and the errors.
"""

from pydantic import BaseModel, Field

from ..queries import COUNT_STEP
from .shapes import (
    EmbedProfile,
    Event,
    EventDetail,
    OrganisationItem,
    Person,
    Series,
    TermItem,
    VenueItem,
)

__all__ = [
    "EventDetail",
    "EventList",
    "InvalidParameters",
    "Message",
    "OrganisationItem",
    "Person",
    "PersonList",
    "Series",
    "TermItem",
    "VenueItem",
]

COUNT_DESCRIPTION = (
    f"How many items match, counted up to the next multiple of {COUNT_STEP} past this page: "
    "a lower bound when count_exact is false."
)
COUNT_EXACT_DESCRIPTION = "Whether count is every match, or the count stopped short."


class EventList(BaseModel):
    count: int = Field(description=COUNT_DESCRIPTION)
    count_exact: bool = Field(description=COUNT_EXACT_DESCRIPTION)
    next: str | None
    previous: str | None
    items: list[Event]
    profile: EmbedProfile | None = Field(
        description="The embed profile named with the profile parameter; null without one."
    )


class PersonList(BaseModel):
    count: int = Field(description=COUNT_DESCRIPTION)
    count_exact: bool = Field(description=COUNT_EXACT_DESCRIPTION)
    next: str | None
    previous: str | None
    items: list[Person]


class Message(BaseModel):
    detail: str


class ParameterError(BaseModel):
    type: str
    loc: list[str | int] = Field(description="Where the value is, e.g. ['query', 'limit'].")
    msg: str


class InvalidParameters(BaseModel):
    detail: list[ParameterError]
    message: str = Field(description="One line naming the invalid parameters.")
