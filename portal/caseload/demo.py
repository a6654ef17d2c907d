"""Demo caseload for ``flask seed-demo`` (fictional), the size of the programme's first five
months: 15 champions with the languages they speak; requests for help over those months, 35
of them after the social-care webinar; over 50 families with a few hundred contacts, needs,
signposts and their uptake, a few closed; one open safeguarding concern.

Every name is invented and every number is in Ofcom's drama range (07700 900xxx). The same
data comes out on every run (a seeded random generator), so screenshots and walk-throughs
match.
"""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta

import sqlalchemy as sa

from portal.access import Role
from portal.caseload.models import (
    CameFrom,
    CameVia,
    Carer,
    ChampionLanguage,
    ClosedReason,
    Concern,
    ConsentHow,
    Contact,
    ContactMethod,
    ContactMode,
    Family,
    HelpRequest,
    NotTakenUpReason,
    Outcome,
    RequestStatus,
    Signpost,
    Uptake,
)
from portal.database import utcnow
from portal.equality import CHILD_AGE, ETHNIC_GROUPS, PREFER_NOT
from portal.extensions import db
from portal.periods import last_months, month_end
from portal.texts import Status, published
from portal.topics import Topic

DEMO_CHAMPION = "champion@example.org"  # the champion account in portal/accounts/demo.py
CHAMPIONS = [
    # name, languages spoken with families (the first is the demo account's)
    ("Chidi Demo", ["en", "ur", "pa"]),
    ("Hodan Warsame", ["so", "en", "ar"]),
    ("Farzana Begum", ["bn", "en"]),
    ("Magdalena Nowak", ["pl", "en"]),
    ("Ioana Popescu", ["ro", "en"]),
    ("Gurpreet Kaur", ["pa", "en", "ur"]),
    ("Amina Yusuf", ["so", "en"]),
    ("Samira Haddad", ["ar", "en"]),
    ("Nasreen Akhtar", ["ur", "en"]),
    ("Lena Mirga", ["ro", "en"]),
    ("Grace Mensah", ["en"]),
    ("Tomasz Wojcik", ["pl", "en"]),
    ("Fatuma Ali", ["so", "ar", "en"]),
    ("Bilal Chaudhry", ["ur", "pa", "en"]),
    ("Joy Okafor", ["en", "bfi"]),
]
PARENT_NAMES = ["Ayesha", "Hawa", "Marta", "Elena", "Sadia", "Kiran", "Deqa", "Rania", "Agnieszka",
                "Florin", "Shabana", "Mariam", "Fadumo", "Bogdan", "Rukhsana", "Leila", "Ewa",
                "Naveed", "Ifrah", "Camelia", "Tariq", "Precious", "Zainab", "Harjit", "Ama",
                "Nimo", "Salma", "Dorota", "Mihaela", "Jaswinder"]
LANGUAGE_MIX = ["ur", "so", "pl", "ro", "pa", "ar", "en", "bn", "ur", "so", "en", "pl"]
AREAS = ["E6", "E7", "E12", "E13", "E15", "E16", "IG11", "Beckton", "Plaistow", "Forest Gate"]
AGREED = ["Call the school together about the exclusion meeting",
          "Parent to ring the advice line; I will check in next week",
          "Went through the child in need plan and the words in it",
          "Helped fill in the EHCP request form",
          "Explained what happens at the youth court hearing",
          "Booked a place at the parents' group",
          "Parent will bring the letter from the council to our next meeting"]
WEBINAR = "navigating-social-care"


