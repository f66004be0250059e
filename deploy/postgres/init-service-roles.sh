#!/usr/bin/env bash
# Runs once, when the postgres container initialises an empty data volume (docker-entrypoint-initdb.d).
# One database per service, owned by a login role of its own that is no superuser and can create neither roles
# nor databases: a leaked service password opens that service's tables, not the server (no COPY ... PROGRAM,
# no other service's data). The passwords come from the compose env file; changing them there later does not
# change an initialised volume (ALTER ROLE ... PASSWORD as the admin user does).
set -euo pipefail

create_service_database() {
  local role=$1 password=$2
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres -v role="$role" -v password="$password" <<'EOSQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password' NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
CREATE DATABASE :"role" OWNER :"role" ENCODING 'UTF8' TEMPLATE template0;
-- Only the owner (and the admin) connects: no service reads another's tables.
REVOKE ALL ON DATABASE :"role" FROM PUBLIC;
EOSQL
}

create_service_database catalog "${CATALOG_DB_PASSWORD:?CATALOG_DB_PASSWORD is not set}"
create_service_database citation "${CITATION_DB_PASSWORD:?CITATION_DB_PASSWORD is not set}"
create_service_database notification "${NOTIFICATION_DB_PASSWORD:?NOTIFICATION_DB_PASSWORD is not set}"

# The service roles have no business in the maintenance database either.
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres -c 'REVOKE CONNECT ON DATABASE postgres FROM PUBLIC'
