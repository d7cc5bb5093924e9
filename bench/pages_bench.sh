#!/usr/bin/env bash
# Throughput of readers' pages beside a bare "hello" Django view served by the same
# gunicorn in the same rounds (bench/urls.py): PostgreSQL, production settings, wrk.
# Three configurations, each in its own server: every request rendered
# (PAGE_CACHE_SECONDS=0), the page cache in local memory (the content version read
# from the database on every hit), and the page cache in Redis (a Redis of this
# script's own; each process's copies serve between its announcements: newsroom/local_copies.py). Ratios are medians of the per-round ratios.
#
#   bash bench/pages_bench.sh                 # 10 s per URL, 5 rounds, 2 workers, 16 connections
#   DURATION=5s ROUNDS=3 bash bench/pages_bench.sh
#
# Needs wrk (Debian package "wrk"), redis-server, and PostgreSQL on 127.0.0.1:5432.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10s}
ROUNDS=${ROUNDS:-5}
CONNECTIONS=${CONNECTIONS:-16}
WORKERS=${WORKERS:-2}
PORT=${PORT:-8123}
REDIS_PORT=${REDIS_PORT:-6391}
DB=newsroom_pagebench
PY=.venv/bin/python
# What a browser sends: the pages come compressed from the cache.
ACCEPT="Accept-Encoding: gzip, deflate, br"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }

export DJANGO_SETTINGS_MODULE=bench.settings
export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$DB"
export DEBUG=0 ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=0 SECURE_HSTS_SECONDS=0
export SECRET_KEY="pagebench-$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"

dropdb -h 127.0.0.1 -U postgres --if-exists "$DB"
createdb -h 127.0.0.1 -U postgres "$DB"
$PY manage.py migrate -v0
$PY manage.py import_document sample_documents/*.txt --publish >/dev/null
$PY manage.py collectstatic --noinput -v0

SERVER= REDIS=
stop() { [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null; SERVER=; }
cleanup() {
  stop
  [ -n "$REDIS" ] && kill "$REDIS" 2>/dev/null && wait "$REDIS" 2>/dev/null
  dropdb -h 127.0.0.1 -U postgres --if-exists "$DB"
}
trap cleanup EXIT
start() {  # start gunicorn with the given environment assignments
  env "$@" .venv/bin/gunicorn newsroom.wsgi -b "127.0.0.1:$PORT" -w "$WORKERS" --log-level warning &
  SERVER=$!
  for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$PORT/bench/hello/" >/dev/null && break; sleep 0.2; done
}

ARTICLE=$($PY manage.py shell -c "from articles.models import Article; print(Article.objects.published().order_by('-published_at').first().get_absolute_url())" 2>/dev/null | tail -n 1)

rate() {  # requests per second wrk measured for one URL, with extra headers
  local url=$1; shift
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" "$@" "http://127.0.0.1:$PORT$url" | awk '/Requests\/sec/ {print $2}'
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

measure() {  # ROUNDS interleaved rounds of hello, article, home and the article's 304
  local etag
  etag=$(curl -s -D - -o /dev/null -H "$ACCEPT" "http://127.0.0.1:$PORT$ARTICLE" | awk -F': ' 'tolower($1) == "etag" {print $2}' | tr -d '\r')
  local rows=()
  for round in $(seq 1 "$ROUNDS"); do
    local hello article home notmod
    hello=$(rate /bench/hello/)
    article=$(rate "$ARTICLE" -H "$ACCEPT")
    home=$(rate / -H "$ACCEPT")
    notmod=$(rate "$ARTICLE" -H "$ACCEPT" -H "If-None-Match: $etag")
    rows+=("$hello $article $home $notmod")
    printf '    round %s: hello %8s  article %8s  home %8s  article 304 %8s req/s\n' "$round" "$hello" "$article" "$home" "$notmod"
  done
  local ratio_article ratio_home ratio_304
  ratio_article=$(printf '%s\n' "${rows[@]}" | awk '{print $2 / $1}' | median)
  ratio_home=$(printf '%s\n' "${rows[@]}" | awk '{print $3 / $1}' | median)
  ratio_304=$(printf '%s\n' "${rows[@]}" | awk '{print $4 / $1}' | median)
  printf '  median of the rounds, as a share of hello: article %.2f  home %.2f  article 304 %.2f\n' \
    "$ratio_article" "$ratio_home" "$ratio_304"
}

echo "gunicorn $WORKERS workers, wrk $CONNECTIONS connections, $DURATION per URL, $ROUNDS rounds, PostgreSQL"
echo "article: $ARTICLE"
echo "every request rendered (PAGE_CACHE_SECONDS=0):"
start PAGE_CACHE_SECONDS=0
measure
stop
echo "page cache in each process's memory, version read from the database on every hit (no REDIS_URL):"
start
measure
stop
echo "page cache in Redis (REDIS_URL=redis://127.0.0.1:$REDIS_PORT/0, a redis-server of this script's own):"
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no >/dev/null &
REDIS=$!
sleep 0.5
start REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
measure
stop
