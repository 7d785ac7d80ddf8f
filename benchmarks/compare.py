"""gcm-model against pydantic v2, msgspec and orjson: one record, JSON Lines, imports.

Usage: python benchmarks/compare.py [--quick] [--records N] [--rounds R] [--json PATH]

The same meeting record (the UNECE 2024 meeting of examples/unece_2024.py) and
the same JSON Lines file are decoded and validated by gcm-model, by an
equivalent pydantic v2 model (``_alt_pydantic.py``), by an equivalent msgspec
Struct (``_alt_msgspec.py``) and by ``orjson.loads`` as the floor (plain dicts,
no types, no checks). What the equivalents check, and what they do not, is
written in ``_alternatives.py``.

Each library runs in a process of its own (this script, started again with
``--worker LIB TASK``, answering JSON on stdout); the per-record measurements
run in ``--rounds`` rounds with the libraries in a rotating order, and each
figure is the median of the rounds' medians. What is measured:

* decode: JSON bytes of one meeting to a validated object;
* encode: the object back to indented JSON bytes with defaults left out
  (gcm-model and msgspec also sort the keys; pydantic cannot);
* error path: the meeting with three problems (a number among the co-chair
  codes, "11 March 2024" as the start, an unknown key), decoded until the
  library's error holds its problems (msgspec stops at the first);
* full validation: a dataset document (the review, the meeting, its
  participants): gcm-model's ``validate`` (structure, invariants and every
  dataset rule, as a report) against the equivalents decoding the document;
* bulk: a JSON Lines file of N meeting lines (a header, then the meeting with
  a new id on each line), read and validated line by line keeping nothing
  (gcm-model: ``read_jsonl``; the others: their decoder per line), at N/10 and
  N lines, each in a fresh worker, with the worker's peak RSS before and after
  reading (``VmHWM``, see ``max_rss_mib``), so that memory that stays flat as
  the file grows shows;
* import: ``import gcm_model`` (and ``import pydantic``, ``msgspec``,
  ``orjson``) in a fresh interpreter; and cold start: import, define the
  models, decode the meeting once.

The table prints times and ratios (gcm-model time / the other's time); the
JSON file (benchmarks/results/compare.json by default) holds the raw figures
of every round. Timings are never asserted; they are for reading.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import importlib.metadata
import importlib.util
import io
import itertools
import json
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results"
LIBS = ("gcm_model", "pydantic", "msgspec", "orjson")
FLOOR = "orjson"
PACKAGES = ("gcm-model", "attrs", "cattrs", "pydantic", "pydantic-core", "msgspec", "orjson")
MEETING_ID = b'"id":"meeting:ece-2024"'
SINGLE = ("decode", "encode", "error", "validate")
LABELS = {
    "decode": "decode a meeting",
    "encode": "encode a meeting",
    "error": "error path (3 problems)",
    "validate": "full validation (dataset doc)",
}
TARGETS = {"decode": 0.6, "encode": 0.4, "error": 1.0}  # at most this times pydantic's time
VARIANTS = 5_000
"""Distinct variants of the meeting the per-record measures take in turn."""


# -- the data: written by the parent, read by every worker ----------------------------------


def _the_dataset() -> Any:
    """The UNECE 2024 example dataset, built by the example script."""
    spec = importlib.util.spec_from_file_location("unece_2024", ROOT / "examples" / "unece_2024.py")
    if spec is None or spec.loader is None:
        raise SystemExit("cannot load examples/unece_2024.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.build()


def _check_enums() -> None:
    """The equivalents' enums hold the values of gcm-model's."""
    import _alternatives  # noqa: PLC0415
    import gcm_model  # noqa: PLC0415
    from gcm_model.models import process  # noqa: PLC0415

    pairs = (
        (_alternatives.MeetingKind, gcm_model.MeetingKind),
        (_alternatives.Status, gcm_model.Status),
        (_alternatives.ParticipantKind, process.ParticipantKind),
        (_alternatives.Sector, process.Sector),
        (_alternatives.Gender, process.Gender),
        (_alternatives.Role, process.Role),
    )
    for ours, theirs in pairs:
        if [m.value for m in ours] != [m.value for m in theirs]:
            raise SystemExit(f"_alternatives.{ours.__name__} differs from gcm-model's")


MODELS = (
    "Venue",
    "Contact",
    "DocumentRef",
    "Window",
    "BackToBackEvent",
    "Hearing",
    "IntergovernmentalConference",
    "OpeningSegment",
    "ThematicSession",
    "HighLevelPanel",
    "ClosingSegment",
    "SideEvent",
    "Meeting",
    "RegionalReview",
    "Participant",
)


def _check_fields() -> None:
    """The equivalents have the fields of gcm-model's classes, no more, no fewer."""
    import attrs  # noqa: PLC0415
    import msgspec  # noqa: PLC0415

    import _alt_msgspec  # noqa: PLC0415
    import _alt_pydantic  # noqa: PLC0415
    from gcm_model.models import process  # noqa: PLC0415

    for name in MODELS:
        cls = getattr(process, name)
        expected = {field.name for field in attrs.fields(cls)}
        tag = {"kind"} if isinstance(cls.__dict__.get("kind"), str) else set()
        found = {
            "pydantic": set(getattr(_alt_pydantic, name).model_fields) - tag,
            "msgspec": {f.name for f in msgspec.structs.fields(getattr(_alt_msgspec, name))},
        }
        for lib, names in found.items():
            if names != expected:
                raise SystemExit(
                    f"the {lib} {name} differs from gcm-model's: missing "
                    f"{sorted(expected - names)}, extra {sorted(names - expected)}"
                )


