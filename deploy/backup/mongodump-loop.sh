#!/bin/sh
# Scheduled backups with mongodump, for docker-compose.prod.yml's `backup` service (see docs/operations.md).
#
#   MONGODB_URI        the replica set, without a database name (a full dump, with --oplog for a consistent point)
#   BACKUP_DIR         where archives go (default /backups; a volume, copied off the host by the region's backup)
#   BACKUP_AT          time of day, UTC, HH:MM (default 02:30)
#   BACKUP_KEEP        how many archives to keep (default 14)
#   BACKUP_ONCE=1      make one backup now and exit (also: `docker compose run --rm backup` with BACKUP_ONCE=1)
set -eu

BACKUP_DIR="${BACKUP_DIR:-/backups}"
BACKUP_AT="${BACKUP_AT:-02:30}"
BACKUP_KEEP="${BACKUP_KEEP:-14}"
: "${MONGODB_URI:?set MONGODB_URI}"

case "$BACKUP_KEEP" in '' | *[!0-9]* | 0) echo "BACKUP_KEEP must be a whole number, at least 1" >&2; exit 2 ;; esac
case "$BACKUP_AT" in [0-2][0-9]:[0-5][0-9]) ;; *) echo "BACKUP_AT must be HH:MM" >&2; exit 2 ;; esac

log() { printf '{"time":"%s","service":"backup","msg":"%s"}\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*"; }

backup_once() {
	mkdir -p "$BACKUP_DIR"
	stamp="$(date -u +%Y%m%dT%H%M%SZ)"
	final="$BACKUP_DIR/medskapa-$stamp.archive.gz"
	partial="$final.partial"
	started="$(date +%s)"
	# A secondary serves the dump, so the primary keeps taking stories; --oplog makes it one consistent moment.
	if mongodump --uri="$MONGODB_URI" --readPreference=secondaryPreferred --oplog --gzip --archive="$partial" --quiet; then
		mv "$partial" "$final"
		(cd "$BACKUP_DIR" && sha256sum "$(basename "$final")" > "$(basename "$final").sha256")
		log "backup written: $(basename "$final"), $(wc -c < "$final") bytes, $(( $(date +%s) - started )) s"
	else
		rm -f "$partial"
		log "backup FAILED"
		return 1
	fi
	# Keep the newest BACKUP_KEEP archives (names sort by time).
	ls -1 "$BACKUP_DIR" | grep -E '^medskapa-[0-9]{8}T[0-9]{6}Z\.archive\.gz$' | sort -r | tail -n +"$((BACKUP_KEEP + 1))" | while read -r old; do
		rm -f "$BACKUP_DIR/$old" "$BACKUP_DIR/$old.sha256"
		log "removed old backup $old"
	done
}

if [ "${BACKUP_ONCE:-0}" = "1" ]; then
	backup_once
	exit $?
fi

log "scheduled daily at $BACKUP_AT UTC, keeping $BACKUP_KEEP"
while :; do
	now="$(date -u +%s)"
	next="$(date -u -d "today $BACKUP_AT" +%s)"
	[ "$next" -gt "$now" ] || next="$(date -u -d "tomorrow $BACKUP_AT" +%s)"
	sleep "$((next - now))"
	# A failed run is logged and retried at the next slot; monitoring alerts on the log line or the archive's age.
	backup_once || true
done
