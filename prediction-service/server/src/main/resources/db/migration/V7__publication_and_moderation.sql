-- Issue 11: an owner may publish a shared analysis' audio and lyrics; administrators hide or remove entries.

-- What was analysed, so that only that very file (and those lyrics) can be published behind the score: the SHA-256
-- of the audio file as uploaded, its format as the decoder found it, and the SHA-256 of the lyrics as analysed
-- (line endings and surrounding white space normalised). NULL for analyses made before this column: not publishable.
ALTER TABLE prediction ADD COLUMN audio_sha256 CHAR(64) NULL;
ALTER TABLE prediction ADD COLUMN audio_media_type VARCHAR(64) NULL;
ALTER TABLE prediction ADD COLUMN lyrics_sha256 CHAR(64) NULL;

-- An administrator's decision: NULL, HIDDEN (off the leaderboard for all but the owner) or REMOVED (the same, with
-- its published audio and lyrics deleted and publishing refused until restored).
ALTER TABLE prediction ADD COLUMN moderation VARCHAR(16) NULL;
ALTER TABLE prediction ADD COLUMN moderation_reason VARCHAR(500) NULL;
ALTER TABLE prediction ADD COLUMN moderated_at DATETIME(6) NULL;
ALTER TABLE prediction ADD COLUMN moderated_by CHAR(36) NULL;

-- A published analysis: kept only while it is shared and published. member_id is the owner's, for the quota.
CREATE TABLE prediction_publication (
    prediction_id CHAR(36)    NOT NULL,
    member_id     CHAR(36)    NOT NULL,
    audio_bytes   BIGINT      NOT NULL,
    media_type    VARCHAR(64) NOT NULL,
    audio_sha256  CHAR(64)    NOT NULL,
    -- NULL: the lyrics are not published.
    lyrics        MEDIUMTEXT  NULL,
    published_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (prediction_id),
    INDEX ix_prediction_publication_member (member_id),
    CONSTRAINT fk_prediction_publication_prediction FOREIGN KEY (prediction_id) REFERENCES prediction (id)
        ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The database implementation of the published-audio store: chunks small enough for any max_allowed_packet, as
-- batch staging keeps them, so every replica reads them without a shared volume. Deleted explicitly with the
-- publication; the foreign key is the second guard that a deleted analysis leaves no chunk.
CREATE TABLE published_audio_chunk (
    prediction_id CHAR(36)   NOT NULL,
    chunk         INT        NOT NULL,
    bytes         MEDIUMBLOB NOT NULL,
    PRIMARY KEY (prediction_id, chunk),
    CONSTRAINT fk_published_audio_chunk_prediction FOREIGN KEY (prediction_id) REFERENCES prediction (id)
        ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per member who ever published: locked while a publication is added, so that two at once cannot both
-- fit under the quota that only one of them fits under.
CREATE TABLE publication_quota_lock (
    member_id CHAR(36) NOT NULL,
    PRIMARY KEY (member_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The key that signs listening tickets (an <audio> element cannot send a bearer token): made once by whichever
-- replica starts first, read by all of them.
CREATE TABLE audio_ticket_key (
    id     INT          NOT NULL,
    secret VARCHAR(128) NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
