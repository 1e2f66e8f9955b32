"""`trustjournal export`: write a chosen summary as PDF, Markdown or HTML, and log it."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from trustjournal.cli.parser import MAX_ENTRY_ID
from trustjournal.cli.terminal import FROM_STDIN, SecretSource, UsageError
from trustjournal.core.i18n import N_, _, ngettext
from trustjournal.core.periods import Period, parse_day
from trustjournal.services.export.between_source import between_source
from trustjournal.services.export.html import render_html
from trustjournal.services.export.log import (
    ExportFormat,
    period_since_last_export,
)
from trustjournal.services.export.markdown import render_markdown
from trustjournal.services.export.model import Summary
from trustjournal.services.export.request import Audience, ExportRequest, Section, defaults_for
from trustjournal.services.export.saving import NOT_RECORDED, record_and_write, sweep_leftovers
from trustjournal.services.export.summary import build_summary
from trustjournal.store.entries import EntryRepository
from trustjournal.store.exports import ExportLogRepository
from trustjournal.store.vault import Vault

EXTENSIONS: dict[str, ExportFormat] = {
    ".pdf": ExportFormat.PDF,
    ".md": ExportFormat.MARKDOWN,
    ".markdown": ExportFormat.MARKDOWN,
    ".html": ExportFormat.HTML,
    ".htm": ExportFormat.HTML,
}
WHOM: dict[Audience, str] = {
    Audience.THERAPIST: N_("your therapist"),
    Audience.PARTNER: N_("your partner"),
    Audience.SELF: N_("yourself"),
}


def export_format(given: str | None, out: Path) -> ExportFormat:
    """--format, or the format the file name's extension names.

    Raises:
        UsageError: if neither says which format to write.
    """
    if given:
        return ExportFormat(given)
    found = EXTENSIONS.get(out.suffix.lower())
    if found is None:
        raise UsageError(
            _("Cannot tell the format from the file name; add --format pdf, md or html.")
        )
    return found


def parse_sections(text: str | None, audience: Audience) -> frozenset[Section]:
    """--sections as a set, or the audience's defaults.

    Raises:
        UsageError: if a name is not a section or none is given.
    """
    if text is None:
        return defaults_for(audience).sections
    names = [part.strip().lower() for part in text.split(",") if part.strip()]
    choices = ", ".join(s.value for s in Section)
    if not names:
        raise UsageError(_("--sections needs at least one of: {names}.").format(names=choices))
    try:
        return frozenset(Section(name) for name in names)
    except ValueError:
        raise UsageError(_("--sections takes names from: {names}.").format(names=choices)) from None


def parse_ids(text: str | None, *, option: str = "--exclude") -> frozenset[int]:
    """--exclude (or --include) as a set of entry numbers.

    Raises:
        UsageError: if a part is not an entry number.
    """
    if not text:
        return frozenset()
    ids: set[int] = set()
    for raw in text.split(","):
        part = raw.strip()
        if not part:
            continue
        if not part.isdigit() or len(part) > 19 or not 1 <= int(part) <= MAX_ENTRY_ID:
            if option == "--include":
                raise UsageError(
                    _("--include takes reflection numbers separated by commas, like 12,40.")
                )
            raise UsageError(_("--exclude takes entry numbers separated by commas, like 12,40."))
        ids.add(int(part))
    return frozenset(ids)


@dataclass(frozen=True)
class ExportPlan:
    """The command line's choices, checked before any passphrase is asked for."""

    out: Path
    file_format: ExportFormat
    audience: Audience
    sections: frozenset[Section]
    excluded: frozenset[int]
    start: date | None
    end: date | None
    note: str
    pdf_password: bool
    language: str | None = None  # the summary's; None: the app's
    included: frozenset[int] = frozenset()  # reflections chosen one by one


