"""The command line's vault commands, exit codes and error messages."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import resource
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.conftest import FAST_KDF, PASSPHRASE, Run, run_cli
from tests.store.fault_injection import ERRORS, failing_at, injection_points
from trustjournal.store.keyfile import DEFAULT_KDF
from trustjournal.store.vault import Vault

CANARY = "CANARY-7f3a-lighthouse"


def _files(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


def test_version_and_help_exit_zero() -> None:
    version = run_cli("--version")
    assert version.code == 0 and version.out.startswith("TrustJournal ")
    for command in (
        "",
        "init",
        "add",
        "add mood",
        "add gratitude",
        "add trigger",
        "list",
        "show",
        "delete",
        "undelete",
        "purge",
        "passwd",
        "recover",
        "verify",
        "backup",
        "restore",
        "demo",
    ):
        result = run_cli(*command.split(), "--help")
        assert result.code == 0, command
        assert "usage: trustjournal" in result.out


def test_no_command_prints_help() -> None:
    result = run_cli()
    assert result.code == 0 and "COMMAND" in result.out


def test_init_shows_a_recovery_code_that_opens_the_vault(tmp_path: Path) -> None:
    target = tmp_path / "new"
    result = run_cli("init", "--vault", str(target), "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    assert result.code == 0, result.err
    assert "only this once" in result.out
    code = next(line.strip() for line in result.out.splitlines() if line.startswith("    "))
    Vault.unlock_with_recovery(target, code).lock()
    Vault.unlock(target, PASSPHRASE).lock()
    stored = json.loads((target / "vault.key").read_text())
    assert str(DEFAULT_KDF.memory_kib) in json.dumps(stored)


@pytest.mark.parametrize(("fsync", "code"), [(1, 5), (3, 0)])
def test_init_failing_at_an_fsync_leaves_nothing_or_a_vault_that_opens(
    tmp_path: Path, fsync: int, code: int
) -> None:
    """Issue 16 #3: fsync 1 flushes the folder before the key file (nothing is left); fsync 3
    flushes it after the key file's rename (the journal exists: its recovery code is shown)."""
    target = tmp_path / "new"
    argv = ("init", "--vault", str(target), "--passphrase-stdin")
    with failing_at(("fsync", fsync), errno.EIO):
        result = run_cli(*argv, stdin=PASSPHRASE + "\n")
    assert result.code == code, result
    if code:
        assert not target.exists()  # it was made for this journal, and removed again
        assert run_cli(*argv, stdin=PASSPHRASE + "\n").code == 0
    else:
        assert "only this once" in result.out
    Vault.unlock(target, PASSPHRASE).lock()


@pytest.mark.parametrize(
    ("argv", "stdin"),
    [
        (("init",), "short\n"),
        (("init",), ""),
        (("add", "mood", "--mood", "11"), None),
        (("add", "mood"), None),
        (("add", "mood", "--mood", "5", "--at", "yesterday-ish"), None),
        (("list", "--from", "last week"), None),
        (("list", "--kind", "dream"), None),
        (("list", "--search", '"unbalanced'), None),
        (("show", "abc"), None),
        (("show", "-3"), None),
        (("frobnicate",), None),
    ],
)
def test_bad_input_exits_2_with_one_line(
    tmp_path: Path, vault_dir: Path, argv: tuple[str, ...], stdin: str | None
) -> None:
    target = tmp_path / "fresh" if argv[0] == "init" else vault_dir
    before = _files(vault_dir)
    secret = PASSPHRASE + "\n" if stdin is None else stdin
    result = run_cli(*argv, "--vault", str(target), "--passphrase-stdin", stdin=secret)
    assert result.code == 2, result
    assert result.err.count("\n") == 1 and result.err.startswith("trustjournal")
    assert "Traceback" not in result.err
    assert _files(vault_dir) == before


def test_wrong_passphrase_exits_3_and_changes_nothing(cli: Run, vault_dir: Path) -> None:
    cli("add", "mood", "--mood", "4", "--note", CANARY)
    before = _files(vault_dir)
    result = cli("list", stdin="not the passphrase\n")
    assert result.code == 3
    assert result.err.strip() == "trustjournal: That passphrase does not open this journal."
    assert _files(vault_dir) == before
    assert cli("list").code == 0


