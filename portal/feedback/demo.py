"""Demo feedback: the social-care webinar's, which gives the programme's published figures
(98% satisfied, 96% more confident among respondents), and six months of fictional feedback
about services, across languages and ethnic groups, with comments to moderate."""

from __future__ import annotations

import random
from datetime import timedelta

import sqlalchemy as sa

from portal.events.models import Event
from portal.extensions import db
from portal.feedback import questions, services
from portal.feedback.models import CommentStatus, FeedbackComment, FeedbackResponse
from portal.feedback.questions import Kind
from portal.signposting.models import Service

LANGUAGES = ["en", "en", "en", "so", "so", "ar", "ur", "ur", "pl", "ro", "pa"]
# Weighted towards the communities the programme reaches; every group appears.
BACKGROUNDS = (["pakistani"] * 6 + ["bangladeshi"] * 4 + ["indian"] * 3 + ["african"] * 6
               + ["caribbean"] * 3 + ["british"] * 5 + ["roma"] * 2 + ["other-white"] * 4
               + ["arab"] * 3 + ["white-black-caribbean"] * 2 + ["gypsy-traveller"]
               + ["chinese", "other-asian", "other-black", "white-black-african", "white-asian",
                  "other-mixed", "irish", "any-other"] + [questions.PREFER_NOT] * 3)
WEBINAR_COMMENTS = [
    ("went-well", "The parent champion explained what a child in need plan is in words I "
                  "understood. I am not scared of the meeting now.", CommentStatus.APPROVED),
    ("went-well", "Having it in Somali made all the difference.", CommentStatus.APPROVED),
    ("could-be-better", "More time for questions at the end, please.", CommentStatus.APPROVED),
    ("went-well", "Thank you to my champion Mrs Example, call me on 07700 900456 again.",
     CommentStatus.PENDING),
]
SERVICE_COMMENTS = [
    ("went-well", "They listened and did not judge me.", CommentStatus.APPROVED),
    ("could-be-better", "I waited three weeks for a call back.", CommentStatus.APPROVED),
    ("went-well", "The interpreter was very good.", CommentStatus.APPROVED),
    ("could-be-better", "The receptionist was rude to me at 12 Example Road, E1 6AN.",
     CommentStatus.PENDING),
    ("could-be-better", "Nobody told me about the evening sessions.", CommentStatus.PENDING),
]


def _fill(rng: random.Random, response: FeedbackResponse, equality: bool) -> None:
    response.language = rng.choice(LANGUAGES)
    if not equality or rng.random() < 0.2:
        return  # some skip the optional section
    response.equality_answered = True
    background = rng.choice(BACKGROUNDS)
    if background == questions.PREFER_NOT:
        response.ethnic_group = questions.PREFER_NOT
    else:
        response.ethnic_group, response.ethnicity = questions.GROUP_OF[background], background
    response.main_language = rng.choice(["en", "so", "ar", "ur", "pl", "ro", "pa", "bn", "tr"])
    response.child_send = rng.choice(["yes", "no", "no", "not-sure", questions.PREFER_NOT])
    response.child_age = rng.choice(questions.codes(questions.CHILD_AGE))
    response.relationship_to_child = rng.choice(["parent"] * 8 + ["grandparent", "foster-carer"])


def _webinar(rng: random.Random, event: Event) -> int:
    form = services.form_for(Kind.EVENT)
    day = event.starts_at.date() + timedelta(days=1)
    # 100 of the 150 attendees answered: 98 good or very good, 96 more confident.
    experience = ["very-good"] * 71 + ["good"] * 27 + ["neither"] * 2
    confidence = ["strongly-agree"] * 58 + ["agree"] * 38 + ["neither"] * 3 + ["dont-know"]
    fair = ["yes"] * 97 + ["not-sure"] * 2 + ["no"]
    rng.shuffle(confidence)
    rng.shuffle(fair)
    for number, (answer, confident, treated) in enumerate(zip(experience, confidence, fair,
                                                              strict=True)):
        response = FeedbackResponse(
            form_id=form.id, form_version=form.version, event_id=event.id,
            submitted_on=day + timedelta(days=number % 4), from_attendee=number < 92,
            experience=answer, confidence=confident, treated_fairly=treated,
            unfair_language=treated == "no")
        _fill(rng, response, equality=True)
        db.session.add(response)
        if number < len(WEBINAR_COMMENTS):
            _comment(response, *WEBINAR_COMMENTS[number])
    return len(experience)


def _comment(response: FeedbackResponse, question: str, text: str, status) -> None:
    response.language = "en"  # the demo comments are written in English
    comment = FeedbackComment(question=question, status=status.value)
    if status == CommentStatus.PENDING:
        comment.text = text
    else:
        comment.published_text, comment.moderated_on = text, response.submitted_on
    response.comments.append(comment)


def _services(rng: random.Random, items: list[Service]) -> int:
    form = services.form_for(Kind.SERVICE)
    today = services.today()
    count = 0
    for days_ago in range(0, 182, 2):
        for _ in range(rng.randint(1, 4)):
            response = FeedbackResponse(
                form_id=form.id, form_version=form.version, service_id=rng.choice(items).id,
                submitted_on=services.submission_day(Kind.SERVICE,
                                                     today - timedelta(days=days_ago)),
                experience=rng.choice(["very-good"] * 5 + ["good"] * 4 + ["neither", "poor",
                                                                          "dont-know"]),
                confidence=rng.choice(["strongly-agree", "agree", "agree", "neither",
                                       "disagree", None]),
                treated_fairly=rng.choice(["yes"] * 9 + ["no", "not-sure"]))
            if response.treated_fairly == "no":
                setattr(response, f"unfair_{rng.choice(['race', 'language', 'religion'])}",
                        True)
            _fill(rng, response, equality=True)
            db.session.add(response)
            if count < len(SERVICE_COMMENTS):
                _comment(response, *SERVICE_COMMENTS[count])
            count += 1
    return count


def demo_feedback() -> str | None:
    if db.session.scalar(sa.select(sa.func.count()).select_from(FeedbackResponse)):
        return None
    # Repeatable demo data: not a secret.
    rng = random.Random(2026)  # noqa: S311  # nosec B311
    webinar = db.session.scalar(sa.select(Event).where(Event.slug == "navigating-social-care"))
    from_webinar = _webinar(rng, webinar) if webinar else 0
    items = db.session.scalars(sa.select(Service).where(Service.status == "published")
                               .order_by(Service.id).limit(12)).all()
    from_services = _services(rng, items) if items else 0
    db.session.flush()
    services.rebuild_tallies()
    return (f"Feedback: {from_webinar} responses to the social-care webinar, {from_services} "
            "about services over six months, comments waiting for moderation.")
