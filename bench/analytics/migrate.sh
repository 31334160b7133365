#!/usr/bin/env bash
# Creates a fresh database and applies every Flyway migration of this checkout with psql (in version order).
#   bench/analytics/migrate.sh DBNAME
set -euo pipefail
cd "$(dirname "$0")/../.."
DB=$1
psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
for f in $(ls migrations/src/main/resources/db/migration/V*.sql | sort); do
    psql -h 127.0.0.1 -U postgres -d "$DB" -v ON_ERROR_STOP=1 -q -f "$f" >/dev/null
done
