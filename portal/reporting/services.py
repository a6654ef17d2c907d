"""The report for a period: counts gathered from each capability's services (counted in the
database), turned into publishable figures by portal/disclosure.py, and the impact statement
written from those figures. Templates display what is here; they decide nothing."""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import gettext, ngettext

from portal import disclosure
from portal.caseload import services as caseload
from portal.events import services as events
from portal.feedback import services as feedback
from portal.periods import Period, instants


@dataclass(frozen=True)
class Line:
    """One row of a report table: what it counts, and the figure."""

    label: str
    figure: object  # disclosure.Figure or disclosure.Share


@dataclass(frozen=True)
class Row:
    """One row of a table with several columns of figures."""

    label: str
    figures: tuple


@dataclass
class Report:
    period: Period
    reach: list[Line]
    satisfaction: list[Row]  # webinars, then all feedback
    enough_feedback: bool
    statement: list[str]


def report(period: Period) -> Report:
    start, end = instants(period)
    webinars = events.reach(start, end)
    casework = caseload.reach(start, end, period.start, period.end)
    figures = feedback.results(feedback.Scope(start=period.start, end=period.end)).everyone
    count = disclosure.count
    contacts = count(casework.contacts)
    # Hours of support say nothing a count of contacts hides (never hidden on their own).
    hours = count(casework.minutes // 60, limit=1) if contacts.shown else disclosure.Figure(
        None, disclosure.Hidden.PROTECTS_ANOTHER)
    after = after_webinar(casework)
    reach = [
        Line(gettext("Webinars held"), count(webinars.webinars, limit=1)),
        Line(gettext("Registrations"), count(webinars.registrations)),
        Line(gettext("People who attended"), count(webinars.attended)),
        Line(gettext("Attendance rate (of places booked)"),
             disclosure.share(webinars.attended, webinars.booked)),
        Line(gettext("Requests for help"), count(casework.requests)),
        Line(gettext("Requests for help after a webinar"), after),
        Line(gettext("New families"), count(casework.new_families)),
        Line(gettext("Families supported"), count(casework.families_supported)),
        Line(gettext("Contacts with families"), contacts),
        Line(gettext("Hours of support"), hours),
        Line(gettext("Parent champions active"), count(casework.active_champions)),
    ]
    everything = satisfaction_of(figures)
    webinar_figures = feedback.webinar_results(period.start, period.end)
    webinar = satisfaction_of(webinar_figures)
    labels = [gettext("Responses"), gettext("Good or very good experience"),
              gettext("Poor or very poor experience"),
              gettext("More confident to access services"),
              gettext("Treated fairly and with respect")]
    rows = [Row(label, (first, second)) for label, first, second in zip(
        labels, webinar, everything, strict=True)]
    enough = disclosure.enough(figures.responses)
    webinar_enough = disclosure.enough(webinar_figures.responses)
    return Report(period=period, reach=reach, satisfaction=rows if enough else [],
                  enough_feedback=enough,
                  statement=statement(period, webinars, casework,
                                      webinar[1] if webinar_enough else None,
                                      webinar[3] if webinar_enough else None))


def satisfaction_of(figures) -> list:
    """Responses, then the shares good, poor, more confident and treated fairly: the same
    figures as the feedback page shows for the same answers."""
    published = feedback.published(figures)
    return [published.responses, published.experience.share("positive"),
            published.experience.share("negative"), published.confidence.share("positive"),
            published.fairness.share("positive")]


def after_webinar(casework) -> disclosure.Figure:
    """Requests after a webinar, hidden too when the rest of the requests are too few (the
    total less this figure would show them)."""
    return disclosure.breakdown({"after": casework.after_webinar,
                                 "other": casework.requests - casework.after_webinar})["after"]


def statement(period: Period, webinars, casework, satisfied, confident) -> list[str]:
    """The sentences a council puts in its equality report, from the figures as published:
    a count under the threshold is worded as "fewer than 5", never printed. ``satisfied``
    and ``confident`` are the webinars' shares (None when too few answered)."""
    count = disclosure.count
    sentences = []
    if webinars.webinars:
        attended = count(webinars.attended)
        sentences.append(ngettext(
            "%(people)s people attended %(num)d webinar.",
            "%(people)s people attended %(num)d webinars.", webinars.webinars,
            people=str(attended)))
    if satisfied is not None and satisfied.shown and confident.shown:
        sentences.append(gettext(
            "Of the people who gave feedback on a webinar, %(satisfied)d%% were satisfied "
            "and %(confident)d%% felt more confident to access services.",
            satisfied=satisfied.percent, confident=confident.percent))
    if casework.requests:
        requests = count(casework.requests)
        after = after_webinar(casework)
        if casework.after_webinar:
            sentences.append(gettext(
                "%(requests)s parents asked a parent champion for help, %(after)s of them "
                "after a webinar.", requests=str(requests), after=str(after)))
        else:
            sentences.append(gettext("%(requests)s parents asked a parent champion for help.",
                                     requests=str(requests)))
    if casework.families_supported:
        champions = count(casework.active_champions)
        families = count(casework.families_supported)
        months = len(period.months)
        sentences.append(ngettext(
            "%(champions)s parent champions supported %(families)s families in %(num)d month.",
            "%(champions)s parent champions supported %(families)s families in %(num)d "
            "months.", months, champions=str(champions), families=str(families)))
    return sentences
