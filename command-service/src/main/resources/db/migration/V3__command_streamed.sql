-- Whether the client reads the answer as a stream (SSE): only then does the ai-worker send the answer's chunks.
-- Null for rows written before this column, which the ai-worker treats as streamed, as it did then.
ALTER TABLE command ADD COLUMN streamed boolean;
