"""The PDF export, read back from the file: only the chosen text, literal, neutral, private."""

from __future__ import annotations

import re
import shutil
import stat
import subprocess
from datetime import timedelta
from pathlib import Path

import pypdf
import pytest
from pypdf import PasswordType
from pypdf.generic import DictionaryObject, IndirectObject

from tests.services.export_data import (
    CANARIES,
    CHOSEN_TEXTS,
    INJECTION,
    LONG_CHAR,
    NOW,
    PARTNER_HIDDEN,
    THOUGHTS,
    Journal,
    at,
    fill_journal,
    request_for,
)
from trustjournal.core.entries import MAX_TEXT, MoodCheckIn, TriggerRecord
from trustjournal.core.errors import StorageError
from trustjournal.core.periods import Period
from trustjournal.services.export.request import Audience, ExportRequest, Section
from trustjournal.services.export.summary import build_summary, section_text
from trustjournal.services.export.writer import TEMP_PREFIX
from trustjournal.store.entries import EntryRepository
from trustjournal.ui.pdf import render_pdf

pytestmark = pytest.mark.usefixtures("qapp")

PDFTOTEXT = shutil.which("pdftotext")
needs_poppler = pytest.mark.skipif(PDFTOTEXT is None, reason="poppler-utils is not installed")
ENTRY_HEADING = re.compile(r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} \w{3} \d{4}, \d\d:\d\d")
FOOTER = re.compile(r"^Page (\d+) of (\d+)$")


def _pdftotext(path: Path, *, password: str | None = None) -> list[str]:
    """The text of each page, as poppler extracts it from the file."""
    args = [str(PDFTOTEXT), "-enc", "UTF-8"]
    if password is not None:
        args += ["-upw", password]
    out = subprocess.run([*args, str(path), "-"], capture_output=True, check=True, timeout=120)
    return out.stdout.decode("utf-8").split("\f")[:-1]


def _flat(text: str) -> str:
    return "".join(text.split())


def _export(repo: EntryRepository, path: Path, request: ExportRequest, **kw: str | None) -> Path:
    render_pdf(build_summary(repo, request, now=NOW), path, password=kw.get("password"))
    return path


@needs_poppler
@pytest.mark.parametrize("audience", list(Audience))
def test_pdf_text_has_every_chosen_entry_and_no_canary(
    repo: EntryRepository, journal: Journal, tmp_path: Path, audience: Audience
) -> None:
    path = _export(repo, tmp_path / "s.pdf", request_for(audience, journal))
    text = _flat("".join(_pdftotext(path)))
    for canary in CANARIES:
        assert _flat(canary) not in text
    for chosen in (CHOSEN_TEXTS[0], CHOSEN_TEXTS[1], CHOSEN_TEXTS[2]):
        assert _flat(chosen) in text
    if audience == Audience.PARTNER:
        for hidden in PARTNER_HIDDEN:
            assert _flat(hidden) not in text
    else:
        assert _flat(THOUGHTS) in text


@needs_poppler
def test_pdf_shows_hostile_text_literally_and_wraps_the_longest_line(
    repo: EntryRepository, tmp_path: Path
) -> None:
    journal = fill_journal(repo, long_line=True)
    path = _export(repo, tmp_path / "s.pdf", request_for(Audience.SELF, journal))
    pages = _pdftotext(path)
    text = _flat("".join(pages))
    for hostile in INJECTION:
        assert _flat(hostile) in text, hostile
    assert "".join(pages).count(LONG_CHAR) == MAX_TEXT  # wrapped, nothing cut off the page
    assert "<b>boldcategory</b>" in text


def _images_and_links(reader: pypdf.PdfReader) -> tuple[list[str], list[str]]:
    images: list[str] = []
    annotations: list[str] = []
    seen: set[int] = set()

    def walk(resources: DictionaryObject) -> None:
        xobjects = resources.get("/XObject")
        if xobjects is None:
            return
        for name, ref in xobjects.get_object().items():
            if isinstance(ref, IndirectObject):
                if ref.idnum in seen:
                    continue
                seen.add(ref.idnum)
            obj = ref.get_object()
            if obj.get("/Subtype") == "/Image":
                images.append(name)
            if "/Resources" in obj:
                walk(obj["/Resources"].get_object())

    for page in reader.pages:
        walk(page.get("/Resources", DictionaryObject()).get_object())
        annotations += [str(a) for a in page.get("/Annots", [])]
    return images, annotations


def test_pdf_embeds_no_image_and_no_link(repo: EntryRepository, tmp_path: Path) -> None:
    journal = fill_journal(repo)
    path = _export(repo, tmp_path / "s.pdf", request_for(Audience.SELF, journal))
    reader = pypdf.PdfReader(path)
    assert _images_and_links(reader) == ([], [])
    raw = path.read_bytes()
    assert not re.search(rb"/Subtype\s*/Image", raw)
    assert b"/URI" not in raw and b"/JavaScript" not in raw and b"/Launch" not in raw
    assert b"/EmbeddedFile" not in raw and b"/FileAttachment" not in raw


def test_pdf_metadata_is_neutral(repo: EntryRepository, journal: Journal, tmp_path: Path) -> None:
    path = _export(repo, tmp_path / "s.pdf", request_for(Audience.THERAPIST, journal))
    reader = pypdf.PdfReader(path)
    assert reader.metadata is None
    assert "/Metadata" not in reader.trailer["/Root"]
    raw = path.read_bytes()
    for marker in (b"/Producer", b"/Creator", b"/CreationDate", b"/ModDate", b"Qt ", b"pypdf"):
        assert marker not in raw, marker