def test_missing_or_foreign_vault_exits_4(tmp_path: Path) -> None:
    missing = run_cli(
        "list", "--vault", str(tmp_path / "nowhere"), "--passphrase-stdin", stdin="x\n"
    )
    assert missing.code == 4 and missing.err.count("\n") == 1
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "vault.key").write_text("hello, not a key file")
    result = run_cli("list", "--vault", str(foreign), "--passphrase-stdin", stdin="x\n")
    assert result.code == 4 and result.err.count("\n") == 1
    assert (foreign / "vault.key").read_text() == "hello, not a key file"


def test_passwd_reads_old_then_new_from_stdin(cli: Run, vault_dir: Path) -> None:
    new = "a brand new passphrase"
    assert cli("passwd", stdin=f"{PASSPHRASE}\n{new}\n").code == 0
    assert cli("list", stdin=PASSPHRASE + "\n").code == 3
    assert cli("list", stdin=new + "\n").code == 0


def test_passwd_with_the_wrong_old_passphrase_exits_3(cli: Run) -> None:
    assert cli("passwd", stdin="wrong one\nwhatever new one\n").code == 3
    assert cli("list").code == 0


@pytest.mark.parametrize("error", ERRORS)
def test_passwd_failing_at_any_step_names_the_passphrase_that_opens(
    cli: Run, vault_dir: Path, error: int
) -> None:
    """ENOSPC or EIO at each write, fsync and rename: exit 0 exactly when the new one opens."""
    other = "a brand new passphrase"
    points = injection_points(lambda: cli("passwd", stdin=f"{PASSPHRASE}\n{other}\n"))
    assert cli("passwd", stdin=f"{other}\n{PASSPHRASE}\n").code == 0
    current, outcomes = PASSPHRASE, set()
    for point in points:
        new = other if current == PASSPHRASE else PASSPHRASE
        with failing_at(point, error):
            result = cli("passwd", stdin=f"{current}\n{new}\n")
        if result.code == 0:
            assert result.out.startswith("Your passphrase has been changed."), point
            unconfirmed = "previous passphrase may be" in result.out
            outcomes.add("changed, unconfirmed" if unconfirmed else "changed")
            current, stale = new, current
        else:
            assert result.code == 5, (point, result)
            assert result.err.count("\n") == 1 and "Your passphrase was not changed." in result.err
            outcomes.add("unchanged")
            stale = new
        assert cli("list", stdin=current + "\n").code == 0, point
        assert cli("list", stdin=stale + "\n").code == 3, point
    # Failing the folder's fsync after the rename: changed, with the warning; any earlier step:
    # unchanged.
    assert outcomes == {"changed, unconfirmed", "unchanged"}


def test_recover_sets_a_new_passphrase(tmp_path: Path) -> None:
    directory = tmp_path / "v"
    vault, code = Vault.create(directory, PASSPHRASE, kdf=FAST_KDF)
    vault.lock()
    new = "after forgetting it"
    result = run_cli(
        "recover", "--vault", str(directory), "--passphrase-stdin", stdin=f"{code.lower()}\n{new}\n"
    )
    assert result.code == 0, result.err
    Vault.unlock(directory, new).lock()
    wrong = run_cli(
        "recover",
        "--vault",
        str(directory),
        "--passphrase-stdin",
        stdin="AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA\nwhatever new one\n",
    )
    assert wrong.code == 3


def test_verify_reports_a_sound_vault(cli: Run) -> None:
    result = cli("verify")
    assert result.code == 0 and "sound" in result.out


def test_backup_and_restore_round_trip(cli: Run, vault_dir: Path, tmp_path: Path) -> None:
    cli("add", "mood", "--mood", "6", "--note", "before the backup")
    backup = tmp_path / "backup"
    assert cli("backup", "--to", str(backup)).code == 0
    cli("add", "mood", "--mood", "2", "--note", "after the backup")
    assert cli("restore", "--from", str(backup)).code == 0
    notes = [e["note"] for e in json.loads(cli("list", "--json").out)]
    assert notes == ["before the backup"]


