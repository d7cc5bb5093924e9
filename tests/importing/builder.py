"""Archive documents written by the tests, in the layout of the reference document."""

from dataclasses import dataclass

BODY = (
    "Rescue crews worked through the night to shore up the levees around the delta islands.",
    "Officials said the water would stay high until the middle of next week.",
)


@dataclass(frozen=True)
class Item:
    """One "Related Content" item."""

    title: str = "Earlier floods in the delta"
    standfirst: str = "What happened the last time the rivers rose."
    byline: str = "Ines Okafor in Porto Alegre"
    date: str = "26, Mar, 2023 @5:44 PM"


def document(
    *,
    headline: str = "Floodwaters swamp the delta islands",
    standfirst: str = "Thousands leave their homes as three rivers rise at once",
    body: tuple[str, ...] = BODY,
    byline: str = "Ines Okafor in Porto Alegre",
    publication: str = "The Northern Ledger",
    related: tuple[Item, ...] = (),
) -> str:
    parts = [headline, standfirst, *body, byline, publication]
    if related:
        parts.append("Related Content")
        for item in related:
            parts.append(f"Article image\n{item.title}\n{item.standfirst}\n\n{item.byline}\n\n{item.date}")
    return "\n\n".join(parts) + "\n"


def line_of(text: str, needle: str) -> int:
    """The 1-based line on which ``needle`` first appears."""
    return text[: text.index(needle)].count("\n") + 1
