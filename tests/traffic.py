"""A day's mixed traffic, squeezed: parents browsing in every language, searching the
directory, signing up for webinars and cancelling, sending feedback with "about you", asking a
champion; champions adding families and logging contacts; a commissioner reading the results.
Used by the soak and the fault tests (``tests/core/test_soak.py``) against a real server.

Each visitor is a thread with its own cookies, filling in the forms the pages give it. Every
write the portal acknowledges (answers with its redirect) goes in a ``Ledger`` under a mark of
its own; afterwards ``Ledger.check`` compares the ledger with the rows: every acknowledged
write is stored, and a write that was refused is not. Where no answer came, or the answer was
the 503 page (the database went in the middle of the request, perhaps as it committed), either
is allowed; nothing is ever stored that nobody sent.
"""

from __future__ import annotations

import http.client
import itertools
import random
import re
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

from .pages import Form, forms_on

LANGUAGES = ("en", "pl", "ro", "pa", "ur", "so", "ar")
# What parents type into the directory, in their own words and scripts.
SEARCHES = {"en": "court", "pl": "sąd", "ro": "instanță", "pa": "ਅਦਾਲਤ", "ur": "بچوں کی دیکھ بھال",
            "so": "maxkamad", "ar": "محكمة"}
BROWSING = ("/", "/services", "/events/", "/guides", "/glossary", "/topics/social-care",
            "/ask", "/feedback/programme")
CHAMPION = ("champion@example.org", "demo champion marigold")  # the demo's accounts
COMMISSIONER = ("commissioner@example.org", "demo commissioner harbour")
# Sent by every browser with a form (the feedback form takes a quick answer from a browser).
BROWSER = {"User-Agent": "Mozilla/5.0 (Linux; Android 14) soak", "Accept-Language": "en"}


@dataclass
class Answer:
    status: int | str  # the HTTP status, or what went wrong when no answer came
    location: str = ""
    text: str = ""
    retry_after: str = ""

    @property
    def answered(self) -> bool:
        return isinstance(self.status, int)


class Visitor:
    """One browser: its own cookies, one connection per request (as separate phones make)."""

    def __init__(self, base: str, language: str = "en"):
        parts = urlsplit(base)
        self.host, self.port = parts.hostname, parts.port
        self.cookies: dict[str, str] = {}
        self.language = language
        self.answers: list[tuple[str, int | str]] = []

    def request(self, method: str, path: str, data: dict | None = None) -> Answer:
        headers = {**BROWSER, "Accept-Language": self.language}
        body = None
        if data is not None:
            body = urlencode(data, doseq=True).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"http://{self.host}:{self.port}"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
        except (OSError, http.client.HTTPException) as error:
            answer = Answer(f"no answer ({type(error).__name__})")
        else:
            # The session cookie is Secure in production; a browser on the loopback address
            # keeps it all the same, as here.
            for header in response.headers.get_all("Set-Cookie") or []:
                name, _, value = header.split(";", 1)[0].partition("=")
                self.cookies[name.strip()] = value.strip()
            answer = Answer(response.status, response.headers.get("Location", ""), text,
                            response.headers.get("Retry-After", ""))
        finally:
            connection.close()
        self.answers.append((f"{method} {kind_of(path)}", answer.status))
        return answer

    def get(self, path: str) -> Answer:
        return self.request("GET", path)

    def post(self, path: str, data: dict) -> Answer:
        return self.request("POST", path, data)

    def form(self, path: str) -> tuple[str, Form] | None:
        """The form on the page that posts back to it (not the menu's sign-out button), and
        where it posts."""
        page = self.get(path)
        if page.status != 200:
            return None
        for method, address, found in forms_on(page.text, f"http://localhost{path}"):
            target = urlsplit(address).path
            if method == "post" and target == urlsplit(path).path:
                return target, found
        return None


ID = re.compile(r"/(?:[0-9]+|[0-9a-f]{8}-[0-9a-f-]{27}|F-[A-Z0-9]+|[A-Za-z0-9_-]{20,})(?=/|$)")


def kind_of(path: str) -> str:
    return ID.sub("/{id}", urlsplit(path).path)


def fill(form: Form, **answers) -> dict:
    """The form as a person fills it in: the page's own values (hidden ones included), the
    first choice where one must be made, and the given answers."""
    data = {}
    for name, value in form.items():
        if name in answers:
            data[name] = answers[name]
        elif name in form.unseen:
            data[name] = ""
        elif name in form.choices and not value and form.types.get(name) != "checkbox":
            data[name] = next((option for option in form.choices[name] if option), "")
        else:
            data[name] = value
    return data


def send(visitor: Visitor, path: str, **answers) -> Answer | None:
    """Open the page, fill in its form with the answers and send it; None if the page or its
    form did not come."""
    found = visitor.form(path)
    if not found:
        return None
    action, form = found
    return visitor.post(action, fill(form, **answers))


