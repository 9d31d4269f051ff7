#!/bin/sh
# Writes the Compose set-up's secrets once: random values, owner-only, in secrets/ (gitignored). Never overwrites.
set -eu
cd "$(dirname "$0")"
if [ -e secrets ]; then echo "secrets/ exists already: nothing written" >&2; exit 1; fi
umask 077
mkdir secrets
r() { openssl rand -base64 32 | tr -d '\n'; }
ROOT=$(r); AUTH_DB=$(r); COMMUNITY_DB=$(r); PREDICTION_DB=$(r)
S_COMMUNITY=$(r); S_PREDICTION=$(r); S_GATEWAY=$(r)
cat > secrets/mysql.env <<E
MYSQL_ROOT_PASSWORD=$ROOT
HITTER_AUTH_DB_PASSWORD=$AUTH_DB
HITTER_COMMUNITY_DB_PASSWORD=$COMMUNITY_DB
HITTER_PREDICTION_DB_PASSWORD=$PREDICTION_DB
E
cat > secrets/auth.env <<E
HITTER_DB_PASSWORD=$AUTH_DB
HITTER_SERVICE_SECRET_COMMUNITY=$S_COMMUNITY
HITTER_SERVICE_SECRET_PREDICTION=$S_PREDICTION
HITTER_SERVICE_SECRET_GATEWAY=$S_GATEWAY
HITTER_SIGNING_KEY_ENCRYPTION_KEY=$(r)
HITTER_PARTNER_SECRET_PEPPER=$(r)
E
printf 'HITTER_DB_PASSWORD=%s\nHITTER_SERVICE_SECRET=%s\n' "$COMMUNITY_DB" "$S_COMMUNITY" > secrets/community.env
printf 'HITTER_DB_PASSWORD=%s\nHITTER_SERVICE_SECRET=%s\n' "$PREDICTION_DB" "$S_PREDICTION" > secrets/prediction.env
printf 'HITTER_SERVICE_SECRET=%s\n' "$S_GATEWAY" > secrets/gateway.env
echo "Written: secrets/{mysql,auth,community,prediction,gateway}.env (add HITTER_ADMIN_EMAIL/PASSWORD to auth.env for a first administrator)"
