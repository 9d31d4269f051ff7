-- Likes on shared analyses, and the reference tracks ("similar hits") that administrators mark.

-- The primary key is the "a member likes once" rule: a second like of the same member is a duplicate key, which
-- `INSERT … ON DUPLICATE KEY UPDATE` turns into nothing, so concurrent likes need no lock. Deleting a prediction
-- deletes its likes through the foreign key.
CREATE TABLE prediction_like (
    prediction_id CHAR(36)    NOT NULL,
    member_id     CHAR(36)    NOT NULL,
    created_at    DATETIME(6) NOT NULL,
    PRIMARY KEY (prediction_id, member_id),
    INDEX ix_prediction_like_member (member_id),
    CONSTRAINT fk_prediction_like_prediction FOREIGN KEY (prediction_id) REFERENCES prediction (id)
        ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A reference track is always shared too: marking shares it, unsharing unmarks it.
ALTER TABLE prediction ADD COLUMN reference_track BOOLEAN NOT NULL DEFAULT FALSE;

-- The leaderboard reads a genre's shared analyses by hit probability, ties by age.
CREATE INDEX ix_prediction_leaderboard ON prediction (genre, shared, hit_probability, created_at);

-- A prediction's nearest references: one range scan up and one down from its hit probability.
CREATE INDEX ix_prediction_reference ON prediction (genre, reference_track, hit_probability);