def prepare(folder: Path, sizes: tuple[int, ...]) -> dict[str, Any]:
    """Write the inputs of every worker into ``folder``; return what was written."""
    import orjson  # noqa: PLC0415

    import gcm_model  # noqa: PLC0415
    from gcm_model.converters import JsonLinesWriter  # noqa: PLC0415
    from gcm_model.models.dataset import COLLECTIONS  # noqa: PLC0415

    dataset = _the_dataset()
    (meeting,) = dataset.meetings
    codes = folder / "codes.json"
    os.environ.pop("GCM_BENCH_CODES", None)  # the parent takes the codes from gcm-model
    from _alternatives import code_lists  # noqa: PLC0415

    codes.write_text(json.dumps(code_lists()), encoding="utf-8")
    _check_enums()
    _check_fields()

    data = gcm_model.dumps(meeting)
    (folder / "meeting.json").write_bytes(data)
    variants = [_variant(data, copy) for copy in range(VARIANTS)]
    (folder / "meetings.jsonl").write_bytes(b"\n".join(variants))
    broken = [
        orjson.dumps(
            dict(orjson.loads(variant), co_chairs=["ESP", 3], start="11 March 2024", surplus=1),
            option=orjson.OPT_INDENT_2,
        )
        for variant in variants
    ]
    (folder / "broken.jsonl").write_bytes(b"\n".join(b.replace(b"\n", b" ") for b in broken))
    # A dataset document whose references resolve: the review, the meeting, the
    # participants (their events trimmed to the meeting, the one event recorded).
    people = tuple(
        p.evolve(events=tuple(e for e in p.events if e == meeting.id)) for p in dataset.participants
    )
    others = {name: () for name in COLLECTIONS if name not in {"reviews", "meetings"}}
    document = dataset.evolve(**{**others, "participants": people})
    (folder / "dataset.json").write_bytes(gcm_model.dumps(document))

    buffer = io.BytesIO()
    with JsonLinesWriter(buffer, title="Benchmark meetings") as writer:
        writer.write(meeting)
    header, line = buffer.getvalue().splitlines(keepends=True)
    if line.count(MEETING_ID) != 1:
        raise SystemExit("the meeting line does not hold its id once")
    before, after = line.split(MEETING_ID)
    files = {}
    for size in sizes:
        path = folder / f"meetings-{size}.jsonl"
        with path.open("wb") as handle:
            handle.write(header)
            for start in range(0, size, 10_000):
                handle.write(
                    b"".join(
                        before + b'"id":"meeting-%d"' % index + after
                        for index in range(start, min(size, start + 10_000))
                    )
                )
        files[size] = path
    return {
        "record_bytes": len(data),
        "line_bytes": len(line),
        "dataset_bytes": len((folder / "dataset.json").read_bytes()),
        "files": {str(size): path.stat().st_size for size, path in files.items()},
    }


