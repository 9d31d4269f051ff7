-- Each member's fair share of the batch service (issue 9).

-- One row per member who has submitted a job. A submission locks its member's row (SELECT ... FOR UPDATE) before
-- it counts the member's waiting items and staged bytes and stages its own, so two submissions of one member are
-- checked one after the other: they cannot both pass a limit that only one of them fits under. Members do not
-- wait for each other.
CREATE TABLE prediction_job_member (
    member_id  CHAR(36)    NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (member_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Claims rotate across members: a claim first asks which member's due items have waited longest among those with
-- the fewest items running, then takes that member's oldest due item. This index answers both per member, and
-- the member's waiting-items and staged-bytes counts at submission; it replaces (member_id, state).
CREATE INDEX ix_prediction_job_item_member_due ON prediction_job_item (member_id, state, available_at);
DROP INDEX ix_prediction_job_item_member_state ON prediction_job_item;