@dataclass
class Ledger:
    """What the portal acknowledged, and what it was sent and did not acknowledge."""

    acknowledged: dict[str, set[str]] = field(default_factory=dict)
    refused: dict[str, set[str]] = field(default_factory=dict)  # answered, but not taken
    unknown: dict[str, set[str]] = field(default_factory=dict)  # no answer came, or a 503
    answers: Counter = field(default_factory=Counter)
    wrong: Counter = field(default_factory=Counter)  # (what, status): 5xx, or no answer
    lock: threading.Lock = field(default_factory=threading.Lock)

    def note(self, kind: str, mark: str, answer: Answer, taken: bool) -> bool:
        # A write answered 503 lost the database somewhere in its request; if that was as its
        # COMMIT went, the portal cannot know whether it landed, and neither can the visitor.
        uncertain = not answer.answered or answer.status == 503
        book = self.acknowledged if taken else (self.unknown if uncertain else self.refused)
        with self.lock:
            book.setdefault(kind, set()).add(mark)
        return taken

    def count(self, visitor: Visitor) -> None:
        with self.lock:
            self.answers.update(status for _what, status in visitor.answers)
            self.wrong.update((what, status) for what, status in visitor.answers
                              if not isinstance(status, int) or status >= 500)
        visitor.answers.clear()

    def merge(self, other: Ledger) -> Ledger:
        """Both ledgers' writes in one (their answers are kept apart)."""
        both = Ledger()
        for name in ("acknowledged", "refused", "unknown"):
            for ledger in (self, other):
                for kind, marks in getattr(ledger, name).items():
                    getattr(both, name).setdefault(kind, set()).update(marks)
        return both

    def total(self, kind: str) -> int:
        return len(self.acknowledged.get(kind, ()))

    def check(self, stored: dict[str, set[str]]) -> list[str]:
        """Problems: an acknowledged write missing, or one refused that was stored anyway.
        ``stored`` maps each kind of write to the marks found in the database."""
        problems = []
        for kind in set(self.acknowledged) | set(self.refused):
            found = stored.get(kind, set())
            lost = self.acknowledged.get(kind, set()) - found
            extra = found & self.refused.get(kind, set())
            stray = found - self.acknowledged.get(kind, set()) - self.refused.get(kind, set()) \
                - self.unknown.get(kind, set())
            if lost:
                problems.append(f"{kind}: {len(lost)} acknowledged but not stored: "
                                f"{sorted(lost)[:5]}")
            if extra:
                problems.append(f"{kind}: {len(extra)} refused but stored: {sorted(extra)[:5]}")
            if stray:
                problems.append(f"{kind}: {len(stray)} stored that nobody sent: "
                                f"{sorted(stray)[:5]}")
        return problems


_numbers = itertools.count(1)


def mark(prefix: str) -> str:
    return f"{prefix}{next(_numbers):06d}"


# --- what visitors do ------------------------------------------------------------------------

def browse(visitor: Visitor, ledger: Ledger, rng: random.Random, event: str) -> None:
    language = rng.choice(LANGUAGES)
    visitor.language = language
    for path in rng.sample(BROWSING, 3):
        visitor.get(f"{path}{'&' if '?' in path else '?'}lang={language}")
    visitor.get(f"/services?q={quote(SEARCHES[language])}&lang={language}")
    visitor.get(f"/events/{event}?lang={language}")


def sign_up_and_perhaps_cancel(visitor: Visitor, ledger: Ledger, rng: random.Random,
                               event: str) -> None:
    who = mark("soaksignup")
    answer = send(visitor, f"/events/{event}/register", first_name=who,
                  email=f"{who}@example.org", phone="", consent_event="y", language="en")
    if answer is None or not ledger.note(
            "registrations", who, answer,
            answer.status == 303 and "/events/manage/" in answer.location):
        return
    if rng.random() < 0.5:
        answer = send(visitor, f"{urlsplit(answer.location).path}/cancel")
        if answer is not None:
            ledger.note("cancellations", who, answer, answer.status == 303)


def give_feedback(visitor: Visitor, ledger: Ledger, rng: random.Random, event: str) -> None:
    words = mark("soakfeedback")
    answer = send(visitor, "/feedback/programme", experience="good", confidence="agree",
                  treated_fairly="yes", went_well=f"{words} کلاس اچھی تھی")
    if answer is None or not ledger.note(
            "feedback", words, answer,
            answer.status == 303 and "/feedback/about-you/" in answer.location):
        return
    answer = send(visitor, urlsplit(answer.location).path, ethnicity="asian",
                  main_language="ur", child_send="no", child_age="5-10", relationship="parent")
    if answer is not None:
        ledger.note("about you", words, answer, answer.status == 303)


def ask_a_champion(visitor: Visitor, ledger: Ledger, rng: random.Random, event: str) -> None:
    who = mark("soakask")
    answer = send(visitor, "/ask", name=who, contact_method="phone",
                  contact_detail="07700 900123", language="ur", consent_contact="y",
                  consent_keep="y")
    if answer is not None:
        ledger.note("requests", who, answer,
                    answer.status == 303 and "/ask/sent" in answer.location)


