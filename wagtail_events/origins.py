"""Web origins (``scheme://host[:port]``) as browsers write them, for CORS and frame-ancestors.

A browser names the page that calls the API or frames the widget by its serialised origin: the
``Origin`` header, which the CORS check compares as a string, and the origin that CSP's
``frame-ancestors`` matches. That form has a lowercase scheme and host, the host in ASCII
(punycode), and no port when it is the scheme's default. Origins typed by editors or listed in
settings are brought to that one form here, so both checks read the same list; anything else
(a path, a wildcard, a second value after ``;`` or ``,``, quotes, spaces) is not an origin and
never reaches a header.
"""

import ipaddress
from urllib.parse import urlsplit

import idna
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

DEFAULT_PORTS = {"http": 80, "https": 443}
# Django's own rules for a host name or an IP address in a web address.
_web_address = URLValidator(schemes=list(DEFAULT_PORTS))


def serialise_origin(text):
    """``text`` as a browser's ``Origin`` header gives it, or None if it is not a web origin.

    One trailing ``/`` is allowed, as people copy addresses with it; nothing else after the host
    and port is.
    """
    if not isinstance(text, str):
        return None
    text = text.removesuffix("/")
    # urlsplit quietly drops tabs and newlines, and an empty "?" or "#": refused first.
    if not text or any(char.isspace() or not char.isprintable() for char in text):
        return None
    try:
        parts = urlsplit(text)
        port = parts.port  # an integer in 0-65535, else ValueError
    except ValueError:
        return None
    if (
        parts.scheme not in DEFAULT_PORTS
        or text[len(parts.scheme) :] != f"://{parts.netloc}"
        or "@" in parts.netloc
        or parts.netloc.endswith(":")
        or port == 0
        or not parts.hostname
    ):
        return None
    try:
        if parts.netloc.startswith("["):
            host = f"[{ipaddress.IPv6Address(parts.hostname).compressed}]"
        else:
            # UTS #46, as browsers map an international host name to ASCII.
            host = idna.encode(parts.hostname, uts46=True).decode("ascii")
    except ValueError:  # idna.IDNAError is one
        return None
    origin = f"{parts.scheme}://{host}"
    if port is not None and port != DEFAULT_PORTS[parts.scheme]:
        origin += f":{port}"
    try:
        _web_address(origin)
    except ValidationError:
        return None
    return origin


def split_origins(lines):
    """The origins among ``lines`` in their browser form, each once, and the lines that are not.

    Blank lines are neither.
    """
    origins, refused = {}, []
    for line in lines:
        line = line.strip() if isinstance(line, str) else line
        if not line:
            continue
        origin = serialise_origin(line)
        if origin is None:
            refused.append(line)
        else:
            origins[origin] = None
    return list(origins), refused
