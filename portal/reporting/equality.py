"""Equality of reach: who the programme reaches (requests, families, attendees, feedback) by
ethnic group, main language, child's age and SEND, beside the local population's shares with
the ratio of over- or under-representation; signpost uptake and satisfaction by ethnic group;
unfair treatment by reason. Each ethnic group is shown on its own, never merged into one
"minority" figure. Every figure goes through portal/disclosure.py."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from flask_babel import format_decimal, gettext

from portal import disclosure
from portal.caseload import services as caseload
from portal.equality import ETHNIC_GROUP_CHOICES, MAIN_LANGUAGES, PREFER_NOT, PREFER_NOT_LABEL
from portal.events import services as events
from portal.feedback import services as feedback
from portal.reporting import population
from portal.reporting.tables import Row, Table

NOT_RECORDED = "not-recorded"


@dataclass(frozen=True)
class Reached:
    """A group's share of those who answered, and how many times its share of the local
    population that is ("1.4×": reached more often than its share; "0.6×": less often)."""

    share: disclosure.Share
    local: Decimal | None

    @property
    def ratio(self) -> float | None:
        if not self.share.shown or not self.local:
            return None
        return (self.share.count.value / self.share.total.value) / (float(self.local) / 100)

    def __str__(self) -> str:
        if self.ratio is None:
            return str(self.share)
        # Isolated, so that "1.4×" reads so in Arabic and Urdu.
        ratio = format_decimal(self.ratio, format="0.0")
        return f"{self.share} · \u2066{ratio}×\u2069"


def _local(percent: Decimal | None) -> str:
    if percent is None:
        return gettext("not entered")
    return f"\u2066{format_decimal(percent, format='0.#')}%\u2069"


def _language(code: str | None) -> str:
    known = {code for code, _ in MAIN_LANGUAGES}
    if not code or code == NOT_RECORDED:
        return NOT_RECORDED
    return code if code in known else "other"


@dataclass
class Counted:
    """One population's counts by group, with what another period would add or take away:
    each month's count (``months``, for counts that add up over months) or how many were
    first and last seen in each month (``edges``, for people counted once)."""

    counts: dict
    months: dict | None = None
    edges: dict | None = None

    def languages(self) -> Counted:
        """The same, with languages outside the equality question's list as "other"."""
        merged = Counted({}, {} if self.months is not None else None,
                         {} if self.edges is not None else None)
        for code, count in self.counts.items():
            key = _language(code)
            merged.counts[key] = merged.counts.get(key, 0) + count
            if self.months is not None and code in self.months:
                merged.months[key] = _add(merged.months.get(key), self.months[code])
            if self.edges is not None and code in self.edges:
                first, last = merged.edges.get(key, (None, None))
                merged.edges[key] = (_add(first, self.edges[code][0]),
                                     _add(last, self.edges[code][1]))
        return merged

    def guard(self, figure: disclosure.Figure, codes) -> disclosure.Figure:
        """``figure``, the count of ``codes`` together, hidden too where another period would
        give a small month of it away."""
        if self.months is not None:
            vectors = [self.months[code] for code in codes if code in self.months]
            return disclosure.guarded(figure, _sum(vectors))
        if self.edges is not None:
            pairs = [self.edges[code] for code in codes if code in self.edges]
            return disclosure.guarded_distinct(figure, _sum([first for first, _ in pairs]),
                                               _sum([last for _, last in pairs]))
        return figure


def _add(mine: list | None, theirs: list) -> list:
    return list(theirs) if mine is None else [a + b for a, b in zip(mine, theirs, strict=True)]


def _sum(vectors: list[list[int]]) -> list[int]:
    total = None
    for vector in vectors:
        total = _add(total, vector)
    return total or []


def partition(counted: Counted, codes: list[str], local: dict[str, Decimal],
              families: disclosure.Figure | None = None) -> dict[str, object]:
    """One population's column: each group's share of those who answered (with its ratio to
    the local share), and the counts of "Prefer not to say" and "Not recorded". With
    ``families`` (as the reach shows it), the groups overlap (a family has children of
    several ages): each is a share of all the families, counted on its own."""
    counts = counted.counts
    if families is not None:
        return {code: Reached(disclosure.Share(counted.guard(
            disclosure.count(counts.get(code, 0)), [code]), families), local.get(code))
            for code in codes}
    every = [*codes, PREFER_NOT, NOT_RECORDED]
    published = disclosure.answers({code: counts.get(code, 0) for code in every}, every,
                                   {"answered": tuple(codes)})
    answered = counted.guard(published.groups["answered"], codes)
    column: dict[str, object] = {
        code: Reached(disclosure.Share(counted.guard(published.counts[code], [code]),
                                       answered), local.get(code)) for code in codes}
    for code in (PREFER_NOT, NOT_RECORDED):
        column[code] = counted.guard(published.counts[code], [code])
    return column


