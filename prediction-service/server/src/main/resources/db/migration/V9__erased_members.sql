-- Members whose account was deleted: their id and when, nothing else. Every write that adds a member's data first
-- reads this table with a share lock (MemberWrites.requireActive), so a write racing the erasure either lands
-- before it (and is erased with the rest) or is refused after it — nothing is left behind.
CREATE TABLE erased_member (
    member_id CHAR(36)    NOT NULL,
    erased_at DATETIME(6) NOT NULL,
    PRIMARY KEY (member_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
