#!/bin/bash
# Run once by the MySQL image's entrypoint on an empty data folder: the three schemas and one user per service,
# each limited to its own schema (docs/deployment.md). The passwords come from secrets/mysql.env.
set -euo pipefail
mysql -uroot -p"$MYSQL_ROOT_PASSWORD" <<SQL
CREATE DATABASE IF NOT EXISTS hitter_auth CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS hitter_community CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS hitter_prediction CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'hitter_auth'@'%' IDENTIFIED BY '${HITTER_AUTH_DB_PASSWORD}';
CREATE USER IF NOT EXISTS 'hitter_community'@'%' IDENTIFIED BY '${HITTER_COMMUNITY_DB_PASSWORD}';
CREATE USER IF NOT EXISTS 'hitter_prediction'@'%' IDENTIFIED BY '${HITTER_PREDICTION_DB_PASSWORD}';
GRANT ALL PRIVILEGES ON \`hitter\\_auth\`.* TO 'hitter_auth'@'%';
GRANT ALL PRIVILEGES ON \`hitter\\_community\`.* TO 'hitter_community'@'%';
GRANT ALL PRIVILEGES ON \`hitter\\_prediction\`.* TO 'hitter_prediction'@'%';
SQL