def test_demo_refuses_a_nonsense_length(tmp_path: Path) -> None:
    result = run_cli("demo", "--vault", str(tmp_path / "demo"), "--years", "0")
    assert result.code == 2 and result.err.count("\n") == 1
    assert not (tmp_path / "demo").exists()


def test_demo_creates_a_filled_vault(tmp_path: Path) -> None:
    target = tmp_path / "demo"
    result = run_cli("demo", "--vault", str(target), "--years", "0.1", "--seed", "3")
    assert result.code == 0, result.err
    listed = run_cli("list", "--json", "--vault", str(target), "--passphrase-stdin", stdin="demo\n")
    assert len(json.loads(listed.out)) > 20


def test_a_bug_is_reported_without_its_text(cli: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    from trustjournal.store import entries

    def explode(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError(f"internal detail {CANARY}")

    cli("add", "mood", "--mood", "5")
    monkeypatch.setattr(entries.EntryRepository, "list", explode)
    result = cli("list")
    assert result.code == 1
    assert "RuntimeError" in result.err and CANARY not in result.err + result.out


def test_validation_errors_never_repeat_the_text(cli: Run) -> None:
    result = cli("add", "gratitude", "--text", CANARY * 20_000)
    assert result.code == 2
    assert CANARY not in result.err


def _cli_process(
    *argv: str, stdin: str, limit: int | None = None
) -> subprocess.CompletedProcess[str]:
    def cap_file_size() -> None:
        if limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.run(
        [sys.executable, "-m", "trustjournal.cli", *argv],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=cap_file_size,
        env=env,
        check=False,
    )


def test_a_real_process_gives_one_line_and_no_traceback(vault_dir: Path) -> None:
    result = _cli_process("list", "--vault", str(vault_dir), "--passphrase-stdin", stdin="nope\n")
    assert result.returncode == 3
    assert result.stderr == "trustjournal: That passphrase does not open this journal.\n"


def test_no_terminal_and_no_stdin_flag_is_a_usage_error(vault_dir: Path) -> None:
    result = _cli_process("list", "--vault", str(vault_dir), stdin="")
    assert result.returncode == 2 and "--passphrase-stdin" in result.stderr


def test_disk_full_keeps_the_journal_intact(cli: Run, vault_dir: Path) -> None:
    cli("add", "mood", "--mood", "5", "--note", "saved before the disk filled")
    limit = max(p.stat().st_size for p in vault_dir.rglob("*") if p.is_file()) + 8192
    result = _cli_process(
        "add",
        "mood",
        "--mood",
        "3",
        "--note",
        "x" * 100_000,
        "--vault",
        str(vault_dir),
        "--passphrase-stdin",
        stdin=PASSPHRASE + "\n",
        limit=limit,
    )
    assert result.returncode == 5, result.stderr
    assert "disk is full" in result.stderr and result.stderr.count("\n") == 1
    notes = [e["note"] for e in json.loads(cli("list", "--json").out)]
    assert notes == ["saved before the disk filled"]
    assert cli("verify").code == 0
    assert cli("add", "mood", "--mood", "6", "--note", "space is back").code == 0


@pytest.fixture
def tiny_filesystem(tmp_path: Path) -> Iterator[Path]:
    """A real 768 KiB filesystem (tmpfs), where this user may mount one (a new journal with
    schema 6 no longer fits in 384 KiB while its migrations run, nor one with schema 8's
    running totals and their triggers in 512 KiB)."""
    mount_point = tmp_path / "tiny"
    mount_point.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=768k,mode=0700", "tmpfs", str(mount_point)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip("mounting a tiny filesystem needs root; the RLIMIT_FSIZE test covers this")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def test_a_really_full_disk_keeps_the_journal_intact(tiny_filesystem: Path) -> None:
    vault_dir = tiny_filesystem / "vault"
    vault, _code = Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    vault.lock()
    args = ("--vault", str(vault_dir), "--passphrase-stdin")
    assert (
        run_cli("add", "mood", "--mood", "5", "--note", "kept", *args, stdin=PASSPHRASE + "\n").code
        == 0
    )
    ballast = tiny_filesystem / "ballast"
    with open(ballast, "wb") as fh:  # fill what is left, leaving a few pages
        free = os.statvfs(tiny_filesystem).f_bavail * os.statvfs(tiny_filesystem).f_frsize
        fh.write(b"\0" * max(0, free - 16 * 1024))
    result = run_cli(
        "add", "mood", "--mood", "3", "--note", "y" * 100_000, *args, stdin=PASSPHRASE + "\n"
    )
    assert result.code == 5, result
    assert "disk is full" in result.err and result.err.count("\n") == 1
    ballast.unlink()
    listed = run_cli("list", "--json", *args, stdin=PASSPHRASE + "\n")
    assert [e["note"] for e in json.loads(listed.out)] == ["kept"]
    assert run_cli("verify", *args, stdin=PASSPHRASE + "\n").code == 0
    assert (
        run_cli(
            "add", "mood", "--mood", "6", "--note", "room again", *args, stdin=PASSPHRASE + "\n"
        ).code
        == 0
    )


def test_listing_and_verifying_need_no_room_to_write(cli: Run, vault_dir: Path) -> None:
    """Issue 16: with no byte writable (RLIMIT_FSIZE), the journal still opens and reads."""
    cli("add", "mood", "--mood", "5", "--note", "written while there was room")
    before = _files(vault_dir)["journal.db"]
    args = ("--vault", str(vault_dir), "--passphrase-stdin")
    listed = _cli_process("list", "--json", *args, stdin=PASSPHRASE + "\n", limit=1)
    assert listed.returncode == 0, listed.stderr
    assert [e["note"] for e in json.loads(listed.stdout)] == ["written while there was room"]
    verified = _cli_process("verify", *args, stdin=PASSPHRASE + "\n", limit=1)
    assert verified.returncode == 0, verified.stderr
    added = _cli_process("add", "mood", "--mood", "3", *args, stdin=PASSPHRASE + "\n", limit=1)
    assert added.returncode == 5
    assert "opened for reading only; nothing was lost" in added.stderr
    assert _files(vault_dir)["journal.db"] == before
    assert cli("add", "mood", "--mood", "6", "--note", "room again").code == 0


def test_a_full_disk_still_lets_the_journal_be_read(tiny_filesystem: Path) -> None:
    vault_dir = tiny_filesystem / "vault"
    Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)[0].lock()
    args = ("--vault", str(vault_dir), "--passphrase-stdin")
    note = ("add", "mood", "--mood", "5", "--note", "kept", *args)
    assert run_cli(*note, stdin=PASSPHRASE + "\n").code == 0
    with open(tiny_filesystem / "ballast", "wb", buffering=0) as fh, contextlib.suppress(OSError):
        while True:  # every last block
            fh.write(b"\0" * 4096)
    assert os.statvfs(tiny_filesystem).f_bavail == 0
    listed = run_cli("list", "--json", *args, stdin=PASSPHRASE + "\n")
    assert [e["note"] for e in json.loads(listed.out)] == ["kept"], listed
    assert run_cli("verify", *args, stdin=PASSPHRASE + "\n").code == 0
    refused = run_cli(*note, stdin=PASSPHRASE + "\n")
    assert refused.code == 5 and "reading only" in refused.err


def test_a_full_disk_still_lets_the_journal_be_exported_elsewhere(
    tiny_filesystem: Path, tmp_path: Path
) -> None:
    """Issue 16: reading needs no free space, so a person can still take their words out."""
    vault_dir = tiny_filesystem / "vault"
    Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)[0].lock()
    args = ("--vault", str(vault_dir), "--passphrase-stdin")
    note = ("add", "mood", "--mood", "5", "--note", "taken along", *args)
    assert run_cli(*note, stdin=PASSPHRASE + "\n").code == 0
    with open(tiny_filesystem / "ballast", "wb", buffering=0) as fh, contextlib.suppress(OSError):
        while True:  # every last block
            fh.write(b"\0" * 4096)
    out = tmp_path / "summary.md"  # on another disk, with room
    exported = run_cli(
        "export", "--audience", "self", "--out", str(out), *args, stdin=PASSPHRASE + "\n"
    )
    assert exported.code == 0, exported
    assert "taken along" in out.read_text(encoding="utf-8")
    assert "not in the list of shared summaries" in exported.out
    assert "disk is full" in exported.out
