"""Milestones found from the data, each with its numbers: never invented, no worse month praised.

Found: the first full week of check-ins; a homework item kept three weeks running; trust's
monthly average rising two months in a row; the average drop after coping growing two months in
a row; the first appreciation told after a hard week. Only finished weeks and months count, so a
milestone never disappears again as the current week or month goes on. Private entries count:
milestones are the person's own view (a summary does not show them).

The two defined here, and why:

- Coping drop growing: per calendar month, the mean of intensity before minus after over the
  finished trigger records that name a way of coping and give both intensities (as Insights'
  "What helps" reads them). Three months in a row, each with at least MIN_RECORDS such records,
  whose means as shown (one decimal) each rose, the last one a real drop (above 0). Fewer
  records would make one record a "trend"; the rounding means no rise is claimed that the
  figures shown do not show.
- Appreciation after a hard week: a hard week is a finished Monday-to-Sunday week with at least
  HARD_CHECKINS check-ins whose mean mood is at most HARD_MOOD of 10. The mood is the person's
  own rating, so it is their word for the week, not ours; three check-ins keep one bad evening
  from making a week hard, and 4 of 10 is clearly below the middle of the scale. The milestone
  is the first such week followed, in the very next week (also finished), by an appreciation
  told (its told day, or its own day when none was given). Found once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from trustjournal.core.between import Homework, Progress, ProgressKind
from trustjournal.store.between_queries import (
    first_full_checkin_week,
    first_told_after_hard_week,
    monthly_coping_drop,
    monthly_trust,
)
from trustjournal.store.db import Database
from trustjournal.store.homework_progress import Week, monday_of, weekly_progress

RUN = 3  # weeks of homework kept in a row
MIN_RECORDS = 3  # coped trigger records a month needs before its mean drop counts
HARD_MOOD = 4.0  # a hard week's mean mood is at most this (of 10) ...
HARD_CHECKINS = 3  # ... over at least this many check-ins


class MilestoneKind(StrEnum):
    """The milestones TrustJournal can find."""

    CHECKIN_WEEK = "checkin-week"
    HOMEWORK_KEPT = "homework-kept"
    TRUST_RISING = "trust-rising"
    COPING_DROP = "coping-drop"
    TOLD_AFTER_HARD_WEEK = "told-after-hard-week"


@dataclass(frozen=True)
class Milestone:
    """A milestone and the numbers that make it true.

    Attributes:
        key: stable, so the progress list records it once ("milestone:trust-rising:2026-03").
        reached_on: the last day of the week or month that completed it.
        weeks: for homework, each week of the run; for check-ins, the week (done = check-ins).
        months: for trust and the coping drop, the three months with their means (rounded to
            one decimal) and how many answers or records each mean is of.
        title: the homework item's title, for homework kept.
        hard_week: for an appreciation after a hard week, that week (done = check-ins) and its
            mean mood (one decimal); `reached_on` is then the day it was told.
    """

    key: str
    kind: MilestoneKind
    reached_on: date
    weeks: tuple[Week, ...] = ()
    months: tuple[tuple[date, float, int], ...] = ()
    title: str = ""
    hard_week: tuple[Week, float] | None = None

    def as_progress(self) -> Progress:
        """The record the progress list keeps of it."""
        return Progress(
            key=self.key, what=ProgressKind.MILESTONE, reached_on=self.reached_on, title=self.title
        )


def find_milestones(db: Database, homework: list[Homework], *, today: date) -> list[Milestone]:
    """Every milestone the data holds as of `today`, in the order they were reached."""
    found: list[Milestone] = []
    this_week = monday_of(today)
    week = first_full_checkin_week(db, before=this_week)
    if week is not None:
        found.append(
            Milestone(
                key=f"milestone:{MilestoneKind.CHECKIN_WEEK}",
                kind=MilestoneKind.CHECKIN_WEEK,
                reached_on=week.start + timedelta(days=6),
                weeks=(Week(week.start, week.checkins, 7),),
            )
        )
    found.extend(_homework_kept(db, homework, last_day=this_week - timedelta(days=1)))
    found.extend(_trust_rising(db, today=today))
    found.extend(_coping_drop(db, today=today))
    found.extend(_told_after_hard_week(db, this_week=this_week))
    return sorted(found, key=lambda m: (m.reached_on, m.key))


def _homework_kept(db: Database, homework: list[Homework], *, last_day: date) -> list[Milestone]:
    """For each item, its first run of RUN finished weeks each done to its target."""
    items = [h for h in homework if h.id is not None and h.start <= last_day]
    if not items:
        return []
    start = min(h.start for h in items)
    weeks = weekly_progress(db, [h.id or 0 for h in items], start=start, end=last_day)
    found = []
    for item in items:
        run: list[Week] = []
        for week in weeks.get(item.id or 0, []):
            kept = week.target > 0 and week.done >= week.target
            consecutive = not run or week.start - run[-1].start == timedelta(days=7)
            run = [*run, week] if kept and consecutive else ([week] if kept else [])
            if len(run) == RUN:
                found.append(
                    Milestone(
                        key=f"milestone:{MilestoneKind.HOMEWORK_KEPT}:{item.id}",
                        kind=MilestoneKind.HOMEWORK_KEPT,
                        reached_on=week.start + timedelta(days=6),
                        weeks=tuple(run),
                        title=item.title,
                    )
                )
                break
    return found


def _next_month(month: date) -> date:
    return (month + timedelta(days=32)).replace(day=1)


def _trust_rising(db: Database, *, today: date) -> list[Milestone]:
    """Three calendar months in a row whose trust means, as shown (one decimal), each rose."""
    months = monthly_trust(db, before=today)
    found = []
    for first, second, third in zip(months, months[1:], months[2:], strict=False):
        if _next_month(first.month) != second.month or _next_month(second.month) != third.month:
            continue
        means = [round(m.mean, 1) for m in (first, second, third)]
        if not means[0] < means[1] < means[2]:
            continue
        found.append(
            Milestone(
                key=f"milestone:{MilestoneKind.TRUST_RISING}:{third.month:%Y-%m}",
                kind=MilestoneKind.TRUST_RISING,
                reached_on=_next_month(third.month) - timedelta(days=1),
                months=tuple(
                    (m.month, mean, m.answers)
                    for m, mean in zip((first, second, third), means, strict=True)
                ),
            )
        )
    return found


def _three_rising(
    months: list[tuple[date, float, int]],
) -> list[tuple[tuple[date, float, int], ...]]:
    """Runs of three calendar months in a row whose means, as shown (one decimal), each rose."""
    runs = []
    for first, second, third in zip(months, months[1:], months[2:], strict=False):
        if _next_month(first[0]) != second[0] or _next_month(second[0]) != third[0]:
            continue
        shown = tuple((m, round(mean, 1), n) for m, mean, n in (first, second, third))
        if shown[0][1] < shown[1][1] < shown[2][1]:
            runs.append(shown)
    return runs


def _coping_drop(db: Database, *, today: date) -> list[Milestone]:
    """The average drop after coping, growing two months in a row (see the module's notes)."""
    months = [
        (m.month, m.mean, m.records)
        for m in monthly_coping_drop(db, before=today)
        if m.records >= MIN_RECORDS
    ]
    return [
        Milestone(
            key=f"milestone:{MilestoneKind.COPING_DROP}:{run[2][0]:%Y-%m}",
            kind=MilestoneKind.COPING_DROP,
            reached_on=_next_month(run[2][0]) - timedelta(days=1),
            months=run,
        )
        for run in _three_rising(months)
        if run[2][1] > 0
    ]


def _told_after_hard_week(db: Database, *, this_week: date) -> list[Milestone]:
    """The first appreciation told in the week after a hard week (see the module's notes)."""
    last_hard = this_week - timedelta(days=7)  # the week after it must be over too
    found = first_told_after_hard_week(db, before=last_hard, most=HARD_MOOD, least=HARD_CHECKINS)
    if found is None:
        return []
    hard, told = found
    return [
        Milestone(
            key=f"milestone:{MilestoneKind.TOLD_AFTER_HARD_WEEK}",
            kind=MilestoneKind.TOLD_AFTER_HARD_WEEK,
            reached_on=told,
            hard_week=(Week(hard.start, hard.checkins, hard.checkins), round(hard.mean, 1)),
        )
    ]
