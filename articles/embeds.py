"""Embeds: the providers a body may embed from, and what the reader's click loads.

A page never loads anything from a third party by itself: an embed block is shown as a
*facade*, a link to the original with the provider's name, and only a reader's click swaps it
for the provider's player (``static/js/embeds.js``), so pages stay fast and private and the
Content-Security-Policy needs no third-party script. Without JavaScript the link still works.

An address is accepted only when it matches one provider's pattern; the pattern also takes
out the id the player needs. Adding a provider is one entry of ``PROVIDERS``.
"""

import re
from dataclasses import dataclass
from urllib.parse import quote


@dataclass(frozen=True)
class Provider:
    key: str  # stored and in the API: "youtube"
    name: str  # for readers: "YouTube"
    pattern: re.Pattern[str]  # a full match of the address; group "id" (and "user") as needed
    player: str  # the iframe's address, formatted with the match's groups
    action: str = "View"  # the facade's verb: "Play video on YouTube", "View post on X"
    noun: str = "post"


def _re(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


PROVIDERS: tuple[Provider, ...] = (
    Provider(
        "youtube",
        "YouTube",
        _re(
            r"https://(?:www\.|m\.)?(?:youtube\.com/(?:watch\?v=|shorts/|embed/)|youtu\.be/)"
            r"(?P<id>[\w-]{11})(?:[?&#].*)?"
        ),
        "https://www.youtube-nocookie.com/embed/{id}?autoplay=1",
        "Play",
        "video",
    ),
    Provider(
        "vimeo",
        "Vimeo",
        _re(r"https://(?:www\.)?vimeo\.com/(?:video/)?(?P<id>\d+)(?:[/?#].*)?"),
        "https://player.vimeo.com/video/{id}?autoplay=1&dnt=1",
        "Play",
        "video",
    ),
    Provider(
        "x",
        "X",
        _re(
            r"https://(?:www\.|mobile\.)?(?:twitter|x)\.com/(?P<user>\w{1,15})/status/(?P<id>\d+)(?:[/?#].*)?"
        ),
        "https://platform.twitter.com/embed/Tweet.html?id={id}&dnt=true",
    ),
    Provider(
        "instagram",
        "Instagram",
        _re(r"https://(?:www\.)?instagram\.com/(?P<kind>p|reel)/(?P<id>[\w-]+)/?(?:[?#].*)?"),
        "https://www.instagram.com/{kind}/{id}/embed/",
    ),
    Provider(
        "tiktok",
        "TikTok",
        _re(r"https://(?:www\.)?tiktok\.com/@(?P<user>[\w.-]+)/video/(?P<id>\d+)(?:[/?#].*)?"),
        "https://www.tiktok.com/embed/v2/{id}",
        "Play",
        "video",
    ),
    Provider(
        "bluesky",
        "Bluesky",
        _re(r"https://bsky\.app/profile/(?P<user>[\w.:-]+)/post/(?P<id>\w+)/?(?:[?#].*)?"),
        "https://embed.bsky.app/embed/{user}/app.bsky.feed.post/{id}",
    ),
    Provider(
        "datawrapper",
        "Datawrapper",
        _re(
            r"https://(?:datawrapper\.dwcdn\.net|www\.datawrapper\.de/_)/(?P<id>\w{5})(?:/(?P<v>\d+))?/?(?:[?#].*)?"
        ),
        "https://datawrapper.dwcdn.net/{id}/",
        "View",
        "chart",
    ),
    Provider(
        "flourish",
        "Flourish",
        _re(
            r"https://(?:public\.flourish\.studio|flo\.uri\.sh)/(?P<kind>visualisation|story)/(?P<id>\d+)/?(?:[?#].*)?"
        ),
        "https://flo.uri.sh/{kind}/{id}/embed",
        "View",
        "chart",
    ),
)
BY_KEY = {provider.key: provider for provider in PROVIDERS}


@dataclass(frozen=True)
class Embed:
    url: str
    provider: Provider
    player_url: str

    @property
    def label(self) -> str:
        """The facade's text: "Play video on YouTube"."""
        return f"{self.provider.action} {self.provider.noun} on {self.provider.name}"


def match(url: str) -> Embed | None:
    """The embed for ``url``, or None when no provider on the allow-list serves it."""
    url = (url or "").strip()
    for provider in PROVIDERS:
        found = provider.pattern.fullmatch(url)
        if found:
            groups = {k: quote(v or "", safe="") for k, v in found.groupdict().items()}
            return Embed(url=url, provider=provider, player_url=provider.player.format(**groups))
    return None


def provider_key(url: str) -> str:
    found = match(url)
    return found.provider.key if found else ""


def supported_providers() -> str:
    """For editors' messages: "YouTube, Vimeo, …"."""
    return ", ".join(provider.name for provider in PROVIDERS)