def sign_in(visitor: Visitor, account: tuple[str, str]) -> bool:
    if "/staff/sign-in" not in visitor.get("/staff/").location:
        return True
    email, password = account
    answer = send(visitor, "/staff/sign-in", email=email, password=password)
    return answer is not None and answer.status == 303


def log_contacts(visitor: Visitor, ledger: Ledger, rng: random.Random, event: str) -> None:
    if not sign_in(visitor, CHAMPION):
        return
    who = mark("soakfamily")
    answer = send(visitor, "/staff/caseload/families/new", name=who,
                  contact_detail="07700 900456", area="Northfield")
    if answer is None or not ledger.note(
            "families", who, answer,
            answer.status == 303 and "/staff/caseload/families/F-" in answer.location):
        return
    words = mark("soakcontact")
    answer = send(visitor, f"{urlsplit(answer.location).path}/contacts/new", minutes="20",
                  agreed=f"{words} called the school", follow_up_on="",
                  happened_on=date.today().isoformat())
    if answer is not None:
        ledger.note("contacts", words, answer, answer.status == 303)


def read_the_results(visitor: Visitor, ledger: Ledger, rng: random.Random, event: str) -> None:
    if sign_in(visitor, COMMISSIONER):
        visitor.get("/staff/reports/")


# (what, how often in a hundred visits, who: a parent, the champion or the commissioner,
# each in a browser of their own)
MIX = ((browse, 40, "parent"), (sign_up_and_perhaps_cancel, 12, "parent"),
       (give_feedback, 14, "parent"), (ask_a_champion, 12, "parent"),
       (log_contacts, 14, "champion"), (read_the_results, 8, "commissioner"))


def run(base: str, seconds: float, visitors: int, event: str, ledger: Ledger,
        seed: int = 18) -> None:
    """``visitors`` threads, each taking one visit after another from MIX for ``seconds``."""
    deadline = time.monotonic() + seconds
    weights = [weight for _action, weight, _who in MIX]

    def one(number: int) -> None:
        rng = random.Random(seed * 1000 + number)
        browsers = {who: Visitor(base) for _action, _weight, who in MIX}
        while time.monotonic() < deadline:
            action, _weight, who = rng.choices(MIX, weights)[0]
            action(browsers[who], ledger, rng, event)
            ledger.count(browsers[who])

    threads = [threading.Thread(target=one, args=(n,), daemon=True) for n in range(visitors)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 120)


def each_once(base: str, event: str, ledger: Ledger) -> None:
    """Every visit in MIX once, one after another: each kind of write, for certain."""
    rng = random.Random(0)
    browsers = {who: Visitor(base) for _action, _weight, who in MIX}
    for action, _weight, who in MIX:
        action(browsers[who], ledger, rng, event)
        ledger.count(browsers[who])


# --- what was stored -------------------------------------------------------------------------

def stored_marks(database_url: str, instance: Path) -> dict[str, set[str]]:
    """The marks the database holds, by kind of write, as ``Ledger.check`` takes them."""
    import sqlalchemy as sa

    from portal import create_app
    from portal.caseload.models import Contact, Family, HelpRequest
    from portal.events.models import Registration
    from portal.extensions import db
    from portal.feedback.models import FeedbackComment, FeedbackResponse

    app = create_app({"ENVIRONMENT": "testing", "DATABASE_URL": database_url,
                      "INSTANCE_PATH": str(instance)})
    first = re.compile(r"^(soak[a-z]+\d+)")

    def marks(query) -> set[str]:
        return {first.match(value).group(1) for value in db.session.scalars(query)
                if value and first.match(value)}

    with app.app_context():
        comments = sa.select(FeedbackComment.text).where(FeedbackComment.text.like("soak%"))
        found = {
            "registrations": marks(sa.select(Registration.first_name).where(
                Registration.first_name.like("soak%"))),
            "cancellations": marks(sa.select(Registration.first_name).where(
                Registration.first_name.like("soak%"), Registration.status == "cancelled")),
            "feedback": marks(comments),
            "about you": marks(sa.select(FeedbackComment.text).join(FeedbackResponse).where(
                FeedbackComment.text.like("soak%"), FeedbackResponse.ethnic_group == "asian")),
            "requests": marks(sa.select(HelpRequest.name).where(HelpRequest.name.like("soak%"))),
            "families": marks(sa.select(Family.name).where(Family.name.like("soak%"))),
            "contacts": marks(sa.select(Contact.agreed).where(Contact.agreed.like("soak%"))),
        }
        db.session.remove()
        db.engine.dispose()
    return found


def rss_of_workers(master: int) -> dict[int, int]:
    """Each gunicorn worker's resident memory in kB, by process id (from /proc)."""
    sizes = {}
    children = Path(f"/proc/{master}/task/{master}/children")
    try:
        pids = [int(pid) for pid in children.read_text().split()]
    except OSError:
        return sizes
    for pid in pids:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        found = re.search(r"^VmRSS:\s+(\d+) kB", status, re.M)
        if found:
            sizes[pid] = int(found.group(1))
    return sizes