def _variant(data: bytes, copy: int) -> bytes:
    """The meeting as its copy ``copy``: its id, its titles and its dates (by days) its own.

    Every record the per-record measures decode differs from the others, so no
    cache keyed by value (moments, ids) holds them all: ``VARIANTS`` is more
    than the decoders' caches keep.
    """
    text = orjson_line(data.decode()).decode()
    if text.count(MEETING_ID.decode()) != 1:
        raise SystemExit("the meeting does not hold its id once")
    text = text.replace(MEETING_ID.decode(), f'"id":"meeting:ece-2024-{copy}"')
    text = re.sub(r'"title":"', lambda m: f"{m.group(0)}{copy} ", text)
    text = re.sub(
        r'"(20\d\d-\d\d-\d\d)',
        lambda m: f'"{dt.date.fromisoformat(m.group(1)) + dt.timedelta(days=copy % 200)}',
        text,
    )
    return text.encode()


def orjson_line(text: str) -> bytes:
    """The JSON text on one line (the variants file holds one a line)."""
    return json.dumps(json.loads(text), ensure_ascii=False, separators=(",", ":")).encode()


# -- the worker: one library, one task, JSON on stdout --------------------------------------


class Suite:
    """What one library does with the inputs: decode, encode, fail, validate, read lines."""

    def __init__(self, folder: Path) -> None:
        """Know where the inputs are; the per-record ones are read on first use.

        A bulk worker never reads them, so that its peak memory is its
        library's and its reading's alone (the variants take about 80 MiB).
        """
        self.folder = folder

    @functools.cached_property
    def variants(self) -> list[bytes]:
        """The distinct variants of the meeting, taken in turn."""
        return (self.folder / "meetings.jsonl").read_bytes().splitlines()

    @functools.cached_property
    def _data(self) -> Callable[[], bytes]:
        return itertools.cycle(self.variants).__next__

    @functools.cached_property
    def _broken(self) -> Callable[[], bytes]:
        return itertools.cycle((self.folder / "broken.jsonl").read_bytes().splitlines()).__next__

    @functools.cached_property
    def dataset(self) -> bytes:
        """The dataset document."""
        return (self.folder / "dataset.json").read_bytes()

    @property
    def data(self) -> bytes:
        """The next variant of the meeting."""
        return self._data()

    @property
    def broken(self) -> bytes:
        """The next variant of the meeting with three problems."""
        return self._broken()

    def decode(self) -> object:
        """JSON bytes of the meeting to a validated object."""
        raise NotImplementedError

    def encode(self, obj: Any) -> bytes:
        """The object to JSON bytes."""
        raise NotImplementedError

    def error(self) -> int:
        """Decode the broken meeting; the number of problems reported."""
        raise NotImplementedError

    def validate(self) -> object:
        """Validate the dataset document."""
        raise NotImplementedError

    def read(self, path: Path) -> tuple[int, int]:
        """Read a JSON Lines file line by line keeping nothing: lines read, lines refused."""
        raise NotImplementedError


class GcmSuite(Suite):
    """gcm-model's public functions."""

    def __init__(self, folder: Path) -> None:
        """Import gcm-model."""
        super().__init__(folder)
        import gcm_model  # noqa: PLC0415
        from gcm_model.converters import read_jsonl  # noqa: PLC0415

        self.gcm = gcm_model
        self.read_jsonl = read_jsonl

    def decode(self) -> object:
        """``gcm_model.loads(bytes, Meeting)``."""
        return self.gcm.loads(self.data, self.gcm.Meeting)

    def encode(self, obj: Any) -> bytes:
        """``gcm_model.dumps``: sorted keys, two-space indent, defaults left out."""
        return self.gcm.dumps(obj)

    def error(self) -> int:
        """``DocumentError`` with every problem."""
        try:
            self.gcm.loads(self.broken, self.gcm.Meeting)
        except self.gcm.DocumentError as exc:
            return len(exc.problems)
        raise SystemExit("gcm-model loaded the broken meeting")

    def validate(self) -> object:
        """``gcm_model.validate``: structure, invariants and the dataset rules, as a report."""
        report = self.gcm.validate(self.dataset)
        if not report.valid:
            raise SystemExit(f"the dataset document is not valid: {report.issues[0]}")
        return report

    def read(self, path: Path) -> tuple[int, int]:
        """``read_jsonl`` over the path."""
        lines = refused = 0
        for line in self.read_jsonl(path):
            lines += 1
            refused += bool(line.problems)
        return lines, refused