def demo_caseload() -> str | None:
    if db.session.scalar(sa.select(sa.func.count()).select_from(Family)):
        return None
    from portal.accounts import services as accounts
    from portal.events import services as events
    from portal.signposting.models import Service

    # Invented demo data, the same on every run: not a secret.
    rng = random.Random(2026)  # noqa: S311  # nosec B311
    champions = _champions(accounts)
    topics = db.session.scalars(published(Topic).order_by(Topic.id)).all()
    directory = db.session.scalars(sa.select(Service).where(
        Service.status == Status.PUBLISHED.value).order_by(Service.id)).all()
    if not topics or not directory:
        return None
    webinar = events.event(WEBINAR)
    now = utcnow()
    # The four whole months before this one: the rest of the requests, and the families met
    # elsewhere, a few in each (a month with 1 to 4 would hide the period's figures).
    whole_months = last_months(now.date(), 5).months[:4]

    def at(day: datetime) -> datetime:
        return datetime.combine(day.date(), time(rng.randint(8, 20), rng.randint(0, 59)),
                                tzinfo=day.tzinfo)

    def in_month(number: int) -> datetime:
        first = whole_months[number % len(whole_months)]
        day = first + timedelta(days=rng.randint(0, month_end(first).day - 1))
        return at(datetime.combine(day, time(), tzinfo=now.tzinfo))

    requests = []
    # 35 after the webinar, in the ten days that followed it; the rest over the five months.
    for number in range(60):
        if number < 35 and webinar is not None:
            sent = at(webinar.starts_at + timedelta(days=rng.randint(0, 9)))
        else:
            sent = in_month(number)
        language = rng.choice(LANGUAGE_MIX)
        method = rng.choice([ContactMethod.PHONE, ContactMethod.PHONE, ContactMethod.WHATSAPP,
                             ContactMethod.TEXT, ContactMethod.EMAIL]).value
        name = rng.choice(PARENT_NAMES)
        detail = (f"{name.lower()}{number}@example.org" if method == "email"
                  else f"07700 900{rng.randint(0, 999):03d}")
        came_from = (CameFrom.WEBINAR.value if number < 35 and webinar is not None else
                     rng.choice([c.value for c in CameFrom if c is not CameFrom.WEBINAR]))
        requests.append(HelpRequest(
            created_at=sent, name=name, contact_method=method, contact_detail=detail,
            best_times=rng.choice(["mornings", "after school", "evenings", None]),
            language=language, came_from=came_from,
            came_from_event_id=webinar.id if came_from == "webinar" and webinar else None,
            came_from_page=f"webinar:{WEBINAR}" if came_from == "webinar" else None,
            consent_contact=True, consent_keep=True,
            topics=rng.sample(topics, k=min(len(topics), rng.randint(1, 2)))))
    requests.sort(key=lambda item: item.created_at)
    db.session.add_all(requests)
    db.session.flush()

    load = {user.id: 0 for user, _languages in champions}

    def speaker(language: str):
        """A champion who speaks the language, the least busy first (each one has some)."""
        able = [user for user, languages in champions if language in languages] or [
            user for user, _languages in champions]
        chosen = min(able, key=lambda user: (load[user.id], rng.random()))
        load[chosen.id] += 1
        return chosen

    families = []
    # The newest few wait in the queue (two of them overdue); a few are closed unanswered;
    # the rest became families.
    for index, request in enumerate(requests):
        waiting = len(requests) - index
        if waiting <= 4:
            continue  # new: nobody has it yet
        champion = speaker(request.language)
        request.champion_id = champion.id
        request.assigned_at = request.created_at + timedelta(hours=rng.randint(2, 30))
        if waiting <= 8:
            request.status = RequestStatus.ASSIGNED.value
            continue
        request.contacted_at = request.assigned_at + timedelta(hours=rng.randint(2, 40))
        if index % 9 == 4:
            request.status = RequestStatus.CLOSED.value
            request.closed_at = request.contacted_at
            request.closed_reason = rng.choice(list(ClosedReason)).value
            continue
        request.status = RequestStatus.FAMILY.value
        families.append(_family(rng, champion.id, request.contacted_at, request.language,
                                CameVia.ASKED.value, request=request))
    # Families met elsewhere: at school gates, community groups, through professionals.
    for number in range(10):
        language = rng.choice(LANGUAGE_MIX)
        families.append(_family(rng, speaker(language).id, in_month(number), language,
                                rng.choice([CameVia.SCHOOL, CameVia.COMMUNITY,
                                            CameVia.PROFESSIONAL, CameVia.YOUTH_JUSTICE,
                                            CameVia.WEBINAR]).value))
    db.session.add_all(families)
    db.session.flush()
    contacts = sum(_contacts(rng, family, topics, directory, now) for family in families)
    worried = next(family for family in families[len(families) // 2:] + families
                   if family.is_open)
    db.session.add(Concern(family_id=worried.id, raised_by_id=worried.champion_id,
                           raised_at=now - timedelta(hours=3),
                           what="The parent said her partner shouts at the children and she "
                                "is frightened to go home. She did not want police called."))
    db.session.commit()
    return (f"Demo caseload: {len(champions)} champions, {len(requests)} requests, "
            f"{len(families)} families, {contacts} contacts.")


def _champions(accounts) -> list[tuple[object, list[str]]]:
    people = []
    for number, (name, languages) in enumerate(CHAMPIONS):
        email = DEMO_CHAMPION if number == 0 else f"champion{number:02d}@example.org"
        user = accounts.find_user(email)
        if user is None:
            # Invited, not yet signed in: only the demo champion has a password.
            user = accounts.invite(None, email=email, name=name, language="en",
                                   roles={Role.CHAMPION})
        db.session.flush()
        if not db.session.scalar(sa.select(sa.func.count()).select_from(ChampionLanguage)
                                 .where(ChampionLanguage.user_id == user.id)):
            db.session.add_all(ChampionLanguage(user_id=user.id, code=code)
                               for code in languages)
        people.append((user, languages))
    return people


def _family(rng, champion_id, started: datetime, language: str, came_via: str,
            request: HelpRequest | None = None) -> Family:
    backgrounds = [code for _group, _label, items in ETHNIC_GROUPS for code, _ in items]
    family = Family(champion_id=champion_id, created_at=started, came_via=came_via,
                    request=request, language=language, area=rng.choice(AREAS),
                    carer=rng.choice([Carer.MOTHER] * 5 + [Carer.FATHER, Carer.GRANDPARENT,
                                                           Carer.KINSHIP, Carer.FOSTER]).value,
                    send=rng.choice(["yes", "no", "no", "not-sure", None]),
                    consent_how=(ConsentHow.ONLINE if request else ConsentHow.SPOKEN).value,
                    consent_on=started.date(),
                    ethnicity=rng.choice(backgrounds + [PREFER_NOT, None, None]),
                    main_language=language if rng.random() < 0.7 else None,
                    name=request.name if request else None,
                    contact_detail=request.contact_detail if request else None)
    family.child_ages = sorted(rng.sample([code for code, _ in CHILD_AGE], k=rng.randint(1, 2)))
    return family


def _contacts(rng, family: Family, topics, directory, now: datetime) -> int:
    day = family.created_at.date()
    today = now.date()
    total = rng.randint(2, 8)
    logged = 0
    for number in range(total):
        if day > today:
            break
        needs = rng.sample(topics, k=min(len(topics), rng.randint(1, 2)))
        signposted = rng.sample(directory, k=rng.randint(0, 2)) if number < 4 else []
        contact = Contact(family=family, champion_id=family.champion_id, happened_on=day,
                          mode=rng.choice([ContactMode.PHONE, ContactMode.PHONE,
                                           ContactMode.IN_PERSON, ContactMode.MESSAGE,
                                           ContactMode.PROFESSIONAL]).value,
                          minutes=rng.choice([10, 15, 20, 30, 45, 60, 90]),
                          agreed=rng.choice(AGREED), needs=needs, created_at=now)
        for service in signposted:
            answered = (today - day).days > 14
            uptake = (rng.choice([Uptake.TAKEN_UP] * 3 + [Uptake.NOT_TAKEN_UP, Uptake.WAITING])
                      if answered else Uptake.WAITING)
            contact.signposts.append(Signpost(
                family=family, service_id=service.id,
                service_name=service.in_language("en").text.name,
                uptake=uptake.value,
                not_taken_up_reason=rng.choice(list(NotTakenUpReason)).value
                if uptake is Uptake.NOT_TAKEN_UP else None,
                uptake_on=day + timedelta(days=rng.randint(3, 14))
                if uptake is not Uptake.WAITING else None))
        if number == 0:
            family.confidence_start = rng.randint(1, 5)
            family.needs_met_start = rng.randint(1, 4)
        family.last_contact_on = day
        next_day = day + timedelta(days=rng.randint(5, 21))
        contact.follow_up_on = next_day
        family.follow_up_on = next_day
        db.session.add(contact)
        logged += 1
        day = next_day
    if family.follow_up_on is not None:
        # Most open families have their next call in the coming fortnight; a few are late.
        family.follow_up_on = today + timedelta(days=rng.randint(-4, 14))
    # About one family in five has closed, with the parent's ratings at the end.
    if logged >= 3 and rng.random() < 0.22:
        family.status = "closed"
        family.closed_at = datetime.combine(family.last_contact_on, time(17), tzinfo=now.tzinfo)
        family.outcome = rng.choice([Outcome.NEED_MET] * 3 + [Outcome.REFERRED_ON,
                                                              Outcome.STOPPED,
                                                              Outcome.MOVED_AWAY]).value
        family.follow_up_on = None
        family.confidence_end = min(10, (family.confidence_start or 3) + rng.randint(1, 5))
        family.needs_met_end = min(10, (family.needs_met_start or 3) + rng.randint(0, 5))
    return logged
