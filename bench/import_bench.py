"""Import throughput and memory: N reference-sized documents on SQLite and PostgreSQL.

    .venv/bin/python bench/import_bench.py [--sizes 200 1000] [--databases sqlite postgres] [--jobs 1 2]
        [--new-people]

Each run is a fresh process with a fresh database (migrated first, not timed).
It generates N documents shaped like the reference document (24 paragraphs,
10 related items, quotes and people), each with its own headline and file
name, then imports them through the import command's own loop, one
transaction per document, in ``--jobs`` worker processes on PostgreSQL (SQLite
takes one writer at a time). It prints documents per second and peak memory
(max RSS, the largest of the parent and its workers) with the parent's growth
during the import loop. Flat memory means the peak does not grow with N.

With ``--new-people`` every document names an author and people of its own (the
surnames get a suffix per document), so each import creates its author, seven
people and two topics, as documents about new stories do; without it they all
name the reference document's people, who are created once.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT.parent / "shared" / "documents" / "000_5db3053b1fc29a68.txt"
PG_SERVER = "postgres://postgres@127.0.0.1:5432/"
DEFAULT_DATABASE_NAME = "newsroom_bench"


# The reference document's author and the surnames of the people it names.
SURNAMES = ("Sauer", "Putin", "Lukashenko", "Klitschko", "Zelenskiy", "Shraibman", "Sunak")


def suffix(n: int) -> str:
    """Letters that make a surname the document's own: 0 -> "a", 26 -> "ba"."""
    letters = ""
    while True:
        n, digit = divmod(n, 26)
        letters = "abcdefghijklmnopqrstuvwxyz"[digit] + letters
        if not n:
            return letters


def generate(directory: Path, count: int, *, new_people: bool = False) -> list[Path]:
    text = REFERENCE.read_text(encoding="utf-8")
    headline = text.split("\n", 1)[0]
    paths = []
    for n in range(count):
        path = directory / f"{n:06d}_bench.txt"
        document = text.replace(headline, f"{headline} (archive copy {n})", 1)
        if new_people:
            for surname in SURNAMES:
                document = document.replace(surname, surname + suffix(n))
        path.write_text(document, encoding="utf-8")
        paths.append(path)
    return paths


def max_rss_mib(who=resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def worker(count: int, jobs: int, *, new_people: bool) -> dict:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from articles.importing import Source, import_batch, import_document

    call_command("migrate", verbosity=0)
    with tempfile.TemporaryDirectory() as tmp:
        paths = generate(Path(tmp), count + 1, new_people=new_people)
        # Warm up (imports, the parser's country tables) before the clock starts.
        import_document(paths[0].read_bytes(), path=str(paths[0]))
        rss_before = max_rss_mib()
        started = time.perf_counter()
        statuses = {}
        for result in import_batch([Source.of_path(path) for path in paths[1:]], jobs=jobs):
            statuses[result.status] = statuses.get(result.status, 0) + 1
        elapsed = time.perf_counter() - started
    return {
        "documents": count,
        "jobs": jobs,
        "seconds": round(elapsed, 2),
        "docs_per_second": round(count / elapsed, 1),
        "rss_growth_mib": round(max_rss_mib() - rss_before, 1),
        "max_rss_mib": round(max(max_rss_mib(), max_rss_mib(resource.RUSAGE_CHILDREN)), 1),
        "statuses": statuses,
    }


def run(
    database: str, count: int, jobs: int, *, new_people: bool = False, name: str = DEFAULT_DATABASE_NAME
) -> dict:
    env = os.environ | {"DEBUG": "0", "SECRET_KEY": "bench-" + "x" * 60, "ALLOWED_HOSTS": "localhost"}
    if database == "postgres":
        dropdb = ["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", name]
        subprocess.run(dropdb, check=True, capture_output=True)
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", name], check=True)
        try:
            return worker_process(
                count, jobs, env | {"DATABASE_URL": PG_SERVER + name}, new_people=new_people
            )
        finally:
            subprocess.run(dropdb, check=True, capture_output=True)
    with tempfile.TemporaryDirectory() as tmp:
        sqlite = {"DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3"}
        return worker_process(count, 1, env | sqlite, new_people=new_people)


def worker_process(count: int, jobs: int, env: dict, *, new_people: bool) -> dict:
    command = [sys.executable, __file__, "--worker", str(count), "--jobs", str(jobs)]
    command += ["--new-people"] if new_people else []
    output = subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 1000])
    databases = ["sqlite", "postgres"]
    parser.add_argument("--databases", nargs="+", default=databases, choices=databases)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="worker processes on PostgreSQL")
    parser.add_argument(
        "--new-people", action="store_true", help="every document names an author and people of its own"
    )
    parser.add_argument(
        "--database-name",
        default=DEFAULT_DATABASE_NAME,
        help="PostgreSQL database to create and drop (one of your own when others share the server)",
    )
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.jobs[0], new_people=args.new_people)))
        return
    header = ("database", "jobs", "docs", "seconds", "docs/s", "RSS growth MiB", "max RSS MiB")
    print("{:<10} {:>4} {:>6} {:>8} {:>8} {:>15} {:>12}".format(*header))
    for database in args.databases:
        for jobs in args.jobs if database == "postgres" else [1]:
            for size in args.sizes:
                r = run(database, size, jobs, new_people=args.new_people, name=args.database_name)
                print(
                    f"{database:<10} {r['jobs']:>4} {r['documents']:>6} {r['seconds']:>8} "
                    f"{r['docs_per_second']:>8} {r['rss_growth_mib']:>15} {r['max_rss_mib']:>12}  "
                    f"{r['statuses']}"
                )


if __name__ == "__main__":
    main()
