-- Each member's analyses, kept as history. The uploaded audio is never stored (it lives in a temporary file for
-- the request only); of the lyrics only the words the explanation shows are kept, inside `explanation`.

CREATE TABLE prediction (
    id                  CHAR(36)     NOT NULL,
    member_id           CHAR(36)     NOT NULL,
    title               VARCHAR(200) NULL,
    artist              VARCHAR(200) NULL,
    genre               VARCHAR(16)  NOT NULL,
    hit_probability     DOUBLE       NOT NULL,
    audio_probability   DOUBLE       NOT NULL,
    lyrics_probability  DOUBLE       NOT NULL,
    model_set_version   VARCHAR(64)  NOT NULL,
    -- The genre percentile's inputs, fixed when the analysis was made so that the answer never changes later.
    genre_earlier_count BIGINT       NOT NULL,
    genre_lower_count   BIGINT       NOT NULL,
    -- The explanation (segments, words, combination, models, timings) as JSON text: always read and written
    -- whole, never queried, so one column keeps GET identical to the POST answer on MySQL and MariaDB alike.
    explanation         MEDIUMTEXT   NOT NULL,
    shared              BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at          DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    INDEX ix_prediction_member_created (member_id, created_at),
    INDEX ix_prediction_member_probability (member_id, hit_probability),
    INDEX ix_prediction_genre_probability (genre, hit_probability)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Apart so that listing predictions never reads the pictures.
CREATE TABLE prediction_spectrogram (
    prediction_id CHAR(36)   NOT NULL,
    png           MEDIUMBLOB NOT NULL,
    PRIMARY KEY (prediction_id),
    CONSTRAINT fk_prediction_spectrogram_prediction FOREIGN KEY (prediction_id) REFERENCES prediction (id)
        ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