def test_password_pdf_opens_only_with_the_password_and_uses_aes_256(
    repo: EntryRepository, journal: Journal, tmp_path: Path
) -> None:
    request = request_for(Audience.THERAPIST, journal)
    path = _export(repo, tmp_path / "s.pdf", request, password="tea at four")
    reader = pypdf.PdfReader(path)
    assert reader.is_encrypted
    encrypt = reader.trailer["/Encrypt"].get_object()
    assert (encrypt["/V"], encrypt["/R"]) == (5, 6)
    assert encrypt["/CF"]["/StdCF"]["/CFM"] == "/AESV3"
    assert reader.decrypt("wrong password") == PasswordType.NOT_DECRYPTED
    assert reader.decrypt("tea at four") != PasswordType.NOT_DECRYPTED
    text = _flat("".join(page.extract_text() for page in reader.pages))
    assert _flat(CHOSEN_TEXTS[0]) in text
    assert reader.metadata is None


@needs_poppler
def test_poppler_refuses_the_password_pdf_without_the_password(
    repo: EntryRepository, journal: Journal, tmp_path: Path
) -> None:
    path = _export(repo, tmp_path / "s.pdf", request_for(Audience.SELF, journal), password="pw")
    with pytest.raises(subprocess.CalledProcessError):
        _pdftotext(path)
    assert _flat(CHOSEN_TEXTS[0]) in _flat("".join(_pdftotext(path, password="pw")))


def test_pdf_file_is_private_and_written_without_temp_files(
    repo: EntryRepository, journal: Journal, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "s.pdf").write_bytes(b"old")
    path = _export(repo, out / "s.pdf", request_for(Audience.SELF, journal), password="pw")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in out.iterdir()] == ["s.pdf"]
    with pytest.raises(StorageError):
        _export(repo, out / "missing" / "s.pdf", request_for(Audience.SELF, journal))
    assert not list(out.rglob(f"{TEMP_PREFIX}*"))


@needs_poppler
def test_no_page_ends_with_a_heading_and_every_page_is_numbered(
    repo: EntryRepository, tmp_path: Path
) -> None:
    moments = [at(1) + timedelta(minutes=67 * i) for i in range(300)]
    repo.add_many(
        TriggerRecord(
            occurred_at=m,
            situation="What happened, told in a sentence or two. " * (1 + i % 4),
            intensity=3 + i % 7,
            intensity_after=i % 4,
            thoughts="A thought. " * (i % 9),
            coping=("walk",),
            need="Some reassurance." if i % 3 else "",
            for_session=i % 10 == 0,
        )
        for i, m in enumerate(moments)
    )
    request = ExportRequest.for_audience(
        Audience.THERAPIST, Period(at(1).date(), moments[-1].date())
    )
    path = _export(repo, tmp_path / "s.pdf", request)
    pages = _pdftotext(path)
    assert len(pages) > 10
    texts = [section_text(key, Audience.THERAPIST) for key in Section]
    headings = {title for title, _intro in texts} | {intro for _title, intro in texts}
    for number, page in enumerate(pages, start=1):
        lines = [ln.strip() for ln in page.splitlines() if ln.strip()]
        footer = FOOTER.match(lines[-1])
        assert footer and footer.groups() == (str(number), str(len(pages)))
        # Pages after the first say whose summary and which period they belong to.
        running = lines[0].startswith("Summary for my therapist · ")
        assert running == (number > 1), (number, lines[0])
        last = lines[-2]
        assert last not in headings, (number, last)
        assert not ENTRY_HEADING.match(last), (number, last)
    assert Section.SESSION in request.sections


@needs_poppler
def test_short_fields_share_a_line_and_sentences_keep_their_own(
    repo: EntryRepository, tmp_path: Path
) -> None:
    repo.add(MoodCheckIn(occurred_at=at(3), mood=7, connection=8, trust=5, note="Good day."))
    request = ExportRequest.for_audience(Audience.SELF, Period(at(1).date(), at(5).date()))
    path = _export(repo, tmp_path / "s.pdf", request)
    out = subprocess.run(
        [str(PDFTOTEXT), "-layout", "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        check=True,
    )
    lines = [" ".join(ln.split()) for ln in out.stdout.decode("utf-8").splitlines()]
    assert "Connection: 8 of 10 Trust: 5 of 10" in lines
    assert "Note: Good day." in lines  # a sentence is never tucked beside the scores


@needs_poppler
def test_a_partner_pdf_with_the_hard_moments_withheld_never_says_none_happened(
    repo: EntryRepository, journal: Journal, tmp_path: Path
) -> None:
    everything = build_summary(repo, request_for(Audience.PARTNER, journal), now=NOW)
    hard = frozenset(c.entry_id for c in everything.candidates if c.kind == "trigger")
    request = request_for(Audience.PARTNER, journal, excluded_ids=hard)
    text = " ".join(
        " ".join(page.split()) for page in _pdftotext(_export(repo, tmp_path / "p.pdf", request))
    )
    assert "This summary includes only the entries I chose to share." in text
    assert (
        "Hard moments What set me off, and what I did with it. None chosen for this summary."
        in text
    )
    for claim in ("Nothing in this period", "From 0", "0 hard moments"):
        assert claim not in text
