"""Milestones found from the data, each with its numbers: never invented, no worse month praised.

Found so far: the first full week of check-ins; a homework item kept three weeks running; trust's
monthly average rising two months in a row. Only finished weeks and months count, so a
milestone never disappears again as the current week or month goes on. Private entries count:
milestones are the person's own view (a summary does not show them).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from trustjournal.core.between import Homework, Progress, ProgressKind
from trustjournal.store.between_queries import first_full_checkin_week, monthly_trust
from trustjournal.store.db import Database
from trustjournal.store.homework_progress import Week, monday_of, weekly_progress

RUN = 3  # weeks of homework kept in a row


class MilestoneKind(StrEnum):
    """The milestones TrustJournal can find."""

    CHECKIN_WEEK = "checkin-week"
    HOMEWORK_KEPT = "homework-kept"
    TRUST_RISING = "trust-rising"


@dataclass(frozen=True)
class Milestone:
    """A milestone and the numbers that make it true.

    Attributes:
        key: stable, so the progress list records it once ("milestone:trust-rising:2026-03").
        reached_on: the last day of the week or month that completed it.
        weeks: for homework, each week of the run; for check-ins, the week (done = check-ins).
        months: for trust, the three months with their means (rounded to one decimal).
        title: the homework item's title, for homework kept.
    """

    key: str
    kind: MilestoneKind
    reached_on: date
    weeks: tuple[Week, ...] = ()
    months: tuple[tuple[date, float, int], ...] = ()
    title: str = ""

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
