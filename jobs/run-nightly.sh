#!/bin/sh
# Runs Warta once, the way cron should: settings from the environment file, paths under one data folder, every
# line of output appended to one log file with a start and an end line that carries the exit code.
#
#   run-nightly.sh [extra Warta options, e.g. --force]
#
# Locations can be moved with WARTA_HOME (data: input/, output/, data/), WARTA_JAR, WARTA_ENV_FILE, WARTA_LOG.
# Exit code: Warta's own (see jobs/README.md), so cron mails or a monitor can act on it.
set -u

WARTA_HOME=${WARTA_HOME:-/var/lib/warta}
WARTA_JAR=${WARTA_JAR:-/opt/warta/warta.jar}
WARTA_ENV_FILE=${WARTA_ENV_FILE:-/etc/warta/warta.env}
WARTA_LOG=${WARTA_LOG:-/var/log/warta/warta.log}
WARTA_GLOSSARY=${WARTA_GLOSSARY:-/etc/warta/glossary.tsv}
# the database: the H2 file under WARTA_HOME, or PostgreSQL (jdbc:postgresql://HOST:5432/warta, with
# SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD in the environment file)
WARTA_DB_URL=${WARTA_DB_URL:-jdbc:h2:file:$WARTA_HOME/data/warta}

if [ -r "$WARTA_ENV_FILE" ]; then
    set -a          # every assignment in the file becomes an environment variable of the job
    . "$WARTA_ENV_FILE"
    set +a
else
    echo "run-nightly.sh: cannot read $WARTA_ENV_FILE (OPENAI_API_KEY and friends); see jobs/README.md" >&2
    exit 2
fi

cd "$WARTA_HOME" || exit 2
echo "$(date -u '+%Y-%m-%dT%H:%M:%SZ') warta: starting" >> "$WARTA_LOG"
# No flock needed: a second run on the same database refuses by itself, with exit code 4.
# -XX:TieredStopAtLevel=1: the quick compiler only. A night's run spends more processor time compiling with the
# optimising one than its faster code saves; -XX:+UseSerialGC: the collector that costs a batch job the least
# processor time (docs/benchmarks.md, "Faster on one machine"); JAVA_OPTS may override either.
# shellcheck disable=SC2086 # JAVA_OPTS holds several options on purpose
java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC ${JAVA_OPTS:-} -jar "$WARTA_JAR" \
    --input="$WARTA_HOME/input" \
    --output="$WARTA_HOME/output" \
    --warta.glossary="$WARTA_GLOSSARY" \
    "--spring.datasource.url=$WARTA_DB_URL" \
    "$@" >> "$WARTA_LOG" 2>&1
status=$?
echo "$(date -u '+%Y-%m-%dT%H:%M:%SZ') warta: finished with exit code $status" >> "$WARTA_LOG"
exit $status
