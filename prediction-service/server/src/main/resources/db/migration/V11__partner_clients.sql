-- Partner API clients (docs/partner-api.md): which client made an analysis or a job — the token's client_id claim,
-- NULL for the web app and for everything made before clients existed — and how much each client is used.
ALTER TABLE prediction ADD COLUMN client_id VARCHAR(64) NULL;
ALTER TABLE prediction_job ADD COLUMN client_id VARCHAR(64) NULL;
-- Copied from the job, so that the worker that scores an item records its prediction's client without reading
-- (and so locking against) the job's row.
ALTER TABLE prediction_job_item ADD COLUMN client_id VARCHAR(64) NULL;

-- Per member, client and day (UTC): requests the client's tokens made to prediction-service, analyses and jobs it
-- made, and when it was last seen. Counted in memory and added here every few seconds (ClientUsage), so a burst
-- of requests is a few upserts, not one write each. The member's own clients only are ever shown.
CREATE TABLE prediction_client_usage (
    member_id    CHAR(36)    NOT NULL,
    client_id    VARCHAR(64) NOT NULL,
    day          DATE        NOT NULL,
    requests     BIGINT      NOT NULL DEFAULT 0,
    analyses     BIGINT      NOT NULL DEFAULT 0,
    jobs         BIGINT      NOT NULL DEFAULT 0,
    last_used_at DATETIME(6) NOT NULL,
    PRIMARY KEY (member_id, client_id, day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