class PydanticSuite(Suite):
    """pydantic v2: ``model_validate_json`` and ``TypeAdapter.dump_json``."""

    def __init__(self, folder: Path) -> None:
        """Import pydantic and define the models."""
        super().__init__(folder)
        import pydantic  # noqa: PLC0415

        import _alt_pydantic  # noqa: PLC0415

        self.models = _alt_pydantic
        self.error_type = pydantic.ValidationError
        self.adapter = pydantic.TypeAdapter(_alt_pydantic.Meeting)

    def decode(self) -> object:
        """``Meeting.model_validate_json``."""
        return self.models.Meeting.model_validate_json(self.data)

    def encode(self, obj: Any) -> bytes:
        """``TypeAdapter.dump_json(indent=2, exclude_defaults=True)`` (no key sorting)."""
        return self.adapter.dump_json(obj, indent=2, exclude_defaults=True)

    def error(self) -> int:
        """``ValidationError.errors()``: every problem (a union counts one per member)."""
        try:
            self.models.Meeting.model_validate_json(self.broken)
        except self.error_type as exc:
            return len(exc.errors())
        raise SystemExit("pydantic loaded the broken meeting")

    def validate(self) -> object:
        """``DatasetDocument.model_validate_json``: no dataset rules."""
        return self.models.DatasetDocument.model_validate_json(self.dataset)

    def read(self, path: Path) -> tuple[int, int]:
        """The header model for the first line, ``MeetingLine`` for the others."""
        header, line_type = self.models.Header, self.models.MeetingLine
        lines = refused = 0
        with path.open("rb") as handle:
            for raw in handle:
                lines += 1
                try:
                    (line_type if lines > 1 else header).model_validate_json(raw)
                except self.error_type:
                    refused += 1
        return lines, refused


class MsgspecSuite(Suite):
    """msgspec: ``json.Decoder`` and ``json.Encoder(order="sorted")`` + ``json.format``."""

    def __init__(self, folder: Path) -> None:
        """Import msgspec and define the Structs."""
        super().__init__(folder)
        import msgspec  # noqa: PLC0415

        import _alt_msgspec  # noqa: PLC0415

        self.msgspec = msgspec
        self.models = _alt_msgspec
        self.decoder = msgspec.json.Decoder(_alt_msgspec.Meeting)
        self.encoder = msgspec.json.Encoder(order="sorted")
        self.dataset_decoder = msgspec.json.Decoder(_alt_msgspec.DatasetDocument)

    def decode(self) -> object:
        """``Decoder(Meeting).decode``."""
        return self.decoder.decode(self.data)

    def encode(self, obj: Any) -> bytes:
        """Sorted keys, then indented by ``msgspec.json.format``, defaults left out."""
        return self.msgspec.json.format(self.encoder.encode(obj), indent=2)

    def error(self) -> int:
        """``ValidationError``: the first problem only."""
        try:
            self.decoder.decode(self.broken)
        except self.msgspec.ValidationError:
            return 1  # one message, the first problem met
        raise SystemExit("msgspec loaded the broken meeting")

    def validate(self) -> object:
        """``Decoder(DatasetDocument).decode``: no dataset rules."""
        return self.dataset_decoder.decode(self.dataset)

    def read(self, path: Path) -> tuple[int, int]:
        """The header Struct for the first line, ``MeetingLine`` for the others."""
        header = self.msgspec.json.Decoder(self.models.Header)
        line_decoder = self.msgspec.json.Decoder(self.models.MeetingLine)
        lines = refused = 0
        with path.open("rb") as handle:
            for raw in handle:
                lines += 1
                try:
                    (line_decoder if lines > 1 else header).decode(raw)
                except self.msgspec.ValidationError:
                    refused += 1
        return lines, refused


class FloorSuite(Suite):
    """``orjson``: plain dicts, no types, no checks."""

    def __init__(self, folder: Path) -> None:
        """Import orjson."""
        super().__init__(folder)
        import orjson  # noqa: PLC0415

        self.orjson = orjson

    def decode(self) -> object:
        """``orjson.loads``."""
        return self.orjson.loads(self.data)

    def encode(self, obj: Any) -> bytes:
        """``orjson.dumps`` of the dict, sorted and indented."""
        return self.orjson.dumps(obj, option=self.orjson.OPT_SORT_KEYS | self.orjson.OPT_INDENT_2)

    def error(self) -> int:
        """Parsing the broken meeting finds nothing wrong (it is valid JSON)."""
        self.orjson.loads(self.broken)
        return 0

    def validate(self) -> object:
        """``orjson.loads`` of the dataset document."""
        return self.orjson.loads(self.dataset)

    def read(self, path: Path) -> tuple[int, int]:
        """``orjson.loads`` per line."""
        lines = 0
        with path.open("rb") as handle:
            for raw in handle:
                lines += 1
                self.orjson.loads(raw)
        return lines, 0


