-- Every call of a job's webhook, so that a partner can see what we sent when and what their receiver answered
-- (docs/prediction-jobs.md "Delivery log"). Kept per job up to the newest 50 attempts (JobStore.DELIVERY_LOG_SIZE):
-- a receiver that keeps failing, redelivered again and again, must not grow the table without end.
CREATE TABLE prediction_job_webhook_delivery (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    job_id       CHAR(36)     NOT NULL,
    -- The Hitter-Delivery header and the payload's deliveryId: the job's id for the first delivery (and its
    -- retries), a new id for each redelivery asked for, so a receiver that deduplicates still takes it.
    delivery_id  CHAR(36)     NOT NULL,
    -- 1 for the first call of the delivery, counting its retries.
    attempt      INT          NOT NULL,
    attempted_at DATETIME(6)  NOT NULL,
    -- The receiver's HTTP status; NULL when no answer came (refused address, timeout, connection error).
    status       INT          NULL,
    outcome      VARCHAR(16)  NOT NULL,
    error        VARCHAR(500) NULL,
    duration_ms  BIGINT       NOT NULL,
    redelivery   BOOLEAN      NOT NULL,
    PRIMARY KEY (id),
    INDEX ix_prediction_job_webhook_delivery_job (job_id, id),
    CONSTRAINT fk_prediction_job_webhook_delivery_job FOREIGN KEY (job_id) REFERENCES prediction_job (id)
        ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The delivery now under way: NULL for the first (its id is the job's), a new id once a redelivery is asked for.
ALTER TABLE prediction_job
    ADD COLUMN webhook_delivery_id CHAR(36) NULL,
    ADD COLUMN webhook_redelivery  BOOLEAN  NOT NULL DEFAULT FALSE;
