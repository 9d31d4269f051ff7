-- Issue 13, account deletion and suspension (docs/accounts.md "Deleting an account and your data").

-- A deleted member leaves only this: the id and when. The member row itself is deleted (its sessions, mail links,
-- recovery codes and roles go with it by their foreign keys), so the address may sign up again.
CREATE TABLE member_tombstone (
    member_id  CHAR(36)    NOT NULL,
    deleted_at DATETIME(6) NOT NULL,
    PRIMARY KEY (member_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- "Access tokens of this member issued before not_before are refused" (NULL: every token, for ever), in the order it
-- was decided: seq is the cursor of the feed GET /internal/v1/revocations. The newest row of a member is what holds.
CREATE TABLE member_revocation (
    seq        BIGINT      NOT NULL AUTO_INCREMENT,
    member_id  CHAR(36)    NOT NULL,
    not_before DATETIME(6) NULL,
    reason     VARCHAR(16) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_member_revocation_member ON member_revocation (member_id);

-- An administrator's suspension: the member cannot sign in and their tokens are refused until reinstated.
ALTER TABLE member
    ADD COLUMN suspended_at      DATETIME(6)  NULL,
    ADD COLUMN suspension_reason VARCHAR(500) NULL;
