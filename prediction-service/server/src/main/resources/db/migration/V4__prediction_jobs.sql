-- Batch jobs of partner tools: many tracks in one submission, scored by whichever replica claims each item.

CREATE TABLE prediction_job (
    id                 CHAR(36)      NOT NULL,
    member_id          CHAR(36)      NOT NULL,
    -- A retried submission with the same key answers the job it made first, instead of making a second one.
    idempotency_key    VARCHAR(200)  NULL,
    -- What the submission looked like (fields, file names and sizes), so a key reused for a different
    -- submission is refused rather than silently answered with the wrong job.
    request_hash       CHAR(64)      NOT NULL,
    state              VARCHAR(16)   NOT NULL,
    total_items        INT           NOT NULL,
    created_at         DATETIME(6)   NOT NULL,
    finished_at        DATETIME(6)   NULL,
    webhook_url        VARCHAR(2000) NULL,
    -- The HMAC key the webhook is signed with: needed to sign, so it is kept (never shown again after the 202).
    webhook_secret     VARCHAR(200)  NULL,
    -- NONE, PENDING (due at webhook_due_at), DELIVERED or FAILED; a claimed delivery is PENDING with its due time
    -- pushed past the attempt, so a replica that dies mid-call leaves it to be retried.
    webhook_state      VARCHAR(16)   NOT NULL,
    webhook_attempts   INT           NOT NULL DEFAULT 0,
    webhook_due_at     DATETIME(6)   NULL,
    webhook_last_error VARCHAR(500)  NULL,
    webhook_status     INT           NULL,
    PRIMARY KEY (id),
    UNIQUE INDEX ux_prediction_job_idempotency (member_id, idempotency_key),
    INDEX ix_prediction_job_member_created (member_id, created_at),
    INDEX ix_prediction_job_state (state),
    INDEX ix_prediction_job_webhook (webhook_state, webhook_due_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One track of a job. `available_at` is when a replica may take it: for QUEUED when it was queued (or when a
-- retry is due), for RUNNING when the claiming replica's lease runs out, so one index finds both the waiting
-- items and those whose replica died.
CREATE TABLE prediction_job_item (
    id                 CHAR(36)      NOT NULL,
    job_id             CHAR(36)      NOT NULL,
    member_id          CHAR(36)      NOT NULL,
    position           INT           NOT NULL,
    file_name          VARCHAR(255)  NOT NULL,
    title              VARCHAR(200)  NULL,
    artist             VARCHAR(200)  NULL,
    genre              VARCHAR(16)   NOT NULL,
    -- Held only until the item is scored (then set to NULL), like its audio.
    lyrics             MEDIUMTEXT    NULL,
    audio_size         BIGINT        NOT NULL,
    state              VARCHAR(16)   NOT NULL,
    available_at       DATETIME(6)   NOT NULL,
    attempts           INT           NOT NULL DEFAULT 0,
    lease_owner        VARCHAR(100)  NULL,
    scored_by          VARCHAR(100)  NULL,
    prediction_id      CHAR(36)      NULL,
    hit_probability    DOUBLE        NULL,
    audio_probability  DOUBLE        NULL,
    lyrics_probability DOUBLE        NULL,
    model_set_version  VARCHAR(64)   NULL,
    problem_type       VARCHAR(100)  NULL,
    problem_detail     VARCHAR(1000) NULL,
    problem_reason     VARCHAR(100)  NULL,
    finished_at        DATETIME(6)   NULL,
    PRIMARY KEY (id),
    UNIQUE INDEX ux_prediction_job_item_position (job_id, position),
    INDEX ix_prediction_job_item_claim (state, available_at),
    INDEX ix_prediction_job_item_member_state (member_id, state),
    CONSTRAINT fk_prediction_job_item_job FOREIGN KEY (job_id) REFERENCES prediction_job (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The staging area: an item's audio, in chunks small enough for any max_allowed_packet, from the submission until
-- the item is scored or fails. In the database rather than on a disk so that every replica can read it, and so
-- that the 202 answering a submission means the audio is as durable as the job itself.
CREATE TABLE prediction_job_audio (
    item_id CHAR(36)   NOT NULL,
    chunk   INT        NOT NULL,
    bytes   MEDIUMBLOB NOT NULL,
    PRIMARY KEY (item_id, chunk),
    CONSTRAINT fk_prediction_job_audio_item FOREIGN KEY (item_id) REFERENCES prediction_job_item (id)
        ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
