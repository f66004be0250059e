-- The W3C traceparent of the event processing that created the delivery: the delivery worker sends it later, and
-- continues that trace (and passes it to the webhook receiver) instead of starting a new one.
ALTER TABLE delivery ADD COLUMN traceparent TEXT;
