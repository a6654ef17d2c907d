"""The report for a period: counts gathered from each capability's services (counted in the
database), turned into publishable figures by portal/disclosure.py, and the impact statement
written from those figures. Templates display what is here; they decide nothing."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from flask_babel import format_date, format_decimal, gettext, ngettext

from portal import disclosure
from portal.caseload import services as caseload
from portal.caseload.models import OUTCOME_LABELS, REASON_LABELS, Uptake
from portal.events import services as events
from portal.extensions import db
from portal.feedback import services as feedback
from portal.i18n import current_language
from portal.periods import Period
from portal.reporting import charts, equality
from portal.reporting.tables import Row, Table
from portal.signposting.models import Service
from portal.topics import topics


@dataclass
class Report:
    period: Period
    reach: Table
    satisfaction: Table | None  # None when too few gave feedback
    feedback_splits: list[Table]  # what parents said, by webinar, service and language
    trends: Table
    charts: list  # (title, SVG) for each of the trends' columns
    comments: list  # (text, question, month, edited): approved, from months with enough
    outcomes: list[Table]
    equality: list[Table]
    statement: list[str]

    @property
    def tables(self) -> list[Table]:
        return [self.reach, self.trends, *([self.satisfaction] if self.satisfaction else []),
                *self.feedback_splits, *self.outcomes, *self.equality]

    def table(self, key: str) -> Table | None:
        return next((table for table in self.tables if table.key == key), None)


TABLE_KEYS = ("reach", "trends", "satisfaction", "by-webinar", "by-service", "by-language", "needs",
              "signposted", "uptake", "not-taken-up", "outcomes", "distance",
              "equality-ethnic-group", "equality-language", "equality-child-age",
              "equality-send", "by-ethnic-group", "unfair-reasons")


def report(period: Period) -> Report:
    webinars = events.reach(period)
    casework = caseload.reach(period)
    everyone = published_feedback(period)
    shown = reach_figures(period, webinars, casework)
    reach = [
        (gettext("Webinars held"), shown["webinars"]),
        (gettext("Registrations"), shown["registrations"]),
        (gettext("People who attended"), shown["attended"]),
        (gettext("Attendance rate (of places booked)"), shown["attendance_rate"]),
        (gettext("Requests for help"), shown["requests"]),
        (gettext("Requests for help after a webinar"), shown["after_webinar"]),
        (gettext("New families"), shown["new_families"]),
        (gettext("Families supported"), shown["families_supported"]),
        (gettext("Contacts with families"), shown["contacts"]),
        (gettext("Hours of support"), shown["hours"]),
        (gettext("Parent champions active"), shown["active_champions"]),
    ]
    everything = satisfaction_of(everyone)
    webinars_said = published_feedback(period, feedback.Kind.EVENT)
    webinar = satisfaction_of(webinars_said)
    labels = [gettext("Responses"), gettext("Good or very good experience"),
              gettext("Poor or very poor experience"),
              gettext("More confident to access services"),
              gettext("Treated fairly and with respect")]
    satisfaction = Table("satisfaction", gettext("What parents said"),
                         (gettext("What"), gettext("About webinars"), gettext("All feedback")),
                         [Row(label, (first, second)) for label, first, second in zip(
                             labels, webinar, everything, strict=True)])
    enough, webinar_enough = everyone.enough, webinars_said.enough
    found = caseload.outcomes(period)
    uptake = uptake_answers(found)
    return Report(
        period=period,
        reach=Table("reach", gettext("Reach"), (gettext("What"), gettext("How many")),
                    [Row(label, (figure,)) for label, figure in reach]),
        satisfaction=satisfaction if enough else None,
        outcomes=outcome_tables(found, uptake),
        feedback_splits=feedback_split_tables(period, everyone, webinars_said),
        equality=[*equality.reach_tables(period, shown["families_supported"]),
                  *equality.by_ethnic_group(period, everyone,
                                            uptake_share(uptake))],
        trends=(trends := trend_table(period, shown["months"])),
        charts=trend_charts(period, trends),
        comments=approved_comments(period, shown["months"]["responses"])
        if everyone.enough else [],
        statement=statement(period, webinars.webinars, shown,
                            webinar[1] if webinar_enough else None,
                            webinar[3] if webinar_enough else None))


OTHERS = "others"
MOST_LISTED = 24


def most_answered(said: dict) -> dict:
    """The ``MOST_LISTED`` with most answers, and the rest counted together as "others"
    (every webinar's own figures are on the feedback page)."""
    ranked = sorted(said, key=lambda code: -said[code].responses)
    if len(ranked) <= MOST_LISTED + 1:
        return said
    kept = {code: said[code] for code in ranked[:MOST_LISTED]}
    kept[OTHERS] = feedback.Results()
    for code in ranked[MOST_LISTED:]:
        kept[OTHERS].add(said[code])
    return kept


def feedback_split_tables(period: Period, everyone: feedback.Published,
                          webinars: feedback.Published) -> list[Table]:
    """What parents said about each webinar (each linked to its own figures), each service,
    and in each language they answered in: split beside the overall figures."""
    from flask import url_for

    from portal.events.models import Event
    from portal.i18n import LANGUAGES, language_name
    from portal.signposting.models import Service

    reader = current_language().code
    months = {"start": f"{period.start:%Y-%m}", "end": f"{period.end:%Y-%m}"}
    tables = []
    said = most_answered(feedback.results_by("event_id", period.start, period.end,
                                             kind=feedback.Kind.EVENT))
    held = {str(event.id): event for event in db.session.scalars(sa.select(Event).where(
        Event.id.in_([int(code) for code in said if code.isdigit()])).order_by(
            Event.starts_at))}
    codes = [*held, *(code for code in (equality.NOT_RECORDED, OTHERS) if code in said)]
    if webinars.enough and codes:
        split = equality.satisfaction_splits(said, codes, webinars, strict=False)
        tables.append(Table(
            "by-webinar", gettext("What parents said about each webinar"),
            (gettext("Webinar"), *equality.satisfaction_headings()),
            [Row(held[code].in_language(reader).text.title if code in held
                 else gettext("Other webinars") if code == OTHERS
                 else gettext("A webinar since removed"),
                 tuple(question[code] for question in split),
                 href=url_for("feedback_admin.results", event=code, **months)
                 if code in held else None) for code in codes]))
    said = most_answered(feedback.results_by("service_id", period.start, period.end,
                                             kind=feedback.Kind.SERVICE))
    about_services = published_feedback(period, feedback.Kind.SERVICE)
    named = {service.id: service.in_language(reader).text.name for service in
             db.session.scalars(sa.select(Service).where(Service.id.in_(list(said))))}
    codes = sorted(said, key=lambda code: (code == OTHERS, code not in named,
                                           named.get(code, "")))
    if about_services.enough and codes:
        split = equality.satisfaction_splits(said, codes, about_services, strict=False)
        tables.append(Table(
            "by-service", gettext("What parents said about each service"),
            (gettext("Service"), *equality.satisfaction_headings()),
            [Row(named.get(code, gettext("Other services") if code == OTHERS
                           else gettext("A service since removed")),
                 tuple(question[code] for question in split)) for code in codes
             if split[0][code].has_answers]))
    said = feedback.results_by("language", period.start, period.end)
    codes = [code for code in LANGUAGES if code in said]
    if everyone.enough and codes:
        split = equality.satisfaction_splits(said, codes, everyone)
        tables.append(Table(
            "by-language", gettext("What parents said, by the language they answered in"),
            (gettext("Language"), *equality.satisfaction_headings()),
            [Row(language_name(code, reader), tuple(question[code] for question in split))
             for code in codes]))
    return tables


def uptake_answers(found) -> disclosure.Answers:
    """Signposts made in the period by what became of them, with those whose answer is known
    and those taken up as the groups of the share."""
    taken, not_taken = Uptake.TAKEN_UP.value, Uptake.NOT_TAKEN_UP.value
    groups = {"answered": (taken, not_taken), "taken": (taken,)}
    return disclosure.guarded_answers(
        disclosure.answers(found.uptake, [taken, not_taken, Uptake.WAITING.value], groups),
        _by_month(found.uptake_months, len(found.distance_months)), groups)


def uptake_share(uptake: disclosure.Answers) -> disclosure.Share:
    return disclosure.Share(uptake.groups["taken"], uptake.groups["answered"])


def outcome_tables(found, uptake: disclosure.Answers) -> list[Table]:
    """Needs, signposts and their uptake, how cases closed and the distance travelled."""

    count = disclosure.count
    reader = current_language().code
    named = {topic.id: topic.in_language(reader).text.name for topic in topics()}
    needs = sorted(((named[topic_id], families, found.needs_edges[topic_id])
                    for topic_id, families in found.needs.items() if topic_id in named),
                   key=lambda item: (-item[1], item[0]))
    tables = [Table("needs", gettext("Needs discussed with families"),
                    (gettext("Need"), gettext("Families")),
                    [Row(name, (disclosure.guarded_distinct(count(families), *edges),))
                     for name, families, edges in needs],
                    note=gettext("A family who discussed several needs counts under each."))]
    limit = disclosure.threshold()
    most = [found_ for found_ in found.signposted if found_[2] >= limit][:10]
    # Named in the reader's language where the directory still has the service.
    names = {service.id: service.in_language(reader).text.name for service in
             db.session.scalars(sa.select(Service).where(Service.id.in_(
                 [service_id for service_id, *_ in most if service_id])))}
    tables.append(Table(
        "signposted", gettext("Services families were signposted to most"),
        (gettext("Service"), gettext("Signposts")),
        [Row(names.get(service_id, name), (disclosure.guarded(count(made), months),))
         for service_id, name, made, months in most],
        note=gettext("The ten services signposted to most, each at least %(limit)d times.",
                     limit=limit)))
    taken, not_taken, waiting = (Uptake.TAKEN_UP.value, Uptake.NOT_TAKEN_UP.value,
                                 Uptake.WAITING.value)
    tables.append(Table(
        "uptake", gettext("Did families take up the services?"),
        (gettext("What"), gettext("How many")), [
            Row(gettext("Signposts made"), (uptake.total,)),
            Row(gettext("Taken up"), (uptake.counts[taken],)),
            Row(gettext("Not taken up"), (uptake.counts[not_taken],)),
            Row(gettext("Still waiting to hear"), (uptake.counts[waiting],)),
            Row(gettext("Taken up, of those whose answer is known"),
                (uptake_share(uptake),)),
        ], note=gettext("Signposts made at contacts in the period, as the champions last "
                        "recorded them.")))
    if uptake.counts[not_taken].shown:
        # With the count of not taken up beside it: a breakdown with its total.
        reasons = disclosure.breakdown({code.value: found.not_taken_up.get(code.value, 0)
                                        for code in REASON_LABELS})
        reasons = {code: disclosure.guarded(figure, found.not_taken_up_months.get(code, []))
                   for code, figure in reasons.items()}
        tables.append(Table(
            "not-taken-up", gettext("Why a service was not taken up"),
            (gettext("Reason"), gettext("Signposts")),
            [Row(str(label), (reasons[code.value],)) for code, label in REASON_LABELS.items()]))
    closed = disclosure.guarded_answers(
        disclosure.answers(found.outcomes, [code.value for code in OUTCOME_LABELS]),
        _by_month(found.outcomes_months, len(found.distance_months)))
    tables.append(Table(
        "outcomes", gettext("How cases closed"), (gettext("Outcome"), gettext("Families")),
        [*(Row(str(label), (closed.counts[code.value],))
           for code, label in OUTCOME_LABELS.items()),
         Row(gettext("Cases closed"), (closed.total,))]))
    tables.append(distance_table(found.distance, found.distance_months))
    return tables


def _by_month(months: dict[str, list[int]], size: int) -> list[dict[str, int]]:
    """{code: [each month's count]} as [each month's {code: count}]."""
    return [{code: counts[index] for code, counts in months.items()} for index in range(size)]


def distance_table(distance, months: list[int]) -> Table:
    """The average change in the parent's own answers (0 to 10), first contact to closing,
    shown only for enough families, and none of them the few of a month (another period, a
    month shorter, would give their answers away)."""
    families = disclosure.guarded(disclosure.count(distance.families), months)
    columns = (gettext("Question"), gettext("At the first contact"), gettext("At closing"),
               gettext("Average change"))
    rows = []
    if families.shown and disclosure.enough(distance.families):
        def average(value: float) -> str:
            return format_decimal(value, format="0.0")

        for label, first, last in (
                (gettext("How confident she feels to deal with services"),
                 distance.confidence_start, distance.confidence_end),
                (gettext("How well her family’s needs are met"),
                 distance.needs_met_start, distance.needs_met_end)):
            change = last - first
            # Isolated left to right: "+2.9" must not read "2.9+" in Arabic or Urdu.
            signed = format_decimal(change, format="+0.0;-0.0")
            rows.append(Row(label, (average(first), average(last), f"\u2066{signed}\u2069")))
    if families.hidden is disclosure.Hidden.PROTECTS_ANOTHER:
        return Table("distance", gettext("Distance travelled"), columns, [], note=gettext(
            "Not shown for this period: in a month of it, fewer than %(limit)s families "
            "closed with both answers, and another period could give their answers away.",
            limit=disclosure.threshold()))
    note = ngettext(
        "The average of the parents’ own answers from 0 to 10, for %(families)s family whose "
        "case closed in the period with both answers.",
        "The average of the parents’ own answers from 0 to 10, for %(families)s families "
        "whose case closed in the period with both answers.",
        distance.families if families.shown else 5, families=str(families))
    return Table("distance", gettext("Distance travelled"), columns, rows, note=note)


COMMENTS = 10


def approved_comments(period: Period, responses: list[int]) -> list[tuple]:
    """The latest approved comments, only from months of the period with at least the
    threshold of responses (a month of 2 would all but name who wrote it)."""
    enough = {month for month, count in zip(period.months, responses, strict=True)
              if disclosure.enough(count)}
    found = feedback.approved_comments(feedback.Scope(start=period.start, end=period.end),
                                       limit=COMMENTS * 5)
    return [(comment.published_text, feedback.comment_question(comment),
             comment.response.submitted_on, comment.redacted) for comment in found
            if comment.response.submitted_on.replace(day=1) in enough][:COMMENTS]


def published_feedback(period: Period, kind=None) -> feedback.Published:
    """The feedback of the period (about one kind of thing, or all) as it may be shown, month
    by month too: the same figures as the feedback page shows for the same months."""
    found = feedback.results(feedback.Scope(kind=kind, start=period.start, end=period.end),
                             by_month=True)
    return feedback.published(found.everyone, [month.everyone for month in found.months])


def satisfaction_of(published: feedback.Published) -> list:
    """Responses, then the shares good, poor, more confident and treated fairly."""
    return [published.responses, published.experience.share("positive"),
            published.experience.share("negative"), published.confidence.share("positive"),
            published.fairness.share("positive")]


def reach_figures(period: Period, webinars, casework) -> dict:
    """The reach as it may be published: each count through disclosure control, and hidden
    too where another period, a month shorter or longer, would give a small month away."""
    count, hidden = disclosure.count, disclosure.Figure(None, disclosure.Hidden.PROTECTS_ANOTHER)
    over, distinct = disclosure.over_months, disclosure.distinct_over_months
    held = events.by_month(period)
    months = caseload.by_month(period)
    edges = caseload.distinct_edges(period)
    attended = over(webinars.attended, held["attended"])
    booked = over(webinars.booked, held["booked"])
    rate = disclosure.share(webinars.attended, webinars.booked)
    if not (attended.shown and booked.shown):
        rate = disclosure.Share(hidden, booked)
    after = disclosure.breakdown({"after": casework.after_webinar,
                                  "other": casework.requests - casework.after_webinar})["after"]
    others = [every - after_ for every, after_ in zip(months["requests"],
                                                       months["after_webinar"], strict=True)]
    if after.shown and not (over(casework.after_webinar, months["after_webinar"]).shown
                            and over(casework.requests - casework.after_webinar,
                                     others).shown):
        after = hidden
    contacts = over(casework.contacts, months["contacts"])
    return {
        "webinars": count(webinars.webinars, limit=1),
        "registrations": over(webinars.registrations, held["registrations"]),
        "attended": attended,
        "attendance_rate": rate,
        "requests": over(casework.requests, months["requests"]),
        "after_webinar": after,
        "new_families": over(casework.new_families, months["new_families"]),
        "families_supported": distinct(casework.families_supported,
                                       *edges["families_supported"]),
        "contacts": contacts,
        # Hours of support say nothing a count of contacts hides (never hidden on their own).
        "hours": count(casework.minutes // 60, limit=1) if contacts.shown else hidden,
        "active_champions": distinct(casework.active_champions, *edges["active_champions"]),
        "months": {**held, **months, "responses": feedback.responses_by_month(period)},
    }


def trend_table(period: Period, months: dict) -> Table:
    """Each month of the period: its own figures, as a report of that month alone shows."""
    count = disclosure.count
    columns = (("attended", gettext("People who attended")),
               ("requests", gettext("Requests for help")),
               ("new_families", gettext("New families")),
               ("contacts", gettext("Contacts with families")),
               ("responses", gettext("Feedback responses")))
    rows = [Row(format_date(month, "MMMM y"),
                tuple(count(months[key][index]) for key, _ in columns))
            for index, month in enumerate(period.months)]
    return Table("trends", gettext("Month by month"),
                 (gettext("Month"), *(label for _, label in columns)), rows,
                 note=gettext("Each month’s figures as a report of that month alone shows "
                              "them."))


def trend_charts(period: Period, trends: Table) -> list:
    """A bar chart of each column of the trends, months labelled (every few when many)."""
    every = -(-len(period.months) // 12)
    labels = [format_date(month, "MMM") if index % every == 0 else ""
              for index, month in enumerate(period.months)]
    mark = f"<{disclosure.threshold()}"
    return [(title, charts.bars(title, labels, [row.figures[column] for row in trends.rows],
                                mark))
            for column, title in enumerate(trends.columns[1:])]


def statement(period: Period, webinars: int, shown: dict, satisfied, confident) -> list[str]:
    """The sentences a council puts in its equality report, from the figures as published:
    a count under the threshold is worded as "fewer than 5", never printed; a sentence
    whose figure is hidden to protect another is left out. ``satisfied`` and ``confident``
    are the webinars' shares (None when too few answered)."""
    def told(*figures) -> bool:
        return all(figure.shown or figure.hidden is disclosure.Hidden.TOO_FEW
                   for figure in figures)

    sentences = []
    if webinars and told(shown["attended"]):
        sentences.append(ngettext(
            "%(people)s people attended %(num)d webinar.",
            "%(people)s people attended %(num)d webinars.", webinars,
            people=str(shown["attended"])))
    if satisfied is not None and satisfied.shown and confident.shown:
        sentences.append(gettext(
            "Of the people who gave feedback on a webinar, %(satisfied)d%% were satisfied "
            "and %(confident)d%% felt more confident to access services.",
            satisfied=satisfied.percent, confident=confident.percent))
    requests, after = shown["requests"], shown["after_webinar"]
    if (requests.value or not requests.shown) and told(requests):
        if (after.value or not after.shown) and told(after):
            sentences.append(gettext(
                "%(requests)s parents asked a parent champion for help, %(after)s of them "
                "after a webinar.", requests=str(requests), after=str(after)))
        else:
            sentences.append(gettext("%(requests)s parents asked a parent champion for help.",
                                     requests=str(requests)))
    families, champions = shown["families_supported"], shown["active_champions"]
    if (families.value or not families.shown) and told(families, champions):
        sentences.append(ngettext(
            "%(champions)s parent champions supported %(families)s families in %(num)d month.",
            "%(champions)s parent champions supported %(families)s families in %(num)d "
            "months.", len(period.months), champions=str(champions), families=str(families)))
    return sentences
