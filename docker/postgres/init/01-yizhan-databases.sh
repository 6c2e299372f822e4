#!/bin/bash
# Creates the application role and one database per Yizhan service.
#
# Run by the postgres image's entrypoint (mounted at /docker-entrypoint-initdb.d) the
# first time the container starts with an empty data volume, as the superuser set in
# POSTGRES_USER. docker-compose.yml passes YIZHAN_DB_USER and YIZHAN_DB_PASSWORD.
#
#   station-service        -> yizhan_station
#   services-service       -> yizhan_services
#   health-checkup-service -> yizhan_checkup
#   legal-aid-service      -> yizhan_legal_aid
#
# The role owns the databases (and so their public schema); it is not a superuser.
# Written so that it works whether the entrypoint executes or sources it.

if [ -z "${YIZHAN_DB_USER:-}" ] || [ -z "${YIZHAN_DB_PASSWORD:-}" ]; then
    echo "01-yizhan-databases.sh: YIZHAN_DB_USER and YIZHAN_DB_PASSWORD must be set" >&2
    false
else
    # psql variables (:"user", :'password') quote the values, whatever characters they hold.
    psql -v ON_ERROR_STOP=1 \
        --username "$POSTGRES_USER" --dbname "${POSTGRES_DB:-$POSTGRES_USER}" \
        --set=app_user="$YIZHAN_DB_USER" --set=app_password="$YIZHAN_DB_PASSWORD" <<'EOSQL'
CREATE ROLE :"app_user" LOGIN PASSWORD :'app_password';

CREATE DATABASE yizhan_station OWNER :"app_user" ENCODING 'UTF8';
CREATE DATABASE yizhan_services OWNER :"app_user" ENCODING 'UTF8';
CREATE DATABASE yizhan_checkup OWNER :"app_user" ENCODING 'UTF8';
CREATE DATABASE yizhan_legal_aid OWNER :"app_user" ENCODING 'UTF8';

REVOKE ALL ON DATABASE yizhan_station, yizhan_services, yizhan_checkup, yizhan_legal_aid FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE yizhan_station, yizhan_services, yizhan_checkup, yizhan_legal_aid TO :"app_user";
EOSQL
fi