SUITES: dict[str, type[Suite]] = {
    "gcm_model": GcmSuite,
    "pydantic": PydanticSuite,
    "msgspec": MsgspecSuite,
    "orjson": FloorSuite,
}


def per_call(function: Callable[[], object], seconds: float, repeat: int) -> float:
    """Median seconds per call over ``repeat`` runs of about ``seconds`` each."""
    timer = timeit.Timer(function)
    number = max(1, round(timer.autorange()[0] * seconds / 0.2))
    return statistics.median(timer.repeat(repeat=repeat, number=number)) / number


def single(suite: Suite, seconds: float, repeat: int) -> dict[str, Any]:
    """The per-record measurements of one library."""
    objects = [suite.decode() for _ in suite.variants]  # each variant once: the cycle restarts
    encoded = suite.encode(objects[0])
    if json.loads(encoded) != json.loads(suite.variants[0]):
        raise SystemExit("the meeting does not come back the same from decode and encode")
    problems = suite.error()
    suite.validate()
    following = itertools.cycle(objects).__next__
    times = {
        "decode": per_call(suite.decode, seconds, repeat),
        "encode": per_call(lambda: suite.encode(following()), seconds, repeat),
        "error": per_call(suite.error, seconds, repeat),
        "validate": per_call(suite.validate, seconds, repeat),
    }
    return {"times": times, "problems_reported": problems, "encoded_bytes": len(encoded)}


def max_rss_mib() -> float:
    """The peak resident set size of this process image so far, in MiB.

    Linux's ``VmHWM`` when there is one: ``getrusage``'s ``ru_maxrss`` keeps the
    peak of the process before ``exec``, which for a worker started by
    ``subprocess`` is the parent's size, and would hide the worker's own peak.
    Elsewhere ``ru_maxrss`` (KiB on Linux, bytes on macOS).
    """
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text(encoding="ascii").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024


def bulk(suite: Suite, path: Path) -> dict[str, Any]:
    """Read the JSON Lines file once; its time and the peak RSS before and after."""
    baseline = max_rss_mib()
    start = time.perf_counter()
    lines, refused = suite.read(path)
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "lines": lines,
        "refused": refused,
        "rss_before_mib": baseline,
        "rss_peak_mib": max_rss_mib(),
    }


def worker(lib: str, task: str, folder: Path, options: dict[str, Any]) -> dict[str, Any]:
    """Run one task of one library in this process."""
    suite = SUITES[lib](folder)
    if task == "single":
        return single(suite, options["seconds"], options["repeat"])
    if task == "bulk":
        return bulk(suite, Path(options["path"]))
    raise SystemExit(f"unknown task {task!r}")


# -- the parent: start the workers, gather, print, write -------------------------------------

COLD = {
    "import": {
        "gcm_model": "import gcm_model",
        "pydantic": "import pydantic",
        "msgspec": "import msgspec",
        "orjson": "import orjson",
    },
    "cold": {
        "gcm_model": "import gcm_model; gcm_model.loads(data, gcm_model.Meeting)",
        "pydantic": "import _alt_pydantic; _alt_pydantic.Meeting.model_validate_json(data)",
        "msgspec": (
            "import msgspec, _alt_msgspec; msgspec.json.decode(data, type=_alt_msgspec.Meeting)"
        ),
        "orjson": "import orjson; orjson.loads(data)",
    },
}


