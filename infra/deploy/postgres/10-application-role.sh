#!/bin/sh
# First start of the compose PostgreSQL: the login role the API connects as (DATABASE_URL). It owns nothing; the
# migrations, run as the owner (DATABASE_OWNER_URL), grant it what docs/security.md (Database roles) lists.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" -v app_password="$APP_DB_PASSWORD" <<'SQL'
CREATE ROLE command_app LOGIN PASSWORD :'app_password';
SQL
