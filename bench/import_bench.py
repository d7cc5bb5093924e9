"""Import throughput and memory: N reference-sized documents on SQLite and PostgreSQL.

    .venv/bin/python bench/import_bench.py [--sizes 100 400 1000] [--databases sqlite postgres]

Each run is a fresh process with a fresh database (migrated first, not timed).
It generates N documents shaped like the reference document (24 paragraphs,
10 related items, quotes and people), each with its own headline and file
name, then imports them through the same function the command uses, one
transaction each, and prints documents per second and the process's peak
memory (max RSS) with its growth during the import loop. Flat memory means the
growth stays near zero as N grows.
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
PG_URL = "postgres://postgres@127.0.0.1:5432/newsroom_bench"


def generate(directory: Path, count: int) -> list[Path]:
    text = REFERENCE.read_text(encoding="utf-8")
    headline = text.split("\n", 1)[0]
    paths = []
    for n in range(count):
        path = directory / f"{n:06d}_bench.txt"
        path.write_text(text.replace(headline, f"{headline} (archive copy {n})", 1), encoding="utf-8")
        paths.append(path)
    return paths


def worker(count: int) -> dict:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from articles.importing.load import import_document

    call_command("migrate", verbosity=0)
    with tempfile.TemporaryDirectory() as tmp:
        paths = generate(Path(tmp), count)
        # Warm up (imports, the parser's country tables) before the clock starts.
        import_document(paths[0].read_bytes(), path=str(paths[0]))
        rss_before = max_rss_mib()
        started = time.perf_counter()
        statuses = {}
        for path in paths[1:]:
            result = import_document(path.read_bytes(), path=str(path))
            statuses[result.status] = statuses.get(result.status, 0) + 1
        elapsed = time.perf_counter() - started
    return {
        "documents": count - 1,
        "seconds": round(elapsed, 2),
        "docs_per_second": round((count - 1) / elapsed, 1),
        "rss_growth_mib": round(max_rss_mib() - rss_before, 1),
        "max_rss_mib": round(max_rss_mib(), 1),
        "statuses": statuses,
    }


def max_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(database: str, count: int) -> dict:
    env = os.environ | {"DEBUG": "0", "SECRET_KEY": "bench-" + "x" * 60, "ALLOWED_HOSTS": "localhost"}
    if database == "postgres":
        subprocess.run(
            ["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", "newsroom_bench"], check=True
        )
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", "newsroom_bench"], check=True)
        env["DATABASE_URL"] = PG_URL
        result = _worker_process(count, env)
        subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "newsroom_bench"], check=True)
        return result
    with tempfile.TemporaryDirectory() as tmp:
        env["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
        return _worker_process(count, env)


def _worker_process(count: int, env: dict) -> dict:
    output = subprocess.run(
        [sys.executable, __file__, "--worker", str(count)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 400, 1000])
    parser.add_argument(
        "--databases", nargs="+", default=["sqlite", "postgres"], choices=["sqlite", "postgres"]
    )
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker)))
        return
    header = ("database", "docs", "seconds", "docs/s", "RSS growth MiB", "max RSS MiB")
    print("{:<10} {:>6} {:>8} {:>8} {:>16} {:>12}".format(*header))
    for database in args.databases:
        for size in args.sizes:
            r = run(database, size)
            print(
                f"{database:<10} {r['documents']:>6} {r['seconds']:>8} {r['docs_per_second']:>8} "
                f"{r['rss_growth_mib']:>16} {r['max_rss_mib']:>12}  {r['statuses']}"
            )


if __name__ == "__main__":
    main()
