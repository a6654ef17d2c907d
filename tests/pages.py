"""The links and forms of a page as a browser reads them from its HTML: every form's method,
address and fields (hidden ones too), with the choices its selects, radios and checkboxes
offer. Used by the attack corpus to find what to send, and by the soak to fill in forms."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urljoin


class Form(dict):
    """A form's fields and their values as the page sets them, and what kind each is: the
    choices a select, a set of radios or of checkboxes offers, and each input's type."""

    def __init__(self):
        super().__init__()
        self.choices: dict[str, list[str]] = {}
        self.types: dict[str, str] = {}
        self.unseen: set[str] = set()  # out of people's reach (tabindex -1): a honeypot


class Page(HTMLParser):
    """The links and forms of a page: forms as (method, action, Form)."""

    def __init__(self, url: str):
        super().__init__()
        self.url, self.links, self.forms = url, [], []
        self._form, self._select, self._option = None, None, None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        form = self._form[2] if self._form is not None else None
        if tag == "a" and attributes.get("href"):
            self.links.append(urljoin(self.url, attributes["href"]))
        elif tag == "form":
            action = attributes.get("hx-post") or attributes.get("action") or self.url
            method = "post" if attributes.get("hx-post") else (
                attributes.get("method") or "get").lower()
            self._form = (method, urljoin(self.url, action), Form())
            self.forms.append(self._form)
        elif tag == "option" and form is not None and self._select:
            self._option = attributes.get("value")
            if self._option is not None:
                self._choose(form, self._select, self._option, "selected" in attributes)
        elif tag in ("input", "select", "textarea", "button") and form is not None:
            name, kind = attributes.get("name"), attributes.get("type") or tag
            if not name or kind in ("submit", "image"):
                return
            form.types.setdefault(name, "select" if tag == "select" else kind)
            if attributes.get("tabindex") == "-1":
                form.unseen.add(name)
            if tag == "select":
                self._select = name
                form.choices.setdefault(name, [])
                form.setdefault(name, "")
            elif kind in ("radio", "checkbox"):
                self._choose(form, name, attributes.get("value") or "on",
                             "checked" in attributes)
            else:
                form.setdefault(name, attributes.get("value") or "")

    @staticmethod
    def _choose(form: Form, name: str, value: str, chosen: bool) -> None:
        form.choices.setdefault(name, []).append(value)
        if chosen or name not in form:
            form[name] = value if chosen else ""

    def handle_data(self, data):
        # An option without a value attribute submits its text.
        if self._select and self._option is None and self.lasttag == "option" and data.strip():
            self._choose(self._form[2], self._select, data.strip(), False)

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "option":
            self._option = None


def forms_on(html: str, url: str = "http://localhost/") -> list[tuple[str, str, Form]]:
    """Every form on the page: (method, address, fields)."""
    page = Page(url)
    page.feed(html)
    return page.forms
