-- Every answer from a demonstration model says so, also in batch job results (issue 10).

-- Whether a demonstration model gave the item's result; NULL while it has none.
ALTER TABLE prediction_job_item ADD COLUMN demonstration BOOLEAN NULL;

-- Results scored before this column: the prediction each one made records its models (compact JSON, so the flag
-- reads exactly like this). Items whose prediction was deleted since stay NULL: unknown, and shown as such.
UPDATE prediction_job_item i JOIN prediction p ON p.id = i.prediction_id
SET i.demonstration = (p.explanation LIKE '%"demonstration":true%')
WHERE i.state = 'SUCCEEDED';

-- A member's list sorts by title or genre too; these keep it from sorting all their rows for one page.
CREATE INDEX ix_prediction_member_title ON prediction (member_id, title);
CREATE INDEX ix_prediction_member_genre ON prediction (member_id, genre, created_at);