def run_worker(
    lib: str, task: str, folder: Path, options: dict[str, Any], env: dict[str, str]
) -> dict[str, Any]:
    """Start this script as a worker and read its JSON answer."""
    done = subprocess.run(
        [sys.executable, __file__, "--worker", lib, task, str(folder), json.dumps(options)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"worker {lib} {task} failed:\n{done.stderr}")
    answer: dict[str, Any] = json.loads(done.stdout)
    return answer


def fresh_seconds(statement: str, folder: Path, env: dict[str, str]) -> float:
    """Wall time of a statement in a new interpreter (the data read before the clock starts)."""
    code = (
        f"import sys, time; sys.path.insert(0, {str(HERE)!r}); "
        f"data = open({str(folder / 'meeting.json')!r}, 'rb').read(); "
        f"t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"{statement!r} failed:\n{done.stderr}")
    return float(done.stdout)


def rotated(items: tuple[str, ...], by: int) -> Iterator[str]:
    """The items, starting at ``by`` (so no library always runs first)."""
    for index in range(len(items)):
        yield items[(index + by) % len(items)]


def versions() -> dict[str, str]:
    """The versions of the packages compared."""
    found = {}
    for name in PACKAGES:
        try:
            found[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            found[name] = "not installed"
    return found


def ratio(ours: float, theirs: float) -> float:
    """gcm-model's time over the other's."""
    return ours / theirs if theirs else float("nan")


def summarise(raw: dict[str, Any], sizes: tuple[int, ...]) -> dict[str, Any]:
    """Medians over rounds, ratios, memory and the targets."""
    rows: dict[str, dict[str, float]] = {}
    for measure in SINGLE:
        rows[LABELS[measure]] = {
            lib: statistics.median(r["times"][measure] for r in raw["single"][lib]) for lib in LIBS
        }
    for size in sizes:
        rows[f"bulk, per line ({size:,} lines)"] = {
            lib: raw["bulk"][str(size)][lib]["seconds"] / size for lib in LIBS
        }
    for kind, label in (("import", "import (fresh process)"), ("cold", "import + first decode")):
        rows[label] = {lib: statistics.median(raw[kind][lib]) for lib in LIBS}
    ratios = {
        label: {
            "gcm_model/pydantic": ratio(times["gcm_model"], times["pydantic"]),
            "gcm_model/msgspec": ratio(times["gcm_model"], times["msgspec"]),
            "gcm_model/floor": ratio(times["gcm_model"], times[FLOOR]),
        }
        for label, times in rows.items()
    }
    small, large = sizes
    memory = {
        lib: {
            "baseline_mib": raw["bulk"][str(large)][lib]["rss_before_mib"],
            f"peak_mib_{small}": raw["bulk"][str(small)][lib]["rss_peak_mib"],
            f"peak_mib_{large}": raw["bulk"][str(large)][lib]["rss_peak_mib"],
        }
        for lib in LIBS
    }
    gcm_memory = memory["gcm_model"]
    flat = gcm_memory[f"peak_mib_{large}"] <= 1.1 * gcm_memory[f"peak_mib_{small}"]
    targets = {
        f"{measure}: at most {limit}x pydantic's time": {
            "ratio": ratios[LABELS[measure]]["gcm_model/pydantic"],
            "met": ratios[LABELS[measure]]["gcm_model/pydantic"] <= limit,
        }
        for measure, limit in TARGETS.items()
    }
    targets["bulk: memory flat as the file grows (peak at N within 10% of N/10)"] = {
        "ratio": gcm_memory[f"peak_mib_{large}"] / gcm_memory[f"peak_mib_{small}"],
        "met": flat,
    }
    problems = {lib: raw["single"][lib][0]["problems_reported"] for lib in LIBS}
    return {
        "times_s": rows,
        "ratios": ratios,
        "memory": memory,
        "targets": targets,
        "problems_reported": problems,
    }


def _cell(seconds: float) -> str:
    if seconds >= 0.01:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds * 1e6:.1f} us"


def print_table(summary: dict[str, Any], sizes: tuple[int, ...]) -> None:
    """The tables of times, ratios and memory."""
    head = f"{'measure':<32}" + "".join(f"{lib:>12}" for lib in LIBS)
    head += f"{'/pydantic':>11}{'/msgspec':>10}{'/floor':>9}"
    print(head)
    for label, times in summary["times_s"].items():
        ratios = summary["ratios"][label]
        print(
            f"{label:<32}"
            + "".join(f"{_cell(times[lib]):>12}" for lib in LIBS)
            + f"{ratios['gcm_model/pydantic']:>11.2f}{ratios['gcm_model/msgspec']:>10.2f}"
            f"{ratios['gcm_model/floor']:>9.1f}"
        )
    print("\nratio = gcm-model time / the other's time (floor: orjson.loads, plain dicts)")
    reported = ", ".join(f"{lib} {n}" for lib, n in summary["problems_reported"].items())
    print(f"problems reported on the error path: {reported}")
    small, large = sizes
    print(f"\npeak RSS reading JSON Lines, records not kept (MiB)\n{'library':<12}", end="")
    print(f"{'baseline':>10}{f'{small:,} lines':>14}{f'{large:,} lines':>14}")
    for lib, peaks in summary["memory"].items():
        print(
            f"{lib:<12}{peaks['baseline_mib']:>10.1f}"
            f"{peaks[f'peak_mib_{small}']:>14.1f}{peaks[f'peak_mib_{large}']:>14.1f}"
        )
    print("\ntargets")
    for name, target in summary["targets"].items():
        print(f"  {'met    ' if target['met'] else 'NOT met'}  {name} ({target['ratio']:.2f})")


def main() -> None:
    """Prepare the inputs, run the workers, print the tables and write JSON."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5,000 lines, one round")
    parser.add_argument("--records", type=int, default=100_000, help="JSON Lines lines (N)")
    parser.add_argument("--rounds", type=int, help="rounds of the per-record measurements")
    parser.add_argument("--json", type=Path, default=RESULTS / "compare.json")
    args = parser.parse_args()
    records = 5_000 if args.quick else args.records
    rounds = args.rounds or (1 if args.quick else 3)
    fresh_rounds = 3 if args.quick else 11
    options = {"seconds": 0.05, "repeat": 3} if args.quick else {"seconds": 0.2, "repeat": 7}
    sizes = (records // 10, records)

    with tempfile.TemporaryDirectory(prefix="gcm-compare-") as name:
        folder = Path(name)
        print(f"writing the inputs ({records:,} JSON Lines lines) ...", flush=True)
        inputs = prepare(folder, sizes)
        # Every interpreter reads and writes bytecode caches, in a folder of their own, as an
        # installed package is imported: without them (PYTHONDONTWRITEBYTECODE and a source tree
        # never imported before) each fresh import compiles gcm-model's sources again, about
        # half of its import time, while the other libraries' installs hold their caches.
        env = dict(
            os.environ,
            GCM_BENCH_CODES=str(folder / "codes.json"),
            PYTHONPYCACHEPREFIX=str(folder / "pycache"),
        )
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        raw: dict[str, Any] = {"single": {lib: [] for lib in LIBS}, "bulk": {}}
        for number in range(rounds):
            print(f"per-record measurements, round {number + 1} of {rounds} ...", flush=True)
            for lib in rotated(LIBS, number):
                raw["single"][lib].append(run_worker(lib, "single", folder, options, env))
        for size in sizes:
            print(f"bulk, {size:,} lines ...", flush=True)
            raw["bulk"][str(size)] = {
                lib: run_worker(
                    lib, "bulk", folder, {"path": str(folder / f"meetings-{size}.jsonl")}, env
                )
                for lib in LIBS
            }
            for lib, found in raw["bulk"][str(size)].items():
                if found["lines"] != size + 1 or found["refused"]:
                    raise SystemExit(f"{lib} read {found} from {size + 1} lines")
        print("imports in fresh processes ...", flush=True)
        for lib in LIBS:  # not timed: writes the bytecode caches the timed runs read
            fresh_seconds(COLD["cold"][lib], folder, env)
        for kind, statements in COLD.items():
            raw[kind] = {lib: [] for lib in LIBS}
            for number in range(fresh_rounds):
                for lib in rotated(LIBS, number):
                    raw[kind][lib].append(fresh_seconds(statements[lib], folder, env))

    summary = summarise(raw, sizes)
    print()
    print_table(summary, sizes)
    report = {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "machine": platform.machine(),
        "system": platform.platform(),
        "cpus": os.cpu_count(),
        "versions": versions(),
        "quick": args.quick,
        "records": records,
        "rounds": rounds,
        "inputs": inputs,
        **summary,
        "raw": raw,
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten to {args.json}")


if __name__ == "__main__":
    if len(sys.argv) == 6 and sys.argv[1] == "--worker":
        _, _, LIB, TASK, FOLDER, OPTIONS = sys.argv
        print(json.dumps(worker(LIB, TASK, Path(FOLDER), json.loads(OPTIONS))))
    else:
        main()
