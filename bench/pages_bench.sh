#!/usr/bin/env bash
# Throughput of the article page and the home page, beside a trivial view on the
# same server: gunicorn on 127.0.0.1, PostgreSQL, production settings, wrk.
#
#   bash bench/pages_bench.sh            # 20 s per URL, 2 workers, 16 connections
#   DURATION=5s bash bench/pages_bench.sh
#
# Needs wrk (Debian package "wrk") and the PostgreSQL server on 127.0.0.1:5432.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-16}
WORKERS=${WORKERS:-2}
PORT=${PORT:-8123}
DB=newsroom_pagebench
PY=.venv/bin/python

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }

export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$DB"
export DEBUG=0 ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=0 SECURE_HSTS_SECONDS=0
export SECRET_KEY="pagebench-$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"

dropdb -h 127.0.0.1 -U postgres --if-exists "$DB"
createdb -h 127.0.0.1 -U postgres "$DB"
$PY manage.py migrate -v0
$PY manage.py import_document sample_documents --publish >/dev/null
$PY manage.py collectstatic --noinput -v0

SERVER=
trap 'stop; dropdb -h 127.0.0.1 -U postgres --if-exists "$DB"' EXIT
start() {  # start gunicorn with the given environment assignments
  env "$@" .venv/bin/gunicorn newsroom.wsgi -b "127.0.0.1:$PORT" -w "$WORKERS" --log-level warning &
  SERVER=$!
  for _ in $(seq 1 50); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done
}
stop() { [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null; SERVER=; }

ARTICLE=$($PY manage.py shell -c "from articles.models import Article; print(Article.objects.published().order_by('-published_at').first().get_absolute_url())" 2>/dev/null | tail -n 1)

rate() {  # requests per second wrk measured for one URL
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" "http://127.0.0.1:$PORT$1" | awk '/Requests\/sec/ {print $2}'
}

measure() {
  TRIVIAL=$(rate /healthz)
  printf '  %-34s %10s req/s\n' "trivial view (/healthz)" "$TRIVIAL"
  for url in / "$ARTICLE"; do
    R=$(rate "$url")
    printf '  %-34s %10s req/s  (%s of trivial)\n' "${url:0:34}" "$R" \
      "$(awk -v a="$R" -v b="$TRIVIAL" 'BEGIN {printf "%.2f", a / b}')"
  done
}

echo "gunicorn $WORKERS workers, wrk $CONNECTIONS connections, $DURATION per URL, PostgreSQL"
echo "every request rendered (PAGE_CACHE_SECONDS=0):"
start PAGE_CACHE_SECONDS=0
measure
stop
echo "page cache on, shared in Redis (REDIS_URL=redis://127.0.0.1:6379/15):"
redis-cli -n 15 flushdb >/dev/null 2>&1 || true
start REDIS_URL=redis://127.0.0.1:6379/15
measure
stop