def reach_tables(period, families_supported: disclosure.Figure) -> list[Table]:
    """A table for each equality question: its groups, the local share, and each population
    who answered it."""
    local, sources = population.shares(), population.sources()
    casework = caseload.equality_counts(period)
    said, said_months = feedback.equality_counts(period.start, period.end)
    requests = Counted(casework["requests"], months=casework["requests_months"]).languages()
    attendees = Counted(*events.attendee_languages(period)).languages()
    families = {dimension: Counted(counts, edges=casework["families_edges"][dimension])
                for dimension, counts in casework["families"].items()}
    families["language"] = families["language"].languages()
    feedback_counts = {dimension: Counted(counts, months=said_months[dimension])
                       for dimension, counts in said.items()}
    feedback_counts["language"] = feedback_counts["language"].languages()
    tables = []
    for dimension in population.DIMENSIONS:
        codes = [code for code, _ in dimension.options]
        shares = local.get(dimension.key, {})
        columns: list[tuple[str, dict]] = []
        if dimension.key == "language":
            columns.append((gettext("Requests for help"), partition(requests, codes, shares)))
        columns.append((gettext("Families supported"), partition(
            families[dimension.key], codes, shares,
            families=families_supported if dimension.key == "child-age" else None)))
        if dimension.key == "language":
            columns.append((gettext("People who attended"),
                            partition(attendees, codes, shares)))
        columns.append((gettext("People who gave feedback"),
                        partition(feedback_counts[dimension.key], codes, shares)))
        # A group nobody reached is a finding where its local share is known; with neither,
        # its row says nothing (a language no one asked in and no figure for it).
        rows = [Row(str(label), (_local(shares.get(code)),
                                 *(column[code] for _, column in columns)))
                for code, label in dimension.options
                if code in shares or any(_counted(column[code]) for _, column in columns)]
        for code, label in ((PREFER_NOT, PREFER_NOT_LABEL), (NOT_RECORDED, _not_recorded())):
            if all(code in column for _, column in columns):
                rows.append(Row(str(label), ("", *(column[code] for _, column in columns))))
        source = sources.get(dimension.key)
        note = gettext("Shares are of those who answered; “1.4×” means a group is reached 1.4 "
                       "times as often as its share of the local population.")
        if dimension.key == "child-age":
            note = gettext("A family with children of several ages counts under each; shares "
                           "of families are of all the families supported.") + " " + note
        if source is not None and source.source:
            note += " " + gettext("Local population: %(source)s.", source=source.source)
        tables.append(Table(f"equality-{dimension.key}", str(dimension.title),
                            (gettext("Group"), gettext("Local population"),
                             *(title for title, _ in columns)), rows, note=note))
    return tables


def _counted(figure) -> bool:
    """Anything but a zero shown as zero."""
    share = figure.share if isinstance(figure, Reached) else None
    count = share.count if share is not None else figure
    return not (count.shown and count.value == 0)


def _not_recorded() -> str:
    return gettext("Not answered or not recorded")


def satisfaction_splits(said: dict, groups: list, overall: feedback.Published, *,
                        strict: bool = True) -> list[dict]:
    """For each of the three questions, {group: Share}: its share positive in each group
    (``said``: {group: Results}), split beside the ``overall`` share as published; strict
    for groups of people (disclosure.split)."""
    empty = feedback.Results()

    def split(tally_of, published: disclosure.Answers) -> dict:
        def of(code) -> tuple[int, int]:
            tally = tally_of(said.get(code, empty))
            return tally.positive_count, tally.total

        shares = disclosure.split({code: of(code) for code in groups},
                                  published.share("positive"), strict=strict)
        # And what another period, a month shorter or longer, would give away.
        for code in groups:
            months = [tally_of(month) for month in said.get(code, empty).months]
            shares[code] = disclosure.guarded_share(
                shares[code], [tally.positive_count for tally in months],
                [tally.total for tally in months], strict=strict)
        return shares

    return [split(lambda r: r.experience, overall.experience),
            split(lambda r: r.confidence, overall.confidence),
            split(lambda r: r.fairness, overall.fairness)]


def satisfaction_headings() -> tuple[str, str, str]:
    return (gettext("Good or very good experience"),
            gettext("More confident to access services"),
            gettext("Treated fairly and with respect"))


def by_ethnic_group(period, overall: feedback.Published,
                    uptake_overall: disclosure.Share) -> list[Table]:
    """Satisfaction and signpost uptake by ethnic group, each split through disclosure
    control beside the overall share it splits, and unfair treatment by reason."""
    groups = [*ETHNIC_GROUP_CHOICES, (PREFER_NOT, PREFER_NOT_LABEL),
              (NOT_RECORDED, _not_recorded())]
    codes = [code for code, _ in groups]
    experience, confidence, fairness = satisfaction_splits(
        feedback.results_by("ethnic_group", period.start, period.end), codes, overall)
    uptake_counts = caseload.uptake_by_ethnic_group(period)
    nothing = (0, 0, [], [])
    uptake = disclosure.split({code: uptake_counts.get(code, nothing)[:2] for code in codes},
                              uptake_overall)
    for code in codes:
        *_, taken_months, answered_months = uptake_counts.get(code, nothing)
        uptake[code] = disclosure.guarded_share(uptake[code], taken_months, answered_months,
                                                strict=True)
    tables = [
        Table("by-ethnic-group", gettext("What parents said and did, by ethnic group"),
              (gettext("Ethnic group"), *satisfaction_headings(),
               gettext("Signposts taken up, of those whose answer is known")),
              [Row(str(label), (experience[code], confidence[code], fairness[code],
                                uptake[code])) for code, label in groups],
              note=gettext("Each ethnic group is shown on its own, never merged into one "
                           "figure. A share is hidden where the group’s few who answered "
                           "otherwise could be told.")),
    ]
    if overall.enough:
        tables.append(Table(
            "unfair-reasons", gettext("Why people felt they were not treated fairly"),
            (gettext("Reason"), gettext("People")),
            [Row(str(label), (overall.unfair_reasons.get(code, disclosure.count(0)),))
             for code, label in feedback.UNFAIR_REASONS],
            note=gettext("People could give more than one reason.")))
    return tables