def plan_export(args: argparse.Namespace) -> ExportPlan:
    """Check and parse the export options.

    Raises:
        UsageError: for a bad or contradictory option.
        ValidationError: for a malformed date or a period that starts after it ends.
    """
    out = Path(args.out).expanduser()
    file_format = export_format(args.format, out)
    if args.pdf_password and file_format != ExportFormat.PDF:
        raise UsageError(_("--pdf-password works only for PDF files."))
    audience = Audience(args.audience)
    start = parse_day(args.date_from, field_name="--from") if args.date_from else None
    end = parse_day(args.date_to, field_name="--to") if args.date_to else None
    Period(start, end)  # a period that starts after it ends is refused here
    sections = parse_sections(args.sections, audience)
    included = parse_ids(getattr(args, "include", None), option="--include")
    if included and Section.REFLECTIONS not in sections:
        if args.sections is not None:
            raise UsageError(
                _("--include chooses reflections: add reflections to --sections as well.")
            )
        sections |= {Section.REFLECTIONS}  # naming reflections is choosing them
    return ExportPlan(
        out=out,
        file_format=file_format,
        audience=audience,
        sections=sections,
        excluded=parse_ids(args.exclude),
        included=included,
        start=start,
        end=end,
        note=args.note,
        pdf_password=args.pdf_password,
        language=getattr(args, "language", None),
    )


def choose_period(plan: ExportPlan, log: ExportLogRepository, today: date) -> Period:
    """--from/--to; a missing start is "since the last export to them" (else 30 days).

    Raises:
        ValidationError: if the period starts after it ends.
    """
    end = plan.end or today
    if plan.start is not None:
        return Period(plan.start, end)
    since = period_since_last_export(log, plan.audience, today=min(end, today))
    return Period(since.start, end)


def render(summary: Summary, file_format: ExportFormat, password: str | None) -> bytes:
    """The file's bytes; Qt is imported only here, and only for PDF."""
    if file_format == ExportFormat.PDF:
        from trustjournal.ui.pdf import pdf_bytes

        return pdf_bytes(summary, password=password)
    if file_format == ExportFormat.HTML:
        return render_html(summary).encode("utf-8")
    return render_markdown(summary).encode("utf-8")


def run_export(
    plan: ExportPlan,
    *,
    vault: Vault,
    secrets: SecretSource,
    clock: Callable[[], datetime],
) -> str:
    """Build, write and log one export; returns the line to print.

    The log record and the file write happen in one transaction: if the write fails, nothing
    is recorded; if recording fails after the write, the new file is removed again. A journal
    opened for reading only (the disk is full) still exports, unrecorded, and says so.

    Raises:
        UserFacingError: if the vault or the file cannot be written, or a secret is missing.
    """
    out, file_format = plan.out, plan.file_format
    now = clock().astimezone()
    sweep_leftovers(vault.db)  # what a killed export left behind, wherever it was
    log = ExportLogRepository(db=vault.db, clock=clock)
    period = choose_period(plan, log, now.date())
    password = secrets.ask(_("Password for the PDF: "), confirm=True) if plan.pdf_password else None
    note = secrets.rest_of_input() if plan.note == FROM_STDIN else plan.note  # after secrets
    request = ExportRequest.for_audience(
        plan.audience,
        period,
        sections=plan.sections,
        excluded_ids=plan.excluded,
        reflection_ids=plan.included,
        note=note,
        language=plan.language,
    )
    summary = build_summary(
        EntryRepository(db=vault.db, clock=clock),
        request,
        now=now,
        between_source=between_source(vault=vault, clock=clock),
    )
    data = render(summary, file_format, password)
    record = record_and_write(
        db=vault.db,
        clock=clock,
        summary=summary,
        request=request,
        file_format=file_format,
        target=out,
        data=data,
    )
    count = len(summary.entry_ids)
    whom = _(WHOM[plan.audience])
    if password:
        wrote = ngettext(
            "Wrote a summary for {whom} from {count} entry to {file} (password protected).",
            "Wrote a summary for {whom} from {count} entries to {file} (password protected).",
            count,
        )
    else:
        wrote = ngettext(
            "Wrote a summary for {whom} from {count} entry to {file}.",
            "Wrote a summary for {whom} from {count} entries to {file}.",
            count,
        )
    wrote = wrote.format(whom=whom, count=count, file=out)
    return wrote if record is not None else f"{wrote} {NOT_RECORDED}"
